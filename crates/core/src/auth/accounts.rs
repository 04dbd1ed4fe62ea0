//! Accounts: made, changed, disabled (never deleted: the trail names them) and their
//! passwords reset, each a write like any other (so the permission table and the trail
//! apply); a person changes their own password with the old one.

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::password;
use crate::error::{LedgerError, Result};
use crate::ledger::{lookup_unit, new_id};
use crate::model::Role;
use crate::{Ledger, Writer};

/// An account as the window and the CLI show it (never its password).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AccountView {
    /// The account's UUID.
    pub id: String,
    /// The name the person signs in with.
    pub login: String,
    /// The person's name as the trail shows it.
    pub display_name: String,
    /// The account's role.
    pub role: Role,
    /// The root unit of the account's scope; None is the whole tree.
    pub unit_id: Option<String>,
    /// That unit's name.
    pub unit_name: Option<String>,
    /// Whether an administrator disabled the account, so it cannot sign in.
    pub disabled: bool,
    /// Set while five wrong passwords keep it locked (RFC 3339).
    pub locked_until: Option<String>,
    /// When the account was made (RFC 3339, UTC).
    pub created_at: String,
}

/// A new account. `unit` is an id, a code or an exact name; None is the whole tree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct NewAccount {
    /// The name the person will sign in with.
    pub login: String,
    /// The person's name as the trail will show it.
    pub display_name: String,
    /// The account's role.
    pub role: Role,
    /// The root unit of the account's scope; None is the whole tree.
    pub unit: Option<String>,
    /// The first password, at least 8 characters with letters and digits, stored only as an argon2id hash.
    pub password: String,
}

/// What an admin may change of an account besides its password and state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AccountChange {
    /// The person's name as the trail shows it.
    pub display_name: String,
    /// The account's new role.
    pub role: Role,
    /// The new root unit of its scope (id, code or exact name); None is the whole tree.
    pub unit: Option<String>,
}

const SELECT: &str = "SELECT a.id, a.login, a.display_name, a.role, a.unit_id, u.name, a.disabled,
        CASE WHEN l.locked_until > strftime('%Y-%m-%dT%H:%M:%fZ', 'now') THEN l.locked_until END, a.created_at
    FROM account a LEFT JOIN unit u ON u.id = a.unit_id LEFT JOIN account_login l ON l.account_id = a.id";

fn view(r: &rusqlite::Row<'_>) -> rusqlite::Result<AccountView> {
    let role: String = r.get(3)?;
    Ok(AccountView {
        id: r.get(0)?,
        login: r.get(1)?,
        display_name: r.get(2)?,
        role: Role::parse(&role).unwrap_or(Role::Viewer),
        unit_id: r.get(4)?,
        unit_name: r.get(5)?,
        disabled: r.get(6)?,
        locked_until: r.get(7)?,
        created_at: r.get(8)?,
    })
}

pub(crate) fn find(conn: &Connection, key: &str) -> Result<AccountView> {
    conn.query_row(
        &format!("{SELECT} WHERE a.id = ?1 OR a.login = ?1 COLLATE NOCASE"),
        [key.trim()],
        view,
    )
    .optional()?
    .ok_or_else(|| LedgerError::NotFound {
        what: "账号",
        id: key.to_string(),
    })
}

pub(crate) fn exist(conn: &Connection) -> Result<bool> {
    Ok(conn.query_row("SELECT EXISTS (SELECT 1 FROM account)", [], |r| r.get(0))?)
}

fn enabled_admins(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT count(*) FROM account WHERE role = 'admin' AND disabled = 0",
        [],
        |r| r.get(0),
    )?)
}

fn checked_text(field: &'static str, value: &str, max: usize) -> Result<String> {
    let v = value.trim();
    let problem = if v.is_empty() {
        Some("不能为空".to_string())
    } else if v.chars().count() > max {
        Some(format!("不能超过{max}个字符"))
    } else if v.chars().any(char::is_control) {
        Some("含有控制字符".to_string())
    } else {
        None
    };
    match problem {
        Some(problem) => Err(LedgerError::Invalid { field, problem }),
        None => Ok(v.to_string()),
    }
}

fn resolve_unit(conn: &Connection, role: Role, unit: Option<&str>) -> Result<Option<String>> {
    let unit = unit.map(str::trim).filter(|u| !u.is_empty());
    match (role, unit) {
        (Role::Clerk, None) => Err(LedgerError::Invalid {
            field: "unit",
            problem: "填报员必须属于一个责任单位".into(),
        }),
        (_, Some(k)) => Ok(Some(lookup_unit(conn, k)?.id)),
        (_, None) => Ok(None),
    }
}

impl Writer<'_> {
    /// Makes an account. The ledger's first account must be an admin: from then on every
    /// door acts as a signed-in account.
    pub fn add_account(&mut self, new: &NewAccount) -> Result<AccountView> {
        let login = checked_text("login", &new.login, 32)?;
        if login.chars().any(char::is_whitespace) {
            return Err(LedgerError::Invalid {
                field: "login",
                problem: "不能含有空格".into(),
            });
        }
        let display = checked_text("display_name", &new.display_name, 50)?;
        if !exist(self.conn())? && new.role != Role::Admin {
            return Err(LedgerError::Invalid {
                field: "role",
                problem: "第一个账号必须是管理员：有了账号以后，每个人都要登录才能操作".into(),
            });
        }
        let taken: bool = self.conn().query_row(
            "SELECT EXISTS (SELECT 1 FROM account WHERE login = ?1 COLLATE NOCASE)",
            [&login],
            |r| r.get(0),
        )?;
        if taken {
            return Err(LedgerError::Duplicate {
                what: "登录名",
                key: login,
            });
        }
        password::check_strength("password", &new.password)?;
        let unit = resolve_unit(self.conn(), new.role, new.unit.as_deref())?;
        let id = new_id();
        let hash = password::hash(&new.password)?;
        self.conn().execute(
            "INSERT INTO account (id, login, display_name, role, unit_id, password_hash, password_changed_at,
                                  created_at, created_by, updated_at, updated_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8, ?7, ?8)",
            rusqlite::params![id, login, display, new.role.code(), unit, hash, self.now(), self.actor().name],
        )?;
        find(self.conn(), &id)
    }

    /// Changes an account's name, role and unit. The last admin stays an admin.
    pub fn update_account(&mut self, key: &str, change: &AccountChange) -> Result<AccountView> {
        let old = find(self.conn(), key)?;
        let display = checked_text("display_name", &change.display_name, 50)?;
        if old.role == Role::Admin
            && change.role != Role::Admin
            && !old.disabled
            && enabled_admins(self.conn())? <= 1
        {
            return Err(LedgerError::Invalid {
                field: "role",
                problem: "这是唯一的管理员账号，不能改为其他角色".into(),
            });
        }
        let unit = resolve_unit(self.conn(), change.role, change.unit.as_deref())?;
        self.conn().execute(
            "UPDATE account SET display_name = ?2, role = ?3, unit_id = ?4, updated_at = ?5, updated_by = ?6 WHERE id = ?1",
            rusqlite::params![old.id, display, change.role.code(), unit, self.now(), self.actor().name],
        )?;
        find(self.conn(), &old.id)
    }

    /// Disables (or enables again) an account. Nobody disables themselves or the last admin.
    pub fn set_account_disabled(&mut self, key: &str, disabled: bool) -> Result<AccountView> {
        let old = find(self.conn(), key)?;
        if disabled && self.actor().account_id.as_deref() == Some(old.id.as_str()) {
            return Err(LedgerError::Invalid {
                field: "disabled",
                problem: "不能停用自己正在使用的账号".into(),
            });
        }
        if disabled && old.role == Role::Admin && !old.disabled && enabled_admins(self.conn())? <= 1
        {
            return Err(LedgerError::Invalid {
                field: "disabled",
                problem: "这是唯一的管理员账号，不能停用".into(),
            });
        }
        self.conn().execute(
            "UPDATE account SET disabled = ?2, updated_at = ?3, updated_by = ?4 WHERE id = ?1",
            rusqlite::params![old.id, disabled, self.now(), self.actor().name],
        )?;
        find(self.conn(), &old.id)
    }

    /// Sets a new password for an account (an admin's reset); lifts a lock.
    pub fn reset_password(&mut self, key: &str, new_password: &str) -> Result<()> {
        let old = find(self.conn(), key)?;
        password::check_strength("password", new_password)?;
        self.set_password(&old.id, new_password)
    }

    /// The signed-in person's own password, given the old one.
    pub fn change_own_password(&mut self, old_password: &str, new_password: &str) -> Result<()> {
        let Some(id) = self.actor().account_id.clone() else {
            return Err(LedgerError::LoginRequired);
        };
        let stored: String = self.conn().query_row(
            "SELECT password_hash FROM account WHERE id = ?1",
            [&id],
            |r| r.get(0),
        )?;
        if !password::verify(old_password, &stored) {
            return Err(LedgerError::Invalid {
                field: "old",
                problem: "原密码不正确".into(),
            });
        }
        password::check_strength("new", new_password)?;
        self.own_password_verified = true;
        self.set_password(&id, new_password)
    }

    fn set_password(&mut self, id: &str, new_password: &str) -> Result<()> {
        let hash = password::hash(new_password)?;
        self.conn().execute(
            "UPDATE account SET password_hash = ?2, password_changed_at = ?3, updated_at = ?3, updated_by = ?4 WHERE id = ?1",
            rusqlite::params![id, hash, self.now(), self.actor().name],
        )?;
        self.conn().execute(
            "UPDATE account_login SET failures = 0, locked_until = NULL WHERE account_id = ?1",
            [id],
        )?;
        Ok(())
    }
}

impl Ledger {
    /// Whether the ledger has accounts (then every door must sign in).
    pub fn accounts_exist(&self) -> Result<bool> {
        exist(self.conn())
    }

    /// Every account, by login name. Only an admin lists accounts.
    pub fn accounts(&self) -> Result<Vec<AccountView>> {
        self.require_grant(super::Area::Accounts)?;
        let mut stmt = self.conn().prepare(&format!("{SELECT} ORDER BY a.login"))?;
        let rows = stmt.query_map([], view)?.collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// One account by id or login name.
    pub fn account(&self, key: &str) -> Result<AccountView> {
        find(self.conn(), key)
    }
}
