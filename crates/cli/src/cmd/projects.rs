//! `projects list|add`: the cooperation projects (合作项目) pairings carry.

use taizhang_core::register::project::{NewProject, ProjectFilter, ProjectKind, ProjectStatus};
use taizhang_core::{validate, LedgerError};

use super::{input, listing};
use crate::args::{Cli, ProjectAddArgs, ProjectListArgs};
use crate::db::{self, Create};
use crate::failure::{CliResult, Failure};
use crate::figures;
use crate::table::{left, right, Table};

pub fn status_label(s: ProjectStatus) -> &'static str {
    match s {
        ProjectStatus::Agreed => "已签约",
        ProjectStatus::InProgress => "实施中",
        ProjectStatus::Completed => "已完成",
    }
}

pub(crate) fn parse_kind(text: &str) -> CliResult<ProjectKind> {
    ProjectKind::parse(text).ok_or_else(|| {
        Failure::new(
            "invalid",
            format!(
                "「项目类型」应为 产业、就业、消费、公益、人才、其他 之一，收到「{}」",
                text.trim()
            ),
        )
    })
}

pub(crate) fn parse_status(text: &str) -> CliResult<ProjectStatus> {
    ProjectStatus::parse(text).ok_or_else(|| {
        LedgerError::Invalid {
            field: "status",
            problem: format!("「{}」不是可选状态（已签约、实施中、已完成）", text.trim()),
        }
        .into()
    })
}

/// A whole number of people, checked by the core's value rule (not negative, no decimals).
pub(crate) fn people(text: &str) -> CliResult<u32> {
    let n = input::number("beneficiaries", text)?;
    validate::check_value("beneficiaries", n, 0)?;
    u32::try_from(n as u64)
        .map_err(|_| Failure::new("invalid", format!("「受益人数」过大：{}", text.trim())))
}

pub fn list(cli: &Cli, args: &ProjectListArgs) -> CliResult<String> {
    let ledger = db::open_read(cli)?;
    let filter = ProjectFilter {
        search: args.search.clone(),
        unit: args.unit.clone(),
        pairing_id: args.pairing.clone(),
        kind: args.kind.as_deref().map(parse_kind).transpose()?,
        status: args.status.as_deref().map(parse_status).transpose()?,
        from: listing::date(args.from.as_deref())?,
        to: listing::date(args.to.as_deref())?,
        limit: listing::limit(&args.list),
        offset: None,
    };
    let page = ledger.projects(&filter)?;
    let raw = listing::raw(&args.list);
    listing::print(&args.list, &page, || {
        let mut t = Table::new(vec![
            left("签约时间", "agreed_on"),
            left("项目", "name"),
            left("类型", "kind"),
            left("企业", "enterprise"),
            left("行政村", "village"),
            left("区县", "county"),
            right("投资（万元）", "investment"),
            right("受益人数", "beneficiaries"),
            left("状态", "status"),
            left("ID", "id"),
        ]);
        for x in &page.rows {
            t.push(vec![
                x.agreed_on.to_string(),
                x.name.clone(),
                if raw {
                    x.kind.as_str()
                } else {
                    x.kind.label_zh()
                }
                .into(),
                x.enterprise.clone(),
                x.village.clone(),
                x.county.clone(),
                if raw {
                    figures::raw(x.investment)
                } else {
                    figures::maybe_money(x.investment)
                },
                match (x.beneficiaries, raw) {
                    (Some(n), _) => n.to_string(),
                    (None, true) => String::new(),
                    (None, false) => "-".into(),
                },
                if raw {
                    x.status.as_str()
                } else {
                    status_label(x.status)
                }
                .into(),
                x.id.clone(),
            ]);
        }
        t
    })
}

pub fn add(cli: &Cli, args: &ProjectAddArgs) -> CliResult<String> {
    let mut ledger = db::open(cli, Create::Refused)?;
    let new = NewProject {
        pairing: args.pairing.trim().to_string(),
        name: args.name.clone(),
        kind: parse_kind(&args.kind)?,
        agreed_on: validate::parse_date(&args.date)?,
        investment: args
            .investment
            .as_deref()
            .map(|v| input::number("investment", v))
            .transpose()?,
        status: args
            .status
            .as_deref()
            .map(parse_status)
            .transpose()?
            .unwrap_or_default(),
        beneficiaries: args.beneficiaries.as_deref().map(people).transpose()?,
    };
    let x = ledger.write(&db::actor(), |w| w.add_project(new))?;
    let investment = x.investment.map_or_else(String::new, |v| {
        format!(" · 投资 {} 万元", figures::money(v))
    });
    Ok(format!(
        "已登记合作项目：{} · {} · {} — {} · {}{investment} · {}（编号 {}）\n",
        x.name,
        x.kind.label_zh(),
        x.enterprise,
        x.village,
        x.agreed_on,
        status_label(x.status),
        x.id
    ))
}
