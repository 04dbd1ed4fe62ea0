//! The import's parsers on bytes and text, without a ledger: what a hostile file reaches
//! first. They are public for the tests that feed them random and mutated input
//! (`crates/core/tests/fuzz_parsers.rs`); the doors import through [`super::preview`] and
//! [`super::commit`], which read files through the same functions.

use std::io::Cursor;

use chrono::NaiveDate;

use super::cell::{self, Cell};
use super::header;
use super::sheet::{self, Sheet};
use super::types::{ImportField, SheetMapping};
use crate::error::Result;

pub use super::sheet::FileKind;

/// A sheet as text: its name, and each row's cells as the preview shows them.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetText {
    /// The sheet's name, as problems and the preview cite it.
    pub name: String,
    /// Excel's number of the first row.
    pub first_row: u32,
    /// Each row's cells as text, from `first_row` on.
    pub rows: Vec<Vec<String>>,
    /// Rows that could not be read, with why (an unterminated quote).
    pub problems: Vec<(u32, String)>,
    sheet: Sheet,
}

/// Every sheet of a file given as bytes, read as an import reads it (the same checks of
/// size, archive and rows first).
pub fn sheets(bytes: &[u8], kind: FileKind) -> Result<Vec<SheetText>> {
    let read = sheet::read_from(Cursor::new(bytes), kind, "CSV".into(), "（测试数据）")?;
    Ok(read
        .into_iter()
        .map(|s| SheetText {
            name: s.name.clone(),
            first_row: s.first_row + 1,
            rows: s
                .rows
                .iter()
                .map(|r| r.iter().map(Cell::display).collect())
                .collect(),
            problems: s.problems.clone(),
            sheet: s,
        })
        .collect())
}

/// The header row guessed for `fields` in a sheet, and each column's field.
pub fn guess_header(sheet: &SheetText, fields: &[ImportField]) -> SheetMapping {
    header::guess(&sheet.sheet, fields)
}

/// A cell's text trimmed, full-width folded, spaces collapsed.
pub fn clean_text(text: &str) -> String {
    cell::clean_text(text)
}

/// A text cell read as a number (`Err`: the text, which is not one).
pub fn number(text: &str) -> std::result::Result<Option<f64>, String> {
    Cell::text(text).number()
}

/// A text cell read as a date (`Err`: the text, which is not one).
pub fn date(text: &str) -> std::result::Result<Option<NaiveDate>, String> {
    Cell::text(text).date()
}

/// A numeric cell read as a date (an Excel serial).
pub fn date_of_number(n: f64) -> std::result::Result<Option<NaiveDate>, String> {
    Cell::Number(n).date()
}

/// A numeric cell shown as text.
pub fn number_text(n: f64) -> String {
    cell::number_text(n)
}
