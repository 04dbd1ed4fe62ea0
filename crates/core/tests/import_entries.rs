//! Importing progress entries: bad cells reported at their sheet, row and column with
//! nothing written; duplicates in the ledger and within the file; the same file twice
//! adds nothing; the progress callback.

mod import_files;

use import_files::*;
use taizhang_core::import::{self, ImportKind};
use taizhang_core::EntryFilter;

const HEADER: [&str; 5] = ["指标", "责任单位", "日期", "数值", "备注"];

fn entries_file(w: &World, name: &str, rows: Vec<Vec<X>>) -> std::path::PathBuf {
    let path = w.file(name);
    let mut all = vec![
        vec![t("2024年完成情况")],
        HEADER.iter().map(|h| t(h)).collect(),
    ];
    all.extend(rows);
    xlsx(&path, &[sheet("完成情况", all)]);
    path
}

fn row(ind: &str, unit: &str, date: X, value: X, note: &str) -> Vec<X> {
    vec![t(ind), t(unit), date, value, t(note)]
}

fn commit(w: &mut World, path: &std::path::Path) -> taizhang_core::Result<import::ImportReport> {
    import::commit(
        &mut w.ledger,
        &actor(),
        &ImportKind::Entries,
        path,
        None,
        &mut |_, _| {},
    )
}

#[test]
fn a_bad_cell_is_reported_where_it_is_and_nothing_is_written() {
    let good = row("CNT", "兰山区", t("2024-03-05"), X::N(3.0), "");
    // (the bad row, the column, the message)
    let cases: Vec<(Vec<X>, &str, &str)> = vec![
        (row("CNT", "兰山区", t("2024-03-05"), X::N(-5.0), ""), "数值", "第4行「数值」不能为负数：-5"),
        (row("CNT", "兰山区", t("2024-03-05"), t("约50"), ""), "数值", "第4行「数值」不是数字：约50"),
        (row("CNT", "火星区", t("2024-03-05"), X::N(1.0), ""), "责任单位", "第4行「责任单位」找不到责任单位：火星区"),
        (
            row("CNT", "兰山区", X::D(day(2099, 1, 1)), X::N(1.0), ""),
            "日期",
            "第4行「日期」2099-01-01 晚于今天（2024-07-15），完成情况不能预先登记",
        ),
        (row("CNT", "兰山区", t("明天"), X::N(1.0), ""), "日期", "第4行「日期」不是日期：明天（可写 2024-03-05、2024/3/5、2024年3月5日）"),
        (row("CNT", "兰山区", t("2024-03-05"), X::N(1.5), ""), "数值", "第4行「数值」最多允许 0 位小数：1.5"),
        (row("CNT", "兰山区", t("2024-03-05"), X::Blank, "备注"), "数值", "第4行「数值」不能为空"),
        (row("不存在的指标", "兰山区", t("2024-03-05"), X::N(1.0), ""), "指标", "第4行「指标」找不到指标：不存在的指标"),
        (
            row("结对共建企业", "兰山区", t("2024-03-05"), X::N(1.0), ""),
            "指标",
            "第4行「指标」「结对共建企业」由台账自动统计，请导入「结对共建台账」，不能直接导入完成值",
        ),
    ];
    for (bad, column, message) in cases {
        let mut w = world();
        let path = entries_file(&w, "bad.xlsx", vec![good.clone(), bad.clone()]);
        let p = import::preview(&w.ledger, &ImportKind::Entries, &path, None).expect("preview");
        let want = vec![(
            "完成情况".to_string(),
            Some(4),
            Some(column.to_string()),
            message.to_string(),
        )];
        assert_eq!(positions(&p.problems), want, "problems of {bad:?}");
        let before = w.count("progress_entry");
        let err = commit(&mut w, &path).expect_err("a file with a bad cell is refused");
        assert_eq!(err.code(), "import_rejected", "code for {bad:?}");
        assert!(
            err.to_string().contains(message),
            "the error names the first problem: {err}"
        );
        assert_eq!(
            w.count("progress_entry"),
            before,
            "nothing written for {bad:?}"
        );
    }
}

#[test]
fn duplicates_in_the_ledger_and_in_the_file_are_not_written() {
    let mut w = world();
    let first = entries_file(
        &w,
        "first.xlsx",
        vec![
            row("CNT", "兰山区", t("2024-03-05"), X::N(3.0), "一"),
            row("AMT", "罗庄区", t("2024-03-06"), X::N(12.25), ""),
        ],
    );
    let report = commit(&mut w, &first).expect("first import");
    assert_eq!(
        (report.written, report.duplicates),
        (2, 0),
        "first import: (written, duplicates)"
    );

    let second = entries_file(
        &w,
        "second.xlsx",
        vec![
            row("结对企业数", "兰山区", t("2024/3/5"), t("3"), "一"),
            row("CNT", "兰山区", t("2024-03-05"), X::N(3.0), "二"),
            row("CNT", "兰山区", t("2024-03-05"), X::N(3.0), "二"),
            row(
                "AMT",
                "罗庄区",
                X::D(day(2024, 3, 6)),
                X::N(12.249999999),
                "",
            ),
        ],
    );
    let p = import::preview(&w.ledger, &ImportKind::Entries, &second, None).expect("preview");
    let dups: Vec<(u32, &str)> = p
        .duplicates
        .iter()
        .map(|d| (d.row, d.message.as_str()))
        .collect();
    assert_eq!(
        dups,
        [
            (
                3,
                "第3行：与台账中已有的完成情况相同（指标、单位、日期、数值、备注），不再导入"
            ),
            (5, "第5行：与第4行重复，不再导入"),
            (
                6,
                "第6行：与台账中已有的完成情况相同（指标、单位、日期、数值、备注），不再导入"
            ),
        ],
        "duplicates: (row, message)"
    );
    let rows: Vec<u32> = p.rows.iter().map(|r| r.row).collect();
    assert_eq!(rows, [4], "only row 4 is new");
    let report = commit(&mut w, &second).expect("second import");
    assert_eq!(
        (report.written, report.duplicates),
        (1, 3),
        "second import: (written, duplicates)"
    );
    assert_eq!(w.count("progress_entry"), 3, "entries in the ledger");
}

#[test]
fn the_same_file_twice_adds_nothing_the_second_time() {
    let mut w = world();
    let rows: Vec<Vec<X>> = (1..=50)
        .map(|i| {
            row(
                "CNT",
                if i % 2 == 0 { "兰山区" } else { "罗庄区" },
                X::D(day(2024, 1, 1) + chrono::Days::new(i)),
                X::N(i as f64),
                "",
            )
        })
        .collect();
    let path = entries_file(&w, "twice.xlsx", rows);
    let mut calls = Vec::new();
    let report = import::commit(
        &mut w.ledger,
        &actor(),
        &ImportKind::Entries,
        &path,
        None,
        &mut |done, total| calls.push((done, total)),
    )
    .expect("first import");
    assert_eq!(report.written, 50, "first import writes every row");
    assert_eq!(calls.first(), Some(&(0, 50)), "progress starts at 0 of 50");
    assert_eq!(calls.last(), Some(&(50, 50)), "progress ends at 50 of 50");
    let again = commit(&mut w, &path).expect("second import");
    assert_eq!(
        (again.written, again.duplicates),
        (0, 50),
        "second import: (written, duplicates)"
    );
    assert_eq!(w.count("progress_entry"), 50, "still 50 entries");
    let sum: f64 = w
        .ledger
        .entries(&EntryFilter::default())
        .expect("entries")
        .iter()
        .map(|e| e.value)
        .sum();
    assert_eq!(sum, 1275.0, "the values 1..=50");
}

#[test]
fn a_missing_required_column_is_a_sheet_problem() {
    let w = world();
    let path = w.file("nounit.csv");
    csv(&path, "指标,日期,数值\nCNT,2024-03-05,1\n", Encoding::Utf8);
    let p = import::preview(&w.ledger, &ImportKind::Entries, &path, None).expect("preview");
    let want = vec![(
        "nounit".to_string(),
        None,
        None,
        "工作表「nounit」缺少「责任单位」列（第1行是表头）".to_string(),
    )];
    assert_eq!(positions(&p.problems), want, "problems");
}

#[test]
fn a_long_file_is_previewed_by_its_counts_and_first_rows_and_committed_whole() {
    // More rows than a preview lists: the preview counts them all and shows the first
    // PREVIEW_ROWS (in order, with their values); the commit writes every row; the second
    // preview counts every row as a duplicate and lists the first PREVIEW_ROWS of them.
    let mut w = world();
    let n = import::PREVIEW_ROWS + 500;
    let mut text = String::from("指标,责任单位,日期,数值,备注\n");
    for i in 0..n {
        text += &format!("CNT,兰山区,2024-03-05,{i},第{i}行\n");
    }
    let path = w.file("long.csv");
    csv(&path, &text, Encoding::Utf8);
    let p = import::preview(&w.ledger, &ImportKind::Entries, &path, None).expect("preview");
    assert_eq!(
        (p.row_count as usize, p.rows.len(), p.problems.len()),
        (n, import::PREVIEW_ROWS, 0),
        "(rows counted, rows listed, problems)"
    );
    let last = p.rows.last().expect("a last row listed");
    let i = import::PREVIEW_ROWS - 1;
    assert_eq!(
        (last.row, last.values[3].clone(), last.values[4].clone()),
        (i as u32 + 2, i.to_string(), format!("第{i}行")),
        "the last row listed: (row, value, note)"
    );
    let report = commit(&mut w, &path).expect("commit");
    assert_eq!(report.written as usize, n, "every row written");
    assert_eq!(w.count("progress_entry"), n as i64, "entries in the ledger");
    let again = import::preview(&w.ledger, &ImportKind::Entries, &path, None).expect("again");
    assert_eq!(
        (
            again.row_count,
            again.rows.len(),
            again.duplicate_count as usize,
            again.duplicates.len()
        ),
        (0, 0, n, import::PREVIEW_ROWS),
        "second preview: (rows counted, listed, duplicates counted, listed)"
    );
}

#[test]
fn a_long_import_seals_the_trail_as_it_goes_and_the_trail_verifies() {
    // More rows than the import writes between two seals of the trail (20,000): one
    // record per row, in one chain that verifies.
    let mut w = world();
    let n = 20_500;
    let mut text = String::from("指标,责任单位,日期,数值,备注\n");
    for i in 0..n {
        text += &format!("CNT,兰山区,2024-03-05,{i},\n");
    }
    let path = w.file("long.csv");
    csv(&path, &text, Encoding::Utf8);
    let before = w.ledger.verify_audit().expect("verify").records;
    let report = commit(&mut w, &path).expect("commit");
    assert_eq!(report.written as usize, n, "every row written");
    let v = w.ledger.verify_audit().expect("verify");
    assert!(v.ok, "the trail verifies: {}", v.message);
    assert_eq!(v.records - before, n as i64, "one record per row");
}
