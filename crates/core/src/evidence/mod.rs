//! 佐证材料: files (PDF, JPG, PNG, .docx, .xlsx; at most 20 MB each) attached to an entry,
//! a pairing, a cooperation project, an activity register row or a unit's return.
//!
//! - [`checks`]: what is refused before anything is written (not a regular file, over
//!   20 MB, a type that is not evidence, bytes that are not what the extension says).
//! - [`kinds`]: the accepted kinds, by extension and by magic bytes.
//! - [`files`]: the files kept beside the ledger in 佐证材料/ under their SHA-256.
//! - [`opener`]: hands a checked file to the system's viewer.
//! - [`target`]: what an attachment hangs on, its unit and its date.
//! - [`orphans`]: 已删除记录的佐证 (attachments of deleted rows, kept and listed) and
//!   attachments following a replaced return's entries to the new ones.
//! - [`original`]: 报表原件 — the file a unit's return was imported from, kept among the
//!   return's attachments inside the import's transaction.
//! - `attach.rs`: attaching (one `Ledger::write`: permissions, the lock, the trail),
//!   listing, opening (the hash checked first) and removing (marked, file kept).

mod attach;
pub mod checks;
mod error;
pub mod files;
pub mod kinds;
pub mod opener;
pub mod original;
pub mod orphans;
pub mod target;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use checks::MAX_EVIDENCE_BYTES;
pub use error::EvidenceError;
pub use kinds::ACCEPTED_EXTENSIONS;
pub use opener::open_with_system;
pub(crate) use orphans::move_evidence;
pub use target::{AttachedTo, EvidenceTarget};

/// One attachment, as listed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Evidence {
    /// The attachment's UUID.
    pub id: String,
    /// The kind of row it hangs on.
    pub attached_to: AttachedTo,
    /// The id of the row it hangs on.
    pub attached_id: String,
    /// The UUID of the unit of that row, which scopes who may see and change it.
    pub unit_id: String,
    /// The name the file had when attached.
    pub file_name: String,
    /// The file's media type (application/pdf, image/png …).
    pub media_type: String,
    /// The file's size in bytes.
    #[ts(type = "number")]
    pub size_bytes: i64,
    /// Lowercase hex SHA-256 of the file's bytes, as recorded in the ledger.
    pub sha256: String,
    /// A free-text note on the attachment.
    pub note: String,
    /// When it was attached (RFC 3339, UTC).
    pub added_at: String,
    /// Who attached it.
    pub added_by: String,
    /// When it was removed from its row; None while attached.
    pub removed_at: Option<String>,
    /// Who removed it; None while attached.
    pub removed_by: Option<String>,
    /// The stored file is in 佐证材料.
    pub exists: bool,
    /// …and still has the recorded SHA-256 (rechecked when listed and before opening).
    pub intact: bool,
}
