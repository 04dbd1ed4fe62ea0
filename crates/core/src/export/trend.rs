//! Trend by quarter for the summary: each indicator's cumulative completion (the engine's
//! `trend`), and per action the mean completion rate against the mean expected share.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::summary::IndicatorLine;
use crate::error::Result;
use crate::ledger::Ledger;
use crate::progress::{round_to, Engine, Granularity, ProgressRow, TrendPoint, TrendQuery};
use crate::validate::EARLIEST;

/// An action's completion at one quarter's end, against pace.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RateTrendPoint {
    /// "2024Q2"
    pub label: String,
    /// The quarter's last day, or the as-of date for the last point.
    pub end: NaiveDate,
    /// Mean of cumulative / target over the indicators with a target.
    pub completion_rate: Option<f64>,
    /// Mean of expected / target over the same indicators (序时进度).
    pub expected_share: Option<f64>,
}

/// One point per quarter from the start of the indicator's target period to `as_of`.
pub fn indicator_trend(
    ledger: &Ledger,
    indicator_id: &str,
    scope: &str,
    as_of: NaiveDate,
) -> Result<Vec<TrendPoint>> {
    ledger.trend(&TrendQuery {
        indicator: indicator_id.to_string(),
        unit: Some(scope.to_string()),
        as_of,
        granularity: Granularity::Quarter,
    })
}

/// Recounts each point's cumulative value over the whole window up to its end, and what it
/// added as the difference from the point before. `Ledger::trend` adds up per-quarter
/// values, which for a derived distinct count (enterprises paired) counts an enterprise
/// paired in two quarters twice; a count over the window does not.
pub fn exact_cumulative(
    engine: &mut Engine<'_>,
    scope: usize,
    row: &ProgressRow,
    points: &mut [TrendPoint],
) -> Result<()> {
    if row.derivation.is_none() || points.is_empty() {
        return Ok(());
    }
    let ind = engine
        .select_indicators(None, Some(&row.indicator_id))?
        .remove(0);
    let from = row.period.map_or(EARLIEST, |p| p.start);
    let mut before = 0.0;
    for p in points.iter_mut() {
        p.cumulative = engine.completed(&ind, scope, true, from, p.end)?;
        p.added = round_to(p.cumulative - before, row.decimals);
        before = p.cumulative;
    }
    Ok(())
}

/// Per quarter label (in date order), the mean rate and expected share over the lines
/// that have a positive target and a point at that label.
pub fn rate_trend(lines: &[IndicatorLine]) -> Vec<RateTrendPoint> {
    // "2024Q2" labels sort in date order; a label's end is its latest point's.
    let mut labels: BTreeMap<String, NaiveDate> = BTreeMap::new();
    for l in lines
        .iter()
        .filter(|l| l.row.target.is_some_and(|t| t > 0.0))
    {
        for p in &l.trend {
            let end = labels.entry(p.label.clone()).or_insert(p.end);
            *end = (*end).max(p.end);
        }
    }
    labels
        .into_iter()
        .map(|(label, end)| {
            let mut rates = Vec::new();
            let mut shares = Vec::new();
            for l in lines {
                let Some(target) = l.row.target.filter(|t| *t > 0.0) else {
                    continue;
                };
                if let Some(p) = l.trend.iter().find(|p| p.label == label) {
                    rates.push(p.cumulative / target);
                    if let Some(e) = p.expected {
                        shares.push(e / target);
                    }
                }
            }
            RateTrendPoint {
                label,
                end,
                completion_rate: mean(&rates),
                expected_share: mean(&shares),
            }
        })
        .collect()
}

fn mean(v: &[f64]) -> Option<f64> {
    (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
}
