//! Templates: each kind's .xlsx has its headers (required ones starred), an example row
//! that imports skip, the ledger's choices on a hidden list sheet, and a frozen header;
//! a template filled in by a clerk imports.

mod import_files;

use calamine::{open_workbook_auto, Data, Reader};
use import_files::*;
use taizhang_core::import::{self, ImportKind};

fn sheets(path: &std::path::Path) -> Vec<(String, Vec<Vec<String>>)> {
    let mut book = open_workbook_auto(path).expect("the template opens");
    book.sheet_names()
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).expect("sheet");
            let rows = range
                .rows()
                .map(|r| {
                    r.iter()
                        .map(|c| match c {
                            Data::Empty => String::new(),
                            other => other.to_string(),
                        })
                        .collect()
                })
                .collect();
            (name, rows)
        })
        .collect()
}

#[test]
fn every_kind_has_a_template_that_imports_as_nothing() {
    let w = world();
    // (kind, sheet name, headers, a choice list expected on the list sheet)
    let cases: Vec<(ImportKind, &str, Vec<&str>, &str)> = vec![
        (
            ImportKind::Entries,
            "完成情况",
            vec!["*指标", "*责任单位", "*日期", "*数值", "备注"],
            "结对企业数",
        ),
        (
            ImportKind::Targets,
            "目标",
            vec![
                "*指标",
                "*责任单位",
                "年度",
                "开始日期",
                "结束日期",
                "*目标值",
            ],
            "兰山区",
        ),
        (
            ImportKind::Enterprises,
            "企业",
            vec![
                "*企业名称",
                "统一社会信用代码",
                "企业类型",
                "所属区县",
                "联系人",
            ],
            "民营",
        ),
        (
            ImportKind::Villages,
            "行政村",
            vec!["*所属区县", "*所属乡镇", "*行政村"],
            "罗庄区",
        ),
        (
            ImportKind::Pairings,
            "结对关系",
            vec![
                "*企业名称",
                "统一社会信用代码",
                "*行政村",
                "*所属乡镇",
                "*所属区县",
                "*签约时间",
                "责任单位",
                "状态",
                "备注",
            ],
            "结对中",
        ),
        (
            ImportKind::Projects,
            "合作项目",
            vec![
                "*企业名称",
                "统一社会信用代码",
                "*行政村",
                "所属乡镇",
                "所属区县",
                "*项目名称",
                "项目类型",
                "*签约时间",
                "投资金额",
                "项目状态",
                "受益人数",
            ],
            "实施中",
        ),
        (
            ImportKind::Activity {
                register: "visit".into(),
            },
            "走访企业商会",
            vec!["*事项", "*日期", "*责任单位", "*走访对象", "走访人数"],
            "商会",
        ),
    ];
    for (kind, name, headers, choice) in cases {
        let bytes = import::template(&kind, &w.ledger).expect("template");
        let path = w.file("template.xlsx");
        std::fs::write(&path, bytes).expect("write");
        let got = sheets(&path);
        assert_eq!(got[0].0, name, "{kind:?}: the sheet's name");
        assert_eq!(got[0].1[0], headers, "{kind:?}: headers");
        assert!(
            got[0].1[1][0].starts_with("（示例）"),
            "{kind:?}: the example row is marked: {:?}",
            got[0].1[1]
        );
        let lists = got.iter().find(|(n, _)| n == "选项").map(|(_, rows)| rows);
        let has = lists.is_some_and(|rows| rows.iter().flatten().any(|c| c == choice));
        assert!(has, "{kind:?}: the list sheet offers {choice:?}");
        let p = import::preview(&w.ledger, &kind, &path, None).expect("preview the template");
        assert_eq!(p.problems, vec![], "{kind:?}: no problems");
        assert_eq!(
            (p.rows.len(), p.skipped),
            (0, 1),
            "{kind:?}: (rows, skipped): the example row is skipped"
        );
    }
}

#[test]
fn entries_offer_only_indicators_that_take_typed_figures() {
    let w = world();
    let path = w.file("entries.xlsx");
    std::fs::write(
        &path,
        import::template(&ImportKind::Entries, &w.ledger).expect("template"),
    )
    .unwrap();
    let got = sheets(&path);
    let lists = &got
        .iter()
        .find(|(n, _)| n == "选项")
        .expect("a list sheet")
        .1;
    let indicators: Vec<&str> = lists
        .iter()
        .skip(1)
        .map(|r| r[0].as_str())
        .filter(|s| !s.is_empty())
        .collect();
    assert_eq!(
        indicators,
        ["结对企业数", "帮扶资金"],
        "the derived 结对共建企业 is not offered"
    );
}

#[test]
fn a_filled_in_template_imports() {
    let mut w = world();
    let path = w.file("filled.xlsx");
    xlsx(
        &path,
        &[sheet(
            "完成情况",
            vec![
                vec![
                    t("*指标"),
                    t("*责任单位"),
                    t("*日期"),
                    t("*数值"),
                    t("备注"),
                ],
                vec![
                    t("（示例）结对企业数"),
                    t("临沂市"),
                    X::D(day(2024, 7, 14)),
                    X::N(10.0),
                    t("可留空"),
                ],
                vec![
                    t("结对企业数"),
                    t("兰山区"),
                    X::D(day(2024, 7, 1)),
                    X::N(4.0),
                    X::Blank,
                ],
            ],
        )],
    );
    let report = import::commit(
        &mut w.ledger,
        &actor(),
        &ImportKind::Entries,
        &path,
        None,
        &mut |_, _| {},
    )
    .expect("import");
    assert_eq!(
        (report.written, report.skipped),
        (1, 1),
        "(written, skipped)"
    );
}

#[test]
fn a_template_is_written_to_a_file_or_not_at_all() {
    let w = world();
    let path = w.file("完成情况导入模板.xlsx");
    import::template_to_file(&ImportKind::Entries, &w.ledger, &path).expect("template written");
    let book = sheets(&path);
    assert_eq!(
        book[0].1[0][0], "*指标",
        "the written file opens with its header, got {:?}",
        book[0].1[0]
    );
    // (where, the error's code)
    let cases = [
        (w.file("没有这个文件夹/模板.xlsx"), "write_failed"),
        (w.file(""), "write_failed"), // the folder itself
    ];
    for (bad, code) in cases {
        let err = import::template_to_file(&ImportKind::Entries, &w.ledger, &bad)
            .expect_err("an unwritable path is refused");
        assert_eq!(err.code(), code, "{}: {err}", bad.display());
    }
    let left: Vec<_> = std::fs::read_dir(w.dir.path())
        .expect("list the folder")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".part"))
        .collect();
    assert!(left.is_empty(), "no partial file left behind, got {left:?}");
}
