//! 账号: signing in and out, one's own password, and (admins) the accounts themselves.
//! Who may do what is the core's permission table; these commands only delegate.

use taizhang_core::auth::{AccountChange, AccountView, NewAccount};
use taizhang_core::SessionInfo;
use tauri::State;

use crate::error::IpcError;
use crate::state::LedgerState;

#[tauri::command]
pub async fn session_info(state: State<'_, LedgerState>) -> Result<SessionInfo, IpcError> {
    state.read_signed_out(|l| l.session_info()).await
}

#[tauri::command]
pub async fn sign_in(
    state: State<'_, LedgerState>,
    login: String,
    password: String,
) -> Result<SessionInfo, IpcError> {
    state.sign_in(login, password).await
}

#[tauri::command]
pub async fn sign_out(state: State<'_, LedgerState>) -> Result<SessionInfo, IpcError> {
    state.sign_out().await
}

#[tauri::command]
pub async fn change_password(
    state: State<'_, LedgerState>,
    old: String,
    new: String,
) -> Result<(), IpcError> {
    state
        .write(move |w| w.change_own_password(&old, &new))
        .await
}

#[tauri::command]
pub async fn list_accounts(state: State<'_, LedgerState>) -> Result<Vec<AccountView>, IpcError> {
    state.read(|l| l.accounts()).await
}

#[tauri::command]
pub async fn add_account(
    state: State<'_, LedgerState>,
    account: NewAccount,
) -> Result<AccountView, IpcError> {
    state.write(move |w| w.add_account(&account)).await
}

#[tauri::command]
pub async fn update_account(
    state: State<'_, LedgerState>,
    id: String,
    change: AccountChange,
) -> Result<AccountView, IpcError> {
    state.write(move |w| w.update_account(&id, &change)).await
}

#[tauri::command]
pub async fn set_account_disabled(
    state: State<'_, LedgerState>,
    id: String,
    disabled: bool,
) -> Result<AccountView, IpcError> {
    state
        .write(move |w| w.set_account_disabled(&id, disabled))
        .await
}

#[tauri::command]
pub async fn reset_password(
    state: State<'_, LedgerState>,
    id: String,
    password: String,
) -> Result<(), IpcError> {
    state.write(move |w| w.reset_password(&id, &password)).await
}
