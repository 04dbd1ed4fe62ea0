//! 填报轮次 over IPC: open a round, the board, 提交 / 退回 / 审核, 催报 texts, a correction,
//! the tables sent, lock (refused, then forced) and what a locked quarter refuses, unlock.

use serde_json::json;

use crate::desk::{assert_error, Desk};

#[test]
fn a_round_is_opened_worked_through_and_listed() {
    let desk = Desk::new();
    let round = desk.ok(
        "open_round",
        json!({"round": {"period": {"kind": "quarter", "year": 2024, "q": 2}, "due_on": "2024-07-10", "units": ["兰山区", "兰陵县"]}}),
    );
    assert_eq!(
        (round["label"].as_str(), round["units"].as_u64()),
        (Some("2024年第二季度"), Some(2)),
        "{round}"
    );
    let listed = desk.ok("list_rounds", json!({}));
    assert_eq!(listed[0]["key"], json!("2024Q2"), "{listed}");

    let board = desk.ok("round_board", json!({"quarter": "2024Q2"}));
    let rows = board.as_array().unwrap();
    assert_eq!(rows.len(), 2);
    assert!(
        rows.iter()
            .all(|r| r["state"] == json!("not_started") && r["late_days"].as_i64() > Some(0)),
        "{board}"
    );

    let reminders = desk.ok("remind_text", json!({"quarter": "2024年第二季度"}));
    assert!(
        reminders[0]["text"]
            .as_str()
            .unwrap()
            .starts_with("请兰山区于7月10日前报送2024年第二季度统计表，已逾期"),
        "{reminders}"
    );
    let submitted = desk.ok(
        "submit_return",
        json!({"unit": "兰山区", "quarter": "2024Q2"}),
    );
    assert_eq!(submitted["state"], json!("submitted"));
    let e = desk.err(
        "return_to_unit",
        json!({"unit": "兰山区", "quarter": "2024Q2", "reason": " "}),
    );
    assert_error(
        "a return without a reason",
        &e,
        "invalid",
        Some("return_reason"),
        "退回原因",
    );
    let back = desk.ok(
        "return_to_unit",
        json!({"unit": "兰山区", "quarter": "2024Q2", "reason": "数据有误"}),
    );
    assert_eq!(
        (back["state"].as_str(), back["reason"].as_str()),
        (Some("returned"), Some("数据有误"))
    );
    let e = desk.err(
        "approve_return",
        json!({"unit": "兰山区", "quarter": "2024Q2"}),
    );
    assert_error("approve a returned table", &e, "round_state", None, "退回");
    desk.ok(
        "submit_return",
        json!({"unit": "兰山区", "quarter": "2024Q2"}),
    );
    let approved = desk.ok(
        "approve_return",
        json!({"unit": "兰山区", "quarter": "2024Q2"}),
    );
    assert_eq!(approved["state"], json!("approved"));
    let e = desk.err("round_board", json!({"quarter": "下季度"}));
    assert_error(
        "a period that is no period",
        &e,
        "bad_quarter",
        None,
        "下季度",
    );

    let dir = tempfile::tempdir().unwrap();
    let sent = desk.ok(
        "send_round",
        json!({"quarter": "2024Q2", "dir": dir.path().to_str().unwrap()}),
    );
    assert_eq!(sent["files"].as_array().map(Vec::len), Some(2), "{sent}");
    assert!(dir
        .path()
        .join("兰陵县_2024年第二季度_统计表.xlsx")
        .is_file());
    let history = desk.ok("round_history", json!({"quarter": "2024Q2"}));
    let kinds: Vec<&str> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        ["open", "submit", "return", "submit", "approve", "send"]
    );
}

#[test]
fn a_locked_quarter_refuses_the_windows_writes_until_unlocked() {
    let desk = Desk::new();
    desk.ok(
        "open_round",
        json!({"round": {"period": {"kind": "quarter", "year": 2024, "q": 2}, "due_on": "2024-07-10", "units": ["兰山区"]}}),
    );
    let e = desk.err(
        "lock_round",
        json!({"quarter": "2024Q2", "force": false, "reason": ""}),
    );
    assert_error(
        "lock before approval",
        &e,
        "round_not_approved",
        None,
        "兰山区",
    );
    let locked = desk.ok(
        "lock_round",
        json!({"quarter": "2024Q2", "force": true, "reason": "按期汇总"}),
    );
    assert!(locked["locked_on"].is_string(), "{locked}");
    let before = desk.entry_count();
    let entry = json!({"entry": {"indicator": "JY05", "unit": "兰山区", "occurred_on": "2024-06-30", "value": 1}});
    let e = desk.err("record_entry", entry.clone());
    assert_error(
        "an entry in the locked quarter",
        &e,
        "period_locked",
        None,
        "2024年第二季度已锁定",
    );
    let e = desk.err(
        "set_lag_note",
        json!({"note": {"indicator": "JY05", "unit": "兰山区", "quarter": {"year": 2024, "q": 2}, "reason": "汛期", "measures": ""}}),
    );
    assert_error(
        "a lag note of the locked quarter",
        &e,
        "period_locked",
        None,
        "不能再修改该季度的数据",
    );
    assert_eq!(desk.entry_count(), before, "nothing written");
    let listed = desk.ok("list_entries", json!({"filter": {"indicator": "JY05", "unit": "兰山区", "include_subunits": false, "from": "2024-04-01", "to": "2024-06-30", "limit": 1}}));
    let id = listed["rows"][0]["id"].as_str().unwrap().to_string();
    let e = desk.err(
        "correct_entry",
        json!({"id": id, "value": 0, "reason": "重复"}),
    );
    assert_error(
        "a correction in the locked quarter",
        &e,
        "period_locked",
        None,
        "已锁定",
    );
    let e = desk.err("unlock_round", json!({"quarter": "2024Q2", "reason": ""}));
    assert_error(
        "unlock without a reason",
        &e,
        "invalid",
        Some("unlock_reason"),
        "解锁原因",
    );
    desk.ok(
        "unlock_round",
        json!({"quarter": "2024Q2", "reason": "更正"}),
    );
    desk.ok("record_entry", entry);
    let corrected = desk.ok(
        "correct_entry",
        json!({"id": id, "value": 0, "reason": "重复"}),
    );
    assert_eq!(
        corrected["correction"]["corrected"],
        json!(0.0),
        "{corrected}"
    );
}
