//! A user's mistake gets `错误：…` in Chinese on stderr, a non-zero exit status, nothing on
//! stdout, no panic or backtrace, and nothing written.

mod support;

use support::{json, run_raw, Workspace};

fn entry_count(ws: &Workspace) -> usize {
    let out = ws
        .run(&["entries", "--limit", "0", "--format", "json"])
        .ok("entries");
    json(&out.stdout).as_array().map_or(0, Vec::len)
}

fn assert_refused(case: &str, out: &support::Run, exit: i32, says: &str) {
    assert_eq!(
        out.code, exit,
        "{case}: exit status {}, want {exit}; stderr:\n{}",
        out.code, out.stderr
    );
    assert!(
        out.stderr.starts_with("错误："),
        "{case}: stderr should start with 错误：, got:\n{}",
        out.stderr
    );
    assert!(
        out.stderr.contains(says),
        "{case}: stderr should mention {says:?}, got:\n{}",
        out.stderr
    );
    assert!(
        out.stdout.is_empty(),
        "{case}: nothing on stdout, got:\n{}",
        out.stdout
    );
    for sign in ["panicked", "backtrace", "RUST_BACKTRACE"] {
        assert!(
            !out.stderr.contains(sign),
            "{case}: stderr shows a panic ({sign}):\n{}",
            out.stderr
        );
    }
}

#[test]
fn bad_entries_are_refused_in_chinese_and_write_nothing() {
    let ws = Workspace::with_small_ledger();
    ws.run(&[
        "record",
        "--indicator",
        "CNT",
        "--unit",
        "A",
        "--date",
        "2024-03-01",
        "--value",
        "3",
    ])
    .ok("a good entry");
    let record = |date: &str, value: &str, unit: &str, indicator: &str| {
        ws.run(&[
            "record",
            "--indicator",
            indicator,
            "--unit",
            unit,
            "--date",
            date,
            "--value",
            value,
        ])
    };
    // (case, date, value, unit, indicator, stderr mentions, code)
    let cases = [
        (
            "bad date",
            "2024-13-01",
            "1",
            "A",
            "CNT",
            "无法识别的日期",
            "[bad_date]",
        ),
        (
            "30 February",
            "2024-02-30",
            "1",
            "A",
            "CNT",
            "无法识别的日期",
            "[bad_date]",
        ),
        (
            "date in the future",
            "2024-07-16",
            "1",
            "A",
            "CNT",
            "晚于今天",
            "[date_out_of_range]",
        ),
        (
            "in 2099",
            "2099-01-01",
            "1",
            "A",
            "CNT",
            "超出合理范围",
            "[date_out_of_range]",
        ),
        (
            "before 2000",
            "1999-12-31",
            "1",
            "A",
            "CNT",
            "早于 2000-01-01",
            "[date_out_of_range]",
        ),
        (
            "negative value",
            "2024-03-01",
            "-5",
            "A",
            "CNT",
            "不能为负数",
            "[negative_value]",
        ),
        (
            "fraction of a count",
            "2024-03-01",
            "1.5",
            "A",
            "CNT",
            "最多允许 0 位小数",
            "[too_many_decimals]",
        ),
        (
            "three decimals",
            "2024-03-01",
            "1.234",
            "A",
            "AMT",
            "最多允许 2 位小数",
            "[too_many_decimals]",
        ),
        (
            "not a number",
            "2024-03-01",
            "十二",
            "A",
            "CNT",
            "不是有效数值",
            "[not_a_number]",
        ),
        (
            "NaN",
            "2024-03-01",
            "NaN",
            "A",
            "CNT",
            "不是有效数值",
            "[not_a_number]",
        ),
        (
            "unknown unit",
            "2024-03-01",
            "1",
            "火星区",
            "CNT",
            "找不到责任单位「火星区」",
            "[unknown_unit]",
        ),
        (
            "unknown indicator",
            "2024-03-01",
            "1",
            "A",
            "NOPE",
            "找不到指标「NOPE」",
            "[unknown_indicator]",
        ),
    ];
    for (case, date, value, unit, indicator, says, code) in cases {
        let out = record(date, value, unit, indicator);
        assert_refused(case, &out, 1, says);
        assert!(
            out.stderr.contains(code),
            "{case}: stderr should carry {code}, got:\n{}",
            out.stderr
        );
        assert_eq!(
            entry_count(&ws),
            1,
            "{case}: the ledger must still hold only the good entry"
        );
    }
}

#[test]
fn bad_options_and_files_are_refused_in_chinese() {
    let ws = Workspace::with_small_ledger();
    let dir = ws.dir.path().to_str().unwrap().to_string();
    let missing = format!("{dir}/no/such/dir/t.db");
    let text_file = format!("{dir}/notes.txt");
    std::fs::write(&text_file, "不是数据库".repeat(200)).unwrap();
    let newer = format!("{dir}/newer.db");
    {
        let conn = taizhang_core::store::open(std::path::Path::new(&newer)).unwrap();
        conn.pragma_update(
            None,
            "user_version",
            taizhang_core::store::schema_version() + 1,
        )
        .unwrap();
    }
    let db = ws.db.to_str().unwrap();
    // (case, arguments, exit status, stderr mentions)
    let cases: Vec<(&str, Vec<&str>, i32, &str)> = vec![
        (
            "missing db dir",
            vec!["--db", &missing, "progress"],
            1,
            "找不到数据库文件",
        ),
        (
            "db is a folder",
            vec!["--db", &dir, "units"],
            1,
            "是一个文件夹",
        ),
        (
            "db is a text file",
            vec!["--db", &text_file, "units"],
            1,
            "不是台账数据库文件",
        ),
        ("newer db", vec!["--db", &newer, "units"], 1, "更新版本"),
        (
            "bad quarter",
            vec!["--db", db, "progress", "--quarter", "2024Q5"],
            1,
            "无法识别的季度",
        ),
        (
            "bad as-of",
            vec!["--db", db, "progress", "--as-of", "昨天"],
            1,
            "无法识别的日期",
        ),
        (
            "bad --today",
            vec!["--db", db, "--today", "2024-02-30", "units"],
            1,
            "无法识别的日期",
        ),
        (
            "unknown unit scope",
            vec!["--db", db, "progress", "--unit", "火星区"],
            1,
            "找不到责任单位",
        ),
        (
            "unknown action",
            vec!["--db", db, "progress", "--action", "nope"],
            1,
            "找不到行动",
        ),
        (
            "unknown unit kind",
            vec!["--db", db, "ranking", "--kind", "星球"],
            1,
            "无法识别的单位类别",
        ),
        (
            "period reversed",
            vec![
                "--db",
                db,
                "target",
                "set",
                "--indicator",
                "CNT",
                "--unit",
                "A",
                "--from",
                "2024-12-31",
                "--to",
                "2024-01-01",
                "--value",
                "5",
            ],
            1,
            "起止日期颠倒",
        ),
        (
            "negative target",
            vec![
                "--db",
                db,
                "target",
                "set",
                "--indicator",
                "CNT",
                "--unit",
                "A",
                "--year",
                "2024",
                "--value",
                "-5",
            ],
            1,
            "不能为负数",
        ),
        (
            "as-of and quarter together",
            vec![
                "--db",
                db,
                "progress",
                "--as-of",
                "2024-06-30",
                "--quarter",
                "2024Q2",
            ],
            2,
            "参数不能同时使用",
        ),
        (
            "unknown subcommand",
            vec!["--db", db, "progres"],
            2,
            "没有这个子命令",
        ),
        (
            "missing value",
            vec![
                "--db",
                db,
                "record",
                "--indicator",
                "CNT",
                "--unit",
                "A",
                "--date",
                "2024-03-01",
            ],
            2,
            "缺少必填参数",
        ),
        (
            "bad format",
            vec!["--db", db, "progress", "--format", "xml"],
            2,
            "参数值无效",
        ),
    ];
    for (case, args, exit, says) in cases {
        let out = run_raw(&args, &[]);
        assert_refused(case, &out, exit, says);
    }
    assert!(
        !std::path::Path::new(&missing).exists(),
        "a refused command must not create the missing file"
    );
    let untouched = std::fs::read_to_string(&text_file).unwrap();
    assert!(
        untouched.starts_with("不是数据库"),
        "the text file is unchanged"
    );
    assert_eq!(entry_count(&ws), 0, "nothing was recorded");
}
