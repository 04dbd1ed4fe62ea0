//! 目标: listing, setting, deleting, copying a year forward.

use taizhang_core::ledger::TargetFilter;
use taizhang_core::{NewTarget, Target, TargetSum, TargetSumQuery};
use tauri::State;

use crate::error::IpcError;
use crate::state::LedgerState;

#[tauri::command]
pub async fn list_targets(
    state: State<'_, LedgerState>,
    filter: TargetFilter,
) -> Result<Vec<Target>, IpcError> {
    state.read(move |l| l.targets(&filter)).await
}

#[tauri::command]
pub async fn set_target(
    state: State<'_, LedgerState>,
    target: NewTarget,
) -> Result<Target, IpcError> {
    state.write(move |w| w.set_target(target)).await
}

/// The targets page's save: every changed row in one write, all or none; a refused row's
/// error carries its unit in `params.row_unit_id`.
#[tauri::command]
pub async fn set_targets(
    state: State<'_, LedgerState>,
    targets: Vec<NewTarget>,
) -> Result<Vec<Target>, IpcError> {
    state
        .write(move |w| {
            Ok(w.set_targets(targets)?
                .into_iter()
                .map(|s| s.target)
                .collect())
        })
        .await
}

#[tauri::command]
pub async fn delete_target(state: State<'_, LedgerState>, id: String) -> Result<(), IpcError> {
    state.write(move |w| w.delete_target(&id)).await
}

/// Copies every target of `from_year` to the next year; returns how many were made.
#[tauri::command]
pub async fn copy_year_targets(
    state: State<'_, LedgerState>,
    from_year: i32,
) -> Result<usize, IpcError> {
    state.write(move |w| w.copy_year_targets(from_year)).await
}

/// The 目标 page's card: a unit's own target for a period beside its sub-units' added up.
#[tauri::command]
pub async fn target_sum(
    state: State<'_, LedgerState>,
    query: TargetSumQuery,
) -> Result<TargetSum, IpcError> {
    state.read(move |l| l.target_sum(&query)).await
}
