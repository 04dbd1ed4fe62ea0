//! opening_figures: the overview's first figures, worked out while the window starts, are
//! exactly what the overview asks for (the same summaries and ranking), given once; a ledger
//! that wants a sign-in first gives none.

use serde_json::json;
use taizhang_core::auth::NewAccount;
use taizhang_core::{Actor, Ledger, Role};

use crate::desk::Desk;

#[test]
fn the_opening_figures_are_the_overviews_own_and_given_once() {
    let desk = Desk::with_opening(|_| {});
    let opening = desk.ok("opening_figures", json!({}));
    let info = desk.ok("app_info", json!({}));
    assert_eq!(opening["as_of"], json!("2024-06-30"), "the sample's day");
    assert_eq!(
        opening["as_of"], info["default_as_of"],
        "the day app_info gives the window"
    );
    assert_eq!(opening["has_sample"], json!(true));
    let as_of = &opening["as_of"];
    let summaries = desk.ok(
        "action_summaries",
        json!({"query": {"as_of": as_of, "unit": null, "include_subunits": true, "action": null, "indicator": null}}),
    );
    assert_eq!(opening["summaries"], summaries, "the overview's summaries");
    assert_eq!(summaries.as_array().map_or(0, Vec::len), 5, "five actions");
    let ranking = desk.ok(
        "unit_ranking",
        json!({"query": {"as_of": as_of, "parent": null, "action": null, "kind": "county"}}),
    );
    assert_eq!(opening["ranking"], ranking, "the counties ranked");
    assert!(
        ranking.as_array().map_or(0, Vec::len) >= 10,
        "Linyi's counties: {ranking}"
    );
    assert_eq!(
        desk.ok("opening_figures", json!({})),
        json!(null),
        "a second ask (a reload) gets none: its figures may have changed"
    );
}

#[test]
fn a_ledger_with_accounts_opens_on_the_login_screen_without_figures() {
    let desk = Desk::with_opening(|db| {
        let mut ledger = Ledger::open(db).expect("the ledger opens");
        ledger
            .write(&Actor::local_user("desktop"), |w| {
                w.add_account(&NewAccount {
                    login: "admin".into(),
                    display_name: "管理员".into(),
                    role: Role::Admin,
                    unit: None,
                    password: "Mima2024ok".into(),
                })
            })
            .expect("the first admin");
    });
    assert_eq!(desk.ok("opening_figures", json!({})), json!(null));
}
