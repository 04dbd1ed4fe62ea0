// Types of the shell's own IPC objects. Re-exported from the generated bindings
// (ui/src/bindings/app/, generated from src-tauri by ts-rs).
export type { IpcError } from '../bindings/app/IpcError'
export type { AppInfo } from '../bindings/app/AppInfo'
export type { EntryPage } from '../bindings/app/EntryPage'
export type { FileFilter } from '../bindings/app/FileFilter'
