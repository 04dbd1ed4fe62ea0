// @vitest-environment jsdom
// The quarter grid in a DOM: it moves like a spreadsheet (arrows, Enter, Tab), a block pasted
// from Excel lands in the cells from the focused one on, and a cell the checks refuse is
// marked and listed.
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { i18n } from '../../i18n'
import { IpcFailure } from '../../ipc/error'
import { byTestid, LANSHAN, loadLedger, PAIRED, signInAsAdmin, TRAINED, YINAN } from '../../testing/ledger'
import QuarterGrid from './QuarterGrid.vue'

const ipc = vi.hoisted(() => ({
  entrySums: vi.fn(),
  checkEntry: vi.fn(),
  recordEntries: vi.fn(),
}))
vi.mock('../../ipc', async (actual) => ({ ...(await actual<object>()), ...ipc }))

const NEGATIVE = '数值不能为负数'

// Rows: 兰山区, 沂南县; columns: 结对企业, 培训人次.
const cell = (u: { code: string }, i: { code: string }) => byTestid(`grid-cell-${u.code}-${i.code}`) as HTMLInputElement
const at = (row: number, col: number) => cell([LANSHAN, YINAN][row], [PAIRED, TRAINED][col])

async function open() {
  const w = mount(QuarterGrid, { global: { plugins: [ElementPlus, i18n] }, attachTo: document.body })
  await flushPromises()
  return w
}

/** Presses a key in a cell; whether the grid took it (prevented the browser's own move). */
async function press(input: HTMLInputElement, key: string, shiftKey = false): Promise<boolean> {
  const e = new KeyboardEvent('keydown', { key, shiftKey, bubbles: true, cancelable: true })
  input.dispatchEvent(e)
  await nextTick()
  await nextTick()
  return e.defaultPrevented
}

async function paste(input: HTMLInputElement, text: string): Promise<void> {
  const e = new Event('paste', { bubbles: true, cancelable: true })
  Object.defineProperty(e, 'clipboardData', { value: { getData: (type: string) => (type === 'text/plain' ? text : '') } })
  input.dispatchEvent(e)
  await flushPromises()
}

describe('QuarterGrid', () => {
  beforeEach(() => {
    document.body.innerHTML = ''
    loadLedger()
    signInAsAdmin()
    // 兰山区 recorded 8 结对企业 in the quarter already.
    ipc.entrySums.mockReset().mockResolvedValue([{ indicator_id: PAIRED.id, unit_id: LANSHAN.id, value: 8 }])
    ipc.checkEntry.mockReset().mockImplementation(async (entry: { value: number }) => {
      if (entry.value < 0) throw new IpcFailure({ code: 'negative_value', message: NEGATIVE, field: 'value' })
      return null
    })
    ipc.recordEntries.mockReset()
  })
  afterEach(() => vi.useRealTimers())

  it('shows the units as rows, the action’s indicators as columns and what is recorded already', async () => {
    const w = await open()
    expect(ipc.entrySums).toHaveBeenCalledWith(expect.objectContaining({ from: '2024-04-01', to: '2024-06-30' }))
    const recorded = (input: HTMLInputElement) => input.closest('td')?.querySelector('.existing')?.textContent ?? ''
    expect(recorded(at(0, 0))).toBe('8')
    expect(recorded(at(1, 0))).toBe('')
    const rows = [...document.body.querySelectorAll('tbody .row-head')].map((th) => th.textContent)
    expect(rows).toEqual(['兰山区', '沂南县'])
    for (const [row, col] of [[0, 0], [0, 1], [1, 0], [1, 1]]) {
      expect(at(row, col), `cell ${row},${col}`).not.toBeNull()
      expect(at(row, col).dataset.row).toBe(String(row))
      expect(at(row, col).dataset.col).toBe(String(col))
    }
    w.unmount()
  })

  it('moves with the arrows, Enter and Tab', async () => {
    const w = await open()
    at(0, 0).focus()

    expect(await press(at(0, 0), 'ArrowRight')).toBe(true)
    expect(document.activeElement).toBe(at(0, 1))
    expect(await press(at(0, 1), 'ArrowDown')).toBe(true)
    expect(document.activeElement).toBe(at(1, 1))
    expect(await press(at(1, 1), 'ArrowDown')).toBe(true) // the last row: stays
    expect(document.activeElement).toBe(at(1, 1))
    expect(await press(at(1, 1), 'ArrowLeft')).toBe(true)
    expect(document.activeElement).toBe(at(1, 0))
    expect(await press(at(1, 0), 'ArrowUp')).toBe(true)
    expect(document.activeElement).toBe(at(0, 0))

    // Enter goes down, Shift+Enter up.
    expect(await press(at(0, 0), 'Enter')).toBe(true)
    expect(document.activeElement).toBe(at(1, 0))
    expect(await press(at(1, 0), 'Enter', true)).toBe(true)
    expect(document.activeElement).toBe(at(0, 0))

    // Tab goes right and wraps to the next row; Shift+Tab back.
    expect(await press(at(0, 0), 'Tab')).toBe(true)
    expect(document.activeElement).toBe(at(0, 1))
    expect(await press(at(0, 1), 'Tab')).toBe(true)
    expect(document.activeElement).toBe(at(1, 0))
    expect(await press(at(1, 0), 'Tab', true)).toBe(true)
    expect(document.activeElement).toBe(at(0, 1))

    // Tab from the last cell leaves the grid the browser's way.
    at(1, 1).focus()
    expect(await press(at(1, 1), 'Tab')).toBe(false)
    w.unmount()
  })

  it('moves the caret, not the cell, when an arrow is inside the typed text', async () => {
    const w = await open()
    vi.useFakeTimers() // typing checks the cell after a pause; that check belongs to no test here
    const input = at(0, 0)
    input.focus()
    input.value = '120'
    input.dispatchEvent(new Event('input'))
    input.setSelectionRange(1, 1)
    expect(await press(input, 'ArrowRight')).toBe(false)
    expect(await press(input, 'ArrowLeft')).toBe(false)
    expect(document.activeElement).toBe(input)
    input.setSelectionRange(3, 3) // at the end: the next arrow right leaves
    expect(await press(input, 'ArrowRight')).toBe(true)
    expect(document.activeElement).toBe(at(0, 1))
    w.unmount()
  })

  it('fills the cells from the focused one with a block pasted from Excel and marks the bad ones', async () => {
    const w = await open()
    at(0, 0).focus()
    // Two rows of two cells, as Excel copies them (CRLF, a trailing newline).
    await paste(at(0, 0), '12\t1,200\r\n三个\t-5\r\n')

    expect([at(0, 0).value, at(0, 1).value, at(1, 0).value, at(1, 1).value]).toEqual(['12', '1,200', '三个', '-5'])
    const checked = ipc.checkEntry.mock.calls.map(([e]) => [e.unit, e.indicator, e.value, e.occurred_on])
    expect(checked).toEqual(
      expect.arrayContaining([
        [LANSHAN.id, PAIRED.id, 12, '2024-06-30'],
        [LANSHAN.id, TRAINED.id, 1200, '2024-06-30'],
        [YINAN.id, TRAINED.id, -5, '2024-06-30'],
      ]),
    )
    expect(checked, 'a cell that is not a number never reaches the core').toHaveLength(3)

    const td = (input: HTMLInputElement) => input.closest('td') as HTMLElement
    expect(td(at(0, 0)).classList.contains('bad')).toBe(false)
    expect(td(at(0, 1)).classList.contains('bad')).toBe(false)
    expect(td(at(1, 0)).classList.contains('bad'), 'the text cell is marked').toBe(true)
    expect(td(at(1, 0)).title).toContain('三个')
    expect(td(at(1, 1)).classList.contains('bad'), 'the cell the core refused is marked').toBe(true)
    expect(td(at(1, 1)).title).toBe(NEGATIVE)
    // A screen reader hears why: the cell is invalid and described by its reason.
    const why = (input: HTMLInputElement) => document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent
    expect(at(1, 1).getAttribute('aria-invalid')).toBe('true')
    expect(why(at(1, 1))).toBe(NEGATIVE)
    expect(why(at(1, 0))).toContain('三个')
    expect(at(0, 0).getAttribute('aria-invalid'), 'a good cell is not invalid').toBeNull()
    expect(at(0, 0).getAttribute('aria-describedby')).toBeNull()
    // The list of problems is buttons: Enter on one goes to its cell.
    const line = [...document.body.querySelectorAll<HTMLButtonElement>('[data-testid="grid-errors"] button')].find((b) => b.textContent?.includes('沂南县'))
    line?.click()
    await nextTick()
    expect(document.activeElement, 'a problem in the list takes you to its cell').toBe(at(1, 0))
    const listed = byTestid('grid-errors')?.textContent ?? ''
    expect(listed).toContain('沂南县')
    expect(listed).toContain(NEGATIVE)
    expect(listed).not.toContain('兰山区')
    w.unmount()
  })

  it('drops what a pasted block holds beyond the grid’s edge', async () => {
    const w = await open()
    at(1, 1).focus()
    await paste(at(1, 1), '7\t8\n9\t10\n')
    expect([at(0, 0).value, at(0, 1).value, at(1, 0).value, at(1, 1).value]).toEqual(['', '', '', '7'])
    expect(ipc.checkEntry).toHaveBeenCalledTimes(1)
    w.unmount()
  })
})
