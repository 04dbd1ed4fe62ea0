//! 数据交换 over IPC: the window's ledger (with the sample) is the city; 兰山区's ledger is
//! made with the core from the window's bootstrap package. Export into a folder, the
//! sender's fingerprint before trusting, preview (untrusted, then trusted), apply, the
//! history, a conflict taken, the role refused.

use serde_json::{json, Value};
use taizhang_core::exchange::ExportTarget;
use taizhang_core::{Actor, EntryChange, Ledger};

use crate::desk::{assert_error, Desk};

fn path_of(v: &Value) -> String {
    v["path"].as_str().unwrap_or_default().to_string()
}

#[test]
fn a_county_package_travels_through_the_window() {
    let desk = Desk::new();
    let status = desk.ok("exchange_status", json!({}));
    assert_eq!(status["role"], Value::Null, "never exchanged: {status}");

    // The city's bootstrap for 兰山区, into a chosen folder under its name.
    let folder = tempfile::tempdir().unwrap();
    let folder_arg = folder.path().display().to_string();
    let boot = desk.ok(
        "exchange_export",
        json!({"unit": "兰山区", "folder": folder_arg}),
    );
    assert_eq!(boot["bootstrap"], true, "{boot}");
    assert!(
        path_of(&boot).ends_with("兰山区-初始包.tzp"),
        "named by what it is: {boot}"
    );
    let status = desk.ok("exchange_status", json!({}));
    assert_eq!(status["role"], "city", "{status}");
    let city_fp = status["fingerprint"].as_str().unwrap_or_default();
    assert_eq!(city_fp.split(' ').count(), 16, "grouped by four: {city_fp}");

    // 兰山区 makes its ledger from it, edits one of its entries and adds one.
    let home = tempfile::tempdir().unwrap();
    let mut county = Ledger::open(&home.path().join("兰山区.db")).unwrap();
    let me = Actor::named("county");
    county
        .exchange_import(&me, std::path::Path::new(&path_of(&boot)), false)
        .unwrap();
    let page = desk.ok(
        "list_entries",
        json!({"filter": {"unit": "兰山区", "include_subunits": false, "limit": 1}}),
    );
    let shared = page["rows"][0].clone();
    let shared_id = shared["id"].as_str().unwrap().to_string();
    let value = shared["value"].as_f64().unwrap();
    county
        .write(&me, |w| {
            w.update_entry(
                &shared_id,
                EntryChange {
                    value: Some(value + 2.0),
                    ..EntryChange::default()
                },
            )
        })
        .unwrap();
    let county_fp = county.exchange_key(&me).unwrap().fingerprint;
    let up = folder.path().join("兰山区-1.tzp");
    county
        .exchange_export(&me, &ExportTarget::ToCity, &up)
        .unwrap();
    let up_arg = up.display().to_string();
    // Meanwhile the city corrects the same entry.
    desk.ok(
        "update_entry",
        json!({"id": shared_id, "change": {"value": value + 1.0}}),
    );

    // Before trust: the sender and its fingerprint to compare; the preview is refused.
    let sender = desk.ok("exchange_package_sender", json!({"path": up_arg}));
    assert_eq!(sender["from"], "兰山区", "{sender}");
    assert_eq!(sender["fingerprint"], county_fp.as_str(), "{sender}");
    let refused = desk.err("exchange_preview", json!({"path": up_arg}));
    assert_error("untrusted", &refused, "untrusted_key", None, &county_fp);
    let peer = desk.ok(
        "exchange_trust",
        json!({"unit": "兰山区", "fingerprint": county_fp}),
    );
    assert_eq!(peer["trusted"], true, "{peer}");

    // Preview: what it would do, nothing written.
    let entries = desk.entry_count();
    let preview = desk.ok("exchange_preview", json!({"path": up_arg}));
    assert_eq!(preview["dry_run"], true);
    assert_eq!(preview["seq"], 1);
    assert_eq!(
        preview["conflicts"].as_array().map_or(0, Vec::len),
        1,
        "{preview}"
    );
    assert_eq!(
        preview["counts"]["progress_entry"]["update"], 1,
        "{preview}"
    );
    let status = desk.ok("exchange_status", json!({}));
    assert_eq!(status["conflicts"], 0, "a preview keeps nothing: {status}");

    // Apply: the history shows it, the conflict is kept with both versions.
    let applied = desk.ok("exchange_import", json!({"path": up_arg}));
    assert_eq!(applied["dry_run"], false, "{applied}");
    assert_eq!(desk.entry_count(), entries, "an edit, not a new row");
    let status = desk.ok("exchange_status", json!({}));
    let received: Vec<&Value> = status["packages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["direction"] == "received")
        .collect();
    assert_eq!(received.len(), 1, "{status}");
    assert_eq!(
        (&received[0]["unit"], &received[0]["state"]),
        (&json!("兰山区"), &json!("applied"))
    );
    let conflicts = desk.ok("exchange_conflicts", json!({}));
    let c = &conflicts[0];
    assert_eq!(
        (&c["kind"], &c["stands"]),
        (&json!("conflict"), &json!("theirs"))
    );
    let held = |desk: &Desk| {
        let reader = Ledger::open_read_only(&desk.db).unwrap();
        reader.entry(&shared_id).unwrap().value
    };
    assert_eq!(held(&desk), value + 2.0, "the county's own row stands");

    // Take the city's version.
    desk.ok("exchange_resolve", json!({"id": c["id"], "take": "ours"}));
    assert_eq!(held(&desk), value + 1.0, "the city's correction taken");
    let again = desk.ok("exchange_conflicts", json!({}));
    assert_eq!(again[0]["stands"], "ours", "{again}");

    // The again-imported package is a replay; the city cannot export "to the city".
    let replay = desk.err("exchange_import", json!({"path": up_arg}));
    assert_error("replay", &replay, "package_replay", None, "第1号包");
    let wrong = desk.err(
        "exchange_export",
        json!({"unit": null, "folder": folder_arg}),
    );
    assert_error("role", &wrong, "exchange_role", None, "市级台账");
    let down = desk.ok(
        "exchange_export",
        json!({"unit": "兰山区", "folder": folder_arg}),
    );
    assert!(
        path_of(&down).ends_with("至兰山区-第2号.tzp"),
        "the next one: {down}"
    );
}
