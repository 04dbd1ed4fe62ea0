//! The end of every write: the changes the TEMP triggers captured are checked against the
//! permission table (guard.rs) and appended to the trail, in the write's own transaction.
//! A refused change rolls the whole write back.

use std::collections::HashMap;

use rusqlite::Connection;
use serde_json::{Map, Value};

use super::chain::{sm3_hex, Appender, Record};
use super::guard;
use crate::auth::Scope;
use crate::error::Result;
use crate::model::Actor;

/// One captured change: which row, and its images before and after.
#[derive(Debug)]
pub struct Change {
    pub tbl: String,
    pub op: String,
    pub row_id: String,
    pub old: Option<String>,
    pub new: Option<String>,
    pub old_map: Map<String, Value>,
    pub new_map: Map<String, Value>,
}

impl Change {
    /// The fields whose values differ (all of them for an insert or a delete).
    pub fn changed_keys(&self) -> Vec<&str> {
        let mut keys: Vec<&str> = self
            .new_map
            .keys()
            .chain(self.old_map.keys())
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        keys.dedup();
        keys.retain(|k| self.old_map.get(*k) != self.new_map.get(*k));
        keys
    }
}

/// Who, from where and why, for every record of one write.
pub struct Stamp<'a> {
    pub actor: &'a Actor,
    pub scope: &'a Scope,
    pub at: &'a str,
    pub machine: &'a str,
    pub reason: &'a str,
    /// The old password was checked in this write (a person changing their own).
    pub own_password_verified: bool,
    /// A reviewer corrects a reported figure in this write (`Writer::correct_entry`).
    pub reviewer_correcting: bool,
}

/// Drains `temp.tz_change`: checks each change, then appends one record per changed row.
pub fn seal(conn: &Connection, stamp: &Stamp<'_>) -> Result<usize> {
    let changes = drain(conn)?;
    if changes.is_empty() {
        return Ok(0);
    }
    let units = guard::RowUnits::of(conn, &changes)?;
    for c in &changes {
        guard::check(conn, stamp, c, &units)?;
    }
    let records = changes.into_iter().filter_map(|c| record(c, &units, stamp));
    Appender::new(conn)?.append_all(conn, records)
}

/// A row of `temp.tz_change`: table, op, row id, old image, new image.
type Captured = (String, String, String, Option<String>, Option<String>);

fn drain(conn: &Connection) -> Result<Vec<Change>> {
    let mut stmt =
        conn.prepare_cached("SELECT tbl, op, row_id, old, new FROM temp.tz_change ORDER BY rowid")?;
    let raw: Vec<Captured> = stmt
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    conn.execute("DELETE FROM temp.tz_change", [])?;
    Ok(raw
        .into_iter()
        .map(|(tbl, op, row_id, old, new)| Change {
            old_map: parse(old.as_deref()),
            new_map: parse(new.as_deref()),
            tbl,
            op,
            row_id,
            old,
            new,
        })
        .collect())
}

pub(crate) fn parse(image: Option<&str>) -> Map<String, Value> {
    match image.map(serde_json::from_str::<Value>) {
        Some(Ok(Value::Object(m))) => m,
        _ => Map::new(),
    }
}

fn record(c: Change, units: &guard::RowUnits, stamp: &Stamp<'_>) -> Option<Record> {
    // The digest of the whole row after an update (whose record keeps only the fields that
    // changed). An insert's record keeps the whole row as `new`, which verify compares
    // with the row itself (since migration 0011; before, inserts carried its digest too).
    let row_digest = match c.op.as_str() {
        "update" => c.new.as_deref().map(|n| sm3_hex(n.as_bytes())),
        _ => None,
    };
    let unit_id = units.unit_after(&c).or_else(|| units.unit_before(&c));
    let (old, new) = match c.op.as_str() {
        "update" => {
            let keys = c.changed_keys();
            if keys.is_empty() {
                return None; // an update that changed nothing leaves no trace
            }
            let pick = |m: &Map<String, Value>| {
                let sub: HashMap<&str, &Value> = keys
                    .iter()
                    .map(|k| (*k, m.get(*k).unwrap_or(&Value::Null)))
                    .collect();
                Some(sorted_json(&sub))
            };
            (pick(&c.old_map), pick(&c.new_map))
        }
        _ => (c.old, c.new),
    };
    Some(Record::stamped(
        stamp,
        (c.op, c.tbl, c.row_id, unit_id),
        (old, new, row_digest),
    ))
}

fn sorted_json(m: &HashMap<&str, &Value>) -> String {
    let sorted: std::collections::BTreeMap<&str, &Value> =
        m.iter().map(|(k, v)| (*k, *v)).collect();
    serde_json::to_string(&sorted).unwrap_or_else(|_| "{}".into())
}

impl Record {
    /// A record of one change of a write, before it is chained (seq and hashes empty):
    /// `(op, table, row id, unit)` and `(old, new, row digest)`.
    pub fn stamped(
        stamp: &Stamp<'_>,
        (op, tbl, row_id, unit_id): (String, String, String, Option<String>),
        (old, new, row_digest): (Option<String>, Option<String>, Option<String>),
    ) -> Self {
        Self {
            seq: 0,
            at: stamp.at.to_string(),
            account: stamp.actor.name.clone(),
            display_name: stamp.actor.display_name.clone(),
            role: stamp.actor.role.code().to_string(),
            machine: stamp.machine.to_string(),
            op,
            tbl,
            row_id,
            unit_id,
            old,
            new,
            row_digest,
            reason: stamp.reason.to_string(),
            prev_hash: String::new(),
            hash: String::new(),
        }
    }
}
