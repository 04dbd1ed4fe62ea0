// Where a register form shows a core error: beside the field the error names (switching on
// `code` when it names none), or above the form.
import type { IpcFailure } from '../../ipc'

export function errorField(e: IpcFailure, fallback: Record<string, string> = {}): string {
  if (e.field) return e.field
  switch (e.code) {
    case 'bad_credit_code':
      return 'credit_code'
    case 'date_out_of_range':
    case 'bad_date':
      return fallback.date ?? 'form'
    case 'duplicate':
      return fallback.duplicate ?? 'form'
    case 'unknown_unit':
      return 'unit'
    default:
      return 'form'
  }
}
