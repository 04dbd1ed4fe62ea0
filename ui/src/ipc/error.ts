// Every failure of a command reaches the UI as one IpcError {code, message, field}:
// the UI switches on `code`, shows `message` (Chinese, from the core) and highlights `field`.
import type { IpcError } from './appTypes'

/** An IpcError that is also an Error (so it has a stack and `instanceof` works). */
export class IpcFailure extends Error implements IpcError {
  readonly code: string
  readonly field: string | null

  constructor(e: IpcError) {
    super(e.message)
    this.name = 'IpcFailure'
    this.code = e.code
    this.field = e.field ?? null
  }

  toJSON(): IpcError {
    return { code: this.code, message: this.message, field: this.field }
  }
}

function isIpcError(e: unknown): e is IpcError {
  return typeof e === 'object' && e !== null && typeof (e as IpcError).code === 'string' && typeof (e as IpcError).message === 'string'
}

/**
 * Turns whatever `invoke` rejected with into an IpcFailure: the shell's {code, message,
 * field}; a plain string (Tauri's own errors, e.g. bad arguments); or an Error.
 */
export function normaliseError(e: unknown): IpcFailure {
  if (e instanceof IpcFailure) return e
  if (isIpcError(e)) return new IpcFailure({ code: e.code, message: e.message, field: e.field ?? null })
  if (typeof e === 'string') return new IpcFailure({ code: 'internal', message: e, field: null })
  if (e instanceof Error) return new IpcFailure({ code: 'internal', message: e.message, field: null })
  return new IpcFailure({ code: 'internal', message: String(e), field: null })
}

/** Codes of errors about what the person entered (shown beside the field), not failures. */
export const INPUT_CODES = new Set([
  'negative_value',
  'too_many_decimals',
  'not_a_number',
  'date_out_of_range',
  'bad_date',
  'bad_quarter',
  'period_reversed',
  'invalid',
  'unknown_indicator',
  'unknown_unit',
  'unknown_action',
  'duplicate',
  'ambiguous',
])

export function isInputError(e: IpcError): boolean {
  return INPUT_CODES.has(e.code)
}
