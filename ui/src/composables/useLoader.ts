// Loads a page's data, and loads it again when the global filter, the ledger (any write)
// or the page's own inputs change. Keeps loading and error state for the page's template.
import { ref, shallowRef, watch, type Ref, type WatchSource } from 'vue'
import { normaliseError, type IpcFailure } from '../ipc'
import { revision } from '../store/app'
import { filter } from '../store/filter'

export function useLoader<T>(load: () => Promise<T>, sources: WatchSource[] = [], initial: T) {
  const data = shallowRef<T>(initial) as Ref<T>
  const loading = ref(true)
  const error = ref<IpcFailure | null>(null)
  let seq = 0

  async function reload(): Promise<void> {
    const mine = ++seq
    loading.value = true
    try {
      const v = await load()
      if (mine === seq) {
        data.value = v
        error.value = null
      }
    } catch (e) {
      if (mine === seq) error.value = normaliseError(e)
    } finally {
      if (mine === seq) loading.value = false
    }
  }

  watch([() => filter.asOf, () => filter.unit, revision, ...sources], reload, { immediate: true })
  return { data, loading, error, reload }
}
