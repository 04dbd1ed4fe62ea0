//! Everything refused before anything is written: a path that is not a regular file (a
//! folder, a pipe, a device; judged by `metadata` before opening, so a FIFO never blocks),
//! over 20 MB, an extension that is not a kind of evidence, or bytes that are not what the
//! extension says. What passes comes back read, with its SHA-256: the bytes checked are the
//! bytes stored, even if the file changes on disk meanwhile.

use super::EvidenceError;
use crate::error::FileError;
use std::fs::File;
use std::io::Read;
use std::path::Path;

use sha2::{Digest, Sha256};

use super::kinds::{check_content, kind_of_name, EvidenceKind};
use crate::error::{LedgerError, Result};
use crate::import::file_limits::{io_reason, kind_name};

/// The most one attachment may weigh: 20 MB.
pub const MAX_EVIDENCE_BYTES: u64 = 20 * 1024 * 1024;

/// A file that passed every check, read into memory.
pub struct CheckedFile {
    /// The name it had (without its folder).
    pub name: String,
    /// The kind its extension and its first bytes agree on.
    pub kind: EvidenceKind,
    /// The file's content.
    pub bytes: Vec<u8>,
    /// Lowercase hex.
    pub sha256: String,
}

/// 23.4MB, as the refusal says it.
pub fn megabytes(bytes: u64) -> String {
    format!("{:.1}MB", bytes as f64 / (1024.0 * 1024.0))
}

/// Lowercase hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Reads `path` as evidence, refusing it with the reason when it cannot be one.
pub fn check_file(path: &Path) -> Result<CheckedFile> {
    let shown = path.display().to_string();
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| shown.clone());
    let unreadable = |e: std::io::Error| FileError::Unreadable {
        file: shown.clone(),
        reason: io_reason(&e),
    };
    // metadata (not symlink_metadata): a link is judged by what it points to.
    let meta = std::fs::metadata(path).map_err(unreadable)?;
    check_regular(&shown, &meta)?;
    let kind = kind_of_name(&shown, &name)?;
    check_meta(&shown, &meta)?;
    let file = File::open(path).map_err(unreadable)?;
    check_meta(&shown, &file.metadata().map_err(unreadable)?)?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_EVIDENCE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_EVIDENCE_BYTES {
        // It grew since its size was read.
        return Err(too_large(&shown, bytes.len() as u64));
    }
    let ext = std::path::Path::new(&name)
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    check_content(&shown, &ext, kind, &bytes)?;
    let sha256 = sha256_hex(&bytes);
    Ok(CheckedFile {
        name,
        kind,
        bytes,
        sha256,
    })
}

fn check_regular(file: &str, meta: &std::fs::Metadata) -> Result<()> {
    let kind = meta.file_type();
    if !kind.is_file() {
        return Err(EvidenceError::NotAFile {
            file: file.to_string(),
            what: kind_name(&kind),
        }
        .into());
    }
    Ok(())
}

fn check_meta(file: &str, meta: &std::fs::Metadata) -> Result<()> {
    check_regular(file, meta)?;
    if meta.len() > MAX_EVIDENCE_BYTES {
        return Err(too_large(file, meta.len()));
    }
    Ok(())
}

fn too_large(file: &str, len: u64) -> LedgerError {
    LedgerError::from(EvidenceError::TooLarge {
        file: file.to_string(),
        size: megabytes(len),
    })
}
