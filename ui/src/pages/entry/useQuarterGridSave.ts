// Saving the quarter grid: the cells' problems listed, every filled cell checked again,
// then all of them written in one all-or-nothing write; and clearing them after a confirm.
import { computed, ref, type Ref } from 'vue'
import { ElMessage, ElMessageBox } from 'element-plus'
import type { Indicator } from '../../bindings/core/Indicator'
import type { Unit } from '../../bindings/core/Unit'
import { useFormat } from '../../composables/useFormat'
import * as ipc from '../../ipc'
import { changed } from '../../store/app'
import { catalog } from '../../store/catalog'
import { parseCellValue } from './grid'
import type { useQuarterGridCells } from './useQuarterGridCells'

export function useQuarterGridSave(
  units: Ref<Unit[]>,
  indicators: Ref<Indicator[]>,
  datedOn: Ref<string>,
  cells: ReturnType<typeof useQuarterGridCells>,
  focusCell: (row: number, col: number) => void,
) {
  const { t } = useFormat()
  const { values, errors, filled, clearAll, checkCell } = cells
  const saving = ref(false)

  const errorList = computed(() =>
    Object.entries(errors)
      .filter(([k]) => (values[k] ?? '').trim() !== '')
      .map(([k, message]) => {
        const [unitId, indicatorId] = k.split('|')
        const row = units.value.findIndex((u) => u.id === unitId)
        const col = indicators.value.findIndex((i) => i.id === indicatorId)
        return { k, row, col, message, unit: units.value[row], indicator: indicators.value[col] }
      })
      .filter((x) => x.row >= 0 && x.col >= 0),
  )

  async function saveAll(): Promise<void> {
    if (saving.value) return
    const filledCells = filled.value
    if (!filledCells.length) {
      ElMessage.info(t('entry.gridNothing'))
      return
    }
    await Promise.all(filledCells.map(([k]) => checkCell(k)))
    if (errorList.value.length) {
      ElMessage.error(t('entry.gridHasErrors', { n: errorList.value.length }))
      const first = errorList.value[0]
      focusCell(first.row, first.col)
      return
    }
    const entries = filledCells.map(([k, raw]) => {
      const [unitId, indicatorId] = k.split('|')
      const ind = catalog.indicators.find((i) => i.id === indicatorId)
      const parsed = parseCellValue(raw, ind?.measure ?? '')
      return { indicator: indicatorId, unit: unitId, occurred_on: datedOn.value, value: parsed.kind === 'number' ? parsed.value : NaN, note: '' }
    })
    saving.value = true
    try {
      const saved = await ipc.recordEntries(entries)
      clearAll()
      ElMessage.success(t('entry.gridSaved', { n: saved.length }))
      changed()
    } catch (e) {
      const fail = ipc.normaliseError(e)
      ElMessage.error({ message: t('entry.gridFailed', { message: fail.message }), duration: 6000 })
    } finally {
      saving.value = false
    }
  }

  async function confirmClear(): Promise<void> {
    if (!filled.value.length) return
    try {
      await ElMessageBox.confirm(t('entry.gridConfirmClear', { n: filled.value.length }), t('entry.gridClear'), {
        type: 'warning',
        confirmButtonText: t('common.clear'),
        cancelButtonText: t('common.cancel'),
      })
      clearAll()
    } catch {
      // kept
    }
  }

  return { saving, errorList, saveAll, confirmClear }
}
