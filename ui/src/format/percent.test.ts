import { describe, expect, it } from 'vitest'
import { barPercent, formatPercent } from './percent'

describe('formatPercent', () => {
  it('shows shares as percentages with one decimal', () => {
    const cases: [number | null | undefined, number | undefined, string][] = [
      [0.844, undefined, '84.4%'],
      [0.8444, undefined, '84.4%'],
      [0.8445, undefined, '84.5%'],
      [1, undefined, '100.0%'],
      [1.25, undefined, '125.0%'],
      [0, undefined, '0.0%'],
      [0.5, 0, '50%'],
      [-0.123, undefined, '−12.3%'],
      [-0.0001, undefined, '0.0%'],
      [null, undefined, '—'],
      [undefined, undefined, '—'],
      [Number.POSITIVE_INFINITY, undefined, '—'],
    ]
    for (const [share, decimals, want] of cases) {
      expect(formatPercent(share, decimals), `formatPercent(${share}, ${decimals})`).toBe(want)
    }
  })

  it('clamps progress bar widths to 0–100', () => {
    const cases: [number | null, number][] = [
      [0.5, 50],
      [1.4, 100],
      [-0.2, 0],
      [null, 0],
    ]
    for (const [share, want] of cases) expect(barPercent(share), `barPercent(${share})`).toBe(want)
  })
})
