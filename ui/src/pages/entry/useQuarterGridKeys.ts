// Moving through the quarter grid like a spreadsheet (arrows, Tab, Enter; Ctrl+Enter saves,
// Escape empties the cell) and taking a block pasted from Excel.
import { nextTick, ref, type Ref } from 'vue'
import { ElMessage } from 'element-plus'
import type { Indicator } from '../../bindings/core/Indicator'
import type { Unit } from '../../bindings/core/Unit'
import { useFormat } from '../../composables/useFormat'
import { arrowLeavesInput, isBlock, nextCell, parseClipboardTable, placeBlock } from './grid'
import { cellKey, type useQuarterGridCells } from './useQuarterGridCells'

/** The focused cell, and focusing (and selecting) a cell's input by row and column. */
export function useQuarterGridFocus(gridEl: Ref<HTMLElement | null>) {
  const focused = ref<{ row: number; col: number } | null>(null)

  function cellInput(row: number, col: number): HTMLInputElement | null {
    return gridEl.value?.querySelector<HTMLInputElement>(`input[data-row="${row}"][data-col="${col}"]`) ?? null
  }

  function focusCell(row: number, col: number): void {
    void nextTick(() => {
      const el = cellInput(row, col)
      if (el) {
        el.focus()
        el.select()
      }
    })
  }

  return { focused, focusCell }
}

export function useQuarterGridKeys(
  units: Ref<Unit[]>,
  indicators: Ref<Indicator[]>,
  cells: ReturnType<typeof useQuarterGridCells>,
  focusCell: (row: number, col: number) => void,
  saveAll: () => Promise<void>,
) {
  const { t } = useFormat()

  function onKeydown(e: KeyboardEvent, row: number, col: number): void {
    if (e.isComposing) return
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault()
      void saveAll()
      return
    }
    if (e.key === 'Escape') {
      cells.clearCell(cellKey(units.value[row].id, indicators.value[col].id))
      return
    }
    const input = e.target as HTMLInputElement
    if (!arrowLeavesInput(e.key, input.selectionStart ?? 0, input.selectionEnd ?? 0, input.value.length)) return
    const to = nextCell({ row, col }, { key: e.key, shift: e.shiftKey, ctrl: e.ctrlKey }, units.value.length, indicators.value.length)
    if (!to) return // Tab past the last cell leaves the grid as usual
    e.preventDefault()
    focusCell(to.row, to.col)
  }

  function onPaste(e: ClipboardEvent, row: number, col: number): void {
    const text = e.clipboardData?.getData('text/plain') ?? ''
    if (!isBlock(text)) return
    e.preventDefault()
    const { cells: block, clipped } = placeBlock({ row, col }, parseClipboardTable(text), units.value.length, indicators.value.length)
    cells.setCells(block.map((c) => ({ k: cellKey(units.value[c.row].id, indicators.value[c.col].id), raw: c.raw.trim() })))
    if (clipped) ElMessage.warning(t('entry.gridPasteClipped'))
    else ElMessage.success(t('entry.gridPasted', { n: block.length }))
  }

  return { onKeydown, onPaste }
}
