//! Shared by the export tests: the sample ledger on a real file, a quarter's query, and
//! reading back what the writers produced (zip parts, paragraph text).
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::io::{Cursor, Read};
use std::path::Path;
use std::sync::OnceLock;

use taizhang_core::export::SummaryQuery;
use taizhang_core::{sample, Ledger, Quarter};
use tempfile::TempDir;

#[path = "../fixture/mod.rs"]
mod fixture;

pub use fixture::{actor, d, TODAY};

/// The sample data in a ledger file of its own; today pinned to 2024-07-15.
pub struct Sample {
    pub dir: TempDir,
    pub ledger: Ledger,
}

/// Each test gets its own copy of a file the sample was loaded into once per test binary:
/// loading it takes seconds in a debug build, copying it milliseconds.
pub fn sample() -> Sample {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("ledger.db");
    for (suffix, bytes) in sample_files() {
        std::fs::write(format!("{}{suffix}", path.display()), bytes).expect("copy the sample");
    }
    let mut ledger = Ledger::open(&path).expect("open the copy of the sample");
    ledger.set_today(Some(d(TODAY)));
    Sample { dir, ledger }
}

/// The bytes of a ledger file the sample was loaded into (and of its write-ahead log, if
/// closing left one: SQLite replays it when the copy opens), loaded at the first call.
fn sample_files() -> &'static [(&'static str, Vec<u8>)] {
    static FILES: OnceLock<Vec<(&'static str, Vec<u8>)>> = OnceLock::new();
    FILES.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("ledger.db");
        {
            let mut ledger = Ledger::open(&path).expect("open a new ledger");
            ledger.set_today(Some(d(TODAY)));
            sample::load(&mut ledger, &actor(), false).expect("load the sample");
        } // closed: every connection dropped, the log checkpointed
        ["", "-wal"]
            .into_iter()
            .filter_map(|suffix| {
                let file = format!("{}{suffix}", path.display());
                Path::new(&file)
                    .exists()
                    .then(|| (suffix, std::fs::read(&file).expect("read the sample")))
            })
            .collect()
    })
}

pub fn q2() -> Quarter {
    Quarter::new(2024, 2).unwrap()
}

/// The city's summary of 2024Q2.
pub fn q2_query() -> SummaryQuery {
    SummaryQuery {
        quarter: Some(q2()),
        ..Default::default()
    }
}

/// Every part of a zip archive (xlsx, docx) by name, as text.
pub fn unzip(bytes: &[u8]) -> BTreeMap<String, String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip archive");
    let mut out = BTreeMap::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).expect("zip entry");
        let name = f.name().expect("entry name").to_string();
        let mut text = String::new();
        if f.read_to_string(&mut text).is_ok() {
            out.insert(name, text);
        }
    }
    out
}

/// The text of each paragraph of a WordprocessingML part, tags removed.
pub fn paragraphs(xml: &str) -> Vec<String> {
    xml.split("</w:p>")
        .map(|p| {
            let mut text = String::new();
            let mut in_tag = false;
            for c in p.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    c if !in_tag => text.push(c),
                    _ => {}
                }
            }
            text.replace("&quot;", "\"").replace("&amp;", "&")
        })
        .filter(|t| !t.trim().is_empty())
        .collect()
}
