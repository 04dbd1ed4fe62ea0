//! The sample data: deterministic, removable in one step without touching what a user
//! entered, never mixed into a user's data unasked, and loaded on a first run only once.

mod fixture;

use std::path::Path;

use fixture::{actor, d, empty, Fixture};
use taizhang_core::{sample, EntryFilter, NewEntry, NewIndicator, NewUnit, Pacing, UnitKind};

/// Every entry and target as (id, indicator, unit, dates, value), ordered by id.
fn snapshot(path: &Path) -> (Vec<String>, Vec<String>) {
    let conn = rusqlite::Connection::open(path).unwrap();
    let rows = |sql: &str| -> Vec<String> {
        let mut stmt = conn.prepare(sql).unwrap();
        stmt.query_map([], |r| r.get::<_, String>(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    (
        rows("SELECT id || '|' || indicator_id || '|' || unit_id || '|' || occurred_on || '|' || value FROM progress_entry ORDER BY id"),
        rows("SELECT id || '|' || indicator_id || '|' || unit_id || '|' || period_start || '|' || period_end || '|' || value FROM target ORDER BY id"),
    )
}

fn count(path: &Path, sql: &str) -> i64 {
    rusqlite::Connection::open(path)
        .unwrap()
        .query_row(sql, [], |r| r.get(0))
        .unwrap()
}

/// A user's own indicator, unit and entry (and nothing of the sample).
fn add_user_data(f: &mut Fixture) -> String {
    f.ledger
        .write(&actor(), |w| {
            w.add_unit(NewUnit {
                code: "USR-U".into(),
                name: "用户单位".into(),
                name_en: String::new(),
                kind: UnitKind::Other,
                parent: None,
            })?;
            w.add_indicator(NewIndicator {
                action: "advice".into(),
                code: "USR".into(),
                name: "用户指标".into(),
                name_en: String::new(),
                measure: "条".into(),
                headline: false,
                decimals: 0,
                pacing: Pacing::Linear,
            })?;
            let e = NewEntry {
                indicator: "USR".into(),
                unit: "USR-U".into(),
                occurred_on: d("2024-05-01"),
                value: 9.0,
                note: "用户录入".into(),
            };
            Ok(w.record_entry(e)?.id)
        })
        .unwrap()
}

#[test]
fn loading_twice_into_two_files_gives_identical_rows() {
    let (mut a, mut b) = (empty(), empty());
    let ra = sample::load(&mut a.ledger, &actor(), false).unwrap();
    let rb = sample::load(&mut b.ledger, &actor(), false).unwrap();
    assert_eq!(ra, rb, "the two loads report the same counts");
    assert!(
        ra.entries > 1000 && ra.targets > 100,
        "a real sample: {ra:?}"
    );
    let (sa, sb) = (snapshot(&a.path), snapshot(&b.path));
    assert_eq!(
        sa.0.len(),
        ra.entries as usize,
        "entries in the file vs the report"
    );
    assert!(
        sa.0 == sb.0,
        "entry ids, dates and values differ between two loads"
    );
    assert!(
        sa.1 == sb.1,
        "target ids, periods and values differ between two loads"
    );
    let ids = |f: &Fixture| {
        f.ledger
            .units(false)
            .unwrap()
            .into_iter()
            .map(|u| u.id)
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&a), ids(&b), "unit ids differ between two loads");
    // Reloading with --force replaces the sample by the very same rows.
    sample::load(&mut a.ledger, &actor(), true).unwrap();
    assert!(
        snapshot(&a.path) == sa,
        "a forced reload changed the sample's rows"
    );
}

#[test]
fn removal_takes_the_sample_in_one_step_and_keeps_user_entries() {
    let mut f = empty();
    sample::load(&mut f.ledger, &actor(), false).unwrap();
    let user_entry = add_user_data(&mut f);
    // A user's own target on a sample indicator stays too.
    let indicator = f
        .ledger
        .indicators(None, false)
        .unwrap()
        .into_iter()
        .find(|i| i.code != "USR")
        .unwrap();
    f.target(&indicator.id, "371302", "2025-01-01", "2025-12-31", 12.0);
    let units = f.ledger.units(true).unwrap().len();
    let indicators = f.ledger.indicators(None, true).unwrap().len();
    let report = sample::remove(&mut f.ledger, &actor()).unwrap();
    assert!(
        report.entries > 1000,
        "removal reports the entries it deleted: {report:?}"
    );
    let left = (
        count(
            &f.path,
            "SELECT COUNT(*) FROM progress_entry WHERE is_sample = 1",
        ),
        count(&f.path, "SELECT COUNT(*) FROM target WHERE is_sample = 1"),
    );
    assert_eq!(
        left,
        (0, 0),
        "sample entries and targets left after removal"
    );
    let entries = f.ledger.entries(&EntryFilter::default()).unwrap();
    let ids: Vec<&str> = entries.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, [user_entry.as_str()], "only the user's entry remains");
    assert_eq!(
        count(&f.path, "SELECT COUNT(*) FROM target"),
        1,
        "the user's target remains"
    );
    assert!(
        !f.ledger.has_sample().unwrap(),
        "the ledger no longer says it has the sample"
    );
    let kept = (
        f.ledger.units(true).unwrap().len(),
        f.ledger.indicators(None, true).unwrap().len(),
    );
    assert_eq!(kept, (units, indicators), "units and indicators are kept");
}

#[test]
fn the_sample_is_not_mixed_into_user_data_unless_forced() {
    let mut f = empty();
    let user_entry = add_user_data(&mut f);
    let before = f.counts();
    let refused = sample::load(&mut f.ledger, &actor(), false);
    assert_eq!(
        refused.err().map(|e| e.code()),
        Some("sample_over_data"),
        "loading over user data"
    );
    assert_eq!(f.counts(), before, "a refused load writes nothing");
    let report = sample::load(&mut f.ledger, &actor(), true).unwrap();
    assert!(report.entries > 1000, "a forced load loads: {report:?}");
    assert!(
        f.ledger.entry(&user_entry).is_ok(),
        "the user's entry survives a forced load"
    );
}

#[test]
fn a_second_load_changes_nothing() {
    let mut f = empty();
    sample::load(&mut f.ledger, &actor(), false).unwrap();
    let before = (f.counts(), snapshot(&f.path));
    let again = sample::load(&mut f.ledger, &actor(), false).unwrap();
    assert!(
        again.already_loaded,
        "the second load says the sample is there: {again:?}"
    );
    assert!(
        (f.counts(), snapshot(&f.path)) == before,
        "the second load wrote rows"
    );
}

#[test]
fn the_first_run_loads_the_sample_once_and_never_after_removal() {
    let mut f = empty();
    // (step, expected return of load_on_first_run, sample present afterwards)
    let first = sample::load_on_first_run(&mut f.ledger, &actor()).unwrap();
    assert!(
        first && f.ledger.has_sample().unwrap(),
        "first run on an empty ledger loads the sample"
    );
    assert_eq!(
        f.ledger.default_as_of().unwrap(),
        sample::as_of(),
        "with the sample the window opens on the day its figures are complete"
    );
    let entries = count(&f.path, "SELECT COUNT(*) FROM progress_entry");
    let second = sample::load_on_first_run(&mut f.ledger, &actor()).unwrap();
    assert!(!second, "the second start does not load again");
    assert_eq!(
        count(&f.path, "SELECT COUNT(*) FROM progress_entry"),
        entries,
        "no entries added by the second start"
    );
    sample::remove(&mut f.ledger, &actor()).unwrap();
    let after_removal = sample::load_on_first_run(&mut f.ledger, &actor()).unwrap();
    assert!(
        !after_removal && !f.ledger.has_sample().unwrap(),
        "after removal the sample does not come back"
    );
    assert_eq!(
        f.ledger.default_as_of().unwrap(),
        f.ledger.today(),
        "without the sample the window opens on today"
    );

    // A ledger someone already uses is not given the sample on its first start.
    let mut used = empty();
    add_user_data(&mut used);
    let loaded = sample::load_on_first_run(&mut used.ledger, &actor()).unwrap();
    assert!(
        !loaded && !used.ledger.has_sample().unwrap(),
        "a used ledger gets no sample"
    );
    assert_eq!(
        count(&used.path, "SELECT COUNT(*) FROM progress_entry"),
        1,
        "only the user's entry"
    );
}
