// @vitest-environment jsdom
// The table every register page shows, in a DOM: its rows and total, 编辑/删除 only on rows
// of units the account may change, and what it asks of its page: another page (the pager,
// PageDown/PageUp), a row to edit (double click, Enter on the current row) or delete, its
// history or its 佐证.
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { beforeEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { i18n } from '../../i18n'
import { AREAS } from '../../store/permissions'
import { session } from '../../store/session'
import { byTestid, LANSHAN, loadLedger, YINAN } from '../../testing/ledger'
import RegisterTable from './RegisterTable.vue'

interface Row {
  id: string
  title: string
  unit_id: string
}

const rowsOf = (n: number, from = 1): Row[] =>
  Array.from({ length: n }, (_, i) => ({ id: `r${from + i}`, title: `活动${from + i}`, unit_id: (from + i) % 2 ? LANSHAN.id : YINAN.id }))

/** A clerk of 兰山区: may change 兰山区's rows only. */
function signInAsLanshanClerk(): void {
  session.info = {
    accounts_exist: true,
    account: null,
    actor: '张伟（兰山区填报员）',
    permissions: {
      role: 'clerk',
      unit_id: LANSHAN.id,
      unit_name: LANSHAN.name,
      scope_units: [LANSHAN.id],
      grants: AREAS.map((area) => ({ area, grant: area === 'registers' ? 'scope' : 'none' })),
    },
  }
}

async function open(rows: Row[], total: number, page = 1) {
  const w = mount(RegisterTable, {
    props: {
      rows,
      columns: [{ key: 'title', label: '标题', width: 200, grow: true }],
      total,
      loading: false,
      busy: false,
      error: null,
      testid: 'activities',
      rowTestid: 'activity',
      searchPlaceholder: '搜索',
      addLabel: '新增活动',
      // mount() cannot infer the table's row type from the rows; they are Rows.
      rowUnit: (r: { id: string }) => (r as Row).unit_id,
      search: '',
      page,
      'onUpdate:page': (p: number) => w.setProps({ page: p }),
    },
    global: { plugins: [ElementPlus, i18n] },
    attachTo: document.body,
  })
  await flushPromises()
  return w
}

// The rows drawn (the table is virtualised: those in view, here all of them) and their first cell.
const bodyRows = () => [...document.body.querySelectorAll<HTMLElement>('.el-table-v2__body .el-table-v2__row')]
const firstCell = (row: HTMLElement) => row.querySelector('.el-table-v2__row-cell')
// Keys pressed while the table has focus (a click on a row gives it focus).
const key = (k: string, on: Element | null = document.querySelector('.key-zone')) =>
  on?.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }))

describe('RegisterTable', () => {
  beforeEach(() => {
    document.body.innerHTML = ''
    loadLedger()
    signInAsLanshanClerk()
  })

  it('shows the rows and the total, with 编辑 and 删除 only on the rows the account may change', async () => {
    const w = await open(rowsOf(3), 3)
    expect(bodyRows().map((row) => firstCell(row)?.textContent)).toEqual(['活动1', '活动2', '活动3'])
    expect(byTestid('activities-total')?.textContent).toContain('3')
    expect(byTestid('activity-edit-r1'), '兰山区’s row').not.toBeNull()
    expect(byTestid('activity-delete-r1')).not.toBeNull()
    expect(byTestid('activity-edit-r2'), '沂南县’s row').toBeNull()
    expect(byTestid('activity-delete-r2')).toBeNull()
    expect(byTestid('activity-history-r2'), 'history is for everyone').not.toBeNull()
    w.unmount()
  })

  it('says which row to edit, delete, or show the history and 佐证 of', async () => {
    const rows = rowsOf(3)
    const w = await open(rows, 3)
    byTestid('activity-edit-r1')?.click()
    byTestid('activity-delete-r3')?.click()
    byTestid('activity-history-r2')?.click()
    byTestid('activity-evidence-r2')?.click()
    expect(w.emitted('edit')).toEqual([[rows[0]]])
    expect(w.emitted('remove')).toEqual([[rows[2]]])
    expect(w.emitted('history')).toEqual([[rows[1]]])
    expect(w.emitted('evidence')).toEqual([[rows[1]]])
    w.unmount()
  })

  it('edits the row moved to with the keys, and not a row the account may not change', async () => {
    const rows = rowsOf(3)
    const w = await open(rows, 3)
    key('ArrowDown') // the first row
    key('Enter')
    expect(w.emitted('edit')).toEqual([[rows[0]]])
    key('ArrowDown') // 沂南县's row: Enter and Delete do nothing
    key('Enter')
    key('Delete')
    expect(w.emitted('edit')).toHaveLength(1)
    expect(w.emitted('remove')).toBeUndefined()
    key('ArrowDown')
    key('Delete')
    expect(w.emitted('remove')).toEqual([[rows[2]]])
    await nextTick()
    expect(bodyRows()[2].classList.contains('current-row'), 'the row moved to is highlighted').toBe(true)
    w.unmount()
  })

  it('edits a row on a double click', async () => {
    const rows = rowsOf(2)
    const w = await open(rows, 2)
    firstCell(bodyRows()[0])?.dispatchEvent(new MouseEvent('dblclick', { bubbles: true }))
    expect(w.emitted('edit')).toEqual([[rows[0]]])
    w.unmount()
  })

  it('draws a new page into the rows already there, and a button in a row is not a click on the row', async () => {
    const w = await open(rowsOf(3), 120)
    const before = bodyRows()
    await w.setProps({ rows: rowsOf(3, 51) })
    await flushPromises()
    expect(bodyRows().map((row) => firstCell(row)?.textContent)).toEqual(['活动51', '活动52', '活动53'])
    expect(bodyRows().every((row, i) => row === before[i]), 'the same elements, redrawn in place').toBe(true)
    expect(byTestid('activity-edit-r1'), 'the old page’s buttons are gone').toBeNull()
    byTestid('activity-history-r52')?.click()
    expect(w.emitted('history')).toEqual([[rowsOf(1, 52)[0]]])
    await nextTick()
    expect(bodyRows()[1].classList.contains('current-row'), 'the history button did not select the row').toBe(false)
    w.unmount()
  })

  it('turns the page with the pager and with PageDown/PageUp, within the pages there are', async () => {
    // 120 rows at 50 a page: three pages.
    const w = await open(rowsOf(50), 120)
    const pager = byTestid('activities-pager') as HTMLElement
    ;(pager.querySelector('.btn-next') as HTMLButtonElement).click()
    await nextTick()
    expect(w.emitted('update:page')).toEqual([[2]])
    key('PageDown')
    await nextTick()
    expect(w.emitted('update:page')?.at(-1)).toEqual([3])
    key('PageDown') // the last page: no further
    await nextTick()
    expect(w.emitted('update:page')).toHaveLength(2)
    key('PageUp')
    await nextTick()
    expect(w.emitted('update:page')?.at(-1)).toEqual([2])
    w.unmount()
  })

  it('adds on "n" when the account may add, and asks for nothing while a dialog of the page is open', async () => {
    const w = await open(rowsOf(2), 2)
    key('n', document.body)
    key('PageDown', document.body)
    expect(w.emitted('add'), 'a single key outside the table is not the table\'s').toBeUndefined()
    expect(w.emitted('update:page')).toBeUndefined()
    key('n')
    expect(w.emitted('add')).toHaveLength(1)
    await w.setProps({ paused: true })
    key('n')
    key('PageDown')
    expect(w.emitted('add')).toHaveLength(1)
    expect(w.emitted('update:page')).toBeUndefined()
    w.unmount()
  })
})
