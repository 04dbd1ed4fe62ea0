//! Files as real office software saves them: 兰山区's quarterly return and its 万企兴万村
//! 结对台账 (title rows, merged cells, a two-row merged heading, 单位：个、万元 in a line of
//! its own, full-width digits, a 累计 column, a 合计 row of formulas, 注 and signature
//! lines), each read as written and as LibreOffice saved it in .xlsx, .xls (BIFF8) and
//! .ods, through the real preview and commit. Every form must give the same preview and
//! write the same figures.

mod real_files;
mod returns_support;

use real_files::{made, Form, FORMS};
use returns_support::{actor, world, World};
use taizhang_core::import::returns::{self, ReturnOptions, ReturnPreview};
use taizhang_core::import::{self, ImportKind, ImportPreview};
use taizhang_core::{NewUnit, Quarter, UnitKind};

/// The shared test ledger, with 兰山区 beside 兰陵县 and 沂南县.
fn lanshan() -> World {
    let mut w = world();
    w.ledger
        .write(&actor(), |x| {
            x.add_unit(NewUnit {
                code: "LS".into(),
                name: "兰山区".into(),
                name_en: String::new(),
                kind: UnitKind::County,
                parent: Some("CITY".into()),
            })
        })
        .expect("兰山区");
    w
}

/// With what 兰山区 recorded in the first quarter: 累计 minus this is the second quarter's.
fn lanshan_with_q1() -> World {
    let mut w = lanshan();
    w.record("CNT", "LS", "2024-02-10", 13.0);
    w.record("AMT", "LS", "2024-03-01", 170.25);
    w.record("VIS", "LS", "2024-03-20", 42.0);
    w
}

fn return_preview(w: &World, form: Form, stem: &str) -> ReturnPreview {
    let path = made().path(stem, form);
    returns::preview(&w.ledger, &path, &ReturnOptions::default())
        .unwrap_or_else(|e| panic!("{form:?}: preview {}: {e}", path.display()))
}

fn messages(problems: &[taizhang_core::import::ImportProblem]) -> Vec<String> {
    problems.iter().map(|p| p.message.clone()).collect()
}

/// (row, indicator, 累计, 本期, value written)
type Line = (u32, String, Option<f64>, Option<f64>, Option<f64>);

#[test]
fn the_quarterly_return_in_every_form() {
    for form in FORMS {
        let mut w = lanshan_with_q1();
        let p = return_preview(&w, form, "兰山区二季度报表");
        assert_eq!(
            messages(&p.problems),
            Vec::<String>::new(),
            "{form:?}: no problem; notes {:?}",
            p.notes
        );
        assert_eq!(
            p.unit.as_deref(),
            Some("兰山区"),
            "{form:?}: the unit from the title"
        );
        assert_eq!(
            p.period,
            Quarter::new(2024, 2)
                .ok()
                .map(taizhang_core::round::RoundPeriod::quarter),
            "{form:?}: the quarter from the title"
        );
        let m = p.mapping.as_ref().expect("mapping");
        assert_eq!(m.header_row, 5, "{form:?}: the heading's second row");
        let roles: Vec<(String, String)> = m
            .columns
            .iter()
            .filter_map(|c| c.role.map(|r| (c.header.clone(), r.label_zh().to_string())))
            .collect();
        let want_roles: Vec<(String, String)> = [
            ("指标名称", "指标名称"),
            ("累计完成", "累计"),
            ("其中：二季度", "本期"),
            ("存在问题及原因", "滞后原因"),
            ("下步措施", "整改措施"),
            ("备注", "备注"),
        ]
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
        assert_eq!(roles, want_roles, "{form:?}: the columns read");
        let lines: Vec<Line> = p
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
        let want: Vec<Line> = vec![
            (8, "结对企业数".into(), Some(25.0), Some(12.0), Some(12.0)),
            (
                9,
                "帮扶资金".into(),
                Some(320.5),
                Some(150.25),
                Some(150.25),
            ),
            (10, "走访企业数".into(), Some(60.0), Some(18.0), Some(18.0)),
        ];
        assert_eq!(lines, want, "{form:?}: row, indicator, 累计, 本期, value");
        let visits = &p.lines[2];
        assert_eq!(
            (
                visits.lag_reason.as_str(),
                visits.measures.as_str(),
                visits.note.as_str()
            ),
            ("部分企业停产", "加强对接", "１８家为上门走访"),
            "{form:?}: the words of row 10"
        );
        let path = made().path("兰山区二季度报表", form);
        let report = returns::commit(
            &mut w.ledger,
            &actor(),
            &path,
            &ReturnOptions::default(),
            &mut |_, _| {},
        )
        .unwrap_or_else(|e| panic!("{form:?}: commit: {e}"));
        assert_eq!(
            (report.written, report.lag_notes),
            (3, 1),
            "{form:?}: entries and lag notes written"
        );
        let q2 = |ind: &str| w.total(ind, "LS", "2024-04-01", "2024-06-30");
        assert_eq!(
            (q2("CNT"), q2("AMT"), q2("VIS")),
            (12.0, 150.25, 18.0),
            "{form:?}: the second quarter's figures in the ledger"
        );
        let year = |ind: &str| w.total(ind, "LS", "2024-01-01", "2024-06-30");
        assert_eq!(
            (year("CNT"), year("AMT"), year("VIS")),
            (25.0, 320.5, 60.0),
            "{form:?}: the year to date equals the 累计 column"
        );
    }
}

#[test]
fn a_bad_figure_in_the_return_is_named_at_its_row_and_column() {
    for form in FORMS {
        let w = lanshan_with_q1();
        let p = return_preview(&w, form, "兰山区二季度报表_有误");
        let got: Vec<(Option<u32>, Option<String>, String)> = p
            .problems
            .iter()
            .map(|x| (x.row, x.column.clone(), x.message.clone()))
            .collect();
        assert_eq!(
            got,
            vec![(
                Some(10),
                Some("累计完成".into()),
                "第10行「累计完成」不是数字：约60".into()
            )],
            "{form:?}: the problem"
        );
    }
}

fn county() -> ImportKind {
    ImportKind::CountyPairings { county: None }
}

fn register_preview(w: &World, form: Form, stem: &str) -> ImportPreview {
    let path = made().path(stem, form);
    import::preview(&w.ledger, &county(), &path, None)
        .unwrap_or_else(|e| panic!("{form:?}: preview {}: {e}", path.display()))
}

/// A preview row's value of a field.
fn value(p: &ImportPreview, row: usize, field: &str) -> String {
    let i = p.fields.iter().position(|f| f.key == field).expect("field");
    p.rows[row].values[i].clone()
}

#[test]
fn the_pairing_register_in_every_form() {
    for form in FORMS {
        let mut w = lanshan();
        let p = register_preview(&w, form, "兰山区结对台账");
        assert_eq!(
            messages(&p.problems),
            Vec::<String>::new(),
            "{form:?}: no problem; notes {:?}",
            p.notes
        );
        let sm = &p.mapping.sheets[0];
        assert_eq!(sm.header_row, Some(5), "{form:?}: the heading's second row");
        let mapped: Vec<(String, String)> = sm
            .columns
            .iter()
            .filter_map(|c| c.field.clone().map(|f| (c.header.clone(), f)))
            .collect();
        let want_mapped: Vec<(String, String)> = [
            ("企业名称", "enterprise"),
            ("统一社会信用代码", "credit_code"),
            ("企业类型", "enterprise_kind"),
            ("所属镇街", "township"),
            ("结对村（社区）", "village"),
            ("结对时间", "signed_on"),
            ("项目名称", "project"),
            ("项目类型", "project_kind"),
            ("投资金额", "investment"),
            ("受益人数", "beneficiaries"),
            ("项目状态", "project_status"),
            ("备注", "note"),
        ]
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
        assert_eq!(
            mapped, want_mapped,
            "{form:?}: the columns found under the merged heading"
        );
        let rows: Vec<u32> = p.rows.iter().map(|r| r.row).collect();
        assert_eq!(rows, vec![6, 7, 8, 9], "{form:?}: the data rows");
        let shown: Vec<(String, String, String, String)> = (0..p.rows.len())
            .map(|i| {
                (
                    value(&p, i, "enterprise"),
                    value(&p, i, "signed_on"),
                    value(&p, i, "project"),
                    value(&p, i, "investment"),
                )
            })
            .collect();
        let s = |a: &str, b: &str, c: &str, d: &str| {
            (a.to_string(), b.to_string(), c.to_string(), d.to_string())
        };
        assert_eq!(
            shown,
            vec![
                s(
                    "临沂兰山华信商贸有限公司",
                    "2024-03-15",
                    "蔬菜大棚项目",
                    "120"
                ),
                s(
                    "临沂兰山华信商贸有限公司",
                    "2024-03-15",
                    "冷链仓储项目",
                    "80.5"
                ),
                s("山东文瑞食品有限公司", "2024-04-08", "村集体光伏项目", "60"),
                s("兰山区城市建设投资有限公司", "2024-05-20", "", ""),
            ],
            "{form:?}: enterprise, 结对时间, project, 投资金额 as previewed"
        );
        assert_eq!(
            p.skipped, 4,
            "{form:?}: blank, 合计, 注 and signature rows skipped"
        );
        assert_eq!(
            (p.new_enterprises, p.new_villages),
            (3, 3),
            "{form:?}: new enterprises, villages"
        );
        let path = made().path("兰山区结对台账", form);
        let report = import::commit(
            &mut w.ledger,
            &actor(),
            &county(),
            &path,
            None,
            &mut |_, _| {},
        )
        .unwrap_or_else(|e| panic!("{form:?}: commit: {e}"));
        assert_eq!(report.written, 4, "{form:?}: rows written");
        assert_eq!(
            (
                w.count("pairing"),
                w.count("coop_project"),
                w.count("enterprise"),
                w.count("village")
            ),
            (3, 3, 3, 3),
            "{form:?}: pairings, projects, enterprises, villages"
        );
        let conn = rusqlite::Connection::open(w.dir.path().join("ledger.db")).expect("open");
        let (money, people): (f64, i64) = conn
            .query_row(
                "SELECT SUM(investment_yuan) / 10000.0, SUM(beneficiaries) FROM coop_project",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .expect("sums");
        assert_eq!(
            (money, people),
            (260.5, 47),
            "{form:?}: 投资金额 (万元) and 受益人数 written"
        );
        let unit: String = conn
            .query_row(
                "SELECT DISTINCT u.name FROM pairing p JOIN unit u ON u.id = p.unit_id",
                [],
                |r| r.get(0),
            )
            .expect("the pairings' unit");
        assert_eq!(unit, "兰山区", "{form:?}: the county from the title");
    }
}

#[test]
fn bad_cells_in_the_register_are_named_at_their_row_and_column() {
    for form in FORMS {
        let w = lanshan();
        let p = register_preview(&w, form, "兰山区结对台账_有误");
        let got: Vec<(Option<u32>, Option<String>, String)> = p
            .problems
            .iter()
            .map(|x| (x.row, x.column.clone(), x.message.clone()))
            .collect();
        let want = vec![
            (
                Some(7),
                Some("投资金额".to_string()),
                "第7行「投资金额」不是数字：待定".to_string(),
            ),
            (
                Some(8),
                Some("结对时间".to_string()),
                "第8行「结对时间」不是日期：2024年4月（可写 2024-03-05、2024/3/5、2024年3月5日）"
                    .to_string(),
            ),
        ];
        assert_eq!(got, want, "{form:?}: the problems");
    }
}

#[test]
fn a_pairing_list_with_its_county_and_towns_merged_down() {
    for form in FORMS {
        let mut w = lanshan();
        let path = made().path("兰山区结对名单", form);
        let p = import::preview(&w.ledger, &ImportKind::Pairings, &path, None)
            .unwrap_or_else(|e| panic!("{form:?}: preview: {e}"));
        assert_eq!(
            messages(&p.problems),
            Vec::<String>::new(),
            "{form:?}: no problem"
        );
        assert_eq!(
            p.mapping.sheets[0].header_row,
            Some(3),
            "{form:?}: the heading"
        );
        let shown: Vec<Vec<String>> = (0..p.rows.len())
            .map(|i| {
                ["county", "township", "village", "signed_on"]
                    .iter()
                    .map(|f| value(&p, i, f))
                    .collect()
            })
            .collect();
        let want: Vec<Vec<String>> = [
            ["兰山区", "枣园镇", "前石埠村", "2024-03-15"],
            ["兰山区", "枣园镇", "后石埠村", "2024-04-08"],
            ["兰山区", "汪沟镇", "南汪沟村", "2024-05-20"],
            ["兰山区", "汪沟镇", "北汪沟村", "2024-06-03"],
        ]
        .iter()
        .map(|r| r.iter().map(|s| s.to_string()).collect())
        .collect();
        assert_eq!(
            shown, want,
            "{form:?}: 区县, 乡镇 (merged down), 村, 结对时间"
        );
        assert_eq!(
            p.skipped, 3,
            "{form:?}: the blank, 注 and signature rows skipped"
        );
        let report = import::commit(
            &mut w.ledger,
            &actor(),
            &ImportKind::Pairings,
            &path,
            None,
            &mut |_, _| {},
        )
        .unwrap_or_else(|e| panic!("{form:?}: commit: {e}"));
        assert_eq!(
            (report.written, w.count("pairing"), w.count("village")),
            (4, 4, 4),
            "{form:?}: rows written, pairings, villages"
        );
    }
}

#[test]
fn the_conversions_took_a_measured_time() {
    let made = made();
    let names: Vec<&str> = made.took.iter().map(|(e, _)| *e).collect();
    assert_eq!(names, ["xlsx", "xls", "ods"], "each form converted once");
    for form in FORMS {
        for stem in ["兰山区二季度报表", "兰山区结对台账"] {
            let path = made.path(stem, form);
            let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
            assert!(
                size > 1000,
                "{form:?}: {} is a real file ({size} bytes)",
                path.display()
            );
        }
    }
}
