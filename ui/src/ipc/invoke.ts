// The one place that calls Tauri's invoke. Failures become IpcFailure (see error.ts).
import { invoke } from '@tauri-apps/api/core'
import { IpcFailure, normaliseError } from './error'

/** Whether the page runs inside the Taizhang window (not a plain browser). */
export function inTauri(): boolean {
  return typeof window !== 'undefined' && '__TAURI_INTERNALS__' in window
}

type LoginRequiredListener = () => void
const loginRequiredListeners: LoginRequiredListener[] = []

/**
 * Called whenever a command answers `login_required` (accounts exist and nobody is signed
 * in, or the session ended): the session store shows the login screen.
 */
export function onLoginRequired(listener: LoginRequiredListener): void {
  loginRequiredListeners.push(listener)
}

export async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  if (!inTauri()) {
    throw new IpcFailure({
      code: 'no_backend',
      message: '未连接到台账程序：请在台账桌面程序中打开此页面。',
      field: null,
    })
  }
  try {
    return await invoke<T>(command, args)
  } catch (e) {
    const failure = normaliseError(e)
    if (failure.code === 'login_required') for (const l of loginRequiredListeners) l()
    throw failure
  }
}
