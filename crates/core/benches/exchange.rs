//! Data-exchange speed (issue 11's goal: a package of 10,000 changed rows exports and
//! applies in under 2 s in release): a county ledger, bootstrapped from the city's package,
//! imports 10,000 entries from a CSV, exports its package for the city, and the city
//! applies it (signature, checks, the one write with its trail, the shadow). Beside it,
//! the plain import of the same CSV into the city's ledger.
//!
//! `cargo bench -p taizhang-core --bench exchange` prints seconds and the ratio.

use std::path::Path;
use std::time::Instant;

use chrono::NaiveDate;
use taizhang_core::exchange::ExportTarget;
use taizhang_core::import::{self, ImportKind};
use taizhang_core::{Actor, Ledger, NewIndicator, NewUnit, Pacing, UnitKind};

/// 10,000 rows under `cargo bench`; 500 under `cargo test --benches`; EXCHANGE_ROWS=<n>.
fn rows() -> usize {
    let full = std::env::args().any(|a| a == "--bench");
    std::env::var("EXCHANGE_ROWS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if full { 10_000 } else { 500 })
}

fn actor() -> Actor {
    Actor::named("bench")
}

fn open(path: &Path) -> Ledger {
    let mut ledger = Ledger::open(path).expect("open");
    ledger.set_today(NaiveDate::from_ymd_opt(2024, 12, 31));
    ledger
}

fn city(path: &Path) -> Ledger {
    let mut ledger = open(path);
    ledger
        .write(&actor(), |w| {
            let unit = |code: &str, name: &str, kind, parent: Option<&str>| NewUnit {
                code: code.into(),
                name: name.into(),
                name_en: String::new(),
                kind,
                parent: parent.map(Into::into),
            };
            w.add_unit(unit("CITY", "临沂市", UnitKind::City, None))?;
            w.add_unit(unit("LS", "兰山区", UnitKind::County, Some("CITY")))?;
            for i in 0..5 {
                w.add_indicator(NewIndicator {
                    action: "prosperity".into(),
                    code: format!("I{i}"),
                    name: format!("指标{i}"),
                    name_en: String::new(),
                    measure: "家".into(),
                    headline: false,
                    decimals: 0,
                    pacing: Pacing::Linear,
                })?;
            }
            Ok(())
        })
        .expect("city");
    ledger
}

fn write_csv(path: &Path, rows: usize) {
    let mut text = String::from("指标,责任单位,日期,数值,备注\n");
    for i in 0..rows {
        let day =
            NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + chrono::Days::new((i % 300) as u64);
        text.push_str(&format!("I{},兰山区,{day},{},第{i}条\n", i % 5, i % 97 + 1));
    }
    std::fs::write(path, text).unwrap();
}

fn commit(ledger: &mut Ledger, file: &Path) -> usize {
    import::commit(
        ledger,
        &actor(),
        &ImportKind::Entries,
        file,
        None,
        &mut |_, _| {},
    )
    .expect("import")
    .written as usize
}

fn main() {
    let n = rows();
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("entries.csv");
    write_csv(&csv, n);
    let (city_dir, county_dir, plain_dir) = (
        dir.path().join("city"),
        dir.path().join("county"),
        dir.path().join("plain"),
    );
    for d in [&city_dir, &county_dir, &plain_dir] {
        std::fs::create_dir_all(d).unwrap();
    }

    // The plain import of the same rows into a ledger like the city's.
    let mut plain = city(&plain_dir.join("plain.db"));
    let t = Instant::now();
    assert_eq!(commit(&mut plain, &csv), n);
    let plain_secs = t.elapsed().as_secs_f64();

    let mut city_ledger = city(&city_dir.join("city.db"));
    let boot = dir.path().join("boot.tzp");
    city_ledger
        .exchange_export(&actor(), &ExportTarget::ForUnit("兰山区".into()), &boot)
        .unwrap();
    let mut county = open(&county_dir.join("county.db"));
    county.exchange_import(&actor(), &boot, false).unwrap();
    let fp = county.exchange_key(&actor()).unwrap().fingerprint;
    city_ledger.exchange_trust(&actor(), "兰山区", &fp).unwrap();
    assert_eq!(commit(&mut county, &csv), n);

    let package = dir.path().join("up.tzp");
    let t = Instant::now();
    let report = county
        .exchange_export(&actor(), &ExportTarget::ToCity, &package)
        .unwrap();
    let export_secs = t.elapsed().as_secs_f64();
    assert_eq!(report.changes as usize, n, "every row in the package");
    let t = Instant::now();
    let applied = city_ledger
        .exchange_import(&actor(), &package, false)
        .unwrap();
    let apply_secs = t.elapsed().as_secs_f64();
    assert!(applied.conflicts.is_empty() && applied.refused.is_empty());

    let bytes = std::fs::metadata(&package).unwrap().len();
    println!(
        "exchange: {n} rows, package {:.1} KB",
        bytes as f64 / 1024.0
    );
    println!("exchange: export {export_secs:.3} s, apply {apply_secs:.3} s, plain import {plain_secs:.3} s");
    println!("exchange_export_s: {export_secs:.3}");
    println!("exchange_apply_s: {apply_secs:.3}");
    println!("exchange_export_apply_s: {:.3}", export_secs + apply_secs);
    println!("exchange_plain_import_s: {plain_secs:.3}");
    println!(
        "exchange_vs_plain_import: {:.2}",
        (export_secs + apply_secs) / plain_secs
    );
}
