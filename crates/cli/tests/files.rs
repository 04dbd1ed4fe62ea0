//! The files the command writes: no CSV carries a formula (text that begins with = + - @
//! is written behind an apostrophe, figures stay numbers, the .xlsx holds it as a string);
//! an existing file is replaced only with --force; a failed write leaves the earlier file
//! as it was and no temporary file beside it.

mod support;

use std::io::Read;
use std::path::{Path, PathBuf};

use support::{Run, Workspace};

/// A copy of a ledger with the sample loaded (loaded once per test process).
fn sample() -> Workspace {
    Workspace::with_sample()
}

const CALC: &str = "=cmd|' /C calc'!A0";
const SUM: &str = "@SUM(1+1)";

/// The CSV's records (a BOM dropped).
fn records(text: &str) -> Vec<Vec<String>> {
    let text = text.trim_start_matches('\u{feff}');
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.expect("a CSV record").iter().map(String::from).collect())
        .collect()
}

/// The cell under `column` (a header) of the first record where `pick` holds.
fn cell(csv: &[Vec<String>], column: &str, pick: impl Fn(&[String]) -> bool) -> String {
    let at = csv[0]
        .iter()
        .position(|h| h == column)
        .unwrap_or_else(|| panic!("no column {column} in {:?}", csv[0]));
    let row = csv[1..]
        .iter()
        .find(|r| pick(r))
        .unwrap_or_else(|| panic!("no such row under {:?}", csv[0]));
    row[at].clone()
}

fn has(row: &[String], text: &str) -> bool {
    row.iter().any(|c| c == text)
}

#[test]
fn no_csv_output_carries_a_formula() {
    let ws = sample();
    let p = |name: &str| ws.dir.path().join(name).display().to_string();
    ws.run(&[
        "lag-note",
        "--indicator",
        "MQ10",
        "--quarter",
        "2024Q2",
        "--reason",
        CALC,
        "--measures",
        SUM,
    ])
    .ok("lag-note");
    let added = ws
        .run(&[
            "pairings",
            "add",
            "--enterprise",
            SUM,
            "--village",
            "东王庄村",
            "--township",
            "马厂湖镇",
            "--county",
            "兰山区",
            "--date",
            "2024-07-01",
            "--note",
            CALC,
        ])
        .ok("pairings add");
    let pairing = added
        .stdout
        .lines()
        .find_map(|l| l.trim().strip_prefix("编号："))
        .expect("the new pairing's id")
        .to_string();
    ws.run(&[
        "projects",
        "add",
        "--pairing",
        &pairing,
        "--name",
        "=1+2",
        "--kind",
        "产业",
        "--date",
        "2024-07-03",
        "--investment",
        "120.5",
    ])
    .ok("projects add");
    ws.run(&[
        "register",
        "add",
        "--type",
        "training",
        "--date",
        "2024-07-06",
        "--unit",
        "兰山区",
        "--title=-2+3",
        "--field",
        "培训人次=35",
    ])
    .ok("register add");
    ws.run(&[
        "record",
        "--indicator",
        "JY05",
        "--unit",
        "兰山区",
        "--date",
        "2024-07-10",
        "--value",
        "3",
        "--note",
        "+1+1",
    ])
    .ok("record");

    // The quarterly report as CSV: the lag note's two texts behind an apostrophe, the
    // negative gap of the same row still a number.
    ws.run(&["report", "--quarter", "2024Q2", "--out", &p("r.csv")])
        .ok("report csv");
    let report = records(&std::fs::read_to_string(p("r.csv")).unwrap());
    let mq10 = |r: &[String]| has(r, "MQ10");
    assert_eq!(
        cell(&report, "滞后原因", mq10),
        format!("'{CALC}"),
        "report: reason"
    );
    assert_eq!(
        cell(&report, "整改措施", mq10),
        format!("'{SUM}"),
        "report: measures"
    );
    let gap = cell(&report, "差额", mq10);
    assert!(
        gap.starts_with('-') && gap[1..].parse::<f64>().is_ok(),
        "report: the gap of an indicator behind pace stays a negative number, got {gap:?}"
    );

    // Each listing as CSV: (command, column, a row's marker, expected cell)
    let listings: [(&[&str], &str, &str, String); 6] = [
        (
            &["pairings", "list", "--from", "2024-07-01"],
            "enterprise",
            "东王庄村",
            format!("'{SUM}"),
        ),
        (
            &["enterprises", "list", "--search", "SUM"],
            "name",
            "",
            format!("'{SUM}"),
        ),
        (
            &["projects", "list", "--pairing", &pairing],
            "name",
            "",
            "'=1+2".into(),
        ),
        (
            &[
                "register",
                "list",
                "--type",
                "training",
                "--from",
                "2024-07-06",
            ],
            "title",
            "",
            "'-2+3".into(),
        ),
        (
            &[
                "register",
                "list",
                "--type",
                "training",
                "--from",
                "2024-07-06",
            ],
            "participants",
            "",
            "35".into(),
        ),
        (
            &["entries", "--unit", "兰山区", "--from", "2024-07-10"],
            "note",
            "",
            "'+1+1".into(),
        ),
    ];
    for (args, column, marker, want) in listings {
        let mut full = args.to_vec();
        full.extend(["--format", "csv"]);
        let out = ws.run(&full).ok(&full.join(" "));
        let csv = records(&out.stdout);
        let got = cell(&csv, column, |r| {
            marker.is_empty() || r.iter().any(|c| c.contains(marker))
        });
        assert_eq!(got, want, "{}: column {column}", args.join(" "));
    }

    // Figures stay numbers: GF01's gap as of 2024-06-30 is -189.22 (the table rounds it to -189.2).
    let out = ws
        .run(&[
            "progress",
            "--as-of",
            "2024-06-30",
            "--indicator",
            "GF01",
            "--format",
            "csv",
        ])
        .ok("progress csv");
    let progress = records(&out.stdout);
    assert_eq!(cell(&progress, "gap", |_| true), "-189.22", "progress: gap");

    // The Excel report keeps the text as a string cell, never a formula.
    ws.run(&["report", "--quarter", "2024Q2", "--out", &p("r.xlsx")])
        .ok("report xlsx");
    let file = std::fs::File::open(p("r.xlsx")).unwrap();
    let mut zip = zip::ZipArchive::new(file).expect("the .xlsx is a zip");
    let mut strings = String::new();
    let mut formulas = Vec::new();
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).unwrap();
        let name = part.name().map(|n| n.into_owned()).unwrap_or_default();
        let mut text = String::new();
        if part.read_to_string(&mut text).is_err() {
            continue;
        }
        if name == "xl/sharedStrings.xml" {
            strings = text;
        } else if name.starts_with("xl/worksheets/") && text.contains("<f>") {
            formulas.push(name);
        }
    }
    assert!(
        strings.contains("=cmd|") && strings.contains(SUM),
        "the lag note's texts are shared strings of the .xlsx"
    );
    assert!(
        formulas.is_empty(),
        "no sheet holds a formula: {formulas:?}"
    );
}

fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn assert_refused(what: &str, run: &Run, code: &str) {
    assert_eq!(run.code, 1, "{what}: exit status, stderr:\n{}", run.stderr);
    assert!(
        run.stderr.trim_end().ends_with(&format!("[{code}]")),
        "{what}: want [{code}], got:\n{}",
        run.stderr
    );
}

#[test]
fn an_existing_file_is_replaced_only_with_force() {
    let ws = sample();
    for (name, command) in [
        ("r.csv", vec!["report", "--quarter", "2024Q2"]),
        ("r.xlsx", vec!["report", "--quarter", "2024Q2"]),
        ("模板.xlsx", vec!["template", "pairings"]),
    ] {
        let path = ws.dir.path().join(name);
        std::fs::write(&path, "an earlier file").unwrap();
        let mut args = command.clone();
        args.extend(["--out", path.to_str().unwrap()]);
        let run = ws.run(&args);
        assert_refused(name, &run, "file_exists");
        assert!(
            run.stderr.contains("已存在") && run.stderr.contains("--force"),
            "{name}: says how to replace it: {}",
            run.stderr
        );
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "an earlier file",
            "{name}: kept without --force"
        );
        args.push("--force");
        ws.run(&args).ok(&format!("{name} --force"));
        let now = std::fs::read(&path).unwrap();
        assert_ne!(now, b"an earlier file", "{name}: replaced with --force");
    }
}

#[test]
fn a_failed_write_keeps_the_earlier_file_and_leaves_no_temporary_one() {
    let ws = sample();
    let dir = ws.dir.path().join("out");
    std::fs::create_dir(&dir).unwrap();
    // A name the file system holds, but too long for a temporary name beside it: the
    // write fails after the command has decided to replace the file.
    let long = |ext: &str| dir.join(format!("{}.{ext}", "a".repeat(240)));
    let blocker = dir.join("一个文件");
    std::fs::write(&blocker, "not a folder").unwrap();
    let cases: [(PathBuf, Vec<&str>); 4] = [
        (long("csv"), vec!["report", "--quarter", "2024Q2"]),
        (long("xlsx"), vec!["template", "pairings"]),
        (blocker.join("r.csv"), vec!["report", "--quarter", "2024Q2"]),
        (blocker.join("模板.xlsx"), vec!["template", "pairings"]),
    ];
    for (path, command) in cases {
        let earlier = path.exists() || std::fs::write(&path, "an earlier file").is_ok();
        let before = listing(&dir);
        let mut args = command.clone();
        args.extend(["--out", path.to_str().unwrap(), "--force"]);
        let run = ws.run(&args);
        assert_refused(
            &format!("{command:?} to {}", path.display()),
            &run,
            "write_failed",
        );
        if earlier {
            assert_eq!(
                std::fs::read_to_string(&path).unwrap(),
                "an earlier file",
                "{command:?}: the earlier file is intact"
            );
        }
        assert_eq!(listing(&dir), before, "{command:?}: no temporary file left");
    }
}
