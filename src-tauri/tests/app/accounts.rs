//! Accounts, sign-in and the trail over IPC: single-user until the first admin, then every
//! command answers `login_required` until the window signs in; a clerk's write outside its
//! county is refused with the Chinese message and writes nothing; 操作记录 and 历史.

use serde_json::json;

use crate::desk::{assert_error, Desk};

const PW: &str = "Mima2024ok";
const INDICATOR: &str = "建言献策骨干队伍";

fn entry(unit: &str) -> serde_json::Value {
    json!({"entry": {"indicator": INDICATOR, "unit": unit, "occurred_on": "2024-06-20", "value": 2, "note": ""}})
}

fn account(login: &str, role: &str, unit: Option<&str>) -> serde_json::Value {
    json!({"account": {"login": login, "display_name": format!("{login}某"), "role": role, "unit": unit, "password": PW}})
}

#[test]
fn sign_in_scopes_and_refuses() {
    let desk = Desk::new();
    let info = desk.ok("session_info", json!({}));
    assert_eq!(
        info["accounts_exist"],
        json!(false),
        "a new ledger is single-user: {info}"
    );
    assert!(
        info["actor"].as_str().unwrap().starts_with("desktop:"),
        "{info}"
    );
    let e = desk.err("add_account", account("first", "clerk", Some("兰山区")));
    assert_error(
        "the first account",
        &e,
        "invalid",
        Some("role"),
        "第一个账号必须是管理员",
    );
    desk.ok("add_account", account("admin", "admin", None));

    // From now on, nothing but the login screen's commands until someone signs in.
    let e = desk.err("list_entries", json!({"filter": {"limit": 1}}));
    assert_eq!(e["code"], json!("login_required"), "{e}");
    assert_eq!(desk.ok("session_info", json!({}))["account"], json!(null));
    let e = desk.err(
        "sign_in",
        json!({"login": "admin", "password": "wrong-pass-1"}),
    );
    assert_error(
        "a wrong password",
        &e,
        "bad_login",
        Some("password"),
        "再错4次",
    );

    let info = desk.ok("sign_in", json!({"login": "admin", "password": PW}));
    assert_eq!(info["account"]["role"], json!("admin"), "{info}");
    desk.ok("add_account", account("lanshan", "clerk", Some("兰山区")));
    desk.ok("add_account", account("lingdao", "viewer", None));
    assert_eq!(
        desk.ok("list_accounts", json!({}))
            .as_array()
            .unwrap()
            .len(),
        3
    );

    let info = desk.ok("sign_in", json!({"login": "lanshan", "password": PW}));
    let grants = info["permissions"]["grants"].as_array().unwrap();
    let entries = grants
        .iter()
        .find(|g| g["area"] == json!("entries"))
        .unwrap();
    assert_eq!(entries["grant"], json!("scope"), "{info}");
    assert_eq!(info["actor"], json!("lanshan某（兰山区填报员）"));
    desk.ok("record_entry", entry("兰山区"));
    let before = desk.entry_count();
    let e = desk.err("record_entry", entry("沂南县"));
    assert_error(
        "a 沂南县 entry by a 兰山区 clerk",
        &e,
        "forbidden",
        None,
        "兰山区填报员无权新增沂南县的数据（完成情况）",
    );
    assert_eq!(
        desk.entry_count(),
        before,
        "the refused write wrote nothing"
    );
    let e = desk.err("list_accounts", json!({}));
    assert_eq!(e["code"], json!("forbidden"));

    desk.ok("sign_in", json!({"login": "lingdao", "password": PW}));
    assert!(
        desk.ok(
            "action_summaries",
            json!({"query": {"as_of": "2024-06-30"}})
        )
        .as_array()
        .unwrap()
        .len()
            >= 5,
        "a viewer reads the overview"
    );
    let e = desk.err("record_entry", entry("兰山区"));
    assert_eq!(
        e["code"],
        json!("forbidden"),
        "a viewer writes nothing: {e}"
    );
    desk.ok("change_password", json!({"old": PW, "new": "Lingdao2025x"}));
    let info = desk.ok("sign_out", json!({}));
    assert_eq!(info["account"], json!(null));
    desk.ok(
        "sign_in",
        json!({"login": "lingdao", "password": "Lingdao2025x"}),
    );
}

#[test]
fn the_trail_shows_an_edit_and_verifies() {
    let desk = Desk::new();
    let e = desk.ok("record_entry", entry("兰山区"));
    let id = e["id"].as_str().unwrap().to_string();
    desk.ok("update_entry", json!({"id": id, "change": {"value": 5}}));
    let history = desk.ok(
        "row_history",
        json!({"table": "progress_entry", "rowId": id}),
    );
    let ops: Vec<&str> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["op"].as_str().unwrap())
        .collect();
    assert_eq!(ops, ["insert", "update"]);
    let value = history[1]["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["field"] == json!("value"))
        .cloned()
        .unwrap();
    assert_eq!(
        (value["old"].clone(), value["new"].clone()),
        (json!(2.0), json!(5.0))
    );
    let page = desk.ok(
        "list_audit",
        json!({"filter": {"table": "progress_entry", "limit": 5}}),
    );
    assert_eq!(page["rows"][0]["row_id"], json!(id), "newest first: {page}");
    let verdict = desk.ok("verify_audit", json!({}));
    assert_eq!(verdict["ok"], json!(true), "{verdict}");
}
