//! The small ledger the register tests share and helpers to pair, count and compute.
#![allow(unused_imports)]

pub use chrono::NaiveDate;
pub use taizhang_core::register::activity::{
    FieldDef, FieldKind, NewRegisterRow, NewRegisterType, RegisterFilter, StatusDef,
};
pub use taizhang_core::register::derive::{Derivation, DerivedSource, Measure};
pub use taizhang_core::register::enterprise::{EnterpriseFilter, NewEnterprise};
pub use taizhang_core::register::pairing::{
    EnterpriseRef, NewPairing, PairingChange, PairingFilter, PairingStatus, VillageRef,
};
pub use taizhang_core::register::project::{NewProject, ProjectFilter};
pub use taizhang_core::register::village::NewVillage;
pub use taizhang_core::*;

pub use crate::fixture::d;

pub struct Fixture {
    pub _dir: tempfile::TempDir,
    pub ledger: Ledger,
    pub actor: Actor,
}

/// A ledger with a city, two counties, one derived indicator per kind of count.
pub fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let mut ledger = Ledger::open(&dir.path().join("registers.db")).unwrap();
    ledger.set_today(Some(d("2024-12-31")));
    let actor = Actor::named("tester");
    ledger
        .write(&actor, |w| {
            w.add_unit(NewUnit {
                code: "city".into(),
                name: "临沂市".into(),
                name_en: String::new(),
                kind: UnitKind::City,
                parent: None,
            })?;
            for (code, name) in [("ls", "兰山区"), ("yn", "沂南县")] {
                w.add_unit(NewUnit {
                    code: code.into(),
                    name: name.into(),
                    name_en: String::new(),
                    kind: UnitKind::County,
                    parent: Some("city".into()),
                })?;
            }
            for (code, name, measure) in [
                ("ENT", "结对企业", "家"),
                ("VIL", "结对村", "个"),
                ("PRJ", "合作项目", "个"),
                ("INV", "项目投资", "万元"),
            ] {
                let decimals = if code == "INV" { 2 } else { 0 };
                w.add_indicator(crate::fixture::prosperity_indicator(
                    code, name, measure, decimals,
                ))?;
            }
            let derive = |source, measure, field: Option<&str>, status: Option<&str>| Derivation {
                source,
                register: None,
                measure,
                field: field.map(Into::into),
                status: status.map(Into::into),
                match_field: None,
                match_value: None,
            };
            w.set_derivation(
                "ENT",
                Some(derive(
                    DerivedSource::Pairing,
                    Measure::Distinct,
                    Some("enterprise_id"),
                    Some("active"),
                )),
            )?;
            w.set_derivation(
                "VIL",
                Some(derive(
                    DerivedSource::Pairing,
                    Measure::Distinct,
                    Some("village_id"),
                    Some("active"),
                )),
            )?;
            w.set_derivation(
                "PRJ",
                Some(derive(
                    DerivedSource::CoopProject,
                    Measure::Count,
                    None,
                    None,
                )),
            )?;
            w.set_derivation(
                "INV",
                Some(derive(
                    DerivedSource::CoopProject,
                    Measure::Sum,
                    Some("investment"),
                    None,
                )),
            )?;
            Ok(())
        })
        .unwrap();
    Fixture {
        _dir: dir,
        ledger,
        actor,
    }
}

pub fn new_ent(name: &str, code: Option<&str>) -> EnterpriseRef {
    EnterpriseRef::New(NewEnterprise {
        name: name.into(),
        credit_code: code.map(Into::into),
        county: Some("ls".into()),
        ..Default::default()
    })
}

pub fn new_vil(name: &str, county: &str) -> VillageRef {
    VillageRef::New(NewVillage {
        name: name.into(),
        township: "马厂湖镇".into(),
        county: county.into(),
    })
}

pub fn pair(
    f: &mut Fixture,
    e: EnterpriseRef,
    v: VillageRef,
    signed: &str,
) -> Result<register::pairing::Pairing> {
    let actor = f.actor.clone();
    f.ledger.write(&actor, |w| {
        w.add_pairing(NewPairing {
            enterprise: e,
            village: v,
            signed_on: d(signed),
            unit: None,
            status: PairingStatus::Active,
            note: String::new(),
        })
    })
}

pub fn completed(f: &Fixture, code: &str, unit: Option<&str>, as_of: &str) -> f64 {
    let q = ProgressQuery {
        as_of: d(as_of),
        unit: unit.map(Into::into),
        include_subunits: true,
        action: None,
        indicator: Some(code.into()),
    };
    f.ledger.progress(&q).unwrap()[0].completed
}

pub fn count(f: &Fixture, table: &str) -> i64 {
    let e = f
        .ledger
        .enterprises(&EnterpriseFilter {
            limit: Some(1),
            ..Default::default()
        })
        .unwrap()
        .total as i64;
    let p = f
        .ledger
        .pairings(&PairingFilter {
            limit: Some(1),
            ..Default::default()
        })
        .unwrap()
        .total as i64;
    match table {
        "enterprise" => e,
        "pairing" => p,
        _ => unreachable!(),
    }
}
