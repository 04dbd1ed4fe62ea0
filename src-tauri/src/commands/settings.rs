//! 设置: thresholds a department head can change.

use taizhang_core::Settings;
use tauri::State;

use crate::error::IpcError;
use crate::state::LedgerState;

#[tauri::command]
pub async fn get_settings(state: State<'_, LedgerState>) -> Result<Settings, IpcError> {
    state.read(|l| l.settings()).await
}

#[tauri::command]
pub async fn set_settings(
    state: State<'_, LedgerState>,
    settings: Settings,
) -> Result<Settings, IpcError> {
    state.write(move |w| w.set_settings(settings)).await
}
