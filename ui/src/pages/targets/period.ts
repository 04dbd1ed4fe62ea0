// The target period a person picks: a year, a quarter or a custom span.
import type { Period } from '../../bindings/core/Period'
import { quarterEnd, quarterStart, yearSpan } from '../../format/dates'

export type PeriodKind = 'year' | 'quarter' | 'custom'

export interface PeriodChoice {
  kind: PeriodKind
  year: number
  q: number
  range: [string, string] | null
}

export function periodOf(c: PeriodChoice): Period | null {
  if (c.kind === 'year') return yearSpan(c.year)
  if (c.kind === 'quarter') return { start: quarterStart({ year: c.year, q: c.q }), end: quarterEnd({ year: c.year, q: c.q }) }
  return c.range ? { start: c.range[0], end: c.range[1] } : null
}

/** The choice that shows an existing period: a calendar year or quarter if it is one. */
export function choiceOf(p: Period): PeriodChoice {
  const y = Number(p.start.slice(0, 4))
  const year = yearSpan(y)
  if (p.start === year.start && p.end === year.end) return { kind: 'year', year: y, q: 1, range: null }
  for (let q = 1; q <= 4; q++) {
    if (p.start === quarterStart({ year: y, q }) && p.end === quarterEnd({ year: y, q })) return { kind: 'quarter', year: y, q, range: null }
  }
  return { kind: 'custom', year: y, q: 1, range: [p.start, p.end] }
}

export function samePeriod(a: Period, b: Period): boolean {
  return a.start === b.start && a.end === b.end
}
