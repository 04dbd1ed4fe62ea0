//! What the window needs to know about the app and its ledger file.

use chrono::NaiveDate;
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::error::IpcError;
use crate::opening::{Opening, OpeningFigures};
use crate::state::LedgerState;

/// The app and its ledger, for the status bar and the About box.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct AppInfo {
    pub version: String,
    /// The SQLite file this window works on.
    pub db_path: String,
    /// The release's sample data is loaded.
    pub has_sample: bool,
    /// The sample's "as of" date (its figures are complete on that day), when it is loaded:
    /// a good default as-of date for the overview.
    pub sample_as_of: Option<NaiveDate>,
    /// The day the window shows figures as of when it opens (the sample's day while it is
    /// loaded, else today).
    pub default_as_of: NaiveDate,
    /// Today by the ledger's clock (the default as-of date and the latest allowed entry date).
    pub today: NaiveDate,
    #[ts(type = "number")]
    pub schema_version: i64,
    /// The folder of the daily log files (设置 → 关于 shows it).
    pub log_dir: String,
    /// The folder of the automatic backups.
    pub backup_dir: String,
    /// Why the ledger is read-only (the window shows a notice banner), when it is.
    pub read_only: Option<String>,
}

#[tauri::command]
pub async fn app_info(state: State<'_, LedgerState>) -> Result<AppInfo, IpcError> {
    let db_path = state.db_path().display().to_string();
    let log_dir = taizhang_core::logfile::dir_for(state.db_path())
        .display()
        .to_string();
    let backup_dir = taizhang_core::backup::folder_for(state.db_path())
        .display()
        .to_string();
    let read_only = state.read_only().await;
    state
        .read_signed_out(move |l| {
            let has_sample = l.has_sample()?;
            Ok(AppInfo {
                version: env!("CARGO_PKG_VERSION").to_string(),
                db_path,
                has_sample,
                sample_as_of: has_sample.then(taizhang_core::sample::as_of),
                default_as_of: l.default_as_of()?,
                today: l.today(),
                schema_version: taizhang_core::store::schema_version(),
                log_dir,
                backup_dir,
                read_only,
            })
        })
        .await
}

/// The overview's first figures, worked out while the window started (once; then null).
#[tauri::command]
pub async fn opening_figures(
    opening: State<'_, OpeningFigures>,
) -> Result<Option<Opening>, IpcError> {
    Ok(opening.take().await)
}

/// 打印/导出PDF: the system's print dialog for this window's page (WebKitGTK's on Linux, with
/// 打印到文件 for a PDF). Runs on the main thread (a command without `async`): the dialog is
/// modal, and the call returns when it closes.
#[tauri::command]
pub fn print_page<R: tauri::Runtime>(window: tauri::WebviewWindow<R>) -> Result<(), IpcError> {
    window
        .print()
        .map_err(|e| IpcError::internal(format!("无法打开打印对话框：{e}")))
}
