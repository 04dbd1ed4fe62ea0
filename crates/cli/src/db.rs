//! Which ledger file a command works on, opened how, and on whose behalf.

use std::path::{Path, PathBuf};

use taizhang_core::{store, validate, Actor, Ledger, LedgerError};

use crate::args::Cli;
use crate::failure::{CliResult, Failure};

/// Whether a command may create the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Create {
    /// `init` and `sample`: a new ledger is what the person asked for.
    Allowed,
    /// Everything else: a mistyped path must not quietly become an empty ledger.
    Refused,
}

/// `--db`, else `TAIZHANG_DB` (clap reads both), else the desktop app's file.
pub fn path(cli: &Cli) -> PathBuf {
    cli.db.clone().unwrap_or_else(store::default_db_path)
}

/// Opens the ledger (migrating it), with "today" pinned when `--today` is given.
pub fn open(cli: &Cli, create: Create) -> CliResult<Ledger> {
    let path = path(cli);
    let today = cli.today.as_deref().map(validate::parse_date).transpose()?;
    if path.is_dir() {
        return Err(Failure::new(
            "db_is_dir",
            format!("「{}」是一个文件夹，不是台账数据库文件", path.display()),
        ));
    }
    if create == Create::Refused && !path.exists() {
        return Err(Failure::new(
            "db_missing",
            format!("找不到数据库文件「{}」；新建请先运行 taizhang init（或 taizhang sample 加载示例数据）", path.display()),
        ));
    }
    let mut ledger = Ledger::open(&path).map_err(|e| opening_failure(&path, e))?;
    ledger.set_today(today);
    Ok(ledger)
}

fn opening_failure(path: &Path, e: LedgerError) -> Failure {
    let not_a_database = matches!(
        &e,
        LedgerError::Database(err) if err.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase)
    );
    if not_a_database {
        return Failure::new(
            "not_a_ledger",
            format!("「{}」不是台账数据库文件", path.display()),
        );
    }
    Failure::from(e)
}

/// The person running the command: `cli:<login name>`.
pub fn actor() -> Actor {
    let user = std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .ok()
        .filter(|u| !u.trim().is_empty())
        .unwrap_or_else(|| "unknown".into());
    Actor::named(format!("cli:{user}"))
}
