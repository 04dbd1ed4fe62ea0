//! `pairings list|add|end`: the enterprise–village pairings of 万企兴万村. Adding reuses
//! an enterprise already registered (by credit code or normalised name) and a village
//! already registered (by county, township and name), and otherwise creates them, in the
//! one transaction of the pairing.

use taizhang_core::register::enterprise::NewEnterprise;
use taizhang_core::register::pairing::NewPairing;
use taizhang_core::register::pairing::{
    EnterpriseRef, Pairing, PairingFilter, PairingStatus, VillageRef,
};
use taizhang_core::register::village::NewVillage;
use taizhang_core::{validate, LedgerError};

use super::listing;
use crate::args::{Cli, IdArg, PairingAddArgs, PairingListArgs};
use crate::db::{self, Create};
use crate::failure::CliResult;
use crate::figures;
use crate::table::{left, right, Table};

pub fn status_label(s: PairingStatus) -> &'static str {
    match s {
        PairingStatus::Active => "结对中",
        PairingStatus::Ended => "已结束",
    }
}

pub(crate) fn parse_status(text: &str) -> CliResult<PairingStatus> {
    PairingStatus::parse(text).ok_or_else(|| {
        LedgerError::Invalid {
            field: "status",
            problem: format!(
                "「{}」不是可选状态（active 结对中、ended 已结束）",
                text.trim()
            ),
        }
        .into()
    })
}

pub fn list(cli: &Cli, args: &PairingListArgs) -> CliResult<String> {
    let ledger = db::open_read(cli)?;
    let filter = PairingFilter {
        search: args.search.clone(),
        unit: args.unit.clone(),
        status: args.status.as_deref().map(parse_status).transpose()?,
        from: listing::date(args.from.as_deref())?,
        to: listing::date(args.to.as_deref())?,
        limit: listing::limit(&args.list),
        ..Default::default()
    };
    let page = ledger.pairings(&filter)?;
    let raw = listing::raw(&args.list);
    listing::print(&args.list, &page, || {
        let mut t = Table::new(vec![
            left("结对时间", "signed_on"),
            left("企业", "enterprise"),
            left("统一社会信用代码", "credit_code"),
            left("行政村", "village"),
            left("区县", "county"),
            left("责任单位", "unit"),
            left("状态", "status"),
            right("项目", "projects"),
            right("投资（万元）", "investment"),
            left("ID", "id"),
        ]);
        for p in &page.rows {
            t.push(vec![
                p.signed_on.to_string(),
                p.enterprise.clone(),
                p.credit_code.clone().unwrap_or_default(),
                format!("{}{}", p.township, p.village),
                p.county.clone(),
                p.unit.clone(),
                if raw {
                    p.status.as_str()
                } else {
                    status_label(p.status)
                }
                .into(),
                p.projects.to_string(),
                if raw {
                    figures::raw(Some(p.investment))
                } else {
                    figures::money(p.investment)
                },
                p.id.clone(),
            ]);
        }
        t
    })
}

pub fn add(cli: &Cli, args: &PairingAddArgs) -> CliResult<String> {
    let mut ledger = db::open(cli, Create::Refused)?;
    let signed_on = validate::parse_date(&args.date)?;
    let (pairing, old_enterprise, old_village) = ledger.write(&db::actor(), |w| {
        let old_enterprise = w.find_enterprise(&args.enterprise, args.credit_code.as_deref())?;
        let enterprise = match &old_enterprise {
            Some(e) => EnterpriseRef::Existing { id: e.id.clone() },
            None => EnterpriseRef::New(NewEnterprise {
                name: args.enterprise.clone(),
                credit_code: args.credit_code.clone(),
                county: args.enterprise_county.clone(),
                ..Default::default()
            }),
        };
        let old_village = w.find_village(&args.county, &args.township, &args.village)?;
        let village = match &old_village {
            Some(v) => VillageRef::Existing { id: v.id.clone() },
            None => VillageRef::New(NewVillage {
                name: args.village.clone(),
                township: args.township.clone(),
                county: args.county.clone(),
            }),
        };
        let pairing = w.add_pairing(NewPairing {
            enterprise,
            village,
            signed_on,
            unit: args.unit.clone(),
            status: PairingStatus::Active,
            note: args.note.clone(),
        })?;
        Ok((pairing, old_enterprise.is_some(), old_village.is_some()))
    })?;
    let whose = |old: bool| if old { "沿用已登记" } else { "新登记" };
    let code = pairing
        .credit_code
        .as_deref()
        .map_or_else(String::new, |c| format!("（统一社会信用代码 {c}）"));
    Ok(format!(
        "已登记结对：{}\n  企业：{}{code}\n  行政村：{}\n  责任单位：{}\n  编号：{}\n",
        describe(&pairing),
        whose(old_enterprise),
        whose(old_village),
        pairing.unit,
        pairing.id
    ))
}

pub fn end(cli: &Cli, args: &IdArg) -> CliResult<String> {
    let mut ledger = db::open(cli, Create::Refused)?;
    let before = ledger.pairing(args.id.trim())?;
    if before.status == PairingStatus::Ended {
        return Ok(format!("该结对已结束，未作改动：{}\n", describe(&before)));
    }
    let p = ledger.write(&db::actor(), |w| {
        w.set_pairing_status(&before.id, PairingStatus::Ended)
    })?;
    Ok(format!(
        "已结束结对：{}（不再计入在结对的企业、行政村数）\n",
        describe(&p)
    ))
}

/// "临沂恒信木业有限公司 — 兰山区马厂湖镇东王庄村 · 2024-07-01"
pub(crate) fn describe(p: &Pairing) -> String {
    format!(
        "{} — {}{}{} · {}",
        p.enterprise, p.county, p.township, p.village, p.signed_on
    )
}
