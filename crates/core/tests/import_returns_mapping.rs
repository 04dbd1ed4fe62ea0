//! The person corrects how a county's own return is read, as in the other imports: a row
//! whose name the county writes its own way (「新增万企兴万村结对数」 for the catalogue's
//! 结对企业数) is mapped by hand, a column the guess could not place (「新增数」) is
//! taken as 本期, a row is left out (不导入), and what the preview showed is what the
//! commit writes, on a real ledger file. A role given to two columns, or an indicator that
//! does not exist, is a problem.

mod returns_support;

use returns_support::*;
use taizhang_core::import::returns::{
    self, ReturnColumnRole, ReturnMapping, ReturnOptions, ReturnPreview, ReturnRowMapping,
};
use taizhang_core::round::RoundPeriod;
use taizhang_core::Quarter;

fn options(mapping: Option<ReturnMapping>) -> ReturnOptions {
    ReturnOptions {
        unit: Some("兰陵县".into()),
        period: Some(RoundPeriod::quarter(Quarter::new(2024, 3).unwrap())),
        mapping,
    }
}

fn messages(p: &ReturnPreview) -> Vec<String> {
    p.problems.iter().map(|x| x.message.clone()).collect()
}

/// (row, code, 累计, 本期, value)
type Shown = (u32, String, Option<f64>, Option<f64>, Option<f64>);

fn shown(p: &ReturnPreview) -> Vec<Shown> {
    p.lines
        .iter()
        .map(|l| {
            let code = l.indicator_code.clone();
            (l.row, code, l.year_to_date, l.period, l.value)
        })
        .collect()
}

/// 兰陵县's table: 1-9月累计完成 and 新增数 (its word for this quarter) under 完成情况.
fn lanling_table(w: &World) -> std::path::PathBuf {
    let path = w.file("兰陵县2024年三季度五大行动推进情况.xlsx");
    let mut visits = line("(二)", "走访企业数（个）", vec![t("２３个"), n(23.0)]);
    visits.measure = "个";
    let mut money = line("(三)", "帮扶资金", vec![t("—"), t("/")]);
    money.measure = "万元";
    CountyTable::new(vec![
        line("(一)", "新增万企兴万村结对数", vec![n(20.0), n(12.0)]),
        visits,
        money,
    ])
    .figures(&["1-9月累计完成", "新增数"])
    .write(&path);
    path
}

/// The mapping the window (or a JSON file for `--mapping`) sends: the columns as the
/// preview showed them with 「新增数」 taken as 本期, and only the rows the person set.
fn corrected(guess: &ReturnMapping, rows: Vec<(u32, Option<&str>, bool)>) -> ReturnMapping {
    let mut m = guess.clone();
    for c in &mut m.columns {
        if c.header == "新增数" {
            c.role = Some(ReturnColumnRole::Period);
        }
    }
    m.rows = rows
        .into_iter()
        .map(|(row, indicator, skip)| ReturnRowMapping {
            row,
            label: String::new(),
            indicator: indicator.map(Into::into),
            skip,
        })
        .collect();
    m
}

#[test]
fn a_county_name_written_its_own_way_is_mapped_by_hand() {
    let mut w = world();
    w.record("CNT", "LL", "2024-05-01", 8.0);
    let path = lanling_table(&w);
    let guess = returns::preview(&w.ledger, &path, &options(None)).expect("preview");
    assert_eq!(
        messages(&guess),
        vec!["第8行「指标名称」找不到指标：新增万企兴万村结对数（请在预览中指定对应指标）"],
        "the county's own name matches no indicator"
    );
    let m = guess.mapping.clone().expect("the guessed mapping");
    let roles: Vec<(String, String, Option<ReturnColumnRole>)> = m
        .columns
        .iter()
        .filter(|c| c.header.contains('月') || c.header.contains("新增"))
        .map(|c| (c.letter.clone(), c.header.clone(), c.role))
        .collect();
    assert_eq!(
        roles,
        vec![
            (
                "F".into(),
                "1-9月累计完成".into(),
                Some(ReturnColumnRole::YearToDate)
            ),
            ("G".into(), "新增数".into(), None),
        ],
        "the guess reads 累计 and cannot place 新增数"
    );
    let vis = w.ledger.indicator("VIS").expect("VIS").id;
    let amt = w.ledger.indicator("AMT").expect("AMT").id;
    let rows: Vec<(u32, String, Option<String>)> = m
        .rows
        .iter()
        .map(|r| (r.row, r.label.clone(), r.indicator.clone()))
        .collect();
    assert_eq!(
        rows,
        vec![
            (8, "新增万企兴万村结对数".into(), None),
            (9, "走访企业数(个)".into(), Some(vis.clone())), // full-width folded
            (10, "帮扶资金".into(), Some(amt.clone())),
        ],
        "which row matched which indicator"
    );
    assert_eq!(w.count("progress_entry"), 1, "a preview writes nothing");

    // The person maps row 8 to 结对企业数 by its catalogue name and reads 新增数 as 本期.
    let fixed = options(Some(corrected(&m, vec![(8, Some("结对企业数"), false)])));
    let p = returns::preview(&w.ledger, &path, &fixed).expect("preview");
    assert_eq!(messages(&p), Vec::<String>::new(), "notes {:?}", p.notes);
    assert_eq!(
        shown(&p),
        vec![
            (8, "CNT".into(), Some(20.0), Some(12.0), Some(12.0)),
            (9, "VIS".into(), Some(23.0), Some(23.0), Some(23.0)),
            (10, "AMT".into(), None, None, None),
        ],
        "row, code, 累计, 本期 (新增数), value: 20 − 8 held = 12 agrees with 新增数"
    );
    let cnt = w.ledger.indicator("CNT").expect("CNT").id;
    let read_as: Vec<(u32, Option<String>, bool)> = p
        .mapping
        .as_ref()
        .expect("mapping used")
        .rows
        .iter()
        .map(|r| (r.row, r.indicator.clone(), r.skip))
        .collect();
    assert_eq!(
        read_as,
        vec![
            (8, Some(cnt), false),
            (9, Some(vis), false),
            (10, Some(amt), false)
        ],
        "the mapping read back lists every row with its indicator"
    );

    // The commit takes the mapping the preview used: it writes what the preview showed.
    let o = options(p.mapping.clone());
    let report =
        returns::commit(&mut w.ledger, &actor(), &path, &o, &mut |_, _| {}).expect("commit");
    assert_eq!(
        (report.written, report.replaced),
        (2, 0),
        "written, replaced"
    );
    assert_eq!(
        w.total("CNT", "LL", "2024-07-01", "2024-09-30"),
        12.0,
        "CNT in Q3"
    );
    assert_eq!(
        w.total("VIS", "LL", "2024-07-01", "2024-09-30"),
        23.0,
        "VIS in Q3"
    );
    assert_eq!(
        w.count("progress_entry"),
        3,
        "the hand-typed entry and the two written"
    );
}

#[test]
fn a_row_left_out_and_mappings_that_cannot_be() {
    let mut w = world();
    w.record("CNT", "LL", "2024-05-01", 8.0);
    let path = lanling_table(&w);
    let guess = returns::preview(&w.ledger, &path, &options(None)).expect("preview");
    let m = guess.mapping.expect("the guessed mapping");

    // 不导入 on the unmatched row and on 走访企业数: left out, with a note each.
    let skip = corrected(&m, vec![(8, None, true), (9, Some("VIS"), true)]);
    let p = returns::preview(&w.ledger, &path, &options(Some(skip))).expect("preview");
    assert_eq!(messages(&p), Vec::<String>::new(), "nothing to stop");
    assert_eq!(
        shown(&p),
        vec![(10, "AMT".into(), None, None, None)],
        "only 帮扶资金 is read"
    );
    for want in [
        "第8行「新增万企兴万村结对数」按指定不导入",
        "第9行「走访企业数(个)」按指定不导入",
    ] {
        assert!(
            p.notes.iter().any(|n| n == want),
            "note {want:?} in {:?}",
            p.notes
        );
    }

    // An unmatched row the person did not set stays a problem, whatever else was corrected.
    let untouched = corrected(&m, vec![]);
    let p = returns::preview(&w.ledger, &path, &options(Some(untouched))).expect("preview");
    assert_eq!(
        messages(&p),
        vec!["第8行「指标名称」找不到指标：新增万企兴万村结对数（请在预览中指定对应指标）"],
        "a corrected column does not make the unmatched row vanish"
    );

    // An indicator that does not exist, and 累计 given to two columns.
    let unknown = corrected(&m, vec![(8, Some("万企兴万村结对数"), false)]);
    let p = returns::preview(&w.ledger, &path, &options(Some(unknown))).expect("preview");
    assert_eq!(
        messages(&p),
        vec!["第8行「指标名称」指定的指标「万企兴万村结对数」不存在"],
        "an indicator that is not in the catalogue"
    );
    let mut twice = corrected(&m, vec![(8, Some("CNT"), false)]);
    for c in &mut twice.columns {
        if c.header == "新增数" {
            c.role = Some(ReturnColumnRole::YearToDate);
        }
    }
    let p = returns::preview(&w.ledger, &path, &options(Some(twice.clone()))).expect("preview");
    assert_eq!(
        messages(&p),
        vec!["F列、G列都指定为「累计」，一项只能对应一列"],
        "one role, two columns"
    );
    let refused = returns::commit(
        &mut w.ledger,
        &actor(),
        &path,
        &options(Some(twice)),
        &mut |_, _| {},
    );
    assert!(
        matches!(&refused, Err(e) if e.code() == "import_rejected"),
        "the commit refuses it too: {refused:?}"
    );
    assert_eq!(w.count("progress_entry"), 1, "nothing written");
}

#[test]
fn a_mapping_file_without_skip_reads_as_before() {
    // A `--mapping` file written before 不导入 existed has no `skip`: the row is matched.
    let json = r#"{"sheet":"三季度","header_row":5,"columns":[],
        "rows":[{"row":8,"label":"新增万企兴万村结对数","indicator":"CNT"}]}"#;
    let m: ReturnMapping = serde_json::from_str(json).expect("a mapping without skip");
    assert_eq!(
        (m.rows[0].indicator.as_deref(), m.rows[0].skip),
        (Some("CNT"), false),
        "indicator kept, skip false"
    );
}
