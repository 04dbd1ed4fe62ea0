import { afterEach, describe, expect, it } from 'vitest'
import { call, onLoginRequired } from './invoke'

/** A window whose Tauri backend answers every command with `reply`. */
function backend(reply: (cmd: string) => unknown): void {
  ;(globalThis as Record<string, unknown>).window = {
    __TAURI_INTERNALS__: {
      invoke: async (cmd: string) => {
        const r = reply(cmd)
        if (r instanceof Error) throw (r as Error & { ipc: unknown }).ipc
        return r
      },
      transformCallback: () => 0,
    },
  }
}

const refusal = (code: string, message: string) => Object.assign(new Error(message), { ipc: { code, message, field: null } })

afterEach(() => {
  delete (globalThis as Record<string, unknown>).window
})

describe('login_required', () => {
  it('tells the session store whichever command answered it, and still fails the call', async () => {
    let told = 0
    onLoginRequired(() => (told += 1))
    backend((cmd) => (cmd === 'list_entries' ? refusal('login_required', '请先登录') : refusal('forbidden', '无权修改')))
    await expect(call('list_entries')).rejects.toMatchObject({ code: 'login_required', message: '请先登录' })
    expect(told, 'listeners after login_required').toBe(1)
    await expect(call('record_entry')).rejects.toMatchObject({ code: 'forbidden' })
    expect(told, 'a forbidden answer does not ask for a login').toBe(1)
  })
})
