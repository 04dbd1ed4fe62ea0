//! Projects and activity rows.

use crate::common::*;

#[test]
fn projects_add_to_a_pairing_and_count() {
    let ws = sample();
    let id = new_id(&add_pairing(&ws, "临沂项目测试公司", &[], "测试项目村").ok("pairing"));
    let gf03 = completed(&ws, "GF03");
    let out = ws
        .run(&[
            "projects",
            "add",
            "--pairing",
            &id,
            "--name",
            "蔬菜大棚",
            "--kind",
            "产业",
            "--date",
            "2024-07-03",
            "--investment",
            "120.5",
            "--beneficiaries",
            "40",
            "--status",
            "实施中",
        ])
        .ok("projects add");
    assert!(
        out.stdout.contains("已登记合作项目：蔬菜大棚 · 产业")
            && out.stdout.contains("投资 120.50 万元"),
        "projects add says: {}",
        out.stdout
    );
    assert_eq!(
        completed(&ws, "GF03"),
        gf03 + 1.0,
        "GF03 counts the new project"
    );
    let listed = json(
        &ws.run(&["projects", "list", "--pairing", &id, "--format", "json"])
            .ok("list")
            .stdout,
    );
    let row = &listed["rows"][0];
    assert_eq!(
        (
            &row["kind"],
            &row["status"],
            &row["investment"],
            &row["beneficiaries"]
        ),
        (
            &json("\"industry\""),
            &json("\"in_progress\""),
            &json("120.5"),
            &json("40")
        ),
        "the project as listed: {row}"
    );
    let before = counts(&ws);
    let add = |extra: &[&str]| {
        let base = [
            "projects",
            "add",
            "--pairing",
            &id,
            "--name",
            "坏项目",
            "--kind",
            "就业",
            "--date",
            "2024-07-03",
        ];
        ws.run(&merged(&base, extra))
    };
    // (what, options, code, the message says)
    let cases: [(&str, Vec<&str>, &str, &str); 5] = [
        (
            "an unknown kind",
            vec!["--kind", "旅游"],
            "invalid",
            "项目类型",
        ),
        (
            "five decimals (one 元 is 0.0001 万元)",
            vec!["--investment", "1.23456"],
            "too_many_decimals",
            "投资金额",
        ),
        (
            "negative people",
            vec!["--beneficiaries", "-3"],
            "negative_value",
            "受益人数",
        ),
        (
            "a future date",
            vec!["--date", "2030-01-01"],
            "date_out_of_range",
            "签约时间",
        ),
        (
            "an unknown status",
            vec!["--status", "搁置"],
            "invalid",
            "不是可选状态",
        ),
    ];
    for (what, extra, code, says) in cases {
        assert_refused(what, &add(&extra), code, says);
    }
    let unknown = ws.run(&[
        "projects",
        "add",
        "--pairing",
        "nope",
        "--name",
        "x",
        "--kind",
        "产业",
        "--date",
        "2024-07-03",
    ]);
    assert_refused("an unknown pairing", &unknown, "not_found", "结对关系");
    assert_eq!(counts(&ws), before, "refused projects write nothing");
}

#[test]
fn activity_rows_go_in_by_key_or_label_and_move_their_figures() {
    let ws = sample();
    let types = json(
        &ws.run(&["register", "types", "--format", "json"])
            .ok("types")
            .stdout,
    );
    let codes: Vec<&str> = types
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["code"].as_str().unwrap())
        .collect();
    for code in ["visit", "training", "report", "station", "roadshow"] {
        assert!(
            codes.contains(&code),
            "register types include {code}: {codes:?}"
        );
    }
    let jy06 = completed(&ws, "JY06");
    let jy07 = completed(&ws, "JY07");
    let mq08 = completed(&ws, "MQ08");
    let out = ws
        .run(&[
            "register",
            "add",
            "--type",
            "report",
            "--date",
            "2024-07-05",
            "--unit",
            "兰山区",
            "--title",
            "关于乡村物流的调研",
            "--status",
            "已采用",
            "--field",
            "类别=调研报告",
            "--field",
            "adopted_by=市发改委",
        ])
        .ok("report");
    assert!(
        out.stdout.starts_with(
            "已登记「调研报告与社情民意」：2024-07-05 · 兰山区 · 关于乡村物流的调研 · 已采用"
        ),
        "register add says: {}",
        out.stdout
    );
    ws.run(&[
        "register",
        "add",
        "--type",
        "training",
        "--date",
        "2024-07-06",
        "--unit",
        "兰山区",
        "--title",
        "民营企业家培训班",
        "--field",
        "培训人次=35",
    ])
    .ok("training");
    // (indicator, before, want after)
    let cases = [
        ("JY06", jy06, jy06 + 1.0),
        ("JY07", jy07, jy07 + 1.0),
        ("MQ08", mq08, mq08 + 35.0),
    ];
    for (code, before, want) in cases {
        let got = completed(&ws, code);
        assert_eq!(got, want, "{code}: from {before}, want {want}, got {got}");
    }
    let found = json(
        &ws.run(&[
            "register",
            "list",
            "--type",
            "report",
            "--search",
            "乡村物流",
            "--format",
            "json",
        ])
        .ok("search")
        .stdout,
    );
    assert_eq!(found["total"], 1, "search finds the new report: {found}");
    assert_eq!(
        found["rows"][0]["data"],
        json(r#"{"adopted_by": "市发改委", "category": "调研报告"}"#),
        "fields stored under their keys"
    );
    let rows_before = total(&ws, &["register", "list", "--type", "training"]);
    let add = |extra: &[&str]| {
        let base = [
            "register",
            "add",
            "--type",
            "training",
            "--date",
            "2024-07-06",
            "--unit",
            "兰山区",
            "--title",
            "坏记录",
        ];
        ws.run(&merged(&base, extra))
    };
    // (what, options, code, the message says)
    let cases: [(&str, Vec<&str>, &str, &str); 5] = [
        (
            "a required field missing",
            vec![],
            "invalid_field",
            "「培训人次」是必填项",
        ),
        (
            "an unknown field",
            vec!["--field", "人数=3"],
            "invalid",
            "没有字段「人数」",
        ),
        (
            "no equals sign",
            vec!["--field", "participants"],
            "invalid",
            "字段=值",
        ),
        (
            "a fractional count",
            vec!["--field", "participants=3.5"],
            "invalid_field",
            "小数",
        ),
        (
            "an unknown type",
            vec!["--type", "nope", "--field", "x=1"],
            "not_found",
            "台账类型",
        ),
    ];
    for (what, extra, code, says) in cases {
        assert_refused(what, &add(&extra), code, says);
    }
    let no_status = ws.run(&[
        "register",
        "add",
        "--type",
        "report",
        "--date",
        "2024-07-05",
        "--unit",
        "兰山区",
        "--title",
        "缺状态",
        "--field",
        "类别=调研报告",
    ]);
    assert_refused("a report without status", &no_status, "invalid", "状态");
    assert_eq!(
        total(&ws, &["register", "list", "--type", "training"]),
        rows_before,
        "refused rows write nothing"
    );
}
