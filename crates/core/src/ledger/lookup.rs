//! Finding a record by what a person types: its UUID, its code, or its exact name.

use rusqlite::{Connection, OptionalExtension};

use super::rows;
use crate::error::{LedgerError, Result};
use crate::model::{Action, Indicator, Unit};

/// Looks `key` up by id, then code, then exact name (which must be unambiguous).
fn find<T>(
    conn: &Connection,
    what: &'static str,
    select: &str,
    [id_col, code_col, name_col]: [&str; 3],
    key: &str,
    map: fn(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
) -> Result<Option<T>> {
    let key = key.trim();
    for col in [id_col, code_col] {
        let sql = format!("{select} WHERE {col} = ?1");
        if let Some(found) = conn
            .prepare_cached(&sql)?
            .query_row([key], map)
            .optional()?
        {
            return Ok(Some(found));
        }
    }
    let sql = format!("{select} WHERE {name_col} = ?1 LIMIT 2");
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut found: Vec<T> = stmt
        .query_map([key], map)?
        .collect::<rusqlite::Result<_>>()?;
    match found.len() {
        0 => Ok(None),
        1 => Ok(found.pop()),
        _ => Err(LedgerError::Ambiguous {
            what,
            key: key.to_string(),
        }),
    }
}

pub fn action(conn: &Connection, key: &str) -> Result<Action> {
    let select = format!("SELECT {} FROM action", rows::ACTION_COLS);
    find(
        conn,
        "行动",
        &select,
        ["id", "code", "name"],
        key,
        rows::action,
    )?
    .ok_or_else(|| LedgerError::UnknownAction(key.to_string()))
}

pub fn indicator(conn: &Connection, key: &str) -> Result<Indicator> {
    let select = format!(
        "SELECT {} FROM {}",
        rows::INDICATOR_COLS,
        rows::INDICATOR_FROM
    );
    find(
        conn,
        "指标",
        &select,
        ["i.id", "i.code", "i.name"],
        key,
        rows::indicator,
    )?
    .ok_or_else(|| LedgerError::UnknownIndicator(key.to_string()))
}

pub fn unit(conn: &Connection, key: &str) -> Result<Unit> {
    let select = format!("SELECT {} FROM unit", rows::UNIT_COLS);
    find(
        conn,
        "责任单位",
        &select,
        ["id", "code", "name"],
        key,
        rows::unit,
    )?
    .ok_or_else(|| LedgerError::UnknownUnit(key.to_string()))
}
