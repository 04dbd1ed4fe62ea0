// @vitest-environment jsdom
// The 目标 page in a DOM (it was split into TargetSum and useTargetEdits; this holds what it
// does): the city's target against the counties' sum, saving the values typed (a bad one
// refused on its row), and replacing an overlapping target only after asking.
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { Target } from '../../bindings/core/Target'
import { i18n } from '../../i18n'
import { IpcFailure } from '../../ipc/error'
import { byTestid, CITY, LANSHAN, loadLedger, PAIRED, signInAsAdmin, YINAN } from '../../testing/ledger'
import TargetsPage from './TargetsPage.vue'

const ipc = vi.hoisted(() => ({ listTargets: vi.fn(), setTargets: vi.fn(), deleteTarget: vi.fn(), targetSum: vi.fn() }))
vi.mock('../../ipc', async (actual) => ({ ...(await actual<object>()), ...ipc }))

const YEAR_2024 = { start: '2024-01-01', end: '2024-12-31' }

const target = (unit: { id: string }, value: number): Target => ({
  id: `t-${unit.id}`,
  indicator_id: PAIRED.id,
  unit_id: unit.id,
  period: YEAR_2024,
  value,
  milestones: [],
  is_sample: false,
  updated_at: '2024-01-05T09:00:00Z',
  updated_by: 'admin',
})

async function open() {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/targets', component: TargetsPage }] })
  await router.push(`/targets?indicator=${PAIRED.id}`)
  const w = mount(TargetsPage, { global: { plugins: [ElementPlus, i18n, router] }, attachTo: document.body })
  await flushPromises()
  return w
}

function input(testid: string): HTMLInputElement {
  const field = byTestid(testid)
  return (field?.tagName === 'INPUT' ? field : field?.querySelector('input')) as HTMLInputElement
}

async function type(testid: string, text: string): Promise<void> {
  const el = input(testid)
  el.value = text
  el.dispatchEvent(new Event('input'))
  await nextTick()
}

const newTarget = (unit: { id: string }, value: number, replace = false) => ({
  indicator: PAIRED.id,
  unit: unit.id,
  period: YEAR_2024,
  value,
  milestones: [],
  replace_overlapping: replace,
})

describe('TargetsPage', () => {
  beforeEach(() => {
    document.body.innerHTML = ''
    loadLedger()
    signInAsAdmin()
    ipc.listTargets.mockReset().mockResolvedValue([target(CITY, 100), target(LANSHAN, 40), target(YINAN, 50)])
    ipc.setTargets.mockReset().mockResolvedValue([])
    // The core adds the units' targets up (tests: crates/core/tests/target_sum.rs); the page words it.
    ipc.targetSum.mockReset().mockResolvedValue({ own: 100, sub_units: 90, counted: 2, sub_unit_count: 12 })
  })

  it('compares the city’s target with the sum of the counties’ that the core sends for the period shown', async () => {
    const w = await open()
    expect(ipc.listTargets).toHaveBeenCalledWith({ indicator: PAIRED.id, unit: null })
    expect(ipc.targetSum, 'the period the page jumped to').toHaveBeenLastCalledWith({ indicator: PAIRED.id, unit: null, period: YEAR_2024 })
    expect(byTestid('targets-city')?.textContent).toContain('100')
    expect(byTestid('targets-unit-sum')?.textContent).toContain('90')
    expect(byTestid('targets-units-set')?.textContent).toContain('2/12')
    expect(byTestid('targets-sum')?.textContent).toContain('单位目标合计比市级目标少 10')
    w.unmount()
  })

  it('refuses a value that is not a number on its row and saves nothing while it is there', async () => {
    const w = await open()
    await type(`target-input-${YINAN.code}`, '60')
    await type(`target-input-${LANSHAN.code}`, '四十五')
    byTestid('targets-save')?.click()
    await flushPromises()
    expect(ipc.setTargets, 'all or nothing: nothing sent').not.toHaveBeenCalled()
    expect(document.body.querySelector('.row-error')?.textContent).toContain('四十五')
    await type(`target-input-${LANSHAN.code}`, '45')
    byTestid('targets-save')?.click()
    await flushPromises()
    expect(ipc.setTargets).toHaveBeenCalledExactlyOnceWith([newTarget(YINAN, 60), newTarget(LANSHAN, 45)])
    expect(input(`target-input-${YINAN.code}`).value, 'a saved row is emptied').toBe('')
    expect(document.body.querySelector('.row-error')).toBeNull()
    w.unmount()
  })

  it('shows the core\'s refusal on the row it names, and keeps every typed value', async () => {
    const refusal = new IpcFailure({ code: 'negative_value', message: '沂南县：「目标值」不能为负数（收到 -1）', field: 'target', params: { row_unit: '沂南县', row_unit_id: YINAN.id } })
    ipc.setTargets.mockRejectedValueOnce(refusal)
    const w = await open()
    await type(`target-input-${LANSHAN.code}`, '45')
    await type(`target-input-${YINAN.code}`, '-1')
    byTestid('targets-save')?.click()
    await flushPromises()
    expect(ipc.setTargets).toHaveBeenCalledOnce()
    const errors = [...document.body.querySelectorAll('.row-error')].map((e) => e.textContent)
    expect(errors, 'one refusal, on 沂南县\'s row').toEqual([refusal.message])
    expect(document.body.querySelector('.row-error')?.closest('tr')?.textContent).toContain('沂南县')
    expect(input(`target-input-${LANSHAN.code}`).value, 'nothing was saved: the other row keeps its value').toBe('45')
    w.unmount()
  })

  it('replaces an overlapping target only after the person agrees', async () => {
    const overlap = new IpcFailure({ code: 'target_overlap', message: '与已有目标（2024-01-01 至 2024-06-30）重叠', field: 'period', params: { row_unit: '沂南县', row_unit_id: YINAN.id } })
    ipc.setTargets.mockRejectedValueOnce(overlap).mockResolvedValueOnce([])
    const w = await open()
    await type(`target-input-${YINAN.code}`, '60')
    byTestid('targets-save')?.click()
    await flushPromises()
    const box = document.body.querySelector('.el-message-box')
    expect(box?.textContent).toContain(overlap.message)
    ;(box?.querySelector('.el-message-box__btns .el-button--primary') as HTMLButtonElement).click()
    await flushPromises()
    expect(ipc.setTargets.mock.calls.map(([t]) => t)).toEqual([[newTarget(YINAN, 60)], [newTarget(YINAN, 60, true)]])
    w.unmount()
  })
})
