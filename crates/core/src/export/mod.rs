//! 导出: the quarterly summary (季度汇总) as Excel, Word and CSV.
//!
//! - [`quarterly_summary`] computes one [`Summary`] from the progress engine for a quarter
//!   (or any as-of date inside it) and a scope (the city, a unit's subtree, an action).
//! - [`write_xlsx`], [`write_docx`], [`write_csv`] lay that one model out; none computes a
//!   figure of its own.
//! - [`export_to_file`] picks the writer by the file's extension and replaces the file
//!   only once the whole export has been written.
//! - [`lag_notes`]: the reasons and measures written for indicators behind pace.

mod csv;
pub mod csv_safe;
mod docx;
pub mod draft;
pub mod lag_notes;
pub mod prose;
pub mod registers;
mod rollup;
mod summary;
mod trend;
mod xlsx;

use std::io::Write;
use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{LedgerError, Result};
use crate::ledger::Ledger;

pub use self::csv::write_csv;
pub use self::docx::write_docx;
pub use self::xlsx::write_xlsx;
pub use draft::{
    draft, drafted_summary, file_name, file_stem, ActionText, BehindText, DraftedSummary,
    SummaryText,
};
pub use lag_notes::{LagNote, LagNoteFilter, NewLagNote};
pub use registers::{ActivityRows, PairingRows, ProjectRows, RegisterRows};
pub use summary::{
    quarterly_summary, resolve_period, ActionReport, BehindItem, IndicatorLine, RankingGroup,
    Summary, SummaryQuery, Totals, UnitColumn, UnitMatrix,
};
pub use trend::RateTrendPoint;

/// The kinds of file a quarterly summary can be exported as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    /// An Excel workbook with charts (.xlsx).
    Xlsx,
    /// A Word document laid out as an official report (公文, .docx).
    Docx,
    /// A UTF-8 CSV with a BOM, one row per indicator (.csv).
    Csv,
}

impl ExportFormat {
    /// The format a file name asks for, by its extension (any case).
    pub fn from_path(path: &Path) -> Result<Self> {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        match ext.as_str() {
            "xlsx" => Ok(Self::Xlsx),
            "docx" => Ok(Self::Docx),
            "csv" => Ok(Self::Csv),
            "" => Err(LedgerError::UnsupportedFormat("（无扩展名）".into())),
            _ => Err(LedgerError::UnsupportedFormat(format!(".{ext}"))),
        }
    }

    /// The format's file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Xlsx => "xlsx",
            Self::Docx => "docx",
            Self::Csv => "csv",
        }
    }
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ExportReport {
    /// The file written.
    pub path: String,
    /// The format it was written in.
    pub format: ExportFormat,
    /// The file's size in bytes.
    #[ts(type = "number")]
    pub bytes: u64,
    /// The summary's title.
    pub title: String,
    /// How many indicators the summary covers.
    pub indicators: u32,
    /// Indicators behind pace (稍慢 or 滞后), and how many of them still lack a note.
    pub behind: u32,
    /// How many behind-pace indicators have no lag note yet.
    pub behind_without_note: u32,
}

/// The summary in the given format.
pub fn write(summary: &Summary, format: ExportFormat) -> Result<Vec<u8>> {
    match format {
        ExportFormat::Xlsx => write_xlsx(summary),
        ExportFormat::Docx => write_docx(summary),
        ExportFormat::Csv => write_csv(summary),
    }
}

/// Computes the summary and writes it to `path` in the format its extension names. The
/// file is written beside the target and renamed over it at the end, so a failed export
/// leaves any earlier file as it was and no half-written one.
pub fn export_to_file(ledger: &Ledger, q: &SummaryQuery, path: &Path) -> Result<ExportReport> {
    let format = ExportFormat::from_path(path)?;
    let summary = quarterly_summary(ledger, q)?;
    let bytes = write(&summary, format)?;
    write_file(path, &bytes)?;
    Ok(ExportReport {
        path: path.display().to_string(),
        format,
        bytes: bytes.len() as u64,
        title: summary.title.clone(),
        indicators: summary.totals.indicators,
        behind: summary.behind.len() as u32,
        behind_without_note: summary.behind.iter().filter(|b| b.note.is_none()).count() as u32,
    })
}

/// [`export_to_file`], except that an existing file is replaced only when `replace` is true;
/// otherwise the export stops with `FileExists` before computing anything and writes nothing.
pub fn export_to_file_checked(
    ledger: &Ledger,
    q: &SummaryQuery,
    path: &Path,
    replace: bool,
) -> Result<ExportReport> {
    ExportFormat::from_path(path)?;
    refuse_existing(path, replace)?;
    export_to_file(ledger, q, path)
}

/// `FileExists` when something is already at `path` and the person did not say to replace
/// it (the window asks; the CLI needs `--force`).
pub fn refuse_existing(path: &Path, replace: bool) -> Result<()> {
    if !replace && std::fs::symlink_metadata(path).is_ok() {
        return Err(LedgerError::FileExists {
            path: path.display().to_string(),
        });
    }
    Ok(())
}

/// Writes `bytes` beside `path` and renames them into place, so a failure leaves no file
/// and an earlier one intact (exports and import templates).
pub(crate) fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    let fail = |e: std::io::Error| LedgerError::WriteFile {
        path: path.display().to_string(),
        reason: io_reason(&e),
    };
    if path.is_dir() {
        return Err(LedgerError::WriteFile {
            path: path.display().to_string(),
            reason: "这是一个文件夹".into(),
        });
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map_or_else(Default::default, |n| n.to_string_lossy());
    let part = dir.join(format!(".{name}.{}.part", uuid::Uuid::new_v4().simple()));
    let written = std::fs::File::create(&part)
        .and_then(|mut f| f.write_all(bytes).and_then(|()| f.sync_all()))
        .and_then(|()| std::fs::rename(&part, path));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&part);
        return Err(fail(e));
    }
    Ok(())
}

/// The reason in words a clerk understands.
fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => "所在文件夹不存在".into(),
        PermissionDenied => "没有写入权限，或文件正被其他程序（如 Excel、WPS）打开".into(),
        _ => e.to_string(),
    }
}
