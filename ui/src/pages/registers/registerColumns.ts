// The columns of a register table (RegisterTable.vue), and how they share the table's width.
// The table is virtualised (el-table-v2: only the rows in view are drawn), so its columns are
// data, not <el-table-column> children.

/** A column of a register table. */
export interface RegisterColumn<Row> {
  /** Unique in the table; a page's slot `cell-<key>` draws the cell instead of its text. */
  key: string
  label: string
  /** The width it wants, in pixels. */
  width: number
  /** Whether it takes a share of the width left over (names, titles). */
  grow?: boolean
  align?: 'left' | 'center' | 'right'
  /** The cell's text (default: the row's field named `key`). */
  text?: (row: Row) => string
}

/** The least a column is squeezed to: narrower, its text is cut (the whole text is its title). */
const SQUEEZE = 0.55

/**
 * Widths that fill `room` pixels exactly when they can: columns that grow share what is
 * left over; when there is too little room every column gives up the same share of its
 * width, down to SQUEEZE of it (the table then scrolls sideways).
 */
export function fitWidths(wanted: number[], grows: boolean[], room: number): number[] {
  const total = wanted.reduce((a, b) => a + b, 0)
  if (room <= 0 || total === 0) return wanted
  if (total <= room) {
    const growing = wanted.reduce((a, w, i) => a + (grows[i] ? w : 0), 0)
    if (!growing) return wanted
    const spare = room - total
    return wanted.map((w, i) => (grows[i] ? Math.floor(w + (spare * w) / growing) : w))
  }
  const share = Math.max(SQUEEZE, room / total)
  return wanted.map((w) => Math.floor(w * share))
}

/** The text of a cell: the column's own, else the row's field of the column's key. */
export function cellText<Row>(column: RegisterColumn<Row>, row: Row): string {
  if (column.text) return column.text(row)
  const v = (row as Record<string, unknown>)[column.key]
  return v === null || v === undefined ? '' : String(v)
}
