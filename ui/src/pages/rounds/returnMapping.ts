// The return's mapping as the dialog corrects it, on the model of the other imports: each
// column's role (本期, 累计 …; one column per role) and each row's indicator (or 不导入).
// The core keeps the person's rows apart from the guess: a row the person did not set is
// matched again by its code or name, so correcting a column never hides an unmatched row.
// Pure; unit-tested.
import type { ReturnColumnRole } from '../../bindings/core/ReturnColumnRole'
import type { ReturnMapping } from '../../bindings/core/ReturnMapping'
import type { ReturnPreview } from '../../bindings/core/ReturnPreview'
import type { ReturnRowMapping } from '../../bindings/core/ReturnRowMapping'

/** The roles a column can have, in the order the select lists them. */
export const ROLES: ReturnColumnRole[] = ['code', 'name', 'period', 'year_to_date', 'lag_reason', 'measures', 'note']

/** A row select's value for 不导入; '' is 未对应 (no indicator). */
export const SKIP = '__skip'

/** The mapping with column `index` read as `role` (null: not read); no other column keeps it. */
export function withColumnRole(m: ReturnMapping, index: number, role: ReturnColumnRole | null): ReturnMapping {
  return {
    ...m,
    columns: m.columns.map((c) => {
      if (c.index === index) return { ...c, role }
      if (role !== null && c.role === role) return { ...c, role: null }
      return c
    }),
  }
}

/** What a row's select shows: an indicator id, SKIP, or '' when it matched none. */
export function rowChoice(r: ReturnRowMapping): string {
  return r.skip ? SKIP : (r.indicator ?? '')
}

/** The person's rows with `row` set to `choice` (an indicator id, or SKIP); '' forgets it. */
export function withRowChoice(mine: ReturnRowMapping[], row: ReturnRowMapping, choice: string): ReturnRowMapping[] {
  const others = mine.filter((r) => r.row !== row.row)
  if (choice === '') return others
  const set: ReturnRowMapping = { row: row.row, label: row.label, indicator: choice === SKIP ? null : choice, skip: choice === SKIP }
  return [...others, set].sort((a, b) => a.row - b.row)
}

/** What the preview is asked with: the columns as shown and only the rows the person set. */
export function correctedMapping(shown: ReturnMapping, mine: ReturnRowMapping[]): ReturnMapping {
  return { ...shown, rows: mine.map((r) => ({ ...r })) }
}

/** Rows the core found a problem at, to mark them in the mapping. */
export function problemRows(p: ReturnPreview | null): Set<number> {
  return new Set((p?.problems ?? []).flatMap((x) => (x.row === null ? [] : [x.row])))
}
