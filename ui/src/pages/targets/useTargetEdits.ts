// The new values typed into the targets table: which rows changed, saving them (asking before
// a target replaces an overlapping one), each row's refusal, and removing a unit's target.
import { computed, reactive, ref, watch, type Ref } from 'vue'
import { ElMessage, ElMessageBox } from 'element-plus'
import type { Indicator } from '../../bindings/core/Indicator'
import type { NewTarget } from '../../bindings/core/NewTarget'
import type { Period } from '../../bindings/core/Period'
import type { Target } from '../../bindings/core/Target'
import type { Unit } from '../../bindings/core/Unit'
import { confirmThenWrite } from '../../composables/confirm'
import { useFormat } from '../../composables/useFormat'
import * as ipc from '../../ipc'
import { changed } from '../../store/app'
import { catalog } from '../../store/catalog'
import { parseCellValue } from '../entry/grid'

export function useTargetEdits(
  indicatorId: Ref<string | null>,
  indicator: Ref<Indicator | undefined>,
  period: Ref<Period | null>,
  /** The period's target of each unit, by unit id. */
  current: Ref<Map<string, Target>>,
) {
  const { t, name } = useFormat()

  const edits = reactive<Record<string, string>>({})
  const rowErrors = reactive<Record<string, string>>({})
  watch([indicatorId, period], () => {
    for (const k of Object.keys(edits)) delete edits[k]
    for (const k of Object.keys(rowErrors)) delete rowErrors[k]
  })
  const changedRows = computed(() =>
    Object.entries(edits).filter(([unitId, v]) => v.trim() !== '' && Number(v) !== current.value.get(unitId)?.value),
  )

  const saving = ref(false)
  /** Every changed row in one write, all or none; a row the core refuses shows its reason. */
  async function saveAll(): Promise<void> {
    const p = period.value
    const ind = indicatorId.value
    if (!p || !ind) {
      ElMessage.warning(t('targets.pickFirst'))
      return
    }
    if (!changedRows.value.length) {
      ElMessage.info(t('targets.noChanges'))
      return
    }
    for (const k of Object.keys(rowErrors)) delete rowErrors[k]
    const targets: NewTarget[] = []
    for (const [unitId, raw] of changedRows.value) {
      const parsed = parseCellValue(raw, indicator.value?.measure ?? '')
      if (parsed.kind === 'number') targets.push({ indicator: ind, unit: unitId, period: p, value: parsed.value, milestones: [], replace_overlapping: false })
      else rowErrors[unitId] = t('errors.notANumber', { raw })
    }
    if (Object.keys(rowErrors).length) return // nothing is saved while a row is wrong
    saving.value = true
    try {
      await saveWithReplacements(targets)
      for (const tg of targets) delete edits[tg.unit]
      ElMessage.success(t('targets.savedN', { n: targets.length }))
      changed()
    } catch (e) {
      const failure = ipc.normaliseError(e)
      const unitId = failure.params.row_unit_id
      if (unitId && unitId in edits) rowErrors[unitId] = failure.message
      else ElMessage.error(failure.message)
    } finally {
      saving.value = false
    }
  }

  /** Sends the targets; when one's period overlaps another of its unit's, asks whether it
   * replaces it and sends them all again (each attempt is one all-or-nothing write). */
  async function saveWithReplacements(targets: NewTarget[]): Promise<void> {
    const replacing = new Set<string>()
    for (;;) {
      try {
        await ipc.setTargets(targets.map((tg) => ({ ...tg, replace_overlapping: replacing.has(tg.unit) })))
        return
      } catch (e) {
        const failure = ipc.normaliseError(e)
        const row = targets.find((tg) => tg.unit === failure.params.row_unit_id)
        if (failure.code !== 'target_overlap' || !row || replacing.has(row.unit)) throw e
        const u = catalog.units.find((x) => x.id === row.unit)
        await ElMessageBox.confirm(t('targets.replaceConfirm', { unit: u ? name(u) : row.unit, message: failure.message }), t('targets.replaceTitle'), {
          type: 'warning',
          confirmButtonText: t('targets.replace'),
          cancelButtonText: t('common.cancel'),
        }).catch(() => {
          throw e
        })
        replacing.add(row.unit)
      }
    }
  }

  async function remove(u: Unit): Promise<void> {
    const tg = current.value.get(u.id)
    if (!tg) return
    await confirmThenWrite(t('targets.removeConfirm', { unit: name(u) }), t('targets.removeTarget'), true, () => ipc.deleteTarget(tg.id), t('common.deleted'))
  }

  return { edits, rowErrors, changedRows, saving, saveAll, remove }
}
