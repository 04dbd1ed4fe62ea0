// The quarter grid's cells: what was typed (by `unit|indicator` key), the core's verdict on
// each, and undo (Ctrl+Z, the menu's 撤销): each step restores the cells one change
// touched — typing in one cell, a pasted block, a cleared cell.
import { computed, onBeforeUnmount, onMounted, reactive, watch, type Ref, type WatchSource } from 'vue'
import { useFormat } from '../../composables/useFormat'
import * as ipc from '../../ipc'
import { catalog } from '../../store/catalog'
import { parseCellValue } from './grid'

export function cellKey(unitId: string, indicatorId: string): string {
  return `${unitId}|${indicatorId}`
}

/**
 * `scope` changing (other dates or columns) clears the cells; `datedOn` changing checks
 * them again. `gridEl` is where the undo event applies.
 */
export function useQuarterGridCells(scope: WatchSource[], datedOn: Ref<string>, gridEl: Ref<HTMLElement | null>) {
  const { t } = useFormat()
  const values = reactive<Record<string, string>>({})
  const errors = reactive<Record<string, string>>({})
  const checkSeq: Record<string, number> = {}

  const filled = computed(() => Object.entries(values).filter(([, v]) => v.trim() !== ''))

  function clearAll(): void {
    for (const k of Object.keys(values)) delete values[k]
    for (const k of Object.keys(errors)) delete errors[k]
    history.length = 0
  }

  const history: Record<string, string>[] = []
  let typingIn: string | null = null

  function remember(keys: string[]): void {
    const before: Record<string, string> = {}
    for (const k of keys) before[k] = values[k] ?? ''
    history.push(before)
    if (history.length > 200) history.shift()
  }

  function undo(): boolean {
    const step = history.pop()
    if (!step) return false
    typingIn = null
    for (const [k, v] of Object.entries(step)) {
      values[k] = v
      void checkCell(k)
    }
    return true
  }

  function onUndoEvent(e: Event): void {
    if (!gridEl.value?.contains(document.activeElement)) return
    if (undo()) e.preventDefault()
  }
  onMounted(() => document.addEventListener('taizhang:undo', onUndoEvent))
  onBeforeUnmount(() => document.removeEventListener('taizhang:undo', onUndoEvent))

  watch(scope, () => {
    // Different dates or columns: cells typed for the old choice do not carry over.
    clearAll()
  })
  watch(datedOn, () => {
    for (const [k] of filled.value) void checkCell(k)
  })

  async function checkCell(k: string): Promise<void> {
    const raw = values[k] ?? ''
    const [unitId, indicatorId] = k.split('|')
    const ind = catalog.indicators.find((i) => i.id === indicatorId)
    const parsed = parseCellValue(raw, ind?.measure ?? '')
    const mine = (checkSeq[k] = (checkSeq[k] ?? 0) + 1)
    if (parsed.kind === 'empty') {
      delete errors[k]
      return
    }
    if (parsed.kind === 'invalid') {
      errors[k] = t('errors.notANumber', { raw: raw.trim() })
      return
    }
    try {
      await ipc.checkEntry({ indicator: indicatorId, unit: unitId, occurred_on: datedOn.value, value: parsed.value, note: '' })
      if (checkSeq[k] === mine) delete errors[k]
    } catch (e) {
      if (checkSeq[k] === mine) errors[k] = ipc.normaliseError(e).message
    }
  }

  const timers: Record<string, ReturnType<typeof setTimeout>> = {}
  function onInput(k: string, v: string): void {
    if (typingIn !== k) {
      remember([k])
      typingIn = k
    }
    values[k] = v
    clearTimeout(timers[k])
    timers[k] = setTimeout(() => void checkCell(k), 200)
  }

  /** Empties a cell as one undo step of its own (Escape). */
  function clearCell(k: string): void {
    typingIn = null
    onInput(k, '')
    typingIn = null
  }

  /** Leaving a cell: the next typing there is a new undo step. */
  function stopTyping(): void {
    typingIn = null
  }

  /** Sets a block of cells (a paste) as one undo step and checks each. */
  function setCells(cells: { k: string; raw: string }[]): void {
    remember(cells.map((c) => c.k))
    typingIn = null
    for (const c of cells) {
      values[c.k] = c.raw
      void checkCell(c.k)
    }
  }

  return { values, errors, filled, clearAll, checkCell, onInput, clearCell, stopTyping, setCells }
}
