// @vitest-environment jsdom
// The top bar's date: a stand-in box shows it until the picker has loaded; a click on the box
// loads the picker at once and opens its calendar, and a date picked there is the model's.
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { describe, expect, it } from 'vitest'
import { defineComponent, h, nextTick, ref } from 'vue'
import AsOfDate from './AsOfDate.vue'

const settle = async () => {
  for (let i = 0; i < 5; i++) {
    await flushPromises()
    await nextTick()
    await new Promise((r) => setTimeout(r, 20))
  }
}

describe('the 截至 date', () => {
  it('shows the date at once, and a click opens the real picker on it', async () => {
    document.body.innerHTML = ''
    const asOf = ref('2024-06-30')
    const Host = defineComponent({
      setup: () => () =>
        h(AsOfDate, { modelValue: asOf.value, 'onUpdate:modelValue': (v: string) => (asOf.value = v), disabledDate: () => false, placeholder: '选择日期' }),
    })
    const w = mount(Host, { global: { plugins: [ElementPlus] }, attachTo: document.body })
    const standIn = w.get('[data-testid="asof-date-stand-in"]')
    expect(standIn.text()).toBe('2024-06-30')
    expect(w.find('.el-date-editor').exists(), 'no picker before it is asked for or the page has painted').toBe(false)

    await standIn.trigger('click')
    await settle()
    expect(w.find('[data-testid="asof-date-stand-in"]').exists(), 'the picker replaced the stand-in').toBe(false)
    const input = w.get('.el-date-editor input').element as HTMLInputElement
    expect(input.value).toBe('2024-06-30')
    const cell = [...document.querySelectorAll<HTMLElement>('.el-date-table td.available')].find((td) => td.textContent?.trim() === '15')
    expect(cell, 'the calendar opened on June 2024').toBeDefined()
    const day = cell?.querySelector<HTMLElement>('.el-date-table-cell') ?? cell
    day?.click()
    await settle()
    expect(asOf.value).toBe('2024-06-15')
    w.unmount()
  })
})
