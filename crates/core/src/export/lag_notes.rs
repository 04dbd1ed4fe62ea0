//! 滞后原因与整改措施: what a person writes for an indicator that is behind pace, once per
//! indicator, responsible unit and quarter. The quarterly summary shows it beside the
//! figures; a behind indicator without one shows 「（待填写）」.

use rusqlite::{Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{LedgerError, Result};
use crate::ledger::{lookup_indicator, lookup_unit, Ledger, Writer};
use crate::model::Unit;
use crate::pacing::Quarter;

/// The longest reason or measures text accepted, in characters.
pub const MAX_NOTE_CHARS: usize = crate::text::LONG_CHARS;

/// A lag note (滞后原因/整改措施) of one indicator, unit and quarter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LagNote {
    /// The note's UUID.
    pub id: String,
    /// The UUID of the indicator the note explains.
    pub indicator_id: String,
    /// That indicator's code.
    pub indicator_code: String,
    /// That indicator's name.
    pub indicator: String,
    /// The UUID of the unit the note is for.
    pub unit_id: String,
    /// That unit's name.
    pub unit: String,
    /// The quarter the note is for.
    pub quarter: Quarter,
    /// 滞后原因
    pub reason: String,
    /// 整改措施
    pub measures: String,
    /// When the note was first written (RFC 3339, UTC).
    pub created_at: String,
    /// Who first wrote it.
    pub created_by: String,
    /// When the note was last changed (RFC 3339, UTC).
    pub updated_at: String,
    /// Who last changed it.
    pub updated_by: String,
}

/// A note to write; the same indicator, unit and quarter again replaces the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct NewLagNote {
    /// Indicator id, code or name.
    pub indicator: String,
    /// Unit id, code or name; None: the whole city (the root unit).
    #[serde(default)]
    pub unit: Option<String>,
    /// The quarter the note is for.
    pub quarter: Quarter,
    /// 滞后原因: why the indicator is behind (optional).
    #[serde(default)]
    pub reason: String,
    /// 整改措施: what is being done about it (optional).
    #[serde(default)]
    pub measures: String,
}

/// Which lag notes to list.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct LagNoteFilter {
    /// Only notes of this quarter.
    #[serde(default)]
    pub quarter: Option<Quarter>,
    /// Unit id, code or name: that unit's notes only (not its sub-units').
    #[serde(default)]
    pub unit: Option<String>,
    /// Indicator id, code or name.
    #[serde(default)]
    pub indicator: Option<String>,
}

const SELECT: &str =
    "SELECT n.id, n.indicator_id, i.code, i.name, n.unit_id, u.name, n.quarter, n.reason,
            n.measures, n.created_at, n.created_by, n.updated_at, n.updated_by
     FROM lag_note n JOIN indicator i ON i.id = n.indicator_id JOIN unit u ON u.id = n.unit_id";

fn row(r: &Row<'_>) -> rusqlite::Result<LagNote> {
    let quarter: String = r.get(6)?;
    Ok(LagNote {
        id: r.get(0)?,
        indicator_id: r.get(1)?,
        indicator_code: r.get(2)?,
        indicator: r.get(3)?,
        unit_id: r.get(4)?,
        unit: r.get(5)?,
        // The table's CHECK admits only 2024Q2-shaped text.
        quarter: Quarter::parse(&quarter).ok_or_else(|| {
            rusqlite::Error::InvalidColumnType(6, "quarter".into(), rusqlite::types::Type::Text)
        })?,
        reason: r.get(7)?,
        measures: r.get(8)?,
        created_at: r.get(9)?,
        created_by: r.get(10)?,
        updated_at: r.get(11)?,
        updated_by: r.get(12)?,
    })
}

/// The root of the unit tree: the whole city.
pub(crate) fn root_unit(conn: &Connection) -> Result<Unit> {
    let id: Option<String> = conn
        .query_row(
            "SELECT id FROM unit WHERE parent_id IS NULL ORDER BY sort_order, code LIMIT 1",
            [],
            |r| r.get(0),
        )
        .optional()?;
    let id = id.ok_or_else(|| LedgerError::UnknownUnit("（全市）".into()))?;
    lookup_unit(conn, &id)
}

fn unit_or_root(conn: &Connection, unit: Option<&str>) -> Result<Unit> {
    match unit {
        Some(k) => lookup_unit(conn, k),
        None => root_unit(conn),
    }
}

/// A quarter that exists and has begun by `today`.
pub(crate) fn check_quarter(q: Quarter, today: chrono::NaiveDate) -> Result<()> {
    if q.year() < 2000 {
        return Err(LedgerError::BadQuarter(q.to_string()));
    }
    if q.start() > today {
        return Err(LedgerError::Invalid {
            field: "quarter",
            problem: format!("{q} 尚未开始，不能填写"),
        });
    }
    Ok(())
}

/// Trimmed long text (at most MAX_NOTE_CHARS characters, no control characters); may be
/// empty.
fn note_text(field: &'static str, text: &str) -> Result<String> {
    crate::text::optional(field, text, crate::text::TextKind::Long)
}

impl Ledger {
    /// Notes matching the filter, by quarter, unit and indicator order.
    pub fn lag_notes(&self, f: &LagNoteFilter) -> Result<Vec<LagNote>> {
        let scope_root = self.read_scope()?.root;
        let unit = match f.unit.as_deref() {
            Some(k) => self
                .clamp_unit(Some(k))?
                .map(|id| lookup_unit(self.conn(), &id))
                .transpose()?,
            None => None,
        };
        let indicator = f
            .indicator
            .as_deref()
            .map(|k| lookup_indicator(self.conn(), k))
            .transpose()?;
        let sql = format!(
            "{SELECT} WHERE (?1 IS NULL OR n.quarter = ?1) AND (?2 IS NULL OR n.unit_id = ?2)
               AND (?3 IS NULL OR n.indicator_id = ?3)
               AND (?4 IS NULL OR n.unit_id IN (WITH RECURSIVE sub(id) AS
                    (SELECT ?4 UNION SELECT x.id FROM unit x JOIN sub ON x.parent_id = sub.id) SELECT id FROM sub))
             ORDER BY n.quarter, u.sort_order, i.sort_order, i.code"
        );
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let notes = stmt
            .query_map(
                rusqlite::params![
                    f.quarter.map(|q| q.to_string()),
                    unit.map(|u| u.id),
                    indicator.map(|i| i.id),
                    scope_root
                ],
                row,
            )?
            .collect::<rusqlite::Result<_>>()?;
        Ok(notes)
    }
}

impl Writer<'_> {
    /// Writes the lag reason and measures of an indicator for a unit and quarter, replacing
    /// what was there. At least one of the two must be given.
    pub fn set_lag_note(&mut self, new: NewLagNote) -> Result<LagNote> {
        let ind = lookup_indicator(self.conn(), &new.indicator)?;
        let unit = unit_or_root(self.conn(), new.unit.as_deref())?;
        check_quarter(new.quarter, self.today())?;
        self.ensure_open_period(new.quarter.period())?;
        let reason = note_text("reason", &new.reason)?;
        let measures = note_text("measures", &new.measures)?;
        if reason.is_empty() && measures.is_empty() {
            return Err(LedgerError::Invalid {
                field: "reason",
                problem: "滞后原因和整改措施至少填写一项".into(),
            });
        }
        let quarter = new.quarter.to_string();
        let id = self.id_for(|| format!("lag_note/{}/{}/{quarter}", ind.id, unit.id));
        self.conn().execute(
            "INSERT INTO lag_note (id, indicator_id, unit_id, quarter, reason, measures,
                                   created_at, created_by, updated_at, updated_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?7, ?8)
             ON CONFLICT (indicator_id, unit_id, quarter) DO UPDATE SET
                reason = excluded.reason, measures = excluded.measures,
                updated_at = excluded.updated_at, updated_by = excluded.updated_by",
            rusqlite::params![
                id,
                ind.id,
                unit.id,
                quarter,
                reason,
                measures,
                self.now(),
                self.actor().name
            ],
        )?;
        self.conn()
            .prepare_cached(&format!(
                "{SELECT} WHERE n.indicator_id = ?1 AND n.unit_id = ?2 AND n.quarter = ?3"
            ))?
            .query_row(rusqlite::params![ind.id, unit.id, quarter], row)
            .map_err(Into::into)
    }

    /// Deletes a note by id.
    pub fn delete_lag_note(&mut self, id: &str) -> Result<()> {
        let quarter: Option<String> = self
            .conn()
            .query_row(
                "SELECT quarter FROM lag_note WHERE id = ?1",
                [id.trim()],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(q) = quarter.as_deref().and_then(Quarter::parse) {
            self.ensure_open_period(q.period())?;
        }
        let n = self
            .conn()
            .execute("DELETE FROM lag_note WHERE id = ?1", [id.trim()])?;
        if n == 0 {
            return Err(LedgerError::NotFound {
                what: "滞后说明",
                id: id.to_string(),
            });
        }
        Ok(())
    }
}
