//! The .xlsx template of each kind: its headers (required ones marked), an example row
//! (starting with （示例）, which imports skip), drop-down lists of the ledger's
//! indicators, units, kinds and statuses, widths that fit and a frozen header row.

use rust_xlsxwriter::{
    Color, DataValidation, ExcelDateTime, Format, FormatBorder, Formula, Workbook, Worksheet,
    XlsxError,
};

use super::fields::for_kind;
use super::rows::EXAMPLE_MARK;
use super::types::{ImportField, ImportKind};
use crate::error::{LedgerError, Result};
use crate::ledger::Ledger;
use crate::register::activity::{type_by_key, FieldKind};
use crate::register::enterprise::EnterpriseKind;
use crate::register::project::ProjectKind;

/// Rows below the header that carry the drop-down lists.
const ROWS: u32 = 2000;
const LISTS: &str = "选项";

/// A cell of the example row.
enum Example {
    Text(String),
    Number(f64),
    Date(chrono::NaiveDate),
}

/// Writes a kind's template to `path` (beside it first, then renamed into place).
pub fn template_to_file(kind: &ImportKind, ledger: &Ledger, path: &std::path::Path) -> Result<()> {
    let bytes = template(kind, ledger)?;
    crate::export::write_file(path, &bytes)
}

/// [`template_to_file`], except that an existing file is replaced only when `replace` is
/// true; otherwise `FileExists` before anything is written.
pub fn template_to_file_checked(
    kind: &ImportKind,
    ledger: &Ledger,
    path: &std::path::Path,
    replace: bool,
) -> Result<()> {
    crate::export::refuse_existing(path, replace)?;
    template_to_file(kind, ledger, path)
}

/// The .xlsx import template of a kind, as bytes: a column per field it reads.
pub fn template(kind: &ImportKind, ledger: &Ledger) -> Result<Vec<u8>> {
    let fields = for_kind(ledger.conn(), kind)?;
    let lists = lists(kind, ledger, &fields)?;
    let examples = examples(kind, ledger, &fields, &lists);
    build(kind, ledger, &fields, &lists, &examples)
        .map_err(|e| LedgerError::TemplateFailed(e.to_string()))
}

/// The drop-down choices of each field (empty when it has none).
fn lists(kind: &ImportKind, ledger: &Ledger, fields: &[ImportField]) -> Result<Vec<Vec<String>>> {
    let conn = ledger.conn();
    let derived = crate::register::derive::read_all(conn)?;
    let indicators: Vec<String> = ledger
        .indicators(None, false)?
        .into_iter()
        .filter(|i| *kind != ImportKind::Entries || !derived.contains_key(&i.id))
        .map(|i| i.name)
        .collect();
    let units: Vec<String> = ledger.units(false)?.into_iter().map(|u| u.name).collect();
    let counties: Vec<String> = ledger
        .units(false)?
        .into_iter()
        .filter(|u| {
            matches!(
                u.kind,
                crate::model::UnitKind::County | crate::model::UnitKind::Zone
            )
        })
        .map(|u| u.name)
        .collect();
    let register = match kind {
        ImportKind::Activity { register } => Some(type_by_key(conn, register)?),
        _ => None,
    };
    let strs = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    Ok(fields
        .iter()
        .map(|f| match (f.key.as_str(), kind) {
            ("indicator", _) => indicators.clone(),
            ("unit", _) => units.clone(),
            ("county", _) => counties.clone(),
            ("kind", ImportKind::Enterprises) => EnterpriseKind::ALL
                .iter()
                .map(|k| k.label_zh().to_string())
                .collect(),
            ("kind", ImportKind::Projects) => ProjectKind::ALL
                .iter()
                .map(|k| k.label_zh().to_string())
                .collect(),
            ("status", ImportKind::Pairings) => strs(&["结对中", "已结束"]),
            ("status", ImportKind::Projects) => strs(&["已签约", "实施中", "已完成"]),
            ("status", ImportKind::Activity { .. }) => register
                .as_ref()
                .map(|t| t.statuses.iter().map(|s| s.label.clone()).collect())
                .unwrap_or_default(),
            (k, ImportKind::Activity { .. }) => register
                .as_ref()
                .and_then(|t| t.fields.iter().find(|d| format!("data.{}", d.key) == k))
                .filter(|d| d.kind == FieldKind::Choice)
                .map(|d| d.options.clone())
                .unwrap_or_default(),
            _ => Vec::new(),
        })
        .collect())
}

fn examples(
    kind: &ImportKind,
    ledger: &Ledger,
    fields: &[ImportField],
    lists: &[Vec<String>],
) -> Vec<Example> {
    let day = ledger.today().pred_opt().unwrap_or_else(|| ledger.today());
    let year = chrono::Datelike::year(&day);
    fields
        .iter()
        .zip(lists)
        .map(|(f, list)| {
            let first = list.first().cloned();
            let text = |s: &str| Example::Text(first.clone().unwrap_or_else(|| s.to_string()));
            match f.key.as_str() {
                "occurred_on" | "signed_on" | "agreed_on" => Example::Date(day),
                "period_start" | "period_end" => Example::Text(String::new()),
                "year" => Example::Number(f64::from(year)),
                "value" | "target" => Example::Number(10.0),
                "investment" => Example::Number(50.0),
                "beneficiaries" => Example::Number(30.0),
                "note" => Example::Text("可留空".into()),
                "enterprise" => Example::Text("临沂某某食品有限公司".into()),
                "credit_code" => Example::Text("91371300MA3C7K2X4N".into()),
                "village" => Example::Text("王家庄村".into()),
                "township" => Example::Text("某某镇".into()),
                "contact" => Example::Text("张三 13800000000".into()),
                "name" => Example::Text("特色种植基地共建".into()),
                "title" => Example::Text("某某活动".into()),
                "county" => text("兰山区"),
                _ if matches!(kind, ImportKind::Activity { .. }) && list.is_empty() => {
                    Example::Text(String::new())
                }
                _ => text(""),
            }
        })
        .collect()
}

fn build(
    kind: &ImportKind,
    ledger: &Ledger,
    fields: &[ImportField],
    lists: &[Vec<String>],
    examples: &[Example],
) -> std::result::Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let header = |required: bool| {
        Format::new()
            .set_bold()
            .set_border(FormatBorder::Thin)
            .set_font_color(if required { Color::White } else { Color::Black })
            .set_background_color(if required {
                Color::RGB(0x1F4E79)
            } else {
                Color::RGB(0xDDEBF7)
            })
    };
    let example = Format::new().set_italic().set_font_color(Color::Gray);
    let example_date = example.clone().set_num_format("yyyy-mm-dd");
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let sheet_name = match kind {
        ImportKind::Activity { register } => type_by_key(ledger.conn(), register)
            .map(|t| t.name)
            .unwrap_or_else(|_| "台账".into()),
        other => other.label_zh(),
    };
    let ws = book.add_worksheet();
    ws.set_name(sheet_title(&sheet_name))?;
    for (c, f) in fields.iter().enumerate() {
        let c = c as u16;
        let title = if f.required {
            format!("*{}", f.label)
        } else {
            f.label.clone()
        };
        ws.write_string_with_format(0, c, &title, &header(f.required))?;
        let mut width = text_width(&title);
        let shown = match &examples[c as usize] {
            Example::Text(t) => {
                let t = if c == 0 {
                    format!("{EXAMPLE_MARK}{t}")
                } else {
                    t.clone()
                };
                ws.write_string_with_format(1, c, &t, &example)?;
                t
            }
            Example::Number(n) => {
                ws.write_number_with_format(1, c, *n, &example)?;
                super::cell::number_text(*n)
            }
            Example::Date(d) => {
                let dt = ExcelDateTime::parse_from_str(&d.to_string())?;
                ws.write_datetime_with_format(1, c, &dt, &example_date)?;
                "2024-03-05".into()
            }
        };
        width = width.max(text_width(&shown));
        if f.key.ends_with("_on") || f.key.starts_with("period_") {
            ws.set_column_format(c, &date)?;
            width = width.max(12);
        }
        let list = &lists[c as usize];
        width = width.max(
            list.iter()
                .map(|s| text_width(s))
                .max()
                .unwrap_or(0)
                .min(40),
        );
        ws.set_column_width(c, width as f64 + 2.0)?;
    }
    ws.set_freeze_panes(1, 0)?;
    add_lists(&mut book, fields, lists)?;
    book.save_to_buffer()
}

/// Long lists live in a hidden sheet; each column's validation points at its range.
fn add_lists(
    book: &mut Workbook,
    fields: &[ImportField],
    lists: &[Vec<String>],
) -> std::result::Result<(), XlsxError> {
    if lists.iter().all(Vec::is_empty) {
        return Ok(());
    }
    let mut ranges = Vec::new();
    {
        let hidden: &mut Worksheet = book.add_worksheet();
        hidden.set_name(LISTS)?;
        for (c, (f, list)) in fields.iter().zip(lists).enumerate() {
            if list.is_empty() {
                continue;
            }
            hidden.write_string(0, c as u16, &f.label)?;
            for (r, item) in list.iter().enumerate() {
                hidden.write_string(r as u32 + 1, c as u16, item)?;
            }
            let col = super::header::column_letter(c as u32);
            ranges.push((
                c as u16,
                format!("='{LISTS}'!${col}$2:${col}${}", list.len() + 1),
            ));
        }
        hidden.set_hidden(true);
    }
    let ws = book.worksheet_from_index(0)?;
    for (c, formula) in ranges {
        let label = &fields[c as usize].label;
        let v = DataValidation::new()
            .allow_list_formula(Formula::new(formula))
            .set_error_title("输入有误")?
            .set_error_message(format!("请从下拉列表中选择「{label}」"))?;
        ws.add_data_validation(1, c, ROWS, c, &v)?;
    }
    Ok(())
}

/// Excel's sheet names: at most 31 characters, none of []:*?/\.
fn sheet_title(name: &str) -> String {
    name.chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(31)
        .collect()
}

/// Display width in Excel's character units: CJK characters count two.
fn text_width(s: &str) -> usize {
    s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}
