//! What a return's import shows and returns (ts-rs): the options (unit, quarter, the
//! person's corrections), the mapping of columns and rows, the preview line of each
//! indicator and the report of a commit.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::import::ImportProblem;
use crate::round::RoundPeriod;

/// What the person says about the file: the unit and period — a quarter, or a month of a
/// month round — (used when the file has no hidden sheet of a table Taizhang sent) and a
/// corrected mapping.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct ReturnOptions {
    /// Unit id, code or name.
    #[serde(default)]
    pub unit: Option<String>,
    /// The period the return is for (a quarter, or a month of a month round), when the file does not say.
    #[serde(default)]
    pub period: Option<RoundPeriod>,
    /// The preview's mapping as corrected; None: guessed.
    #[serde(default)]
    pub mapping: Option<ReturnMapping>,
}

/// What a column of a return holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ReturnColumnRole {
    /// 指标编码
    Code,
    /// 指标名称
    Name,
    /// 本期 / 本季度 / 其中：第三季度 / 7-9月
    Period,
    /// 累计 / 1-9月累计完成 / 年度累计
    YearToDate,
    /// 滞后原因
    LagReason,
    /// 整改措施
    Measures,
    /// 备注
    Note,
}

impl ReturnColumnRole {
    /// The role's Chinese name as the mapping dialog shows it (指标编码, 本期 …).
    pub fn label_zh(self) -> &'static str {
        match self {
            Self::Code => "指标编码",
            Self::Name => "指标名称",
            Self::Period => "本期",
            Self::YearToDate => "累计",
            Self::LagReason => "滞后原因",
            Self::Measures => "整改措施",
            Self::Note => "备注",
        }
    }
}

/// One column of a return and the role it is read in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ReturnColumn {
    /// 0-based column index.
    pub index: u32,
    /// Excel's letter: A, B …
    pub letter: String,
    /// The heading as the sheet shows it (the lower row of a two-row heading).
    pub header: String,
    /// None: the column is not read.
    pub role: Option<ReturnColumnRole>,
}

/// Which indicator a data row is. In a mapping the person gives: `skip` leaves the row out
/// (不导入); else `indicator` names it; else (None) the row is matched by its code or name
/// as the guess does, so an unmatched row with figures stays a problem. The mapping a
/// preview returns lists every data row with the indicator it was read as (None: none).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ReturnRowMapping {
    /// The sheet's own (1-based) row number.
    pub row: u32,
    /// The row's indicator text as the sheet shows it.
    pub label: String,
    /// Indicator id, code or name.
    pub indicator: Option<String>,
    /// 不导入: the row is not read.
    #[serde(default)]
    pub skip: bool,
}

/// How the return is read: its sheet, the heading's rows, each column's role and each
/// data row's indicator. `preview` returns its guess; the person may correct it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ReturnMapping {
    /// The name of the sheet the return is read from.
    pub sheet: String,
    /// The (last) heading row, 1-based; data starts below it.
    pub header_row: u32,
    /// Every column of the heading, with its role.
    pub columns: Vec<ReturnColumn>,
    /// Every data row, with the indicator it is (or is not) read as.
    pub rows: Vec<ReturnRowMapping>,
}

/// Where the return came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ReturnSource {
    /// A table Taizhang sent (its hidden sheet recognised).
    SentTable,
    /// A county's own table.
    CountyTable,
}

impl ReturnSource {
    /// The source's code as stored in the `unit_return` table (`sent_table`, `county_table`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::SentTable => "sent_table",
            Self::CountyTable => "county_table",
        }
    }
}

/// One indicator of the return as it would be written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ReturnLine {
    /// The sheet's own (1-based) row number the line was read from.
    pub row: u32,
    /// The UUID of the indicator the row was matched to.
    pub indicator_id: String,
    /// That indicator's code.
    pub indicator_code: String,
    /// That indicator's name.
    pub indicator: String,
    /// That indicator's unit of measure.
    pub measure: String,
    /// 本期 as the return gives it.
    pub period: Option<f64>,
    /// 累计 as the return gives it.
    pub year_to_date: Option<f64>,
    /// What the ledger holds for the unit from the year's start to the period's start.
    pub held_before: f64,
    /// The period's value to write; None: nothing (a blank, 「—」, or a derived row).
    pub value: Option<f64>,
    /// Counted from registers: not written.
    pub derived: bool,
    /// The row's 滞后原因, written as a lag note of the quarter.
    pub lag_reason: String,
    /// The row's 整改措施, written with the lag note.
    pub measures: String,
    /// The row's 备注, added to the written entry's note after the return's name (2024年第三季度报表：…).
    pub note: String,
    /// Worth knowing, not stopping the import (the registers give another figure …).
    pub warnings: Vec<String>,
}

/// The return already in the ledger for this unit and period, which a commit replaces.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct HeldReturn {
    /// The return's UUID.
    pub id: String,
    /// The UUID of the unit the return is from.
    pub unit_id: String,
    /// The period the return is for, as its key (`2024Q3` or `2024-08`).
    pub period: String,
    /// The UUID of the reporting round (填报轮次) it came in for, when there is one.
    pub round_id: Option<String>,
    /// Where it came from, as a `ReturnSource` code.
    pub source: String,
    /// The name of the file as imported.
    pub file_name: String,
    /// The SHA-256 of the file's bytes.
    pub file_sha256: String,
    /// When it was imported (RFC 3339, UTC).
    pub imported_at: String,
    /// Who imported it (the actor's name).
    pub imported_by: String,
    /// Entries it wrote that are still in the ledger.
    pub entries: u32,
    /// The 佐证材料 row of its 报表原件 (the file as imported), to open; none for a return
    /// imported into an in-memory ledger or before originals were kept.
    pub original_id: Option<String>,
}

/// What importing a unit's return would do, shown before anything is written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ReturnPreview {
    /// The file's path as given.
    pub file: String,
    /// The SHA-256 of the file's bytes.
    pub file_sha256: String,
    /// Whether the file is a table Taizhang sent or a county's own.
    pub source: ReturnSource,
    /// The UUID of the reporting round of its unit and period, when there is one.
    pub round_id: Option<String>,
    /// The UUID of the unit the return is from, once known.
    pub unit_id: Option<String>,
    /// That unit's name, once known.
    pub unit: Option<String>,
    /// The period the return is for, once known.
    pub period: Option<RoundPeriod>,
    /// The mapping in use (the guess, or the one given); None when no heading was found.
    pub mapping: Option<ReturnMapping>,
    /// One line per indicator as it would be written.
    pub lines: Vec<ReturnLine>,
    /// Every problem found; a return with any is not written.
    pub problems: Vec<ImportProblem>,
    /// Things worth knowing (how the unit was found, rows left out …).
    pub notes: Vec<String>,
    /// The return this one replaces.
    pub replaces: Option<HeldReturn>,
    /// The ledger already holds exactly these values: a commit writes nothing (无变化).
    pub unchanged: bool,
}

/// What committing a unit's return wrote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ReturnReport {
    /// The file's path as given.
    pub file: String,
    /// The UUID of the return now in the ledger (the one already held when nothing changed).
    pub return_id: Option<String>,
    /// The name of the unit the return is from.
    pub unit: String,
    /// The period the return is for.
    pub period: RoundPeriod,
    /// Entries written.
    pub written: u32,
    /// Entries of the earlier version removed.
    pub replaced: u32,
    /// Lag notes (滞后原因/整改措施) written.
    pub lag_notes: u32,
    /// Attachments of replaced entries moved to the new ones (or to the return).
    pub evidence_moved: u32,
    /// Nothing written: the ledger already held these values (无变化).
    pub unchanged: bool,
}
