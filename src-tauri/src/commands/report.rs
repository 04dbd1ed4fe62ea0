//! 季度汇总: the quarterly summary as the window shows it (figures and the report's own
//! sentences), its export to .xlsx, .docx or .csv, and the lag notes (滞后原因/整改措施)
//! a department head writes for indicators behind pace.

use taizhang_core::export::{
    self, DraftedSummary, ExportReport, LagNote, LagNoteFilter, NewLagNote, SummaryQuery,
};
use tauri::State;

use crate::error::IpcError;
use crate::state::LedgerState;

/// The summary of a quarter (or as-of date) and scope, the sentences drafted from it and
/// the file name an export suggests.
#[tauri::command]
pub async fn quarterly_summary(
    state: State<'_, LedgerState>,
    query: SummaryQuery,
) -> Result<DraftedSummary, IpcError> {
    state
        .read(move |l| export::drafted_summary(l, &query))
        .await
}

/// Writes the summary to `path` (.xlsx, .docx or .csv by its extension). An existing file
/// is replaced only when `replace` is true (else `file_exists`, nothing written).
#[tauri::command]
pub async fn export_summary(
    state: State<'_, LedgerState>,
    query: SummaryQuery,
    path: String,
    replace: bool,
) -> Result<ExportReport, IpcError> {
    state
        .read(move |l| export::export_to_file_checked(l, &query, path.as_ref(), replace))
        .await
}

#[tauri::command]
pub async fn list_lag_notes(
    state: State<'_, LedgerState>,
    filter: LagNoteFilter,
) -> Result<Vec<LagNote>, IpcError> {
    state.read(move |l| l.lag_notes(&filter)).await
}

/// Writes the reason and measures of an indicator for a unit and quarter (replacing them).
#[tauri::command]
pub async fn set_lag_note(
    state: State<'_, LedgerState>,
    note: NewLagNote,
) -> Result<LagNote, IpcError> {
    state.write(move |w| w.set_lag_note(note)).await
}

#[tauri::command]
pub async fn delete_lag_note(state: State<'_, LedgerState>, id: String) -> Result<(), IpcError> {
    state.write(move |w| w.delete_lag_note(&id)).await
}
