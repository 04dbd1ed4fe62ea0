//! Checking a file offered as a backup, and copying it back into the live ledger.

use std::path::Path;

use rusqlite::backup::Backup;
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use ts_rs::TS;

use crate::error::{LedgerError, Result};
use crate::health::{self, FileKind};

/// What a backup (or a restored ledger) holds.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct BackupFigures {
    /// How many completions (完成情况) it holds.
    #[ts(type = "number")]
    pub entries: u64,
    /// How many pairings (结对) it holds.
    #[ts(type = "number")]
    pub pairings: u64,
    /// Its schema version.
    #[ts(type = "number")]
    pub schema_version: i64,
}

/// Reads `path` as a Taizhang ledger without changing it: refuses (RestoreRefused, with
/// the code of which) a file that is not a ledger, one from a newer version, or a damaged
/// one (`integrity_check`), and gives the figures it holds.
pub fn inspect(path: &Path) -> Result<BackupFigures> {
    let refuse = |code: &'static str, why: String| LedgerError::RestoreRefused {
        path: path.display().to_string(),
        why,
        code,
    };
    match health::file_kind(path).map_err(|e| refuse("not_a_ledger", format!("无法读取：{e}")))?
    {
        FileKind::Sqlite => {}
        FileKind::Empty => return Err(refuse("not_a_ledger", "文件是空的（0 字节）".into())),
        FileKind::Other => return Err(refuse("not_a_ledger", "它不是台账数据库文件".into())),
    }
    let damaged = |e: rusqlite::Error| refuse("ledger_damaged", format!("文件已损坏（{e}）"));
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(damaged)?;
    let version =
        health::user_version(&conn).map_err(|e| refuse("ledger_damaged", e.to_string()))?;
    let supported = crate::store::schema_version();
    if version > supported {
        return Err(refuse(
            "database_newer",
            format!("它由更新版本的台账创建（结构版本 {version}，本程序支持到 {supported}），请先升级程序"),
        ));
    }
    let is_ledger: bool = conn
        .query_row(
            "SELECT COUNT(*) = 2 FROM sqlite_master WHERE type = 'table' AND name IN ('meta', 'progress_entry')",
            [],
            |r| r.get(0),
        )
        .map_err(damaged)?;
    if version < 1 || !is_ledger {
        return Err(refuse("not_a_ledger", "它不是台账数据库文件".into()));
    }
    health::integrity(&conn).map_err(|p| {
        refuse(
            "ledger_damaged",
            format!("文件已损坏，完整性检查未通过（{p}）"),
        )
    })?;
    figures(&conn).map_err(damaged)
}

/// Entries and pairings in a ledger (`pairing` exists from schema 2 on).
pub fn figures(conn: &Connection) -> rusqlite::Result<BackupFigures> {
    let entries: i64 = conn.query_row("SELECT COUNT(*) FROM progress_entry", [], |r| r.get(0))?;
    let has_pairings: bool = conn.query_row(
        "SELECT EXISTS(SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'pairing')",
        [],
        |r| r.get(0),
    )?;
    let pairings: i64 = if has_pairings {
        conn.query_row("SELECT COUNT(*) FROM pairing", [], |r| r.get(0))?
    } else {
        0
    };
    Ok(BackupFigures {
        entries: entries as u64,
        pairings: pairings as u64,
        schema_version: health::user_version(conn).unwrap_or(0),
    })
}

/// Copies the checked backup at `from` into the live ledger `into` with the backup API
/// (every connection to the file sees the restored pages at its next read). The caller has
/// checked `from` ([`inspect`]) and backed the current state up.
pub fn restore_into(from: &Path, into: &mut Connection) -> Result<()> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let source = Connection::open_with_flags(from, flags)?;
    let backup = Backup::new(&source, into)?;
    super::copy_all(&backup).map_err(|e| LedgerError::BackupFailed(format!("恢复失败：{e}")))?;
    Ok(())
}
