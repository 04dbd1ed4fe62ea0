//! Packages made by hand: one forged with a county's own key (as a tampered ledger would
//! make it), one with a byte flipped.

use std::path::{Path, PathBuf};

use taizhang_core::exchange::{self, Manifest, Party, Signer, TableCounts};
use tempfile::TempDir;

use super::support::Site;

impl Site {
    /// A package signed with this county's key (as a tampered ledger would make it) that
    /// inserts one entry of its own and one of `other_unit`'s.
    pub fn forge_up(&mut self, dir: &TempDir, other_unit: &str, indicator: &str) -> PathBuf {
        let own_unit: String = self.query("SELECT unit_id FROM exchange_installation");
        let seq: i64 = self.query(
            "SELECT COALESCE(MAX(seq), 0) + 1 FROM exchange_package WHERE direction = 'sent'",
        );
        let shape: String =
            self.query("SELECT sql FROM sqlite_master WHERE name = 'progress_entry'");
        let scratch = rusqlite::Connection::open_in_memory().unwrap();
        scratch.execute_batch("PRAGMA foreign_keys = OFF").unwrap();
        scratch.execute_batch(&shape).unwrap();
        let mut session = rusqlite::session::Session::new(&scratch).unwrap();
        session.attach::<&str>(None).unwrap();
        for (id, unit) in [
            ("forged-own", own_unit.as_str()),
            ("forged-other", other_unit),
        ] {
            scratch
                .execute(
                    "INSERT INTO progress_entry(id, indicator_id, unit_id, occurred_on, value, note, is_sample,
                       created_at, created_by, updated_at, updated_by)
                     VALUES (?1, ?2, ?3, '2024-06-20', 1, '', 0, 'now', 'x', 'now', 'x')",
                    (id, indicator, unit),
                )
                .unwrap();
        }
        let mut changeset = Vec::new();
        session.changeset_strm(&mut changeset).unwrap();
        drop(session);
        let key = exchange::FileKey::load(&exchange::key_path(&self.path), false).unwrap();
        let manifest = Manifest {
            format: exchange::FORMAT.into(),
            from: Party::unit(&own_unit, &self.name),
            to: Party::city("临沂市"),
            seq,
            schema_version: taizhang_core::store::schema_version(),
            made_at: "2024-07-15T00:00:00Z".into(),
            bootstrap: false,
            counts: [(
                "progress_entry".to_string(),
                TableCounts {
                    insert: 2,
                    update: 0,
                    delete: 0,
                },
            )]
            .into(),
            sender_key: hex(&key.public_key()),
            changeset_sm3: exchange::sm3_hex(&changeset),
        };
        let out = dir.path().join("forged.tzp");
        exchange::write_package(&out, &manifest, &changeset, &[], &key).unwrap();
        out
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A copy of the package with the byte at `i` flipped.
pub fn flip_one_byte(file: &Path, i: usize) -> PathBuf {
    let mut bytes = std::fs::read(file).unwrap();
    bytes[i] ^= 0x01;
    let out = file.with_extension("flipped.tzp");
    std::fs::write(&out, bytes).unwrap();
    out
}
