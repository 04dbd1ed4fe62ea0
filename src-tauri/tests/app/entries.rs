//! Entries: list, check, record (one or many), update, delete, and the rules' errors.

use serde_json::{json, Value};

use crate::desk::{assert_error, Desk};

/// An indicator clerks type figures for (some others are counted from registers).
const INDICATOR: &str = "建言献策骨干队伍";

fn entry(value: Value, occurred_on: &str) -> Value {
    json!({"indicator": INDICATOR, "unit": "兰山区", "occurred_on": occurred_on, "value": value, "note": "测试"})
}

#[test]
fn listing_pages_and_counts() {
    let desk = Desk::new();
    let page = desk.ok(
        "list_entries",
        json!({"filter": {"indicator": INDICATOR, "limit": 5, "offset": 0}}),
    );
    let rows = page["rows"].as_array().map_or(0, Vec::len);
    let total = page["total"].as_u64().unwrap_or(0);
    assert_eq!(
        rows, 5,
        "list_entries with limit 5: want 5 rows, got {rows}"
    );
    assert!(
        total > 5,
        "list_entries: total counts every match, not the page; got {total}"
    );
    let e = desk.err("list_entries", json!({"filter": {"unit": "火星市"}}));
    assert_error(
        "list_entries of an unknown unit",
        &e,
        "unknown_unit",
        Some("unit"),
        "火星市",
    );
}

#[test]
fn check_entry_validates_and_writes_nothing() {
    let desk = Desk::new();
    let before = desk.entry_count();
    assert_eq!(
        desk.ok(
            "check_entry",
            json!({"entry": entry(json!(3), "2024-05-01")})
        ),
        Value::Null,
        "a good entry checks"
    );
    // (what, entry, code, field, the message says)
    let cases = [
        (
            "negative",
            entry(json!(-1), "2024-05-01"),
            "negative_value",
            Some("value"),
            "不能为负数",
        ),
        (
            "fractional count",
            entry(json!(1.5), "2024-05-01"),
            "too_many_decimals",
            Some("value"),
            "小数",
        ),
        (
            "future date",
            entry(json!(1), "2999-01-01"),
            "date_out_of_range",
            Some("occurred_on"),
            "日期",
        ),
        (
            "before 2000",
            entry(json!(1), "1999-12-31"),
            "date_out_of_range",
            Some("occurred_on"),
            "日期",
        ),
    ];
    for (what, e, code, field, says) in cases {
        let err = desk.err("check_entry", json!({"entry": e}));
        assert_error(what, &err, code, field, says);
    }
    assert_eq!(desk.entry_count(), before, "check_entry writes nothing");
}

#[test]
fn record_entry_saves_with_the_desktop_user() {
    let desk = Desk::new();
    let before = desk.entry_count();
    let saved = desk.ok(
        "record_entry",
        json!({"entry": entry(json!(7), "2024-05-02")}),
    );
    assert_eq!(
        saved["value"],
        json!(7.0),
        "record_entry returns the entry, got {saved}"
    );
    let by = saved["created_by"].as_str().unwrap_or_default();
    assert!(
        by.starts_with("desktop:"),
        "entries written from the window name the OS user, got {by:?}"
    );
    assert_eq!(desk.entry_count(), before + 1, "one entry more");

    let err = desk.err(
        "record_entry",
        json!({"entry": entry(json!(-5), "2024-05-02")}),
    );
    assert_error(
        "record_entry negative",
        &err,
        "negative_value",
        Some("value"),
        "「数值」不能为负数",
    );
    assert_eq!(
        err["params"],
        json!({"field": "value", "value": "-5"}),
        "the window words the error in English from these: {err}"
    );
    assert_eq!(
        desk.entry_count(),
        before + 1,
        "a refused entry writes nothing"
    );
}

#[test]
fn record_entries_is_all_or_nothing() {
    let desk = Desk::new();
    let before = desk.entry_count();
    let good = [entry(json!(1), "2024-04-01"), entry(json!(2), "2024-04-02")];
    let saved = desk.ok("record_entries", json!({"entries": good}));
    assert_eq!(
        saved.as_array().map(Vec::len),
        Some(2),
        "both saved, got {saved}"
    );
    assert_eq!(desk.entry_count(), before + 2, "two entries more");

    let mixed = [
        entry(json!(1), "2024-04-03"),
        entry(json!(-2), "2024-04-04"),
        entry(json!(3), "2024-04-05"),
    ];
    let err = desk.err("record_entries", json!({"entries": mixed}));
    assert_error(
        "record_entries with one bad row",
        &err,
        "negative_value",
        Some("value"),
        "不能为负数",
    );
    assert_eq!(
        desk.entry_count(),
        before + 2,
        "a batch with a bad row writes none of its rows"
    );
}

#[test]
fn update_and_delete_entries() {
    let desk = Desk::new();
    let saved = desk.ok(
        "record_entry",
        json!({"entry": entry(json!(4), "2024-05-03")}),
    );
    let id = saved["id"].as_str().expect("id").to_string();

    let changed = desk.ok(
        "update_entry",
        json!({"id": id, "change": {"value": 9, "note": "更正"}}),
    );
    assert_eq!(
        (changed["value"].clone(), changed["note"].clone()),
        (json!(9.0), json!("更正")),
        "update_entry, got {changed}"
    );
    let err = desk.err("update_entry", json!({"id": id, "change": {"value": -1}}));
    assert_error(
        "update_entry negative",
        &err,
        "negative_value",
        Some("value"),
        "不能为负数",
    );
    let err = desk.err("update_entry", json!({"id": "no-such-id", "change": {}}));
    assert_error(
        "update_entry unknown id",
        &err,
        "not_found",
        None,
        "no-such-id",
    );

    assert_eq!(
        desk.ok("delete_entry", json!({"id": id})),
        Value::Null,
        "delete_entry returns null"
    );
    let err = desk.err("delete_entry", json!({"id": id}));
    assert_error("delete_entry twice", &err, "not_found", None, "完成情况");
}

#[test]
fn entry_sums_are_the_entries_summed_per_indicator_and_unit() {
    let desk = Desk::new();
    let q2 = json!({"from": "2024-04-01", "to": "2024-06-30"});
    let sums_of = |desk: &Desk| -> std::collections::BTreeMap<(String, String), (f64, u64)> {
        let sums = desk.ok(
            "entry_sums",
            json!({"filter": {"from": q2["from"], "to": q2["to"]}}),
        );
        sums.as_array()
            .expect("a list")
            .iter()
            .map(|s| {
                let k = (
                    s["indicator_id"].as_str().unwrap().to_string(),
                    s["unit_id"].as_str().unwrap().to_string(),
                );
                (
                    k,
                    (s["value"].as_f64().unwrap(), s["entries"].as_u64().unwrap()),
                )
            })
            .collect()
    };
    // The same sums, added up here from every entry of the quarter.
    let page = desk.ok(
        "list_entries",
        json!({"filter": {"from": q2["from"], "to": q2["to"], "limit": 1_000_000}}),
    );
    let mut want = std::collections::BTreeMap::<(String, String), (f64, u64)>::new();
    for e in page["rows"].as_array().expect("rows") {
        let k = (
            e["indicator_id"].as_str().unwrap().to_string(),
            e["unit_id"].as_str().unwrap().to_string(),
        );
        let s = want.entry(k).or_default();
        s.0 += e["value"].as_f64().unwrap();
        s.1 += 1;
    }
    let got = sums_of(&desk);
    assert!(!want.is_empty(), "the sample has entries in 2024Q2");
    assert_eq!(
        got.len(),
        want.len(),
        "one sum per indicator and unit with entries"
    );
    for (k, (v, n)) in &want {
        let (gv, gn) = got[k];
        assert!(
            (gv - v).abs() < 1e-6 && gn == *n,
            "{k:?}: core {gv} ({gn}), entries {v} ({n})"
        );
    }

    let saved = desk.ok(
        "record_entry",
        json!({"entry": entry(json!(7), "2024-05-02")}),
    );
    desk.ok(
        "record_entry",
        json!({"entry": entry(json!(5), "2024-06-30")}),
    );
    desk.ok(
        "record_entry",
        json!({"entry": entry(json!(100), "2024-07-01")}),
    ); // the next quarter
    let k = (
        saved["indicator_id"].as_str().unwrap().to_string(),
        saved["unit_id"].as_str().unwrap().to_string(),
    );
    let before = want.get(&k).copied().unwrap_or_default();
    let after = sums_of(&desk)[&k];
    assert_eq!(
        (after.0 - before.0, after.1 - before.1),
        (12.0, 2),
        "two entries of the quarter add 12 and 2 entries; the one dated 07-01 is not in it"
    );
}
