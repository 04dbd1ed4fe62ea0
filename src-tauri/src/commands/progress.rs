//! 进度: completion against targets and pace, roll-ups, ranking, trend.

use taizhang_core::{
    ActionSummary, ProgressQuery, ProgressRow, RankingQuery, TrendPoint, TrendQuery, UnitRank,
};
use tauri::State;

use crate::error::IpcError;
use crate::state::LedgerState;

#[tauri::command]
pub async fn progress(
    state: State<'_, LedgerState>,
    query: ProgressQuery,
) -> Result<Vec<ProgressRow>, IpcError> {
    state.read(move |l| l.progress(&query)).await
}

/// One row per direct sub-unit of the query's unit and indicator.
#[tauri::command]
pub async fn progress_by_unit(
    state: State<'_, LedgerState>,
    query: ProgressQuery,
) -> Result<Vec<ProgressRow>, IpcError> {
    state.read(move |l| l.progress_by_unit(&query)).await
}

#[tauri::command]
pub async fn action_summaries(
    state: State<'_, LedgerState>,
    query: ProgressQuery,
) -> Result<Vec<ActionSummary>, IpcError> {
    state.read(move |l| l.action_summaries(&query)).await
}

#[tauri::command]
pub async fn unit_ranking(
    state: State<'_, LedgerState>,
    query: RankingQuery,
) -> Result<Vec<UnitRank>, IpcError> {
    state.read(move |l| l.unit_ranking(&query)).await
}

#[tauri::command]
pub async fn trend(
    state: State<'_, LedgerState>,
    query: TrendQuery,
) -> Result<Vec<TrendPoint>, IpcError> {
    state.read(move |l| l.trend(&query)).await
}
