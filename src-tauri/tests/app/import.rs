//! Import: the preview of a real file shows each problem at its sheet, row and column and
//! writes nothing; a corrected mapping is taken; a clean file is written once, with its
//! progress streamed through the channel, and the same file again adds nothing; each
//! kind's template is written as a real .xlsx that reads back as an empty import.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use serde_json::{json, Value};
use tauri::ipc::InvokeResponseBody;

use crate::desk::{assert_error, Desk};

/// An indicator clerks type figures for (others are counted from registers).
const INDICATOR: &str = "建言献策骨干队伍";
const AS_OF: &str = "2024-12-31";

fn entries() -> Value {
    json!({"kind": "entries"})
}

/// A desk whose channel messages (the commit's progress) are kept in order.
fn desk_with_progress_log() -> (Desk, Arc<Mutex<Vec<Value>>>) {
    let log = Arc::new(Mutex::new(Vec::new()));
    let kept = Arc::clone(&log);
    let desk = Desk::with(move |b| {
        b.channel_interceptor(move |_webview, _channel, _index, body| {
            if let InvokeResponseBody::Json(text) = body {
                let value = serde_json::from_str(text).expect("a progress message is JSON");
                kept.lock().expect("log").push(value);
            }
            true
        })
    });
    (desk, log)
}

/// A CSV file as Excel saves it (UTF-8 with a BOM) in a folder of its own.
fn csv_file(dir: &Path, name: &str, lines: &[&str]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, format!("\u{feff}{}\r\n", lines.join("\r\n"))).expect("write CSV");
    path
}

fn path_text(p: &Path) -> String {
    p.display().to_string()
}

/// Entries of [`INDICATOR`] in the ledger.
fn entry_count(desk: &Desk) -> u64 {
    desk.ok(
        "list_entries",
        json!({"filter": {"indicator": INDICATOR, "limit": 1}}),
    )["total"]
        .as_u64()
        .expect("total")
}

/// The city's completed value of [`INDICATOR`] (what the overview shows).
fn completed(desk: &Desk) -> f64 {
    let rows = desk.ok(
        "progress",
        json!({"query": {"as_of": AS_OF, "indicator": INDICATOR}}),
    );
    rows[0]["completed"].as_f64().expect("completed value")
}

/// (sheet, row, column, message) of each problem.
fn problems(preview: &Value) -> Vec<(String, Option<u64>, Option<String>, String)> {
    preview["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .map(|p| {
            (
                p["sheet"].as_str().unwrap_or_default().to_string(),
                p["row"].as_u64(),
                p["column"].as_str().map(String::from),
                p["message"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

fn len(v: &Value, key: &str) -> usize {
    v[key]
        .as_array()
        .map_or_else(|| panic!("no {key} in {v}"), Vec::len)
}

fn commit_args(path: &Path, mapping: Value) -> Value {
    json!({"kind": entries(), "path": path_text(path), "mapping": mapping, "onProgress": "__CHANNEL__:7"})
}

#[test]
fn a_bad_cell_is_shown_where_it_is_and_nothing_is_written() {
    let (desk, progress) = desk_with_progress_log();
    let dir = tempfile::tempdir().expect("temp dir");
    // (the bad cell's line, the problem wanted at row 3)
    let cases = [
        (
            format!("{INDICATOR},罗庄区,2024-06-30,约50,导入测试"),
            ("数值", "第3行「数值」不是数字：约50"),
        ),
        (
            format!("{INDICATOR},罗庄区,2024-06-30,-5,导入测试"),
            ("数值", "第3行「数值」不能为负数：-5"),
        ),
        (
            format!("{INDICATOR},火星区,2024-06-30,5,导入测试"),
            ("责任单位", "第3行「责任单位」找不到责任单位：火星区"),
        ),
    ];
    for (bad, (column, message)) in cases {
        let path = csv_file(
            dir.path(),
            "完成情况.csv",
            &[
                "指标,责任单位,日期,数值,备注",
                &format!("{INDICATOR},兰山区,2024-06-30,5,导入测试"),
                &bad,
            ],
        );
        let before = (entry_count(&desk), completed(&desk));
        let preview = desk.ok(
            "import_preview",
            json!({"kind": entries(), "path": path_text(&path), "mapping": null}),
        );
        let sheet = preview["mapping"]["sheets"][0]["sheet"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        assert_eq!(
            problems(&preview),
            vec![(sheet, Some(3), Some(column.into()), message.into())],
            "{bad}: the problem at its row and column"
        );
        assert_eq!(len(&preview, "rows"), 1, "{bad}: the good row is shown");

        let e = desk.err("import_commit", commit_args(&path, Value::Null));
        assert_error(
            &format!("commit of {bad}"),
            &e,
            "import_rejected",
            None,
            message,
        );
        let after = (entry_count(&desk), completed(&desk));
        assert_eq!(after, before, "{bad}: (entries, completed) unchanged");
    }
    let sent = progress.lock().expect("log").clone();
    assert!(
        sent.is_empty(),
        "a refused import reports no progress, got {sent:?}"
    );
}

#[test]
fn a_clean_file_is_written_once_with_its_progress() {
    let (desk, progress) = desk_with_progress_log();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = csv_file(
        dir.path(),
        "完成情况.csv",
        &[
            "2024年建言献策完成情况",
            "指标,责任单位,日期,数值,备注",
            &format!("{INDICATOR},兰山区,2024-06-30,7,导入测试"),
            &format!("{INDICATOR},罗庄区,2024-06-29,5,导入测试"),
            "合计,,,12,",
        ],
    );
    let before = (entry_count(&desk), completed(&desk));
    let preview = desk.ok(
        "import_preview",
        json!({"kind": entries(), "path": path_text(&path), "mapping": null}),
    );
    assert_eq!(
        (
            len(&preview, "rows"),
            len(&preview, "duplicates"),
            len(&preview, "problems")
        ),
        (2, 0, 0),
        "preview: (rows, duplicates, problems)"
    );
    assert_eq!(
        (entry_count(&desk), completed(&desk)),
        before,
        "a preview writes nothing"
    );

    let report = desk.ok(
        "import_commit",
        commit_args(&path, preview["mapping"].clone()),
    );
    assert_eq!(
        (
            report["written"].as_u64(),
            report["duplicates"].as_u64(),
            report["skipped"].as_u64()
        ),
        (Some(2), Some(0), Some(1)),
        "first commit: (written, duplicates, skipped the 合计 row) in {report}"
    );
    let after = (entry_count(&desk), completed(&desk));
    assert_eq!(after.0, before.0 + 2, "entries after the import");
    assert!(
        (after.1 - before.1 - 12.0).abs() < 1e-9,
        "completed moves by 12: before {}, after {}",
        before.1,
        after.1
    );
    let sent = progress.lock().expect("log").clone();
    assert_eq!(
        (sent.first(), sent.last()),
        (
            Some(&json!({"done": 0, "total": 2})),
            Some(&json!({"done": 2, "total": 2}))
        ),
        "progress from 0 to all rows, got {sent:?}"
    );

    let again = desk.ok(
        "import_preview",
        json!({"kind": entries(), "path": path_text(&path), "mapping": null}),
    );
    assert_eq!(
        (len(&again, "rows"), len(&again, "duplicates")),
        (0, 2),
        "the same file again: (rows, duplicates)"
    );
    let report = desk.ok("import_commit", commit_args(&path, Value::Null));
    assert_eq!(
        (report["written"].as_u64(), report["duplicates"].as_u64()),
        (Some(0), Some(2)),
        "second commit: (written, duplicates) in {report}"
    );
    assert_eq!(
        (entry_count(&desk), completed(&desk)),
        after,
        "the second import adds nothing"
    );
}

#[test]
fn a_corrected_mapping_is_taken() {
    let desk = Desk::new();
    let fields = desk.ok("import_fields", json!({"kind": entries()}));
    let keys: Vec<&str> = fields
        .as_array()
        .expect("fields")
        .iter()
        .filter_map(|f| f["key"].as_str())
        .collect();
    assert_eq!(
        keys,
        ["indicator", "unit", "occurred_on", "value", "note"],
        "the fields of entries"
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let path = csv_file(
        dir.path(),
        "自己的表.csv",
        &[
            "指标,责任单位,日期,甲",
            &format!("{INDICATOR},兰山区,2024-06-30,3"),
        ],
    );
    let args =
        |mapping: Value| json!({"kind": entries(), "path": path_text(&path), "mapping": mapping});
    let guessed = desk.ok("import_preview", args(Value::Null));
    let messages: Vec<String> = problems(&guessed).into_iter().map(|p| p.3).collect();
    assert!(
        messages.iter().any(|m| m.contains("缺少「数值」列")),
        "an unknown header leaves 数值 unmapped: {messages:?}"
    );

    let mut mapping = guessed["mapping"].clone();
    let columns = mapping["sheets"][0]["columns"]
        .as_array_mut()
        .expect("columns of the sheet");
    let column = columns
        .iter_mut()
        .find(|c| c["header"] == "甲")
        .expect("the column 甲");
    column["field"] = json!("value");
    let corrected = desk.ok("import_preview", args(mapping.clone()));
    assert_eq!(
        (len(&corrected, "problems"), len(&corrected, "rows")),
        (0, 1),
        "with 甲 → 数值: (problems, rows) in {corrected}"
    );
    assert_eq!(
        corrected["rows"][0]["values"][3], "3",
        "the value read from 甲"
    );
    assert_eq!(
        corrected["mapping"], mapping,
        "the preview returns the mapping it used"
    );
}

#[test]
fn templates_are_written_as_xlsx_that_read_back_empty() {
    let desk = Desk::new();
    let dir = tempfile::tempdir().expect("temp dir");
    // (kind, file name)
    let cases = [
        (json!({"kind": "entries"}), "完成情况导入模板.xlsx"),
        (json!({"kind": "pairings"}), "结对关系导入模板.xlsx"),
        (
            json!({"kind": "activity", "register": "visit"}),
            "走访导入模板.xlsx",
        ),
    ];
    for (kind, name) in cases {
        let path = dir.path().join(name);
        let done = desk.ok(
            "import_template",
            json!({"kind": kind, "path": path_text(&path)}),
        );
        assert_eq!(done, Value::Null, "{name}: import_template returns nothing");
        let bytes = std::fs::read(&path).unwrap_or_default();
        assert!(
            bytes.starts_with(b"PK"),
            "{name}: an .xlsx (zip) file, got {} bytes",
            bytes.len()
        );
        let preview = desk.ok(
            "import_preview",
            json!({"kind": kind, "path": path_text(&path), "mapping": null}),
        );
        let fields = len(&preview, "fields");
        let mapped = preview["mapping"]["sheets"][0]["columns"]
            .as_array()
            .map_or(0, |c| c.iter().filter(|c| !c["field"].is_null()).count());
        assert_eq!(
            (len(&preview, "problems"), len(&preview, "rows"), mapped),
            (0, 0, fields),
            "{name}: (problems, rows, columns mapped) — the example row is skipped"
        );
    }
    // (kind, path, code)
    let refusals = [
        (
            json!({"kind": "entries"}),
            dir.path().join("没有这个文件夹/模板.xlsx"),
            "write_failed",
        ),
        (
            json!({"kind": "activity", "register": "没有这种台账"}),
            dir.path().join("模板.xlsx"),
            "not_found",
        ),
    ];
    for (kind, path, code) in refusals {
        let e = desk.err(
            "import_template",
            json!({"kind": kind, "path": path_text(&path)}),
        );
        assert_eq!(e["code"], json!(code), "template {kind} at {path:?}: {e}");
        assert!(!path.exists(), "nothing written at {path:?}");
    }
}
