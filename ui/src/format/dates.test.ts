import { describe, expect, it } from 'vitest'
import {
  addQuarters,
  entryDateForQuarter,
  parseIso,
  parseQuarterKey,
  quarterEnd,
  quarterKey,
  quarterOf,
  quartersBetween,
  quarterStart,
} from './dates'

describe('dates and quarters', () => {
  it('finds the quarter of a date and its bounds', () => {
    // (date, quarter, first day, last day)
    const cases: [string, string, string, string][] = [
      ['2024-01-01', '2024Q1', '2024-01-01', '2024-03-31'],
      ['2024-02-29', '2024Q1', '2024-01-01', '2024-03-31'],
      ['2024-06-30', '2024Q2', '2024-04-01', '2024-06-30'],
      ['2024-07-01', '2024Q3', '2024-07-01', '2024-09-30'],
      ['2023-12-31', '2023Q4', '2023-10-01', '2023-12-31'],
    ]
    for (const [date, key, start, end] of cases) {
      const q = quarterOf(date)
      expect(quarterKey(q), `quarter of ${date}`).toBe(key)
      expect(quarterStart(q), `start of ${key}`).toBe(start)
      expect(quarterEnd(q), `end of ${key}`).toBe(end)
    }
  })

  it('dates a quarter grid on the quarter end, or today when earlier', () => {
    // (quarter, today, want)
    const cases: [string, string, string][] = [
      ['2024Q2', '2024-07-15', '2024-06-30'], // quarter over
      ['2024Q2', '2024-06-30', '2024-06-30'], // last day
      ['2024Q3', '2024-08-10', '2024-08-10'], // under way: today
      ['2023Q4', '2024-08-10', '2023-12-31'],
    ]
    for (const [key, today, want] of cases) {
      const got = entryDateForQuarter(parseQuarterKey(key)!, today)
      expect(got, `entry date for ${key} on ${today}`).toBe(want)
    }
  })

  it('parses dates strictly', () => {
    const cases: [string, boolean][] = [
      ['2024-02-29', true],
      ['2023-02-29', false],
      ['2024-13-01', false],
      ['2024-6-30', false],
      ['2099-12-31', true], // a real date; the core refuses it as future work
      ['', false],
    ]
    for (const [s, ok] of cases) expect(parseIso(s) !== null, `parseIso(${JSON.stringify(s)})`).toBe(ok)
  })

  it('parses and steps quarters', () => {
    const cases: [string, string | null][] = [
      ['2024Q2', '2024Q2'],
      ['2024-q3', '2024Q3'],
      ['2024Q5', null],
      ['Q2', null],
    ]
    for (const [s, want] of cases) {
      const q = parseQuarterKey(s)
      expect(q ? quarterKey(q) : null, `parseQuarterKey(${s})`).toBe(want)
    }
    expect(quarterKey(addQuarters({ year: 2024, q: 1 }, -1)), '2024Q1 − 1').toBe('2023Q4')
    expect(quarterKey(addQuarters({ year: 2024, q: 4 }, 1)), '2024Q4 + 1').toBe('2025Q1')
    expect(quartersBetween({ year: 2023, q: 4 }, { year: 2024, q: 2 }).map(quarterKey), 'between').toEqual([
      '2024Q2',
      '2024Q1',
      '2023Q4',
    ])
  })
})
