//! `round …` (open, send, status, remind, submit, lock, unlock, list, history) and
//! `review …` (approve, return, correct): the reporting round from a terminal. The core
//! owns every rule; these only parse, delegate and print.

use serde::Serialize;
use taizhang_core::round::{self, BoardRow, NewRound, Round, RoundPeriod};
use taizhang_core::validate;

use super::input;
use crate::args::{
    Cli, Format, FormatArgs, ReviewCorrectArgs, ReviewReturnArgs, RoundLockArgs, RoundOpenArgs,
    RoundQuarterArgs, RoundRemindArgs, RoundSendArgs, RoundStatusArgs, RoundUnitArgs,
    RoundUnlockArgs,
};
use crate::db::{self, Create};
use crate::failure::CliResult;
use crate::output::emit;
use crate::table::{left, right, Table};

fn period(text: &str) -> CliResult<RoundPeriod> {
    Ok(RoundPeriod::parse(text)?)
}

pub fn open(cli: &Cli, args: &RoundOpenArgs) -> CliResult<String> {
    let mut ledger = db::open(cli, Create::Refused)?;
    let new = NewRound {
        period: period(&args.quarter)?,
        due_on: validate::parse_date(&args.due)?,
        units: args.unit.clone(),
    };
    let round = ledger.write(&db::actor(), |w| w.open_round(new))?;
    Ok(format!(
        "已开启{}填报：{} 个单位，{} 前报送（编号 {}）\n",
        round.label, round.units, round.due_on, round.id
    ))
}

pub fn send(cli: &Cli, args: &RoundSendArgs) -> CliResult<String> {
    let mut ledger = db::open(cli, Create::Refused)?;
    let report =
        round::send::send_round(&mut ledger, &db::actor(), period(&args.quarter)?, &args.out)?;
    let mut out = format!(
        "已生成{}统计表 {} 份：{}\n",
        report.label,
        report.files.len(),
        args.out.display()
    );
    for f in &report.files {
        out.push_str(&format!(
            "  {}：{} 项指标{}\n",
            f.unit,
            f.indicators,
            if f.behind > 0 {
                format!("，{} 项低于序时进度", f.behind)
            } else {
                String::new()
            }
        ));
    }
    Ok(out)
}

/// The board row as `round status --format json` prints it.
#[derive(Serialize)]
struct StatusLine<'a> {
    unit: &'a str,
    unit_id: &'a str,
    state: &'static str,
    state_label: &'a str,
    submitted_at: Option<&'a str>,
    submitted_by: Option<&'a str>,
    reviewed_at: Option<&'a str>,
    reviewed_by: Option<&'a str>,
    late_days: i64,
    reason: &'a str,
}

fn line(r: &BoardRow) -> StatusLine<'_> {
    StatusLine {
        unit: &r.unit,
        unit_id: &r.unit_id,
        state: r.state.as_str(),
        state_label: &r.state_label,
        submitted_at: r.submitted_at.as_deref(),
        submitted_by: r.submitted_by.as_deref(),
        reviewed_at: r.reviewed_at.as_deref(),
        reviewed_by: r.reviewed_by.as_deref(),
        late_days: r.late_days,
        reason: &r.reason,
    }
}

pub fn status(cli: &Cli, args: &RoundStatusArgs) -> CliResult<String> {
    let ledger = db::open_read(cli)?;
    let p = period(&args.quarter)?;
    let round = ledger.round(p)?;
    let board = ledger.round_board(p)?;
    let lines: Vec<StatusLine<'_>> = board.iter().map(line).collect();
    let mut out = emit(args.format, &lines, || {
        let mut t = Table::new(vec![
            left("单位", "unit"),
            left("状态", "state"),
            right("逾期天数", "late_days"),
            left("报送时间", "submitted_at"),
            left("报送人", "submitted_by"),
            left("退回原因", "reason"),
        ]);
        for r in &board {
            t.push(vec![
                r.unit.clone(),
                r.state_label.clone(),
                if r.late_days > 0 {
                    r.late_days.to_string()
                } else {
                    String::new()
                },
                r.submitted_at.clone().unwrap_or_default(),
                r.submitted_by.clone().unwrap_or_default(),
                r.reason.clone(),
            ]);
        }
        t
    })?;
    if args.format == Format::Table {
        out.insert_str(0, &heading(&round, &board));
    }
    Ok(out)
}

/// 2024年第三季度 · 10月10日前报送 · 已审 3 / 已报 2 / 退回 1 / 未报 19（逾期 19）· 已锁定
fn heading(round: &Round, board: &[BoardRow]) -> String {
    let count = |s: round::UnitState| board.iter().filter(|r| r.state == s).count();
    let late = board.iter().filter(|r| r.late_days > 0).count();
    let lock = match (&round.locked_on, &round.locked_by) {
        (Some(d), Some(by)) => format!(" · 已锁定（{d} 由{by}锁定）"),
        _ => String::new(),
    };
    format!(
        "{} · {} 前报送 · 已审 {} / 已报 {} / 退回 {} / 未报 {}（逾期 {}）{lock}\n",
        round.label,
        round.due_on,
        count(round::UnitState::Approved),
        count(round::UnitState::Submitted),
        count(round::UnitState::Returned),
        count(round::UnitState::NotStarted),
        late
    )
}

pub fn remind(cli: &Cli, args: &RoundRemindArgs) -> CliResult<String> {
    let ledger = db::open_read(cli)?;
    let p = period(&args.quarter)?;
    let reminders = match &args.out {
        Some(path) => ledger.reminders_to_file(p, path)?,
        None => ledger.reminders(p)?,
    };
    if reminders.is_empty() {
        return Ok(format!("{}各单位均已报送，无需催报。\n", p.label_zh()));
    }
    let mut out: String = reminders.iter().map(|r| format!("{}\n", r.text)).collect();
    if let Some(path) = &args.out {
        out.push_str(&format!(
            "催报名单（{} 个单位）已保存：{}\n",
            reminders.len(),
            path.display()
        ));
    }
    Ok(out)
}

fn step_done(what: &str, r: &BoardRow, label: &str) -> String {
    let mut out = format!("{}{label}的报表{what}，当前状态：{}", r.unit, r.state_label);
    if !r.reason.is_empty() {
        out.push_str(&format!("（退回原因：{}）", r.reason));
    }
    out.push('\n');
    out
}

pub fn submit(cli: &Cli, args: &RoundUnitArgs) -> CliResult<String> {
    let mut ledger = db::open(cli, Create::Refused)?;
    let p = period(&args.quarter)?;
    let row = ledger.write(&db::actor(), |w| w.submit_return(&args.unit, p))?;
    Ok(step_done("已提交", &row, &p.label_zh()))
}

pub fn approve(cli: &Cli, args: &RoundUnitArgs) -> CliResult<String> {
    let mut ledger = db::open(cli, Create::Refused)?;
    let p = period(&args.quarter)?;
    let row = ledger.write(&db::actor(), |w| w.approve(&args.unit, p))?;
    Ok(step_done("已审核通过", &row, &p.label_zh()))
}

pub fn send_back(cli: &Cli, args: &ReviewReturnArgs) -> CliResult<String> {
    let mut ledger = db::open(cli, Create::Refused)?;
    let p = period(&args.quarter)?;
    let row = ledger.write(&db::actor(), |w| {
        w.return_to_unit(&args.unit, p, &args.reason)
    })?;
    Ok(step_done("已退回", &row, &p.label_zh()))
}

pub fn correct(cli: &Cli, args: &ReviewCorrectArgs) -> CliResult<String> {
    let mut ledger = db::open(cli, Create::Refused)?;
    let value = input::number("value", &args.value)?;
    let done = ledger.write(&db::actor(), |w| {
        w.correct_entry(&args.entry, value, &args.reason)
    })?;
    let (entry, c) = (done.entry, done.correction);
    let ind = ledger.indicator(&entry.indicator_id)?;
    let unit = ledger.unit(&entry.unit_id)?;
    Ok(format!(
        "已更正：{} · {} · {}：原报 {} → 更正为 {}{}（原因：{}）\n",
        ind.name,
        unit.name,
        entry.occurred_on,
        crate::figures::value(c.reported, ind.decimals),
        crate::figures::value(c.corrected, ind.decimals),
        ind.measure,
        c.reason
    ))
}

pub fn lock(cli: &Cli, args: &RoundLockArgs) -> CliResult<String> {
    let mut ledger = db::open(cli, Create::Refused)?;
    let p = period(&args.quarter)?;
    let round = ledger.write(&db::actor(), |w| w.lock_round(p, args.force, &args.reason))?;
    Ok(format!(
        "已锁定{}（{} 由{}锁定）：该期间的完成情况、台账、目标和滞后说明不能再修改。\n",
        round.label,
        round.locked_on.map(|d| d.to_string()).unwrap_or_default(),
        round.locked_by.unwrap_or_default()
    ))
}

pub fn unlock(cli: &Cli, args: &RoundUnlockArgs) -> CliResult<String> {
    let mut ledger = db::open(cli, Create::Refused)?;
    let p = period(&args.quarter)?;
    let round = ledger.write(&db::actor(), |w| w.unlock_round(p, &args.reason))?;
    Ok(format!(
        "已解锁{}（原因：{}）。\n",
        round.label,
        args.reason.trim()
    ))
}

pub fn list(cli: &Cli, args: &FormatArgs) -> CliResult<String> {
    let ledger = db::open_read(cli)?;
    let rounds = ledger.rounds()?;
    emit(args.format, &rounds, || {
        let mut t = Table::new(vec![
            left("期间", "key"),
            left("名称", "label"),
            left("截止日期", "due_on"),
            right("单位数", "units"),
            left("锁定", "locked_on"),
            left("ID", "id"),
        ]);
        for r in &rounds {
            t.push(vec![
                r.key.clone(),
                r.label.clone(),
                r.due_on.to_string(),
                r.units.to_string(),
                r.locked_on.map(|d| d.to_string()).unwrap_or_default(),
                r.id.clone(),
            ]);
        }
        t
    })
}

fn kind_zh(kind: &str) -> &str {
    match kind {
        "open" => "开启",
        "send" => "下发",
        "submit" => "提交",
        "return" => "退回",
        "approve" => "审核通过",
        "correct" => "更正",
        "lock" => "锁定",
        "unlock" => "解锁",
        other => other,
    }
}

pub fn history(cli: &Cli, args: &RoundQuarterArgs) -> CliResult<String> {
    let ledger = db::open_read(cli)?;
    let events = ledger.round_events(period(&args.quarter)?)?;
    emit(args.output.format, &events, || {
        let mut t = Table::new(vec![
            left("时间", "at"),
            left("操作", "kind"),
            left("单位", "unit"),
            left("原因", "reason"),
            left("操作人", "by"),
        ]);
        for e in &events {
            t.push(vec![
                e.at.clone(),
                kind_zh(&e.kind).to_string(),
                e.unit.clone().unwrap_or_default(),
                e.reason.clone(),
                e.by.clone(),
            ]);
        }
        t
    })
}
