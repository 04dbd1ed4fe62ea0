//! A locked quarter refuses every write dated in it — entries, register rows, targets that
//! overlap it, lag notes of it — from every core door and from an import, with
//! `period_locked`, the Chinese message, and nothing written; the quarter after it stays
//! open; lock and unlock are in the round's history.

use std::path::Path;

use taizhang_core::export::NewLagNote;
use taizhang_core::import::{self, ImportKind};
use taizhang_core::register::activity::NewRegisterRow;
use taizhang_core::register::enterprise::NewEnterprise;
use taizhang_core::register::pairing::{EnterpriseRef, NewPairing, PairingStatus, VillageRef};
use taizhang_core::register::project::NewProject;
use taizhang_core::register::village::NewVillage;
use taizhang_core::round::{NewRound, RoundPeriod};
use taizhang_core::{sample, Actor, EntryChange, NewEntry, NewTarget, Period, Quarter, Writer};

use super::fixture::{d, empty, with_tree};
use super::open_q3;

const LOCKED: &str = "2024年第二季度已锁定（2024-07-15 由王某某锁定），不能再修改该季度的数据；如需更正请联系管理员解锁";

const TABLES: [&str; 11] = [
    "progress_entry",
    "target",
    "target_milestone",
    "pairing",
    "coop_project",
    "register_row",
    "lag_note",
    "enterprise",
    "village",
    "correction",
    "round_unit",
];

/// Per table: the row count and the latest update stamp (any write moves one of them).
fn snapshot(path: &Path) -> Vec<(String, i64, Option<String>)> {
    let conn = rusqlite::Connection::open(path).unwrap();
    TABLES
        .iter()
        .map(|t| {
            let (n, last) = conn
                .query_row(
                    &format!("SELECT COUNT(*), MAX(updated_at) FROM {t}"),
                    [],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .unwrap();
            (t.to_string(), n, last)
        })
        .collect()
}

fn one(path: &Path, sql: &str) -> String {
    rusqlite::Connection::open(path)
        .unwrap()
        .query_row(sql, [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

fn q2() -> RoundPeriod {
    RoundPeriod::parse("2024Q2").unwrap()
}

/// The sample (entries and registers up to 2024-06-30), a lag note of Q2 and an entry of
/// Q3, then a round of 2024Q2 locked by force by 王某某 on 2024-07-15.
fn locked_sample() -> super::fixture::Fixture {
    let mut f = empty();
    sample::load(&mut f.ledger, &Actor::system(), false).unwrap();
    f.ledger
        .write(&Actor::named("office"), |w| {
            w.set_lag_note(NewLagNote {
                indicator: "JY05".into(),
                unit: Some("兰山区".into()),
                quarter: Quarter::parse("2024Q2").unwrap(),
                reason: "汛期".into(),
                measures: "加强调度".into(),
            })?;
            w.record_entry(NewEntry {
                indicator: "JY05".into(),
                unit: "兰山区".into(),
                occurred_on: d("2024-07-05"),
                value: 2.0,
                note: String::new(),
            })?;
            w.open_round(NewRound {
                period: q2(),
                due_on: d("2024-07-10"),
                units: Vec::new(),
            })
        })
        .unwrap();
    let refused = f.ledger.write(&Actor::named("王某某"), |w| {
        w.lock_round(q2(), false, "")
    });
    assert!(
        matches!(&refused, Err(e) if e.code() == "round_not_approved" && e.to_string().contains("兰山区")),
        "no unit approved: {refused:?}"
    );
    let no_reason = f.ledger.write(&Actor::named("王某某"), |w| {
        w.lock_round(q2(), true, " ")
    });
    assert!(
        matches!(&no_reason, Err(e) if e.field() == Some("lock_reason")),
        "--force needs a reason: {no_reason:?}"
    );
    f.ledger
        .write(&Actor::named("王某某"), |w| {
            w.lock_round(q2(), true, "市领导要求按期汇总")
        })
        .unwrap();
    f
}

type Door = Box<dyn Fn(&mut Writer<'_>) -> taizhang_core::Result<()>>;

/// Every write dated in 2024Q2 (ids of rows the sample dates in it).
fn doors(path: &Path) -> Vec<(&'static str, Door)> {
    let q2_entry = one(path, "SELECT id FROM progress_entry WHERE occurred_on BETWEEN '2024-04-01' AND '2024-06-30' AND indicator_id = (SELECT id FROM indicator WHERE code = 'JY05') LIMIT 1");
    let q3_entry = one(
        path,
        "SELECT id FROM progress_entry WHERE occurred_on = '2024-07-05'",
    );
    let target = one(path, "SELECT id FROM target WHERE period_start <= '2024-06-30' AND period_end >= '2024-04-01' LIMIT 1");
    let pairing = one(
        path,
        "SELECT id FROM pairing WHERE signed_on BETWEEN '2024-04-01' AND '2024-06-30' LIMIT 1",
    );
    let old_pairing = one(path, "SELECT id FROM pairing WHERE signed_on < '2024-04-01' AND NOT EXISTS (SELECT 1 FROM coop_project p WHERE p.pairing_id = pairing.id AND p.agreed_on >= '2024-04-01') LIMIT 1");
    let project = one(
        path,
        "SELECT id FROM coop_project WHERE agreed_on BETWEEN '2024-04-01' AND '2024-06-30' LIMIT 1",
    );
    let row = one(path, "SELECT id FROM register_row WHERE occurred_on BETWEEN '2024-04-01' AND '2024-06-30' LIMIT 1");
    let note = one(path, "SELECT id FROM lag_note WHERE quarter = '2024Q2'");
    let in_q2 = d("2024-05-20");
    let entry = move |on| NewEntry {
        indicator: "JY05".into(),
        unit: "兰山区".into(),
        occurred_on: on,
        value: 1.0,
        note: String::new(),
    };
    let target_of = |start: &str, end: &str| NewTarget {
        indicator: "JY05".into(),
        unit: "兰山区".into(),
        period: Period {
            start: d(start),
            end: d(end),
        },
        value: 100.0,
        milestones: Vec::new(),
        replace_overlapping: false,
    };
    let (t_year, t_q2) = (
        target_of("2024-01-01", "2024-12-31"),
        target_of("2024-04-01", "2024-06-30"),
    );
    let (p1, p2, p3, p4) = (pairing.clone(), pairing.clone(), pairing.clone(), pairing);
    let (j1, j2, j3) = (project.clone(), project.clone(), project);
    let (r1, r2) = (row.clone(), row);
    let (e1, e2, e3) = (q2_entry.clone(), q2_entry.clone(), q2_entry);
    vec![
        (
            "record_entry",
            Box::new(move |w: &mut Writer<'_>| w.record_entry(entry(in_q2)).map(|_| ())),
        ),
        (
            "two entries, the second in Q2",
            Box::new(move |w: &mut Writer<'_>| {
                w.record_entry(entry(d("2024-07-06")))?;
                w.record_entry(entry(in_q2)).map(|_| ())
            }),
        ),
        (
            "update_entry",
            Box::new(move |w: &mut Writer<'_>| {
                w.update_entry(
                    &e1,
                    EntryChange {
                        value: Some(9.0),
                        ..EntryChange::default()
                    },
                )
                .map(|_| ())
            }),
        ),
        (
            "update_entry moving a Q3 entry into Q2",
            Box::new(move |w: &mut Writer<'_>| {
                w.update_entry(
                    &q3_entry,
                    EntryChange {
                        occurred_on: Some(in_q2),
                        ..EntryChange::default()
                    },
                )
                .map(|_| ())
            }),
        ),
        (
            "delete_entry",
            Box::new(move |w: &mut Writer<'_>| w.delete_entry(&e2)),
        ),
        (
            "correct_entry",
            Box::new(move |w: &mut Writer<'_>| w.correct_entry(&e3, 0.0, "重复统计").map(|_| ())),
        ),
        (
            "set_target of the year",
            Box::new(move |w: &mut Writer<'_>| w.set_target(t_year.clone()).map(|_| ())),
        ),
        (
            "set_target of the quarter",
            Box::new(move |w: &mut Writer<'_>| w.set_target(t_q2.clone()).map(|_| ())),
        ),
        (
            "delete_target",
            Box::new(move |w: &mut Writer<'_>| w.delete_target(&target)),
        ),
        (
            "add_pairing",
            Box::new(move |w: &mut Writer<'_>| {
                w.add_pairing(NewPairing {
                    enterprise: EnterpriseRef::New(NewEnterprise {
                        name: "临沂锁定测试有限公司".into(),
                        county: Some("兰山区".into()),
                        ..NewEnterprise::default()
                    }),
                    village: VillageRef::New(NewVillage {
                        name: "锁定村".into(),
                        township: "马厂湖镇".into(),
                        county: "兰山区".into(),
                    }),
                    signed_on: in_q2,
                    unit: None,
                    status: PairingStatus::Active,
                    note: String::new(),
                })
                .map(|_| ())
            }),
        ),
        (
            "update_pairing",
            Box::new(move |w: &mut Writer<'_>| {
                let p = w.conn().query_row(
                    "SELECT enterprise_id, village_id FROM pairing WHERE id = ?1",
                    [&p1],
                    |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)),
                )?;
                w.update_pairing(
                    &p1,
                    taizhang_core::register::pairing::PairingChange {
                        enterprise: EnterpriseRef::Existing { id: p.0 },
                        village: VillageRef::Existing { id: p.1 },
                        signed_on: d("2024-07-01"),
                        unit: None,
                        status: PairingStatus::Active,
                        note: "改到三季度".into(),
                    },
                )
                .map(|_| ())
            }),
        ),
        (
            "set_pairing_status",
            Box::new(move |w: &mut Writer<'_>| {
                w.set_pairing_status(&p2, PairingStatus::Ended).map(|_| ())
            }),
        ),
        (
            "delete_pairing",
            Box::new(move |w: &mut Writer<'_>| w.delete_pairing(&p3)),
        ),
        (
            "add_project",
            Box::new(move |w: &mut Writer<'_>| {
                w.add_project(NewProject {
                    pairing: p4.clone(),
                    name: "锁定期项目".into(),
                    kind: Default::default(),
                    agreed_on: d("2024-06-30"), // in Q2, not before its pairing
                    investment: Some(10.0),
                    status: Default::default(),
                    beneficiaries: None,
                })
                .map(|_| ())
            }),
        ),
        (
            "add_project to an older pairing",
            Box::new(move |w: &mut Writer<'_>| {
                w.add_project(NewProject {
                    pairing: old_pairing.clone(),
                    name: "锁定期项目二".into(),
                    kind: Default::default(),
                    agreed_on: in_q2,
                    investment: None,
                    status: Default::default(),
                    beneficiaries: None,
                })
                .map(|_| ())
            }),
        ),
        (
            "update_project",
            Box::new(move |w: &mut Writer<'_>| {
                let p = w.conn().query_row(
                    "SELECT pairing_id, name FROM coop_project WHERE id = ?1",
                    [&j1],
                    |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)),
                )?;
                w.update_project(
                    &j1,
                    NewProject {
                        pairing: p.0,
                        name: p.1,
                        kind: Default::default(),
                        agreed_on: d("2024-07-02"),
                        investment: None,
                        status: Default::default(),
                        beneficiaries: None,
                    },
                )
                .map(|_| ())
            }),
        ),
        (
            "delete_project",
            Box::new(move |w: &mut Writer<'_>| w.delete_project(&j2)),
        ),
        (
            "delete_pairing of a Q2 project",
            Box::new(move |w: &mut Writer<'_>| {
                let pairing: String = w.conn().query_row(
                    "SELECT pairing_id FROM coop_project WHERE id = ?1",
                    [&j3],
                    |r| r.get(0),
                )?;
                w.delete_pairing(&pairing)
            }),
        ),
        (
            "add_register_row",
            Box::new(move |w: &mut Writer<'_>| {
                let row = read_row(w, &r1)?;
                w.add_register_row(NewRegisterRow {
                    register: row.type_code,
                    occurred_on: in_q2,
                    unit: row.unit_id,
                    title: "锁定期新增".into(),
                    status: row.status,
                    data: row.data,
                })
                .map(|_| ())
            }),
        ),
        (
            "update_register_row",
            Box::new(move |w: &mut Writer<'_>| {
                let row = read_row(w, &r2)?;
                w.update_register_row(
                    &row.id,
                    NewRegisterRow {
                        register: row.type_code.clone(),
                        occurred_on: row.occurred_on,
                        unit: row.unit_id.clone(),
                        title: format!("{}（改）", row.title),
                        status: row.status.clone(),
                        data: row.data.clone(),
                    },
                )
                .map(|_| ())
            }),
        ),
        (
            "set_lag_note",
            Box::new(|w: &mut Writer<'_>| {
                w.set_lag_note(NewLagNote {
                    indicator: "JY05".into(),
                    unit: Some("兰山区".into()),
                    quarter: Quarter::parse("2024Q2").unwrap(),
                    reason: "改写".into(),
                    measures: String::new(),
                })
                .map(|_| ())
            }),
        ),
        (
            "delete_lag_note",
            Box::new(move |w: &mut Writer<'_>| w.delete_lag_note(&note)),
        ),
    ]
}

/// A register row read inside the write (the ledger's reads need `&Ledger`).
fn read_row(
    w: &Writer<'_>,
    id: &str,
) -> taizhang_core::Result<taizhang_core::register::activity::RegisterRow> {
    let (type_code, occurred_on, unit_id, title, status, data): (String, chrono::NaiveDate, String, String, Option<String>, String) =
        w.conn().query_row(
            "SELECT t.code, r.occurred_on, r.unit_id, r.title, r.status, r.data FROM register_row r JOIN register_type t ON t.id = r.type_id WHERE r.id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)),
        )?;
    Ok(taizhang_core::register::activity::RegisterRow {
        id: id.to_string(),
        type_code,
        occurred_on,
        unit_id,
        unit: String::new(),
        title,
        status,
        data: serde_json::from_str(&data).unwrap_or_default(),
        is_sample: true,
    })
}

#[test]
fn every_core_write_dated_in_a_locked_quarter_is_refused_and_writes_nothing() {
    let mut f = locked_sample();
    let before = snapshot(&f.path);
    for (name, door) in doors(&f.path) {
        let got = f.ledger.write(&Actor::named("clerk"), |w| door(w));
        match got {
            Err(e) => {
                assert_eq!(e.code(), "period_locked", "{name}: {e}");
                assert_eq!(e.to_string(), LOCKED, "{name}");
            }
            Ok(()) => panic!("{name}: written into the locked quarter"),
        }
        assert_eq!(snapshot(&f.path), before, "{name} wrote something");
    }
    let steps = f
        .ledger
        .write(&Actor::named("clerk"), |w| w.submit_return("兰山区", q2()));
    assert!(
        matches!(&steps, Err(e) if e.code() == "period_locked"),
        "a locked round takes no more steps: {steps:?}"
    );
}

#[test]
fn an_import_into_a_locked_quarter_is_refused_as_a_whole() {
    let mut f = locked_sample();
    let csv = f.dir.path().join("entries.csv");
    std::fs::write(
        &csv,
        "指标,责任单位,日期,数值,备注\nJY05,兰山区,2024-07-08,3,三季度\nJY05,兰山区,2024-06-28,4,二季度\n",
    )
    .unwrap();
    let before = snapshot(&f.path);
    let got = import::commit(
        &mut f.ledger,
        &Actor::named("clerk"),
        &ImportKind::Entries,
        &csv,
        None,
        &mut |_, _| {},
    );
    match got {
        Err(e) => assert_eq!(
            (e.code(), e.to_string()),
            ("period_locked", LOCKED.to_string())
        ),
        Ok(r) => panic!("imported into a locked quarter: {r:?}"),
    }
    assert_eq!(
        snapshot(&f.path),
        before,
        "the Q3 row before it is not written either"
    );
}

#[test]
fn the_quarter_after_stays_open_and_an_unlock_needs_a_reason_and_reopens() {
    let mut f = locked_sample();
    let q3_entry = |on: &str| NewEntry {
        indicator: "JY05".into(),
        unit: "兰山区".into(),
        occurred_on: d(on),
        value: 1.0,
        note: String::new(),
    };
    f.ledger
        .write(&Actor::named("clerk"), |w| {
            w.record_entry(q3_entry("2024-07-01"))
        })
        .expect("the first day after the locked quarter is open");
    let lock_covering = f.ledger.lock_covering(d("2024-06-30")).unwrap();
    assert!(
        lock_covering.is_some_and(|e| e.code() == "period_locked"),
        "previews can ask"
    );
    let no_reason = f
        .ledger
        .write(&Actor::named("admin"), |w| w.unlock_round(q2(), ""));
    assert!(
        matches!(&no_reason, Err(e) if e.field() == Some("unlock_reason")),
        "{no_reason:?}"
    );
    f.ledger
        .write(&Actor::named("admin"), |w| {
            w.unlock_round(q2(), "兰山区更正二季度数据")
        })
        .unwrap();
    f.ledger
        .write(&Actor::named("clerk"), |w| {
            w.record_entry(q3_entry("2024-06-30"))
        })
        .expect("unlocked: Q2 takes writes again");
    let history: Vec<(String, String, String)> = f
        .ledger
        .round_events(q2())
        .unwrap()
        .into_iter()
        .map(|e| (e.kind, e.reason, e.by))
        .collect();
    assert_eq!(
        history,
        [
            ("open".to_string(), String::new(), "office".to_string()),
            ("lock".into(), "市领导要求按期汇总".into(), "王某某".into()),
            (
                "unlock".into(),
                "兰山区更正二季度数据".into(),
                "admin".into()
            ),
        ],
        "lock and unlock are in the round's history"
    );
}

#[test]
fn a_round_locks_without_force_once_every_unit_is_approved() {
    let mut f = with_tree();
    open_q3(&mut f);
    f.ledger.set_today(Some(d("2024-10-12")));
    let reviewer = Actor::named("reviewer");
    for unit in ["甲区", "乙县", "乙县开发区"] {
        f.ledger
            .write(&reviewer, |w| w.submit_return(unit, super::q3()))
            .unwrap();
        f.ledger
            .write(&reviewer, |w| w.approve(unit, super::q3()))
            .unwrap();
    }
    let refused = f
        .ledger
        .write(&reviewer, |w| w.lock_round(super::q3(), false, ""));
    match refused {
        Err(e) => assert_eq!(
            (e.code(), e.to_string()),
            (
                "round_not_approved",
                "2024年第三季度还有 1 个单位未审核通过，不能锁定：市直部门（确需锁定请使用 --force 并说明原因）".to_string()
            )
        ),
        Ok(r) => panic!("locked with 市直部门 not approved: {r:?}"),
    }
    f.ledger
        .write(&reviewer, |w| w.submit_return("市直部门", super::q3()))
        .unwrap();
    f.ledger
        .write(&reviewer, |w| w.approve("市直部门", super::q3()))
        .unwrap();
    let round = f
        .ledger
        .write(&reviewer, |w| w.lock_round(super::q3(), false, ""))
        .unwrap();
    assert_eq!(
        (round.locked_on, round.locked_by.as_deref()),
        (Some(d("2024-10-12")), Some("reviewer")),
        "stamped with the ledger's today and the actor"
    );
}
