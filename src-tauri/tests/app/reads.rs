//! app_info, lists, and the progress read-outs over the sample.

use serde_json::json;

use crate::desk::{assert_error, Desk};

const AS_OF: &str = "2024-06-30";
/// A figure clerks type in (350 人 in the release), unlike those counted from registers.
const TYPED: &str = "建言献策骨干队伍";

#[test]
fn app_info_describes_the_ledger() {
    let desk = Desk::new();
    let info = desk.ok("app_info", json!({}));
    let cases = [
        ("has_sample", json!(true)),
        ("sample_as_of", json!(AS_OF)),
        ("db_path", json!(desk.db.display().to_string())),
        (
            "schema_version",
            json!(taizhang_core::store::schema_version()),
        ),
        ("version", json!(env!("CARGO_PKG_VERSION"))),
    ];
    for (field, want) in cases {
        assert_eq!(
            info[field], want,
            "app_info.{field}: want {want}, got {}",
            info[field]
        );
    }
    assert!(
        info["today"].as_str().is_some_and(|d| d.len() == 10),
        "app_info.today is a date, got {}",
        info["today"]
    );
}

#[test]
fn lists_of_the_catalogue() {
    let desk = Desk::new();
    // (command, arguments, at least this many rows)
    let cases = [
        ("list_actions", json!({"includeArchived": false}), 5),
        ("list_indicators", json!({"includeArchived": false}), 40),
        (
            "list_indicators",
            json!({"action": "prosperity", "includeArchived": false}),
            2,
        ),
        ("list_units", json!({"includeArchived": true}), 10),
    ];
    for (cmd, args, min) in cases {
        let rows = desk.ok(cmd, args.clone());
        let n = rows.as_array().map_or(0, Vec::len);
        assert!(n >= min, "{cmd} {args}: want at least {min} rows, got {n}");
    }
    let prosperity = desk.ok(
        "list_indicators",
        json!({"action": "prosperity", "includeArchived": false}),
    );
    let all_of_it = prosperity
        .as_array()
        .unwrap()
        .iter()
        .all(|i| i["action_code"] == "prosperity");
    assert!(
        all_of_it,
        "list_indicators of one action returns only its indicators, got {prosperity}"
    );
    let e = desk.err(
        "list_indicators",
        json!({"action": "no-such-action", "includeArchived": false}),
    );
    assert_error(
        "list_indicators of an unknown action",
        &e,
        "unknown_action",
        Some("action"),
        "no-such-action",
    );
}

#[test]
fn progress_shows_the_release_figures() {
    let desk = Desk::new();
    let rows = desk.ok("progress", json!({"query": {"as_of": AS_OF}}));
    let paired = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["indicator"] == "结对共建企业");
    let completed = paired.map(|r| r["completed"].clone());
    assert_eq!(
        completed,
        Some(json!(4221.0)),
        "结对共建企业 as of {AS_OF}: want 4221, got {completed:?}"
    );

    // A typed (additive) figure: the units' completions add up to the release's 350.
    let by_unit = desk.ok(
        "progress_by_unit",
        json!({"query": {"as_of": AS_OF, "indicator": TYPED}}),
    );
    let sum: f64 = by_unit
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["completed"].as_f64().unwrap())
        .sum();
    assert_eq!(
        sum, 350.0,
        "progress_by_unit: the units' completions add up to the city's, got {sum}"
    );

    let summaries = desk.ok("action_summaries", json!({"query": {"as_of": AS_OF}}));
    assert_eq!(
        summaries.as_array().map(Vec::len),
        Some(5),
        "action_summaries: one per action, got {summaries}"
    );

    let ranking = desk.ok(
        "unit_ranking",
        json!({"query": {"as_of": AS_OF, "kind": "county"}}),
    );
    let ranks: Vec<u64> = ranking
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["rank"].as_u64().unwrap())
        .collect();
    assert!(
        !ranks.is_empty() && ranks.windows(2).all(|w| w[0] <= w[1]),
        "unit_ranking: ranks ascending, got {ranks:?}"
    );

    let trend = desk.ok(
        "trend",
        json!({"query": {"indicator": TYPED, "as_of": AS_OF, "granularity": "quarter"}}),
    );
    let last = trend
        .as_array()
        .unwrap()
        .last()
        .map(|p| p["cumulative"].clone());
    assert_eq!(
        last,
        Some(json!(350.0)),
        "trend: the last quarter's cumulative is the total, got {last:?}"
    );
}

#[test]
fn progress_errors_name_what_was_not_found() {
    let desk = Desk::new();
    // (command, arguments, code, field, the message mentions)
    let cases = [
        (
            "progress",
            json!({"query": {"as_of": AS_OF, "unit": "火星市"}}),
            "unknown_unit",
            Some("unit"),
            "火星市",
        ),
        (
            "unit_ranking",
            json!({"query": {"as_of": AS_OF, "parent": "火星市"}}),
            "unknown_unit",
            Some("unit"),
            "火星市",
        ),
        (
            "trend",
            json!({"query": {"indicator": "没有的指标", "as_of": AS_OF, "granularity": "month"}}),
            "unknown_indicator",
            Some("indicator"),
            "没有的指标",
        ),
    ];
    for (cmd, args, code, field, says) in cases {
        let e = desk.err(cmd, args);
        assert_error(cmd, &e, code, field, says);
    }
}

#[test]
fn malformed_arguments_are_refused_without_a_panic() {
    let desk = Desk::new();
    let e = desk.err("progress", json!({"query": {"as_of": "not a date"}}));
    assert!(
        e.as_str().is_some_and(|s| s.contains("query")),
        "a bad argument is reported by Tauri, naming it; got {e}"
    );
}
