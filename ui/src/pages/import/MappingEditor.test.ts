// @vitest-environment jsdom
// Correcting the column mapping on the import page, in a DOM: picking another column for a
// field (or 不导入) previews the file again with exactly that change, and the import then
// sends the mapping the last preview used.
import { flushPromises, mount, RouterLinkStub } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import type { ColumnMapping } from '../../bindings/core/ColumnMapping'
import type { ImportPreview } from '../../bindings/core/ImportPreview'
import { i18n } from '../../i18n'
import { byTestid, loadLedger, signInAsAdmin } from '../../testing/ledger'
import ImportPage from './ImportPage.vue'

const ipc = vi.hoisted(() => ({
  importPreview: vi.fn(),
  importCommit: vi.fn(),
}))
vi.mock('../../ipc/importing', async (actual) => ({ ...(await actual<object>()), ...ipc }))

const FILE = '/home/zw/完成情况.xlsx'

const column = (index: number, letter: string, header: string, field: string | null) => ({ index, letter, header, field })

/** As the core guesses it: 完成数 (E) read as the value, 备注数值 (D) not read. */
const GUESSED: ColumnMapping = {
  sheets: [
    {
      sheet: '二季度',
      header_row: 1,
      columns: [
        column(0, 'A', '单位', 'unit'),
        column(1, 'B', '指标', 'indicator'),
        column(2, 'C', '日期', 'date'),
        column(3, 'D', '备注数值', null),
        column(4, 'E', '完成数', 'value'),
      ],
    },
  ],
}

const previewOf = (mapping: ColumnMapping): ImportPreview => ({
  file: FILE,
  kind: { kind: 'entries' },
  fields: [
    { key: 'unit', label: '单位', required: true, names: [] },
    { key: 'indicator', label: '指标', required: true, names: [] },
    { key: 'date', label: '日期', required: false, names: [] },
    { key: 'value', label: '数值', required: true, names: [] },
  ],
  mapping,
  rows: [],
  row_count: 3,
  duplicates: [],
  duplicate_count: 0,
  problems: [],
  skipped: 0,
  notes: [],
  new_enterprises: 0,
  new_villages: 0,
})

/** The field each column fills, by letter. */
const fieldsOf = (m: ColumnMapping) => Object.fromEntries(m.sheets[0].columns.map((c) => [c.letter, c.field]))

async function openWithPreview() {
  const w = mount(ImportPage, {
    global: { plugins: [ElementPlus, i18n], stubs: { RouterLink: RouterLinkStub } },
    attachTo: document.body,
  })
  await flushPromises()
  const field = byTestid('import-path')
  const input = (field?.tagName === 'INPUT' ? field : field?.querySelector('input')) as HTMLInputElement
  input.value = FILE
  input.dispatchEvent(new Event('input'))
  await nextTick()
  byTestid('import-preview')?.click()
  await flushPromises()
  // The 列对应 tab.
  ;(document.body.querySelector('#tab-mapping') as HTMLElement).click()
  await flushPromises()
  return w
}

async function choose(option: string): Promise<void> {
  const li = byTestid(option)
  expect(li, option).not.toBeNull()
  li!.click()
  await flushPromises()
}

describe('the import mapping editor', () => {
  beforeEach(() => {
    document.body.innerHTML = ''
    loadLedger()
    signInAsAdmin()
    ipc.importPreview.mockReset().mockImplementation(async (_kind: unknown, _path: string, mapping: ColumnMapping | null) =>
      previewOf(mapping ?? GUESSED),
    )
    ipc.importCommit.mockReset().mockResolvedValue({ file: FILE, kind: { kind: 'entries' }, written: 3, duplicates: 0, skipped: 0, new_enterprises: 0, new_villages: 0 })
  })

  it('previews again with the column picked for a field, and imports with that mapping', async () => {
    const w = await openWithPreview()
    expect(ipc.importPreview).toHaveBeenCalledTimes(1)
    expect(ipc.importPreview).toHaveBeenLastCalledWith({ kind: 'entries' }, FILE, null)

    await choose('import-map-value-D')
    expect(ipc.importPreview).toHaveBeenCalledTimes(2)
    const [kind, path, sent] = ipc.importPreview.mock.calls[1]
    expect([kind, path]).toEqual([{ kind: 'entries' }, FILE])
    // D now fills 数值 and E, which did, fills nothing; the rest is as guessed.
    expect(fieldsOf(sent)).toEqual({ A: 'unit', B: 'indicator', C: 'date', D: 'value', E: null })

    await choose('import-map-date-none')
    expect(fieldsOf(ipc.importPreview.mock.calls[2][2])).toEqual({ A: 'unit', B: 'indicator', C: null, D: 'value', E: null })

    byTestid('import-commit')?.click()
    await flushPromises()
    expect(ipc.importCommit).toHaveBeenCalledTimes(1)
    const [, file, committed] = ipc.importCommit.mock.calls[0]
    expect(file).toBe(FILE)
    expect(fieldsOf(committed)).toEqual({ A: 'unit', B: 'indicator', C: null, D: 'value', E: null })
    expect(byTestid('import-result')).not.toBeNull()
    w.unmount()
  })

  it('shows the preview’s mapping in the selects', async () => {
    const w = await openWithPreview()
    const selected = (key: string) => byTestid(`import-map-${key}`)?.closest('.el-select')?.textContent?.trim()
    expect(selected('value')).toBe('E · 完成数')
    expect(selected('unit')).toBe('A · 单位')
    await choose('import-map-value-D')
    expect(selected('value')).toBe('D · 备注数值')
    w.unmount()
  })
})
