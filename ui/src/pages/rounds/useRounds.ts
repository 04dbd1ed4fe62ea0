// The rounds page's state: the rounds, the chosen one (kept in the route's query), its board
// and filters, and the steps (提交 / 审核通过 / 退回 / 锁定 / 解锁) that reload the board.
// Every rule is the core's: a refused step shows its Chinese message.
import { computed, ref, shallowRef, watch } from 'vue'
import { ElMessage } from 'element-plus'
import type { BoardRow } from '../../bindings/core/BoardRow'
import type { Round } from '../../bindings/core/Round'
import { normaliseError } from '../../ipc'
import * as ipc from '../../ipc/rounds'
import { changed, revision } from '../../store/app'
import { countStates, filterBoard, type BoardFilter } from './board'

export function useRounds(initialKey = '') {
  const rounds = shallowRef<Round[]>([])
  const key = ref(initialKey)
  const board = shallowRef<BoardRow[]>([])
  const loading = ref(false)
  const filter = ref<BoardFilter>({ state: null, lateOnly: false })
  const round = computed(() => rounds.value.find((r) => r.key === key.value) ?? null)
  const rows = computed(() => filterBoard(board.value, filter.value))
  const counts = computed(() => countStates(board.value))
  const late = computed(() => board.value.filter((r) => r.late_days > 0).length)

  const fail = (e: unknown) => ElMessage.error({ message: normaliseError(e).message, grouping: true })

  async function load(): Promise<void> {
    loading.value = true
    try {
      rounds.value = await ipc.listRounds()
      if (!rounds.value.some((r) => r.key === key.value)) key.value = rounds.value[0]?.key ?? ''
      board.value = key.value ? await ipc.roundBoard(key.value) : []
    } catch (e) {
      fail(e)
    } finally {
      loading.value = false
    }
  }

  /** Runs a step; on success reloads (and tells the other pages the ledger changed). */
  async function step(run: () => Promise<unknown>, done?: string): Promise<boolean> {
    try {
      await run()
      if (done) ElMessage.success(done)
      changed()
      return true
    } catch (e) {
      fail(e)
      return false
    }
  }

  watch(key, (k, old) => {
    if (k !== old) void load()
  })
  watch(revision, () => void load())

  return { rounds, key, round, board, rows, counts, late, filter, loading, load, step, fail }
}
