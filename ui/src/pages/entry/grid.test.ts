import { describe, expect, it } from 'vitest'
import { arrowLeavesInput, isBlock, nextCell, parseCellValue, parseClipboardTable, placeBlock, type Pos } from './grid'

describe('grid keyboard navigation', () => {
  it('moves like a spreadsheet on a 3 × 4 grid', () => {
    const rows = 3
    const cols = 4
    // (from, key, shift, ctrl, want; null = leaves the grid)
    const cases: [Pos, string, boolean, boolean, Pos | null][] = [
      [{ row: 1, col: 1 }, 'ArrowUp', false, false, { row: 0, col: 1 }],
      [{ row: 0, col: 1 }, 'ArrowUp', false, false, { row: 0, col: 1 }], // top edge: stays
      [{ row: 1, col: 1 }, 'ArrowDown', false, false, { row: 2, col: 1 }],
      [{ row: 2, col: 1 }, 'ArrowDown', false, false, { row: 2, col: 1 }], // bottom edge
      [{ row: 1, col: 0 }, 'ArrowLeft', false, false, { row: 1, col: 0 }], // left edge
      [{ row: 1, col: 3 }, 'ArrowRight', false, false, { row: 1, col: 3 }], // right edge
      [{ row: 1, col: 2 }, 'ArrowRight', false, false, { row: 1, col: 3 }],
      [{ row: 0, col: 2 }, 'Enter', false, false, { row: 1, col: 2 }],
      [{ row: 1, col: 2 }, 'Enter', true, false, { row: 0, col: 2 }], // Shift+Enter: up
      [{ row: 2, col: 2 }, 'Enter', false, false, { row: 2, col: 2 }],
      [{ row: 0, col: 2 }, 'Tab', false, false, { row: 0, col: 3 }],
      [{ row: 0, col: 3 }, 'Tab', false, false, { row: 1, col: 0 }], // wraps to the next row
      [{ row: 1, col: 0 }, 'Tab', true, false, { row: 0, col: 3 }], // Shift+Tab wraps back
      [{ row: 2, col: 3 }, 'Tab', false, false, null], // past the last cell: leaves
      [{ row: 0, col: 0 }, 'Tab', true, false, null],
      [{ row: 1, col: 2 }, 'Home', false, false, { row: 1, col: 0 }],
      [{ row: 1, col: 2 }, 'End', false, false, { row: 1, col: 3 }],
      [{ row: 1, col: 2 }, 'Home', false, true, { row: 0, col: 0 }],
      [{ row: 1, col: 2 }, 'End', false, true, { row: 2, col: 3 }],
      [{ row: 1, col: 2 }, 'a', false, false, null], // not a navigation key
    ]
    for (const [from, key, shift, ctrl, want] of cases) {
      const got = nextCell(from, { key, shift, ctrl }, rows, cols)
      expect(got, `${shift ? 'Shift+' : ''}${ctrl ? 'Ctrl+' : ''}${key} from (${from.row},${from.col})`).toEqual(want)
    }
  })

  it('has nowhere to go in an empty grid', () => {
    expect(nextCell({ row: 0, col: 0 }, { key: 'ArrowDown' }, 0, 3)).toBeNull()
  })

  it('moves the caret inside a cell before leaving it', () => {
    // (key, selection start, selection end, text length, leaves the cell)
    const cases: [string, number, number, number, boolean][] = [
      ['ArrowLeft', 0, 0, 3, true], // caret at the start
      ['ArrowLeft', 2, 2, 3, false], // caret inside
      ['ArrowRight', 3, 3, 3, true], // caret at the end
      ['ArrowRight', 1, 1, 3, false],
      ['ArrowRight', 0, 3, 3, true], // all selected (just arrived)
      ['ArrowLeft', 1, 2, 3, false], // part selected
      ['ArrowLeft', 0, 0, 0, true], // empty cell
      ['ArrowUp', 1, 1, 3, true], // up/down always move
    ]
    for (const [key, s, e, len, want] of cases) {
      expect(arrowLeavesInput(key, s, e, len), `${key} with selection ${s}–${e} of ${len}`).toBe(want)
    }
  })
})

describe('pasting from Excel', () => {
  it('parses tab-separated rows', () => {
    const cases: [string, string, string[][]][] = [
      ['one value', '12', [['12']]],
      ['a row', '1\t2\t3', [['1', '2', '3']]],
      ['Excel adds a trailing CRLF', '1\t2\r\n3\t4\r\n', [['1', '2'], ['3', '4']]],
      ['LF only', '1\t2\n3\t4\n', [['1', '2'], ['3', '4']]],
      ['empty cells kept', '1\t\t3\n\t5\t', [['1', '', '3'], ['', '5', '']]],
      ['a column', '5\n6\n7', [['5'], ['6'], ['7']]],
      ['quoted cell with newline', '"a\nb"\t2\n3\t4', [['a\nb', '2'], ['3', '4']]],
      ['quoted cell with doubled quote', '"say ""hi"""\t1', [['say "hi"', '1']]],
      ['stray quote inside', '12"\t3', [['12"', '3']]],
      ['empty text', '', []],
    ]
    for (const [name, text, want] of cases) {
      expect(parseClipboardTable(text), name).toEqual(want)
    }
  })

  it('tells a block from a single value', () => {
    const cases: [string, boolean][] = [
      ['12', false],
      ['12\r\n', false], // one cell copied from Excel
      ['1\t2', true],
      ['1\n2', true],
    ]
    for (const [text, want] of cases) expect(isBlock(text), JSON.stringify(text)).toBe(want)
  })

  it('places a block from the focused cell and drops what falls outside', () => {
    const block = [
      ['1', '2'],
      ['3', '4'],
    ]
    const inside = placeBlock({ row: 0, col: 0 }, block, 3, 3)
    expect(inside.clipped, 'fits: not clipped').toBe(false)
    expect(inside.cells.map((c) => `${c.row},${c.col}=${c.raw}`)).toEqual(['0,0=1', '0,1=2', '1,0=3', '1,1=4'])
    const edge = placeBlock({ row: 2, col: 2 }, block, 3, 3)
    expect(edge.clipped, 'at the corner: clipped').toBe(true)
    expect(edge.cells.map((c) => `${c.row},${c.col}=${c.raw}`)).toEqual(['2,2=1'])
  })

  it('reads cell values the way clerks type them', () => {
    // (raw, measure, want)
    const cases: [string, string, ReturnType<typeof parseCellValue>][] = [
      ['', '', { kind: 'empty' }],
      ['   ', '', { kind: 'empty' }],
      ['12', '', { kind: 'number', value: 12 }],
      [' 12 ', '', { kind: 'number', value: 12 }],
      ['1,234', '', { kind: 'number', value: 1234 }],
      ['1,234.5', '', { kind: 'number', value: 1234.5 }],
      ['１２３', '', { kind: 'number', value: 123 }], // full-width digits (Chinese IME)
      ['１２．５', '', { kind: 'number', value: 12.5 }],
      ['120家', '家', { kind: 'number', value: 120 }],
      ['-5', '', { kind: 'number', value: -5 }], // the core refuses it, with its message
      ['1.5', '', { kind: 'number', value: 1.5 }],
      ['.5', '', { kind: 'number', value: 0.5 }],
      ['12,34', '', { kind: 'invalid', raw: '12,34' }],
      ['abc', '', { kind: 'invalid', raw: 'abc' }],
      ['120个', '家', { kind: 'invalid', raw: '120个' }],
      ['1e3', '', { kind: 'invalid', raw: '1e3' }],
    ]
    for (const [raw, measure, want] of cases) {
      expect(parseCellValue(raw, measure), `parseCellValue(${JSON.stringify(raw)}, ${measure})`).toEqual(want)
    }
  })
})
