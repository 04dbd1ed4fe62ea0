//! Registers: enterprises, villages, pairings, cooperation projects, activity rows and
//! derivations — each command's happy path, the derived figures they move, and the
//! mapping of their errors (a duplicate pairing → `duplicate`, a bad credit code →
//! `bad_credit_code`) with nothing written.

use serde_json::{json, Value};
use taizhang_core::register::credit_code;

use crate::desk::{assert_error, Desk};

/// After the new rows' dates, so the derived figures include them.
const AS_OF: &str = "2024-07-31";

/// The city's completed value of an indicator as of [`AS_OF`].
pub fn completed(desk: &Desk, indicator: &str) -> f64 {
    let rows = desk.ok(
        "progress",
        json!({"query": {"as_of": AS_OF, "indicator": indicator}}),
    );
    rows[0]["completed"]
        .as_f64()
        .unwrap_or_else(|| panic!("{indicator}: no completed value in {rows}"))
}

/// The `total` of a listing command.
pub fn total(desk: &Desk, cmd: &str, filter: Value) -> u64 {
    let page = desk.ok(cmd, json!({ "filter": filter }));
    page["total"]
        .as_u64()
        .unwrap_or_else(|| panic!("{cmd}: no total in {page}"))
}

/// (pairings, enterprises, villages, projects) in the ledger.
pub fn counts(desk: &Desk) -> [u64; 4] {
    [
        total(desk, "list_pairings", json!({"limit": 1})),
        total(desk, "list_enterprises", json!({"limit": 1})),
        total(desk, "list_villages", json!({"limit": 1})),
        total(desk, "list_projects", json!({"limit": 1})),
    ]
}

pub fn new_enterprise(name: &str, code: Option<&str>) -> Value {
    json!({"ref": "new", "name": name, "credit_code": code, "county": "兰山区"})
}

pub fn new_village(name: &str) -> Value {
    json!({"ref": "new", "name": name, "township": "马厂湖镇", "county": "兰山区"})
}

pub fn pairing(enterprise: Value, village: Value) -> Value {
    json!({"pairing": {"enterprise": enterprise, "village": village, "signed_on": "2024-07-01"}})
}

#[test]
fn listings_give_the_sample_registers_a_page_at_a_time() {
    let desk = Desk::new();
    // (command, filter, rows on the page, total)
    let cases = [
        ("list_enterprises", json!({"limit": 2}), 2, 4221),
        ("list_villages", json!({"limit": 3}), 3, 3702),
        ("list_projects", json!({"limit": 4}), 4, 4492),
        (
            "list_register_rows",
            json!({"register": "report", "status": "adopted", "limit": 5}),
            5,
            630,
        ),
        (
            "list_register_rows",
            json!({"register": "visit", "match_field": "target_kind", "match_value": "企业", "limit": 1}),
            1,
            1234,
        ),
    ];
    for (cmd, filter, rows, want_total) in cases {
        let page = desk.ok(cmd, json!({ "filter": filter }));
        let got_rows = page["rows"].as_array().map_or(0, Vec::len);
        assert_eq!(got_rows, rows, "{cmd} {filter}: rows on the page");
        assert_eq!(
            page["total"].as_u64(),
            Some(want_total),
            "{cmd} {filter}: total"
        );
    }
    let active = desk.ok(
        "list_pairings",
        json!({"filter": {"status": "active", "unit": "兰山区", "limit": 10}}),
    );
    let rows = active["rows"].as_array().expect("rows");
    assert!(
        !rows.is_empty()
            && rows
                .iter()
                .all(|r| r["status"] == "active" && r["unit"] == "兰山区"),
        "list_pairings filters by status and unit, got {active}"
    );
    let types = desk.ok("list_register_types", json!({}));
    let codes: Vec<&str> = types
        .as_array()
        .expect("types")
        .iter()
        .map(|t| t["code"].as_str().unwrap_or_default())
        .collect();
    for code in ["visit", "training", "report", "station", "roadshow"] {
        assert!(
            codes.contains(&code),
            "list_register_types has {code}: {codes:?}"
        );
    }
    // (what, command, arguments, code, field, the message says)
    let errors = [
        (
            "enterprises of an unknown county",
            "list_enterprises",
            json!({"filter": {"county": "火星县"}}),
            "unknown_unit",
            Some("unit"),
            "火星县",
        ),
        (
            "rows of an unknown register",
            "list_register_rows",
            json!({"filter": {"register": "nope"}}),
            "not_found",
            None,
            "台账类型",
        ),
    ];
    for (what, cmd, args, code, field, says) in errors {
        let e = desk.err(cmd, args);
        assert_error(what, &e, code, field, says);
    }
}

#[test]
fn derivations_say_which_register_a_figure_comes_from() {
    let desk = Desk::new();
    let gf01 = desk.ok("get_derivation", json!({"indicator": "GF01"}));
    assert_eq!(
        (
            &gf01["source"],
            &gf01["measure"],
            &gf01["field"],
            &gf01["status"]
        ),
        (
            &json!("pairing"),
            &json!("distinct"),
            &json!("enterprise_id"),
            &json!("active")
        ),
        "GF01 counts distinct enterprises of active pairings, got {gf01}"
    );
    let visits = desk.ok("get_derivation", json!({"indicator": "MQ03"}));
    assert_eq!(
        (&visits["register"], &visits["match_value"]),
        (&json!("visit"), &json!("企业")),
        "MQ03 counts visits to enterprises, got {visits}"
    );
    assert_eq!(
        desk.ok("get_derivation", json!({"indicator": "建言献策骨干队伍"})),
        Value::Null,
        "a typed indicator has no derivation"
    );
    let e = desk.err("get_derivation", json!({"indicator": "没有这个指标"}));
    assert_error(
        "an unknown indicator",
        &e,
        "unknown_indicator",
        Some("indicator"),
        "没有这个指标",
    );
}

#[test]
fn the_list_of_derivations_holds_each_derived_indicator_and_no_typed_one() {
    let desk = Desk::new();
    let indicators = desk.ok("list_indicators", json!({"includeArchived": true}));
    let listed = desk.ok("list_derivations", json!({}));
    let listed = listed.as_array().expect("a list of pairs");
    let mut derived = 0;
    for ind in indicators.as_array().expect("indicators") {
        let one = desk.ok("get_derivation", json!({"indicator": ind["id"]}));
        let pair = listed.iter().find(|p| p[0] == ind["id"]);
        match pair {
            Some(p) => {
                derived += 1;
                assert_eq!(
                    p[1], one,
                    "{}: the list and get_derivation agree",
                    ind["code"]
                );
            }
            None => assert_eq!(
                one,
                Value::Null,
                "{} is derived but not listed",
                ind["code"]
            ),
        }
    }
    assert_eq!(derived, listed.len(), "every listed id is an indicator");
    assert!(
        listed.iter().any(|p| p[1]["source"] == "pairing"),
        "the sample's GF01 counts pairings: {listed:?}"
    );
}

#[test]
fn pairings_add_end_and_delete_and_move_the_enterprise_count() {
    let desk = Desk::new();
    let code = credit_code::with_check("91371302MA3C12345").expect("a code");
    let gf01 = completed(&desk, "GF01");
    let gf02 = completed(&desk, "GF02");
    let before = counts(&desk);

    let first = desk.ok(
        "add_pairing",
        pairing(
            new_enterprise("临沂窗口测试有限公司", Some(&code)),
            new_village("窗口东村"),
        ),
    );
    assert_eq!(
        (&first["enterprise"], &first["credit_code"], &first["unit"]),
        (
            &json!("临沂窗口测试有限公司"),
            &json!(code),
            &json!("兰山区")
        ),
        "add_pairing returns the pairing, its unit the village's county; got {first}"
    );
    assert_eq!(
        completed(&desk, "GF01"),
        gf01 + 1.0,
        "a new enterprise counts"
    );
    assert_eq!(completed(&desk, "GF02"), gf02 + 1.0, "a new village counts");

    let enterprise = json!({"ref": "existing", "id": first["enterprise_id"]});
    let second = desk.ok(
        "add_pairing",
        pairing(enterprise.clone(), new_village("窗口西村")),
    );
    assert_eq!(
        completed(&desk, "GF01"),
        gf01 + 1.0,
        "a second pairing of the same enterprise does not count it twice"
    );
    assert_eq!(
        completed(&desk, "GF02"),
        gf02 + 2.0,
        "its new village counts"
    );
    let added = [before[0] + 2, before[1] + 1, before[2] + 2, before[3]];
    assert_eq!(
        counts(&desk),
        added,
        "two pairings, one enterprise, two villages"
    );

    // (what, pairing, code, field, the message says)
    let village = json!({"ref": "existing", "id": first["village_id"]});
    let bad_code = format!("{}0", &code[..17]);
    let cases = [
        (
            "the same pair again",
            pairing(enterprise.clone(), village.clone()),
            "duplicate",
            None,
            "已存在",
        ),
        (
            "the same enterprise again as new, by its credit code",
            pairing(
                new_enterprise("另一个名字", Some(&code)),
                new_village("窗口南村"),
            ),
            "duplicate",
            Some("credit_code"),
            "已存在",
        ),
        (
            "a wrong check character",
            pairing(
                new_enterprise("临沂坏代码公司", Some(&bad_code)),
                new_village("窗口北村"),
            ),
            "bad_credit_code",
            Some("credit_code"),
            "校验位",
        ),
        (
            "a short credit code",
            pairing(
                new_enterprise("临沂坏代码公司", Some("9137130")),
                new_village("窗口北村"),
            ),
            "bad_credit_code",
            Some("credit_code"),
            "18 位",
        ),
    ];
    for (what, p, code, field, says) in cases {
        let e = desk.err("add_pairing", p);
        assert_error(what, &e, code, field, says);
        assert_eq!(counts(&desk), added, "{what}: nothing written");
    }

    let second_id = second["id"].as_str().expect("id").to_string();
    let ended = desk.ok(
        "set_pairing_status",
        json!({"id": second_id, "status": "ended"}),
    );
    assert_eq!(
        ended["status"], "ended",
        "set_pairing_status returns the pairing"
    );
    assert_eq!(
        completed(&desk, "GF02"),
        gf02 + 1.0,
        "an ended pairing's village no longer counts"
    );
    let e = desk.err(
        "set_pairing_status",
        json!({"id": "no-such-pairing", "status": "ended"}),
    );
    assert_error("end an unknown pairing", &e, "not_found", None, "结对关系");

    let first_id = first["id"].as_str().expect("id").to_string();
    for id in [&first_id, &second_id] {
        assert_eq!(
            desk.ok("delete_pairing", json!({ "id": id })),
            Value::Null,
            "delete_pairing returns null"
        );
    }
    assert_eq!(completed(&desk, "GF01"), gf01, "both pairings gone");
    let e = desk.err("delete_pairing", json!({ "id": first_id }));
    assert_error("delete a pairing twice", &e, "not_found", None, "结对关系");
}

#[test]
fn projects_add_list_and_delete() {
    let desk = Desk::new();
    let p = desk.ok(
        "add_pairing",
        pairing(
            new_enterprise("临沂项目窗口测试公司", None),
            new_village("项目窗口村"),
        ),
    );
    let pairing_id = p["id"].as_str().expect("id").to_string();
    let gf03 = completed(&desk, "GF03");
    let project = |investment: Value| {
        json!({"project": {"pairing": pairing_id, "name": "蔬菜大棚", "kind": "industry",
            "agreed_on": "2024-07-03", "investment": investment, "status": "in_progress",
            "beneficiaries": 30}})
    };
    let saved = desk.ok("add_project", project(json!(12.5)));
    assert_eq!(
        (&saved["name"], &saved["investment"], &saved["status"]),
        (&json!("蔬菜大棚"), &json!(12.5), &json!("in_progress")),
        "add_project returns the project, got {saved}"
    );
    assert_eq!(
        completed(&desk, "GF03"),
        gf03 + 1.0,
        "GF03 counts the project"
    );
    let listed = total(
        &desk,
        "list_projects",
        json!({"pairing_id": pairing_id, "kind": "industry"}),
    );
    assert_eq!(listed, 1, "list_projects of the pairing");

    let e = desk.err("add_project", project(json!(1.23456)));
    assert_error(
        "five decimals (one 元 is 0.0001 万元)",
        &e,
        "too_many_decimals",
        Some("investment"),
        "投资金额",
    );
    let e = desk.err("add_project", project(json!(-1)));
    assert_error(
        "negative investment",
        &e,
        "negative_value",
        Some("investment"),
        "不能为负数",
    );
    assert_eq!(
        total(&desk, "list_projects", json!({"pairing_id": pairing_id})),
        1,
        "refused projects write nothing"
    );

    let id = saved["id"].as_str().expect("id").to_string();
    assert_eq!(
        desk.ok("delete_project", json!({ "id": id })),
        Value::Null,
        "delete_project returns null"
    );
    assert_eq!(
        completed(&desk, "GF03"),
        gf03,
        "the project no longer counts"
    );
    let e = desk.err("delete_project", json!({ "id": id }));
    assert_error("delete a project twice", &e, "not_found", None, "合作项目");
}

#[test]
fn activity_rows_add_list_and_delete() {
    let desk = Desk::new();
    let jy07 = completed(&desk, "JY07");
    let row = |status: Value| {
        json!({"row": {"register": "report", "occurred_on": "2024-07-05", "unit": "兰山区",
            "title": "关于乡村物流的调研", "status": status, "data": {"category": "调研报告"}}})
    };
    let saved = desk.ok("add_register_row", row(json!("adopted")));
    assert_eq!(
        (
            &saved["type_code"],
            &saved["unit"],
            &saved["data"]["category"]
        ),
        (&json!("report"), &json!("兰山区"), &json!("调研报告")),
        "add_register_row returns the row, got {saved}"
    );
    assert_eq!(
        completed(&desk, "JY07"),
        jy07 + 1.0,
        "JY07 counts adopted reports"
    );
    let found = total(
        &desk,
        "list_register_rows",
        json!({"register": "report", "search": "乡村物流"}),
    );
    assert_eq!(found, 1, "list_register_rows finds the row by its title");

    // (what, row, code, field, the message says)
    let cases = [
        (
            "no status",
            row(Value::Null),
            "invalid",
            Some("status"),
            "不能为空",
        ),
        (
            "an unknown status",
            row(json!("lost")),
            "invalid",
            Some("status"),
            "不是可选状态",
        ),
    ];
    for (what, r, code, field, says) in cases {
        let e = desk.err("add_register_row", r);
        assert_error(what, &e, code, field, says);
    }
    assert_eq!(
        total(
            &desk,
            "list_register_rows",
            json!({"register": "report", "search": "乡村物流"})
        ),
        1,
        "refused rows write nothing"
    );

    let id = saved["id"].as_str().expect("id").to_string();
    assert_eq!(
        desk.ok("delete_register_row", json!({ "id": id })),
        Value::Null,
        "delete_register_row returns null"
    );
    assert_eq!(completed(&desk, "JY07"), jy07, "the row no longer counts");
    let e = desk.err("delete_register_row", json!({ "id": id }));
    assert_error("delete a row twice", &e, "not_found", None, "台账记录");
}
