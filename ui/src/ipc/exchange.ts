// 数据交换 commands: this installation and its history, a package exported into a folder,
// a package's sender (to compare the fingerprint before trusting), preview (applied and
// rolled back) and import, trusting a unit's key, the conflicts and taking the other version.
import type { ExchangeConflict } from '../bindings/core/ExchangeConflict'
import type { ExchangeExportReport } from '../bindings/core/ExchangeExportReport'
import type { ExchangeImportReport } from '../bindings/core/ExchangeImportReport'
import type { ExchangeStatus } from '../bindings/core/ExchangeStatus'
import type { KeyInfo } from '../bindings/core/KeyInfo'
import type { PackageSender } from '../bindings/core/PackageSender'
import type { PeerStatus } from '../bindings/core/PeerStatus'
import type { FileFilter } from './appTypes'
import { call } from './invoke'

export type { ExchangeConflict, ExchangeExportReport, ExchangeImportReport, ExchangeStatus, PackageSender }

export const exchangeStatus = () => call<ExchangeStatus>('exchange_status')
/** This installation's key; a ledger that never exchanged becomes the city's. */
export const exchangeKey = () => call<KeyInfo>('exchange_key')
/** The next package into `folder`: for `unit` at the city, to the city when `unit` is null. */
export const exchangeExport = (unit: string | null, folder: string) =>
  call<ExchangeExportReport>('exchange_export', { unit, folder })
export const packageSender = (path: string) => call<PackageSender>('exchange_package_sender', { path })
/** What importing would do; nothing is written. */
export const previewPackage = (path: string) => call<ExchangeImportReport>('exchange_preview', { path })
export const importPackage = (path: string) => call<ExchangeImportReport>('exchange_import', { path })
export const trustUnit = (unit: string, fingerprint: string) => call<PeerStatus>('exchange_trust', { unit, fingerprint })
export const listConflicts = () => call<ExchangeConflict[]>('exchange_conflicts')
export const resolveConflict = (id: string, take: 'ours' | 'theirs') => call<null>('exchange_resolve', { id, take })

/** Exchange packages, for 选择文件…. */
export const PACKAGE_FILTERS: FileFilter[] = [{ name: '数据交换包 (tzp)', extensions: ['tzp'] }]
