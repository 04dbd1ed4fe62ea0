//! Lays one unit's table out as an .xlsx: title, 填报单位 and the 单位 note, the heading
//! row, one row per indicator, the signature lines; input cells (本期, 备注, 滞后原因,
//! 整改措施 and the signature blanks) unlocked and 本期 validated, everything else
//! protected (sheet protection without a password: it guards against slips, not people);
//! the hidden key/value sheet `_taizhang`.

use rust_xlsxwriter::{
    Color, DataValidation, DataValidationRule, Format, FormatAlign, FormatBorder, Formula,
    Workbook, Worksheet, XlsxError,
};

use super::send::{UnitTable, HEADINGS, META_SHEET, RETURN_FORMAT, TABLE_SHEET};

/// The heading row (0-based); data starts on the next row.
pub const HEADING_ROW: u32 = 3;
const LAST_COL: u16 = 10;
/// Columns (0-based) of the fields.
pub const COL_BEFORE: u16 = 5;
pub const COL_THIS: u16 = 6;
pub const COL_TOTAL: u16 = 7;

const GREY: u32 = 0xF2F2F2;
const BEHIND: u32 = 0xFFE699;

struct Formats {
    title: Format,
    plain: Format,
    note: Format,
    heading: Format,
    text: Format,
    input_text: Format,
    behind_input: Format,
}

fn formats() -> Formats {
    let cell = Format::new()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::VerticalCenter)
        .set_font_name("宋体")
        .set_font_size(11);
    Formats {
        title: Format::new()
            .set_bold()
            .set_font_name("方正小标宋简体")
            .set_font_size(18)
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter),
        plain: Format::new().set_font_name("宋体").set_font_size(11),
        note: Format::new()
            .set_font_name("宋体")
            .set_font_size(10)
            .set_text_wrap()
            .set_align(FormatAlign::Top),
        heading: cell
            .clone()
            .set_bold()
            .set_background_color(Color::RGB(0xD9E1F2))
            .set_align(FormatAlign::Center)
            .set_text_wrap(),
        text: cell
            .clone()
            .set_background_color(Color::RGB(GREY))
            .set_text_wrap(),
        input_text: cell.clone().set_unlocked().set_text_wrap(),
        behind_input: cell
            .set_unlocked()
            .set_text_wrap()
            .set_background_color(Color::RGB(BEHIND)),
    }
}

/// "0", "0.00": the indicator's decimals.
fn number_format(decimals: u8) -> String {
    if decimals == 0 {
        "0".into()
    } else {
        format!("0.{}", "0".repeat(usize::from(decimals)))
    }
}

fn figure(base: &Format, decimals: u8) -> Format {
    base.clone().set_num_format(number_format(decimals))
}

/// 本期: a number ≥ 0 with the indicator's decimals (a whole number when it has none).
fn validation(decimals: u8) -> Result<DataValidation, XlsxError> {
    let dv = if decimals == 0 {
        DataValidation::new().allow_whole_number(DataValidationRule::GreaterThanOrEqualTo(0))
    } else {
        DataValidation::new().allow_decimal_number(DataValidationRule::GreaterThanOrEqualTo(0.0))
    };
    let message = if decimals == 0 {
        "请填写不小于 0 的整数".to_string()
    } else {
        format!("请填写不小于 0 的数，最多 {decimals} 位小数")
    };
    dv.set_error_title("数值有误")?.set_error_message(message)
}

pub fn workbook(t: &UnitTable) -> Result<Vec<u8>, XlsxError> {
    let f = formats();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(TABLE_SHEET)?;
    layout(ws, t, &f)?;
    let meta = wb.add_worksheet();
    meta.set_name(META_SHEET)?;
    let pairs = [
        ("format", RETURN_FORMAT),
        ("quarter", t.quarter.as_str()),
        ("unit_id", t.unit_id.as_str()),
        ("unit", t.unit.as_str()),
        ("round_id", t.round_id.as_str()),
        ("checksum", t.checksum.as_str()),
    ];
    for (i, (k, v)) in pairs.iter().enumerate() {
        meta.write_string(i as u32, 0, *k)?;
        meta.write_string(i as u32, 1, *v)?;
    }
    meta.set_hidden(true);
    meta.protect();
    wb.save_to_buffer()
}

fn layout(ws: &mut Worksheet, t: &UnitTable, f: &Formats) -> Result<(), XlsxError> {
    ws.merge_range(0, 0, 0, LAST_COL, &t.title, &f.title)?;
    ws.set_row_height(0, 36)?;
    ws.merge_range(1, 0, 1, 5, &format!("填报单位：{}", t.unit), &f.plain)?;
    ws.merge_range(1, 8, 1, LAST_COL, "单位：见「计量单位」列", &f.plain)?;
    let note = format!(
        "说明：「本期」填写{}（{} 至 {}）新增完成数，「累计」自动计算（此前累计＋本期）；\
         灰色单元格为已录入或由台账自动统计的数据，无需填写；黄色底纹为低于序时进度的指标，请填写滞后原因和整改措施。",
        t.label, t.period_start, t.period_end
    );
    ws.merge_range(2, 0, 2, LAST_COL, &note, &f.note)?;
    ws.set_row_height(2, 30)?;
    for (c, h) in HEADINGS.iter().enumerate() {
        ws.write_string_with_format(HEADING_ROW, c as u16, *h, &f.heading)?;
    }
    let widths = [
        6.0, 10.0, 28.0, 9.0, 10.0, 10.0, 10.0, 10.0, 18.0, 24.0, 24.0,
    ];
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    for (i, r) in t.rows.iter().enumerate() {
        let row = HEADING_ROW + 1 + i as u32;
        let excel_row = row + 1;
        ws.write_number_with_format(row, 0, (i + 1) as f64, &f.text)?;
        ws.write_string_with_format(row, 1, &r.code, &f.text)?;
        ws.write_string_with_format(row, 2, &r.name, &f.text)?;
        ws.write_string_with_format(row, 3, &r.measure, &f.text)?;
        let locked_figure = figure(&f.text, r.decimals);
        match r.year_target {
            Some(v) => ws.write_number_with_format(row, 4, v, &locked_figure)?,
            None => ws.write_blank(row, 4, &f.text)?,
        };
        ws.write_number_with_format(row, COL_BEFORE, r.before, &locked_figure)?;
        let this = r.derived_this_period.unwrap_or(0.0);
        match r.derived_this_period {
            Some(v) => {
                ws.write_number_with_format(row, COL_THIS, v, &locked_figure)?;
            }
            None => {
                ws.write_blank(row, COL_THIS, &figure(&f.input_text, r.decimals))?;
                ws.add_data_validation(row, COL_THIS, row, COL_THIS, &validation(r.decimals)?)?;
            }
        }
        let total = Formula::new(format!("=F{excel_row}+G{excel_row}"))
            .set_result(format_number(r.before + this, r.decimals));
        ws.write_formula_with_format(row, COL_TOTAL, total, &locked_figure)?;
        match &r.register {
            Some(reg) => ws.write_string_with_format(
                row,
                8,
                format!("由「{reg}」自动统计，无需填写"),
                &f.text,
            )?,
            None => ws.write_blank(row, 8, &f.input_text)?,
        };
        let lag = if r.behind {
            &f.behind_input
        } else {
            &f.input_text
        };
        ws.write_blank(row, 9, lag)?;
        ws.write_blank(row, 10, lag)?;
    }
    let sign = HEADING_ROW + 2 + t.rows.len() as u32;
    let blank = Format::new()
        .set_unlocked()
        .set_border_bottom(FormatBorder::Thin);
    for (col, label) in [(0u16, "填报人："), (4, "审核人："), (8, "联系电话：")] {
        ws.merge_range(sign, col, sign, col + 1, label, &f.plain)?;
        ws.write_blank(sign, col + 2, &blank)?;
    }
    ws.set_freeze_panes(HEADING_ROW + 1, 0)?;
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    ws.protect();
    Ok(())
}

/// A cached formula result as Excel would show it.
fn format_number(v: f64, decimals: u8) -> String {
    format!("{:.*}", usize::from(decimals), v)
}
