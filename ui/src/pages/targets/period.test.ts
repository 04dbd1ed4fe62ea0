import { describe, expect, it } from 'vitest'
import { choiceOf, periodOf, type PeriodChoice } from './period'

describe('target periods', () => {
  it('turns a choice into a period and back', () => {
    // (choice, period)
    const cases: [PeriodChoice, { start: string; end: string }][] = [
      [{ kind: 'year', year: 2024, q: 1, range: null }, { start: '2024-01-01', end: '2024-12-31' }],
      [{ kind: 'quarter', year: 2024, q: 1, range: null }, { start: '2024-01-01', end: '2024-03-31' }],
      [{ kind: 'quarter', year: 2023, q: 4, range: null }, { start: '2023-10-01', end: '2023-12-31' }],
      [{ kind: 'custom', year: 2022, q: 1, range: ['2022-01-01', '2024-12-31'] }, { start: '2022-01-01', end: '2024-12-31' }],
    ]
    for (const [choice, period] of cases) {
      expect(periodOf(choice), `period of ${JSON.stringify(choice)}`).toEqual(period)
      expect(choiceOf(period), `choice of ${period.start}…${period.end}`).toEqual(choice)
    }
  })

  it('has no period for a custom choice without dates', () => {
    expect(periodOf({ kind: 'custom', year: 2024, q: 1, range: null })).toBeNull()
  })
})
