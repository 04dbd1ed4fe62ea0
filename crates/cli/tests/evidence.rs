//! `attach add|list|open|remove` on a real ledger file and real files: attached under its
//! SHA-256, listed as JSON and as a table, opened (`--print`) only while intact, refused
//! files saying why with nothing written, removal kept in the trail.

mod support;

use support::{json, row_counts, Workspace};

fn entry_id(ws: &Workspace) -> String {
    ws.run(&[
        "record",
        "--indicator",
        "CNT",
        "--unit",
        "甲区",
        "--date",
        "2024-07-01",
        "--value",
        "3",
    ])
    .ok("record");
    let listed = json(
        &ws.run(&["entries", "--format", "json"])
            .ok("entries")
            .stdout,
    );
    let rows = listed
        .as_array()
        .cloned()
        .unwrap_or_else(|| listed["rows"].as_array().unwrap().clone());
    rows[0]["id"].as_str().unwrap().to_string()
}

fn counts(ws: &Workspace) -> Vec<(String, i64)> {
    row_counts(&ws.db, &["evidence", "audit"])
}

fn stored(ws: &Workspace) -> usize {
    fn walk(dir: &std::path::Path) -> usize {
        std::fs::read_dir(dir).map_or(0, |it| {
            it.flatten()
                .map(|e| {
                    if e.path().is_dir() {
                        walk(&e.path())
                    } else {
                        1
                    }
                })
                .sum()
        })
    }
    walk(&ws.dir.path().join("佐证材料"))
}

#[test]
fn attach_list_open_and_remove_from_the_terminal() {
    let ws = Workspace::with_small_ledger();
    let entry = entry_id(&ws);
    let pdf = ws.dir.path().join("签到表.pdf");
    std::fs::write(&pdf, b"%PDF-1.4\n% sign-in sheet\n%%EOF\n").unwrap();

    let added = ws
        .run(&[
            "attach",
            "add",
            pdf.to_str().unwrap(),
            "--entry",
            &entry,
            "--note",
            "会议签到",
        ])
        .ok("attach add");
    assert!(
        added
            .stdout
            .starts_with("已添加佐证材料「签到表.pdf」（application/pdf，1 KB）到完成情况"),
        "{}",
        added.stdout
    );
    assert_eq!(stored(&ws), 1);

    let listed = json(
        &ws.run(&["attach", "list", "--entry", &entry, "--format", "json"])
            .ok("attach list")
            .stdout,
    );
    let one = &listed.as_array().unwrap()[0];
    assert_eq!(one["file_name"], "签到表.pdf");
    assert_eq!(one["note"], "会议签到");
    assert_eq!(one["intact"], true);
    assert_eq!(one["added_by"], "cli:tester");
    let id = one["id"].as_str().unwrap().to_string();
    let sha = one["sha256"].as_str().unwrap().to_string();
    let table = ws.run(&["attach", "list", "--entry", &entry]).ok("table");
    assert!(
        table.stdout.contains("签到表.pdf") && table.stdout.contains("完好"),
        "{}",
        table.stdout
    );

    let opened = ws
        .run(&["attach", "open", &id, "--print"])
        .ok("attach open");
    let path = std::path::PathBuf::from(opened.stdout.trim());
    assert!(
        path.ends_with(format!("佐证材料/{}/{sha}.pdf", &sha[..2])),
        "{}",
        path.display()
    );
    assert_eq!(std::fs::read(&path).unwrap(), std::fs::read(&pdf).unwrap());

    // A file changed on disk is not handed out.
    std::fs::write(&path, b"%PDF-1.4\n% tampered\n%%EOF\n").unwrap();
    let refused = ws.run(&["attach", "open", &id, "--print"]);
    assert_eq!(refused.code, 1);
    assert!(
        refused
            .stderr
            .starts_with("错误：佐证材料文件已被改动或损坏")
            && refused.stderr.contains("[evidence_altered]"),
        "{}",
        refused.stderr
    );
    assert!(refused.stdout.is_empty());

    let removed = ws.run(&["attach", "remove", &id]).ok("attach remove");
    assert!(
        removed.stdout.starts_with("已移除佐证材料「签到表.pdf」"),
        "{}",
        removed.stdout
    );
    let listed = json(
        &ws.run(&["attach", "list", "--entry", &entry, "--format", "json"])
            .ok("list")
            .stdout,
    );
    assert_eq!(listed.as_array().unwrap().len(), 0);
    let trail = ws
        .run(&["audit", "list", "--table", "evidence", "--format", "json"])
        .ok("audit list");
    assert!(trail.stdout.contains("removed_by"), "{}", trail.stdout);
}

#[test]
fn refused_files_say_why_and_write_nothing() {
    let ws = Workspace::with_small_ledger();
    let entry = entry_id(&ws);
    let before = counts(&ws);
    let exe = ws.dir.path().join("工具.exe");
    std::fs::write(&exe, b"MZ\x90\x00program").unwrap();
    let fake = ws.dir.path().join("通知.pdf");
    std::fs::write(&fake, b"MZ\x90\x00program").unwrap();
    let big = ws.dir.path().join("大文件.png");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(23 * 1024 * 1024 + 400 * 1024)
        .unwrap();
    for (file, line) in [
        (&exe, "错误：不支持的文件类型 .exe：佐证材料只能是 PDF、JPG、PNG、Word(.docx)、Excel(.xlsx) [evidence_type]"),
        (&fake, "错误：文件内容不是PDF（扩展名为.pdf） [evidence_content]"),
        (&big, "错误：文件超过20MB（23.4MB），佐证材料每个不超过20MB [evidence_too_large]"),
    ] {
        let run = ws.run(&["attach", "add", file.to_str().unwrap(), "--entry", &entry]);
        assert_eq!(run.code, 1, "{}", run.stdout);
        assert_eq!(run.stderr.trim(), line);
    }
    let folder = ws.dir.path().to_str().unwrap().to_string();
    let run = ws.run(&["attach", "add", &folder, "--entry", &entry]);
    assert!(run.stderr.contains("[not_a_file]"), "{}", run.stderr);
    let run = ws.run(&[
        "attach",
        "add",
        exe.to_str().unwrap(),
        "--return",
        "甲区",
        "--quarter",
        "2024Q3",
    ]);
    assert!(run.stderr.contains("[not_found]"), "{}", run.stderr);
    // No target at all: a usage mistake.
    let run = ws.run(&["attach", "add", exe.to_str().unwrap()]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(counts(&ws), before, "nothing written");
    assert_eq!(stored(&ws), 0, "no file kept");
}

#[test]
fn attachments_of_a_deleted_entry_are_listed_as_orphaned() {
    let ws = Workspace::with_small_ledger();
    let entry = entry_id(&ws);
    let pdf = ws.dir.path().join("走访记录.pdf");
    std::fs::write(&pdf, b"%PDF-1.4\n% visit\n%%EOF\n").unwrap();
    let pdf = pdf.display().to_string();
    ws.run(&["attach", "add", &pdf, "--entry", &entry])
        .ok("attach");
    let none = ws.run(&["attach", "orphaned"]).ok("attach orphaned");
    assert!(
        none.stdout.contains("没有已删除记录的佐证材料"),
        "none yet: {}",
        none.stdout
    );
    // The window deletes entries; here the core does, on the same file.
    let mut ledger = taizhang_core::Ledger::open(&ws.db).expect("open");
    ledger
        .write(&taizhang_core::Actor::named("test"), |w| {
            w.delete_entry(&entry)
        })
        .expect("delete the entry");
    drop(ledger);
    let table = ws.run(&["attach", "orphaned"]).ok("attach orphaned");
    for want in ["原所附记录（已删除）", "完成情况", "走访记录.pdf", "完好"] {
        assert!(
            table.stdout.contains(want),
            "{want:?} in:\n{}",
            table.stdout
        );
    }
    let listed = json(
        &ws.run(&["attach", "orphaned", "--format", "json"])
            .ok("json")
            .stdout,
    );
    let id = listed[0]["id"].as_str().expect("an id").to_string();
    assert_eq!(listed[0]["attached_id"].as_str(), Some(entry.as_str()));
    ws.run(&["attach", "remove", &id]).ok("remove the orphan");
    let after = ws
        .run(&["attach", "orphaned", "--format", "json"])
        .ok("json");
    assert_eq!(
        json(&after.stdout),
        serde_json::json!([]),
        "removed: none left"
    );
}
