//! Accounts and the trail through the command line: the first admin needs no login, then
//! every command signs in; the permission table holds from this door too (refused commands
//! write nothing); `audit verify` and `audit list`.

mod support;

use std::path::Path;

use support::{json, row_counts, run_raw, table_names, Run, Workspace, TODAY};

const PW: &str = "Mima2024ok";

/// Rows of every table but the login attempts (a refused sign-in still counts one).
fn counts(db: &Path) -> Vec<(String, i64)> {
    let mut tables = table_names(db);
    tables.retain(|t| t != "account_login");
    row_counts(db, &tables)
}

/// `taizhang --db … --today … [--user U] args` with the password (and a new one) in the env.
fn as_user(ws: &Workspace, user: Option<&str>, args: &[&str]) -> Run {
    let db = ws.db.to_str().unwrap();
    let mut full = vec!["--db", db, "--today", TODAY];
    if let Some(u) = user {
        full.extend_from_slice(&["--user", u]);
    }
    full.extend_from_slice(args);
    run_raw(
        &full,
        &[("TAIZHANG_PASSWORD", PW), ("TAIZHANG_NEW_PASSWORD", PW)],
    )
}

fn with_accounts() -> Workspace {
    let ws = Workspace::with_small_ledger();
    let first = as_user(
        &ws,
        None,
        &[
            "user",
            "add",
            "admin",
            "--role",
            "admin",
            "--display",
            "王管理",
        ],
    )
    .ok("first admin");
    assert!(first.stdout.contains("这是第一个账号"), "{}", first.stdout);
    for (name, role) in [
        ("jia_clerk", "clerk"),
        ("jia_review", "reviewer"),
        ("jia_lead", "viewer"),
    ] {
        as_user(
            &ws,
            Some("admin"),
            &[
                "user",
                "add",
                name,
                "--role",
                role,
                "--unit",
                "甲区",
                "--display",
                name,
            ],
        )
        .ok(name);
    }
    ws
}

#[test]
fn after_the_first_admin_every_command_signs_in() {
    let ws = Workspace::with_small_ledger();
    let run = as_user(
        &ws,
        None,
        &["user", "add", "first", "--role", "clerk", "--unit", "甲区"],
    );
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("第一个账号必须是管理员"),
        "{}",
        run.stderr
    );
    let ws = with_accounts();
    let run = as_user(&ws, None, &["entries"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("[login_required]"), "{}", run.stderr);
    let run = run_raw(
        &[
            "--db",
            ws.db.to_str().unwrap(),
            "--user",
            "admin",
            "entries",
        ],
        &[("TAIZHANG_PASSWORD", "wrong-pass-1")],
    );
    assert!(
        run.stderr.contains("登录名或密码不正确，再错4次") && run.stderr.contains("[bad_login]"),
        "{}",
        run.stderr
    );
    let list = as_user(&ws, Some("admin"), &["user", "list", "--format", "json"]).ok("user list");
    let logins: Vec<String> = json(&list.stdout)
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["login"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(logins, ["admin", "jia_clerk", "jia_lead", "jia_review"]);
    let run = as_user(&ws, Some("jia_clerk"), &["user", "list"]);
    assert!(
        run.stderr.contains("[forbidden]"),
        "a clerk does not list accounts: {}",
        run.stderr
    );
}

#[test]
fn the_permission_table_holds_from_the_command_line() {
    let ws = with_accounts();
    let csv = ws.dir.path().join("乙县完成情况.csv");
    std::fs::write(&csv, "指标,责任单位,日期,数值\nCNT,乙县,2024-07-01,5\n").unwrap();
    let csv = csv.to_str().unwrap();
    let record = |unit: &'static str| {
        vec![
            "record",
            "--indicator",
            "CNT",
            "--unit",
            unit,
            "--date",
            "2024-07-01",
            "--value",
            "2",
        ]
    };
    let lag = |unit: &'static str| {
        vec![
            "lag-note",
            "--indicator",
            "CNT",
            "--quarter",
            "2024Q2",
            "--unit",
            unit,
            "--reason",
            "汛期影响",
            "--measures",
            "加快进度",
        ]
    };
    let target = vec![
        "target",
        "set",
        "--indicator",
        "CNT",
        "--unit",
        "甲区",
        "--year",
        "2024",
        "--value",
        "50",
    ];
    let pairing = vec![
        "pairings",
        "add",
        "--enterprise",
        "乙县某公司",
        "--village",
        "南村",
        "--township",
        "乙镇",
        "--county",
        "乙县",
        "--date",
        "2024-07-02",
    ];
    // (who, command, allowed)
    let cases: Vec<(&str, Vec<&str>, bool)> = vec![
        ("jia_clerk", record("甲区"), true),
        ("jia_clerk", record("乙县"), false),
        ("jia_lead", record("甲区"), false),
        ("jia_review", record("甲区"), false),
        ("admin", record("乙县"), true),
        ("jia_clerk", target.clone(), false),
        ("admin", target, true),
        ("jia_review", lag("甲区"), true),
        ("jia_review", lag("乙县"), false),
        ("jia_lead", lag("甲区"), false),
        ("jia_clerk", pairing.clone(), false),
        ("admin", pairing, true),
        ("jia_clerk", vec!["import", "entries", csv], false),
        (
            "jia_clerk",
            vec!["user", "add", "x", "--role", "viewer"],
            false,
        ),
        ("jia_lead", vec!["user", "disable", "jia_clerk"], false),
    ];
    for (who, args, allowed) in cases {
        let before = counts(&ws.db);
        let run = as_user(&ws, Some(who), &args);
        let after = counts(&ws.db);
        if allowed {
            assert_eq!(run.code, 0, "{who} {args:?}: {}", run.stderr);
            assert_ne!(before, after, "{who} {args:?} wrote nothing");
        } else {
            assert_eq!(
                run.code, 1,
                "{who} {args:?} should be refused: {}",
                run.stdout
            );
            assert!(
                run.stderr.contains("[forbidden]"),
                "{who} {args:?}: {}",
                run.stderr
            );
            assert_eq!(before, after, "{who} {args:?} was refused but wrote");
        }
    }
    let run = as_user(&ws, Some("jia_clerk"), &record("乙县"));
    assert_eq!(
        run.stderr.trim(),
        "错误：甲区填报员无权新增乙县的数据（完成情况） [forbidden]"
    );
}

#[test]
fn audit_verify_and_list_from_the_command_line() {
    let ws = with_accounts();
    let out = as_user(
        &ws,
        Some("jia_clerk"),
        &[
            "record",
            "--indicator",
            "CNT",
            "--unit",
            "甲区",
            "--date",
            "2024-07-01",
            "--value",
            "2",
        ],
    )
    .ok("record");
    let id = out
        .stdout
        .rsplit("编号 ")
        .next()
        .unwrap()
        .trim_end_matches(['）', '\n'])
        .to_string();
    as_user(
        &ws,
        Some("jia_clerk"),
        &["--reason", "按原始台账更正", "entries"],
    )
    .ok("entries");
    let ok = as_user(&ws, Some("admin"), &["audit", "verify"]).ok("verify");
    assert!(ok.stdout.starts_with("留痕完整："), "{}", ok.stdout);

    let list = as_user(
        &ws,
        Some("admin"),
        &[
            "audit",
            "list",
            "--table",
            "progress_entry",
            "--format",
            "json",
        ],
    )
    .ok("list");
    let rows = json(&list.stdout);
    let rec = &rows.as_array().unwrap()[0];
    assert_eq!(
        (
            rec["account"].as_str(),
            rec["op"].as_str(),
            rec["row_id"].as_str()
        ),
        (Some("jia_clerk"), Some("insert"), Some(id.as_str()))
    );

    rusqlite::Connection::open(&ws.db)
        .unwrap()
        .execute("UPDATE progress_entry SET value = 20 WHERE id = ?1", [&id])
        .unwrap();
    let bad = as_user(&ws, Some("admin"), &["audit", "verify"]);
    assert_eq!(bad.code, 1);
    assert!(
        bad.stderr
            .contains(&format!("{id}：字段「value」现为 20.0，留痕应为 2.0"))
            && bad.stderr.contains("[audit_broken]"),
        "{}",
        bad.stderr
    );
}
