//! Which changes of a unit's package the city applies: only rows of tables a unit sends,
//! inside the sender's subtree (before and after the change). The rest is listed, not
//! applied. An enterprise may be registered by any unit (a county pairs with an enterprise
//! of another), but changed only by its county's subtree — as the permission table says.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension};
use serde_json::{Map, Value};

use super::apply::Conflict;
use super::changeset::{Change, Op};
use super::tables;
use crate::auth::Scope;
use crate::error::Result;

/// For each change, whether the city applies it; the ones it does not, as listed rows.
pub fn check(
    conn: &Connection,
    changes: &[Change],
    sender: &Scope,
    columns: &HashMap<String, Vec<String>>,
) -> Result<(Vec<bool>, Vec<Conflict>)> {
    // Units of parents this package itself brings (a new pairing and its projects).
    let mut parents: HashMap<(String, String), Option<String>> = HashMap::new();
    for c in changes {
        if matches!(c.table.as_str(), "pairing" | "unit_return") {
            let m = image(c, columns, true);
            parents.insert((c.table.clone(), c.key.clone()), str_of(m.get("unit_id")));
        }
    }
    let mut keep = Vec::with_capacity(changes.len());
    let mut listed = Vec::new();
    for c in changes {
        let Some(t) = tables::find(&c.table).filter(|t| t.up) else {
            keep.push(false);
            listed.push(outside(c, columns, None, "单位台账不能发送此类数据"));
            continue;
        };
        // The row here: None when absent, Some(None) when it has no unit (a city-level
        // round event, an enterprise without a county).
        let current: Option<Option<String>> = match t.unit_sql() {
            Some(sql) => conn
                .query_row(&sql, [&c.key], |r| r.get::<_, Option<String>>(0))
                .optional()?,
            None => None,
        };
        let before = current.clone().flatten();
        let after_image = image(c, columns, false);
        let after = match c.table.as_str() {
            "coop_project" => {
                parent_unit(conn, &parents, "pairing", after_image.get("pairing_id"))?
            }
            "unit_return_entry" => {
                parent_unit(conn, &parents, "unit_return", after_image.get("return_id"))?
            }
            _ => {
                str_of(after_image.get("unit_id")).or_else(|| str_of(after_image.get("county_id")))
            }
        };
        // A row without a unit is the city's, except an enterprise without a county
        // (inside every scope, as guard.rs has it).
        let enterprise = c.table == "enterprise";
        let inside = |u: &Option<String>| match u {
            Some(_) => sender.contains(u.as_deref()),
            None => enterprise,
        };
        let held_inside = match &current {
            None => true, // not here: nothing of the city's to change (an insert makes it)
            Some(unit) => inside(unit),
        };
        let ok = match c.op {
            Op::Insert => (enterprise || inside(&after)) && held_inside,
            Op::Delete => held_inside,
            Op::Update => held_inside && (after.is_none() || inside(&after)),
        };
        if !ok {
            keep.push(false);
            let unit = if inside(&before) { after } else { before };
            listed.push(outside(c, columns, unit, "不属于发送单位的数据，未导入"));
            continue;
        }
        match locked_round(conn, c, columns)? {
            None => keep.push(true),
            Some(label) => {
                keep.push(false);
                let mut row = outside(
                    c,
                    columns,
                    after.or(before),
                    &format!("所在期间（{label}）已锁定，未导入"),
                );
                row.kind = "refused".into();
                listed.push(row);
            }
        }
    }
    Ok((keep, listed))
}

/// The dated tables a lock covers, and their date column.
pub(super) const DATED: &[(&str, &str)] = &[
    ("progress_entry", "occurred_on"),
    ("pairing", "signed_on"),
    ("coop_project", "agreed_on"),
    ("register_row", "occurred_on"),
];

/// The locked round covering the change's date (before, after, or the row's date here),
/// as the ledger's own write paths refuse it (`Writer::ensure_open`).
fn locked_round(
    conn: &Connection,
    c: &Change,
    columns: &HashMap<String, Vec<String>>,
) -> Result<Option<String>> {
    let Some((_, col)) = DATED.iter().find(|(t, _)| *t == c.table) else {
        return Ok(None);
    };
    let i = columns
        .get(&c.table)
        .and_then(|names| names.iter().position(|n| n == col));
    let mut dates: Vec<String> = i
        .into_iter()
        .flat_map(|i| {
            [
                c.old.get(i).cloned().flatten(),
                c.new.get(i).cloned().flatten(),
            ]
        })
        .flatten()
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect();
    let here: Option<String> = conn
        .query_row(
            &format!("SELECT \"{col}\" FROM main.\"{}\" WHERE id = ?1", c.table),
            [&c.key],
            |r| r.get(0),
        )
        .optional()?;
    dates.extend(here);
    for date in dates {
        let label: Option<String> = conn
            .query_row(
                "SELECT label FROM round WHERE locked_on IS NOT NULL AND period_start <= ?1 AND period_end >= ?1 LIMIT 1",
                [&date],
                |r| r.get(0),
            )
            .optional()?;
        if label.is_some() {
            return Ok(label);
        }
    }
    Ok(None)
}

fn parent_unit(
    conn: &Connection,
    parents: &HashMap<(String, String), Option<String>>,
    table: &str,
    id: Option<&Value>,
) -> Result<Option<String>> {
    let Some(id) = str_of(id) else {
        return Ok(None);
    };
    if let Some(u) = parents.get(&(table.to_string(), id.clone())) {
        return Ok(u.clone());
    }
    Ok(conn
        .query_row(
            &format!("SELECT unit_id FROM main.\"{table}\" WHERE id = ?1"),
            [&id],
            |r| r.get::<_, Option<String>>(0),
        )
        .optional()?
        .flatten())
}

/// The change's values as an object: after it (else before it when `or_before`), by name.
fn image(
    c: &Change,
    columns: &HashMap<String, Vec<String>>,
    or_before: bool,
) -> Map<String, Value> {
    let names = columns.get(&c.table).cloned().unwrap_or_default();
    names
        .iter()
        .enumerate()
        .filter_map(|(i, n)| {
            let v = c.new.get(i).cloned().flatten();
            let v = if or_before {
                v.or_else(|| c.old.get(i).cloned().flatten())
            } else {
                v
            };
            v.map(|v| (n.clone(), v))
        })
        .collect()
}

fn outside(
    c: &Change,
    columns: &HashMap<String, Vec<String>>,
    unit: Option<String>,
    detail: &str,
) -> Conflict {
    let theirs = image(c, columns, false);
    Conflict {
        id: String::new(),
        kind: "outside".into(),
        table: c.table.clone(),
        row_id: c.key.clone(),
        unit_id: unit,
        ours: None,
        theirs: (c.op != Op::Delete).then_some(Value::Object(theirs)),
        stands: "ours".into(),
        detail: detail.into(),
    }
}

fn str_of(v: Option<&Value>) -> Option<String> {
    v.and_then(Value::as_str).map(str::to_string)
}
