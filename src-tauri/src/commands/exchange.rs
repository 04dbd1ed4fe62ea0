//! 数据交换: this installation's role and key, a package exported into a chosen folder, a
//! package previewed (applied and rolled back) and applied, a unit's key trusted, the
//! conflicts and taking the other version. Each command only delegates to the core, which
//! checks, signs, applies and refuses.

use std::path::PathBuf;

use taizhang_core::exchange::{
    self, Conflict, ExchangeStatus, ExportReport, ExportTarget, ImportReport, KeyInfo,
    PackageSender, PeerStatus,
};
use tauri::State;

use crate::error::IpcError;
use crate::state::LedgerState;

/// This installation (role, unit, fingerprint), its peers and the packages sent and received.
#[tauri::command]
pub async fn exchange_status(state: State<'_, LedgerState>) -> Result<ExchangeStatus, IpcError> {
    state.read(|l| l.exchange_status()).await
}

/// This installation's key; a ledger that never exchanged becomes the city's.
#[tauri::command]
pub async fn exchange_key(state: State<'_, LedgerState>) -> Result<KeyInfo, IpcError> {
    let actor = state.actor();
    state.run(move |l| l.exchange_key(&actor)).await
}

/// The next package into `folder`: for `unit` (at the city), or to the city (`unit` None).
#[tauri::command]
pub async fn exchange_export(
    state: State<'_, LedgerState>,
    unit: Option<String>,
    folder: String,
) -> Result<ExportReport, IpcError> {
    let actor = state.actor();
    let target = match unit {
        Some(u) => ExportTarget::ForUnit(u),
        None => ExportTarget::ToCity,
    };
    state
        .run(move |l| l.exchange_export_to_folder(&actor, &target, &PathBuf::from(folder)))
        .await
}

/// Who sent the package at `path` and its key's fingerprint (before trusting it).
#[tauri::command]
pub async fn exchange_package_sender(path: String) -> Result<PackageSender, IpcError> {
    exchange::package_sender(&PathBuf::from(path)).map_err(IpcError::from)
}

/// What importing the package would do (the same write, rolled back).
#[tauri::command]
pub async fn exchange_preview(
    state: State<'_, LedgerState>,
    path: String,
) -> Result<ImportReport, IpcError> {
    let actor = state.actor();
    state
        .run(move |l| l.exchange_import(&actor, &PathBuf::from(path), true))
        .await
}

/// Applies the package at `path` in one write.
#[tauri::command]
pub async fn exchange_import(
    state: State<'_, LedgerState>,
    path: String,
) -> Result<ImportReport, IpcError> {
    let actor = state.actor();
    state
        .run(move |l| l.exchange_import(&actor, &PathBuf::from(path), false))
        .await
}

/// At the city: trusts `unit`'s key once its fingerprint was compared by phone.
#[tauri::command]
pub async fn exchange_trust(
    state: State<'_, LedgerState>,
    unit: String,
    fingerprint: String,
) -> Result<PeerStatus, IpcError> {
    let actor = state.actor();
    state
        .run(move |l| l.exchange_trust(&actor, &unit, &fingerprint))
        .await
}

/// The conflicts and listed rows kept, newest first.
#[tauri::command]
pub async fn exchange_conflicts(state: State<'_, LedgerState>) -> Result<Vec<Conflict>, IpcError> {
    state.read(|l| l.exchange_conflicts()).await
}

/// The conflict's row takes `take` (`ours` or `theirs`).
#[tauri::command]
pub async fn exchange_resolve(
    state: State<'_, LedgerState>,
    id: String,
    take: String,
) -> Result<(), IpcError> {
    let actor = state.actor();
    state
        .run(move |l| l.exchange_resolve(&actor, &id, &take))
        .await
}
