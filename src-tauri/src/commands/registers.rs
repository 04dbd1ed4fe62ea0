//! 台账: the registers behind the numbers — enterprises and villages, their pairings
//! (结对) and cooperation projects (合作项目), the typed activity registers — and how an
//! indicator is derived from them. Listings come a page at a time with the total.

use taizhang_core::register::activity::{
    NewRegisterRow, RegisterFilter, RegisterRow, RegisterType,
};
use taizhang_core::register::derive::Derivation;
use taizhang_core::register::enterprise::{Enterprise, EnterpriseFilter, NewEnterprise};
use taizhang_core::register::pairing::{
    NewPairing, Pairing, PairingChange, PairingFilter, PairingStatus,
};
use taizhang_core::register::project::{NewProject, Project, ProjectFilter};
use taizhang_core::register::village::{NewVillage, Village, VillageFilter};
use taizhang_core::register::Page;
use tauri::State;

use crate::error::IpcError;
use crate::state::LedgerState;

#[tauri::command]
pub async fn list_enterprises(
    state: State<'_, LedgerState>,
    filter: EnterpriseFilter,
) -> Result<Page<Enterprise>, IpcError> {
    state.read(move |l| l.enterprises(&filter)).await
}

#[tauri::command]
pub async fn list_villages(
    state: State<'_, LedgerState>,
    filter: VillageFilter,
) -> Result<Page<Village>, IpcError> {
    state.read(move |l| l.villages(&filter)).await
}

/// One enterprise by id, for its edit dialog (`not_found` when it is gone).
#[tauri::command]
pub async fn get_enterprise(
    state: State<'_, LedgerState>,
    id: String,
) -> Result<Enterprise, IpcError> {
    state.read(move |l| l.enterprise(&id)).await
}

/// One village by id, for its edit dialog (`not_found` when it is gone).
#[tauri::command]
pub async fn get_village(state: State<'_, LedgerState>, id: String) -> Result<Village, IpcError> {
    state.read(move |l| l.village(&id)).await
}

#[tauri::command]
pub async fn list_pairings(
    state: State<'_, LedgerState>,
    filter: PairingFilter,
) -> Result<Page<Pairing>, IpcError> {
    state.read(move |l| l.pairings(&filter)).await
}

/// Adds a pairing, with its enterprise and village when they are new (`kind: "new"`).
#[tauri::command]
pub async fn add_pairing(
    state: State<'_, LedgerState>,
    pairing: NewPairing,
) -> Result<Pairing, IpcError> {
    state.write(move |w| w.add_pairing(pairing)).await
}

/// Changes a pairing; the pair it becomes must not exist already (`duplicate`).
#[tauri::command]
pub async fn update_pairing(
    state: State<'_, LedgerState>,
    id: String,
    change: PairingChange,
) -> Result<Pairing, IpcError> {
    state.write(move |w| w.update_pairing(&id, change)).await
}

/// Changes an enterprise; another's credit code or normalised name is a `duplicate`.
#[tauri::command]
pub async fn update_enterprise(
    state: State<'_, LedgerState>,
    id: String,
    change: NewEnterprise,
) -> Result<Enterprise, IpcError> {
    state.write(move |w| w.update_enterprise(&id, change)).await
}

/// Changes a village; another's county, township and name is a `duplicate`.
#[tauri::command]
pub async fn update_village(
    state: State<'_, LedgerState>,
    id: String,
    change: NewVillage,
) -> Result<Village, IpcError> {
    state.write(move |w| w.update_village(&id, change)).await
}

#[tauri::command]
pub async fn set_pairing_status(
    state: State<'_, LedgerState>,
    id: String,
    status: PairingStatus,
) -> Result<Pairing, IpcError> {
    state
        .write(move |w| w.set_pairing_status(&id, status))
        .await
}

/// Deletes a pairing and its cooperation projects.
#[tauri::command]
pub async fn delete_pairing(state: State<'_, LedgerState>, id: String) -> Result<(), IpcError> {
    state.write(move |w| w.delete_pairing(&id)).await
}

#[tauri::command]
pub async fn list_projects(
    state: State<'_, LedgerState>,
    filter: ProjectFilter,
) -> Result<Page<Project>, IpcError> {
    state.read(move |l| l.projects(&filter)).await
}

#[tauri::command]
pub async fn add_project(
    state: State<'_, LedgerState>,
    project: NewProject,
) -> Result<Project, IpcError> {
    state.write(move |w| w.add_project(project)).await
}

/// Changes every field of a project, its pairing too.
#[tauri::command]
pub async fn update_project(
    state: State<'_, LedgerState>,
    id: String,
    change: NewProject,
) -> Result<Project, IpcError> {
    state.write(move |w| w.update_project(&id, change)).await
}

#[tauri::command]
pub async fn delete_project(state: State<'_, LedgerState>, id: String) -> Result<(), IpcError> {
    state.write(move |w| w.delete_project(&id)).await
}

#[tauri::command]
pub async fn list_register_types(
    state: State<'_, LedgerState>,
) -> Result<Vec<RegisterType>, IpcError> {
    state.read(|l| l.register_types()).await
}

#[tauri::command]
pub async fn list_register_rows(
    state: State<'_, LedgerState>,
    filter: RegisterFilter,
) -> Result<Page<RegisterRow>, IpcError> {
    state.read(move |l| l.register_rows(&filter)).await
}

#[tauri::command]
pub async fn add_register_row(
    state: State<'_, LedgerState>,
    row: NewRegisterRow,
) -> Result<RegisterRow, IpcError> {
    state.write(move |w| w.add_register_row(row)).await
}

/// Changes every field of an activity row; it stays in its register.
#[tauri::command]
pub async fn update_register_row(
    state: State<'_, LedgerState>,
    id: String,
    change: NewRegisterRow,
) -> Result<RegisterRow, IpcError> {
    state
        .write(move |w| w.update_register_row(&id, change))
        .await
}

#[tauri::command]
pub async fn delete_register_row(
    state: State<'_, LedgerState>,
    id: String,
) -> Result<(), IpcError> {
    state.write(move |w| w.delete_register_row(&id)).await
}

/// How an indicator (id, code or exact name) is derived from a register; null when its
/// figures are typed.
#[tauri::command]
pub async fn get_derivation(
    state: State<'_, LedgerState>,
    indicator: String,
) -> Result<Option<Derivation>, IpcError> {
    state.read(move |l| l.derivation(&indicator)).await
}

/// Every derived indicator with its derivation, as `[indicator id, derivation]` pairs; the
/// window's catalogue keeps them to tell counted indicators from typed ones.
#[tauri::command]
pub async fn list_derivations(
    state: State<'_, LedgerState>,
) -> Result<Vec<(String, Derivation)>, IpcError> {
    state.read(|l| l.derivations()).await
}
