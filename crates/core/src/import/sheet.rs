//! A file as sheets of cells, whatever it was: .xlsx/.xls/.ods through calamine (every
//! sheet, merged cells filled with their value), .csv through the csv crate after the
//! encoding is found (UTF-8 with or without BOM, else GB18030).

use std::path::Path;

use calamine::{
    open_workbook_auto, Data, Dimensions, Range, Reader, SheetType, SheetVisible, Sheets,
};

use super::cell::Cell;
use crate::error::{LedgerError, Result};

/// One sheet's cells; `rows[i][j]` is Excel's row `first_row + i + 1`, column `j`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Sheet {
    pub name: String,
    pub first_row: u32,
    pub rows: Vec<Vec<Cell>>,
}

impl Sheet {
    /// Excel's 1-based number of `rows[i]`.
    pub(crate) fn excel_row(&self, i: usize) -> u32 {
        self.first_row + i as u32 + 1
    }
}

/// Reads every sheet of the file.
pub(crate) fn read(path: &Path) -> Result<Vec<Sheet>> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "csv" | "txt" => {
            let bytes = std::fs::read(path).map_err(|e| unreadable(path, io_reason(&e)))?;
            let name = path
                .file_stem()
                .map_or_else(|| "CSV".into(), |s| s.to_string_lossy().to_string());
            super::csv_text::sheet(&bytes, name)
                .map(|s| vec![s])
                .map_err(|reason| unreadable(path, reason))
        }
        "xlsx" | "xlsm" | "xls" | "ods" => {
            if let Err(e) = std::fs::metadata(path) {
                return Err(unreadable(path, io_reason(&e)));
            }
            workbook(path).map_err(|reason| unreadable(path, reason))
        }
        _ => Err(LedgerError::UnsupportedFile {
            file: path.display().to_string(),
        }),
    }
}

fn unreadable(path: &Path, reason: String) -> LedgerError {
    LedgerError::UnreadableFile {
        file: path.display().to_string(),
        reason,
    }
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "文件不存在".into(),
        std::io::ErrorKind::PermissionDenied => "没有读取权限".into(),
        _ => e.to_string(),
    }
}

fn workbook(path: &Path) -> std::result::Result<Vec<Sheet>, String> {
    // calamine may panic on a malformed file; a clerk must get a message, not a crash.
    let opened = std::panic::catch_unwind(|| read_workbook(path));
    opened.unwrap_or_else(|_| Err("文件已损坏或不是有效的电子表格".into()))
}

fn read_workbook(path: &Path) -> std::result::Result<Vec<Sheet>, String> {
    let mut book = open_workbook_auto(path).map_err(|e| book_reason(&e.to_string()))?;
    let mut out = Vec::new();
    // Hidden sheets hold lookup lists (a template's 选项), not rows to import.
    let visible: Vec<String> = book
        .sheets_metadata()
        .iter()
        .filter(|s| s.visible == SheetVisible::Visible && s.typ == SheetType::WorkSheet)
        .map(|s| s.name.clone())
        .collect();
    for name in visible {
        let range = book
            .worksheet_range(&name)
            .map_err(|e| format!("工作表「{name}」读取失败：{e}"))?;
        let merged = merged_regions(&mut book, &name);
        out.push(to_sheet(name, &range, &merged));
    }
    Ok(out)
}

fn book_reason(e: &str) -> String {
    if e.contains("zip") || e.contains("Zip") || e.contains("Cannot detect") || e.contains("CFB") {
        format!("文件已损坏或不是有效的电子表格（{e}）")
    } else {
        format!("无法打开电子表格：{e}")
    }
}

/// The merged regions calamine knows for the sheet (xlsx and xls; ods has none).
fn merged_regions<RS: std::io::Read + std::io::Seek>(
    book: &mut Sheets<RS>,
    name: &str,
) -> Vec<Dimensions> {
    match book {
        Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
        Sheets::Xls(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
        _ => Vec::new(),
    }
}

fn to_sheet(name: String, range: &Range<Data>, merged: &[Dimensions]) -> Sheet {
    let (first_row, first_col) = range.start().unwrap_or((0, 0));
    // Columns are kept absolute (column A is index 0) so that letters match Excel's.
    let mut rows: Vec<Vec<Cell>> = range
        .rows()
        .map(|r| {
            let mut row = vec![Cell::Empty; first_col as usize];
            row.extend(r.iter().map(to_cell));
            row
        })
        .collect();
    for m in merged {
        let (r0, c0) = m.start;
        let Some(value) = rows
            .get((r0.saturating_sub(first_row)) as usize)
            .and_then(|r| r.get(c0 as usize))
            .filter(|c| r0 >= first_row && !c.is_empty())
            .cloned()
        else {
            continue;
        };
        for r in m.start.0..=m.end.0 {
            let Some(i) = r.checked_sub(first_row).map(|i| i as usize) else {
                continue;
            };
            if i >= rows.len() {
                rows.resize(i + 1, Vec::new());
            }
            let row = &mut rows[i];
            if row.len() <= m.end.1 as usize {
                row.resize(m.end.1 as usize + 1, Cell::Empty);
            }
            for cell in &mut row[c0 as usize..=m.end.1 as usize] {
                *cell = value.clone();
            }
        }
    }
    Sheet {
        name,
        first_row,
        rows,
    }
}

fn to_cell(d: &Data) -> Cell {
    match d {
        Data::Empty | Data::Error(_) => Cell::Empty,
        Data::String(s) => Cell::text(s),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::text(if *b { "是" } else { "否" }),
        Data::DateTime(dt) => match dt.as_datetime() {
            Some(t) if dt.is_datetime() => Cell::Date(t.date()),
            _ => Cell::Number(dt.as_f64()),
        },
        Data::DateTimeIso(s) => Cell::text(s),
        Data::DurationIso(s) => Cell::text(s),
    }
}

/// The cells of one sheet by name, hidden or not (a sent table's `_taizhang` sheet); None
/// when the file is no workbook or has no such sheet.
pub(crate) fn named_sheet(path: &Path, name: &str) -> Option<Sheet> {
    let read = || -> Option<Sheet> {
        let mut book = open_workbook_auto(path).ok()?;
        let range = book.worksheet_range(name).ok()?;
        Some(to_sheet(name.to_string(), &range, &[]))
    };
    std::panic::catch_unwind(read).ok().flatten()
}
