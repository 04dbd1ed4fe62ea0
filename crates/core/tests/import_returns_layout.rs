//! Reading returns as units send them: a county's own table (merged 行动 cells, two-row
//! heading, 「—」「/」 for nothing, full-width digits, 家/个 after figures), another unit in
//! the title, a heading of another quarter, derived rows, lag notes, and the table
//! Taizhang sent read back through its hidden sheet.

mod returns_support;

use returns_support::*;
use taizhang_core::export::LagNoteFilter;
use taizhang_core::import::returns::{self, ReturnOptions, ReturnPreview, ReturnSource};
use taizhang_core::Quarter;

fn q3() -> Quarter {
    Quarter::new(2024, 3).unwrap()
}

fn preview_with(
    w: &World,
    path: &std::path::Path,
    unit: Option<&str>,
    quarter: Option<Quarter>,
) -> ReturnPreview {
    let o = ReturnOptions {
        unit: unit.map(Into::into),
        period: quarter.map(taizhang_core::round::RoundPeriod::quarter),
        mapping: None,
    };
    returns::preview(&w.ledger, path, &o).expect("preview")
}

/// (row, indicator, 累计, 本期, value)
type Shown = (u32, String, Option<f64>, Option<f64>, Option<f64>);
/// (title, 填报单位 line, unit given, problems wanted, unit found)
type TitleCase = (
    &'static str,
    &'static str,
    Option<&'static str>,
    Vec<&'static str>,
    Option<&'static str>,
);

fn messages(p: &ReturnPreview) -> Vec<String> {
    p.problems.iter().map(|x| x.message.clone()).collect()
}

#[test]
fn a_county_table_as_the_clerk_fills_it() {
    let mut w = world();
    w.record("CNT", "LL", "2024-05-01", 8.0);
    let path = w.file("兰陵县五大行动三季度报表.xlsx");
    let mut visits = line("(二)", "走访企业数（个）①", vec![t("２３个"), t("/")]);
    visits.measure = "个";
    let mut money = line("(三)", "帮扶资金※", vec![t("—"), t("－")]);
    money.action = "商会服务行动";
    let lines = vec![
        line("(一)", "结 对 企 业 数*", vec![t("２０家"), t("12")]),
        visits,
        money,
        line("(四)", "新增产业项目数", vec![X::Blank, X::Blank]),
    ];
    CountyTable::new(lines).write(&path);
    let p = preview_with(&w, &path, Some("兰陵县"), Some(q3()));
    assert_eq!(
        messages(&p),
        Vec::<String>::new(),
        "no problem; notes {:?}",
        p.notes
    );
    let got: Vec<Shown> = p
        .lines
        .iter()
        .map(|l| {
            (
                l.row,
                l.indicator.clone(),
                l.year_to_date,
                l.period,
                l.value,
            )
        })
        .collect();
    let want = vec![
        (
            8,
            "结对企业数".to_string(),
            Some(20.0),
            Some(12.0),
            Some(12.0),
        ),
        (9, "走访企业数".to_string(), Some(23.0), None, Some(23.0)),
        (10, "帮扶资金".to_string(), None, None, None),
    ];
    assert_eq!(got, want, "lines: row, indicator, 累计, 本期, value");
    assert!(
        p.notes
            .iter()
            .any(|n| n.contains("第11行「新增产业项目数」不是指标")),
        "an unknown row without figures is passed over with a note, notes {:?}",
        p.notes
    );
    let m = p.mapping.expect("mapping");
    assert_eq!(m.header_row, 5, "the heading's second row");
    let headers: Vec<(String, String)> = m
        .columns
        .iter()
        .filter_map(|c| c.role.map(|r| (c.header.clone(), r.label_zh().to_string())))
        .collect();
    let want_cols = [
        ("指标名称", "指标名称"),
        ("1-9月累计完成", "累计"),
        ("其中：第三季度", "本期"),
        ("滞后原因", "滞后原因"),
        ("整改措施", "整改措施"),
        ("备注", "备注"),
    ];
    let want_cols: Vec<(String, String)> = want_cols
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(headers, want_cols, "columns read");
}

#[test]
fn figures_that_are_no_figures_are_problems_at_their_cell() {
    let w = world();
    let path = w.file("有误.xlsx");
    CountyTable::new(vec![line("1", "结对企业数", vec![t("约50"), t("5余家")])]).write(&path);
    let p = preview_with(&w, &path, Some("兰陵县"), Some(q3()));
    let want = vec![
        "第8行「1-9月累计完成」不是数字：约50",
        "第8行「其中：第三季度」不是数字：5余家",
    ];
    assert_eq!(messages(&p), want, "problems");
    let cols: Vec<Option<String>> = p.problems.iter().map(|x| x.column.clone()).collect();
    assert_eq!(
        cols,
        vec![Some("1-9月累计完成".into()), Some("其中：第三季度".into())],
        "columns of the problems"
    );
}

#[test]
fn the_title_and_signer_must_name_the_unit() {
    // (title, 填报单位 line, unit given, problems wanted, unit found)
    let cases: Vec<TitleCase> = vec![
        (
            "沂南县五大行动2024年第三季度进展情况统计表",
            "填报单位：沂南县委统战部",
            Some("兰陵县"),
            vec!["标题或填报单位写的是「沂南县」，与报送单位「兰陵县」不符"],
            Some("兰陵县"),
        ),
        (
            "五大行动2024年第三季度进展情况统计表",
            "填报单位：沂南县委统战部（盖章）",
            Some("兰陵县"),
            vec!["标题或填报单位写的是「沂南县」，与报送单位「兰陵县」不符"],
            Some("兰陵县"),
        ),
        (
            "临沂市五大行动2024年第三季度进展情况统计表",
            "填报单位：兰陵县委统战部（盖章）",
            Some("兰陵县"),
            vec![],
            Some("兰陵县"),
        ),
        (
            "兰陵县五大行动2024年第三季度进展情况统计表",
            "填报单位：兰陵县委统战部（盖章）",
            None,
            vec![],
            Some("兰陵县"),
        ),
        (
            "五大行动进展情况统计表",
            "填报单位：（盖章）",
            None,
            vec!["无法从标题或填报单位确定报送单位，请指定报送单位（--unit）"],
            None,
        ),
        (
            "兰陵县五大行动2024年第二季度进展情况统计表",
            "填报单位：兰陵县委统战部",
            Some("兰陵县"),
            vec!["标题写的是2024年第二季度，与报送期2024年第三季度不符"],
            Some("兰陵县"),
        ),
    ];
    for (title, signer, unit, want, found) in cases {
        let w = world();
        let path = w.file("title.xlsx");
        CountyTable::new(vec![line("1", "结对企业数", vec![n(3.0), n(3.0)])])
            .title(title, signer)
            .write(&path);
        let p = preview_with(&w, &path, unit, Some(q3()));
        assert_eq!(messages(&p), want, "problems of {title} / {signer}");
        assert_eq!(p.unit.as_deref(), found, "unit of {title} / {signer}");
    }
}

#[test]
fn a_heading_of_another_quarter_is_a_problem() {
    let w = world();
    let path = w.file("上半年.xlsx");
    CountyTable::new(vec![line("1", "结对企业数", vec![n(3.0)])])
        .figures(&["1-6月累计"])
        .title("兰陵县五大行动进展情况统计表", "填报单位：兰陵县")
        .write(&path);
    let p = preview_with(&w, &path, Some("兰陵县"), Some(q3()));
    assert_eq!(
        messages(&p),
        vec!["「1-6月累计」列（累计）与报送期2024年第三季度不符"],
        "problems"
    );
}

#[test]
fn derived_rows_are_not_written_and_warn_when_registers_differ() {
    let mut w = world();
    let path = w.file("derived.xlsx");
    CountyTable::new(vec![
        line("1", "结对共建企业", vec![n(5.0), n(2.0)]),
        line("2", "结对企业数", vec![n(4.0), X::Blank]),
    ])
    .write(&path);
    let p = preview_with(&w, &path, Some("兰陵县"), Some(q3()));
    assert_eq!(messages(&p), Vec::<String>::new(), "no problem");
    let derived = &p.lines[0];
    assert!(
        derived.derived && derived.value.is_none(),
        "derived: not written, got {derived:?}"
    );
    let want = vec![
        "「结对共建企业」由台账统计，不写入：报表「其中：第三季度」填 2，台账统计为 0".to_string(),
        "「结对共建企业」由台账统计，不写入：报表「1-9月累计完成」填 5，台账统计为 0".to_string(),
    ];
    assert_eq!(derived.warnings, want, "warnings of the derived row");
    let o = ReturnOptions {
        unit: Some("兰陵县".into()),
        period: Some(taizhang_core::round::RoundPeriod::quarter(q3())),
        mapping: None,
    };
    let r = returns::commit(&mut w.ledger, &actor(), &path, &o, &mut |_, _| {}).expect("commit");
    assert_eq!(r.written, 1, "only the typed indicator is written");
}

#[test]
fn lag_reasons_and_measures_become_lag_notes() {
    let mut w = world();
    let path = w.file("lag.xlsx");
    let mut behind = line("1", "结对企业数", vec![n(4.0), n(4.0)]);
    behind.reason = "部分企业经营困难，签约推迟";
    behind.measures = "县工商联逐户走访，10月底前完成签约";
    CountyTable::new(vec![behind]).write(&path);
    let o = ReturnOptions {
        unit: Some("兰陵县".into()),
        period: Some(taizhang_core::round::RoundPeriod::quarter(q3())),
        mapping: None,
    };
    let r = returns::commit(&mut w.ledger, &actor(), &path, &o, &mut |_, _| {}).expect("commit");
    assert_eq!(r.lag_notes, 1, "lag notes written");
    let notes = w
        .ledger
        .lag_notes(&LagNoteFilter {
            quarter: Some(q3()),
            unit: Some("兰陵县".into()),
            indicator: None,
        })
        .expect("notes");
    let got: Vec<(&str, &str, &str)> = notes
        .iter()
        .map(|n| (n.indicator.as_str(), n.reason.as_str(), n.measures.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![(
            "结对企业数",
            "部分企业经营困难，签约推迟",
            "县工商联逐户走访，10月底前完成签约"
        )],
        "the lag note"
    );
}

fn unit_id(w: &World, code: &str) -> String {
    w.ledger
        .units(true)
        .expect("units")
        .into_iter()
        .find(|u| u.code == code)
        .expect("unit")
        .id
}

#[test]
fn a_sent_table_is_read_back_through_its_hidden_sheet() {
    let mut w = world();
    w.record("CNT", "LL", "2024-05-01", 8.0);
    let ll = unit_id(&w, "LL");
    let lines = [
        SentLine {
            code: "CNT",
            name: "结对企业数",
            measure: "家",
            before: 8.0,
            period: n(4.0),
            year_to_date: n(12.0),
            reason: "",
            measures: "",
        },
        SentLine {
            code: "AMT",
            name: "帮扶资金",
            measure: "万元",
            before: 0.0,
            period: X::Blank,
            year_to_date: n(3.5),
            reason: "资金拨付滞后",
            measures: "",
        },
        SentLine {
            code: "PAIRED",
            name: "结对共建企业",
            measure: "家",
            before: 0.0,
            period: n(0.0),
            year_to_date: n(0.0),
            reason: "",
            measures: "",
        },
    ];
    let sent = |checksum| Sent {
        quarter: "2024Q3",
        unit_id: &ll,
        unit: "兰陵县",
        round_id: "r-1",
        checksum,
    };
    let path = w.file("兰陵县_2024年第三季度_统计表.xlsx");
    sent_table(&path, &sent(None), &lines);
    let p = preview_with(&w, &path, None, None);
    assert_eq!(messages(&p), Vec::<String>::new(), "no problem");
    assert_eq!(
        (p.source, p.unit.as_deref(), p.period, p.round_id.as_deref()),
        (
            ReturnSource::SentTable,
            Some("兰陵县"),
            Some(taizhang_core::round::RoundPeriod::quarter(q3())),
            Some("r-1")
        ),
        "from the hidden sheet"
    );
    let values: Vec<(String, Option<f64>)> = p
        .lines
        .iter()
        .map(|l| (l.indicator_code.clone(), l.value))
        .collect();
    assert_eq!(
        values,
        vec![
            ("CNT".into(), Some(4.0)),
            ("AMT".into(), Some(3.5)),
            ("PAIRED".into(), None)
        ],
        "values"
    );
    let o = ReturnOptions::default();
    let r = returns::commit(&mut w.ledger, &actor(), &path, &o, &mut |_, _| {}).expect("commit");
    assert_eq!((r.written, r.lag_notes), (2, 1), "written, lag notes");

    // Another unit given, or the hidden sheet altered: problems.
    let p = preview_with(&w, &path, Some("沂南县"), None);
    assert_eq!(
        messages(&p),
        vec!["文件是发给「兰陵县」的统计表，与指定的「沂南县」不符"],
        "another unit given"
    );
    let forged = w.file("改过的.xlsx");
    sent_table(&forged, &sent(Some("0000")), &lines);
    let p = preview_with(&w, &forged, Some("兰陵县"), Some(q3()));
    assert_eq!(
        messages(&p),
        vec!["隐藏页校验不符：表格的报送单位或报送期被改动过"],
        "a forged hidden sheet"
    );
}

#[test]
fn the_person_corrects_which_indicator_a_row_is() {
    let w = world();
    let path = w.file("别名.xlsx");
    CountyTable::new(vec![
        line("1", "结对帮扶民营企业户数", vec![n(9.0), X::Blank]),
        line("2", "走访企业数", vec![n(2.0), X::Blank]),
    ])
    .write(&path);
    let guessed = preview_with(&w, &path, Some("兰陵县"), Some(q3()));
    assert_eq!(
        messages(&guessed),
        vec!["第8行「指标名称」找不到指标：结对帮扶民营企业户数（请在预览中指定对应指标）"],
        "unmatched row"
    );
    let mut mapping = guessed.mapping.expect("the guessed mapping");
    let rows: Vec<(u32, Option<String>)> = mapping
        .rows
        .iter()
        .map(|r| (r.row, r.indicator.clone()))
        .collect();
    assert_eq!(
        rows.iter().map(|r| r.0).collect::<Vec<_>>(),
        vec![8, 9],
        "data rows of the mapping"
    );
    mapping.rows[0].indicator = Some("CNT".into());
    mapping.rows[1].skip = true;
    let o = ReturnOptions {
        unit: Some("兰陵县".into()),
        period: Some(taizhang_core::round::RoundPeriod::quarter(q3())),
        mapping: Some(mapping),
    };
    let corrected = returns::preview(&w.ledger, &path, &o).expect("preview");
    assert_eq!(
        messages(&corrected),
        Vec::<String>::new(),
        "no problem once mapped"
    );
    let got: Vec<(String, Option<f64>)> = corrected
        .lines
        .iter()
        .map(|l| (l.indicator_code.clone(), l.value))
        .collect();
    assert_eq!(
        got,
        vec![("CNT".to_string(), Some(9.0))],
        "the row mapped to CNT, the other left out"
    );
}
