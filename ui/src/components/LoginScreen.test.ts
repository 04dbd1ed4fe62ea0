// @vitest-environment jsdom
// The login form in a DOM: it sends the trimmed name and the password, and a refused login
// shows the core's message where it belongs (a wrong password under the password, a locked
// account under the name, anything else above the button).
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { i18n } from '../i18n'
import { IpcFailure } from '../ipc/error'
import { session } from '../store/session'
import { byTestid, signInAsAdmin } from '../testing/ledger'
import LoginScreen from './LoginScreen.vue'

const ipc = vi.hoisted(() => ({ signIn: vi.fn() }))
vi.mock('../ipc', async (actual) => ({ ...(await actual<object>()), ...ipc }))

/** Element Plus passes the test id on to the <input> itself, or keeps it on its wrapper. */
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

async function open() {
  const w = mount(LoginScreen, { global: { plugins: [ElementPlus, i18n] }, attachTo: document.body })
  await flushPromises()
  return w
}

async function submit(): Promise<void> {
  byTestid('login-submit')?.click()
  await flushPromises()
  // Element Plus's form item shows an error 100 ms after it is given (debounced).
  await new Promise((resolve) => setTimeout(resolve, 150))
  await nextTick()
}

const itemError = (testid: string) => byTestid(testid)?.querySelector('.el-form-item__error')?.textContent?.trim() ?? ''

describe('LoginScreen', () => {
  beforeEach(() => {
    document.body.innerHTML = ''
    session.info = null
    ipc.signIn.mockReset()
  })

  it('signs in with the name and the password typed', async () => {
    ipc.signIn.mockImplementation(async () => {
      signInAsAdmin()
      return session.info
    })
    const w = await open()
    await type('login-name', '  zhangwei ')
    await type('login-password', 'Lanshan2024')
    await submit()
    expect(ipc.signIn).toHaveBeenCalledExactlyOnceWith('zhangwei', 'Lanshan2024')
    expect(session.info?.permissions?.role).toBe('admin')
    expect(input('login-password').value, 'the password is not kept in the form').toBe('')
    expect(byTestid('login-error')).toBeNull()
    w.unmount()
  })

  it('submits on Enter', async () => {
    ipc.signIn.mockResolvedValue(null)
    const w = await open()
    await type('login-name', 'zhangwei')
    await type('login-password', 'Lanshan2024')
    input('login-password').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }))
    await flushPromises()
    expect(ipc.signIn).toHaveBeenCalledWith('zhangwei', 'Lanshan2024')
    w.unmount()
  })

  it('shows a wrong password’s message under the password and empties it', async () => {
    const message = '登录名或密码不正确，再错4次账号将被锁定'
    ipc.signIn.mockRejectedValue(new IpcFailure({ code: 'bad_login', message, field: 'password' }))
    const w = await open()
    await type('login-name', 'zhangwei')
    await type('login-password', 'wrong-one')
    await submit()
    expect(ipc.signIn).toHaveBeenCalledWith('zhangwei', 'wrong-one')
    expect(itemError('login-password-item')).toBe(message)
    expect(itemError('login-name-item')).toBe('')
    expect(input('login-password').value).toBe('')
    expect(session.info, 'nobody is signed in').toBeNull()
    w.unmount()
  })

  it('shows a locked account’s message under the name', async () => {
    const message = '密码连续输错5次，账号已锁定至 2024-07-02 10:15，请稍后再试或请管理员重置密码'
    ipc.signIn.mockRejectedValue({ code: 'account_locked', message, field: null })
    const w = await open()
    await type('login-name', 'zhangwei')
    await type('login-password', 'Lanshan2024')
    await submit()
    expect(itemError('login-name-item')).toBe(message)
    expect(input('login-password').value, 'the password typed stays').toBe('Lanshan2024')
    w.unmount()
  })

  it('shows any other refusal above the button', async () => {
    const message = '数据库文件被另一个程序占用'
    ipc.signIn.mockRejectedValue(new IpcFailure({ code: 'database', message, field: null }))
    const w = await open()
    await type('login-name', 'zhangwei')
    await type('login-password', 'Lanshan2024')
    await submit()
    expect(byTestid('login-error')?.textContent).toContain(message)
    w.unmount()
  })

  it('asks for the name before sending anything', async () => {
    const w = await open()
    await type('login-password', 'Lanshan2024')
    await submit()
    expect(ipc.signIn).not.toHaveBeenCalled()
    expect(itemError('login-name-item')).not.toBe('')
    w.unmount()
  })
})
