// The page's state: what to summarise (period, unit, action) and the drafted summary, loaded
// again when the choice or the ledger changes. A later answer never overwrites a newer one.
import { computed, reactive, ref, shallowRef, watch } from 'vue'
import type { DraftedSummary } from '../../bindings/core/DraftedSummary'
import type { LagNote } from '../../bindings/core/LagNote'
import * as ipc from '../../ipc'
import { normaliseError, type IpcFailure } from '../../ipc'
import { app, revision } from '../../store/app'
import { quarterKey } from '../../format/dates'
import { defaultReportQuarter, quarterAsOf, summaryQuery, type ReportScope } from './period'

/** Kept while the window is open, so coming back to the page shows the same summary. */
const scope = reactive<ReportScope>({ mode: 'quarter', quarter: '', asOf: '', unit: null, action: null })

export function useReport() {
  if (!scope.quarter && app.info) {
    const q = defaultReportQuarter(app.info)
    scope.quarter = quarterKey(q)
    scope.asOf = quarterAsOf(q, app.info.today)
  }
  const drafted = shallowRef<DraftedSummary | null>(null)
  const loading = ref(true)
  const error = ref<IpcFailure | null>(null)
  const query = computed(() => summaryQuery(scope))
  let seq = 0

  async function reload(): Promise<void> {
    const mine = ++seq
    loading.value = true
    try {
      const d = await ipc.quarterlySummary(query.value)
      if (mine === seq) {
        drafted.value = d
        error.value = null
      }
    } catch (e) {
      if (mine === seq) error.value = normaliseError(e)
    } finally {
      if (mine === seq) loading.value = false
    }
  }

  /** A note saved or cleared on the page: the summary shows it without computing again. */
  function noteChanged(indicatorId: string, note: LagNote | null): void {
    const d = drafted.value
    if (!d) return
    const behind = d.summary.behind.map((b) => (b.row.indicator_id === indicatorId ? { ...b, note } : b))
    drafted.value = { ...d, summary: { ...d.summary, behind } }
  }

  watch([query, revision], reload, { immediate: true, deep: true })
  return { scope, query, drafted, loading, error, reload, noteChanged }
}
