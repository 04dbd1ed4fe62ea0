// What EvidenceDialog shows of an attachment: its size, a short type, the file's state.
import type { Evidence } from '../bindings/core/Evidence'

/** 35 KB, 1.2 MB (as the CLI prints them). */
export function fileSize(bytes: number): string {
  if (bytes >= 1 << 20) return `${(bytes / (1 << 20)).toFixed(1)} MB`
  return `${Math.max(1, Math.ceil(bytes / 1024))} KB`
}

const SHORT: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPG',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
}

/** PDF, PNG, JPG, Word, Excel (else the media type itself). */
export function shortType(mediaType: string): string {
  return SHORT[mediaType] ?? mediaType
}

/** intact | altered | missing: the i18n key of the file's state. */
export function fileState(e: Pick<Evidence, 'exists' | 'intact'>): 'intact' | 'altered' | 'missing' {
  if (e.intact) return 'intact'
  return e.exists ? 'altered' : 'missing'
}

/** The path typed or pasted, without the quotes a file manager's "copy as path" adds. */
export function cleanPath(text: string): string {
  return text.trim().replace(/^["']|["']$/g, '')
}
