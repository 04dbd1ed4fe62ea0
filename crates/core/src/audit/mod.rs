//! The audit trail (留痕): one record per changed row, chained by SM3 hashes.
//!
//! - `tables.rs`: which tables are audited, how a row is imaged, the TEMP capture triggers.
//! - `direct.rs`: an import's entries, read back and sealed in bulk (no trigger per row).
//! - `seal.rs`: at the end of every `Ledger::write`, the captured changes are checked
//!   (`guard.rs`, the permission table) and appended (`chain.rs`).
//! - `baseline.rs`: rows that predate the trail (or a reshaped table) get baseline records.
//! - `verify.rs`: the chain recomputed and every row compared with what the trail says.
//! - `list.rs`: the 操作记录 page, `audit list` and a row's 历史.

mod append;
mod baseline;
mod chain;
mod direct;
mod guard;
mod list;
mod seal;
mod tables;
mod verify;

pub use chain::sm3_hex;
pub use list::{column_label, AuditFilter, AuditPage, AuditRecord, FieldChange};
pub use tables::{area_of, table_label};
pub use verify::AuditVerdict;

pub(crate) use baseline::{ensure as ensure_baseline, needed as baseline_needed};
pub(crate) use chain::register_sm3 as register_functions;
pub(crate) use direct::{
    pause as pause_entry_capture, resume as resume_entry_capture, seal_inserts, Paused,
};
pub(crate) use guard::unit_name;
pub(crate) use seal::{seal, Stamp};
pub(crate) use tables::install;
pub(crate) use verify::local_minute;
