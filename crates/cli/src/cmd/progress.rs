//! `progress`: target, completion, rate, pace (序时进度) and status, one row per indicator
//! for a scope (or per direct sub-unit and indicator with --by-unit).

use taizhang_core::progress::TargetSource;
use taizhang_core::{Ledger, ProgressQuery, ProgressRow};

use super::input;
use crate::args::{Cli, Format, ProgressArgs};
use crate::db;
use crate::failure::{CliResult, Failure};
use crate::figures;
use crate::output::json;
use crate::table::{left, right, Column, Table};

pub fn show(cli: &Cli, args: &ProgressArgs) -> CliResult<String> {
    let ledger = db::open_read(cli)?;
    require_units(&ledger)?;
    let query = ProgressQuery {
        as_of: input::as_of(&args.as_of, &ledger)?,
        unit: args.unit.clone(),
        include_subunits: true,
        action: args.action.clone(),
        indicator: args.indicator.clone(),
    };
    let rows = if args.by_unit {
        ledger.progress_by_unit(&query)?
    } else {
        ledger.progress(&query)?
    };
    match args.output.format {
        Format::Json => json(&rows),
        Format::Csv => Ok(raw_table(&rows).to_csv()?),
        Format::Table => {
            let scope = match &args.unit {
                Some(k) => ledger.unit(k)?.name,
                None => ledger.root_unit()?.map(|u| u.name).unwrap_or_default(),
            };
            let mut out = heading(&scope, &query, &rows);
            out.push_str(&display_table(&rows, args.by_unit).render());
            out.push_str(&footnote(&ledger)?);
            Ok(out)
        }
    }
}

/// Progress needs a scope; an empty ledger has none.
pub fn require_units(ledger: &Ledger) -> CliResult<()> {
    if ledger.root_unit()?.is_none() {
        return Err(Failure::new(
            "no_units",
            "台账中还没有责任单位；可先运行 taizhang sample 加载示例数据",
        ));
    }
    Ok(())
}

/// "临沂市 · 截至 2024-06-30 · 目标期 2022-01-01 至 2024-12-31"
fn heading(scope: &str, query: &ProgressQuery, rows: &[ProgressRow]) -> String {
    let mut s = format!("{scope} · 截至 {}", query.as_of);
    if let Some(p) = common_period(rows) {
        s.push_str(&format!(" · 目标期 {} 至 {}", p.start, p.end));
    }
    s.push('\n');
    s
}

/// The one target period every row shares, if they do.
fn common_period(rows: &[ProgressRow]) -> Option<taizhang_core::Period> {
    let first = rows.first()?.period?;
    rows.iter()
        .all(|r| r.period == Some(first))
        .then_some(first)
}

/// The targets and the spread of the sample are illustrative; say so where they show.
pub fn footnote(ledger: &Ledger) -> CliResult<String> {
    Ok(if ledger.has_sample()? {
        "注：含示例数据。全市合计与 2024 年 7 月发布的数字一致；目标和各单位间的分配为示意。\n"
            .into()
    } else {
        String::new()
    })
}

fn display_table(rows: &[ProgressRow], by_unit: bool) -> Table {
    let mixed_periods = common_period(rows).is_none() && rows.iter().any(|r| r.period.is_some());
    let mut columns: Vec<Column> = Vec::new();
    if by_unit {
        columns.push(left("责任单位", "unit"));
    }
    columns.extend([
        left("行动", "action_name"),
        left("指标", "indicator"),
        left("计量", "measure"),
        right("目标", "target"),
        right("完成", "completed"),
        right("完成率", "completion_rate"),
        right("序时进度", "expected_share"),
        right("应完成", "expected"),
        right("差距", "gap"),
    ]);
    if mixed_periods {
        columns.push(left("目标期", "period"));
    }
    columns.push(left("状态", "status"));
    let mut t = Table::new(columns);
    for r in rows {
        let mut cells = Vec::new();
        if by_unit {
            cells.push(r.unit.clone());
        }
        cells.extend([
            r.action_name.clone(),
            r.indicator.clone(),
            r.measure.clone(),
            figures::maybe_value(r.target, r.decimals),
            figures::value(r.completed, r.decimals),
            figures::percent(r.completion_rate),
            figures::percent(r.expected_share),
            // The expected value is rarely whole: one more decimal keeps "3 of 3.3" (slightly
            // behind) from reading as "3 of 3".
            figures::maybe_value(r.expected, r.decimals.max(1)),
            figures::signed(r.gap, r.decimals.max(1)),
        ]);
        if mixed_periods {
            cells.push(
                r.period
                    .map(|p| format!("{} 至 {}", p.start, p.end))
                    .unwrap_or_else(|| "-".into()),
            );
        }
        cells.push(r.status.label_zh().into());
        t.push(cells);
    }
    t
}

/// For scripts: every field, numbers unformatted, English headers as in the JSON.
fn raw_table(rows: &[ProgressRow]) -> Table {
    let mut t = Table::new(vec![
        left("", "action"),
        left("", "action_name"),
        left("", "indicator_id"),
        left("", "indicator_code"),
        left("", "indicator"),
        left("", "measure"),
        left("", "unit_id"),
        left("", "unit"),
        left("", "as_of"),
        left("", "period_start"),
        left("", "period_end"),
        right("", "target"),
        left("", "target_source"),
        right("", "completed"),
        right("", "completion_rate"),
        right("", "expected"),
        right("", "expected_share"),
        right("", "gap"),
        left("", "status"),
    ]);
    for r in rows {
        let source = match r.target_source {
            TargetSource::Own => "own",
            TargetSource::SubUnits => "sub_units",
            TargetSource::None => "none",
        };
        t.push(vec![
            r.action.clone(),
            r.action_name.clone(),
            r.indicator_id.clone(),
            r.indicator_code.clone(),
            r.indicator.clone(),
            r.measure.clone(),
            r.unit_id.clone(),
            r.unit.clone(),
            r.as_of.to_string(),
            r.period.map(|p| p.start.to_string()).unwrap_or_default(),
            r.period.map(|p| p.end.to_string()).unwrap_or_default(),
            figures::raw(r.target),
            source.into(),
            figures::raw(Some(r.completed)),
            figures::raw(r.completion_rate),
            figures::raw(r.expected),
            figures::raw(r.expected_share),
            figures::raw(r.gap),
            r.status.as_str().into(),
        ]);
    }
    t
}
