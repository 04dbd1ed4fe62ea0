// @vitest-environment jsdom
// The rows of a screen first, all of them a frame later; a newer list is never overwritten
// by an older one's second step.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, shallowRef } from 'vue'
import { useScreenfulFirst } from './useScreenfulFirst'

const list = (n: number, from = 0) => Array.from({ length: n }, (_, i) => from + i)

describe('useScreenfulFirst', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'requestAnimationFrame'] }))
  afterEach(() => vi.useRealTimers())

  it('shows the first rows at once and every row after the next frame', async () => {
    const rows = shallowRef(list(50))
    const shown = effectScope().run(() => useScreenfulFirst(() => rows.value, 10))!
    expect(shown.value).toEqual(list(10))
    vi.advanceTimersToNextFrame()
    vi.advanceTimersByTime(1)
    expect(shown.value).toHaveLength(50)
  })

  it('shows a short list whole, and a page turned meanwhile wins over the old one', async () => {
    const rows = shallowRef(list(5))
    const shown = effectScope().run(() => useScreenfulFirst(() => rows.value, 10))!
    expect(shown.value).toEqual(list(5))
    rows.value = list(50, 100)
    await nextTick()
    rows.value = list(50, 200)
    await nextTick()
    expect(shown.value).toEqual(list(10, 200))
    vi.advanceTimersToNextFrame()
    vi.advanceTimersByTime(1)
    expect(shown.value).toEqual(list(50, 200))
  })
})
