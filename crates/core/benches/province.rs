//! Province-scale progress: is the engine as fast as the one SQL aggregate it stands for?
//!
//! Builds a synthetic ledger on a real temporary file — a province with 16 cities of 13
//! counties each (225 units), 200 indicators, a campaign target for every unit and
//! indicator (45,000 targets) and 1,000,000 progress entries spread over counties and days
//! of 2022-01-01 … 2024-06-30 — then times, in interleaved rounds (median wall and CPU time):
//!
//! - `Ledger::progress(&ProgressQuery::city(..))`: every indicator for the whole province,
//!   with targets, pace and status;
//! - the equivalent single hand-written aggregate on the same file
//!   (`SELECT indicator_id, SUM(value) … GROUP BY indicator_id`), and their ratio;
//! - `unit_ranking` of the 16 cities, `action_summaries` of the five actions and
//!   `progress_by_unit` of the cities, each against the same aggregate;
//! - that the roll-up `entry_rollup` the views read equals the entries (`check_rollup`).
//!
//! Run: `cargo bench -p taizhang-core --bench province` (about a minute after the build).
//! `PROVINCE_ENTRIES=200000` makes a smaller ledger for a quick look.

mod support;

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::Days;
use rusqlite::{params, Connection};
use taizhang_core::{store, Ledger, ProgressQuery, RankingQuery};

use support::{date, interleaved, median, Rng, Times, ROUNDS, STAMP};

const CITIES: usize = 16;
const COUNTIES_PER_CITY: usize = 13;
const INDICATORS: usize = 200;
const ENTRIES: usize = 1_000_000;

struct Built {
    units: usize,
    targets: usize,
    entries: usize,
}

/// Writes the synthetic ledger with raw SQL in one transaction (it is synthetic, so the
/// per-row checks of the write API are skipped; the values obey them anyway).
fn build(path: &Path, entries: usize) -> Built {
    // The schema and the default actions, as a user's first start makes them.
    drop(Ledger::open(path).expect("create the ledger"));
    let mut conn = store::open(path).expect("open for loading");
    conn.pragma_update(None, "cache_size", -262_144)
        .expect("cache");
    let tx = conn.transaction().expect("transaction");
    let mut rng = Rng(0x0050_2024);
    let actions: Vec<String> = {
        let mut stmt = tx
            .prepare("SELECT id FROM action ORDER BY sort_order")
            .unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };

    // Units: the province, its cities, their counties (in tree order: parents first).
    let mut units: Vec<String> = Vec::new();
    let mut counties: Vec<usize> = Vec::new();
    {
        let mut add = tx
            .prepare(
                "INSERT INTO unit (id, code, name, kind, parent_id, sort_order, created_at, created_by, updated_at, updated_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'bench', ?7, 'bench')",
            )
            .unwrap();
        let province = rng.uuid();
        add.execute(params![
            province,
            "P",
            "示范省",
            "city",
            None::<String>,
            0,
            STAMP
        ])
        .unwrap();
        units.push(province.clone());
        for c in 0..CITIES {
            let city = rng.uuid();
            add.execute(params![
                city,
                format!("C{c:02}"),
                format!("第{c}市"),
                "city",
                province,
                c,
                STAMP
            ])
            .unwrap();
            units.push(city.clone());
            for k in 0..COUNTIES_PER_CITY {
                let county = rng.uuid();
                let code = format!("C{c:02}K{k:02}");
                add.execute(params![
                    county,
                    code,
                    format!("第{c}市第{k}县"),
                    "county",
                    city,
                    k,
                    STAMP
                ])
                .unwrap();
                counties.push(units.len());
                units.push(county);
            }
        }
    }

    // Indicators: 40 per action, every fourth with two decimals, every third quarterly.
    let mut indicators: Vec<(String, u8)> = Vec::new();
    {
        let mut add = tx
            .prepare(
                "INSERT INTO indicator (id, action_id, code, name, measure, decimals, pacing, sort_order,
                                        created_at, created_by, updated_at, updated_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'bench', ?9, 'bench')",
            )
            .unwrap();
        for i in 0..INDICATORS {
            let id = rng.uuid();
            let decimals: u8 = if i % 4 == 3 { 2 } else { 0 };
            let pacing = if i % 3 == 2 { "quarterly" } else { "linear" };
            let measure = if decimals > 0 { "万元" } else { "个" };
            add.execute(params![
                id,
                actions[i % actions.len()],
                format!("I{i:03}"),
                format!("指标{i:03}"),
                measure,
                decimals,
                pacing,
                i,
                STAMP
            ])
            .unwrap();
            indicators.push((id, decimals));
        }
    }

    // A campaign target for every unit and indicator.
    let mut targets = 0;
    {
        let mut add = tx
            .prepare(
                "INSERT INTO target (id, indicator_id, unit_id, period_start, period_end, value,
                                     created_at, created_by, updated_at, updated_by)
                 VALUES (?1, ?2, ?3, '2022-01-01', '2024-12-31', ?4, ?5, 'bench', ?5, 'bench')",
            )
            .unwrap();
        let per_county = (entries as f64 / (INDICATORS * counties.len()) as f64) * 10.5 * 1.2;
        for (ind, _) in &indicators {
            for (u, unit) in units.iter().enumerate() {
                let scale = if u == 0 {
                    counties.len()
                } else if counties.contains(&u) {
                    1
                } else {
                    COUNTIES_PER_CITY
                };
                add.execute(params![
                    rng.uuid(),
                    ind,
                    unit,
                    (per_county * scale as f64).round(),
                    STAMP
                ])
                .unwrap();
                targets += 1;
            }
        }
    }

    // Entries: a county, an indicator, a day and a value at random.
    {
        let mut add = tx
            .prepare(
                "INSERT INTO progress_entry (id, indicator_id, unit_id, occurred_on, value, note,
                                             created_at, created_by, updated_at, updated_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, '', ?6, 'bench', ?6, 'bench')",
            )
            .unwrap();
        let start = date("2022-01-01");
        let days = (date("2024-06-30") - start).num_days() as usize + 1;
        for _ in 0..entries {
            let (ind, decimals) = &indicators[rng.below(INDICATORS)];
            let unit = &units[counties[rng.below(counties.len())]];
            let on = start + Days::new(rng.below(days) as u64);
            let value = if *decimals > 0 {
                (1 + rng.below(2000)) as f64 / 100.0
            } else {
                (1 + rng.below(20)) as f64
            };
            add.execute(params![rng.uuid(), ind, unit, on, value, STAMP])
                .unwrap();
        }
    }
    // The rows were loaded past the write path, so the trail has not seen them: forget the
    // recorded shapes and the next open baselines them, as for a ledger made before the trail.
    tx.execute("DELETE FROM audit_shape", [])
        .expect("hand over to the trail");
    tx.commit().expect("commit");
    conn.execute_batch("ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);")
        .expect("analyze");
    Built {
        units: units.len(),
        targets,
        entries,
    }
}

fn ms(d: Duration) -> String {
    format!("{:>9.1} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    // `cargo bench` passes --bench; `cargo test --benches` passes nothing: build a tiny one.
    let quick = !std::env::args().any(|a| a == "--bench");
    let entries = std::env::var("PROVINCE_ENTRIES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if quick { 20_000 } else { ENTRIES });
    // PROVINCE_DB=<file> keeps the ledger (and reuses it when it exists) between runs.
    let dir = tempfile::tempdir().expect("temp dir");
    let path =
        std::env::var_os("PROVINCE_DB").map_or_else(|| dir.path().join("province.db"), Into::into);
    if path.exists() {
        println!("reusing {}", path.display());
    } else {
        let t = Instant::now();
        let built = build(&path, entries);
        let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        println!(
            "province ledger: {} units, {INDICATORS} indicators, {} targets, {} entries; {:.0} MB; built in {:.1} s",
            built.units,
            built.targets,
            built.entries,
            size as f64 / 1e6,
            t.elapsed().as_secs_f64()
        );
    }

    let t = Instant::now();
    let mut ledger = Ledger::open(&path).expect("open");
    println!(
        "open (with the trail's baseline of rows it has not seen): {:.1} s",
        t.elapsed().as_secs_f64()
    );
    let t = Instant::now();
    let verdict = ledger.verify_audit().expect("verify");
    assert!(
        verdict.ok,
        "an untouched province ledger verifies: {}",
        verdict.message
    );
    let verify_s = t.elapsed().as_secs_f64();
    println!("audit verify: {} in {verify_s:.1} s", verdict.message);
    println!("audit_verify_s: {verify_s:.2}");
    ledger.set_today(Some(date("2024-07-15")));
    let as_of = date("2024-06-30");
    let raw = Connection::open(&path).expect("second connection");

    let progress = || {
        ledger
            .progress(&ProgressQuery::city(as_of))
            .expect("progress")
    };
    let aggregate = || -> Vec<(String, f64)> {
        let mut stmt = raw
            .prepare_cached(
                "SELECT indicator_id, SUM(value) FROM progress_entry
                 WHERE occurred_on BETWEEN ?1 AND ?2 GROUP BY indicator_id",
            )
            .expect("prepare");
        let rows = stmt
            .query_map(params![date("2022-01-01"), as_of], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .expect("query");
        rows.map(|r| r.expect("row")).collect()
    };
    // The two must agree, or the comparison means nothing.
    let (rows, sums) = (progress(), aggregate());
    assert_eq!(rows.len(), INDICATORS, "one progress row per indicator");
    assert_eq!(sums.len(), INDICATORS, "one SQL sum per indicator");
    for (id, sum) in &sums {
        let row = rows
            .iter()
            .find(|r| &r.indicator_id == id)
            .expect("a row for every summed indicator");
        let want = taizhang_core::progress::round_to(*sum, row.decimals);
        assert!(
            (row.completed - want).abs() < 1e-6,
            "{}: engine {} vs SQL {want}",
            row.indicator,
            row.completed
        );
    }

    let ranking = RankingQuery {
        as_of,
        parent: None,
        action: None,
        kind: None,
    };
    let cases: [(&str, &dyn Fn() -> usize); 5] = [
        ("progress, whole province (rows)", &|| progress().len()),
        ("one hand-written SQL aggregate (sums)", &|| {
            aggregate().len()
        }),
        ("unit_ranking of the cities (ranks)", &|| {
            ledger.unit_ranking(&ranking).expect("ranking").len()
        }),
        ("action_summaries (actions)", &|| {
            ledger
                .action_summaries(&ProgressQuery::city(as_of))
                .expect("summaries")
                .len()
        }),
        ("progress_by_unit (rows)", &|| {
            ledger
                .progress_by_unit(&ProgressQuery::city(as_of))
                .expect("by unit")
                .len()
        }),
    ];
    let times = interleaved(&cases);
    println!("as of {as_of}, median of {ROUNDS} interleaved rounds after a warm-up:   wall time     CPU time");
    for ((name, f), t) in cases.iter().zip(&times) {
        let cpu = median(&t.cpu).map_or_else(|| "        -".into(), ms);
        println!(
            "  {:<48} {}  {cpu}",
            format!("{name}: {}", f()),
            ms(median(&t.wall).unwrap_or_default())
        );
    }
    let ratio = |case: usize, pick: fn(&Times) -> &Vec<Duration>| {
        let (engine, sql) = (median(pick(&times[case]))?, median(pick(&times[1]))?);
        Some(format!("{:>9.2}", engine.as_secs_f64() / sql.as_secs_f64()))
    };
    // Each view against the one SQL aggregate (issue 13: at most 1.0 each).
    for (case, name, label) in [
        (0, "province_progress_vs_sql", "progress"),
        (2, "province_ranking_vs_sql", "unit_ranking"),
        (3, "province_summaries_vs_sql", "action_summaries"),
        (4, "province_by_unit_vs_sql", "progress_by_unit"),
    ] {
        if let Some(r) = ratio(case, |t| &t.wall) {
            println!("{name}: {}", r.trim());
        }
        println!(
            "  {:<48} {}     {}",
            format!("ratio {label} / SQL"),
            ratio(case, |t| &t.wall).unwrap_or_default(),
            ratio(case, |t| &t.cpu).unwrap_or_else(|| "        -".into())
        );
    }

    // The roll-up the views read equals the entries it is derived from.
    let t = Instant::now();
    let check = ledger.check_rollup().expect("rollup check");
    assert!(
        check.ok(),
        "the roll-up equals the entries: {:?}",
        check.first
    );
    println!(
        "rollup check: {} rows equal to the entries' sums in {:.1} s",
        check.rows,
        t.elapsed().as_secs_f64()
    );
}
