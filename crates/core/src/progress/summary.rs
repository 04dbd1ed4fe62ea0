//! Per-action roll-up: the overview's cards.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{ProgressQuery, ProgressRow, Status};
use crate::error::Result;
use crate::ledger::{lookup_action, read_actions, Ledger};

/// One action's roll-up for a scope, as the overview's card shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ActionSummary {
    /// The action's UUID.
    pub action_id: String,
    /// The action's code.
    pub action: String,
    /// The action's Chinese name.
    pub action_name: String,
    /// The action's English name.
    pub action_name_en: String,
    /// How many indicators the action has.
    pub indicators: u32,
    /// How many of them have a target for the scope.
    pub with_target: u32,
    /// How many are done (已完成).
    pub done: u32,
    /// How many are on pace (序时达标).
    pub on_pace: u32,
    /// How many are slightly behind (稍慢).
    pub slightly_behind: u32,
    /// How many are behind (滞后).
    pub behind: u32,
    /// Mean completion rate over indicators with a target.
    pub mean_completion_rate: Option<f64>,
    /// Mean expected share by pace over the same indicators.
    pub mean_expected_share: Option<f64>,
    /// Mean of min(completed / expected, 1): 1 means every indicator is on pace.
    pub pace_index: Option<f64>,
    /// The action's status: done when every targeted indicator is, otherwise by the pace index.
    pub status: Status,
    /// The headline indicators' rows (all rows when none is marked headline).
    pub headlines: Vec<ProgressRow>,
    /// Every indicator's row.
    pub rows: Vec<ProgressRow>,
}

/// Mean of min(completed / expected, 1) over rows with a target; 1 when expected is 0.
pub fn pace_index(rows: &[&ProgressRow]) -> Option<f64> {
    let ratios: Vec<f64> = rows
        .iter()
        .filter_map(|r| {
            let e = r.expected?;
            Some(if e <= 0.0 {
                1.0
            } else {
                (r.completed / e).min(1.0)
            })
        })
        .collect();
    mean(&ratios)
}

pub fn mean(v: &[f64]) -> Option<f64> {
    (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
}

/// The status of a group of rows: done when all are done, otherwise by the pace index.
pub fn group_status(rows: &[&ProgressRow], threshold: f64) -> Status {
    let targeted: Vec<&&ProgressRow> = rows
        .iter()
        .filter(|r| r.status != Status::NoTarget)
        .collect();
    if targeted.is_empty() {
        return Status::NoTarget;
    }
    if targeted.iter().all(|r| r.status == Status::Done) {
        return Status::Done;
    }
    match pace_index(rows) {
        Some(p) if p >= 1.0 - 1e-9 => Status::OnPace,
        Some(p) if p >= threshold => Status::SlightlyBehind,
        _ => Status::Behind,
    }
}

impl Ledger {
    /// One summary per active action (or the one asked for) for the query's scope.
    pub fn action_summaries(&self, q: &ProgressQuery) -> Result<Vec<ActionSummary>> {
        self.read_scope()?; // figures are open to every signed-in reader
        let mut engine = self.engine(q.as_of)?;
        let scope = engine.scope(q.unit.as_deref())?;
        // The action asked for, resolved like every typed key (id, code or exact name); an
        // unknown one is an error rather than an empty list.
        let only = q
            .action
            .as_deref()
            .map(|k| lookup_action(self.conn(), k))
            .transpose()?;
        let mut out = Vec::new();
        for action in read_actions(self.conn(), false)? {
            if only.as_ref().is_some_and(|a| a.id != action.id) {
                continue;
            }
            let indicators = engine.select_indicators(Some(&action.id), None)?;
            let rows: Vec<ProgressRow> = indicators
                .iter()
                .map(|i| engine.row(i, scope, q.include_subunits))
                .collect::<Result<_>>()?;
            let refs: Vec<&ProgressRow> = rows.iter().collect();
            let count = |s: Status| rows.iter().filter(|r| r.status == s).count() as u32;
            let rates: Vec<f64> = rows.iter().filter_map(|r| r.completion_rate).collect();
            let shares: Vec<f64> = rows.iter().filter_map(|r| r.expected_share).collect();
            let mut headlines: Vec<ProgressRow> =
                rows.iter().filter(|r| r.headline).cloned().collect();
            if headlines.is_empty() {
                headlines = rows.clone();
            }
            out.push(ActionSummary {
                action_id: action.id.clone(),
                action: action.code.clone(),
                action_name: action.name.clone(),
                action_name_en: action.name_en.clone(),
                indicators: rows.len() as u32,
                with_target: rows.iter().filter(|r| r.target.is_some()).count() as u32,
                done: count(Status::Done),
                on_pace: count(Status::OnPace),
                slightly_behind: count(Status::SlightlyBehind),
                behind: count(Status::Behind),
                mean_completion_rate: mean(&rates),
                mean_expected_share: mean(&shares),
                pace_index: pace_index(&refs),
                status: group_status(&refs, engine.threshold()),
                headlines,
                rows,
            });
        }
        Ok(out)
    }
}
