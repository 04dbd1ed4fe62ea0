//! The summary's indicator rows as CSV: UTF-8 with a byte-order mark, so that Excel opens
//! the Chinese correctly; one row per indicator, numbers as plain numbers, text that
//! begins like a formula behind an apostrophe ([`super::csv_safe`]).

use super::csv_safe;
use super::summary::Summary;
use crate::error::{LedgerError, Result};
use crate::progress::round_to;

/// The byte-order mark Excel needs to read UTF-8.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

pub const HEADERS: [&str; 20] = [
    "行动",
    "指标编码",
    "指标",
    "计量单位",
    "责任单位",
    "截至日期",
    "目标期间起",
    "目标期间止",
    "目标",
    "完成",
    "本季度新增",
    "完成率（%）",
    "序时进度（%）",
    "序时应完成",
    "差额",
    "状态",
    "核心指标",
    "数据来源",
    "滞后原因",
    "整改措施",
];

/// The columns that hold figures (目标 … 差额); the others hold text.
const FIGURES: std::ops::RangeInclusive<usize> = 8..=14;

/// The summary as CSV bytes (UTF-8 with BOM), one row per indicator, text made formula-safe.
pub fn write_csv(s: &Summary) -> Result<Vec<u8>> {
    let mut out = BOM.to_vec();
    {
        let mut w = ::csv::Writer::from_writer(&mut out);
        w.write_record(HEADERS).map_err(fail)?;
        for a in &s.actions {
            for line in &a.lines {
                let r = &line.row;
                let note = s
                    .behind
                    .iter()
                    .find(|b| b.row.indicator_id == r.indicator_id)
                    .and_then(|b| b.note.as_ref());
                let num = |v: f64| plain(round_to(v, r.decimals));
                let pct =
                    |v: Option<f64>| v.map_or(String::new(), |v| plain(round_to(v * 100.0, 2)));
                let record = [
                    a.action_name.clone(),
                    r.indicator_code.clone(),
                    r.indicator.clone(),
                    r.measure.clone(),
                    r.unit.clone(),
                    r.as_of.to_string(),
                    r.period.map_or(String::new(), |p| p.start.to_string()),
                    r.period.map_or(String::new(), |p| p.end.to_string()),
                    r.target.map_or(String::new(), num),
                    num(r.completed),
                    num(line.quarter_added),
                    pct(r.completion_rate),
                    pct(r.expected_share),
                    r.expected.map_or(String::new(), |v| plain(round_to(v, 2))),
                    r.gap.map_or(String::new(), |v| plain(round_to(v, 2))),
                    r.status.label_zh().to_string(),
                    if r.headline { "是" } else { "否" }.to_string(),
                    if r.derivation.is_some() {
                        "台账统计"
                    } else {
                        "录入"
                    }
                    .to_string(),
                    note.map_or(String::new(), |n| n.reason.clone()),
                    note.map_or(String::new(), |n| n.measures.clone()),
                ];
                let safe = record.iter().enumerate().map(|(i, text)| {
                    if FIGURES.contains(&i) {
                        csv_safe::number(text)
                    } else {
                        csv_safe::cell(text)
                    }
                });
                w.write_record(safe.map(|c| c.into_owned())).map_err(fail)?;
            }
        }
        w.flush().map_err(|e| fail(e.into()))?;
    }
    Ok(out)
}

/// A number without exponent or float noise: 4221, 12.5, -3.25.
fn plain(v: f64) -> String {
    let s = format!("{v:.4}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.to_string()
    }
}

fn fail(e: ::csv::Error) -> LedgerError {
    LedgerError::ExportFailed {
        what: "CSV 文件",
        reason: e.to_string(),
    }
}
