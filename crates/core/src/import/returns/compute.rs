//! From what the clerk wrote to what is written for the period. With 本期 only, that is
//! 本期; with 累计 only, 累计 minus what the ledger holds for the unit (and its sub-units)
//! from the year's start to the period's start — a 累计 below that is a problem, never a
//! negative entry; with both, they must agree. Derived indicators are never written: a
//! figure other than their registers' is a warning.

use rusqlite::Connection;

use super::super::cell::number_text;
use super::super::rows::describe;
use super::super::types::ImportProblem;
use super::read::RawLine;
use super::types::{ReturnColumnRole as Role, ReturnLine, ReturnMapping};
use crate::error::Result;
use crate::export::lag_notes::MAX_NOTE_CHARS;
use crate::model::{Indicator, Unit};
use crate::progress::{round_to, Engine};
use crate::round::RoundPeriod;
use crate::validate::check_value;

/// An entry the return writes.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct EntryToWrite {
    pub row: u32,
    pub indicator_id: String,
    pub decimals: u8,
    /// The indicator's plausibility ceiling.
    pub max_value: f64,
    pub value: f64,
    pub note: String,
}

/// A lag note the return writes.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LagToWrite {
    pub row: u32,
    pub indicator_id: String,
    pub reason: String,
    pub measures: String,
}

#[derive(Default)]
pub(crate) struct Computed {
    pub lines: Vec<ReturnLine>,
    pub problems: Vec<ImportProblem>,
    pub entries: Vec<EntryToWrite>,
    pub lag_notes: Vec<LagToWrite>,
}

/// 「2024年第三季度报表」「2024年8月报表」: the note of a return's entries.
pub(crate) fn return_note(p: RoundPeriod) -> String {
    format!("{}报表", p.label_zh())
}

/// The quarter a return's 滞后原因/整改措施 are kept under (lag notes are quarterly): the
/// quarter itself, or the quarter a month is in.
pub(crate) fn lag_quarter(p: RoundPeriod) -> crate::pacing::Quarter {
    crate::pacing::Quarter::containing(p.period().end)
}

pub(crate) struct Context<'a> {
    pub conn: &'a Connection,
    pub sheet: &'a str,
    pub mapping: &'a ReturnMapping,
    pub unit: &'a Unit,
    pub period: RoundPeriod,
    /// What the unit's earlier version of this return wrote, per indicator id.
    pub held_own: &'a std::collections::HashMap<String, f64>,
}

fn header(m: &ReturnMapping, role: Role) -> String {
    m.columns
        .iter()
        .find(|c| c.role == Some(role))
        .map_or_else(|| role.label_zh().to_string(), |c| c.header.clone())
}

fn same(a: f64, b: f64, decimals: u8) -> bool {
    (round_to(a, decimals) - round_to(b, decimals)).abs() < 0.5 * 10f64.powi(-i32::from(decimals))
}

pub(crate) fn compute(cx: &Context<'_>, raw: &[RawLine]) -> Result<Computed> {
    let q = cx.period.period();
    let year_start = cx.period.first_day_of_year();
    let before_end = q.start.pred_opt().expect("valid date");
    let mut engine = Engine::new(cx.conn, q.end)?;
    let scope = engine.scope(Some(&cx.unit.id))?;
    let mut out = Computed::default();
    let (ph, yh) = (
        header(cx.mapping, Role::Period),
        header(cx.mapping, Role::YearToDate),
    );
    for r in raw {
        let ind: &Indicator = &r.indicator;
        let mut problem = |role: Role, what: String| {
            let h = header(cx.mapping, role);
            out.problems.push(ImportProblem {
                sheet: cx.sheet.to_string(),
                row: Some(r.row),
                column: Some(h.clone()),
                message: format!("第{}行「{h}」{what}", r.row),
            });
        };
        let held_before = engine.completed(ind, scope, true, year_start, before_end)?;
        let derived = engine.derivation(&ind.id).is_some();
        let mut warnings = Vec::new();
        for (role, v) in [(Role::Period, r.period), (Role::YearToDate, r.year_to_date)] {
            if let Some(e) = v.and_then(|v| check_value("value", v, ind.decimals).err()) {
                problem(role, describe(&e));
            }
        }
        let show = |v: f64| number_text(round_to(v, ind.decimals));
        let value = if derived {
            let period = engine.completed(ind, scope, true, q.start, q.end)?;
            let ytd = engine.completed(ind, scope, true, year_start, q.end)?;
            for (given, registers, h) in [(r.period, period, &ph), (r.year_to_date, ytd, &yh)] {
                if let Some(g) = given.filter(|g| !same(*g, registers, ind.decimals)) {
                    warnings.push(format!(
                        "「{}」由台账统计，不写入：报表「{h}」填 {}，台账统计为 {}",
                        ind.name,
                        show(g),
                        show(registers)
                    ));
                }
            }
            None
        } else {
            match (r.period, r.year_to_date) {
                (_, Some(y)) if y + 1e-9 < held_before => {
                    problem(
                        Role::YearToDate,
                        format!("{} 小于已录入的{}", show(y), show(held_before)),
                    );
                    None
                }
                (Some(p), Some(y)) if !same(p, y - held_before, ind.decimals) => {
                    problem(
                        Role::Period,
                        format!(
                            "{} 与「{yh}」{} 减去已录入的{}（= {}）不符",
                            show(p),
                            show(y),
                            show(held_before),
                            show(y - held_before)
                        ),
                    );
                    None
                }
                (Some(p), _) => Some(round_to(p, ind.decimals)),
                (None, Some(y)) => Some(round_to(y - held_before, ind.decimals)),
                (None, None) => None,
            }
        };
        // Entries typed by hand in the period stay beside the return's.
        if let Some(v) = value {
            let in_period = engine.completed(ind, scope, true, q.start, q.end)?;
            let own = cx.held_own.get(&ind.id).copied().unwrap_or(0.0);
            let other = round_to(in_period - own, ind.decimals);
            if other > 0.0 {
                warnings.push(format!(
                    "本期台账中另有录入的 {}（不属于报表），导入后本期合计为 {}",
                    show(other),
                    show(other + v)
                ));
            }
        }
        for (role, text) in [
            (Role::LagReason, &r.lag_reason),
            (Role::Measures, &r.measures),
        ] {
            if text.chars().count() > MAX_NOTE_CHARS {
                problem(role, format!("不能超过 {MAX_NOTE_CHARS} 个字"));
            }
        }
        let note = if r.note.is_empty() {
            return_note(cx.period)
        } else {
            format!("{}：{}", return_note(cx.period), r.note)
        };
        let note: String = note.chars().take(500).collect();
        if let Some(v) = value {
            out.entries.push(EntryToWrite {
                row: r.row,
                indicator_id: ind.id.clone(),
                decimals: ind.decimals,
                max_value: ind.max_value,
                value: v,
                note: note.clone(),
            });
        }
        if !r.lag_reason.is_empty() || !r.measures.is_empty() {
            out.lag_notes.push(LagToWrite {
                row: r.row,
                indicator_id: ind.id.clone(),
                reason: r.lag_reason.clone(),
                measures: r.measures.clone(),
            });
        }
        out.lines.push(ReturnLine {
            row: r.row,
            indicator_id: ind.id.clone(),
            indicator_code: ind.code.clone(),
            indicator: ind.name.clone(),
            measure: ind.measure.clone(),
            period: r.period,
            year_to_date: r.year_to_date,
            held_before,
            value,
            derived,
            lag_reason: r.lag_reason.clone(),
            measures: r.measures.clone(),
            note: r.note.clone(),
            warnings,
        });
    }
    Ok(out)
}
