//! The sample data reproduces the release: city totals as of 2024-06-30 equal figures.csv.

use taizhang_core::{sample, Actor, Ledger, ProgressQuery, Status};

#[test]
fn city_totals_equal_the_release() {
    let dir = tempfile::tempdir().unwrap();
    let mut ledger = Ledger::open(&dir.path().join("t.db")).unwrap();
    let report = sample::load(&mut ledger, &Actor::named("test"), false).unwrap();
    assert_eq!(report.indicators as usize, sample::figures().len());
    let rows = ledger
        .progress(&ProgressQuery::city(sample::as_of()))
        .unwrap();
    assert_eq!(rows.len(), sample::figures().len(), "one row per figure");
    for f in sample::figures() {
        let row = rows
            .iter()
            .find(|r| r.indicator == f.indicator_zh)
            .unwrap_or_else(|| panic!("no row for {}", f.indicator_zh));
        assert_eq!(
            row.completed, f.value as f64,
            "{}: completed {} want {}",
            f.indicator_zh, row.completed, f.value
        );
        assert_eq!(row.measure, f.unit, "{}", f.indicator_zh);
        assert_eq!(row.action, f.action, "{}", f.indicator_zh);
        assert!(row.target.is_some(), "{} has a city target", f.indicator_zh);
    }
    for s in [
        Status::Done,
        Status::OnPace,
        Status::SlightlyBehind,
        Status::Behind,
    ] {
        assert!(
            rows.iter().any(|r| r.status == s),
            "some indicator is {s:?}"
        );
    }
}
