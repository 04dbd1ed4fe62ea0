//! A village's (and so a pairing's) county is a county or a zone, and a cooperation
//! project is never agreed before its pairing was signed: on add, on edit of either.

use crate::common::*;

fn project(pairing: &str, name: &str, agreed: &str) -> NewProject {
    NewProject {
        pairing: pairing.into(),
        name: name.into(),
        kind: Default::default(),
        agreed_on: d(agreed),
        investment: None,
        status: Default::default(),
        beneficiaries: None,
    }
}

#[test]
fn a_village_county_must_be_a_county_or_a_zone() {
    let mut f = fixture();
    let actor = f.actor.clone();
    f.ledger
        .write(&actor, |w| {
            w.add_unit(NewUnit {
                code: "zone".into(),
                name: "临沂经济技术开发区".into(),
                name_en: String::new(),
                kind: UnitKind::Zone,
                parent: Some("city".into()),
            })?;
            w.add_unit(NewUnit {
                code: "gsl".into(),
                name: "市工商联".into(),
                name_en: String::new(),
                kind: UnitKind::Department,
                parent: Some("city".into()),
            })
        })
        .unwrap();
    // (county, refused with): the city and a department are not counties.
    let cases = [
        ("city", Some("not_a_county")),
        ("gsl", Some("not_a_county")),
        ("ls", None),
        ("zone", None),
    ];
    for (county, want) in cases {
        let pairings = count(&f, "pairing");
        let got = pair(
            &mut f,
            new_ent(&format!("{county}企业"), None),
            new_vil(&format!("{county}村"), county),
            "2024-03-01",
        );
        let code = got.as_ref().err().map(|e| e.code());
        assert_eq!(code, want, "a pairing's village in {county}: {got:?}");
        if want.is_some() {
            assert_eq!(count(&f, "pairing"), pairings, "{county}: nothing written");
            let e = got.unwrap_err();
            assert_eq!(e.field(), Some("county"), "{county}: the field");
        }
    }
    let e = f
        .ledger
        .write(&actor, |w| {
            w.add_village(NewVillage {
                name: "城中村".into(),
                township: "城区".into(),
                county: "city".into(),
            })
        })
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "「所属区县」应为区县或功能区，「临沂市」是市"
    );
    // An enterprise's county too, and editing a village into the city.
    let v = f
        .ledger
        .villages(&Default::default())
        .unwrap()
        .rows
        .remove(0);
    let moved = f.ledger.write(&actor, |w| {
        w.update_village(
            &v.id,
            NewVillage {
                name: v.name.clone(),
                township: v.township.clone(),
                county: "gsl".into(),
            },
        )
    });
    assert_eq!(moved.err().map(|e| e.code()), Some("not_a_county"), "edit");
    let ent = f.ledger.write(&actor, |w| {
        w.add_enterprise(NewEnterprise {
            name: "市级企业".into(),
            county: Some("city".into()),
            ..Default::default()
        })
    });
    assert_eq!(
        ent.err().map(|e| e.code()),
        Some("not_a_county"),
        "enterprise"
    );
}

#[test]
fn a_project_is_never_agreed_before_its_pairing() {
    let mut f = fixture();
    let actor = f.actor.clone();
    let p = pair(
        &mut f,
        new_ent("甲公司", None),
        new_vil("东村", "ls"),
        "2024-03-01",
    )
    .unwrap();
    // (agreed on, refused)
    for (agreed, refused) in [("2024-02-29", true), ("2024-03-01", false)] {
        let got = f
            .ledger
            .write(&actor, |w| w.add_project(project(&p.id, agreed, agreed)));
        assert_eq!(
            got.as_ref().err().map(|e| e.code()),
            refused.then_some("project_before_pairing"),
            "agreed {agreed}: {got:?}"
        );
    }
    let e = f
        .ledger
        .write(&actor, |w| {
            w.add_project(project(&p.id, "早", "2024-01-15"))
        })
        .unwrap_err();
    assert_eq!(
        (e.to_string().as_str(), e.field()),
        (
            "「签约时间」2024-01-15 早于结对时间 2024-03-01：合作项目不能早于它的结对关系",
            Some("agreed_on")
        )
    );
    let x = f
        .ledger
        .projects(&ProjectFilter::default())
        .unwrap()
        .rows
        .remove(0);
    // Editing the project to an earlier date is refused.
    let edit = f.ledger.write(&actor, |w| {
        w.update_project(&x.id, project(&p.id, &x.name, "2024-02-01"))
    });
    assert_eq!(
        edit.err().map(|e| e.code()),
        Some("project_before_pairing"),
        "project edited earlier"
    );
    // Moving the pairing's signed date after its project is refused; before it is fine.
    let change = |signed: &str| PairingChange {
        enterprise: EnterpriseRef::Existing {
            id: p.enterprise_id.clone(),
        },
        village: VillageRef::Existing {
            id: p.village_id.clone(),
        },
        signed_on: d(signed),
        unit: None,
        status: PairingStatus::Active,
        note: String::new(),
    };
    let later = f
        .ledger
        .write(&actor, |w| w.update_pairing(&p.id, change("2024-03-02")));
    assert_eq!(
        later.err().map(|e| e.code()),
        Some("project_before_pairing"),
        "pairing edited after its project"
    );
    f.ledger
        .write(&actor, |w| w.update_pairing(&p.id, change("2024-02-01")))
        .expect("an earlier signed date keeps its projects after it");
}
