//! 催报名单 as .xlsx: one row per awaited unit with its state, days late and the text.

use std::path::Path;

use rust_xlsxwriter::{Format, FormatBorder, Workbook, XlsxError};

use super::board::Reminder;
use super::RoundPeriod;
use crate::error::{LedgerError, Result};
use crate::ledger::Ledger;

fn workbook(label: &str, rows: &[Reminder]) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("催报名单")?;
    let bold = Format::new().set_bold().set_font_size(14);
    let head = Format::new().set_bold().set_border(FormatBorder::Thin);
    let cell = Format::new().set_border(FormatBorder::Thin).set_text_wrap();
    ws.write_string_with_format(0, 0, format!("{label}统计表催报名单"), &bold)?;
    for (c, h) in ["序号", "单位", "状态", "逾期天数", "催报内容"]
        .iter()
        .enumerate()
    {
        ws.write_string_with_format(1, c as u16, *h, &head)?;
    }
    for (i, r) in rows.iter().enumerate() {
        let row = 2 + i as u32;
        ws.write_number_with_format(row, 0, (i + 1) as f64, &cell)?;
        ws.write_string_with_format(row, 1, &r.unit, &cell)?;
        ws.write_string_with_format(row, 2, r.state.label_zh(), &cell)?;
        ws.write_number_with_format(row, 3, r.late_days as f64, &cell)?;
        ws.write_string_with_format(row, 4, &r.text, &cell)?;
    }
    for (c, w) in [6.0, 24.0, 8.0, 10.0, 70.0].iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    wb.save_to_buffer()
}

impl Ledger {
    /// Writes the 催报 list of a round to `path` (beside it, then renamed into place);
    /// returns the reminders written.
    pub fn reminders_to_file(&self, period: RoundPeriod, path: &Path) -> Result<Vec<Reminder>> {
        let rows = self.reminders(period)?;
        let bytes = workbook(&period.label_zh(), &rows).map_err(|e| LedgerError::ExportFailed {
            what: "催报名单",
            reason: e.to_string(),
        })?;
        crate::export::write_file(path, &bytes)?;
        Ok(rows)
    }
}
