//! A file as sheets of cells, whatever it was: .xlsx/.xls/.ods through calamine (every
//! sheet, merged cells filled with their value; an .ods's merges from `ods_merges`), .csv
//! through the csv crate after the encoding is found (UTF-8 with or without BOM, else
//! GB18030).
//!
//! Nothing is parsed before `file_limits` has looked at the file (a regular file, not too
//! large, a zip that does not unpack to too much), and every cell kept is counted against
//! the file's budget of rows and memory. An .xlsx sheet is streamed cell by cell, so an
//! empty cell far to the right or at the bottom costs nothing.

use crate::error::FileError;
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::panic::AssertUnwindSafe;
use std::path::Path;

use calamine::{Data, Dimensions, Ods, Range, Reader, SheetType, SheetVisible, Xls, Xlsx};

use super::cell::Cell;
use super::file_limits::{self, Budget};
use crate::error::{LedgerError, Result};

/// A merged region: its first and last (row, column), 0-based, as calamine gives them.
pub(crate) type Merged = ((u32, u32), (u32, u32));

/// One sheet's cells; `rows[i][j]` is Excel's row `first_row + i + 1`, column `j`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Sheet {
    pub name: String,
    pub first_row: u32,
    pub rows: Vec<Vec<Cell>>,
    /// The merged regions whose value was copied into all their cells.
    pub merged: Vec<Merged>,
    /// What could not be read, by row (an unterminated quote in a CSV).
    pub problems: Vec<(u32, String)>,
}

impl Sheet {
    /// Excel's 1-based number of `rows[i]`.
    pub(crate) fn excel_row(&self, i: usize) -> u32 {
        self.first_row + i as u32 + 1
    }

    /// Whether `rows[i][col]` holds a copy of a merged region's value, not a value of its own.
    pub(crate) fn is_merge_copy(&self, i: usize, col: usize) -> bool {
        let (r, c) = (self.first_row + i as u32, col as u32);
        self.merged.iter().any(|&((r0, c0), (r1, c1))| {
            (r0..=r1).contains(&r) && (c0..=c1).contains(&c) && (r, c) != (r0, c0)
        })
    }
}

/// The kinds of file an import reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A comma-separated text file (UTF-8, with or without BOM, or GB18030).
    Csv,
    /// An Excel workbook of 2007 and later, read cell by cell as a stream.
    Xlsx,
    /// An Excel 97–2003 workbook.
    Xls,
    /// An OpenDocument spreadsheet (WPS, LibreOffice).
    Ods,
}

impl FileKind {
    /// By the file name's extension (any case); `None` for one not imported.
    pub fn from_path(path: &Path) -> Option<Self> {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        match ext.as_str() {
            "csv" | "txt" => Some(Self::Csv),
            "xlsx" | "xlsm" => Some(Self::Xlsx),
            "xls" => Some(Self::Xls),
            "ods" => Some(Self::Ods),
            _ => None,
        }
    }
}

/// Reads every sheet of the file, once it has passed the checks of `file_limits`.
pub(crate) fn read(path: &Path) -> Result<Vec<Sheet>> {
    let Some(kind) = FileKind::from_path(path) else {
        return Err(FileError::Unsupported {
            file: path.display().to_string(),
        }
        .into());
    };
    let opened = file_limits::open_regular(path)?;
    let stem = path
        .file_stem()
        .map_or_else(|| "CSV".into(), |s| s.to_string_lossy().to_string());
    read_from(
        BufReader::new(opened),
        kind,
        stem,
        &path.display().to_string(),
    )
}

/// Reads every sheet from `reader`, a file of `kind` named `file` in messages; `stem` names
/// a CSV's one sheet. A workbook's kind is taken from its first bytes when they disagree
/// with the extension (an .xls that is really an .xlsx).
pub(crate) fn read_from<R: Read + Seek>(
    mut reader: R,
    kind: FileKind,
    stem: String,
    file: &str,
) -> Result<Vec<Sheet>> {
    let mut budget = Budget::new(file);
    if kind == FileKind::Csv {
        let bytes = file_limits::read_bounded(reader, file)?;
        return super::csv_text::sheet(&bytes, stem, &mut budget).map(|s| vec![s]);
    }
    let io = |e: std::io::Error| unreadable(file, file_limits::io_reason(&e));
    let mut magic = Vec::with_capacity(4);
    (&mut reader).take(4).read_to_end(&mut magic).map_err(io)?;
    let kind = match (magic.as_slice(), kind) {
        (b"PK\x03\x04", FileKind::Ods) => FileKind::Ods,
        (b"PK\x03\x04", _) => FileKind::Xlsx,
        ([0xD0, 0xCF, 0x11, 0xE0], _) => FileKind::Xls,
        _ => kind,
    };
    reader.seek(SeekFrom::Start(0)).map_err(io)?;
    if matches!(kind, FileKind::Xlsx | FileKind::Ods) {
        file_limits::check_zip(&mut reader, file)?;
        reader.seek(SeekFrom::Start(0)).map_err(io)?;
    }
    // calamine may panic on a malformed file; a clerk must get a message, not a crash.
    let read = std::panic::catch_unwind(AssertUnwindSafe(|| workbook(reader, kind, &mut budget)));
    read.unwrap_or_else(|_| Err(unreadable(file, "文件已损坏或不是有效的电子表格".into())))
}

fn unreadable(file: &str, reason: String) -> LedgerError {
    FileError::Unreadable {
        file: file.to_string(),
        reason,
    }
    .into()
}

fn workbook<R: Read + Seek>(reader: R, kind: FileKind, budget: &mut Budget) -> Result<Vec<Sheet>> {
    let file = budget.file().to_string();
    let fail = |e: &dyn std::fmt::Display| unreadable(&file, book_reason(&e.to_string()));
    match kind {
        FileKind::Xlsx => {
            let mut book: Xlsx<R> = Xlsx::new(reader).map_err(|e| fail(&e))?;
            let mut out = Vec::new();
            for name in visible(&book) {
                let merged = book.merge_cells_by_sheet_name(&name).unwrap_or_default();
                let mut cells = book
                    .worksheet_cells_reader(&name)
                    .map_err(|e| sheet_failed(&file, &name, &e))?;
                let mut rows = Rows::default();
                while let Some(c) = cells
                    .next_cell()
                    .map_err(|e| sheet_failed(&file, &name, &e))?
                {
                    rows.put(
                        c.get_position(),
                        to_cell(&Data::from(c.get_value().clone())),
                        budget,
                    )?;
                }
                drop(cells);
                out.push(rows.into_sheet(name, &merged, budget)?);
            }
            Ok(out)
        }
        FileKind::Xls => {
            let mut book: Xls<R> = Xls::new(reader).map_err(|e| fail(&e))?;
            let mut out = Vec::new();
            for name in visible(&book) {
                let merged = book.merge_cells_by_sheet_name(&name).unwrap_or_default();
                let range = book
                    .worksheet_range(&name)
                    .map_err(|e| sheet_failed(&file, &name, &e))?;
                out.push(from_range(name, &range, &merged, budget)?);
            }
            Ok(out)
        }
        FileKind::Ods | FileKind::Csv => {
            let mut reader = reader;
            let merges = super::ods_merges::read(&mut reader);
            reader
                .seek(SeekFrom::Start(0))
                .map_err(|e| unreadable(&file, file_limits::io_reason(&e)))?;
            let mut book: Ods<R> = Ods::new(reader).map_err(|e| fail(&e))?;
            // calamine holds every sheet and gives out copies: take the copies, let the
            // book go, then turn each copy into cells and let it go.
            let mut ranges = Vec::new();
            for name in visible(&book) {
                let range = book
                    .worksheet_range(&name)
                    .map_err(|e| sheet_failed(&file, &name, &e))?;
                ranges.push((name, range));
            }
            drop(book);
            let mut out = Vec::new();
            for (name, range) in ranges {
                let merged = merges.get(&name).map_or(&[][..], Vec::as_slice);
                out.push(from_range(name, &range, merged, budget)?);
            }
            Ok(out)
        }
    }
}

/// The names of the visible worksheets: hidden sheets hold lookup lists (a template's
/// 选项), not rows to import.
fn visible<R: Read + Seek, B: Reader<R>>(book: &B) -> Vec<String> {
    book.sheets_metadata()
        .iter()
        .filter(|s| s.visible == SheetVisible::Visible && s.typ == SheetType::WorkSheet)
        .map(|s| s.name.clone())
        .collect()
}

fn sheet_failed(file: &str, name: &str, e: &dyn std::fmt::Display) -> LedgerError {
    unreadable(file, format!("工作表「{name}」读取失败：{e}"))
}

fn book_reason(e: &str) -> String {
    if e.contains("zip") || e.contains("Zip") || e.contains("Cannot detect") || e.contains("CFB") {
        format!("文件已损坏或不是有效的电子表格（{e}）")
    } else {
        format!("无法打开电子表格：{e}")
    }
}

/// A sheet's non-empty cells, put in place as they come; the budget is charged for every
/// row and cell kept, including the empty ones a row is padded with.
#[derive(Default)]
struct Rows {
    first_row: Option<u32>,
    rows: Vec<Vec<Cell>>,
    /// The widest row so far: a new row is given that room at once, so a million rows of
    /// five cells hold five cells each, not the eight of a doubling vector.
    width: usize,
}

impl Rows {
    fn put(&mut self, (r, c): (u32, u32), cell: Cell, budget: &mut Budget) -> Result<()> {
        if cell.is_empty() {
            return Ok(());
        }
        let first = *self.first_row.get_or_insert(r);
        if r < first {
            // Rows out of order: room above the first one.
            let extra = (first - r) as usize;
            budget.rows(extra)?;
            self.rows
                .splice(0..0, std::iter::repeat_n(Vec::new(), extra));
            self.first_row = Some(r);
        }
        let i = (r - self.first_row.unwrap_or(r)) as usize;
        if i >= self.rows.len() {
            budget.rows(i + 1 - self.rows.len())?;
            self.rows.resize(i + 1, Vec::new());
        }
        let (c, row) = (c as usize, &mut self.rows[i]);
        if row.len() <= c {
            budget.cells(c + 1 - row.len(), 0)?;
            if row.capacity() == 0 {
                row.reserve_exact(self.width.max(c + 1));
            }
            row.resize(c + 1, Cell::Empty);
            self.width = self.width.max(row.len());
        }
        budget.cell(&cell)?;
        row[c] = cell;
        Ok(())
    }

    /// The sheet, with each merged region's value copied into all its cells.
    fn into_sheet(
        mut self,
        name: String,
        merged: &[Dimensions],
        budget: &mut Budget,
    ) -> Result<Sheet> {
        let first_row = self.first_row.unwrap_or(0);
        let mut kept = Vec::new();
        for m in merged {
            let ((r0, c0), (r1, c1)) = (m.start, m.end);
            let Some(value) = r0
                .checked_sub(first_row)
                .and_then(|i| self.rows.get(i as usize))
                .and_then(|r| r.get(c0 as usize))
                .filter(|c| !c.is_empty())
                .cloned()
            else {
                continue;
            };
            let (height, width) = ((r1 - r0) as usize + 1, (c1 - c0) as usize + 1);
            let text = match &value {
                Cell::Text(s) => s.len(),
                _ => 0,
            };
            let area = height.saturating_mul(width);
            budget.cells(area, text.saturating_mul(area))?;
            for r in r0..=r1 {
                let i = (r - first_row) as usize;
                if i >= self.rows.len() {
                    budget.rows(i + 1 - self.rows.len())?;
                    self.rows.resize(i + 1, Vec::new());
                }
                let row = &mut self.rows[i];
                if row.len() <= c1 as usize {
                    row.resize(c1 as usize + 1, Cell::Empty);
                }
                for cell in &mut row[c0 as usize..=c1 as usize] {
                    *cell = value.clone();
                }
            }
            kept.push(((r0, c0), (r1, c1)));
        }
        Ok(Sheet {
            name,
            first_row,
            rows: self.rows,
            merged: kept,
            problems: Vec::new(),
        })
    }
}

fn from_range(
    name: String,
    range: &Range<Data>,
    merged: &[Dimensions],
    budget: &mut Budget,
) -> Result<Sheet> {
    let (r0, c0) = range.start().unwrap_or((0, 0));
    let mut rows = Rows::default();
    for (r, c, d) in range.used_cells() {
        rows.put((r0 + r as u32, c0 + c as u32), to_cell(d), budget)?;
    }
    rows.into_sheet(name, merged, budget)
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
        let mut book = calamine::open_workbook_auto(path).ok()?;
        let range = book.worksheet_range(name).ok()?;
        from_range(
            name.to_string(),
            &range,
            &[],
            &mut Budget::new(&path.display().to_string()),
        )
        .ok()
    };
    std::panic::catch_unwind(read).ok().flatten()
}
