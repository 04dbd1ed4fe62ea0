//! Opening a round and reading rounds back.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Round, RoundEvent, RoundPeriod};
use crate::error::{LedgerError, Result};
use crate::ledger::{lookup_unit, new_id, Ledger, Writer};
use crate::model::{Unit, UnitKind};

/// A round to open.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct NewRound {
    /// The quarter or month the round collects returns for.
    pub period: RoundPeriod,
    /// 报送截止日期: the returns are due by the end of this day.
    pub due_on: NaiveDate,
    /// Unit ids, codes or names; empty: every active county, zone, department and party.
    #[serde(default)]
    pub units: Vec<String>,
}

/// The kinds of unit that report by default.
pub const REPORTING_KINDS: [UnitKind; 4] = [
    UnitKind::County,
    UnitKind::Zone,
    UnitKind::Department,
    UnitKind::Party,
];

const SELECT: &str =
    "SELECT r.id, r.label, r.period_start, r.period_end, r.due_on, r.locked_on, r.locked_by,
            r.lock_reason, r.created_at, r.created_by,
            (SELECT COUNT(*) FROM round_unit x WHERE x.round_id = r.id)
     FROM round r";

fn row(r: &Row<'_>) -> rusqlite::Result<(Round, String)> {
    let key: String = r.get(1)?;
    let round = Round {
        id: r.get(0)?,
        // Replaced below once the key is parsed (a stored key always parses).
        period: RoundPeriod::Quarter { year: 2000, q: 1 },
        key: key.clone(),
        label: String::new(),
        period_start: r.get(2)?,
        period_end: r.get(3)?,
        due_on: r.get(4)?,
        locked_on: r.get(5)?,
        locked_by: r.get(6)?,
        lock_reason: r.get(7)?,
        created_at: r.get(8)?,
        created_by: r.get(9)?,
        units: r.get(10)?,
    };
    Ok((round, key))
}

fn finish((mut round, key): (Round, String)) -> Result<Round> {
    round.period = RoundPeriod::from_key(&key)?;
    round.label = round.period.label_zh();
    Ok(round)
}

/// The round of a period, or `not_found` naming it.
pub(crate) fn by_period(conn: &Connection, period: RoundPeriod) -> Result<Round> {
    conn.prepare_cached(&format!("{SELECT} WHERE r.label = ?1"))?
        .query_row([period.key()], row)
        .optional()?
        .map(finish)
        .transpose()?
        .ok_or_else(|| LedgerError::NotFound {
            what: "填报轮次",
            id: period.label_zh(),
        })
}

/// The units a round asks by default: active counties, zones, departments and parties.
pub fn default_units(units: &[Unit]) -> Vec<&Unit> {
    units
        .iter()
        .filter(|u| !u.archived && REPORTING_KINDS.contains(&u.kind))
        .collect()
}

impl Ledger {
    /// Every round, newest period first.
    pub fn rounds(&self) -> Result<Vec<Round>> {
        let mut stmt = self.conn().prepare(&format!(
            "{SELECT} ORDER BY r.period_start DESC, r.period_end"
        ))?;
        let rows = stmt
            .query_map([], row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter().map(finish).collect()
    }

    /// The round of a period.
    pub fn round(&self, period: RoundPeriod) -> Result<Round> {
        by_period(self.conn(), period)
    }

    /// The round's history, oldest first.
    pub fn round_events(&self, period: RoundPeriod) -> Result<Vec<RoundEvent>> {
        let round = by_period(self.conn(), period)?;
        let mut stmt = self.conn().prepare(
            "SELECT e.id, e.kind, e.unit_id, u.name, e.reason, e.created_at, e.created_by
             FROM round_event e LEFT JOIN unit u ON u.id = e.unit_id
             WHERE e.round_id = ?1 ORDER BY e.created_at, e.rowid",
        )?;
        let out = stmt
            .query_map([&round.id], |r| {
                Ok(RoundEvent {
                    id: r.get(0)?,
                    kind: r.get(1)?,
                    unit_id: r.get(2)?,
                    unit: r.get(3)?,
                    reason: r.get(4)?,
                    at: r.get(5)?,
                    by: r.get(6)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(out)
    }
}

impl Writer<'_> {
    /// Opens a round: one per period; the due date may not come before the period starts.
    pub fn open_round(&mut self, new: NewRound) -> Result<Round> {
        let period = new.period.period();
        if new.due_on < period.start {
            return Err(LedgerError::DateOutOfRange {
                field: "due",
                date: new.due_on,
                reason: format!("早于{}的第一天 {}", new.period.label_zh(), period.start),
            });
        }
        if by_period(self.conn(), new.period).is_ok() {
            return Err(LedgerError::Duplicate {
                what: "填报轮次",
                key: new.period.label_zh(),
            });
        }
        let units = self.round_units_of(&new.units)?;
        let id = new_id();
        self.conn().execute(
            "INSERT INTO round (id, label, period_start, period_end, due_on, created_at, created_by, updated_at, updated_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?6, ?7)",
            rusqlite::params![id, new.period.key(), period.start, period.end, new.due_on, self.now(), self.actor().name],
        )?;
        for unit in &units {
            self.conn().execute(
                "INSERT INTO round_unit (id, round_id, unit_id, created_at, created_by, updated_at, updated_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?4, ?5)",
                rusqlite::params![new_id(), id, unit.id, self.now(), self.actor().name],
            )?;
        }
        self.round_event(&id, None, "open", "")?;
        by_period(self.conn(), new.period)
    }

    /// The units named (each once), or the default reporting units.
    fn round_units_of(&self, keys: &[String]) -> Result<Vec<Unit>> {
        if keys.is_empty() {
            let all = crate::ledger::read_units(self.conn(), false)?;
            let units: Vec<Unit> = default_units(&all).into_iter().cloned().collect();
            if units.is_empty() {
                return Err(LedgerError::Invalid {
                    field: "unit",
                    problem:
                        "没有区县、功能区、部门或党派单位可以填报，请先添加单位或用 --unit 指定"
                            .into(),
                });
            }
            return Ok(units);
        }
        let mut out: Vec<Unit> = Vec::new();
        for key in keys {
            let unit = lookup_unit(self.conn(), key)?;
            if !out.iter().any(|u| u.id == unit.id) {
                out.push(unit);
            }
        }
        Ok(out)
    }

    /// One history row of a round (who and when are the write's own).
    pub(crate) fn round_event(
        &mut self,
        round_id: &str,
        unit_id: Option<&str>,
        kind: &str,
        reason: &str,
    ) -> Result<()> {
        self.conn().execute(
            "INSERT INTO round_event (id, round_id, unit_id, kind, reason, created_at, created_by, updated_at, updated_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?6, ?7)",
            rusqlite::params![new_id(), round_id, unit_id, kind, reason, self.now(), self.actor().name],
        )?;
        Ok(())
    }
}
