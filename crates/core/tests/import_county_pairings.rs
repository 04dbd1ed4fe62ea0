//! A county's own 结对台账: the county named in the title, each pairing's projects on
//! the rows below it with the pairing's cells merged (or left blank), imported as pairings
//! and projects in one all-or-nothing import; a bad project row is named by row and column.

mod returns_support;

use returns_support::*;
use taizhang_core::import::{self, ImportKind, ImportPreview};
use taizhang_core::register::pairing::PairingFilter;

const HEADING: [&str; 12] = [
    "序号",
    "企业名称",
    "统一社会信用代码",
    "企业类型",
    "结对村（社区）",
    "所属镇街",
    "结对时间",
    "合作项目名称",
    "项目类型",
    "投资金额（万元）",
    "项目状态",
    "备注",
];

/// The register; `investment` of the second project (row 6) as given.
fn register(path: &std::path::Path, title: &str, investment: X) {
    let p = |cells: [&str; 12]| cells.map(t).to_vec();
    let mut rows = vec![
        vec![t(title)],
        vec![t(
            "填报单位：兰陵县委统战部（盖章）　　填报时间：2024年10月8日",
        )],
        HEADING.map(t).to_vec(),
        p([
            "1",
            "山东兰陵华兴食品有限公司",
            "",
            "民营企业",
            "代村",
            "卞庄街道",
            "2024-03-15",
            "蔬菜深加工项目",
            "产业帮扶",
            "120",
            "实施中",
            "",
        ]),
        p([
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "冷链仓储项目",
            "产业帮扶",
            "",
            "已签约",
            "",
        ]),
        p([
            "2",
            "临沂鲁南建材有限公司",
            "",
            "民营",
            "压油沟村",
            "兰陵镇",
            "2024年5月20日",
            "道路硬化项目",
            "公益帮扶",
            "30",
            "已完成",
            "",
        ]),
        // The pairing's cells left blank rather than merged.
        p([
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "村集体光伏项目",
            "产业帮扶",
            "80.5",
            "实施中",
            "",
        ]),
        p([
            "3",
            "兰陵县国有资产运营有限公司",
            "",
            "国有企业",
            "向城村",
            "向城镇",
            "2024-06-01",
            "",
            "",
            "",
            "",
            "新结对，项目洽谈中",
        ]),
        vec![],
        vec![t("填报人：王五　　审核人：赵六　　联系电话：0539-5221234")],
    ];
    rows[4][9] = investment;
    // Pairing 1's cells merged down over its two project rows (序号 to 结对时间).
    let mut merges: Vec<(u32, u16, u32, u16)> = (0..7).map(|c| (3, c, 4, c)).collect();
    merges.extend([(0, 0, 0, 11), (1, 0, 1, 11), (9, 0, 9, 11)]);
    write_book(
        path,
        &[SheetSpec {
            name: "结对台账".into(),
            rows,
            merges,
            hidden: false,
        }],
    );
}

fn kind(county: Option<&str>) -> ImportKind {
    ImportKind::CountyPairings {
        county: county.map(Into::into),
    }
}

fn preview(w: &World, path: &std::path::Path, county: Option<&str>) -> ImportPreview {
    import::preview(&w.ledger, &kind(county), path, None).expect("preview")
}

#[test]
fn pairings_and_their_projects_below_them() {
    let mut w = world();
    let path = w.file("兰陵县万企兴万村结对台账.xlsx");
    register(&path, "兰陵县万企兴万村行动结对台账", t("５０"));
    let p = preview(&w, &path, None);
    let problems: Vec<&str> = p.problems.iter().map(|x| x.message.as_str()).collect();
    assert_eq!(problems, Vec::<&str>::new(), "no problem");
    assert_eq!(
        (p.rows.len(), p.new_enterprises, p.new_villages),
        (5, 3, 3),
        "rows, new enterprises, new villages"
    );
    let report = import::commit(
        &mut w.ledger,
        &actor(),
        &kind(None),
        &path,
        None,
        &mut |_, _| {},
    )
    .expect("commit");
    assert_eq!(report.written, 5, "rows written");
    assert_eq!(
        (w.count("pairing"), w.count("coop_project")),
        (3, 4),
        "pairings, projects"
    );
    let pairings = w
        .ledger
        .pairings(&PairingFilter::default())
        .expect("pairings")
        .rows;
    let mut got: Vec<(String, String, String)> = pairings
        .iter()
        .map(|p| (p.enterprise.clone(), p.county.clone(), p.unit.clone()))
        .collect();
    got.sort();
    assert!(
        got.iter()
            .all(|(_, county, unit)| county == "兰陵县" && unit == "兰陵县"),
        "county and responsible unit from the title, got {got:?}"
    );
    let conn = rusqlite::Connection::open(w.dir.path().join("ledger.db")).expect("open");
    let investment: f64 = conn
        .query_row(
            "SELECT investment_yuan / 10000.0 FROM coop_project WHERE name = '冷链仓储项目'",
            [],
            |r| r.get(0),
        )
        .expect("the second project of pairing 1");
    assert_eq!(investment, 50.0, "full-width ５０ read as 50");
    let again = import::commit(
        &mut w.ledger,
        &actor(),
        &kind(None),
        &path,
        None,
        &mut |_, _| {},
    )
    .expect("again");
    assert_eq!(
        (again.written, again.duplicates),
        (0, 5),
        "the same register again adds nothing"
    );
}

#[test]
fn a_bad_project_row_is_named_and_nothing_is_written() {
    let mut w = world();
    let path = w.file("有误.xlsx");
    register(&path, "兰陵县万企兴万村行动结对台账", t("约50"));
    let p = preview(&w, &path, None);
    let got: Vec<(Option<u32>, Option<String>, String)> = p
        .problems
        .iter()
        .map(|x| (x.row, x.column.clone(), x.message.clone()))
        .collect();
    assert_eq!(
        got,
        vec![(
            Some(5),
            Some("投资金额（万元）".into()),
            "第5行「投资金额（万元）」不是数字：约50".into()
        )],
        "the problem"
    );
    let refused = import::commit(
        &mut w.ledger,
        &actor(),
        &kind(None),
        &path,
        None,
        &mut |_, _| {},
    );
    assert!(refused.is_err(), "refused, got {refused:?}");
    assert_eq!(
        (
            w.count("pairing"),
            w.count("coop_project"),
            w.count("enterprise")
        ),
        (0, 0, 0),
        "nothing written"
    );
}

#[test]
fn the_county_from_the_person_when_the_title_names_none() {
    let w = world();
    let path = w.file("结对台账.xlsx");
    register(&path, "万企兴万村行动结对台账", t("50"));
    // The 填报单位 line still names 兰陵县: found there.
    assert_eq!(
        preview(&w, &path, None).problems.len(),
        0,
        "the county from the 填报单位 line"
    );
    let given = preview(&w, &path, Some("沂南县"));
    assert_eq!(given.problems.len(), 0, "the county given");
    assert!(
        given.rows[0].creates.iter().any(|c| c.contains("沂南县")),
        "villages of the given county, got {:?}",
        given.rows[0].creates
    );
}
