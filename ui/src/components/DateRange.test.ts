// @vitest-environment jsdom
// The date range filter: a box drawn like the picker until it is used (no calendar built with
// the page), the picker itself once it is clicked or focused, or when a range is set.
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { describe, expect, it } from 'vitest'
import { i18n } from '../i18n'
import DateRange from './DateRange.vue'

const open = (modelValue: [string, string] | null) =>
  mount(DateRange, { props: { modelValue, 'data-testid': 'audit-range' }, global: { plugins: [ElementPlus, i18n] }, attachTo: document.body })

describe('DateRange', () => {
  it('draws the stand-in with the placeholders and builds no calendar until used', async () => {
    const w = open(null)
    await flushPromises()
    const box = w.get('[data-testid="audit-range"]')
    expect(box.attributes('data-stand-in')).toBe('date-range')
    expect(box.findAll('input').map((i) => i.attributes('placeholder'))).toEqual(['开始日期', '结束日期'])
    expect(document.querySelector('.el-date-range-picker'), 'no calendar yet').toBeNull()
    await box.trigger('mousedown')
    await flushPromises()
    expect(w.find('[data-stand-in]').exists(), 'the picker took its place').toBe(false)
    expect(document.querySelector('.el-date-range-picker'), 'the calendar is built').not.toBeNull()
    w.unmount()
  })

  it('is the picker itself when a range is set, showing it', async () => {
    const w = open(['2024-01-01', '2024-06-30'])
    await flushPromises()
    expect(w.find('[data-stand-in]').exists()).toBe(false)
    expect(document.querySelector('.el-date-range-picker'), 'Element Plus builds the calendar with the picker, unopened').not.toBeNull()
    expect(w.findAll('input.el-range-input').map((i) => (i.element as HTMLInputElement).value)).toEqual(['2024-01-01', '2024-06-30'])
    w.unmount()
  })
})
