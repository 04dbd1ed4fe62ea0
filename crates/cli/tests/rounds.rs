//! `round …` and `review …` on the sample: open a round, the board as a table and JSON,
//! 催报 texts and list, 提交 / 退回 / 审核, the tables sent, a correction shown by
//! `entries`, and a locked quarter refusing every CLI door (nothing written), then unlocked.

mod support;

use std::path::Path;

use calamine::{Data, Reader, Xlsx};
use support::{json, run_raw, Run, Workspace};

const LOCKED: &str = "错误：2024年第二季度已锁定（2024-07-15 由cli:tester锁定），不能再修改该季度的数据；如需更正请联系管理员解锁 [period_locked]";

/// `taizhang --db <file> --today <today> <args>`.
fn at(ws: &Workspace, today: &str, args: &[&str]) -> Run {
    let mut full = vec!["--db", ws.db.to_str().unwrap(), "--today", today];
    full.extend_from_slice(args);
    run_raw(&full, &[])
}

fn sample() -> Workspace {
    Workspace::with_sample()
}

/// How many units a round asks by default: the sample's counties, zones, departments and parties.
fn reporting_units(ws: &Workspace) -> usize {
    let units = json(&ws.run(&["units", "--format", "json"]).ok("units").stdout);
    units
        .as_array()
        .unwrap()
        .iter()
        .filter(|u| {
            ["county", "zone", "department", "party"].contains(&u["kind"].as_str().unwrap())
        })
        .count()
}

fn refused(run: Run, what: &str) -> String {
    assert_eq!(
        run.code, 1,
        "{what} should fail; stdout:\n{}\nstderr:\n{}",
        run.stdout, run.stderr
    );
    run.stderr.trim().to_string()
}

#[test]
fn a_round_from_open_to_approval_on_the_board() {
    let ws = sample();
    let opened = at(
        &ws,
        "2024-10-01",
        &[
            "round",
            "open",
            "--quarter",
            "2024Q3",
            "--due",
            "2024-10-10",
        ],
    )
    .ok("round open");
    let n = reporting_units(&ws);
    assert!(
        opened.stdout.starts_with(&format!(
            "已开启2024年第三季度填报：{n} 个单位，2024-10-10 前报送"
        )),
        "{}",
        opened.stdout
    );
    let board = json(
        &at(
            &ws,
            "2024-10-13",
            &["round", "status", "--quarter", "2024Q3", "--format", "json"],
        )
        .ok("status")
        .stdout,
    );
    let rows = board.as_array().unwrap();
    assert_eq!(rows.len(), n, "one line per reporting unit");
    let lanling = rows
        .iter()
        .find(|r| r["unit"] == "兰陵县")
        .expect("兰陵县 reports");
    assert_eq!(
        (
            lanling["state"].as_str(),
            lanling["late_days"].as_i64(),
            lanling["submitted_at"].is_null()
        ),
        (Some("not_started"), Some(3), true),
        "{lanling}"
    );
    for key in [
        "unit",
        "unit_id",
        "state",
        "submitted_at",
        "submitted_by",
        "late_days",
        "reason",
    ] {
        assert!(lanling.get(key).is_some(), "JSON key {key} in {lanling}");
    }
    let remind = at(
        &ws,
        "2024-10-08",
        &["round", "remind", "--quarter", "2024Q3"],
    )
    .ok("remind");
    assert!(
        remind
            .stdout
            .lines()
            .any(|l| l == "请兰陵县于10月10日前报送2024年第三季度统计表"),
        "{}",
        remind.stdout
    );
    let list = ws.dir.path().join("催报.xlsx");
    let late = at(
        &ws,
        "2024-10-13",
        &[
            "round",
            "remind",
            "--quarter",
            "2024Q3",
            "--out",
            list.to_str().unwrap(),
        ],
    )
    .ok("remind --out");
    assert!(
        late.stdout
            .lines()
            .any(|l| l == "请兰陵县于10月10日前报送2024年第三季度统计表，已逾期3天，请尽快报送"),
        "{}",
        late.stdout
    );
    assert!(list.is_file(), "the 催报 list was written");

    let day = "2024-10-13";
    at(
        &ws,
        day,
        &["round", "submit", "--unit", "兰陵县", "--quarter", "2024Q3"],
    )
    .ok("submit");
    let no_reason = refused(
        at(
            &ws,
            day,
            &[
                "review",
                "return",
                "--unit",
                "兰陵县",
                "--quarter",
                "2024Q3",
            ],
        ),
        "return without a reason",
    );
    assert_eq!(no_reason, "错误：「退回原因」必须填写 [invalid]");
    let back = at(
        &ws,
        day,
        &[
            "review",
            "return",
            "--unit",
            "兰陵县",
            "--quarter",
            "2024Q3",
            "--reason",
            "GF03 本期数偏大，请核实",
        ],
    )
    .ok("return");
    assert_eq!(
        back.stdout,
        "兰陵县2024年第三季度的报表已退回，当前状态：退回（退回原因：GF03 本期数偏大，请核实）\n"
    );
    let early = refused(
        at(
            &ws,
            day,
            &[
                "review",
                "approve",
                "--unit",
                "兰陵县",
                "--quarter",
                "2024Q3",
            ],
        ),
        "approve a returned table",
    );
    assert!(
        early.ends_with("[round_state]") && early.contains("退回"),
        "{early}"
    );
    at(
        &ws,
        day,
        &["round", "submit", "--unit", "兰陵县", "--quarter", "2024Q3"],
    )
    .ok("submit again");
    at(
        &ws,
        day,
        &[
            "review",
            "approve",
            "--unit",
            "兰陵县",
            "--quarter",
            "2024Q3",
        ],
    )
    .ok("approve");
    let board = json(
        &at(
            &ws,
            day,
            &["round", "status", "--quarter", "2024Q3", "--format", "json"],
        )
        .ok("status")
        .stdout,
    );
    let lanling = board
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["unit"] == "兰陵县")
        .unwrap()
        .clone();
    assert_eq!(
        (
            lanling["state"].as_str(),
            lanling["late_days"].as_i64(),
            lanling["submitted_by"].as_str()
        ),
        (Some("approved"), Some(0), Some("cli:tester")),
        "{lanling}"
    );
    let table = at(&ws, day, &["round", "status", "--quarter", "2024Q3"])
        .ok("status table")
        .stdout;
    assert!(
        table.starts_with(&format!(
            "2024年第三季度 · 2024-10-10 前报送 · 已审 1 / 已报 0 / 退回 0 / 未报 {}（逾期 {}）",
            n - 1,
            n - 1
        )),
        "{table}"
    );
    let history = at(
        &ws,
        day,
        &[
            "round",
            "history",
            "--quarter",
            "2024Q3",
            "--format",
            "json",
        ],
    )
    .ok("history")
    .stdout;
    let kinds: Vec<String> = json(&history)
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(kinds, ["open", "submit", "return", "submit", "approve"]);
}

fn sum_entries(ws: &Workspace, unit: &str, indicator: &str, from: &str, to: &str) -> f64 {
    let out = ws
        .run(&[
            "entries",
            "--unit",
            unit,
            "--indicator",
            indicator,
            "--from",
            from,
            "--to",
            to,
            "--limit",
            "0",
            "--format",
            "json",
        ])
        .ok("entries");
    json(&out.stdout)
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["value"].as_f64().unwrap())
        .sum()
}

#[test]
fn round_send_writes_each_units_table_with_what_the_ledger_holds() {
    let ws = sample();
    at(
        &ws,
        "2024-10-01",
        &[
            "round",
            "open",
            "--quarter",
            "2024Q3",
            "--due",
            "2024-10-10",
            "--unit",
            "兰山区",
            "--unit",
            "市工商联",
        ],
    )
    .ok("open");
    let out = ws.dir.path().join("下发");
    std::fs::create_dir(&out).unwrap();
    let sent = at(
        &ws,
        "2024-10-01",
        &[
            "round",
            "send",
            "--quarter",
            "2024Q3",
            "--out",
            out.to_str().unwrap(),
        ],
    )
    .ok("send");
    assert!(
        sent.stdout.starts_with("已生成2024年第三季度统计表 2 份"),
        "{}",
        sent.stdout
    );
    let path = out.join("兰山区_2024年第三季度_统计表.xlsx");
    assert!(
        out.join("市工商联_2024年第三季度_统计表.xlsx").is_file() && path.is_file(),
        "{}",
        sent.stdout
    );
    let mut book: Xlsx<_> = calamine::open_workbook(&path).unwrap();
    let t = book.worksheet_range("统计表").unwrap();
    let cell = |r: u32, c: u32| t.get_value((r, c)).map(Data::to_string).unwrap_or_default();
    assert_eq!(cell(0, 0), "临沂市五大行动2024年第三季度进展情况统计表");
    assert_eq!(cell(1, 0), "填报单位：兰山区");
    assert_eq!(
        (cell(3, 0), cell(3, 5), cell(3, 6), cell(3, 10)),
        (
            "序号".into(),
            "此前累计".into(),
            "本期".into(),
            "整改措施".into()
        )
    );
    let row = (4..t.height() as u32)
        .find(|r| cell(*r, 1) == "JY05")
        .expect("JY05 is one of 兰山区's indicators");
    let before = sum_entries(&ws, "兰山区", "JY05", "2024-01-01", "2024-06-30");
    assert!(before > 0.0, "the sample has 兰山区 JY05 entries in 2024");
    assert_eq!(
        cell(row, 5),
        before.to_string(),
        "此前累计 of JY05 = the ledger's 2024-01-01 … 2024-06-30"
    );
    let meta = book.worksheet_range("_taizhang").unwrap();
    assert_eq!(
        meta.get_value((2, 0)).map(Data::to_string).as_deref(),
        Some("unit_id")
    );
    let lanshan = json(&ws.run(&["units", "--format", "json"]).ok("units").stdout)
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["name"] == "兰山区")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(meta.get_value((2, 1)).map(Data::to_string), Some(lanshan));
    let missing = refused(
        at(
            &ws,
            "2024-10-01",
            &[
                "round",
                "send",
                "--quarter",
                "2024Q3",
                "--out",
                "/no/such/dir",
            ],
        ),
        "send to a missing folder",
    );
    assert!(missing.ends_with("[write_failed]"), "{missing}");
}

#[test]
fn a_correction_shows_in_entries_as_reported_and_as_corrected() {
    let ws = sample();
    let rec = at(
        &ws,
        "2024-07-20",
        &[
            "record",
            "--indicator",
            "JY05",
            "--unit",
            "兰山区",
            "--date",
            "2024-07-10",
            "--value",
            "12",
        ],
    )
    .ok("record");
    let id = rec
        .stdout
        .trim()
        .rsplit("编号 ")
        .next()
        .unwrap()
        .trim_end_matches('）')
        .to_string();
    let done = at(
        &ws,
        "2024-07-20",
        &[
            "review",
            "correct",
            "--entry",
            &id,
            "--value",
            "10",
            "--reason",
            "其中2条重复",
        ],
    )
    .ok("correct");
    assert!(
        done.stdout.contains("原报 12 → 更正为 10"),
        "{}",
        done.stdout
    );
    let listed = at(
        &ws,
        "2024-07-20",
        &[
            "entries",
            "--unit",
            "兰山区",
            "--from",
            "2024-07-10",
            "--to",
            "2024-07-10",
            "--format",
            "json",
        ],
    )
    .ok("entries");
    let e = json(&listed.stdout)
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == id.as_str())
        .unwrap()
        .clone();
    assert_eq!(
        (e["value"].as_f64(), e["reported"].as_f64()),
        (Some(10.0), Some(12.0)),
        "{e}"
    );
    assert_eq!(e["corrections"][0]["reason"], "其中2条重复");
    let table = at(
        &ws,
        "2024-07-20",
        &[
            "entries",
            "--unit",
            "兰山区",
            "--from",
            "2024-07-10",
            "--to",
            "2024-07-10",
        ],
    )
    .ok("entries")
    .stdout;
    assert!(table.contains("原报 12 → 更正为 10"), "{table}");
}

/// Row counts and the latest stamps of every dated table, read beside the CLI.
fn snapshot(db: &Path) -> Vec<(i64, Option<String>)> {
    let conn = rusqlite::Connection::open(db).unwrap();
    [
        "progress_entry",
        "target",
        "pairing",
        "coop_project",
        "register_row",
        "lag_note",
        "enterprise",
        "village",
    ]
    .iter()
    .map(|t| {
        conn.query_row(
            &format!("SELECT COUNT(*), MAX(updated_at) FROM {t}"),
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap()
    })
    .collect()
}

#[test]
fn a_locked_quarter_refuses_every_cli_door_and_opens_again_with_a_reason() {
    let ws = sample();
    ws.run(&[
        "round",
        "open",
        "--quarter",
        "2024Q2",
        "--due",
        "2024-07-10",
    ])
    .ok("open");
    let not_all = refused(
        ws.run(&["round", "lock", "--quarter", "2024Q2"]),
        "lock with nothing approved",
    );
    assert!(
        not_all.contains("个单位未审核通过，不能锁定：兰山区、")
            && not_all.ends_with("[round_not_approved]"),
        "{not_all}"
    );
    let no_reason = refused(
        ws.run(&["round", "lock", "--quarter", "2024Q2", "--force"]),
        "--force without a reason",
    );
    assert_eq!(no_reason, "错误：「锁定原因」必须填写 [invalid]");
    let locked = ws
        .run(&[
            "round",
            "lock",
            "--quarter",
            "2024Q2",
            "--force",
            "--reason",
            "按期汇总",
        ])
        .ok("lock");
    assert!(
        locked
            .stdout
            .starts_with("已锁定2024年第二季度（2024-07-15 由cli:tester锁定）"),
        "{}",
        locked.stdout
    );

    let pairing = json(
        &ws.run(&["pairings", "list", "--limit", "1", "--format", "json"])
            .ok("pairings")
            .stdout,
    )["rows"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let csv = ws.dir.path().join("entries.csv");
    std::fs::write(
        &csv,
        "指标,责任单位,日期,数值,备注\nJY05,兰山区,2024-07-08,3,\nJY05,兰山区,2024-06-28,4,\n",
    )
    .unwrap();
    let csv = csv.to_str().unwrap().to_string();
    let doors: Vec<(&str, Vec<&str>)> = vec![
        (
            "record",
            vec![
                "record",
                "--indicator",
                "JY05",
                "--unit",
                "兰山区",
                "--date",
                "2024-06-30",
                "--value",
                "3",
            ],
        ),
        (
            "target set",
            vec![
                "target",
                "set",
                "--indicator",
                "JY05",
                "--unit",
                "兰山区",
                "--year",
                "2024",
                "--value",
                "120",
            ],
        ),
        (
            "pairings add",
            vec![
                "pairings",
                "add",
                "--enterprise",
                "临沂锁定测试有限公司",
                "--village",
                "锁定村",
                "--township",
                "马厂湖镇",
                "--county",
                "兰山区",
                "--date",
                "2024-05-01",
            ],
        ),
        ("pairings end", vec!["pairings", "end", &pairing]),
        (
            "projects add",
            vec![
                "projects",
                "add",
                "--pairing",
                &pairing,
                "--name",
                "锁定期项目",
                "--kind",
                "产业",
                "--date",
                "2024-06-30",
            ],
        ),
        (
            "register add",
            vec![
                "register",
                "add",
                "--type",
                "report",
                "--date",
                "2024-06-05",
                "--unit",
                "兰山区",
                "--title",
                "乡村物流调研",
                "--status",
                "已采用",
                "--field",
                "类别=调研报告",
            ],
        ),
        (
            "lag-note",
            vec![
                "lag-note",
                "--indicator",
                "JY05",
                "--quarter",
                "2024Q2",
                "--unit",
                "兰山区",
                "--reason",
                "汛期",
            ],
        ),
        ("import entries", vec!["import", "entries", &csv]),
    ];
    let before = snapshot(&ws.db);
    for (name, args) in &doors {
        let err = refused(ws.run(args), name);
        assert_eq!(err, LOCKED, "{name}");
        assert_eq!(snapshot(&ws.db), before, "{name} wrote something");
    }
    // `pairings end` needs a pairing signed in Q2 to be refused: the newest one is.
    let open_q3 = ws.run(&[
        "record",
        "--indicator",
        "JY05",
        "--unit",
        "兰山区",
        "--date",
        "2024-07-01",
        "--value",
        "3",
    ]);
    open_q3.ok("the quarter after the locked one stays open");

    let no_reason = refused(
        ws.run(&["round", "unlock", "--quarter", "2024Q2"]),
        "unlock without a reason",
    );
    assert_eq!(no_reason, "错误：「解锁原因」必须填写 [invalid]");
    ws.run(&[
        "round",
        "unlock",
        "--quarter",
        "2024Q2",
        "--reason",
        "兰山区更正二季度数据",
    ])
    .ok("unlock");
    ws.run(&doors[0].1).ok("record into Q2 after the unlock");
    let history = json(
        &ws.run(&[
            "round",
            "history",
            "--quarter",
            "2024Q2",
            "--format",
            "json",
        ])
        .ok("history")
        .stdout,
    );
    let steps: Vec<(String, String)> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["kind"].as_str().unwrap().to_string(),
                e["reason"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        steps,
        [
            ("open".to_string(), String::new()),
            ("lock".into(), "按期汇总".into()),
            ("unlock".into(), "兰山区更正二季度数据".into())
        ]
    );
}
