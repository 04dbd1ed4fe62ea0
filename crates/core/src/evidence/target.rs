//! What an attachment hangs on: an entry, a pairing, a cooperation project, an activity
//! register row or a unit's return. Each gives the unit the attachment belongs to (a
//! project's: its pairing's), for the permission table and the reader's scope, and the
//! day or period it is dated in, for the lock of a reporting round.

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{LedgerError, Result};
use crate::model::Period;
use crate::round::RoundPeriod;

/// The kind of row an attachment hangs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AttachedTo {
    /// A completion (完成情况).
    Entry,
    /// A pairing (结对关系).
    Pairing,
    /// A cooperation project (合作项目).
    Project,
    /// A row of an activity register (活动台账记录).
    RegisterRow,
    /// A unit's return (单位报表), whose original file is kept this way.
    UnitReturn,
}

impl AttachedTo {
    /// The kind's code as stored in the `evidence` table (`entry`, `register_row` …).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Entry => "entry",
            Self::Pairing => "pairing",
            Self::Project => "project",
            Self::RegisterRow => "register_row",
            Self::UnitReturn => "unit_return",
        }
    }

    /// The kind for a stored code, or None.
    pub fn parse(s: &str) -> Option<Self> {
        [
            Self::Entry,
            Self::Pairing,
            Self::Project,
            Self::RegisterRow,
            Self::UnitReturn,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }

    /// 完成情况, 结对关系 …
    pub fn label(self) -> &'static str {
        match self {
            Self::Entry => "完成情况",
            Self::Pairing => "结对关系",
            Self::Project => "合作项目",
            Self::RegisterRow => "活动台账记录",
            Self::UnitReturn => "单位报表",
        }
    }
}

/// One row to attach to, or whose attachments to list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EvidenceTarget {
    /// The kind of row.
    pub kind: AttachedTo,
    /// The row's id (a unit's return: see `Ledger::return_evidence_target`).
    pub id: String,
}

/// The row an attachment hangs on, as the checks need it.
pub(crate) struct Parent {
    pub unit_id: String,
    /// The day (or, for a return, the period) it is dated in.
    pub dated: Period,
}

/// The row `target` names, or `not_found`.
pub(crate) fn parent(conn: &Connection, target: &EvidenceTarget) -> Result<Parent> {
    let sql = match target.kind {
        AttachedTo::Entry => "SELECT unit_id, occurred_on FROM progress_entry WHERE id = ?1",
        AttachedTo::Pairing => "SELECT unit_id, signed_on FROM pairing WHERE id = ?1",
        AttachedTo::Project => {
            "SELECT p.unit_id, c.agreed_on FROM coop_project c JOIN pairing p ON p.id = c.pairing_id
             WHERE c.id = ?1"
        }
        AttachedTo::RegisterRow => "SELECT unit_id, occurred_on FROM register_row WHERE id = ?1",
        AttachedTo::UnitReturn => "SELECT unit_id, period FROM unit_return WHERE id = ?1",
    };
    let found: Option<(String, String)> = conn
        .query_row(sql, [target.id.trim()], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let Some((unit_id, when)) = found else {
        return Err(LedgerError::NotFound {
            what: target.kind.label(),
            id: target.id.clone(),
        });
    };
    let dated = match target.kind {
        AttachedTo::UnitReturn => RoundPeriod::parse(&when)?.period(),
        _ => {
            let day = crate::validate::parse_date(&when)?;
            Period {
                start: day,
                end: day,
            }
        }
    };
    Ok(Parent { unit_id, dated })
}
