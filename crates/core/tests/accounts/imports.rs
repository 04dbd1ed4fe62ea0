//! An import's entries reach the trail by their own path (audit/direct.rs: the capture
//! trigger paused, each row imaged by its INSERT, checked once per unit): the same records,
//! the same refusals, and the trigger back afterwards whether the import went through or not.

use taizhang_core::import::{self, ImportKind};
use taizhang_core::*;

use super::setup::{counts, d, prepare, signed, Prepared};

const HEADER: &str = "指标,责任单位,日期,数值,备注\n";

fn csv(dir: &std::path::Path, rows: &[(&str, &str)]) -> std::path::PathBuf {
    let mut text = String::from(HEADER);
    for (unit, value) in rows {
        text += &format!("征集意见建议,{unit},2024-06-03,{value},导入\n");
    }
    let path = dir.join("import.csv");
    std::fs::write(&path, text).unwrap();
    path
}

fn commit(ledger: &mut Ledger, actor: &Actor, path: &std::path::Path) -> Result<u32> {
    import::commit(
        ledger,
        actor,
        &ImportKind::Entries,
        path,
        None,
        &mut |_, _| {},
    )
    .map(|r| r.written)
}

fn audit_count(path: &std::path::Path) -> i64 {
    let c = counts(path);
    c.iter().find(|(t, _)| t == "audit").map_or(0, |(_, n)| *n)
}

/// One more entry by `actor`: it must leave one more record (the capture trigger is back).
fn a_later_entry_is_trailed(
    prepared: &Prepared,
    ledger: &mut Ledger,
    path: &std::path::Path,
    actor: &Actor,
) {
    let before = audit_count(path);
    ledger
        .write(actor, |w| {
            w.record_entry(NewEntry {
                indicator: "JY".into(),
                unit: "ls".into(),
                occurred_on: d("2024-06-04"),
                value: 1.0,
                note: "导入之后".into(),
            })
        })
        .unwrap();
    assert_eq!(
        audit_count(path),
        before + 1,
        "a record for the entry added after"
    );
    let v = ledger.verify_audit().unwrap();
    assert!(v.ok, "{} ({} accounts)", v.message, prepared.accounts.len());
}

#[test]
fn a_clerks_import_leaves_one_record_per_row_that_verifies() {
    let prepared = prepare();
    let dir = tempfile::tempdir().unwrap();
    let (path, mut ledger) = prepared.copy(dir.path());
    let clerk = signed(&ledger, prepared.account(Role::Clerk));
    let file = csv(
        dir.path(),
        &[("兰山区", "3"), ("兰山区", "4"), ("兰山区", "5")],
    );
    let before = audit_count(&path);
    assert_eq!(commit(&mut ledger, &clerk, &file).unwrap(), 3);
    assert_eq!(
        audit_count(&path),
        before + 3,
        "one record per imported row"
    );
    let conn = rusqlite::Connection::open(&path).unwrap();
    let (records, matching): (i64, i64) = conn
        .query_row(
            "SELECT count(*), count(e.id) FROM audit a LEFT JOIN progress_entry e
                 ON e.id = a.row_id AND a.new = json_object('id', e.id, 'indicator_id', e.indicator_id,
                    'unit_id', e.unit_id, 'occurred_on', e.occurred_on, 'value', e.value, 'note', e.note,
                    'is_sample', e.is_sample, 'created_at', e.created_at, 'created_by', e.created_by,
                    'updated_at', e.updated_at, 'updated_by', e.updated_by)
             WHERE a.seq > ?1 AND a.op = 'insert' AND a.tbl = 'progress_entry'
               AND a.account = 'lanshan' AND a.role = 'clerk' AND a.unit_id = ?2",
            rusqlite::params![before, prepared.inside.unit],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(
        (records, matching),
        (3, 3),
        "the clerk's records, each the row's whole image"
    );
    let v = ledger.verify_audit().unwrap();
    assert!(v.ok, "{}", v.message);
    a_later_entry_is_trailed(&prepared, &mut ledger, &path, &clerk);
}

#[test]
fn a_row_of_another_county_refuses_the_whole_import() {
    let prepared = prepare();
    let dir = tempfile::tempdir().unwrap();
    let (path, mut ledger) = prepared.copy(dir.path());
    let clerk = signed(&ledger, prepared.account(Role::Clerk));
    let file = csv(
        dir.path(),
        &[("兰山区", "3"), ("沂南县", "4"), ("兰山区", "5")],
    );
    let before = counts(&path);
    let err = commit(&mut ledger, &clerk, &file).unwrap_err();
    assert_eq!(err.code(), "forbidden", "{err}");
    assert!(
        err.to_string().contains("沂南县"),
        "the refusal names whose rows: {err}"
    );
    assert_eq!(counts(&path), before, "nothing written, the trail included");
    a_later_entry_is_trailed(&prepared, &mut ledger, &path, &clerk);
}

#[test]
fn a_viewer_cannot_import_and_a_bad_row_writes_nothing() {
    let prepared = prepare();
    let dir = tempfile::tempdir().unwrap();
    let (path, mut ledger) = prepared.copy(dir.path());
    let viewer = signed(&ledger, prepared.account(Role::Viewer));
    let file = csv(dir.path(), &[("兰山区", "3")]);
    let before = counts(&path);
    let err = commit(&mut ledger, &viewer, &file).unwrap_err();
    assert_eq!(err.code(), "forbidden", "{err}");
    assert_eq!(counts(&path), before, "the viewer wrote nothing");
    let admin = signed(&ledger, prepared.account(Role::Admin));
    let bad = csv(dir.path(), &[("兰山区", "3"), ("兰山区", "-4")]);
    assert!(
        commit(&mut ledger, &admin, &bad).is_err(),
        "a negative count is refused"
    );
    assert_eq!(counts(&path), before, "the refused file wrote nothing");
    a_later_entry_is_trailed(&prepared, &mut ledger, &path, &admin);
}
