//! The ledger: one SQLite file and every operation on it. Reads are methods on [`Ledger`];
//! every write goes through [`Ledger::write`], which names the actor and runs in one
//! transaction, so that permission checks and the audit trail have exactly one home.

mod actions;
mod backups;
mod entries;
mod indicators;
mod lookup;
mod rows;
mod session;
mod settings;
mod targets;
mod units;

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, SecondsFormat, Utc};
use rusqlite::{Connection, Transaction, TransactionBehavior};

use crate::audit;
use crate::auth::Scope;
use crate::error::Result;
use crate::model::Actor;
use crate::store;

pub use backups::RestoreReport;
pub use indicators::IndicatorChange;
pub use session::SessionInfo;
pub use settings::Settings;
pub use targets::TargetFilter;

/// An open ledger file (or in-memory ledger): the reads, and the door to every write through `write`.
pub struct Ledger {
    conn: Connection,
    path: Option<PathBuf>,
    /// Fixed "today" for tests and reproducible runs; None means the system clock.
    today: Option<NaiveDate>,
    /// Whose reads these are (session.rs): the signed-in account, or the person at the
    /// machine while the ledger has no accounts.
    reader: Actor,
    /// The machine's name, as the trail records it.
    machine: String,
    /// The trail is written (always, except in a benchmark measuring its cost).
    trail: bool,
    /// The reason every write of this ledger gives, unless the write sets its own (the
    /// CLI's `--reason`).
    write_reason: Option<String>,
    /// Why the ledger was opened read-only (the file or its folder cannot be written).
    read_only: Option<String>,
    /// Derived indicators' rows, kept across views until the file changes.
    derived: std::sync::Mutex<crate::register::derive_units::DerivedCache>,
}

impl Ledger {
    /// Opens the ledger file (creating it when missing), migrating it and adding the
    /// defaults a new ledger needs (the five actions, default settings). An existing file
    /// that is not a ledger is refused (see [`store::open_ledger`]); one that cannot be
    /// written opens read-only ([`read_only_notice`](Self::read_only_notice) says why).
    pub fn open(path: &Path) -> Result<Self> {
        Self::open_as(path, store::NewLedger::IfMissing)
    }

    /// Like [`open`](Self::open), and an existing empty file becomes a new ledger too: what
    /// `taizhang init` asks for.
    pub fn init(path: &Path) -> Result<Self> {
        Self::open_as(path, store::NewLedger::OverEmptyFile)
    }

    fn open_as(path: &Path, new_ledger: store::NewLedger) -> Result<Self> {
        let opened = store::open_ledger(path, new_ledger)?;
        Self::start(opened.conn, Some(path.to_path_buf()), opened.read_only)
    }

    /// Opens an existing ledger for reading only (no write lock, so it answers while
    /// another connection writes). A ledger whose schema is older is first upgraded by a
    /// read-write open when the file can be written.
    pub fn open_read_only(path: &Path) -> Result<Self> {
        let conn = match store::open_read_only(path) {
            Err(crate::LedgerError::ReadOnly { .. })
                if crate::health::read_only_reason(path).is_none() =>
            {
                drop(Self::open(path)?);
                store::open_read_only(path)?
            }
            other => other?,
        };
        Self::start(
            conn,
            Some(path.to_path_buf()),
            Some("以只读方式打开".into()),
        )
    }

    /// Why this ledger cannot be written, when it was opened read-only.
    pub fn read_only_notice(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    /// A new, empty ledger held in memory (migrated, with no file behind it), as tests use.
    pub fn open_in_memory() -> Result<Self> {
        let conn = store::open_in_memory()?;
        Self::start(conn, None, None)
    }

    /// Installs the trail's capture on the connection, baselines rows the trail has not
    /// seen (a ledger made before it, a reshaped table), and adds the defaults. A read-only
    /// connection writes nothing: it only gets the trail's SM3 function (for verifying).
    fn start(
        mut conn: Connection,
        path: Option<PathBuf>,
        read_only: Option<String>,
    ) -> Result<Self> {
        let machine = crate::auth::machine();
        if read_only.is_some() {
            audit::register_functions(&conn)?;
        } else {
            audit::install(&conn)?;
        }
        if read_only.is_none() && audit::baseline_needed(&conn)? {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            audit::ensure_baseline(&tx, &now_stamp(), &machine)?;
            tx.commit()?;
        }
        let mut ledger = Self {
            conn,
            path,
            today: None,
            reader: Actor::local_user("local"),
            machine,
            trail: true,
            write_reason: None,
            read_only,
            derived: Default::default(),
        };
        if ledger.read_only.is_none() {
            ledger.ensure_defaults()?;
        }
        Ok(ledger)
    }

    /// The reason recorded in the trail with every later write (unless it sets its own).
    pub fn set_write_reason(&mut self, reason: Option<String>) {
        self.write_reason = reason
            .map(|r| r.trim().to_string())
            .filter(|r| !r.is_empty());
    }

    /// Turns the trail off on this connection. Only for the benchmark that prints what the
    /// trail costs; a ledger written this way no longer verifies.
    #[doc(hidden)]
    pub fn without_trail_for_benchmarks(&mut self) -> Result<()> {
        self.trail = false;
        let names: Vec<String> = self
            .conn
            .prepare("SELECT name FROM temp.sqlite_master WHERE type = 'trigger' AND name LIKE 'tz_audit_%'")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for n in names {
            self.conn
                .execute_batch(&format!("DROP TRIGGER temp.\"{n}\";"))?;
        }
        Ok(())
    }

    /// The ledger file's path; None for an in-memory ledger.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Pins "today" (used to reject future dates and as the default as-of date).
    pub fn set_today(&mut self, today: Option<NaiveDate>) {
        self.today = today;
    }

    /// The ledger's today: the pinned date, or the system's local date.
    pub fn today(&self) -> NaiveDate {
        self.today
            .unwrap_or_else(|| chrono::Local::now().date_naive())
    }

    /// The progress engine over this ledger as of a day, sharing its derived rows.
    pub(crate) fn engine(&self, as_of: NaiveDate) -> Result<crate::progress::Engine<'_>> {
        Ok(crate::progress::Engine::new(self.conn(), as_of)?.sharing(&self.derived))
    }

    /// The read connection, for queries inside the core (progress, export).
    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Runs `f` in one immediate transaction on behalf of `actor`; commits when it returns
    /// Ok, rolls back (writing nothing) when it returns an error.
    pub fn write<T>(
        &mut self,
        actor: &Actor,
        f: impl FnOnce(&mut Writer<'_>) -> Result<T>,
    ) -> Result<T> {
        let today = self.today();
        let actor = self.acting(actor)?;
        let scope = Scope::of(&self.conn, actor.unit_id.as_deref())?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut w = Writer {
            tx,
            actor,
            now: now_stamp(),
            today,
            stable_ids: None,
            reason: self.write_reason.clone().unwrap_or_default(),
            own_password_verified: false,
            reviewer_correcting: false,
            trail: self.trail.then(|| (scope, self.machine.clone())),
            exchange_applying: false,
            paused_entries: None,
        };
        let out = f(&mut w)?;
        w.seal_so_far()?;
        w.tx.commit()?;
        Ok(out)
    }

    fn ensure_defaults(&mut self) -> Result<()> {
        let done: Option<String> = rows::meta(&self.conn, "defaults_added")?;
        if done.is_some() {
            return Ok(());
        }
        self.write(&Actor::system(), |w| {
            for a in crate::defaults::ACTIONS {
                w.add_action(a.to_new())?;
            }
            w.set_meta("defaults_added", "1")
        })
    }
}

/// A write in progress: the transaction, who acts, and the time stamp all its rows share.
pub struct Writer<'a> {
    tx: Transaction<'a>,
    actor: Actor,
    now: String,
    today: NaiveDate,
    /// When set, new rows get UUIDv5 ids derived from their natural key in this namespace,
    /// so the same reference data (e.g. the city's units) has the same id on every machine.
    stable_ids: Option<uuid::Uuid>,
    /// Why, when the person said (the trail records it with every row of this write).
    reason: String,
    /// Set by `change_own_password` once the old password matched: only then may an
    /// account without the accounts grant change its own password.
    pub(crate) own_password_verified: bool,
    /// A reviewer's correction (审核更正) is in this write: its entry changes are allowed
    /// within the reviewer's scope.
    pub(crate) reviewer_correcting: bool,
    /// With the trail on: the actor's scope and the machine, which every record of this
    /// write is checked against and stamped with.
    trail: Option<(Scope, String)>,
    /// A received package is being applied (exchange/import.rs): the rows are the
    /// sender's, checked by the exchange itself, so a unit ledger's bound does not apply.
    pub(crate) exchange_applying: bool,
    /// While an import adds entries with the trail on, their capture trigger is paused and
    /// the entries added since the last seal are sealed in bulk (see `with_direct_entries`).
    paused_entries: Option<audit::Paused>,
}

impl Writer<'_> {
    /// Checks and appends to the trail the changes made so far in this write (every write
    /// does at its end; a long import also every so many rows, so the changes waiting to
    /// be sealed never grow with the file). A refused change fails the write.
    pub(crate) fn seal_so_far(&mut self) -> Result<()> {
        let Some((scope, machine)) = &self.trail else {
            return Ok(());
        };
        // A unit's own ledger writes only its subtree, whoever writes; the exchange's
        // apply brings the city's rows (catalogue, the path up) and is exempt.
        let bounded;
        let scope = if self.exchange_applying {
            scope
        } else {
            bounded = scope.clone().bound_by_installation(&self.tx)?;
            &bounded
        };
        let stamp = audit::Stamp {
            actor: &self.actor,
            scope,
            at: &self.now,
            machine,
            reason: &self.reason,
            own_password_verified: self.own_password_verified,
            reviewer_correcting: self.reviewer_correcting,
        };
        if let Some(paused) = &mut self.paused_entries {
            audit::seal_inserts(&self.tx, &stamp, paused)?;
        }
        audit::seal(&self.tx, &stamp)?;
        Ok(())
    }

    /// Runs `f` with the capture trigger of entry inserts paused: the entries it adds are
    /// read back and sealed in bulk (audit/direct.rs), at each seal and at the end. The
    /// trigger is back when this returns, whatever `f` returned.
    pub(crate) fn with_direct_entries<T>(
        &mut self,
        f: impl FnOnce(&mut Self) -> Result<T>,
    ) -> Result<T> {
        if self.trail.is_none() {
            return f(self);
        }
        self.seal_so_far()?;
        self.paused_entries = Some(audit::pause_entry_capture(&self.tx)?);
        let out = f(self);
        // Sealed while still paused, so that no entry added by `f` is missed (even when
        // `f` failed: its caller normally rolls back, but must never commit rows unsealed).
        let sealed = self.seal_so_far();
        self.paused_entries = None;
        let resumed = audit::resume_entry_capture(&self.tx);
        let out = out?;
        sealed?;
        resumed?;
        Ok(out)
    }

    /// Records why this write is made (a correction, an unlock …) in its trail records.
    pub fn set_reason(&mut self, reason: &str) {
        self.reason = reason.trim().to_string();
    }

    /// Derive ids of rows added from now on from their natural keys (see `stable_ids`).
    pub fn use_stable_ids(&mut self, namespace: uuid::Uuid) {
        self.stable_ids = Some(namespace);
    }

    /// A new row's id: random, or derived from `key` when stable ids are on.
    pub(crate) fn id_for(&self, key: impl FnOnce() -> String) -> String {
        match self.stable_ids {
            Some(ns) => uuid::Uuid::new_v5(&ns, key().as_bytes()).to_string(),
            None => new_id(),
        }
    }

    /// Who performs this write.
    pub fn actor(&self) -> &Actor {
        &self.actor
    }
    /// The write's transaction, for queries and statements inside the core.
    pub fn conn(&self) -> &Connection {
        &self.tx
    }
    /// The ledger's today, fixed for the whole write.
    pub fn today(&self) -> NaiveDate {
        self.today
    }
    /// Sets a key of the `meta` table, replacing its value.
    pub fn set_meta(&mut self, key: &str, value: &str) -> Result<()> {
        self.tx.execute(
            "INSERT INTO meta(key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )?;
        Ok(())
    }
    pub(crate) fn now(&self) -> &str {
        &self.now
    }
    /// Removes a key from the `meta` table.
    pub fn delete_meta(&mut self, key: &str) -> Result<()> {
        self.tx.execute("DELETE FROM meta WHERE key = ?1", [key])?;
        Ok(())
    }
}

impl Ledger {
    /// A value of the `meta` table (schema facts, sample markers), None when the key is absent.
    pub fn meta(&self, key: &str) -> Result<Option<String>> {
        rows::meta(&self.conn, key)
    }
}

/// RFC 3339 UTC with milliseconds: sortable as text.
pub(crate) fn now_stamp() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true)
}

pub(crate) fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

// Read paths shared with the progress engine and exports.
pub(crate) use actions::{check_code, list as read_actions};
pub(crate) use indicators::list as read_indicators;
pub(crate) use lookup::{
    action as lookup_action, indicator as lookup_indicator, unit as lookup_unit,
};
pub(crate) use settings::read as read_settings;
pub(crate) use targets::of_unit as read_unit_targets;
pub(crate) use targets::of_unit_and_indicator as read_targets_of;
pub(crate) use units::list as read_units;
