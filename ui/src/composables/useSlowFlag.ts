// A flag that follows `source` but turns on only once it has stayed on for `after` ms: a
// loading mask for a load that takes long enough to notice, not one that flashes over the
// rows for the 10–30 ms a page turn usually takes (and costs a frame of its own to draw).
import { onScopeDispose, ref, watch, type Ref } from 'vue'

export function useSlowFlag(source: () => boolean, after = 250): Ref<boolean> {
  const slow = ref(false)
  let timer: ReturnType<typeof setTimeout> | undefined
  const stop = () => {
    clearTimeout(timer)
    timer = undefined
  }
  watch(
    source,
    (on) => {
      stop()
      if (!on) slow.value = false
      else if (!slow.value) timer = setTimeout(() => (slow.value = true), after)
    },
    { immediate: true },
  )
  onScopeDispose(stop)
  return slow
}
