//! What an import shows and returns: the kinds, the column mapping a person can correct,
//! the preview (rows, duplicates, problems) and the report of a commit. These travel to
//! the UI (ts-rs).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What a file holds.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ImportKind {
    /// 完成情况
    Entries,
    /// 目标
    Targets,
    /// 企业
    Enterprises,
    /// 行政村
    Villages,
    /// 结对关系 (creating their enterprises and villages when new)
    Pairings,
    /// 合作项目 (of existing pairings)
    Projects,
    /// Rows of one activity register type, by its code.
    Activity {
        /// The register type's code.
        register: String,
    },
    /// A county's own 结对台账: pairings with their cooperation projects on the rows below
    /// them; the county from the title or 填报单位 line when not given.
    CountyPairings {
        /// The county (id, code or name) when the person gives it; else read from the file.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(optional)]
        county: Option<String>,
    },
}

impl ImportKind {
    /// Reads what a person types: `entries`, `完成情况`, `activity:visit` …
    pub fn parse(s: &str) -> Option<Self> {
        let t = s.trim();
        if let Some(code) = t
            .strip_prefix("activity:")
            .or_else(|| t.strip_prefix("台账:"))
        {
            return Some(Self::Activity {
                register: code.trim().to_string(),
            });
        }
        Some(match t {
            "entries" | "entry" | "完成情况" => Self::Entries,
            "targets" | "target" | "目标" => Self::Targets,
            "enterprises" | "enterprise" | "企业" => Self::Enterprises,
            "villages" | "village" | "行政村" | "村居" => Self::Villages,
            "pairings" | "pairing" | "结对" | "结对关系" => Self::Pairings,
            "projects" | "project" | "合作项目" | "项目" => Self::Projects,
            "county-pairings" | "county_pairings" | "区县结对台账" | "结对台账" => {
                Self::CountyPairings { county: None }
            }
            // The register type is given separately (the CLI's --register).
            "activity" | "台账记录" => Self::Activity {
                register: String::new(),
            },
            _ => return None,
        })
    }

    /// The Chinese name of what is imported (for messages and sheet names).
    pub fn label_zh(&self) -> String {
        match self {
            Self::Entries => "完成情况".into(),
            Self::Targets => "目标".into(),
            Self::Enterprises => "企业".into(),
            Self::Villages => "行政村".into(),
            Self::Pairings => "结对关系".into(),
            Self::Projects => "合作项目".into(),
            Self::Activity { register } => format!("台账记录（{register}）"),
            Self::CountyPairings { .. } => "区县结对台账".into(),
        }
    }
}

/// One column a kind reads: its key, its Chinese label and the header names it answers to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportField {
    /// The field's key, as a column mapping names it.
    pub key: String,
    /// The field's Chinese label, the header a template gives its column.
    pub label: String,
    /// Whether every row must fill the field.
    pub required: bool,
    /// Header texts recognised for this field (the label first).
    pub names: Vec<String>,
}

/// How the columns of each sheet are read. `preview` returns its guess; the UI may send a
/// corrected copy back to `preview` and `commit`. A sheet not listed is guessed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct ColumnMapping {
    /// The mapping of each sheet the person corrected.
    pub sheets: Vec<SheetMapping>,
}

/// How one sheet's columns are read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SheetMapping {
    /// The sheet's name.
    pub sheet: String,
    /// The header row as Excel numbers it (1-based); None skips the sheet.
    pub header_row: Option<u32>,
    /// Every column of the header row, with the field it fills.
    pub columns: Vec<MappedColumn>,
}

/// One column of a sheet and the field it fills.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MappedColumn {
    /// 0-based column index.
    pub index: u32,
    /// Excel's column letter: A, B … AA.
    pub letter: String,
    /// The header text as it stands in the sheet.
    pub header: String,
    /// The field key this column fills; None ignores the column.
    pub field: Option<String>,
}

/// Something wrong with the file, a sheet, a row or a cell; `message` says where and why in
/// Chinese, e.g. "第12行「投资金额」不是数字：约50".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportProblem {
    /// The sheet's name; empty when the problem is about the whole file.
    pub sheet: String,
    /// The sheet's own (1-based) row number, when the problem is in a row.
    pub row: Option<u32>,
    /// The column's header text, when the problem is in a cell.
    pub column: Option<String>,
    /// Where and what is wrong, in Chinese.
    pub message: String,
}

/// A row that would be written; `values` follow the preview's `fields`, as text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PreviewRow {
    /// The sheet's name.
    pub sheet: String,
    /// The sheet's own (1-based) row number.
    pub row: u32,
    /// The row's values as the person will see them, one per field.
    pub values: Vec<String>,
    /// What the row creates besides itself (a new enterprise or village of a pairing).
    pub creates: Vec<String>,
}

/// A row that is already in the ledger, or earlier in the same file; it is not written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DuplicateRow {
    /// The sheet's name.
    pub sheet: String,
    /// The sheet's own (1-based) row number.
    pub row: u32,
    /// Why the row is a duplicate, in Chinese, after its row number (第12行：…).
    pub message: String,
}

/// How many rows (and duplicates) a preview lists: a file of a million rows is previewed
/// by its counts, its first rows and every problem, so its preview stays small.
pub const PREVIEW_ROWS: usize = 1_000;

/// What importing a file would do, shown before anything is written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportPreview {
    /// The file's path as given.
    pub file: String,
    /// What kind of rows the file is read as.
    pub kind: ImportKind,
    /// The fields the kind reads, in the order of each row's `values`.
    pub fields: Vec<ImportField>,
    /// The mapping in use (the guess, or the one given).
    pub mapping: ColumnMapping,
    /// The first rows that would be written (at most [`PREVIEW_ROWS`]); `row_count` counts
    /// them all.
    pub rows: Vec<PreviewRow>,
    /// How many rows would be written.
    pub row_count: u32,
    /// The first duplicates (at most [`PREVIEW_ROWS`]); `duplicate_count` counts them all.
    pub duplicates: Vec<DuplicateRow>,
    /// How many rows are duplicates, not written.
    pub duplicate_count: u32,
    /// Every problem.
    pub problems: Vec<ImportProblem>,
    /// Blank rows, 合计/小计 rows, a template's example row, repeated header rows.
    pub skipped: u32,
    /// Things worth knowing that do not stop the import (a sheet without a header …).
    pub notes: Vec<String>,
    /// How many enterprises the rows would register as new.
    pub new_enterprises: u32,
    /// How many villages the rows would register as new.
    pub new_villages: u32,
}

impl ImportPreview {
    /// True when `commit` would write (no problems and at least nothing wrong).
    pub fn is_clean(&self) -> bool {
        self.problems.is_empty()
    }
}

/// What committing an import wrote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportReport {
    /// The file's path as given.
    pub file: String,
    /// What kind of rows the file was read as.
    pub kind: ImportKind,
    /// Rows written.
    pub written: u32,
    /// Rows already present (in the ledger or earlier in the file), not written again.
    pub duplicates: u32,
    /// Blank, 合计/小计, example and repeated header rows that were left out.
    pub skipped: u32,
    /// How many enterprises were registered as new.
    pub new_enterprises: u32,
    /// How many villages were registered as new.
    pub new_villages: u32,
}
