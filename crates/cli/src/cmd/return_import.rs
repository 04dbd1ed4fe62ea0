//! `import return FILE [--unit U] [--quarter Q] [--dry-run] [--mapping FILE.json]`: a
//! unit's return for a quarter, previewed per indicator (本期, 累计, what is written) or
//! written in one transaction, replacing the unit's earlier return for the quarter. Rows
//! matched to no indicator are listed with how to correct the mapping (`--mapping`).

use taizhang_core::import::returns::{self, ReturnOptions, ReturnPreview};
use taizhang_core::round::RoundPeriod;

use super::import_answer::{self, commit_failure, problem_lines};
use crate::args::{Cli, Format, ImportArgs};
use crate::db::{self, Create};
use crate::failure::CliResult;
use crate::figures::raw;
use crate::output::json;
use crate::table::{left, right, Table};

pub fn is_return(kind: &str) -> bool {
    matches!(
        kind.trim(),
        "return" | "returns" | "报表" | "统计表" | "报送表"
    )
}

pub fn run(cli: &Cli, args: &ImportArgs) -> CliResult<String> {
    let period = args
        .quarter
        .as_deref()
        .map(RoundPeriod::parse)
        .transpose()?;
    let options = ReturnOptions {
        unit: args.unit.clone(),
        period,
        mapping: args
            .mapping
            .as_deref()
            .map(|path| import_answer::read_mapping(path, "对应关系文件"))
            .transpose()?,
    };
    if args.dry_run {
        let ledger = db::open_read(cli)?;
        let preview = returns::preview(&ledger, &args.file, &options)?;
        return import_answer::dry_run(
            args.format,
            &preview,
            &preview.file,
            &preview.problems,
            || describe(&preview),
        );
    }
    let mut ledger = db::open(cli, Create::Refused)?;
    let report = returns::commit(
        &mut ledger,
        &db::actor(),
        &args.file,
        &options,
        &mut |_, _| {},
    )
    .map_err(commit_failure)?;
    if args.format == Format::Json {
        return json(&report);
    }
    if report.unchanged {
        return Ok(format!(
            "无变化：台账中已是{}{}这份报表的数据，未写入。\n",
            report.unit, report.period
        ));
    }
    let replaced = if report.replaced > 0 {
        format!("，替换此前导入的 {} 条", report.replaced)
    } else {
        String::new()
    };
    let moved = if report.evidence_moved > 0 {
        format!(
            "被替换记录的佐证材料 {} 份已转到新记录（或该报表）上。\n",
            report.evidence_moved
        )
    } else {
        String::new()
    };
    Ok(format!(
        "已导入{}{}报表：写入完成情况 {} 条{replaced}；滞后原因/整改措施 {} 条。\n{moved}",
        report.unit, report.period, report.written, report.lag_notes
    ))
}

/// The preview for a terminal: who and when, the columns read, one line per indicator.
fn describe(p: &ReturnPreview) -> String {
    let unit = p.unit.as_deref().unwrap_or("（未确定）");
    let quarter = p
        .period
        .map_or_else(|| "（未确定）".to_string(), |q| q.to_string());
    let mut out = format!(
        "预览：导入报表「{}」\n报送单位：{unit}；报送期：{quarter}\n",
        p.file
    );
    if let Some(m) = &p.mapping {
        let cols: Vec<String> = m
            .columns
            .iter()
            .filter_map(|c| {
                c.role
                    .map(|r| format!("{}列「{}」→{}", c.letter, c.header, r.label_zh()))
            })
            .collect();
        out += &format!(
            "工作表「{}」表头在第{}行：{}\n",
            m.sheet,
            m.header_row,
            cols.join("，")
        );
        out += &rows_to_correct(p);
    }
    if let Some(h) = &p.replaces {
        out += &format!(
            "将替换 {} 于 {} 导入的「{}」（{} 条）\n",
            h.imported_by, h.imported_at, h.file_name, h.entries
        );
    }
    for note in &p.notes {
        out += &format!("注意：{note}\n");
    }
    if !p.lines.is_empty() {
        let mut t = Table::new(vec![
            left("行", "row"),
            left("指标", "indicator"),
            right("本期", "period"),
            right("累计", "year_to_date"),
            right("此前已录入", "held_before"),
            right("写入本期", "value"),
            left("提示", "warnings"),
        ]);
        for l in &p.lines {
            let value = if l.derived {
                "（台账统计，不写入）".to_string()
            } else {
                l.value.map_or_else(|| "-".into(), |v| raw(Some(v)))
            };
            t.push(vec![
                l.row.to_string(),
                l.indicator.clone(),
                l.period.map_or_else(|| "-".into(), |v| raw(Some(v))),
                l.year_to_date.map_or_else(|| "-".into(), |v| raw(Some(v))),
                raw(Some(l.held_before)),
                value,
                l.warnings.join("；"),
            ]);
        }
        out += "\n";
        out += &t.render();
    }
    out + &problem_lines(&p.problems, usize::MAX)
}

/// The rows matched to no indicator, or left out, and how to correct them: the JSON
/// preview's `mapping` saved to a file, the row's `indicator` (a code or name) or `skip`
/// set, and the file given back with `--mapping`.
fn rows_to_correct(p: &ReturnPreview) -> String {
    let Some(m) = &p.mapping else {
        return String::new();
    };
    let open: Vec<String> = m
        .rows
        .iter()
        .filter(|r| r.skip || r.indicator.is_none())
        .map(|r| {
            let what = if r.skip {
                "不导入"
            } else {
                "未对应指标"
            };
            format!("第{}行「{}」→{what}", r.row, r.label)
        })
        .collect();
    if open.is_empty() {
        return String::new();
    }
    format!(
        "行对应：{}\n（改正对应：以 --dry-run --format json 预览，把其中 mapping 存为文件，\
         改该行的 indicator（指标编码或名称）或 skip，再用 --mapping 文件 导入）\n",
        open.join("，")
    )
}
