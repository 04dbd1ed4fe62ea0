// Native file dialogs (opened by the shell, see src-tauri/src/commands/files.rs). Each
// resolves to the chosen path, or null when the person cancels.
import type { FileFilter } from './appTypes'
import { call } from './invoke'

export const chooseFileToOpen = (title: string, filters: FileFilter[]) =>
  call<string | null>('choose_file_to_open', { title, filters })

export const chooseFileToSave = (title: string, defaultPath: string, filters: FileFilter[]) =>
  call<string | null>('choose_file_to_save', { title, defaultPath, filters })

/** The folder exports go to unless the person picks another (their 文档 folder). */
export const defaultExportDir = () => call<string>('default_export_dir')

/** File types clerks import from. */
export const SPREADSHEET_FILTERS: FileFilter[] = [
  { name: '表格文件 (xlsx, xls, ods, csv)', extensions: ['xlsx', 'xls', 'ods', 'csv'] },
]

/** Asks for a folder (备份到…); null when the person cancels. */
export const chooseFolder = (title: string) => call<string | null>('choose_folder', { title })

/** Ledger backups, for 从文件恢复…. */
export const BACKUP_FILTERS: FileFilter[] = [{ name: '台账备份 (db)', extensions: ['db'] }]
