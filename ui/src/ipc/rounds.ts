// 填报轮次 commands: rounds, the board (填报进度), the units' steps, 催报, lock and unlock.
// `quarter` is the round's period as a person types it: 2024Q3, 2024年第三季度 or 2024-08.
import type { BoardRow } from '../bindings/core/BoardRow'
import type { NewRound } from '../bindings/core/NewRound'
import type { Reminder } from '../bindings/core/Reminder'
import type { Round } from '../bindings/core/Round'
import { call } from './invoke'

export const openRound = (round: NewRound) => call<Round>('open_round', { round })
export const listRounds = () => call<Round[]>('list_rounds')
export const roundBoard = (quarter: string) => call<BoardRow[]>('round_board', { quarter })
export const submitReturn = (unit: string, quarter: string) => call<BoardRow>('submit_return', { unit, quarter })
export const approveReturn = (unit: string, quarter: string) => call<BoardRow>('approve_return', { unit, quarter })
export const returnToUnit = (unit: string, quarter: string, reason: string) =>
  call<BoardRow>('return_to_unit', { unit, quarter, reason })
export const lockRound = (quarter: string, force: boolean, reason: string) =>
  call<Round>('lock_round', { quarter, force, reason })
export const unlockRound = (quarter: string, reason: string) => call<Round>('unlock_round', { quarter, reason })
export const remindText = (quarter: string) => call<Reminder[]>('remind_text', { quarter })
