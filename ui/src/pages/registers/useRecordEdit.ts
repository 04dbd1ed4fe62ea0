// A dialog that corrects one stored record (an enterprise, a village): when opened it loads
// the record and fills the form; 保存 checks the form, writes, says 已保存, closes and tells
// the pages the ledger changed; a core error goes beside the field it names.
import { ref, watch, type Ref } from 'vue'
import { ElMessage } from 'element-plus'
import * as ipc from '../../ipc'
import type { IpcFailure } from '../../ipc'
import { i18n } from '../../i18n'
import { changed } from '../../store/app'

export interface RecordEdit<T> {
  /** The record as stored, or undefined when it is gone. */
  load: () => Promise<T | undefined>
  fill: (record: T) => void
  /** Missing or wrong fields, by field key (empty when the form may be written). */
  check: () => Record<string, string>
  write: () => Promise<T>
  /** Which field a core error belongs beside. */
  errorKey: (fail: IpcFailure) => string
  saved: (record: T) => void
}

export function useRecordEdit<T>(open: Ref<boolean>, edit: RecordEdit<T>) {
  const errors = ref<Record<string, string>>({})
  const loaded = ref(false)
  const saving = ref(false)

  watch(open, async (o) => {
    if (!o) return
    errors.value = {}
    loaded.value = false
    try {
      const found = await edit.load()
      if (!found) {
        errors.value = { form: i18n.global.t('errors.not_found') }
        return
      }
      edit.fill(found)
      loaded.value = true
    } catch (err) {
      errors.value = { form: ipc.normaliseError(err).message }
    }
  })

  async function save(): Promise<void> {
    if (!loaded.value) return
    errors.value = edit.check()
    if (Object.keys(errors.value).length) return
    saving.value = true
    try {
      const saved = await edit.write()
      ElMessage.success(i18n.global.t('registers.saved'))
      open.value = false
      edit.saved(saved)
      changed()
    } catch (err) {
      const fail = ipc.normaliseError(err)
      const key = edit.errorKey(fail)
      errors.value = { [key === 'unit' ? 'county' : key]: fail.message }
    } finally {
      saving.value = false
    }
  }

  return { errors, loaded, saving, save }
}
