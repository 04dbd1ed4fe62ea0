//! 报表导入: a unit's return for a quarter — a table Taizhang sent (recognised by its
//! hidden `_taizhang` sheet) or a county's own table (titles, merged 行动 cells, two-row
//! headings, 「—」 for nothing) — read into one entry per indicator for the period.
//!
//! - [`preview`] finds the unit and quarter, the heading, each row's indicator and what
//!   would be written (本期, or 累计 minus what the ledger held before the period), with
//!   every problem at its row and column and warnings that do not stop the import.
//! - [`commit`] writes it in one transaction: the unit's earlier return for the period is
//!   replaced (its entries deleted, the new ones inserted), 滞后原因/整改措施 become lag
//!   notes, and the file's SHA-256, name, time and actor are kept (`unit_return`). The same
//!   values again write nothing (`unchanged`).
//!
//! `columns` (heading), `identity` (hidden sheet, unit, quarter), `matching` (indicator of a
//! row), `read` (rows to lines), `compute` (the arithmetic), `held` (the stored returns).

mod columns;
mod compute;
mod held;
mod identity;
mod matching;
mod read;
mod types;

use std::path::Path;

use rusqlite::Connection;
use sha2::{Digest, Sha256};

pub(crate) use identity::{identity_lines, is_ancestor_or_self, units_named};
pub use identity::{sent_table_checksum, SENT_FORMAT, SENT_SHEET};
pub use types::*;

use super::sheet::{self, Sheet};
use super::types::ImportProblem;
use crate::error::{LedgerError, Result};
use crate::export::lag_notes::NewLagNote;
use crate::ledger::{read_indicators, read_units, Ledger, Writer};
use crate::model::{Actor, Unit};
use compute::{Computed, Context};

/// The file as read once: its sheets, its hidden sheet, its name and hash.
struct Input {
    file: String,
    file_name: String,
    sha256: String,
    sheets: Vec<Sheet>,
    hidden: Option<Sheet>,
}

impl Input {
    fn read(path: &Path) -> Result<Self> {
        let sheets = sheet::read(path)?;
        let bytes = std::fs::read(path)?;
        Ok(Self {
            file: path.display().to_string(),
            file_name: path
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().to_string()),
            sha256: identity::hex(&Sha256::digest(&bytes)),
            sheets,
            hidden: sheet::named_sheet(path, SENT_SHEET),
        })
    }
}

struct Plan {
    preview: ReturnPreview,
    computed: Computed,
    unit: Option<Unit>,
}

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
    ledger.write(actor, |w| {
        let plan = plan(w.conn(), w.today(), &input, options)?;
        let p = &plan.preview;
        let (Some(unit), Some(quarter), true) = (&plan.unit, p.quarter, p.problems.is_empty())
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
            quarter,
            written: 0,
            replaced: 0,
            lag_notes: 0,
            unchanged: p.unchanged,
        };
        let c = &plan.computed;
        let total = c.entries.len() + c.lag_notes.len();
        progress(0, total);
        if p.unchanged {
            progress(total, total);
            return Ok(report);
        }
        let period = quarter.to_string();
        let version = held::Version {
            unit_id: &unit.id,
            period: &period,
            round_id: p.round_id.as_deref(),
            source: p.source,
            file_name: &input.file_name,
            file_sha256: &input.sha256,
        };
        let (id, replaced) = held::replace(w, p.replaces.as_ref(), &version)?;
        let date = quarter.end().min(w.today());
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
            report.written += 1;
            progress(report.written as usize, total);
        }
        for n in &c.lag_notes {
            w.set_lag_note(NewLagNote {
                indicator: n.indicator_id.clone(),
                unit: Some(unit.id.clone()),
                quarter,
                reason: n.reason.clone(),
                measures: n.measures.clone(),
            })
            .map_err(|x| at(n.row, x))?;
            report.lag_notes += 1;
            progress(report.written as usize + report.lag_notes as usize, total);
        }
        report.return_id = Some(id);
        report.replaced = replaced;
        mark_submitted(w, &unit.id, quarter)?;
        Ok(report)
    })
}

/// A return that came in marks its unit 已报 in the round of its quarter, when the unit is
/// asked in one and its return is awaited (未报 or 退回); otherwise nothing changes.
fn mark_submitted(
    w: &mut Writer<'_>,
    unit_id: &str,
    quarter: crate::pacing::Quarter,
) -> Result<()> {
    let period = crate::round::RoundPeriod::quarter(quarter);
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

fn sheet_problem(message: String) -> ImportProblem {
    ImportProblem {
        sheet: String::new(),
        row: None,
        column: None,
        message,
    }
}

fn plan(
    conn: &Connection,
    today: chrono::NaiveDate,
    input: &Input,
    options: &ReturnOptions,
) -> Result<Plan> {
    let units = read_units(conn, true)?;
    let indicators = read_indicators(conn, None, true)?;
    let mut who = identity::Who::decide(
        input.hidden.as_ref(),
        options.unit.as_deref(),
        options.quarter,
        &units,
    )?;
    // The sheet and its mapping: as given, else the first sheet with a heading.
    let found = match &options.mapping {
        Some(m) => input
            .sheets
            .iter()
            .find(|s| s.name == m.sheet)
            .map(|s| (s, m.clone())),
        None => input
            .sheets
            .iter()
            .find_map(|s| read::guess(s, &indicators).map(|m| (s, m))),
    };
    let corrected = options.mapping.is_some();
    let sheet_read = found.map(|(s, m)| (s, read::read(s, &m, corrected, &indicators)));
    if let Some((sheet, r)) = &sheet_read {
        who.check_lines(
            &identity::identity_lines(sheet, Some(r.heading_first)),
            &units,
            today,
        );
    }
    let mut preview = ReturnPreview {
        file: input.file.clone(),
        file_sha256: input.sha256.clone(),
        source: who.source,
        round_id: who.round_id.clone(),
        unit_id: who.unit.as_ref().map(|u| u.id.clone()),
        unit: who.unit.as_ref().map(|u| u.name.clone()),
        quarter: who.quarter,
        mapping: None,
        lines: Vec::new(),
        problems: who.problems.iter().cloned().map(sheet_problem).collect(),
        notes: who.notes.clone(),
        replaces: None,
        unchanged: false,
    };
    let empty = |preview| Plan {
        preview,
        computed: Computed::default(),
        unit: None,
    };
    let Some((sheet, sheet_read)) = sheet_read else {
        preview.problems.push(sheet_problem(
            "没有找到表头：报表应有「指标名称」（或「指标编码」）与「本期」或「累计」等列".into(),
        ));
        return Ok(empty(preview));
    };
    preview.mapping = Some(sheet_read.mapping.clone());
    preview.notes.extend(sheet_read.notes.iter().cloned());
    preview.problems.extend(sheet_read.problems.iter().cloned());
    let (Some(unit), Some(quarter)) = (who.unit, who.quarter) else {
        return Ok(empty(preview));
    };
    for c in &sheet_read.mapping.columns {
        if let Some(role) = c
            .role
            .filter(|r| columns::contradicts(&c.header, *r, quarter))
        {
            preview.problems.push(ImportProblem {
                sheet: sheet.name.clone(),
                row: None,
                column: Some(c.header.clone()),
                message: format!(
                    "「{}」列（{}）与报送期{}不符",
                    c.header,
                    role.label_zh(),
                    compute::return_note(quarter).trim_end_matches("报表")
                ),
            });
        }
    }
    let period = quarter.to_string();
    let held = held::held(conn, &unit.id, &period)?;
    let own = held::own_sums(conn, held.as_ref())?;
    let cx = Context {
        conn,
        sheet: &sheet.name,
        mapping: &sheet_read.mapping,
        unit: &unit,
        quarter,
        held_own: &own,
    };
    let computed = compute::compute(&cx, &sheet_read.lines)?;
    preview.lines = computed.lines.clone();
    preview.problems.extend(computed.problems.iter().cloned());
    if let Some(h) = &held {
        preview.unchanged = preview.problems.is_empty()
            && held::unchanged(
                conn,
                h,
                &unit.id,
                &period,
                &computed.entries,
                &computed.lag_notes,
            )?;
        if preview.unchanged {
            preview
                .notes
                .push("无变化：台账中已是这份报表的数据，不会写入".into());
        }
    }
    preview.replaces = held;
    Ok(Plan {
        preview,
        computed,
        unit: Some(unit),
    })
}
