//! Opening the SQLite file: pragmas every connection needs, and the embedded migrations.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};
use rusqlite_migration::{Migrations, M};

use crate::error::{LedgerError, Result};
use crate::health;

/// The desktop bundle identifier; the data directory is named after it, so the CLI and the
/// window find the same file.
pub const APP_IDENTIFIER: &str = "cn.taizhang.desktop";

/// Migrations in `migrations/`, in order. Released files are never edited: a change is a
/// new file appended here.
const MIGRATION_SQL: &[&str] = &[
    include_str!("../../../migrations/0001_core_ledger.sql"),
    include_str!("../../../migrations/0002_registers.sql"),
    include_str!("../../../migrations/0003_lag_notes.sql"),
    include_str!("../../../migrations/0004_register_pages.sql"),
    include_str!("../../../migrations/0005_money_in_yuan.sql"),
    include_str!("../../../migrations/0006_accounts_audit.sql"),
    include_str!("../../../migrations/0007_rounds.sql"),
    include_str!("../../../migrations/0008_returns.sql"),
    include_str!("../../../migrations/0009_evidence.sql"),
    include_str!("../../../migrations/0010_exchange.sql"),
    include_str!("../../../migrations/0011_trail_insert_image.sql"),
    include_str!("../../../migrations/0012_entry_rollup.sql"),
];

/// The schema version this binary writes (SQLite's `user_version`).
pub fn schema_version() -> i64 {
    MIGRATION_SQL.len() as i64
}

/// `<platform data dir>/cn.taizhang.desktop/taizhang.db`, e.g. `~/.local/share/...` on Linux
/// and `%APPDATA%\...` on Windows: the same directory Tauri's `app_data_dir` gives the window.
pub fn default_db_path() -> PathBuf {
    let base = directories::BaseDirs::new()
        .map(|d| d.data_dir().to_path_buf())
        .unwrap_or_else(|| PathBuf::from("."));
    base.join(APP_IDENTIFIER).join("taizhang.db")
}

/// Opens (creating if missing) the ledger at `path` for reading and writing. An existing
/// file that is not a ledger (0 bytes, another program's) is refused; so is a read-only one
/// (use [`open_ledger`], which falls back to reading).
pub fn open(path: &Path) -> Result<Connection> {
    let opened = open_ledger(path, NewLedger::IfMissing)?;
    match opened.read_only {
        None => Ok(opened.conn),
        Some(why) => Err(LedgerError::ReadOnly { why }),
    }
}

/// When opening may make a new ledger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewLedger {
    /// Only where no file exists (the window's first run).
    IfMissing,
    /// Also over an existing empty file (`taizhang init`, asked for in so many words).
    OverEmptyFile,
}

/// An open ledger connection, and why it is read-only when it is.
pub struct Opened {
    /// The open connection.
    pub conn: Connection,
    /// Set when the file or its folder cannot be written: the ledger was opened read-only.
    pub read_only: Option<String>,
}

/// Opens the ledger at `path`: checks it is one (see [`crate::health`]), refuses a file
/// written by a newer Taizhang, backs the file up and migrates it when its schema is older,
/// and checks its tables. Takes no write lock unless it migrates, so it never waits for a
/// long write of another connection. A file that cannot be written opens read-only.
/// Problems come back with the way out (the latest backup to restore).
pub fn open_ledger(path: &Path, new_ledger: NewLedger) -> Result<Opened> {
    open_checked(path, new_ledger).map_err(|e| crate::backup::with_restore_advice(e, path))
}

fn open_checked(path: &Path, new_ledger: NewLedger) -> Result<Opened> {
    let existed = path.exists();
    if existed {
        let empty_allowed = new_ledger == NewLedger::OverEmptyFile;
        match health::file_kind(path)? {
            health::FileKind::Sqlite => {}
            health::FileKind::Empty if empty_allowed => {}
            health::FileKind::Empty => {
                return Err(health::not_a_ledger(
                    path,
                    "文件是空的（0 字节）；只有 taizhang init 会把空文件建成新台账",
                ))
            }
            health::FileKind::Other => {
                return Err(health::not_a_ledger(path, "不是 SQLite 数据库文件"))
            }
        }
        if let Some(why) = health::read_only_reason(path) {
            let conn = open_read_only(path)?;
            tracing::info!(target: "taizhang::store", "opened read-only");
            return Ok(Opened {
                conn,
                read_only: Some(why),
            });
        }
    } else if let Some(dir) = path.parent() {
        if !dir.as_os_str().is_empty() {
            std::fs::create_dir_all(dir)?;
        }
    }
    let mut conn = Connection::open(path)?;
    // Refuse a newer file before touching it (switching to WAL rewrites its header).
    check_version(&conn)?;
    if existed {
        health::refuse_foreign(&conn, path, new_ledger == NewLedger::OverEmptyFile)?;
    }
    configure(&conn)?;
    let found = health::user_version(&conn)?;
    if found < schema_version() {
        let backup = match found {
            0 => None,
            _ => Some(crate::backup::make(
                &conn,
                path,
                crate::backup::BackupReason::BeforeMigration,
            )?),
        };
        if let Err(e) = migrate(&mut conn, found) {
            // Nothing changed (one transaction): the copy would only shadow the backup
            // that the error message names.
            if let Some(b) = backup {
                let _ = std::fs::remove_file(b.path);
            }
            return Err(e);
        }
        tracing::info!(target: "taizhang::store", from = found, to = schema_version(), "migrated");
    }
    health::check_tables(&conn)?;
    refresh_statistics_if_free(&conn);
    Ok(Opened {
        conn,
        read_only: None,
    })
}

/// Opens an existing ledger for reading only (SQLITE_OPEN_READ_ONLY and `query_only`): no
/// lock beyond a reader's, so it answers while another connection writes. Its schema must
/// be current (a read-only connection cannot migrate).
pub fn open_read_only(path: &Path) -> Result<Connection> {
    read_only_checked(path).map_err(|e| crate::backup::with_restore_advice(e, path))
}

fn read_only_checked(path: &Path) -> Result<Connection> {
    match health::file_kind(path)? {
        health::FileKind::Sqlite => {}
        health::FileKind::Empty => return Err(health::not_a_ledger(path, "文件是空的（0 字节）")),
        health::FileKind::Other => {
            return Err(health::not_a_ledger(path, "不是 SQLite 数据库文件"))
        }
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_URI
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)?;
    check_version(&conn)?;
    health::refuse_foreign(&conn, path, false)?;
    let found = health::user_version(&conn)?;
    if found < schema_version() {
        return Err(LedgerError::ReadOnly {
            why: format!("台账为旧版本（结构版本 {found}），需以可写方式打开一次完成升级"),
        });
    }
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    conn.set_prepared_statement_cache_capacity(128);
    conn.pragma_update(None, "query_only", "ON")?;
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    conn.pragma_update(None, "cache_size", -65_536)?;
    health::check_tables(&conn)?;
    Ok(conn)
}

/// [`refresh_statistics`] only when no other connection is writing: a busy database is
/// left as it is (the next open or large import refreshes), so opening never waits.
fn refresh_statistics_if_free(conn: &Connection) {
    let _ = conn.busy_timeout(std::time::Duration::ZERO);
    let _ = refresh_statistics(conn);
    let _ = conn.busy_timeout(std::time::Duration::from_secs(5));
}

/// Lets SQLite's planner know the tables' sizes (SQLite ≥ 3.46's advice for a long-lived
/// connection): `optimize=0x10002` analyses, with a time limit, any table whose statistics
/// are missing or stale, and is a no-op otherwise. Without statistics a register page at
/// 100,000 rows may pick a slower index (benches/registers.rs relies on this, not ANALYZE).
/// Run at a read-write open when no one else writes, and after a large import.
pub fn refresh_statistics(conn: &Connection) -> Result<()> {
    conn.execute_batch("PRAGMA optimize=0x10002;")?;
    Ok(())
}

/// An in-memory database with the same schema, for quick unit tests.
pub fn open_in_memory() -> Result<Connection> {
    let mut conn = Connection::open_in_memory()?;
    configure(&conn)?;
    migrate(&mut conn, 0)?;
    Ok(conn)
}

/// WAL so readers never block the writer and a crash of the app loses nothing committed;
/// synchronous=NORMAL, which in WAL mode never corrupts the file (a power cut may undo the
/// last commits, not damage earlier ones); foreign keys on; wait rather than fail when
/// another process (the CLI beside the window) holds the write lock.
pub fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    conn.set_prepared_statement_cache_capacity(128);
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    // Up to 64 MiB of pages kept (taken as used): a register page at 100,000 rows reads
    // from memory, not through the default 2 MiB (benches/registers.rs).
    conn.pragma_update(None, "cache_size", -65_536)?;
    Ok(())
}

fn check_version(conn: &Connection) -> Result<()> {
    let found = health::user_version(conn)?;
    let supported = schema_version();
    if found > supported {
        return Err(LedgerError::DatabaseNewer { found, supported });
    }
    if found < 0 {
        return Err(LedgerError::SchemaMismatch {
            problem: format!("结构版本号 {found} 无效"),
            advice: String::new(),
        });
    }
    Ok(())
}

/// SQLite's own words for an error, without the statement it was running.
fn sqlite_message(err: &rusqlite::Error) -> String {
    match err {
        rusqlite::Error::SqliteFailure(_, Some(msg)) => msg.clone(),
        rusqlite::Error::SqlInputError { msg, .. } => msg.clone(),
        other => other.to_string().chars().take(200).collect(),
    }
}

/// Brings a ledger just restored from an older backup to the current schema and checks
/// its tables.
pub(crate) fn upgrade(conn: &mut Connection) -> Result<()> {
    let found = health::user_version(conn)?;
    if found < schema_version() {
        migrate(conn, found)?;
    }
    health::check_tables(conn)
}

/// Applies the pending migrations in one transaction. A failure (a table that already
/// exists because `user_version` was changed by hand …) is one sentence, not the SQL.
fn migrate(conn: &mut Connection, found: i64) -> Result<()> {
    check_version(conn)?;
    let migrations = Migrations::new(MIGRATION_SQL.iter().map(|sql| M::up(sql)).collect());
    migrations.to_latest(conn).map_err(|e| {
        let cause = match e {
            rusqlite_migration::Error::RusqliteError { err, .. } => sqlite_message(&err),
            rusqlite_migration::Error::InvalidUserVersion => "结构版本号无效".to_string(),
            other => other.to_string().chars().take(200).collect(),
        };
        LedgerError::SchemaMismatch {
            problem: format!(
                "结构版本记为 {found}，但按此版本升级到 {} 失败：{cause}",
                schema_version()
            ),
            advice: String::new(),
        }
    })
}
