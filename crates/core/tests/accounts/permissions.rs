//! The permission table walked: every write operation of the core, for every role, on a
//! row of the account's own county (兰山区) and of another (沂南县). A refused write answers
//! `forbidden` and changes no row of any table (the trail included); an allowed one writes.

use taizhang_core::auth::{AccountChange, NewAccount};
use taizhang_core::export::lag_notes::NewLagNote;
use taizhang_core::register::activity::NewRegisterRow;
use taizhang_core::register::pairing::{EnterpriseRef, NewPairing, PairingStatus, VillageRef};
use taizhang_core::register::project::NewProject;
use taizhang_core::register::village::NewVillage;
use taizhang_core::*;

use super::setup::{counts, d, prepare, signed, Rows, PASSWORD};

type Op = fn(&mut Writer<'_>, &Rows) -> Result<()>;

fn entry(unit: &str) -> NewEntry {
    NewEntry {
        indicator: "JY".into(),
        unit: unit.into(),
        occurred_on: d("2024-06-01"),
        value: 2.0,
        note: "新增".into(),
    }
}

/// (operation, expected for [admin, reviewer, clerk, viewer] × [own county, other county]).
/// Written out by hand from issue 9, not derived from the core's table.
const CASES: &[(&str, [[bool; 2]; 4], Op)] = &[
    (
        "record_entry",
        [[true, true], [false, false], [true, false], [false, false]],
        |w, r| w.record_entry(entry(&r.unit)).map(drop),
    ),
    (
        "update_entry",
        [[true, true], [false, false], [true, false], [false, false]],
        |w, r| {
            let change = EntryChange {
                unit: None,
                occurred_on: None,
                value: Some(9.0),
                note: None,
            };
            w.update_entry(&r.entry, change).map(drop)
        },
    ),
    (
        "delete_entry",
        [[true, true], [false, false], [true, false], [false, false]],
        |w, r| w.delete_entry(&r.entry),
    ),
    (
        "set_target",
        [[true, true], [false, false], [false, false], [false, false]],
        |w, r| {
            let period = Period {
                start: d("2025-01-01"),
                end: d("2025-12-31"),
            };
            let t = NewTarget {
                indicator: "JY".into(),
                unit: r.unit.clone(),
                period,
                value: 5.0,
                milestones: vec![],
                replace_overlapping: false,
            };
            w.set_target(t).map(drop)
        },
    ),
    (
        "delete_target",
        [[true, true], [false, false], [false, false], [false, false]],
        |w, r| w.delete_target(&r.target),
    ),
    (
        "add_pairing",
        [[true, true], [false, false], [true, false], [false, false]],
        |w, r| {
            w.add_pairing(NewPairing {
                enterprise: EnterpriseRef::Existing {
                    id: r.enterprise.clone(),
                },
                village: VillageRef::New(NewVillage {
                    name: "西新村".into(),
                    township: "新镇".into(),
                    county: r.unit.clone(),
                }),
                signed_on: d("2024-06-01"),
                unit: Some(r.unit.clone()),
                status: PairingStatus::Active,
                note: String::new(),
            })
            .map(drop)
        },
    ),
    (
        "set_pairing_status",
        [[true, true], [false, false], [true, false], [false, false]],
        |w, r| {
            w.set_pairing_status(&r.pairing, PairingStatus::Ended)
                .map(drop)
        },
    ),
    (
        "delete_pairing",
        [[true, true], [false, false], [true, false], [false, false]],
        |w, r| w.delete_pairing(&r.pairing),
    ),
    (
        "update_village",
        [[true, true], [false, false], [true, false], [false, false]],
        |w, r| {
            let v = NewVillage {
                name: "改名村".into(),
                township: "示范镇".into(),
                county: r.unit.clone(),
            };
            w.update_village(&r.village, v).map(drop)
        },
    ),
    (
        "add_project",
        [[true, true], [false, false], [true, false], [false, false]],
        |w, r| w.add_project(project(&r.pairing)).map(drop),
    ),
    (
        "update_project",
        [[true, true], [false, false], [true, false], [false, false]],
        |w, r| w.update_project(&r.project, project(&r.pairing)).map(drop),
    ),
    (
        "delete_project",
        [[true, true], [false, false], [true, false], [false, false]],
        |w, r| w.delete_project(&r.project),
    ),
    (
        "add_register_row",
        [[true, true], [false, false], [true, false], [false, false]],
        |w, r| w.add_register_row(row(&r.unit)).map(drop),
    ),
    (
        "update_register_row",
        [[true, true], [false, false], [true, false], [false, false]],
        |w, r| w.update_register_row(&r.row, row(&r.unit)).map(drop),
    ),
    (
        "delete_register_row",
        [[true, true], [false, false], [true, false], [false, false]],
        |w, r| w.delete_register_row(&r.row),
    ),
    (
        "set_lag_note",
        [[true, true], [true, false], [true, false], [false, false]],
        |w, r| {
            w.set_lag_note(NewLagNote {
                indicator: "JY".into(),
                unit: Some(r.unit.clone()),
                quarter: Quarter::containing(d("2024-05-15")),
                reason: "改写的原因".into(),
                measures: String::new(),
            })
            .map(drop)
        },
    ),
    (
        "delete_lag_note",
        [[true, true], [true, false], [true, false], [false, false]],
        |w, r| w.delete_lag_note(&r.note),
    ),
    // The catalogue, settings and accounts are the admin's wherever they are.
    (
        "rename_unit",
        [[true, true], [false, false], [false, false], [false, false]],
        |w, r| w.rename_unit(&r.unit, "改名区", None).map(drop),
    ),
    (
        "add_unit",
        [[true, true], [false, false], [false, false], [false, false]],
        |w, r| {
            w.add_unit(NewUnit {
                code: "new".into(),
                name: "新开发区".into(),
                name_en: String::new(),
                kind: UnitKind::Zone,
                parent: Some(r.unit.clone()),
            })
            .map(drop)
        },
    ),
    (
        "add_indicator",
        [[true, true], [false, false], [false, false], [false, false]],
        |w, _| {
            w.add_indicator(NewIndicator {
                action: "advice".into(),
                code: "NEW".into(),
                name: "新指标".into(),
                name_en: String::new(),
                measure: "条".into(),
                headline: false,
                decimals: 0,
                pacing: Pacing::Linear,
            })
            .map(drop)
        },
    ),
    (
        "set_action_archived",
        [[true, true], [false, false], [false, false], [false, false]],
        |w, _| w.set_action_archived("advice", true).map(drop),
    ),
    (
        "set_settings",
        [[true, true], [false, false], [false, false], [false, false]],
        |w, _| {
            w.set_settings(Settings {
                slightly_behind_threshold: 0.8,
            })
            .map(drop)
        },
    ),
    (
        "add_account",
        [[true, true], [false, false], [false, false], [false, false]],
        |w, r| {
            w.add_account(&NewAccount {
                login: "xin".into(),
                display_name: "新人".into(),
                role: Role::Clerk,
                unit: Some(r.unit.clone()),
                password: PASSWORD.into(),
            })
            .map(drop)
        },
    ),
    (
        "update_account",
        [[true, true], [false, false], [false, false], [false, false]],
        |w, r| {
            let change = AccountChange {
                display_name: "改名".into(),
                role: Role::Clerk,
                unit: Some(r.unit.clone()),
            };
            w.update_account("lanshan", &change).map(drop)
        },
    ),
    (
        "reset_password",
        [[true, true], [false, false], [false, false], [false, false]],
        |w, _| w.reset_password("lingdao", "Xinmima2024"),
    ),
];

fn project(pairing: &str) -> NewProject {
    NewProject {
        pairing: pairing.into(),
        name: "新项目".into(),
        kind: Default::default(),
        agreed_on: d("2024-06-02"),
        investment: Some(3.0),
        status: Default::default(),
        beneficiaries: None,
    }
}

fn row(unit: &str) -> NewRegisterRow {
    NewRegisterRow {
        register: "meet".into(),
        occurred_on: d("2024-06-03"),
        unit: unit.into(),
        title: "新座谈会".into(),
        status: None,
        data: Default::default(),
    }
}

#[test]
fn every_write_for_every_role_inside_and_outside_the_scope() {
    let prepared = prepare();
    let roles = [Role::Admin, Role::Reviewer, Role::Clerk, Role::Viewer];
    let mut failures = Vec::new();
    for (name, expected, op) in CASES {
        for (ri, role) in roles.iter().enumerate() {
            for (pi, rows) in [&prepared.inside, &prepared.outside]
                .into_iter()
                .enumerate()
            {
                let dir = tempfile::tempdir().unwrap();
                let (path, mut ledger) = prepared.copy(dir.path());
                let actor = signed(&ledger, prepared.account(*role));
                let before = counts(&path);
                let got = ledger.write(&actor, |w| op(w, rows));
                drop(ledger);
                let after = counts(&path);
                let want = expected[ri][pi];
                let place = if pi == 0 { "兰山区" } else { "沂南县" };
                match (&got, want) {
                    (Ok(()), true) => {
                        let trail = |c: &[(String, i64)]| {
                            c.iter().find(|(t, _)| t == "audit").map(|(_, n)| *n)
                        };
                        if trail(&after) <= trail(&before) {
                            failures.push(format!(
                                "{name} {role:?} {place}: allowed but left no trail"
                            ));
                        }
                    }
                    (Err(e), false) if e.code() == "forbidden" => {
                        if before != after {
                            failures.push(format!("{name} {role:?} {place}: refused but wrote: {before:?} → {after:?}"));
                        }
                    }
                    (got, want) => failures.push(format!(
                        "{name} {role:?} {place}: want {}, got {:?}",
                        if want { "allowed" } else { "forbidden" },
                        got.as_ref().map_err(|e| format!("{} {e}", e.code()))
                    )),
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases wrong:\n{}",
        failures.len(),
        CASES.len() * 8,
        failures.join("\n")
    );
}

#[test]
fn a_refusal_names_who_what_and_whose() {
    let prepared = prepare();
    let dir = tempfile::tempdir().unwrap();
    let (_, mut ledger) = prepared.copy(dir.path());
    let clerk = signed(&ledger, prepared.account(Role::Clerk));
    let err = ledger
        .write(&clerk, |w| w.record_entry(entry(&prepared.outside.unit)))
        .unwrap_err();
    assert_eq!(err.code(), "forbidden");
    assert_eq!(
        err.to_string(),
        "兰山区填报员无权新增沂南县的数据（完成情况）"
    );
    let viewer = signed(&ledger, prepared.account(Role::Viewer));
    let err = ledger
        .write(&viewer, |w| w.record_entry(entry(&prepared.inside.unit)))
        .unwrap_err();
    assert_eq!(err.to_string(), "兰山区领导无权新增完成情况");
}

#[test]
fn with_accounts_an_unsigned_door_is_refused_and_reads_are_scoped() {
    let prepared = prepare();
    let dir = tempfile::tempdir().unwrap();
    let (path, mut ledger) = prepared.copy(dir.path());
    let before = counts(&path);
    let err = ledger
        .write(&Actor::local_user("cli"), |w| {
            w.record_entry(entry(&prepared.inside.unit))
        })
        .unwrap_err();
    assert_eq!(err.code(), "login_required");
    assert_eq!(counts(&path), before, "nothing written without signing in");
    let err = ledger.entries(&EntryFilter::default()).unwrap_err();
    assert_eq!(err.code(), "login_required", "reads need a sign-in too");

    ledger.sign_in("lanshan", PASSWORD).unwrap();
    let units: Vec<String> = ledger
        .entries(&EntryFilter::default())
        .unwrap()
        .into_iter()
        .map(|e| e.unit_id)
        .collect();
    assert_eq!(
        units,
        vec![prepared.inside.unit.clone()],
        "a clerk lists only its county's entries"
    );
    let err = ledger
        .entries(&EntryFilter {
            unit: Some("沂南县".into()),
            ..Default::default()
        })
        .unwrap_err();
    assert_eq!(
        (err.code(), err.to_string().as_str()),
        ("forbidden", "兰山区填报员无权查看沂南县的数据")
    );
    let rows = ledger
        .pairings(&Default::default())
        .unwrap()
        .rows
        .into_iter()
        .map(|p| p.unit_id)
        .collect::<Vec<_>>();
    assert_eq!(
        rows,
        vec![prepared.inside.unit.clone()],
        "and only its county's pairings"
    );
    // Figures of every unit stay open: the ranking shows both counties.
    let q = ProgressQuery {
        as_of: d("2024-06-30"),
        unit: Some("沂南县".into()),
        include_subunits: true,
        action: None,
        indicator: None,
    };
    assert!(
        ledger.progress(&q).is_ok(),
        "progress of another county is readable"
    );
}

#[test]
fn a_clerk_pairs_its_village_with_an_enterprise_of_another_county() {
    use taizhang_core::register::enterprise::NewEnterprise;
    let prepared = prepare();
    let dir = tempfile::tempdir().unwrap();
    let (_, mut ledger) = prepared.copy(dir.path());
    let clerk = signed(&ledger, prepared.account(Role::Clerk));
    let pairing = NewPairing {
        enterprise: EnterpriseRef::New(NewEnterprise {
            name: "沂南县外来企业".into(),
            credit_code: None,
            kind: Default::default(),
            county: Some(prepared.outside.unit.clone()),
            contact: String::new(),
        }),
        village: VillageRef::Existing {
            id: prepared.inside.village.clone(),
        },
        signed_on: d("2024-06-05"),
        unit: Some(prepared.inside.unit.clone()),
        status: PairingStatus::Active,
        note: String::new(),
    };
    let got = ledger.write(&clerk, |w| w.add_pairing(pairing));
    assert!(
        got.is_ok(),
        "registering another county's enterprise with one's own village: {got:?}"
    );
    let err = ledger
        .write(&clerk, |w| {
            let e = ledger_enterprise(w, &prepared.outside.enterprise);
            w.update_enterprise(&prepared.outside.enterprise, e)
                .map(drop)
        })
        .unwrap_err();
    assert_eq!(
        err.code(),
        "forbidden",
        "but changing it stays with its county"
    );
}

fn ledger_enterprise(
    w: &mut Writer<'_>,
    id: &str,
) -> taizhang_core::register::enterprise::NewEnterprise {
    let name: String = w
        .conn()
        .query_row("SELECT name FROM enterprise WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .unwrap();
    taizhang_core::register::enterprise::NewEnterprise {
        name: format!("{name}（更名）"),
        credit_code: None,
        kind: Default::default(),
        county: None,
        contact: String::new(),
    }
}
