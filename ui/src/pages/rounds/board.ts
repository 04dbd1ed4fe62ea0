// The board's pure helpers: filtering rows by state and lateness, the colour of a state,
// the 报送 12 / 更正 10 line of a corrected entry. No Vue, no IPC: unit-tested.
import type { BoardRow } from '../../bindings/core/BoardRow'
import type { UnitState } from '../../bindings/core/UnitState'

export const STATES: UnitState[] = ['not_started', 'submitted', 'returned', 'approved']

export interface BoardFilter {
  /** null: every state. */
  state: UnitState | null
  /** Only units past the due date while their return is awaited. */
  lateOnly: boolean
}

export function filterBoard(rows: BoardRow[], f: BoardFilter): BoardRow[] {
  return rows.filter((r) => (f.state === null || r.state === f.state) && (!f.lateOnly || r.late_days > 0))
}

/** How many rows are in each state. */
export function countStates(rows: BoardRow[]): Record<UnitState, number> {
  const out: Record<UnitState, number> = { not_started: 0, submitted: 0, returned: 0, approved: 0 }
  for (const r of rows) out[r.state] += 1
  return out
}

export type TagType = 'info' | 'warning' | 'danger' | 'success'

/** 未报 grey, 已报 amber (waiting for review), 退回 red, 已审 green. */
export function stateTag(s: UnitState): TagType {
  return ({ not_started: 'info', submitted: 'warning', returned: 'danger', approved: 'success' } as const)[s]
}

/** What a role may do with a unit's return in this state (the core refuses the rest). */
export function stepsOf(s: UnitState): { submit: boolean; approve: boolean; sendBack: boolean } {
  return {
    submit: s === 'not_started' || s === 'returned',
    approve: s === 'submitted',
    sendBack: s === 'submitted' || s === 'approved',
  }
}
