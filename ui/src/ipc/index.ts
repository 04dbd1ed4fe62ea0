// One typed function per command of the IPC contract (ARCHITECTURE.md). Argument names are
// camelCase here; Tauri maps them to the Rust commands' snake_case names. Fields inside
// objects keep the generated types' names.
import type { Action } from '../bindings/core/Action'
import type { ActionSummary } from '../bindings/core/ActionSummary'
import type { Entry } from '../bindings/core/Entry'
import type { EntryChange } from '../bindings/core/EntryChange'
import type { EntryFilter } from '../bindings/core/EntryFilter'
import type { EntrySum } from '../bindings/core/EntrySum'
import type { Indicator } from '../bindings/core/Indicator'
import type { IndicatorChange } from '../bindings/core/IndicatorChange'
import type { NewAction } from '../bindings/core/NewAction'
import type { NewEntry } from '../bindings/core/NewEntry'
import type { NewIndicator } from '../bindings/core/NewIndicator'
import type { NewTarget } from '../bindings/core/NewTarget'
import type { NewUnit } from '../bindings/core/NewUnit'
import type { ProgressQuery } from '../bindings/core/ProgressQuery'
import type { ProgressRow } from '../bindings/core/ProgressRow'
import type { RankingQuery } from '../bindings/core/RankingQuery'
import type { SampleReport } from '../bindings/core/SampleReport'
import type { Settings } from '../bindings/core/Settings'
import type { Target } from '../bindings/core/Target'
import type { TargetFilter } from '../bindings/core/TargetFilter'
import type { TargetSum } from '../bindings/core/TargetSum'
import type { TargetSumQuery } from '../bindings/core/TargetSumQuery'
import type { TrendPoint } from '../bindings/core/TrendPoint'
import type { TrendQuery } from '../bindings/core/TrendQuery'
import type { Unit } from '../bindings/core/Unit'
import type { UnitRank } from '../bindings/core/UnitRank'
import type { AppInfo, EntryPage } from './appTypes'
import { call } from './invoke'

export { IpcFailure, isInputError, normaliseError } from './error'
export type { IpcError, AppInfo, EntryPage } from './appTypes'
export { inTauri, onLoginRequired } from './invoke'

// The app
export const appInfo = () => call<AppInfo>('app_info')
/** The system's print dialog for the page (打印 / 导出PDF); resolves when it closes. */
export const printPage = () => call<null>('print_page')

// Catalogue: actions, indicators, units
export const listActions = (includeArchived = false) => call<Action[]>('list_actions', { includeArchived })
export const listIndicators = (action: string | null = null, includeArchived = false) =>
  call<Indicator[]>('list_indicators', { action, includeArchived })
export const listUnits = (includeArchived = false) => call<Unit[]>('list_units', { includeArchived })
export const addAction = (action: NewAction) => call<Action>('add_action', { action })
export const renameAction = (id: string, name: string, nameEn: string | null) =>
  call<Action>('rename_action', { id, name, nameEn })
export const setActionArchived = (id: string, archived: boolean) => call<Action>('set_action_archived', { id, archived })
export const addIndicator = (indicator: NewIndicator) => call<Indicator>('add_indicator', { indicator })
export const changeIndicator = (id: string, change: IndicatorChange) =>
  call<Indicator>('change_indicator', { id, change })
export const addUnit = (unit: NewUnit) => call<Unit>('add_unit', { unit })
export const renameUnit = (id: string, name: string, nameEn: string | null) =>
  call<Unit>('rename_unit', { id, name, nameEn })
export const setUnitArchived = (id: string, archived: boolean) => call<Unit>('set_unit_archived', { id, archived })

// Progress
export const progress = (query: ProgressQuery) => call<ProgressRow[]>('progress', { query })
export const progressByUnit = (query: ProgressQuery) => call<ProgressRow[]>('progress_by_unit', { query })
export const actionSummaries = (query: ProgressQuery) => call<ActionSummary[]>('action_summaries', { query })
export const unitRanking = (query: RankingQuery) => call<UnitRank[]>('unit_ranking', { query })
export const trend = (query: TrendQuery) => call<TrendPoint[]>('trend', { query })

// Entries
export const listEntries = (filter: EntryFilter) => call<EntryPage>('list_entries', { filter })
export const entrySums = (filter: EntryFilter) => call<EntrySum[]>('entry_sums', { filter })
export const checkEntry = (entry: NewEntry) => call<null>('check_entry', { entry })
export const recordEntry = (entry: NewEntry) => call<Entry>('record_entry', { entry })
export const recordEntries = (entries: NewEntry[]) => call<Entry[]>('record_entries', { entries })
export const updateEntry = (id: string, change: EntryChange) => call<Entry>('update_entry', { id, change })
export const deleteEntry = (id: string) => call<null>('delete_entry', { id })

// Targets
export const listTargets = (filter: TargetFilter) => call<Target[]>('list_targets', { filter })
export const setTarget = (target: NewTarget) => call<Target>('set_target', { target })
export const setTargets = (targets: NewTarget[]) => call<Target[]>('set_targets', { targets })
/** A unit's own target for a period beside its sub-units' added up (the city's when unit is null). */
export const targetSum = (query: TargetSumQuery) => call<TargetSum>('target_sum', { query })
export const deleteTarget = (id: string) => call<null>('delete_target', { id })
export const copyYearTargets = (fromYear: number) => call<number>('copy_year_targets', { fromYear })

// Settings and sample data
export const getSettings = () => call<Settings>('get_settings')
export const setSettings = (settings: Settings) => call<Settings>('set_settings', { settings })
export const loadSample = () => call<SampleReport>('load_sample')
export const removeSample = () => call<SampleReport>('remove_sample')

// Registers (台账)
export * from './registers'

// Quarterly summary (季度汇总)
export * from './report'

// Accounts, the session and the audit trail (留痕)
export * from './accounts'
export * from './audit'
export type * from './accountTypes'
// Backups (备份与恢复)
export * from './backup'
