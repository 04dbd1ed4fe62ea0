//! 报表导入: a unit's return for a quarter (or the month of a month round) — a table Taizhang sent (recognised by its
//! hidden `_taizhang` sheet) or a county's own table (titles, merged 行动 cells, two-row
//! headings, 「—」 for nothing) — read into one entry per indicator for the period.
//!
//! - [`preview`] finds the unit and period, the heading, each row's indicator and what
//!   would be written (本期, or 累计 minus what the ledger held before the period), with
//!   every problem at its row and column and warnings that do not stop the import.
//! - [`commit`] writes it in one transaction: the unit's earlier return for the period is
//!   replaced (its entries deleted, the new ones inserted), 滞后原因/整改措施 become lag
//!   notes (of the quarter, or the quarter a month is in), and the file's SHA-256, name, time and actor are kept (`unit_return`),
//!   the file itself among the return's 佐证材料 (报表原件, `evidence::original`). The same
//!   values again write nothing (`unchanged`). Evidence attached to a replaced entry moves
//!   to the new entry of its indicator (else to the return); the return's own stays.
//!
//! `columns` (heading), `identity` (hidden sheet, unit, period), `matching` (indicator of a
//! row), `read` (rows to lines), `compute` (the arithmetic), `held` (the stored returns).

mod cells;
mod columns;
mod compute;
mod data_rows;
mod held;
mod identity;
mod matching;
mod plan;
mod read;
mod types;

use std::collections::HashMap;
use std::path::Path;

pub(crate) use identity::{identity_lines, is_ancestor_or_self, units_named};
pub use identity::{sent_table_checksum, SENT_FORMAT, SENT_SHEET};
pub use types::*;

use super::types::ImportProblem;
use crate::error::{LedgerError, Result};
use crate::evidence::original::{keep_return_original, ReturnedFile};
use crate::export::lag_notes::NewLagNote;
use crate::ledger::{Ledger, Writer};
use crate::model::Actor;
use plan::{plan, Input};

/// What importing the return would write; writes nothing.
pub fn preview(ledger: &Ledger, path: &Path, options: &ReturnOptions) -> Result<ReturnPreview> {
    let input = Input::read(path)?;
    Ok(plan(ledger.conn(), ledger.today(), &input, options)?.preview)
}

/// Imports the return in one transaction, replacing the unit's earlier return for the
/// period; `import_rejected` and nothing written when it has a problem, nothing written
/// when the ledger already holds the same values. `progress(done, total)` as it writes.
pub fn commit(
    ledger: &mut Ledger,
    actor: &Actor,
    path: &Path,
    options: &ReturnOptions,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<ReturnReport> {
    let input = Input::read(path)?;
    // 报表原件 beside the ledger; an in-memory ledger keeps the figures only.
    let folder = ledger.path().map(crate::evidence::files::folder_for);
    let mut kept = None;
    let written = ledger.write(actor, |w| {
        let plan = plan(w.conn(), w.today(), &input, options)?;
        let p = &plan.preview;
        let (Some(unit), Some(reported), true) = (&plan.unit, p.period, p.problems.is_empty())
        else {
            return Err(LedgerError::ImportRejected {
                file: input.file.clone(),
                problems: p.problems.clone(),
            });
        };
        let mut report = ReturnReport {
            file: input.file.clone(),
            return_id: p.replaces.as_ref().map(|h| h.id.clone()),
            unit: unit.name.clone(),
            period: reported,
            written: 0,
            replaced: 0,
            lag_notes: 0,
            evidence_moved: 0,
            unchanged: p.unchanged,
        };
        let c = &plan.computed;
        let total = c.entries.len() + c.lag_notes.len();
        progress(0, total);
        if p.unchanged {
            progress(total, total);
            return Ok(report);
        }
        let period = reported.key();
        let version = held::Version {
            unit_id: &unit.id,
            period: &period,
            round_id: p.round_id.as_deref(),
            source: p.source,
            file_name: &input.file_name,
            file_sha256: &input.sha256,
        };
        let earlier = match &p.replaces {
            Some(h) => held::entries(w.conn(), &h.id)?,
            None => Vec::new(),
        };
        let (id, replaced) = held::replace(w, p.replaces.as_ref(), &version)?;
        let mut written = HashMap::new();
        let date = reported.period().end.min(w.today());
        let at = |row: u32, e: LedgerError| rejected(&input.file, p, row, &e);
        for e in &c.entries {
            let entry_id = w
                .insert_resolved_entry(
                    &e.indicator_id,
                    (e.decimals, e.max_value),
                    &unit.id,
                    date,
                    e.value,
                    &e.note,
                )
                .map_err(|x| at(e.row, x))?;
            held::link(w, &id, &entry_id)?;
            written.insert(e.indicator_id.clone(), entry_id);
            report.written += 1;
            progress(report.written as usize, total);
        }
        for n in &c.lag_notes {
            w.set_lag_note(NewLagNote {
                indicator: n.indicator_id.clone(),
                unit: Some(unit.id.clone()),
                quarter: compute::lag_quarter(reported),
                reason: n.reason.clone(),
                measures: n.measures.clone(),
            })
            .map_err(|x| at(n.row, x))?;
            report.lag_notes += 1;
            progress(report.written as usize + report.lag_notes as usize, total);
        }
        report.evidence_moved = held::hand_over_evidence(w, &id, &earlier, &written)?;
        if let Some(folder) = &folder {
            let file = ReturnedFile {
                name: &input.file_name,
                bytes: &input.bytes,
                sha256: &input.sha256,
            };
            kept = keep_return_original(w, folder, &id, &unit.id, &file)?;
        }
        report.return_id = Some(id);
        report.replaced = replaced;
        mark_submitted(w, &unit.id, reported)?;
        Ok(report)
    });
    if written.is_err() {
        if let Some(k) = kept {
            k.discard();
        }
    }
    written
}

/// A return that came in marks its unit 已报 in the round of its period, when the unit is
/// asked in one and its return is awaited (未报 or 退回); otherwise nothing changes.
fn mark_submitted(
    w: &mut Writer<'_>,
    unit_id: &str,
    period: crate::round::RoundPeriod,
) -> Result<()> {
    match crate::round::steps::member(w.conn(), unit_id, period) {
        Ok(m) if m.state.awaiting_return() => w.submit_return(unit_id, period).map(|_| ()),
        Ok(_) | Err(LedgerError::NotFound { .. }) => Ok(()),
        Err(e) => Err(e),
    }
}

/// The unit's return for a period (`2024Q3`), if one came in.
pub fn held_return(ledger: &Ledger, unit_id: &str, period: &str) -> Result<Option<HeldReturn>> {
    held::held(ledger.conn(), unit_id, period)
}

fn rejected(file: &str, p: &ReturnPreview, row: u32, e: &LedgerError) -> LedgerError {
    let sheet = p
        .mapping
        .as_ref()
        .map(|m| m.sheet.clone())
        .unwrap_or_default();
    LedgerError::ImportRejected {
        file: file.to_string(),
        problems: vec![ImportProblem {
            sheet,
            row: Some(row),
            column: None,
            message: format!("第{row}行{}", super::rows::describe(e)),
        }],
    }
}
