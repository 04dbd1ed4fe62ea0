//! Evidence files travel with their rows: a package carries the file of every evidence row
//! it inserts (or whose content changed), as `attachments/<sha256>.<ext>`; the receiver
//! keeps each in its own 佐证材料 folder once its SHA-256 matched (the package's signature
//! covers them too). A file missing on the sender's disk is left out: the row still
//! travels, and the receiver's list shows the file as missing.

use std::collections::BTreeMap;
use std::path::Path;

use rusqlite::Connection;
use serde_json::Value;

use super::changeset::{Change, Op};
use crate::error::Result;
use crate::evidence::{files, kinds};

/// `(<sha256>.<ext>, bytes)` of the files of the evidence rows in `changes`.
pub fn collect(
    conn: &Connection,
    ledger: &Path,
    changes: &[Change],
) -> Result<Vec<(String, Vec<u8>)>> {
    let columns = super::apply::column_names(conn, &["evidence"])?;
    let names = columns.get("evidence").cloned().unwrap_or_default();
    let col = |n: &str| names.iter().position(|c| c == n);
    let (Some(sha), Some(media)) = (col("sha256"), col("media_type")) else {
        return Ok(Vec::new());
    };
    let folder = files::folder_for(ledger);
    let mut out = BTreeMap::new();
    for c in changes
        .iter()
        .filter(|c| c.table == "evidence" && c.op != Op::Delete)
    {
        let Some(Value::String(hash)) = c.new.get(sha).cloned().flatten() else {
            continue;
        };
        let media_type: Option<String> = match c.new.get(media).cloned().flatten() {
            Some(Value::String(m)) => Some(m),
            _ => conn
                .query_row(
                    "SELECT media_type FROM evidence WHERE id = ?1",
                    [&c.key],
                    |r| r.get(0),
                )
                .ok(),
        };
        let ext = media_type
            .as_deref()
            .and_then(kinds::kind_of_media_type)
            .map_or("bin", |k| k.ext);
        if let Ok(bytes) = std::fs::read(files::stored_path(&folder, &hash, ext)) {
            out.insert(format!("{hash}.{ext}"), bytes);
        }
    }
    Ok(out.into_iter().collect())
}

/// Keeps the package's files in this ledger's 佐证材料 folder.
pub fn store(ledger: &Path, attachments: &[(String, Vec<u8>)]) -> Result<()> {
    let folder = files::folder_for(ledger);
    for (name, bytes) in attachments {
        let (hash, ext) = name.split_once('.').unwrap_or((name.as_str(), "bin"));
        files::store(&files::stored_path(&folder, hash, ext), hash, bytes)?;
    }
    Ok(())
}
