//! Finding the header row below any title rows and matching its columns to fields by
//! name (with synonyms); a mapping given by the person replaces the guess.

use std::collections::HashSet;

use super::cell::{clean_text, Cell};
use super::sheet::Sheet;
use super::types::{ImportField, MappedColumn, SheetMapping};

/// How many rows from the top may hold titles before the header.
const HEADER_SCAN: usize = 30;

/// A header text reduced for comparison: no spaces, no required-marks, no bracketed
/// unit ("投资金额（万元）" → "投资金额"), ASCII lower-cased.
pub(crate) fn normalise(header: &str) -> String {
    let t = clean_text(header);
    let t = t.trim_end_matches([':', '：']);
    let mut out = String::new();
    let mut depth = 0;
    for c in t.chars() {
        match c {
            '(' | '（' | '[' | '【' => depth += 1,
            ')' | '）' | ']' | '】' => depth = (depth - 1).max(0),
            _ if depth > 0 => {}
            '*' | '＊' | ' ' => {}
            c => out.push(c.to_ascii_lowercase()),
        }
    }
    if out.is_empty() {
        // "（万元）" alone: keep what was inside rather than nothing.
        return t.replace(' ', "").to_ascii_lowercase();
    }
    out
}

/// How well a header names a field: an exact name beats a name contained in the header,
/// and a longer contained name beats a shorter one. 0 is no match.
fn score(header: &str, field: &ImportField) -> usize {
    let h = normalise(header);
    if h.is_empty() {
        return 0;
    }
    let names = field
        .names
        .iter()
        .map(|n| normalise(n))
        .chain([field.key.to_ascii_lowercase()]);
    names
        .map(|n| {
            if n == h || header.trim() == n {
                1000 + n.chars().count()
            } else if n.chars().count() >= 2 && h.contains(&n) {
                n.chars().count()
            } else {
                0
            }
        })
        .max()
        .unwrap_or(0)
}

/// Assigns fields to the row's columns, best matches first, each field and each distinct
/// header text at most once (a merged title repeated across the row counts once).
fn assign(row: &[Cell], fields: &[ImportField]) -> Vec<(usize, usize)> {
    let mut candidates: Vec<(usize, usize, usize)> = Vec::new();
    for (col, cell) in row.iter().enumerate() {
        let Cell::Text(text) = cell else { continue };
        if text.chars().count() > 30 {
            continue;
        }
        for (f, field) in fields.iter().enumerate() {
            let s = score(text, field);
            if s > 0 {
                candidates.push((s, col, f));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let (mut cols, mut used, mut texts) = (HashSet::new(), HashSet::new(), HashSet::new());
    let mut out = Vec::new();
    for (_, col, f) in candidates {
        let text = row[col].display();
        if cols.contains(&col) || used.contains(&f) || texts.contains(&text) {
            continue;
        }
        cols.insert(col);
        used.insert(f);
        texts.insert(text);
        out.push((col, f));
    }
    out
}

/// Columns of the header row that name a field exactly as well as the column it was given
/// to (two 「日期」 columns). They get the field too, so that checking the mapping reports
/// both rather than one being chosen silently. The copies of a merged header cell
/// (`is_copy`) are not columns of their own.
fn duplicates(
    row: &[Cell],
    is_copy: impl Fn(usize) -> bool,
    assigned: &[(usize, usize)],
    fields: &[ImportField],
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (col, cell) in row.iter().enumerate() {
        let Cell::Text(text) = cell else { continue };
        if text.chars().count() > 30 || assigned.iter().any(|(c, _)| *c == col) || is_copy(col) {
            continue;
        }
        let twin = assigned.iter().find(|(c, f)| {
            let Cell::Text(winner) = &row[*c] else {
                return false;
            };
            score(text, &fields[*f]) == score(winner, &fields[*f])
        });
        if let Some(&(_, f)) = twin {
            out.push((col, f));
        }
    }
    out
}

/// A row that may be a heading's second row: some text, and no numbers or dates.
fn text_only(row: &[Cell]) -> bool {
    row.iter().any(|c| !c.is_empty())
        && row.iter().all(|c| matches!(c, Cell::Empty | Cell::Text(_)))
}

/// Two heading rows read as one: the lower row's text where it has one (「企业名称」 under
/// 「企业情况」 merged across), else the upper's (「结对时间」 merged down, whose lower cell
/// is blank where the file keeps no merge).
fn joined(top: &[Cell], below: &[Cell]) -> Vec<Cell> {
    (0..top.len().max(below.len()))
        .map(|c| match below.get(c) {
            Some(b) if !b.is_empty() => b.clone(),
            _ => top.get(c).cloned().unwrap_or(Cell::Empty),
        })
        .collect()
}

/// The guessed mapping: the first row (of the top rows) naming two or more fields, read
/// together with the row below it when the two are one heading — a group title merged
/// across its columns above their own names — and the pair names more fields than the
/// upper row alone (and, when the upper row names too few, than the lower row alone).
pub(crate) fn guess(sheet: &Sheet, fields: &[ImportField]) -> SheetMapping {
    let need = fields.iter().filter(|f| f.required).count().clamp(1, 2);
    for (i, row) in sheet.rows.iter().take(HEADER_SCAN).enumerate() {
        let single = assign(row, fields);
        if let Some(below) = sheet.rows.get(i + 1).filter(|b| text_only(b)) {
            let both = joined(row, below);
            let pair = assign(&both, fields);
            let better = pair.len() >= need
                && pair.len() > single.len()
                && (single.len() >= need || pair.len() > assign(below, fields).len());
            if better {
                let is_copy = |col: usize| match below.get(col) {
                    Some(b) if !b.is_empty() => sheet.is_merge_copy(i + 1, col),
                    _ => sheet.is_merge_copy(i, col),
                };
                return mapping(sheet, i + 1, &both, pair, is_copy, fields);
            }
        }
        if single.len() >= need {
            return mapping(
                sheet,
                i,
                row,
                single,
                |col| sheet.is_merge_copy(i, col),
                fields,
            );
        }
    }
    SheetMapping {
        sheet: sheet.name.clone(),
        header_row: None,
        columns: Vec::new(),
    }
}

/// The mapping of the heading whose last row is `rows[i]`, read as `row`.
fn mapping(
    sheet: &Sheet,
    i: usize,
    row: &[Cell],
    mut assigned: Vec<(usize, usize)>,
    is_copy: impl Fn(usize) -> bool,
    fields: &[ImportField],
) -> SheetMapping {
    let twins = duplicates(row, is_copy, &assigned, fields);
    assigned.extend(twins);
    SheetMapping {
        sheet: sheet.name.clone(),
        header_row: Some(sheet.excel_row(i)),
        columns: columns(row, |col| {
            assigned
                .iter()
                .find(|(c, _)| *c == col)
                .map(|(_, f)| fields[*f].key.clone())
        }),
    }
}

/// Every non-empty header cell of the row, with the field it fills.
fn columns(row: &[Cell], field_of: impl Fn(usize) -> Option<String>) -> Vec<MappedColumn> {
    row.iter()
        .enumerate()
        .filter(|(_, c)| !c.is_empty())
        .map(|(i, c)| MappedColumn {
            index: i as u32,
            letter: column_letter(i as u32),
            header: c.header_text(),
            field: field_of(i),
        })
        .collect()
}

/// A given mapping for one sheet, with the header texts filled from the sheet when the
/// caller left them out.
pub(crate) fn complete(sheet: &Sheet, given: &SheetMapping) -> SheetMapping {
    let mut out = given.clone();
    out.sheet = sheet.name.clone();
    let header_cells = given
        .header_row
        .and_then(|r| r.checked_sub(sheet.first_row + 1))
        .and_then(|i| sheet.rows.get(i as usize));
    for c in &mut out.columns {
        c.letter = column_letter(c.index);
        if c.header.trim().is_empty() {
            c.header = header_cells
                .and_then(|row| row.get(c.index as usize))
                .map(Cell::header_text)
                .filter(|h| !h.is_empty())
                .unwrap_or_else(|| format!("{}列", c.letter));
        }
    }
    out
}

/// A, B … Z, AA, AB …
pub(crate) fn column_letter(index: u32) -> String {
    let mut n = index + 1;
    let mut out = Vec::new();
    while n > 0 {
        let r = ((n - 1) % 26) as u8;
        out.push((b'A' + r) as char);
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_and_names() {
        let letters: Vec<String> = [0, 25, 26, 27, 701, 702].map(column_letter).to_vec();
        assert_eq!(
            letters,
            ["A", "Z", "AA", "AB", "ZZ", "AAA"],
            "column letters"
        );
        let cases = [
            ("投资金额（万元）", "投资金额"),
            ("＊企业名称", "企业名称"),
            (" 签约 时间： ", "签约时间"),
            ("(万元)", "(万元)"),
        ];
        for (raw, want) in cases {
            assert_eq!(normalise(raw), want, "normalise {raw:?}");
        }
    }
}
