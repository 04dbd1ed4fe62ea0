//! Registers at 100,000 rows: do the listing calls the register pages make stay fast?
//!
//! Builds, on a real temporary file, the release's sample (as the desktop's first run
//! does) plus 100,000 pairings (40,000 enterprises, 20,000 villages in the sample's
//! counties), 100,000 cooperation projects and 100,000 rows of the 走访企业商会 register,
//! dated 2021-01-01 … 2024-07-14. Then times, in interleaved rounds (median wall and CPU
//! time), each listing call a page makes for 50 rows — first page, a deep page (page 1,500
//! of 2,000), the last page, search by name, filters by county, status and date, the
//! count alone — and prints each as a ratio to a cheap baseline: counting the pairing
//! table (`SELECT COUNT(*) FROM pairing`, one pass over its smallest index).
//!
//! Run: `cargo bench -p taizhang-core --bench registers`. `REGISTERS_DB=<file>` keeps the
//! ledger (and reuses it when it exists), e.g. to open it in the window with
//! `TAIZHANG_DB=<file>`; `REGISTERS_ROWS=20000` makes a smaller one.

mod support;

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::Days;
use rusqlite::{params, Connection};
use taizhang_core::register::activity::RegisterFilter;
use taizhang_core::register::pairing::{PairingFilter, PairingStatus};
use taizhang_core::register::project::{ProjectFilter, ProjectStatus};
use taizhang_core::{sample, store, Actor, Ledger};

use support::{date, interleaved, median, Rng, ROUNDS, STAMP};

const ROWS: usize = 100_000;
const PAGE: u32 = 50;
const TRADES: [&str; 8] = [
    "木业",
    "食品",
    "物流",
    "建材",
    "商贸",
    "农业科技",
    "纺织",
    "机械",
];
const SURNAMES: [&str; 10] = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];

/// The sample ledger, then `rows` pairings, projects and visit rows written with raw SQL
/// in one transaction (synthetic, so the write API's per-row checks are skipped; the
/// values obey them anyway).
fn build(path: &Path, rows: usize) {
    let mut ledger = Ledger::open(path).expect("create the ledger");
    sample::load_on_first_run(&mut ledger, &Actor::system()).expect("the sample");
    drop(ledger);
    let mut conn = store::open(path).expect("open for loading");
    conn.pragma_update(None, "cache_size", -262_144)
        .expect("cache");
    let tx = conn.transaction().expect("transaction");
    let mut rng = Rng(0x0010_0000);
    let ids = |sql: &str| -> Vec<String> {
        let mut stmt = tx.prepare(sql).unwrap();
        let out = stmt.query_map([], |r| r.get(0)).unwrap();
        out.map(Result::unwrap).collect()
    };
    let counties = ids("SELECT id FROM unit WHERE kind = 'county' ORDER BY sort_order");
    let visit = ids("SELECT id FROM register_type WHERE code = 'visit'");
    let start = date("2021-01-01");
    let days = (date("2024-07-14") - start).num_days() as usize + 1;
    let day = |rng: &mut Rng| start + Days::new(rng.below(days) as u64);

    let enterprises: Vec<(String, usize)> = {
        let mut add = tx
            .prepare(
                "INSERT INTO enterprise (id, name, name_key, kind, county_id, created_at, created_by, updated_at, updated_by)
                 VALUES (?1, ?2, ?2, 'private', ?3, ?4, 'bench', ?4, 'bench')",
            )
            .unwrap();
        (0..rows * 2 / 5)
            .map(|i| {
                let (id, county) = (rng.uuid(), rng.below(counties.len()));
                let name = format!("临沂{i}号{}有限公司", TRADES[i % TRADES.len()]);
                add.execute(params![id, name, counties[county], STAMP])
                    .unwrap();
                (id, county)
            })
            .collect()
    };
    let villages: Vec<(String, usize)> = {
        let mut add = tx
            .prepare(
                "INSERT INTO village (id, name, township, county_id, created_at, created_by, updated_at, updated_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, 'bench', ?5, 'bench')",
            )
            .unwrap();
        (0..rows / 5)
            .map(|i| {
                let (id, county) = (rng.uuid(), rng.below(counties.len()));
                let name = format!("{}家{i}村", SURNAMES[i % SURNAMES.len()]);
                let township = format!("第{}镇", i % 30);
                add.execute(params![id, name, township, counties[county], STAMP])
                    .unwrap();
                (id, county)
            })
            .collect()
    };
    // Pairing i: enterprise i mod E with village (e + 7919·k) mod V, k = i div E — so no
    // pair repeats; the village's county is responsible; one in ten has ended.
    let pairings: Vec<String> = {
        let mut add = tx
            .prepare(
                "INSERT INTO pairing (id, enterprise_id, village_id, signed_on, unit_id, status, created_at, created_by, updated_at, updated_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'bench', ?7, 'bench')",
            )
            .unwrap();
        let (e_n, v_n) = (enterprises.len(), villages.len());
        (0..rows)
            .map(|i| {
                let (e, k) = (i % e_n, i / e_n);
                let (village, county) = &villages[(e + 7919 * k) % v_n];
                let id = rng.uuid();
                let status = if rng.below(10) == 0 {
                    "ended"
                } else {
                    "active"
                };
                add.execute(params![
                    id,
                    enterprises[e].0,
                    village,
                    day(&mut rng),
                    counties[*county],
                    status,
                    STAMP
                ])
                .unwrap();
                id
            })
            .collect()
    };
    {
        let mut add = tx
            .prepare(
                "INSERT INTO coop_project (id, pairing_id, name, kind, agreed_on, investment_yuan, status, beneficiaries,
                                           created_at, created_by, updated_at, updated_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'bench', ?9, 'bench')",
            )
            .unwrap();
        let kinds = [
            "industry",
            "employment",
            "consumption",
            "welfare",
            "talent",
            "other",
        ];
        let statuses = ["agreed", "in_progress", "completed"];
        for i in 0..rows {
            add.execute(params![
                rng.uuid(),
                pairings[rng.below(pairings.len())],
                format!("{}第{i}号帮扶项目", TRADES[i % TRADES.len()]),
                kinds[rng.below(kinds.len())],
                day(&mut rng),
                // 0.01 to 500 万元, in 元.
                (1 + rng.below(50_000)) as i64 * 100,
                statuses[rng.below(statuses.len())],
                rng.below(200) as i64,
                STAMP
            ])
            .unwrap();
        }
    }
    {
        let mut add = tx
            .prepare(
                "INSERT INTO register_row (id, type_id, occurred_on, unit_id, title, data, created_at, created_by, updated_at, updated_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'bench', ?7, 'bench')",
            )
            .unwrap();
        for i in 0..rows {
            let (kind, visitors) = (
                if rng.below(6) == 0 {
                    "商会"
                } else {
                    "企业"
                },
                1 + rng.below(8),
            );
            let data = format!(
                r#"{{"issues":{},"target_kind":"{kind}","visitors":{visitors}}}"#,
                rng.below(5)
            );
            add.execute(params![
                rng.uuid(),
                visit[0],
                day(&mut rng),
                counties[rng.below(counties.len())],
                format!("走访临沂{}号企业", i % (rows * 2 / 5)),
                data,
                STAMP
            ])
            .unwrap();
        }
    }
    tx.commit().expect("commit");
    // What the app does when it opens a ledger or finishes an import (no full ANALYZE).
    taizhang_core::store::refresh_statistics(&conn).expect("optimize");
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
        .expect("checkpoint");
}

type Case<'a> = (String, Box<dyn Fn() -> u64 + 'a>);

fn main() {
    // `cargo bench` passes --bench; `cargo test --benches` passes nothing: build a tiny one.
    let quick = !std::env::args().any(|a| a == "--bench");
    let rows = std::env::var("REGISTERS_ROWS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if quick { 2_000 } else { ROWS });
    let dir = tempfile::tempdir().expect("temp dir");
    let path = std::env::var_os("REGISTERS_DB")
        .map_or_else(|| dir.path().join("registers.db"), Into::into);
    if path.exists() {
        println!("reusing {}", path.display());
    } else {
        let t = Instant::now();
        build(&path, rows);
        let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        println!(
            "registers ledger: the sample + {rows} pairings, projects and visit rows; {:.0} MB; built in {:.1} s",
            size as f64 / 1e6,
            t.elapsed().as_secs_f64()
        );
    }
    let mut ledger = Ledger::open(&path).expect("open");
    ledger.set_today(Some(date("2024-07-15")));
    let raw = Connection::open(&path).expect("second connection");
    let ledger = &ledger;
    let total = |table: &str| -> u64 {
        raw.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))
            .expect("count")
    };
    let analysed: u64 = raw
        .query_row("SELECT COUNT(DISTINCT tbl) FROM sqlite_stat1", [], |r| {
            r.get(0)
        })
        .unwrap_or(0);
    println!("planner statistics (PRAGMA optimize at open, no ANALYZE): {analysed} tables");
    let pairings = total("pairing");
    let last = pairings.div_ceil(PAGE as u64) - 1;
    let deep = (last * 3 / 4) as u32 * PAGE; // page 1,500 of 2,000 at 100,000 rows
    let last = last as u32 * PAGE;
    let (from, to) = (Some(date("2023-01-01")), Some(date("2023-03-31")));

    let baseline = || total("pairing");
    let pf = |f: PairingFilter| {
        move || {
            let page = ledger.pairings(&PairingFilter {
                limit: Some(PAGE),
                ..f.clone()
            });
            page.expect("pairings").total
        }
    };
    let xf = |f: ProjectFilter| {
        move || {
            let page = ledger.projects(&ProjectFilter {
                limit: Some(PAGE),
                ..f.clone()
            });
            page.expect("projects").total
        }
    };
    let rf = |f: RegisterFilter| {
        move || {
            let filter = RegisterFilter {
                register: "visit".into(),
                limit: Some(PAGE),
                ..f.clone()
            };
            ledger.register_rows(&filter).expect("rows").total
        }
    };
    let county = || Some("兰山区".to_string());
    let at = |offset: u32| Some(offset);
    let cases: Vec<Case<'_>> = vec![
        (
            "baseline: SELECT COUNT(*) FROM pairing".into(),
            Box::new(baseline),
        ),
        (
            "pairings: first page".into(),
            Box::new(pf(PairingFilter::default())),
        ),
        (
            format!("pairings: deep page (offset {deep})"),
            Box::new(pf(PairingFilter {
                offset: at(deep),
                ..Default::default()
            })),
        ),
        (
            format!("pairings: last page (offset {last})"),
            Box::new(pf(PairingFilter {
                offset: at(last),
                ..Default::default()
            })),
        ),
        (
            "pairings: search 「1234号」".into(),
            Box::new(pf(PairingFilter {
                search: Some("1234号".into()),
                ..Default::default()
            })),
        ),
        (
            "pairings: county 兰山区".into(),
            Box::new(pf(PairingFilter {
                unit: county(),
                ..Default::default()
            })),
        ),
        (
            "pairings: county, deep page".into(),
            Box::new(pf(PairingFilter {
                unit: county(),
                offset: at(deep / 10),
                ..Default::default()
            })),
        ),
        (
            "pairings: status ended".into(),
            Box::new(pf(PairingFilter {
                status: Some(PairingStatus::Ended),
                ..Default::default()
            })),
        ),
        (
            "pairings: 2023 Q1".into(),
            Box::new(pf(PairingFilter {
                from,
                to,
                ..Default::default()
            })),
        ),
        (
            "pairings: count only".into(),
            Box::new(move || {
                ledger
                    .pairings(&PairingFilter {
                        limit: Some(0),
                        ..Default::default()
                    })
                    .expect("count")
                    .total
            }),
        ),
        (
            "projects: first page".into(),
            Box::new(xf(ProjectFilter::default())),
        ),
        (
            format!("projects: deep page (offset {deep})"),
            Box::new(xf(ProjectFilter {
                offset: at(deep),
                ..Default::default()
            })),
        ),
        (
            "projects: search 「1234号」".into(),
            Box::new(xf(ProjectFilter {
                search: Some("1234号".into()),
                ..Default::default()
            })),
        ),
        (
            "projects: county 兰山区".into(),
            Box::new(xf(ProjectFilter {
                unit: county(),
                ..Default::default()
            })),
        ),
        (
            "projects: status completed".into(),
            Box::new(xf(ProjectFilter {
                status: Some(ProjectStatus::Completed),
                ..Default::default()
            })),
        ),
        (
            "projects: 2023 Q1".into(),
            Box::new(xf(ProjectFilter {
                from,
                to,
                ..Default::default()
            })),
        ),
        (
            "visits: first page".into(),
            Box::new(rf(RegisterFilter::default())),
        ),
        (
            format!("visits: deep page (offset {deep})"),
            Box::new(rf(RegisterFilter {
                offset: at(deep),
                ..Default::default()
            })),
        ),
        (
            "visits: search 「1234号」".into(),
            Box::new(rf(RegisterFilter {
                search: Some("1234号".into()),
                ..Default::default()
            })),
        ),
        (
            "visits: county 兰山区".into(),
            Box::new(rf(RegisterFilter {
                unit: county(),
                ..Default::default()
            })),
        ),
        (
            "visits: 商会 (a field's value)".into(),
            Box::new(rf(RegisterFilter {
                match_field: Some("target_kind".into()),
                match_value: Some("商会".into()),
                ..Default::default()
            })),
        ),
        (
            "visits: 2023 Q1".into(),
            Box::new(rf(RegisterFilter {
                from,
                to,
                ..Default::default()
            })),
        ),
    ];
    println!(
        "{pairings} pairings, {} projects, {} register rows; pages of {PAGE}",
        total("coop_project"),
        total("register_row")
    );
    let times = interleaved(&cases);
    let base = median(&times[0].wall)
        .unwrap_or_default()
        .max(Duration::from_nanos(1));
    println!("median of {ROUNDS} interleaved rounds after a warm-up:              matching    wall ms     CPU ms  × baseline (wall)");
    let mut worst = 0.0_f64;
    for ((name, f), t) in cases.iter().zip(&times) {
        let (wall, cpu) = (
            median(&t.wall).unwrap_or_default(),
            median(&t.cpu).unwrap_or_default(),
        );
        println!(
            "  {:<52} {:>9} {:>10.2} {:>10.2} {:>10.1}",
            name,
            f(),
            wall.as_secs_f64() * 1000.0,
            cpu.as_secs_f64() * 1000.0,
            wall.as_secs_f64() / base.as_secs_f64()
        );
        worst = worst.max(wall.as_secs_f64() / base.as_secs_f64());
    }
    println!("registers_worst_page_vs_baseline: {worst:.2}");
}
