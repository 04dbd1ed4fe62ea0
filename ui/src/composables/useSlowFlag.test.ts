// The loading mask's flag: on only once a load has lasted long enough to notice, off at once
// when it ends, and a quick load never shows it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, ref } from 'vue'
import { useSlowFlag } from './useSlowFlag'

describe('useSlowFlag', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  function setUp(initial: boolean) {
    const loading = ref(initial)
    const scope = effectScope()
    const slow = scope.run(() => useSlowFlag(() => loading.value, 250))!
    return { loading, slow, scope }
  }

  it('turns on only after the source has stayed on for the delay, and off at once', async () => {
    const { loading, slow } = setUp(false)
    loading.value = true
    await nextTick()
    vi.advanceTimersByTime(249)
    expect(slow.value).toBe(false)
    vi.advanceTimersByTime(1)
    expect(slow.value).toBe(true)
    loading.value = false
    await nextTick()
    expect(slow.value).toBe(false)
  })

  it('never turns on for a load shorter than the delay', async () => {
    const { loading, slow } = setUp(false)
    loading.value = true
    await nextTick()
    vi.advanceTimersByTime(100)
    loading.value = false
    await nextTick()
    vi.advanceTimersByTime(1000)
    expect(slow.value).toBe(false)
  })

  it('counts from the start when the source is on from the first, and stops when its scope ends', () => {
    const first = setUp(true)
    vi.advanceTimersByTime(250)
    expect(first.slow.value).toBe(true)
    const second = setUp(true)
    second.scope.stop()
    vi.advanceTimersByTime(1000)
    expect(second.slow.value).toBe(false)
  })
})
