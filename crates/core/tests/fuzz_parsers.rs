//! Every import parser fed random and mutated input, and not one panic: cell cleaning, the
//! number and date parsers, the typed date and quarter parsers, CSV cells made safe, the
//! CSV reader (random bytes and mangled clerk-like tables), header detection, the sheet
//! reader on mutated .xlsx bytes (bytes flipped in the archive, and the XML inside mangled
//! and packed again), and whole previews of mangled CSVs against a real ledger.
//!
//! `TAIZHANG_FUZZ_CASES` sets the total number of cases (default 100,000, which takes
//! well under a minute in a debug build); each test takes its share. The random generator
//! is seeded the same way every run, so a failure repeats; `TAIZHANG_FUZZ_SEED=<n>` tries
//! other inputs.
//!
//! A panic anywhere in Taizhang's own code fails the test. calamine, the spreadsheet
//! library, may panic on a broken file; the import catches that and says the file is
//! damaged, so those are counted and printed, not failures.

mod import_files;

use std::io::{Cursor, Read, Write};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, Once};

use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use taizhang_core::export::csv_safe;
use taizhang_core::import::parsers::{self, FileKind};
use taizhang_core::import::{self, ImportField, ImportKind};
use taizhang_core::{validate, Quarter};

/// The share of the total cases each test runs.
fn cases(share: f64) -> u32 {
    let total: f64 = std::env::var("TAIZHANG_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000.0);
    ((total * share).ceil() as u32).max(1)
}

/// Panics seen, by where they happened: ours fail the test, calamine's are counted.
static OURS: Mutex<Vec<String>> = Mutex::new(Vec::new());
static THEIRS: AtomicU64 = AtomicU64::new(0);

fn watch_panics() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let at = info
                .location()
                .map_or_else(String::new, |l| format!("{}:{}", l.file(), l.line()));
            if at.contains("calamine") || at.contains("quick-xml") || at.contains("zip-") {
                THEIRS.fetch_add(1, Ordering::Relaxed);
            } else {
                OURS.lock().unwrap().push(format!("{at}: {info}"));
                default(info);
            }
        }));
    });
}

/// Runs `test` on `n` inputs from `strategy`, then checks that nothing of ours panicked.
fn fuzz<S: Strategy>(name: &str, n: u32, strategy: S, test: impl Fn(S::Value)) {
    watch_panics();
    let seed: u64 = std::env::var("TAIZHANG_FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(12);
    let mut bytes = [0u8; 32];
    bytes[..8].copy_from_slice(&seed.to_le_bytes());
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &bytes);
    let config = Config {
        cases: n,
        failure_persistence: None,
        max_shrink_iters: 2_000,
        ..Config::default()
    };
    let mut runner = TestRunner::new_with_rng(config, rng);
    let result = runner.run(&strategy, |v| {
        test(v);
        Ok(())
    });
    if let Err(e) = result {
        panic!("{name}: {e}");
    }
    let ours = OURS.lock().unwrap().clone();
    assert!(
        ours.is_empty(),
        "{name}: panics in Taizhang's code: {ours:#?}"
    );
    println!(
        "{name}: {n} cases, 0 panics in Taizhang's code ({} caught inside calamine so far)",
        THEIRS.load(Ordering::Relaxed)
    );
}

/// Text a clerk's cell might hold, and worse: digits, separators, dates, full-width forms,
/// CJK, control characters, formula starts, and anything at all.
fn cell_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "0",
        "1",
        "9",
        "12",
        "2024",
        "-",
        "+",
        ".",
        ",",
        "，",
        "．",
        "e",
        "E",
        "年",
        "月",
        "日",
        "/",
        "-",
        " ",
        "\u{3000}",
        "１２",
        "２０２４",
        "万",
        "元",
        "%",
        "（",
        "）",
        "无",
        "—",
        "=",
        "@",
        "\t",
        "\r",
        "\n",
        "\"",
        "'",
        "合计",
        "兰山区",
        "CNT",
        "T",
        ":",
        "00",
        "1e308",
        "NaN",
        "inf",
        "\u{0}",
        "\u{200b}",
        "\u{feff}",
        "Q",
        "季度",
        "第",
        "二",
        "45000",
        "99999",
    ]);
    prop_oneof![
        3 => prop::collection::vec(pieces, 0..8).prop_map(|v| v.concat()),
        1 => any::<String>(),
        1 => "[0-9]{1,4}[-/.年][0-9]{1,2}[-/.月][0-9]{1,2}日?",
    ]
}

#[test]
fn text_parsers_never_panic() {
    fuzz("text parsers", cases(0.35), cell_text(), |text| {
        let cleaned = parsers::clean_text(&text);
        assert_eq!(
            parsers::clean_text(&cleaned),
            cleaned,
            "cleaning is idempotent"
        );
        if let Ok(Some(n)) = parsers::number(&text) {
            assert!(n.is_finite(), "{text:?} read as {n}");
            let _ = parsers::number_text(n);
        }
        let _ = parsers::date(&text);
        let _ = validate::parse_date(&text);
        if let Some(q) = Quarter::parse(&text) {
            assert!(q.start() <= q.end(), "{q}");
        }
        let safe = csv_safe::cell(&text);
        assert!(
            safe.starts_with('\'') || !safe.starts_with(['=', '+', '-', '@', '\t', '\r']),
            "{text:?} written as {safe:?}"
        );
    });
}

#[test]
fn number_cells_never_panic() {
    let numbers = prop_oneof![
        any::<f64>(),
        prop::sample::select(vec![
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MAX,
            f64::MIN,
            -0.0,
            18_263.999,
            73_416.0,
            45_000.5,
            1e15,
            -1e15,
        ]),
        -1e6..1e6f64,
    ];
    fuzz("numeric cells", cases(0.08), numbers, |n| {
        let _ = parsers::date_of_number(n);
        let _ = parsers::number_text(n);
    });
}

/// Entries' fields, as the import matches them.
fn entry_fields() -> Vec<ImportField> {
    let f = |key: &str, required, names: &[&str]| ImportField {
        key: key.into(),
        label: names[0].into(),
        required,
        names: names.iter().map(|s| s.to_string()).collect(),
    };
    vec![
        f("indicator", true, &["指标", "指标名称", "指标编码"]),
        f("unit", true, &["责任单位", "单位", "填报单位", "区县"]),
        f("occurred_on", true, &["日期", "完成日期", "登记日期"]),
        f("value", true, &["完成值", "数值", "完成数"]),
        f("note", false, &["备注", "说明", "情况说明"]),
    ]
}

/// A table a clerk might save as CSV, mangled: headers repeated or missing, quotes that
/// open and never close, delimiters of every kind, blank and ragged rows.
fn clerk_csv() -> impl Strategy<Value = Vec<u8>> {
    let cell = prop_oneof![
        4 => prop::sample::select(vec![
            "指标", "指标名称", "单位", "填报单位", "日期", "完成日期", "完成值", "备注", "CNT",
            "AMT", "兰山区", "罗庄区", "2024-03-05", "2024/3/6", "45000", "1,200", "合计", "",
            "\"", "\"\"", "\"a,b\"", "\"多行\n说明\"", "=1+1", "@SUM(1)", "-", "临沂市结对情况表",
        ])
        .prop_map(String::from),
        1 => cell_text(),
    ];
    let row = prop::collection::vec(cell, 0..7);
    let separator = prop::sample::select(vec![",", "\t", ";", "，"]);
    let newline = prop::sample::select(vec!["\n", "\r\n", "\r"]);
    (
        prop::collection::vec(row, 0..12),
        separator,
        newline,
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(rows, sep, nl, bom, gbk)| {
            let text: String = rows
                .iter()
                .map(|r| r.join(sep) + nl)
                .collect::<Vec<_>>()
                .concat();
            let mut bytes = if bom {
                b"\xEF\xBB\xBF".to_vec()
            } else {
                Vec::new()
            };
            if gbk && !bom {
                bytes.extend_from_slice(&encoding_rs::GBK.encode(&text).0);
            } else {
                bytes.extend_from_slice(text.as_bytes());
            }
            bytes
        })
}

fn read_and_guess(bytes: &[u8], kind: FileKind) {
    if let Ok(sheets) = parsers::sheets(bytes, kind) {
        let fields = entry_fields();
        for s in &sheets {
            let m = parsers::guess_header(s, &fields);
            for c in &m.columns {
                assert!(
                    (c.index as usize) < s.rows.iter().map(Vec::len).max().unwrap_or(0),
                    "a mapped column lies inside the sheet: {c:?}"
                );
            }
        }
    }
}

#[test]
fn the_csv_reader_never_panics() {
    let input = prop_oneof![
        1 => prop::collection::vec(any::<u8>(), 0..400),
        3 => clerk_csv(),
    ];
    fuzz(
        "CSV reader and header detection",
        cases(0.3),
        input,
        |bytes| {
            read_and_guess(&bytes, FileKind::Csv);
        },
    );
}

/// The parts of a small real workbook: a title row, a header, dates, a merged cell, text
/// and numbers, written by rust_xlsxwriter as Excel would.
fn workbook_parts() -> Vec<(String, Vec<u8>)> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.merge_range(0, 0, 0, 4, "临沂市结对情况表", &Format::new())
        .unwrap();
    for (c, h) in ["指标", "单位", "日期", "完成值", "备注"]
        .iter()
        .enumerate()
    {
        ws.write_string(1, c as u16, *h).unwrap();
    }
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for r in 2..6u32 {
        ws.write_string(r, 0, "CNT").unwrap();
        ws.write_string(r, 1, "兰山区").unwrap();
        let d = ExcelDateTime::from_ymd(2024, 3, r as u8).unwrap();
        ws.write_datetime_with_format(r, 2, &d, &date).unwrap();
        ws.write_number(r, 3, f64::from(r) * 1.5).unwrap();
        ws.write_string(r, 4, "第一批").unwrap();
    }
    let bytes = book.save_to_buffer().expect("the seed workbook");
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut part = zip.by_index(i).unwrap();
            let mut data = Vec::new();
            part.read_to_end(&mut data).unwrap();
            (part.name().unwrap().into_owned(), data)
        })
        .collect()
}

fn pack(parts: &[(String, Vec<u8>)], method: zip::CompressionMethod) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default().compression_method(method);
    for (name, data) in parts {
        zip.start_file(name.as_str(), opts).unwrap();
        zip.write_all(data).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// How to spoil a workbook: bytes of the archive changed, or the XML of one part mangled
/// and the archive packed again (stored, so the reader gets to the XML).
#[derive(Debug, Clone)]
enum Spoil {
    Bytes(Vec<(usize, u8)>),
    Truncate(usize),
    Xml {
        part: usize,
        edits: Vec<(usize, usize, String)>,
    },
}

#[test]
fn the_sheet_reader_never_panics_on_mutated_workbooks() {
    let parts = workbook_parts();
    let deflated = pack(&parts, zip::CompressionMethod::Deflated);
    let xml_snippets = prop::sample::select(vec![
        "<",
        ">",
        "\"",
        "<row r=\"0\">",
        "<row r=\"99999999999\">",
        "<c r=\"XFD1048576\">",
        "<c r=\"A0\">",
        "<c t=\"s\"><v>999</v></c>",
        "<v>-1</v>",
        "<v>1e400</v>",
        "t=\"d\"",
        "<mergeCell ref=\"A1:XFD1048576\"/>",
        "<mergeCell ref=\"B2:A1\"/>",
        "&amp;",
        "&#0;",
        "</sheetData>",
        "<dimension ref=\"A1:XFD1048576\"/>",
        "s=\"9999\"",
        "numFmtId=\"14\"",
        "",
        "\u{0}",
        "兰山区",
    ]);
    let n_parts = parts.len();
    let spoil = prop_oneof![
        2 => prop::collection::vec((0..deflated.len(), any::<u8>()), 1..6).prop_map(Spoil::Bytes),
        1 => (0..deflated.len()).prop_map(Spoil::Truncate),
        4 => (
            0..n_parts,
            prop::collection::vec((0..4000usize, 0..12usize, xml_snippets.prop_map(String::from)), 1..5)
        )
            .prop_map(|(part, edits)| Spoil::Xml { part, edits }),
    ];
    fuzz("sheet reader on mutated .xlsx", cases(0.25), spoil, |s| {
        let bytes = match s {
            Spoil::Bytes(changes) => {
                let mut b = deflated.clone();
                for (at, v) in changes {
                    b[at] = v;
                }
                b
            }
            Spoil::Truncate(len) => deflated[..len].to_vec(),
            Spoil::Xml { part, edits } => {
                let mut spoiled = parts.clone();
                let data = &mut spoiled[part].1;
                for (at, cut, with) in edits {
                    let at = at.min(data.len());
                    let end = (at + cut).min(data.len());
                    data.splice(at..end, with.into_bytes());
                }
                pack(&spoiled, zip::CompressionMethod::Stored)
            }
        };
        read_and_guess(&bytes, FileKind::Xlsx);
    });
}

#[test]
fn whole_previews_of_mangled_csvs_never_panic() {
    // Through the real doors: a file on disk, a ledger, every row read by its kind.
    let w = import_files::world();
    let path = w.file("fuzz.csv");
    fuzz(
        "previews of mangled CSVs",
        cases(0.02),
        clerk_csv(),
        |bytes| {
            std::fs::write(&path, &bytes).unwrap();
            for kind in [ImportKind::Entries, ImportKind::Pairings] {
                let _ = import::preview(&w.ledger, &kind, &path, None);
            }
        },
    );
}
