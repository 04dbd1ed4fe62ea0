// The quarter grid's logic, apart from the component so it can be tested as a table:
// keyboard navigation like a spreadsheet, and pasting a block copied from Excel.

export interface Pos {
  row: number
  col: number
}

export interface NavInput {
  key: string
  shift?: boolean
  ctrl?: boolean
}

/**
 * The cell a key moves to, or null when the key leaves the grid (Tab past the last cell,
 * Shift+Tab before the first) or is not a navigation key.
 * Arrows move one cell and stop at the edges; Enter moves down (Shift+Enter up); Tab moves
 * right and wraps to the next row (Shift+Tab left, wrapping back); Home/End go to the row's
 * first/last cell, with Ctrl to the grid's first/last cell.
 */
export function nextCell(pos: Pos, nav: NavInput, rows: number, cols: number): Pos | null {
  if (rows <= 0 || cols <= 0) return null
  const clampRow = (r: number) => Math.min(rows - 1, Math.max(0, r))
  const clampCol = (c: number) => Math.min(cols - 1, Math.max(0, c))
  const { row, col } = pos
  switch (nav.key) {
    case 'ArrowUp':
      return { row: clampRow(row - 1), col }
    case 'ArrowDown':
      return { row: clampRow(row + 1), col }
    case 'ArrowLeft':
      return { row, col: clampCol(col - 1) }
    case 'ArrowRight':
      return { row, col: clampCol(col + 1) }
    case 'Enter':
      return { row: clampRow(nav.shift ? row - 1 : row + 1), col }
    case 'Tab': {
      const i = row * cols + col + (nav.shift ? -1 : 1)
      if (i < 0 || i >= rows * cols) return null
      return { row: Math.floor(i / cols), col: i % cols }
    }
    case 'Home':
      return nav.ctrl ? { row: 0, col: 0 } : { row, col: 0 }
    case 'End':
      return nav.ctrl ? { row: rows - 1, col: cols - 1 } : { row, col: cols - 1 }
    default:
      return null
  }
}

/**
 * Whether Left/Right should move to the next cell rather than the caret inside the cell's
 * text: when the caret is at that edge, or the whole text is selected (just arrived).
 */
export function arrowLeavesInput(key: string, selStart: number, selEnd: number, length: number): boolean {
  if (key !== 'ArrowLeft' && key !== 'ArrowRight') return true
  if (length === 0) return true
  if (selStart === 0 && selEnd === length) return true
  if (selStart !== selEnd) return false
  return key === 'ArrowLeft' ? selStart === 0 : selEnd === length
}

/**
 * Parses text copied from Excel or WPS: rows end with a newline (CRLF or LF, one trailing
 * newline dropped), cells are separated by tabs, and a cell holding a tab, a newline or a
 * quote is wrapped in quotes with inner quotes doubled.
 */
export function parseClipboardTable(text: string): string[][] {
  const s = text.replace(/\r\n?/g, '\n')
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let i = 0
  let atCellStart = true
  while (i < s.length) {
    const ch = s[i]
    if (atCellStart && ch === '"') {
      // Quoted cell: read to the closing quote.
      let j = i + 1
      let body = ''
      let closed = false
      while (j < s.length) {
        if (s[j] === '"') {
          if (s[j + 1] === '"') {
            body += '"'
            j += 2
            continue
          }
          closed = true
          j += 1
          break
        }
        body += s[j]
        j += 1
      }
      if (closed && (j >= s.length || s[j] === '\t' || s[j] === '\n')) {
        cell = body
        i = j
        atCellStart = false
        continue
      }
      // Not a well-formed quoted cell: take the quote literally.
    }
    atCellStart = false
    if (ch === '\t') {
      row.push(cell)
      cell = ''
      atCellStart = true
    } else if (ch === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      atCellStart = true
    } else {
      cell += ch
    }
    i += 1
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell)
    rows.push(row)
  }
  return rows
}

/** Whether pasted text is a block (several cells) rather than one value. */
export function isBlock(text: string): boolean {
  return /[\t\n\r]/.test(text.replace(/[\r\n]+$/, ''))
}

export interface Placed extends Pos {
  raw: string
}

/** Lays a pasted block onto the grid from `start`; cells beyond the grid are dropped. */
export function placeBlock(start: Pos, block: string[][], rows: number, cols: number): { cells: Placed[]; clipped: boolean } {
  const cells: Placed[] = []
  let clipped = false
  block.forEach((line, dr) => {
    line.forEach((raw, dc) => {
      const row = start.row + dr
      const col = start.col + dc
      if (row < rows && col < cols) cells.push({ row, col, raw })
      else clipped = true
    })
  })
  return { cells, clipped }
}

export type CellValue = { kind: 'empty' } | { kind: 'number'; value: number } | { kind: 'invalid'; raw: string }

const FULL_WIDTH = /[\uFF10-\uFF19\uFF0E\uFF0D\uFF0B]/g

/**
 * What a person typed or pasted into a cell: blank is empty; "1,234", "１２３" (full width),
 * " 12 " and "120家" (the column's measure after the number) are numbers. Negative numbers
 * and extra decimals parse here and are refused by the core's rules, with its message.
 */
export function parseCellValue(raw: string, measure = ''): CellValue {
  let s = raw.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[\s\u3000]/g, '')
  if (s === '') return { kind: 'empty' }
  if (measure && s.endsWith(measure)) s = s.slice(0, -measure.length)
  if (/^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(s) || /^[+-]?\.\d+$/.test(s)) {
    return { kind: 'number', value: Number(s.replace(/,/g, '')) }
  }
  return { kind: 'invalid', raw }
}
