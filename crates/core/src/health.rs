//! Whether a file is a sound Taizhang ledger: checked before it is opened for work and
//! before it is restored. A file is never "repaired" by opening it: an empty file, another
//! program's file or a ledger missing a table is refused with what to do, not turned into a
//! fresh ledger or migrated blindly.

use std::collections::BTreeSet;
use std::io::Read;
use std::path::Path;
use std::sync::OnceLock;

use rusqlite::Connection;

use crate::error::{LedgerError, Result};

/// The first 16 bytes of every SQLite 3 database file.
const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// What an existing file holds before SQLite opens it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// 0 bytes: what a failed copy or a `touch` leaves.
    Empty,
    /// Starts with SQLite's header.
    Sqlite,
    /// Anything else (a text file, a spreadsheet, a zeroed header).
    Other,
}

/// What the file starts with: nothing, SQLite's header, or anything else.
pub fn file_kind(path: &Path) -> Result<FileKind> {
    let mut file = std::fs::File::open(path)?;
    let mut head = [0u8; 16];
    let mut read = 0;
    while read < head.len() {
        match file.read(&mut head[read..])? {
            0 => break,
            n => read += n,
        }
    }
    Ok(match read {
        0 => FileKind::Empty,
        16 if &head == SQLITE_HEADER => FileKind::Sqlite,
        _ => FileKind::Other,
    })
}

/// Why `path` must be opened read-only, if it must: the file or its folder has no write
/// permission (by its mode bits, so that a file marked read-only is respected even for an
/// administrator), or the file cannot be opened for writing.
pub fn read_only_reason(path: &Path) -> Option<String> {
    let meta = std::fs::metadata(path).ok()?;
    if meta.permissions().readonly() {
        return Some("文件是只读的".into());
    }
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
    let dir = dir.unwrap_or_else(|| Path::new("."));
    if std::fs::metadata(dir).is_ok_and(|m| m.permissions().readonly()) {
        return Some("所在文件夹是只读的".into());
    }
    match std::fs::OpenOptions::new().append(true).open(path) {
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {
            Some("没有写入这个文件的权限".into())
        }
        _ => None,
    }
}

/// `user_version`: the schema version the migrations left.
pub fn user_version(conn: &Connection) -> Result<i64> {
    Ok(conn.pragma_query_value(None, "user_version", |r| r.get(0))?)
}

/// Refuses a SQLite file that has no schema version: another program's database (it has
/// tables), or an empty database when `empty_allowed` is false (only `init` makes one a
/// ledger).
pub fn refuse_foreign(conn: &Connection, path: &Path, empty_allowed: bool) -> Result<()> {
    if user_version(conn)? != 0 {
        return Ok(());
    }
    let objects: i64 = conn.query_row("SELECT COUNT(*) FROM sqlite_master", [], |r| r.get(0))?;
    let why = if objects > 0 {
        "是其他程序的 SQLite 数据库，里面没有台账的结构版本"
    } else if empty_allowed {
        return Ok(());
    } else {
        "是一个空的数据库，没有任何数据表；新建台账请运行 taizhang init"
    };
    Err(not_a_ledger(path, why))
}

/// The `not_a_ledger` error for a file and the reason it is not one, its advice left empty.
pub fn not_a_ledger(path: &Path, why: &str) -> LedgerError {
    LedgerError::NotALedger {
        path: path.display().to_string(),
        why: why.to_string(),
        advice: String::new(),
    }
}

/// Refuses a ledger that lacks a table its schema version should have (one dropped by
/// hand): checked at every open, so no command finds out half-way.
pub fn check_tables(conn: &Connection) -> Result<()> {
    let present = table_names(conn)?;
    let missing: Vec<&str> = expected_tables()
        .iter()
        .filter(|t| !present.contains(*t))
        .map(String::as_str)
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    Err(LedgerError::SchemaMismatch {
        problem: format!("缺少数据表「{}」", missing.join("」「")),
        advice: String::new(),
    })
}

/// `PRAGMA integrity_check`: Ok when SQLite answers "ok", else the first problems it names.
pub fn integrity(conn: &Connection) -> Result<(), String> {
    let mut stmt = conn
        .prepare("PRAGMA integrity_check(5)")
        .map_err(|e| e.to_string())?;
    let lines: Vec<String> = stmt
        .query_map([], |r| r.get::<_, String>(0))
        .and_then(|rows| rows.collect())
        .map_err(|e| e.to_string())?;
    if lines.len() == 1 && lines[0] == "ok" {
        Ok(())
    } else {
        Err(lines.join("；"))
    }
}

fn table_names(conn: &Connection) -> Result<BTreeSet<String>> {
    let mut stmt = conn.prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
    )?;
    let names = stmt
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(names)
}

/// The tables the migrations create, read once from an in-memory ledger.
fn expected_tables() -> &'static BTreeSet<String> {
    static TABLES: OnceLock<BTreeSet<String>> = OnceLock::new();
    TABLES.get_or_init(|| {
        crate::store::open_in_memory()
            .and_then(|conn| table_names(&conn))
            .expect("the embedded migrations apply to an empty database")
    })
}
