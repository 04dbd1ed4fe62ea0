//! `pairings edit`, `projects edit`, `register edit`: change a register row. Only the
//! options given change; the rest is taken from the row as it is, and the core checks the
//! whole under the rules of adding (the same pair twice, a wrong field, a future date …).

use taizhang_core::register::enterprise::NewEnterprise;
use taizhang_core::register::pairing::{EnterpriseRef, PairingChange, VillageRef};
use taizhang_core::register::project::NewProject;
use taizhang_core::register::village::NewVillage;
use taizhang_core::{validate, Ledger};

use super::{input, pairings, projects, register};
use crate::args::{Cli, PairingEditArgs, ProjectEditArgs, RegisterEditArgs};
use crate::db::{self, Create};
use crate::failure::CliResult;

fn date_or(text: Option<&str>, now: chrono::NaiveDate) -> CliResult<chrono::NaiveDate> {
    Ok(text.map(validate::parse_date).transpose()?.unwrap_or(now))
}

pub fn pairing(cli: &Cli, args: &PairingEditArgs) -> CliResult<String> {
    let mut ledger = db::open(cli, Create::Refused)?;
    let old = ledger.pairing(args.id.trim())?;
    let signed_on = date_or(args.date.as_deref(), old.signed_on)?;
    let status = args
        .status
        .as_deref()
        .map(pairings::parse_status)
        .transpose()?;
    let p = ledger.write(&db::actor(), |w| {
        let enterprise = match &args.enterprise {
            None => EnterpriseRef::Existing {
                id: old.enterprise_id.clone(),
            },
            Some(name) => match w.find_enterprise(name, args.credit_code.as_deref())? {
                Some(e) => EnterpriseRef::Existing { id: e.id },
                None => EnterpriseRef::New(NewEnterprise {
                    name: name.clone(),
                    credit_code: args.credit_code.clone(),
                    ..Default::default()
                }),
            },
        };
        let village = match (&args.village, &args.township, &args.county) {
            (Some(name), Some(township), Some(county)) => {
                match w.find_village(county, township, name)? {
                    Some(v) => VillageRef::Existing { id: v.id },
                    None => VillageRef::New(NewVillage {
                        name: name.clone(),
                        township: township.clone(),
                        county: county.clone(),
                    }),
                }
            }
            _ => VillageRef::Existing {
                id: old.village_id.clone(),
            },
        };
        w.update_pairing(
            &old.id,
            PairingChange {
                enterprise,
                village,
                signed_on,
                unit: args.unit.clone(),
                status: status.unwrap_or(old.status),
                note: args.note.clone().unwrap_or_else(|| old.note.clone()),
            },
        )
    })?;
    Ok(format!(
        "已修改结对：{} · {} · 责任单位 {}\n",
        pairings::describe(&p),
        pairings::status_label(p.status),
        p.unit
    ))
}

pub fn project(cli: &Cli, args: &ProjectEditArgs) -> CliResult<String> {
    let mut ledger = db::open(cli, Create::Refused)?;
    let old = ledger.project(args.id.trim())?;
    let number = |v: &Option<String>| v.as_deref().map(|v| input::number("investment", v));
    let change = NewProject {
        pairing: args
            .pairing
            .as_deref()
            .map_or(old.pairing_id.clone(), |p| p.trim().to_string()),
        name: args.name.clone().unwrap_or_else(|| old.name.clone()),
        kind: args
            .kind
            .as_deref()
            .map(projects::parse_kind)
            .transpose()?
            .unwrap_or(old.kind),
        agreed_on: date_or(args.date.as_deref(), old.agreed_on)?,
        investment: number(&args.investment).transpose()?.or(old.investment),
        status: args
            .status
            .as_deref()
            .map(projects::parse_status)
            .transpose()?
            .unwrap_or(old.status),
        beneficiaries: args
            .beneficiaries
            .as_deref()
            .map(projects::people)
            .transpose()?
            .or(old.beneficiaries),
    };
    let x = ledger.write(&db::actor(), |w| w.update_project(&old.id, change))?;
    let investment = x.investment.map_or_else(String::new, |v| {
        format!(" · 投资 {} 万元", crate::figures::money(v))
    });
    Ok(format!(
        "已修改合作项目：{} · {} · {} — {} · {}{investment} · {}\n",
        x.name,
        x.kind.label_zh(),
        x.enterprise,
        x.village,
        x.agreed_on,
        projects::status_label(x.status)
    ))
}

pub fn register_row(cli: &Cli, args: &RegisterEditArgs) -> CliResult<String> {
    let mut ledger: Ledger = db::open(cli, Create::Refused)?;
    let old = ledger.register_row(args.id.trim())?;
    let t = ledger.register_type(&old.type_code)?;
    let mut data = old.data.clone();
    for text in &args.fields {
        let (k, v) = register::pair(text)?;
        data.insert(
            register::field_key(&t, k)?,
            serde_json::Value::String(v.to_string()),
        );
    }
    let change = taizhang_core::register::activity::NewRegisterRow {
        register: t.code.clone(),
        occurred_on: date_or(args.date.as_deref(), old.occurred_on)?,
        unit: args.unit.clone().unwrap_or_else(|| old.unit_id.clone()),
        title: args.title.clone().unwrap_or_else(|| old.title.clone()),
        status: args
            .status
            .as_deref()
            .map(|s| register::status_key(&t, s))
            .or(old.status.clone()),
        data,
    };
    let row = ledger.write(&db::actor(), |w| w.update_register_row(&old.id, change))?;
    let status = row.status.as_deref().map_or(String::new(), |s| {
        let label = t.statuses.iter().find(|d| d.key == s);
        format!(" · {}", label.map_or(s, |d| d.label.as_str()))
    });
    Ok(format!(
        "已修改「{}」：{} · {} · {}{status}\n",
        t.name, row.occurred_on, row.unit, row.title
    ))
}
