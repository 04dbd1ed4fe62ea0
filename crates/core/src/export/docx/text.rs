//! The report's sentences, drafted from the summary in the manner of the release:
//! 累计动员4221家企业与3702个行政村结对共建，达成合作项目4492个.

use chrono::Datelike;

use super::pairing::{pairing_lines, Pairing};
use crate::export::prose::{
    clause, cn_number, date_zh, figure, join, percent, quarter_zh, sentences, Clause,
};
use crate::export::summary::{ActionReport, BehindItem, IndicatorLine, Summary};
use crate::progress::{ProgressRow, Status};

/// An action's section: heading, the bold lead sentence and the paragraphs.
pub struct ActionText {
    pub heading: String,
    pub lead: Option<String>,
    pub paragraphs: Vec<String>,
}

pub(super) fn fig(r: &ProgressRow, v: f64) -> String {
    figure(v, r.decimals, &r.measure)
}

pub fn action(index: usize, a: &ActionReport) -> ActionText {
    let pairing = pairing_lines(&a.lines);
    let family: Vec<&str> = pairing.as_ref().map(Pairing::ids).unwrap_or_default();
    let is_headline = |l: &&IndicatorLine| a.headline_ids.contains(&l.row.indicator_id);
    let mut lead: Vec<Clause> = Vec::new();
    if let Some(p) = pairing
        .as_ref()
        .filter(|p| a.headline_ids.iter().any(|h| p.ids().contains(&h.as_str())))
    {
        lead.extend(p.clauses(|l| l.row.completed, "累计"));
    }
    let mut used: Vec<&str> = if lead.is_empty() {
        Vec::new()
    } else {
        family.clone()
    };
    for l in a.lines.iter().filter(is_headline) {
        if !used.contains(&l.row.indicator_id.as_str()) {
            lead.push(clause(&l.row.indicator, &fig(&l.row, l.row.completed)));
            used.push(&l.row.indicator_id);
        }
    }
    let mut body: Vec<Clause> = Vec::new();
    if let Some(p) = pairing.as_ref().filter(|_| !used.contains(&family[0])) {
        body.extend(p.clauses(|l| l.row.completed, ""));
        used.extend(family.iter().copied());
    }
    for l in a
        .lines
        .iter()
        .filter(|l| !used.contains(&l.row.indicator_id.as_str()))
    {
        body.push(clause(&l.row.indicator, &fig(&l.row, l.row.completed)));
    }
    let mut paragraphs = Vec::new();
    if !body.is_empty() {
        let mut text = since(a);
        let mut parts = sentences(&body, 4);
        if let Some(first) = parts.first_mut() {
            if !first.starts_with(|c: char| c.is_ascii_digit()) && !first.starts_with("累计") {
                text.push_str("累计");
            }
        }
        text.push_str(&parts.concat());
        paragraphs.push(text);
    }
    if let Some(q) = quarter_sentence(a, pairing.as_ref()) {
        paragraphs.push(q);
    }
    paragraphs.push(pace_sentence(a));
    ActionText {
        heading: format!("{}、深化“{}”行动", cn_number(index), a.action_name),
        lead: (!lead.is_empty()).then(|| format!("{}。", join(&lead))),
        paragraphs,
    }
}

/// 2022年以来， when every targeted line counts from the same first day; else 截至6月30日，
fn since(a: &ActionReport) -> String {
    let starts: Vec<_> = a
        .lines
        .iter()
        .filter_map(|l| l.row.period.map(|p| p.start))
        .collect();
    match starts.first() {
        Some(first)
            if starts.iter().all(|s| s == first) && first.month() == 1 && first.day() == 1 =>
        {
            format!("{}年以来，", first.year())
        }
        _ => a.lines.first().map_or_else(String::new, |l| {
            format!("截至{}月{}日，", l.row.as_of.month(), l.row.as_of.day())
        }),
    }
}

/// 本季度，培训企业家230人次，… (what the quarter added; headline indicators first).
fn quarter_sentence(a: &ActionReport, pairing: Option<&Pairing<'_>>) -> Option<String> {
    let mut clauses = Vec::new();
    let mut used: Vec<&str> = Vec::new();
    if let Some(p) = pairing.filter(|p| p.enterprises.quarter_added > 0.0) {
        clauses.extend(p.clauses(|l| l.quarter_added, "新"));
        used = p.ids();
    }
    let mut rest: Vec<&IndicatorLine> = a
        .lines
        .iter()
        .filter(|l| l.quarter_added > 0.0 && !used.contains(&l.row.indicator_id.as_str()))
        .collect();
    rest.sort_by_key(|l| !a.headline_ids.contains(&l.row.indicator_id));
    for l in rest.into_iter().take(6usize.saturating_sub(clauses.len())) {
        clauses.push(clause(&l.row.indicator, &fig(&l.row, l.quarter_added)));
    }
    (!clauses.is_empty()).then(|| format!("本季度，{}。", join(&clauses)))
}

/// 从序时进度看，10项指标中已完成3项、序时达标4项…，平均完成率86.2%，高于序时进度3.0个百分点。
fn pace_sentence(a: &ActionReport) -> String {
    let mut parts = Vec::new();
    for (n, label) in [
        (a.done, "已完成"),
        (a.on_pace, "序时达标"),
        (a.slightly_behind, "稍慢"),
        (a.behind, "滞后"),
    ] {
        if n > 0 {
            parts.push(format!("{label}{n}项"));
        }
    }
    let mut text = format!("从序时进度看，{}项指标中{}", a.indicators, parts.join("、"));
    if a.with_target == 0 {
        return format!("本行动{}项指标尚未设定目标。", a.indicators);
    }
    if let (Some(r), Some(e)) = (a.mean_completion_rate, a.mean_expected_share) {
        text.push_str(&format!("，平均完成率{}，{}", percent(r), compare(r, e)));
    }
    let behind: Vec<String> = a
        .lines
        .iter()
        .filter(|l| matches!(l.row.status, Status::Behind | Status::SlightlyBehind))
        .map(|l| format!("“{}”", l.row.indicator))
        .collect();
    if behind.is_empty() {
        text.push_str("，各项指标均达到序时进度。");
    } else {
        text.push_str(&format!("；{}低于序时进度，需加快推进。", behind.concat()));
    }
    text
}

/// 高于序时进度（83.2%）3.0个百分点 / 低于… / 与序时进度（83.2%）持平
pub fn compare(rate: f64, expected: f64) -> String {
    let pp = (rate - expected) * 100.0;
    if pp.abs() < 0.05 {
        format!("与序时进度（{}）持平", percent(expected))
    } else {
        let word = if pp > 0.0 { "高于" } else { "低于" };
        format!(
            "{word}序时进度（{}）{:.1}个百分点",
            percent(expected),
            pp.abs()
        )
    }
}

pub fn overview(s: &Summary) -> Vec<String> {
    let t = &s.totals;
    let what = match &s.action {
        None => format!("服务现代化强市建设“{}大行动”", cn_number(s.actions.len())),
        Some(_) => format!(
            "“{}”行动",
            s.actions.first().map_or("", |a| a.action_name.as_str())
        ),
    };
    let mut out = vec![format!(
        "{}，{}统一战线深入推进{}，各项工作有序推进。现将截至{}的工作进展情况报告如下。",
        quarter_zh(s.quarter),
        s.unit,
        what,
        date_zh(s.as_of)
    )];
    let mut counts = Vec::new();
    for (n, label) in [
        (t.done, "已完成"),
        (t.on_pace, "序时达标"),
        (t.slightly_behind, "稍慢"),
        (t.behind, "滞后"),
        (t.indicators - t.with_target, "未设目标"),
    ] {
        if n > 0 {
            counts.push(format!("{label}{n}项"));
        }
    }
    let mut p = format!(
        "截至{}，共设指标{}项，其中{}",
        date_zh(s.as_of),
        t.indicators,
        counts.join("、")
    );
    if let (Some(r), Some(e)) = (t.mean_completion_rate, t.mean_expected_share) {
        p.push_str(&format!(
            "；指标平均完成率{}，{}",
            percent(r),
            compare(r, e)
        ));
    }
    p.push('。');
    let rated: Vec<&ActionReport> = s
        .actions
        .iter()
        .filter(|a| a.pace_index.is_some())
        .collect();
    let key = |a: &ActionReport| {
        (
            a.pace_index.unwrap_or(0.0),
            a.mean_completion_rate.unwrap_or(0.0),
        )
    };
    let best = rated.iter().max_by(|a, b| {
        key(a)
            .partial_cmp(&key(b))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let worst = rated.iter().min_by(|a, b| {
        key(a)
            .partial_cmp(&key(b))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    if let (Some(b), Some(w)) = (best, worst) {
        if b.action != w.action {
            let lagging = w.behind + w.slightly_behind;
            p.push_str(&format!(
                "从各行动看，“{}”行动序时完成度最高（{}），“{}”行动序时完成度相对较低（{}）",
                b.action_name,
                percent(b.pace_index.unwrap_or(0.0)),
                w.action_name,
                percent(w.pace_index.unwrap_or(0.0)),
            ));
            if lagging > 0 {
                p.push_str(&format!("，有{lagging}项指标低于序时进度"));
            }
            p.push('。');
        }
    }
    out.push(p);
    out
}

/// 目标500家，完成410家，完成率82.0%，低于序时进度（83.2%）1.2个百分点。滞后单位：兰山区、费县。
pub fn behind_facts(b: &BehindItem) -> String {
    let r = &b.row;
    let mut t = String::new();
    if let Some(target) = r.target {
        t.push_str(&format!("目标{}，", fig(r, target)));
    }
    t.push_str(&format!("完成{}", fig(r, r.completed)));
    if let (Some(rate), Some(e)) = (r.completion_rate, r.expected_share) {
        t.push_str(&format!("，完成率{}，{}", percent(rate), compare(rate, e)));
    }
    t.push('。');
    let mut units = Vec::new();
    if !b.lagging_units.is_empty() {
        units.push(format!("滞后单位：{}", some_of(&b.lagging_units)));
    }
    if !b.slow_units.is_empty() {
        units.push(format!("稍慢单位：{}", some_of(&b.slow_units)));
    }
    if !units.is_empty() {
        t.push_str(&format!("{}。", units.join("；")));
    }
    t
}

/// 兰山区、罗庄区; past six names: 兰山区、罗庄区…等14个单位.
pub fn some_of(names: &[String]) -> String {
    if names.len() <= 6 {
        names.join("、")
    } else {
        format!("{}等{}个单位", names[..5].join("、"), names.len())
    }
}
