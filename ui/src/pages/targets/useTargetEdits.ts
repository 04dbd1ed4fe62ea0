// The new values typed into the targets table: which rows changed, saving them (asking before
// a target replaces an overlapping one), each row's refusal, and removing a unit's target.
import { computed, reactive, ref, watch, type Ref } from 'vue'
import { ElMessage, ElMessageBox } from 'element-plus'
import type { Indicator } from '../../bindings/core/Indicator'
import type { NewTarget } from '../../bindings/core/NewTarget'
import type { Period } from '../../bindings/core/Period'
import type { Target } from '../../bindings/core/Target'
import type { Unit } from '../../bindings/core/Unit'
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
  async function saveAll(): Promise<void> {
    const p = period.value
    if (!p || !indicatorId.value) {
      ElMessage.warning(t('targets.pickFirst'))
      return
    }
    if (!changedRows.value.length) {
      ElMessage.info(t('targets.noChanges'))
      return
    }
    saving.value = true
    let saved = 0
    for (const [unitId, raw] of changedRows.value) {
      const parsed = parseCellValue(raw, indicator.value?.measure ?? '')
      if (parsed.kind !== 'number') {
        rowErrors[unitId] = t('errors.notANumber', { raw })
        continue
      }
      try {
        await setOrReplace(unitId, { indicator: indicatorId.value, unit: unitId, period: p, value: parsed.value, milestones: [], replace_overlapping: false })
        delete edits[unitId]
        delete rowErrors[unitId]
        saved += 1
      } catch (e) {
        rowErrors[unitId] = ipc.normaliseError(e).message
      }
    }
    saving.value = false
    if (saved) {
      ElMessage.success(t('targets.savedN', { n: saved }))
      changed()
    }
  }

  /** Sets a target; when its period overlaps another of the unit's, asks whether it replaces it. */
  async function setOrReplace(unitId: string, target: NewTarget): Promise<void> {
    try {
      await ipc.setTarget(target)
    } catch (e) {
      const failure = ipc.normaliseError(e)
      if (failure.code !== 'target_overlap') throw e
      const u = catalog.units.find((x) => x.id === unitId)
      await ElMessageBox.confirm(t('targets.replaceConfirm', { unit: u ? name(u) : unitId, message: failure.message }), t('targets.replaceTitle'), {
        type: 'warning',
        confirmButtonText: t('targets.replace'),
        cancelButtonText: t('common.cancel'),
      }).catch(() => {
        throw e
      })
      await ipc.setTarget({ ...target, replace_overlapping: true })
    }
  }

  async function remove(u: Unit): Promise<void> {
    const tg = current.value.get(u.id)
    if (!tg) return
    try {
      await ElMessageBox.confirm(t('targets.removeConfirm', { unit: name(u) }), t('targets.removeTarget'), {
        type: 'warning',
        confirmButtonText: t('common.delete'),
        cancelButtonText: t('common.cancel'),
        confirmButtonClass: 'el-button--danger',
      })
    } catch {
      return
    }
    try {
      await ipc.deleteTarget(tg.id)
      ElMessage.success(t('common.deleted'))
    } catch (e) {
      ElMessage.error(ipc.normaliseError(e).message)
    }
    changed()
  }

  return { edits, rowErrors, changedRows, saving, saveAll, remove }
}
