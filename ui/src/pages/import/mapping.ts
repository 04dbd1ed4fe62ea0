// The column mapping as the page edits it: for each field the kind reads, which column of
// the sheet fills it. The core's ColumnMapping keeps it the other way round (each column
// names its field), so these helpers translate, never leaving two columns on one field.
import type { ColumnMapping } from '../../bindings/core/ColumnMapping'
import type { SheetMapping } from '../../bindings/core/SheetMapping'

/** The index of the column that fills `field`, or null when none does. */
export function columnOf(sheet: SheetMapping, field: string): number | null {
  return sheet.columns.find((c) => c.field === field)?.index ?? null
}

/**
 * The sheet with `field` read from column `index` (null: from no column). The column's
 * previous field, if any, is left without a column; no other column keeps `field`.
 */
export function assignColumn(sheet: SheetMapping, field: string, index: number | null): SheetMapping {
  return {
    ...sheet,
    columns: sheet.columns.map((c) => {
      if (c.index === index) return { ...c, field }
      if (c.field === field) return { ...c, field: null }
      return c
    }),
  }
}

/** The whole mapping with one sheet's field moved (see assignColumn). */
export function withColumn(mapping: ColumnMapping, sheet: string, field: string, index: number | null): ColumnMapping {
  return {
    sheets: mapping.sheets.map((s) => (s.sheet === sheet ? assignColumn(s, field, index) : s)),
  }
}

/** Sheets that are read (a header row was found or given); the others are skipped. */
export function readSheets(mapping: ColumnMapping): SheetMapping[] {
  return mapping.sheets.filter((s) => s.header_row !== null)
}

/** "B 列 · 投资金额" for a column select. */
export function columnLabel(letter: string, header: string): string {
  return header ? `${letter} · ${header}` : letter
}
