//! Lag reasons and measures (滞后原因、整改措施): one note per indicator, unit and quarter,
//! replaced when written again, checked before anything is written.

mod export_support;

use export_support::{actor, q2, sample};
use taizhang_core::export::{LagNoteFilter, NewLagNote};
use taizhang_core::Quarter;

fn note(
    indicator: &str,
    unit: Option<&str>,
    quarter: Quarter,
    reason: &str,
    measures: &str,
) -> NewLagNote {
    NewLagNote {
        indicator: indicator.into(),
        unit: unit.map(Into::into),
        quarter,
        reason: reason.into(),
        measures: measures.into(),
    }
}

#[test]
fn writing_again_replaces_the_text_and_keeps_the_note() {
    let mut s = sample();
    let first = s
        .ledger
        .write(&actor(), |w| {
            w.set_lag_note(note("MQ10", None, q2(), "原因一", ""))
        })
        .expect("first note");
    assert_eq!(first.unit, "临沂市", "no unit means the city");
    assert_eq!(first.indicator, "企业、资本路演活动", "indicator by code");
    let second = s
        .ledger
        .write(&actor(), |w| {
            w.set_lag_note(note(
                "企业、资本路演活动",
                Some("371300"),
                q2(),
                " 原因二 ",
                "措施二",
            ))
        })
        .expect("second note");
    assert_eq!(
        second.id, first.id,
        "same indicator, unit and quarter: same note"
    );
    assert_eq!(
        (second.reason.as_str(), second.measures.as_str()),
        ("原因二", "措施二"),
        "text replaced, trimmed"
    );
    assert_eq!(second.created_at, first.created_at, "created stamp kept");
    s.ledger
        .write(&actor(), |w| {
            w.set_lag_note(note("MQ10", Some("兰山区"), q2(), "县区原因", ""))
        })
        .expect("a county's note");
    // (filter, how many)
    let cases = [
        (LagNoteFilter::default(), 2),
        (
            LagNoteFilter {
                quarter: Some(q2()),
                ..Default::default()
            },
            2,
        ),
        (
            LagNoteFilter {
                quarter: Some(Quarter::new(2024, 1).unwrap()),
                ..Default::default()
            },
            0,
        ),
        (
            LagNoteFilter {
                unit: Some("兰山区".into()),
                ..Default::default()
            },
            1,
        ),
        (
            LagNoteFilter {
                indicator: Some("MQ10".into()),
                ..Default::default()
            },
            2,
        ),
    ];
    for (filter, want) in cases {
        let got = s.ledger.lag_notes(&filter).expect("list").len();
        assert_eq!(got, want, "{filter:?}");
    }
    s.ledger
        .write(&actor(), |w| w.delete_lag_note(&first.id))
        .expect("delete");
    assert_eq!(
        s.ledger.lag_notes(&LagNoteFilter::default()).unwrap().len(),
        1,
        "one left after delete"
    );
}

#[test]
fn bad_notes_are_refused_and_write_nothing() {
    let mut s = sample();
    let long = "很".repeat(5001);
    // (note, expected code, field)
    let cases = [
        (
            note("MQ10", None, q2(), "", "  "),
            "invalid",
            Some("reason"),
        ),
        (
            note("MQ10", None, q2(), &long, ""),
            "too_long",
            Some("reason"),
        ),
        (
            note("MQ10", None, q2(), "", &long),
            "too_long",
            Some("measures"),
        ),
        (
            note("MQ10", None, Quarter::new(2024, 4).unwrap(), "原因", ""),
            "invalid",
            Some("quarter"),
        ),
        (
            note("MQ10", None, Quarter::new(1999, 4).unwrap(), "原因", ""),
            "bad_quarter",
            None,
        ),
        (
            note("没有这个指标", None, q2(), "原因", ""),
            "unknown_indicator",
            Some("indicator"),
        ),
        (
            note("MQ10", Some("没有这个单位"), q2(), "原因", ""),
            "unknown_unit",
            Some("unit"),
        ),
    ];
    for (n, code, field) in cases {
        let err = s
            .ledger
            .write(&actor(), |w| w.set_lag_note(n.clone()))
            .expect_err("refused");
        assert_eq!((err.code(), err.field()), (code, field), "{n:?}: {err}");
    }
    assert!(
        s.ledger
            .lag_notes(&LagNoteFilter::default())
            .unwrap()
            .is_empty(),
        "nothing written"
    );
    let err = s
        .ledger
        .write(&actor(), |w| w.delete_lag_note("no-such-id"))
        .expect_err("unknown id");
    assert_eq!(err.code(), "not_found", "{err}");
}
