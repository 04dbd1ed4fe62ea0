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

/// A copy of the prepared ledger (兰山区 and 沂南县, one account per role), opened.
struct Case {
    prepared: Prepared,
    dir: tempfile::TempDir,
    path: std::path::PathBuf,
    ledger: Ledger,
}

impl Case {
    fn new() -> Self {
        let prepared = prepare();
        let dir = tempfile::tempdir().unwrap();
        let (path, ledger) = prepared.copy(dir.path());
        Self {
            prepared,
            dir,
            path,
            ledger,
        }
    }

    fn actor(&self, role: Role) -> Actor {
        signed(&self.ledger, self.prepared.account(role))
    }

    /// A CSV of entries of `rows` (unit, value) in the case's folder.
    fn file(&self, rows: &[(&str, &str)]) -> std::path::PathBuf {
        csv(self.dir.path(), rows)
    }

    fn import(&mut self, actor: &Actor, file: &std::path::Path) -> Result<u32> {
        commit(&mut self.ledger, actor, file)
    }

    /// After whatever happened: one more entry by `actor` leaves one more record.
    fn next_entry_is_trailed(&mut self, actor: &Actor) {
        a_later_entry_is_trailed(&self.prepared, &mut self.ledger, &self.path, actor);
    }
}

#[test]
fn a_clerks_import_leaves_one_record_per_row_that_verifies() {
    let mut c = Case::new();
    let clerk = c.actor(Role::Clerk);
    let file = c.file(&[("兰山区", "3"), ("兰山区", "4"), ("兰山区", "5")]);
    let before = audit_count(&c.path);
    assert_eq!(c.import(&clerk, &file).unwrap(), 3);
    assert_eq!(
        audit_count(&c.path),
        before + 3,
        "one record per imported row"
    );
    let conn = rusqlite::Connection::open(&c.path).unwrap();
    let (records, matching): (i64, i64) = conn
        .query_row(
            "SELECT count(*), count(e.id) FROM audit a LEFT JOIN progress_entry e
                 ON e.id = a.row_id AND a.new = json_object('id', e.id, 'indicator_id', e.indicator_id,
                    'unit_id', e.unit_id, 'occurred_on', e.occurred_on, 'value', e.value, 'note', e.note,
                    'is_sample', e.is_sample, 'created_at', e.created_at, 'created_by', e.created_by,
                    'updated_at', e.updated_at, 'updated_by', e.updated_by)
             WHERE a.seq > ?1 AND a.op = 'insert' AND a.tbl = 'progress_entry'
               AND a.account = 'lanshan' AND a.role = 'clerk' AND a.unit_id = ?2",
            rusqlite::params![before, c.prepared.inside.unit],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(
        (records, matching),
        (3, 3),
        "the clerk's records, each the row's whole image"
    );
    let v = c.ledger.verify_audit().unwrap();
    assert!(v.ok, "{}", v.message);
    c.next_entry_is_trailed(&clerk);
}

#[test]
fn a_row_of_another_county_refuses_the_whole_import() {
    let mut c = Case::new();
    let clerk = c.actor(Role::Clerk);
    let file = c.file(&[("兰山区", "3"), ("沂南县", "4"), ("兰山区", "5")]);
    let before = counts(&c.path);
    let err = c.import(&clerk, &file).unwrap_err();
    assert_eq!(err.code(), "forbidden", "{err}");
    assert!(
        err.to_string().contains("沂南县"),
        "the refusal names whose rows: {err}"
    );
    assert_eq!(
        counts(&c.path),
        before,
        "nothing written, the trail included"
    );
    c.next_entry_is_trailed(&clerk);
}

#[test]
fn a_viewer_cannot_import_and_a_bad_row_writes_nothing() {
    let mut c = Case::new();
    let viewer = c.actor(Role::Viewer);
    let file = c.file(&[("兰山区", "3")]);
    let before = counts(&c.path);
    let err = c.import(&viewer, &file).unwrap_err();
    assert_eq!(err.code(), "forbidden", "{err}");
    assert_eq!(counts(&c.path), before, "the viewer wrote nothing");
    let admin = c.actor(Role::Admin);
    let bad = c.file(&[("兰山区", "3"), ("兰山区", "-4")]);
    assert!(
        c.import(&admin, &bad).is_err(),
        "a negative count is refused"
    );
    assert_eq!(counts(&c.path), before, "the refused file wrote nothing");
    c.next_entry_is_trailed(&admin);
}
