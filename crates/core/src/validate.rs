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

/// The plausibility ceiling of an indicator's values and targets unless it sets its own:
/// no figure of a city's campaign comes near a billion.
pub const DEFAULT_CEILING: f64 = 1e9;

/// A finite, non-negative number no larger than [`DEFAULT_CEILING`], with no more
/// fractional digits than `decimals`.
pub fn check_value(field: &'static str, value: f64, decimals: u8) -> Result<()> {
    check_value_within(field, value, decimals, DEFAULT_CEILING)
}

/// A finite, non-negative number up to `ceiling` (an indicator's plausibility ceiling),
/// with no more fractional digits than `decimals`; a value that is not zero but would
/// round to zero at those places (1e-300 on a whole-number indicator) is too small.
pub fn check_value_within(
    field: &'static str,
    value: f64,
    decimals: u8,
    ceiling: f64,
) -> Result<()> {
    if !value.is_finite() {
        return Err(LedgerError::NotANumber {
            field,
            value: value.to_string(),
        });
    }
    if value < 0.0 {
        return Err(LedgerError::Negative { field, value });
    }
    if value > ceiling {
        return Err(LedgerError::ImplausibleValue {
            field,
            value,
            ceiling,
        });
    }
    let scaled = value * 10f64.powi(i32::from(decimals));
    if value > 0.0 && scaled < 0.5 {
        return Err(LedgerError::TooSmall {
            field,
            value,
            decimals,
        });
    }
    if (scaled - scaled.round()).abs() > 1e-6 * scaled.abs().max(1.0) {
        return Err(LedgerError::TooManyDecimals {
            field,
            decimals,
            value,
        });
    }
    Ok(())
}

/// A plausibility ceiling an indicator may be given: a positive number.
pub fn check_ceiling(value: f64) -> Result<()> {
    if !value.is_finite() || value <= 0.0 {
        return Err(LedgerError::Invalid {
            field: "max_value",
            problem: format!("应为大于 0 的数，收到 {value}"),
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

/// A non-empty, trimmed name of at most `max` characters (and never more than
/// [`crate::text::NAME_CHARS`]), free of control characters.
pub fn check_text(field: &'static str, text: &str, max: usize) -> Result<String> {
    crate::text::required(field, text, max)
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
        let cases: [(f64, u8, Option<&str>); 14] = [
            (4221.0, 0, None),
            (0.0, 0, None),
            (12.5, 1, None),
            (12.55, 2, None),
            (12.5, 0, Some("too_many_decimals")),
            (-1.0, 0, Some("negative_value")),
            (f64::NAN, 0, Some("not_a_number")),
            (1e9, 0, None),
            (1e9 + 1.0, 0, Some("implausible_value")),
            (1e15, 0, Some("implausible_value")),
            (1e-300, 0, Some("too_small")),
            (0.004, 2, Some("too_small")),
            (0.01, 2, None),
            (0.5, 0, Some("too_many_decimals")),
        ];
        for (v, d, want) in cases {
            let got = check_value("value", v, d).err().map(|e| e.code());
            assert_eq!(got, want, "value {v} with {d} decimals");
        }
        let e = check_value_within("value", 1e15, 0, 1e9).unwrap_err();
        assert_eq!(
            e.to_string(),
            "「数值」1e15 超出该指标的合理上限 1,000,000,000"
        );
        let own = check_value_within("value", 150.0, 0, 100.0)
            .err()
            .map(|e| e.code());
        assert_eq!(own, Some("implausible_value"), "an indicator's own ceiling");
    }
}
