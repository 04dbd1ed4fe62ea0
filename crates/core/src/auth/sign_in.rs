//! Signing in: the password checked against its argon2id hash; five wrong ones in a row
//! lock the account for five minutes. Attempts are kept in `account_login`, apart from the
//! audited account rows.

use chrono::{Duration, SecondsFormat, Utc};
use rusqlite::OptionalExtension;

use super::password;
use crate::error::{LedgerError, Result};
use crate::model::{Actor, Role};
use crate::Ledger;

/// Wrong passwords in a row that lock an account.
pub const LOCK_AFTER_FAILURES: u32 = 5;
/// How long the lock lasts.
pub const LOCK_MINUTES: i64 = 5;

fn stamp(t: chrono::DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

impl Ledger {
    /// Checks the login and password; on success every read and write of this ledger acts
    /// as that account (its role and scope) until [`sign_out`](Self::sign_out).
    pub fn sign_in(&mut self, login: &str, password_given: &str) -> Result<Actor> {
        let row: Option<(String, String, String, String, Option<String>, bool)> = self
            .conn()
            .query_row(
                "SELECT id, login, display_name, role, unit_id, disabled FROM account WHERE login = ?1 COLLATE NOCASE",
                [login.trim()],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)),
            )
            .optional()?;
        let Some((id, login, display, role, unit_id, disabled)) = row else {
            // Same wording as a wrong password: a name is not confirmed to exist.
            return Err(LedgerError::BadLogin {
                attempts_left: None,
            });
        };
        if disabled {
            return Err(LedgerError::AccountDisabled { login });
        }
        let now = Utc::now();
        let (failures, locked_until): (u32, Option<String>) = self
            .conn()
            .query_row(
                "SELECT failures, locked_until FROM account_login WHERE account_id = ?1",
                [&id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .unwrap_or((0, None));
        if let Some(until) = locked_until.filter(|u| u.as_str() > stamp(now).as_str()) {
            return Err(LedgerError::AccountLocked {
                until: crate::audit::local_minute(&until),
            });
        }
        let stored: String = self.conn().query_row(
            "SELECT password_hash FROM account WHERE id = ?1",
            [&id],
            |r| r.get(0),
        )?;
        if !password::verify(password_given, &stored) {
            let failures = failures + 1;
            let lock = (failures >= LOCK_AFTER_FAILURES)
                .then(|| stamp(now + Duration::minutes(LOCK_MINUTES)));
            self.record_login(
                "INSERT INTO account_login (account_id, failures, locked_until) VALUES (?1, ?2, ?3)
                 ON CONFLICT(account_id) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until",
                rusqlite::params![id, if lock.is_some() { 0 } else { failures }, lock],
                true,
            )?;
            return Err(match lock {
                Some(until) => LedgerError::AccountLocked {
                    until: crate::audit::local_minute(&until),
                },
                None => LedgerError::BadLogin {
                    attempts_left: Some(LOCK_AFTER_FAILURES - failures),
                },
            });
        }
        self.record_login(
            "INSERT INTO account_login (account_id, failures, locked_until, last_signed_in) VALUES (?1, 0, NULL, ?2)
             ON CONFLICT(account_id) DO UPDATE SET failures = 0, locked_until = NULL, last_signed_in = excluded.last_signed_in",
            rusqlite::params![id, stamp(now)],
            false,
        )?;
        let actor = Actor {
            name: login,
            display_name: display,
            role: Role::parse(&role).unwrap_or(Role::Viewer),
            unit_id,
            account_id: Some(id),
        };
        self.set_reader(actor.clone());
        Ok(actor)
    }

    /// Writes a sign-in attempt to `account_login`. A read-only connection (the window's
    /// reader, a CLI read) cannot: a wrong password is then recorded through a short
    /// read-write connection to the same file, so that reads cannot be used to guess
    /// passwords past the lock; a success is not recorded there (it only clears the count,
    /// which the next read-write sign-in does). A file that cannot be written at all keeps
    /// no count.
    fn record_login(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
        must_count: bool,
    ) -> Result<()> {
        if self.read_only_notice().is_none() {
            self.conn().execute(sql, params)?;
            return Ok(());
        }
        let Some(path) = self
            .path()
            .filter(|p| crate::health::read_only_reason(p).is_none())
        else {
            return Ok(());
        };
        if must_count {
            let conn = rusqlite::Connection::open(path)?;
            conn.busy_timeout(std::time::Duration::from_secs(5))?;
            conn.execute(sql, params)?;
        }
        Ok(())
    }
}
