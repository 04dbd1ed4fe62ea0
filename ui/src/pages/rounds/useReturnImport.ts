// 导入报表 on the round's page: the file (chosen or typed), the unit and quarter prefilled
// from the round (the file's hidden sheet names them when Taizhang sent it), the preview
// (本期 / 累计 / the value to write, problems and warnings) and the commit with the progress
// of the other imports. Nothing is written unless the commit succeeds.
import { computed, ref, shallowRef, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import type { Quarter } from '../../bindings/core/Quarter'
import type { ReturnPreview } from '../../bindings/core/ReturnPreview'
import type { ReturnReport } from '../../bindings/core/ReturnReport'
import type { ImportProgress } from '../../bindings/app/ImportProgress'
import { normaliseError, type IpcFailure } from '../../ipc'
import { chooseFileToOpen, SPREADSHEET_FILTERS } from '../../ipc/files'
import { returnCommit, returnPreview } from '../../ipc/rounds'
import { changed } from '../../store/app'
import { cleanPath } from '../import/kinds'
import { returnBlocked } from './returnImport'

export function useReturnImport() {
  const { t } = useI18n()
  const path = ref('')
  const unit = ref<string | null>(null)
  const quarter = ref<Quarter | null>(null)
  const preview = shallowRef<ReturnPreview | null>(null)
  const previewing = ref(false)
  const committing = ref(false)
  const progress = ref<ImportProgress | null>(null)
  const report = shallowRef<ReturnReport | null>(null)
  const failure = ref<IpcFailure | null>(null)
  const blocked = computed(() => returnBlocked(preview.value, committing.value || previewing.value))

  function reset(): void {
    preview.value = null
    report.value = null
    failure.value = null
    progress.value = null
  }
  // Another file: the old preview no longer says what would happen. (Another unit picked by
  // the person resets it too, through `unitPicked`; the preview's own unit does not.)
  watch(path, () => {
    if (!committing.value) reset()
  })
  function unitPicked(): void {
    if (!committing.value) reset()
  }

  /** The dialog opens for a round (and a unit of its board, when opened from a row). */
  function start(q: Quarter | null, unitId: string | null): void {
    quarter.value = q
    unit.value = unitId
    path.value = ''
    reset()
  }

  const options = () => ({ unit: unit.value, quarter: quarter.value, mapping: null })

  let seq = 0
  async function runPreview(): Promise<void> {
    const file = cleanPath(path.value)
    if (!file || committing.value) return
    if (file !== path.value) path.value = file
    const mine = ++seq
    previewing.value = true
    failure.value = null
    report.value = null
    try {
      const p = await returnPreview(file, options())
      if (mine !== seq) return
      preview.value = p
      // The file's hidden sheet (or title) named the unit: show it in the picker.
      if (p.unit_id && !unit.value) unit.value = p.unit_id
    } catch (e) {
      if (mine === seq) {
        preview.value = null
        failure.value = normaliseError(e)
      }
    } finally {
      if (mine === seq) previewing.value = false
    }
  }

  async function chooseFile(): Promise<void> {
    try {
      const chosen = await chooseFileToOpen(t('rounds.ret.chooseTitle'), SPREADSHEET_FILTERS)
      if (!chosen) return
      path.value = chosen
      await runPreview()
    } catch (e) {
      failure.value = normaliseError(e)
    }
  }

  async function commit(): Promise<void> {
    const p = preview.value
    if (!p || blocked.value) return
    committing.value = true
    progress.value = null
    failure.value = null
    try {
      const o = { unit: p.unit_id ?? unit.value, quarter: p.quarter ?? quarter.value, mapping: p.mapping }
      report.value = await returnCommit(p.file, o, (m) => (progress.value = m))
      preview.value = null
      changed()
    } catch (e) {
      failure.value = normaliseError(e)
    } finally {
      committing.value = false
    }
  }

  return { path, unit, quarter, preview, previewing, committing, progress, report, failure, blocked, start, unitPicked, runPreview, chooseFile, commit }
}
