//! 设置 → 备份与恢复 over IPC: list_backups, backup_now (beside the ledger or to a folder),
//! preview_backup, restore_backup; reads answering during a write; a read-only ledger.

use std::sync::mpsc;

use serde_json::{json, Value};
use taizhang_core::{Actor, Ledger};

use crate::desk::{assert_error, Desk};

/// A figure clerks type in (not counted from registers), as in entries.rs.
const INDICATOR: &str = "建言献策骨干队伍";

fn entry() -> Value {
    json!({"entry": {"indicator": INDICATOR, "unit": "兰山区", "occurred_on": "2024-05-02", "value": 3, "note": ""}})
}

/// The start-up backup is made on its own thread while the window loads; a write sent at
/// once still comes after it, so the backup holds the ledger as it was at the start.
#[test]
fn a_write_right_after_the_start_comes_after_the_startup_backup() {
    let desk = Desk::new();
    let before = desk.entry_count();
    desk.ok("record_entry", entry());
    let list = desk.ok("list_backups", json!({}));
    let startup = list
        .as_array()
        .and_then(|l| l.iter().find(|b| b["reason"] == "startup"))
        .unwrap_or_else(|| panic!("a start-up backup: {list}"));
    assert_eq!(
        startup["figures"]["entries"],
        json!(before),
        "the start-up backup holds the ledger before the first write: {startup}"
    );
    assert_eq!(desk.entry_count(), before + 1, "the write itself");
}

#[test]
fn the_start_backs_up_and_backup_now_lists_with_figures() {
    let desk = Desk::new();
    let list = desk.ok("list_backups", json!({}));
    let reasons: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|b| b["reason"].as_str())
        .collect();
    assert_eq!(
        reasons,
        vec!["startup"],
        "the window's start made one backup: {list}"
    );
    let made = desk.ok("backup_now", json!({}));
    assert_eq!(made["reason"], "manual", "backup_now: {made}");
    let entries = desk.entry_count();
    assert_eq!(
        made["figures"]["entries"],
        json!(entries),
        "figures read from the backup: {made}"
    );
    assert!(made["bytes"].as_u64().unwrap_or(0) > 0, "size: {made}");
    let folder = tempfile::tempdir().unwrap();
    let to = desk.ok(
        "backup_now",
        json!({"toFolder": folder.path().display().to_string()}),
    );
    let path = to["path"].as_str().unwrap_or_default();
    assert!(
        path.starts_with(&folder.path().display().to_string()),
        "备份到… writes into the folder: {to}"
    );
    let n = desk
        .ok("list_backups", json!({}))
        .as_array()
        .map_or(0, Vec::len);
    assert_eq!(n, 2, "the folder copy is not in 备份's list");
    let info = desk.ok("app_info", json!({}));
    for field in ["log_dir", "backup_dir"] {
        assert!(
            info[field].as_str().is_some_and(|p| !p.is_empty()),
            "app_info.{field}: {info}"
        );
    }
    assert_eq!(info["read_only"], Value::Null, "a writable ledger: {info}");
}

#[test]
fn restore_brings_the_earlier_figures_back_after_a_preview() {
    let desk = Desk::new();
    let before = desk.entry_count();
    let made = desk.ok("backup_now", json!({}));
    let path = made["path"].as_str().unwrap().to_string();
    desk.ok("record_entry", entry());
    assert_eq!(desk.entry_count(), before + 1, "the change");
    let preview = desk.ok("preview_backup", json!({"path": path}));
    assert_eq!(
        preview["entries"],
        json!(before),
        "the preview says what it holds: {preview}"
    );
    let report = desk.ok("restore_backup", json!({"path": path}));
    assert_eq!(
        report["figures"]["entries"],
        json!(before),
        "restore reports: {report}"
    );
    assert_eq!(
        report["backup_of_previous"]["reason"], "before_restore",
        "{report}"
    );
    assert_eq!(
        desk.entry_count(),
        before,
        "the read connection sees the restored ledger"
    );

    let text = desk.db.with_file_name("notes.db");
    std::fs::write(&text, "不是数据库".repeat(50)).unwrap();
    let args = json!({"path": text.display().to_string()});
    for cmd in ["preview_backup", "restore_backup"] {
        let e = desk.err(cmd, args.clone());
        assert_error(cmd, &e, "not_a_ledger", None, "不是台账数据库文件");
    }
}

#[test]
fn pages_read_while_another_connection_writes() {
    let desk = Desk::new();
    let (held, wait) = mpsc::channel();
    let (release, released) = mpsc::channel::<()>();
    let db = desk.db.clone();
    let writer = std::thread::spawn(move || {
        let mut ledger = Ledger::open(&db).unwrap();
        ledger
            .write(&Actor::named("import"), |w| {
                w.set_meta("long_write", "1")?;
                held.send(()).unwrap();
                released.recv().unwrap();
                Ok(())
            })
            .unwrap();
    });
    wait.recv().unwrap();
    let reads = [
        ("list_entries", json!({"filter": {"limit": 1}})),
        ("list_units", json!({"includeArchived": false})),
        ("progress", json!({"query": {"as_of": "2024-06-30"}})),
        ("list_backups", json!({})),
    ];
    for (cmd, args) in reads {
        let got = desk.call(cmd, args);
        assert!(got.is_ok(), "{cmd} during a write: {got:?}");
    }
    release.send(()).unwrap();
    writer.join().unwrap();
}

#[test]
fn a_read_only_ledger_shows_a_notice_and_refuses_writes() {
    use std::os::unix::fs::PermissionsExt;
    let desk = Desk::with_file(|db| {
        std::fs::set_permissions(db, std::fs::Permissions::from_mode(0o444)).unwrap()
    });
    let info = desk.ok("app_info", json!({}));
    assert!(
        info["read_only"]
            .as_str()
            .is_some_and(|w| w.contains("只读")),
        "app_info.read_only: {info}"
    );
    assert!(desk.entry_count() > 0, "entries are listed");
    let e = desk.err("record_entry", entry());
    assert_error(
        "record_entry on a read-only ledger",
        &e,
        "read_only",
        None,
        "只读",
    );
    std::fs::set_permissions(&desk.db, std::fs::Permissions::from_mode(0o644)).unwrap();
}
