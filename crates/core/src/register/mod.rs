//! 台账: the registers behind the numbers — enterprises, villages, their pairings and
//! cooperation projects (万企兴万村), and typed activity registers — and indicators
//! derived from them.

pub mod activity;
pub mod credit_code;
pub mod derive;
pub mod derive_units;
pub mod enterprise;
mod listing;
pub mod pairing;
pub mod project;
pub mod village;

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;
use crate::ledger::lookup_unit;
use crate::validate::fold_fullwidth;

pub(crate) use listing::Listing;

/// One page of a long list, and how many rows match in all.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Page<T> {
    /// The page's rows, in the listing's order.
    pub rows: Vec<T>,
    /// How many rows match the filter in all pages.
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

/// A village's (and an enterprise's) county is a county or a zone (功能区): not the city,
/// not a department.
pub(crate) fn require_county(unit: &crate::model::Unit, field: &'static str) -> Result<()> {
    use crate::model::UnitKind;
    if matches!(unit.kind, UnitKind::County | UnitKind::Zone) {
        return Ok(());
    }
    Err(crate::error::LedgerError::NotACounty {
        field,
        unit: unit.name.clone(),
        kind: unit.kind.label_zh(),
    })
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
