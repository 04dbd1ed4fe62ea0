//! 导入: progress entries, targets, enterprises, villages, pairings, cooperation projects
//! and activity rows from .xlsx/.xls/.ods and .csv files, as clerks keep them.
//!
//! - [`preview`] reads the file, finds each sheet's header row below any titles, maps
//!   columns by name (with synonyms, or as the person corrected them), cleans the cells,
//!   and lists every row that would be written, every duplicate and every problem by
//!   sheet, row and column, in Chinese. It writes nothing.
//! - [`commit`] does the same inside one `Ledger::write` transaction and writes the rows
//!   only when no row has a problem (else `import_rejected`, nothing written). Rows
//!   already in the ledger are skipped, so importing a file twice adds nothing.
//! - [`template`] gives a kind's .xlsx template with drop-down lists; [`template_to_file`]
//!   writes it the way exports are written (beside, then renamed into place).
//!
//! Reading: `sheet` (calamine, merged cells), `csv_text` (encodings), `cell` (cleaning),
//! `header` (header row, column matching), `fields` (each kind's columns), `rows` (data
//! rows, positioned problems). Planning: `plan`, with one file per kind and `catalog` /
//! `registers` (lookups held in memory). Writing: `write`.

mod activity;
mod catalog;
mod cell;
mod county;
mod csv_text;
mod enterprises;
mod entries;
mod fields;
pub(crate) mod file_limits;
mod header;
mod ods_merges;
mod pairings;
pub mod parsers;
mod plan;
mod projects;
mod registers;
pub mod returns;
mod rows;
mod settle;
mod sheet;
mod targets;
mod template;
mod types;
mod villages;
mod write;

use std::path::Path;

pub use file_limits::{
    MAX_FILE_BYTES, MAX_PART_RATIO, MAX_ROWS, MAX_UNPACKED_BYTES, RATIO_CHECKED_ABOVE,
};
pub use template::{template, template_to_file, template_to_file_checked};
pub use types::*;

use crate::error::{LedgerError, Result};
use crate::ledger::Ledger;
use crate::model::Actor;

/// The columns a kind reads (for the UI's mapping editor).
pub fn fields(ledger: &Ledger, kind: &ImportKind) -> Result<Vec<ImportField>> {
    fields::for_kind(ledger.conn(), kind)
}

/// What importing `path` as `kind` would do; writes nothing.
pub fn preview(
    ledger: &Ledger,
    kind: &ImportKind,
    path: &Path,
    mapping: Option<&ColumnMapping>,
) -> Result<ImportPreview> {
    let sheets = sheet::read(path)?;
    let plan = plan::build(
        ledger.conn(),
        ledger.today(),
        kind,
        path,
        sheets,
        mapping,
        plan::Purpose::Preview,
    )?;
    Ok(plan.preview)
}

/// Imports `path` as `kind` in one transaction: every new row, or nothing when any row
/// has a problem. `progress(done, total)` is called as rows are written.
pub fn commit(
    ledger: &mut Ledger,
    actor: &Actor,
    kind: &ImportKind,
    path: &Path,
    mapping: Option<&ColumnMapping>,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<ImportReport> {
    let sheets = sheet::read(path)?;
    let file = path.display().to_string();
    ledger.backup_before(crate::backup::BackupReason::BeforeImport)?;
    let report = ledger.write(actor, |w| {
        let plan = plan::build(
            w.conn(),
            w.today(),
            kind,
            path,
            sheets,
            mapping,
            plan::Purpose::Commit,
        )?;
        if !plan.preview.problems.is_empty() {
            return Err(LedgerError::ImportRejected {
                file: file.clone(),
                problems: plan.preview.problems,
            });
        }
        let written = write::apply(w, &plan, &file, progress)?;
        Ok(ImportReport {
            file: file.clone(),
            kind: kind.clone(),
            written: written.rows,
            duplicates: plan.preview.duplicate_count,
            skipped: plan.preview.skipped,
            new_enterprises: written.enterprises,
            new_villages: written.villages,
        })
    })?;
    tracing::info!(
        target: "taizhang::import",
        kind = kind.label_zh(),
        written = report.written,
        duplicates = report.duplicates,
        skipped = report.skipped,
        "import committed"
    );
    if report.written > 1_000 {
        // The import is committed; fresher statistics only help later page queries, so a
        // failure here must not turn the import into an error.
        let _ = crate::store::refresh_statistics(ledger.conn());
    }
    Ok(report)
}
