import { describe, expect, it } from 'vitest'
import { defaultReportQuarter, lastFinishedQuarter, parseQuarter, quarterAsOf, quarterTitle, reportQuarters, summaryQuery } from './period'

describe('quarters of the summary', () => {
  it('labels a quarter as the release does, and in English', () => {
    const cases: [number, number, string, string][] = [
      [2024, 2, 'zh-CN', '2024年第二季度'],
      [2024, 4, 'zh-CN', '2024年第四季度'],
      [2025, 1, 'en', 'Q1 2025'],
    ]
    for (const [year, q, locale, want] of cases) expect(quarterTitle({ year, q }, locale), `${year}Q${q} ${locale}`).toBe(want)
  })

  it('reads what a person types for a quarter', () => {
    const cases: [string, { year: number; q: number } | null][] = [
      ['2024Q2', { year: 2024, q: 2 }],
      ['2024-q3', { year: 2024, q: 3 }],
      ['2024年第二季度', { year: 2024, q: 2 }],
      ['2024年第4季度', { year: 2024, q: 4 }],
      ['2024年三季度', { year: 2024, q: 3 }],
      ['Q1 2025', { year: 2025, q: 1 }],
      ['2024Q5', null],
      ['2024年第五季度', null],
      ['', null],
    ]
    for (const [text, want] of cases) expect(parseQuarter(text), text).toEqual(want)
  })

  it('opens on the sample quarter, else the last finished one', () => {
    const cases: [{ has_sample: boolean; sample_as_of: string | null; today: string }, { year: number; q: number }][] = [
      [{ has_sample: true, sample_as_of: '2024-06-30', today: '2026-11-26' }, { year: 2024, q: 2 }],
      [{ has_sample: false, sample_as_of: null, today: '2026-11-26' }, { year: 2026, q: 3 }],
      [{ has_sample: false, sample_as_of: null, today: '2026-01-05' }, { year: 2025, q: 4 }],
    ]
    for (const [info, want] of cases) expect(defaultReportQuarter(info), JSON.stringify(info)).toEqual(want)
    expect(lastFinishedQuarter('2024-04-01')).toEqual({ year: 2024, q: 1 })
  })

  it('offers the current quarter and those before it, newest first', () => {
    const qs = reportQuarters('2024-07-15', 4)
    expect(qs).toEqual([
      { year: 2024, q: 3 },
      { year: 2024, q: 2 },
      { year: 2024, q: 1 },
      { year: 2023, q: 4 },
    ])
  })

  it('asks the core for a quarter or for an as-of date', () => {
    const scope = { mode: 'quarter' as const, quarter: '2024Q2', asOf: '2024-05-15', unit: null, action: 'prosperity' }
    expect(summaryQuery(scope)).toEqual({ quarter: { year: 2024, q: 2 }, as_of: null, unit: null, action: 'prosperity' })
    expect(summaryQuery({ ...scope, mode: 'date' })).toEqual({ quarter: null, as_of: '2024-05-15', unit: null, action: 'prosperity' })
    // A date that is not one falls back to the quarter.
    expect(summaryQuery({ ...scope, mode: 'date', asOf: '2024-02-30' }).quarter).toEqual({ year: 2024, q: 2 })
    expect(quarterAsOf({ year: 2024, q: 2 }, '2026-01-01')).toBe('2024-06-30')
    expect(quarterAsOf({ year: 2024, q: 3 }, '2024-07-15')).toBe('2024-07-15')
  })
})
