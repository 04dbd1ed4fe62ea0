//! 行动, 指标, 责任单位: listing and maintaining the catalogue. `id` arguments accept an id,
//! a code or an exact name (the core's lookup).

use taizhang_core::ledger::IndicatorChange;
use taizhang_core::{Action, Indicator, NewAction, NewIndicator, NewUnit, Unit};
use tauri::State;

use crate::error::IpcError;
use crate::state::LedgerState;

#[tauri::command]
pub async fn list_actions(
    state: State<'_, LedgerState>,
    include_archived: bool,
) -> Result<Vec<Action>, IpcError> {
    state.read(move |l| l.actions(include_archived)).await
}

#[tauri::command]
pub async fn list_indicators(
    state: State<'_, LedgerState>,
    action: Option<String>,
    include_archived: bool,
) -> Result<Vec<Indicator>, IpcError> {
    state
        .read(move |l| l.indicators(action.as_deref(), include_archived))
        .await
}

#[tauri::command]
pub async fn list_units(
    state: State<'_, LedgerState>,
    include_archived: bool,
) -> Result<Vec<Unit>, IpcError> {
    state.read(move |l| l.units(include_archived)).await
}

#[tauri::command]
pub async fn add_action(
    state: State<'_, LedgerState>,
    action: NewAction,
) -> Result<Action, IpcError> {
    state.write(move |w| w.add_action(action)).await
}

#[tauri::command]
pub async fn rename_action(
    state: State<'_, LedgerState>,
    id: String,
    name: String,
    name_en: Option<String>,
) -> Result<Action, IpcError> {
    state
        .write(move |w| w.rename_action(&id, &name, name_en.as_deref()))
        .await
}

#[tauri::command]
pub async fn set_action_archived(
    state: State<'_, LedgerState>,
    id: String,
    archived: bool,
) -> Result<Action, IpcError> {
    state
        .write(move |w| w.set_action_archived(&id, archived))
        .await
}

#[tauri::command]
pub async fn add_indicator(
    state: State<'_, LedgerState>,
    indicator: NewIndicator,
) -> Result<Indicator, IpcError> {
    state.write(move |w| w.add_indicator(indicator)).await
}

#[tauri::command]
pub async fn change_indicator(
    state: State<'_, LedgerState>,
    id: String,
    change: IndicatorChange,
) -> Result<Indicator, IpcError> {
    state.write(move |w| w.change_indicator(&id, change)).await
}

#[tauri::command]
pub async fn add_unit(state: State<'_, LedgerState>, unit: NewUnit) -> Result<Unit, IpcError> {
    state.write(move |w| w.add_unit(unit)).await
}

#[tauri::command]
pub async fn rename_unit(
    state: State<'_, LedgerState>,
    id: String,
    name: String,
    name_en: Option<String>,
) -> Result<Unit, IpcError> {
    state
        .write(move |w| w.rename_unit(&id, &name, name_en.as_deref()))
        .await
}

#[tauri::command]
pub async fn set_unit_archived(
    state: State<'_, LedgerState>,
    id: String,
    archived: bool,
) -> Result<Unit, IpcError> {
    state
        .write(move |w| w.set_unit_archived(&id, archived))
        .await
}
