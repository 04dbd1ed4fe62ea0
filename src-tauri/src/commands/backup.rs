//! 设置 → 备份与恢复: the backups beside the ledger, a backup now (there or to a chosen
//! folder), what a backup holds, and restoring one (the core backs the current state up
//! first). The core checks, makes, rotates and restores.

use std::path::PathBuf;

use taizhang_core::backup::{self, BackupFigures, BackupInfo, BackupReason};
use taizhang_core::ledger::RestoreReport;
use tauri::State;

use crate::error::IpcError;
use crate::state::LedgerState;

/// The backups in the `备份` folder, newest first, with the figures each holds; once the
/// day's start-up backup (made while the window loads) is there.
#[tauri::command]
pub async fn list_backups(state: State<'_, LedgerState>) -> Result<Vec<BackupInfo>, IpcError> {
    state.startup_backup_finished().await;
    state.read(|l| l.backups()).await
}

/// A backup now: into the `备份` folder, or into `to_folder` when given.
#[tauri::command]
pub async fn backup_now(
    state: State<'_, LedgerState>,
    to_folder: Option<String>,
) -> Result<BackupInfo, IpcError> {
    state
        .read(move |l| match to_folder {
            Some(folder) => l.backup_to_folder(&PathBuf::from(folder)),
            None => l
                .backup_before(BackupReason::Manual)
                .map(|b| b.expect("the window's ledger is a file")),
        })
        .await
}

/// What the backup at `path` holds; refuses a file that could not be restored.
#[tauri::command]
pub async fn preview_backup(
    state: State<'_, LedgerState>,
    path: String,
) -> Result<BackupFigures, IpcError> {
    state
        .read(move |l| {
            l.require_grant(taizhang_core::auth::Area::Backups)?;
            backup::inspect(&PathBuf::from(path))
        })
        .await
}

/// Restores the backup at `path` over the ledger (after backing the current state up).
#[tauri::command]
pub async fn restore_backup(
    state: State<'_, LedgerState>,
    path: String,
) -> Result<RestoreReport, IpcError> {
    state.run(move |l| l.restore(&PathBuf::from(path))).await
}
