//! `taizhang sample` then `taizhang progress --as-of 2024-06-30`: the city's completed values
//! are the release's figures, with targets, rates and statuses, in JSON, CSV and a table.

mod support;

use support::{json, Workspace};
use taizhang_core::sample;

/// A copy of the ledger `taizhang sample` made once for this process; what the command
/// printed is checked at each call.
fn loaded() -> Workspace {
    let out = &support::sample_ledger().stdout;
    assert!(
        out.contains("已加载示例数据"),
        "sample says what it did, got:\n{out}"
    );
    assert!(
        out.contains("示意"),
        "sample says its targets are illustrative, got:\n{out}"
    );
    Workspace::with_sample()
}

#[test]
fn json_progress_shows_the_release_figures_as_completed() {
    let ws = loaded();
    let out = ws
        .run(&["progress", "--as-of", "2024-06-30", "--format", "json"])
        .ok("progress json");
    let rows = json(&out.stdout);
    let rows = rows.as_array().expect("a JSON array");
    let figures = sample::figures();
    assert_eq!(
        rows.len(),
        figures.len(),
        "one row per figure: got {}, want {}",
        rows.len(),
        figures.len()
    );
    for f in &figures {
        let row = rows
            .iter()
            .find(|r| r["indicator"] == f.indicator_zh.as_str())
            .unwrap_or_else(|| panic!("no row for {}", f.indicator_zh));
        for key in [
            "action",
            "indicator_id",
            "indicator",
            "unit",
            "unit_id",
            "target",
            "completed",
            "completion_rate",
            "expected",
            "status",
        ] {
            assert!(
                row.get(key).is_some(),
                "{}: the row has no {key:?}",
                f.indicator_zh
            );
        }
        let completed = row["completed"].as_f64();
        assert_eq!(
            completed,
            Some(f.value as f64),
            "{}: completed {completed:?}, want {}",
            f.indicator_zh,
            f.value
        );
        assert_eq!(
            row["action"],
            f.action.as_str(),
            "{}: action",
            f.indicator_zh
        );
        assert_eq!(row["unit"], "临沂市", "{}: the whole city", f.indicator_zh);
        let target = row["target"]
            .as_f64()
            .unwrap_or_else(|| panic!("{}: no target", f.indicator_zh));
        let rate = row["completion_rate"].as_f64().unwrap_or(f64::NAN);
        assert!(
            (rate - f.value as f64 / target).abs() < 1e-9,
            "{}: rate {rate}, want {}",
            f.indicator_zh,
            f.value as f64 / target
        );
        let status = row["status"].as_str().unwrap_or_default();
        assert!(
            ["done", "on_pace", "slightly_behind", "behind"].contains(&status),
            "{}: status {status:?}",
            f.indicator_zh
        );
    }
    // --quarter 2024Q2 means as of its last day: the same figures.
    let by_quarter = ws
        .run(&["progress", "--quarter", "2024Q2", "--format", "json"])
        .ok("progress --quarter");
    assert_eq!(
        json(&by_quarter.stdout),
        json(&out.stdout),
        "--quarter 2024Q2 differs from --as-of 2024-06-30"
    );
}

#[test]
fn csv_progress_carries_the_same_numbers() {
    let ws = loaded();
    let out = ws
        .run(&["progress", "--as-of", "2024-06-30", "--format", "csv"])
        .ok("progress csv");
    let mut reader = csv::Reader::from_reader(out.stdout.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no CSV column {name}: {headers:?}"))
    };
    let (indicator, completed, status) = (col("indicator"), col("completed"), col("status"));
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let figures = sample::figures();
    assert_eq!(
        records.len(),
        figures.len(),
        "CSV rows: got {}, want {}",
        records.len(),
        figures.len()
    );
    for f in &figures {
        let r = records
            .iter()
            .find(|r| &r[indicator] == f.indicator_zh.as_str())
            .unwrap_or_else(|| panic!("no CSV row for {}", f.indicator_zh));
        assert_eq!(
            r[completed].parse::<f64>().ok(),
            Some(f.value as f64),
            "{}: CSV completed {:?}",
            f.indicator_zh,
            &r[completed]
        );
        assert!(
            !r[status].is_empty(),
            "{}: CSV status empty",
            f.indicator_zh
        );
    }
}

#[test]
fn the_table_says_the_sample_is_illustrative_and_lines_up() {
    let ws = loaded();
    let table = ws
        .run(&["progress", "--as-of", "2024-06-30"])
        .ok("progress table");
    assert!(
        table.stdout.contains("示意"),
        "the table notes the sample is illustrative:\n{}",
        table.stdout
    );
    let data = ws
        .run(&["progress", "--as-of", "2024-06-30", "--format", "json"])
        .ok("progress json");
    let statuses: Vec<String> = json(&data.stdout)
        .as_array()
        .unwrap()
        .iter()
        .map(|r| match r["status"].as_str().unwrap() {
            "done" => "已完成",
            "on_pace" => "序时达标",
            "slightly_behind" => "稍慢",
            "behind" => "滞后",
            _ => "未设目标",
        })
        .map(String::from)
        .collect();
    // Lines: heading, column titles, rule, one per indicator, the note.
    let lines: Vec<&str> = table.stdout.lines().collect();
    let rows = &lines[3..3 + statuses.len()];
    let status_column = support_width(lines[1]) - support_width("状态");
    for (line, status) in rows.iter().zip(&statuses) {
        assert!(
            line.ends_with(status.as_str()),
            "row should end with its status {status}: {line:?}"
        );
        let start = support_width(line) - support_width(status);
        assert_eq!(
            start, status_column,
            "status column starts at display column {start}, want {status_column}: {line:?}"
        );
    }
    let widths: Vec<usize> = lines[2].split("  ").map(str::len).collect();
    assert!(
        widths.iter().all(|w| *w > 0),
        "the rule has one run of dashes per column: {:?}",
        lines[2]
    );
}

fn support_width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}
