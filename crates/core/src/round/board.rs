//! 填报进度: units × state for a round, days late, who submitted when; 催报: the
//! ready-to-paste reminder of every unit whose return is still awaited.

use chrono::{Datelike, NaiveDate};
use rusqlite::{Connection, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::open::by_period;
use super::period::month_day_zh;
use super::{Round, RoundPeriod, UnitState};
use crate::error::Result;
use crate::ledger::Ledger;

/// One unit's line on the board.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct BoardRow {
    /// The unit's name.
    pub unit: String,
    /// The unit's UUID.
    pub unit_id: String,
    /// The unit's code.
    pub unit_code: String,
    /// The unit's state in the round.
    pub state: UnitState,
    /// 未报, 已报, 退回, 已审
    pub state_label: String,
    /// When the return was last submitted.
    pub submitted_at: Option<String>,
    /// Who last submitted it.
    pub submitted_by: Option<String>,
    /// When a reviewer last approved or returned it.
    pub reviewed_at: Option<String>,
    /// Who last approved or returned it.
    pub reviewed_by: Option<String>,
    /// Days past the due date while the return is awaited (未报 or 退回); 0 otherwise.
    #[ts(type = "number")]
    pub late_days: i64,
    /// The reason of the return, while the unit is 退回.
    pub reason: String,
}

/// 催报: the text to paste into chat or OA for one unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Reminder {
    /// The unit's name.
    pub unit: String,
    /// The unit's UUID.
    pub unit_id: String,
    /// The unit's state in the round.
    pub state: UnitState,
    /// Days past the due date.
    #[ts(type = "number")]
    pub late_days: i64,
    /// The reminder's words, naming the unit, the round and the due date.
    pub text: String,
}

const SELECT: &str = "SELECT u.name, u.id, u.code, x.state, x.submitted_at, x.submitted_by,
            x.reviewed_at, x.reviewed_by, x.reason
     FROM round_unit x JOIN unit u ON u.id = x.unit_id";

/// Days past `due` on `today` for a state still awaiting a return.
pub fn late_days(state: UnitState, due: NaiveDate, today: NaiveDate) -> i64 {
    if state.awaiting_return() && today > due {
        (today - due).num_days()
    } else {
        0
    }
}

fn row(r: &Row<'_>, due: NaiveDate, today: NaiveDate) -> rusqlite::Result<BoardRow> {
    let state = UnitState::parse(&r.get::<_, String>(3)?).unwrap_or(UnitState::NotStarted);
    let reason: String = r.get(8)?;
    Ok(BoardRow {
        unit: r.get(0)?,
        unit_id: r.get(1)?,
        unit_code: r.get(2)?,
        state,
        state_label: state.label_zh().to_string(),
        submitted_at: r.get(4)?,
        submitted_by: r.get(5)?,
        reviewed_at: r.get(6)?,
        reviewed_by: r.get(7)?,
        late_days: late_days(state, due, today),
        reason: if state == UnitState::Returned {
            reason
        } else {
            String::new()
        },
    })
}

pub(crate) fn board_row(
    conn: &Connection,
    round: &Round,
    unit_id: &str,
    today: NaiveDate,
) -> Result<BoardRow> {
    Ok(conn
        .prepare_cached(&format!(
            "{SELECT} WHERE x.round_id = ?1 AND x.unit_id = ?2"
        ))?
        .query_row([round.id.as_str(), unit_id], |r| {
            row(r, round.due_on, today)
        })?)
}

pub(crate) fn board(conn: &Connection, round: &Round, today: NaiveDate) -> Result<Vec<BoardRow>> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT} WHERE x.round_id = ?1"))?;
    let mut rows: Vec<BoardRow> = stmt
        .query_map([&round.id], |r| row(r, round.due_on, today))?
        .collect::<rusqlite::Result<_>>()?;
    // The units' own order: each parent followed by its children, as `units` lists them.
    let order: std::collections::HashMap<String, usize> = crate::ledger::read_units(conn, true)?
        .into_iter()
        .enumerate()
        .map(|(i, u)| (u.id, i))
        .collect();
    rows.sort_by_key(|r| order.get(&r.unit_id).copied().unwrap_or(usize::MAX));
    Ok(rows)
}

/// 10月10日, or 2025年1月10日 when the due date falls in another year than the period.
fn due_zh(round: &Round) -> String {
    if round.due_on.year() == round.period.year() {
        month_day_zh(round.due_on)
    } else {
        format!("{}年{}", round.due_on.year(), month_day_zh(round.due_on))
    }
}

/// The reminder of one awaited unit, as the office words it.
pub fn reminder_text(round: &Round, row: &BoardRow) -> String {
    let due = due_zh(round);
    let mut text = match row.state {
        UnitState::Returned if !row.reason.is_empty() => format!(
            "请{}按退回意见（{}）修改后于{due}前重新报送{}统计表",
            row.unit, row.reason, round.label
        ),
        UnitState::Returned => format!(
            "请{}按退回意见修改后于{due}前重新报送{}统计表",
            row.unit, round.label
        ),
        _ => format!("请{}于{due}前报送{}统计表", row.unit, round.label),
    };
    if row.late_days > 0 {
        text.push_str(&format!("，已逾期{}天，请尽快报送", row.late_days));
    }
    text
}

impl Ledger {
    /// The board of a round as of the ledger's today.
    pub fn round_board(&self, period: RoundPeriod) -> Result<Vec<BoardRow>> {
        let round = by_period(self.conn(), period)?;
        board(self.conn(), &round, self.today())
    }

    /// 催报: every unit not submitted (未报) or sent back (退回), most overdue first.
    pub fn reminders(&self, period: RoundPeriod) -> Result<Vec<Reminder>> {
        let round = by_period(self.conn(), period)?;
        let mut rows: Vec<BoardRow> = board(self.conn(), &round, self.today())?
            .into_iter()
            .filter(|r| r.state.awaiting_return())
            .collect();
        rows.sort_by_key(|r| std::cmp::Reverse(r.late_days));
        Ok(rows
            .iter()
            .map(|r| Reminder {
                unit: r.unit.clone(),
                unit_id: r.unit_id.clone(),
                state: r.state,
                late_days: r.late_days,
                text: reminder_text(&round, r),
            })
            .collect())
    }
}
