//! The summary as a department head reads it before sending it upward: the very sentences
//! the Word report prints (overview, each action's section, the facts of each indicator
//! behind pace), so the window shows what the file will say. And the file's default name.

use chrono::Datelike;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::docx::text;
use super::prose::{period_zh, quarter_zh};
use super::summary::{quarterly_summary, Summary, SummaryQuery};
use super::ExportFormat;
use crate::error::Result;
use crate::ledger::Ledger;

/// A summary with the sentences drafted from it, for the window.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DraftedSummary {
    /// The summary without the bulk the page does not show: the register rows behind
    /// derived figures (their totals stay) and `by_unit` (units × indicators) are left
    /// empty. On the sample they are 2.4 MB of 2.5 MB of JSON; exports have them in full.
    pub summary: Summary,
    /// The report's sentences drafted from the summary.
    pub text: SummaryText,
    /// The file name an export suggests, without its extension (see [`file_stem`]).
    pub file_stem: String,
}

/// The report's prose, drafted from one [`Summary`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct SummaryText {
    /// The reported period as the report's subtitle writes it: 2024年4月1日至6月30日.
    pub period: String,
    /// The overview paragraphs (现将截至…报告如下；截至…共设指标…项).
    pub overview: Vec<String>,
    /// One section per action that has indicators, in the summary's order.
    pub actions: Vec<ActionText>,
    /// The facts of each indicator behind pace (目标…，完成…，完成率…；滞后单位：…).
    pub behind: Vec<BehindText>,
}

/// An action's section: 一、深化“建言献策”行动, the bold lead sentence and the paragraphs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ActionText {
    /// Action code.
    pub action: String,
    /// The section's heading (一、深化“建言献策”行动).
    pub heading: String,
    /// The bold lead sentence, when the action has one.
    pub lead: Option<String>,
    /// The section's paragraphs.
    pub paragraphs: Vec<String>,
}

/// The facts of one indicator behind pace, as the report words them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct BehindText {
    /// The indicator's UUID.
    pub indicator_id: String,
    /// 目标…，完成…，完成率…；滞后单位：… in one sentence.
    pub facts: String,
}

/// The sentences of the report, as the Word writer drafts them.
pub fn draft(s: &Summary) -> SummaryText {
    SummaryText {
        period: period_zh(&s.period),
        overview: text::overview(s),
        actions: s
            .actions
            .iter()
            .filter(|a| a.indicators > 0)
            .enumerate()
            .map(|(i, a)| {
                let t = text::action(i + 1, a);
                ActionText {
                    action: a.action.clone(),
                    heading: t.heading,
                    lead: t.lead,
                    paragraphs: t.paragraphs,
                }
            })
            .collect(),
        behind: s
            .behind
            .iter()
            .map(|b| BehindText {
                indicator_id: b.row.indicator_id.clone(),
                facts: text::behind_facts(b),
            })
            .collect(),
    }
}

/// The summary, its sentences and its file name in one go (the page's one read).
pub fn drafted_summary(ledger: &Ledger, q: &SummaryQuery) -> Result<DraftedSummary> {
    let mut summary = quarterly_summary(ledger, q)?;
    let text = draft(&summary);
    let regs = &mut summary.registers;
    if let Some(p) = regs.pairings.as_mut() {
        p.rows.clear();
    }
    if let Some(p) = regs.projects.as_mut() {
        p.rows.clear();
    }
    for a in &mut regs.activities {
        a.rows.clear();
    }
    summary.by_unit = Default::default();
    Ok(DraftedSummary {
        text,
        file_stem: file_stem(&summary),
        summary,
    })
}

/// 临沂市五大行动2024年第二季度汇总; one action: 临沂市共同富裕行动2024年第二季度汇总; figures
/// before the quarter's end: …汇总（截至5月15日）. Characters Windows refuses in a file name
/// become 「_」.
pub fn file_stem(s: &Summary) -> String {
    let what = match &s.action {
        None if s.actions.is_empty() => String::new(),
        None => format!("{}大行动", super::prose::cn_number(s.actions.len())),
        Some(_) => format!(
            "{}行动",
            s.actions.first().map_or("", |a| a.action_name.as_str())
        ),
    };
    let mut stem = format!("{}{what}{}汇总", s.unit, quarter_zh(s.quarter));
    if s.as_of != s.quarter.end() {
        stem.push_str(&format!("（截至{}月{}日）", s.as_of.month(), s.as_of.day()));
    }
    stem.chars()
        .map(|c| match c {
            '\\' | '/' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect()
}

/// [`file_stem`] with the format's extension: 临沂市五大行动2024年第二季度汇总.xlsx.
pub fn file_name(s: &Summary, format: ExportFormat) -> String {
    format!("{}.{}", file_stem(s), format.extension())
}
