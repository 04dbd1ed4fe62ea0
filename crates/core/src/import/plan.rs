//! From sheets to a plan: the mapping of each sheet, every data row read by its kind, the
//! rows to write, the duplicates (in the ledger or earlier in the file) and every
//! problem. Preview shows the plan; commit writes it, only when it has no problem.

use std::collections::HashMap;
use std::path::Path;
use std::rc::Rc;

use chrono::NaiveDate;
use rusqlite::Connection;

use super::header;
use super::rows::{data_rows, Columns, RowReader};
use super::settle;
use super::sheet::Sheet;
use super::types::*;
use super::{activity, county, enterprises, entries, pairings, projects, targets, villages};
use crate::error::Result;
use crate::model::NewTarget;
use crate::register::activity::NewRegisterRow;
use crate::register::enterprise::NewEnterprise;
use crate::register::project::NewProject;
use crate::register::village::NewVillage;

/// What one row writes. Every kind but an entry is boxed: a million entries are not
/// each the size of a county register's row (a pairing, its new enterprise and village,
/// and a project).
#[derive(Debug, Clone)]
pub(crate) enum Item {
    Entry(entries::EntryRow),
    Target(Box<NewTarget>),
    Enterprise(Box<NewEnterprise>),
    Village(Box<NewVillage>),
    Pairing(Box<pairings::PairingRow>),
    Project(Box<NewProject>),
    Activity(Box<NewRegisterRow>),
    CountyRow(Box<super::county::CountyRow>),
}

/// A row read without problems.
pub(crate) struct Parsed {
    /// The natural key; a second row with the same key in the file is a duplicate.
    pub key: String,
    pub item: Item,
    /// Why the row is already in the ledger, when it is.
    pub existing: Option<String>,
    pub creates: Vec<String>,
}

/// How one kind reads its rows.
pub(crate) trait RowKind {
    fn read(&mut self, r: &mut RowReader<'_>) -> Result<Option<Parsed>>;
    /// Keys of the parsed rows that the ledger already holds (for kinds that check them
    /// once all rows are read, rather than row by row), with the reason to show.
    fn existing(&self, _conn: &Connection, _parsed: &[&Parsed]) -> Result<HashMap<String, String>> {
        Ok(HashMap::new())
    }
    fn new_records(&self) -> (u32, u32) {
        (0, 0)
    }
}

pub(crate) struct Planned {
    /// The sheet's name, shared by its rows.
    pub sheet: Rc<str>,
    pub row: u32,
    pub item: Item,
}

pub(crate) struct Plan {
    /// The rows to write, in order; empty for a preview, which writes nothing.
    pub items: Vec<Planned>,
    pub preview: ImportPreview,
}

/// What a plan is built for: a preview keeps the first rows as they are shown and no rows
/// to write; a commit keeps every row to write and shows none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Purpose {
    Preview,
    Commit,
}

/// Builds the plan of importing `sheets`, each dropped once its rows are read, so a large
/// file is never held both as cells and as rows.
pub(crate) fn build(
    conn: &Connection,
    today: NaiveDate,
    kind: &ImportKind,
    path: &Path,
    sheets: Vec<Sheet>,
    mapping: Option<&ColumnMapping>,
    purpose: Purpose,
) -> Result<Plan> {
    let fields = super::fields::for_kind(conn, kind)?;
    let mut reader: Box<dyn RowKind> = match kind {
        ImportKind::Entries => Box::new(entries::Entries::new(conn, today)?),
        ImportKind::Targets => Box::new(targets::Targets::new(conn, today)?),
        ImportKind::Enterprises => Box::new(enterprises::Enterprises::new(conn)?),
        ImportKind::Villages => Box::new(villages::Villages::new(conn)?),
        ImportKind::Pairings => Box::new(pairings::Pairings::new(conn, today)?),
        ImportKind::Projects => Box::new(projects::Projects::new(conn, today)?),
        ImportKind::Activity { register } => {
            Box::new(activity::Activity::new(conn, today, register)?)
        }
        ImportKind::CountyPairings { county } => {
            let found = county::county_of(conn, &sheets, &fields, county.as_deref())?;
            Box::new(county::CountyRegister::new(conn, today, found)?)
        }
    };
    let carried_down = matches!(kind, ImportKind::CountyPairings { .. });
    let mut preview = ImportPreview {
        file: path.display().to_string(),
        kind: kind.clone(),
        fields: fields.clone(),
        mapping: ColumnMapping::default(),
        rows: Vec::new(),
        row_count: 0,
        duplicates: Vec::new(),
        duplicate_count: 0,
        problems: Vec::new(),
        skipped: 0,
        notes: Vec::new(),
        new_enterprises: 0,
        new_villages: 0,
    };
    let names: Vec<Rc<str>> = sheets.iter().map(|s| Rc::from(s.name.as_str())).collect();
    let mut read: Vec<settle::ReadRow> = Vec::new();
    let mut any_header = false;
    for (index, sheet) in sheets.into_iter().enumerate() {
        preview
            .problems
            .extend(sheet.problems.iter().map(|(row, message)| ImportProblem {
                sheet: sheet.name.clone(),
                row: Some(*row),
                column: None,
                message: message.clone(),
            }));
        let given = mapping.and_then(|m| m.sheets.iter().find(|s| s.sheet == sheet.name));
        let sm = match given {
            Some(g) => header::complete(&sheet, g),
            None => header::guess(&sheet, &fields),
        };
        let has_cells = sheet.rows.iter().flatten().any(|c| !c.is_empty());
        if sm.header_row.is_none() {
            if has_cells && given.is_none() {
                preview
                    .notes
                    .push(format!("工作表「{}」中没有找到表头，已跳过", sheet.name));
            }
            preview.mapping.sheets.push(sm);
            continue;
        }
        any_header = true;
        let mapping_ok = check_mapping(&sm, &fields, &mut preview.problems);
        let cols = Columns::new(&sm);
        let sheet = if carried_down {
            county::fill_down(&sheet, &sm)
        } else {
            sheet
        };
        if mapping_ok {
            for (row, cells) in data_rows(&sheet, &sm, &cols, &mut preview.skipped) {
                let mut r = RowReader::new(&sheet.name, row, cells, &cols);
                let parsed = reader.read(&mut r)?;
                let shown = (purpose == Purpose::Preview).then(|| {
                    let values: Vec<String> = fields.iter().map(|f| r.shown(&f.key)).collect();
                    settle::join_shown(&values)
                });
                preview.problems.append(&mut r.problems);
                if let Some(parsed) = parsed {
                    read.push(settle::ReadRow {
                        sheet: index as u32,
                        row,
                        parsed,
                        shown,
                    });
                }
            }
        }
        preview.mapping.sheets.push(sm);
        // The sheet's cells are dropped here: its rows are read.
    }
    if !any_header {
        let names: Vec<String> = fields
            .iter()
            .filter(|f| f.required)
            .map(|f| format!("「{}」", f.label))
            .collect();
        preview.problems.push(ImportProblem {
            sheet: String::new(),
            row: None,
            column: None,
            message: format!(
                "没有找到表头：导入{}的表格应有{}等列",
                kind.label_zh(),
                names.join("")
            ),
        });
    }
    let parsed: Vec<&Parsed> = read.iter().map(|r| &r.parsed).collect();
    let in_ledger = reader.existing(conn, &parsed)?;
    drop(parsed);
    let items = settle::settle(read, &names, &in_ledger, purpose, &mut preview);
    (preview.new_enterprises, preview.new_villages) = reader.new_records();
    if preview.problems.is_empty() && preview.row_count == 0 {
        preview.notes.push("没有需要导入的新数据".into());
    }
    Ok(Plan { items, preview })
}

/// Every field key known, no field twice, every required field present.
fn check_mapping(
    sm: &SheetMapping,
    fields: &[ImportField],
    problems: &mut Vec<ImportProblem>,
) -> bool {
    let mut push = |column: Option<String>, message: String| {
        problems.push(ImportProblem {
            sheet: sm.sheet.clone(),
            row: sm.header_row.filter(|_| column.is_some()),
            column,
            message,
        })
    };
    let mut seen: HashMap<&str, &MappedColumn> = HashMap::new();
    let mut ok = true;
    for c in &sm.columns {
        let Some(f) = c.field.as_deref() else {
            continue;
        };
        let Some(field) = fields.iter().find(|x| x.key == f) else {
            push(
                Some(c.header.clone()),
                format!("「{}」列对应的字段「{f}」不存在", c.header),
            );
            ok = false;
            continue;
        };
        if let Some(first) = seen.get(f) {
            let row = sm
                .header_row
                .map_or_else(String::new, |r| format!("第{r}行表头中"));
            push(
                Some(c.header.clone()),
                format!(
                    "{row}「{}」（{}列）与「{}」（{}列）都对应「{}」，不知道该用哪一列：请删去或改名其中一列，或在列对应中把一列设为不导入",
                    c.header, c.letter, first.header, first.letter, field.label
                ),
            );
            ok = false;
        } else {
            seen.insert(f, c);
        }
    }
    for f in fields
        .iter()
        .filter(|f| f.required && !seen.contains_key(f.key.as_str()))
    {
        push(
            None,
            format!(
                "工作表「{}」缺少「{}」列（第{}行是表头）",
                sm.sheet,
                f.label,
                sm.header_row.unwrap_or(0)
            ),
        );
        ok = false;
    }
    ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_to_write_is_no_larger_than_an_entry() {
        // (what, its size, at most): a million rows are held while a file is planned.
        let cases = [
            ("Item", std::mem::size_of::<Item>(), 112),
            ("Parsed", std::mem::size_of::<Parsed>(), 192),
        ];
        for (what, size, most) in cases {
            assert!(size <= most, "{what}: {size} bytes, want at most {most}");
        }
    }
}
