//! A unit's return through the window's commands: the preview per indicator, the commit
//! with its progress, the same file again 无变化, a bad figure refused with its position.

use std::path::{Path, PathBuf};

use serde_json::json;

use crate::desk::{assert_error, Desk};

/// A CSV return as a county saves it from Excel (UTF-8 with a BOM).
fn county_return(dir: &Path, figure: &str) -> PathBuf {
    let path = dir.join("兰陵县_2024年第三季度.csv");
    let text = format!(
        "\u{feff}兰陵县五大行动2024年第三季度进展情况统计表\r\n填报单位：兰陵县委统战部\r\n\
         序号,指标名称,本季度,滞后原因\r\n1,建言献策骨干队伍,{figure},\r\n"
    );
    std::fs::write(&path, text).expect("write the return");
    path
}

#[test]
fn a_return_is_previewed_committed_and_unchanged_the_second_time() {
    let desk = Desk::new();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = county_return(dir.path(), "６").display().to_string();
    let options = json!({"unit": "兰陵县", "period": {"kind": "quarter", "year": 2024, "q": 3}, "mapping": null});
    let preview = desk.ok("return_preview", json!({"path": path, "options": options}));
    assert_eq!(preview["problems"], json!([]), "no problem: {preview}");
    assert_eq!(
        preview["lines"][0]["value"],
        json!(6.0),
        "the period's value: {preview}"
    );
    assert_eq!(preview["unit"], json!("兰陵县"), "the unit");

    let commit = |desk: &Desk| {
        desk.ok(
            "return_commit",
            json!({"path": path, "options": options, "onProgress": "__CHANNEL__:7"}),
        )
    };
    let report = commit(&desk);
    assert_eq!(
        (report["written"].clone(), report["unchanged"].clone()),
        (json!(1), json!(false)),
        "first: {report}"
    );
    let again = commit(&desk);
    assert_eq!(
        (again["written"].clone(), again["unchanged"].clone()),
        (json!(0), json!(true)),
        "again: {again}"
    );
}

#[test]
fn a_bad_figure_is_refused_at_its_row_and_column() {
    let desk = Desk::new();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = county_return(dir.path(), "约6").display().to_string();
    let options = json!({"unit": "兰陵县", "period": {"kind": "quarter", "year": 2024, "q": 3}});
    let e = desk.err(
        "return_commit",
        json!({"path": path, "options": options, "onProgress": "__CHANNEL__:7"}),
    );
    assert_error(
        "bad figure",
        &e,
        "import_rejected",
        None,
        "第4行「本季度」不是数字：约6",
    );
}
