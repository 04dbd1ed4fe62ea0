//! `report`: the quarterly summary (季度汇总) written to .xlsx, .docx or .csv; `lag-note`:
//! the reason and measures of an indicator behind pace, which the report shows.

use taizhang_core::export::{self, ExportFormat, NewLagNote, SummaryQuery};
use taizhang_core::{validate, LedgerError, Quarter};

use super::progress::require_units;
use crate::args::{Cli, LagNoteArgs, ReportArgs};
use crate::db::{self, Create};
use crate::failure::CliResult;

fn quarter(text: &str) -> CliResult<Quarter> {
    Quarter::parse(text).ok_or_else(|| LedgerError::BadQuarter(text.trim().to_string()).into())
}

pub fn report(cli: &Cli, args: &ReportArgs) -> CliResult<String> {
    // An unsupported file name, or one already there without --force, is refused before
    // the ledger is even opened.
    let format = ExportFormat::from_path(&args.out)?;
    export::refuse_existing(&args.out, args.force)?;
    let ledger = db::open_read(cli)?;
    require_units(&ledger)?;
    let query = SummaryQuery {
        quarter: args.quarter.as_deref().map(quarter).transpose()?,
        as_of: args
            .as_of
            .as_deref()
            .map(validate::parse_date)
            .transpose()?,
        unit: args.unit.clone(),
        action: args.action.clone(),
    };
    let done = export::export_to_file_checked(&ledger, &query, &args.out, args.force)?;
    let kind = match format {
        ExportFormat::Xlsx => "Excel",
        ExportFormat::Docx => "Word",
        ExportFormat::Csv => "CSV",
    };
    let mut out = format!(
        "已生成「{}」（{kind}，{}）：{}\n指标 {} 项",
        done.title,
        size(done.bytes),
        args.out.display(),
        done.indicators
    );
    if done.behind == 0 {
        out.push_str("，均达到序时进度。\n");
    } else {
        out.push_str(&format!("，{} 项低于序时进度", done.behind));
        if done.behind_without_note > 0 {
            out.push_str(&format!(
                "，其中 {} 项尚未填写滞后原因（报告中显示「（待填写）」，可用 taizhang lag-note 填写）",
                done.behind_without_note
            ));
        }
        out.push_str("。\n");
    }
    Ok(out)
}

pub fn lag_note(cli: &Cli, args: &LagNoteArgs) -> CliResult<String> {
    let mut ledger = db::open(cli, Create::Refused)?;
    let new = NewLagNote {
        indicator: args.indicator.clone(),
        unit: args.unit.clone(),
        quarter: quarter(&args.quarter)?,
        reason: args.reason.clone(),
        measures: args.measures.clone(),
    };
    let note = ledger.write(&db::actor(), |w| w.set_lag_note(new))?;
    Ok(format!(
        "已保存 {} {}「{}」的滞后说明。\n滞后原因：{}\n整改措施：{}\n",
        note.quarter,
        note.unit,
        note.indicator,
        blank_as_to_fill(&note.reason),
        blank_as_to_fill(&note.measures)
    ))
}

fn blank_as_to_fill(text: &str) -> &str {
    if text.is_empty() {
        "（待填写）"
    } else {
        text
    }
}

/// 21 KB, 1.2 MB
fn size(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}
