//! The summary as an Excel workbook: 总览 (actions, headline figures, charts, ranking), one
//! sheet per action, 分单位 (units × indicators), 季度趋势, 滞后指标, and the registers behind
//! the derived figures. Numbers are numbers with number formats; every sheet prints on A4
//! landscape, fit to the page's width, with its header rows repeated.

mod indicators;
mod overview;
mod registers;
mod trend;

use rust_xlsxwriter::{
    Color, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use super::prose::date_zh;
use super::summary::Summary;
use crate::error::{LedgerError, Result};
use crate::progress::Status;

/// The summary as an .xlsx workbook's bytes (总览, one sheet per action, 分单位, trend, lag, registers).
pub fn write_xlsx(s: &Summary) -> Result<Vec<u8>> {
    build(s).map_err(|e| LedgerError::ExportFailed {
        what: " Excel 文件",
        reason: e.to_string(),
    })
}

fn build(s: &Summary) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let st = Styles::new();
    overview::sheet(wb.add_worksheet(), s, &st)?;
    for a in &s.actions {
        indicators::action_sheet(wb.add_worksheet(), s, a, &st)?;
    }
    if !s.by_unit.units.is_empty() {
        indicators::unit_sheet(wb.add_worksheet(), s, &st)?;
    }
    trend::sheet(wb.add_worksheet(), s, &st)?;
    indicators::behind_sheet(wb.add_worksheet(), s, &st)?;
    registers::sheets(&mut wb, s, &st)?;
    wb.save_to_buffer()
}

/// The name of the sheet that lists an action's indicators (the trend chart refers to it).
pub(super) fn action_sheet_name(action_name: &str) -> String {
    // Sheet names: at most 31 characters, none of []:*?/\ .
    let clean: String = action_name
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
        .take(31)
        .collect();
    clean
}

/// The formats every sheet shares.
pub(super) struct Styles {
    pub title: Format,
    pub note: Format,
    pub header: Format,
    pub text: Format,
    pub wrap: Format,
    pub int: Format,
    pub dec: Format,
    pub pct: Format,
    pub date: Format,
    pub section: Format,
}

const FONT: &str = "宋体";

impl Styles {
    pub fn new() -> Self {
        let cell = Format::new()
            .set_font_name(FONT)
            .set_font_size(10.5)
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::VerticalCenter);
        Self {
            title: Format::new()
                .set_font_name("黑体")
                .set_font_size(16)
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            note: Format::new().set_font_name(FONT).set_font_size(10.5),
            section: Format::new()
                .set_font_name("黑体")
                .set_font_size(12)
                .set_bold(),
            header: cell
                .clone()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_background_color(Color::RGB(0xDDEBF7)),
            text: cell.clone(),
            wrap: cell.clone().set_text_wrap(),
            int: cell.clone().set_num_format("#,##0"),
            dec: cell.clone().set_num_format("#,##0.00"),
            pct: cell.clone().set_num_format("0.0%"),
            date: cell.clone().set_num_format("yyyy-mm-dd"),
        }
    }

    /// Red, yellow, green by pace; grey without a target.
    pub fn status(&self, s: Status) -> Format {
        let (fill, font) = match s {
            Status::Done | Status::OnPace => (0xC6EFCE, 0x006100),
            Status::SlightlyBehind => (0xFFEB9C, 0x9C5700),
            Status::Behind => (0xFFC7CE, 0x9C0006),
            Status::NoTarget => (0xF2F2F2, 0x595959),
        };
        self.text
            .clone()
            .set_align(FormatAlign::Center)
            .set_background_color(Color::RGB(fill))
            .set_font_color(Color::RGB(font))
    }

    /// The format of an indicator's value: whole numbers or two decimals.
    pub fn value(&self, decimals: u8) -> &Format {
        if decimals == 0 {
            &self.int
        } else {
            &self.dec
        }
    }
}

/// A worksheet and the widths its columns need, as the text written into them.
pub(super) struct Grid<'a> {
    pub ws: &'a mut Worksheet,
    widths: Vec<f64>,
    /// (row, column, text width) of every cell whose text wraps.
    wrapped: Vec<(u32, u16, f64)>,
}

impl<'a> Grid<'a> {
    pub fn new(ws: &'a mut Worksheet) -> Self {
        Self {
            ws,
            widths: Vec::new(),
            wrapped: Vec::new(),
        }
    }

    fn fit(&mut self, col: u16, width: f64) {
        let c = usize::from(col);
        if self.widths.len() <= c {
            self.widths.resize(c + 1, 0.0);
        }
        self.widths[c] = self.widths[c].max(width);
    }

    pub fn text(&mut self, row: u32, col: u16, s: &str, f: &Format) -> Result<(), XlsxError> {
        self.fit(col, text_width(s));
        self.ws.write_string_with_format(row, col, s, f)?;
        Ok(())
    }

    /// A heading or note that may run across columns: it does not widen its column.
    pub fn label(&mut self, row: u32, col: u16, s: &str, f: &Format) -> Result<(), XlsxError> {
        self.ws.write_string_with_format(row, col, s, f)?;
        Ok(())
    }

    /// Text in a wrapping format: the row is made tall enough for its lines.
    pub fn wrapped(&mut self, row: u32, col: u16, s: &str, f: &Format) -> Result<(), XlsxError> {
        self.wrapped.push((row, col, text_width(s)));
        self.text(row, col, s, f)
    }

    pub fn number(&mut self, row: u32, col: u16, v: f64, f: &Format) -> Result<(), XlsxError> {
        // Digits, thousands separators and room for decimals or a percent sign.
        let digits = format!("{:.0}", v.abs()).len();
        self.fit(col, (digits + digits / 3 + 4) as f64 * 1.1);
        self.ws.write_number_with_format(row, col, v, f)?;
        Ok(())
    }

    /// A number, or an empty bordered cell when there is none.
    pub fn maybe(
        &mut self,
        row: u32,
        col: u16,
        v: Option<f64>,
        f: &Format,
    ) -> Result<(), XlsxError> {
        match v {
            Some(v) => self.number(row, col, v, f),
            None => {
                self.ws.write_blank(row, col, f)?;
                Ok(())
            }
        }
    }

    pub fn date(
        &mut self,
        row: u32,
        col: u16,
        d: chrono::NaiveDate,
        f: &Format,
    ) -> Result<(), XlsxError> {
        use chrono::Datelike;
        self.fit(col, 11.0);
        let dt = ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
        self.ws.write_datetime_with_format(row, col, &dt, f)?;
        Ok(())
    }

    pub fn header(&mut self, row: u32, headers: &[&str], st: &Styles) -> Result<(), XlsxError> {
        for (c, h) in headers.iter().enumerate() {
            self.text(row, c as u16, h, &st.header)?;
        }
        self.ws.set_row_height(row, 30)?;
        Ok(())
    }

    /// Sets every column's width from what was written, between `min` and `max` characters
    /// (longer text wraps where the format says so).
    pub fn finish(&mut self, min: f64, max: f64) -> Result<(), XlsxError> {
        let widths: Vec<f64> = self
            .widths
            .iter()
            .map(|w| (w + 2.0).clamp(min, max))
            .collect();
        for (c, w) in widths.iter().enumerate() {
            self.ws.set_column_width(c as u16, *w)?;
        }
        // Neither Excel nor WPS grows a row for wrapped text written by a program: set it.
        let mut lines: std::collections::BTreeMap<u32, f64> = Default::default();
        for (row, col, w) in &self.wrapped {
            let room = widths
                .get(usize::from(*col))
                .map_or(max, |cw| (cw - 1.5).max(1.0));
            let n = (w / room).ceil().max(1.0);
            let e = lines.entry(*row).or_insert(1.0);
            *e = e.max(n);
        }
        for (row, n) in lines {
            if n > 1.0 {
                self.ws.set_row_height(row, 14.0 * n + 3.0)?;
            }
        }
        Ok(())
    }
}

/// Width in Excel's character units: a Chinese character takes about two.
pub(super) fn text_width(s: &str) -> f64 {
    s.lines()
        .map(|l| {
            l.chars()
                .map(|c| if c.is_ascii() { 1.1 } else { 2.1 })
                .sum::<f64>()
        })
        .fold(0.0, f64::max)
}

/// The title row, the 「数据截至」 line and the scope line above a table `cols` wide.
pub(super) fn title_block(
    g: &mut Grid<'_>,
    title: &str,
    s: &Summary,
    cols: u16,
    st: &Styles,
) -> Result<(), XlsxError> {
    let last = cols.saturating_sub(1).max(1);
    g.ws.merge_range(0, 0, 0, last, title, &st.title)?;
    g.ws.set_row_height(0, 30)?;
    let line = format!("数据截至 {}", date_zh(s.as_of));
    g.ws.merge_range(1, 0, 1, last, &line, &st.note)?;
    let scope = format!(
        "范围：{}（含下级单位） 报告期：{}",
        s.unit,
        super::prose::period_zh(&s.period)
    );
    g.ws.merge_range(2, 0, 2, last, &scope, &st.note)?;
    Ok(())
}

/// A4 landscape, fit to one page wide, header rows repeated, page numbers in the footer.
pub(super) fn page_setup(ws: &mut Worksheet, repeat_to: u32) -> Result<(), XlsxError> {
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    ws.set_print_center_horizontally(true);
    ws.set_margins(0.5, 0.5, 0.6, 0.6, 0.3, 0.3);
    ws.set_footer("&C第 &P 页，共 &N 页");
    ws.set_repeat_rows(0, repeat_to)?;
    Ok(())
}
