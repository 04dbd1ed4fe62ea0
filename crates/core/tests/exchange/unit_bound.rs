//! A unit's own ledger writes only its subtree, whoever writes — the single user without
//! accounts and a signed-in administrator alike —, while the city's packages still apply.

use taizhang_core::auth::NewAccount;
use taizhang_core::register::pairing::{EnterpriseRef, NewPairing, PairingStatus, VillageRef};
use taizhang_core::register::{enterprise::NewEnterprise, village::NewVillage};
use taizhang_core::{NewEntry, NewIndicator, Pacing, Role};

use super::support::*;

fn entry_for(unit: &str) -> NewEntry {
    NewEntry {
        indicator: "LIN".into(),
        unit: unit.into(),
        occurred_on: d("2024-06-01"),
        value: 1.0,
        note: String::new(),
    }
}

#[test]
fn a_unit_ledger_refuses_rows_outside_its_subtree_for_every_actor() {
    let mut w = World::new();
    // An enterprise of 沂南县 pairs with a village of 兰山区: 沂南县 comes down with it.
    w.city
        .ledger
        .write(&actor(), |w| {
            w.add_pairing(NewPairing {
                enterprise: EnterpriseRef::New(NewEnterprise {
                    name: "沂南企业丙".into(),
                    county: Some("沂南县".into()),
                    ..Default::default()
                }),
                village: VillageRef::New(NewVillage {
                    name: "兰山村".into(),
                    township: "某镇".into(),
                    county: "兰山区".into(),
                }),
                signed_on: d("2024-03-03"),
                unit: Some("兰山区".into()),
                status: PairingStatus::Active,
                note: String::new(),
            })
        })
        .unwrap();
    let boot = w.export_city("兰山区", "兰山区-初始.tzp");
    let mut ls = w.county("兰山区", &boot);
    assert_eq!(ls.count("unit WHERE name = '沂南县'"), 1, "沂南县 is known");
    let trail = ls.trail();

    // The single user without accounts (an administrator) writes for another county.
    let refused = ls
        .ledger
        .write(&actor(), |w| w.record_entry(entry_for("沂南县")))
        .unwrap_err();
    assert_eq!(refused.code(), "forbidden", "{refused}");
    let said = refused.to_string();
    assert!(
        said.contains("本台账是兰山区的台账") && said.contains("沂南县"),
        "names the ledger's unit and the row's: {said}"
    );
    // Nor for the city itself (the path up came with the bootstrap).
    let refused = ls
        .ledger
        .write(&actor(), |w| w.record_entry(entry_for("临沂市")))
        .unwrap_err();
    assert_eq!(refused.code(), "forbidden", "{refused}");
    assert_eq!(ls.trail(), trail, "refused writes left no trail");
    assert_eq!(ls.count("progress_entry"), 0, "nothing written");

    // Its own entry is accepted.
    ls.ledger
        .write(&actor(), |w| w.record_entry(entry_for("兰山区")))
        .unwrap();
    assert_eq!(ls.count("progress_entry"), 1, "兰山区's own entry");

    // A signed-in administrator of the whole tree is bounded too.
    ls.ledger
        .write(&actor(), |w| {
            w.add_account(&NewAccount {
                login: "admin".into(),
                display_name: "管理员".into(),
                role: Role::Admin,
                unit: None,
                password: "Lanshan-2024!".into(),
            })
        })
        .unwrap();
    let admin = ls.ledger.sign_in("admin", "Lanshan-2024!").unwrap();
    assert_eq!(admin.role, Role::Admin);
    let refused = ls
        .ledger
        .write(&admin, |w| w.record_entry(entry_for("沂南县")))
        .unwrap_err();
    assert_eq!(refused.code(), "forbidden", "admin: {refused}");
    ls.ledger
        .write(&admin, |w| w.record_entry(entry_for("兰山区")))
        .unwrap();
    assert_eq!(ls.count("progress_entry"), 2, "the admin's own-unit entry");

    // The city's next package (a new indicator, an entry of 兰山区's, the path up) still
    // applies, imported by the administrator.
    w.city
        .ledger
        .write(&actor(), |w| {
            w.add_indicator(NewIndicator {
                action: "prosperity".into(),
                code: "NEW".into(),
                name: "新增指标".into(),
                name_en: String::new(),
                measure: "个".into(),
                headline: false,
                decimals: 0,
                pacing: Pacing::Linear,
            })
        })
        .unwrap();
    w.city_entry("LS", "2024-05-05", 2.0);
    // 沂南县 renames its enterprise at the city: a row outside 兰山区's subtree comes down.
    let firm: String = w
        .city
        .query("SELECT id FROM enterprise WHERE name = '沂南企业丙'");
    w.city
        .ledger
        .write(&actor(), |w| {
            w.update_enterprise(
                &firm,
                NewEnterprise {
                    name: "沂南企业丙（更名）".into(),
                    county: Some("沂南县".into()),
                    ..Default::default()
                },
            )
        })
        .unwrap();
    let down = w.export_city("兰山区", "兰山区-2.tzp");
    let r = ls.ledger.exchange_import(&admin, &down, false).unwrap();
    assert!(r.refused.is_empty(), "{:?}", r.refused);
    assert_eq!(ls.count("indicator"), 3, "the catalogue change came down");
    assert_eq!(ls.count("progress_entry"), 3, "the city's entry came down");
    assert_eq!(
        ls.count("enterprise WHERE name = '沂南企业丙（更名）'"),
        1,
        "沂南县's row changed by the city's package, which the bound does not stop"
    );
    let refused = ls
        .ledger
        .write(&admin, |w| {
            w.update_enterprise(
                &firm,
                NewEnterprise {
                    name: "兰山改的名".into(),
                    county: Some("沂南县".into()),
                    ..Default::default()
                },
            )
        })
        .unwrap_err();
    assert_eq!(
        refused.code(),
        "forbidden",
        "沂南县's enterprise: {refused}"
    );
    // The catalogue is the city's: an indicator added or renamed at the county is refused.
    let indicators = ls.count("indicator");
    let refused = ls
        .ledger
        .write(&admin, |w| {
            w.add_indicator(NewIndicator {
                action: "prosperity".into(),
                code: "OWN".into(),
                name: "兰山自设指标".into(),
                name_en: String::new(),
                measure: "个".into(),
                headline: false,
                decimals: 0,
                pacing: Pacing::Linear,
            })
        })
        .unwrap_err();
    assert_eq!(refused.code(), "forbidden", "an indicator: {refused}");
    assert!(
        refused.to_string().contains("由市级台账维护"),
        "says whose the catalogue is: {refused}"
    );
    assert_eq!(ls.count("indicator"), indicators, "nothing written");
    let verdict = ls.ledger.verify_audit().unwrap();
    assert!(verdict.ok, "兰山区's trail verifies: {}", verdict.message);
}

#[test]
fn the_city_ledger_is_not_bounded() {
    let mut w = World::new();
    let _boot = w.export_city("兰山区", "兰山区-初始.tzp");
    // The city (role city) writes for both counties as before.
    w.city_entry("LS", "2024-06-01", 1.0);
    w.city_entry("YN", "2024-06-01", 1.0);
    assert_eq!(w.city.count("progress_entry"), 2);
}
