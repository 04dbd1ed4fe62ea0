//! The manifest of a package (manifest.json): who sent it to whom, its sequence number, the
//! schema version, when, the counts per table, the sender's public key and the SM3 digest
//! of the changeset. The signature covers these bytes exactly as stored.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::changeset::TableCounts;

/// The format tag every package's manifest carries.
pub const FORMAT: &str = "taizhang-exchange/1";

/// One end of an exchange.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Party {
    /// `city` or `unit`.
    pub role: String,
    /// The unit of a unit installation; None for the city.
    pub unit_id: Option<String>,
    /// Its name as the sender knew it (for messages; the id decides).
    pub name: String,
}

/// A package's manifest (manifest.json), which the sender's signature covers.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Manifest {
    /// The format tag, [`FORMAT`] for this version.
    pub format: String,
    /// The end that made the package.
    pub from: Party,
    /// The end the package is for.
    pub to: Party,
    /// 1, 2, 3 … per direction of the pair; 1 is the city's bootstrap package.
    pub seq: i64,
    /// The sender's schema version, which must be the receiver's.
    pub schema_version: i64,
    /// When the sender wrote the package.
    pub made_at: String,
    /// Whether this is the city's bootstrap package (初始包) that makes a unit's ledger.
    pub bootstrap: bool,
    /// Inserts, updates and deletes per table.
    pub counts: BTreeMap<String, TableCounts>,
    /// The sender's SM2 public key, SEC1 uncompressed, hex.
    pub sender_key: String,
    /// SM3 of changeset.bin, hex.
    pub changeset_sm3: String,
}

impl Manifest {
    /// The unit installation of the pair: the sender's unit going up, the receiver's down.
    pub fn channel(&self) -> Option<&str> {
        self.from.unit_id.as_deref().or(self.to.unit_id.as_deref())
    }

    /// How many row changes the package carries, all tables together.
    pub fn changes(&self) -> u64 {
        self.counts
            .values()
            .map(|c| c.insert + c.update + c.delete)
            .sum()
    }
}

impl Party {
    /// The city's end, by its name.
    pub fn city(name: &str) -> Self {
        Self {
            role: "city".into(),
            unit_id: None,
            name: name.to_string(),
        }
    }
    /// A unit installation's end, by its unit's id and name.
    pub fn unit(id: &str, name: &str) -> Self {
        Self {
            role: "unit".into(),
            unit_id: Some(id.to_string()),
            name: name.to_string(),
        }
    }
    /// 「市里」 or the unit's name.
    pub fn label(&self) -> String {
        if self.role == "city" {
            format!("市级台账（{}）", self.name)
        } else {
            self.name.clone()
        }
    }
}
