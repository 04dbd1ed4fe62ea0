//! Which ledger file a command works on, opened how, and on whose behalf.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use taizhang_core::{store, validate, Actor, Ledger, LedgerError};

use crate::args::Cli;
use crate::failure::{CliResult, Failure};

/// Whether a command may create the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Create {
    /// `init`: a new ledger is what the person asked for, even over an empty (0-byte) file.
    Init,
    /// `sample`: a new ledger where no file exists.
    Allowed,
    /// Everything else: a mistyped path must not quietly become an empty ledger.
    Refused,
}

/// `--db`, else `TAIZHANG_DB` (clap reads both), else the desktop app's file.
pub fn path(cli: &Cli) -> PathBuf {
    cli.db.clone().unwrap_or_else(store::default_db_path)
}

/// Opens the ledger (migrating it), with "today" pinned when `--today` is given. A file
/// that cannot be written opens read-only, with one line saying so on stderr.
pub fn open(cli: &Cli, create: Create) -> CliResult<Ledger> {
    let (path, today) = checked_path(cli, create)?;
    let opened = match create {
        Create::Init => Ledger::init(&path),
        _ => Ledger::open(&path),
    };
    let mut ledger = opened.map_err(|e| opening_failure(&path, e))?;
    if let Some(why) = ledger.read_only_notice() {
        eprintln!("注意：台账以只读方式打开（{why}），只能查看，不能修改");
    }
    ledger.set_today(today);
    act_as_signed_in(cli, &mut ledger)?;
    Ok(ledger)
}

/// Opens the ledger for a command that only reads: a read-only connection, which takes no
/// write lock and so answers while an import or another write runs.
pub fn open_read(cli: &Cli) -> CliResult<Ledger> {
    let (path, today) = checked_path(cli, Create::Refused)?;
    let mut ledger = Ledger::open_read_only(&path).map_err(|e| opening_failure(&path, e))?;
    if let Some(why) = taizhang_core::health::read_only_reason(&path) {
        eprintln!("注意：台账以只读方式打开（{why}），只能查看，不能修改");
    }
    ledger.set_today(today);
    act_as_signed_in(cli, &mut ledger)?;
    Ok(ledger)
}

/// Signs in (see [`sign_in`]) and makes every read and write of `ledger` that account's.
fn act_as_signed_in(cli: &Cli, ledger: &mut Ledger) -> CliResult<()> {
    let actor = sign_in(cli, ledger)?;
    ledger.set_reader(actor.clone());
    ledger.set_write_reason(cli.reason.clone());
    let _ = SESSION.set(actor);
    Ok(())
}

fn checked_path(cli: &Cli, create: Create) -> CliResult<(PathBuf, Option<chrono::NaiveDate>)> {
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
    Ok((path, today))
}

/// Who this command acts as, once `open` has signed in.
static SESSION: OnceLock<Actor> = OnceLock::new();

/// Without accounts, the person at the terminal (`cli:<OS user>`); with accounts, the one
/// named by `--user` (or TAIZHANG_USER) whose password is TAIZHANG_PASSWORD or typed.
fn sign_in(cli: &Cli, ledger: &mut Ledger) -> CliResult<Actor> {
    if !ledger.accounts_exist()? {
        return Ok(Actor::local_user("cli"));
    }
    let Some(user) = cli.user.as_deref().filter(|u| !u.trim().is_empty()) else {
        return Err(Failure::new(
            "login_required",
            "此台账已启用账号，请用 --user 登录名（或环境变量 TAIZHANG_USER）登录，密码取自 TAIZHANG_PASSWORD 或在终端输入",
        ));
    };
    let password = secret("TAIZHANG_PASSWORD", &format!("{user} 的密码："))?;
    Ok(ledger.sign_in(user, &password)?)
}

/// A password from the environment variable, else asked on the terminal (never echoed).
pub fn secret(var: &str, prompt: &str) -> CliResult<String> {
    if let Ok(v) = std::env::var(var) {
        return Ok(v);
    }
    if !std::io::stdin().is_terminal() {
        return Err(Failure::new(
            "password_required",
            format!("需要密码：请设置环境变量 {var}，或在终端中运行以便输入"),
        ));
    }
    rpassword::prompt_password(prompt)
        .map_err(|e| Failure::new("password_required", format!("无法读取密码：{e}")))
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

/// Who this command acts as: the signed-in account, or `cli:<OS user>` without accounts.
pub fn actor() -> Actor {
    SESSION
        .get()
        .cloned()
        .unwrap_or_else(|| Actor::local_user("cli"))
}
