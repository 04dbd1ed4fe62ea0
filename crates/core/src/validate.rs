//! The rules a value must meet before it is written. Each failure names its field.

use chrono::{Datelike, NaiveDate};

use crate::error::{LedgerError, Result};
use crate::model::Period;

/// Earliest date the ledger accepts: no campaign record predates it.
pub const EARLIEST: NaiveDate = match NaiveDate::from_ymd_opt(2000, 1, 1) {
    Some(d) => d,
    None => panic!("valid date"),
};
/// Targets may be set for periods up to this many years after today.
pub const TARGET_YEARS_AHEAD: i32 = 10;

/// A finite, non-negative number with no more fractional digits than the indicator allows.
pub fn check_value(field: &'static str, value: f64, decimals: u8) -> Result<()> {
    if !value.is_finite() {
        return Err(LedgerError::NotANumber {
            field,
            value: value.to_string(),
        });
    }
    if value < 0.0 {
        return Err(LedgerError::Negative { field, value });
    }
    if value > 1e15 {
        return Err(LedgerError::Invalid {
            field,
            problem: format!("数值过大：{value}"),
        });
    }
    let scaled = value * 10f64.powi(i32::from(decimals));
    if (scaled - scaled.round()).abs() > 1e-6 * scaled.abs().max(1.0) {
        return Err(LedgerError::TooManyDecimals {
            field,
            decimals,
            value,
        });
    }
    Ok(())
}

/// Work is recorded on the day it happened: not before 2000, not after today.
pub fn check_entry_date(date: NaiveDate, today: NaiveDate) -> Result<()> {
    if date < EARLIEST {
        return Err(out_of_range("occurred_on", date, "早于 2000-01-01"));
    }
    if date > today {
        return Err(out_of_range(
            "occurred_on",
            date,
            &format!("晚于今天（{today}），完成情况不能预先登记"),
        ));
    }
    Ok(())
}

/// A target period runs forwards, starts no earlier than 2000 and ends at most ten years
/// after today.
pub fn check_period(period: &Period, today: NaiveDate) -> Result<()> {
    if period.end < period.start {
        return Err(LedgerError::PeriodReversed {
            start: period.start,
            end: period.end,
        });
    }
    if period.start < EARLIEST {
        return Err(out_of_range(
            "period_start",
            period.start,
            "早于 2000-01-01",
        ));
    }
    let latest = NaiveDate::from_ymd_opt(today.year() + TARGET_YEARS_AHEAD, 12, 31).expect("valid");
    if period.end > latest {
        return Err(out_of_range(
            "period_end",
            period.end,
            &format!("晚于 {latest}"),
        ));
    }
    Ok(())
}

fn out_of_range(field: &'static str, date: NaiveDate, reason: &str) -> LedgerError {
    LedgerError::DateOutOfRange {
        field,
        date,
        reason: reason.to_string(),
    }
}

/// A non-empty, trimmed text of at most `max` characters.
pub fn check_text(field: &'static str, text: &str, max: usize) -> Result<String> {
    let t = text.trim();
    if t.is_empty() {
        return Err(LedgerError::Invalid {
            field,
            problem: "不能为空".into(),
        });
    }
    if t.chars().count() > max {
        return Err(LedgerError::Invalid {
            field,
            problem: format!("不能超过 {max} 个字"),
        });
    }
    Ok(t.to_string())
}

/// Parses the date forms clerks type: 2024-06-30, 2024/6/30, 2024.6.30, 2024年6月30日, 20240630.
pub fn parse_date(s: &str) -> Result<NaiveDate> {
    let t: String = s.trim().chars().map(fold_fullwidth).collect();
    let bad = || LedgerError::BadDate(s.trim().to_string());
    if t.len() == 8 && t.bytes().all(|b| b.is_ascii_digit()) {
        return NaiveDate::parse_from_str(&t, "%Y%m%d").map_err(|_| bad());
    }
    let parts: Vec<&str> = t
        .trim_end_matches('日')
        .split(['-', '/', '.', '年', '月'])
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() != 3 {
        return Err(bad());
    }
    let n = |p: &str| p.trim().parse::<u32>().map_err(|_| bad());
    let (y, m, d) = (n(parts[0])?, n(parts[1])?, n(parts[2])?);
    if !(1000..=9999).contains(&y) {
        return Err(bad());
    }
    NaiveDate::from_ymd_opt(y as i32, m, d).ok_or_else(bad)
}

/// Folds full-width digits, letters, punctuation and the ideographic space to ASCII.
pub fn fold_fullwidth(c: char) -> char {
    match c {
        '\u{3000}' => ' ',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_forms() {
        let want = NaiveDate::from_ymd_opt(2024, 3, 5).unwrap();
        for s in [
            "2024-03-05",
            "2024/3/5",
            "2024.3.5",
            "2024年3月5日",
            "20240305",
            "２０２４－０３－０５",
            " 2024-3-5 ",
        ] {
            assert_eq!(parse_date(s).ok(), Some(want), "parsing {s:?}");
        }
        for s in ["2024-02-30", "24-3-5", "yesterday", "", "2024-03"] {
            assert!(parse_date(s).is_err(), "{s:?} should be rejected");
        }
    }

    #[test]
    fn values() {
        let cases: [(f64, u8, Option<&str>); 7] = [
            (4221.0, 0, None),
            (0.0, 0, None),
            (12.5, 1, None),
            (12.55, 2, None),
            (12.5, 0, Some("too_many_decimals")),
            (-1.0, 0, Some("negative_value")),
            (f64::NAN, 0, Some("not_a_number")),
        ];
        for (v, d, want) in cases {
            let got = check_value("value", v, d).err().map(|e| e.code());
            assert_eq!(got, want, "value {v} with {d} decimals");
        }
    }
}
