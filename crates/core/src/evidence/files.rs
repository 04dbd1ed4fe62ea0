//! The files themselves, in the folder 佐证材料 beside the ledger, each under its content's
//! SHA-256: `佐证材料/ab/ab12….pdf`. Written to a temporary file in the same folder, synced
//! and renamed into place, so a file there is never half written; the same content twice
//! is one file.

use std::fs::File;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use super::checks::sha256_hex;
use crate::error::{LedgerError, Result};

/// The folder's name beside the ledger file.
pub const FOLDER: &str = "佐证材料";

/// `<ledger dir>/佐证材料`.
pub fn folder_for(ledger: &Path) -> PathBuf {
    ledger
        .parent()
        .map_or_else(|| PathBuf::from(FOLDER), |d| d.join(FOLDER))
}

/// Where the file of this hash and extension is kept.
pub fn stored_path(folder: &Path, sha256: &str, ext: &str) -> PathBuf {
    folder
        .join(&sha256[..2.min(sha256.len())])
        .join(format!("{sha256}.{ext}"))
}

/// What storing found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stored {
    /// The file was not there and has been written: take it away again if the ledger's
    /// write fails.
    New,
    /// The same content was already there (attached before): nothing written.
    AlreadyThere,
}

/// What is on disk for a stored file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnDisk {
    /// The file is there with the recorded SHA-256.
    Intact,
    /// The file is there but its content changed.
    Altered,
    /// No file is there.
    Missing,
}

/// Puts `bytes` at `path` (their hash's place): nothing when an intact copy is there; a
/// copy that is altered is replaced by these bytes.
pub fn store(path: &Path, sha256: &str, bytes: &[u8]) -> Result<Stored> {
    let existed = match state_of(path, sha256)? {
        OnDisk::Intact => return Ok(Stored::AlreadyThere),
        OnDisk::Altered => true,
        OnDisk::Missing => false,
    };
    let dir = path.parent().expect("a stored path has a folder");
    std::fs::create_dir_all(dir).map_err(|e| write_failed(dir, &e))?;
    let temp = dir.join(format!(".{}.part", uuid::Uuid::new_v4()));
    let written = (|| {
        let mut f = File::create(&temp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&temp, path)?;
        sync_dir(dir)
    })();
    if let Err(e) = written {
        let _ = std::fs::remove_file(&temp);
        return Err(write_failed(path, &e));
    }
    Ok(if existed {
        Stored::AlreadyThere
    } else {
        Stored::New
    })
}

/// Whether the file at `path` is there and still has the hash `sha256`.
pub fn state_of(path: &Path, sha256: &str) -> Result<OnDisk> {
    let mut file = match File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(OnDisk::Missing),
        Err(e) => return Err(e.into()),
    };
    if !file.metadata()?.is_file() {
        return Ok(OnDisk::Altered);
    }
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)?;
    Ok(if sha256_hex(&bytes) == sha256 {
        OnDisk::Intact
    } else {
        OnDisk::Altered
    })
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> std::io::Result<()> {
    Ok(())
}

fn write_failed(path: &Path, e: &std::io::Error) -> LedgerError {
    LedgerError::WriteFile {
        path: path.display().to_string(),
        reason: e.to_string(),
    }
}
