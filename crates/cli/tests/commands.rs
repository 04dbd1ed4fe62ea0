//! The everyday commands on a real file: init, targets, records, listings, removal of the
//! sample, ranking, and the TAIZHANG_DB variable.

mod support;

use support::{json, run_raw, Workspace};

#[test]
fn init_creates_the_file_once_and_reports_it() {
    let ws = Workspace::new();
    let first = ws.run(&["init"]).ok("init");
    assert!(
        first.stdout.starts_with("已新建数据库"),
        "first init: {}",
        first.stdout
    );
    assert!(ws.db.exists(), "init creates {}", ws.db.display());
    let second = ws.run(&["init"]).ok("init again");
    assert!(
        second.stdout.starts_with("数据库已就绪"),
        "second init: {}",
        second.stdout
    );
    let actions = json(
        &ws.run(&["actions", "--format", "json"])
            .ok("actions")
            .stdout,
    );
    let codes: Vec<&str> = actions
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes,
        [
            "advice",
            "innovation",
            "enterprise",
            "investment",
            "prosperity"
        ],
        "the five actions"
    );
}

#[test]
fn targets_and_entries_go_in_and_come_back_out() {
    let ws = Workspace::with_small_ledger();
    let set = ws
        .run(&[
            "target",
            "set",
            "--indicator",
            "结对企业",
            "--unit",
            "甲区",
            "--year",
            "2024",
            "--value",
            "366",
        ])
        .ok("target set");
    assert!(
        set.stdout
            .contains("已设置目标：结对企业 · 甲区 · 2024-01-01 至 2024-12-31 · 366家"),
        "target set says: {}",
        set.stdout
    );
    ws.run(&[
        "target",
        "set",
        "--indicator",
        "AMT",
        "--unit",
        "CITY",
        "--from",
        "2024/1/1",
        "--to",
        "2024年12月31日",
        "--value",
        "1,000.5",
    ])
    .ok("target set with typed dates and a thousands separator");
    let targets = json(
        &ws.run(&["target", "list", "--format", "json"])
            .ok("target list")
            .stdout,
    );
    let got: Vec<(f64, &str)> = targets
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["value"].as_f64().unwrap(),
                t["period"]["end"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(got.len(), 2, "two targets: {got:?}");
    assert!(
        got.contains(&(1000.5, "2024-12-31")) && got.contains(&(366.0, "2024-12-31")),
        "target values: {got:?}"
    );

    // (indicator, unit, date, value)
    for (indicator, unit, date, value) in [
        ("CNT", "A", "2024-01-10", "100"),
        ("CNT", "A", "2024-06-30", "82"),
        ("CNT", "B", "2024-05-01", "7"),
        ("AMT", "D", "2024-02-01", "12.25"),
    ] {
        let out = ws
            .run(&[
                "record",
                "--indicator",
                indicator,
                "--unit",
                unit,
                "--date",
                date,
                "--value",
                value,
                "--note",
                "测试",
            ])
            .ok("record");
        assert!(
            out.stdout.starts_with("已登记："),
            "record says: {}",
            out.stdout
        );
    }
    let entries = json(
        &ws.run(&["entries", "--unit", "A", "--format", "json"])
            .ok("entries")
            .stdout,
    );
    let got: Vec<(&str, f64, &str)> = entries
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["occurred_on"].as_str().unwrap(),
                e["value"].as_f64().unwrap(),
                e["created_by"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("2024-06-30", 82.0, "cli:tester"),
            ("2024-01-10", 100.0, "cli:tester")
        ],
        "甲区's entries, newest first"
    );
    let table = ws
        .run(&["entries", "--from", "2024-05-01", "--to", "2024-06-30"])
        .ok("entries table");
    assert!(
        table.stdout.ends_with("共 2 条\n"),
        "entries in May–June: {}",
        table.stdout
    );

    // 182 of 366 expected by 2024-06-30; 甲区 did 182: on pace.
    let progress = json(
        &ws.run(&[
            "progress",
            "--as-of",
            "2024-06-30",
            "--unit",
            "甲区",
            "--indicator",
            "CNT",
            "--format",
            "json",
        ])
        .ok("progress")
        .stdout,
    );
    let row = &progress[0];
    let got = (
        row["completed"].as_f64(),
        row["expected"].as_f64(),
        row["status"].as_str(),
    );
    assert_eq!(
        got,
        (Some(182.0), Some(182.0), Some("on_pace")),
        "甲区's progress: (completed, expected, status)"
    );
    // The city has no CNT target: it counts within its sub-units' 2024 target.
    let city = json(
        &ws.run(&[
            "progress",
            "--as-of",
            "2024-06-30",
            "--indicator",
            "CNT",
            "--format",
            "json",
        ])
        .ok("city")
        .stdout,
    );
    assert_eq!(
        (city[0]["target"].as_f64(), city[0]["completed"].as_f64()),
        (Some(366.0), Some(189.0)),
        "the city: (target, completed)"
    );
}

#[test]
fn units_show_as_an_indented_tree() {
    let ws = Workspace::with_small_ledger();
    let out = ws.run(&["units"]).ok("units");
    // (leading spaces, name) of each row under the headings and the rule
    let got: Vec<(usize, &str)> = out
        .stdout
        .lines()
        .skip(2)
        .map(|l| {
            (
                l.len() - l.trim_start().len(),
                l.trim_start().split(' ').next().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [(0, "示范市"), (2, "甲区"), (2, "乙县"), (2, "市直部门")],
        "indentation and name of each unit:\n{}",
        out.stdout
    );
    let csv = ws.run(&["units", "--format", "csv"]).ok("units csv");
    assert!(
        csv.stdout
            .lines()
            .any(|l| l.starts_with("A,甲区,county,CITY,")),
        "CSV names the parent by code:\n{}",
        csv.stdout
    );
}

#[test]
fn removing_the_sample_keeps_what_the_user_recorded() {
    let ws = Workspace::new();
    ws.run(&["sample"]).ok("sample");
    let again = ws.run(&["sample"]).ok("sample again");
    assert!(
        again.stdout.contains("未作改动"),
        "a second load changes nothing: {}",
        again.stdout
    );
    // A user's entry on a sample unit, for an indicator the sample types in (not derived).
    let indicators = json(
        &ws.run(&["indicators", "--format", "json"])
            .ok("indicators")
            .stdout,
    );
    let codes: Vec<String> = indicators
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["code"].as_str().unwrap().to_string())
        .collect();
    let recorded = codes
        .iter()
        .find(|code| {
            ws.run(&[
                "record",
                "--indicator",
                code,
                "--unit",
                "兰山区",
                "--date",
                "2024-07-01",
                "--value",
                "2",
            ])
            .code
                == 0
        })
        .expect("some sample indicator takes typed entries");
    let removed = ws.run(&["sample", "--remove"]).ok("sample --remove");
    assert!(
        removed.stdout.starts_with("已删除示例数据"),
        "removal says what it did: {}",
        removed.stdout
    );
    let entries = json(
        &ws.run(&["entries", "--limit", "0", "--format", "json"])
            .ok("entries")
            .stdout,
    );
    let left: Vec<(&str, f64)> = entries
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["occurred_on"].as_str().unwrap(),
                e["value"].as_f64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        left,
        [("2024-07-01", 2.0)],
        "only the user's entry on {recorded} remains"
    );
    let units = json(&ws.run(&["units", "--format", "json"]).ok("units").stdout);
    assert_eq!(
        units.as_array().unwrap().len(),
        28,
        "the city and its 27 units stay"
    );
    let nothing = ws.run(&["sample", "--remove"]).ok("remove again");
    assert!(
        nothing.stdout.contains("没有示例数据"),
        "removing twice: {}",
        nothing.stdout
    );
}

#[test]
fn ranking_lists_counties_best_first() {
    let ws = Workspace::new();
    ws.run(&["sample"]).ok("sample");
    let out = ws
        .run(&[
            "ranking",
            "--as-of",
            "2024-06-30",
            "--kind",
            "区县",
            "--format",
            "json",
        ])
        .ok("ranking");
    let ranks = json(&out.stdout);
    let ranks = ranks.as_array().unwrap();
    assert_eq!(
        ranks.len(),
        12,
        "Linyi's twelve districts and counties, got {}",
        ranks.len()
    );
    for (i, pair) in ranks.windows(2).enumerate() {
        let (a, b) = (
            pair[0]["pace_index"].as_f64().unwrap(),
            pair[1]["pace_index"].as_f64().unwrap(),
        );
        assert!(
            a >= b,
            "rank {} has pace index {a} below rank {}'s {b}",
            i + 1,
            i + 2
        );
        assert_eq!(
            pair[0]["rank"].as_u64(),
            Some(i as u64 + 1),
            "ranks count from 1"
        );
    }
    assert!(ranks.iter().all(|r| r["kind"] == "county"), "only counties");
    let table = ws
        .run(&["ranking", "--as-of", "2024-06-30"])
        .ok("ranking table");
    assert!(
        table
            .stdout
            .lines()
            .nth(3)
            .is_some_and(|l| l.trim_start().starts_with('1')),
        "the table starts at rank 1:\n{}",
        table.stdout
    );
}

#[test]
fn the_database_can_come_from_taizhang_db() {
    let ws = Workspace::new();
    let db = ws.db.to_str().unwrap();
    run_raw(&["--today", "2024-07-15", "init"], &[("TAIZHANG_DB", db)]).ok("init via TAIZHANG_DB");
    assert!(ws.db.exists(), "TAIZHANG_DB names the file init creates");
    let help = run_raw(&["--help"], &[]).ok("help");
    assert!(
        help.stdout.contains("TAIZHANG_DB") && help.stdout.contains("进度"),
        "help mentions the variable and the commands:\n{}",
        help.stdout
    );
}
