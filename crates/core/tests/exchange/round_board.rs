//! A county's package arriving at the city is its return: 已报 on the board of the open
//! round covering the package's dates, in the round's history and in the trail.

use taizhang_core::round::{NewRound, RoundPeriod, UnitState};

use super::support::*;

fn state_of(site: &Site, period: RoundPeriod, unit: &str) -> UnitState {
    let board = site.ledger.round_board(period).unwrap();
    board
        .iter()
        .find(|r| r.unit == unit)
        .unwrap_or_else(|| panic!("{unit} on the board: {board:?}"))
        .state
}

#[test]
fn a_county_package_marks_its_return_submitted() {
    let mut w = World::new();
    let q2 = RoundPeriod::parse("2024Q2").unwrap();
    let q3 = RoundPeriod::parse("2024Q3").unwrap();
    w.city
        .ledger
        .write(&actor(), |w| {
            for period in [q2, q3] {
                w.open_round(NewRound {
                    period,
                    due_on: d("2024-10-10"),
                    units: Vec::new(),
                })?;
            }
            Ok(())
        })
        .unwrap();
    let boot = w.export_city("兰山区", "兰山区-初始.tzp");
    let mut ls = w.county("兰山区", &boot);
    let fp = ls.ledger.exchange_key(&actor()).unwrap().fingerprint;
    w.city
        .ledger
        .exchange_trust(&actor(), "兰山区", &fp)
        .unwrap();

    // A package with nothing dated marks nothing.
    let empty = ls.export_up(&w.dir, "兰山区-1.tzp");
    let r = w.city.import(&empty).unwrap();
    assert!(r.marked_submitted.is_empty(), "{:?}", r.marked_submitted);
    assert_eq!(state_of(&w.city, q2, "兰山区"), UnitState::NotStarted);

    // Entries of the second quarter: that round's return is 已报, the third's is not.
    ls.entry("LIN", "2024-05-02", 4.0);
    let up = ls.export_up(&w.dir, "兰山区-2.tzp");
    let preview = w.city.ledger.exchange_import(&actor(), &up, true).unwrap();
    assert_eq!(preview.marked_submitted, vec!["2024年第二季度".to_string()]);
    assert_eq!(
        state_of(&w.city, q2, "兰山区"),
        UnitState::NotStarted,
        "a preview marks nothing"
    );
    let r = w.city.import(&up).unwrap();
    assert_eq!(r.marked_submitted, vec!["2024年第二季度".to_string()]);
    let cases = [
        (q2, "兰山区", UnitState::Submitted),
        (q2, "沂南县", UnitState::NotStarted),
        (q3, "兰山区", UnitState::NotStarted),
    ];
    for (period, unit, want) in cases {
        let got = state_of(&w.city, period, unit);
        assert_eq!(got, want, "{unit} in {}", period.label_zh());
    }
    let events = w.city.ledger.round_events(q2).unwrap();
    assert!(
        events
            .iter()
            .any(|e| e.kind == "submit" && e.unit.as_deref() == Some("兰山区")),
        "the round's history has the submission: {events:?}"
    );
    let reason: String = w.city.query(
        "SELECT reason FROM audit WHERE tbl = 'round_unit' AND op = 'update' ORDER BY seq DESC LIMIT 1",
    );
    assert!(
        reason.contains("兰山区") && reason.contains("第2号包"),
        "the trail names the package: {reason}"
    );

    // A returned return is submitted again by the next package of its quarter.
    w.city
        .ledger
        .write(&actor(), |w| w.return_to_unit("兰山区", q2, "数字有误"))
        .unwrap();
    ls.entry("LIN", "2024-06-02", 1.0);
    let again = ls.export_up(&w.dir, "兰山区-3.tzp");
    let r = w.city.import(&again).unwrap();
    assert_eq!(r.marked_submitted, vec!["2024年第二季度".to_string()]);
    assert_eq!(state_of(&w.city, q2, "兰山区"), UnitState::Submitted);
    let verdict = w.city.ledger.verify_audit().unwrap();
    assert!(verdict.ok, "the city's trail verifies: {}", verdict.message);
}
