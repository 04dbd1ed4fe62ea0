// @vitest-environment jsdom
// The 佐证 dialog in a DOM: the files listed with their state, a refused file's reason shown
// as the core words it, a clerk's dialog on another unit's row offering no 添加 or 移除.
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { i18n } from '../i18n'
import { IpcFailure } from '../ipc/error'
import type { Evidence } from '../ipc/evidence'
import { session } from '../store/session'
import { AREAS } from '../store/permissions'
import EvidenceDialog from './EvidenceDialog.vue'

const ipc = vi.hoisted(() => ({
  listEvidence: vi.fn(),
  attachEvidence: vi.fn(),
  openEvidence: vi.fn(),
  removeEvidence: vi.fn(),
}))
vi.mock('../ipc/evidence', async (actual) => ({ ...(await actual<object>()), ...ipc }))

const LANSHAN = 'u-lanshan'
const YINAN = 'u-yinan'

function signInAsClerk(): void {
  session.info = {
    accounts_exist: true,
    account: null,
    actor: '张伟（兰山区填报员）',
    permissions: {
      role: 'clerk',
      unit_id: LANSHAN,
      unit_name: '兰山区',
      scope_units: [LANSHAN],
      grants: AREAS.map((area) => ({ area, grant: area === 'entries' || area === 'registers' ? 'scope' : 'none' })),
    },
  }
}

const file = (over: Partial<Evidence>): Evidence => ({
  id: 'e1',
  attached_to: 'entry',
  attached_id: 'entry-1',
  unit_id: LANSHAN,
  file_name: '签到表.pdf',
  media_type: 'application/pdf',
  size_bytes: 2048,
  sha256: 'ab'.repeat(32),
  note: '',
  added_at: '2024-07-02T09:12:00.000Z',
  added_by: 'lanshan',
  removed_at: null,
  removed_by: null,
  exists: true,
  intact: true,
  ...over,
})

async function open(unit: string) {
  const w = mount(EvidenceDialog, {
    props: { modelValue: false, target: { kind: 'entry', id: 'entry-1' }, what: '兰山区 · 2024-07-02', area: 'entries', unit },
    global: { plugins: [ElementPlus, i18n] },
    attachTo: document.body,
  })
  await w.setProps({ modelValue: true })
  await flushPromises()
  await nextTick()
  return w
}

const byTestid = (id: string) => document.body.querySelector(`[data-testid="${id}"]`)

describe('EvidenceDialog', () => {
  beforeEach(() => {
    document.body.innerHTML = ''
    signInAsClerk()
    ipc.listEvidence.mockReset()
    ipc.attachEvidence.mockReset()
  })

  it('lists the files with their state and shows why a file is refused', async () => {
    ipc.listEvidence.mockResolvedValue([file({}), file({ id: 'e2', file_name: '照片.png', media_type: 'image/png', intact: false })])
    const w = await open(LANSHAN)
    expect(byTestid('evidence-name-e1')?.textContent).toBe('签到表.pdf')
    expect(byTestid('evidence-state-e1')?.textContent?.trim()).toBe('完好')
    expect(byTestid('evidence-state-e2')?.textContent?.trim()).toBe('已被改动')
    expect(byTestid('evidence-remove-e1')).not.toBeNull()

    const message = '文件超过20MB（23.4MB），佐证材料每个不超过20MB'
    ipc.attachEvidence.mockRejectedValue(new IpcFailure({ code: 'evidence_too_large', message, field: null }))
    // Element Plus passes the test id on to the <input> itself.
    const field = byTestid('evidence-path')
    const input = (field?.tagName === 'INPUT' ? field : field?.querySelector('input')) as HTMLInputElement
    input.value = '"/home/zw/扫描件.pdf"'
    input.dispatchEvent(new Event('input'))
    await nextTick()
    ;(byTestid('evidence-add') as HTMLButtonElement).click()
    await flushPromises()
    expect(ipc.attachEvidence).toHaveBeenCalledWith({ kind: 'entry', id: 'entry-1' }, '/home/zw/扫描件.pdf', '')
    expect(byTestid('evidence-error')?.textContent).toContain(message)
    w.unmount()
  })

  it('offers no 添加 or 移除 on another unit’s row', async () => {
    ipc.listEvidence.mockResolvedValue([file({ unit_id: YINAN })])
    const w = await open(YINAN)
    expect(byTestid('evidence-name-e1')).not.toBeNull()
    expect(byTestid('evidence-open-e1')).not.toBeNull()
    expect(byTestid('evidence-remove-e1')).toBeNull()
    expect((byTestid('evidence-add') as HTMLButtonElement).disabled).toBe(true)
    w.unmount()
  })
})
