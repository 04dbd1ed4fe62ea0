//! Which backups to keep: of the daily ones (start-up, before an upgrade) the newest of each
//! of the last 7 days, 4 weeks and 12 months; the 10 latest made before an import (likewise
//! the 10 latest made by hand and the 10 latest before a restore).

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDateTime};

use super::names::BackupReason;

pub const DAYS: usize = 7;
pub const WEEKS: usize = 4;
pub const MONTHS: usize = 12;
pub const BEFORE_IMPORT: usize = 10;
/// Reasons whose latest backups are kept by count, beside the calendar tiers.
const COUNTED: [BackupReason; 3] = [
    BackupReason::BeforeImport,
    BackupReason::Manual,
    BackupReason::BeforeRestore,
];

/// The indexes of `backups` (time, reason) that rotation deletes.
pub fn to_delete(backups: &[(NaiveDateTime, BackupReason)]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..backups.len()).collect();
    order.sort_by(|&a, &b| backups[b].0.cmp(&backups[a].0)); // newest first
    let mut keep = BTreeSet::new();
    for reason in COUNTED {
        let latest = order.iter().filter(|&&i| backups[i].1 == reason);
        keep.extend(latest.take(BEFORE_IMPORT).copied());
    }
    let others: Vec<usize> = order
        .iter()
        .copied()
        .filter(|&i| !COUNTED.contains(&backups[i].1))
        .collect();
    let day = |t: &NaiveDateTime| (t.year(), t.ordinal(), 0u8);
    let week = |t: &NaiveDateTime| {
        let w = t.iso_week();
        (w.year(), w.week(), 1u8)
    };
    let month = |t: &NaiveDateTime| (t.year(), t.month(), 2u8);
    for (period, count) in [
        (&day as &dyn Fn(&NaiveDateTime) -> (i32, u32, u8), DAYS),
        (&week, WEEKS),
        (&month, MONTHS),
    ] {
        let mut seen = BTreeSet::new();
        for &i in &others {
            if seen.len() == count {
                break;
            }
            if seen.insert(period(&backups[i].0)) {
                keep.insert(i); // the newest of its period
            }
        }
    }
    (0..backups.len()).filter(|i| !keep.contains(i)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, NaiveDate};

    fn at(day: &str, hour: u32) -> NaiveDateTime {
        NaiveDate::parse_from_str(day, "%Y-%m-%d")
            .expect("date")
            .and_hms_opt(hour, 0, 0)
            .expect("time")
    }

    #[test]
    fn a_year_of_daily_backups_keeps_7_days_4_weeks_and_12_months() {
        let first = at("2024-01-01", 9);
        let backups: Vec<_> = (0..366)
            .map(|d| (first + Duration::days(d), BackupReason::Startup))
            .collect();
        let deleted = to_delete(&backups);
        let kept: Vec<NaiveDateTime> = (0..backups.len())
            .filter(|i| !deleted.contains(i))
            .map(|i| backups[i].0)
            .collect();
        // 7 days (Dec 25–31), the newest of the 4 latest ISO weeks (3 of them already among
        // the days), the newest of the 12 months (Dec 31 already kept).
        let want_some = [
            at("2024-12-31", 9),
            at("2024-12-25", 9),
            at("2024-01-31", 9),
        ];
        for w in want_some {
            assert!(kept.contains(&w), "{w} should be kept, kept {kept:?}");
        }
        assert!(
            !kept.contains(&at("2024-12-20", 9)),
            "Dec 20 is neither among the last 7 days nor a week's newest"
        );
        assert!(
            kept.len() <= DAYS + WEEKS + MONTHS && kept.len() >= MONTHS,
            "kept {} backups: {kept:?}",
            kept.len()
        );
    }

    #[test]
    fn the_ten_latest_before_import_are_kept_and_do_not_displace_daily_ones() {
        // (backups made, how many the rule keeps)
        let cases = [(5, 5 + 1), (10, 10 + 1), (25, 10 + 1)];
        for (imports, want_kept) in cases {
            let mut backups = vec![(at("2024-05-01", 8), BackupReason::Startup)];
            for i in 0..imports {
                let t = at("2024-05-01", 9) + Duration::minutes(i as i64);
                backups.push((t, BackupReason::BeforeImport));
            }
            let deleted = to_delete(&backups);
            let kept = backups.len() - deleted.len();
            assert_eq!(kept, want_kept, "{imports} imports: kept {kept}");
            assert!(
                !deleted.contains(&0),
                "{imports} imports: the startup backup stays"
            );
            if imports > BEFORE_IMPORT {
                let oldest_import = 1;
                assert!(
                    deleted.contains(&oldest_import),
                    "the oldest import backup goes"
                );
            }
        }
    }
}
