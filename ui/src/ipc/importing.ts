// 导入 commands: the columns a kind reads, the preview of a file, the commit (all or
// nothing, its progress streamed through a Channel) and each kind's .xlsx template.
import { Channel } from '@tauri-apps/api/core'
import type { ColumnMapping } from '../bindings/core/ColumnMapping'
import type { ImportField } from '../bindings/core/ImportField'
import type { ImportKind } from '../bindings/core/ImportKind'
import type { ImportPreview } from '../bindings/core/ImportPreview'
import type { ImportReport } from '../bindings/core/ImportReport'
import type { ImportProgress } from '../bindings/app/ImportProgress'
import { call, inTauri } from './invoke'

export type { ImportProgress }

export const importFields = (kind: ImportKind) => call<ImportField[]>('import_fields', { kind })

/** What importing `path` as `kind` would write; writes nothing. `mapping` null: guessed. */
export const importPreview = (kind: ImportKind, path: string, mapping: ColumnMapping | null) =>
  call<ImportPreview>('import_preview', { kind, path, mapping })

/**
 * Imports `path` in one transaction; `onProgress` hears how many rows are written (about
 * once per percent). Fails with `import_rejected` (nothing written) when any row has a problem.
 */
export function importCommit(
  kind: ImportKind,
  path: string,
  mapping: ColumnMapping | null,
  onProgress: (p: ImportProgress) => void,
): Promise<ImportReport> {
  // A Channel needs the window's IPC; outside it `call` reports no_backend.
  const channel = inTauri() ? new Channel<ImportProgress>(onProgress) : null
  return call<ImportReport>('import_commit', { kind, path, mapping, onProgress: channel })
}

/** Writes `kind`'s template (headers, an example row, drop-down lists) to `path`. */
export const importTemplate = (kind: ImportKind, path: string) => call<null>('import_template', { kind, path })
