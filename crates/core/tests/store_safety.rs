//! A damaged or odd ledger file says what is wrong and what to do (restore the latest
//! backup, named), and is never turned into an empty ledger except by `init`; reads never
//! wait for a write; a read-only file opens read-only, and a write to it is a typed error.

mod fixture;

use std::path::Path;
use std::sync::mpsc;

use fixture::{actor, d, with_tree};
use taizhang_core::backup::BackupReason;
use taizhang_core::{EntryFilter, Ledger, NewEntry};

/// A ledger with one entry, closed (its log checkpointed into the file), and one backup.
fn closed_ledger_with_backup() -> (fixture::Fixture, String) {
    let mut f = with_tree();
    f.entry("LIN", "A", "2024-03-01", 7.0);
    let backup = f
        .ledger
        .backup_before(BackupReason::Manual)
        .expect("backup")
        .expect("a file ledger");
    let f = close(f);
    (f, backup.file_name)
}

/// Drops the ledger (checkpointing its log) and leaves a ledger on another file in its
/// place, so the fixture's directory lives on.
fn close(mut f: fixture::Fixture) -> fixture::Fixture {
    let other = f.dir.path().join("elsewhere").join("other.db");
    f.ledger = Ledger::open(&other).expect("a second ledger");
    f
}

fn sql(path: &Path, batch: &str) {
    let conn = rusqlite::Connection::open(path).expect("raw connection");
    conn.execute_batch(batch).expect(batch);
}

#[test]
fn a_damaged_or_foreign_file_is_refused_with_one_sentence_naming_the_latest_backup() {
    // (case, how the file is spoiled, code, the message names)
    type Spoil = fn(&Path);
    let cases: [(&str, Spoil, &str, &str); 6] = [
        (
            "0-byte file",
            |p| std::fs::write(p, b"").unwrap(),
            "not_a_ledger",
            "0 字节",
        ),
        (
            "a text file",
            |p| std::fs::write(p, "这不是数据库".repeat(100)).unwrap(),
            "not_a_ledger",
            "不是 SQLite",
        ),
        (
            "another program's database",
            |p| {
                std::fs::remove_file(p).unwrap();
                sql(p, "CREATE TABLE contacts (name TEXT);");
            },
            "not_a_ledger",
            "其他程序",
        ),
        (
            "a wrong user_version",
            |p| sql(p, "PRAGMA user_version = 1;"),
            "schema_mismatch",
            "结构版本记为 1",
        ),
        (
            "a table dropped by hand",
            |p| sql(p, "DROP TABLE lag_note;"),
            "schema_mismatch",
            "缺少数据表「lag_note」",
        ),
        (
            "malformed pages",
            |p| {
                use std::io::{Seek, SeekFrom, Write};
                let mut file = std::fs::OpenOptions::new().write(true).open(p).unwrap();
                file.seek(SeekFrom::Start(100)).unwrap();
                file.write_all(&[0xA5; 3000]).unwrap();
            },
            "ledger_damaged",
            "已损坏",
        ),
    ];
    for (case, spoil, code, names) in cases {
        let (f, backup) = closed_ledger_with_backup();
        spoil(&f.path);
        let size_before = std::fs::metadata(&f.path).unwrap().len();
        let err = Ledger::open(&f.path).err();
        let got_code = err.as_ref().map(|e| e.code());
        assert_eq!(got_code, Some(code), "{case}: got {err:?}");
        let message = err.map(|e| e.to_string()).unwrap_or_default();
        for want in [names, &backup, "恢复"] {
            assert!(
                message.contains(want),
                "{case}: want 「{want}」 in 「{message}」"
            );
        }
        assert!(
            message.chars().count() < 400 && !message.contains("CREATE") && !message.contains('\n'),
            "{case}: one sentence, not a dump ({} chars): {message}",
            message.chars().count()
        );
        let read = Ledger::open_read_only(&f.path).err().map(|e| e.code());
        assert_eq!(read, Some(code), "{case}: the read-only open refuses alike");
        let size_after = std::fs::metadata(&f.path).unwrap().len();
        assert_eq!(
            size_after, size_before,
            "{case}: the file is left as it was"
        );
    }
}

#[test]
fn only_init_turns_an_empty_file_into_a_ledger() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.db");
    std::fs::write(&path, b"").unwrap();
    let code = Ledger::open(&path).err().map(|e| e.code());
    assert_eq!(code, Some("not_a_ledger"), "open of a 0-byte file");
    assert_eq!(std::fs::metadata(&path).unwrap().len(), 0, "still 0 bytes");
    let ledger = Ledger::init(&path).expect("init makes a ledger of an empty file");
    assert_eq!(
        ledger.actions(false).unwrap().len(),
        5,
        "with the default actions"
    );
}

#[test]
fn reads_answer_while_another_connection_holds_a_write_transaction() {
    let f = close(with_tree());
    let path = f.path.clone();
    let (written, wait_for_write) = mpsc::channel();
    let (release, released) = mpsc::channel::<()>();
    let writer_path = path.clone();
    let writer = std::thread::spawn(move || {
        let mut ledger = Ledger::open(&writer_path).expect("writer opens");
        ledger.set_today(Some(d(fixture::TODAY)));
        ledger
            .write(&actor(), |w| {
                w.record_entry(NewEntry {
                    indicator: "LIN".into(),
                    unit: "A".into(),
                    occurred_on: d("2024-03-01"),
                    value: 5.0,
                    note: String::new(),
                })?;
                written.send(()).expect("signal");
                released.recv().expect("release");
                Ok(())
            })
            .expect("the long write commits");
    });
    wait_for_write
        .recv()
        .expect("the writer holds its transaction");
    // Opening (both ways) and reading must not wait for the writer's lock.
    for (how, opened) in [
        ("open_read_only", Ledger::open_read_only(&path)),
        ("open", Ledger::open(&path)),
    ] {
        let ledger = opened.unwrap_or_else(|e| panic!("{how} during a write: {e}"));
        let entries = ledger.entries(&EntryFilter::default());
        let n = entries.as_ref().map(Vec::len).map_err(|e| e.code());
        assert_eq!(n, Ok(0), "{how}: reads answer and see only committed rows");
        let units = ledger.units(false).map(|u| u.len()).map_err(|e| e.code());
        assert_eq!(units, Ok(5), "{how}: units read during the write");
    }
    release.send(()).expect("release the writer");
    writer.join().expect("writer thread");
    let after = Ledger::open_read_only(&path).unwrap();
    let n = after.entries(&EntryFilter::default()).unwrap().len();
    assert_eq!(n, 1, "the committed entry is seen afterwards");
}

#[test]
fn a_read_only_file_or_folder_opens_read_only_and_a_write_is_a_typed_error() {
    use std::os::unix::fs::PermissionsExt;
    for what in ["file", "folder"] {
        let mut f = with_tree();
        f.entry("LIN", "A", "2024-03-01", 7.0);
        let f = close(f);
        let target = match what {
            "file" => f.path.clone(),
            _ => f.dir.path().to_path_buf(),
        };
        let mode = if what == "file" { 0o444 } else { 0o555 };
        std::fs::set_permissions(&target, std::fs::Permissions::from_mode(mode)).unwrap();
        let opened = Ledger::open(&f.path);
        let mut ledger = opened.unwrap_or_else(|e| panic!("read-only {what}: {e}"));
        let notice = ledger.read_only_notice().map(str::to_string);
        assert!(notice.is_some(), "read-only {what}: a notice says why");
        let n = ledger.entries(&EntryFilter::default()).unwrap().len();
        assert_eq!(n, 1, "read-only {what}: entries are listed");
        let wrote = ledger.write(&actor(), |w| w.set_meta("x", "1"));
        let code = wrote.err().map(|e| e.code());
        assert_eq!(code, Some("read_only"), "read-only {what}: a write");
        std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
}
