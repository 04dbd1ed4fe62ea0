//! Importing targets, enterprises, villages, pairings (creating their enterprises and
//! villages once, reusing registered ones), cooperation projects and activity rows.

mod import_files;

use import_files::*;
use taizhang_core::import::{self, ImportKind};
use taizhang_core::ledger::TargetFilter;
use taizhang_core::register::credit_code::with_check;
use taizhang_core::register::enterprise::{EnterpriseFilter, NewEnterprise};
use taizhang_core::register::pairing::PairingFilter;
use taizhang_core::register::project::ProjectFilter;

fn commit(
    w: &mut World,
    kind: &ImportKind,
    path: &std::path::Path,
) -> taizhang_core::Result<import::ImportReport> {
    import::commit(&mut w.ledger, &actor(), kind, path, None, &mut |_, _| {})
}

fn code(n: u32) -> String {
    with_check(&format!("91371302MA{n:07}")).expect("a valid credit code")
}

/// The code with a wrong check character.
fn bad_code(good: &str) -> String {
    let wrong = if good.ends_with('0') { '1' } else { '0' };
    format!("{}{wrong}", &good[..17])
}

#[test]
fn targets_by_year_or_by_dates() {
    let mut w = world();
    let path = w.file("targets.csv");
    let text = "指标,单位,年度,开始日期,结束日期,目标值\n\
                CNT,兰山区,2024年,,,366\n\
                AMT,罗庄区,,2024-01-01,2024-06-30,\"1,000.5\"\n\
                CNT,罗庄区,2024,,,12\n";
    csv(&path, text, Encoding::Gbk);
    let report = commit(&mut w, &ImportKind::Targets, &path).expect("import targets");
    assert_eq!(report.written, 3, "targets written");
    let mut got: Vec<(String, f64)> = w
        .ledger
        .targets(&TargetFilter::default())
        .expect("targets")
        .iter()
        .map(|t| (format!("{}~{}", t.period.start, t.period.end), t.value))
        .collect();
    got.sort_by(|a, b| a.partial_cmp(b).unwrap());
    assert_eq!(
        got,
        [
            ("2024-01-01~2024-06-30".to_string(), 1000.5),
            ("2024-01-01~2024-12-31".to_string(), 12.0),
            ("2024-01-01~2024-12-31".to_string(), 366.0),
        ],
        "periods and values"
    );
    let changed = w.file("changed.csv");
    csv(
        &changed,
        "指标,单位,年度,目标值\nCNT,兰山区,2024,400\nCNT,兰山区,2023,1\n",
        Encoding::Utf8,
    );
    let p = import::preview(&w.ledger, &ImportKind::Targets, &changed, None).expect("preview");
    let dups: Vec<&str> = p.duplicates.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(
        dups,
        ["第2行：该指标、单位和期间已有目标（目标值 366），导入不会覆盖；如需修改请在目标页调整"],
        "an existing target is not overwritten"
    );
    assert_eq!(p.rows.len(), 1, "the 2023 target is new");
}

#[test]
fn enterprises_by_credit_code_or_name() {
    let mut w = world();
    w.ledger
        .write(&actor(), |wr| {
            wr.add_enterprise(NewEnterprise {
                name: "山东已有集团".into(),
                credit_code: Some(code(1)),
                ..NewEnterprise::default()
            })
        })
        .expect("an enterprise already registered");
    let path = w.file("enterprises.xlsx");
    xlsx(
        &path,
        &[sheet(
            "企业名单",
            vec![
                vec![
                    t("企业名称"),
                    t("统一社会信用代码"),
                    t("企业性质"),
                    t("所属县区"),
                    t("联系人"),
                ],
                vec![
                    t("临沂甲公司"),
                    t(&code(2)),
                    t("民营"),
                    t("兰山区"),
                    t("王"),
                ],
                vec![
                    t("改了名的已有集团"),
                    t(&code(1)),
                    X::Blank,
                    X::Blank,
                    X::Blank,
                ],
                vec![t("临沂乙公司"), X::Blank, t("国有企业"), X::Blank, X::Blank],
                vec![t("临沂 乙公司"), X::Blank, X::Blank, X::Blank, X::Blank],
                vec![
                    t("临沂丙公司"),
                    t(&bad_code(&code(3))),
                    t("外星"),
                    X::Blank,
                    X::Blank,
                ],
            ],
        )],
    );
    let p = import::preview(&w.ledger, &ImportKind::Enterprises, &path, None).expect("preview");
    let right = code(3);
    let problems: Vec<String> = p.problems.iter().map(|x| x.message.clone()).collect();
    assert_eq!(
        problems,
        [
            format!(
                "第6行「统一社会信用代码」「{}」有误：校验位应为 {}",
                bad_code(&right),
                &right[17..]
            ),
            "第6行「企业性质」「外星」不是可选的企业类型（民营、国有、外资、个体、集体、其他）"
                .to_string(),
        ],
        "two problems on row 6"
    );
    let dups: Vec<&str> = p.duplicates.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(
        dups,
        [
            "第3行：台账中已有该企业（信用代码或名称相同），不再导入",
            "第5行：与第4行重复，不再导入"
        ],
        "duplicates by credit code (in the ledger) and by name (in the file)"
    );
    let before = w.count("enterprise");
    assert_eq!(
        commit(&mut w, &ImportKind::Enterprises, &path)
            .expect_err("refused")
            .code(),
        "import_rejected",
        "code"
    );
    assert_eq!(w.count("enterprise"), before, "nothing written");

    let fixed = w.file("fixed.csv");
    csv(
        &fixed,
        &format!(
            "企业名称,信用代码,类型\n临沂甲公司,{},民营\n临沂乙公司,,国有\n",
            code(2)
        ),
        Encoding::Utf8Bom,
    );
    let report = commit(&mut w, &ImportKind::Enterprises, &fixed).expect("import");
    assert_eq!(report.written, 2, "two enterprises");
    let page = w
        .ledger
        .enterprises(&EnterpriseFilter::default())
        .expect("enterprises");
    assert_eq!(page.total, 3, "enterprises in the ledger");
}

#[test]
fn pairings_create_new_enterprises_and_villages_once_and_reuse_registered_ones() {
    let mut w = world();
    w.ledger
        .write(&actor(), |wr| {
            wr.add_enterprise(NewEnterprise {
                name: "临沂老企业有限公司".into(),
                ..NewEnterprise::default()
            })
        })
        .expect("a registered enterprise");
    let path = w.file("pairings.xlsx");
    let mut s = sheet(
        "结对名单",
        vec![
            vec![t("万企兴万村结对名单")],
            vec![
                t("企业"),
                t("区县"),
                t("乡镇"),
                t("结对村"),
                t("结对时间"),
                t("备注"),
            ],
            vec![
                t("临沂新企业有限公司"),
                t("兰山区"),
                t("枣园镇"),
                t("东村"),
                t("2024年3月1日"),
                X::Blank,
            ],
            vec![
                t("临沂新企业有限公司"),
                X::Blank,
                t("枣园镇"),
                t("西村"),
                X::N(45352.0),
                X::Blank,
            ],
            vec![
                t("临沂老企业有限公司"),
                t("罗庄区"),
                t("册山街道"),
                t("东村"),
                t("2024.3.5"),
                t("老企业"),
            ],
            vec![
                t("临沂新企业有限公司"),
                t("兰山区"),
                t("枣园镇"),
                t("东村"),
                t("2024-03-09"),
                t("同一对"),
            ],
            vec![
                t("合计"),
                X::Blank,
                X::Blank,
                t("3个村"),
                X::Blank,
                X::Blank,
            ],
        ],
    );
    s.merges.push((0, 0, 0, 5));
    s.merges.push((2, 1, 3, 1));
    xlsx(&path, &[s]);
    let p = import::preview(&w.ledger, &ImportKind::Pairings, &path, None).expect("preview");
    assert_eq!(p.problems, vec![], "no problems");
    let creates: Vec<(u32, Vec<String>)> =
        p.rows.iter().map(|r| (r.row, r.creates.clone())).collect();
    assert_eq!(
        creates,
        [
            (
                3,
                vec![
                    "新建企业「临沂新企业有限公司」".to_string(),
                    "新建行政村「兰山区枣园镇东村」".to_string()
                ]
            ),
            (4, vec!["新建行政村「兰山区枣园镇西村」".to_string()]),
            (5, vec!["新建行政村「罗庄区册山街道东村」".to_string()]),
        ],
        "what each row creates"
    );
    assert_eq!(
        (p.new_enterprises, p.new_villages),
        (1, 3),
        "new (enterprises, villages)"
    );
    let dups: Vec<&str> = p.duplicates.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(
        dups,
        ["第6行：与第3行重复，不再导入"],
        "the same pair twice"
    );
    assert_eq!(p.skipped, 1, "the 合计 row");

    let report = commit(&mut w, &ImportKind::Pairings, &path).expect("import pairings");
    assert_eq!(
        (report.written, report.new_enterprises, report.new_villages),
        (3, 1, 3),
        "(pairings, enterprises, villages) written"
    );
    let counts = (
        w.count("pairing"),
        w.count("enterprise"),
        w.count("village"),
    );
    assert_eq!(
        counts,
        (3, 2, 3),
        "(pairings, enterprises, villages) in the ledger"
    );
    let again = commit(&mut w, &ImportKind::Pairings, &path).expect("again");
    assert_eq!(
        (again.written, again.duplicates),
        (0, 4),
        "a second import adds nothing"
    );
    let counts = (
        w.count("pairing"),
        w.count("enterprise"),
        w.count("village"),
    );
    assert_eq!(counts, (3, 2, 3), "unchanged after the second import");
    let page = w
        .ledger
        .pairings(&PairingFilter {
            search: Some("西村".into()),
            ..PairingFilter::default()
        })
        .expect("pairings");
    assert_eq!(
        page.rows[0].signed_on,
        day(2024, 3, 1),
        "an Excel serial date (45352)"
    );
    assert_eq!(
        page.rows[0].county, "兰山区",
        "the county merged over two rows"
    );
}

#[test]
fn projects_find_their_pairing_by_enterprise_and_village() {
    let mut w = world();
    let pairings = w.file("p.csv");
    csv(
        &pairings,
        "企业名称,所属区县,所属乡镇,行政村,签约时间\n甲公司,兰山区,枣园镇,东村,2024-01-02\n甲公司,罗庄区,册山街道,东村,2024-01-03\n乙公司,兰山区,枣园镇,西村,2024-01-04\n",
        Encoding::Utf8,
    );
    commit(&mut w, &ImportKind::Pairings, &pairings).expect("pairings");
    let path = w.file("projects.xlsx");
    xlsx(
        &path,
        &[sheet(
            "项目",
            vec![
                vec![
                    t("企业名称"),
                    t("结对村"),
                    t("乡镇"),
                    t("项目名称"),
                    t("项目类型"),
                    t("签约日期"),
                    t("投资金额（万元）"),
                    t("受益人数"),
                ],
                vec![
                    t("乙公司"),
                    t("西村"),
                    X::Blank,
                    t("大棚"),
                    t("产业"),
                    t("2024-02-01"),
                    t("1,500.5"),
                    X::N(30.0),
                ],
                vec![
                    t("甲公司"),
                    t("东村"),
                    t("册山街道"),
                    t("就业车间"),
                    t("就业帮扶"),
                    t("2024-02-02"),
                    X::Blank,
                    X::Blank,
                ],
                vec![
                    t("甲公司"),
                    t("东村"),
                    X::Blank,
                    t("光伏"),
                    X::Blank,
                    t("2024-02-03"),
                    X::N(10.0),
                    X::Blank,
                ],
                vec![
                    t("丙公司"),
                    t("南村"),
                    X::Blank,
                    t("修路"),
                    X::Blank,
                    t("2024-02-04"),
                    X::N(10.0),
                    X::Blank,
                ],
                vec![
                    t("乙公司"),
                    t("西村"),
                    X::Blank,
                    t("冷库"),
                    X::Blank,
                    t("2024-02-05"),
                    t("约50"),
                    X::N(-3.0),
                ],
            ],
        )],
    );
    let p = import::preview(&w.ledger, &ImportKind::Projects, &path, None).expect("preview");
    let want: Vec<(Option<u32>, Option<String>, String)> = vec![
        (
            Some(4),
            Some("结对村".into()),
            "第4行「结对村」企业「甲公司」与多个「东村」结对，请填写「乡镇」「区县」以区分".into(),
        ),
        (
            Some(5),
            Some("结对村".into()),
            "第5行「结对村」找不到企业「丙公司」与「南村」的结对关系，请先导入结对关系".into(),
        ),
        (
            Some(6),
            Some("投资金额（万元）".into()),
            "第6行「投资金额（万元）」不是数字：约50".into(),
        ),
        (
            Some(6),
            Some("受益人数".into()),
            "第6行「受益人数」不能为负数：-3".into(),
        ),
    ];
    let got: Vec<_> = p
        .problems
        .iter()
        .map(|x| (x.row, x.column.clone(), x.message.clone()))
        .collect();
    assert_eq!(got, want, "problems: (row, column, message)");
    let rows: Vec<(u32, Vec<&str>)> = p
        .rows
        .iter()
        .map(|r| (r.row, r.values.iter().map(String::as_str).collect()))
        .collect();
    assert_eq!(rows.len(), 2, "rows 2 and 3 are fine: {rows:?}");

    let fixed = w.file("fixed.xlsx");
    xlsx(
        &fixed,
        &[sheet(
            "项目",
            vec![
                vec![
                    t("企业名称"),
                    t("结对村"),
                    t("乡镇"),
                    t("项目名称"),
                    t("项目类型"),
                    t("签约日期"),
                    t("投资金额（万元）"),
                    t("受益人数"),
                ],
                vec![
                    t("乙公司"),
                    t("西村"),
                    X::Blank,
                    t("大棚"),
                    t("产业"),
                    t("2024-02-01"),
                    t("1,500.5"),
                    X::N(30.0),
                ],
                vec![
                    t("甲公司"),
                    t("东村"),
                    t("册山街道"),
                    t("就业车间"),
                    t("就业帮扶"),
                    t("2024-02-02"),
                    X::Blank,
                    X::Blank,
                ],
            ],
        )],
    );
    let report = commit(&mut w, &ImportKind::Projects, &fixed).expect("projects");
    assert_eq!(report.written, 2, "projects written");
    let page = w
        .ledger
        .projects(&ProjectFilter::default())
        .expect("projects");
    let mut got: Vec<(String, String, Option<f64>, Option<u32>)> = page
        .rows
        .iter()
        .map(|x| {
            (
                x.name.clone(),
                x.county.clone(),
                x.investment,
                x.beneficiaries,
            )
        })
        .collect();
    got.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        got,
        [
            (
                "大棚".to_string(),
                "兰山区".to_string(),
                Some(1500.5),
                Some(30)
            ),
            ("就业车间".to_string(), "罗庄区".to_string(), None, None),
        ],
        "(name, county of the village, investment, beneficiaries)"
    );
    let again = commit(&mut w, &ImportKind::Projects, &fixed).expect("again");
    assert_eq!(
        (again.written, again.duplicates),
        (0, 2),
        "a second import adds nothing"
    );
}

#[test]
fn activity_rows_read_their_fields_by_label() {
    let mut w = world();
    let kind = ImportKind::Activity {
        register: "visit".into(),
    };
    let path = w.file("visits.csv");
    csv(
        &path,
        "走访台账\n日期,单位,事项,走访对象,走访人数\n2024-04-01,兰山区,走访A公司,企业,3\n2024-04-02,罗庄区,走访商会,商会,\n2024-04-03,罗庄区,走访B,协会,2.5\n",
        Encoding::Gbk,
    );
    let p = import::preview(&w.ledger, &kind, &path, None).expect("preview");
    let got: Vec<&str> = p.problems.iter().map(|x| x.message.as_str()).collect();
    assert_eq!(
        got,
        [
            "第5行「走访对象」「协会」不是可选项（企业、商会）",
            "第5行「走访人数」最多允许 0 位小数：2.5"
        ],
        "problems"
    );
    let ok = w.file("visits-ok.csv");
    csv(&ok, "日期,单位,事项,走访对象,走访人数\n2024-04-01,兰山区,走访A公司,企业,3\n2024-04-02,罗庄区,走访商会,商会,\n", Encoding::Gbk);
    assert_eq!(
        commit(&mut w, &kind, &ok).expect("visits").written,
        2,
        "visits written"
    );
    assert_eq!(
        commit(&mut w, &kind, &ok).expect("again").written,
        0,
        "again: nothing"
    );
    assert_eq!(w.count("register_row"), 2, "register rows");

    let reports = ImportKind::Activity {
        register: "report".into(),
    };
    let path = w.file("reports.csv");
    csv(&path, "标题,日期,责任单位,状态\n关于民营经济的调研,2024-05-01,市工商联,已采用\n另一篇,2024-05-02,市工商联,待定\n", Encoding::Utf8);
    let p = import::preview(&w.ledger, &reports, &path, None).expect("preview");
    let got: Vec<&str> = p.problems.iter().map(|x| x.message.as_str()).collect();
    assert_eq!(
        got,
        ["第3行「状态」「待定」不是可选状态（已报送、已采用）"],
        "status problems"
    );
}
