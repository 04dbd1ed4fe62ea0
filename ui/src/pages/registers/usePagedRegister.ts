// A register page's paged query: its scope (search, unit, status, date range, page — see
// useRegisterScope) and the loader that asks the core for one page of rows with the total,
// again whenever the scope, the global filter or the ledger changes.
import { computed, type WatchSource } from 'vue'
import type { Page } from '../../bindings/core/Page'
import { useLoader } from '../../composables/useLoader'
import { useRegisterScope } from './useRegisterScope'

export type RegisterScope = ReturnType<typeof useRegisterScope>

export function usePagedRegister<T>(load: (scope: RegisterScope) => Promise<Page<T>>, sources: WatchSource[] = []) {
  const scope = useRegisterScope()
  const { search, unit, status, range, page, drill } = scope
  const loader = useLoader<Page<T>>(() => load(scope), [search, unit, status, range, page, drill, ...sources], { rows: [], total: 0 })
  /** The first load, with nothing to show yet (later loads keep the old rows in view). */
  const busy = computed(() => loader.loading.value && !loader.data.value.rows.length)
  return { ...scope, ...loader, busy }
}
