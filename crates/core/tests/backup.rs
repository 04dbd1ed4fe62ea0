//! Backups: made with the online backup API into `备份` beside the ledger (named by time and
//! reason, checked, listed with the figures read from each file), before an import and
//! before a migration; restore refuses what is not a sound ledger of this or an older
//! version, backs the current state up first and is seen by connections already open.

mod fixture;

use std::path::Path;

use fixture::{actor, with_tree};
use taizhang_core::backup::{self, BackupReason};
use taizhang_core::import::{self, ImportKind};
use taizhang_core::{EntryFilter, Ledger};

fn entries(ledger: &Ledger) -> usize {
    ledger
        .entries(&EntryFilter::default())
        .expect("entries")
        .len()
}

#[test]
fn a_backup_is_a_checked_copy_named_by_time_and_reason_with_its_figures() {
    let mut f = with_tree();
    f.entry("LIN", "A", "2024-03-01", 7.0);
    f.entry("LIN", "B", "2024-03-02", 2.0);
    let info = f
        .ledger
        .backup_before(BackupReason::Manual)
        .expect("backup")
        .expect("a file ledger");
    let folder = f.dir.path().join("备份");
    assert!(
        Path::new(&info.path).starts_with(&folder),
        "the backup is in 备份 beside the ledger, got {}",
        info.path
    );
    let name_ok = info.file_name.starts_with("taizhang-") && info.file_name.ends_with("-手动.db");
    assert!(
        name_ok,
        "name carries time and reason, got {}",
        info.file_name
    );
    let figures = info.figures.as_ref().map(|f| (f.entries, f.pairings));
    assert_eq!(figures, Some((2, 0)), "figures read from the backup file");
    // The copy is a ledger on its own: integrity ok, opens, the same entries.
    let copy = Ledger::open_read_only(Path::new(&info.path)).expect("the backup opens");
    assert_eq!(entries(&copy), 2, "entries in the backup");
    let listed = f.ledger.backups().expect("list");
    let reasons: Vec<_> = listed.iter().map(|b| (b.reason, b.bytes > 0)).collect();
    assert_eq!(reasons, vec![(BackupReason::Manual, true)], "backup list");
}

#[test]
fn a_backup_taken_during_a_write_holds_only_what_was_committed() {
    let mut f = with_tree();
    f.entry("LIN", "A", "2024-03-01", 7.0);
    let path = f.path.clone();
    let reader = Ledger::open_read_only(&path).expect("second connection");
    let info = f
        .ledger
        .write(&actor(), |w| {
            w.set_meta("uncommitted", "1")?;
            // Another connection backs up while this transaction is open.
            Ok(reader.backup_before(BackupReason::Manual))
        })
        .expect("write")
        .expect("backup during the write")
        .expect("a file ledger");
    let copy = Ledger::open_read_only(Path::new(&info.path)).expect("the backup opens");
    assert_eq!(
        copy.meta("uncommitted").unwrap(),
        None,
        "no uncommitted row"
    );
    assert_eq!(entries(&copy), 1, "the committed entry is there");
}

#[test]
fn restore_brings_the_backup_back_for_every_open_connection_after_backing_up_the_present() {
    let mut f = with_tree();
    f.entry("LIN", "A", "2024-03-01", 7.0);
    let backup = f
        .ledger
        .backup_before(BackupReason::Manual)
        .unwrap()
        .unwrap();
    f.entry("LIN", "B", "2024-03-02", 2.0);
    f.entry("LIN", "B", "2024-03-03", 2.0);
    let reader = Ledger::open_read_only(&f.path).expect("a reader open before the restore");
    assert_eq!(entries(&reader), 3, "before the restore");
    let report = f.ledger.restore(Path::new(&backup.path)).expect("restore");
    assert_eq!(
        report.figures.entries, 1,
        "the report says what the ledger holds"
    );
    assert_eq!(
        entries(&f.ledger),
        1,
        "the restoring connection sees the backup"
    );
    assert_eq!(
        entries(&reader),
        1,
        "a connection opened before sees it too"
    );
    let previous = report
        .backup_of_previous
        .expect("the present was backed up");
    assert_eq!(previous.reason, BackupReason::BeforeRestore);
    assert_eq!(
        previous.figures.map(|x| x.entries),
        Some(3),
        "the 恢复前 backup holds the replaced state"
    );
    f.entry("LIN", "A", "2024-04-01", 1.0);
    assert_eq!(entries(&f.ledger), 2, "the restored ledger takes writes");
}

#[test]
fn restore_refuses_a_foreign_a_newer_or_a_damaged_file_and_says_which() {
    let mut f = with_tree();
    f.entry("LIN", "A", "2024-03-01", 7.0);
    let good = f
        .ledger
        .backup_before(BackupReason::Manual)
        .unwrap()
        .unwrap();
    let dir = f.dir.path().to_path_buf();
    let text = dir.join("notes.db");
    std::fs::write(&text, "不是数据库".repeat(100)).unwrap();
    let newer = dir.join("newer.db");
    std::fs::copy(&good.path, &newer).unwrap();
    let conn = rusqlite::Connection::open(&newer).unwrap();
    conn.pragma_update(
        None,
        "user_version",
        taizhang_core::store::schema_version() + 1,
    )
    .unwrap();
    drop(conn);
    let damaged = dir.join("damaged.db");
    let mut bytes = std::fs::read(&good.path).unwrap();
    let page = 4096;
    let last = bytes.len() - page;
    bytes[last..].fill(0x5A); // the last page: the schema reads, the data does not
    std::fs::write(&damaged, bytes).unwrap();
    let empty = dir.join("empty.db");
    std::fs::write(&empty, b"").unwrap();
    // (case, file, code, the message says)
    let cases = [
        ("a text file", &text, "not_a_ledger", "不是台账数据库文件"),
        ("an empty file", &empty, "not_a_ledger", "0 字节"),
        ("a newer ledger", &newer, "database_newer", "更新版本"),
        ("a damaged ledger", &damaged, "ledger_damaged", "已损坏"),
    ];
    for (case, file, code, says) in cases {
        let before = f.ledger.backups().unwrap().len();
        let err = f.ledger.restore(file).err();
        assert_eq!(
            err.as_ref().map(|e| e.code()),
            Some(code),
            "{case}: {err:?}"
        );
        let message = err.map(|e| e.to_string()).unwrap_or_default();
        assert!(
            message.contains(says),
            "{case}: want 「{says}」 in 「{message}」"
        );
        assert_eq!(entries(&f.ledger), 1, "{case}: the ledger is unchanged");
        let after = f.ledger.backups().unwrap().len();
        assert_eq!(
            after, before,
            "{case}: no backup made for a refused restore"
        );
    }
}

#[test]
fn an_import_and_a_migration_are_preceded_by_a_backup() {
    let mut f = with_tree();
    let csv = f.dir.path().join("entries.csv");
    std::fs::write(
        &csv,
        "指标,责任单位,日期,数值,备注\n结对企业,甲区,2024-03-01,3,\n",
    )
    .unwrap();
    let report = import::commit(
        &mut f.ledger,
        &actor(),
        &ImportKind::Entries,
        &csv,
        None,
        &mut |_, _| {},
    )
    .expect("import");
    assert_eq!(report.written, 1, "the import wrote its row");
    let reasons: Vec<_> = f
        .ledger
        .backups()
        .unwrap()
        .iter()
        .map(|b| b.reason)
        .collect();
    assert_eq!(
        reasons,
        vec![BackupReason::BeforeImport],
        "a backup before the import"
    );
    let pre_import = &f.ledger.backups().unwrap()[0];
    assert_eq!(
        pre_import.figures.as_ref().map(|x| x.entries),
        Some(0),
        "taken before the rows"
    );

    // An older ledger (schema 7: without 0008's return tables, 0009's evidence, 0010's
    // exchange tables nor 0012's roll-up) is backed up before migrating.
    let path = f.path.clone();
    f.ledger = Ledger::open(&f.dir.path().join("x").join("other.db")).unwrap();
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(
        "DROP TABLE exchange_conflict; DROP TABLE exchange_package; DROP TABLE exchange_peer;
         DROP TABLE exchange_installation;
         DROP TABLE evidence; DROP TABLE unit_return_entry; DROP TABLE unit_return;
         DROP TRIGGER entry_rollup_insert; DROP TRIGGER entry_rollup_update;
         DROP TRIGGER entry_rollup_delete; DROP TABLE entry_rollup;
         DROP INDEX target_milestone_by_target;
         PRAGMA user_version = 7;",
    )
    .unwrap();
    drop(conn);
    let upgraded = Ledger::open(&path).expect("the older ledger opens and is migrated");
    let reasons: Vec<_> = upgraded
        .backups()
        .unwrap()
        .iter()
        .map(|b| b.reason)
        .collect();
    assert!(
        reasons.contains(&BackupReason::BeforeMigration),
        "a backup before the migration, got {reasons:?}"
    );
    let check = upgraded.check_rollup().expect("check");
    assert!(
        check.ok(),
        "0012 filled the roll-up from the entries: {check:?}"
    );
    let migrated = backup::list(&path).unwrap();
    let version = migrated
        .iter()
        .find(|b| b.reason == BackupReason::BeforeMigration)
        .and_then(|b| b.figures.as_ref().map(|x| x.schema_version));
    assert_eq!(version, Some(7), "the backup holds the ledger as it was");
}
