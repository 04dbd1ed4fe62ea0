// The filters a register page shares: search, unit (the global unit filter unless a
// drill-down names one), status, date range and page; reset to page 1 when any changes.
import { ref, watch } from 'vue'
import { useRoute } from 'vue-router'
import { filter } from '../../store/filter'
import { scopeFromQuery, type DrillScope } from './drill'

export const PAGE_SIZE = 50

export function useRegisterScope() {
  const route = useRoute()
  const drill = ref<DrillScope | null>(scopeFromQuery(route.query))
  const search = ref('')
  const unit = ref<string | null>(drill.value ? drill.value.unit : filter.unit)
  const status = ref<string | null>(drill.value?.status ?? null)
  const range = ref<[string, string] | null>(drill.value?.to ? [drill.value.from ?? '2000-01-01', drill.value.to] : null)
  const page = ref(1)

  watch(() => filter.unit, (u) => (unit.value = u))
  watch([search, unit, status, range], () => (page.value = 1))
  watch(
    () => route.query,
    (q) => {
      const d = scopeFromQuery(q)
      drill.value = d
      unit.value = d ? d.unit : filter.unit
      status.value = d?.status ?? null
      range.value = d?.to ? [d.from ?? '2000-01-01', d.to] : null
    },
  )

  /** Drops the drill-down's field match (the other filters stay editable anyway). */
  function clearDrill(): void {
    drill.value = null
    status.value = null
    range.value = null
  }

  const paging = () => ({ limit: PAGE_SIZE, offset: (page.value - 1) * PAGE_SIZE })
  return { drill, search, unit, status, range, page, paging, clearDrill }
}
