//! Opening the SQLite file: pragmas every connection needs, and the embedded migrations.

use std::path::{Path, PathBuf};

use rusqlite::Connection;
use rusqlite_migration::{Migrations, M};

use crate::error::{LedgerError, Result};

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
    include_str!("../../../migrations/0006_accounts_audit.sql"),
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

/// Opens (creating if needed) the database at `path`, applies pending migrations in one
/// transaction, and refuses a file written by a newer Taizhang.
pub fn open(path: &Path) -> Result<Connection> {
    if let Some(dir) = path.parent() {
        if !dir.as_os_str().is_empty() {
            std::fs::create_dir_all(dir)?;
        }
    }
    let mut conn = Connection::open(path)?;
    // Refuse a newer file before touching it (switching to WAL rewrites its header).
    check_version(&conn)?;
    configure(&conn)?;
    migrate(&mut conn)?;
    refresh_statistics(&conn)?;
    Ok(conn)
}

/// Lets SQLite's planner know the tables' sizes (SQLite ≥ 3.46's advice for a long-lived
/// connection): `optimize=0x10002` analyses, with a time limit, any table whose statistics
/// are missing or stale, and is a no-op otherwise. Without statistics a register page at
/// 100,000 rows may pick a slower index (benches/registers.rs relies on this, not ANALYZE).
/// Also run after a large import.
pub fn refresh_statistics(conn: &Connection) -> Result<()> {
    conn.execute_batch("PRAGMA optimize=0x10002;")?;
    Ok(())
}

/// An in-memory database with the same schema, for quick unit tests.
pub fn open_in_memory() -> Result<Connection> {
    let mut conn = Connection::open_in_memory()?;
    configure(&conn)?;
    migrate(&mut conn)?;
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
    let found: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let supported = schema_version();
    if found > supported {
        return Err(LedgerError::DatabaseNewer { found, supported });
    }
    Ok(())
}

fn migrate(conn: &mut Connection) -> Result<()> {
    check_version(conn)?;
    let migrations = Migrations::new(MIGRATION_SQL.iter().map(|sql| M::up(sql)).collect());
    migrations
        .to_latest(conn)
        .map_err(|e| LedgerError::Migration(e.to_string()))
}
