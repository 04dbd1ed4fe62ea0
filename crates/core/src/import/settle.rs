//! After every row is read: which rows are duplicates (in the ledger, or earlier in the
//! file) and which are written. The preview counts both and lists the first
//! [`PREVIEW_ROWS`] of each; a commit keeps every row to write.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use super::plan::{Parsed, Planned, Purpose};
use super::types::{DuplicateRow, ImportPreview, PreviewRow, PREVIEW_ROWS};

/// A row read without problems: its sheet (an index into the sheets' names), its row,
/// what it writes, and (for a preview) its values as shown, joined by `SHOWN_SEP`.
pub(super) struct ReadRow {
    pub sheet: u32,
    pub row: u32,
    pub parsed: Parsed,
    pub shown: Option<Box<str>>,
}

/// Separates a row's shown values (a control character: a value holding one, which a row
/// read without problems never does, has it shown as a space).
const SHOWN_SEP: char = '\u{1f}';

/// A row's values as shown, in one string (a row of many cells costs one allocation).
pub(super) fn join_shown(values: &[String]) -> Box<str> {
    let sep = SHOWN_SEP.to_string();
    let values: Vec<std::borrow::Cow<'_, str>> = values
        .iter()
        .map(|v| match v.contains(SHOWN_SEP) {
            true => v.replace(SHOWN_SEP, " ").into(),
            false => v.as_str().into(),
        })
        .collect();
    values.join(&sep).into_boxed_str()
}

/// Sorts the rows read into duplicates (in the ledger, or earlier in the file) and rows to
/// write: counted, the first of each listed in the preview, and (for a commit) every row
/// to write returned.
pub(super) fn settle(
    read: Vec<ReadRow>,
    names: &[Rc<str>],
    in_ledger: &HashMap<String, String>,
    purpose: Purpose,
    preview: &mut ImportPreview,
) -> Vec<Planned> {
    // The first row of each key: its sheet and row.
    let mut first_seen: HashMap<String, (u32, u32)> = HashMap::new();
    let several_sheets = read.iter().map(|r| r.sheet).collect::<HashSet<_>>().len() > 1;
    let mut items = Vec::new();
    for ReadRow {
        sheet,
        row,
        parsed: p,
        shown,
    } in read
    {
        let existing = p.existing.or_else(|| in_ledger.get(&p.key).cloned());
        let dup = match (existing, first_seen.get(&p.key)) {
            (Some(why), _) => Some(why),
            (None, Some(&(s, r))) if several_sheets && s != sheet => Some(format!(
                "与工作表「{}」第{r}行重复，不再导入",
                names[s as usize]
            )),
            (None, Some(&(_, r))) => Some(format!("与第{r}行重复，不再导入")),
            (None, None) => None,
        };
        let name = &names[sheet as usize];
        if let Some(why) = dup {
            preview.duplicate_count += 1;
            if preview.duplicates.len() < PREVIEW_ROWS {
                preview.duplicates.push(DuplicateRow {
                    message: format!("第{row}行：{why}"),
                    sheet: name.to_string(),
                    row,
                });
            }
            continue;
        }
        first_seen.insert(p.key, (sheet, row));
        preview.row_count += 1;
        if let (Some(shown), true) = (shown, preview.rows.len() < PREVIEW_ROWS) {
            preview.rows.push(PreviewRow {
                sheet: name.to_string(),
                row,
                values: shown.split(SHOWN_SEP).map(str::to_string).collect(),
                creates: p.creates,
            });
        }
        if purpose == Purpose::Commit {
            items.push(Planned {
                sheet: Rc::clone(name),
                row,
                item: p.item,
            });
        }
    }
    items
}
