// Validation as the clerk types: the core's check_entry, called shortly after the last
// keystroke; the error lands on the field it names (IpcError.field).
import { ref, watch, type Ref } from 'vue'
import type { NewEntry } from '../bindings/core/NewEntry'
import * as ipc from '../ipc'
import type { IpcFailure } from '../ipc'

export type FieldErrors = Partial<Record<string, string>>

const ENTRY_FIELDS = ['indicator', 'unit', 'occurred_on', 'value', 'note']

/**
 * Puts an IpcError on the field it names when the form has that field (`known`), else on
 * the form as a whole (`form`).
 */
export function fieldErrorsOf(e: IpcFailure, known: string[] = ENTRY_FIELDS): FieldErrors {
  const named = e.field ?? (e.code === 'bad_date' ? 'occurred_on' : null)
  const field = named && known.includes(named) ? named : 'form'
  return { [field]: e.message }
}

export function useEntryValidation(entry: () => NewEntry | null, delay = 250) {
  const errors: Ref<FieldErrors> = ref({})
  const checking = ref(false)
  const valid = ref(false)
  let timer: ReturnType<typeof setTimeout> | undefined
  let seq = 0

  async function check(): Promise<boolean> {
    const e = entry()
    const mine = ++seq
    if (!e) {
      valid.value = false
      return false
    }
    checking.value = true
    try {
      await ipc.checkEntry(e)
      if (mine === seq) {
        errors.value = {}
        valid.value = true
      }
      return true
    } catch (err) {
      if (mine === seq) {
        errors.value = fieldErrorsOf(ipc.normaliseError(err))
        valid.value = false
      }
      return false
    } finally {
      if (mine === seq) checking.value = false
    }
  }

  watch(
    () => JSON.stringify(entry()),
    () => {
      clearTimeout(timer)
      timer = setTimeout(() => void check(), delay)
    },
  )

  return { errors, checking, valid, check }
}
