// The ledger's catalogue (actions, indicators, units, settings), loaded once and reloaded
// after the Settings page changes it. Pages read from here instead of asking again.
import { computed, reactive } from 'vue'
import type { Action } from '../bindings/core/Action'
import type { Derivation } from '../bindings/core/Derivation'
import type { Indicator } from '../bindings/core/Indicator'
import type { Settings } from '../bindings/core/Settings'
import type { Unit } from '../bindings/core/Unit'
import * as ipc from '../ipc'
import type { IpcFailure } from '../ipc'

export const catalog = reactive({
  actions: [] as Action[],
  indicators: [] as Indicator[],
  units: [] as Unit[],
  settings: { slightly_behind_threshold: 0.85 } as Settings,
  /** Indicators whose figures the core counts from registers: nobody enters them. */
  derived: new Map<string, Derivation>(),
  loaded: false,
  error: null as IpcFailure | null,
})

export async function loadCatalog(): Promise<void> {
  try {
    const [actions, indicators, units, settings, derivations] = await Promise.all([
      ipc.listActions(true),
      ipc.listIndicators(null, true),
      ipc.listUnits(true),
      ipc.getSettings(),
      ipc.listDerivations(),
    ])
    catalog.derived = new Map(derivations)
    catalog.actions = actions
    catalog.indicators = indicators
    catalog.units = units
    catalog.settings = settings
    catalog.error = null
  } catch (e) {
    catalog.error = e as IpcFailure
  } finally {
    catalog.loaded = true
  }
}

export const activeActions = computed(() => catalog.actions.filter((a) => !a.archived))
export const activeUnits = computed(() => catalog.units.filter((u) => !u.archived))
/** Districts and counties (区县), for the register forms' county selects. */
export const activeCounties = computed(() => activeUnits.value.filter((u) => u.kind === 'county'))

/** Whether figures of the indicator are entered (not counted from a register). */
export function isEnterable(indicatorId: string): boolean {
  return !catalog.derived.has(indicatorId)
}

export function indicatorsOf(actionId: string, includeArchived = false): Indicator[] {
  return catalog.indicators.filter((i) => i.action_id === actionId && (includeArchived || !i.archived))
}

export function actionByCode(code: string): Action | undefined {
  return catalog.actions.find((a) => a.code === code || a.id === code)
}

export function indicatorById(id: string): Indicator | undefined {
  return catalog.indicators.find((i) => i.id === id || i.code === id)
}

/** The indicator the nav's 指标 opens: the first headline one still in use, else the first in use. */
export function firstIndicator(): Indicator | undefined {
  const live = catalog.indicators.filter((i) => !i.archived)
  return live.find((i) => i.headline) ?? live[0]
}

export function unitById(id: string | null | undefined): Unit | undefined {
  return id ? catalog.units.find((u) => u.id === id) : undefined
}

/** The root of the unit tree (the city). */
export const rootUnit = computed(() => catalog.units.find((u) => u.parent_id === null && !u.archived))

/** A unit and all its descendants' ids. */
export function subtreeIds(id: string): Set<string> {
  const out = new Set<string>([id])
  let grew = true
  while (grew) {
    grew = false
    for (const u of catalog.units) {
      if (u.parent_id && out.has(u.parent_id) && !out.has(u.id)) {
        out.add(u.id)
        grew = true
      }
    }
  }
  return out
}

export interface UnitNode {
  value: string
  label: string
  unit: Unit
  children?: UnitNode[]
}

/** The unit tree for tree selects, labelled by `label(unit)`. */
export function unitTree(label: (u: Unit) => string, includeArchived = false): UnitNode[] {
  const units = catalog.units.filter((u) => includeArchived || !u.archived)
  const byParent = new Map<string | null, Unit[]>()
  for (const u of units) {
    const list = byParent.get(u.parent_id) ?? []
    list.push(u)
    byParent.set(u.parent_id, list)
  }
  const ids = new Set(units.map((u) => u.id))
  const build = (parent: string | null): UnitNode[] =>
    (byParent.get(parent) ?? []).map((u) => {
      const children = build(u.id)
      return { value: u.id, label: label(u), unit: u, children: children.length ? children : undefined }
    })
  // Roots: no parent, or a parent that is filtered out.
  const roots = units.filter((u) => u.parent_id === null || !ids.has(u.parent_id))
  return roots.map((u) => {
    const children = build(u.id)
    return { value: u.id, label: label(u), unit: u, children: children.length ? children : undefined }
  })
}
