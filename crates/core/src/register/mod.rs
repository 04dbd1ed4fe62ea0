//! 台账: the registers behind the numbers — enterprises, villages, their pairings and
//! cooperation projects (万企兴万村), and typed activity registers — and indicators
//! derived from them.

pub mod activity;
pub mod credit_code;
pub mod derive;
pub mod enterprise;
pub mod pairing;
pub mod project;
pub mod village;

use rusqlite::{Connection, Row, ToSql};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;
use crate::ledger::lookup_unit;
use crate::validate::fold_fullwidth;

/// One page of a long list, and how many rows match in all.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Page<T> {
    pub rows: Vec<T>,
    #[ts(type = "number")]
    pub total: u64,
}

/// A name as stored: trimmed, full-width folded, runs of spaces collapsed.
pub fn clean_name(s: &str) -> String {
    let folded: String = s.trim().chars().map(fold_fullwidth).collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The key duplicate detection compares: the clean name without any spaces, brackets
/// folded to ASCII and ASCII letters lower-cased.
pub fn name_key(s: &str) -> String {
    clean_name(s)
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

/// The ids of a unit and all its sub-units, as a JSON array for `json_each`.
pub fn subtree_json(conn: &Connection, unit: &str) -> Result<String> {
    let root = lookup_unit(conn, unit)?;
    let mut stmt = conn.prepare(
        "WITH RECURSIVE sub(id) AS (SELECT ?1 UNION ALL SELECT u.id FROM unit u JOIN sub ON u.parent_id = sub.id)
         SELECT json_group_array(id) FROM sub",
    )?;
    Ok(stmt.query_row([root.id], |r| r.get(0))?)
}

/// How a register is listed: `from` (tables and joins), the `columns` read over it, a
/// `WHERE …` condition with numbered parameters, and the order. `count_from` is the
/// smallest `FROM …` the condition needs, for counting.
pub(crate) struct Listing<'a> {
    pub from: &'a str,
    pub count_from: &'a str,
    pub columns: &'a str,
    pub cond: &'a str,
    pub order: &'a str,
}

impl Listing<'_> {
    /// One page: the rows matching the condition, counted, then read in order from
    /// `offset` (default 0), `limit` of them (default 100). Every register lists through here.
    pub(crate) fn page<T>(
        &self,
        conn: &Connection,
        params: &[&dyn ToSql],
        (limit, offset): (Option<u32>, Option<u32>),
        row: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Page<T>> {
        let Listing {
            from,
            count_from,
            columns,
            cond,
            order,
        } = self;
        let total: i64 = conn
            .prepare_cached(&format!("SELECT COUNT(*) {count_from} {cond}"))?
            .query_row(params, |r| r.get(0))?;
        // `?` after numbered parameters takes the next numbers: limit, then offset.
        let sql = format!("SELECT {columns} {from} {cond} ORDER BY {order} LIMIT ? OFFSET ?");
        let (limit, offset) = (limit.unwrap_or(100), offset.unwrap_or(0));
        let mut all: Vec<&dyn ToSql> = params.to_vec();
        all.extend([&limit as &dyn ToSql, &offset]);
        let rows = conn
            .prepare_cached(&sql)?
            .query_map(all.as_slice(), row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Page {
            rows,
            total: total as u64,
        })
    }
}
