//! Cumulative completion by month or quarter against the pace line.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::round_to;
use crate::error::Result;
use crate::ledger::Ledger;
use crate::pacing::Quarter;

/// How long each point of a trend spans.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Granularity {
    /// One point per calendar month.
    Month,
    /// One point per calendar quarter.
    Quarter,
}

/// Which indicator's cumulative completion to follow, for which scope and up to when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TrendQuery {
    /// Indicator id, code or name.
    pub indicator: String,
    /// Unit id, code or name: that unit and its subtree; None: the whole city.
    #[serde(default)]
    pub unit: Option<String>,
    /// The last day the trend covers.
    pub as_of: NaiveDate,
    /// Whether points are months or quarters.
    pub granularity: Granularity,
}

/// One month or quarter of an indicator's trend.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TrendPoint {
    /// "2024-03" or "2024Q1".
    pub label: String,
    /// The point's last day (the as-of date for the last point).
    pub end: NaiveDate,
    /// Completed within this month or quarter.
    pub added: f64,
    /// Completed from the period start to `end`.
    pub cumulative: f64,
    /// Expected by pace at `end`, when there is a target.
    pub expected: Option<f64>,
}

impl Ledger {
    /// From the start of the applicable target's period (or the first entry) to the as-of
    /// date, one point per month or quarter; the last point ends at the as-of date.
    pub fn trend(&self, q: &TrendQuery) -> Result<Vec<TrendPoint>> {
        self.read_scope()?; // figures are open to every signed-in reader
        let mut engine = self.engine(q.as_of)?;
        let scope = engine.scope(q.unit.as_deref())?;
        let ind = engine
            .select_indicators(None, Some(&q.indicator))?
            .remove(0);
        let target = engine.scope_target(&ind.id, scope)?;
        let start = match &target {
            Some(t) => t.period.start,
            None => match engine.derivation(&ind.id) {
                Some(d) => crate::register::derive::first_date(self.conn(), d)?,
                None => self.first_entry_date(&ind.id)?,
            }
            .unwrap_or(q.as_of),
        };
        let end = match &target {
            Some(t) => q.as_of.min(t.period.end),
            None => q.as_of,
        };
        let mut out = Vec::new();
        let mut cumulative = 0.0;
        let mut from = start;
        while from <= end {
            let (label, bucket_end) = match q.granularity {
                Granularity::Month => (
                    format!("{}-{:02}", from.year(), from.month()),
                    month_end(from),
                ),
                Granularity::Quarter => {
                    let qt = Quarter::containing(from);
                    (qt.to_string(), qt.end())
                }
            };
            let to = bucket_end.min(end);
            // Cumulative is counted over the whole span so far, not summed bucket by bucket:
            // a distinct count (enterprises paired) must not count an enterprise twice.
            let so_far = engine.completed(&ind, scope, true, start, to)?;
            let added = round_to(so_far - cumulative, ind.decimals);
            cumulative = so_far;
            let expected = target.as_ref().map(|t| {
                round_to(
                    ind.pacing
                        .expected_value(&t.period, t.value, &t.milestones, to),
                    2,
                )
            });
            out.push(TrendPoint {
                label,
                end: to,
                added,
                cumulative,
                expected,
            });
            from = bucket_end + chrono::Days::new(1);
        }
        Ok(out)
    }

    fn first_entry_date(&self, indicator_id: &str) -> Result<Option<NaiveDate>> {
        Ok(self.conn().query_row(
            "SELECT MIN(occurred_on) FROM progress_entry WHERE indicator_id = ?1",
            [indicator_id],
            |r| r.get(0),
        )?)
    }
}

fn month_end(d: NaiveDate) -> NaiveDate {
    let (y, m) = if d.month() == 12 {
        (d.year() + 1, 1)
    } else {
        (d.year(), d.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)
        .expect("valid")
        .pred_opt()
        .expect("valid")
}
