//! The CSV export (UTF-8 with BOM, parses back to the same numbers) and writing exports to
//! files: the format by extension, nothing written on a bad request.

mod export_support;

use export_support::{q2_query, sample};
use taizhang_core::export::{
    export_to_file, quarterly_summary, write_csv, ExportFormat, SummaryQuery,
};

#[test]
fn csv_starts_with_the_bom_and_parses_back_to_the_figures() {
    let s = sample();
    let summary = quarterly_summary(&s.ledger, &q2_query()).expect("summary");
    let bytes = write_csv(&summary).expect("csv");
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF", "UTF-8 byte-order mark first");
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let headers: Vec<String> = reader
        .headers()
        .expect("headers")
        .iter()
        .map(String::from)
        .collect();
    assert_eq!(
        &headers[..4],
        ["行动", "指标编码", "指标", "计量单位"],
        "headers"
    );
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name}"))
    };
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("record")).collect();
    let lines: Vec<_> = summary.actions.iter().flat_map(|a| &a.lines).collect();
    assert_eq!(records.len(), lines.len(), "one record per indicator");
    for (rec, l) in records.iter().zip(&lines) {
        let r = &l.row;
        let num = |name: &str| -> Option<f64> {
            let t = &rec[col(name)];
            (!t.is_empty()).then(|| {
                t.parse()
                    .unwrap_or_else(|_| panic!("{}: {name} = {t:?}", r.indicator))
            })
        };
        assert_eq!(&rec[col("指标")], r.indicator, "indicator");
        // (column, expected)
        let cases = [
            ("目标", r.target),
            ("完成", Some(r.completed)),
            ("本季度新增", Some(l.quarter_added)),
            (
                "完成率（%）",
                r.completion_rate.map(|v| (v * 10_000.0).round() / 100.0),
            ),
            (
                "序时进度（%）",
                r.expected_share.map(|v| (v * 10_000.0).round() / 100.0),
            ),
        ];
        for (name, want) in cases {
            assert_eq!(num(name), want, "{}: {name}", r.indicator);
        }
        assert_eq!(
            &rec[col("状态")],
            r.status.label_zh(),
            "{}: status",
            r.indicator
        );
    }
    let completed: Vec<f64> = records
        .iter()
        .map(|r| r[col("完成")].parse().unwrap())
        .collect();
    for want in [4221.0, 3702.0, 4492.0, 1400.0, 384.0] {
        assert!(
            completed.contains(&want),
            "the release's figure {want} is in the CSV"
        );
    }
}

#[test]
fn the_extension_chooses_the_format() {
    let s = sample();
    // (file name, format, first bytes)
    let cases: [(&str, ExportFormat, &[u8]); 4] = [
        ("汇总.xlsx", ExportFormat::Xlsx, b"PK"),
        ("report.DOCX", ExportFormat::Docx, b"PK"),
        ("指标.csv", ExportFormat::Csv, b"\xEF\xBB\xBF"),
        ("sub/dir/../r.csv", ExportFormat::Csv, b"\xEF\xBB\xBF"),
    ];
    std::fs::create_dir_all(s.dir.path().join("sub/dir")).unwrap();
    for (name, format, magic) in cases {
        let path = s.dir.path().join(name);
        let report =
            export_to_file(&s.ledger, &q2_query(), &path).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(report.format, format, "{name}: format");
        let bytes = std::fs::read(&path).expect("written");
        assert!(bytes.starts_with(magic), "{name}: starts with {magic:?}");
        assert_eq!(report.bytes, bytes.len() as u64, "{name}: size reported");
        assert_eq!(report.indicators, 49, "{name}: indicators");
    }
}

#[test]
fn a_bad_request_writes_nothing() {
    let s = sample();
    let existing = s.dir.path().join("old.xlsx");
    std::fs::write(&existing, b"earlier export").unwrap();
    let bad_quarter = SummaryQuery {
        as_of: Some(export_support::d("2024-07-02")),
        ..q2_query()
    };
    // (file name, query, expected error code)
    let cases = [
        ("r.pdf", q2_query(), "unsupported_format"),
        ("r", q2_query(), "unsupported_format"),
        ("missing/dir/r.xlsx", q2_query(), "write_failed"),
        ("old.xlsx", bad_quarter, "invalid"),
        (
            "old.xlsx",
            SummaryQuery {
                unit: Some("不存在的单位".into()),
                ..q2_query()
            },
            "unknown_unit",
        ),
    ];
    for (name, query, code) in cases {
        let before: Vec<_> = std::fs::read_dir(s.dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        let err = export_to_file(&s.ledger, &query, &s.dir.path().join(name)).expect_err(name);
        assert_eq!(err.code(), code, "{name}: {err}");
        let after: Vec<_> = std::fs::read_dir(s.dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(after, before, "{name}: no file added or removed");
    }
    assert_eq!(
        std::fs::read(&existing).unwrap(),
        b"earlier export",
        "the earlier file is untouched"
    );
    let msg = export_to_file(&s.ledger, &q2_query(), &s.dir.path().join("r.pdf"))
        .unwrap_err()
        .to_string();
    assert!(
        msg.contains(".pdf") && msg.contains(".xlsx"),
        "message says what is supported: {msg}"
    );
}
