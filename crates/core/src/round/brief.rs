//! 简报: the leaders' one page for a round — how many units reported, the units' states,
//! completion by action, the behind list and the ranking, as of the period's end. The
//! figures are the quarterly summary's (the progress engine's); the states are the board's.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::board::{board, BoardRow};
use super::open::by_period;
use super::{Round, RoundPeriod, UnitState};
use crate::error::Result;
use crate::export::{quarterly_summary, ActionReport, BehindItem, RankingGroup, SummaryQuery};
use crate::ledger::Ledger;
use crate::pacing::Quarter;

/// How many units are in each state (and late) on the board.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StateCounts {
    /// How many units report in the round.
    pub units: u32,
    /// How many have not reported (未报).
    pub not_started: u32,
    /// How many have reported (已报).
    pub submitted: u32,
    /// How many were returned (退回).
    pub returned: u32,
    /// How many are approved (已审).
    pub approved: u32,
    /// Awaited and past the due date.
    pub late: u32,
}

impl StateCounts {
    /// Counts the board's rows by state and lateness.
    pub fn of(rows: &[BoardRow]) -> Self {
        let mut c = Self {
            units: rows.len() as u32,
            ..Self::default()
        };
        for r in rows {
            match r.state {
                UnitState::NotStarted => c.not_started += 1,
                UnitState::Submitted => c.submitted += 1,
                UnitState::Returned => c.returned += 1,
                UnitState::Approved => c.approved += 1,
            }
            if r.late_days > 0 {
                c.late += 1;
            }
        }
        c
    }
}

/// The brief of a round.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RoundBrief {
    /// The round briefed.
    pub round: Round,
    /// 临沂市统一战线…工作进展情况 (the summary's title).
    pub title: String,
    /// Figures as of the end of this day: the period's end, or today while it runs.
    pub as_of: chrono::NaiveDate,
    /// The day the brief was made (the ledger's today).
    pub made_on: chrono::NaiveDate,
    /// How many units are in each state.
    pub counts: StateCounts,
    /// One line per unit of the round.
    pub board: Vec<BoardRow>,
    /// Completion by action (each action's indicator lines left out).
    pub actions: Vec<ActionReport>,
    /// The indicators behind pace as of `as_of`.
    pub behind: Vec<BehindItem>,
    /// The units ranked, one group per kind of unit.
    pub ranking: Vec<RankingGroup>,
}

impl Ledger {
    /// The brief of the round of `period`.
    pub fn round_brief(&self, period: RoundPeriod) -> Result<RoundBrief> {
        let round = by_period(self.conn(), period)?;
        let rows = board(self.conn(), &round, self.today())?;
        let as_of = round.period_end.min(self.today()).max(round.period_start);
        let summary = quarterly_summary(
            self,
            &SummaryQuery {
                quarter: Some(Quarter::containing(as_of)),
                as_of: Some(as_of),
                unit: None,
                action: None,
            },
        )?;
        let actions = summary
            .actions
            .into_iter()
            .filter(|a| a.indicators > 0)
            .map(|mut a| {
                a.lines.clear();
                a.trend.clear();
                a
            })
            .collect();
        Ok(RoundBrief {
            counts: StateCounts::of(&rows),
            title: summary.title,
            as_of: summary.as_of,
            made_on: summary.made_on,
            round,
            board: rows,
            actions,
            behind: summary.behind,
            ranking: summary.ranking,
        })
    }
}
