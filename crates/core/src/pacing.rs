//! 序时进度: how much of a target should be done by a given day.
//!
//! An as-of date means "at the end of that day": the day itself has elapsed. So on a
//! period's first day one day of it has passed, on its last day the whole of it, and after
//! the end the expected value stays at the target.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::{Milestone, Period};

/// How the value expected of a target grows over its period (序时进度).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Pacing {
    /// Expected share grows with the days elapsed.
    #[default]
    Linear,
    /// Expected share jumps at each quarter end inside the period (and at its end).
    Quarterly,
}

impl Pacing {
    /// The curve's code as stored on an indicator (`linear`, `quarterly`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Linear => "linear",
            Self::Quarterly => "quarterly",
        }
    }
    /// The curve for a stored code, or None.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "linear" => Some(Self::Linear),
            "quarterly" => Some(Self::Quarterly),
            _ => None,
        }
    }

    /// The share of the target expected by the end of `as_of`, between 0 and 1.
    pub fn expected_share(self, period: &Period, as_of: NaiveDate) -> f64 {
        if as_of < period.start {
            return 0.0;
        }
        if as_of >= period.end {
            return 1.0;
        }
        match self {
            Self::Linear => {
                let elapsed = (as_of - period.start).num_days() + 1;
                elapsed as f64 / period.days() as f64
            }
            Self::Quarterly => {
                let steps = step_dates(period);
                let passed = steps.iter().filter(|d| **d <= as_of).count();
                passed as f64 / steps.len() as f64
            }
        }
    }

    /// The value expected by the end of `as_of`. Milestones, when a quarterly target has
    /// them, replace the even steps: the latest milestone due on or before `as_of` counts.
    pub fn expected_value(
        self,
        period: &Period,
        target: f64,
        milestones: &[Milestone],
        as_of: NaiveDate,
    ) -> f64 {
        if self == Self::Quarterly && !milestones.is_empty() && as_of < period.end {
            return milestones
                .iter()
                .filter(|m| m.due_on <= as_of)
                .max_by_key(|m| m.due_on)
                .map_or(0.0, |m| m.value);
        }
        target * self.expected_share(period, as_of)
    }
}

/// The days on which the quarterly curve steps up: each quarter end inside the period,
/// and the period's end.
pub fn step_dates(period: &Period) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    let mut q = Quarter::containing(period.start);
    loop {
        let end = q.end();
        if end >= period.end {
            break;
        }
        out.push(end);
        q = q.next();
    }
    out.push(period.end);
    out
}

// The fields are private: `Quarter::new`, `Quarter::parse` and deserialising (IPC) check
// that the quarter is 1 to 4 and the year within `Quarter::YEARS` (`bad_quarter`
// otherwise), and `Quarter::containing` takes a real date's, so no quarter can make a
// date panic, whichever door it came through. (A plain comment: the doc comment below is
// the generated TypeScript type's.)
/// A calendar quarter, e.g. 2024Q2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, TS)]
pub struct Quarter {
    year: i32,
    /// 1 to 4
    q: u8,
}

/// What a quarter is sent as, before it is checked.
#[derive(Deserialize)]
struct QuarterParts {
    year: i32,
    q: u8,
}

impl<'de> Deserialize<'de> for Quarter {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let parts = QuarterParts::deserialize(d)?;
        Quarter::new(parts.year, parts.q).map_err(serde::de::Error::custom)
    }
}

impl Quarter {
    /// The years a quarter may be in.
    pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2999;

    /// The quarter `q` (1 to 4) of `year`; anything else is `bad_quarter`.
    pub fn new(year: i32, q: u8) -> crate::error::Result<Self> {
        if (1..=4).contains(&q) && Self::YEARS.contains(&year) {
            Ok(Self { year, q })
        } else {
            Err(crate::error::LedgerError::BadQuarter(format!("{year}Q{q}")))
        }
    }
    /// The quarter's calendar year.
    pub fn year(self) -> i32 {
        self.year
    }
    /// 1 to 4.
    pub fn q(self) -> u8 {
        self.q
    }
    /// The quarter a date falls in.
    pub fn containing(d: NaiveDate) -> Self {
        Self {
            year: d.year(),
            q: ((d.month0() / 3) + 1) as u8,
        }
    }
    /// The quarter's first day.
    pub fn start(self) -> NaiveDate {
        // q is 1 to 4 and the year one chrono holds: the first day always exists.
        NaiveDate::from_ymd_opt(self.year, u32::from(self.q) * 3 - 2, 1).unwrap_or(NaiveDate::MIN)
    }
    /// The quarter's last day.
    pub fn end(self) -> NaiveDate {
        self.next().start().pred_opt().unwrap_or(NaiveDate::MAX)
    }
    /// The quarter after this one (2024Q4 → 2025Q1).
    pub fn next(self) -> Self {
        if self.q == 4 {
            Self {
                year: self.year + 1,
                q: 1,
            }
        } else {
            Self {
                year: self.year,
                q: self.q + 1,
            }
        }
    }
    /// The quarter's days as a period, both ends included.
    pub fn period(self) -> Period {
        Period {
            start: self.start(),
            end: self.end(),
        }
    }
    /// Accepts 2024Q2, 2024q2, 2024-Q2 and 2024年第二季度 / 2024年二季度 / 2024年2季度.
    pub fn parse(s: &str) -> Option<Self> {
        let t = s.trim();
        let (year, rest) = t.split_at(t.find(|c: char| !c.is_ascii_digit())?);
        let year: i32 = year.parse().ok()?;
        let rest = rest
            .trim_start_matches(['-', ' ', '年'])
            .trim_start_matches('第');
        let rest = rest.trim_end_matches("季度");
        let q = match rest {
            "Q1" | "q1" | "1" | "一" => 1,
            "Q2" | "q2" | "2" | "二" => 2,
            "Q3" | "q3" | "3" | "三" => 3,
            "Q4" | "q4" | "4" | "四" => 4,
            _ => return None,
        };
        Self::new(year, q).ok()
    }
}

impl std::fmt::Display for Quarter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}Q{}", self.year, self.q)
    }
}
