// How a register table's columns share its width.
import { describe, expect, it } from 'vitest'
import { cellText, fitWidths } from './registerColumns'

describe('fitWidths', () => {
  it('gives the room left over to the columns that grow, in proportion to their widths', () => {
    expect(fitWidths([100, 200, 100], [false, true, true], 700)).toEqual([100, 400, 200])
  })
  it('leaves the widths as they are when no column grows', () => {
    expect(fitWidths([100, 200], [false, false], 700)).toEqual([100, 200])
  })
  it('squeezes every column by the same share when there is too little room', () => {
    expect(fitWidths([100, 300], [false, true], 300)).toEqual([75, 225])
  })
  it('squeezes no column below 55% of its width: the table scrolls sideways instead', () => {
    expect(fitWidths([100, 300], [false, true], 100)).toEqual([55, 165])
  })
})

describe('cellText', () => {
  it("is the column's own text, else the row's field, empty for nothing", () => {
    const row = { id: 'a', county: '兰山区', note: null, n: 3 }
    expect(cellText({ key: 'county', label: '区县', width: 90 }, row)).toBe('兰山区')
    expect(cellText({ key: 'note', label: '备注', width: 90 }, row)).toBe('')
    expect(cellText({ key: 'n', label: '数', width: 90, text: (r) => `${r.n} 个` }, row)).toBe('3 个')
  })
})
