//! Backing the ledger up and restoring a backup over it (see [`crate::backup`]).

use std::path::Path;

use serde::Serialize;
use ts_rs::TS;

use super::Ledger;
use crate::backup::{self, BackupFigures, BackupInfo, BackupReason};
use crate::error::{LedgerError, Result};

/// What a restore did: the file it came from, what the ledger now holds, and the backup of
/// the state it replaced.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RestoreReport {
    /// The backup file the ledger was restored from.
    pub restored_from: String,
    /// What the ledger holds after the restore.
    pub figures: BackupFigures,
    /// The backup of the ledger made just before the restore, when one was made.
    pub backup_of_previous: Option<BackupInfo>,
}

impl Ledger {
    /// Backs the ledger up into its `备份` folder for `reason` (None for an in-memory one).
    /// A manual one (`BackupReason::Manual`) is the person's act: administrators only.
    pub fn backup_before(&self, reason: BackupReason) -> Result<Option<BackupInfo>> {
        if reason == BackupReason::Manual {
            self.require_grant(crate::auth::Area::Backups)?;
        }
        match &self.path {
            Some(path) => backup::make(&self.conn, path, reason).map(Some),
            None => Ok(None),
        }
    }

    /// The start-up backup: made when none was made today.
    pub fn daily_backup(&self) -> Result<Option<BackupInfo>> {
        match &self.path {
            Some(path) if !backup::made_today(path, BackupReason::Startup) => {
                self.backup_before(BackupReason::Startup)
            }
            _ => Ok(None),
        }
    }

    /// A checked backup written to `out` (any folder); returns its size in bytes.
    pub fn backup_to(&self, out: &Path) -> Result<u64> {
        self.require_grant(crate::auth::Area::Backups)?;
        backup::make_to(&self.conn, out)
    }

    /// A backup into `folder` (a USB stick, a shared drive), named like those in `备份`.
    pub fn backup_to_folder(&self, folder: &Path) -> Result<BackupInfo> {
        if !folder.is_dir() {
            return Err(LedgerError::BackupFailed(format!(
                "「{}」不是一个文件夹",
                folder.display()
            )));
        }
        let name = chrono::Local::now()
            .format("taizhang-%Y%m%d-%H%M%S-手动.db")
            .to_string();
        let out = folder.join(name);
        self.backup_to(&out)?;
        let mut info = backup::describe_file(&out, BackupReason::Manual)?;
        info.path = out.display().to_string();
        Ok(info)
    }

    /// The backups in the ledger's `备份` folder, newest first, with their figures.
    pub fn backups(&self) -> Result<Vec<BackupInfo>> {
        self.require_grant(crate::auth::Area::Backups)?;
        match &self.path {
            Some(path) => backup::list(path),
            None => Ok(Vec::new()),
        }
    }

    /// Restores the backup at `from` over this ledger: refuses a file that is not a
    /// ledger, from a newer version or damaged; backs the current state up first; copies
    /// the backup in with the backup API (other connections see it at their next read);
    /// upgrades it when its schema is older; reports what the ledger now holds.
    pub fn restore(&mut self, from: &Path) -> Result<RestoreReport> {
        self.require_grant(crate::auth::Area::Backups)?;
        if let Some(why) = &self.read_only {
            return Err(LedgerError::ReadOnly { why: why.clone() });
        }
        backup::inspect(from)?;
        let backup_of_previous = match &self.path {
            Some(path) => Some(backup::make_sparing(
                &self.conn,
                path,
                BackupReason::BeforeRestore,
                Some(from),
            )?),
            None => None,
        };
        backup::restore_into(from, &mut self.conn)?;
        crate::store::upgrade(&mut self.conn)?;
        let figures = backup::figures(&self.conn)?;
        tracing::info!(
            target: "taizhang::backup",
            entries = figures.entries,
            pairings = figures.pairings,
            "restored"
        );
        Ok(RestoreReport {
            restored_from: from.display().to_string(),
            figures,
            backup_of_previous,
        })
    }

    /// What the ledger holds now (entries, pairings, schema version).
    pub fn figures(&self) -> Result<BackupFigures> {
        Ok(backup::figures(&self.conn)?)
    }
}
