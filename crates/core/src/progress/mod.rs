//! 进度: completion against targets, expected value by the pacing curve (序时进度), status,
//! and the roll-ups a department head reads: per action, per unit, ranking, trend.
//!
//! Rules, in one place:
//! - The target of an indicator for a scope (a unit and its subtree) is the scope unit's own
//!   target whose period contains the as-of date (the shortest such period, so a year beats
//!   a three-year campaign); failing that, the most recent one that has started. A scope
//!   with no target of its own takes the sum of its sub-units' targets for one period.
//! - Completed is the sum of entries in the scope within the target's period up to the
//!   as-of date; with no target, every entry up to the as-of date.
//! - Status: done (completed ≥ target), on pace (≥ expected), slightly behind (≥ threshold ×
//!   expected, 0.85 by default), behind; no target when there is none.

mod engine;
mod ranking;
pub mod rollup;
mod summary;
mod target_sum;
mod trend;
mod window;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;
use crate::ledger::Ledger;
use crate::model::Period;
use crate::pacing::Pacing;

pub use engine::Engine;
pub use ranking::{RankingQuery, UnitRank};
pub use rollup::{RollupCheck, RollupDifference};
pub use summary::ActionSummary;
pub use target_sum::{TargetSum, TargetSumQuery};
pub use trend::{Granularity, TrendPoint, TrendQuery};

/// Where an indicator stands against its target and its pace (序时进度).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Completed reaches the target (已完成).
    Done,
    /// Completed reaches the value expected by now on the pacing curve (序时达标).
    OnPace,
    /// Completed is below the expected value but at least the threshold share of it (稍慢).
    SlightlyBehind,
    /// Completed is below the threshold share of the expected value (滞后).
    Behind,
    /// There is no target to measure against (未设目标).
    NoTarget,
}

impl Status {
    /// The status's stable code (`done`, `on_pace`, `slightly_behind`, `behind`, `no_target`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Done => "done",
            Self::OnPace => "on_pace",
            Self::SlightlyBehind => "slightly_behind",
            Self::Behind => "behind",
            Self::NoTarget => "no_target",
        }
    }
    /// The status's Chinese name as tables and summaries show it (已完成, 序时达标 …).
    pub fn label_zh(self) -> &'static str {
        match self {
            Self::Done => "已完成",
            Self::OnPace => "序时达标",
            Self::SlightlyBehind => "稍慢",
            Self::Behind => "滞后",
            Self::NoTarget => "未设目标",
        }
    }
    /// Classifies a completion against its target and the expected value by pace.
    pub fn classify(
        completed: f64,
        target: Option<f64>,
        expected: Option<f64>,
        threshold: f64,
    ) -> Self {
        const EPS: f64 = 1e-9;
        match (target, expected) {
            (Some(t), Some(e)) => {
                if completed + EPS >= t {
                    Self::Done
                } else if completed + EPS >= e {
                    Self::OnPace
                } else if completed + EPS >= threshold * e {
                    Self::SlightlyBehind
                } else {
                    Self::Behind
                }
            }
            _ => Self::NoTarget,
        }
    }
}

/// What to compute progress for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ProgressQuery {
    /// Figures count entries up to the end of this day.
    pub as_of: NaiveDate,
    /// Unit id, code or name; None means the whole city.
    #[serde(default)]
    pub unit: Option<String>,
    /// Count the unit's sub-units too (default true).
    #[serde(default = "yes")]
    pub include_subunits: bool,
    /// Action id or code.
    #[serde(default)]
    pub action: Option<String>,
    /// Indicator id, code or name.
    #[serde(default)]
    pub indicator: Option<String>,
}

fn yes() -> bool {
    true
}

impl ProgressQuery {
    /// The whole city's progress as of a date, every indicator, sub-units included.
    pub fn city(as_of: NaiveDate) -> Self {
        Self {
            as_of,
            unit: None,
            include_subunits: true,
            action: None,
            indicator: None,
        }
    }
}

/// Where a scope's target comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TargetSource {
    /// The scope unit's own target.
    Own,
    /// The sum of its sub-units' targets.
    SubUnits,
    /// No target, neither the unit's own nor its sub-units'.
    None,
}

/// Progress of one indicator for one scope as of a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ProgressRow {
    /// Action code.
    pub action: String,
    /// The action's name.
    pub action_name: String,
    /// The indicator's UUID.
    pub indicator_id: String,
    /// The indicator's code.
    pub indicator_code: String,
    /// The indicator's Chinese name.
    pub indicator: String,
    /// The indicator's English name, empty when none was given.
    pub indicator_en: String,
    /// Unit of measure (处, 家 …).
    pub measure: String,
    /// How many decimal places the indicator's values have.
    pub decimals: u8,
    /// Whether the indicator is a headline figure.
    pub headline: bool,
    /// The indicator's pacing curve.
    pub pacing: Pacing,
    /// The responsible unit of the scope.
    pub unit_id: String,
    /// That unit's name.
    pub unit: String,
    /// The day the figures are as of.
    pub as_of: NaiveDate,
    /// The period of the target measured against; None without a target.
    pub period: Option<Period>,
    /// The target's value for the scope; None without a target.
    pub target: Option<f64>,
    /// Whether the target is the unit's own or its sub-units' sum.
    pub target_source: TargetSource,
    /// The sum of the scope's entries in the target's period up to the as-of date.
    pub completed: f64,
    /// completed / target, e.g. 0.844 for 84.4 %.
    pub completion_rate: Option<f64>,
    /// The value expected by now on the pacing curve (序时进度).
    pub expected: Option<f64>,
    /// expected / target.
    pub expected_share: Option<f64>,
    /// completed − expected; negative when behind pace.
    pub gap: Option<f64>,
    /// Where the indicator stands against its target and pace.
    pub status: Status,
    /// Set when the completed value is derived from a register (drill down to its rows).
    pub derivation: Option<crate::register::derive::Derivation>,
}

impl Ledger {
    /// One row per indicator (of the action, if given) for the scope.
    pub fn progress(&self, q: &ProgressQuery) -> Result<Vec<ProgressRow>> {
        self.read_scope()?; // figures are open to every signed-in reader
        let mut engine = self.engine(q.as_of)?;
        let scope = engine.scope(q.unit.as_deref())?;
        let indicators = engine.select_indicators(q.action.as_deref(), q.indicator.as_deref())?;
        indicators
            .iter()
            .map(|ind| engine.row(ind, scope, q.include_subunits))
            .collect()
    }

    /// One row per direct sub-unit of the scope and indicator: the unit breakdown. A
    /// sub-unit without a target of its own counts within the scope's target period, so
    /// the breakdown adds up to the scope's figure.
    pub fn progress_by_unit(&self, q: &ProgressQuery) -> Result<Vec<ProgressRow>> {
        self.read_scope()?; // figures are open to every signed-in reader
        let mut engine = self.engine(q.as_of)?;
        let scope = engine.scope(q.unit.as_deref())?;
        let indicators = engine.select_indicators(q.action.as_deref(), q.indicator.as_deref())?;
        let windows: Vec<Option<Period>> = indicators
            .iter()
            .map(|ind| Ok(engine.scope_target(&ind.id, scope)?.map(|t| t.period)))
            .collect::<Result<_>>()?;
        let mut out = Vec::new();
        for child in engine.tree().children(scope).to_vec() {
            for (ind, window) in indicators.iter().zip(&windows) {
                out.push(engine.row_within(ind, child, true, *window)?);
            }
        }
        Ok(out)
    }
}

/// Rounds to the indicator's decimal places, removing float noise from sums.
pub fn round_to(v: f64, decimals: u8) -> f64 {
    let s = 10f64.powi(i32::from(decimals));
    (v * s).round() / s
}
