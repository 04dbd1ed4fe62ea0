//! Settings, and loading / removing the sample data.

use serde_json::json;

use crate::desk::{assert_error, Desk};

#[test]
fn settings_are_read_and_changed() {
    let desk = Desk::new();
    let got = desk.ok("get_settings", json!({}));
    assert_eq!(
        got,
        json!({"slightly_behind_threshold": 0.85}),
        "default settings"
    );
    let set = desk.ok(
        "set_settings",
        json!({"settings": {"slightly_behind_threshold": 0.9}}),
    );
    assert_eq!(
        set["slightly_behind_threshold"],
        json!(0.9),
        "set_settings returns the new settings, got {set}"
    );
    let err = desk.err(
        "set_settings",
        json!({"settings": {"slightly_behind_threshold": 1.5}}),
    );
    assert_error(
        "threshold above 1",
        &err,
        "invalid",
        Some("slightly_behind_threshold"),
        "稍慢阈值",
    );
    let got = desk.ok("get_settings", json!({}));
    assert_eq!(
        got["slightly_behind_threshold"],
        json!(0.9),
        "a refused change keeps the old value, got {got}"
    );
}

#[test]
fn the_sample_is_removed_and_loaded_again() {
    let desk = Desk::new();
    let again = desk.ok("load_sample", json!({}));
    assert_eq!(
        again["already_loaded"],
        json!(true),
        "the first run loaded it already, got {again}"
    );

    let removed = desk.ok("remove_sample", json!({}));
    assert!(
        removed["entries"].as_u64().unwrap_or(0) > 100,
        "remove_sample deletes the sample's entries, got {removed}"
    );
    assert_eq!(desk.entry_count(), 0, "no entries left");
    assert_eq!(
        desk.ok("app_info", json!({}))["has_sample"],
        json!(false),
        "app_info knows the sample is gone"
    );

    let loaded = desk.ok("load_sample", json!({}));
    assert!(
        loaded["entries"].as_u64().unwrap_or(0) > 100,
        "load_sample loads it again, got {loaded}"
    );
}

#[test]
fn the_sample_is_not_mixed_into_a_users_data() {
    let desk = Desk::new();
    desk.ok("remove_sample", json!({}));
    let entry = json!({"indicator": "建言献策骨干队伍", "unit": "兰山区", "occurred_on": "2024-05-01", "value": 2});
    desk.ok("record_entry", json!({"entry": entry}));
    let err = desk.err("load_sample", json!({}));
    assert_error(
        "load_sample over user data",
        &err,
        "sample_over_data",
        None,
        "示例数据",
    );
    assert_eq!(desk.entry_count(), 1, "the refused load wrote nothing");
}
