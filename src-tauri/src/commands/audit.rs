//! 操作记录: the audit trail (留痕), a row's 历史, and its verification.

use taizhang_core::audit::{AuditFilter, AuditPage, AuditRecord, AuditVerdict};
use tauri::State;

use crate::error::IpcError;
use crate::state::LedgerState;

#[tauri::command]
pub async fn list_audit(
    state: State<'_, LedgerState>,
    filter: AuditFilter,
) -> Result<AuditPage, IpcError> {
    state.read(move |l| l.audit_records(&filter)).await
}

#[tauri::command]
pub async fn row_history(
    state: State<'_, LedgerState>,
    table: String,
    row_id: String,
) -> Result<Vec<AuditRecord>, IpcError> {
    state.read(move |l| l.row_history(&table, &row_id)).await
}

#[tauri::command]
pub async fn verify_audit(state: State<'_, LedgerState>) -> Result<AuditVerdict, IpcError> {
    state.read(|l| l.verify_audit()).await
}
