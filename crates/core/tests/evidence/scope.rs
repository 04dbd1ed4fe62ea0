//! With accounts: a clerk attaches to rows of its own unit only, a viewer to none; a
//! refused attachment writes nothing; listing another unit's attachments is refused.

use taizhang_core::evidence::AttachedTo;
use taizhang_core::Role;

use super::setup::{prepare, signed};
use super::{files, rows, stored_files, target};

#[test]
fn clerks_attach_within_their_scope_and_viewers_not_at_all() {
    let prepared = prepare();
    let work = tempfile::tempdir().unwrap();
    let (path, mut ledger) = prepared.copy(work.path());
    let src = tempfile::tempdir().unwrap();
    let pdf = files::pdf(src.path(), "a.pdf", "scope");
    let clerk = signed(&ledger, prepared.account(Role::Clerk));
    let viewer = signed(&ledger, prepared.account(Role::Viewer));
    let admin = signed(&ledger, prepared.account(Role::Admin));

    // Another unit's entry, pairing, project and register row: forbidden, nothing written.
    let outside = &prepared.outside;
    for (kind, id) in [
        (AttachedTo::Entry, &outside.entry),
        (AttachedTo::Pairing, &outside.pairing),
        (AttachedTo::Project, &outside.project),
        (AttachedTo::RegisterRow, &outside.row),
    ] {
        let before = rows(&path);
        let err = ledger
            .attach_evidence(&clerk, &target(kind, id), &pdf, "")
            .unwrap_err();
        assert_eq!(err.code(), "forbidden", "{kind:?}: {err}");
        assert!(err.to_string().contains("沂南县"), "{err}");
        assert_eq!(rows(&path), before, "{kind:?}");
        assert!(stored_files(&path).is_empty(), "{kind:?}: no file kept");
    }

    // A viewer attaches nowhere, not even in its own unit.
    let err = ledger
        .attach_evidence(
            &viewer,
            &target(AttachedTo::Entry, &prepared.inside.entry),
            &pdf,
            "",
        )
        .unwrap_err();
    assert_eq!(err.code(), "forbidden");
    assert!(stored_files(&path).is_empty());

    // The clerk's own unit: entry and project (a project's unit is its pairing's).
    for (kind, id) in [
        (AttachedTo::Entry, &prepared.inside.entry),
        (AttachedTo::Project, &prepared.inside.project),
    ] {
        let e = ledger
            .attach_evidence(&clerk, &target(kind, id), &pdf, "")
            .unwrap_or_else(|err| panic!("{kind:?}: {err}"));
        assert_eq!(e.unit_id, prepared.inside.unit);
        assert_eq!(e.added_by, "lanshan");
    }
    assert_eq!(stored_files(&path).len(), 1);

    // Reading: the clerk lists its own unit's, not another's.
    ledger.set_reader(clerk.clone());
    let own = ledger
        .evidence_list(&target(AttachedTo::Entry, &prepared.inside.entry))
        .unwrap();
    assert_eq!(own.len(), 1);
    let err = ledger
        .evidence_list(&target(AttachedTo::Entry, &outside.entry))
        .unwrap_err();
    assert_eq!(err.code(), "forbidden");

    // The admin attaches anywhere; removal by the clerk of another unit's is refused.
    let theirs = ledger
        .attach_evidence(&admin, &target(AttachedTo::Entry, &outside.entry), &pdf, "")
        .unwrap();
    let err = ledger.remove_evidence(&clerk, &theirs.id).unwrap_err();
    assert_eq!(err.code(), "forbidden");
    ledger.set_reader(admin);
    let trail = ledger.row_history("evidence", &theirs.id).unwrap();
    assert_eq!(trail.len(), 1, "the refused removal left no record");
    let verdict = ledger.verify_audit().unwrap();
    assert!(verdict.ok, "{}", verdict.message);
}
