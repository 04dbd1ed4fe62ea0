// What the quarter grid covers: the action (its enterable indicators are the columns), the
// quarter (and the date its entries carry) and the units in scope (the rows).
import { computed, ref } from 'vue'
import type { Indicator } from '../../bindings/core/Indicator'
import type { Unit } from '../../bindings/core/Unit'
import type { UnitKind } from '../../bindings/core/UnitKind'
import { useFormat } from '../../composables/useFormat'
import { addQuarters, entryDateForQuarter, parseQuarterKey, quarterKey, quarterOf, quartersBetween } from '../../format/dates'
import { app } from '../../store/app'
import { activeActions, activeUnits, indicatorsOf, isEnterable, rootUnit, subtreeIds } from '../../store/catalog'
import { filter } from '../../store/filter'

export function useQuarterGridScope() {
  const { quarter } = useFormat()
  const today = computed(() => app.info?.today ?? filter.asOf)

  const actionId = ref<string | null>(activeActions.value[0]?.id ?? null)
  const lastQuarter = computed(() => quarterOf(today.value))
  const quarterKeyValue = ref(quarterKey(quarterOf(filter.asOf && filter.asOf <= today.value ? filter.asOf : today.value)))
  const quarterOptions = computed(() => {
    // The last three years, and back to the quarter the top bar looks at.
    const asOf = quarterOf(filter.asOf && filter.asOf <= today.value ? filter.asOf : today.value)
    const back = addQuarters(lastQuarter.value, -11)
    const from = asOf.year * 4 + asOf.q < back.year * 4 + back.q ? asOf : back
    return quartersBetween(from, lastQuarter.value).map((q) => ({ value: quarterKey(q), label: quarter(q) }))
  })
  const q = computed(() => parseQuarterKey(quarterKeyValue.value) ?? lastQuarter.value)
  const datedOn = computed(() => entryDateForQuarter(q.value, today.value))
  const kind = ref<UnitKind | 'all'>('all')

  const allIndicators = computed<Indicator[]>(() => (actionId.value ? indicatorsOf(actionId.value) : []))
  /** Columns: the indicators clerks enter; those counted from registers are left out. */
  const indicators = computed<Indicator[]>(() => allIndicators.value.filter((i) => isEnterable(i.id)))
  const derivedHere = computed(() => allIndicators.value.filter((i) => !isEnterable(i.id)))
  const units = computed<Unit[]>(() => {
    const scope = filter.unit ?? rootUnit.value?.id ?? null
    const inScope = scope ? subtreeIds(scope) : new Set(activeUnits.value.map((u) => u.id))
    let list = activeUnits.value.filter((u) => inScope.has(u.id))
    // The scope itself reports only when it has no sub-units.
    if (list.length > 1) list = list.filter((u) => u.id !== scope)
    return kind.value === 'all' ? list : list.filter((u) => u.kind === kind.value)
  })
  const kinds = computed(() => {
    const present = new Set(units.value.map((u) => u.kind))
    return (['county', 'zone', 'department', 'party', 'other'] as UnitKind[]).filter((k) => present.has(k) || kind.value === k)
  })

  return { actionId, quarterKeyValue, quarterOptions, q, datedOn, kind, indicators, derivedHere, units, kinds }
}
