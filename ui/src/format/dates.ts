// Dates as ISO strings ("2024-06-30") and calendar quarters, without time zones.
import type { Quarter } from '../bindings/core/Quarter'

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/

export function pad2(n: number): string {
  return String(n).padStart(2, '0')
}

/** A local Date as "YYYY-MM-DD". */
export function isoDate(d: Date): string {
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`
}

/** Parses "YYYY-MM-DD" strictly; null when not a real calendar date. */
export function parseIso(s: string): { year: number; month: number; day: number } | null {
  const m = ISO.exec(s.trim())
  if (!m) return null
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null
  return { year, month, day }
}

export function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
}

export function quarterOf(iso: string): Quarter {
  const d = parseIso(iso)
  if (!d) throw new Error(`not a date: ${iso}`)
  return { year: d.year, q: Math.floor((d.month - 1) / 3) + 1 }
}

export function quarterStart(q: Quarter): string {
  return `${q.year}-${pad2((q.q - 1) * 3 + 1)}-01`
}

export function quarterEnd(q: Quarter): string {
  const month = q.q * 3
  return `${q.year}-${pad2(month)}-${pad2(daysInMonth(q.year, month))}`
}

/** "2024Q2" */
export function quarterKey(q: Quarter): string {
  return `${q.year}Q${q.q}`
}

/** Parses "2024Q2" (also "2024-Q2", "2024q2"); null otherwise. */
export function parseQuarterKey(s: string): Quarter | null {
  const m = /^(\d{4})-?[Qq]([1-4])$/.exec(s.trim())
  return m ? { year: Number(m[1]), q: Number(m[2]) } : null
}

export function addQuarters(q: Quarter, n: number): Quarter {
  const idx = q.year * 4 + (q.q - 1) + n
  return { year: Math.floor(idx / 4), q: (idx % 4) + 1 }
}

/** Quarters from `from` to `to`, both included, newest first. */
export function quartersBetween(from: Quarter, to: Quarter): Quarter[] {
  const out: Quarter[] = []
  for (let q = to; q.year * 4 + q.q >= from.year * 4 + from.q; q = addQuarters(q, -1)) out.push(q)
  return out
}

/** Grid entries of a quarter are dated its last day, or today when the quarter is not over. */
export function entryDateForQuarter(q: Quarter, today: string): string {
  const end = quarterEnd(q)
  return end <= today ? end : today
}

/** The quarter is under way or over by `today` (entries for it can be dated). */
export function quarterHasStarted(q: Quarter, today: string): boolean {
  return quarterStart(q) <= today
}

/** Last day of the year before. */
export function previousYearEnd(iso: string): string {
  const d = parseIso(iso)
  if (!d) throw new Error(`not a date: ${iso}`)
  return `${d.year - 1}-12-31`
}

export function yearSpan(year: number): { start: string; end: string } {
  return { start: `${year}-01-01`, end: `${year}-12-31` }
}

/** Month span of a 'YYYY-MM' label. */
export function monthEnd(year: number, month: number): string {
  return `${year}-${pad2(month)}-${pad2(daysInMonth(year, month))}`
}
