//! The returns in the ledger (table `unit_return`, one per unit and period) and the
//! entries each wrote (`unit_return_entry`): reading them, telling whether a new version
//! changes anything, and replacing a version in the one transaction of the import (the
//! replaced entries' evidence handed over to the new ones).

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, Row};

use super::compute::{EntryToWrite, LagToWrite};
use super::types::{HeldReturn, ReturnSource};
use crate::error::Result;
use crate::evidence::{move_evidence, AttachedTo, EvidenceTarget};
use crate::ledger::{Ledger, Writer};
use crate::progress::round_to;

const SELECT: &str = "SELECT r.id, r.unit_id, r.period, r.round_id, r.source, r.file_name,
        r.file_sha256, r.imported_at, r.imported_by,
        (SELECT COUNT(*) FROM unit_return_entry e WHERE e.return_id = r.id),
        (SELECT v.id FROM evidence v WHERE v.attached_to = 'unit_return' AND v.attached_id = r.id
            AND v.sha256 = r.file_sha256 AND v.removed_at IS NULL ORDER BY v.added_at DESC LIMIT 1)
    FROM unit_return r";

fn row(r: &Row<'_>) -> rusqlite::Result<HeldReturn> {
    Ok(HeldReturn {
        id: r.get(0)?,
        unit_id: r.get(1)?,
        period: r.get(2)?,
        round_id: r.get(3)?,
        source: r.get(4)?,
        file_name: r.get(5)?,
        file_sha256: r.get(6)?,
        imported_at: r.get(7)?,
        imported_by: r.get(8)?,
        entries: r.get(9)?,
        original_id: r.get(10)?,
    })
}

/// The unit's return for the period (`2024Q3`), if one came in.
pub(crate) fn held(conn: &Connection, unit_id: &str, period: &str) -> Result<Option<HeldReturn>> {
    Ok(conn
        .prepare_cached(&format!("{SELECT} WHERE r.unit_id = ?1 AND r.period = ?2"))?
        .query_row((unit_id, period), row)
        .optional()?)
}

impl Ledger {
    /// Every return that came in for a period (`2024Q3`), by unit.
    pub fn unit_returns(&self, period: &str) -> Result<Vec<HeldReturn>> {
        let sql = format!(
            "{SELECT} JOIN unit u ON u.id = r.unit_id WHERE r.period = ?1 ORDER BY u.sort_order, u.code"
        );
        let mut stmt = self.conn().prepare(&sql)?;
        let out = stmt
            .query_map([period], row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(out)
    }
}

/// (entry id, indicator id, value, note) of the entries a return wrote.
pub(crate) fn entries(
    conn: &Connection,
    return_id: &str,
) -> Result<Vec<(String, String, f64, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.id, p.indicator_id, p.value, p.note FROM unit_return_entry e
         JOIN progress_entry p ON p.id = e.entry_id WHERE e.return_id = ?1",
    )?;
    let out = stmt
        .query_map([return_id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(out)
}

/// Per indicator, what the return wrote.
pub(crate) fn own_sums(
    conn: &Connection,
    held: Option<&HeldReturn>,
) -> Result<HashMap<String, f64>> {
    let mut out = HashMap::new();
    if let Some(h) = held {
        for (_, ind, v, _) in entries(conn, &h.id)? {
            *out.entry(ind).or_insert(0.0) += v;
        }
    }
    Ok(out)
}

/// True when the held version already has exactly these entries and lag notes.
pub(crate) fn unchanged(
    conn: &Connection,
    held: &HeldReturn,
    unit_id: &str,
    quarter: &str,
    new: &[EntryToWrite],
    notes: &[LagToWrite],
) -> Result<bool> {
    let key = |ind: &str, v: f64, d: u8, note: &str| format!("{ind}|{}|{note}", round_to(v, d));
    let decimals: HashMap<&str, u8> = new
        .iter()
        .map(|e| (e.indicator_id.as_str(), e.decimals))
        .collect();
    let mut old: Vec<String> = entries(conn, &held.id)?
        .iter()
        .map(|(_, ind, v, note)| {
            key(
                ind,
                *v,
                decimals.get(ind.as_str()).copied().unwrap_or(6),
                note,
            )
        })
        .collect();
    let mut now: Vec<String> = new
        .iter()
        .map(|e| key(&e.indicator_id, e.value, e.decimals, &e.note))
        .collect();
    old.sort();
    now.sort();
    if old != now {
        return Ok(false);
    }
    let mut stmt = conn.prepare_cached(
        "SELECT reason, measures FROM lag_note WHERE indicator_id = ?1 AND unit_id = ?2 AND quarter = ?3",
    )?;
    for n in notes {
        let found: Option<(String, String)> = stmt
            .query_row((&n.indicator_id, unit_id, quarter), |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?;
        if found.as_ref().map(|(r, m)| (r.trim(), m.trim()))
            != Some((n.reason.trim(), n.measures.trim()))
        {
            return Ok(false);
        }
    }
    Ok(true)
}

/// What identifies the version being written.
pub(crate) struct Version<'a> {
    pub unit_id: &'a str,
    pub period: &'a str,
    pub round_id: Option<&'a str>,
    pub source: ReturnSource,
    pub file_name: &'a str,
    pub file_sha256: &'a str,
}

/// Writes the return's row (new, or the held one updated); returns its id and how many
/// entries of the earlier version were removed.
pub(crate) fn replace(
    w: &mut Writer<'_>,
    held: Option<&HeldReturn>,
    v: &Version<'_>,
) -> Result<(String, u32)> {
    let (now, actor) = (w.now().to_string(), w.actor().name.clone());
    let Some(h) = held else {
        let id = w.id_for(|| format!("unit_return/{}/{}", v.unit_id, v.period));
        w.conn().execute(
            "INSERT INTO unit_return (id, unit_id, period, round_id, source, file_name, file_sha256,
                 imported_at, imported_by, created_at, created_by, updated_at, updated_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?8, ?9, ?8, ?9)",
            rusqlite::params![id, v.unit_id, v.period, v.round_id, v.source.as_str(), v.file_name, v.file_sha256, now, actor],
        )?;
        return Ok((id, 0));
    };
    let old = entries(w.conn(), &h.id)?;
    for (entry_id, ..) in &old {
        w.delete_entry(entry_id)?;
    }
    w.conn().execute(
        "UPDATE unit_return SET round_id = ?2, source = ?3, file_name = ?4, file_sha256 = ?5,
             imported_at = ?6, imported_by = ?7, updated_at = ?6, updated_by = ?7 WHERE id = ?1",
        rusqlite::params![
            h.id,
            v.round_id,
            v.source.as_str(),
            v.file_name,
            v.file_sha256,
            now,
            actor
        ],
    )?;
    Ok((h.id.clone(), old.len() as u32))
}

/// Links an entry to its return.
pub(crate) fn link(w: &Writer<'_>, return_id: &str, entry_id: &str) -> Result<()> {
    w.conn()
        .prepare_cached("INSERT INTO unit_return_entry (entry_id, return_id) VALUES (?1, ?2)")?
        .execute((entry_id, return_id))?;
    Ok(())
}

/// Hands the evidence of a replaced version's entries (`earlier`) over to the new entry of
/// the same indicator (`written`: indicator id → entry id), else to the return itself, so
/// that no attachment is left on an entry that is gone. Returns how many moved.
pub(crate) fn hand_over_evidence(
    w: &Writer<'_>,
    return_id: &str,
    earlier: &[(String, String, f64, String)],
    written: &HashMap<String, String>,
) -> Result<u32> {
    let target = |kind, id: &str| EvidenceTarget {
        kind,
        id: id.to_string(),
    };
    let mut moved = 0;
    for (entry_id, indicator_id, ..) in earlier {
        let to = match written.get(indicator_id) {
            Some(new_id) => target(AttachedTo::Entry, new_id),
            None => target(AttachedTo::UnitReturn, return_id),
        };
        moved += move_evidence(w, &target(AttachedTo::Entry, entry_id), &to)?;
    }
    Ok(moved)
}
