//! Who is reading: the signed-in account (or, before any account exists, the person at the
//! machine). Reads of rows are limited to the reader's scope; figures (progress, ranking)
//! of every unit are open to every signed-in reader, as a unit must see where it stands.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::auth::{grant, AccountView, Area, Grant, Permissions, Scope};
use crate::error::{LedgerError, Result};
use crate::model::{Actor, Role};
use crate::Ledger;

/// Who is signed in and what they may do, for the window's top bar and buttons.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SessionInfo {
    /// With accounts every door must sign in; without, the person at the machine may do all.
    pub accounts_exist: bool,
    /// The signed-in account; None without one.
    pub account: Option<AccountView>,
    /// What the signed-in person (or the single user) may do.
    pub permissions: Permissions,
    /// Who writes now: 「王某某（兰山区填报员）」, or `desktop:<OS user>` in single-user mode.
    pub actor: String,
}

impl Ledger {
    /// The session as the window shows it; never `login_required` (it is how the window
    /// learns that it must show the login screen).
    pub fn session_info(&self) -> Result<SessionInfo> {
        let accounts_exist = self.accounts_exist()?;
        let reader = match self.acting(&self.reader) {
            Ok(r) => r,
            Err(LedgerError::LoginRequired | LedgerError::AccountDisabled { .. }) => {
                return Ok(SessionInfo {
                    accounts_exist,
                    account: None,
                    permissions: Permissions::nobody(),
                    actor: String::new(),
                })
            }
            Err(e) => return Err(e),
        };
        let account = match &reader.account_id {
            Some(id) => Some(self.account(id)?),
            None => None,
        };
        let actor = match &account {
            Some(a) => format!(
                "{}（{}{}）",
                a.display_name,
                a.unit_name.clone().unwrap_or_default(),
                a.role.label()
            ),
            None => reader.name.clone(),
        };
        Ok(SessionInfo {
            accounts_exist,
            account,
            permissions: self.permissions()?,
            actor,
        })
    }

    /// Reads from now on are this actor's (set by [`sign_in`](Self::sign_in)).
    pub fn set_reader(&mut self, actor: Actor) {
        self.reader = actor;
    }

    /// Reads from now on are nobody's: with accounts, every read answers `login_required`.
    pub fn sign_out(&mut self) {
        self.reader = Actor::local_user("local");
    }

    /// The current reader.
    pub fn reader(&self) -> &Actor {
        &self.reader
    }

    /// The actor as the ledger knows it now: an account's role, unit and state are read
    /// afresh (a change by an admin takes effect at once); without a signed-in account,
    /// a ledger with accounts refuses with `login_required`.
    pub(crate) fn acting(&self, actor: &Actor) -> Result<Actor> {
        match &actor.account_id {
            Some(id) => {
                let found = self.conn().query_row(
                    "SELECT role, unit_id, disabled, login FROM account WHERE id = ?1",
                    [id],
                    |r| {
                        Ok((
                            r.get::<_, String>(0)?,
                            r.get::<_, Option<String>>(1)?,
                            r.get::<_, bool>(2)?,
                            r.get::<_, String>(3)?,
                        ))
                    },
                );
                let (role, unit_id, disabled, login) = match found {
                    Ok(v) => v,
                    Err(rusqlite::Error::QueryReturnedNoRows) => {
                        return Err(LedgerError::LoginRequired)
                    }
                    Err(e) => return Err(e.into()),
                };
                if disabled {
                    return Err(LedgerError::AccountDisabled { login });
                }
                Ok(Actor {
                    role: Role::parse(&role).unwrap_or(Role::Viewer),
                    unit_id,
                    ..actor.clone()
                })
            }
            None if actor.name == "system" => Ok(actor.clone()),
            None if crate::auth::accounts_exist_in(self.conn())? => Err(LedgerError::LoginRequired),
            None => Ok(actor.clone()),
        }
    }

    /// `login_required` when the ledger has accounts and nobody signed in (or the account
    /// was disabled meanwhile).
    pub fn require_signed_in(&self) -> Result<()> {
        self.acting(&self.reader).map(|_| ())
    }

    /// The reader's scope; `login_required` when accounts exist and nobody signed in.
    pub fn read_scope(&self) -> Result<Scope> {
        let reader = self.acting(&self.reader)?;
        Scope::of(self.conn(), reader.unit_id.as_deref())
    }

    /// The unit a listing shows: the one asked for, if inside the reader's scope, else
    /// refused; none asked for: the scope's root (None for the whole tree).
    pub fn clamp_unit(&self, unit: Option<&str>) -> Result<Option<String>> {
        let scope = self.read_scope()?;
        let Some(key) = unit.map(str::trim).filter(|k| !k.is_empty()) else {
            return Ok(scope.root.clone());
        };
        let found = crate::ledger::lookup_unit(self.conn(), key)?;
        if scope.contains(Some(&found.id)) {
            return Ok(Some(found.id));
        }
        let reader = self.acting(&self.reader)?;
        let own = match &reader.unit_id {
            Some(id) => crate::ledger::lookup_unit(self.conn(), id)?.name,
            None => String::new(),
        };
        Err(LedgerError::Forbidden {
            message: format!("{own}{}无权查看{}的数据", reader.role.label(), found.name),
        })
    }

    /// Refuses a reader whose role has no grant at all in `area` (accounts: admins only).
    pub fn require_grant(&self, area: Area) -> Result<()> {
        let reader = self.acting(&self.reader)?;
        if grant(reader.role, area) == Grant::None {
            return Err(LedgerError::Forbidden {
                message: format!("{}无权查看{}", reader.role.label(), area.label()),
            });
        }
        Ok(())
    }

    /// What the reader may do, for the window.
    pub fn permissions(&self) -> Result<Permissions> {
        let reader = self.acting(&self.reader)?;
        let scope = Scope::of(self.conn(), reader.unit_id.as_deref())?;
        let unit = match &reader.unit_id {
            Some(id) => {
                let u = crate::ledger::lookup_unit(self.conn(), id)?;
                Some((u.id, u.name))
            }
            None => None,
        };
        Ok(Permissions::of(reader.role, unit, scope.ids()))
    }
}
