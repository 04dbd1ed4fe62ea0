//! 报表原件: the file a unit's return was imported from, kept as it came (the same bytes,
//! its SHA-256 the one `unit_return.file_sha256` records) among the return's 佐证材料, so
//! the return as imported is one click away on the round's board and in its review. It is
//! written inside the import's one transaction: when the import fails, the row goes and
//! the caller takes a newly written file away again ([`KeptOriginal::discard`]).

use std::path::{Path, PathBuf};

use super::attach::{insert_row, same_content, NewRow};
use super::files::{self, Stored};
use super::kinds::kind_of_return_file;
use super::target::{AttachedTo, EvidenceTarget};
use crate::error::Result;
use crate::ledger::Writer;

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
    /// The file's name as imported.
    pub name: &'a str,
    /// The file's bytes as read.
    pub bytes: &'a [u8],
    /// The lowercase hex SHA-256 of those bytes.
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
    let target = EvidenceTarget {
        kind: AttachedTo::UnitReturn,
        id: return_id.to_string(),
    };
    if same_content(w.conn(), &target, file.sha256)?.is_some() {
        return Ok(None);
    }
    let kind = kind_of_return_file(file.name);
    let name: String = file.name.chars().take(255).collect();
    insert_row(
        w,
        &NewRow {
            target: &target,
            unit_id,
            file_name: &name,
            media_type: kind.media_type,
            size_bytes: file.bytes.len() as i64,
            sha256: file.sha256,
            note: ORIGINAL_NOTE,
        },
    )?;
    let path = files::stored_path(folder, file.sha256, kind.ext);
    let stored = files::store(&path, file.sha256, file.bytes)?;
    Ok(Some(KeptOriginal { path, stored }))
}
