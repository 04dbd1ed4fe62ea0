// What the window knows about the app and its ledger, and a revision counter that every
// write bumps so that open pages reload their figures.
import { reactive, ref } from 'vue'
import * as ipc from '../ipc'
import type { AppInfo, IpcFailure } from '../ipc'

export const app = reactive({
  info: null as AppInfo | null,
  loading: true,
  error: null as IpcFailure | null,
})

/** Bumped after every successful write; pages watch it to reload. */
export const revision = ref(0)

export function changed(): void {
  revision.value += 1
}

export async function loadAppInfo(): Promise<AppInfo | null> {
  try {
    app.info = await ipc.appInfo()
    app.error = null
  } catch (e) {
    app.error = e as IpcFailure
  } finally {
    app.loading = false
  }
  return app.info
}
