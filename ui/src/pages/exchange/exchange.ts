// Pure helpers of the 数据交换 page: the fingerprint laid out to read by phone, a package's
// counts per table, and what differs between the two versions of a conflict.
import type { TableCounts } from '../../bindings/core/TableCounts'

/** 16 groups of four, as four lines of four groups (read out by phone line by line). */
export function fingerprintLines(grouped: string | null | undefined): string[] {
  const groups = (grouped ?? '').split(/\s+/).filter(Boolean)
  const lines: string[] = []
  for (let i = 0; i < groups.length; i += 4) lines.push(groups.slice(i, i + 4).join(' '))
  return lines
}

export interface CountRow {
  table: string
  insert: number
  update: number
  delete: number
}

/** The tables a package changes, with their counts, in the order given (parents first). */
export function countRows(counts: Partial<Record<string, TableCounts>>): CountRow[] {
  return Object.entries(counts)
    .filter((e): e is [string, TableCounts] => e[1] !== undefined)
    .map(([table, c]) => ({ table, insert: c.insert, update: c.update, delete: c.delete }))
    .filter((r) => r.insert + r.update + r.delete > 0)
}

/** Stamps every write sets: not what a person compares. */
const STAMPS = new Set(['created_at', 'created_by', 'updated_at', 'updated_by'])

export interface Difference {
  field: string
  ours: unknown
  theirs: unknown
}

function asObject(v: unknown): Record<string, unknown> | null {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null
}

/**
 * The fields whose values differ between this ledger's row and the sender's version (the
 * sender's update carries only the columns it changed). A side that is absent (a row
 * deleted on one side) shows as null for every field of the other.
 */
export function differences(ours: unknown, theirs: unknown): Difference[] {
  const o = asObject(ours)
  const th = asObject(theirs)
  const fields = new Set([...Object.keys(th ?? {}), ...(th ? [] : Object.keys(o ?? {}))])
  const out: Difference[] = []
  for (const field of fields) {
    if (STAMPS.has(field) || field === 'id') continue
    const a = o ? o[field] ?? null : null
    const b = th ? th[field] ?? null : null
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ field, ours: a, theirs: b })
  }
  return out
}

/** The version a person can take instead of the one standing. */
export function otherVersion(stands: string): 'ours' | 'theirs' {
  return stands === 'ours' ? 'theirs' : 'ours'
}

/** A value of a conflict as text. */
export function valueText(v: unknown, empty: string): string {
  if (v === null || v === undefined || v === '') return empty
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v)
}
