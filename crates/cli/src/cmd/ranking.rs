//! `ranking`: sub-units ranked by completion relative to pace.

use taizhang_core::{RankingQuery, UnitKind};

use super::input;
use super::progress::{footnote, require_units};
use crate::args::{Cli, Format, RankingArgs};
use crate::db;
use crate::failure::{CliResult, Failure};
use crate::figures;
use crate::output::emit;
use crate::table::{left, right, Table};

pub fn show(cli: &Cli, args: &RankingArgs) -> CliResult<String> {
    let ledger = db::open_read(cli)?;
    require_units(&ledger)?;
    let query = RankingQuery {
        as_of: input::as_of(&args.as_of, &ledger)?,
        parent: args.parent.clone(),
        action: args.action.clone(),
        kind: args.kind.as_deref().map(unit_kind).transpose()?,
    };
    let ranks = ledger.unit_ranking(&query)?;
    let raw = args.output.format == Format::Csv;
    let mut out = emit(args.output.format, &ranks, || {
        let mut t = Table::new(vec![
            right("名次", "rank"),
            left("责任单位", "unit"),
            left("类别", "kind"),
            right("指标数", "indicators"),
            right("序时完成度", "pace_index"),
            right("平均完成率", "mean_completion_rate"),
            right("已完成", "done"),
            right("滞后", "behind"),
            left("状态", "status"),
        ]);
        for r in &ranks {
            let share = |v: f64| {
                if raw {
                    figures::raw(Some(v))
                } else {
                    figures::percent(Some(v))
                }
            };
            t.push(vec![
                r.rank.to_string(),
                r.unit.clone(),
                if raw {
                    r.kind.as_str()
                } else {
                    r.kind.label_zh()
                }
                .into(),
                r.indicators.to_string(),
                share(r.pace_index),
                share(r.mean_completion_rate),
                r.done.to_string(),
                r.behind.to_string(),
                if raw {
                    r.status.as_str()
                } else {
                    r.status.label_zh()
                }
                .into(),
            ]);
        }
        t
    })?;
    if args.output.format == Format::Table {
        out.insert_str(
            0,
            &format!(
                "截至 {} · 序时完成度 = 各指标 min(完成/应完成, 1) 的平均\n",
                query.as_of
            ),
        );
        out.push_str(&footnote(&ledger)?);
    }
    Ok(out)
}

/// county / zone / department / party / city / other, or their Chinese names.
fn unit_kind(text: &str) -> CliResult<UnitKind> {
    let t = text.trim();
    let kind = UnitKind::parse(&t.to_ascii_lowercase()).or(match t {
        "市" => Some(UnitKind::City),
        "区县" | "县区" | "县" | "区" => Some(UnitKind::County),
        "功能区" | "开发区" => Some(UnitKind::Zone),
        "部门" => Some(UnitKind::Department),
        "党派" | "党派团体" => Some(UnitKind::Party),
        "其他" => Some(UnitKind::Other),
        _ => None,
    });
    kind.ok_or_else(|| {
        Failure::new(
            "bad_kind",
            format!("无法识别的单位类别「{t}」，可用：county（区县）、zone（功能区）、department（部门）、party（党派团体）"),
        )
    })
}
