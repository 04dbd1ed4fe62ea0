// @vitest-environment jsdom
// The cell parts are Element Plus's markup without its components: the same classes, the
// attributes where <el-button>, <el-tag> and <el-input> put them, and v-model on the input.
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import { CellButton, CellInput, CellTag } from './cellParts'

describe('cell parts', () => {
  it('CellButton looks like a small link button and its click does not reach the row', async () => {
    let rowClicks = 0
    let clicks = 0
    const w = mount(() =>
      h('div', { onClick: () => rowClicks++ }, [h(CellButton, { type: 'danger', 'data-testid': 'del', onClick: () => clicks++ }, () => '删除')]),
    )
    const b = w.get('[data-testid="del"]')
    expect(b.element.tagName).toBe('BUTTON')
    expect(b.classes()).toEqual(expect.arrayContaining(['el-button', 'el-button--danger', 'el-button--small', 'is-link']))
    await b.trigger('click')
    expect([clicks, rowClicks]).toEqual([1, 0])
  })

  it('CellTag looks like a small plain tag', () => {
    const w = mount(() => h(CellTag, { type: 'warning', class: 'tag' }, () => '示例'))
    expect(w.classes()).toEqual(expect.arrayContaining(['el-tag', 'el-tag--warning', 'el-tag--small', 'el-tag--plain', 'tag']))
    expect(w.get('.el-tag__content').text()).toBe('示例')
  })

  it('CellInput keeps v-model, puts the test id on the input and the class on its box', async () => {
    const value = ref('')
    const disabled = ref(false)
    const w = mount(
      defineComponent({
        setup: () => () =>
          h(CellInput, {
            modelValue: value.value,
            'onUpdate:modelValue': (v: string) => (value.value = v),
            append: '条',
            disabled: disabled.value,
            class: 'value',
            'data-testid': 'target-input-371302',
            inputmode: 'decimal',
          }),
      }),
    )
    const input = w.get('input[data-testid="target-input-371302"]')
    expect(input.attributes('inputmode')).toBe('decimal')
    expect(w.classes()).toEqual(expect.arrayContaining(['el-input', 'el-input--small', 'el-input-group--append', 'value']))
    expect(w.get('.el-input-group__append').text()).toBe('条')
    await input.setValue('45')
    expect(value.value).toBe('45')
    value.value = ''
    disabled.value = true
    await w.vm.$nextTick()
    expect((input.element as HTMLInputElement).value, 'the model flows back').toBe('')
    expect((input.element as HTMLInputElement).disabled).toBe(true)
    expect(w.classes()).toContain('is-disabled')
  })
})
