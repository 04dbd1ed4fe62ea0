//! Enterprises, villages, pairings and projects: duplicates, check digits, distinct
//! counting, filters, derived pacing, search and trend.

use crate::common::*;

#[test]
fn credit_codes_are_checked_and_nothing_is_written_on_error() {
    let mut f = fixture();
    let cases = [
        ("91350100M000100Y44", "bad_credit_code"),
        ("9135010", "bad_credit_code"),
        ("91350100M000100I43", "bad_credit_code"),
    ];
    for (code, want) in cases {
        let err = pair(
            &mut f,
            new_ent("临沂甲公司", Some(code)),
            new_vil("东王庄村", "ls"),
            "2024-03-05",
        )
        .unwrap_err();
        assert_eq!(err.code(), want, "credit code {code}: got {err}");
        assert_eq!(
            count(&f, "enterprise"),
            0,
            "a refused pairing wrote its enterprise"
        );
    }
    pair(
        &mut f,
        new_ent("临沂甲公司", Some("91350100M000100Y43")),
        new_vil("东王庄村", "ls"),
        "2024-03-05",
    )
    .unwrap();
    assert_eq!(count(&f, "enterprise"), 1);
}

#[test]
fn duplicates_are_refused() {
    let mut f = fixture();
    pair(
        &mut f,
        new_ent("临沂恒信木业有限公司", Some("91350100M000100Y43")),
        new_vil("东王庄村", "ls"),
        "2024-03-05",
    )
    .unwrap();
    pair(
        &mut f,
        new_ent("临沂金源食品有限公司", None),
        new_vil("西李村", "ls"),
        "2024-03-05",
    )
    .unwrap();
    // (enterprise, village, expected error code or None when accepted)
    let cases: [(EnterpriseRef, VillageRef, Option<&str>); 5] = [
        (
            new_ent("另一个名字", Some("91350100M000100Y43")),
            new_vil("南张村", "ls"),
            Some("duplicate"),
        ),
        (
            new_ent(" 临沂金源食品 有限公司 ", None),
            new_vil("北刘村", "ls"),
            Some("duplicate"),
        ),
        (
            new_ent("临沂金源食品（有限公司）", None),
            new_vil("北刘村", "ls"),
            None,
        ),
        (
            new_ent("新企业", None),
            new_vil("东王庄村", "ls"),
            Some("duplicate"),
        ),
        (new_ent("新企业", None), new_vil("东王庄村", "yn"), None),
    ];
    for (e, v, want) in cases {
        let label = format!("{e:?} / {v:?}");
        let got = pair(&mut f, e, v, "2024-03-06").err().map(|e| e.code());
        assert_eq!(got, want, "{label}");
    }
    // The same pair twice.
    let p = f.ledger.pairings(&PairingFilter::default()).unwrap().rows[0].clone();
    let again = pair(
        &mut f,
        EnterpriseRef::Existing {
            id: p.enterprise_id,
        },
        VillageRef::Existing { id: p.village_id },
        "2024-04-01",
    );
    assert_eq!(
        again.err().map(|e| e.code()),
        Some("duplicate"),
        "the same enterprise–village pair twice"
    );
}

#[test]
fn distinct_counts_roll_up_without_double_counting() {
    let mut f = fixture();
    let a = pair(
        &mut f,
        new_ent("甲公司", None),
        new_vil("一村", "ls"),
        "2024-02-01",
    )
    .unwrap();
    // The same enterprise pairs a village in another county, and a second enterprise the first village.
    pair(
        &mut f,
        EnterpriseRef::Existing {
            id: a.enterprise_id.clone(),
        },
        new_vil("二村", "yn"),
        "2024-03-01",
    )
    .unwrap();
    pair(
        &mut f,
        new_ent("乙公司", None),
        VillageRef::Existing {
            id: a.village_id.clone(),
        },
        "2024-05-01",
    )
    .unwrap();
    // (indicator, scope, as of, expected)
    let cases = [
        ("ENT", None, "2024-06-30", 2.0),
        ("VIL", None, "2024-06-30", 2.0),
        ("ENT", Some("ls"), "2024-06-30", 2.0),
        ("ENT", Some("yn"), "2024-06-30", 1.0),
        ("ENT", None, "2024-02-15", 1.0),
        ("VIL", None, "2024-03-15", 2.0),
        ("ENT", None, "2024-01-31", 0.0),
    ];
    for (code, unit, as_of, want) in cases {
        let got = completed(&f, code, unit, as_of);
        assert_eq!(got, want, "{code} in {unit:?} as of {as_of}");
    }
    // Ending the enterprise's first pairing keeps it counted through its second one;
    // ending the second enterprise's only pairing removes it.
    let b = f
        .ledger
        .pairings(&PairingFilter {
            search: Some("乙公司".into()),
            ..Default::default()
        })
        .unwrap()
        .rows[0]
        .clone();
    let actor = f.actor.clone();
    f.ledger
        .write(&actor, |w| {
            w.set_pairing_status(&a.id, PairingStatus::Ended)
        })
        .unwrap();
    assert_eq!(
        completed(&f, "ENT", None, "2024-06-30"),
        2.0,
        "甲 still has an active pairing"
    );
    f.ledger
        .write(&actor, |w| {
            w.set_pairing_status(&b.id, PairingStatus::Ended)
        })
        .unwrap();
    assert_eq!(
        completed(&f, "ENT", None, "2024-06-30"),
        1.0,
        "乙's only pairing ended"
    );
    assert_eq!(
        completed(&f, "VIL", None, "2024-06-30"),
        1.0,
        "一村's pairings have both ended"
    );
    let active = f
        .ledger
        .pairings(&PairingFilter {
            status: Some(PairingStatus::Active),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(active.total, 1, "status filter on the register");
    let dated = f
        .ledger
        .pairings(&PairingFilter {
            from: Some(d("2024-02-15")),
            to: Some(d("2024-04-30")),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(dated.total, 1, "date filter on the register");
}

#[test]
fn projects_count_and_sum_with_pacing() {
    let mut f = fixture();
    let p = pair(
        &mut f,
        new_ent("甲公司", None),
        new_vil("一村", "ls"),
        "2024-01-10",
    )
    .unwrap();
    let actor = f.actor.clone();
    for (name, agreed, investment) in [
        ("产业项目", "2024-02-01", Some(120.5)),
        ("就业项目", "2024-05-01", Some(30.25)),
        ("公益项目", "2024-08-01", None),
    ] {
        f.ledger
            .write(&actor, |w| {
                w.add_project(NewProject {
                    pairing: p.id.clone(),
                    name: name.into(),
                    kind: Default::default(),
                    agreed_on: d(agreed),
                    investment,
                    status: Default::default(),
                    beneficiaries: None,
                })
            })
            .unwrap();
    }
    let bad = f.ledger.write(&actor, |w| {
        w.add_project(NewProject {
            pairing: p.id.clone(),
            name: "坏".into(),
            kind: Default::default(),
            agreed_on: d("2024-03-01"),
            investment: Some(-1.0),
            status: Default::default(),
            beneficiaries: None,
        })
    });
    assert_eq!(
        bad.err().map(|e| e.code()),
        Some("negative_value"),
        "negative investment"
    );
    assert_eq!(
        f.ledger.projects(&ProjectFilter::default()).unwrap().total,
        3,
        "the refused project was not written"
    );
    assert_eq!(completed(&f, "PRJ", None, "2024-06-30"), 2.0);
    assert_eq!(completed(&f, "INV", None, "2024-06-30"), 150.75);
    // A target on a derived indicator paces like any other.
    f.ledger
        .write(&actor, |w| {
            w.set_target(NewTarget {
                indicator: "PRJ".into(),
                unit: "city".into(),
                period: Period {
                    start: d("2024-01-01"),
                    end: d("2024-12-31"),
                },
                value: 4.0,
                milestones: vec![],
                replace_overlapping: false,
            })
        })
        .unwrap();
    let row = f
        .ledger
        .progress(&ProgressQuery {
            indicator: Some("PRJ".into()),
            ..ProgressQuery::city(d("2024-06-30"))
        })
        .unwrap()
        .remove(0);
    assert_eq!(row.target, Some(4.0));
    assert!(
        (row.expected.unwrap() - 4.0 * 182.0 / 366.0).abs() < 0.01,
        "expected by pace: {:?}",
        row.expected
    );
    assert_eq!(
        row.status,
        Status::OnPace,
        "2 done of 4 with 1.99 expected: {row:?}"
    );
    assert!(row.derivation.is_some(), "the row says it is derived");
    // Typing a figure for a derived indicator is refused.
    let typed = f.ledger.write(&actor, |w| {
        w.record_entry(NewEntry {
            indicator: "PRJ".into(),
            unit: "ls".into(),
            occurred_on: d("2024-03-01"),
            value: 1.0,
            note: String::new(),
        })
    });
    assert_eq!(typed.err().map(|e| e.code()), Some("derived_indicator"));
}

#[test]
fn finding_the_enterprise_or_village_a_clerk_means() {
    let mut f = fixture();
    let code = "91350100M000100Y43";
    let other_code = register::credit_code::with_check("91371302MA3C12345").unwrap();
    pair(
        &mut f,
        new_ent("临沂恒信木业有限公司", Some(code)),
        new_vil("东王庄村", "ls"),
        "2024-03-05",
    )
    .unwrap();
    pair(
        &mut f,
        new_ent("临沂金源食品有限公司", None),
        new_vil("西李村", "ls"),
        "2024-03-05",
    )
    .unwrap();
    // (name, credit code, the enterprise found: Ok(name or None) or Err(code))
    type Case<'a> = (&'a str, Option<&'a str>, Result<Option<&'a str>, &'a str>);
    let cases: [Case; 7] = [
        ("另一个名字", Some(code), Ok(Some("临沂恒信木业有限公司"))),
        (
            "另一个名字",
            Some(" 91350100m000100y43 "),
            Ok(Some("临沂恒信木业有限公司")),
        ),
        (
            " 临沂金源食品 有限公司 ",
            None,
            Ok(Some("临沂金源食品有限公司")),
        ),
        (
            "临沂金源食品有限公司",
            Some(other_code.as_str()),
            Ok(Some("临沂金源食品有限公司")),
        ),
        ("临沂恒信木业有限公司", Some(other_code.as_str()), Ok(None)),
        ("没有登记的企业", None, Ok(None)),
        (
            "没有登记的企业",
            Some("91350100M000100Y44"),
            Err("bad_credit_code"),
        ),
    ];
    for (name, credit_code, want) in cases {
        let got = f
            .ledger
            .find_enterprise(name, credit_code)
            .map(|e| e.map(|e| e.name))
            .map_err(|e| e.code());
        let got = got.as_ref().map(|e| e.as_deref()).map_err(|c| *c);
        assert_eq!(got, want, "find_enterprise({name:?}, {credit_code:?})");
    }
    // (county, township, name, the village found: Ok(found?) or Err(code))
    let villages: [(&str, &str, &str, Result<bool, &str>); 5] = [
        ("ls", "马厂湖镇", "东王庄村", Ok(true)),
        ("兰山区", " 马厂湖镇 ", "东王庄村", Ok(true)),
        ("yn", "马厂湖镇", "东王庄村", Ok(false)),
        ("ls", "另一个镇", "东王庄村", Ok(false)),
        ("火星市", "马厂湖镇", "东王庄村", Err("unknown_unit")),
    ];
    for (county, township, name, want) in villages {
        let got = f
            .ledger
            .find_village(county, township, name)
            .map(|v| v.is_some())
            .map_err(|e| e.code());
        assert_eq!(
            got, want,
            "find_village({county:?}, {township:?}, {name:?})"
        );
    }
    // Inside a write, the same answers.
    let actor = f.actor.clone();
    let found = f
        .ledger
        .write(&actor, |w| {
            Ok((
                w.find_enterprise("临沂金源食品有限公司", None)?.is_some(),
                w.find_village("ls", "马厂湖镇", "西李村")?.is_some(),
            ))
        })
        .unwrap();
    assert_eq!(found, (true, true), "find inside a write");
}

#[test]
fn search_finds_names_typed_in_full_or_half_width() {
    let mut f = fixture();
    pair(
        &mut f,
        new_ent("测试结对企业（端到端）", None),
        new_vil("一村", "ls"),
        "2024-02-01",
    )
    .unwrap();
    // (search text, pairings found)
    let cases = [
        ("测试结对企业（端到端）", 1),
        ("测试结对企业(端到端)", 1),
        ("结对企业 （端到端）", 1),
        ("一村", 1),
        ("别的企业", 0),
    ];
    for (search, want) in cases {
        let got = f
            .ledger
            .pairings(&PairingFilter {
                search: Some(search.into()),
                ..Default::default()
            })
            .unwrap()
            .total;
        assert_eq!(got, want, "searching {search:?}");
    }
}

#[test]
fn trend_of_a_distinct_count_ends_at_the_distinct_total() {
    let mut f = fixture();
    let a = pair(
        &mut f,
        new_ent("甲公司", None),
        new_vil("一村", "ls"),
        "2024-02-01",
    )
    .unwrap();
    // The same enterprise pairs again in a later quarter: still one enterprise.
    pair(
        &mut f,
        EnterpriseRef::Existing {
            id: a.enterprise_id.clone(),
        },
        new_vil("二村", "yn"),
        "2024-05-01",
    )
    .unwrap();
    pair(
        &mut f,
        new_ent("乙公司", None),
        new_vil("三村", "yn"),
        "2024-05-02",
    )
    .unwrap();
    let q = TrendQuery {
        indicator: "ENT".into(),
        unit: None,
        as_of: d("2024-06-30"),
        granularity: Granularity::Quarter,
    };
    let points = f.ledger.trend(&q).unwrap();
    let last = points.last().unwrap();
    assert_eq!(
        last.cumulative, 2.0,
        "two distinct enterprises by 2024-06-30: {points:?}"
    );
    assert_eq!(
        points.iter().map(|p| p.added).sum::<f64>(),
        2.0,
        "the added figures sum to the total: {points:?}"
    );
}
