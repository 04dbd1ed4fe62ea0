//! Accounts, roles and scopes (issue 9). Who may write what is one table,
//! [`permissions::PERMISSIONS`]; it is enforced on every write by the audit guard inside
//! `Ledger::write` (from the rows the write changed), and on reads by `Ledger::read_scope`.
//!
//! A ledger without accounts is single-user: the actor is the machine's user and may do
//! everything. The first account must be an admin; from then on every door (window, CLI)
//! acts as a signed-in account.

mod accounts;
mod password;
mod permissions;
mod scope;
mod sign_in;

pub use accounts::{AccountChange, AccountView, NewAccount};
pub use password::check_strength;
pub use permissions::{grant, Area, AreaGrant, Grant, Permissions, PERMISSIONS};
pub use scope::Scope;
pub use sign_in::{LOCK_AFTER_FAILURES, LOCK_MINUTES};

pub(crate) use accounts::exist as accounts_exist_in;

/// The OS user at this machine, as single-user mode names the actor.
pub fn os_user() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .map(|u| u.trim().to_string())
        .find(|u| !u.is_empty())
        .or_else(|| whoami::username().ok().filter(|u| !u.trim().is_empty()))
        .unwrap_or_else(|| "本机用户".into())
}

/// This machine's name, as the audit trail records it.
pub fn machine() -> String {
    whoami::hostname()
        .ok()
        .filter(|h| !h.trim().is_empty())
        .unwrap_or_else(|| "本机".into())
}
