// 备份与恢复 commands: the backups beside the ledger, a backup now (there or into a chosen
// folder), what a backup file holds, and restoring one (the current state is backed up first).
import type { BackupFigures } from '../bindings/core/BackupFigures'
import type { BackupInfo } from '../bindings/core/BackupInfo'
import type { RestoreReport } from '../bindings/core/RestoreReport'
import { call } from './invoke'

export const listBackups = () => call<BackupInfo[]>('list_backups')
/** Into the 备份 folder beside the ledger, or into `toFolder`. */
export const backupNow = (toFolder: string | null = null) => call<BackupInfo>('backup_now', { toFolder })
/** What the file holds; fails (not_a_ledger, database_newer, ledger_damaged) when it cannot be restored. */
export const previewBackup = (path: string) => call<BackupFigures>('preview_backup', { path })
export const restoreBackup = (path: string) => call<RestoreReport>('restore_backup', { path })
