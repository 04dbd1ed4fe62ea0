//! 报表原件: the file a unit's return was imported from, kept as it came (the same bytes,
//! its SHA-256 the one `unit_return.file_sha256` records) among the return's 佐证材料, so
//! the return as imported is one click away on the round's board and in its review. It is
//! written inside the import's one transaction: when the import fails, the row goes and
//! the caller takes a newly written file away again ([`KeptOriginal::discard`]).

use std::path::{Path, PathBuf};

use rusqlite::OptionalExtension;

use super::files::{self, Stored};
use super::kinds::kind_of_return_file;
use super::target::AttachedTo;
use crate::error::Result;
use crate::ledger::{new_id, Writer};

/// The note an original carries in the evidence list.
pub const ORIGINAL_NOTE: &str = "报表原件（导入时的文件）";

/// A file stored for a return, to take away if the transaction it was written in fails.
#[derive(Debug)]
pub struct KeptOriginal {
    path: PathBuf,
    stored: Stored,
}

impl KeptOriginal {
    /// Removes the file when this import wrote it (not when the same bytes were kept before).
    pub fn discard(self) {
        if self.stored == Stored::New {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// The returned file as the import read it.
pub struct ReturnedFile<'a> {
    pub name: &'a str,
    pub bytes: &'a [u8],
    pub sha256: &'a str,
}

/// Keeps `file` in `folder` (佐证材料) and records it on the return `return_id` of
/// `unit_id`, unless the same bytes are already there. Returns what was stored.
pub(crate) fn keep_return_original(
    w: &Writer<'_>,
    folder: &Path,
    return_id: &str,
    unit_id: &str,
    file: &ReturnedFile<'_>,
) -> Result<Option<KeptOriginal>> {
    let kept: Option<String> = w
        .conn()
        .query_row(
            "SELECT id FROM evidence WHERE attached_to = ?1 AND attached_id = ?2 AND sha256 = ?3
             AND removed_at IS NULL",
            (AttachedTo::UnitReturn.as_str(), return_id, file.sha256),
            |r| r.get(0),
        )
        .optional()?;
    if kept.is_some() {
        return Ok(None);
    }
    let kind = kind_of_return_file(file.name);
    let name: String = file.name.chars().take(255).collect();
    w.conn().execute(
        "INSERT INTO evidence (id, attached_to, attached_id, unit_id, file_name, media_type,
            size_bytes, sha256, note, added_at, added_by, created_at, created_by, updated_at, updated_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?10, ?11, ?10, ?11)",
        rusqlite::params![
            new_id(),
            AttachedTo::UnitReturn.as_str(),
            return_id,
            unit_id,
            name,
            kind.media_type,
            file.bytes.len() as i64,
            file.sha256,
            ORIGINAL_NOTE,
            w.now(),
            w.actor().name,
        ],
    )?;
    let path = files::stored_path(folder, file.sha256, kind.ext);
    let stored = files::store(&path, file.sha256, file.bytes)?;
    Ok(Some(KeptOriginal { path, stored }))
}
