//! Targets: list, set, delete, copy a year forward.

use serde_json::{json, Value};

use crate::desk::{assert_error, Desk};

fn target(start: &str, end: &str, value: Value) -> Value {
    json!({"indicator": "建言献策骨干队伍", "unit": "兰山区", "period": {"start": start, "end": end}, "value": value})
}

#[test]
fn set_list_copy_and_delete_targets() {
    let desk = Desk::new();
    let filter = json!({"filter": {"indicator": "建言献策骨干队伍", "unit": "兰山区"}});
    let before = desk
        .ok("list_targets", filter.clone())
        .as_array()
        .map_or(0, Vec::len);
    assert!(before >= 1, "the sample sets 兰山区's target, got {before}");

    // The sample's campaign target (2022–2024) overlaps a 2024 target: refused unless the
    // new one replaces it, which ends the campaign's the day before 2024.
    let err = desk.err(
        "set_target",
        json!({"target": target("2024-01-01", "2024-12-31", json!(300))}),
    );
    assert_error(
        "an overlapping target",
        &err,
        "target_overlap",
        Some("period_start"),
        "2022-01-01 至 2024-12-31",
    );
    let mut replacing = target("2024-01-01", "2024-12-31", json!(300));
    replacing["replace_overlapping"] = json!(true);
    let set = desk.ok("set_target", json!({ "target": replacing }));
    assert_eq!(
        set["value"],
        json!(300.0),
        "set_target returns the target, got {set}"
    );
    let after = desk
        .ok("list_targets", filter.clone())
        .as_array()
        .map_or(0, Vec::len);
    assert_eq!(after, before + 1, "a target for a new period is added");

    let made = desk.ok("copy_year_targets", json!({"fromYear": 2024}));
    assert_eq!(
        made,
        json!(1),
        "copy_year_targets copies the one 2024 target, got {made}"
    );

    let id = set["id"].as_str().expect("id").to_string();
    assert_eq!(
        desk.ok("delete_target", json!({"id": id})),
        Value::Null,
        "delete_target returns null"
    );
    let err = desk.err("delete_target", json!({"id": id}));
    assert_error("delete_target twice", &err, "not_found", None, "目标");
}

#[test]
fn target_rules_are_reported() {
    let desk = Desk::new();
    // (what, target, code, field, the message says)
    let cases = [
        (
            "negative",
            target("2024-01-01", "2024-12-31", json!(-3)),
            "negative_value",
            Some("target"),
            "目标值",
        ),
        (
            "reversed",
            target("2024-12-31", "2024-01-01", json!(3)),
            "period_reversed",
            Some("period_end"),
            "颠倒",
        ),
    ];
    for (what, t, code, field, says) in cases {
        let err = desk.err("set_target", json!({"target": t}));
        assert_error(what, &err, code, field, says);
    }
}

#[test]
fn set_targets_writes_every_row_or_none_and_names_the_refused_unit() {
    let desk = Desk::new();
    let period = json!({"start": "2031-01-01", "end": "2031-12-31"});
    let row = |unit: &str, value: Value| {
        json!({"indicator": "建言献策骨干队伍", "unit": unit, "period": period, "value": value,
               "milestones": [], "replace_overlapping": false})
    };
    let count = |desk: &Desk| {
        desk.ok("list_targets", json!({"filter": {}}))
            .as_array()
            .map_or(0, Vec::len)
    };
    let before = count(&desk);
    let err = desk.err(
        "set_targets",
        json!({"targets": [row("兰山区", json!(10)), row("沂南县", json!(-1))]}),
    );
    assert_eq!(err["code"], "negative_value", "the row's own code: {err}");
    assert_eq!(err["field"], "target", "the row's own field: {err}");
    assert_eq!(
        err["params"]["row_unit"], "沂南县",
        "the refused row's unit: {err}"
    );
    assert!(
        err["message"]
            .as_str()
            .unwrap_or_default()
            .starts_with("沂南县："),
        "the message names the unit: {err}"
    );
    assert_eq!(
        count(&desk),
        before,
        "a refused row: none of the rows is written"
    );

    let saved = desk.ok(
        "set_targets",
        json!({"targets": [row("兰山区", json!(10)), row("沂南县", json!(12))]}),
    );
    assert_eq!(saved.as_array().map_or(0, Vec::len), 2, "{saved}");
    assert_eq!(count(&desk), before + 2, "both rows in one write");

    // The page's card: the city's own target (none in 2031) beside its units' added up.
    let sum = desk.ok(
        "target_sum",
        json!({"query": {"indicator": "建言献策骨干队伍", "unit": null, "period": period}}),
    );
    assert_eq!(sum["own"], Value::Null, "{sum}");
    assert_eq!(
        sum["sub_units"],
        json!(22.0),
        "兰山区 10 + 沂南县 12: {sum}"
    );
    assert_eq!(sum["counted"], json!(2), "{sum}");
    assert!(
        sum["sub_unit_count"].as_u64().unwrap_or(0) >= 12,
        "the city's counties and departments: {sum}"
    );
}
