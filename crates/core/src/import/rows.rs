//! The data rows of a sheet under its mapping, and reading one row's cells by field with
//! every problem recorded at its sheet, row and column.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::cell::{clean_text, number_text, Cell};
use super::sheet::Sheet;
use super::types::{ImportProblem, SheetMapping};
use crate::error::LedgerError;
use crate::text::{first_control, TextKind};
use crate::validate::check_entry_date;

/// Which column holds each field, and its header text.
pub(crate) struct Columns {
    by_field: HashMap<String, (usize, String)>,
}

impl Columns {
    pub(crate) fn new(mapping: &SheetMapping) -> Self {
        let by_field = mapping
            .columns
            .iter()
            .filter_map(|c| {
                let f = c.field.clone()?;
                Some((f, (c.index as usize, c.header.clone())))
            })
            .collect();
        Self { by_field }
    }
    pub(crate) fn has(&self, field: &str) -> bool {
        self.by_field.contains_key(field)
    }
}

/// Rows below the header that carry data, with Excel's row numbers; blank rows, 合计 /
/// 总计 / 小计 rows, a template's （示例） row, repeated header rows, signature lines
/// (填报人、审核人、联系电话), notes (注：…) and lines merged across the table are counted in
/// `skipped` instead.
pub(crate) fn data_rows<'s>(
    sheet: &'s Sheet,
    mapping: &SheetMapping,
    cols: &Columns,
    skipped: &mut u32,
) -> Vec<(u32, &'s [Cell])> {
    let Some(header) = mapping.header_row else {
        return Vec::new();
    };
    let start = header.saturating_sub(sheet.first_row) as usize;
    let mapped: Vec<(usize, &str)> = cols
        .by_field
        .values()
        .map(|(i, h)| (*i, h.as_str()))
        .collect();
    let mut out = Vec::new();
    for (i, row) in sheet.rows.iter().enumerate().skip(start) {
        let cell = |c: usize| row.get(c).unwrap_or(&Cell::Empty);
        let blank = mapped.iter().all(|(c, _)| cell(*c).is_empty());
        let first = row
            .iter()
            .find(|c| !c.is_empty())
            .map(|c| clean_text(&c.display()).replace(' ', ""));
        let total = first.as_deref().is_some_and(|f| {
            ["合计", "总计", "小计", "共计", "总合计"]
                .iter()
                .any(|t| f.starts_with(t))
        });
        let example = first.as_deref().is_some_and(is_example_mark);
        // 「填报人：… 审核人：… 联系电话：…」 or 「注：…」 under the table, or any line merged
        // across it.
        let signature = first.as_deref().is_some_and(|f| {
            ["填报人", "填表人", "审核人", "联系电话", "负责人", "制表人"]
                .iter()
                .any(|t| f.starts_with(t))
                || ["注:", "说明:", "备注:"].iter().any(|t| f.starts_with(t))
        });
        let merged_line = mapped.len() >= 3
            && mapped
                .iter()
                .all(|(c, _)| !cell(*c).is_empty() && cell(*c) == cell(mapped[0].0));
        let repeated_header = mapped.len() >= 2
            && mapped
                .iter()
                .filter(|(c, h)| cell(*c).header_text() == *h)
                .count()
                >= 2;
        if blank || total || example || repeated_header || signature || merged_line {
            *skipped += 1;
            continue;
        }
        out.push((sheet.excel_row(i), row.as_slice()));
    }
    out
}

/// Templates start their example row with this mark; such rows are never imported.
pub(crate) const EXAMPLE_MARK: &str = "（示例）";

fn is_example_mark(first: &str) -> bool {
    first.starts_with(EXAMPLE_MARK) || first.starts_with("(示例)")
}

/// One row being read: the cells by field, and the problems found so far.
pub(crate) struct RowReader<'a> {
    pub sheet: &'a str,
    pub row: u32,
    cells: &'a [Cell],
    cols: &'a Columns,
    pub problems: Vec<ImportProblem>,
    /// Values as the preview shows them, where reading normalised them.
    shown: HashMap<String, String>,
    /// Fields whose cell holds a control character: that is their one problem.
    unreadable: Vec<String>,
}

impl<'a> RowReader<'a> {
    /// A row to read; a cell of any mapped column that holds a control character (an
    /// ANSI escape, NUL …: a line break or tab is taken as a space) is its problem already.
    pub(crate) fn new(sheet: &'a str, row: u32, cells: &'a [Cell], cols: &'a Columns) -> Self {
        let mut r = Self {
            sheet,
            row,
            cells,
            cols,
            problems: Vec::new(),
            shown: HashMap::new(),
            unreadable: Vec::new(),
        };
        let mut fields: Vec<&String> = cols.by_field.keys().collect();
        fields.sort_by_key(|f| cols.by_field[*f].0);
        for field in fields {
            if let Some(position) = first_control(&r.cell(field).display(), false) {
                r.problem(
                    field,
                    format!("含有不可见的控制字符（第{position}个字符），请删除后再导入"),
                );
                r.unreadable.push(field.clone());
            }
        }
        r
    }

    /// An optional free text (a note, a contact, a text field): its length within the
    /// kind's limit, else a problem; empty when the cell is.
    pub(crate) fn free_text(&mut self, field: &str, kind: TextKind) -> String {
        let t = self.text(field).unwrap_or_default();
        match crate::text::labelled(field, field, &t, kind, kind.limit()) {
            Ok(t) => t,
            Err(e) => {
                self.rule(field, &e);
                String::new()
            }
        }
    }

    /// The field's value for the preview: as normalised by reading, else the clean text.
    pub(crate) fn shown(&self, field: &str) -> String {
        self.shown
            .get(field)
            .cloned()
            .unwrap_or_else(|| self.cell(field).display())
    }

    pub(crate) fn show(&mut self, field: &str, value: String) {
        self.shown.insert(field.to_string(), value);
    }

    pub(crate) fn cell(&self, field: &str) -> &Cell {
        self.cols
            .by_field
            .get(field)
            .and_then(|(i, _)| self.cells.get(*i))
            .unwrap_or(&Cell::Empty)
    }

    pub(crate) fn has(&self, field: &str) -> bool {
        self.cols.has(field)
    }

    /// The cell's clean text, None when empty.
    pub(crate) fn text(&self, field: &str) -> Option<String> {
        let t = self.cell(field).display();
        (!t.is_empty()).then_some(t)
    }

    /// The clean text; a problem when empty.
    pub(crate) fn required(&mut self, field: &str) -> Option<String> {
        let t = self.text(field);
        if t.is_none() {
            self.problem(field, "不能为空".into());
        }
        t
    }

    /// A number or None when empty; a problem when the text is not a number.
    pub(crate) fn number(&mut self, field: &str) -> Result<Option<f64>, ()> {
        match self.cell(field).number() {
            Ok(n) => {
                if let Some(n) = n {
                    self.show(field, number_text(n));
                }
                Ok(n)
            }
            Err(text) => {
                self.problem(field, format!("不是数字：{text}"));
                Err(())
            }
        }
    }

    pub(crate) fn required_number(&mut self, field: &str) -> Option<f64> {
        match self.number(field) {
            Ok(Some(n)) => Some(n),
            Ok(None) => {
                self.problem(field, "不能为空".into());
                None
            }
            Err(()) => None,
        }
    }

    pub(crate) fn date(&mut self, field: &str) -> Result<Option<NaiveDate>, ()> {
        match self.cell(field).date() {
            Ok(d) => {
                if let Some(d) = d {
                    self.show(field, d.to_string());
                }
                Ok(d)
            }
            Err(text) => {
                self.problem(
                    field,
                    format!("不是日期：{text}（可写 2024-03-05、2024/3/5、2024年3月5日）"),
                );
                Err(())
            }
        }
    }

    pub(crate) fn required_date(&mut self, field: &str) -> Option<NaiveDate> {
        match self.date(field) {
            Ok(Some(d)) => Some(d),
            Ok(None) => {
                self.problem(field, "不能为空".into());
                None
            }
            Err(()) => None,
        }
    }

    /// A required date checked as an entry's date is (not after `today` …); a date that
    /// breaks the rule is still returned, its problem noted.
    pub(crate) fn required_entry_date(
        &mut self,
        field: &str,
        today: NaiveDate,
    ) -> Option<NaiveDate> {
        let date = self.required_date(field);
        if let Some(d) = date {
            if let Err(e) = check_entry_date(d, today) {
                self.rule(field, &e);
            }
        }
        date
    }

    /// "第12行「投资金额」<what>" at the field's column.
    pub(crate) fn problem(&mut self, field: &str, what: String) {
        if self.unreadable.iter().any(|f| f == field) {
            return;
        }
        let header = self.cols.by_field.get(field).map(|(_, h)| h.clone());
        let message = match &header {
            Some(h) => format!("第{}行「{h}」{what}", self.row),
            None => format!("第{}行{what}", self.row),
        };
        self.problems.push(ImportProblem {
            sheet: self.sheet.to_string(),
            row: Some(self.row),
            column: header,
            message,
        });
    }

    /// A rule of the ledger broken by the field's value, in the import's words.
    pub(crate) fn rule(&mut self, field: &str, e: &LedgerError) {
        self.problem(field, describe(e));
    }

    pub(crate) fn ok(&self) -> bool {
        self.problems.is_empty()
    }
}

/// A ledger error without its own field label (the column header says which field).
pub(crate) fn describe(e: &LedgerError) -> String {
    match e {
        LedgerError::Negative { value, .. } => format!("不能为负数：{value}"),
        LedgerError::TooManyDecimals {
            decimals, value, ..
        } => format!("最多允许 {decimals} 位小数：{value}"),
        LedgerError::NotANumber { value, .. } => format!("不是数字：{value}"),
        LedgerError::DateOutOfRange { date, reason, .. } => format!("{date} {reason}"),
        LedgerError::BadDate(s) => format!("不是日期：{s}"),
        LedgerError::Invalid { problem, .. } => problem.clone(),
        LedgerError::UnknownIndicator(k) => format!("找不到指标：{k}"),
        LedgerError::UnknownUnit(k) => format!("找不到责任单位：{k}"),
        LedgerError::Ambiguous { what, key } => {
            format!("「{key}」匹配到多个{what}，请改用编码")
        }
        LedgerError::BadCreditCode { code, problem } => format!("「{code}」有误：{problem}"),
        LedgerError::PeriodReversed { start, end } => {
            format!("结束日期 {end} 早于开始日期 {start}")
        }
        LedgerError::DerivedIndicator {
            indicator,
            register,
        } => format!("「{indicator}」由台账自动统计，请导入「{register}」，不能直接导入完成值"),
        LedgerError::ProjectBeforePairing {
            agreed_on,
            signed_on,
        } => format!("{agreed_on} 早于结对时间 {signed_on}：合作项目不能早于它的结对关系"),
        LedgerError::ControlCharacter { position, .. } => {
            format!("含有不可见的控制字符（第{position}个字符），请删除后再保存")
        }
        LedgerError::TooLong { max, length, .. } => {
            format!("不能超过 {max} 个字符（现有 {length} 个）")
        }
        e @ (LedgerError::ImplausibleValue { field, .. }
        | LedgerError::TooSmall { field, .. }
        | LedgerError::NotACounty { field, .. }) => without_label(e, field),
        other => other.to_string(),
    }
}

/// The message without its leading 「field label」.
fn without_label(e: &LedgerError, field: &str) -> String {
    let text = e.to_string();
    let label = format!("「{}」", crate::error::field_label(field));
    text.strip_prefix(&label).unwrap_or(&text).to_string()
}
