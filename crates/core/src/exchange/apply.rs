//! Applying a received changeset to the ledger inside the write's transaction, with a
//! conflict handler: a row both sides changed keeps the owner's version (the sender's for
//! rows it owns, ours otherwise) and both versions are recorded; a row that already holds
//! the sender's values is no conflict (a change that came back, a package sent twice).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use rusqlite::session::{ChangesetItem, ConflictAction, ConflictType};
use rusqlite::Connection;
use serde_json::{Map, Value};

use super::changeset::json_of;
use super::ExchangeError;
use crate::error::Result;

/// A row that was not simply applied.
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
#[ts(rename = "ExchangeConflict")]
pub struct Conflict {
    /// Its row in `exchange_conflict` (empty until recorded).
    pub id: String,
    /// `conflict` (both changed it), `outside` (another unit's row: listed, not applied),
    /// `refused` (a constraint of this ledger refused it).
    pub kind: String,
    /// The table of the row.
    pub table: String,
    /// The row's id.
    pub row_id: String,
    /// The unit the row belongs to, when it has one.
    pub unit_id: Option<String>,
    /// This ledger's row (JSON object) before the package, None when absent.
    #[ts(type = "unknown")]
    pub ours: Option<Value>,
    /// The sender's version (the changed columns of an update), None when it deleted the row.
    #[ts(type = "unknown")]
    pub theirs: Option<Value>,
    /// `ours` or `theirs`: whose version the ledger holds now.
    pub stands: String,
    /// Why the row is listed, in Chinese.
    pub detail: String,
}

/// Applies `changeset` on `conn` (the write's transaction) to the tables in `tables`;
/// `theirs_stands(table)` says whether the sender owns a table's rows here.
pub fn apply(
    conn: &Connection,
    changeset: &[u8],
    tables: Vec<&'static str>,
    theirs_stands: impl Fn(&str) -> bool + Send + 'static,
) -> Result<Vec<Conflict>> {
    let columns = column_names(conn, &tables)?;
    let found: Arc<Mutex<Vec<Conflict>>> = Arc::default();
    let missing_reference: Arc<Mutex<bool>> = Arc::default();
    let (sink, fk) = (found.clone(), missing_reference.clone());
    let mut input: &[u8] = changeset;
    let outcome = conn.apply_strm(
        &mut input,
        Some(move |table: &str| tables.contains(&table)),
        move |kind, item| {
            if kind == ConflictType::SQLITE_CHANGESET_FOREIGN_KEY {
                *fk.lock().unwrap_or_else(|p| p.into_inner()) = true;
                return ConflictAction::SQLITE_CHANGESET_ABORT;
            }
            let (action, conflict) = decide(kind, &item, &columns, &theirs_stands);
            if let Some(c) = conflict {
                sink.lock().unwrap_or_else(|p| p.into_inner()).push(c);
            }
            action
        },
    );
    if *missing_reference.lock().unwrap_or_else(|p| p.into_inner()) {
        return Err(ExchangeError::MissingReference("外键".into()).into());
    }
    outcome?;
    let out = found.lock().unwrap_or_else(|p| p.into_inner()).clone();
    Ok(out)
}

fn decide(
    kind: ConflictType,
    item: &ChangesetItem,
    columns: &HashMap<String, Vec<String>>,
    theirs_stands: &dyn Fn(&str) -> bool,
) -> (ConflictAction, Option<Conflict>) {
    use rusqlite::hooks::Action;
    let Ok(op) = item.op() else {
        return (ConflictAction::SQLITE_CHANGESET_ABORT, None);
    };
    let table = op.table_name().to_string();
    let code = op.code();
    let n = op.number_of_columns() as usize;
    let names = columns.get(&table).cloned().unwrap_or_default();
    let name = |i: usize| names.get(i).cloned().unwrap_or_else(|| format!("c{i}"));
    let object = |get: &dyn Fn(usize) -> Option<Value>| -> Map<String, Value> {
        (0..n)
            .filter_map(|i| get(i).map(|v| (name(i), v)))
            .collect()
    };
    let theirs = match code {
        Action::SQLITE_DELETE => None,
        _ => Some(object(&|i| item.new_value(i).ok().map(json_of))),
    };
    let key_of = |m: &Map<String, Value>| -> String {
        match m.get(names.first().map(String::as_str).unwrap_or("id")) {
            Some(Value::String(s)) => s.clone(),
            Some(v) => v.to_string(),
            None => String::new(),
        }
    };
    let old = object(&|i| item.old_value(i).ok().map(json_of));
    let row_id = theirs
        .as_ref()
        .map(&key_of)
        .filter(|k| !k.is_empty())
        .unwrap_or_else(|| key_of(&old));
    let mut conflict = Conflict {
        id: String::new(),
        kind: "conflict".into(),
        table: table.clone(),
        row_id,
        unit_id: None,
        ours: None,
        theirs: theirs.clone().map(Value::Object),
        stands: "ours".into(),
        detail: String::new(),
    };
    match kind {
        ConflictType::SQLITE_CHANGESET_DATA | ConflictType::SQLITE_CHANGESET_CONFLICT => {
            let ours = object(&|i| item.conflict(i).ok().map(json_of));
            let already = match &theirs {
                Some(t) => t.iter().all(|(k, v)| ours.get(k) == Some(v)),
                None => false,
            };
            if already {
                return (ConflictAction::SQLITE_CHANGESET_OMIT, None);
            }
            conflict.unit_id = unit_in(&ours).or_else(|| theirs.as_ref().and_then(unit_in));
            conflict.ours = Some(Value::Object(ours));
            if theirs_stands(&table) {
                conflict.stands = "theirs".into();
                (ConflictAction::SQLITE_CHANGESET_REPLACE, Some(conflict))
            } else {
                (ConflictAction::SQLITE_CHANGESET_OMIT, Some(conflict))
            }
        }
        ConflictType::SQLITE_CHANGESET_NOTFOUND => {
            // Deleted here: an update of it is kept as a conflict, a delete is nothing.
            if code == Action::SQLITE_DELETE {
                return (ConflictAction::SQLITE_CHANGESET_OMIT, None);
            }
            conflict.detail = "本台账已删除此行".into();
            conflict.unit_id = theirs.as_ref().and_then(unit_in).or_else(|| unit_in(&old));
            (ConflictAction::SQLITE_CHANGESET_OMIT, Some(conflict))
        }
        _ => {
            conflict.kind = "refused".into();
            conflict.detail = "与本台账的约束冲突（如编码重复）".into();
            conflict.unit_id = theirs.as_ref().and_then(unit_in).or_else(|| unit_in(&old));
            (ConflictAction::SQLITE_CHANGESET_OMIT, Some(conflict))
        }
    }
}

fn unit_in(m: &Map<String, Value>) -> Option<String> {
    ["unit_id", "county_id"]
        .iter()
        .find_map(|k| m.get(*k).and_then(Value::as_str).map(str::to_string))
}

/// Column names of each table, in order.
pub fn column_names(conn: &Connection, tables: &[&str]) -> Result<HashMap<String, Vec<String>>> {
    let mut out = HashMap::new();
    for t in tables {
        let mut stmt = conn.prepare(&format!("PRAGMA main.table_info(\"{t}\")"))?;
        let cols = stmt
            .query_map([], |r| r.get::<_, String>(1))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        out.insert(t.to_string(), cols);
    }
    Ok(out)
}

/// Records each conflict of package `package_id`.
pub fn record(
    conn: &Connection,
    package_id: &str,
    conflicts: &[Conflict],
    now: &str,
    by: &str,
) -> Result<()> {
    let mut stmt = conn.prepare(
        "INSERT INTO exchange_conflict(id, package_id, kind, tbl, row_id, unit_id, ours, theirs, stands, detail,
           created_at, created_by, updated_at, updated_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?11, ?12)",
    )?;
    for c in conflicts {
        let id = if c.id.is_empty() {
            crate::ledger::new_id()
        } else {
            c.id.clone()
        };
        stmt.execute(rusqlite::params![
            id,
            package_id,
            c.kind,
            c.table,
            c.row_id,
            c.unit_id,
            c.ours.as_ref().map(Value::to_string),
            c.theirs.as_ref().map(Value::to_string),
            c.stands,
            c.detail,
            now,
            by,
        ])?;
    }
    Ok(())
}
