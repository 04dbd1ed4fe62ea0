//! The round's reads over IPC: 催报 written as an .xlsx (and refused into a missing
//! folder), 审核's view of a unit (its period beside the previous one, an entry of the
//! period counted in), the leaders' brief (counts following a submission), each refused for
//! a period without a round; and 已删除记录的佐证 after an entry with a file is deleted.

use serde_json::{json, Value};

use crate::desk::Desk;

fn open_q2(desk: &Desk) {
    desk.ok(
        "open_round",
        json!({"round": {"period": {"kind": "quarter", "year": 2024, "q": 2}, "due_on": "2024-07-10", "units": ["兰山区", "兰陵县"]}}),
    );
}

#[test]
fn remind_to_file_writes_the_list() {
    let desk = Desk::new();
    open_q2(&desk);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("2024年第二季度催报名单.xlsx");
    let rows = desk.ok(
        "remind_to_file",
        json!({"quarter": "2024Q2", "path": path.display().to_string()}),
    );
    let units: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["unit"].as_str().unwrap())
        .collect();
    assert_eq!(units, ["兰山区", "兰陵县"], "{rows}");
    let bytes = std::fs::read(&path).expect("the list is written");
    assert_eq!(&bytes[..2], b"PK", "an .xlsx (a zip)");
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(left.len(), 1, "no temporary file left beside it");

    let missing = dir.path().join("没有这个文件夹").join("催报.xlsx");
    let e = desk.err(
        "remind_to_file",
        json!({"quarter": "2024Q2", "path": missing.display().to_string()}),
    );
    assert_eq!(e["code"], "write_failed", "{e}");
    let e = desk.err(
        "remind_to_file",
        json!({"quarter": "2023Q1", "path": path.display().to_string()}),
    );
    assert_eq!(e["code"], "not_found", "no round for 2023Q1: {e}");
}

fn line<'a>(review: &'a Value, code: &str) -> &'a Value {
    review["lines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["code"] == code)
        .unwrap_or_else(|| panic!("no line {code} in {review}"))
}

#[test]
fn unit_review_shows_the_period_beside_the_previous() {
    let desk = Desk::new();
    open_q2(&desk);
    let args = json!({"unit": "兰山区", "quarter": "2024年第二季度"});
    let before = desk.ok("unit_review", args.clone());
    assert_eq!(
        (
            before["unit"].as_str(),
            before["label"].as_str(),
            before["previous_label"].as_str(),
            before["state"].as_str()
        ),
        (
            Some("兰山区"),
            Some("2024年第二季度"),
            Some("2024年第一季度"),
            Some("not_started")
        ),
        "{before}"
    );
    let jy05 = line(&before, "JY05");
    let (this, entries) = (
        jy05["this_period"].as_f64().unwrap(),
        jy05["entries"].as_array().unwrap().len(),
    );
    desk.ok(
        "record_entry",
        json!({"entry": {"indicator": "JY05", "unit": "兰山区", "occurred_on": "2024-06-30", "value": 2, "note": ""}}),
    );
    let after = desk.ok("unit_review", args);
    let jy05 = line(&after, "JY05");
    assert_eq!(
        jy05["this_period"].as_f64().unwrap(),
        this + 2.0,
        "本期 counts the new entry: {jy05}"
    );
    assert_eq!(jy05["entries"].as_array().unwrap().len(), entries + 1);
    assert!(
        jy05["year_to_date"].as_f64().unwrap() >= this + 2.0,
        "{jy05}"
    );

    let e = desk.err(
        "unit_review",
        json!({"unit": "罗庄区", "quarter": "2024Q2"}),
    );
    assert_eq!(e["code"], "not_found", "a unit not in the round: {e}");
}

#[test]
fn round_brief_counts_the_states() {
    let desk = Desk::new();
    open_q2(&desk);
    let brief = desk.ok("round_brief", json!({"quarter": "2024Q2"}));
    assert!(
        brief["title"].as_str().unwrap().contains("2024年第二季度"),
        "{}",
        brief["title"]
    );
    let counts = |b: &Value| {
        let c = &b["counts"];
        ["units", "not_started", "submitted", "approved"].map(|k| c[k].as_u64().unwrap())
    };
    assert_eq!(counts(&brief), [2, 2, 0, 0], "{}", brief["counts"]);
    assert_eq!(brief["board"].as_array().unwrap().len(), 2);
    assert!(
        !brief["actions"].as_array().unwrap().is_empty(),
        "completion by action"
    );
    desk.ok(
        "submit_return",
        json!({"unit": "兰山区", "quarter": "2024Q2"}),
    );
    let brief = desk.ok("round_brief", json!({"quarter": "2024Q2"}));
    assert_eq!(counts(&brief), [2, 1, 1, 0], "{}", brief["counts"]);
    let e = desk.err("round_brief", json!({"quarter": "2023Q1"}));
    assert_eq!(e["code"], "not_found", "a period without a round: {e}");
}

#[test]
fn the_files_of_a_deleted_entry_are_listed() {
    let desk = Desk::new();
    let entry = desk.ok(
        "record_entry",
        json!({"entry": {"indicator": "JY05", "unit": "兰山区", "occurred_on": "2024-07-02", "value": 1, "note": ""}}),
    );
    let id = entry["id"].as_str().unwrap();
    let files = tempfile::tempdir().unwrap();
    let pdf = files.path().join("签到表.pdf");
    std::fs::write(&pdf, b"%PDF-1.4\n% sign-in\n%%EOF\n").unwrap();
    desk.ok(
        "attach_evidence",
        json!({"target": {"kind": "entry", "id": id}, "path": pdf.display().to_string(), "note": ""}),
    );
    assert_eq!(desk.ok("list_orphaned_evidence", json!({})), json!([]));
    desk.ok("delete_entry", json!({"id": id}));
    let orphans = desk.ok("list_orphaned_evidence", json!({}));
    let got: Vec<(&str, &str, bool)> = orphans
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["attached_to"].as_str().unwrap(),
                e["file_name"].as_str().unwrap(),
                e["intact"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(got, [("entry", "签到表.pdf", true)], "{orphans}");
}

#[test]
fn entry_corrections_give_what_was_reported() {
    let desk = Desk::new();
    let entry = desk.ok(
        "record_entry",
        json!({"entry": {"indicator": "JY05", "unit": "兰山区", "occurred_on": "2024-07-03", "value": 12, "note": ""}}),
    );
    let id = entry["id"].as_str().unwrap().to_string();
    let none = desk.ok("entry_corrections", json!({"ids": [id.clone()]}));
    assert_eq!(none, json!({}), "no correction yet");
    desk.ok(
        "correct_entry",
        json!({"id": id, "value": 10, "reason": "重复统计两家"}),
    );
    let got = desk.ok("entry_corrections", json!({"ids": [id.clone()]}));
    let list = got[id.as_str()]
        .as_array()
        .expect("the entry's corrections");
    assert_eq!(
        (
            list.len(),
            list[0]["reported"].as_f64(),
            list[0]["corrected"].as_f64(),
            list[0]["reason"].as_str()
        ),
        (1, Some(12.0), Some(10.0), Some("重复统计两家")),
        "{got}"
    );
}
