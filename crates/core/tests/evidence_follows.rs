//! Evidence is never silently lost or left pointing at nothing, on a real ledger file:
//! a corrected return hands the attachments of the entries it replaces to the new entry of
//! the same indicator (or, when the indicator is no longer reported, to the return), and
//! the return's own attachment stays on the return; an entry or a pairing (with its
//! project) deleted keeps its attachments, counted before and listed after as
//! 已删除记录的佐证, files intact, until someone removes them.

mod returns_support;

use returns_support::*;
use taizhang_core::evidence::{AttachedTo, EvidenceTarget};
use taizhang_core::import::returns::{self, ReturnOptions, ReturnReport};
use taizhang_core::register::enterprise::NewEnterprise;
use taizhang_core::register::pairing::{EnterpriseRef, NewPairing, PairingStatus, VillageRef};
use taizhang_core::register::project::NewProject;
use taizhang_core::register::village::NewVillage;
use taizhang_core::round::RoundPeriod;
use taizhang_core::Quarter;

fn target(kind: AttachedTo, id: &str) -> EvidenceTarget {
    EvidenceTarget {
        kind,
        id: id.to_string(),
    }
}

/// A one-page PDF; `tag` makes its content (and so its SHA-256) differ.
fn pdf(w: &World, name: &str, tag: &str) -> std::path::PathBuf {
    let path = w.file(name);
    let body = format!("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% {tag}\n%%EOF\n");
    std::fs::write(&path, body).expect("write the PDF");
    path
}

fn import(w: &mut World, path: &std::path::Path) -> ReturnReport {
    let o = ReturnOptions {
        unit: Some("兰陵县".into()),
        period: Some(RoundPeriod::quarter(Quarter::new(2024, 3).unwrap())),
        mapping: None,
    };
    returns::commit(&mut w.ledger, &actor(), path, &o, &mut |_, _| {}).expect("import")
}

/// The entry of `indicator` the unit's Q3 return holds.
fn entry_of(w: &World, indicator: &str) -> Option<String> {
    let conn = rusqlite::Connection::open(w.file("ledger.db")).expect("open");
    conn.query_row(
        "SELECT p.id FROM unit_return_entry e JOIN progress_entry p ON p.id = e.entry_id
         JOIN indicator i ON i.id = p.indicator_id WHERE i.code = ?1",
        [indicator],
        |r| r.get(0),
    )
    .ok()
}

/// The id of 兰陵县.
fn r2_unit(w: &World) -> String {
    let conn = rusqlite::Connection::open(w.file("ledger.db")).expect("open");
    conn.query_row("SELECT id FROM unit WHERE name = '兰陵县'", [], |r| {
        r.get(0)
    })
    .expect("unit")
}

fn names(list: &[taizhang_core::evidence::Evidence]) -> Vec<String> {
    list.iter().map(|e| e.file_name.clone()).collect()
}

#[test]
fn a_corrected_return_hands_its_entries_evidence_over() {
    let mut w = world();
    let first = w.file("兰陵县三季度.xlsx");
    let mut money = line("(二)", "帮扶资金", vec![X::Blank, n(5.5)]);
    money.measure = "万元";
    CountyTable::new(vec![
        line("(一)", "结对企业数", vec![n(12.0), X::Blank]),
        money,
    ])
    .write(&first);
    let r1 = import(&mut w, &first);
    let return_id = r1.return_id.clone().expect("return id");
    let (cnt1, amt1) = (entry_of(&w, "CNT").unwrap(), entry_of(&w, "AMT").unwrap());
    let attach = |w: &mut World, kind, id: &str, file: &str| {
        let p = pdf(w, file, file);
        w.ledger
            .attach_evidence(&actor(), &target(kind, id), &p, "")
            .expect("attach");
    };
    attach(&mut w, AttachedTo::Entry, &cnt1, "结对协议.pdf");
    attach(&mut w, AttachedTo::Entry, &amt1, "拨付凭证.pdf");
    attach(&mut w, AttachedTo::UnitReturn, &return_id, "盖章扫描件.pdf");

    // The correction reports 结对企业数 again, and 帮扶资金 no longer.
    let second = w.file("兰陵县三季度（更正）.xlsx");
    CountyTable::new(vec![line("(一)", "结对企业数", vec![n(14.0), X::Blank])]).write(&second);
    let r2 = import(&mut w, &second);
    assert_eq!(
        (r2.written, r2.replaced, r2.evidence_moved),
        (1, 2, 2),
        "written, replaced, evidence moved"
    );
    let cnt2 = entry_of(&w, "CNT").expect("the new 结对企业数 entry");
    assert_ne!(cnt2, cnt1, "a new entry");
    let on = |kind, id: &str| names(&w.ledger.evidence_list(&target(kind, id)).expect("list"));
    assert_eq!(
        on(AttachedTo::Entry, &cnt2),
        vec!["结对协议.pdf"],
        "the new entry of the same indicator"
    );
    let mut on_return = on(AttachedTo::UnitReturn, &return_id);
    on_return.sort();
    assert_eq!(
        on_return,
        vec![
            "兰陵县三季度.xlsx",
            "兰陵县三季度（更正）.xlsx",
            "拨付凭证.pdf",
            "盖章扫描件.pdf"
        ],
        "the return keeps its own, takes the one whose indicator is gone, and both files as returned"
    );
    assert!(
        w.ledger.orphaned_evidence().expect("orphans").is_empty(),
        "nothing left pointing at a replaced entry"
    );
    assert_eq!(w.count("evidence"), 5, "no attachment row lost");
    // The return as imported opens as the corrected file, byte for byte.
    let held = returns::held_return(&w.ledger, &r2_unit(&w), "2024Q3")
        .expect("read")
        .expect("held");
    let original = held.original_id.expect("the original is kept");
    let path = w.ledger.evidence_path_for_open(&original).expect("open");
    assert_eq!(
        std::fs::read(path).unwrap(),
        std::fs::read(&second).unwrap(),
        "the file as returned"
    );
    let verdict = w.ledger.verify_audit().expect("verify");
    assert!(verdict.ok, "the trail verifies: {}", verdict.message);
}

#[test]
fn a_deleted_row_keeps_its_evidence_listed() {
    let mut w = world();
    w.record("CNT", "LL", "2024-08-01", 3.0);
    let entry = {
        let conn = rusqlite::Connection::open(w.file("ledger.db")).expect("open");
        conn.query_row("SELECT id FROM progress_entry", [], |r| {
            r.get::<_, String>(0)
        })
        .expect("the entry")
    };
    let (pairing, project) = w
        .ledger
        .write(&actor(), |wr| {
            let p = wr.add_pairing(NewPairing {
                enterprise: EnterpriseRef::New(NewEnterprise {
                    name: "兰陵县华兴食品有限公司".into(),
                    county: Some("兰陵县".into()),
                    ..NewEnterprise::default()
                }),
                village: VillageRef::New(NewVillage {
                    name: "东村".into(),
                    township: "卞庄街道".into(),
                    county: "兰陵县".into(),
                }),
                signed_on: day("2024-08-02"),
                unit: None,
                status: PairingStatus::Active,
                note: String::new(),
            })?;
            let j = wr.add_project(NewProject {
                pairing: p.id.clone(),
                name: "蔬菜加工项目".into(),
                kind: Default::default(),
                agreed_on: day("2024-08-03"),
                investment: Some(120.0),
                status: Default::default(),
                beneficiaries: None,
            })?;
            Ok((p.id, j.id))
        })
        .expect("a pairing and its project");
    for (kind, id, file) in [
        (AttachedTo::Entry, &entry, "走访记录.pdf"),
        (AttachedTo::Pairing, &pairing, "结对协议.pdf"),
        (AttachedTo::Project, &project, "项目合同.pdf"),
    ] {
        let p = pdf(&w, file, file);
        w.ledger
            .attach_evidence(&actor(), &target(kind, id), &p, "")
            .expect("attach");
    }
    let count = |w: &World, kind, id: &str| w.ledger.evidence_count(&target(kind, id)).unwrap();
    assert_eq!(
        (
            count(&w, AttachedTo::Entry, &entry),
            count(&w, AttachedTo::Pairing, &pairing)
        ),
        (1, 1),
        "what a deletion can warn about"
    );
    assert!(w.ledger.orphaned_evidence().unwrap().is_empty(), "none yet");

    w.ledger
        .write(&actor(), |wr| {
            wr.delete_entry(&entry)?;
            wr.delete_pairing(&pairing) // its project goes with it
        })
        .expect("delete the entry and the pairing");
    let orphans = w.ledger.orphaned_evidence().expect("orphans");
    let got: Vec<(AttachedTo, String, bool)> = orphans
        .iter()
        .map(|e| (e.attached_to, e.file_name.clone(), e.exists && e.intact))
        .collect();
    assert_eq!(
        got,
        vec![
            (AttachedTo::Entry, "走访记录.pdf".to_string(), true),
            (AttachedTo::Pairing, "结对协议.pdf".to_string(), true),
            (AttachedTo::Project, "项目合同.pdf".to_string(), true),
        ],
        "已删除记录的佐证: kind, file, file intact"
    );
    assert_eq!(w.count("evidence"), 3, "the rows stay");
    let path = w
        .ledger
        .evidence_path_for_open(&orphans[0].id)
        .expect("an orphan still opens");
    assert!(path.exists(), "its file is kept: {}", path.display());

    // Removing one takes it off the list, like any attachment.
    w.ledger
        .remove_evidence(&actor(), &orphans[0].id)
        .expect("remove an orphan");
    assert_eq!(
        names(&w.ledger.orphaned_evidence().unwrap()),
        vec!["结对协议.pdf", "项目合同.pdf"],
        "two left"
    );
    let verdict = w.ledger.verify_audit().expect("verify");
    assert!(verdict.ok, "the trail verifies: {}", verdict.message);
}
