//! 佐证材料: list a row's attachments, attach a file the person chose (choose_file_to_open),
//! open one (its SHA-256 checked first), remove one (marked; the file is kept). Each command
//! only delegates to the core: the checks, the permission table, the lock and the trail
//! live there.

use std::path::PathBuf;

use taizhang_core::evidence::{self, Evidence, EvidenceTarget};
use tauri::State;

use crate::error::IpcError;
use crate::state::LedgerState;

/// The attachments of one row, each file's presence and hash checked.
#[tauri::command]
pub async fn list_evidence(
    state: State<'_, LedgerState>,
    target: EvidenceTarget,
) -> Result<Vec<Evidence>, IpcError> {
    state.read(move |l| l.evidence_list(&target)).await
}

/// 已删除记录的佐证: attachments (not removed) of rows deleted since, within the reader's
/// scope, each file checked.
#[tauri::command]
pub async fn list_orphaned_evidence(
    state: State<'_, LedgerState>,
) -> Result<Vec<Evidence>, IpcError> {
    state.read(|l| l.orphaned_evidence()).await
}

/// Attaches the file at `path` (refused with the reason: type, bytes, size, not a file).
#[tauri::command]
pub async fn attach_evidence(
    state: State<'_, LedgerState>,
    target: EvidenceTarget,
    path: String,
    note: String,
) -> Result<Evidence, IpcError> {
    let actor = state.actor();
    state
        .run(move |l| l.attach_evidence(&actor, &target, &PathBuf::from(path), &note))
        .await
}

/// Checks the stored file's SHA-256 and opens it with the system's viewer; returns its path.
#[tauri::command]
pub async fn open_evidence(state: State<'_, LedgerState>, id: String) -> Result<String, IpcError> {
    state
        .read(move |l| {
            let path = l.evidence_path_for_open(&id)?;
            evidence::open_with_system(&path)?;
            Ok(path.display().to_string())
        })
        .await
}

#[tauri::command]
pub async fn remove_evidence(
    state: State<'_, LedgerState>,
    id: String,
) -> Result<Evidence, IpcError> {
    let actor = state.actor();
    state.run(move |l| l.remove_evidence(&actor, &id)).await
}

/// The target of a unit's return for a period (`not_found` until one came in).
#[tauri::command]
pub async fn return_evidence_target(
    state: State<'_, LedgerState>,
    unit: String,
    quarter: String,
) -> Result<EvidenceTarget, IpcError> {
    state
        .read(move |l| l.return_evidence_target(&unit, &quarter))
        .await
}
