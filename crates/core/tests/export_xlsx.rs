//! The Excel summary, opened again with calamine: sheets, headers and figures equal the
//! progress computation; native charts are drawn from the sheets' cells; the sheets freeze
//! their headers and print on A4 landscape.

mod export_support;

use std::io::Cursor;

use calamine::{Data, Range, Reader, Xlsx};
use export_support::{q2_query, sample, unzip};
use taizhang_core::export::{quarterly_summary, write_xlsx, Summary};

fn workbook(bytes: &[u8]) -> Xlsx<Cursor<Vec<u8>>> {
    Xlsx::new(Cursor::new(bytes.to_vec())).expect("calamine opens the workbook")
}

fn sheet(wb: &mut Xlsx<Cursor<Vec<u8>>>, name: &str) -> Range<Data> {
    wb.worksheet_range(name)
        .unwrap_or_else(|e| panic!("sheet {name}: {e}"))
}

fn cell(range: &Range<Data>, row: u32, col: u32) -> Data {
    range.get_value((row, col)).cloned().unwrap_or(Data::Empty)
}

fn text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        other => format!("{other:?}"),
    }
}

/// A number cell's value; text and empty cells are None.
fn num(d: &Data) -> Option<f64> {
    match d {
        Data::Float(f) => Some(*f),
        Data::Int(i) => Some(*i as f64),
        _ => None,
    }
}

fn summary_and_bytes() -> (Summary, Vec<u8>) {
    let s = sample();
    let summary = quarterly_summary(&s.ledger, &q2_query()).expect("summary");
    let bytes = write_xlsx(&summary).expect("xlsx");
    (summary, bytes)
}

#[test]
fn the_sheets_are_the_overview_each_action_units_trend_behind_and_registers() {
    let (_, bytes) = summary_and_bytes();
    let wb = workbook(&bytes);
    let want = [
        "总览",
        "建言献策",
        "创新创造",
        "壮大民企",
        "双招双引",
        "共同富裕",
        "分单位",
        "季度趋势",
        "滞后指标",
        "结对共建台账",
        "合作项目台账",
        "活动台账",
    ];
    assert_eq!(wb.sheet_names(), want, "sheet names");
}

#[test]
fn each_action_sheet_lists_every_indicator_with_the_engines_figures() {
    let (summary, bytes) = summary_and_bytes();
    let mut wb = workbook(&bytes);
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
    for a in &summary.actions {
        let ws = sheet(&mut wb, &a.action_name);
        let got: Vec<String> = (0..headers.len() as u32)
            .map(|c| text(&cell(&ws, 4, c)))
            .collect();
        assert_eq!(got, headers, "{}: header row", a.action_name);
        for (i, l) in a.lines.iter().enumerate() {
            let row = 5 + i as u32;
            let r = &l.row;
            let name = text(&cell(&ws, row, 2));
            assert_eq!(name, r.indicator, "{}: row {row} indicator", a.action_name);
            // (column, what, expected)
            let cases = [
                (4, "目标", r.target),
                (5, "完成", Some(r.completed)),
                (6, "本季度新增", Some(l.quarter_added)),
                (7, "完成率", r.completion_rate),
                (8, "序时进度", r.expected_share),
                (10, "差额", r.gap),
            ];
            for (col, what, want) in cases {
                let got = num(&cell(&ws, row, col));
                assert_eq!(got, want, "{} {}: {what}", a.action_name, r.indicator);
            }
            let status = text(&cell(&ws, row, 11));
            assert_eq!(status, r.status.label_zh(), "{}: status", r.indicator);
        }
    }
}

#[test]
fn the_overview_carries_the_headline_figures_and_the_date() {
    let (summary, bytes) = summary_and_bytes();
    let mut wb = workbook(&bytes);
    let overview = sheet(&mut wb, "总览");
    assert_eq!(text(&cell(&overview, 0, 0)), summary.title, "title row");
    assert_eq!(
        text(&cell(&overview, 1, 0)),
        "数据截至 2024年6月30日",
        "as-of line"
    );
    let range = overview.clone();
    let rows: Vec<Vec<Data>> = range.rows().map(|r| r.to_vec()).collect();
    // (indicator, completed): the release's headline figures
    let cases = [
        ("结对共建企业", 4221.0),
        ("结对共建行政村", 3702.0),
        ("培训企业家", 1400.0),
        ("基层统战组织", 384.0),
        ("新阶层服务站", 132.0),
    ];
    for (name, want) in cases {
        let row = rows
            .iter()
            .find(|r| r.get(1).map(text).as_deref() == Some(name))
            .unwrap_or_else(|| panic!("overview has no row for {name}"));
        assert_eq!(num(&row[4]), Some(want), "{name}: 完成");
    }
    for a in &summary.actions {
        let row = rows
            .iter()
            .find(|r| {
                r.first().map(text).as_deref() == Some(a.action_name.as_str())
                    && r.get(1).is_some_and(|c| num(c).is_some())
            })
            .unwrap_or_else(|| panic!("overview has no row for {}", a.action_name));
        assert_eq!(
            num(&row[1]),
            Some(f64::from(a.indicators)),
            "{}: 指标数",
            a.action_name
        );
        assert_eq!(
            num(&row[6]),
            a.mean_completion_rate,
            "{}: 平均完成率",
            a.action_name
        );
        assert_eq!(
            num(&row[7]),
            a.mean_expected_share,
            "{}: 序时进度",
            a.action_name
        );
    }
}

#[test]
fn units_by_indicators_equal_the_unit_breakdown() {
    let (summary, bytes) = summary_and_bytes();
    let mut wb = workbook(&bytes);
    let units_sheet = sheet(&mut wb, "分单位");
    let units = &summary.by_unit.units;
    for (i, u) in units.iter().enumerate() {
        assert_eq!(
            text(&cell(&units_sheet, 4, 4 + i as u32)),
            u.unit,
            "unit column {i}"
        );
    }
    let lines: Vec<_> = summary.actions.iter().flat_map(|a| &a.lines).collect();
    for (i, l) in lines.iter().enumerate() {
        let row = 5 + i as u32;
        assert_eq!(
            num(&cell(&units_sheet, row, 3)),
            Some(l.row.completed),
            "{}: 合计",
            l.row.indicator
        );
        for (j, u) in units.iter().enumerate() {
            let want = summary
                .by_unit
                .rows
                .iter()
                .find(|r| r.unit_id == u.unit_id && r.indicator_id == l.row.indicator_id)
                .map(|r| r.completed);
            let got = num(&cell(&units_sheet, row, 4 + j as u32));
            assert_eq!(got, want, "{} / {}", l.row.indicator, u.unit);
        }
    }
}

#[test]
fn native_charts_are_drawn_from_the_sheets() {
    let (summary, bytes) = summary_and_bytes();
    let parts = unzip(&bytes);
    let charts: Vec<&String> = parts
        .keys()
        .filter(|k| k.starts_with("xl/charts/chart"))
        .collect();
    // the overview's two, one per action, the trend sheet's line chart
    assert_eq!(
        charts.len(),
        2 + summary.actions.len() + 1,
        "charts: {charts:?}"
    );
    let rels: String = parts
        .iter()
        .filter(|(k, _)| k.starts_with("xl/drawings/_rels/"))
        .map(|(_, v)| v.as_str())
        .collect();
    for c in &charts {
        let file = c.trim_start_matches("xl/charts/");
        assert!(
            rels.contains(&format!("../charts/{file}")),
            "{file} is referenced from a drawing"
        );
    }
    let all: String = charts.iter().map(|c| parts[*c].as_str()).collect();
    // (what, the chart XML it needs)
    let cases = [
        ("clustered bars of completion against pace", "<c:barChart>"),
        ("clustered grouping", r#"<c:grouping val="clustered"/>"#),
        ("the trend line chart", "<c:lineChart>"),
        ("series read from the overview", "总览"),
        ("series read from the trend sheet", "季度趋势"),
        ("percent axis", r#"formatCode="0%""#),
    ];
    for (what, needle) in cases {
        assert!(all.contains(needle), "{what}: {needle} not in the charts");
    }
}

#[test]
fn sheets_freeze_their_headers_and_print_on_a4_landscape() {
    let (_, bytes) = summary_and_bytes();
    let parts = unzip(&bytes);
    let sheets: Vec<(&String, &String)> = parts
        .iter()
        .filter(|(k, _)| k.starts_with("xl/worksheets/sheet"))
        .collect();
    assert!(sheets.len() >= 10, "worksheets: {}", sheets.len());
    for (name, xml) in sheets {
        // (what, the sheet XML it needs)
        let cases = [
            ("frozen panes", r#"state="frozen""#),
            ("A4 paper", r#"paperSize="9""#),
            ("landscape", r#"orientation="landscape""#),
            ("fit to width", r#"fitToHeight="0""#),
            ("fit to page", r#"<pageSetUpPr fitToPage="1"/>"#),
        ];
        for (what, needle) in cases {
            assert!(xml.contains(needle), "{name}: {what} ({needle})");
        }
    }
    let styles = &parts["xl/styles.xml"];
    assert!(
        styles.contains(r#"formatCode="0.0%""#),
        "percent number format"
    );
}
