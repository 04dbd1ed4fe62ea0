// When a page first shows its data, for the window timing run (tests/e2e/measure-window.mjs,
// which compares the overview's first paint with a bare window's): a `performance.mark` set
// after the frame that shows it. Nothing else reads it. The start marks its steps too
// (main.ts `boot-script`, App.vue `boot-session`, `boot-info`, `boot-catalog`), so the run can
// say where the time before the first paint went.
import { watch, type Ref } from 'vue'

/** The longest a start page without marks (all but the overview) holds back what waits. */
const WAIT_AT_MOST_MS = 1200
let painted: () => void = () => {}
const firstPaint = new Promise<void>((resolve) => {
  painted = resolve
})

let marked: () => void = () => {}
const allMarked = new Promise<void>((resolve) => {
  marked = resolve
})

/** Marks asked for and not yet set: the first page has painted when none is left. */
let pending = 0

/**
 * Resolves once the first page has painted all it marks (the overview: cards and ranking), or
 * after 1.2 s on a page that marks none: for work that should not slow the window's first paint.
 */
export function firstPagePainted(): Promise<void> {
  setTimeout(painted, WAIT_AT_MOST_MS)
  return firstPaint
}

/** Resolves once the first page has painted all it marks (never, on a page that marks none). */
export function firstPageMarked(): Promise<void> {
  return allMarked
}

/** Marks `name` once, after the first frame painted with `loading` false. */
export function markFirstPaint(name: string, loading: Ref<boolean>): void {
  let done = false
  pending += 1
  watch(
    loading,
    (now) => {
      if (now || done) return
      done = true
      // The frame's callbacks run before it is painted; a task queued from them runs after.
      requestAnimationFrame(() =>
        setTimeout(() => {
          performance.mark(name)
          pending -= 1
          if (pending === 0) {
            painted()
            marked()
          }
        }),
      )
    },
    { immediate: true, flush: 'post' },
  )
}
