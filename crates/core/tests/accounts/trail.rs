//! The audit trail: what a record holds, and `verify` catching every way of changing the
//! ledger or its trail behind the app's back.

use rusqlite::Connection;
use taizhang_core::audit::AuditFilter;
use taizhang_core::*;

use super::setup::{prepare, signed, PASSWORD};

fn raw(path: &std::path::Path) -> Connection {
    Connection::open(path).unwrap()
}

#[test]
fn an_edit_records_who_where_why_and_old_to_new() {
    let prepared = prepare();
    let dir = tempfile::tempdir().unwrap();
    let (_, mut ledger) = prepared.copy(dir.path());
    let clerk = signed(&ledger, prepared.account(Role::Clerk));
    ledger
        .write(&clerk, |w| {
            w.set_reason("核对原始台账后更正");
            let change = EntryChange {
                unit: None,
                occurred_on: None,
                value: Some(7.0),
                note: None,
            };
            w.update_entry(&prepared.inside.entry, change)
        })
        .unwrap();
    ledger.sign_in("lanshan", PASSWORD).unwrap();
    let history = ledger
        .row_history("progress_entry", &prepared.inside.entry)
        .unwrap();
    let ops: Vec<&str> = history.iter().map(|r| r.op.as_str()).collect();
    assert_eq!(
        ops,
        ["insert", "update"],
        "the entry's versions, oldest first"
    );
    let edit = &history[1];
    assert_eq!(
        (
            edit.account.as_str(),
            edit.display_name.as_str(),
            edit.role.as_str()
        ),
        ("lanshan", "lanshan某", "clerk")
    );
    assert_eq!(edit.reason, "核对原始台账后更正");
    assert!(!edit.machine.is_empty(), "the machine is recorded");
    let value = edit
        .changes
        .iter()
        .find(|c| c.field == "value")
        .expect("the value changed");
    assert_eq!(
        (value.old.clone(), value.new.clone()),
        (Some(3.0.into()), Some(7.0.into()))
    );
    assert_eq!(value.label, "数值");
    assert!(
        edit.changes
            .iter()
            .all(|c| c.field == "value" || c.field == "is_sample"),
        "only the fields that changed: {:?}",
        edit.changes
    );
    // The clerk's trail shows its county only; the other county's rows are not listed.
    let page = ledger.audit_records(&AuditFilter::default()).unwrap();
    assert!(page
        .rows
        .iter()
        .all(|r| r.unit_id.as_deref() == Some(prepared.inside.unit.as_str())));
    assert!(page.total > 0);
}

/// A prepared ledger whose trail verifies, and its path (the ledger closed).
fn verified() -> (
    super::setup::Prepared,
    tempfile::TempDir,
    std::path::PathBuf,
) {
    let prepared = prepare();
    let dir = tempfile::tempdir().unwrap();
    let (path, ledger) = prepared.copy(dir.path());
    let v = ledger.verify_audit().unwrap();
    assert!(v.ok, "an untouched ledger verifies: {}", v.message);
    assert!(v.message.starts_with("留痕完整："), "{}", v.message);
    drop(ledger);
    (prepared, dir, path)
}

fn verdict(path: &std::path::Path) -> taizhang_core::audit::AuditVerdict {
    Ledger::open(path).unwrap().verify_audit().unwrap()
}

#[test]
fn a_value_changed_with_plain_sql_is_named() {
    let (prepared, _dir, path) = verified();
    raw(&path)
        .execute(
            "UPDATE progress_entry SET value = 30 WHERE id = ?1",
            [&prepared.outside.entry],
        )
        .unwrap();
    let v = verdict(&path);
    assert!(!v.ok);
    let want = format!(
        "完成情况（progress_entry）{}：字段「value」现为 30.0，留痕应为 3.0",
        prepared.outside.entry
    );
    assert_eq!(v.message, want);
}

#[test]
fn rows_added_or_deleted_by_hand_are_caught() {
    let (prepared, _dir, path) = verified();
    raw(&path)
        .execute(
            "DELETE FROM coop_project WHERE id = ?1",
            [&prepared.inside.project],
        )
        .unwrap();
    let v = verdict(&path);
    assert!(
        !v.ok
            && v.message.contains(&prepared.inside.project)
            && v.message.contains("绕过本程序删除"),
        "{}",
        v.message
    );

    let (_prepared, _dir2, path) = verified();
    raw(&path)
        .execute_batch(
            "INSERT INTO progress_entry (id, indicator_id, unit_id, occurred_on, value, note, created_at, created_by, updated_at, updated_by)
             SELECT 'smuggled', indicator_id, unit_id, occurred_on, 99, '', created_at, created_by, updated_at, updated_by FROM progress_entry LIMIT 1",
        )
        .unwrap();
    let v = verdict(&path);
    assert!(
        !v.ok && v.message.contains("smuggled") && v.message.contains("不在留痕中"),
        "{}",
        v.message
    );
}

#[test]
fn a_trail_record_deleted_edited_or_swapped_breaks_the_chain() {
    // (what is done to the trail, what the verdict must say)
    let cases: [(&str, &str); 4] = [
        ("DELETE FROM audit WHERE seq = 5", "留痕记录缺失：第4条之后应为第5条，实际为第6条"),
        ("UPDATE audit SET new = replace(new, '3.0', '4.0') WHERE seq = (SELECT min(seq) FROM audit WHERE tbl = 'progress_entry')", "内容被改动"),
        (
            "UPDATE audit SET seq = CASE seq WHEN 7 THEN -8 ELSE -7 END WHERE seq IN (7, 8); UPDATE audit SET seq = -seq WHERE seq < 0",
            "留痕第7条与上一条不衔接",
        ),
        ("UPDATE audit SET account = 'someone' WHERE seq = 3", "留痕第3条的内容被改动"),
    ];
    for (tamper, want) in cases {
        let (_prepared, _dir, path) = verified();
        raw(&path).execute_batch(tamper).unwrap();
        let v = verdict(&path);
        assert!(
            !v.ok && v.message.contains(want),
            "after `{tamper}`: want …{want}…, got {}",
            v.message
        );
    }
}

#[test]
fn a_ledger_made_before_the_trail_gets_a_baseline_and_verifies() {
    let (_prepared, _dir, path) = verified();
    // As if the ledger predated migration 0006: no trail, no recorded shapes.
    raw(&path)
        .execute_batch("DELETE FROM audit; DELETE FROM audit_shape;")
        .unwrap();
    let ledger = Ledger::open(&path).unwrap();
    let baselines: i64 = raw(&path)
        .query_row(
            "SELECT count(*) FROM audit WHERE op = 'baseline'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let rows: i64 = raw(&path)
        .query_row("SELECT (SELECT count(*) FROM progress_entry) + (SELECT count(*) FROM pairing) + (SELECT count(*) FROM account)", [], |r| r.get(0))
        .unwrap();
    assert!(
        baselines >= rows,
        "one baseline record per existing row: {baselines} < {rows}"
    );
    let v = ledger.verify_audit().unwrap();
    assert!(v.ok, "{}", v.message);
}

/// Before migration 0011 a record of an inserted row carried the SM3 digest of the row as
/// well; a trail written that way keeps verifying, and still names a value changed by hand.
#[test]
fn a_trail_written_before_0011_still_verifies() {
    let (prepared, _dir, path) = verified();
    let conn = raw(&path);
    let bare: i64 = conn
        .query_row(
            "SELECT count(*) FROM audit WHERE op = 'insert' AND row_digest IS NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(bare > 0, "inserts are recorded without a digest now");
    // The trail as an older build wrote it: each insert with its row's digest, and every
    // hash recomputed (SM3 of the JSON array of the content and the previous hash).
    type Content = (i64, String, String, String, String, String, String);
    type Rest = (
        String,
        String,
        Option<String>,
        Option<String>,
        Option<String>,
    );
    let records: Vec<(Content, Rest, Option<String>, String)> = conn
        .prepare("SELECT seq, at, account, display_name, role, machine, op, tbl, row_id, unit_id, old, new, row_digest, reason FROM audit ORDER BY seq")
        .unwrap()
        .query_map([], |r| {
            Ok((
                (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?),
                (r.get(7)?, r.get(8)?, r.get(9)?, r.get(10)?, r.get(11)?),
                r.get(12)?,
                r.get(13)?,
            ))
        })
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let mut prev = "0".repeat(64);
    for ((seq, at, account, name, role, machine, op), (tbl, row, unit, old, new), digest, reason) in
        records
    {
        let digest = match (&digest, op.as_str()) {
            (None, "insert") => new.as_deref().map(|n| audit::sm3_hex(n.as_bytes())),
            _ => digest,
        };
        let content = serde_json::json!([
            seq, at, account, name, role, machine, op, tbl, row, unit, old, new, digest, reason,
            prev
        ]);
        let hash = audit::sm3_hex(content.to_string().as_bytes());
        conn.execute(
            "UPDATE audit SET row_digest = ?1, prev_hash = ?2, hash = ?3 WHERE seq = ?4",
            rusqlite::params![digest, prev, hash, seq],
        )
        .unwrap();
        prev = hash;
    }
    drop(conn);
    let v = verdict(&path);
    assert!(v.ok, "a trail of the older form verifies: {}", v.message);
    assert_eq!(v.head, prev, "the head is the last record's hash");

    raw(&path)
        .execute(
            "UPDATE progress_entry SET value = 30 WHERE id = ?1",
            [&prepared.outside.entry],
        )
        .unwrap();
    let v = verdict(&path);
    assert!(
        !v.ok && v.message.contains("字段「value」现为 30.0，留痕应为 3.0"),
        "{}",
        v.message
    );
}
