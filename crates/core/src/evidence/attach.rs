//! Attaching, listing, opening and removing 佐证材料. An attachment is written through
//! `Ledger::write`, so the permission table (its parent's area and unit), the lock of a
//! reporting round (its parent's date) and the trail apply as to any row; its file is
//! stored inside that write and taken away again when the write fails, so a refused
//! attachment leaves neither a row nor a file.

use super::EvidenceError;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension, Row};

use super::checks::check_file;
use super::files::{self, OnDisk, Stored};
use super::kinds::kind_of_media_type;
use super::target::{parent, AttachedTo, EvidenceTarget};
use super::Evidence;
use crate::error::{LedgerError, Result};
use crate::ledger::{lookup_unit, new_id, Ledger, Writer};
use crate::model::Actor;
use crate::round::RoundPeriod;
use crate::text::{labelled, optional, TextKind};

pub(super) const SELECT: &str =
    "SELECT id, attached_to, attached_id, unit_id, file_name, media_type,
        size_bytes, sha256, note, added_at, added_by, removed_at, removed_by
    FROM evidence";

/// The longest file name kept (characters).
const NAME_MAX: usize = 255;

pub(super) fn row(r: &Row<'_>) -> rusqlite::Result<Evidence> {
    let kind: String = r.get(1)?;
    Ok(Evidence {
        id: r.get(0)?,
        attached_to: AttachedTo::parse(&kind).unwrap_or(AttachedTo::Entry),
        attached_id: r.get(2)?,
        unit_id: r.get(3)?,
        file_name: r.get(4)?,
        media_type: r.get(5)?,
        size_bytes: r.get(6)?,
        sha256: r.get(7)?,
        note: r.get(8)?,
        added_at: r.get(9)?,
        added_by: r.get(10)?,
        removed_at: r.get(11)?,
        removed_by: r.get(12)?,
        exists: false,
        intact: false,
    })
}

fn by_id(conn: &Connection, id: &str) -> Result<Evidence> {
    conn.query_row(&format!("{SELECT} WHERE id = ?1"), [id.trim()], row)
        .optional()?
        .ok_or_else(|| LedgerError::NotFound {
            what: "佐证材料",
            id: id.to_string(),
        })
}

/// The attachment (not removed) of `target` with this content, if there is one.
pub(super) fn same_content(
    conn: &Connection,
    target: &EvidenceTarget,
    sha256: &str,
) -> Result<Option<Evidence>> {
    Ok(conn
        .query_row(
            &format!(
                "{SELECT} WHERE attached_to = ?1 AND attached_id = ?2 AND sha256 = ?3
                 AND removed_at IS NULL"
            ),
            (target.kind.as_str(), target.id.trim(), sha256),
            row,
        )
        .optional()?)
}

/// A new attachment's row, as written.
pub(super) struct NewRow<'a> {
    pub target: &'a EvidenceTarget,
    pub unit_id: &'a str,
    pub file_name: &'a str,
    pub media_type: &'a str,
    pub size_bytes: i64,
    pub sha256: &'a str,
    pub note: &'a str,
}

/// Inserts the row, stamped with the writer's time and actor; returns its id.
pub(super) fn insert_row(w: &Writer<'_>, r: &NewRow<'_>) -> Result<String> {
    let id = new_id();
    w.conn().execute(
        "INSERT INTO evidence (id, attached_to, attached_id, unit_id, file_name, media_type,
            size_bytes, sha256, note, added_at, added_by, created_at, created_by, updated_at, updated_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?10, ?11, ?10, ?11)",
        rusqlite::params![
            id,
            r.target.kind.as_str(),
            r.target.id.trim(),
            r.unit_id,
            r.file_name,
            r.media_type,
            r.size_bytes,
            r.sha256,
            r.note,
            w.now(),
            w.actor().name,
        ],
    )?;
    Ok(id)
}

/// Where an attachment's file is kept.
fn stored_path(folder: &Path, e: &Evidence) -> PathBuf {
    let ext = kind_of_media_type(&e.media_type).map_or("bin", |k| k.ext);
    files::stored_path(folder, &e.sha256, ext)
}

/// The attachment with its file's presence and hash checked (`exists`, `intact`).
pub(super) fn checked(folder: &Path, mut e: Evidence) -> Result<Evidence> {
    let state = files::state_of(&stored_path(folder, &e), &e.sha256)?;
    e.exists = state != OnDisk::Missing;
    e.intact = state == OnDisk::Intact;
    Ok(e)
}

impl Ledger {
    /// 佐证材料 beside this ledger's file; an in-memory ledger has none.
    pub fn evidence_folder(&self) -> Result<PathBuf> {
        self.path()
            .map(files::folder_for)
            .ok_or_else(|| LedgerError::Invalid {
                field: "file",
                problem: "内存中的台账不能保存佐证材料".into(),
            })
    }

    /// Attaches the file at `file` to `target`. Refused before anything is written when
    /// the file cannot be evidence; refused as a whole (no row, no file) when the actor may
    /// not write the parent's rows, the parent's period is locked, or the same content is
    /// already attached to it.
    pub fn attach_evidence(
        &mut self,
        actor: &Actor,
        target: &EvidenceTarget,
        file: &Path,
        note: &str,
    ) -> Result<Evidence> {
        let folder = self.evidence_folder()?;
        let checked = check_file(file)?;
        let note = optional("note", note, TextKind::Note)?;
        let name = labelled("file", "文件名", &checked.name, TextKind::Name, NAME_MAX)?;
        let path = files::stored_path(&folder, &checked.sha256, checked.kind.ext);
        let mut stored = None;
        let written = self.write(actor, |w| {
            let p = parent(w.conn(), target)?;
            w.ensure_open_period(p.dated)?;
            if let Some(earlier) = same_content(w.conn(), target, &checked.sha256)? {
                return Err(LedgerError::Duplicate {
                    what: "内容相同的佐证材料",
                    key: earlier.file_name,
                });
            }
            let id = insert_row(
                w,
                &NewRow {
                    target,
                    unit_id: &p.unit_id,
                    file_name: &name,
                    media_type: checked.kind.media_type,
                    size_bytes: checked.bytes.len() as i64,
                    sha256: &checked.sha256,
                    note: &note,
                },
            )?;
            stored = Some(files::store(&path, &checked.sha256, &checked.bytes)?);
            by_id(w.conn(), &id)
        });
        match written {
            Ok(mut e) => {
                e.exists = true;
                e.intact = true;
                tracing::info!(target: "taizhang::evidence", bytes = e.size_bytes, "attached");
                Ok(e)
            }
            Err(err) => {
                if stored == Some(Stored::New) {
                    let _ = std::fs::remove_file(&path);
                }
                Err(err)
            }
        }
    }

    /// The attachments of `target` (not removed), oldest first, each file's presence and
    /// hash checked. Refused outside the reader's scope.
    pub fn evidence_list(&self, target: &EvidenceTarget) -> Result<Vec<Evidence>> {
        let p = parent(self.conn(), target)?;
        self.clamp_unit(Some(p.unit_id.as_str()))?;
        let folder = self.evidence_folder()?;
        let mut stmt = self.conn().prepare_cached(&format!(
            "{SELECT} WHERE attached_to = ?1 AND attached_id = ?2 AND removed_at IS NULL
             ORDER BY added_at, rowid"
        ))?;
        let list: Vec<Evidence> = stmt
            .query_map((target.kind.as_str(), target.id.trim()), row)?
            .collect::<rusqlite::Result<_>>()?;
        list.into_iter().map(|e| checked(&folder, e)).collect()
    }

    /// The path of an attachment's file, once its SHA-256 is the one recorded: a file
    /// missing (`evidence_missing`) or changed (`evidence_altered`) is never handed out.
    pub fn evidence_path_for_open(&self, id: &str) -> Result<PathBuf> {
        let e = by_id(self.conn(), id)?;
        self.clamp_unit(Some(e.unit_id.as_str()))?;
        if e.removed_at.is_some() {
            return Err(LedgerError::NotFound {
                what: "佐证材料（已移除）",
                id: e.file_name,
            });
        }
        let path = stored_path(&self.evidence_folder()?, &e);
        match files::state_of(&path, &e.sha256)? {
            OnDisk::Intact => Ok(path),
            OnDisk::Missing => Err(EvidenceError::Missing {
                file: e.file_name,
                path: path.display().to_string(),
            }
            .into()),
            OnDisk::Altered => Err(EvidenceError::Altered {
                file: e.file_name,
                expected: e.sha256[..12].to_string(),
            }
            .into()),
        }
    }

    /// Marks an attachment removed (who and when; the trail keeps the change). Its file
    /// stays in 佐证材料. Refused like a write to its parent (scope, lock).
    pub fn remove_evidence(&mut self, actor: &Actor, id: &str) -> Result<Evidence> {
        let folder = self.evidence_folder()?;
        let e = self.write(actor, |w| {
            let e = by_id(w.conn(), id)?;
            if e.removed_at.is_some() {
                return Err(LedgerError::NotFound {
                    what: "佐证材料（已移除）",
                    id: e.file_name,
                });
            }
            let target = EvidenceTarget {
                kind: e.attached_to,
                id: e.attached_id.clone(),
            };
            // The parent may be gone (an entry deleted): then no period to check.
            if let Ok(p) = parent(w.conn(), &target) {
                w.ensure_open_period(p.dated)?;
            }
            w.conn().execute(
                "UPDATE evidence SET removed_at = ?2, removed_by = ?3, updated_at = ?2, updated_by = ?3
                 WHERE id = ?1",
                rusqlite::params![e.id, w.now(), w.actor().name],
            )?;
            by_id(w.conn(), &e.id)
        })?;
        checked(&folder, e)
    }

    /// The target of a unit's return for a period (`--return 兰山区 --quarter 2024Q3`).
    pub fn return_evidence_target(&self, unit: &str, period: &str) -> Result<EvidenceTarget> {
        let u = lookup_unit(self.conn(), unit)?;
        let p = RoundPeriod::parse(period)?;
        let id: Option<String> = self
            .conn()
            .query_row(
                "SELECT id FROM unit_return WHERE unit_id = ?1 AND period = ?2",
                (&u.id, p.key()),
                |r| r.get(0),
            )
            .optional()?;
        let id = id.ok_or_else(|| LedgerError::NotFound {
            what: "单位报表",
            id: format!("{}{}", u.name, p.label_zh()),
        })?;
        Ok(EvidenceTarget {
            kind: AttachedTo::UnitReturn,
            id,
        })
    }
}
