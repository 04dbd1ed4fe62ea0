//! The rules of input in an import's preview (issue 12): a control character, an over-long
//! note, a value above the ceiling, a village in the city, a project before its pairing
//! and an overlapping target are problems at their sheet, row and column, and nothing is
//! written.

mod import_files;

use import_files::*;
use taizhang_core::import::{self, ImportKind};

/// The file's problems as (row, column, message), after checking that committing it
/// writes nothing to `table`.
fn problems(
    w: &mut World,
    kind: &ImportKind,
    name: &str,
    text: &str,
    table: &str,
) -> Vec<(u32, String, String)> {
    let path = w.file(name);
    csv(&path, text, Encoding::Utf8);
    let before = w.count(table);
    let p = import::preview(&w.ledger, kind, &path, None).expect("preview");
    let refused = import::commit(&mut w.ledger, &actor(), kind, &path, None, &mut |_, _| {});
    assert_eq!(
        refused.err().map(|e| e.code()),
        Some("import_rejected"),
        "{name}: the import is refused"
    );
    assert_eq!(w.count(table), before, "{name}: nothing written to {table}");
    p.problems
        .iter()
        .map(|p| {
            let stem = name.trim_end_matches(".csv");
            assert_eq!(p.sheet, stem, "{name}: a CSV's one sheet is named after it");
            (
                p.row.expect("a row"),
                p.column.clone().unwrap_or_default(),
                p.message.clone(),
            )
        })
        .collect()
}

fn row(r: u32, column: &str, message: &str) -> (u32, String, String) {
    (r, column.to_string(), message.to_string())
}

#[test]
fn control_characters_and_long_texts_are_problems_at_their_cell() {
    let mut w = world();
    let long = "很".repeat(501);
    let text = format!(
        "指标,单位,日期,数值,备注\n\
         CNT,兰山区,2024-03-01,1,正常\n\
         CNT,兰山区,2024-03-02,1,红\u{1b}[31m色\n\
         CNT,兰\0山区,2024-03-03,1,\n\
         CNT,兰山区,2024-03-04,1,{long}\n"
    );
    let got = problems(
        &mut w,
        &ImportKind::Entries,
        "entries.csv",
        &text,
        "progress_entry",
    );
    assert_eq!(
        got,
        [
            row(
                3,
                "备注",
                "第3行「备注」含有不可见的控制字符（第2个字符），请删除后再导入"
            ),
            row(
                4,
                "单位",
                "第4行「单位」含有不可见的控制字符（第2个字符），请删除后再导入"
            ),
            row(5, "备注", "第5行「备注」不能超过 500 个字符（现有 501 个）"),
        ],
        "one problem per cell, where it is"
    );
}

#[test]
fn values_above_the_ceiling_or_too_small_are_problems() {
    let mut w = world();
    let text = "指标,单位,日期,数值\n\
                CNT,兰山区,2024-03-01,1e15\n\
                CNT,兰山区,2024-03-02,1e-300\n\
                AMT,兰山区,2024-03-03,0.001\n";
    let got = problems(
        &mut w,
        &ImportKind::Entries,
        "values.csv",
        text,
        "progress_entry",
    );
    assert_eq!(
        got,
        [
            row(
                2,
                "数值",
                "第2行「数值」1e15 超出该指标的合理上限 1,000,000,000"
            ),
            row(
                3,
                "数值",
                "第3行「数值」1e-300 小于该指标的最小单位 1，请检查是否输错"
            ),
            row(
                4,
                "数值",
                "第4行「数值」0.001 小于该指标的最小单位 0.01，请检查是否输错"
            ),
        ]
    );
    let targets = "指标,单位,年度,目标值\nCNT,兰山区,2024,2000000000\n";
    let got = problems(
        &mut w,
        &ImportKind::Targets,
        "targets.csv",
        targets,
        "target",
    );
    assert_eq!(
        got,
        [row(
            2,
            "目标值",
            "第2行「目标值」2000000000 超出该指标的合理上限 1,000,000,000"
        )]
    );
}

#[test]
fn a_village_in_the_city_or_a_department_is_a_problem() {
    let mut w = world();
    let text = "所属区县,乡镇,行政村\n兰山区,枣园镇,东村\n临沂市,城区,城中村\n市工商联,城区,西村\n";
    let got = problems(
        &mut w,
        &ImportKind::Villages,
        "villages.csv",
        text,
        "village",
    );
    assert_eq!(
        got,
        [
            row(
                3,
                "所属区县",
                "第3行「所属区县」应为区县或功能区，「临沂市」是市"
            ),
            row(
                4,
                "所属区县",
                "第4行「所属区县」应为区县或功能区，「市工商联」是部门"
            ),
        ]
    );
}

#[test]
fn a_project_before_its_pairing_is_a_problem() {
    let mut w = world();
    let pairings = w.file("pairings.csv");
    csv(
        &pairings,
        "企业名称,所属区县,所属乡镇,行政村,签约时间,备注\n甲公司,兰山区,枣园镇,东村,2024-03-01,结对\n",
        Encoding::Utf8,
    );
    import::commit(
        &mut w.ledger,
        &actor(),
        &ImportKind::Pairings,
        &pairings,
        None,
        &mut |_, _| {},
    )
    .expect("the pairing");
    let text = "企业名称,行政村,项目名称,签约时间,投资金额\n\
                甲公司,东村,冷库,2024-03-01,12.3456\n\
                甲公司,东村,大棚,2024-02-28,1\n";
    let got = problems(
        &mut w,
        &ImportKind::Projects,
        "projects.csv",
        text,
        "coop_project",
    );
    assert_eq!(
        got,
        [row(
            3,
            "签约时间",
            "第3行「签约时间」2024-02-28 早于结对时间 2024-03-01：合作项目不能早于它的结对关系"
        )]
    );
}

#[test]
fn an_overlapping_target_is_a_problem_in_the_ledger_and_in_the_file() {
    let mut w = world();
    let first = w.file("first.csv");
    csv(
        &first,
        "指标,单位,年度,目标值\nCNT,兰山区,2024,100\n",
        Encoding::Utf8,
    );
    import::commit(
        &mut w.ledger,
        &actor(),
        &ImportKind::Targets,
        &first,
        None,
        &mut |_, _| {},
    )
    .expect("the 2024 target");
    let text = "指标,单位,年度,开始日期,结束日期,目标值\n\
                CNT,兰山区,,2024-07-01,2025-06-30,50\n\
                CNT,罗庄区,2025,,,10\n\
                CNT,罗庄区,,2025-04-01,2025-06-30,3\n";
    let got = problems(&mut w, &ImportKind::Targets, "overlap.csv", text, "target");
    assert_eq!(
        got,
        [
            row(2, "开始日期", "第2行「开始日期」与已有目标（2024-01-01 至 2024-12-31）的期间重叠：导入不会替换已有目标，如新目标取代它，请在目标页设置并确认替换"),
            row(4, "开始日期", "第4行「开始日期」与已有目标（2025-01-01 至 2025-12-31）的期间重叠：导入不会替换已有目标，如新目标取代它，请在目标页设置并确认替换"),
        ]
    );
}
