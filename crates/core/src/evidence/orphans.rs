//! Evidence whose row is gone, and evidence that follows its row. Nothing a person attached
//! is dropped or left pointing at nothing unseen:
//!
//! - a corrected return replaces the entries the earlier one wrote: each replaced entry's
//!   attachments move to the new entry of the same indicator, else to the return itself
//!   (`move_evidence`, in the import's one transaction);
//! - an entry, pairing (with its projects), project or activity row deleted keeps its
//!   attachments (rows and files); they are listed as 已删除记录的佐证
//!   ([`Ledger::orphaned_evidence`]) until someone opens or removes them, and
//!   [`Ledger::evidence_count`] lets a deletion say how many files a row has first.

use rusqlite::params;

use super::attach::{checked, row, SELECT};
use super::target::EvidenceTarget;
use super::Evidence;
use crate::error::Result;
use crate::ledger::{Ledger, Writer};

/// Attachments (not removed) whose row no longer exists.
const ORPHANED: &str = "removed_at IS NULL AND CASE attached_to
        WHEN 'entry' THEN NOT EXISTS (SELECT 1 FROM progress_entry x WHERE x.id = attached_id)
        WHEN 'pairing' THEN NOT EXISTS (SELECT 1 FROM pairing x WHERE x.id = attached_id)
        WHEN 'project' THEN NOT EXISTS (SELECT 1 FROM coop_project x WHERE x.id = attached_id)
        WHEN 'register_row' THEN NOT EXISTS (SELECT 1 FROM register_row x WHERE x.id = attached_id)
        WHEN 'unit_return' THEN NOT EXISTS (SELECT 1 FROM unit_return x WHERE x.id = attached_id)
        ELSE 1 END";

impl Ledger {
    /// 已删除记录的佐证: attachments (not removed) of rows deleted since, within the reader's
    /// scope, oldest first, each file's presence and hash checked. They can be opened and
    /// removed like any other.
    pub fn orphaned_evidence(&self) -> Result<Vec<Evidence>> {
        let scope = self.read_scope()?;
        let mut stmt = self.conn().prepare(&format!(
            "{SELECT} WHERE {ORPHANED} ORDER BY added_at, rowid"
        ))?;
        let found: Vec<Evidence> = stmt
            .query_map([], row)?
            .collect::<rusqlite::Result<Vec<_>>>()?
            .into_iter()
            .filter(|e| scope.contains(Some(e.unit_id.as_str())))
            .collect();
        let folder = self.evidence_folder()?;
        found.into_iter().map(|e| checked(&folder, e)).collect()
    }

    /// How many attachments (not removed) a row has: what a deletion warns about.
    pub fn evidence_count(&self, target: &EvidenceTarget) -> Result<u32> {
        Ok(self.conn().query_row(
            "SELECT COUNT(*) FROM evidence WHERE attached_to = ?1 AND attached_id = ?2
             AND removed_at IS NULL",
            (target.kind.as_str(), target.id.trim()),
            |r| r.get(0),
        )?)
    }
}

/// Moves the attachments (not removed) of `from` to `to`, stamped with the writer; returns
/// how many moved. Both rows belong to the same unit (a return and its entries).
pub(crate) fn move_evidence(
    w: &Writer<'_>,
    from: &EvidenceTarget,
    to: &EvidenceTarget,
) -> Result<u32> {
    let moved = w.conn().execute(
        "UPDATE evidence SET attached_to = ?3, attached_id = ?4, updated_at = ?5, updated_by = ?6
         WHERE attached_to = ?1 AND attached_id = ?2 AND removed_at IS NULL",
        params![
            from.kind.as_str(),
            from.id,
            to.kind.as_str(),
            to.id,
            w.now(),
            w.actor().name
        ],
    )?;
    Ok(moved as u32)
}
