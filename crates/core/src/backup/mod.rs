//! Backups of the ledger file, made with SQLite's online backup API (a consistent copy even
//! while another connection writes; never a file copy of a live ledger), into a `备份`
//! folder beside the ledger, checked with `integrity_check`, rotated (see [`rotation`]).
//! [`restore`] checks a file and copies it back into the live ledger.

mod names;
mod restore;
mod rotation;

use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::{Local, NaiveDateTime};
use rusqlite::backup::Backup;
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use crate::error::{LedgerError, Result};
use crate::health;

pub use names::BackupReason;
pub use restore::{figures, inspect, restore_into, BackupFigures};

/// The folder beside the ledger that holds its backups.
pub const FOLDER: &str = "备份";

/// The way out when no backup can be named.
pub const GENERIC_ADVICE: &str =
    "；请在「设置 → 备份与恢复」中恢复最近的备份（命令行：taizhang backup list，再 taizhang restore 备份文件）";

/// One backup file and what it holds.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct BackupInfo {
    /// The backup's file name (taizhang-20241010-091200-导入前.db).
    pub file_name: String,
    /// The backup's full path.
    pub path: String,
    /// Local time it was made, `2024-10-10 09:12:00`.
    pub made_at: String,
    /// Why it was made.
    pub reason: BackupReason,
    /// The file's size in bytes.
    #[ts(type = "number")]
    pub bytes: u64,
    /// Read from the file itself; None when it cannot be read (`problem` says why).
    pub figures: Option<BackupFigures>,
    /// Why the file could not be read, when it could not.
    pub problem: Option<String>,
}

/// `<ledger's folder>/备份`.
pub fn folder_for(ledger: &Path) -> PathBuf {
    let dir = ledger.parent().filter(|d| !d.as_os_str().is_empty());
    dir.unwrap_or_else(|| Path::new(".")).join(FOLDER)
}

/// Backs `conn` (the ledger at `ledger`) up into its `备份` folder, named by time and
/// reason, checks the copy, then rotates the folder.
pub fn make(conn: &Connection, ledger: &Path, reason: BackupReason) -> Result<BackupInfo> {
    make_sparing(conn, ledger, reason, None)
}

/// [`make`], and rotation leaves `spare` alone (the file a restore is about to read).
pub fn make_sparing(
    conn: &Connection,
    ledger: &Path,
    reason: BackupReason,
    spare: Option<&Path>,
) -> Result<BackupInfo> {
    let dir = folder_for(ledger);
    std::fs::create_dir_all(&dir).map_err(|e| failed(&dir, e))?;
    let now = Local::now().naive_local();
    let name = (1..)
        .map(|n| names::file_name(now, reason, n))
        .find(|name| !dir.join(name).exists())
        .expect("a free name");
    let path = dir.join(&name);
    let started = Instant::now();
    let bytes = make_to(conn, &path)?;
    tracing::info!(
        target: "taizhang::backup",
        reason = reason.label(),
        bytes,
        ms = started.elapsed().as_millis() as u64,
        "backup made"
    );
    rotate(&dir, spare);
    Ok(describe(&path, now, reason))
}

/// Writes a checked backup of `conn` to `out` (beside it first, then renamed into place);
/// returns its size. A copy that fails `integrity_check` is deleted and is an error.
pub fn make_to(conn: &Connection, out: &Path) -> Result<u64> {
    let file = out.file_name().map(|n| n.to_string_lossy().to_string());
    let partial = out.with_file_name(format!(".{}.partial", file.unwrap_or_default()));
    let result = write_checked(conn, &partial).and_then(|()| {
        std::fs::rename(&partial, out).map_err(|e| failed(out, e))?;
        Ok(std::fs::metadata(out).map(|m| m.len()).unwrap_or(0))
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    result
}

fn write_checked(conn: &Connection, path: &Path) -> Result<()> {
    let _ = std::fs::remove_file(path);
    let mut copy = Connection::open(path).map_err(|e| failed(path, e))?;
    {
        let backup = Backup::new(conn, &mut copy).map_err(|e| failed(path, e))?;
        copy_all(&backup).map_err(|e| failed(path, e))?;
    }
    // A single self-contained file (no -wal beside it), safe to copy or mail.
    copy.pragma_update(None, "journal_mode", "DELETE")
        .map_err(|e| failed(path, e))?;
    health::integrity(&copy).map_err(|problem| {
        LedgerError::BackupFailed(format!("备份文件未通过完整性检查（{problem}），已删除"))
    })?;
    Ok(())
}

/// Runs a backup to the end, all pages in one step (one consistent snapshot of the source);
/// a busy or locked step is retried for up to 10 seconds.
pub(crate) fn copy_all(backup: &Backup<'_, '_>) -> rusqlite::Result<()> {
    use rusqlite::backup::StepResult;
    let started = Instant::now();
    loop {
        match backup.step(-1)? {
            StepResult::Done => return Ok(()),
            StepResult::More => {}
            _ if started.elapsed() > std::time::Duration::from_secs(10) => {
                return Err(rusqlite::Error::SqliteFailure(
                    rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
                    Some("数据库一直被占用".into()),
                ))
            }
            _ => std::thread::sleep(std::time::Duration::from_millis(50)),
        }
    }
}

/// The backups in the ledger's folder, newest first, each with the figures read from it.
pub fn list(ledger: &Path) -> Result<Vec<BackupInfo>> {
    Ok(named(&folder_for(ledger))
        .into_iter()
        .map(|(path, at, reason)| describe(&path, at, reason))
        .collect())
}

/// The newest backup's file name and time (no figures: cheap, for error messages).
pub fn latest(ledger: &Path) -> Option<(String, NaiveDateTime)> {
    named(&folder_for(ledger))
        .into_iter()
        .next()
        .map(|(path, at, _)| {
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            (name.to_string(), at)
        })
}

/// Whether a backup of `reason` was made today (the start-up backup is made once a day).
pub fn made_today(ledger: &Path, reason: BackupReason) -> bool {
    let today = Local::now().date_naive();
    named(&folder_for(ledger))
        .iter()
        .any(|(_, at, r)| *r == reason && at.date() == today)
}

/// "；请恢复最近的备份「…」（…）…": the way out of a damaged ledger at `ledger`.
pub fn restore_advice(ledger: &Path) -> String {
    match latest(ledger) {
        Some((name, at)) => format!(
            "；请恢复最近的备份「{name}」（{}）：在「设置 → 备份与恢复」中恢复，或运行 taizhang restore \"{}\"",
            at.format("%Y-%m-%d %H:%M"),
            folder_for(ledger).join(&name).display()
        ),
        None => format!(
            "；「{}」中没有备份，如有别处保存的副本，可用 taizhang restore 文件 恢复",
            folder_for(ledger).display()
        ),
    }
}

/// Fills the way out into the errors of a ledger that cannot be used as it is.
pub fn with_restore_advice(e: LedgerError, ledger: &Path) -> LedgerError {
    match e {
        LedgerError::NotALedger { path, why, .. } => LedgerError::NotALedger {
            path,
            why,
            advice: restore_advice(ledger),
        },
        LedgerError::LedgerDamaged { detail, .. } => LedgerError::LedgerDamaged {
            detail,
            advice: restore_advice(ledger),
        },
        LedgerError::SchemaMismatch { problem, .. } => LedgerError::SchemaMismatch {
            problem,
            advice: restore_advice(ledger),
        },
        other => other,
    }
}

/// Backup files of the folder with their time and reason, newest first.
fn named(dir: &Path) -> Vec<(PathBuf, NaiveDateTime, BackupReason)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<_> = entries
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().to_string();
            let (at, reason) = names::parse(&name)?;
            Some((e.path(), at, reason))
        })
        .collect();
    found.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| b.0.cmp(&a.0)));
    found
}

fn rotate(dir: &Path, spare: Option<&Path>) {
    let backups = named(dir);
    let keyed: Vec<_> = backups.iter().map(|(_, at, r)| (*at, *r)).collect();
    let spared = |p: &Path| {
        let same = |a: &Path, b: &Path| a.canonicalize().ok() == b.canonicalize().ok();
        spare.is_some_and(|s| same(s, p))
    };
    for i in rotation::to_delete(&keyed) {
        if spared(&backups[i].0) {
            continue;
        }
        if std::fs::remove_file(&backups[i].0).is_ok() {
            tracing::info!(target: "taizhang::backup", "old backup rotated out");
        }
    }
}

/// A backup file anywhere, described by its name when it has a backup's name, else by
/// its modification time and `reason`.
pub fn describe_file(path: &Path, reason: BackupReason) -> Result<BackupInfo> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let (at, reason) = names::parse(&name).unwrap_or_else(|| {
        let modified = std::fs::metadata(path).and_then(|m| m.modified()).ok();
        let at = modified.map(|t| chrono::DateTime::<Local>::from(t).naive_local());
        (at.unwrap_or_else(|| Local::now().naive_local()), reason)
    });
    Ok(describe(path, at, reason))
}

fn describe(path: &Path, at: NaiveDateTime, reason: BackupReason) -> BackupInfo {
    let (figures, problem) = match inspect(path) {
        Ok(f) => (Some(f), None),
        Err(e) => (None, Some(e.to_string())),
    };
    BackupInfo {
        file_name: path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into(),
        path: path.display().to_string(),
        made_at: at.format("%Y-%m-%d %H:%M:%S").to_string(),
        reason,
        bytes: std::fs::metadata(path).map(|m| m.len()).unwrap_or(0),
        figures,
        problem,
    }
}

fn failed(path: &Path, e: impl std::fmt::Display) -> LedgerError {
    LedgerError::BackupFailed(format!("无法写入「{}」：{e}", path.display()))
}
