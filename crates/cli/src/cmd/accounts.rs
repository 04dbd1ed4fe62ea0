//! `user add|list|edit|disable|enable|passwd`: accounts. The rules (the first account is an
//! admin, only admins manage accounts, the last admin stays) are the core's.

use taizhang_core::auth::{AccountChange, AccountView, NewAccount};
use taizhang_core::Role;

use crate::args::{Cli, FormatArgs, UserAddArgs, UserEditArgs};
use crate::db::{self, Create};
use crate::failure::{CliResult, Failure};
use crate::output::emit;
use crate::table::{left, Table};

fn role(text: &str) -> CliResult<Role> {
    Role::parse(text).ok_or_else(|| {
        Failure::new(
            "invalid",
            format!("「角色」无法识别：{text}（可写 admin 管理员、reviewer 审核员、clerk 填报员、viewer 领导）"),
        )
    })
}

/// A new password: TAIZHANG_NEW_PASSWORD, else typed twice on the terminal.
fn new_password() -> CliResult<String> {
    if let Ok(v) = std::env::var("TAIZHANG_NEW_PASSWORD") {
        return Ok(v);
    }
    let first = db::secret("TAIZHANG_NEW_PASSWORD", "新密码：")?;
    let again = db::secret("TAIZHANG_NEW_PASSWORD", "再输入一次：")?;
    if first != again {
        return Err(Failure::new("invalid", "两次输入的密码不一致"));
    }
    Ok(first)
}

fn describe(a: &AccountView) -> String {
    format!(
        "{}（{}，{}{}）",
        a.login,
        a.display_name,
        a.unit_name.clone().unwrap_or_else(|| "全市".into()),
        a.role.label()
    )
}

pub fn add(cli: &Cli, args: &UserAddArgs) -> CliResult<String> {
    let mut ledger = db::open(cli, Create::Refused)?;
    let new = NewAccount {
        login: args.name.clone(),
        display_name: args.display.clone().unwrap_or_else(|| args.name.clone()),
        role: role(&args.role)?,
        unit: args.unit.clone(),
        password: new_password()?,
    };
    let first = !ledger.accounts_exist()?;
    let a = ledger.write(&db::actor(), |w| w.add_account(&new))?;
    let mut out = format!("已新建账号：{}\n", describe(&a));
    if first {
        out.push_str("这是第一个账号：从现在起，每条命令都要用 --user 登录（密码取自 TAIZHANG_PASSWORD 或在终端输入）。\n");
    }
    Ok(out)
}

pub fn list(cli: &Cli, args: &FormatArgs) -> CliResult<String> {
    let ledger = db::open_read(cli)?;
    let accounts = ledger.accounts()?;
    emit(args.format, &accounts, || {
        let mut t = Table::new(vec![
            left("登录名", "login"),
            left("姓名", "display_name"),
            left("角色", "role"),
            left("单位", "unit"),
            left("状态", "state"),
        ]);
        for a in &accounts {
            let state = if a.disabled {
                "已停用".to_string()
            } else if let Some(until) = &a.locked_until {
                format!("已锁定至 {until}")
            } else {
                "正常".to_string()
            };
            t.push(vec![
                a.login.clone(),
                a.display_name.clone(),
                a.role.label().to_string(),
                a.unit_name.clone().unwrap_or_else(|| "全市".into()),
                state,
            ]);
        }
        t
    })
}

pub fn edit(cli: &Cli, args: &UserEditArgs) -> CliResult<String> {
    let mut ledger = db::open(cli, Create::Refused)?;
    let old = ledger.account(&args.name)?;
    let change = AccountChange {
        display_name: args.display.clone().unwrap_or(old.display_name.clone()),
        role: args
            .role
            .as_deref()
            .map(role)
            .transpose()?
            .unwrap_or(old.role),
        unit: match args.unit.as_deref() {
            Some("-") => None,
            Some(u) => Some(u.to_string()),
            None => old.unit_id.clone(),
        },
    };
    let a = ledger.write(&db::actor(), |w| w.update_account(&old.id, &change))?;
    Ok(format!("已修改账号：{}\n", describe(&a)))
}

pub fn set_disabled(cli: &Cli, name: &str, disabled: bool) -> CliResult<String> {
    let mut ledger = db::open(cli, Create::Refused)?;
    let a = ledger.write(&db::actor(), |w| w.set_account_disabled(name, disabled))?;
    let what = if disabled { "已停用" } else { "已启用" };
    Ok(format!("{what}账号：{}\n", describe(&a)))
}

/// One's own password (the old one is the password just signed in with), or an admin's
/// reset of another account's.
pub fn passwd(cli: &Cli, name: &str) -> CliResult<String> {
    let mut ledger = db::open(cli, Create::Refused)?;
    let target = ledger.account(name)?;
    let me = db::actor();
    let new = new_password()?;
    if me.account_id.as_deref() == Some(target.id.as_str()) {
        let old = db::secret("TAIZHANG_PASSWORD", "原密码：")?;
        ledger.write(&me, |w| w.change_own_password(&old, &new))?;
        return Ok(format!("已修改密码：{}\n", target.login));
    }
    ledger.write(&me, |w| w.reset_password(&target.id, &new))?;
    Ok(format!("已重置密码：{}（锁定已解除）\n", target.login))
}
