//! Mapping SQLite rows to the domain's records.

use rusqlite::{Connection, OptionalExtension, Row};

use crate::error::Result;
use crate::model::{Action, Entry, Indicator, Unit, UnitKind};
use crate::pacing::Pacing;

pub const ACTION_COLS: &str = "id, code, name, name_en, description, sort_order, archived";
pub const INDICATOR_COLS: &str =
    "i.id, i.action_id, a.code, i.code, i.name, i.name_en, i.measure, \
     i.headline, i.decimals, i.pacing, i.sort_order, i.archived, \
     COALESCE((SELECT CAST(s.value AS REAL) FROM setting s WHERE s.key = 'max_value/' || i.id), 1e9)";
pub const INDICATOR_FROM: &str = "indicator i JOIN action a ON a.id = i.action_id";
pub const UNIT_COLS: &str = "id, code, name, name_en, kind, parent_id, sort_order, archived";
pub const ENTRY_COLS: &str =
    "e.id, e.indicator_id, e.unit_id, e.occurred_on, e.value, e.note, e.is_sample, \
     e.created_at, e.created_by, e.updated_at, e.updated_by";

pub fn action(r: &Row<'_>) -> rusqlite::Result<Action> {
    Ok(Action {
        id: r.get(0)?,
        code: r.get(1)?,
        name: r.get(2)?,
        name_en: r.get(3)?,
        description: r.get(4)?,
        sort_order: r.get(5)?,
        archived: r.get(6)?,
    })
}

pub fn indicator(r: &Row<'_>) -> rusqlite::Result<Indicator> {
    let pacing: String = r.get(9)?;
    Ok(Indicator {
        id: r.get(0)?,
        action_id: r.get(1)?,
        action_code: r.get(2)?,
        code: r.get(3)?,
        name: r.get(4)?,
        name_en: r.get(5)?,
        measure: r.get(6)?,
        headline: r.get(7)?,
        decimals: r.get(8)?,
        pacing: Pacing::parse(&pacing).unwrap_or_default(),
        sort_order: r.get(10)?,
        archived: r.get(11)?,
        max_value: r.get(12)?,
    })
}

pub fn unit(r: &Row<'_>) -> rusqlite::Result<Unit> {
    let kind: String = r.get(4)?;
    Ok(Unit {
        id: r.get(0)?,
        code: r.get(1)?,
        name: r.get(2)?,
        name_en: r.get(3)?,
        kind: UnitKind::parse(&kind).unwrap_or(UnitKind::Other),
        parent_id: r.get(5)?,
        sort_order: r.get(6)?,
        archived: r.get(7)?,
    })
}

pub fn entry(r: &Row<'_>) -> rusqlite::Result<Entry> {
    Ok(Entry {
        id: r.get(0)?,
        indicator_id: r.get(1)?,
        unit_id: r.get(2)?,
        occurred_on: r.get(3)?,
        value: r.get(4)?,
        note: r.get(5)?,
        is_sample: r.get(6)?,
        created_at: r.get(7)?,
        created_by: r.get(8)?,
        updated_at: r.get(9)?,
        updated_by: r.get(10)?,
    })
}

pub fn meta(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
        .optional()?)
}
