//! The roll-up `entry_rollup` (migration 0012) against the entries it is derived from:
//! `check_rollup` recomputes it and names the first (indicator, unit, year) that differs,
//! `rebuild_rollup` makes it again from the entries inside one write. Triggers keep it in
//! step on every write; these are for a file someone changed past them (a table rebuilt by
//! hand, a trigger dropped).

use std::collections::BTreeMap;

use rusqlite::Connection;
use serde::Serialize;

use crate::error::Result;
use crate::ledger::Ledger;
use crate::model::Actor;

/// The entries summed per indicator, year and unit, as the roll-up keeps them.
const FROM_ENTRIES: &str = "SELECT indicator_id, CAST(substr(occurred_on, 1, 4) AS INTEGER),
        unit_id, SUM(value), COUNT(*)
    FROM progress_entry GROUP BY 1, 2, 3";

/// A total kept by adding and taking away values drifts from the one summed afresh by
/// rounding alone; a difference above this share (or 1e-6 near zero) is a wrong roll-up.
const TOLERANCE: f64 = 1e-9;

/// One (indicator, unit, year) whose roll-up is not its entries' sum.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RollupDifference {
    /// The indicator's UUID.
    pub indicator_id: String,
    /// The indicator's code, when it exists.
    pub indicator_code: String,
    /// The unit's UUID.
    pub unit_id: String,
    /// The unit's name, when it exists.
    pub unit: String,
    /// The year of the entries.
    pub year: i32,
    /// (total, count) in the roll-up; None when it has no row.
    pub rollup: Option<(f64, i64)>,
    /// (total, count) of the entries; None when there are none.
    pub entries: Option<(f64, i64)>,
}

/// What `check_rollup` found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RollupCheck {
    /// Rows (indicator, year, unit) the entries give.
    pub rows: u64,
    /// How many of them, and of the roll-up's own, differ.
    pub differences: u64,
    /// The first difference in (indicator, year, unit) order.
    pub first: Option<RollupDifference>,
}

impl RollupCheck {
    /// Whether the roll-up equals the entries' sums.
    pub fn ok(&self) -> bool {
        self.differences == 0
    }
}

type Key = (String, i32, String);

fn read(conn: &Connection, sql: &str) -> Result<BTreeMap<Key, (f64, i64)>> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map([], |r| {
        Ok(((r.get(0)?, r.get(1)?, r.get(2)?), (r.get(3)?, r.get(4)?)))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn same(a: Option<&(f64, i64)>, b: Option<&(f64, i64)>) -> bool {
    match (a, b) {
        (Some((ta, na)), Some((tb, nb))) => {
            na == nb && (ta - tb).abs() <= (TOLERANCE * tb.abs()).max(1e-6)
        }
        (None, None) => true,
        _ => false,
    }
}

/// Compares the roll-up with the entries' sums.
pub fn check(conn: &Connection) -> Result<RollupCheck> {
    let entries = read(conn, FROM_ENTRIES)?;
    let rollup = read(
        conn,
        "SELECT indicator_id, year, unit_id, total, n FROM entry_rollup",
    )?;
    let mut differences = 0;
    let mut first: Option<Key> = None;
    let keys: std::collections::BTreeSet<&Key> = entries.keys().chain(rollup.keys()).collect();
    for key in keys {
        if !same(rollup.get(key), entries.get(key)) {
            differences += 1;
            first.get_or_insert_with(|| key.clone());
        }
    }
    let first = match first {
        Some(key) => {
            let name = |sql: &str, id: &str| -> String {
                conn.query_row(sql, [id], |r| r.get(0)).unwrap_or_default()
            };
            Some(RollupDifference {
                indicator_code: name("SELECT code FROM indicator WHERE id = ?1", &key.0),
                unit: name("SELECT name FROM unit WHERE id = ?1", &key.2),
                rollup: rollup.get(&key).copied(),
                entries: entries.get(&key).copied(),
                indicator_id: key.0,
                year: key.1,
                unit_id: key.2,
            })
        }
        None => None,
    };
    Ok(RollupCheck {
        rows: entries.len() as u64,
        differences,
        first,
    })
}

/// Makes the roll-up again from the entries; returns its rows.
pub fn rebuild(conn: &Connection) -> Result<u64> {
    conn.execute("DELETE FROM entry_rollup", [])?;
    let rows = conn.execute(
        &format!("INSERT INTO entry_rollup (indicator_id, year, unit_id, total, n) {FROM_ENTRIES}"),
        [],
    )?;
    Ok(rows as u64)
}

impl Ledger {
    /// Compares the roll-up of the entries (`entry_rollup`) with the entries themselves.
    pub fn check_rollup(&self) -> Result<RollupCheck> {
        self.read_scope()?;
        check(self.conn())
    }

    /// Makes the roll-up again from the entries, in one write; returns its rows.
    pub fn rebuild_rollup(&mut self, actor: &Actor) -> Result<u64> {
        self.write(actor, |w| rebuild(w.conn()))
    }
}
