// The folder something is written into (an export, the round's tables, an exchange package):
// the last one used for that purpose (kept in localStorage under `storageKey`), else the
// person's 文档 folder from the shell; typed or pasted, or chosen in the native dialog.
import { ref } from 'vue'
import { chooseFolder, defaultExportDir } from '../ipc/files'

function remembered(storageKey: string): string {
  try {
    return localStorage.getItem(storageKey) ?? ''
  } catch {
    return ''
  }
}

export function useFolderChoice(storageKey: string) {
  const folder = ref(remembered(storageKey))

  /** Fills in the default folder when there is none yet; rejects as `defaultExportDir` does. */
  async function fillDefault(): Promise<void> {
    if (folder.value) return
    const dir = await defaultExportDir()
    // The person may have typed one meanwhile.
    if (!folder.value) folder.value = dir
  }

  /** The native folder dialog; a folder picked replaces the one shown. Rejects with the IPC failure. */
  async function choose(title: string): Promise<void> {
    const picked = await chooseFolder(title)
    if (picked) folder.value = picked
  }

  /** Keeps `dir` (the folder shown, trimmed, by default) for next time. */
  function remember(dir = folder.value.trim()): void {
    try {
      localStorage.setItem(storageKey, dir)
    } catch {
      // Storage can be unavailable; the folder then lasts for this session.
    }
  }

  return { folder, fillDefault, choose, remember }
}
