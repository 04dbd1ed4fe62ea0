//! Actions, indicators and units: add, rename, change, archive, and duplicates refused.

use serde_json::json;

use crate::desk::{assert_error, Desk};

#[test]
fn actions_are_added_renamed_and_archived() {
    let desk = Desk::new();
    let added = desk.ok(
        "add_action",
        json!({"action": {"code": "digital", "name": "数字赋能"}}),
    );
    assert_eq!(added["name"], json!("数字赋能"), "add_action, got {added}");
    let renamed = desk.ok(
        "rename_action",
        json!({"id": "digital", "name": "数字赋能行动", "nameEn": "Digital"}),
    );
    assert_eq!(
        (renamed["name"].clone(), renamed["name_en"].clone()),
        (json!("数字赋能行动"), json!("Digital")),
        "rename_action"
    );
    let archived = desk.ok(
        "set_action_archived",
        json!({"id": "digital", "archived": true}),
    );
    assert_eq!(
        archived["archived"],
        json!(true),
        "set_action_archived, got {archived}"
    );
    let listed = desk.ok("list_actions", json!({"includeArchived": false}));
    assert!(
        !listed
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["code"] == "digital"),
        "archived actions leave the list"
    );

    let err = desk.err(
        "add_action",
        json!({"action": {"code": "advice", "name": "重复"}}),
    );
    assert_error("add_action duplicate", &err, "duplicate", None, "advice");
    let err = desk.err(
        "add_action",
        json!({"action": {"code": "有空格 的", "name": "坏编码"}}),
    );
    assert_error("add_action bad code", &err, "invalid", Some("code"), "编码");
    let err = desk.err("rename_action", json!({"id": "nope", "name": "x"}));
    assert_error(
        "rename_action unknown",
        &err,
        "unknown_action",
        Some("action"),
        "nope",
    );
}

#[test]
fn indicators_are_added_and_changed() {
    let desk = Desk::new();
    let new = json!({"action": "prosperity", "code": "GF99", "name": "帮扶资金", "measure": "万元", "decimals": 2});
    let added = desk.ok("add_indicator", json!({"indicator": new}));
    assert_eq!(
        (added["code"].clone(), added["decimals"].clone()),
        (json!("GF99"), json!(2)),
        "add_indicator, got {added}"
    );
    let changed = desk.ok(
        "change_indicator",
        json!({"id": "GF99", "change": {"name": "帮扶资金总额", "headline": true}}),
    );
    assert_eq!(
        (changed["name"].clone(), changed["headline"].clone()),
        (json!("帮扶资金总额"), json!(true)),
        "change_indicator"
    );

    let err = desk.err("add_indicator", json!({"indicator": new}));
    assert_error("add_indicator duplicate", &err, "duplicate", None, "GF99");
    let err = desk.err("change_indicator", json!({"id": "没有", "change": {}}));
    assert_error(
        "change_indicator unknown",
        &err,
        "unknown_indicator",
        Some("indicator"),
        "没有",
    );
}

#[test]
fn units_are_added_renamed_and_archived() {
    let desk = Desk::new();
    let new = json!({"code": "TEST01", "name": "测试办", "kind": "department", "parent": "临沂市"});
    let added = desk.ok("add_unit", json!({"unit": new}));
    assert_eq!(added["kind"], json!("department"), "add_unit, got {added}");
    let renamed = desk.ok("rename_unit", json!({"id": "TEST01", "name": "测试办公室"}));
    assert_eq!(
        renamed["name"],
        json!("测试办公室"),
        "rename_unit, got {renamed}"
    );
    let archived = desk.ok(
        "set_unit_archived",
        json!({"id": "TEST01", "archived": true}),
    );
    assert_eq!(
        archived["archived"],
        json!(true),
        "set_unit_archived, got {archived}"
    );

    let err = desk.err("add_unit", json!({"unit": new}));
    assert_error("add_unit duplicate", &err, "duplicate", None, "TEST01");
    let err = desk.err("rename_unit", json!({"id": "火星市", "name": "x"}));
    assert_error(
        "rename_unit unknown",
        &err,
        "unknown_unit",
        Some("unit"),
        "火星市",
    );
}
