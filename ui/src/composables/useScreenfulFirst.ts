// A long list drawn in two steps: the rows a screen shows first, the rest once that frame is
// painted. 操作记录 draws 50 records of several lines each, and three or four are in view;
// drawing all 50 before the first paint kept the page off screen for about 0.2 s.
import { shallowRef, watch, type Ref } from 'vue'

export function useScreenfulFirst<T>(rows: () => T[], first: number): Ref<T[]> {
  const shown = shallowRef<T[]>([]) as Ref<T[]>
  watch(
    rows,
    (all) => {
      if (all.length <= first) {
        shown.value = all
        return
      }
      shown.value = all.slice(0, first)
      // The frame's callbacks run before it is painted; a task queued from them runs after.
      requestAnimationFrame(() =>
        setTimeout(() => {
          if (rows() === all) shown.value = all
        }),
      )
    },
    { immediate: true },
  )
  return shown
}
