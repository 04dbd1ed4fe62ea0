//! Sheets of indicator rows: one per action (with its completion-against-pace chart),
//! 分单位 (units × indicators) and 滞后指标 (behind pace, with reasons and measures).

use std::collections::HashMap;

use rust_xlsxwriter::{Chart, ChartFont, ChartLegendPosition, ChartType, Worksheet, XlsxError};

use super::{action_sheet_name, page_setup, title_block, Grid, Styles};
use crate::export::prose::{percent, period_zh};
use crate::export::summary::{ActionReport, Summary};
use crate::progress::ProgressRow;

/// What an empty reason or measures cell says.
pub const TO_FILL: &str = "（待填写）";

pub fn action_sheet(
    ws: &mut Worksheet,
    s: &Summary,
    a: &ActionReport,
    st: &Styles,
) -> Result<(), XlsxError> {
    let name = action_sheet_name(&a.action_name);
    ws.set_name(&name)?;
    let mut g = Grid::new(ws);
    let headers = [
        "序号",
        "指标编码",
        "指标",
        "计量单位",
        "目标",
        "完成",
        "本季度新增",
        "完成率",
        "序时进度",
        "序时应完成",
        "差额",
        "状态",
        "目标期间",
        "数据来源",
    ];
    let title = format!("“{}”行动指标完成情况", a.action_name);
    title_block(&mut g, &title, s, headers.len() as u16, st)?;
    let mut counts = format!(
        "指标{}项：已完成{}项，序时达标{}项，稍慢{}项，滞后{}项",
        a.indicators, a.done, a.on_pace, a.slightly_behind, a.behind
    );
    if let (Some(r), Some(e)) = (a.mean_completion_rate, a.mean_expected_share) {
        counts.push_str(&format!(
            "；平均完成率{}，序时进度{}",
            percent(r),
            percent(e)
        ));
    }
    g.ws.merge_range(3, 0, 3, headers.len() as u16 - 1, &counts, &st.note)?;
    let head = 4;
    g.header(head, &headers, st)?;
    let mut row = head;
    for (i, l) in a.lines.iter().enumerate() {
        row += 1;
        let r = &l.row;
        let v = st.value(r.decimals);
        g.number(row, 0, i as f64 + 1.0, &st.int)?;
        g.text(row, 1, &r.indicator_code, &st.text)?;
        g.wrapped(row, 2, &r.indicator, &st.wrap)?;
        g.text(row, 3, &r.measure, &st.text)?;
        g.maybe(row, 4, r.target, v)?;
        g.number(row, 5, r.completed, v)?;
        g.number(row, 6, l.quarter_added, v)?;
        g.maybe(row, 7, r.completion_rate, &st.pct)?;
        g.maybe(row, 8, r.expected_share, &st.pct)?;
        g.maybe(row, 9, r.expected, &st.dec)?;
        g.maybe(row, 10, r.gap, &st.dec)?;
        g.text(row, 11, r.status.label_zh(), &st.status(r.status))?;
        let period = r.period.map_or_else(String::new, |p| period_zh(&p));
        g.text(row, 12, &period, &st.text)?;
        let source = if r.derivation.is_some() {
            "台账统计"
        } else {
            "录入"
        };
        g.text(row, 13, source, &st.text)?;
    }
    g.finish(6.0, 36.0)?;
    if !a.lines.is_empty() {
        let chart = pace_bars(&name, a, head + 1, row);
        g.ws.insert_chart(row + 2, 1, &chart)?;
    }
    g.ws.set_freeze_panes(head + 1, 3)?;
    page_setup(g.ws, head)?;
    Ok(())
}

/// Horizontal bars: each indicator's completion rate beside its expected share.
fn pace_bars(sheet: &str, a: &ActionReport, first: u32, last: u32) -> Chart {
    let mut c = Chart::new(ChartType::Bar);
    let font = ChartFont::new().set_name("宋体").clone();
    c.title()
        .set_name(&format!("“{}”行动各指标完成率与序时进度", a.action_name))
        .set_font(&font);
    for (col, name) in [(7u16, "完成率"), (8u16, "序时进度")] {
        c.add_series()
            .set_name(name)
            .set_categories((sheet, first, 2, last, 2))
            .set_values((sheet, first, col, last, col));
    }
    c.x_axis().set_num_format("0%").set_min(0);
    // Bars list bottom-up by default; reversed, they read in the table's order.
    c.y_axis().set_reverse().set_font(&font);
    c.legend().set_position(ChartLegendPosition::Bottom);
    c.set_width(820).set_height(120 + 36 * a.lines.len() as u32);
    c
}

/// Units × indicators: each direct sub-unit's completed value, coloured by its status.
pub fn unit_sheet(ws: &mut Worksheet, s: &Summary, st: &Styles) -> Result<(), XlsxError> {
    ws.set_name("分单位")?;
    let mut g = Grid::new(ws);
    let units = &s.by_unit.units;
    let cols = 4 + units.len() as u16;
    title_block(&mut g, "各责任单位指标完成情况", s, cols, st)?;
    g.ws.merge_range(
        3,
        0,
        3,
        cols - 1,
        "单元格为完成值；底色：绿＝已完成或序时达标，黄＝稍慢，红＝滞后，灰＝未设目标",
        &st.note,
    )?;
    let head = 4;
    let mut headers = vec!["行动", "指标", "计量单位", "合计"];
    headers.extend(units.iter().map(|u| u.unit.as_str()));
    g.header(head, &headers, st)?;
    g.ws.set_row_height(head, 58)?;
    let cells: HashMap<(&str, &str), &ProgressRow> = s
        .by_unit
        .rows
        .iter()
        .map(|r| ((r.unit_id.as_str(), r.indicator_id.as_str()), r))
        .collect();
    let mut row = head;
    for a in &s.actions {
        for l in &a.lines {
            row += 1;
            let r = &l.row;
            g.text(row, 0, &a.action_name, &st.text)?;
            g.text(row, 1, &r.indicator, &st.text)?;
            g.text(row, 2, &r.measure, &st.text)?;
            g.number(row, 3, r.completed, &status_value(st, r))?;
            for (i, u) in units.iter().enumerate() {
                let col = 4 + i as u16;
                match cells.get(&(u.unit_id.as_str(), r.indicator_id.as_str())) {
                    Some(c) => g.number(row, col, c.completed, &status_value(st, c))?,
                    None => {
                        g.ws.write_blank(row, col, &st.text)?;
                    }
                }
            }
        }
    }
    g.finish(6.0, 30.0)?;
    for i in 0..units.len() as u16 {
        g.ws.set_column_width(4 + i, 10)?;
    }
    g.ws.set_freeze_panes(head + 1, 3)?;
    page_setup(g.ws, head)?;
    // Too many units for one sheet of A4: two pages wide, the indicator columns on each.
    g.ws.set_print_fit_to_pages(2, 0);
    g.ws.set_repeat_columns(0, 2)?;
    Ok(())
}

fn status_value(st: &Styles, r: &ProgressRow) -> rust_xlsxwriter::Format {
    let fmt = if r.decimals == 0 { "#,##0" } else { "#,##0.00" };
    st.status(r.status)
        .set_num_format(fmt)
        .set_align(rust_xlsxwriter::FormatAlign::Right)
}

/// 滞后指标: each indicator behind pace with its lagging units, reason and measures.
pub fn behind_sheet(ws: &mut Worksheet, s: &Summary, st: &Styles) -> Result<(), XlsxError> {
    ws.set_name("滞后指标")?;
    let mut g = Grid::new(ws);
    let headers = [
        "序号",
        "行动",
        "指标",
        "计量单位",
        "目标",
        "完成",
        "完成率",
        "序时进度",
        "差额",
        "状态",
        "滞后、稍慢单位",
        "滞后原因",
        "整改措施",
    ];
    title_block(
        &mut g,
        "序时进度滞后指标及原因",
        s,
        headers.len() as u16,
        st,
    )?;
    let head = 4;
    g.header(head, &headers, st)?;
    let mut row = head;
    for (i, b) in s.behind.iter().enumerate() {
        row += 1;
        let r = &b.row;
        g.number(row, 0, i as f64 + 1.0, &st.int)?;
        g.text(row, 1, &r.action_name, &st.text)?;
        g.wrapped(row, 2, &r.indicator, &st.wrap)?;
        g.text(row, 3, &r.measure, &st.text)?;
        g.maybe(row, 4, r.target, st.value(r.decimals))?;
        g.number(row, 5, r.completed, st.value(r.decimals))?;
        g.maybe(row, 6, r.completion_rate, &st.pct)?;
        g.maybe(row, 7, r.expected_share, &st.pct)?;
        g.maybe(row, 8, r.gap, &st.dec)?;
        g.text(row, 9, r.status.label_zh(), &st.status(r.status))?;
        let mut parts = Vec::new();
        if !b.lagging_units.is_empty() {
            parts.push(format!("滞后：{}", b.lagging_units.join("、")));
        }
        if !b.slow_units.is_empty() {
            parts.push(format!("稍慢：{}", b.slow_units.join("、")));
        }
        let units = parts.join("；");
        g.wrapped(row, 10, &units, &st.wrap)?;
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
        g.wrapped(row, 11, reason.unwrap_or(TO_FILL), &st.wrap)?;
        g.wrapped(row, 12, measures.unwrap_or(TO_FILL), &st.wrap)?;
    }
    if s.behind.is_empty() {
        g.ws.merge_range(
            head + 1,
            0,
            head + 1,
            12,
            "各项指标均达到序时进度。",
            &st.text,
        )?;
    }
    g.finish(6.0, 36.0)?;
    g.ws.set_freeze_panes(head + 1, 0)?;
    page_setup(g.ws, head)?;
    Ok(())
}
