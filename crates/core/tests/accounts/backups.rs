//! Backups hold every unit's rows and the accounts: with accounts, listing, copying out and
//! restoring them is the administrators' alone (the automatic ones need no one).

use taizhang_core::backup::BackupReason;
use taizhang_core::*;

use super::setup::{counts, prepare, signed};

#[test]
fn only_an_administrator_lists_copies_or_restores_backups() {
    let prepared = prepare();
    let dir = tempfile::tempdir().unwrap();
    let (path, mut ledger) = prepared.copy(dir.path());
    let made = ledger
        .backup_before(BackupReason::BeforeImport)
        .expect("an automatic backup needs no grant")
        .expect("a file ledger");
    let before = counts(&path);
    for role in [Role::Reviewer, Role::Clerk, Role::Viewer] {
        ledger.set_reader(signed(&ledger, prepared.account(role)));
        let refused = [
            ("list", ledger.backups().err()),
            ("manual", ledger.backup_before(BackupReason::Manual).err()),
            (
                "copy out",
                ledger.backup_to(&dir.path().join("out.db")).err(),
            ),
            (
                "restore",
                ledger.restore(std::path::Path::new(&made.path)).err(),
            ),
        ];
        for (what, err) in refused {
            let err = err.unwrap_or_else(|| panic!("{role:?} {what}: refused"));
            assert_eq!(err.code(), "forbidden", "{role:?} {what}");
            assert!(
                err.to_string().contains("备份与恢复"),
                "{role:?} {what}: {err}"
            );
        }
        assert!(
            !dir.path().join("out.db").exists(),
            "{role:?}: nothing copied out"
        );
        assert_eq!(counts(&path), before, "{role:?}: nothing changed");
    }
    ledger.set_reader(signed(&ledger, prepared.account(Role::Admin)));
    assert!(
        !ledger.backups().unwrap().is_empty(),
        "the admin lists them"
    );
    ledger
        .restore(std::path::Path::new(&made.path))
        .expect("the admin restores");
}
