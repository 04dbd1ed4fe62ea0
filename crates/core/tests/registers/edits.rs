//! Editing pairings, enterprises and villages: the rules of adding hold, refusals write
//! nothing, derived figures follow the edit, the row is stamped with who changed it.

use crate::common::*;
use taizhang_core::register::pairing::Pairing;

/// `updated_by` of a row, read straight from the file.
pub fn updated_by(f: &Fixture, table: &str, id: &str) -> String {
    let conn = rusqlite::Connection::open(f._dir.path().join("registers.db")).unwrap();
    conn.query_row(
        &format!("SELECT updated_by FROM {table} WHERE id = ?1"),
        [id],
        |r| r.get(0),
    )
    .unwrap()
}

pub fn change_of(p: &Pairing) -> PairingChange {
    PairingChange {
        enterprise: EnterpriseRef::Existing {
            id: p.enterprise_id.clone(),
        },
        village: VillageRef::Existing {
            id: p.village_id.clone(),
        },
        signed_on: p.signed_on,
        unit: None,
        status: p.status,
        note: p.note.clone(),
    }
}

fn edit(f: &mut Fixture, id: &str, change: PairingChange) -> Result<Pairing> {
    let editor = Actor::named("editor");
    f.ledger.write(&editor, |w| w.update_pairing(id, change))
}

#[test]
fn editing_a_pairing_moves_the_derived_counts() {
    let mut f = fixture();
    let a = pair(
        &mut f,
        new_ent("甲公司", None),
        new_vil("一村", "ls"),
        "2024-03-01",
    )
    .unwrap();
    pair(
        &mut f,
        new_ent("乙公司", None),
        new_vil("二村", "yn"),
        "2024-04-01",
    )
    .unwrap();
    assert_eq!(
        completed(&f, "ENT", None, "2024-12-31"),
        2.0,
        "two enterprises paired"
    );

    // (what changes, change, ENT as of 2024-12-31, ENT as of 2024-06-30, VIL in 沂南 as of 2024-12-31)
    let ended = PairingChange {
        status: PairingStatus::Ended,
        ..change_of(&a)
    };
    let later = PairingChange {
        signed_on: d("2024-09-01"),
        ..change_of(&a)
    };
    let to_yn = PairingChange {
        village: new_vil("三村", "yn"),
        ..change_of(&a)
    };
    let cases = [
        ("ended", ended, 1.0, 1.0, 1.0),
        ("active again, signed later", later, 2.0, 1.0, 1.0),
        (
            "paired with a new village in 沂南, signed in March again",
            to_yn,
            2.0,
            2.0,
            2.0,
        ),
    ];
    for (what, change, ent_year, ent_june, vil_yn) in cases {
        let got = edit(&mut f, &a.id, change).unwrap_or_else(|e| panic!("{what}: {e}"));
        assert_eq!(got.id, a.id, "{what}: the same pairing comes back");
        let ent = completed(&f, "ENT", None, "2024-12-31");
        assert_eq!(
            ent, ent_year,
            "{what}: ENT at year end: want {ent_year}, got {ent}"
        );
        let ent = completed(&f, "ENT", None, "2024-06-30");
        assert_eq!(
            ent, ent_june,
            "{what}: ENT on 2024-06-30: want {ent_june}, got {ent}"
        );
        let vil = completed(&f, "VIL", Some("yn"), "2024-12-31");
        assert_eq!(vil, vil_yn, "{what}: VIL in 沂南: want {vil_yn}, got {vil}");
    }
    let now = f.ledger.pairing(&a.id).unwrap();
    assert_eq!(now.village, "三村", "re-pointed to the new village");
    assert_eq!(now.county, "沂南县", "its county follows the village");
    assert_eq!(
        now.unit, "沂南县",
        "the responsible unit follows the new village's county"
    );
    assert_eq!(
        updated_by(&f, "pairing", &a.id),
        "editor",
        "stamped with the editor"
    );
    assert_eq!(count(&f, "pairing"), 2, "an edit adds no pairing");
}

#[test]
fn a_pairing_edit_that_breaks_a_rule_writes_nothing() {
    let mut f = fixture();
    let a = pair(
        &mut f,
        new_ent("甲公司", None),
        new_vil("一村", "ls"),
        "2024-03-01",
    )
    .unwrap();
    let b = pair(
        &mut f,
        new_ent("乙公司", None),
        new_vil("二村", "ls"),
        "2024-04-01",
    )
    .unwrap();
    let same_as_b = PairingChange {
        enterprise: EnterpriseRef::Existing {
            id: b.enterprise_id.clone(),
        },
        village: VillageRef::Existing {
            id: b.village_id.clone(),
        },
        ..change_of(&a)
    };
    let future = PairingChange {
        signed_on: d("2025-02-01"),
        ..change_of(&a)
    };
    let registered_as_new = PairingChange {
        enterprise: new_ent("乙 公司", None),
        ..change_of(&a)
    };
    let bad_code = PairingChange {
        enterprise: new_ent("丙公司", Some("91371300MA3C0000X")),
        ..change_of(&a)
    };
    let unknown_unit = PairingChange {
        unit: Some("nowhere".into()),
        ..change_of(&a)
    };
    // (what, id, change, expected code, expected field)
    let cases = [
        (
            "the same pair as another",
            a.id.as_str(),
            same_as_b,
            "duplicate",
            None,
        ),
        (
            "signed in the future",
            &a.id,
            future,
            "date_out_of_range",
            Some("signed_on"),
        ),
        (
            "a registered enterprise given as new",
            &a.id,
            registered_as_new,
            "duplicate",
            Some("name"),
        ),
        (
            "a wrong credit code",
            &a.id,
            bad_code,
            "bad_credit_code",
            Some("credit_code"),
        ),
        (
            "an unknown unit",
            &a.id,
            unknown_unit,
            "unknown_unit",
            Some("unit"),
        ),
        (
            "an unknown pairing",
            "no-such-id",
            change_of(&a),
            "not_found",
            None,
        ),
    ];
    let before = (count(&f, "pairing"), count(&f, "enterprise"));
    for (what, id, change, code, field) in cases {
        let err = edit(&mut f, id, change).expect_err(what);
        assert_eq!(
            err.code(),
            code,
            "{what}: want {code}, got {} ({err})",
            err.code()
        );
        assert_eq!(err.field(), field, "{what}: field");
        let after = (count(&f, "pairing"), count(&f, "enterprise"));
        assert_eq!(
            after, before,
            "{what}: (pairings, enterprises) want {before:?}, got {after:?}"
        );
        let now = f.ledger.pairing(&a.id).unwrap();
        assert_eq!(now, a, "{what}: the pairing is unchanged");
    }
    assert_eq!(
        updated_by(&f, "pairing", &a.id),
        "tester",
        "no stamp from a refused edit"
    );
}

#[test]
fn enterprise_and_village_edits_keep_them_unique() {
    let mut f = fixture();
    let code_a = register::credit_code::with_check("91371302MA3C12345").unwrap();
    let code_b = register::credit_code::with_check("91371302MA3C54321").unwrap();
    let wrong = format!(
        "{}{}",
        &code_a[..17],
        if code_a.ends_with('0') { '1' } else { '0' }
    );
    let a = pair(
        &mut f,
        new_ent("甲公司", Some(&code_a)),
        new_vil("一村", "ls"),
        "2024-03-01",
    )
    .unwrap();
    let b = pair(
        &mut f,
        new_ent("乙公司", Some(&code_b)),
        new_vil("二村", "ls"),
        "2024-03-01",
    )
    .unwrap();
    let ent = |name: &str, code: Option<&str>| NewEnterprise {
        name: name.into(),
        credit_code: code.map(Into::into),
        county: Some("ls".into()),
        ..Default::default()
    };
    // (what, change of 甲公司, expected error code or None when accepted)
    let cases = [
        (
            "its own code and name again",
            ent("甲公司", Some(&code_a)),
            None,
        ),
        (
            "乙's credit code",
            ent("甲公司", Some(&code_b)),
            Some("duplicate"),
        ),
        (
            "a code with a wrong check character",
            ent("甲公司", Some(&wrong)),
            Some("bad_credit_code"),
        ),
        ("an empty name", ent(" ", None), Some("invalid")),
        ("renamed, without a code", ent("甲 新 公司", None), None),
    ];
    let editor = Actor::named("editor");
    for (what, change, want) in cases {
        let before = f.ledger.enterprise(&a.enterprise_id).unwrap();
        let got = f
            .ledger
            .write(&editor, |w| w.update_enterprise(&a.enterprise_id, change));
        match (want, got) {
            (None, Ok(e)) => assert_eq!(e.id, a.enterprise_id, "{what}: same enterprise"),
            (Some(code), Err(e)) => {
                assert_eq!(
                    e.code(),
                    code,
                    "{what}: want {code}, got {} ({e})",
                    e.code()
                );
                let after = f.ledger.enterprise(&a.enterprise_id).unwrap();
                assert_eq!(after, before, "{what}: nothing written");
            }
            (want, got) => panic!("{what}: want {want:?}, got {got:?}"),
        }
    }
    let now = f.ledger.enterprise(&a.enterprise_id).unwrap();
    assert_eq!(
        (now.name.as_str(), now.credit_code),
        ("甲 新 公司", None),
        "renamed, code cleared"
    );
    assert_eq!(
        updated_by(&f, "enterprise", &a.enterprise_id),
        "editor",
        "stamped"
    );
    // The renamed enterprise is found by its new normalised name, and no longer by the old.
    assert!(
        f.ledger
            .find_enterprise("甲新公司", None)
            .unwrap()
            .is_some(),
        "found by the new name"
    );
    assert!(
        f.ledger.find_enterprise("甲公司", None).unwrap().is_none(),
        "not by the old name"
    );
    let err = f
        .ledger
        .write(&editor, |w| {
            w.update_enterprise(&b.enterprise_id, ent("甲新公司", None))
        })
        .expect_err("乙 renamed as 甲新公司 without a code");
    assert_eq!(
        err.code(),
        "duplicate",
        "a name already used (normalised): got {err}"
    );

    let vil = |name: &str, county: &str| NewVillage {
        name: name.into(),
        township: "马厂湖镇".into(),
        county: county.into(),
    };
    // (what, change of 一村, expected error code or None when accepted)
    let cases = [
        (
            "二村's name in the same township",
            vil("二村", "ls"),
            Some("duplicate"),
        ),
        ("二村's name in another county", vil("二村", "yn"), None),
        (
            "an unknown county",
            vil("四村", "nowhere"),
            Some("unknown_unit"),
        ),
    ];
    for (what, change, want) in cases {
        let got = f
            .ledger
            .write(&editor, |w| w.update_village(&a.village_id, change));
        match (want, got) {
            (None, Ok(v)) => assert_eq!(v.id, a.village_id, "{what}: same village"),
            (Some(code), Err(e)) => assert_eq!(e.code(), code, "{what}: got {e}"),
            (want, got) => panic!("{what}: want {want:?}, got {got:?}"),
        }
    }
    let p = f.ledger.pairing(&a.id).unwrap();
    assert_eq!(
        (p.village.as_str(), p.county.as_str()),
        ("二村", "沂南县"),
        "the pairing shows the edited village"
    );
    // The responsible unit is the pairing's own: moving its village does not move it.
    assert_eq!(p.unit, "兰山区", "the responsible unit stays");
    assert_eq!(
        completed(&f, "VIL", Some("ls"), "2024-12-31"),
        2.0,
        "both villages still count for 兰山 (its responsible unit)"
    );
    let err = f
        .ledger
        .write(&editor, |w| w.update_village("nope", vil("五村", "ls")))
        .unwrap_err();
    assert_eq!(err.code(), "not_found", "unknown village: got {err}");
}
