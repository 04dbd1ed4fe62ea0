//! What the register listings share: dates and limits as typed, the page printed as a
//! table with a line saying how many rows match, or as the core's `{rows, total}` JSON.

use chrono::NaiveDate;
use serde::Serialize;
use taizhang_core::register::Page;
use taizhang_core::validate;

use crate::args::{Format, ListOutput};
use crate::failure::CliResult;
use crate::output::emit;
use crate::table::Table;

/// An optional date as a person typed it.
pub fn date(text: Option<&str>) -> CliResult<Option<NaiveDate>> {
    Ok(text.map(validate::parse_date).transpose()?)
}

/// `--limit N`, where 0 means every row.
pub fn limit(list: &ListOutput) -> Option<u32> {
    Some(if list.limit == 0 {
        u32::MAX
    } else {
        list.limit
    })
}

/// CSV is for scripts: statuses and kinds as their codes, numbers unformatted (as in the
/// JSON); the table shows Chinese labels and formatted figures.
pub fn raw(list: &ListOutput) -> bool {
    list.output.format == Format::Csv
}

/// The page as JSON (`{rows, total}`), CSV, or a table followed by the count.
pub fn print<T: Serialize>(
    list: &ListOutput,
    page: &Page<T>,
    table: impl FnOnce() -> Table,
) -> CliResult<String> {
    let mut out = emit(list.output.format, page, table)?;
    if list.output.format == Format::Table {
        let shown = page.rows.len() as u64;
        if page.total > shown {
            out.push_str(&format!(
                "共 {} 条，显示前 {shown} 条（--limit 0 显示全部）\n",
                page.total
            ));
        } else {
            out.push_str(&format!("共 {} 条\n", page.total));
        }
    }
    Ok(out)
}

/// `走访对象=企业` → Some(("走访对象", "企业")); None without a key and an `=`.
pub fn key_value(text: &str) -> Option<(&str, &str)> {
    let (k, v) = text.split_once(['=', '＝'])?;
    let k = k.trim();
    (!k.is_empty()).then_some((k, v.trim()))
}
