//! `taizhang import return` and `import county-pairings` on real files: the preview per
//! indicator, the return written, the same file again 无变化, another unit refused.

mod support;

use support::Workspace;

fn csv(ws: &Workspace, name: &str, text: &str) -> String {
    let path = ws.dir.path().join(name);
    std::fs::write(&path, format!("\u{feff}{text}")).expect("write the CSV");
    path.display().to_string()
}

const RETURN: &str = "乙县五大行动2024年第二季度统计表\n填报单位：乙县委统战部\n\
序号,指标名称,计量单位,1-6月累计,其中：第二季度,滞后原因\n\
1,结对企业（家）,家,１２家,—,\n2,帮扶资金,万元,3.5,/,资金拨付滞后\n填报人：张三,,,,,\n";

#[test]
fn a_return_is_previewed_written_and_not_written_twice() {
    let ws = Workspace::with_small_ledger();
    let file = csv(&ws, "乙县二季度.csv", RETURN);
    // (arguments, exit status, what stdout must contain)
    let cases: [(&[&str], i32, &str); 4] = [
        (
            &[
                "import",
                "return",
                &file,
                "--unit",
                "乙县",
                "--quarter",
                "2024Q2",
                "--dry-run",
            ],
            0,
            "写入本期",
        ),
        (
            &[
                "import",
                "return",
                &file,
                "--unit",
                "乙县",
                "--quarter",
                "2024Q2",
            ],
            0,
            "已导入乙县2024Q2报表：写入完成情况 2 条；滞后原因/整改措施 1 条",
        ),
        (
            &[
                "import",
                "return",
                &file,
                "--unit",
                "乙县",
                "--quarter",
                "2024Q2",
            ],
            0,
            "无变化",
        ),
        (
            &[
                "import",
                "return",
                &file,
                "--unit",
                "甲区",
                "--quarter",
                "2024Q2",
                "--dry-run",
            ],
            1,
            "标题或填报单位写的是「乙县」，与报送单位「甲区」不符",
        ),
    ];
    for (args, code, stdout) in cases {
        let run = ws.run(args);
        assert_eq!(
            run.code, code,
            "{args:?}: exit status; stderr {}",
            run.stderr
        );
        let out = format!("{}{}", run.stdout, run.stderr);
        assert!(
            out.contains(stdout),
            "{args:?}: output should contain {stdout:?}:\n{out}"
        );
    }
}

#[test]
fn a_county_pairing_register_is_imported_with_its_projects() {
    let ws = Workspace::with_small_ledger();
    let file = csv(
        &ws,
        "乙县结对台账.csv",
        "乙县万企兴万村结对台账\n序号,企业名称,企业类型,结对村（社区）,所属镇街,结对时间,合作项目名称,项目类型,投资金额（万元）\n\
1,乙县华兴食品有限公司,民营,东村,城关街道,2024-03-15,蔬菜加工项目,产业帮扶,120\n,,,,,,冷链仓储项目,产业帮扶,50\n",
    );
    let run = ws
        .run(&["import", "county-pairings", &file])
        .ok("import county-pairings");
    assert!(run.stdout.contains("写入 2 行"), "stdout: {}", run.stdout);
    let listed = ws
        .run(&["projects", "list", "--format", "json"])
        .ok("projects list");
    for name in ["蔬菜加工项目", "冷链仓储项目"] {
        assert!(
            listed.stdout.contains(name),
            "{name} listed:\n{}",
            listed.stdout
        );
    }
}

#[test]
fn a_row_written_the_county_way_is_mapped_with_a_mapping_file() {
    let ws = Workspace::with_small_ledger();
    let file = csv(
        &ws,
        "乙县二季度自制表.csv",
        "乙县五大行动2024年第二季度统计表\n填报单位：乙县委统战部\n\
序号,指标名称,计量单位,1-6月累计,其中：第二季度\n\
1,新增万企兴万村结对数,家,12,12\n2,帮扶资金,万元,3.5,3.5\n",
    );
    let base = [
        "import",
        "return",
        &file,
        "--unit",
        "乙县",
        "--quarter",
        "2024Q2",
    ];
    let with = |extra: &[&str]| -> Vec<String> {
        base.iter().chain(extra).map(|s| s.to_string()).collect()
    };
    fn args(v: &[String]) -> Vec<&str> {
        v.iter().map(String::as_str).collect()
    }

    let guess = ws.run(&args(&with(&["--dry-run"])));
    assert_eq!(
        guess.code, 1,
        "an unmatched row is a problem: {}",
        guess.stdout
    );
    let said = format!("{}{}", guess.stdout, guess.stderr);
    for want in [
        "第4行「新增万企兴万村结对数」→未对应指标",
        "第4行「指标名称」找不到指标：新增万企兴万村结对数",
        "--mapping",
    ] {
        assert!(said.contains(want), "the preview says {want:?}:\n{said}");
    }

    // The JSON preview's mapping, row 4 set to CNT (no `skip`, as a person writes it).
    let json = ws.run(&args(&with(&["--dry-run", "--format", "json"])));
    let mut mapping = support::json(&json.stdout)["mapping"].clone();
    mapping["rows"] = serde_json::json!([{"row": 4, "label": "", "indicator": "CNT"}]);
    let map_file = ws.dir.path().join("对应关系.json");
    std::fs::write(&map_file, mapping.to_string()).expect("write the mapping");
    let map_arg = map_file.display().to_string();

    let fixed = ws
        .run(&args(&with(&["--dry-run", "--mapping", &map_arg])))
        .ok("preview with the mapping");
    assert!(
        !fixed.stdout.contains("未对应") && fixed.stdout.contains("结对企业"),
        "row 4 read as 结对企业:\n{}",
        fixed.stdout
    );
    let done = ws
        .run(&args(&with(&["--mapping", &map_arg])))
        .ok("import with the mapping");
    assert!(
        done.stdout.contains("写入完成情况 2 条"),
        "both rows written: {}",
        done.stdout
    );
}

#[test]
fn a_months_return_is_imported_with_quarter_given_as_a_month() {
    let ws = Workspace::with_small_ledger();
    ws.run(&[
        "record",
        "--indicator",
        "CNT",
        "--unit",
        "乙县",
        "--date",
        "2024-05-15",
        "--value",
        "5",
    ])
    .ok("record May");
    let file = csv(
        &ws,
        "乙县6月.csv",
        "乙县五大行动2024年6月统计表\n填报单位：乙县委统战部\n\
序号,指标名称,计量单位,1-6月累计,本月\n1,结对企业,家,9,\n2,帮扶资金,万元,,1.5\n",
    );
    let done = ws
        .run(&[
            "import",
            "return",
            &file,
            "--unit",
            "乙县",
            "--quarter",
            "2024-06",
        ])
        .ok("import a month's return");
    assert!(
        done.stdout
            .contains("已导入乙县2024-06报表：写入完成情况 2 条"),
        "{}",
        done.stdout
    );
    let listed = support::json(
        &ws.run(&[
            "entries",
            "--format",
            "json",
            "--from",
            "2024-06-01",
            "--to",
            "2024-06-30",
        ])
        .ok("entries")
        .stdout,
    );
    let rows = listed
        .as_array()
        .cloned()
        .unwrap_or_else(|| listed["rows"].as_array().unwrap().clone());
    let mut values: Vec<f64> = rows.iter().map(|r| r["value"].as_f64().unwrap()).collect();
    values.sort_by(f64::total_cmp);
    assert_eq!(values, [1.5, 4.0], "AMT 1.5 and CNT 9 − 5 held in May");
}
