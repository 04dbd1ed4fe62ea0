//! Every bad value is refused with its own code, names its field, and writes nothing: the
//! row counts of every table are the same before and after.

mod fixture;

use fixture::{actor, d, period, with_tree, Fixture};
use taizhang_core::ledger::IndicatorChange;
use taizhang_core::{
    validate, EntryChange, EntryFilter, LedgerError, Milestone, NewAction, NewEntry, NewIndicator,
    NewTarget, NewUnit, Pacing, Quarter, Settings, UnitKind,
};

fn entry(indicator: &str, unit: &str, on: &str, value: f64) -> NewEntry {
    NewEntry {
        indicator: indicator.into(),
        unit: unit.into(),
        occurred_on: d(on),
        value,
        note: String::new(),
    }
}

fn target(indicator: &str, unit: &str, start: &str, end: &str, value: f64) -> NewTarget {
    NewTarget {
        indicator: indicator.into(),
        unit: unit.into(),
        period: period(start, end),
        value,
        milestones: Vec::new(),
        replace_overlapping: false,
    }
}

/// Runs `write`, which must fail with `code` (and `field`, when given) and leave every
/// table as it was.
fn refused(
    f: &mut Fixture,
    case: &str,
    code: &str,
    field: Option<&str>,
    write: impl FnOnce(&mut taizhang_core::Writer<'_>) -> Result<(), LedgerError>,
) {
    let before = f.counts();
    let got = f.ledger.write(&actor(), write);
    let err = got
        .err()
        .unwrap_or_else(|| panic!("{case}: expected error {code}, but the write succeeded"));
    assert_eq!(
        err.code(),
        code,
        "{case}: got {} ({err}), want {code}",
        err.code()
    );
    if field.is_some() {
        assert_eq!(
            err.field(),
            field,
            "{case}: field {:?}, want {field:?}",
            err.field()
        );
    }
    assert!(
        !err.to_string().is_empty(),
        "{case}: the error has a message"
    );
    let after = f.counts();
    assert_eq!(
        after, before,
        "{case}: rows written despite the error: before {before:?}, after {after:?}"
    );
}

#[test]
fn bad_entries_are_refused_and_write_nothing() {
    let mut f = with_tree();
    f.entry("LIN", "A", "2024-01-10", 3.0);
    // (case, entry, code, field)
    let cases: Vec<(&str, NewEntry, &str, Option<&str>)> = vec![
        (
            "negative count",
            entry("LIN", "A", "2024-03-01", -1.0),
            "negative_value",
            Some("value"),
        ),
        (
            "fraction on a 0-decimal indicator",
            entry("LIN", "A", "2024-03-01", 12.5),
            "too_many_decimals",
            Some("value"),
        ),
        (
            "three decimals on a 2-decimal indicator",
            entry("AMT", "A", "2024-03-01", 1.234),
            "too_many_decimals",
            Some("value"),
        ),
        (
            "NaN",
            entry("LIN", "A", "2024-03-01", f64::NAN),
            "not_a_number",
            Some("value"),
        ),
        (
            "infinity",
            entry("AMT", "A", "2024-03-01", f64::INFINITY),
            "not_a_number",
            Some("value"),
        ),
        (
            "absurdly large",
            entry("LIN", "A", "2024-03-01", 1e16),
            "implausible_value",
            Some("value"),
        ),
        (
            "tomorrow",
            entry("LIN", "A", "2024-07-16", 1.0),
            "date_out_of_range",
            Some("occurred_on"),
        ),
        (
            "in 2099",
            entry("LIN", "A", "2099-01-01", 1.0),
            "date_out_of_range",
            Some("occurred_on"),
        ),
        (
            "before 2000",
            entry("LIN", "A", "1999-12-31", 1.0),
            "date_out_of_range",
            Some("occurred_on"),
        ),
        (
            "unknown indicator",
            entry("NOPE", "A", "2024-03-01", 1.0),
            "unknown_indicator",
            Some("indicator"),
        ),
        (
            "unknown unit",
            entry("LIN", "火星区", "2024-03-01", 1.0),
            "unknown_unit",
            Some("unit"),
        ),
        (
            "note over 500 characters",
            NewEntry {
                note: "很".repeat(501),
                ..entry("LIN", "A", "2024-03-01", 1.0)
            },
            "too_long",
            Some("note"),
        ),
    ];
    for (case, new, code, field) in cases {
        refused(&mut f, case, code, field, |w| {
            w.record_entry(new).map(|_| ())
        });
    }
    // The same checks without writing (validation as the clerk types).
    let check = f
        .ledger
        .check_entry(&entry("LIN", "A", "2024-03-01", -1.0))
        .err()
        .map(|e| e.code());
    assert_eq!(check, Some("negative_value"), "check_entry: got {check:?}");
}

#[test]
fn boundary_values_are_accepted() {
    let mut f = with_tree();
    let cases = [
        ("zero", entry("LIN", "A", "2024-03-01", 0.0)),
        ("today", entry("LIN", "A", fixture::TODAY, 1.0)),
        ("first day accepted", entry("LIN", "A", "2000-01-01", 1.0)),
        (
            "two decimals on a 2-decimal indicator",
            entry("AMT", "A", "2024-03-01", 12.25),
        ),
        (
            "float noise of 0.1 + 0.2",
            entry("AMT", "A", "2024-03-01", 0.1 + 0.2),
        ),
        (
            "by name and unit name",
            entry("结对企业", "乙县开发区", "2024-03-01", 2.0),
        ),
    ];
    for (case, new) in cases {
        let got = f.ledger.write(&actor(), |w| w.record_entry(new));
        assert!(
            got.is_ok(),
            "{case}: should be accepted, got {:?}",
            got.err()
        );
    }
}

#[test]
fn bad_targets_are_refused_and_write_nothing() {
    let mut f = with_tree();
    let ms = |pairs: &[(&str, f64)]| {
        pairs
            .iter()
            .map(|(on, v)| Milestone {
                due_on: d(on),
                value: *v,
            })
            .collect::<Vec<_>>()
    };
    let cases: Vec<(&str, NewTarget, &str, Option<&str>)> = vec![
        (
            "end before start",
            target("LIN", "A", "2024-12-31", "2024-01-01", 10.0),
            "period_reversed",
            Some("period_end"),
        ),
        (
            "starts before 2000",
            target("LIN", "A", "1999-01-01", "2024-12-31", 10.0),
            "date_out_of_range",
            Some("period_start"),
        ),
        (
            "ends more than ten years ahead",
            target("LIN", "A", "2024-01-01", "2035-01-01", 10.0),
            "date_out_of_range",
            Some("period_end"),
        ),
        (
            "negative target",
            target("LIN", "A", "2024-01-01", "2024-12-31", -5.0),
            "negative_value",
            Some("target"),
        ),
        (
            "fractional target of a count",
            target("LIN", "A", "2024-01-01", "2024-12-31", 10.5),
            "too_many_decimals",
            Some("target"),
        ),
        (
            "unknown indicator",
            target("NOPE", "A", "2024-01-01", "2024-12-31", 10.0),
            "unknown_indicator",
            Some("indicator"),
        ),
        (
            "unknown unit",
            target("LIN", "NOPE", "2024-01-01", "2024-12-31", 10.0),
            "unknown_unit",
            Some("unit"),
        ),
        (
            "milestone outside the period",
            NewTarget {
                milestones: ms(&[("2025-03-31", 5.0)]),
                ..target("QTR", "A", "2024-01-01", "2024-12-31", 10.0)
            },
            "date_out_of_range",
            Some("due_on"),
        ),
        (
            "milestone above the target",
            NewTarget {
                milestones: ms(&[("2024-03-31", 11.0)]),
                ..target("QTR", "A", "2024-01-01", "2024-12-31", 10.0)
            },
            "invalid",
            Some("due_on"),
        ),
        (
            "milestones falling",
            NewTarget {
                milestones: ms(&[("2024-03-31", 6.0), ("2024-06-30", 4.0)]),
                ..target("QTR", "A", "2024-01-01", "2024-12-31", 10.0)
            },
            "invalid",
            Some("due_on"),
        ),
        (
            "two milestones on one day",
            NewTarget {
                milestones: ms(&[("2024-03-31", 2.0), ("2024-03-31", 3.0)]),
                ..target("QTR", "A", "2024-01-01", "2024-12-31", 10.0)
            },
            "duplicate",
            None,
        ),
    ];
    for (case, new, code, field) in cases {
        refused(&mut f, case, code, field, |w| w.set_target(new).map(|_| ()));
    }
}

#[test]
fn duplicate_and_malformed_codes_are_refused_and_write_nothing() {
    let mut f = with_tree();
    let unit = |code: &str, name: &str, parent: Option<&str>| NewUnit {
        code: code.into(),
        name: name.into(),
        name_en: String::new(),
        kind: UnitKind::County,
        parent: parent.map(Into::into),
    };
    let indicator = |code: &str| NewIndicator {
        action: "advice".into(),
        code: code.into(),
        name: "新指标".into(),
        name_en: String::new(),
        measure: "条".into(),
        headline: false,
        decimals: 0,
        pacing: Pacing::Linear,
    };
    let action = |code: &str| NewAction {
        code: code.into(),
        name: "新行动".into(),
        name_en: String::new(),
        description: String::new(),
    };
    type Write = Box<dyn FnOnce(&mut taizhang_core::Writer<'_>) -> Result<(), LedgerError>>;
    let cases: Vec<(&str, Write, &str, Option<&str>)> = vec![
        (
            "action code taken",
            Box::new(move |w| w.add_action(action("advice")).map(|_| ())),
            "duplicate",
            None,
        ),
        (
            "indicator code taken",
            Box::new(move |w| w.add_indicator(indicator("LIN")).map(|_| ())),
            "duplicate",
            None,
        ),
        (
            "unit code taken",
            Box::new(move |w| w.add_unit(unit("A", "另一个区", Some("CITY"))).map(|_| ())),
            "duplicate",
            None,
        ),
        (
            "sibling with the same name",
            Box::new(move |w| w.add_unit(unit("A2", "甲区", Some("CITY"))).map(|_| ())),
            "duplicate",
            None,
        ),
        (
            "code with spaces",
            Box::new(move |w| w.add_indicator(indicator("L IN")).map(|_| ())),
            "invalid",
            Some("code"),
        ),
        (
            "code in Chinese",
            Box::new(move |w| w.add_action(action("行动")).map(|_| ())),
            "invalid",
            Some("code"),
        ),
        (
            "empty name",
            Box::new(move |w| w.add_unit(unit("E", "  ", Some("CITY"))).map(|_| ())),
            "invalid",
            Some("name"),
        ),
        (
            "unknown parent",
            Box::new(move |w| w.add_unit(unit("E", "新区", Some("NOPE"))).map(|_| ())),
            "unknown_unit",
            None,
        ),
        (
            "indicator of an unknown action",
            Box::new(move |w| {
                w.add_indicator(NewIndicator {
                    action: "nope".into(),
                    ..indicator("NEW")
                })
                .map(|_| ())
            }),
            "unknown_action",
            None,
        ),
        (
            "five decimal places",
            Box::new(move |w| {
                w.add_indicator(NewIndicator {
                    decimals: 5,
                    ..indicator("NEW")
                })
                .map(|_| ())
            }),
            "invalid",
            Some("decimals"),
        ),
        (
            "threshold above 1",
            Box::new(|w| {
                w.set_settings(Settings {
                    slightly_behind_threshold: 1.5,
                })
                .map(|_| ())
            }),
            "invalid",
            None,
        ),
    ];
    for (case, write, code, field) in cases {
        refused(&mut f, case, code, field, write);
    }
}

#[test]
fn a_write_is_all_or_nothing() {
    let mut f = with_tree();
    let before = f.counts();
    let got = f.ledger.write(&actor(), |w| {
        w.record_entry(entry("LIN", "A", "2024-03-01", 1.0))?;
        w.record_entry(entry("LIN", "B", "2024-03-02", 2.0))?;
        w.record_entry(entry("LIN", "B1", "2024-03-03", -3.0))
    });
    assert_eq!(
        got.err().map(|e| e.code()),
        Some("negative_value"),
        "the third entry is refused"
    );
    assert_eq!(
        f.counts(),
        before,
        "the first two entries must be rolled back with it"
    );
}

#[test]
fn changing_an_entry_checks_the_same_rules() {
    let mut f = with_tree();
    f.entry("LIN", "A", "2024-03-01", 4.0);
    let id = f.ledger.entries(&EntryFilter::default()).unwrap()[0]
        .id
        .clone();
    let cases: [(&str, EntryChange, &str); 3] = [
        (
            "negative",
            EntryChange {
                value: Some(-1.0),
                ..Default::default()
            },
            "negative_value",
        ),
        (
            "future date",
            EntryChange {
                occurred_on: Some(d("2030-01-01")),
                ..Default::default()
            },
            "date_out_of_range",
        ),
        (
            "unknown unit",
            EntryChange {
                unit: Some("NOPE".into()),
                ..Default::default()
            },
            "unknown_unit",
        ),
    ];
    for (case, change, code) in cases {
        refused(&mut f, case, code, None, |w| {
            w.update_entry(&id, change).map(|_| ())
        });
        let kept = f.ledger.entry(&id).unwrap();
        assert_eq!(
            (kept.value, kept.unit_id.clone()),
            (4.0, f.ledger.unit("A").unwrap().id),
            "{case}: the entry is unchanged"
        );
    }
    // Lowering an indicator's decimals below recorded values is refused too.
    f.entry("AMT", "A", "2024-03-01", 1.25);
    refused(
        &mut f,
        "fewer decimals than recorded",
        "invalid",
        Some("decimals"),
        |w| {
            w.change_indicator(
                "AMT",
                IndicatorChange {
                    decimals: Some(1),
                    ..Default::default()
                },
            )
            .map(|_| ())
        },
    );
}

#[test]
fn typed_dates_and_quarters_are_parsed_or_refused_with_a_code() {
    let dates = [
        ("2024-02-29", Some("2024-02-29")),
        ("2023-02-29", None),
        ("2024年6月30日", Some("2024-06-30")),
        ("2024-13-01", None),
        ("昨天", None),
    ];
    for (text, want) in dates {
        let got = validate::parse_date(text);
        match want {
            Some(w) => assert_eq!(got.as_ref().ok(), Some(&d(w)), "{text:?}: got {got:?}"),
            None => assert_eq!(
                got.as_ref().err().map(|e| e.code()),
                Some("bad_date"),
                "{text:?}: got {got:?}"
            ),
        }
    }
    let quarters = [
        ("2024Q2", Some((2024, 2))),
        ("2024年第三季度", Some((2024, 3))),
        ("2024Q5", None),
        ("Q2", None),
        ("2024", None),
    ];
    for (text, want) in quarters {
        let got = Quarter::parse(text).map(|q| (q.year(), q.q()));
        assert_eq!(got, want, "{text:?}: got {got:?}, want {want:?}");
    }
}
