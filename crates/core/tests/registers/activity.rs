//! Activity registers and the sample's registers.

use crate::common::*;

#[test]
fn activity_registers_validate_fields_and_derive_sums() {
    let mut f = fixture();
    let actor = f.actor.clone();
    f.ledger
        .write(&actor, |w| {
            w.add_register_type(NewRegisterType {
                code: "training".into(),
                action: "enterprise".into(),
                name: "企业家培训".into(),
                name_en: String::new(),
                fields: vec![
                    FieldDef {
                        key: "participants".into(),
                        label: "培训人次".into(),
                        label_en: String::new(),
                        kind: FieldKind::Count,
                        options: vec![],
                        required: true,
                    },
                    FieldDef {
                        key: "form".into(),
                        label: "形式".into(),
                        label_en: String::new(),
                        kind: FieldKind::Choice,
                        options: vec!["线上".into(), "线下".into()],
                        required: false,
                    },
                ],
                statuses: vec![StatusDef {
                    key: "held".into(),
                    label: "已举办".into(),
                    label_en: String::new(),
                }],
            })?;
            w.add_indicator(NewIndicator {
                action: "enterprise".into(),
                code: "TRN".into(),
                name: "培训企业家".into(),
                name_en: String::new(),
                measure: "人次".into(),
                headline: false,
                decimals: 0,
                pacing: Pacing::Linear,
            })?;
            w.set_derivation(
                "TRN",
                Some(Derivation {
                    source: DerivedSource::Register,
                    register: Some("training".into()),
                    measure: Measure::Sum,
                    field: Some("participants".into()),
                    status: None,
                    match_field: Some("form".into()),
                    match_value: Some("线下".into()),
                }),
            )
        })
        .unwrap();
    let row = |data: serde_json::Value, status: Option<&str>| NewRegisterRow {
        register: "training".into(),
        occurred_on: d("2024-04-01"),
        unit: "ls".into(),
        title: "培训班".into(),
        status: status.map(Into::into),
        data: serde_json::from_value(data).unwrap(),
    };
    // (row, expected error code or None when accepted)
    let cases = [
        (
            row(
                serde_json::json!({"participants": 40, "form": "线下"}),
                Some("held"),
            ),
            None,
        ),
        (
            row(
                serde_json::json!({"participants": "25", "form": "线下"}),
                Some("held"),
            ),
            None,
        ),
        (
            row(
                serde_json::json!({"participants": 30, "form": "线上"}),
                Some("held"),
            ),
            None,
        ),
        (
            row(serde_json::json!({"participants": -3}), Some("held")),
            Some(("invalid_field", Some("participants"))),
        ),
        (
            row(serde_json::json!({"participants": 2.5}), Some("held")),
            Some(("invalid_field", Some("participants"))),
        ),
        (
            row(
                serde_json::json!({"participants": 5, "form": "函授"}),
                Some("held"),
            ),
            Some(("invalid_field", Some("form"))),
        ),
        (
            row(
                serde_json::json!({"participants": 5, "teacher": "x"}),
                Some("held"),
            ),
            Some(("invalid_field", Some("teacher"))),
        ),
        (
            row(serde_json::json!({"form": "线下"}), Some("held")),
            Some(("invalid_field", Some("participants"))),
        ),
        (
            row(serde_json::json!({"participants": 5}), Some("planned")),
            Some(("invalid", Some("status"))),
        ),
    ];
    for (new, want) in cases {
        let label = format!("{:?} {:?}", new.data, new.status);
        let got = f
            .ledger
            .write(&actor, |w| w.add_register_row(new))
            .err()
            .map(|e| (e.code(), e.field().map(str::to_string)));
        let want =
            want.map(|(code, field): (&str, Option<&str>)| (code, field.map(str::to_string)));
        assert_eq!(got, want, "{label}");
    }
    let rows = f
        .ledger
        .register_rows(&RegisterFilter {
            register: "training".into(),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(rows.total, 3, "only the valid rows were written");
    assert_eq!(
        completed(&f, "TRN", None, "2024-06-30"),
        65.0,
        "sum of participants of 线下 trainings"
    );
    let offline = f
        .ledger
        .register_rows(&RegisterFilter {
            register: "training".into(),
            match_field: Some("form".into()),
            match_value: Some("线下".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(offline.total, 2, "drill-down filter on a field");
}

#[test]
fn sample_registers_give_the_release_totals() {
    let dir = tempfile::tempdir().unwrap();
    let mut ledger = Ledger::open(&dir.path().join("sample.db")).unwrap();
    sample::load(&mut ledger, &Actor::named("test"), false).unwrap();
    let rows = ledger
        .progress(&ProgressQuery::city(sample::as_of()))
        .unwrap();
    // (indicator code, release figure)
    for (code, want) in [
        ("GF01", 4221.0),
        ("GF02", 3702.0),
        ("GF03", 4492.0),
        ("MQ03", 1234.0),
        ("MQ04", 201.0),
        ("MQ08", 1400.0),
        ("JY06", 1100.0),
        ("JY07", 630.0),
        ("CX01", 132.0),
        ("MQ10", 24.0),
    ] {
        let row = rows.iter().find(|r| r.indicator_code == code).unwrap();
        assert!(
            row.derivation.is_some(),
            "{code} is derived from a register"
        );
        assert_eq!(row.completed, want, "{code} {}", row.indicator);
    }
    let enterprises = ledger
        .enterprises(&EnterpriseFilter {
            limit: Some(1),
            ..Default::default()
        })
        .unwrap()
        .total;
    assert_eq!(enterprises, 4221, "every sample enterprise is paired");
    let ended = ledger
        .pairings(&PairingFilter {
            status: Some(PairingStatus::Ended),
            limit: Some(1),
            ..Default::default()
        })
        .unwrap()
        .total;
    assert!(
        ended > 0,
        "the sample has ended pairings that the distinct count ignores"
    );
    let removed = sample::remove(&mut ledger, &Actor::named("test")).unwrap();
    assert!(
        removed.registers > 10_000,
        "removal took the register rows: {removed:?}"
    );
    assert_eq!(
        ledger
            .enterprises(&EnterpriseFilter::default())
            .unwrap()
            .total,
        0,
        "sample enterprises removed"
    );
}

#[test]
fn a_register_types_keys_are_checked_when_it_is_made() {
    let mut f = fixture();
    let actor = f.actor.clone();
    let field = |key: &str| FieldDef {
        key: key.into(),
        label: "人次".into(),
        label_en: String::new(),
        kind: FieldKind::Count,
        options: vec![],
        required: false,
    };
    let status = |key: &str| StatusDef {
        key: key.into(),
        label: "已举办".into(),
        label_en: String::new(),
    };
    // (fields' keys, statuses' keys, the field the error names, or None when accepted)
    let cases: [(&[&str], &[&str], Option<&str>); 9] = [
        (&["participants", "hours_2"], &["held"], None),
        (&["x') OR 1=1 --"], &[], Some("fields")),
        (&["a.b"], &[], Some("fields")),
        (&["a[0]"], &[], Some("fields")),
        (&["2nd"], &[], Some("fields")),
        (&["培训人次"], &[], Some("fields")),
        (&[""], &[], Some("fields")),
        (&["n", "n"], &[], Some("fields")),
        (&["n"], &["held'"], Some("statuses")),
    ];
    for (i, (keys, statuses, refused)) in cases.into_iter().enumerate() {
        let code = format!("t{i}");
        let got = f.ledger.write(&actor, |w| {
            w.add_register_type(NewRegisterType {
                code: code.clone(),
                action: "enterprise".into(),
                name: format!("台账{i}"),
                name_en: String::new(),
                fields: keys.iter().map(|k| field(k)).collect(),
                statuses: statuses.iter().map(|k| status(k)).collect(),
            })
        });
        match (refused, got) {
            (None, Ok(_)) => {}
            (Some(field), Err(e)) => {
                assert_eq!(
                    (e.code(), e.field()),
                    ("invalid", Some(field)),
                    "{keys:?}: {e}"
                );
            }
            (want, got) => panic!("{keys:?} {statuses:?}: want refused by {want:?}, got {got:?}"),
        }
    }
    assert_eq!(
        f.ledger
            .register_types()
            .unwrap()
            .iter()
            .filter(|t| t.code.len() == 2 && t.code.starts_with('t'))
            .count(),
        1,
        "only the valid type was made"
    );
}
