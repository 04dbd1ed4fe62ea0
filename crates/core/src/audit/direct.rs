//! The import's own path into the trail for the entries it adds. A long import adds tens
//! of thousands of entries: captured by the TEMP trigger, each would be imaged into
//! `temp.tz_change`, read back, parsed and checked one by one. Here the capture of entry
//! inserts is paused and the entries added since are read back at each seal, in the order
//! they were added (their rowids only grow), imaged by the same `json_object` the trigger
//! uses, checked once per unit and appended to the chain like any other record. Every row
//! added while paused is found this way, whichever path added it; `audit verify` judges
//! both paths alike.

use std::collections::HashSet;

use rusqlite::Connection;
use serde_json::{Map, Value};

use super::chain::{Appender, Record};
use super::guard;
use super::seal::{Change, Stamp};
use super::tables::{audited_tables, create_triggers, AuditedTable};
use crate::error::{LedgerError, Result};

/// The one table whose inserts take this path.
const TABLE: &str = "progress_entry";

/// Entry inserts whose capture is paused: the rows after `mark` are not yet in the trail.
#[derive(Debug)]
pub struct Paused {
    mark: i64,
    select: String,
}

fn entry_table(conn: &Connection) -> Result<AuditedTable> {
    audited_tables(conn)?
        .into_iter()
        .find(|t| t.name == TABLE)
        .ok_or_else(|| LedgerError::Invalid {
            field: "table",
            problem: format!("留痕：找不到数据表 {TABLE}"),
        })
}

/// Stops the TEMP trigger capturing entry inserts on this connection. Until [`resume`],
/// [`seal_inserts`] must seal the entries added (updates and deletes are still captured by
/// their triggers).
pub fn pause(conn: &Connection) -> Result<Paused> {
    let table = entry_table(conn)?;
    conn.execute_batch(&format!(
        "DROP TRIGGER IF EXISTS temp.\"tz_audit_{TABLE}_i\";"
    ))?;
    let mark: i64 = conn.query_row(
        &format!("SELECT coalesce(max(rowid), 0) FROM main.\"{TABLE}\""),
        [],
        |r| r.get(0),
    )?;
    let select = format!(
        "SELECT t.rowid, CAST(t.\"{k}\" AS TEXT), t.unit_id, t.is_sample, {img}
           FROM main.\"{TABLE}\" AS t WHERE t.rowid > ?1 ORDER BY t.rowid",
        k = table.key,
        img = table.image("t"),
    );
    Ok(Paused { mark, select })
}

/// Captures entry inserts by the trigger again (whether or not the paused work succeeded).
pub fn resume(conn: &Connection) -> Result<()> {
    conn.execute_batch(&create_triggers(&entry_table(conn)?))?;
    Ok(())
}

/// Checks the entries added since the last seal (once per unit and kind: the permission
/// the guard gives any entry insert of that unit) and appends one record each.
pub fn seal_inserts(conn: &Connection, stamp: &Stamp<'_>, paused: &mut Paused) -> Result<usize> {
    type Added = (i64, String, String, i64, String);
    let added: Vec<Added> = conn
        .prepare_cached(&paused.select)?
        .query_map([paused.mark], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let Some(last) = added.last() else {
        return Ok(0);
    };
    paused.mark = last.0;
    let mut checked: HashSet<(&str, i64)> = HashSet::new();
    for (_, row_id, unit_id, is_sample, _) in &added {
        if checked.insert((unit_id.as_str(), *is_sample)) {
            let mut new_map = Map::new();
            new_map.insert("unit_id".into(), Value::String(unit_id.clone()));
            new_map.insert("is_sample".into(), Value::from(*is_sample));
            let change = Change {
                tbl: TABLE.into(),
                op: "insert".into(),
                row_id: row_id.clone(),
                old: None,
                new: None,
                old_map: Map::new(),
                new_map,
            };
            let units = guard::RowUnits::of(conn, std::slice::from_ref(&change))?;
            guard::check(conn, stamp, &change, &units)?;
        }
    }
    let records = added.into_iter().map(|(_, row_id, unit_id, _, image)| {
        Record::stamped(
            stamp,
            ("insert".into(), TABLE.into(), row_id, Some(unit_id)),
            (None, Some(image), None),
        )
    });
    Appender::new(conn)?.append_all(conn, records)
}
