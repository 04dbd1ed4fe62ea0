import { describe, expect, it } from 'vitest'
import type { ImportPreview } from '../../bindings/core/ImportPreview'
import { blockedBecause, notListed, pageOf, previewCounts, progressPercent } from './summary'

// A preview lists at most `listed` rows and duplicates, and counts them all.
const preview = (rows: number, duplicates: number, problems: number, listed = 1000): ImportPreview =>
  ({
    rows: Array.from({ length: Math.min(rows, listed) }, (_, i) => ({ sheet: 's', row: i + 2, values: [], creates: [] })),
    row_count: rows,
    duplicates: Array.from({ length: Math.min(duplicates, listed) }, (_, i) => ({ sheet: 's', row: i + 2, message: '' })),
    duplicate_count: duplicates,
    problems: Array.from({ length: problems }, () => ({ sheet: 's', row: 3, column: '数值', message: '' })),
    skipped: 1,
  }) as unknown as ImportPreview

describe('previewCounts', () => {
  it('counts rows, duplicates, problems and skipped rows', () => {
    expect(previewCounts(preview(3, 2, 1))).toEqual({ rows: 3, duplicates: 2, problems: 1, skipped: 1 })
  })
  it('counts every row of a long file, not only those listed', () => {
    expect(previewCounts(preview(1_048_575, 2_000, 0, 1000))).toEqual({ rows: 1_048_575, duplicates: 2_000, problems: 0, skipped: 1 })
  })
})

describe('notListed', () => {
  it.each([
    [1000, 1_048_575, 1_047_575],
    [3, 3, 0],
    [0, 0, 0],
  ])('%d listed of %d → %d left out', (listed, total, want) => {
    expect(notListed(listed, total)).toBe(want)
  })
})

describe('blockedBecause', () => {
  it.each([
    ['while importing', preview(3, 0, 0), true, 'importer.blockedBusy'],
    ['before a preview', null, false, 'importer.blockedNoPreview'],
    ['with a problem', preview(3, 0, 1), false, 'importer.blockedProblems'],
    ['with only duplicates', preview(0, 2, 0), false, 'importer.blockedNothing'],
    ['clean with rows', preview(3, 2, 0), false, null],
    ['clean with more rows than listed', preview(5000, 0, 0, 0), false, null],
  ] as const)('%s', (_, p, busy, want) => {
    expect(blockedBecause(p, busy)).toBe(want)
  })
})

describe('progressPercent', () => {
  it.each([
    [null, 0],
    [{ done: 0, total: 0 }, 100],
    [{ done: 0, total: 200 }, 0],
    [{ done: 199, total: 200 }, 99],
    [{ done: 200, total: 200 }, 100],
    [{ done: 1, total: 3 }, 33],
  ])('%o → %d', (p, want) => {
    expect(progressPercent(p)).toBe(want)
  })
})

describe('pageOf', () => {
  it.each([
    [1, [1, 2]],
    [3, [5]],
    [4, []],
    [0, [1, 2]],
  ])('page %d of five items, two a page', (page, want) => {
    expect(pageOf([1, 2, 3, 4, 5], page, 2)).toEqual(want)
  })
})
