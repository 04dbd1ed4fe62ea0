//! Ranking of units by completion relative to pace.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::summary::{group_status, mean, pace_index};
use super::{ProgressRow, Status};
use crate::error::Result;
use crate::ledger::Ledger;
use crate::model::UnitKind;

/// Which units to rank against their pace, and as of when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RankingQuery {
    /// Figures count entries up to the end of this day.
    pub as_of: NaiveDate,
    /// Rank the direct sub-units of this unit (id, code or name); None: of the city.
    #[serde(default)]
    pub parent: Option<String>,
    /// Only indicators of this action.
    #[serde(default)]
    pub action: Option<String>,
    /// Only units of this kind (e.g. counties), so like is ranked with like.
    #[serde(default)]
    pub kind: Option<UnitKind>,
}

/// One unit's place in a ranking by completion relative to pace.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct UnitRank {
    /// The unit's place, 1 for the best.
    pub rank: u32,
    /// The unit's UUID.
    pub unit_id: String,
    /// The unit's name.
    pub unit: String,
    /// What kind of unit it is.
    pub kind: UnitKind,
    /// Indicators with a target for this unit.
    pub indicators: u32,
    /// Mean of min(completed / expected, 1) over those indicators.
    pub pace_index: f64,
    /// Mean completion rate over the indicators with a target.
    pub mean_completion_rate: f64,
    /// How many of those indicators are done (已完成).
    pub done: u32,
    /// How many are behind (滞后).
    pub behind: u32,
    /// The unit's status over those indicators, as for an action's card.
    pub status: Status,
}

impl Ledger {
    /// Direct sub-units with at least one target, best first: by pace index, then by mean
    /// completion rate, then in the units' own order.
    pub fn unit_ranking(&self, q: &RankingQuery) -> Result<Vec<UnitRank>> {
        self.read_scope()?; // figures are open to every signed-in reader
        let mut engine = self.engine(q.as_of)?;
        let scope = engine.scope(q.parent.as_deref())?;
        let indicators = engine.select_indicators(q.action.as_deref(), None)?;
        let mut ranked = Vec::new();
        for (order, child) in engine
            .tree()
            .children(scope)
            .to_vec()
            .into_iter()
            .enumerate()
        {
            let unit = engine.tree().units[child].clone();
            if unit.archived || q.kind.is_some_and(|k| k != unit.kind) {
                continue;
            }
            let rows: Vec<ProgressRow> = indicators
                .iter()
                .map(|i| engine.row(i, child, true))
                .collect::<Result<Vec<_>>>()?
                .into_iter()
                .filter(|r| r.target.is_some())
                .collect();
            if rows.is_empty() {
                continue;
            }
            let refs: Vec<&ProgressRow> = rows.iter().collect();
            let rates: Vec<f64> = rows.iter().filter_map(|r| r.completion_rate).collect();
            ranked.push((
                order,
                UnitRank {
                    rank: 0,
                    unit_id: unit.id,
                    unit: unit.name,
                    kind: unit.kind,
                    indicators: rows.len() as u32,
                    pace_index: pace_index(&refs).unwrap_or(0.0),
                    mean_completion_rate: mean(&rates).unwrap_or(0.0),
                    done: rows.iter().filter(|r| r.status == Status::Done).count() as u32,
                    behind: rows.iter().filter(|r| r.status == Status::Behind).count() as u32,
                    status: group_status(&refs, engine.threshold()),
                },
            ));
        }
        ranked.sort_by(|(oa, a), (ob, b)| {
            b.pace_index
                .total_cmp(&a.pace_index)
                .then(b.mean_completion_rate.total_cmp(&a.mean_completion_rate))
                .then(oa.cmp(ob))
        });
        Ok(ranked
            .into_iter()
            .enumerate()
            .map(|(i, (_, mut r))| {
                r.rank = i as u32 + 1;
                r
            })
            .collect())
    }
}
