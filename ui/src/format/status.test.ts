import { describe, expect, it } from 'vitest'
import type { Status } from '../bindings/core/Status'
import { statusRank, statusStyle } from './status'

describe('status colours', () => {
  it('maps each status to its colour family and label', () => {
    // (status, hue family, Element type, label key)
    const cases: [Status, 'green' | 'amber' | 'red' | 'grey', string, string][] = [
      ['done', 'green', 'success', 'status.done'],
      ['on_pace', 'green', 'success', 'status.on_pace'],
      ['slightly_behind', 'amber', 'warning', 'status.slightly_behind'],
      ['behind', 'red', 'danger', 'status.behind'],
      ['no_target', 'grey', 'info', 'status.no_target'],
    ]
    for (const [status, family, type, labelKey] of cases) {
      const s = statusStyle(status)
      expect(hueFamily(s.color), `${status}: colour ${s.color}`).toBe(family)
      expect(s.type, `${status}: type`).toBe(type)
      expect(s.labelKey, `${status}: label key`).toBe(labelKey)
    }
  })

  it('sorts the worst first', () => {
    const sorted = (['done', 'behind', 'no_target', 'on_pace', 'slightly_behind'] as Status[]).sort(
      (a, b) => statusRank(a) - statusRank(b),
    )
    expect(sorted).toEqual(['behind', 'slightly_behind', 'on_pace', 'done', 'no_target'])
  })
})

/** Classifies a #rrggbb colour by hue, so the test checks meaning, not exact shades. */
function hueFamily(hex: string): 'green' | 'amber' | 'red' | 'grey' | 'other' {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
  const max = Math.max(r, g, b)
  const min = Math.min(r, g, b)
  if (max - min < 0.1) return 'grey'
  let h: number
  if (max === r) h = ((g - b) / (max - min)) * 60
  else if (max === g) h = (2 + (b - r) / (max - min)) * 60
  else h = (4 + (r - g) / (max - min)) * 60
  if (h < 0) h += 360
  if (h < 15 || h >= 345) return 'red'
  if (h >= 25 && h < 55) return 'amber'
  if (h >= 90 && h < 170) return 'green'
  return 'other'
}
