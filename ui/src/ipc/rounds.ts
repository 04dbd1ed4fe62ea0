// 填报轮次 commands: rounds, the board (填报进度), the units' steps, 催报, sending the tables,
// returns (报表) in, review (审核), corrections, the brief (简报), lock and unlock.
// `quarter` is the round's period as a person types it: 2024Q3, 2024年第三季度 or 2024-08.
import { Channel } from '@tauri-apps/api/core'
import type { BoardRow } from '../bindings/core/BoardRow'
import type { CorrectedEntry } from '../bindings/core/CorrectedEntry'
import type { Correction } from '../bindings/core/Correction'
import type { NewRound } from '../bindings/core/NewRound'
import type { Reminder } from '../bindings/core/Reminder'
import type { ReturnOptions } from '../bindings/core/ReturnOptions'
import type { ReturnPreview } from '../bindings/core/ReturnPreview'
import type { ReturnReport } from '../bindings/core/ReturnReport'
import type { Round } from '../bindings/core/Round'
import type { RoundBrief } from '../bindings/core/RoundBrief'
import type { RoundEvent } from '../bindings/core/RoundEvent'
import type { SendReport } from '../bindings/core/SendReport'
import type { UnitReview } from '../bindings/core/UnitReview'
import type { ImportProgress } from '../bindings/app/ImportProgress'
import { call, inTauri } from './invoke'

export const openRound = (round: NewRound) => call<Round>('open_round', { round })
export const listRounds = () => call<Round[]>('list_rounds')
export const roundBoard = (quarter: string) => call<BoardRow[]>('round_board', { quarter })
export const roundHistory = (quarter: string) => call<RoundEvent[]>('round_history', { quarter })
export const submitReturn = (unit: string, quarter: string) => call<BoardRow>('submit_return', { unit, quarter })
export const approveReturn = (unit: string, quarter: string) => call<BoardRow>('approve_return', { unit, quarter })
export const returnToUnit = (unit: string, quarter: string, reason: string) =>
  call<BoardRow>('return_to_unit', { unit, quarter, reason })
export const lockRound = (quarter: string, force: boolean, reason: string) =>
  call<Round>('lock_round', { quarter, force, reason })
export const unlockRound = (quarter: string, reason: string) => call<Round>('unlock_round', { quarter, reason })
export const remindText = (quarter: string) => call<Reminder[]>('remind_text', { quarter })
/** The 催报 list as .xlsx at `path` (written beside, renamed into place). */
export const remindToFile = (quarter: string, path: string) => call<Reminder[]>('remind_to_file', { quarter, path })
/** One table per unit into the folder `dir` (which must exist). */
export const sendRound = (quarter: string, dir: string) => call<SendReport>('send_round', { quarter, dir })
export const unitReview = (unit: string, quarter: string) => call<UnitReview>('unit_review', { unit, quarter })
export const roundBrief = (quarter: string) => call<RoundBrief>('round_brief', { quarter })
export const correctEntry = (id: string, value: number, reason: string) =>
  call<CorrectedEntry>('correct_entry', { id, value, reason })
/** The corrections of these entries by entry id (entries without any are absent). */
export const entryCorrections = (ids: string[]) => call<Record<string, Correction[]>>('entry_corrections', { ids })

/** What importing the return at `path` would write; writes nothing. */
export const returnPreview = (path: string, options: ReturnOptions) =>
  call<ReturnPreview>('return_preview', { path, options })

/** Imports the return in one transaction, its progress streamed as the other imports'. */
export function returnCommit(path: string, options: ReturnOptions, onProgress: (p: ImportProgress) => void): Promise<ReturnReport> {
  const channel = inTauri() ? new Channel<ImportProgress>(onProgress) : null
  return call<ReturnReport>('return_commit', { path, options, onProgress: channel })
}
