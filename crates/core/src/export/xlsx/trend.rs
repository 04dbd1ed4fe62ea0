//! 季度趋势: each action's mean completion rate at every quarter's end against pace, as a
//! table and a line chart, and every indicator's cumulative completion by quarter.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_xlsxwriter::{
    Chart, ChartFont, ChartFormat, ChartLegendPosition, ChartLine, ChartLineDashType, ChartMarker,
    ChartType, Worksheet, XlsxError,
};

use super::{page_setup, title_block, Grid, Styles};
use crate::export::summary::Summary;

pub const NAME: &str = "季度趋势";
/// The table the line chart reads starts below this header row.
const HEAD: u32 = 4;

/// Quarter labels of every action's trend, in date order, with the latest end of each.
fn labels(s: &Summary) -> Vec<(String, NaiveDate)> {
    let mut m: BTreeMap<String, NaiveDate> = BTreeMap::new();
    for a in &s.actions {
        for p in &a.trend {
            let end = m.entry(p.label.clone()).or_insert(p.end);
            *end = (*end).max(p.end);
        }
    }
    m.into_iter().collect()
}

/// Mean of the actions' expected shares at a label.
fn pace_at(s: &Summary, label: &str) -> Option<f64> {
    let v: Vec<f64> = s
        .actions
        .iter()
        .filter_map(|a| a.trend.iter().find(|p| p.label == label)?.expected_share)
        .collect();
    (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
}

pub fn sheet(ws: &mut Worksheet, s: &Summary, st: &Styles) -> Result<(), XlsxError> {
    ws.set_name(NAME)?;
    let mut g = Grid::new(ws);
    let labels = labels(s);
    let n = s.actions.len() as u16;
    let cols = (3 + n).max(4 + labels.len() as u16);
    title_block(&mut g, "各行动完成率季度走势", s, cols, st)?;
    g.label(3, 0, "各行动平均完成率（季末累计完成 ÷ 目标）", &st.section)?;
    let mut headers = vec!["季度".to_string(), "截至日期".to_string()];
    headers.extend(s.actions.iter().map(|a| a.action_name.clone()));
    headers.push("序时进度".into());
    let refs: Vec<&str> = headers.iter().map(String::as_str).collect();
    g.header(HEAD, &refs, st)?;
    let mut row = HEAD;
    for (label, end) in &labels {
        row += 1;
        g.text(row, 0, label, &st.text)?;
        g.date(row, 1, *end, &st.date)?;
        for (i, a) in s.actions.iter().enumerate() {
            let rate = a
                .trend
                .iter()
                .find(|p| &p.label == label)
                .and_then(|p| p.completion_rate);
            g.maybe(row, 2 + i as u16, rate, &st.pct)?;
        }
        g.maybe(row, 2 + n, pace_at(s, label), &st.pct)?;
    }
    let chart_row = row + 2;
    if let Some(c) = line_chart(s) {
        g.ws.insert_chart(chart_row, 0, &c)?;
    }

    row = chart_row + 18;
    g.label(row, 0, "各指标季末累计完成", &st.section)?;
    row += 1;
    let mut headers = vec![
        "行动".to_string(),
        "指标".into(),
        "计量单位".into(),
        "目标".into(),
    ];
    headers.extend(labels.iter().map(|(l, _)| l.clone()));
    let refs: Vec<&str> = headers.iter().map(String::as_str).collect();
    g.header(row, &refs, st)?;
    for a in &s.actions {
        for l in &a.lines {
            row += 1;
            let r = &l.row;
            g.text(row, 0, &a.action_name, &st.text)?;
            g.text(row, 1, &r.indicator, &st.text)?;
            g.text(row, 2, &r.measure, &st.text)?;
            g.maybe(row, 3, r.target, st.value(r.decimals))?;
            for (i, (label, _)) in labels.iter().enumerate() {
                let v = l
                    .trend
                    .iter()
                    .find(|p| &p.label == label)
                    .map(|p| p.cumulative);
                g.maybe(row, 4 + i as u16, v, st.value(r.decimals))?;
            }
        }
    }
    g.finish(8.0, 30.0)?;
    g.ws.set_freeze_panes(HEAD + 1, 1)?;
    page_setup(g.ws, 2)?;
    Ok(())
}

/// One line per action (mean completion rate by quarter) and a dashed pace line.
pub fn line_chart(s: &Summary) -> Option<Chart> {
    let labels = labels(s);
    if labels.is_empty() {
        return None;
    }
    let first = HEAD + 1;
    let last = HEAD + labels.len() as u32;
    let mut c = Chart::new(ChartType::Line);
    let font = ChartFont::new().set_name("宋体").clone();
    c.title().set_name("各行动完成率季度走势").set_font(&font);
    let n = s.actions.len() as u16;
    for i in 0..=n {
        let col = 2 + i;
        let series = c
            .add_series()
            .set_name((NAME, HEAD, col))
            .set_categories((NAME, first, 0, last, 0))
            .set_values((NAME, first, col, last, col))
            .set_marker(ChartMarker::new().set_automatic());
        if i == n {
            series.set_format(
                ChartFormat::new().set_line(
                    ChartLine::new()
                        .set_color("#7F7F7F")
                        .set_width(2.25)
                        .set_dash_type(ChartLineDashType::Dash),
                ),
            );
        }
    }
    c.y_axis().set_num_format("0%").set_min(0);
    c.legend()
        .set_position(ChartLegendPosition::Bottom)
        .set_font(&font);
    c.set_width(620).set_height(320);
    Some(c)
}
