//! The summary as a Word report in the manner of the release and of government work
//! summaries (工作进展情况): title, period, overview, one section per action with sentences
//! drafted from the figures and a table of indicators, the indicators behind pace with their
//! reasons and measures, the ranking of units. 公文 layout: A4, margins 37/35/28/26 mm,
//! 方正小标宋简体 title, 黑体 headings, 仿宋_GB2312 三号 body, fixed 28pt lines.

mod fonts;
mod package;
mod pairing;
mod paragraphs;
mod tables;
pub(super) mod text;

use std::io::Cursor;

use docx_rs::{Docx, PageMargin};

use self::fonts::*;
use self::paragraphs::*;
use super::prose::{cn_number, date_zh, period_zh};
use super::summary::Summary;
use crate::error::{LedgerError, Result};

/// What a reason or measures line says when nobody has written it yet.
pub const TO_FILL: &str = "（待填写）";

/// The summary as a .docx report's bytes, in the 公文 layout.
pub fn write_docx(s: &Summary) -> Result<Vec<u8>> {
    let fail = |reason: String| LedgerError::ExportFailed {
        what: " Word 文件",
        reason,
    };
    let mut xml = document(s).build();
    xml.font_table = font_table_xml();
    xml.document = package::repeat_header_rows(&xml.document);
    let mut out = Cursor::new(Vec::new());
    xml.pack(&mut out).map_err(|e| fail(e.to_string()))?;
    package::deflate(&out.into_inner()).map_err(|e| fail(e.to_string()))
}

fn document(s: &Summary) -> Docx {
    let mut doc = Docx::new()
        .page_size(11906, 16838)
        .page_margin(
            PageMargin::new()
                .top(2098)
                .bottom(1984)
                .left(1587)
                .right(1474)
                .header(851)
                .footer(992),
        )
        .default_fonts(fonts(BODY))
        .default_size(SIZE_BODY)
        .footer(page_footer());
    doc = doc
        .add_paragraph(title(&s.title))
        .add_paragraph(centered(&format!("（{}）", period_zh(&s.period)), KAITI))
        .add_paragraph(blank());
    for p in text::overview(s) {
        doc = doc.add_paragraph(body(&p));
    }
    let mut table_no = 1;
    doc = doc
        .add_paragraph(caption(&format!("表{table_no}　各行动进展情况")))
        .add_table(tables::actions(s));
    let mut section = 0;
    for a in s.actions.iter().filter(|a| a.indicators > 0) {
        section += 1;
        table_no += 1;
        let t = text::action(section, a);
        doc = doc.add_paragraph(heading(&t.heading));
        let mut first = true;
        for p in &t.paragraphs {
            let lead = if first { t.lead.as_deref() } else { None };
            doc = doc.add_paragraph(body_with_lead(lead, p));
            first = false;
        }
        let cap = format!("表{table_no}　“{}”行动指标完成情况", a.action_name);
        doc = doc
            .add_paragraph(caption(&cap))
            .add_table(tables::indicators(a));
    }
    section += 1;
    doc = behind(doc, s, section);
    section += 1;
    doc = ranking(doc, s, section, &mut table_no);
    doc.add_paragraph(blank())
        .add_paragraph(signature("“五大行动”工作专班").keep_next(true))
        .add_paragraph(signature(&date_zh(s.made_on)))
}

fn behind(mut doc: Docx, s: &Summary, section: usize) -> Docx {
    doc = doc.add_paragraph(heading(&format!(
        "{}、序时进度滞后指标及原因",
        cn_number(section)
    )));
    if s.behind.is_empty() {
        return doc.add_paragraph(body(&format!(
            "截至{}，各项指标均达到序时进度。",
            date_zh(s.as_of)
        )));
    }
    let behind = s
        .behind
        .iter()
        .filter(|b| b.row.status == crate::progress::Status::Behind)
        .count();
    doc = doc.add_paragraph(body(&format!(
        "截至{}，共有{}项指标低于序时进度（滞后{}项、稍慢{}项），具体情况如下。",
        date_zh(s.as_of),
        s.behind.len(),
        behind,
        s.behind.len() - behind
    )));
    // 滞后 first, then 稍慢, each in the actions' order.
    let mut items: Vec<&crate::export::summary::BehindItem> = s.behind.iter().collect();
    items.sort_by_key(|b| b.row.status != crate::progress::Status::Behind);
    for (i, b) in items.into_iter().enumerate() {
        let name = format!(
            "（{}）{}（{}，{}）",
            cn_number(i + 1),
            b.row.indicator,
            b.row.action_name,
            b.row.status.label_zh()
        );
        doc = doc
            .add_paragraph(subheading(&name))
            .add_paragraph(body(&text::behind_facts(b)));
        let reason = b
            .note
            .as_ref()
            .map(|n| n.reason.as_str())
            .filter(|t| !t.is_empty());
        let measures = b
            .note
            .as_ref()
            .map(|n| n.measures.as_str())
            .filter(|t| !t.is_empty());
        doc = doc
            .add_paragraph(labelled("滞后原因：", reason.unwrap_or(TO_FILL)))
            .add_paragraph(labelled("整改措施：", measures.unwrap_or(TO_FILL)));
    }
    doc
}

fn ranking(mut doc: Docx, s: &Summary, section: usize, table_no: &mut usize) -> Docx {
    doc = doc.add_paragraph(heading(&format!(
        "{}、责任单位序时进度排名",
        cn_number(section)
    )));
    if s.ranking.is_empty() {
        return doc.add_paragraph(body("下级责任单位尚未设定目标，暂不排名。"));
    }
    doc = doc.add_paragraph(body(
        "按各责任单位所承担指标的序时完成度（各指标完成值与序时应完成值之比，最高计为100%，取平均）排名，同类单位相互比较。",
    ));
    for g in &s.ranking {
        *table_no += 1;
        let names = |rs: &[crate::progress::UnitRank]| {
            rs.iter()
                .map(|r| r.unit.as_str())
                .collect::<Vec<_>>()
                .join("、")
        };
        let mut line = String::new();
        if g.ranks.len() >= 4 {
            let n = g.ranks.len();
            line = format!(
                "{}中，{}位列前三；{}相对靠后。",
                g.label,
                names(&g.ranks[..3]),
                names(&g.ranks[n - 1..])
            );
        }
        if !line.is_empty() {
            doc = doc.add_paragraph(body_after_table(&line));
        }
        doc = doc
            .add_paragraph(caption(&format!("表{}　{}排名", table_no, g.label)))
            .add_table(tables::ranking(g));
    }
    doc
}
