//! Editing register rows over IPC (and loading one by id: get_enterprise, get_village):
//! update_pairing, update_enterprise, update_village,
//! update_project and update_register_row delegate to the core — the derived figures
//! follow an edit, and a refused edit comes back as `{code, message, field}` with nothing
//! written.

use serde_json::{json, Value};
use taizhang_core::register::credit_code;

use crate::desk::{assert_error, Desk};
use crate::registers::{completed, counts, new_enterprise, new_village, pairing};

/// The change that leaves a pairing as it is.
fn unchanged(p: &Value) -> Value {
    json!({
        "enterprise": {"ref": "existing", "id": p["enterprise_id"]},
        "village": {"ref": "existing", "id": p["village_id"]},
        "signed_on": p["signed_on"], "status": p["status"], "note": p["note"],
    })
}

fn with(mut change: Value, key: &str, value: Value) -> Value {
    change[key] = value;
    change
}

#[test]
fn editing_a_pairing_moves_the_figures_and_refusals_write_nothing() {
    let desk = Desk::new();
    let gf01 = completed(&desk, "GF01");
    let code = credit_code::with_check("91371302MA3C12345").expect("a code");
    let a = desk.ok(
        "add_pairing",
        pairing(
            new_enterprise("临沂编辑测试有限公司", Some(&code)),
            new_village("编辑东村"),
        ),
    );
    let b = desk.ok(
        "add_pairing",
        pairing(
            new_enterprise("临沂编辑二号有限公司", None),
            new_village("编辑西村"),
        ),
    );
    assert_eq!(
        completed(&desk, "GF01"),
        gf01 + 2.0,
        "two new enterprises count"
    );
    let id = a["id"].clone();

    let ended = desk.ok(
        "update_pairing",
        json!({"id": id, "change": with(unchanged(&a), "status", json!("ended"))}),
    );
    assert_eq!(
        (&ended["id"], &ended["status"]),
        (&id, &json!("ended")),
        "update_pairing returns the pairing, got {ended}"
    );
    assert_eq!(
        completed(&desk, "GF01"),
        gf01 + 1.0,
        "an ended pairing's enterprise no longer counts"
    );
    let noted = desk.ok(
        "update_pairing",
        json!({"id": id, "change": with(unchanged(&ended), "note", json!("  改签 "))}),
    );
    assert_eq!(noted["note"], "改签", "the note is trimmed, got {noted}");

    let before = counts(&desk);
    let same_as_b = json!({
        "enterprise": {"ref": "existing", "id": b["enterprise_id"]},
        "village": {"ref": "existing", "id": b["village_id"]},
        "signed_on": "2024-07-01", "status": "active",
    });
    // (what, command, arguments, code, field, the message says)
    let cases = [
        (
            "the same pair as another",
            "update_pairing",
            json!({"id": id, "change": same_as_b}),
            "duplicate",
            None,
            "已存在",
        ),
        (
            "signed in the future",
            "update_pairing",
            json!({"id": id, "change": with(unchanged(&noted), "signed_on", json!("2099-01-01"))}),
            "date_out_of_range",
            Some("signed_on"),
            "2099",
        ),
        (
            "an unknown pairing",
            "update_pairing",
            json!({"id": "nope", "change": unchanged(&noted)}),
            "not_found",
            None,
            "结对关系",
        ),
        (
            "another enterprise's name",
            "update_enterprise",
            json!({"id": a["enterprise_id"], "change": {"name": "临沂编辑二号有限公司"}}),
            "duplicate",
            Some("name"),
            "已存在",
        ),
        (
            "another enterprise's credit code",
            "update_enterprise",
            json!({"id": b["enterprise_id"], "change": {"name": "临沂编辑二号有限公司", "credit_code": code}}),
            "duplicate",
            Some("credit_code"),
            "临沂编辑测试有限公司",
        ),
        (
            "a wrong check character",
            "update_enterprise",
            json!({"id": b["enterprise_id"], "change": {"name": "乙", "credit_code": format!("{}0", &code[..17])}}),
            "bad_credit_code",
            Some("credit_code"),
            "校验位",
        ),
        (
            "another village's place and name",
            "update_village",
            json!({"id": a["village_id"], "change": {"name": "编辑西村", "township": "马厂湖镇", "county": "兰山区"}}),
            "duplicate",
            None,
            "已存在",
        ),
    ];
    for (what, cmd, args, code, field, says) in cases {
        let e = desk.err(cmd, args);
        assert_error(what, &e, code, field, says);
        assert_eq!(counts(&desk), before, "{what}: nothing written");
    }
    let page = desk.ok(
        "list_pairings",
        json!({"filter": {"search": "临沂编辑测试"}}),
    );
    assert_eq!(
        page["rows"][0], noted,
        "the pairing is as the last accepted edit left it"
    );

    let renamed = desk.ok("update_enterprise", json!({"id": b["enterprise_id"], "change": {"name": "临沂编辑三号有限公司", "county": "兰山区"}}));
    assert_eq!(
        renamed["name"], "临沂编辑三号有限公司",
        "update_enterprise returns the enterprise, got {renamed}"
    );
    let moved = desk.ok("update_village", json!({"id": b["village_id"], "change": {"name": "编辑北村", "township": "马厂湖镇", "county": "兰山区"}}));
    assert_eq!(
        moved["name"], "编辑北村",
        "update_village returns the village, got {moved}"
    );
    // An edit dialog loads the record by id.
    assert_eq!(
        desk.ok("get_enterprise", json!({"id": b["enterprise_id"]})),
        renamed,
        "get_enterprise gives the record as stored"
    );
    assert_eq!(
        desk.ok("get_village", json!({"id": b["village_id"]})),
        moved,
        "get_village gives the record as stored"
    );
    for cmd in ["get_enterprise", "get_village"] {
        let e = desk.err(cmd, json!({"id": "no-such-id"}));
        assert_eq!(e["code"], "not_found", "{cmd}: {e}");
    }
    let page = desk.ok("list_pairings", json!({"filter": {"search": "编辑三号"}}));
    assert_eq!(
        page["rows"][0]["village"], "编辑北村",
        "the pairing shows both edits, got {page}"
    );
}

#[test]
fn editing_projects_and_activity_rows() {
    let desk = Desk::new();
    let gf03 = completed(&desk, "GF03");
    let p = desk.ok(
        "add_pairing",
        pairing(
            new_enterprise("临沂项目编辑有限公司", None),
            new_village("项目东村"),
        ),
    );
    let project = |agreed: &str, investment: Value| {
        json!({"pairing": p["id"], "name": "编辑测试项目", "kind": "industry", "agreed_on": agreed,
               "investment": investment, "status": "agreed"})
    };
    let x = desk.ok(
        "add_project",
        json!({"project": project("2024-07-01", json!(10))}),
    );
    assert_eq!(
        completed(&desk, "GF03"),
        gf03 + 1.0,
        "the new project counts"
    );
    let later = desk.ok("update_project", json!({"id": x["id"], "change": with(project("2024-08-15", json!(25.5)), "status", json!("completed"))}));
    assert_eq!(
        (&later["agreed_on"], &later["investment"], &later["status"]),
        (&json!("2024-08-15"), &json!(25.5), &json!("completed")),
        "update_project returns the project, got {later}"
    );
    assert_eq!(
        completed(&desk, "GF03"),
        gf03,
        "agreed after the as-of date, it no longer counts by then"
    );
    let e = desk.err(
        "update_project",
        json!({"id": x["id"], "change": project("2024-07-01", json!(-5))}),
    );
    assert_error(
        "a negative investment",
        &e,
        "negative_value",
        Some("investment"),
        "负",
    );
    let e = desk.err(
        "update_project",
        json!({"id": "nope", "change": project("2024-07-01", json!(1))}),
    );
    assert_error("an unknown project", &e, "not_found", None, "合作项目");

    let jy07 = completed(&desk, "JY07");
    let row = |status: &str, category: &str| {
        json!({"register": "report", "occurred_on": "2024-07-05", "unit": "兰山区",
               "title": "关于编辑的调研", "status": status, "data": {"category": category}})
    };
    let r = desk.ok(
        "add_register_row",
        json!({"row": row("adopted", "调研报告")}),
    );
    assert_eq!(
        completed(&desk, "JY07"),
        jy07 + 1.0,
        "an adopted report counts"
    );
    let changed = desk.ok(
        "update_register_row",
        json!({"id": r["id"], "change": row("submitted", "调研报告")}),
    );
    assert_eq!(
        (&changed["id"], &changed["status"]),
        (&r["id"], &json!("submitted")),
        "update_register_row returns the row, got {changed}"
    );
    assert_eq!(
        completed(&desk, "JY07"),
        jy07,
        "no longer adopted, it no longer counts"
    );
    let e = desk.err(
        "update_register_row",
        json!({"id": r["id"], "change": row("lost", "调研报告")}),
    );
    assert_error(
        "an unknown status",
        &e,
        "invalid",
        Some("status"),
        "不是可选状态",
    );
    let e = desk.err(
        "update_register_row",
        json!({"id": "nope", "change": row("adopted", "调研报告")}),
    );
    assert_error("an unknown row", &e, "not_found", None, "台账记录");
    assert_eq!(
        completed(&desk, "JY07"),
        jy07,
        "refused edits change nothing"
    );
}
