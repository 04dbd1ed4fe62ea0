//! One indicator's entries in a window [from, to], summed per unit, through the roll-up
//! `entry_rollup` (migration 0012: the entries summed per indicator, year and unit, kept
//! by triggers). Whole years come from the roll-up; a year the window covers in part is
//! either its entries in the window read off the covering index `entry_by_indicator`, or
//! the year's roll-up less the entries outside the window — whichever reads fewer entries.
//! With "today" as the window's end the second reads almost nothing: entries are never
//! dated in the future. `benches/province.rs` measures it against one SQL aggregate.

use chrono::{Datelike, NaiveDate};
use rusqlite::types::ValueRef;
use rusqlite::Connection;

use super::engine::Tree;
use crate::error::Result;

/// How a year of the window is counted.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Count {
    /// The window covers the whole year: its roll-up.
    Whole,
    /// The entries of the window in that year, read one by one.
    Entries(NaiveDate, NaiveDate),
    /// The year's roll-up less the entries of the year before and after the window.
    Less(
        Option<(NaiveDate, NaiveDate)>,
        Option<(NaiveDate, NaiveDate)>,
    ),
}

/// Each unit's own entries of `ind` dated in [from, to] (`to >= from`), summed.
pub fn direct_sums(
    conn: &Connection,
    tree: &Tree,
    ind: &str,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<f64>> {
    let (first, last) = (from.year(), to.year());
    let mut rollup: Vec<(i32, usize, f64)> = Vec::new();
    let mut counted = vec![0_i64; (last - first + 1) as usize];
    {
        let mut stmt = conn.prepare_cached(
            "SELECT year, unit_id, total, n FROM entry_rollup
             WHERE indicator_id = ?1 AND year BETWEEN ?2 AND ?3",
        )?;
        let mut rows = stmt.query(rusqlite::params![ind, first, last])?;
        while let Some(row) = rows.next()? {
            let year: i32 = row.get(0)?;
            counted[(year - first) as usize] += row.get::<_, i64>(3)?;
            if let Some(u) = unit_index(tree, row.get_ref(1)?) {
                rollup.push((year, u, row.get(2)?));
            }
        }
    }
    let span = if partial(first, from, to) || partial(last, from, to) {
        dated_span(conn, ind)?
    } else {
        None
    };
    let plan: Vec<Count> = (first..=last)
        .map(|y| plan_year(y, from, to, counted[(y - first) as usize], span))
        .collect();

    let mut direct = vec![0.0; tree.units.len()];
    for (year, u, total) in rollup {
        if !matches!(plan[(year - first) as usize], Count::Entries(..)) {
            direct[u] += total;
        }
    }
    for count in plan {
        match count {
            Count::Whole => {}
            Count::Entries(a, b) => add_entries(conn, tree, ind, (a, b), 1.0, &mut direct)?,
            Count::Less(before, after) => {
                for range in [before, after].into_iter().flatten() {
                    add_entries(conn, tree, ind, range, -1.0, &mut direct)?;
                }
            }
        }
    }
    // A roll-up less its outside entries may leave float noise below zero; entries never are.
    for v in &mut direct {
        if *v < 0.0 {
            *v = 0.0;
        }
    }
    Ok(direct)
}

fn year_bounds(year: i32) -> (NaiveDate, NaiveDate) {
    (
        NaiveDate::from_ymd_opt(year, 1, 1).expect("a valid year"),
        NaiveDate::from_ymd_opt(year, 12, 31).expect("a valid year"),
    )
}

/// Whether the window covers `year` only in part.
fn partial(year: i32, from: NaiveDate, to: NaiveDate) -> bool {
    let (jan1, dec31) = year_bounds(year);
    from > jan1 || to < dec31
}

/// How to count `year` of the window, given how many entries it holds (from the roll-up)
/// and the first and last dates of the indicator's entries. Entries are taken as spread
/// evenly over the days between those dates: only the cost depends on it, never the sum.
fn plan_year(
    year: i32,
    from: NaiveDate,
    to: NaiveDate,
    entries: i64,
    span: Option<(NaiveDate, NaiveDate)>,
) -> Count {
    let (jan1, dec31) = year_bounds(year);
    let before = (from > jan1).then(|| (jan1, from.pred_opt().expect("after 1 January")));
    let after = (to < dec31).then(|| (to.succ_opt().expect("before 31 December"), dec31));
    let inside = (from.max(jan1), to.min(dec31));
    if before.is_none() && after.is_none() {
        return Count::Whole;
    }
    if entries == 0 {
        return Count::Entries(inside.0, inside.1);
    }
    let Some((first, last)) = span else {
        return Count::Entries(inside.0, inside.1);
    };
    let dated = (first.max(jan1), last.min(dec31));
    let days = |(a, b): (NaiveDate, NaiveDate)| -> i64 {
        let (a, b) = (a.max(dated.0), b.min(dated.1));
        (b - a).num_days().max(-1) + 1
    };
    let outside: i64 = [before, after].into_iter().flatten().map(days).sum();
    if days(inside) <= outside {
        Count::Entries(inside.0, inside.1)
    } else {
        Count::Less(before, after)
    }
}

/// The first and last dates of the indicator's entries (two seeks on the index).
fn dated_span(conn: &Connection, ind: &str) -> Result<Option<(NaiveDate, NaiveDate)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT (SELECT MIN(occurred_on) FROM progress_entry WHERE indicator_id = ?1),
                (SELECT MAX(occurred_on) FROM progress_entry WHERE indicator_id = ?1)",
    )?;
    let (first, last): (Option<NaiveDate>, Option<NaiveDate>) =
        stmt.query_row([ind], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(first.zip(last))
}

/// Adds `sign` × each entry of `ind` dated in `range` to its unit. The rows come straight
/// off the covering index `entry_by_indicator` and are added up here: `GROUP BY unit_id`
/// would sort them in a temporary B-tree first.
fn add_entries(
    conn: &Connection,
    tree: &Tree,
    ind: &str,
    (from, to): (NaiveDate, NaiveDate),
    sign: f64,
    direct: &mut [f64],
) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "SELECT unit_id, value FROM progress_entry
         WHERE indicator_id = ?1 AND occurred_on BETWEEN ?2 AND ?3",
    )?;
    let mut rows = stmt.query(rusqlite::params![ind, from, to])?;
    while let Some(row) = rows.next()? {
        if let Some(i) = unit_index(tree, row.get_ref(0)?) {
            direct[i] += sign * row.get::<_, f64>(1)?;
        }
    }
    Ok(())
}

/// The tree index of a unit id read from a row, borrowed rather than copied.
fn unit_index(tree: &Tree, value: ValueRef<'_>) -> Option<usize> {
    match value {
        ValueRef::Text(bytes) => std::str::from_utf8(bytes).ok().and_then(|u| tree.idx(u)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    #[test]
    fn each_year_is_counted_the_cheaper_way() {
        let span = Some((d("2022-01-01"), d("2024-06-30")));
        // (year, from, to, entries in the year, expected)
        let cases = [
            (2023, "2022-01-01", "2024-06-30", 100, Count::Whole),
            // The current year up to the last entry: the roll-up less nothing after it.
            (
                2024,
                "2022-01-01",
                "2024-06-30",
                100,
                Count::Less(None, Some((d("2024-07-01"), d("2024-12-31")))),
            ),
            // A first quarter: fewer days inside than outside, so its entries.
            (
                2023,
                "2023-01-01",
                "2023-03-31",
                100,
                Count::Entries(d("2023-01-01"), d("2023-03-31")),
            ),
            // Most of a year, from February: the roll-up less January.
            (
                2023,
                "2023-02-01",
                "2023-12-31",
                100,
                Count::Less(Some((d("2023-01-01"), d("2023-01-31"))), None),
            ),
            // An empty year reads nothing either way.
            (
                2021,
                "2021-03-01",
                "2021-12-31",
                0,
                Count::Entries(d("2021-03-01"), d("2021-12-31")),
            ),
        ];
        for (year, from, to, entries, want) in cases {
            let got = plan_year(year, d(from), d(to), entries, span);
            assert_eq!(got, want, "{year} of [{from}, {to}]");
        }
    }
}
