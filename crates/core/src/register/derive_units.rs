//! A derived indicator's rows per unit and day, read with one query; the value of any set of
//! units in any window follows from them without asking SQLite again. The progress engine
//! asks for many in one view (every unit of a ranking, every point of a trend, the quarter
//! and the year of a summary); one query for each read the register's rows again each time.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};

use chrono::NaiveDate;
use rusqlite::types::ValueRef;
use rusqlite::Connection;

use super::derive::{Derivation, Measure, Query};
use crate::error::Result;

/// Each unit's rows of a derivation, by day, read once for every window an engine asks of it.
pub enum UnitValues {
    /// Counts and sums: each unit's running total by day (days ascending); a window's value
    /// is the total at its end less the total before its start, summed over the units.
    Additive(HashMap<String, Vec<(String, f64)>>),
    /// A count of distinct values: each unit's (day, value) rows; a window's value is how
    /// many values the units' rows inside it hold (a village paired by enterprises of two
    /// units counts once).
    Distinct(HashMap<String, Vec<(String, String)>>),
}

impl UnitValues {
    /// Reads the derivation's rows of every day, grouped by unit and day.
    pub fn read(conn: &Connection, d: &Derivation) -> Result<Self> {
        let q = Query::new(conn, d)?;
        let (unit, day) = (q.unit_col, q.date_col);
        if let (Measure::Distinct, Some(f)) = (d.measure, q.field) {
            let sql = format!(
                "SELECT DISTINCT {unit}, {day}, {f} {} AND {f} IS NOT NULL",
                q.rows
            );
            let mut stmt = q.bind(conn, &sql, d)?;
            let mut rows = stmt.raw_query();
            let mut values: HashMap<String, Vec<(String, String)>> = HashMap::new();
            while let Some(row) = rows.next()? {
                let key = distinct_key(row.get_ref(2)?);
                values
                    .entry(row.get(0)?)
                    .or_default()
                    .push((row.get(1)?, key));
            }
            return Ok(Self::Distinct(values));
        }
        let sql = format!(
            "SELECT {unit}, {day}, {} {} GROUP BY {unit}, {day} ORDER BY {unit}, {day}",
            q.agg, q.rows
        );
        let mut stmt = q.bind(conn, &sql, d)?;
        let mut rows = stmt.raw_query();
        let mut totals: HashMap<String, Vec<(String, f64)>> = HashMap::new();
        while let Some(row) = rows.next()? {
            let days = totals.entry(row.get(0)?).or_default();
            let before = days.last().map_or(0.0, |(_, t)| *t);
            days.push((row.get(1)?, before + row.get::<_, f64>(2)?));
        }
        Ok(Self::Additive(totals))
    }

    /// The value over a set of units (each named once) within [from, to].
    pub fn over<'a>(
        &self,
        units: impl IntoIterator<Item = &'a str>,
        from: NaiveDate,
        to: NaiveDate,
    ) -> f64 {
        let (from, to) = (from.to_string(), to.to_string());
        match self {
            Self::Additive(totals) => units
                .into_iter()
                .filter_map(|u| totals.get(u))
                .map(|days| running_total(days, |d| d <= &to) - running_total(days, |d| d < &from))
                .sum(),
            Self::Distinct(values) => {
                let seen: HashSet<&str> = units
                    .into_iter()
                    .filter_map(|u| values.get(u))
                    .flatten()
                    .filter(|(day, _)| *day >= from && *day <= to)
                    .map(|(_, v)| v.as_str())
                    .collect();
                seen.len() as f64
            }
        }
    }
}

/// The running total on the last of the days (ascending) that `counted` keeps.
fn running_total(days: &[(String, f64)], counted: impl Fn(&String) -> bool) -> f64 {
    match days.partition_point(|(d, _)| counted(d)) {
        0 => 0.0,
        n => days[n - 1].1,
    }
}

/// A value as `COUNT(DISTINCT …)` tells values apart: 2 and 2.0 are one value, 2 and '2' two.
fn distinct_key(v: ValueRef<'_>) -> String {
    match v {
        ValueRef::Integer(i) => format!("n{i}"),
        ValueRef::Real(r) if r.fract() == 0.0 && r.abs() < 9.0e15 => format!("n{}", r as i64),
        ValueRef::Real(r) => format!("n{r}"),
        ValueRef::Text(t) => format!("t{}", String::from_utf8_lossy(t)),
        ValueRef::Blob(b) => format!("b{b:?}"),
        ValueRef::Null => String::new(),
    }
}

/// A ledger's derived rows, kept across the views it answers (a 季度汇总 asks a dozen
/// engines for the same registers) until the file changes: a commit of another connection
/// (`PRAGMA data_version`) or a change made through this one (`total_changes`).
#[derive(Default)]
pub struct DerivedCache {
    version: Option<(i64, u64)>,
    values: HashMap<String, Arc<UnitValues>>,
}

impl DerivedCache {
    /// The derivation's rows for the indicator: kept ones while the file is unchanged, else
    /// read again.
    pub fn get(
        cache: &Mutex<Self>,
        conn: &Connection,
        indicator_id: &str,
        d: &Derivation,
    ) -> Result<Arc<UnitValues>> {
        let version = (
            conn.query_row("PRAGMA data_version", [], |r| r.get(0))?,
            conn.total_changes(),
        );
        let mut cache = cache
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if cache.version != Some(version) {
            cache.values.clear();
            cache.version = Some(version);
        }
        if let Some(v) = cache.values.get(indicator_id) {
            return Ok(Arc::clone(v));
        }
        let v = Arc::new(UnitValues::read(conn, d)?);
        cache
            .values
            .insert(indicator_id.to_string(), Arc::clone(&v));
        Ok(v)
    }
}
