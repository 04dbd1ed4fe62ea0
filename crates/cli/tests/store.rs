//! The ledger file from the terminal: `backup`, `backup list`, `restore`; a damaged or odd
//! file says what to do in one line; reads answer while another process writes; a
//! read-only file is listed with a notice; the log records commands, not what was typed.

mod support;

use std::sync::mpsc;

use support::{json, Workspace, TODAY};
use taizhang_core::{Actor, Ledger};

fn record(ws: &Workspace, date: &str, note: &str) {
    ws.run(&[
        "record",
        "--indicator",
        "CNT",
        "--unit",
        "A",
        "--date",
        date,
        "--value",
        "1",
        "--note",
        note,
    ])
    .ok("record");
}

fn entry_count(ws: &Workspace) -> usize {
    let out = ws
        .run(&["entries", "--limit", "0", "--format", "json"])
        .ok("entries");
    json(&out.stdout).as_array().map_or(0, Vec::len)
}

#[test]
fn backup_change_restore_brings_the_earlier_entries_back() {
    let ws = Workspace::with_small_ledger();
    record(&ws, "2024-03-01", "");
    let made = ws.run(&["backup"]).ok("backup");
    assert!(
        made.stdout.contains("备份") && made.stdout.contains("完成情况 1 条"),
        "backup says where and what: {}",
        made.stdout
    );
    record(&ws, "2024-03-02", "");
    record(&ws, "2024-03-03", "");
    assert_eq!(entry_count(&ws), 3, "after the change");
    let list = ws
        .run(&["backup", "list", "--format", "json"])
        .ok("backup list");
    let list = json(&list.stdout);
    let first = &list[0];
    assert_eq!(first["reason"], "manual", "the listed backup: {first}");
    assert_eq!(
        first["figures"]["entries"], 1,
        "figures read from the backup: {first}"
    );
    let file = first["path"].as_str().expect("path").to_string();
    let table = ws.run(&["backup", "list"]).ok("backup list table");
    for want in ["手动", "完成情况", "结对"] {
        assert!(
            table.stdout.contains(want),
            "list table shows 「{want}」:\n{}",
            table.stdout
        );
    }
    let restored = ws.run(&["restore", &file]).ok("restore");
    assert!(
        restored.stdout.contains("完成情况 1 条") && restored.stdout.contains("恢复前"),
        "restore reports what the ledger holds and the backup of the replaced state: {}",
        restored.stdout
    );
    assert_eq!(entry_count(&ws), 1, "the earlier figure is back");
    let out = ws.dir.path().join("copy.db");
    let to = ws
        .run(&["backup", "--out", out.to_str().unwrap()])
        .ok("backup --out");
    assert!(out.exists(), "backup --out writes the file: {}", to.stdout);
}

#[test]
fn restore_refuses_what_is_not_a_sound_ledger_in_one_chinese_line() {
    let ws = Workspace::with_small_ledger();
    let text = ws.dir.path().join("notes.db");
    std::fs::write(&text, "不是数据库".repeat(100)).unwrap();
    let out = ws.run(&["restore", text.to_str().unwrap()]);
    assert_eq!(out.code, 1, "refused: {}", out.stderr);
    assert!(
        out.stderr.contains("不是台账数据库文件") && out.stderr.contains("[not_a_ledger]"),
        "says which: {}",
        out.stderr
    );
}

#[test]
fn an_empty_or_damaged_ledger_is_refused_with_the_way_out_and_only_init_makes_one() {
    let ws = Workspace::with_small_ledger();
    ws.run(&["backup"]).ok("backup");
    // A wrong user_version: one line, not a dump of the migration's SQL.
    let conn = rusqlite::Connection::open(&ws.db).unwrap();
    conn.pragma_update(None, "user_version", 1).unwrap();
    drop(conn);
    let out = ws.run(&["units"]);
    assert_eq!(out.code, 1, "wrong user_version refused");
    assert!(
        out.stderr.contains("[schema_mismatch]") && out.stderr.contains("taizhang-"),
        "names the problem and the latest backup: {}",
        out.stderr
    );
    assert!(
        out.stderr.len() < 800 && out.stderr.lines().count() == 1,
        "one line, got {} bytes:\n{}",
        out.stderr.len(),
        out.stderr
    );

    std::fs::write(&ws.db, b"").unwrap();
    for args in [
        vec!["entries", "--limit", "1"],
        vec![
            "record",
            "--indicator",
            "CNT",
            "--unit",
            "A",
            "--date",
            "2024-03-01",
            "--value",
            "1",
        ],
    ] {
        let out = ws.run(&args);
        assert!(
            out.stderr.contains("[not_a_ledger]") && out.stderr.contains("0 字节"),
            "{args:?}: {}",
            out.stderr
        );
        let size = std::fs::metadata(&ws.db).unwrap().len();
        assert_eq!(size, 0, "{args:?} left the 0-byte file as it was");
    }
    ws.run(&["init"])
        .ok("init makes a ledger of the empty file");
    ws.run(&["actions"]).ok("and it opens");
}

#[test]
fn entries_answer_while_another_process_holds_a_write() {
    let ws = Workspace::with_small_ledger();
    record(&ws, "2024-03-01", "");
    let (held, wait) = mpsc::channel();
    let (release, released) = mpsc::channel::<()>();
    let db = ws.db.clone();
    let writer = std::thread::spawn(move || {
        let mut ledger = Ledger::open(&db).unwrap();
        ledger
            .write(&Actor::named("long import"), |w| {
                w.set_meta("long_write", "1")?;
                held.send(()).unwrap();
                released.recv().unwrap();
                Ok(())
            })
            .unwrap();
    });
    wait.recv().unwrap();
    // (read command, what its output shows)
    let cases: [(&[&str], &str); 4] = [
        (&["entries", "--limit", "1"], "结对企业"),
        (&["progress", "--as-of", TODAY], "结对企业"),
        (&["units"], "甲区"),
        (&["backup", "list"], "备份"),
    ];
    for (args, shows) in cases {
        let out = ws.run(args);
        assert_eq!(out.code, 0, "{args:?} during a write: {}", out.stderr);
        assert!(
            out.stdout.contains(shows),
            "{args:?} shows 「{shows}」:\n{}",
            out.stdout
        );
    }
    release.send(()).unwrap();
    writer.join().unwrap();
}

#[test]
fn a_read_only_ledger_file_is_listed_with_a_notice_and_a_write_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let ws = Workspace::with_small_ledger();
    record(&ws, "2024-03-01", "");
    std::fs::set_permissions(&ws.db, std::fs::Permissions::from_mode(0o444)).unwrap();
    let out = ws.run(&["entries", "--limit", "1"]);
    assert_eq!(out.code, 0, "listing a read-only ledger: {}", out.stderr);
    assert_eq!(
        out.stderr.lines().count(),
        1,
        "one notice line: {}",
        out.stderr
    );
    assert!(out.stderr.contains("只读"), "the notice: {}", out.stderr);
    let out = ws.run(&[
        "record",
        "--indicator",
        "CNT",
        "--unit",
        "A",
        "--date",
        "2024-03-02",
        "--value",
        "1",
    ]);
    assert_eq!(out.code, 1, "a write to a read-only ledger fails");
    assert!(
        out.stderr.contains("[read_only]"),
        "typed error: {}",
        out.stderr
    );
    std::fs::set_permissions(&ws.db, std::fs::Permissions::from_mode(0o644)).unwrap();
}

#[test]
fn the_log_records_commands_and_error_codes_never_what_was_typed() {
    let ws = Workspace::with_small_ledger();
    let secret = "张三的手机13800000000";
    record(&ws, "2024-03-01", secret);
    ws.run(&["entries", "--limit", "1"]).ok("entries");
    let bad = ws.run(&[
        "record",
        "--indicator",
        "CNT",
        "--unit",
        "A",
        "--date",
        "2024-03-01",
        "--value",
        "-5",
        "--note",
        secret,
    ]);
    assert_eq!(bad.code, 1, "a refused value");
    let logs = ws.dir.path().join("logs");
    let today = chrono::Local::now().format("%Y-%m-%d").to_string();
    let file = logs.join(format!("taizhang-{today}.log"));
    let text = std::fs::read_to_string(&file)
        .unwrap_or_else(|e| panic!("today's log {}: {e}", file.display()));
    for want in [
        "command=record",
        "command=entries",
        "code=\"ok\"",
        "negative_value",
        "ms=",
    ] {
        assert!(text.contains(want), "the log has 「{want}」:\n{text}");
    }
    assert!(
        !text.contains(secret),
        "no typed values in the log:\n{text}"
    );
}

#[test]
fn rollup_check_names_a_difference_and_rebuild_fixes_it() {
    let ws = Workspace::with_small_ledger();
    record(&ws, "2024-03-05", "");
    record(&ws, "2023-11-20", "");
    let ok = ws.run(&["rollup", "check"]).ok("check");
    assert!(ok.stdout.contains("一致：2行"), "{}", ok.stdout);

    // Someone edits the roll-up by hand.
    rusqlite::Connection::open(&ws.db)
        .expect("open")
        .execute("UPDATE entry_rollup SET total = 5 WHERE year = 2024", [])
        .expect("by hand");
    let bad = ws.run(&["rollup", "check"]);
    assert_eq!(bad.code, 1, "{}", bad.stderr);
    assert!(
        bad.stderr.contains(
            "第一处：指标 CNT、单位 甲区、2024年：汇总表合计 5（1条），完成情况合计 1（1条）"
        ) && bad.stderr.contains("[rollup_differs]"),
        "{}",
        bad.stderr
    );

    let rebuilt = ws.run(&["rollup", "rebuild"]).ok("rebuild");
    assert!(
        rebuilt.stdout.contains("重建汇总表：2行"),
        "{}",
        rebuilt.stdout
    );
    ws.run(&["rollup", "check"]).ok("check after the rebuild");
}
