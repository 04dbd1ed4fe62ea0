//! Settings a department head can change, such as the 稍慢 (slightly behind) threshold.

use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Ledger, Writer};
use crate::error::{LedgerError, Result};

/// The ledger's settings, kept in the `setting` table.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
pub struct Settings {
    /// Completed ≥ this share of the expected value counts as slightly behind rather than
    /// behind. Default 0.85.
    pub slightly_behind_threshold: f64,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            slightly_behind_threshold: 0.85,
        }
    }
}

impl Ledger {
    /// The ledger's settings, defaults where none was saved.
    pub fn settings(&self) -> Result<Settings> {
        read(self.conn())
    }
}

pub(crate) fn read(conn: &rusqlite::Connection) -> Result<Settings> {
    let mut s = Settings::default();
    let v: Option<String> = conn
        .query_row(
            "SELECT value FROM setting WHERE key = 'slightly_behind_threshold'",
            [],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(t) = v.and_then(|v| v.parse().ok()) {
        s.slightly_behind_threshold = t;
    }
    Ok(s)
}

impl Writer<'_> {
    /// Saves the settings, refusing a threshold outside (0, 1].
    pub fn set_settings(&mut self, s: Settings) -> Result<Settings> {
        let t = s.slightly_behind_threshold;
        if !(0.0..=1.0).contains(&t) || t == 0.0 {
            return Err(LedgerError::Invalid {
                field: "slightly_behind_threshold",
                problem: "应在 0 到 1 之间，例如 0.85".into(),
            });
        }
        self.tx.execute(
            "INSERT INTO setting (key, value, updated_at, updated_by) VALUES ('slightly_behind_threshold', ?1, ?2, ?3)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by",
            rusqlite::params![t.to_string(), self.now, self.actor.name],
        )?;
        read(self.conn())
    }
}
