// 季度汇总 commands: the summary with its drafted sentences, its export to .xlsx/.docx/.csv,
// and the lag notes (滞后原因/整改措施) written for indicators behind pace.
import type { DraftedSummary } from '../bindings/core/DraftedSummary'
import type { ExportReport } from '../bindings/core/ExportReport'
import type { LagNote } from '../bindings/core/LagNote'
import type { LagNoteFilter } from '../bindings/core/LagNoteFilter'
import type { NewLagNote } from '../bindings/core/NewLagNote'
import type { SummaryQuery } from '../bindings/core/SummaryQuery'
import { call } from './invoke'

export const quarterlySummary = (query: SummaryQuery) => call<DraftedSummary>('quarterly_summary', { query })

/** Writes the summary to `path` (format by extension); an existing file only when `replace` (else `file_exists`). */
export const exportSummary = (query: SummaryQuery, path: string, replace: boolean) =>
  call<ExportReport>('export_summary', { query, path, replace })

export const listLagNotes = (filter: LagNoteFilter) => call<LagNote[]>('list_lag_notes', { filter })
export const setLagNote = (note: NewLagNote) => call<LagNote>('set_lag_note', { note })
export const deleteLagNote = (id: string) => call<null>('delete_lag_note', { id })
