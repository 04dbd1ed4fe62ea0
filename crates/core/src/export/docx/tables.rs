//! The report's tables: actions, each action's indicators, the ranking of units.

use docx_rs::{
    AlignmentType, LineSpacing, LineSpacingType, Paragraph, Run, Shading, Table,
    TableAlignmentType, TableCell, TableLayoutType, TableRow, VAlignType, WidthType,
};

use super::fonts::{fonts, BODY, HEADING, SIZE_TABLE};
use crate::export::prose::percent;
use crate::export::summary::{ActionReport, RankingGroup, Summary};
use crate::progress::{round_to, Status};

fn cell_paragraph(text: &str, align: AlignmentType, face: &str, color: Option<&str>) -> Paragraph {
    let mut run = Run::new()
        .add_text(text)
        .fonts(fonts(face))
        .size(SIZE_TABLE);
    if let Some(c) = color {
        run = run.color(c);
    }
    Paragraph::new()
        .align(align)
        .line_spacing(
            LineSpacing::new()
                .line_rule(LineSpacingType::Exact)
                .line(300),
        )
        .add_run(run)
}

fn cell(text: &str, width: usize, align: AlignmentType) -> TableCell {
    TableCell::new()
        .width(width, WidthType::Dxa)
        .vertical_align(VAlignType::Center)
        .add_paragraph(cell_paragraph(text, align, BODY, None))
}

fn header_cell(text: &str, width: usize) -> TableCell {
    TableCell::new()
        .width(width, WidthType::Dxa)
        .vertical_align(VAlignType::Center)
        .shading(Shading::new().fill("D9D9D9"))
        .add_paragraph(cell_paragraph(text, AlignmentType::Center, HEADING, None))
}

fn status_cell(s: Status, width: usize) -> TableCell {
    let color = match s {
        Status::Behind => Some("C00000"),
        Status::SlightlyBehind => Some("B7791F"),
        _ => None,
    };
    TableCell::new()
        .width(width, WidthType::Dxa)
        .vertical_align(VAlignType::Center)
        .add_paragraph(cell_paragraph(
            s.label_zh(),
            AlignmentType::Center,
            BODY,
            color,
        ))
}

fn table(headers: &[&str], widths: &[usize], rows: Vec<TableRow>) -> Table {
    let head = TableRow::new(
        headers
            .iter()
            .zip(widths)
            .map(|(h, w)| header_cell(h, *w))
            .collect(),
    )
    .cant_split();
    let mut all = vec![head];
    all.extend(rows);
    Table::new(all)
        .set_grid(widths.to_vec())
        .layout(TableLayoutType::Fixed)
        .align(TableAlignmentType::Center)
        .width(widths.iter().sum(), WidthType::Dxa)
}

/// A figure as a table shows it: exact, no thousands separators.
pub fn plain(v: f64, decimals: u8) -> String {
    let s = format!("{:.*}", usize::from(decimals), round_to(v, decimals));
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

fn opt_pct(v: Option<f64>) -> String {
    v.map_or_else(|| "—".into(), percent)
}

/// 行动 | 指标数 … (column widths add up to the type area: A4 less 28mm and 26mm = 8845)
/// 行动 | 指标数 | 已完成 | 序时达标 | 稍慢 | 滞后 | 平均完成率 | 序时进度 | 状态
pub fn actions(s: &Summary) -> Table {
    let widths = [1175, 820, 820, 1080, 760, 760, 1270, 1080, 1080];
    let c = AlignmentType::Center;
    let rows = s
        .actions
        .iter()
        .map(|a| {
            let counts = [a.indicators, a.done, a.on_pace, a.slightly_behind, a.behind];
            let mut cells = vec![cell(&a.action_name, widths[0], c)];
            for (i, n) in counts.iter().enumerate() {
                cells.push(cell(&n.to_string(), widths[i + 1], c));
            }
            cells.push(cell(&opt_pct(a.mean_completion_rate), widths[6], c));
            cells.push(cell(&opt_pct(a.mean_expected_share), widths[7], c));
            cells.push(status_cell(a.status, widths[8]));
            TableRow::new(cells).cant_split()
        })
        .collect();
    table(
        &[
            "行动",
            "指标数",
            "已完成",
            "序时达标",
            "稍慢",
            "滞后",
            "平均完成率",
            "序时进度",
            "状态",
        ],
        &widths,
        rows,
    )
}

/// 指标 | 目标 | 完成 | 完成率 | 序时进度 | 状态 (the measure beside the indicator's name).
pub fn indicators(a: &ActionReport) -> Table {
    let widths = [3845, 900, 900, 1000, 1100, 1100];
    let c = AlignmentType::Center;
    let rows = a
        .lines
        .iter()
        .map(|l| {
            let r = &l.row;
            TableRow::new(vec![
                cell(
                    &format!("{}（{}）", r.indicator, r.measure),
                    widths[0],
                    AlignmentType::Left,
                ),
                cell(
                    &r.target
                        .map_or_else(|| "—".into(), |t| plain(t, r.decimals)),
                    widths[1],
                    c,
                ),
                cell(&plain(r.completed, r.decimals), widths[2], c),
                cell(&opt_pct(r.completion_rate), widths[3], c),
                cell(&opt_pct(r.expected_share), widths[4], c),
                status_cell(r.status, widths[5]),
            ])
            .cant_split()
        })
        .collect();
    table(
        &["指标", "目标", "完成", "完成率", "序时进度", "状态"],
        &widths,
        rows,
    )
}

/// 名次 | 责任单位 | 指标数 | 序时完成度 | 平均完成率 | 已完成 | 滞后 | 状态
pub fn ranking(g: &RankingGroup) -> Table {
    let widths = [750, 2595, 800, 1100, 1100, 800, 620, 1080];
    let c = AlignmentType::Center;
    let rows = g
        .ranks
        .iter()
        .map(|r| {
            TableRow::new(vec![
                cell(&r.rank.to_string(), widths[0], c),
                cell(&r.unit, widths[1], AlignmentType::Left),
                cell(&r.indicators.to_string(), widths[2], c),
                cell(&percent(r.pace_index), widths[3], c),
                cell(&percent(r.mean_completion_rate), widths[4], c),
                cell(&r.done.to_string(), widths[5], c),
                cell(&r.behind.to_string(), widths[6], c),
                status_cell(r.status, widths[7]),
            ])
            .cant_split()
        })
        .collect();
    table(
        &[
            "名次",
            "责任单位",
            "指标数",
            "序时完成度",
            "平均完成率",
            "已完成",
            "滞后",
            "状态",
        ],
        &widths,
        rows,
    )
}
