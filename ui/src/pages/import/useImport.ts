// The import page's state: what is imported, from which file, the preview (re-read when the
// person corrects the mapping), the commit with its progress, and the template download.
// Every failure keeps the core's {code, message}; nothing is written unless commit succeeds.
import { computed, ref, shallowRef, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import type { ColumnMapping } from '../../bindings/core/ColumnMapping'
import type { ImportPreview } from '../../bindings/core/ImportPreview'
import type { ImportReport } from '../../bindings/core/ImportReport'
import { normaliseError, type IpcFailure } from '../../ipc'
import { chooseFileToOpen, chooseFileToSave, defaultExportDir, SPREADSHEET_FILTERS } from '../../ipc/files'
import { importCommit, importPreview, importTemplate, type ImportProgress } from '../../ipc/importing'
import { changed } from '../../store/app'
import { registerTypes } from '../../store/registers'
import { cleanPath, importKind, joinPath, templateFileName, type KindName } from './kinds'
import { blockedBecause } from './summary'

export function useImport() {
  const { t, locale } = useI18n()
  const kindName = ref<KindName>('entries')
  const register = ref<string | null>(null)
  const path = ref('')
  const kind = computed(() => importKind(kindName.value, register.value))

  const preview = shallowRef<ImportPreview | null>(null)
  const previewing = ref(false)
  const committing = ref(false)
  const progress = ref<ImportProgress | null>(null)
  const report = shallowRef<ImportReport | null>(null)
  const failure = ref<IpcFailure | null>(null)
  /** A message for the person (i18n key), e.g. "choose a register type first". */
  const notice = ref<string | null>(null)
  const templateSavedAt = ref<string | null>(null)
  const blocked = computed(() => blockedBecause(preview.value, committing.value || previewing.value))

  /** The name of what is imported, for titles and the template's file name. */
  const kindLabel = computed(() => {
    if (kindName.value !== 'activity') return t(`importer.kind_${kindName.value}`)
    const r = registerTypes.value.find((x) => x.code === register.value)
    if (!r) return t('importer.kind_activity')
    return locale.value === 'en' && r.name_en ? r.name_en : r.name
  })

  function reset(): void {
    preview.value = null
    report.value = null
    failure.value = null
    progress.value = null
  }
  // Another kind or another file: the old preview no longer says what would happen.
  watch([kindName, register, path], () => {
    if (!committing.value) reset()
    notice.value = null
  })

  let seq = 0
  async function runPreview(mapping: ColumnMapping | null): Promise<void> {
    const k = kind.value
    const file = cleanPath(path.value)
    if (!k) return void (notice.value = 'importer.pickRegister')
    if (!file) return void (notice.value = 'importer.needPath')
    if (committing.value) return
    if (file !== path.value) path.value = file
    const mine = ++seq
    previewing.value = true
    failure.value = null
    report.value = null
    notice.value = null
    try {
      const p = await importPreview(k, file, mapping)
      if (mine === seq) preview.value = p
    } catch (e) {
      if (mine === seq) {
        preview.value = null
        failure.value = normaliseError(e)
      }
    } finally {
      if (mine === seq) previewing.value = false
    }
  }

  /** Reads the file afresh, guessing the columns again. */
  const previewFile = () => runPreview(null)
  /** The person corrected which column fills which field. */
  const remap = (mapping: ColumnMapping) => runPreview(mapping)

  async function chooseFile(): Promise<void> {
    try {
      const chosen = await chooseFileToOpen(t('importer.chooseTitle'), SPREADSHEET_FILTERS)
      if (!chosen) return
      path.value = chosen
      await previewFile()
    } catch (e) {
      failure.value = normaliseError(e)
    }
  }

  async function commit(): Promise<void> {
    const p = preview.value
    const k = kind.value
    if (!p || !k || blocked.value) return
    committing.value = true
    progress.value = null
    failure.value = null
    try {
      // The mapping the preview used, so the commit writes what the preview showed.
      report.value = await importCommit(k, p.file, p.mapping, (m) => (progress.value = m))
      preview.value = null
      changed()
    } catch (e) {
      failure.value = normaliseError(e)
    } finally {
      committing.value = false
    }
  }

  async function downloadTemplate(): Promise<void> {
    const k = kind.value
    if (!k) return void (notice.value = 'importer.pickRegister')
    templateSavedAt.value = null
    try {
      const dir = await defaultExportDir()
      const target = await chooseFileToSave(t('importer.templateTitle'), joinPath(dir, templateFileName(kindLabel.value)), [
        { name: t('importer.excelFiles'), extensions: ['xlsx'] },
      ])
      if (!target) return
      await importTemplate(k, target)
      templateSavedAt.value = target
    } catch (e) {
      failure.value = normaliseError(e)
    }
  }

  return {
    kindName,
    register,
    path,
    kind,
    kindLabel,
    preview,
    previewing,
    committing,
    progress,
    report,
    failure,
    notice,
    templateSavedAt,
    blocked,
    previewFile,
    remap,
    chooseFile,
    commit,
    downloadTemplate,
  }
}
