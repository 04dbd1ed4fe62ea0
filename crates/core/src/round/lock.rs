//! 锁定: a locked round's period refuses every write dated in it — entries, register rows,
//! targets whose period overlaps it and lag notes of its quarter — with `period_locked`.
//! The check lives here once (`Writer::ensure_open` / `ensure_open_period`); every dated
//! write path calls it, so the window, the CLI and imports are refused alike.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};

use super::board::board;
use super::open::by_period;
use super::steps::reason_text;
use super::{Round, RoundPeriod, UnitState};
use crate::error::{LedgerError, Result};
use crate::ledger::{Ledger, Writer};
use crate::model::Period;

/// The `period_locked` error of a locked round.
pub(crate) fn locked_error(round: &Round) -> LedgerError {
    LedgerError::PeriodLocked {
        label: round.label.clone(),
        locked_on: round.locked_on.map_or_else(String::new, |d| d.to_string()),
        locked_by: round.locked_by.clone().unwrap_or_default(),
        span: round.period.span_zh(),
    }
}

pub(crate) fn refuse_if_locked(round: &Round) -> Result<()> {
    if round.locked_on.is_some() {
        return Err(locked_error(round));
    }
    Ok(())
}

/// The locked round whose period overlaps [start, end], if any.
pub(crate) fn locked_overlapping(
    conn: &Connection,
    start: NaiveDate,
    end: NaiveDate,
) -> Result<Option<LedgerError>> {
    let found: Option<(String, NaiveDate, String)> = conn
        .prepare_cached(
            "SELECT label, locked_on, locked_by FROM round
             WHERE locked_on IS NOT NULL AND period_start <= ?2 AND period_end >= ?1
             ORDER BY period_start LIMIT 1",
        )?
        .query_row(rusqlite::params![start, end], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .optional()?;
    let Some((key, locked_on, locked_by)) = found else {
        return Ok(None);
    };
    let period = RoundPeriod::from_key(&key)?;
    Ok(Some(LedgerError::PeriodLocked {
        label: period.label_zh(),
        locked_on: locked_on.to_string(),
        locked_by,
        span: period.span_zh(),
    }))
}

impl Ledger {
    /// Whether a write dated `date` would be refused, and with which error (for previews).
    pub fn lock_covering(&self, date: NaiveDate) -> Result<Option<LedgerError>> {
        locked_overlapping(self.conn(), date, date)
    }
}

impl Writer<'_> {
    /// Refuses a write of a row dated `date` when a locked round covers that day.
    pub fn ensure_open(&self, date: NaiveDate) -> Result<()> {
        self.ensure_open_period(Period {
            start: date,
            end: date,
        })
    }

    /// Refuses a write of something that spans `period` (a target, a quarter's lag note)
    /// when a locked round overlaps it.
    pub fn ensure_open_period(&self, period: Period) -> Result<()> {
        match locked_overlapping(self.conn(), period.start, period.end)? {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    /// 锁定: once every unit is approved; otherwise refused naming the units not approved,
    /// unless `force` with a reason.
    pub fn lock_round(&mut self, period: RoundPeriod, force: bool, reason: &str) -> Result<Round> {
        let round = by_period(self.conn(), period)?;
        refuse_if_locked(&round)?;
        let pending: Vec<String> = board(self.conn(), &round, self.today())?
            .into_iter()
            .filter(|r| r.state != UnitState::Approved)
            .map(|r| r.unit)
            .collect();
        let reason = if force {
            reason_text("lock_reason", reason)?
        } else if !pending.is_empty() {
            return Err(LedgerError::RoundNotApproved {
                label: round.label.clone(),
                units: pending,
            });
        } else {
            reason.trim().to_string()
        };
        self.conn().execute(
            "UPDATE round SET locked_on = ?2, locked_by = ?3, lock_reason = ?4, updated_at = ?5, updated_by = ?3
             WHERE id = ?1",
            rusqlite::params![round.id, self.today(), self.actor().name, reason, self.now()],
        )?;
        self.round_event(&round.id, None, "lock", &reason)?;
        by_period(self.conn(), period)
    }

    /// 解锁: with a reason, kept in the round's history.
    pub fn unlock_round(&mut self, period: RoundPeriod, reason: &str) -> Result<Round> {
        let reason = reason_text("unlock_reason", reason)?;
        let round = by_period(self.conn(), period)?;
        if round.locked_on.is_none() {
            return Err(LedgerError::Invalid {
                field: "quarter",
                problem: format!("{}未锁定，无需解锁", round.label),
            });
        }
        self.conn().execute(
            "UPDATE round SET locked_on = NULL, locked_by = NULL, lock_reason = '', updated_at = ?2, updated_by = ?3
             WHERE id = ?1",
            rusqlite::params![round.id, self.now(), self.actor().name],
        )?;
        self.round_event(&round.id, None, "unlock", &reason)?;
        by_period(self.conn(), period)
    }
}
