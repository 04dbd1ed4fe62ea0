//! 总览: each action's counts, completion rate and pace with red/yellow/green, the headline
//! figures, the charts (completion against pace per action, trend by quarter) and the
//! ranking of units.

use rust_xlsxwriter::{
    Chart, ChartDataLabel, ChartFont, ChartFormat, ChartLegendPosition, ChartSolidFill, ChartType,
    Worksheet, XlsxError,
};

use super::{page_setup, title_block, Grid, Styles};
use crate::export::summary::Summary;

pub const NAME: &str = "总览";
const COLS: u16 = 10;

pub fn sheet(ws: &mut Worksheet, s: &Summary, st: &Styles) -> Result<(), XlsxError> {
    ws.set_name(NAME)?;
    let mut g = Grid::new(ws);
    title_block(&mut g, &s.title, s, COLS, st)?;
    let mut row = 4;
    g.label(row, 0, "一、各行动进展", &st.section)?;
    row += 1;
    g.header(
        row,
        &[
            "行动",
            "指标数",
            "已完成",
            "序时达标",
            "稍慢",
            "滞后",
            "平均完成率",
            "序时进度",
            "序时完成度",
            "状态",
        ],
        st,
    )?;
    let first = row + 1;
    for a in &s.actions {
        row += 1;
        g.text(row, 0, &a.action_name, &st.text)?;
        for (c, v) in [a.indicators, a.done, a.on_pace, a.slightly_behind, a.behind]
            .into_iter()
            .enumerate()
        {
            g.number(row, c as u16 + 1, f64::from(v), &st.int)?;
        }
        g.maybe(row, 6, a.mean_completion_rate, &st.pct)?;
        g.maybe(row, 7, a.mean_expected_share, &st.pct)?;
        g.maybe(row, 8, a.pace_index, &st.pct)?;
        g.text(row, 9, a.status.label_zh(), &st.status(a.status))?;
    }
    let last = row;
    row += 1;
    let t = &s.totals;
    g.text(row, 0, "合计", &st.header)?;
    for (c, v) in [t.indicators, t.done, t.on_pace, t.slightly_behind, t.behind]
        .into_iter()
        .enumerate()
    {
        g.number(row, c as u16 + 1, f64::from(v), &st.int)?;
    }
    g.maybe(row, 6, t.mean_completion_rate, &st.pct)?;
    g.maybe(row, 7, t.mean_expected_share, &st.pct)?;
    g.ws.write_blank(row, 8, &st.text)?;
    g.ws.write_blank(row, 9, &st.text)?;

    row += 2;
    g.label(row, 0, "二、核心指标", &st.section)?;
    row += 1;
    g.header(
        row,
        &[
            "行动",
            "指标",
            "计量单位",
            "目标",
            "完成",
            "本季度新增",
            "完成率",
            "序时进度",
            "差额",
            "状态",
        ],
        st,
    )?;
    for a in &s.actions {
        for l in a
            .lines
            .iter()
            .filter(|l| a.headline_ids.contains(&l.row.indicator_id))
        {
            row += 1;
            let r = &l.row;
            g.text(row, 0, &a.action_name, &st.text)?;
            g.wrapped(row, 1, &r.indicator, &st.wrap)?;
            g.text(row, 2, &r.measure, &st.text)?;
            g.maybe(row, 3, r.target, st.value(r.decimals))?;
            g.number(row, 4, r.completed, st.value(r.decimals))?;
            g.number(row, 5, l.quarter_added, st.value(r.decimals))?;
            g.maybe(row, 6, r.completion_rate, &st.pct)?;
            g.maybe(row, 7, r.expected_share, &st.pct)?;
            g.maybe(row, 8, r.gap, &st.dec)?;
            g.text(row, 9, r.status.label_zh(), &st.status(r.status))?;
        }
    }

    row += 2;
    g.label(row, 0, "三、完成率与序时进度", &st.section)?;
    row += 1;
    if !s.actions.is_empty() {
        let bars = pace_chart(first, last);
        g.ws.insert_chart(row, 0, &bars)?;
    }
    if let Some(line) = super::trend::line_chart(s) {
        g.ws.insert_chart_with_offset(row, 0, &line, 560, 0)?;
    }
    row += 17;

    g.label(row, 0, "四、责任单位序时进度排名", &st.section)?;
    for group in &s.ranking {
        row += 1;
        g.label(row, 0, &group.label, &st.note.clone().set_bold())?;
        row += 1;
        g.header(
            row,
            &[
                "名次",
                "责任单位",
                "类别",
                "指标数",
                "序时完成度",
                "平均完成率",
                "已完成",
                "滞后",
                "状态",
            ],
            st,
        )?;
        for r in &group.ranks {
            row += 1;
            g.number(row, 0, f64::from(r.rank), &st.int)?;
            g.text(row, 1, &r.unit, &st.text)?;
            g.text(row, 2, r.kind.label_zh(), &st.text)?;
            g.number(row, 3, f64::from(r.indicators), &st.int)?;
            g.number(row, 4, r.pace_index, &st.pct)?;
            g.number(row, 5, r.mean_completion_rate, &st.pct)?;
            g.number(row, 6, f64::from(r.done), &st.int)?;
            g.number(row, 7, f64::from(r.behind), &st.int)?;
            g.text(row, 8, r.status.label_zh(), &st.status(r.status))?;
        }
    }
    g.finish(8.0, 34.0)?;
    g.ws.set_freeze_panes(3, 0)?;
    page_setup(g.ws, 2)?;
    Ok(())
}

/// Clustered columns: each action's mean completion rate beside its expected share.
fn pace_chart(first: u32, last: u32) -> Chart {
    let mut c = Chart::new(ChartType::Column);
    let font = ChartFont::new().set_name("宋体").clone();
    c.title()
        .set_name("各行动平均完成率与序时进度")
        .set_font(&font);
    c.add_series()
        .set_name("平均完成率")
        .set_categories((NAME, first, 0, last, 0))
        .set_values((NAME, first, 6, last, 6))
        .set_format(ChartFormat::new().set_solid_fill(ChartSolidFill::new().set_color("#2E75B6")))
        .set_data_label(ChartDataLabel::new().show_value().set_num_format("0.0%"));
    c.add_series()
        .set_name("序时进度")
        .set_categories((NAME, first, 0, last, 0))
        .set_values((NAME, first, 7, last, 7))
        .set_format(ChartFormat::new().set_solid_fill(ChartSolidFill::new().set_color("#BFBFBF")));
    c.y_axis().set_num_format("0%").set_min(0);
    c.x_axis().set_font(&font);
    c.legend().set_position(ChartLegendPosition::Bottom);
    c.set_width(540).set_height(320);
    c
}
