//! Reading the files clerks bring: title rows above the header, messy and synonymous
//! headers, merged cells, every date form, Excel serials, GBK and BOM CSVs, 合计 and
//! blank rows, a corrected column mapping, unreadable files.

mod import_files;

use import_files::*;
use taizhang_core::import::{self, ColumnMapping, ImportKind, MappedColumn, SheetMapping};
use taizhang_core::EntryFilter;

fn preview(w: &World, path: &std::path::Path) -> import::ImportPreview {
    import::preview(&w.ledger, &ImportKind::Entries, path, None).expect("preview")
}

#[test]
fn finds_the_header_below_title_rows_and_maps_synonyms() {
    let w = world();
    let path = w.file("messy.xlsx");
    let mut s = sheet(
        "2024年",
        vec![
            vec![
                t("临沂市2024年结对共建完成情况台账"),
                t(""),
                t(""),
                t(""),
                t(""),
                t(""),
            ],
            vec![
                t("填报单位：市工商联"),
                X::Blank,
                X::Blank,
                X::Blank,
                t("单位：家"),
                X::Blank,
            ],
            vec![
                t("序号"),
                t(" 指标名称 "),
                t("填报单位"),
                t("完成日期"),
                t("完成值（家）"),
                t("情况说明"),
            ],
            vec![
                X::N(1.0),
                t("结对企业数"),
                t("兰山区"),
                X::D(day(2024, 3, 5)),
                X::N(12.0),
                t("第一批"),
            ],
            vec![
                X::N(2.0),
                t("ＣＮＴ"),
                t("  罗庄区"),
                t("2024/3/6"),
                t("1,200"),
                X::Blank,
            ],
        ],
    );
    s.merges.push((0, 0, 0, 5));
    xlsx(&path, &[s]);
    let p = preview(&w, &path);
    assert_eq!(p.problems, vec![], "no problems");
    let m = &p.mapping.sheets[0];
    assert_eq!(
        m.header_row,
        Some(3),
        "the header is the third row, below two title rows"
    );
    let got: Vec<(&str, Option<&str>)> = m
        .columns
        .iter()
        .map(|c| (c.header.as_str(), c.field.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("序号", None),
            ("指标名称", Some("indicator")),
            ("填报单位", Some("unit")),
            ("完成日期", Some("occurred_on")),
            ("完成值（家）", Some("value")),
            ("情况说明", Some("note")),
        ],
        "columns matched by synonym"
    );
    let rows: Vec<(u32, Vec<&str>)> = p
        .rows
        .iter()
        .map(|r| (r.row, r.values.iter().map(String::as_str).collect()))
        .collect();
    assert_eq!(
        rows,
        [
            (
                4,
                vec!["结对企业数", "兰山区", "2024-03-05", "12", "第一批"]
            ),
            (5, vec!["结对企业数", "罗庄区", "2024-03-06", "1200", ""]),
        ],
        "rows by Excel row number, cleaned (full-width code, spaces, thousands separator)"
    );
}

#[test]
fn every_date_form_and_excel_serials() {
    // (how the date is written, the day it means)
    let cases: Vec<(X, chrono::NaiveDate)> = vec![
        (X::D(day(2024, 3, 5)), day(2024, 3, 5)),
        (X::N(45357.0), day(2024, 3, 6)),
        (t("45358"), day(2024, 3, 7)),
        (t("2024-03-08"), day(2024, 3, 8)),
        (t("2024/3/9"), day(2024, 3, 9)),
        (t("2024.3.10"), day(2024, 3, 10)),
        (t("2024年3月11日"), day(2024, 3, 11)),
        (t("２０２４－０３－１２"), day(2024, 3, 12)),
        (t("20240313"), day(2024, 3, 13)),
        (t("2024-03-14 00:00:00"), day(2024, 3, 14)),
    ];
    let w = world();
    let path = w.file("dates.xlsx");
    let mut rows = vec![vec![t("指标"), t("责任单位"), t("日期"), t("数值")]];
    for (i, (cell, _)) in cases.iter().enumerate() {
        rows.push(vec![
            t("CNT"),
            t("兰山区"),
            cell.clone(),
            X::N(i as f64 + 1.0),
        ]);
    }
    xlsx(&path, &[sheet("Sheet1", rows)]);
    let p = preview(&w, &path);
    assert_eq!(p.problems, vec![], "every form is a date");
    for (i, (cell, want)) in cases.iter().enumerate() {
        assert_eq!(
            p.rows[i].values[2],
            want.to_string(),
            "date written as {cell:?}"
        );
    }
}

#[test]
fn merged_cells_fill_their_region() {
    let w = world();
    let path = w.file("merged.xlsx");
    let mut s = sheet(
        "Sheet1",
        vec![
            vec![t("责任单位"), t("指标"), t("日期"), t("数值")],
            vec![t("兰山区"), t("CNT"), t("2024-01-05"), X::N(1.0)],
            vec![X::Blank, t("CNT"), t("2024-01-06"), X::N(2.0)],
            vec![X::Blank, t("AMT"), t("2024-01-07"), X::N(3.5)],
            vec![t("罗庄区"), t("CNT"), t("2024-01-08"), X::N(4.0)],
        ],
    );
    s.merges.push((1, 0, 3, 0));
    xlsx(&path, &[s]);
    let p = preview(&w, &path);
    assert_eq!(p.problems, vec![], "no problems");
    let units: Vec<&str> = p.rows.iter().map(|r| r.values[1].as_str()).collect();
    assert_eq!(
        units,
        ["兰山区", "兰山区", "兰山区", "罗庄区"],
        "a unit merged over three rows"
    );
}

#[test]
fn csv_in_utf8_with_or_without_bom_and_in_gbk() {
    let text = "临沂市完成情况\n指标,单位,日期,数量,备注\n结对企业数,兰山区,2024/3/5,\"1,234\",全角：ＡＢＣ\n\n,,,,\n帮扶资金,罗庄区,2024年3月6日,12.5,\n合计,,,\"1,246.5\",\n";
    let want = vec![
        vec!["结对企业数", "兰山区", "2024-03-05", "1234", "全角:ABC"],
        vec!["帮扶资金", "罗庄区", "2024-03-06", "12.5", ""],
    ];
    let w = world();
    for (name, encoding) in [
        ("utf8.csv", Encoding::Utf8),
        ("bom.csv", Encoding::Utf8Bom),
        ("gbk.csv", Encoding::Gbk),
    ] {
        let path = w.file(name);
        csv(&path, text, encoding);
        let p = preview(&w, &path);
        assert_eq!(p.problems, vec![], "{name}: no problems");
        let got: Vec<Vec<&str>> = p
            .rows
            .iter()
            .map(|r| r.values.iter().map(String::as_str).collect())
            .collect();
        assert_eq!(got, want, "{name}: rows");
        let numbers: Vec<u32> = p.rows.iter().map(|r| r.row).collect();
        assert_eq!(numbers, [3, 6], "{name}: row numbers as in the file");
        assert_eq!(
            p.skipped, 3,
            "{name}: two blank rows and the 合计 row skipped"
        );
    }
}

#[test]
fn a_corrected_mapping_replaces_the_guess() {
    let w = world();
    let path = w.file("odd.csv");
    csv(
        &path,
        "甲,乙,丙,丁\nCNT,兰山区,2024-05-01,7\n",
        Encoding::Utf8,
    );
    let guessed = preview(&w, &path);
    assert_eq!(
        guessed.mapping.sheets[0].header_row, None,
        "no header recognised"
    );
    assert_eq!(
        guessed.problems.len(),
        1,
        "one problem: {:?}",
        guessed.problems
    );
    assert!(
        guessed.problems[0].message.starts_with("没有找到表头"),
        "says the header is missing: {}",
        guessed.problems[0].message
    );
    let col = |index: u32, field: &str| MappedColumn {
        index,
        letter: String::new(),
        header: String::new(),
        field: Some(field.into()),
    };
    let mapping = ColumnMapping {
        sheets: vec![SheetMapping {
            sheet: "odd".into(),
            header_row: Some(1),
            columns: vec![
                col(0, "indicator"),
                col(1, "unit"),
                col(2, "occurred_on"),
                col(3, "value"),
            ],
        }],
    };
    let p =
        import::preview(&w.ledger, &ImportKind::Entries, &path, Some(&mapping)).expect("preview");
    assert_eq!(p.problems, vec![], "no problems with the mapping");
    assert_eq!(p.rows.len(), 1, "one row");
    let headers: Vec<&str> = p.mapping.sheets[0]
        .columns
        .iter()
        .map(|c| c.header.as_str())
        .collect();
    assert_eq!(
        headers,
        ["甲", "乙", "丙", "丁"],
        "header texts filled in from the sheet"
    );
    let mut w = w;
    let report = import::commit(
        &mut w.ledger,
        &actor(),
        &ImportKind::Entries,
        &path,
        Some(&mapping),
        &mut |_, _| {},
    )
    .expect("commit");
    assert_eq!(report.written, 1, "written");
    let entries = w.ledger.entries(&EntryFilter::default()).expect("entries");
    assert_eq!(
        (entries[0].value, entries[0].occurred_on),
        (7.0, day(2024, 5, 1)),
        "the entry"
    );
}

#[test]
fn unreadable_files_say_which_and_why() {
    let w = world();
    let corrupt = w.file("坏文件.xlsx");
    std::fs::write(&corrupt, b"this is not a zip archive").unwrap();
    let missing = w.file("不存在.xlsx");
    let word = w.file("报告.docx");
    std::fs::write(&word, b"PK").unwrap();
    let gibberish = w.file("乱码.csv");
    std::fs::write(&gibberish, [0xFFu8, 0xFF, 0x81, 0x20, 0xFE]).unwrap();
    // (file, code, words the message must contain)
    let cases = [
        (&corrupt, "unreadable_file", "坏文件.xlsx"),
        (&missing, "unreadable_file", "文件不存在"),
        (&word, "unsupported_file", "报告.docx"),
        (&gibberish, "unreadable_file", "编码"),
    ];
    for (path, code, words) in cases {
        let err = import::preview(&w.ledger, &ImportKind::Entries, path, None)
            .expect_err("an unreadable file is an error");
        assert_eq!(err.code(), code, "code for {}", path.display());
        let msg = err.to_string();
        assert!(
            msg.contains(words),
            "message for {} should contain {words:?}: {msg}",
            path.display()
        );
    }
}
