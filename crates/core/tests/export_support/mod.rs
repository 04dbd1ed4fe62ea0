//! Shared by the export tests: the sample ledger on a real file, a quarter's query, and
//! reading back what the writers produced (zip parts, paragraph text).
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::io::{Cursor, Read};

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

pub fn sample() -> Sample {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ledger = Ledger::open(&dir.path().join("ledger.db")).expect("open a new ledger");
    ledger.set_today(Some(d(TODAY)));
    sample::load(&mut ledger, &actor(), false).expect("load the sample");
    Sample { dir, ledger }
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
