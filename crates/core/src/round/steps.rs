//! A unit's steps in a round: 提交 (submit), 审核通过 (approve), 退回 (return with a reason).
//! Each is stamped on the unit's row (who and when) and kept as a `round_event`.

use rusqlite::{Connection, OptionalExtension};

use super::board::{board_row, BoardRow};
use super::open::by_period;
use super::{lock, Round, RoundPeriod, UnitState};
use crate::auth::{grant, Area, Grant};
use crate::error::{LedgerError, Result};
use crate::ledger::{lookup_unit, Writer};
use crate::model::Unit;

/// The longest return reason accepted, in characters.
pub const MAX_REASON_CHARS: usize = 500;

/// A unit's place in a round.
pub(crate) struct Member {
    pub round: Round,
    pub unit: Unit,
    pub state: UnitState,
}

/// The round of the period and the unit's state in it; `not_found` when the unit is not
/// asked to report in it.
pub(crate) fn member(conn: &Connection, unit: &str, period: RoundPeriod) -> Result<Member> {
    let round = by_period(conn, period)?;
    let unit = lookup_unit(conn, unit)?;
    let state: Option<String> = conn
        .query_row(
            "SELECT state FROM round_unit WHERE round_id = ?1 AND unit_id = ?2",
            [&round.id, &unit.id],
            |r| r.get(0),
        )
        .optional()?;
    let state = state.ok_or_else(|| LedgerError::NotFound {
        what: "本轮填报单位",
        id: format!("{}（{}）", unit.name, period.label_zh()),
    })?;
    Ok(Member {
        round,
        unit,
        state: UnitState::parse(&state).unwrap_or(UnitState::NotStarted),
    })
}

/// A required reason: trimmed, not empty, not too long.
pub(crate) fn reason_text(field: &'static str, text: &str) -> Result<String> {
    let t = text.trim();
    if t.is_empty() {
        return Err(LedgerError::Invalid {
            field,
            problem: "必须填写".into(),
        });
    }
    if t.chars().count() > MAX_REASON_CHARS {
        return Err(LedgerError::Invalid {
            field,
            problem: format!("不能超过 {MAX_REASON_CHARS} 个字"),
        });
    }
    Ok(t.to_string())
}

fn refuse(m: &Member, step: &'static str) -> LedgerError {
    LedgerError::RoundState {
        unit: m.unit.name.clone(),
        label: m.round.label.clone(),
        state: m.state.label_zh(),
        step,
    }
}

impl Writer<'_> {
    /// 提交: a clerk pressed 提交, or a return came in. Idempotent: a return already
    /// submitted stays as it is (no second history row), so a re-import changes nothing.
    /// A returned unit submits again; an approved return must be returned (退回) first.
    pub fn submit_return(&mut self, unit: &str, period: RoundPeriod) -> Result<BoardRow> {
        let m = member(self.conn(), unit, period)?;
        lock::refuse_if_locked(&m.round)?;
        match m.state {
            UnitState::Submitted => {}
            UnitState::Approved => {
                return Err(refuse(&m, "再次提交（已审核通过，如需修改请先退回）"))
            }
            UnitState::NotStarted | UnitState::Returned => {
                self.conn().execute(
                    "UPDATE round_unit SET state = 'submitted', submitted_at = ?3, submitted_by = ?4,
                            updated_at = ?3, updated_by = ?4
                     WHERE round_id = ?1 AND unit_id = ?2",
                    rusqlite::params![m.round.id, m.unit.id, self.now(), self.actor().name],
                )?;
                self.round_event(&m.round.id, Some(&m.unit.id), "submit", "")?;
            }
        }
        board_row(self.conn(), &m.round, &m.unit.id, self.today())
    }

    /// 审核通过: only a submitted return.
    pub fn approve(&mut self, unit: &str, period: RoundPeriod) -> Result<BoardRow> {
        let m = member(self.conn(), unit, period)?;
        lock::refuse_if_locked(&m.round)?;
        if m.state != UnitState::Submitted {
            return Err(refuse(&m, "审核通过（只有已报的报表可以审核）"));
        }
        self.review(&m, "approved", "approve", "")
    }

    /// 退回: a submitted (or approved) return goes back to the unit with a reason.
    pub fn return_to_unit(
        &mut self,
        unit: &str,
        period: RoundPeriod,
        reason: &str,
    ) -> Result<BoardRow> {
        let reason = reason_text("return_reason", reason)?;
        let m = member(self.conn(), unit, period)?;
        lock::refuse_if_locked(&m.round)?;
        if !matches!(m.state, UnitState::Submitted | UnitState::Approved) {
            return Err(refuse(&m, "退回（尚未报送）"));
        }
        self.review(&m, "returned", "return", &reason)
    }

    /// 审核 is the reviewer's (and the admin's): a clerk does not approve or return its own
    /// unit's return, nor correct a reported figure.
    pub(crate) fn require_reviewer(&self, step: &str) -> Result<()> {
        let actor = self.actor();
        if grant(actor.role, Area::Review) != Grant::None {
            return Ok(()); // the scope is the guard's, on the rows the step changes
        }
        let unit = crate::audit::unit_name(self.conn(), actor.unit_id.as_deref());
        Err(LedgerError::Forbidden {
            message: format!(
                "{unit}{}无权{step}：审核只能由审核员或管理员进行",
                actor.role.label()
            ),
        })
    }

    fn review(&mut self, m: &Member, state: &str, kind: &str, reason: &str) -> Result<BoardRow> {
        self.require_reviewer(if kind == "approve" {
            "审核通过报表"
        } else {
            "退回报表"
        })?;
        self.conn().execute(
            "UPDATE round_unit SET state = ?3, reviewed_at = ?4, reviewed_by = ?5, reason = ?6,
                    updated_at = ?4, updated_by = ?5
             WHERE round_id = ?1 AND unit_id = ?2",
            rusqlite::params![
                m.round.id,
                m.unit.id,
                state,
                self.now(),
                self.actor().name,
                reason
            ],
        )?;
        self.round_event(&m.round.id, Some(&m.unit.id), kind, reason)?;
        board_row(self.conn(), &m.round, &m.unit.id, self.today())
    }
}
