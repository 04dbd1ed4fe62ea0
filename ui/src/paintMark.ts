// When a page first shows its data, for the window timing run (tests/e2e/measure-window.mjs,
// which compares the overview's first paint with a bare window's): a `performance.mark` set
// after the frame that shows it. Nothing else reads it. The start marks its steps too
// (main.ts `boot-script`, App.vue `boot-session`, `boot-info`, `boot-catalog`), so the run can
// say where the time before the first paint went.
import { watch, type Ref } from 'vue'

/** Marks `name` once, after the first frame painted with `loading` false. */
export function markFirstPaint(name: string, loading: Ref<boolean>): void {
  let done = false
  watch(
    loading,
    (now) => {
      if (now || done) return
      done = true
      // The frame's callbacks run before it is painted; a task queued from them runs after.
      requestAnimationFrame(() => setTimeout(() => performance.mark(name)))
    },
    { immediate: true, flush: 'post' },
  )
}
