// @vitest-environment jsdom
// A dialog from the keyboard: opened from a button, it takes the focus and keeps Tab inside
// itself; Escape closes it and the focus goes back to the button that opened it.
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { describe, expect, it } from 'vitest'
import { defineComponent, h, nextTick, ref } from 'vue'
import { i18n } from '../i18n'
import PasswordDialog from './PasswordDialog.vue'

const Opener = defineComponent({
  setup() {
    const open = ref(false)
    return () => [
      h('button', { id: 'opener', onClick: () => (open.value = true) }, '修改密码'),
      h(PasswordDialog, { modelValue: open.value, 'onUpdate:modelValue': (v: boolean) => (open.value = v) }),
    ]
  },
})

const settle = async () => {
  for (let i = 0; i < 5; i++) {
    await flushPromises()
    await nextTick()
    await new Promise((r) => setTimeout(r, 20))
  }
}

const press = (key: string, shift = false) =>
  (document.activeElement ?? document.body).dispatchEvent(new KeyboardEvent('keydown', { key, code: key, shiftKey: shift, bubbles: true, cancelable: true }))

describe('a dialog and the focus', () => {
  it('takes the focus, keeps Tab inside, and gives the focus back on Escape', async () => {
    document.body.innerHTML = ''
    const w = mount(Opener, { global: { plugins: [ElementPlus, i18n] }, attachTo: document.body })
    const opener = document.getElementById('opener') as HTMLButtonElement
    opener.focus()
    opener.click()
    await settle()
    const dialog = document.querySelector('[data-testid="password-dialog"]') as HTMLElement
    expect(dialog, 'the dialog opened').not.toBeNull()
    expect(dialog.contains(document.activeElement), `the focus is in the dialog, not on ${document.activeElement?.outerHTML.slice(0, 60)}`).toBe(true)

    // Tab from the last focusable element comes round to the first, still inside.
    const focusables = [...dialog.querySelectorAll<HTMLElement>('input, button')].filter((e) => !e.hasAttribute('disabled'))
    focusables.at(-1)?.focus()
    press('Tab')
    await settle()
    expect(document.activeElement, 'Tab from the last element comes round to the first').toBe(focusables[0])

    press('Escape')
    await settle()
    expect(document.activeElement, 'the focus is back on the button that opened it').toBe(opener)
    w.unmount()
  })
})
