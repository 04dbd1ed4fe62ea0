//! 填报轮次: a reporting round. The office opens a round for a period (a quarter, or a
//! month) with a due date and the units that must report; each unit's return goes
//! 未报 not_started → 已报 submitted → 退回 returned (with a reason; it can be submitted
//! again) → 已审 approved. 逾期 (late) is days past the due date while not submitted,
//! computed from the ledger's today, never stored. Once every unit is approved (or by force,
//! with a reason) the round is locked, and every write dated in its period is refused
//! (`Writer::ensure_open`, called by each dated write path).
//!
//! - [`period`]: the round's period and its Chinese label.
//! - [`open`]: opening and reading rounds, the units a round asks by default.
//! - [`steps`]: submit, approve, return; every step stamped and kept in `round_event`.
//! - [`lock`]: lock, unlock and the one lock check of dated writes.
//! - [`board`]: the board (填报进度) and the reminder texts (催报).
//! - [`correction`]: a reviewer's correction of a reported value.
//! - [`review`]: one unit's return beside its previous period and its pace (审核).
//! - [`brief`]: the leaders' one page of a round (简报).
//! - [`send`]: the .xlsx table sent to each unit (`sheet` lays one out).

pub mod board;
pub mod brief;
pub mod correction;
pub mod lock;
pub mod open;
pub mod period;
mod remind_xlsx;
pub mod review;
pub mod send;
mod sheet;
pub mod steps;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use board::{BoardRow, Reminder};
pub use brief::{RoundBrief, StateCounts};
pub use correction::{CorrectedEntry, Correction};
pub use open::NewRound;
pub use period::RoundPeriod;
pub use review::{ReviewEntry, ReviewLine, UnitReview};
pub use send::{SendReport, RETURN_FORMAT};

/// A unit's state in a round.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum UnitState {
    /// 未报
    NotStarted,
    /// 已报
    Submitted,
    /// 退回
    Returned,
    /// 已审
    Approved,
}

impl UnitState {
    /// The state's code as stored in `round_unit` (`not_started`, `submitted` …).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::NotStarted => "not_started",
            Self::Submitted => "submitted",
            Self::Returned => "returned",
            Self::Approved => "approved",
        }
    }
    /// The state for a stored code, or None.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "not_started" => Self::NotStarted,
            "submitted" => Self::Submitted,
            "returned" => Self::Returned,
            "approved" => Self::Approved,
            _ => return None,
        })
    }
    /// The state's Chinese name (未报, 已报, 退回, 已审).
    pub fn label_zh(self) -> &'static str {
        match self {
            Self::NotStarted => "未报",
            Self::Submitted => "已报",
            Self::Returned => "退回",
            Self::Approved => "已审",
        }
    }
    /// Not (or no longer) submitted: lateness counts and 催报 applies.
    pub fn awaiting_return(self) -> bool {
        matches!(self, Self::NotStarted | Self::Returned)
    }
}

/// A reporting round.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Round {
    /// The round's UUID.
    pub id: String,
    /// The quarter or month the round collects returns for.
    pub period: RoundPeriod,
    /// 2024Q3 / 2024-08
    pub key: String,
    /// 2024年第三季度
    pub label: String,
    /// The period's first day.
    pub period_start: chrono::NaiveDate,
    /// The period's last day.
    pub period_end: chrono::NaiveDate,
    /// The day by whose end the returns are due (报送截止日期).
    pub due_on: chrono::NaiveDate,
    /// The ledger's date of the lock; None while the round is open.
    pub locked_on: Option<chrono::NaiveDate>,
    /// Who locked the round; None while it is open.
    pub locked_by: Option<String>,
    /// Why the round was locked; empty while it is open or when no reason was given.
    pub lock_reason: String,
    /// How many units report in it.
    pub units: u32,
    /// When the round was opened (RFC 3339, UTC).
    pub created_at: String,
    /// Who opened the round.
    pub created_by: String,
}

/// One step of a round, as its history shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RoundEvent {
    /// The event's UUID.
    pub id: String,
    /// open, send, submit, return, approve, correct, lock, unlock
    pub kind: String,
    /// The unit the step was about; None for a step of the whole round.
    pub unit_id: Option<String>,
    /// That unit's name.
    pub unit: Option<String>,
    /// The reason given (a 退回's, a correction's, a lock's); empty when none.
    pub reason: String,
    /// When the step was taken.
    pub at: String,
    /// Who took the step.
    pub by: String,
}
