//! A return's plan: the file read once (its sheets, hidden sheet, name and SHA-256), then
//! who and when, the sheet under its mapping, the arithmetic, and the return it replaces —
//! the preview, and what a commit would write.

use std::path::Path;

use rusqlite::Connection;
use sha2::{Digest, Sha256};

use super::super::sheet::{self, Sheet};
use super::super::types::ImportProblem;
use super::compute::{self, Computed, Context};
use super::{columns, held, identity, read, ReturnOptions, ReturnPreview, SENT_SHEET};
use crate::error::Result;
use crate::ledger::{read_indicators, read_units};
use crate::model::Unit;

/// The file as read once: its sheets, its hidden sheet, its name and hash.
pub(super) struct Input {
    pub file: String,
    pub file_name: String,
    pub sha256: String,
    /// The file's bytes, kept as the return's 报表原件 when it is imported.
    pub bytes: Vec<u8>,
    pub sheets: Vec<Sheet>,
    pub hidden: Option<Sheet>,
}

impl Input {
    pub(super) fn read(path: &Path) -> Result<Self> {
        let sheets = sheet::read(path)?;
        let bytes = std::fs::read(path)?;
        Ok(Self {
            file: path.display().to_string(),
            file_name: path
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().to_string()),
            sha256: identity::hex(&Sha256::digest(&bytes)),
            bytes,
            sheets,
            hidden: sheet::named_sheet(path, SENT_SHEET),
        })
    }
}

pub(super) struct Plan {
    pub preview: ReturnPreview,
    pub computed: Computed,
    pub unit: Option<Unit>,
}

pub(super) fn sheet_problem(message: String) -> ImportProblem {
    ImportProblem {
        sheet: String::new(),
        row: None,
        column: None,
        message,
    }
}

pub(super) fn plan(
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
        options.period,
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
        period: who.period,
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
    let (Some(unit), Some(reported)) = (who.unit, who.period) else {
        return Ok(empty(preview));
    };
    for c in &sheet_read.mapping.columns {
        if let Some(role) = c
            .role
            .filter(|r| columns::contradicts(&c.header, *r, reported))
        {
            preview.problems.push(ImportProblem {
                sheet: sheet.name.clone(),
                row: None,
                column: Some(c.header.clone()),
                message: format!(
                    "「{}」列（{}）与报送期{}不符",
                    c.header,
                    role.label_zh(),
                    compute::return_note(reported).trim_end_matches("报表")
                ),
            });
        }
    }
    let period = reported.key();
    let held = held::held(conn, &unit.id, &period)?;
    let own = held::own_sums(conn, held.as_ref())?;
    let cx = Context {
        conn,
        sheet: &sheet.name,
        mapping: &sheet_read.mapping,
        unit: &unit,
        period: reported,
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
                &compute::lag_quarter(reported).to_string(),
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
