//! 完成情况: listing, checking, recording, changing and deleting entries.

use serde::Serialize;
use taizhang_core::{Entry, EntryChange, EntryFilter, EntrySum, NewEntry};
use tauri::State;
use ts_rs::TS;

use crate::error::IpcError;
use crate::state::LedgerState;

/// One page of entries and how many match the filter in all.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct EntryPage {
    pub rows: Vec<Entry>,
    #[ts(type = "number")]
    pub total: u64,
}

#[tauri::command]
pub async fn list_entries(
    state: State<'_, LedgerState>,
    filter: EntryFilter,
) -> Result<EntryPage, IpcError> {
    state
        .read(move |l| {
            Ok(EntryPage {
                rows: l.entries(&filter)?,
                total: l.count_entries(&filter)?,
            })
        })
        .await
}

/// Per indicator and unit, the sum of the entries matching the filter (the quarter grid's
/// recorded figures), summed by the core rather than by the page.
#[tauri::command]
pub async fn entry_sums(
    state: State<'_, LedgerState>,
    filter: EntryFilter,
) -> Result<Vec<EntrySum>, IpcError> {
    state.read(move |l| l.entry_sums(&filter)).await
}

/// Validates an entry with every rule of the core, writing nothing (validation as you type).
#[tauri::command]
pub async fn check_entry(state: State<'_, LedgerState>, entry: NewEntry) -> Result<(), IpcError> {
    state.read(move |l| l.check_entry(&entry)).await
}

#[tauri::command]
pub async fn record_entry(
    state: State<'_, LedgerState>,
    entry: NewEntry,
) -> Result<Entry, IpcError> {
    state.write(move |w| w.record_entry(entry)).await
}

/// Records several entries in one transaction: all of them or, on the first bad one, none.
#[tauri::command]
pub async fn record_entries(
    state: State<'_, LedgerState>,
    entries: Vec<NewEntry>,
) -> Result<Vec<Entry>, IpcError> {
    state
        .write(move |w| entries.into_iter().map(|e| w.record_entry(e)).collect())
        .await
}

#[tauri::command]
pub async fn update_entry(
    state: State<'_, LedgerState>,
    id: String,
    change: EntryChange,
) -> Result<Entry, IpcError> {
    state.write(move |w| w.update_entry(&id, change)).await
}

#[tauri::command]
pub async fn delete_entry(state: State<'_, LedgerState>, id: String) -> Result<(), IpcError> {
    state.write(move |w| w.delete_entry(&id)).await
}
