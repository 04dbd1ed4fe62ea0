//! `target set` and `target list`.

use std::collections::HashMap;

use chrono::NaiveDate;
use taizhang_core::ledger::TargetFilter;
use taizhang_core::{validate, LedgerError, NewTarget, Period};

use super::input;
use crate::args::{Cli, TargetListArgs, TargetSetArgs};
use crate::db::{self, Create};
use crate::failure::CliResult;
use crate::figures;
use crate::output::emit;
use crate::table::{left, right, Table};

pub fn set(cli: &Cli, args: &TargetSetArgs) -> CliResult<String> {
    let mut ledger = db::open(cli, Create::Refused)?;
    let period = period(args)?;
    let value = input::number("target", &args.value)?;
    let new = NewTarget {
        indicator: args.indicator.clone(),
        unit: args.unit.clone(),
        period,
        value,
        milestones: Vec::new(),
        replace_overlapping: args.replace,
    };
    let set = ledger.write(&db::actor(), |w| w.set_target_reporting(new))?;
    let target = set.target;
    let indicator = ledger.indicator(&target.indicator_id)?;
    let unit = ledger.unit(&target.unit_id)?;
    let mut out = format!(
        "已设置目标：{} · {} · {} 至 {} · {}{}\n",
        indicator.name,
        unit.name,
        target.period.start,
        target.period.end,
        figures::value(target.value, indicator.decimals),
        indicator.measure
    );
    for old in &set.replaced {
        let old_value = figures::value(old.value, indicator.decimals);
        let (start, end) = (old.period.start, old.period.end);
        out.push_str(&match old.ended_on {
            Some(day) => format!(
                "已替换原目标：{start} 至 {end} · {old_value}{}，改为截至 {day}\n",
                indicator.measure
            ),
            None => format!(
                "已替换原目标：{start} 至 {end} · {old_value}{}，已删除\n",
                indicator.measure
            ),
        });
    }
    Ok(out)
}

fn period(args: &TargetSetArgs) -> CliResult<Period> {
    if let Some(year) = args.year {
        let day = |m, d| {
            NaiveDate::from_ymd_opt(year, m, d)
                .ok_or_else(|| LedgerError::BadDate(year.to_string()))
        };
        return Ok(Period {
            start: day(1, 1)?,
            end: day(12, 31)?,
        });
    }
    // clap requires --from and --to together unless --year is given.
    let (from, to) = (
        args.from.as_deref().unwrap_or_default(),
        args.to.as_deref().unwrap_or_default(),
    );
    Ok(Period {
        start: validate::parse_date(from)?,
        end: validate::parse_date(to)?,
    })
}

pub fn list(cli: &Cli, args: &TargetListArgs) -> CliResult<String> {
    let ledger = db::open_read(cli)?;
    let filter = TargetFilter {
        indicator: args.indicator.clone(),
        unit: args.unit.clone(),
    };
    let targets = ledger.targets(&filter)?;
    let indicators: HashMap<String, _> = ledger
        .indicators(None, true)?
        .into_iter()
        .map(|i| (i.id.clone(), i))
        .collect();
    let units: HashMap<String, String> = ledger
        .units(true)?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect();
    emit(args.output.format, &targets, || {
        let mut t = Table::new(vec![
            left("指标", "indicator"),
            left("责任单位", "unit"),
            left("开始", "period_start"),
            left("结束", "period_end"),
            right("目标值", "value"),
            left("计量", "measure"),
            left("来源", "source"),
            left("ID", "id"),
        ]);
        for target in &targets {
            let ind = indicators.get(&target.indicator_id);
            t.push(vec![
                ind.map(|i| i.name.clone()).unwrap_or_default(),
                units.get(&target.unit_id).cloned().unwrap_or_default(),
                target.period.start.to_string(),
                target.period.end.to_string(),
                figures::value(target.value, ind.map_or(0, |i| i.decimals)),
                ind.map(|i| i.measure.clone()).unwrap_or_default(),
                if target.is_sample {
                    "示例数据"
                } else {
                    "录入"
                }
                .into(),
                target.id.clone(),
            ]);
        }
        t
    })
}
