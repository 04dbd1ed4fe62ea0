import { describe, expect, it } from 'vitest'
import type { ImportPreview } from '../../bindings/core/ImportPreview'
import { blockedBecause, pageOf, previewCounts, progressPercent } from './summary'

const preview = (rows: number, duplicates: number, problems: number): ImportPreview =>
  ({
    rows: Array.from({ length: rows }, (_, i) => ({ sheet: 's', row: i + 2, values: [], creates: [] })),
    duplicates: Array.from({ length: duplicates }, (_, i) => ({ sheet: 's', row: i + 2, message: '' })),
    problems: Array.from({ length: problems }, () => ({ sheet: 's', row: 3, column: '数值', message: '' })),
    skipped: 1,
  }) as unknown as ImportPreview

describe('previewCounts', () => {
  it('counts rows, duplicates, problems and skipped rows', () => {
    expect(previewCounts(preview(3, 2, 1))).toEqual({ rows: 3, duplicates: 2, problems: 1, skipped: 1 })
  })
})

describe('blockedBecause', () => {
  it.each([
    ['while importing', preview(3, 0, 0), true, 'importer.blockedBusy'],
    ['before a preview', null, false, 'importer.blockedNoPreview'],
    ['with a problem', preview(3, 0, 1), false, 'importer.blockedProblems'],
    ['with only duplicates', preview(0, 2, 0), false, 'importer.blockedNothing'],
    ['clean with rows', preview(3, 2, 0), false, null],
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
