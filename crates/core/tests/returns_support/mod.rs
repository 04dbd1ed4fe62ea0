//! For the return and county-register tests: a small ledger on a real file, and the
//! workbooks clerks send, written with rust_xlsxwriter as Excel/WPS save them — a title
//! merged across, 填报单位 and 单位 lines, a two-row heading (完成情况 over 1-9月累计完成 and
//! 其中：第三季度), 行动 merged down its rows, 序号 一、(一), footnote marks, signature lines;
//! and the table Taizhang sends, with its hidden `_taizhang` sheet.
//!
//! ```text
//! 临沂市 (CITY) ── 兰陵县 (LL, county) ── 兰陵经济开发区 (LLKF, zone)
//!              └── 沂南县 (YN, county)
//! ```
//! Indicators of action prosperity: 结对企业数 (CNT, 家, 0), 帮扶资金 (AMT, 万元, 2),
//! 走访企业数 (VIS, 个, 0), 结对共建企业 (PAIRED, derived: pairings counted). Today is
//! 2024-10-15.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use rust_xlsxwriter::{Format, Workbook};
use taizhang_core::{EntryFilter, Ledger, NewEntry, UnitKind};
use tempfile::TempDir;

mod books;
#[allow(unused_imports)]
pub use books::*;
#[path = "../fixture/mod.rs"]
mod fixture;

pub use fixture::{actor, d as day};
use fixture::{count_rows, pairings_counted, prosperity_indicator as ind, unit};

pub struct World {
    pub dir: TempDir,
    pub ledger: Ledger,
}

impl World {
    pub fn file(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Rows of a table, counted on the file itself.
    pub fn count(&self, table: &str) -> i64 {
        count_rows(&self.dir.path().join("ledger.db"), table)
    }

    /// An entry typed by hand.
    pub fn record(&mut self, indicator: &str, unit: &str, date: &str, value: f64) {
        let new = NewEntry {
            indicator: indicator.into(),
            unit: unit.into(),
            occurred_on: day(date),
            value,
            note: String::new(),
        };
        self.ledger
            .write(&actor(), |w| w.record_entry(new))
            .expect("record an entry");
    }

    /// The sum of a unit's own entries of an indicator within [from, to].
    pub fn total(&self, indicator: &str, unit: &str, from: &str, to: &str) -> f64 {
        let filter = EntryFilter {
            indicator: Some(indicator.into()),
            unit: Some(unit.into()),
            from: Some(day(from)),
            to: Some(day(to)),
            ..EntryFilter::default()
        };
        let rows = self.ledger.entries(&filter).expect("entries");
        (rows.iter().map(|e| e.value).sum::<f64>() * 100.0).round() / 100.0
    }
}

pub fn world() -> World {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ledger = Ledger::open(&dir.path().join("ledger.db")).expect("open a new ledger");
    ledger.set_today(Some(day("2024-10-15")));
    ledger
        .write(&actor(), |w| {
            w.add_unit(unit("CITY", "临沂市", UnitKind::City, None))?;
            w.add_unit(unit("LL", "兰陵县", UnitKind::County, Some("CITY")))?;
            w.add_unit(unit("LLKF", "兰陵经济开发区", UnitKind::Zone, Some("LL")))?;
            w.add_unit(unit("YN", "沂南县", UnitKind::County, Some("CITY")))?;
            w.add_indicator(ind("CNT", "结对企业数", "家", 0))?;
            w.add_indicator(ind("AMT", "帮扶资金", "万元", 2))?;
            w.add_indicator(ind("VIS", "走访企业数", "个", 0))?;
            w.add_indicator(ind("PAIRED", "结对共建企业", "家", 0))?;
            w.set_derivation("PAIRED", Some(pairings_counted()))
        })
        .expect("the test ledger");
    World { dir, ledger }
}

/// A cell: text, number or nothing.
#[derive(Debug, Clone)]
pub enum X {
    T(String),
    N(f64),
    Blank,
}

pub fn t(s: &str) -> X {
    if s.is_empty() {
        X::Blank
    } else {
        X::T(s.to_string())
    }
}

pub fn n(v: f64) -> X {
    X::N(v)
}

/// A sheet: rows, merged ranges (first row, first col, last row, last col), hidden or not.
pub struct SheetSpec {
    pub name: String,
    pub rows: Vec<Vec<X>>,
    pub merges: Vec<(u32, u16, u32, u16)>,
    pub hidden: bool,
}

/// Writes the workbook as Excel does: a merged range holds its value in its first cell.
pub fn write_book(path: &Path, sheets: &[SheetSpec]) {
    let mut book = Workbook::new();
    for s in sheets {
        let ws = book.add_worksheet();
        ws.set_name(&s.name).expect("sheet name");
        let covered = |r: u32, c: u16| {
            s.merges.iter().any(|m| {
                (m.0..=m.2).contains(&r) && (m.1..=m.3).contains(&c) && (r, c) != (m.0, m.1)
            })
        };
        for (r, row) in s.rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                if covered(r, c) || s.merges.iter().any(|m| (m.0, m.1) == (r, c)) {
                    continue;
                }
                match cell {
                    X::T(v) => ws.write_string(r, c, v).map(|_| ()),
                    X::N(v) => ws.write_number(r, c, *v).map(|_| ()),
                    X::Blank => Ok(()),
                }
                .expect("write cell");
            }
        }
        for m in &s.merges {
            let value = match s.rows.get(m.0 as usize).and_then(|r| r.get(m.1 as usize)) {
                Some(X::T(v)) => v.clone(),
                Some(X::N(v)) => v.to_string(),
                _ => String::new(),
            };
            ws.merge_range(m.0, m.1, m.2, m.3, &value, &Format::new())
                .expect("merge");
        }
        if s.hidden {
            ws.set_hidden(true);
        }
    }
    book.save(path).expect("save the test workbook");
}
