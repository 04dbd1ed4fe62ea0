//! 季度汇总 over IPC: the summary of the sample's 2024Q2 and its sentences, exports that open
//! again with the same figures, refusals in Chinese that write nothing, lag notes.

use std::io::{Cursor, Read};
use std::path::Path;

use calamine::{Data, Reader, Xlsx};
use serde_json::{json, Value};

use crate::desk::{assert_error, Desk};

const AS_OF: &str = "2024-06-30";
/// The release's headline figures: enterprises and villages paired, cooperation projects.
const HEADLINE: [(&str, f64); 3] = [
    ("结对共建企业", 4221.0),
    ("结对共建行政村", 3702.0),
    ("村企合作项目", 4492.0),
];

fn q2() -> Value {
    json!({"quarter": {"year": 2024, "q": 2}})
}

/// Every sentence the summary drafted, in reading order.
fn sentences(drafted: &Value) -> Vec<String> {
    let text = &drafted["text"];
    let mut out: Vec<String> = Vec::new();
    let strings = |v: &Value| -> Vec<String> {
        v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|s| s.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default()
    };
    out.extend(strings(&text["overview"]));
    for a in text["actions"].as_array().expect("sections") {
        out.extend(a["lead"].as_str().map(String::from));
        out.extend(strings(&a["paragraphs"]));
    }
    out
}

fn unzip_part(path: &Path, part: &str) -> String {
    let bytes = std::fs::read(path).expect("the exported file");
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip archive");
    let mut text = String::new();
    zip.by_name(part)
        .unwrap_or_else(|e| panic!("{part} in {}: {e}", path.display()))
        .read_to_string(&mut text)
        .expect("text part");
    text
}

/// Every number cell of every sheet.
fn workbook_numbers(path: &Path) -> Vec<f64> {
    let mut wb: Xlsx<_> = calamine::open_workbook(path).expect("calamine opens the workbook");
    let mut out = Vec::new();
    for name in wb.sheet_names() {
        let range = wb.worksheet_range(&name).expect("sheet");
        out.extend(range.used_cells().filter_map(|(_, _, c)| match c {
            Data::Float(f) => Some(*f),
            Data::Int(i) => Some(*i as f64),
            _ => None,
        }));
    }
    out
}

#[test]
fn the_summary_of_2024q2_says_the_progress_figures() {
    let desk = Desk::new();
    let drafted = desk.ok("quarterly_summary", json!({"query": q2()}));
    let summary = &drafted["summary"];
    assert_eq!(summary["as_of"], json!(AS_OF), "as of the quarter's end");
    let progress = desk.ok("progress", json!({"query": {"as_of": AS_OF}}));
    let text = sentences(&drafted).concat();
    for (indicator, want) in HEADLINE {
        let in_progress = progress
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["indicator"] == indicator)
            .map(|r| r["completed"].clone());
        let in_summary = summary["actions"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|a| a["lines"].as_array().unwrap())
            .find(|l| l["row"]["indicator"] == indicator)
            .map(|l| l["row"]["completed"].clone());
        assert_eq!(
            in_summary, in_progress,
            "{indicator}: the summary's figure is the progress computation's"
        );
        assert_eq!(in_summary, Some(json!(want)), "{indicator}: the release's");
        assert!(
            text.contains(&format!("{want}")),
            "the sentences mention {indicator} {want}: {text}"
        );
    }
    let headline = "累计动员4221家企业与3702个行政村结对共建，达成合作项目4492个";
    assert!(text.contains(headline), "want 「{headline}」 in {text}");
    assert_eq!(
        drafted["file_stem"],
        json!("临沂市五大行动2024年第二季度汇总"),
        "suggested file name"
    );
    let behind = summary["behind"].as_array().unwrap().len();
    let facts = drafted["text"]["behind"].as_array().unwrap().len();
    assert_eq!(facts, behind, "facts for every indicator behind pace");
}

#[test]
fn exports_open_again_with_the_same_figures() {
    let desk = Desk::new();
    let dir = tempfile::tempdir().expect("temp dir");
    for ext in ["xlsx", "docx", "csv"] {
        let path = dir
            .path()
            .join(format!("临沂市五大行动2024年第二季度汇总.{ext}"));
        let args = json!({"query": q2(), "path": path.display().to_string(), "replace": false});
        let report = desk.ok("export_summary", args.clone());
        let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        assert_eq!(report["bytes"], json!(size), "{ext}: the reported size");
        assert_eq!(report["format"], json!(ext), "{ext}: format");
        match ext {
            "xlsx" => {
                let numbers = workbook_numbers(&path);
                for (indicator, want) in HEADLINE {
                    assert!(
                        numbers.contains(&want),
                        "xlsx: {indicator} {want} in a cell"
                    );
                }
            }
            "docx" => {
                let xml = unzip_part(&path, "word/document.xml");
                assert!(
                    xml.contains("累计动员4221家企业与3702个行政村结对共建，达成合作项目4492个"),
                    "docx: the headline sentence"
                );
            }
            _ => {
                let text = std::fs::read_to_string(&path).expect("UTF-8 CSV");
                for (_, want) in HEADLINE {
                    assert!(text.contains(&format!("{want}")), "csv: {want}");
                }
            }
        }
        // Again without replacing: refused, the file kept; with replacing: written.
        let e = desk.err("export_summary", args.clone());
        assert_error(&format!("{ext} again"), &e, "file_exists", None, "已存在");
        let mut replace = args;
        replace["replace"] = json!(true);
        desk.ok("export_summary", replace);
    }
}

#[test]
fn a_bad_path_or_query_is_refused_in_chinese_and_writes_nothing() {
    let desk = Desk::new();
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("没有的文件夹").join("汇总.xlsx");
    let pdf = dir.path().join("汇总.pdf");
    let bare = dir.path().join("汇总");
    // (what, query, path, code, field, the message says)
    let cases = [
        ("a .pdf", q2(), &pdf, "unsupported_format", None, ".pdf"),
        (
            "no extension",
            q2(),
            &bare,
            "unsupported_format",
            None,
            "扩展名",
        ),
        (
            "a missing folder",
            q2(),
            &missing,
            "write_failed",
            None,
            "所在文件夹不存在",
        ),
        (
            "an unknown unit",
            json!({"quarter": {"year": 2024, "q": 2}, "unit": "火星市"}),
            &dir.path().join("a.xlsx"),
            "unknown_unit",
            Some("unit"),
            "火星市",
        ),
        (
            "an as-of date outside the quarter",
            json!({"quarter": {"year": 2024, "q": 2}, "as_of": "2024-07-15"}),
            &dir.path().join("b.xlsx"),
            "invalid",
            Some("as_of"),
            "不在",
        ),
    ];
    for (what, query, path, code, field, says) in cases {
        let args = json!({"query": query, "path": path.display().to_string(), "replace": false});
        let e = desk.err("export_summary", args);
        assert_error(what, &e, code, field, says);
    }
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert!(left.is_empty(), "nothing written, found {left:?}");
}

#[test]
fn a_lag_note_is_written_listed_exported_and_deleted() {
    let desk = Desk::new();
    let drafted = desk.ok("quarterly_summary", json!({"query": q2()}));
    let summary = &drafted["summary"];
    let item = &summary["behind"][0];
    let indicator = item["row"]["indicator_id"].clone();
    assert!(
        indicator.is_string(),
        "the sample has an indicator behind pace"
    );
    let note = json!({
        "indicator": indicator,
        "unit": summary["unit_id"],
        "quarter": {"year": 2024, "q": 2},
        "reason": "汛期施工受阻",
        "measures": "七月底前补齐进度",
    });
    let saved = desk.ok("set_lag_note", json!({"note": note}));
    assert_eq!(saved["reason"], json!("汛期施工受阻"), "saved reason");
    let filter = json!({"filter": {"quarter": {"year": 2024, "q": 2}}});
    let listed = desk.ok("list_lag_notes", filter.clone());
    assert_eq!(listed.as_array().map(Vec::len), Some(1), "listed: {listed}");

    let again = desk.ok("quarterly_summary", json!({"query": q2()}));
    let shown = again["summary"]["behind"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["row"]["indicator_id"] == indicator)
        .map(|b| b["note"]["measures"].clone());
    assert_eq!(
        shown,
        Some(json!("七月底前补齐进度")),
        "the summary shows it"
    );

    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("r.docx");
    desk.ok(
        "export_summary",
        json!({"query": q2(), "path": path.display().to_string(), "replace": false}),
    );
    let xml = unzip_part(&path, "word/document.xml");
    assert!(
        xml.contains("汛期施工受阻"),
        "the Word report carries the reason"
    );

    let empty = json!({"note": {"indicator": indicator, "unit": null,
        "quarter": {"year": 2024, "q": 2}, "reason": " ", "measures": ""}});
    let e = desk.err("set_lag_note", empty);
    assert_error(
        "an empty note",
        &e,
        "invalid",
        Some("reason"),
        "至少填写一项",
    );

    desk.ok("delete_lag_note", json!({"id": saved["id"]}));
    let listed = desk.ok("list_lag_notes", filter);
    assert_eq!(listed, json!([]), "deleted");
    let e = desk.err("delete_lag_note", json!({"id": saved["id"]}));
    assert_error("deleted twice", &e, "not_found", None, "滞后说明");
}
