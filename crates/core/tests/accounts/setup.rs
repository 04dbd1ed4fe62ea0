//! A small ledger with two counties, a row of every kind in each, and one account per
//! role scoped to 兰山区 (the admin: the whole city). Saved once, copied per case.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use taizhang_core::auth::NewAccount;
use taizhang_core::export::lag_notes::NewLagNote;
use taizhang_core::register::activity::{FieldDef, FieldKind, NewRegisterRow, NewRegisterType};
use taizhang_core::register::enterprise::NewEnterprise;
use taizhang_core::register::pairing::{EnterpriseRef, NewPairing, VillageRef};
use taizhang_core::register::project::NewProject;
use taizhang_core::register::village::NewVillage;
use taizhang_core::*;

pub const PASSWORD: &str = "Mima2024ok";

use crate::fixture::unit;
pub use crate::fixture::{all_counts as counts, d};

/// The rows of one county: (entry, target, pairing, project, register row, lag note,
/// enterprise, village) ids.
#[derive(Debug, Clone, Default)]
pub struct Rows {
    pub unit: String,
    pub entry: String,
    pub target: String,
    pub pairing: String,
    pub project: String,
    pub row: String,
    pub note: String,
    pub enterprise: String,
    pub village: String,
}

pub struct Prepared {
    pub _dir: tempfile::TempDir,
    pub path: PathBuf,
    pub inside: Rows,
    pub outside: Rows,
    /// account id per role: admin, reviewer, clerk, viewer.
    pub accounts: Vec<(Role, String)>,
}

fn county_rows(w: &mut Writer<'_>, code: &str, name: &str, n: u32) -> Result<Rows> {
    let entry = w.record_entry(NewEntry {
        indicator: "JY".into(),
        unit: code.into(),
        occurred_on: d("2024-05-10"),
        value: 3.0,
        note: String::new(),
    })?;
    let target = w.set_target(NewTarget {
        indicator: "JY".into(),
        unit: code.into(),
        period: Period {
            start: d("2024-01-01"),
            end: d("2024-12-31"),
        },
        value: 100.0,
        milestones: Vec::new(),
        replace_overlapping: false,
    })?;
    let pairing = w.add_pairing(NewPairing {
        enterprise: EnterpriseRef::New(NewEnterprise {
            name: format!("{name}示范企业{n}"),
            credit_code: None,
            kind: Default::default(),
            county: Some(code.into()),
            contact: String::new(),
        }),
        village: VillageRef::New(NewVillage {
            name: format!("东{n}村"),
            township: "示范镇".into(),
            county: code.into(),
        }),
        signed_on: d("2024-03-01"),
        unit: Some(code.into()),
        status: Default::default(),
        note: String::new(),
    })?;
    let project = w.add_project(NewProject {
        pairing: pairing.id.clone(),
        name: "蔬菜大棚".into(),
        kind: Default::default(),
        agreed_on: d("2024-04-01"),
        investment: Some(12.5),
        status: Default::default(),
        beneficiaries: Some(10),
    })?;
    let row = w.add_register_row(NewRegisterRow {
        register: "meet".into(),
        occurred_on: d("2024-05-01"),
        unit: code.into(),
        title: "座谈会".into(),
        status: None,
        data: Default::default(),
    })?;
    let note = w.set_lag_note(NewLagNote {
        indicator: "JY".into(),
        unit: Some(code.into()),
        quarter: Quarter::containing(d("2024-05-15")),
        reason: "汛期".into(),
        measures: "加强调度".into(),
    })?;
    Ok(Rows {
        unit: w
            .conn()
            .query_row("SELECT id FROM unit WHERE code = ?1", [code], |r| r.get(0))?,
        entry: entry.id,
        target: target.id,
        project: project.id,
        row: row.id,
        note: note.id,
        enterprise: pairing.enterprise_id.clone(),
        village: pairing.village_id.clone(),
        pairing: pairing.id,
    })
}

pub fn prepare() -> Prepared {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("prepared.db");
    let mut ledger = Ledger::open(&path).unwrap();
    ledger.set_today(Some(d("2024-07-15")));
    let me = Actor::named("setup");
    let (inside, outside) = ledger
        .write(&me, |w| {
            w.add_unit(unit("city", "临沂市", UnitKind::City, None))?;
            w.add_unit(unit("ls", "兰山区", UnitKind::County, Some("city")))?;
            w.add_unit(unit("yn", "沂南县", UnitKind::County, Some("city")))?;
            w.add_indicator(NewIndicator {
                action: "advice".into(),
                code: "JY".into(),
                name: "征集意见建议".into(),
                name_en: String::new(),
                measure: "条".into(),
                headline: true,
                decimals: 0,
                pacing: Pacing::Linear,
            })?;
            w.add_register_type(NewRegisterType {
                code: "meet".into(),
                action: "advice".into(),
                name: "座谈会".into(),
                name_en: String::new(),
                fields: vec![FieldDef {
                    key: "people".into(),
                    label: "人数".into(),
                    label_en: String::new(),
                    kind: FieldKind::Count,
                    options: Vec::new(),
                    required: false,
                }],
                statuses: Vec::new(),
            })?;
            Ok((
                county_rows(w, "ls", "兰山", 1)?,
                county_rows(w, "yn", "沂南", 2)?,
            ))
        })
        .unwrap();
    let mut accounts: Vec<(Role, String)> = Vec::new();
    for (role, login, unit) in [
        (Role::Admin, "admin", None),
        (Role::Reviewer, "shenhe", Some("ls")),
        (Role::Clerk, "lanshan", Some("ls")),
        (Role::Viewer, "lingdao", Some("ls")),
    ] {
        let acting = match accounts.first() {
            None => me.clone(),
            Some((_, id)) => signed(&ledger, id),
        };
        let a = ledger
            .write(&acting, |w| {
                w.add_account(&NewAccount {
                    login: login.into(),
                    display_name: format!("{login}某"),
                    role,
                    unit: unit.map(Into::into),
                    password: PASSWORD.into(),
                })
            })
            .unwrap();
        accounts.push((role, a.id));
    }
    drop(ledger);
    Prepared {
        _dir: dir,
        path,
        inside,
        outside,
        accounts,
    }
}

/// The actor of an account, as signing in would give it (the ledger re-reads role and unit).
pub fn signed(ledger: &Ledger, account_id: &str) -> Actor {
    let a = ledger.account(account_id).unwrap();
    Actor {
        name: a.login,
        display_name: a.display_name,
        role: a.role,
        unit_id: a.unit_id,
        account_id: Some(a.id),
    }
}

impl Prepared {
    /// A fresh copy of the prepared ledger, opened, today pinned.
    pub fn copy(&self, dir: &Path) -> (PathBuf, Ledger) {
        let path = dir.join("case.db");
        std::fs::copy(&self.path, &path).unwrap();
        let mut ledger = Ledger::open(&path).unwrap();
        ledger.set_today(Some(d("2024-07-15")));
        (path, ledger)
    }

    pub fn account(&self, role: Role) -> &str {
        &self.accounts.iter().find(|(r, _)| *r == role).unwrap().1
    }
}
