//! The rows below a return's heading that may be indicators: a line merged across the
//! table (a section heading, a signature), 合计 and signature rows and rows of dashes only
//! are passed over.

use super::super::cell::Cell;
use super::super::sheet::Sheet;
use super::columns::squeeze;
use super::types::ReturnMapping;

/// Rows that are not indicators: totals, signatures, notes under the table.
const NOT_ROWS: &[&str] = &[
    "合计",
    "总计",
    "小计",
    "共计",
    "填报人",
    "填表人",
    "审核人",
    "审核",
    "联系电话",
    "联系人",
    "负责人",
    "制表",
    "填报单位",
    "报送单位",
    "填报日期",
    "注:",
    "注：",
    "说明:",
    "备注:",
];

/// The rows below the heading that may be indicators, with Excel's numbers.
pub(crate) fn data_rows<'s>(sheet: &'s Sheet, m: &ReturnMapping) -> Vec<(u32, &'s [Cell])> {
    let start = m.header_row.saturating_sub(sheet.first_row) as usize;
    let mut out = Vec::new();
    for (i, cells) in sheet.rows.iter().enumerate().skip(start) {
        let texts: Vec<String> = cells
            .iter()
            .filter(|c| !c.is_empty())
            .map(|c| squeeze(&c.display()))
            .collect();
        let Some(first) = texts.first() else { continue };
        // A line merged across the table: a section heading or a signature line.
        let one_line = texts.len() >= 2 && texts.iter().all(|t| t == first);
        let not_row = NOT_ROWS.iter().any(|w| first.starts_with(w));
        if one_line || not_row || texts.iter().all(|t| t.chars().all(|c| "-—–/ ".contains(c))) {
            continue;
        }
        out.push((sheet.excel_row(i), cells.as_slice()));
    }
    out
}
