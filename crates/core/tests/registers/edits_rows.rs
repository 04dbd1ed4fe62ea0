//! Editing cooperation projects and activity rows: every field under the rules of adding,
//! refusals write nothing, derived counts and sums follow the edit.

use crate::common::*;
use crate::edits::updated_by;

fn project(pairing: &str, name: &str, investment: Option<f64>) -> NewProject {
    NewProject {
        pairing: pairing.into(),
        name: name.into(),
        kind: Default::default(),
        agreed_on: d("2024-03-01"),
        investment,
        status: Default::default(),
        beneficiaries: None,
    }
}

#[test]
fn editing_a_project_moves_its_counts_and_sums() {
    let mut f = fixture();
    let a = pair(
        &mut f,
        new_ent("甲公司", None),
        new_vil("一村", "ls"),
        "2024-01-10",
    )
    .unwrap();
    let b = pair(
        &mut f,
        new_ent("乙公司", None),
        new_vil("二村", "yn"),
        "2024-01-10",
    )
    .unwrap();
    let actor = f.actor.clone();
    // A derived count of the completed projects only.
    let x = f
        .ledger
        .write(&actor, |w| {
            w.add_indicator(NewIndicator {
                action: "prosperity".into(),
                code: "DONE".into(),
                name: "完成项目".into(),
                name_en: String::new(),
                measure: "个".into(),
                headline: false,
                decimals: 0,
                pacing: Pacing::Linear,
            })?;
            w.set_derivation(
                "DONE",
                Some(Derivation {
                    source: DerivedSource::CoopProject,
                    register: None,
                    measure: Measure::Count,
                    field: None,
                    status: Some("completed".into()),
                    match_field: None,
                    match_value: None,
                }),
            )?;
            w.add_project(project(&a.id, "产业项目", Some(100.0)))
        })
        .unwrap();
    use taizhang_core::register::project::{ProjectKind, ProjectStatus};
    // (what, change, DONE in the city, INV in 兰山, INV in 沂南, PRJ as of 2024-06-30)
    let cases = [
        (
            "completed",
            NewProject {
                status: ProjectStatus::Completed,
                ..project(&a.id, "产业项目", Some(100.0))
            },
            1.0,
            100.0,
            0.0,
            1.0,
        ),
        (
            "more invested, agreed later, a 就业 project",
            NewProject {
                status: ProjectStatus::Completed,
                kind: ProjectKind::Employment,
                agreed_on: d("2024-09-01"),
                beneficiaries: Some(30),
                ..project(&a.id, "就业项目", Some(150.5))
            },
            1.0,
            150.5,
            0.0,
            0.0,
        ),
        (
            "moved to 乙's pairing in 沂南, back to 实施中",
            NewProject {
                status: ProjectStatus::InProgress,
                ..project(&b.id, "就业项目", Some(150.5))
            },
            0.0,
            0.0,
            150.5,
            1.0,
        ),
    ];
    let editor = Actor::named("editor");
    for (what, change, done, inv_ls, inv_yn, prj_june) in cases {
        let want = change.clone();
        let got = f
            .ledger
            .write(&editor, |w| w.update_project(&x.id, change))
            .unwrap();
        assert_eq!(
            (
                got.id.as_str(),
                got.pairing_id.as_str(),
                got.name.as_str(),
                got.kind,
                got.agreed_on
            ),
            (
                x.id.as_str(),
                want.pairing.as_str(),
                want.name.as_str(),
                want.kind,
                want.agreed_on
            ),
            "{what}: the fields as changed"
        );
        assert_eq!(
            (got.investment, got.status, got.beneficiaries),
            (want.investment, want.status, want.beneficiaries),
            "{what}"
        );
        let figures = [
            ("DONE", None, "2024-12-31", done),
            ("INV", Some("ls"), "2024-12-31", inv_ls),
            ("INV", Some("yn"), "2024-12-31", inv_yn),
            ("PRJ", None, "2024-06-30", prj_june),
        ];
        for (code, unit, as_of, want) in figures {
            let got = completed(&f, code, unit, as_of);
            assert_eq!(
                got, want,
                "{what}: {code} {unit:?} as of {as_of}: want {want}, got {got}"
            );
        }
    }
    let counts = |f: &Fixture| {
        (
            f.ledger.pairing(&a.id).unwrap().projects,
            f.ledger.pairing(&b.id).unwrap().projects,
        )
    };
    assert_eq!(
        counts(&f),
        (0, 1),
        "the project moved from 甲's pairing to 乙's"
    );
    assert_eq!(updated_by(&f, "coop_project", &x.id), "editor", "stamped");

    // (what, id, change, expected code, expected field)
    let cases = [
        (
            "negative investment",
            x.id.as_str(),
            project(&b.id, "就业项目", Some(-1.0)),
            "negative_value",
            Some("investment"),
        ),
        (
            "five decimals (one 元 is 0.0001 万元)",
            &x.id,
            project(&b.id, "就业项目", Some(1.00005)),
            "too_many_decimals",
            Some("investment"),
        ),
        (
            "an empty name",
            &x.id,
            project(&b.id, "  ", None),
            "invalid",
            Some("name"),
        ),
        (
            "an unknown pairing",
            &x.id,
            project("nope", "就业项目", None),
            "not_found",
            None,
        ),
        (
            "agreed in the future",
            &x.id,
            NewProject {
                agreed_on: d("2025-01-05"),
                ..project(&b.id, "就业项目", None)
            },
            "date_out_of_range",
            Some("agreed_on"),
        ),
        (
            "an unknown project",
            "nope",
            project(&b.id, "就业项目", None),
            "not_found",
            None,
        ),
    ];
    let before = f.ledger.project(&x.id).unwrap();
    for (what, id, change, code, field) in cases {
        let err = f
            .ledger
            .write(&editor, |w| w.update_project(id, change))
            .expect_err(what);
        assert_eq!(
            (err.code(), err.field()),
            (code, field),
            "{what}: got {err}"
        );
        let after = f.ledger.project(&x.id).unwrap();
        assert_eq!(after, before, "{what}: the project is unchanged");
    }
}

#[test]
fn editing_an_activity_row_checks_every_field_and_moves_the_sum() {
    let mut f = fixture();
    let actor = f.actor.clone();
    f.ledger
        .write(&actor, |w| {
            w.add_register_type(NewRegisterType {
                code: "training".into(),
                action: "enterprise".into(),
                name: "企业家培训".into(),
                name_en: String::new(),
                fields: vec![FieldDef {
                    key: "participants".into(),
                    label: "培训人次".into(),
                    label_en: String::new(),
                    kind: FieldKind::Count,
                    options: vec![],
                    required: true,
                }],
                statuses: vec![
                    StatusDef {
                        key: "planned".into(),
                        label: "计划".into(),
                        label_en: String::new(),
                    },
                    StatusDef {
                        key: "held".into(),
                        label: "已举办".into(),
                        label_en: String::new(),
                    },
                ],
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
                    status: Some("held".into()),
                    match_field: None,
                    match_value: None,
                }),
            )
        })
        .unwrap();
    let row = |n: serde_json::Value, status: &str, unit: &str| NewRegisterRow {
        register: "training".into(),
        occurred_on: d("2024-04-01"),
        unit: unit.into(),
        title: "培训班".into(),
        status: Some(status.into()),
        data: serde_json::from_value(serde_json::json!({ "participants": n })).unwrap(),
    };
    let r = f
        .ledger
        .write(&actor, |w| {
            w.add_register_row(row(40.into(), "planned", "ls"))
        })
        .unwrap();
    assert_eq!(
        completed(&f, "TRN", None, "2024-12-31"),
        0.0,
        "a planned training counts nothing"
    );
    // (what, change, TRN in the city, TRN in 沂南)
    let cases = [
        ("held", row(40.into(), "held", "ls"), 40.0, 0.0),
        (
            "more people, in 沂南",
            row(55.into(), "held", "yn"),
            55.0,
            55.0,
        ),
    ];
    let editor = Actor::named("editor");
    for (what, change, city, yn) in cases {
        f.ledger
            .write(&editor, |w| w.update_register_row(&r.id, change))
            .unwrap();
        let got = (
            completed(&f, "TRN", None, "2024-12-31"),
            completed(&f, "TRN", Some("yn"), "2024-12-31"),
        );
        assert_eq!(got, (city, yn), "{what}: TRN (city, 沂南)");
    }
    assert_eq!(updated_by(&f, "register_row", &r.id), "editor", "stamped");

    let other_type = NewRegisterRow {
        register: "nope".into(),
        ..row(5.into(), "held", "ls")
    };
    // (what, id, change, expected code, expected field)
    let cases = [
        (
            "a negative count",
            r.id.as_str(),
            row((-3).into(), "held", "ls"),
            "invalid_field",
            Some("participants"),
        ),
        (
            "a fraction of a person",
            &r.id,
            row(2.5.into(), "held", "ls"),
            "invalid_field",
            Some("participants"),
        ),
        (
            "an unknown status",
            &r.id,
            row(5.into(), "cancelled", "ls"),
            "invalid",
            Some("status"),
        ),
        (
            "an empty title",
            &r.id,
            NewRegisterRow {
                title: " ".into(),
                ..row(5.into(), "held", "ls")
            },
            "invalid",
            Some("title"),
        ),
        ("an unknown register", &r.id, other_type, "not_found", None),
        (
            "an unknown row",
            "nope",
            row(5.into(), "held", "ls"),
            "not_found",
            None,
        ),
    ];
    let before = f.ledger.register_row(&r.id).unwrap();
    for (what, id, change, code, field) in cases {
        let err = f
            .ledger
            .write(&editor, |w| w.update_register_row(id, change))
            .expect_err(what);
        assert_eq!(
            (err.code(), err.field()),
            (code, field),
            "{what}: got {err}"
        );
        assert_eq!(
            f.ledger.register_row(&r.id).unwrap(),
            before,
            "{what}: the row is unchanged"
        );
    }
    let total = f
        .ledger
        .register_rows(&RegisterFilter {
            register: "training".into(),
            ..Default::default()
        })
        .unwrap()
        .total;
    assert_eq!(total, 1, "edits add no row: got {total}");
}
