//! The roll-up `entry_rollup` (migration 0012) against the entries it is derived from, on a
//! real SQLite file: random sequences of recorded, changed and deleted entries, imports,
//! a row deleted by hand past the app, backups and restores. After every step the roll-up
//! equals `GROUP BY` over the entries, and every progress figure the engine computes
//! through it equals the sum of the scope's entries in its window read straight from them.
//! `TAIZHANG_ROLLUP_CASES` sets how many sequences (24 by default).

mod fixture;

use std::path::Path;

use chrono::{Days, NaiveDate};
use fixture::{actor, d, with_tree, Fixture};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use rusqlite::Connection;
use taizhang_core::backup::BackupReason;
use taizhang_core::import::{self, ImportKind};
use taizhang_core::progress::round_to;
use taizhang_core::{EntryChange, Granularity, NewEntry, ProgressQuery, TrendQuery};

const INDICATORS: [(&str, u8); 3] = [("LIN", 0), ("QTR", 0), ("AMT", 2)];
const UNITS: [&str; 5] = ["CITY", "A", "B", "B1", "D"];
/// Entries fall between this day and the fixture's today (2024-07-15).
const FIRST_DAY: &str = "2022-06-01";
const DAYS: u64 = 776;

#[derive(Debug, Clone)]
struct Row {
    indicator: usize,
    unit: usize,
    day: u64,
    cents: u32,
}

#[derive(Debug, Clone)]
enum Step {
    Record(Row),
    Change {
        pick: usize,
        unit: Option<usize>,
        day: Option<u64>,
        cents: Option<u32>,
    },
    Delete(usize),
    Import(Vec<Row>),
    /// sqlite3 by hand: a DELETE on a plain connection, past the app.
    DeleteByHand(usize),
    Backup,
    RestoreLatest,
}

fn row() -> impl Strategy<Value = Row> {
    (0..3_usize, 0..5_usize, 0..DAYS, 0..5_000_u32).prop_map(|(indicator, unit, day, cents)| Row {
        indicator,
        unit,
        day,
        cents,
    })
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        4 => row().prop_map(Step::Record),
        2 => (any::<usize>(), proptest::option::of(0..5_usize), proptest::option::of(0..DAYS), proptest::option::of(0..5_000_u32))
            .prop_map(|(pick, unit, day, cents)| Step::Change { pick, unit, day, cents }),
        2 => any::<usize>().prop_map(Step::Delete),
        1 => proptest::collection::vec(row(), 1..8).prop_map(Step::Import),
        1 => any::<usize>().prop_map(Step::DeleteByHand),
        1 => Just(Step::Backup),
        1 => Just(Step::RestoreLatest),
    ]
}

fn day(offset: u64) -> NaiveDate {
    d(FIRST_DAY) + Days::new(offset)
}

/// The value in the indicator's decimals: whole numbers for LIN and QTR, cents for AMT.
fn value(indicator: usize, cents: u32) -> f64 {
    if INDICATORS[indicator].1 == 0 {
        f64::from(cents % 50)
    } else {
        f64::from(cents) / 100.0
    }
}

fn entry_ids(path: &Path) -> Vec<(String, usize)> {
    let conn = Connection::open(path).expect("open");
    let mut stmt = conn
        .prepare("SELECT e.id, i.code FROM progress_entry e JOIN indicator i ON i.id = e.indicator_id ORDER BY e.id")
        .expect("prepare");
    let rows = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
        .expect("query");
    rows.map(|r| {
        let (id, code) = r.expect("row");
        (
            id,
            INDICATORS
                .iter()
                .position(|(c, _)| *c == code)
                .expect("a known code"),
        )
    })
    .collect()
}

fn run(f: &mut Fixture, backups: &mut Vec<String>, step: &Step) {
    let ids = entry_ids(&f.path);
    let pick = |p: usize| (!ids.is_empty()).then(|| ids[p % ids.len()].clone());
    match step {
        Step::Record(r) => {
            let new = NewEntry {
                indicator: INDICATORS[r.indicator].0.into(),
                unit: UNITS[r.unit].into(),
                occurred_on: day(r.day),
                value: value(r.indicator, r.cents),
                note: String::new(),
            };
            f.ledger
                .write(&actor(), |w| w.record_entry(new))
                .expect("record");
        }
        Step::Change {
            pick: p,
            unit,
            day: on,
            cents,
        } => {
            if let Some((id, indicator)) = pick(*p) {
                let change = EntryChange {
                    unit: unit.map(|u| UNITS[u].to_string()),
                    occurred_on: on.map(day),
                    value: cents.map(|c| value(indicator, c)),
                    note: None,
                };
                f.ledger
                    .write(&actor(), |w| w.update_entry(&id, change))
                    .expect("change");
            }
        }
        Step::Delete(p) => {
            if let Some((id, _)) = pick(*p) {
                f.ledger
                    .write(&actor(), |w| w.delete_entry(&id))
                    .expect("delete");
            }
        }
        Step::Import(rows) => {
            let mut text = String::from("指标,责任单位,日期,数值\n");
            for r in rows {
                text.push_str(&format!(
                    "{},{},{},{}\n",
                    INDICATORS[r.indicator].0,
                    UNITS[r.unit],
                    day(r.day),
                    value(r.indicator, r.cents)
                ));
            }
            let file = f.dir.path().join("entries.csv");
            std::fs::write(&file, text).expect("write the csv");
            import::commit(
                &mut f.ledger,
                &actor(),
                &ImportKind::Entries,
                &file,
                None,
                &mut |_, _| {},
            )
            .expect("import");
        }
        Step::DeleteByHand(p) => {
            if let Some((id, _)) = pick(*p) {
                let conn = Connection::open(&f.path).expect("a plain connection");
                conn.execute("DELETE FROM progress_entry WHERE id = ?1", [id])
                    .expect("by hand");
            }
        }
        Step::Backup => {
            let info = f
                .ledger
                .backup_before(BackupReason::Manual)
                .expect("backup")
                .expect("a file ledger is backed up");
            backups.push(info.path);
        }
        Step::RestoreLatest => {
            if let Some(from) = backups.last() {
                f.ledger.restore(Path::new(from)).expect("restore");
            }
        }
    }
}

/// The roll-up equals the entries grouped by indicator, year and unit.
fn assert_rollup_is_the_entries(f: &Fixture, after: &Step) {
    let conn = Connection::open(&f.path).expect("open");
    let read = |sql: &str| -> Vec<(String, i64, String, f64, i64)> {
        let mut stmt = conn.prepare(sql).expect("prepare");
        let rows = stmt
            .query_map([], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })
            .expect("query");
        rows.map(|r| r.expect("row")).collect()
    };
    let rollup =
        read("SELECT indicator_id, year, unit_id, total, n FROM entry_rollup ORDER BY 1, 2, 3");
    let entries = read(
        "SELECT indicator_id, CAST(substr(occurred_on, 1, 4) AS INTEGER), unit_id, SUM(value), COUNT(*)
         FROM progress_entry GROUP BY 1, 2, 3 ORDER BY 1, 2, 3",
    );
    assert_eq!(
        rollup.len(),
        entries.len(),
        "after {after:?}: rows of the roll-up vs the entries' groups"
    );
    for (r, e) in rollup.iter().zip(&entries) {
        let same = r.0 == e.0 && r.1 == e.1 && r.2 == e.2 && r.4 == e.4 && (r.3 - e.3).abs() < 1e-6;
        assert!(same, "after {after:?}: roll-up {r:?} vs entries {e:?}");
    }
    let check = f.ledger.check_rollup().expect("check");
    assert!(
        check.ok(),
        "after {after:?}: check_rollup found {:?}",
        check.first
    );
}

/// The sum of the scope's entries (its subtree) in [from, to], straight from the entries.
fn straight(conn: &Connection, indicator: &str, unit: &str, from: NaiveDate, to: NaiveDate) -> f64 {
    conn.query_row(
        "WITH RECURSIVE sub(id) AS (SELECT id FROM unit WHERE code = ?2
                                    UNION SELECT u.id FROM unit u JOIN sub ON u.parent_id = sub.id)
         SELECT COALESCE(SUM(e.value), 0) FROM progress_entry e JOIN indicator i ON i.id = e.indicator_id
         WHERE i.code = ?1 AND e.unit_id IN (SELECT id FROM sub) AND e.occurred_on BETWEEN ?3 AND ?4",
        rusqlite::params![indicator, unit, from, to],
        |r| r.get(0),
    )
    .expect("straight sum")
}

/// Every unit's progress and the city's monthly trend, through the roll-up, equal the
/// entries summed straight, at a few as-of dates (inside and across years).
fn assert_figures_are_the_entries(f: &Fixture, after: &Step) {
    let conn = Connection::open(&f.path).expect("open");
    for as_of in ["2022-12-31", "2023-05-17", "2024-03-31", "2024-07-15"] {
        let as_of = d(as_of);
        for unit in UNITS {
            let mut q = ProgressQuery::city(as_of);
            q.unit = Some(unit.into());
            for row in f.ledger.progress(&q).expect("progress") {
                let (from, to) = match row.period {
                    Some(p) => (p.start, as_of.min(p.end)),
                    None => (d("2000-01-01"), as_of),
                };
                let want = if to < from {
                    0.0
                } else {
                    round_to(
                        straight(&conn, &row.indicator_code, unit, from, to),
                        row.decimals,
                    )
                };
                assert_eq!(
                    row.completed, want,
                    "after {after:?}: {} of {unit} as of {as_of} in [{from}, {to}]",
                    row.indicator_code
                );
            }
        }
    }
    let trend = f
        .ledger
        .trend(&TrendQuery {
            indicator: "LIN".into(),
            unit: None,
            as_of: d("2024-07-15"),
            granularity: Granularity::Month,
        })
        .expect("trend");
    // The city's campaign target starts the trend on 2022-01-01.
    for point in &trend {
        let want = round_to(
            straight(&conn, "LIN", "CITY", d("2022-01-01"), point.end),
            0,
        );
        assert_eq!(
            point.cumulative, want,
            "after {after:?}: LIN's trend to {}",
            point.end
        );
    }
}

/// The fixture with targets whose windows cross years: a campaign for the city, a year for
/// a county, a quarter for the zone; AMT has none (counted from the beginning).
fn ledger() -> Fixture {
    let mut f = with_tree();
    f.target("LIN", "CITY", "2022-01-01", "2024-12-31", 500.0);
    f.target("LIN", "A", "2023-01-01", "2023-12-31", 100.0);
    f.target("QTR", "B1", "2024-04-01", "2024-06-30", 20.0);
    f.target("QTR", "CITY", "2023-07-01", "2024-06-30", 90.0);
    f
}

#[test]
fn the_rollup_stays_the_entries_through_every_kind_of_write() {
    let cases = std::env::var("TAIZHANG_ROLLUP_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(24);
    let config = Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    };
    let rng = TestRng::deterministic_rng(RngAlgorithm::ChaCha);
    let mut runner = TestRunner::new_with_rng(config, rng);
    let steps = proptest::collection::vec(step(), 1..14);
    runner
        .run(&steps, |steps| {
            let mut f = ledger();
            let mut backups = Vec::new();
            for s in &steps {
                run(&mut f, &mut backups, s);
                assert_rollup_is_the_entries(&f, s);
            }
            if let Some(last) = steps.last() {
                assert_figures_are_the_entries(&f, last);
            }
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn a_damaged_rollup_is_found_and_rebuilt() {
    let mut f = ledger();
    f.entry("LIN", "A", "2023-03-05", 4.0);
    f.entry("LIN", "A", "2024-03-05", 6.0);
    f.entry("AMT", "B1", "2024-05-01", 1.25);
    let check = f.ledger.check_rollup().expect("check");
    assert!(check.ok() && check.rows == 3, "a fresh roll-up: {check:?}");

    // Someone changes the roll-up by hand.
    let conn = Connection::open(&f.path).expect("open");
    conn.execute(
        "UPDATE entry_rollup SET total = total + 1 WHERE year = 2024 AND n = 1 AND total = 6",
        [],
    )
    .expect("by hand");
    let check = f.ledger.check_rollup().expect("check");
    let first = check.first.clone().expect("a difference");
    assert_eq!(
        (
            check.differences,
            first.indicator_code.as_str(),
            first.unit.as_str(),
            first.year
        ),
        (1, "LIN", "甲区", 2024),
        "the difference named: {check:?}"
    );
    assert_eq!(
        (first.rollup, first.entries),
        (Some((7.0, 1)), Some((6.0, 1)))
    );

    let rows = f.ledger.rebuild_rollup(&actor()).expect("rebuild");
    assert_eq!(rows, 3, "rows made again");
    let check = f.ledger.check_rollup().expect("check");
    assert!(check.ok(), "rebuilt: {check:?}");
    let verdict = f.ledger.verify_audit().expect("verify");
    assert!(
        verdict.ok,
        "the trail does not see the roll-up: {}",
        verdict.message
    );
}
