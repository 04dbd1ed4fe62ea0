//! `taizhang report --quarter 2024Q2 --out FILE`: the quarterly summary of the sample as
//! Word, Excel and CSV, the release's figures in the Word report's sentences; `lag-note`
//! puts a reason into the report; bad requests write no file.

mod support;

use std::io::Read;

use support::Workspace;

fn loaded() -> Workspace {
    Workspace::with_sample()
}

/// The text of one part of a zip archive (.docx, .xlsx).
fn part(path: &std::path::Path, name: &str) -> String {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut zip = zip::ZipArchive::new(file).expect("a zip archive");
    let mut text = String::new();
    zip.by_name(name)
        .unwrap_or_else(|e| panic!("{name} in {}: {e}", path.display()))
        .read_to_string(&mut text)
        .expect("utf-8 part");
    text
}

#[test]
fn the_word_report_carries_the_releases_figures() {
    let ws = loaded();
    let out = ws.dir.path().join("r.docx");
    let run = ws
        .run(&[
            "report",
            "--quarter",
            "2024Q2",
            "--out",
            out.to_str().unwrap(),
        ])
        .ok("report docx");
    assert!(
        run.stdout
            .contains("临沂市统一战线服务现代化强市建设“五大行动”2024年第二季度工作进展情况"),
        "says what it wrote, got:\n{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("15 项低于序时进度"),
        "says how many lag, got:\n{}",
        run.stdout
    );
    let doc = part(&out, "word/document.xml");
    for needle in [
        "一、深化“建言献策”行动",
        "累计动员4221家企业与3702个行政村结对共建，达成合作项目4492个",
        "培训企业家1400人次",
        "建设基层统战组织384个",
        "建立新阶层服务站132处",
        "（待填写）",
    ] {
        assert!(doc.contains(needle), "the report has «{needle}»");
    }
}

#[test]
fn each_extension_gets_its_format() {
    let ws = loaded();
    // (file, what the file must hold: (zip part or "" for the bytes, text))
    let cases = [
        ("汇总.xlsx", "xl/charts/chart1.xml", "<c:barChart>"),
        ("汇总.xlsx", "xl/workbook.xml", "总览"),
        ("指标.csv", "", "\u{feff}行动,指标编码,指标"),
        (
            "指标.csv",
            "",
            "结对共建企业,家,临沂市,2024-06-30,2022-01-01,2024-12-31,5300,4221",
        ),
    ];
    for (file, name, needle) in cases {
        let out = ws.dir.path().join(file);
        // Each file is written twice: the second run replaces the first (--force).
        ws.run(&[
            "report",
            "--quarter",
            "2024Q2",
            "--out",
            out.to_str().unwrap(),
            "--force",
        ])
        .ok(file);
        let text = if name.is_empty() {
            std::fs::read_to_string(&out).expect("text file")
        } else {
            part(&out, name)
        };
        assert!(text.contains(needle), "{file}: «{needle}» in {name:?}");
    }
}

#[test]
fn a_lag_note_appears_in_the_report() {
    let ws = loaded();
    let run = ws
        .run(&[
            "lag-note",
            "--indicator",
            "MQ10",
            "--quarter",
            "2024Q2",
            "--reason",
            "受汛期影响，路演延期至三季度。",
            "--measures",
            "7月底前完成。",
        ])
        .ok("lag-note");
    assert!(
        run.stdout.contains("企业、资本路演活动"),
        "names the indicator, got:\n{}",
        run.stdout
    );
    let out = ws.dir.path().join("r.docx");
    ws.run(&[
        "report",
        "--quarter",
        "2024Q2",
        "--out",
        out.to_str().unwrap(),
    ])
    .ok("report");
    let doc = part(&out, "word/document.xml");
    assert!(
        doc.contains("受汛期影响，路演延期至三季度。"),
        "the reason is in the report"
    );
    assert!(
        doc.contains("7月底前完成。"),
        "the measures are in the report"
    );
}

#[test]
fn bad_requests_write_no_file() {
    let ws = loaded();
    // (arguments after `report`, exit status, stable code on stderr)
    let cases: [(&[&str], i32, &str); 6] = [
        (
            &["--quarter", "2024Q2", "--out", "r.pdf"],
            1,
            "[unsupported_format]",
        ),
        (
            &["--quarter", "2024Q5", "--out", "r.docx"],
            1,
            "[bad_quarter]",
        ),
        (
            &[
                "--quarter",
                "2024Q2",
                "--as-of",
                "2024-07-02",
                "--out",
                "r.docx",
            ],
            1,
            "[invalid]",
        ),
        (
            &[
                "--quarter",
                "2024Q2",
                "--unit",
                "没有这个单位",
                "--out",
                "r.docx",
            ],
            1,
            "[unknown_unit]",
        ),
        (
            &["--quarter", "2024Q2", "--out", "no/such/dir/r.docx"],
            1,
            "[write_failed]",
        ),
        (&["--quarter", "2024Q2"], 2, "缺少必填参数"),
    ];
    for (args, status, code) in cases {
        let mut full = vec!["report"];
        let joined: Vec<String> = args
            .iter()
            .map(|a| {
                if a.ends_with(".docx") || a.ends_with(".pdf") {
                    ws.dir.path().join(a).display().to_string()
                } else {
                    a.to_string()
                }
            })
            .collect();
        full.extend(joined.iter().map(String::as_str));
        let before: Vec<_> = std::fs::read_dir(ws.dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            // SQLite's own -wal/-shm beside the ledger (a read-only open makes them) are not
            // files the command wrote.
            .filter(|n| {
                !n.to_string_lossy().ends_with("-wal") && !n.to_string_lossy().ends_with("-shm")
            })
            .collect();
        let run = ws.run(&full);
        assert_eq!(
            run.code, status,
            "{args:?}: exit status, stderr:\n{}",
            run.stderr
        );
        assert!(
            run.stderr.contains(code),
            "{args:?}: {code} in stderr:\n{}",
            run.stderr
        );
        let after: Vec<_> = std::fs::read_dir(ws.dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            // SQLite's own -wal/-shm beside the ledger (a read-only open makes them) are not
            // files the command wrote.
            .filter(|n| {
                !n.to_string_lossy().ends_with("-wal") && !n.to_string_lossy().ends_with("-shm")
            })
            .collect();
        assert_eq!(after, before, "{args:?}: no file written");
    }
}
