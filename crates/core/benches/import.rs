//! Import speed: 100,000 progress entries from an .xlsx and from a GBK .csv into a real
//! ledger file, timing the preview and the commit (one transaction), and the second
//! import of the same file (every row a duplicate, nothing written).
//!
//! `cargo bench -p taizhang-core --bench import` prints rows per second.
//! `cargo bench -p taizhang-core --bench import -- memory` instead measures the peak memory
//! (VmHWM) of previewing and committing the largest file an import accepts (just under
//! 1,100,000 rows), as .xlsx, .ods and .csv (issue 12: under 2 GB, proportional to the
//! file; each format in its own process, previewed then committed as the window does);
//! IMPORT_MEMORY_FORMATS=xlsx,ods chooses formats, IMPORT_MEMORY_NO_TRAIL=1 commits
//! without the audit trail (to tell the import's own memory from the trail's).
//! `cargo bench -p taizhang-core --bench import -- trail` measures only the trail's cost;
//! `-- bare` only the import against a bare prepared INSERT of the same rows.

use std::path::Path;
use std::time::Instant;

use chrono::{Days, NaiveDate};
use rust_xlsxwriter::Workbook;
use taizhang_core::import::{self, ImportKind};
use taizhang_core::{Actor, Ledger, NewIndicator, NewUnit, Pacing, UnitKind};

/// 100,000 rows under `cargo bench` (which passes --bench); 2,000 under `cargo test
/// --benches`, which only proves the bench runs; IMPORT_ROWS=<n> chooses.
fn rows() -> usize {
    static ROWS: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *ROWS.get_or_init(|| {
        let full = std::env::args().any(|a| a == "--bench");
        std::env::var("IMPORT_ROWS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(if full { 100_000 } else { 2_000 })
    })
}
const UNITS: usize = 20;
const INDICATORS: usize = 10;

fn ledger(path: &Path) -> Ledger {
    let mut ledger = Ledger::open(path).expect("open");
    ledger.set_today(NaiveDate::from_ymd_opt(2024, 12, 31));
    ledger
        .write(&Actor::named("bench"), |w| {
            w.add_unit(NewUnit {
                code: "CITY".into(),
                name: "示范市".into(),
                name_en: String::new(),
                kind: UnitKind::City,
                parent: None,
            })?;
            for u in 0..UNITS {
                w.add_unit(NewUnit {
                    code: format!("U{u}"),
                    name: format!("第{u}区"),
                    name_en: String::new(),
                    kind: UnitKind::County,
                    parent: Some("CITY".into()),
                })?;
            }
            for i in 0..INDICATORS {
                w.add_indicator(NewIndicator {
                    action: "prosperity".into(),
                    code: format!("I{i}"),
                    name: format!("指标{i}"),
                    name_en: String::new(),
                    measure: "个".into(),
                    headline: false,
                    decimals: 2,
                    pacing: Pacing::Linear,
                })?;
            }
            Ok(())
        })
        .expect("catalogue");
    ledger
}

/// Row i: indicator by name, unit by name, a date in 2024, a value with decimals.
fn row(i: usize) -> (String, String, NaiveDate, f64, String) {
    let day = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + Days::new((i % 360) as u64);
    (
        format!("指标{}", i % INDICATORS),
        format!("第{}区", (i / INDICATORS) % UNITS),
        day,
        (i % 997) as f64 + 0.25,
        format!("批次{}", i / 1000),
    )
}

fn write_xlsx(path: &Path, rows: usize) {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    for (c, h) in ["指标", "责任单位", "日期", "数值", "备注"]
        .iter()
        .enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for i in 0..rows {
        let (ind, unit, day, value, note) = row(i);
        let r = i as u32 + 1;
        ws.write_string(r, 0, &ind).unwrap();
        ws.write_string(r, 1, &unit).unwrap();
        ws.write_string(r, 2, day.to_string()).unwrap();
        ws.write_number(r, 3, value).unwrap();
        ws.write_string(r, 4, &note).unwrap();
    }
    book.save(path).unwrap();
}

fn write_gbk_csv(path: &Path, rows: usize) {
    let mut text = String::from("指标,责任单位,日期,数值,备注\n");
    for i in 0..rows {
        let (ind, unit, day, value, note) = row(i);
        text.push_str(&format!(
            "{ind},{unit},{},{value},{note}\n",
            day.format("%Y/%-m/%-d")
        ));
    }
    let (bytes, _, _) = encoding_rs::GBK.encode(&text);
    std::fs::write(path, bytes).unwrap();
}

/// The file committed as an entries import on the bench's behalf.
fn commit(ledger: &mut Ledger, file: &Path) -> import::ImportReport {
    import::commit(
        ledger,
        &Actor::named("bench"),
        &ImportKind::Entries,
        file,
        None,
        &mut |_, _| {},
    )
    .expect("commit")
}

fn rate(n: usize, secs: f64) -> String {
    format!("{:>9.0} rows/s ({secs:.2} s)", n as f64 / secs)
}

fn run(label: &str, file: &Path, dir: &Path) {
    let mut ledger = ledger(&dir.join(format!("{label}.db")));
    let t = Instant::now();
    let preview = import::preview(&ledger, &ImportKind::Entries, file, None).expect("preview");
    let preview_secs = t.elapsed().as_secs_f64();
    assert_eq!(preview.row_count as usize, rows(), "every row previewed");
    assert!(preview.problems.is_empty(), "no problems");

    let t = Instant::now();
    let report = commit(&mut ledger, file);
    let commit_secs = t.elapsed().as_secs_f64();
    assert_eq!(report.written as usize, rows(), "every row written");

    let t = Instant::now();
    let again = commit(&mut ledger, file);
    let again_secs = t.elapsed().as_secs_f64();
    assert_eq!(again.written, 0, "nothing written the second time");

    println!("{label}: preview      {}", rate(rows(), preview_secs));
    let name = label.trim();
    println!(
        "import_{name}_preview_rows_per_s: {:.0}",
        rows() as f64 / preview_secs
    );
    println!(
        "import_{name}_commit_rows_per_s: {:.0}",
        rows() as f64 / commit_secs
    );
    println!("{label}: commit       {}", rate(rows(), commit_secs));
    println!(
        "{label}: second time  {}  (all duplicates)",
        rate(rows(), again_secs)
    );
}

/// The middle of the timings (they are sorted in place).
fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// Deletes a bench ledger with its WAL and shared-memory files.
fn remove_ledger(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}

/// The audit trail's cost: the same CSV committed into fresh ledgers with the trail on and
/// off, interleaved, three rounds each; prints both medians and the ratio (issue 9's goal:
/// at most 1.5).
fn trail_cost(file: &Path, dir: &Path) {
    let mut times: [Vec<f64>; 2] = [Vec::new(), Vec::new()];
    let mut cpu: [Vec<f64>; 2] = [Vec::new(), Vec::new()];
    for round in 0..3 {
        for k in 0..2 {
            let trail = (round + k) % 2 == 0;
            let path = dir.join(format!("trail-{round}-{trail}.db"));
            let mut ledger = ledger(&path);
            if !trail {
                ledger.without_trail_for_benchmarks().expect("trail off");
            }
            let (t, on_cpu) = (Instant::now(), cpu_s());
            let report = commit(&mut ledger, file);
            times[usize::from(trail)].push(t.elapsed().as_secs_f64());
            cpu[usize::from(trail)].push(cpu_s() - on_cpu);
            assert_eq!(report.written as usize, rows());
            drop(ledger);
            remove_ledger(&path);
        }
    }
    let (without, with) = (median(&mut times[0]), median(&mut times[1]));
    println!(
        "trail: import of {} rows without the trail {without:.2} s, with it {with:.2} s",
        rows()
    );
    println!("import_trail_vs_none: {:.2}", with / without);
    // On a machine shared with other work the elapsed times wander; the time this thread
    // spent on a CPU wanders less (it leaves out the disk's waits, which the trail adds to).
    let (without, with) = (median(&mut cpu[0]), median(&mut cpu[1]));
    println!("trail: the same on the CPU: without {without:.2} s, with {with:.2} s");
    println!("import_trail_vs_none_cpu: {:.2}", with / without);
}

/// Seconds this thread has run on a CPU (Linux: /proc/thread-self/schedstat; 0 elsewhere).
fn cpu_s() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(0.0, |ns| ns / 1e9)
}

/// The import against the least any import must do (issue 13's goal: at most 1.5): the
/// same rows, already parsed and resolved, put into the same table with one prepared INSERT
/// in one transaction on a plain connection (no checks, no trail). Fresh ledgers, the two
/// interleaved, three rounds; prints both medians and the ratio.
fn bare_insert_cost(file: &Path, dir: &Path) {
    let mut times: [Vec<f64>; 2] = [Vec::new(), Vec::new()];
    for round in 0..3 {
        for k in 0..2 {
            let bare = (round + k) % 2 == 0;
            let path = dir.join(format!("bare-{round}-{bare}.db"));
            let mut ledger = ledger(&path);
            let secs = if bare {
                let ids = |table: &str| -> std::collections::HashMap<String, String> {
                    let conn = rusqlite::Connection::open(&path).expect("open");
                    let mut stmt = conn
                        .prepare(&format!("SELECT name, id FROM {table}"))
                        .expect("names");
                    let rows = stmt
                        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
                        .expect("query");
                    rows.map(|r| r.expect("row")).collect()
                };
                let (indicators, units) = (ids("indicator"), ids("unit"));
                drop(ledger);
                let rows: Vec<_> = (0..rows())
                    .map(|i| {
                        let (ind, unit, day, value, note) = row(i);
                        (
                            indicators[&ind].clone(),
                            units[&unit].clone(),
                            day,
                            value,
                            note,
                        )
                    })
                    .collect();
                let mut conn = rusqlite::Connection::open(&path).expect("open");
                let t = Instant::now();
                let tx = conn.transaction().expect("tx");
                {
                    let mut insert = tx
                        .prepare(
                            "INSERT INTO progress_entry (id, indicator_id, unit_id, occurred_on, value, note,
                                 is_sample, created_at, created_by, updated_at, updated_by)
                             VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0, ?7, 'bench', ?7, 'bench')",
                        )
                        .expect("prepare");
                    let now = "2024-12-31T09:00:00Z";
                    for (ind, unit, day, value, note) in &rows {
                        let id = uuid::Uuid::new_v4().to_string();
                        insert
                            .execute(rusqlite::params![id, ind, unit, day, value, note, now])
                            .expect("insert");
                    }
                }
                tx.commit().expect("commit");
                t.elapsed().as_secs_f64()
            } else {
                let t = Instant::now();
                let report = commit(&mut ledger, file);
                assert_eq!(report.written as usize, rows());
                t.elapsed().as_secs_f64()
            };
            times[usize::from(bare)].push(secs);
            remove_ledger(&path);
        }
    }
    let (import, bare) = (median(&mut times[0]), median(&mut times[1]));
    println!(
        "bare: {} rows imported from the .csv in {import:.2} s, bare prepared INSERT {bare:.2} s",
        rows()
    );
    println!("import_100k_vs_bare_insert: {:.2}", import / bare);
}

/// Peak resident memory since the last reset, in MB (Linux: VmHWM, reset through
/// /proc/self/clear_refs).
fn peak_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// An .ods of the same rows as `write_xlsx`, written by hand (mimetype stored first, the
/// content deflated), as LibreOffice would save it.
fn write_ods(path: &Path, rows: usize) {
    use std::io::Write;
    use zip::write::SimpleFileOptions;
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let deflated = SimpleFileOptions::default();
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    zip.start_file("META-INF/manifest.xml", deflated).unwrap();
    zip.write_all(
        br#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#,
    )
    .unwrap();
    zip.start_file("content.xml", deflated).unwrap();
    let mut out = std::io::BufWriter::new(&mut zip);
    out.write_all(br#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Sheet1">"#).unwrap();
    let text = |s: &str| {
        format!(
            r#"<table:table-cell office:value-type="string"><text:p>{s}</text:p></table:table-cell>"#
        )
    };
    let header: String = ["指标", "责任单位", "日期", "数值", "备注"]
        .iter()
        .map(|h| text(h))
        .collect();
    write!(out, "<table:table-row>{header}</table:table-row>").unwrap();
    for i in 0..rows {
        let (ind, unit, day, value, note) = row(i);
        write!(
            out,
            r#"<table:table-row>{}{}{}<table:table-cell office:value-type="float" office:value="{value}"><text:p>{value}</text:p></table:table-cell>{}</table:table-row>"#,
            text(&ind),
            text(&unit),
            text(&day.to_string()),
            text(&note)
        )
        .unwrap();
    }
    out.write_all(b"</table:table></office:spreadsheet></office:body></office:document-content>")
        .unwrap();
    drop(out);
    zip.finish().unwrap();
}

/// Issue 12's goal: an import's peak memory under 2 GB.
const GOAL_MB: f64 = 2048.0;

/// The largest accepted import, previewed and committed, with the peak memory of each.
fn memory(dir: &Path) {
    // A worksheet holds at most 1,048,576 rows (the header is one), in Excel as in
    // LibreOffice; a CSV may come nearer the import's own limit.
    let sheet_rows = 1_048_575;
    let csv_rows = import::MAX_ROWS - 1_000;
    let formats = std::env::var("IMPORT_MEMORY_FORMATS").unwrap_or_else(|_| "xlsx,ods,csv".into());
    let trail = std::env::var("IMPORT_MEMORY_NO_TRAIL").is_err();
    let formats: Vec<&str> = formats.split(',').map(str::trim).collect();
    if formats.len() > 1 {
        // One process a format: memory one import freed stays resident (the allocator
        // keeps it), and would count in the next one's peak.
        for format in formats {
            let status = std::process::Command::new(std::env::current_exe().unwrap())
                .args(["--bench", "memory"])
                .env("IMPORT_MEMORY_FORMATS", format)
                .status()
                .expect("run one format");
            assert!(status.success(), "memory of {format}");
        }
        return;
    }
    for format in formats {
        let file = dir.join(format!("largest.{format}"));
        let rows = if format == "csv" {
            csv_rows
        } else {
            sheet_rows
        };
        // Written by a child process: the memory of writing a million rows is not this
        // process's to measure (freed, it would still count in its resident size).
        let written = std::process::Command::new(std::env::current_exe().unwrap())
            .env(
                "IMPORT_MEMORY_WRITE",
                format!("{format}:{rows}:{}", file.display()),
            )
            .status()
            .expect("run the writer");
        assert!(written.success(), "writing {format}");
        let mb = std::fs::metadata(&file).unwrap().len() as f64 / 1e6;
        let mut ledger = ledger(&dir.join(format!("memory-{format}.db")));
        if !trail {
            ledger.without_trail_for_benchmarks().expect("trail off");
        }
        reset_peak();
        let base = peak_mb().unwrap_or(0.0);
        let t = Instant::now();
        let preview = import::preview(&ledger, &ImportKind::Entries, &file, None).expect("preview");
        assert_eq!(preview.row_count as usize, rows, "every row previewed");
        assert!(preview.problems.is_empty(), "no problems");
        let preview_peak = peak_mb().unwrap_or(0.0);
        let preview_secs = t.elapsed().as_secs_f64();
        drop(preview);
        reset_peak();
        let t = Instant::now();
        let report = commit(&mut ledger, &file);
        assert_eq!(report.written as usize, rows, "every row written");
        let commit_peak = peak_mb().unwrap_or(0.0);
        let trail_note = if trail { "" } else { ", without the trail" };
        println!(
            "memory {format:<4}: {rows} rows, file {mb:.0} MB: peak {preview_peak:.0} MB previewing ({preview_secs:.1} s), {commit_peak:.0} MB committing ({:.1} s{trail_note}); before: {base:.0} MB",
            t.elapsed().as_secs_f64()
        );
        let peak = preview_peak.max(commit_peak);
        println!(
            "memory {format:<4}: peak {peak:.0} MB = {:.2} of the 2 GB goal",
            peak / GOAL_MB
        );
        println!("import_peak_mb_{format}: {peak:.0}");
        drop(ledger);
        let _ = std::fs::remove_file(&file);
    }
}

/// The child process of `memory`: writes `format:rows:path`.
fn write_largest(what: &str) {
    let mut parts = what.splitn(3, ':');
    let (format, rows, path) = (
        parts.next().unwrap(),
        parts.next().unwrap().parse().unwrap(),
        Path::new(parts.next().unwrap()),
    );
    match format {
        "xlsx" => write_xlsx(path, rows),
        "ods" => write_ods(path, rows),
        "csv" => write_gbk_csv(path, rows),
        other => panic!("IMPORT_MEMORY_FORMATS: no format {other}"),
    }
}

fn main() {
    if let Ok(what) = std::env::var("IMPORT_MEMORY_WRITE") {
        write_largest(&what);
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    if std::env::args().any(|a| a == "memory") {
        memory(dir.path());
        return;
    }
    let xlsx = dir.path().join("entries.xlsx");
    let csv = dir.path().join("entries.csv");
    if std::env::args().any(|a| a == "trail") {
        write_gbk_csv(&csv, rows());
        trail_cost(&csv, dir.path());
        return;
    }
    if std::env::args().any(|a| a == "bare") {
        write_gbk_csv(&csv, rows());
        bare_insert_cost(&csv, dir.path());
        return;
    }
    let t = Instant::now();
    write_xlsx(&xlsx, rows());
    write_gbk_csv(&csv, rows());
    println!(
        "{} entry rows written as .xlsx and GBK .csv in {:.2} s",
        rows(),
        t.elapsed().as_secs_f64()
    );
    run("xlsx", &xlsx, dir.path());
    run("csv ", &csv, dir.path());
    trail_cost(&csv, dir.path());
    bare_insert_cost(&csv, dir.path());
}
