// How an audit record's changes read: one line per field, 「数值：12 → 15」 for an update, the
// new values of an insert (or a baseline), the old values of a delete. Pure, unit-tested.
import type { FieldChange } from '../ipc/accountTypes'

export interface ChangeLine {
  field: string
  label: string
  /** Shown struck through before the arrow (updates only). */
  old: string | null
  /** Shown after the arrow, or alone. */
  value: string
  kind: 'set' | 'changed' | 'removed'
}

export interface ValueWords {
  empty: string
  yes: string
  no: string
  /** A friendlier text for a stored value (a unit's id → its name); undefined keeps it. */
  resolve?: (field: string, value: unknown) => string | undefined
}

/** A stored JSON value as text (the trail's values are JSON: strings, numbers, booleans …). */
export function formatValue(field: string, v: unknown, words: ValueWords): string {
  if (v === null || v === undefined || v === '') return words.empty
  const named = words.resolve?.(field, v)
  if (named !== undefined) return named
  if (typeof v === 'boolean') return v ? words.yes : words.no
  if (typeof v === 'string' || typeof v === 'number') return String(v)
  return JSON.stringify(v)
}

export function changeLines(op: string, changes: FieldChange[], words: ValueWords): ChangeLine[] {
  return changes.map((c) => {
    const label = c.label || c.field
    if (op === 'delete') return { field: c.field, label, old: null, value: formatValue(c.field, c.old, words), kind: 'removed' }
    if (op === 'update') {
      return { field: c.field, label, old: formatValue(c.field, c.old, words), value: formatValue(c.field, c.new, words), kind: 'changed' }
    }
    return { field: c.field, label, old: null, value: formatValue(c.field, c.new, words), kind: 'set' }
  })
}

/** One line as plain text: 「数值：12 → 15」 (the colon is the language's). */
export function changeText(line: ChangeLine, colon = '：'): string {
  return line.old === null ? `${line.label}${colon}${line.value}` : `${line.label}${colon}${line.old} → ${line.value}`
}

/** An RFC 3339 stamp as the writer's clock read it: 2024-07-10 09:12. */
export function stamp(at: string): string {
  return at.slice(0, 16).replace('T', ' ')
}
