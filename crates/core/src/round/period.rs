//! The period a round collects: a quarter (the usual case) or a month, as the office chooses.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{LedgerError, Result};
use crate::model::Period;
use crate::pacing::Quarter;

/// A round's period: `2024Q3` or `2024-08`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RoundPeriod {
    /// A quarter of a year.
    Quarter {
        /// The calendar year.
        year: i32,
        /// The quarter, 1 to 4.
        q: u8,
    },
    /// A month of a year (a month round).
    Month {
        /// The calendar year.
        year: i32,
        /// The month, 1 to 12.
        month: u8,
    },
}

const QUARTER_ZH: [&str; 4] = ["一", "二", "三", "四"];

impl RoundPeriod {
    /// The round period of a quarter.
    pub fn quarter(q: Quarter) -> Self {
        Self::Quarter {
            year: q.year(),
            q: q.q(),
        }
    }

    /// Accepts a quarter as `Quarter::parse` does (2024Q3, 2024年第三季度) or a month:
    /// 2024-08, 2024-8, 2024/08, 2024年8月, 202408.
    pub fn parse(text: &str) -> Result<Self> {
        if let Some(q) = Quarter::parse(text) {
            return Ok(Self::quarter(q));
        }
        let t = text.trim();
        let digits: Vec<&str> = t
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| !s.is_empty())
            .collect();
        let (y, m) = match digits.as_slice() {
            [y, m] if y.len() == 4 => (y.parse().ok(), m.parse().ok()),
            [ym] if ym.len() == 6 => (ym[..4].parse().ok(), ym[4..].parse().ok()),
            _ => (None, None),
        };
        let month_like = t.ends_with('月') || !t.contains(['Q', 'q', '季']);
        match (y, m) {
            (Some(year), Some(month))
                if month_like && (2000..=2999).contains(&year) && (1..=12).contains(&month) =>
            {
                Ok(Self::Month { year, month })
            }
            _ => Err(LedgerError::BadQuarter(t.to_string())),
        }
    }

    /// The first and last day.
    pub fn period(self) -> Period {
        match self {
            Self::Quarter { year, q } => Quarter::new(year, q)
                .expect("a round period holds a checked quarter")
                .period(),
            Self::Month { year, month } => {
                let start =
                    NaiveDate::from_ymd_opt(year, u32::from(month), 1).expect("valid month");
                let next = if month == 12 {
                    NaiveDate::from_ymd_opt(year + 1, 1, 1)
                } else {
                    NaiveDate::from_ymd_opt(year, u32::from(month) + 1, 1)
                }
                .expect("valid month");
                Period {
                    start,
                    end: next.pred_opt().expect("valid date"),
                }
            }
        }
    }

    /// The calendar year the period is in.
    pub fn year(self) -> i32 {
        match self {
            Self::Quarter { year, .. } | Self::Month { year, .. } => year,
        }
    }

    /// 2024年第三季度 / 2024年8月
    pub fn label_zh(self) -> String {
        match self {
            Self::Quarter { year, q } => {
                format!("{year}年第{}季度", QUARTER_ZH[usize::from(q - 1)])
            }
            Self::Month { year, month } => format!("{year}年{month}月"),
        }
    }

    /// 该季度 / 该月, as the lock message says it.
    pub fn span_zh(self) -> &'static str {
        match self {
            Self::Quarter { .. } => "该季度",
            Self::Month { .. } => "该月",
        }
    }

    /// The stored label and the hidden sheet's `quarter` value: 2024Q3 / 2024-08.
    pub fn key(self) -> String {
        match self {
            Self::Quarter { year, q } => format!("{year}Q{q}"),
            Self::Month { year, month } => format!("{year}-{month:02}"),
        }
    }

    /// Reads a stored key back.
    pub(crate) fn from_key(key: &str) -> Result<Self> {
        Self::parse(key)
    }

    /// The period just before: the quarter (or month) before, across a year's end.
    pub fn previous(self) -> Self {
        match self {
            Self::Quarter { year, q: 1 } => Self::Quarter {
                year: year - 1,
                q: 4,
            },
            Self::Quarter { year, q } => Self::Quarter { year, q: q - 1 },
            Self::Month { year, month: 1 } => Self::Month {
                year: year - 1,
                month: 12,
            },
            Self::Month { year, month } => Self::Month {
                year,
                month: month - 1,
            },
        }
    }

    /// January 1st of the period's year (where 此前累计 starts).
    pub fn first_day_of_year(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year(), 1, 1).expect("valid year")
    }
}

impl std::fmt::Display for RoundPeriod {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.key())
    }
}

/// 10月10日
pub fn month_day_zh(d: NaiveDate) -> String {
    format!("{}月{}日", d.month(), d.day())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_parse_and_label() {
        let cases = [
            (
                "2024Q3",
                "2024Q3",
                "2024年第三季度",
                "2024-07-01",
                "2024-09-30",
            ),
            (
                "2024年第一季度",
                "2024Q1",
                "2024年第一季度",
                "2024-01-01",
                "2024-03-31",
            ),
            (
                "2024-08",
                "2024-08",
                "2024年8月",
                "2024-08-01",
                "2024-08-31",
            ),
            (
                "2024年12月",
                "2024-12",
                "2024年12月",
                "2024-12-01",
                "2024-12-31",
            ),
            ("202402", "2024-02", "2024年2月", "2024-02-01", "2024-02-29"),
        ];
        for (text, key, label, start, end) in cases {
            let p = RoundPeriod::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
            let got = (
                p.key(),
                p.label_zh(),
                p.period().start.to_string(),
                p.period().end.to_string(),
            );
            let want = (
                key.to_string(),
                label.to_string(),
                start.to_string(),
                end.to_string(),
            );
            assert_eq!(got, want, "parsing {text}");
        }
        let previous: Vec<String> = ["2024Q3", "2024Q1", "2024-08", "2024-01"]
            .iter()
            .map(|t| RoundPeriod::parse(t).unwrap().previous().key())
            .collect();
        assert_eq!(previous, ["2024Q2", "2023Q4", "2024-07", "2023-12"]);
        for bad in ["2024Q5", "2024-13", "下季度", "24-08"] {
            assert!(RoundPeriod::parse(bad).is_err(), "{bad} should be refused");
        }
    }
}
