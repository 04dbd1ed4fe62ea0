// Where an export goes: a folder and a file name, shown and edited apart, joined into one
// path for the shell. Windows paths (C:\Users\…) keep their backslashes.

export type ExportExt = 'xlsx' | 'docx' | 'csv'
export const EXPORT_EXTS: ExportExt[] = ['xlsx', 'docx', 'csv']

function separatorOf(folder: string): '/' | '\\' {
  return folder.includes('\\') && !folder.includes('/') ? '\\' : '/'
}

/** The folder and the file name joined with the folder's own separator. */
export function joinPath(folder: string, name: string): string {
  const f = folder.trim()
  const n = name.trim()
  if (!f) return n
  const sep = separatorOf(f)
  return /[\\/]$/.test(f) ? `${f}${n}` : `${f}${sep}${n}`
}

/** A full path split at its last separator: the folder and the file name. */
export function splitPath(path: string): { folder: string; name: string } {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'))
  if (i < 0) return { folder: '', name: path }
  // Keep the root's separator: "/" or "C:\".
  const folder = i === 0 || /^[A-Za-z]:$/.test(path.slice(0, i)) ? path.slice(0, i + 1) : path.slice(0, i)
  return { folder, name: path.slice(i + 1) }
}

/** The name without an export extension: 汇总.xlsx → 汇总 (other dots stay). */
export function stemOf(name: string): string {
  const m = /^(.*)\.(xlsx|docx|csv)$/i.exec(name.trim())
  return m ? m[1] : name.trim()
}

/** The path an export of `ext` writes: folder, stem and extension. */
export function exportPath(folder: string, stem: string, ext: ExportExt): string {
  return joinPath(folder, `${stemOf(stem)}.${ext}`)
}
