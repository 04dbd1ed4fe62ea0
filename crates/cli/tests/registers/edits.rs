//! `pairings edit`, `projects edit`, `register edit`: only what is given changes, derived
//! figures follow, refusals write nothing and say why.

use crate::common::*;

/// The JSON row of a listing filtered by `args`.
fn first_row(ws: &Workspace, args: &[&str]) -> serde_json::Value {
    let mut full = args.to_vec();
    full.extend(["--format", "json"]);
    let out = ws.run(&full).ok(&args.join(" "));
    json(&out.stdout)["rows"][0].clone()
}

#[test]
fn pairings_edit_changes_what_is_given_and_refuses_the_same_pair() {
    let ws = sample();
    let a = new_id(&add_pairing(&ws, "临沂编辑甲公司", &[], "编辑甲村").ok("a"));
    add_pairing(&ws, "临沂编辑乙公司", &[], "编辑乙村").ok("b");
    let gf01 = completed(&ws, "GF01");
    let out = ws
        .run(&[
            "pairings",
            "edit",
            &a,
            "--status",
            "已结束",
            "--note",
            "企业迁出",
        ])
        .ok("edit status");
    assert!(
        out.stdout
            .starts_with("已修改结对：临沂编辑甲公司 — 兰山区马厂湖镇编辑甲村")
            && out.stdout.contains("已结束"),
        "pairings edit says: {}",
        out.stdout
    );
    assert_eq!(
        completed(&ws, "GF01"),
        gf01 - 1.0,
        "an ended pairing's enterprise no longer counts"
    );
    let row = first_row(&ws, &["pairings", "list", "--search", "编辑甲"]);
    assert_eq!(
        (&row["status"], &row["note"], &row["signed_on"]),
        (
            &json("\"ended\""),
            &json("\"企业迁出\""),
            &json("\"2024-07-01\"")
        ),
        "status and note changed, the date kept: {row}"
    );

    let before = counts(&ws);
    // (case, extra arguments, code, the message says)
    let cases: [(&str, &[&str], &str, &str); 4] = [
        (
            "the same pair as 乙's",
            &[
                "--enterprise",
                "临沂编辑乙公司",
                "--village",
                "编辑乙村",
                "--township",
                "马厂湖镇",
                "--county",
                "兰山区",
            ],
            "duplicate",
            "已存在",
        ),
        (
            "signed in the future",
            &["--date", "2030-01-01"],
            "date_out_of_range",
            "2030",
        ),
        (
            "an unknown status",
            &["--status", "暂停"],
            "invalid",
            "暂停",
        ),
        (
            "an unknown unit",
            &["--unit", "火星县"],
            "unknown_unit",
            "火星县",
        ),
    ];
    for (case, extra, code, says) in cases {
        let mut args = vec!["pairings", "edit", a.as_str()];
        args.extend_from_slice(extra);
        assert_refused(case, &ws.run(&args), code, says);
        assert_eq!(counts(&ws), before, "{case}: nothing written");
    }
    let out = ws.run(&["pairings", "edit", "no-such-id", "--note", "x"]);
    assert_refused("an unknown pairing", &out, "not_found", "no-such-id");
    let again = first_row(&ws, &["pairings", "list", "--search", "编辑甲"]);
    assert_eq!(again, row, "refused edits leave the pairing as it was");
}

#[test]
fn projects_and_register_rows_edit() {
    let ws = sample();
    let p = new_id(&add_pairing(&ws, "临沂编辑项目公司", &[], "编辑项目村").ok("pairing"));
    ws.run(&[
        "projects",
        "add",
        "--pairing",
        &p,
        "--name",
        "编辑大棚",
        "--kind",
        "产业",
        "--date",
        "2024-07-03",
        "--investment",
        "10",
    ])
    .ok("projects add");
    let x = first_row(&ws, &["projects", "list", "--pairing", &p]);
    let id = x["id"].as_str().expect("id").to_string();
    let out = ws
        .run(&[
            "projects",
            "edit",
            &id,
            "--investment",
            "88.5",
            "--status",
            "已完成",
            "--kind",
            "就业",
        ])
        .ok("projects edit");
    assert!(
        out.stdout.contains("已修改合作项目：编辑大棚 · 就业")
            && out.stdout.contains("投资 88.50 万元"),
        "says: {}",
        out.stdout
    );
    let row = first_row(&ws, &["projects", "list", "--pairing", &p]);
    assert_eq!(
        (
            &row["investment"],
            &row["status"],
            &row["kind"],
            &row["agreed_on"]
        ),
        (
            &json("88.5"),
            &json("\"completed\""),
            &json("\"employment\""),
            &json("\"2024-07-03\"")
        ),
        "changed what was given, kept the date: {row}"
    );
    let refused = ws.run(&["projects", "edit", &id, "--investment", "-3"]);
    assert_refused("a negative investment", &refused, "negative_value", "投资");
    assert_eq!(
        first_row(&ws, &["projects", "list", "--pairing", &p]),
        row,
        "nothing written"
    );

    let jy07 = completed(&ws, "JY07");
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
            "编辑调研",
            "--status",
            "已采用",
            "--field",
            "类别=调研报告",
        ])
        .ok("register add");
    let rid = out
        .stdout
        .trim_end()
        .rsplit("编号 ")
        .next()
        .unwrap()
        .trim_end_matches('）')
        .to_string();
    assert_eq!(
        completed(&ws, "JY07"),
        jy07 + 1.0,
        "an adopted report counts"
    );
    let out = ws
        .run(&[
            "register",
            "edit",
            &rid,
            "--status",
            "已报送",
            "--title",
            "编辑后的调研",
        ])
        .ok("register edit");
    assert!(
        out.stdout.starts_with(
            "已修改「调研报告与社情民意」：2024-07-05 · 兰山区 · 编辑后的调研 · 已报送"
        ),
        "says: {}",
        out.stdout
    );
    assert_eq!(
        completed(&ws, "JY07"),
        jy07,
        "no longer adopted, no longer counted"
    );
    let refused = ws.run(&["register", "edit", &rid, "--field", "类别=小道消息"]);
    assert_refused("a choice not offered", &refused, "invalid_field", "类别");
    let row = first_row(
        &ws,
        &["register", "list", "--type", "report", "--search", "编辑后"],
    );
    assert_eq!(
        row["data"]["category"],
        json("\"调研报告\""),
        "the refused field is unchanged: {row}"
    );
}
