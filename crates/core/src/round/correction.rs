//! 更正: a reviewer's correction of a reported value. The entry takes the corrected value
//! (so every figure uses it) and a `correction` row keeps what was reported, the
//! corrected value, why, who and when: "as reported 12 / as corrected 10".

use std::collections::HashMap;

use rusqlite::{OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::steps::reason_text;
use crate::error::{LedgerError, Result};
use crate::ledger::{new_id, Ledger, Writer};
use crate::model::{Entry, EntryChange};

/// A reviewer's correction of a reported entry's value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Correction {
    /// The correction's UUID.
    pub id: String,
    /// The UUID of the entry corrected.
    pub entry_id: String,
    /// The value before this correction (for the first one: as the unit reported it).
    pub reported: f64,
    /// The value after this correction.
    pub corrected: f64,
    /// Why the reviewer corrected it.
    pub reason: String,
    /// When the correction was made.
    pub at: String,
    /// Who made it.
    pub by: String,
}

/// An entry as corrected and the correction just made.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CorrectedEntry {
    /// The entry with its corrected value.
    pub entry: Entry,
    /// The correction just made.
    pub correction: Correction,
}

fn row(r: &Row<'_>) -> rusqlite::Result<Correction> {
    Ok(Correction {
        id: r.get(0)?,
        entry_id: r.get(1)?,
        reported: r.get(2)?,
        corrected: r.get(3)?,
        reason: r.get(4)?,
        at: r.get(5)?,
        by: r.get(6)?,
    })
}

const SELECT: &str =
    "SELECT id, entry_id, reported, corrected, reason, created_at, created_by FROM correction";

impl Ledger {
    /// The corrections of the given entries, oldest first per entry.
    pub fn corrections(&self, entry_ids: &[String]) -> Result<HashMap<String, Vec<Correction>>> {
        let mut out: HashMap<String, Vec<Correction>> = HashMap::new();
        let mut stmt = self.conn().prepare_cached(&format!(
            "{SELECT} WHERE entry_id = ?1 ORDER BY created_at, rowid"
        ))?;
        for id in entry_ids {
            let list: Vec<Correction> = stmt
                .query_map([id], row)?
                .collect::<rusqlite::Result<_>>()?;
            if !list.is_empty() {
                out.insert(id.clone(), list);
            }
        }
        Ok(out)
    }
}

impl Writer<'_> {
    /// Corrects an entry's value with a reason. Refused in a locked period (the entry's own
    /// update path checks) and when the value does not change.
    pub fn correct_entry(
        &mut self,
        entry_id: &str,
        value: f64,
        reason: &str,
    ) -> Result<CorrectedEntry> {
        self.require_reviewer("更正报送的数")?;
        let reason = reason_text("correction_reason", reason)?;
        let before = self.entry_by_id(entry_id)?;
        // A reviewer writes no entries of its own; a correction within its scope it may.
        self.reviewer_correcting = true;
        if (before.value - value).abs() < 1e-12 {
            return Err(LedgerError::Invalid {
                field: "value",
                problem: format!("与原值 {} 相同，无需更正", before.value),
            });
        }
        let after = self.update_entry(
            &before.id,
            EntryChange {
                value: Some(value),
                ..EntryChange::default()
            },
        )?;
        let id = new_id();
        self.conn().execute(
            "INSERT INTO correction (id, entry_id, reported, corrected, reason, created_at, created_by, updated_at, updated_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?6, ?7)",
            rusqlite::params![id, after.id, before.value, after.value, reason, self.now(), self.actor().name],
        )?;
        self.correction_event(&after, before.value, &reason)?;
        let correction = self
            .conn()
            .query_row(&format!("{SELECT} WHERE id = ?1"), [&id], row)?;
        Ok(CorrectedEntry {
            entry: after,
            correction,
        })
    }

    /// The correction in the history of the round covering the entry, when there is one.
    fn correction_event(&mut self, e: &Entry, reported: f64, reason: &str) -> Result<()> {
        let round: Option<String> = self
            .conn()
            .query_row(
                "SELECT r.id FROM round r JOIN round_unit x ON x.round_id = r.id AND x.unit_id = ?2
                 WHERE r.period_start <= ?1 AND r.period_end >= ?1 ORDER BY r.period_start DESC LIMIT 1",
                rusqlite::params![e.occurred_on, e.unit_id],
                |r| r.get(0),
            )
            .optional()?;
        let Some(round) = round else {
            return Ok(());
        };
        let code: String = self.conn().query_row(
            "SELECT code FROM indicator WHERE id = ?1",
            [&e.indicator_id],
            |r| r.get(0),
        )?;
        let text = format!("{code} {reported} → {}：{reason}", e.value);
        self.round_event(&round, Some(&e.unit_id), "correct", &text)
    }
}
