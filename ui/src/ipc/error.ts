// Every failure of a command reaches the UI as one IpcError {code, message, field, params}:
// the UI switches on `code`, shows the message in the window's language (the core's Chinese,
// or English worded from `code` + `params`, see wording.ts) and highlights `field`.
import type { IpcError } from './appTypes'
import { currentLocale } from '../i18n'
import { wordError } from './wording'

/** An IpcError that is also an Error (so it has a stack and `instanceof` works). */
/** `message` is worded in the window's language when the failure is made. */
export class IpcFailure extends Error {
  readonly code: string
  readonly field: string | null
  readonly params: Record<string, string>
  /** The core's own (Chinese) message. */
  readonly messageZh: string

  constructor(e: IpcErrorIn) {
    const params = cleanParams(e.params)
    super(wordError({ code: e.code, message: e.message, params }, currentLocale()))
    this.name = 'IpcFailure'
    this.code = e.code
    this.field = e.field ?? null
    this.params = params
    this.messageZh = e.message
  }

  toJSON(): IpcError {
    return { code: this.code, message: this.messageZh, field: this.field, params: this.params }
  }
}

/** What the shell sends; `params` may be absent from older callers and tests. */
type IpcErrorIn = Omit<IpcError, 'params' | 'field'> & { field?: string | null; params?: IpcError['params'] | null }

function cleanParams(p: IpcError['params'] | null | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(p ?? {})) if (typeof v === 'string') out[k] = v
  return out
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
  if (isIpcError(e)) return new IpcFailure(e)
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

export function isInputError(e: { code: string }): boolean {
  return INPUT_CODES.has(e.code)
}
