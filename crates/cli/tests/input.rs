//! Input that means what it says, through the command line: an implausible value, a note
//! with an ANSI escape, a pairing in the city and an overlapping target are refused with
//! their code, exit 1 and nothing written; `target set --replace` replaces and says so.

mod support;

use support::{row_counts, Workspace};

/// Rows of the tables a command could write.
fn counts(ws: &Workspace) -> Vec<(String, i64)> {
    let tables = [
        "progress_entry",
        "target",
        "enterprise",
        "village",
        "pairing",
    ];
    row_counts(ws.path(), &tables)
}

fn record(value: &str, note: &str) -> Vec<String> {
    [
        "record",
        "--indicator",
        "CNT",
        "--unit",
        "A",
        "--date",
        "2024-03-01",
        "--value",
        value,
        "--note",
        note,
    ]
    .map(String::from)
    .to_vec()
}

fn target(from: &str, to: &str, value: &str) -> Vec<String> {
    [
        "target",
        "set",
        "--indicator",
        "CNT",
        "--unit",
        "A",
        "--from",
        from,
        "--to",
        to,
        "--value",
        value,
    ]
    .map(String::from)
    .to_vec()
}

#[test]
fn refused_input_exits_1_with_its_code_and_writes_nothing() {
    let ws = Workspace::with_small_ledger();
    ws.run(&[
        "target",
        "set",
        "--indicator",
        "CNT",
        "--unit",
        "A",
        "--year",
        "2024",
        "--value",
        "100",
    ])
    .ok("a 2024 target");
    let pairing = |county: &str| -> Vec<String> {
        [
            "pairings",
            "add",
            "--enterprise",
            "某公司",
            "--village",
            "东村",
            "--township",
            "东镇",
            "--county",
            county,
            "--date",
            "2024-03-01",
        ]
        .map(String::from)
        .to_vec()
    };
    // (case, arguments, code, words in the message)
    let cases: Vec<(&str, Vec<String>, &str, &str)> = vec![
        (
            "1e15",
            record("1e15", ""),
            "[implausible_value]",
            "超出该指标的合理上限 1,000,000,000",
        ),
        (
            "1e-300",
            record("1e-300", ""),
            "[too_small]",
            "小于该指标的最小单位 1",
        ),
        (
            "ESC in a note",
            record("1", "红\u{1b}[31m色"),
            "[control_character]",
            "「备注」含有不可见的控制字符（第2个字符）",
        ),
        (
            "a 501-character note",
            record("1", &"很".repeat(501)),
            "[too_long]",
            "「备注」不能超过 500 个字符",
        ),
        (
            "a pairing in the city",
            pairing("CITY"),
            "[not_a_county]",
            "应为区县或功能区",
        ),
        (
            "ESC in a looked-up name is shown, not acted on",
            record("1", "")
                .into_iter()
                .map(|a| {
                    if a == "A" {
                        "甲\u{1b}[2J区".to_string()
                    } else {
                        a
                    }
                })
                .collect(),
            "[unknown_unit]",
            "找不到责任单位「甲\\u{1b}[2J区」",
        ),
        (
            "an overlapping target",
            target("2024-07-01", "2025-06-30", "50"),
            "[target_overlap]",
            "已有 2024-01-01 至 2024-12-31 的目标",
        ),
    ];
    for (case, args, code, says) in cases {
        let before = counts(&ws);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = ws.run(&args);
        assert_eq!(out.code, 1, "{case}: exit status; stderr:\n{}", out.stderr);
        assert!(
            out.stderr.contains(code),
            "{case}: {code} in\n{}",
            out.stderr
        );
        assert!(
            out.stderr.contains(says),
            "{case}: {says:?} in\n{}",
            out.stderr
        );
        assert!(
            !out.stderr.contains('\u{1b}') && out.stdout.is_empty(),
            "{case}: no escape echoed, nothing on stdout:\n{}{}",
            out.stderr,
            out.stdout
        );
        assert_eq!(counts(&ws), before, "{case}: nothing written");
    }
}

#[test]
fn a_control_character_already_in_the_ledger_is_shown_not_sent_to_the_terminal() {
    let ws = Workspace::with_small_ledger();
    let args = record("1", "正常");
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    ws.run(&args).ok("an entry");
    // A note written before the core refused control characters.
    rusqlite::Connection::open(ws.path())
        .expect("open")
        .execute("UPDATE progress_entry SET note = '旧\u{1b}[2J备注'", [])
        .expect("an old note");
    let out = ws.run(&["entries"]).ok("entries");
    assert!(
        !out.stdout.contains('\u{1b}') && out.stdout.contains("旧\\u{1b}[2J备注"),
        "the escape is shown as text:\n{}",
        out.stdout
    );
}

#[test]
fn target_set_replace_ends_the_overlapping_target_and_says_so() {
    let ws = Workspace::with_small_ledger();
    let args = target("2024-01-01", "2024-12-31", "100");
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    ws.run(&args).ok("a 2024 target");
    let mut args = target("2024-07-01", "2025-06-30", "50");
    args.push("--replace".into());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = ws.run(&args).ok("replace");
    assert_eq!(
        out.stdout,
        "已设置目标：结对企业 · 甲区 · 2024-07-01 至 2025-06-30 · 50家\n\
         已替换原目标：2024-01-01 至 2024-12-31 · 100家，改为截至 2024-06-30\n",
        "the output says what was replaced"
    );
    let list = ws
        .run(&["target", "list", "--indicator", "CNT", "--format", "json"])
        .ok("list");
    let periods: Vec<(String, String)> = support::json(&list.stdout)
        .as_array()
        .expect("an array")
        .iter()
        .map(|t| {
            (
                t["period"]["start"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string(),
                t["period"]["end"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    assert_eq!(
        periods,
        [
            ("2024-07-01".to_string(), "2025-06-30".to_string()),
            ("2024-01-01".to_string(), "2024-06-30".to_string()),
        ],
        "the ledger's targets after"
    );
}
