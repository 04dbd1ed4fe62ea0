import { describe, expect, it } from 'vitest'
import { followedAsOf, localDay } from './clock'

describe("the window's today follows the clock", () => {
  it('names the local calendar day', () => {
    expect(localDay(new Date(2026, 11, 3, 23, 59, 59))).toBe('2026-12-03')
    expect(localDay(new Date(2026, 11, 4, 0, 0, 1))).toBe('2026-12-04')
    expect(localDay(new Date(2027, 0, 1, 0, 0, 0))).toBe('2027-01-01')
  })
  it('moves an as-of date left on today, and keeps one the person chose', () => {
    expect(followedAsOf('2026-12-03', '2026-12-03', '2026-12-04')).toBe('2026-12-04')
    expect(followedAsOf('2026-09-30', '2026-12-03', '2026-12-04')).toBe('2026-09-30')
  })
})
