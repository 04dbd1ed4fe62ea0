//! `taizhang import` and `taizhang template` on real files: a dry run shows the preview and
//! its problems and writes nothing; a bad file exits 1 with the problems on stderr; a good
//! one is written once, and a second time adds nothing; a template imports as nothing.

mod support;

use support::{json, Workspace};

fn gbk(path: &std::path::Path, text: &str) {
    let (bytes, _, bad) = encoding_rs::GBK.encode(text);
    assert!(!bad, "the text fits GBK");
    std::fs::write(path, bytes).expect("write the CSV");
}

fn count_entries(ws: &Workspace) -> usize {
    let out = ws
        .run(&["entries", "--limit", "0", "--format", "json"])
        .ok("entries");
    json(&out.stdout).as_array().map_or(0, Vec::len)
}

#[test]
fn a_bad_file_is_previewed_and_refused_with_its_problems() {
    let ws = Workspace::with_small_ledger();
    let path = ws.dir.path().join("bad.csv");
    gbk(&path, "2024年完成情况\n指标,责任单位,日期,数值\n结对企业,甲区,2024/3/5,约50\n结对企业,火星区,2024-03-06,2\n");
    let file = path.to_str().unwrap();
    // (arguments, what stdout must contain)
    let cases: [(&[&str], &str); 2] = [
        (&["import", "entries", file, "--dry-run"], "问题 2 处"),
        (&["import", "entries", file], ""),
    ];
    for (args, stdout) in cases {
        let run = ws.run(args);
        assert_eq!(run.code, 1, "{args:?}: exit status; stderr {}", run.stderr);
        assert!(
            run.stdout.contains(stdout),
            "{args:?}: stdout should contain {stdout:?}:\n{}",
            run.stdout
        );
        for want in [
            "第3行「数值」不是数字：约50",
            "第4行「责任单位」找不到责任单位：火星区",
            "[import_rejected]",
        ] {
            assert!(
                run.stderr.contains(want),
                "{args:?}: stderr should contain {want:?}:\n{}",
                run.stderr
            );
        }
    }
    assert_eq!(count_entries(&ws), 0, "nothing written");
}

#[test]
fn a_good_file_is_written_once() {
    let ws = Workspace::with_small_ledger();
    let path = ws.dir.path().join("good.csv");
    gbk(&path, "指标,单位,日期,数量,备注\n结对企业,甲区,2024年3月5日,\"1,200\",第一批\n帮扶资金,乙县,2024.3.6,12.5,\n合计,,,1212.5,\n");
    let file = path.to_str().unwrap();
    let dry = ws
        .run(&["import", "entries", file, "--dry-run"])
        .ok("dry run");
    for want in [
        "表头在第1行",
        "将写入 2 行；重复 0 行（不再导入）；跳过 1 行；问题 0 处。",
        "未写入任何数据",
    ] {
        assert!(
            dry.stdout.contains(want),
            "dry run should say {want:?}:\n{}",
            dry.stdout
        );
    }
    assert_eq!(count_entries(&ws), 0, "a dry run writes nothing");
    let first = ws.run(&["import", "entries", file]).ok("import");
    assert!(
        first.stdout.starts_with("已导入完成情况：写入 2 行"),
        "first import: {}",
        first.stdout
    );
    let again = ws
        .run(&["import", "entries", file, "--format", "json"])
        .ok("import again");
    let report = json(&again.stdout);
    assert_eq!(
        (report["written"].as_u64(), report["duplicates"].as_u64()),
        (Some(0), Some(2)),
        "second import: (written, duplicates)"
    );
    assert_eq!(count_entries(&ws), 2, "two entries");
}

#[test]
fn templates_are_written_and_import_as_nothing() {
    let ws = Workspace::with_small_ledger();
    let out = ws.dir.path().join("模板.xlsx");
    let file = out.to_str().unwrap();
    let made = ws
        .run(&["template", "entries", "--out", file])
        .ok("template");
    assert!(
        made.stdout.starts_with("已生成完成情况导入模板"),
        "template says: {}",
        made.stdout
    );
    let dry = ws
        .run(&["import", "entries", file, "--dry-run"])
        .ok("dry run of the template");
    assert!(
        dry.stdout
            .contains("将写入 0 行；重复 0 行（不再导入）；跳过 1 行；问题 0 处。"),
        "the example row is skipped:\n{}",
        dry.stdout
    );
    let missing = ws.run(&["template", "activity", "--out", file]);
    assert_eq!(missing.code, 1, "activity without --register");
    assert!(
        missing.stderr.contains("[missing_register]"),
        "stderr: {}",
        missing.stderr
    );
}

#[test]
fn unreadable_and_unknown_inputs_fail_with_a_code() {
    let ws = Workspace::with_small_ledger();
    let corrupt = ws.dir.path().join("坏.xlsx");
    std::fs::write(&corrupt, b"not a workbook").unwrap();
    // (arguments, code)
    let cases: [(Vec<&str>, &str); 3] = [
        (
            vec!["import", "entries", corrupt.to_str().unwrap()],
            "[unreadable_file]",
        ),
        (
            vec!["import", "things", corrupt.to_str().unwrap()],
            "[bad_kind]",
        ),
        (
            vec!["import", "entries", "/no/such/file.csv", "--dry-run"],
            "[unreadable_file]",
        ),
    ];
    for (args, code) in cases {
        let run = ws.run(&args);
        assert_eq!(run.code, 1, "{args:?}: exit status");
        assert!(
            run.stderr.contains(code),
            "{args:?}: stderr should contain {code}: {}",
            run.stderr
        );
    }
}
