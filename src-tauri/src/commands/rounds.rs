//! 填报轮次: open a round, its board (填报进度), the units' steps (提交, 审核通过, 退回), a
//! reviewer's correction, 催报 texts, sending the tables, lock and unlock. Each command
//! only delegates to the core; `quarter` is the round's period as a person types it
//! (2024Q3, 2024年第三季度, or a month 2024-08).

use taizhang_core::round::{
    self, BoardRow, CorrectedEntry, Correction, NewRound, Reminder, Round, RoundBrief, RoundEvent,
    RoundPeriod, SendReport, UnitReview,
};
use tauri::State;

use crate::error::IpcError;
use crate::state::LedgerState;

fn period(quarter: &str) -> Result<RoundPeriod, IpcError> {
    RoundPeriod::parse(quarter).map_err(IpcError::from)
}

#[tauri::command]
pub async fn open_round(state: State<'_, LedgerState>, round: NewRound) -> Result<Round, IpcError> {
    state.write(move |w| w.open_round(round)).await
}

/// Every round, newest period first.
#[tauri::command]
pub async fn list_rounds(state: State<'_, LedgerState>) -> Result<Vec<Round>, IpcError> {
    state.read(|l| l.rounds()).await
}

/// The board: one row per unit with its state, who submitted when and days late.
#[tauri::command]
pub async fn round_board(
    state: State<'_, LedgerState>,
    quarter: String,
) -> Result<Vec<BoardRow>, IpcError> {
    let p = period(&quarter)?;
    state.read(move |l| l.round_board(p)).await
}

#[tauri::command]
pub async fn round_history(
    state: State<'_, LedgerState>,
    quarter: String,
) -> Result<Vec<RoundEvent>, IpcError> {
    let p = period(&quarter)?;
    state.read(move |l| l.round_events(p)).await
}

#[tauri::command]
pub async fn submit_return(
    state: State<'_, LedgerState>,
    unit: String,
    quarter: String,
) -> Result<BoardRow, IpcError> {
    let p = period(&quarter)?;
    state.write(move |w| w.submit_return(&unit, p)).await
}

#[tauri::command]
pub async fn approve_return(
    state: State<'_, LedgerState>,
    unit: String,
    quarter: String,
) -> Result<BoardRow, IpcError> {
    let p = period(&quarter)?;
    state.write(move |w| w.approve(&unit, p)).await
}

/// 退回 with a reason (`invalid`, field `return_reason`, when it is empty).
#[tauri::command]
pub async fn return_to_unit(
    state: State<'_, LedgerState>,
    unit: String,
    quarter: String,
    reason: String,
) -> Result<BoardRow, IpcError> {
    let p = period(&quarter)?;
    state
        .write(move |w| w.return_to_unit(&unit, p, &reason))
        .await
}

/// A reviewer's correction of an entry's value, keeping what was reported.
#[tauri::command]
pub async fn correct_entry(
    state: State<'_, LedgerState>,
    id: String,
    value: f64,
    reason: String,
) -> Result<CorrectedEntry, IpcError> {
    state
        .write(move |w| w.correct_entry(&id, value, &reason))
        .await
}

/// The corrections of these entries (oldest first, each with what was reported), by entry
/// id: what the indicator's entry list shows as 「报送 12 · 更正为 10」.
#[tauri::command]
pub async fn entry_corrections(
    state: State<'_, LedgerState>,
    ids: Vec<String>,
) -> Result<std::collections::HashMap<String, Vec<Correction>>, IpcError> {
    state.read(move |l| l.corrections(&ids)).await
}

/// Locks the period: refused (`round_not_approved`) while a unit is not approved, unless
/// `force` with a reason.
#[tauri::command]
pub async fn lock_round(
    state: State<'_, LedgerState>,
    quarter: String,
    force: bool,
    reason: String,
) -> Result<Round, IpcError> {
    let p = period(&quarter)?;
    state.write(move |w| w.lock_round(p, force, &reason)).await
}

#[tauri::command]
pub async fn unlock_round(
    state: State<'_, LedgerState>,
    quarter: String,
    reason: String,
) -> Result<Round, IpcError> {
    let p = period(&quarter)?;
    state.write(move |w| w.unlock_round(p, &reason)).await
}

/// 催报: the ready-to-paste text of every unit not submitted or sent back.
#[tauri::command]
pub async fn remind_text(
    state: State<'_, LedgerState>,
    quarter: String,
) -> Result<Vec<Reminder>, IpcError> {
    let p = period(&quarter)?;
    state.read(move |l| l.reminders(p)).await
}

/// Writes each unit's table into the folder `dir`.
#[tauri::command]
pub async fn send_round(
    state: State<'_, LedgerState>,
    quarter: String,
    dir: String,
) -> Result<SendReport, IpcError> {
    let p = period(&quarter)?;
    let actor = state.actor();
    state
        .run(move |l| round::send::send_round(l, &actor, p, dir.as_ref()))
        .await
}

/// 催报名单 as .xlsx at `path` (written beside, renamed into place); the reminders written.
#[tauri::command]
pub async fn remind_to_file(
    state: State<'_, LedgerState>,
    quarter: String,
    path: String,
) -> Result<Vec<Reminder>, IpcError> {
    let p = period(&quarter)?;
    state
        .read(move |l| l.reminders_to_file(p, path.as_ref()))
        .await
}

/// 审核: one unit's return beside its previous period and its pace, with corrections.
#[tauri::command]
pub async fn unit_review(
    state: State<'_, LedgerState>,
    unit: String,
    quarter: String,
) -> Result<UnitReview, IpcError> {
    let p = period(&quarter)?;
    state.read(move |l| l.unit_review(&unit, p)).await
}

/// 简报: the leaders' one page of a round.
#[tauri::command]
pub async fn round_brief(
    state: State<'_, LedgerState>,
    quarter: String,
) -> Result<RoundBrief, IpcError> {
    let p = period(&quarter)?;
    state.read(move |l| l.round_brief(p)).await
}
