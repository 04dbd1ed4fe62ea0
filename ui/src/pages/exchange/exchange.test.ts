import { describe, expect, it } from 'vitest'
import { countRows, differences, fingerprintLines, otherVersion, valueText } from './exchange'

describe('exchange helpers', () => {
  it('lays a fingerprint out as four lines of four groups', () => {
    const fp = Array.from({ length: 16 }, (_, i) => `A${i.toString(16).toUpperCase()}00`).join(' ')
    const lines = fingerprintLines(fp)
    expect(lines).toHaveLength(4)
    expect(lines[0]).toBe('A000 A100 A200 A300')
    expect(lines[3]).toBe('AC00 AD00 AE00 AF00')
    expect(fingerprintLines(null)).toEqual([])
  })

  it('lists the tables a package changes, leaving out empty ones', () => {
    const rows = countRows({
      unit: { insert: 0, update: 0, delete: 0 },
      progress_entry: { insert: 2, update: 1, delete: 0 },
    })
    expect(rows).toEqual([{ table: 'progress_entry', insert: 2, update: 1, delete: 0 }])
  })

  it('compares the two versions of a conflict field by field', () => {
    const cases: [unknown, unknown, { field: string; ours: unknown; theirs: unknown }[]][] = [
      [{ id: 'x', value: 6, note: 'a', updated_at: '1' }, { value: 7, updated_at: '2' }, [{ field: 'value', ours: 6, theirs: 7 }]],
      [{ value: 6 }, { value: 6 }, []],
      [{ value: 6 }, null, [{ field: 'value', ours: 6, theirs: null }]],
      [null, { value: 1 }, [{ field: 'value', ours: null, theirs: 1 }]],
    ]
    for (const [ours, theirs, want] of cases) {
      expect(differences(ours, theirs), JSON.stringify([ours, theirs])).toEqual(want)
    }
  })

  it('offers the version that does not stand', () => {
    expect(otherVersion('ours')).toBe('theirs')
    expect(otherVersion('theirs')).toBe('ours')
    expect(valueText(null, '（空）')).toBe('（空）')
    expect(valueText(3.5, '')).toBe('3.5')
  })
})
