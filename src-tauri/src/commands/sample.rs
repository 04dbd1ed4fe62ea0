//! 示例数据: loading the release's figures again, or removing them in one step.

use taizhang_core::sample::{self, SampleReport};
use tauri::State;

use crate::error::IpcError;
use crate::state::LedgerState;

/// Loads the sample; refuses (`sample_over_data`) when the ledger holds a user's entries.
#[tauri::command]
pub async fn load_sample(state: State<'_, LedgerState>) -> Result<SampleReport, IpcError> {
    let actor = state.actor();
    state.run(move |l| sample::load(l, &actor, false)).await
}

/// Removes the sample's targets and entries, keeping units, indicators and user data.
#[tauri::command]
pub async fn remove_sample(state: State<'_, LedgerState>) -> Result<SampleReport, IpcError> {
    let actor = state.actor();
    state.run(move |l| sample::remove(l, &actor)).await
}
