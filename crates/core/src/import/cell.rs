//! One cell as read from a file, and the cleaning a clerk expects: trimmed text with
//! full-width characters folded, numbers with thousands separators, dates in every form
//! (Excel serials, 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日).

use chrono::{Days, NaiveDate};

use crate::validate::{fold_fullwidth, parse_date};

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell {
    Empty,
    Text(String),
    Number(f64),
    /// A cell Excel formats as a date.
    Date(NaiveDate),
}

impl Cell {
    pub(crate) fn text(s: &str) -> Self {
        if s.trim().is_empty() {
            Self::Empty
        } else {
            Self::Text(s.to_string())
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        match self {
            Self::Empty => true,
            Self::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as a clerk reads it: trimmed, full-width folded; numbers without a
    /// trailing ".0"; dates as 2024-03-05.
    pub(crate) fn display(&self) -> String {
        match self {
            Self::Empty => String::new(),
            Self::Text(s) => clean_text(s),
            Self::Number(n) => number_text(*n),
            Self::Date(d) => d.to_string(),
        }
    }

    /// A header as the sheet shows it: trimmed, spaces collapsed, nothing folded.
    pub(crate) fn header_text(&self) -> String {
        match self {
            Self::Text(s) => s.split_whitespace().collect::<Vec<_>>().join(" "),
            other => other.display(),
        }
    }

    /// A number: numeric cells as they are, text with thousands separators and
    /// full-width digits folded. `Err` carries the text that is not a number.
    pub(crate) fn number(&self) -> Result<Option<f64>, String> {
        match self {
            Self::Empty => Ok(None),
            Self::Number(n) => Ok(Some(*n)),
            Self::Date(d) => Err(d.to_string()),
            Self::Text(s) => {
                let t = clean_text(s);
                if is_blank_marker(&t) {
                    return Ok(None);
                }
                let digits: String = t
                    .chars()
                    .filter(|c| !matches!(c, ',' | '，' | ' ' | '_'))
                    .collect();
                let digits = digits.strip_prefix('+').unwrap_or(&digits);
                let plausible = !digits.is_empty()
                    && digits
                        .chars()
                        .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | 'e' | 'E'));
                match digits.parse::<f64>() {
                    Ok(n) if plausible && n.is_finite() => Ok(Some(n)),
                    _ => Err(t),
                }
            }
        }
    }

    /// A date: date cells, Excel serial numbers, and the typed forms.
    pub(crate) fn date(&self) -> Result<Option<NaiveDate>, String> {
        match self {
            Self::Empty => Ok(None),
            Self::Date(d) => Ok(Some(*d)),
            Self::Number(n) => serial_date(*n).map(Some).ok_or_else(|| number_text(*n)),
            Self::Text(s) => {
                let t = clean_text(s);
                if is_blank_marker(&t) {
                    return Ok(None);
                }
                // A date typed with a time after it: keep the day.
                let day = t.split([' ', 'T']).next().unwrap_or_default();
                if let Ok(d) = parse_date(day) {
                    return Ok(Some(d));
                }
                if let Ok(n) = day.parse::<f64>() {
                    if let Some(d) = serial_date(n) {
                        return Ok(Some(d));
                    }
                }
                Err(t)
            }
        }
    }
}

/// Trimmed, full-width folded, inner runs of spaces collapsed.
pub(crate) fn clean_text(s: &str) -> String {
    let folded: String = s.chars().map(fold_fullwidth).collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What clerks write for "nothing" in a number or date column.
fn is_blank_marker(t: &str) -> bool {
    matches!(t, "" | "-" | "—" | "——" | "/" | "无")
}

/// Excel's day number (1900 system, with its phantom 1900-02-29) to a date. Only serials
/// between 1950 and 2100 are taken as dates: anything else is more likely a mistake.
pub(crate) fn serial_date(n: f64) -> Option<NaiveDate> {
    if !(18_264.0..73_416.0).contains(&n) {
        return None;
    }
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    epoch.checked_add_days(Days::new(n.floor() as u64))
}

/// A number as text without a spurious ".0" or float noise (12.3 rather than 12.299999).
pub(crate) fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        return format!("{}", n as i64);
    }
    let s = format!("{:.6}", n);
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        let cases: [(Cell, Result<Option<f64>, &str>); 9] = [
            (Cell::Number(12.5), Ok(Some(12.5))),
            (Cell::text("1,234.5"), Ok(Some(1234.5))),
            (Cell::text("１２３"), Ok(Some(123.0))),
            (Cell::text(" 4 221 "), Ok(Some(4221.0))),
            (Cell::text("-5"), Ok(Some(-5.0))),
            (Cell::text("约50"), Err("约50")),
            (Cell::text("50家"), Err("50家")),
            (Cell::text("-"), Ok(None)),
            (Cell::Empty, Ok(None)),
        ];
        for (cell, want) in cases {
            let got = cell.number();
            assert_eq!(got, want.map_err(String::from), "number of {cell:?}");
        }
    }

    #[test]
    fn dates() {
        let d = NaiveDate::from_ymd_opt(2024, 3, 5).unwrap();
        for cell in [
            Cell::Number(45356.0),
            Cell::text("45356"),
            Cell::text("2024-03-05"),
            Cell::text("2024/3/5"),
            Cell::text("2024.3.5"),
            Cell::text("2024年3月5日"),
            Cell::text("2024-03-05 00:00:00"),
            Cell::Date(d),
        ] {
            assert_eq!(cell.date(), Ok(Some(d)), "date of {cell:?}");
        }
        assert_eq!(Cell::Number(12.0).date(), Err("12".into()), "12 is no date");
        assert_eq!(Cell::text("明天").date(), Err("明天".into()), "明天");
    }
}
