//! Attach, list, open, remove: the row, the file under its SHA-256, the trail.

use sha2::{Digest, Sha256};
use taizhang_core::audit::AuditFilter;
use taizhang_core::evidence::AttachedTo;

use super::fixture::{actor, with_tree};
use super::{files, rows, stored_files, target};

fn hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn first_entry(f: &super::fixture::Fixture) -> String {
    rusqlite::Connection::open(&f.path)
        .unwrap()
        .query_row(
            "SELECT id FROM progress_entry ORDER BY occurred_on LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn attached_listed_opened_and_removed() {
    let mut f = with_tree();
    f.entry("LIN", "A", "2024-07-01", 3.0);
    let entry = first_entry(&f);
    let src = tempfile::tempdir().unwrap();
    let pdf = files::pdf(src.path(), "结对协议.pdf", "one");
    let bytes = std::fs::read(&pdf).unwrap();

    let t = target(AttachedTo::Entry, &entry);
    let e = f
        .ledger
        .attach_evidence(&actor(), &t, &pdf, "签字盖章版")
        .expect("a PDF attaches");
    assert_eq!(e.file_name, "结对协议.pdf");
    assert_eq!(e.media_type, "application/pdf");
    assert_eq!(e.size_bytes, bytes.len() as i64);
    assert_eq!(e.sha256, hex(&bytes));
    assert_eq!(e.note, "签字盖章版");
    assert_eq!(e.added_by, "test");
    assert!(e.exists && e.intact);

    // The file sits under its hash, byte for byte.
    let stored = stored_files(&f.path);
    let expected = f
        .dir
        .path()
        .join("佐证材料")
        .join(&e.sha256[..2])
        .join(format!("{}.pdf", e.sha256));
    assert_eq!(stored, vec![expected.clone()]);
    assert_eq!(std::fs::read(&expected).unwrap(), bytes);

    let listed = f.ledger.evidence_list(&t).unwrap();
    assert_eq!(listed.len(), 1);
    assert!(listed[0].exists && listed[0].intact, "{listed:?}");
    assert_eq!(listed[0].unit_id, e.unit_id);
    let opened = f.ledger.evidence_path_for_open(&e.id).unwrap();
    assert_eq!(opened, expected);

    // Every kind attaches: PNG, JPG, a Word document, a real workbook.
    for p in [
        files::png(src.path(), "现场照片.PNG"),
        files::jpg(src.path(), "合影.jpeg"),
        files::docx(src.path(), "情况说明.docx"),
        files::xlsx(src.path(), "明细.xlsx"),
    ] {
        f.ledger
            .attach_evidence(&actor(), &t, &p, "")
            .unwrap_or_else(|err| panic!("{}: {err}", p.display()));
    }
    let listed = f.ledger.evidence_list(&t).unwrap();
    let types: Vec<&str> = listed.iter().map(|e| e.media_type.as_str()).collect();
    assert_eq!(types.len(), 5, "{types:?}");
    assert!(types.contains(&"image/jpeg") && types.contains(&"image/png"));
    assert!(stored_files(&f.path)
        .iter()
        .any(|p| p.extension().unwrap() == "jpg"));

    // Removing marks the row (who, when); the file stays; the list no longer shows it.
    let removed = f.ledger.remove_evidence(&actor(), &e.id).unwrap();
    assert_eq!(removed.removed_by.as_deref(), Some("test"));
    assert!(removed.removed_at.is_some() && removed.exists);
    assert_eq!(f.ledger.evidence_list(&t).unwrap().len(), 4);
    assert!(expected.exists(), "the file is kept");
    assert_eq!(
        f.ledger.evidence_path_for_open(&e.id).unwrap_err().code(),
        "not_found"
    );
    assert_eq!(rows(&f.path).0, 5, "removal keeps the row");

    // The trail has the attachment and its removal, and still verifies.
    let history = f.ledger.row_history("evidence", &e.id).unwrap();
    let ops: Vec<&str> = history.iter().map(|r| r.op.as_str()).collect();
    assert_eq!(ops, ["insert", "update"]);
    assert_eq!(history[0].table_label, "佐证材料");
    let page = f
        .ledger
        .audit_records(&AuditFilter {
            table: Some("evidence".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(page.total, 6);
    let verdict = f.ledger.verify_audit().unwrap();
    assert!(verdict.ok, "{}", verdict.message);
}

#[test]
fn the_same_content_is_stored_once() {
    let mut f = with_tree();
    f.entry("LIN", "A", "2024-07-01", 3.0);
    f.entry("LIN", "B", "2024-07-02", 4.0);
    let ids: Vec<String> = rusqlite::Connection::open(&f.path)
        .unwrap()
        .prepare("SELECT id FROM progress_entry ORDER BY occurred_on")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let src = tempfile::tempdir().unwrap();
    let a = files::pdf(src.path(), "a.pdf", "same");
    let b = files::pdf(src.path(), "副本.pdf", "same");
    let one = f
        .ledger
        .attach_evidence(&actor(), &target(AttachedTo::Entry, &ids[0]), &a, "")
        .unwrap();
    let two = f
        .ledger
        .attach_evidence(&actor(), &target(AttachedTo::Entry, &ids[1]), &b, "")
        .unwrap();
    assert_eq!(one.sha256, two.sha256);
    assert_eq!(stored_files(&f.path).len(), 1, "one file for one content");
    assert_eq!(rows(&f.path).0, 2, "one row per attachment");

    // The same content on the same entry again is refused, nothing written.
    let before = rows(&f.path);
    let err = f
        .ledger
        .attach_evidence(&actor(), &target(AttachedTo::Entry, &ids[0]), &b, "")
        .unwrap_err();
    assert_eq!(err.code(), "duplicate");
    assert!(err.to_string().contains("a.pdf"), "{err}");
    assert_eq!(rows(&f.path), before);
    assert_eq!(stored_files(&f.path).len(), 1);
}

#[test]
fn a_file_changed_or_gone_on_disk_is_caught_before_opening() {
    let mut f = with_tree();
    f.entry("LIN", "A", "2024-07-01", 3.0);
    let entry = first_entry(&f);
    let src = tempfile::tempdir().unwrap();
    let t = target(AttachedTo::Entry, &entry);
    let e = f
        .ledger
        .attach_evidence(&actor(), &t, &files::pdf(src.path(), "a.pdf", "x"), "")
        .unwrap();
    let stored = f.ledger.evidence_path_for_open(&e.id).unwrap();

    // Same size, one byte changed.
    let mut bytes = std::fs::read(&stored).unwrap();
    let last = bytes.len() - 2;
    bytes[last] ^= 0x20;
    std::fs::write(&stored, &bytes).unwrap();
    let err = f.ledger.evidence_path_for_open(&e.id).unwrap_err();
    assert_eq!(err.code(), "evidence_altered");
    assert!(
        err.to_string().starts_with("佐证材料文件已被改动或损坏"),
        "{err}"
    );
    let listed = f.ledger.evidence_list(&t).unwrap();
    assert!(listed[0].exists && !listed[0].intact);

    // Gone.
    std::fs::remove_file(&stored).unwrap();
    let err = f.ledger.evidence_path_for_open(&e.id).unwrap_err();
    assert_eq!(err.code(), "evidence_missing");
    assert!(err.to_string().contains("a.pdf"), "{err}");
    let listed = f.ledger.evidence_list(&t).unwrap();
    assert!(!listed[0].exists && !listed[0].intact);
}
