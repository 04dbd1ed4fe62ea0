// 导入报表 on the round's page: the file (chosen or typed), the unit and period prefilled
// from the round (the file's hidden sheet names them when Taizhang sent it), the preview
// (本期 / 累计 / the value to write, problems and warnings) and the commit with the progress
// of the other imports. The person may correct the mapping (a column's role, a row's
// indicator or 不导入); each correction previews again. Nothing is written unless the
// commit succeeds.
import { computed, ref, shallowRef, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import type { ReturnColumnRole } from '../../bindings/core/ReturnColumnRole'
import type { ReturnMapping } from '../../bindings/core/ReturnMapping'
import type { ReturnRowMapping } from '../../bindings/core/ReturnRowMapping'
import type { RoundPeriod } from '../../bindings/core/RoundPeriod'
import type { ReturnPreview } from '../../bindings/core/ReturnPreview'
import type { ReturnReport } from '../../bindings/core/ReturnReport'
import type { ImportProgress } from '../../bindings/app/ImportProgress'
import { normaliseError, type IpcFailure } from '../../ipc'
import { chooseFileToOpen, SPREADSHEET_FILTERS } from '../../ipc/files'
import { returnCommit, returnPreview } from '../../ipc/rounds'
import { changed } from '../../store/app'
import { cleanPath } from '../import/kinds'
import { returnBlocked } from './returnImport'
import { correctedMapping, withColumnRole, withRowChoice } from './returnMapping'

export function useReturnImport() {
  const { t } = useI18n()
  const path = ref('')
  const unit = ref<string | null>(null)
  /** The round's period (a quarter, or a month of a month round). */
  const period = ref<RoundPeriod | null>(null)
  const preview = shallowRef<ReturnPreview | null>(null)
  const previewing = ref(false)
  const committing = ref(false)
  const progress = ref<ImportProgress | null>(null)
  const report = shallowRef<ReturnReport | null>(null)
  const failure = ref<IpcFailure | null>(null)
  /** The rows the person set (an indicator or 不导入); the others are matched by the core. */
  const mine = ref<ReturnRowMapping[]>([])
  const blocked = computed(() => returnBlocked(preview.value, committing.value || previewing.value))

  function reset(): void {
    preview.value = null
    report.value = null
    failure.value = null
    progress.value = null
    mine.value = []
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
  function start(p: RoundPeriod | null, unitId: string | null): void {
    period.value = p
    unit.value = unitId
    path.value = ''
    reset()
  }

  const options = (mapping: ReturnMapping | null) => ({ unit: unit.value, period: period.value, mapping })

  let seq = 0
  /** Previews the file: guessed (null) or with the person's corrected mapping. */
  async function runPreview(mapping: ReturnMapping | null = null): Promise<void> {
    const file = cleanPath(path.value)
    if (!file || committing.value) return
    if (file !== path.value) path.value = file
    if (!mapping) mine.value = []
    const ticket = ++seq
    previewing.value = true
    failure.value = null
    report.value = null
    try {
      const p = await returnPreview(file, options(mapping))
      if (ticket !== seq) return
      preview.value = p
      // The file's hidden sheet (or title) named the unit: show it in the picker.
      if (p.unit_id && !unit.value) unit.value = p.unit_id
    } catch (e) {
      if (ticket === seq) {
        preview.value = null
        failure.value = normaliseError(e)
      }
    } finally {
      if (ticket === seq) previewing.value = false
    }
  }

  /** The person reads column `index` as `role` (null: not read). */
  function remapColumn(index: number, role: ReturnColumnRole | null): Promise<void> | undefined {
    const m = preview.value?.mapping
    if (!m || committing.value) return
    return runPreview(correctedMapping(withColumnRole(m, index, role), mine.value))
  }

  /** The person says which indicator a row is (an id), or 不导入 (SKIP). */
  function remapRow(row: ReturnRowMapping, choice: string): Promise<void> | undefined {
    const m = preview.value?.mapping
    if (!m || committing.value) return
    mine.value = withRowChoice(mine.value, row, choice)
    return runPreview(correctedMapping(m, mine.value))
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
      const o = { unit: p.unit_id ?? unit.value, period: p.period ?? period.value, mapping: p.mapping }
      report.value = await returnCommit(p.file, o, (m) => (progress.value = m))
      preview.value = null
      changed()
    } catch (e) {
      failure.value = normaliseError(e)
    } finally {
      committing.value = false
    }
  }

  return {
    path, unit, period, preview, previewing, committing, progress, report, failure, blocked, mine,
    start, unitPicked, runPreview, remapColumn, remapRow, chooseFile, commit,
  }
}
