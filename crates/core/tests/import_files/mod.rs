//! For the import tests: a small ledger on a real file, and the files clerks bring —
//! .xlsx written with rust_xlsxwriter (title rows, merged cells, date cells), CSV in
//! UTF-8, UTF-8 with BOM and GBK.
//!
//! ```text
//! 临沂市 (CITY) ── 兰山区 (LS, county), 罗庄区 (LZ, county), 市工商联 (GSL, department)
//! ```
//! Indicators of action prosperity: 结对企业数 (CNT, 家, 0 decimals), 帮扶资金 (AMT, 万元,
//! 2 decimals), 结对共建企业 (PAIRED, derived from pairings). Register types: visit (走访
//! 企业商会: 走访对象 choice, 走访人数 count) and report (调研报告, statuses). Today is
//! 2024-07-15.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use taizhang_core::register::activity::{FieldDef, FieldKind, NewRegisterType, StatusDef};
use taizhang_core::{Ledger, UnitKind};
use tempfile::TempDir;

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
}

#[path = "../fixture/mod.rs"]
mod fixture;

pub use fixture::actor;
use fixture::{count_rows, pairings_counted, prosperity_indicator as ind, unit};

pub struct World {
    pub dir: TempDir,
    pub ledger: Ledger,
}

impl World {
    /// A file path inside the test's own temporary directory.
    pub fn file(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn count(&self, table: &str) -> i64 {
        count_rows(&self.dir.path().join("ledger.db"), table)
    }
}

pub fn world() -> World {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ledger = Ledger::open(&dir.path().join("ledger.db")).expect("open a new ledger");
    ledger.set_today(Some(day(2024, 7, 15)));
    ledger
        .write(&actor(), |w| {
            w.add_unit(unit("CITY", "临沂市", UnitKind::City, None))?;
            w.add_unit(unit("LS", "兰山区", UnitKind::County, Some("CITY")))?;
            w.add_unit(unit("LZ", "罗庄区", UnitKind::County, Some("CITY")))?;
            w.add_unit(unit("GSL", "市工商联", UnitKind::Department, Some("CITY")))?;
            w.add_indicator(ind("CNT", "结对企业数", "家", 0))?;
            w.add_indicator(ind("AMT", "帮扶资金", "万元", 2))?;
            w.add_indicator(ind("PAIRED", "结对共建企业", "家", 0))?;
            w.set_derivation("PAIRED", Some(pairings_counted()))?;
            let field = |key: &str, label: &str, kind, options: &[&str], required| FieldDef {
                key: key.into(),
                label: label.into(),
                label_en: String::new(),
                kind,
                options: options.iter().map(|s| s.to_string()).collect(),
                required,
            };
            w.add_register_type(NewRegisterType {
                code: "visit".into(),
                action: "enterprise".into(),
                name: "走访企业商会".into(),
                name_en: String::new(),
                fields: vec![
                    field(
                        "target_kind",
                        "走访对象",
                        FieldKind::Choice,
                        &["企业", "商会"],
                        true,
                    ),
                    field("visitors", "走访人数", FieldKind::Count, &[], false),
                ],
                statuses: vec![],
            })?;
            w.add_register_type(NewRegisterType {
                code: "report".into(),
                action: "advice".into(),
                name: "调研报告".into(),
                name_en: String::new(),
                fields: vec![],
                statuses: vec![
                    StatusDef {
                        key: "submitted".into(),
                        label: "已报送".into(),
                        label_en: String::new(),
                    },
                    StatusDef {
                        key: "adopted".into(),
                        label: "已采用".into(),
                        label_en: String::new(),
                    },
                ],
            })?;
            Ok(())
        })
        .expect("the test ledger");
    World { dir, ledger }
}

/// A cell of a test workbook.
#[derive(Debug, Clone)]
pub enum X {
    T(String),
    N(f64),
    D(NaiveDate),
    Blank,
}

pub fn t(s: &str) -> X {
    X::T(s.to_string())
}

/// A sheet: its name, rows, and merged ranges (first row, first col, last row, last col).
pub struct SheetSpec {
    pub name: &'static str,
    pub rows: Vec<Vec<X>>,
    pub merges: Vec<(u32, u16, u32, u16)>,
}

pub fn sheet(name: &'static str, rows: Vec<Vec<X>>) -> SheetSpec {
    SheetSpec {
        name,
        rows,
        merges: Vec::new(),
    }
}

/// Writes an .xlsx as Excel would: date cells are serial numbers with a date format, a
/// merged range holds its value in its first cell only.
pub fn xlsx(path: &Path, sheets: &[SheetSpec]) {
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for s in sheets {
        let ws = book.add_worksheet();
        ws.set_name(s.name).expect("sheet name");
        for (r, row) in s.rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                let covered = s.merges.iter().any(|m| {
                    (m.0..=m.2).contains(&r) && (m.1..=m.3).contains(&c) && (r, c) != (m.0, m.1)
                });
                if covered {
                    continue;
                }
                match cell {
                    X::T(v) => ws.write_string(r, c, v).map(|_| ()),
                    X::N(v) => ws.write_number(r, c, *v).map(|_| ()),
                    X::D(d) => {
                        let dt = ExcelDateTime::parse_from_str(&d.to_string()).expect("date");
                        ws.write_datetime_with_format(r, c, &dt, &date).map(|_| ())
                    }
                    X::Blank => Ok(()),
                }
                .expect("write cell");
            }
        }
        for m in &s.merges {
            let value = match &s.rows[m.0 as usize][m.1 as usize] {
                X::T(v) => v.clone(),
                other => panic!("merged ranges of text only in these tests, got {other:?}"),
            };
            ws.merge_range(m.0, m.1, m.2, m.3, &value, &Format::new())
                .expect("merge");
        }
    }
    book.save(path).expect("save the test workbook");
}

/// CSV text in the given form.
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Gbk,
}

pub fn csv(path: &Path, text: &str, encoding: Encoding) {
    let bytes = match encoding {
        Encoding::Utf8 => text.as_bytes().to_vec(),
        Encoding::Utf8Bom => [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
        Encoding::Gbk => {
            let (b, _, bad) = encoding_rs::GBK.encode(text);
            assert!(!bad, "the test text fits GBK");
            b.into_owned()
        }
    };
    std::fs::write(path, bytes).expect("write the test CSV");
}

/// (sheet, row, column, message) of each problem, for comparing with a table.
pub fn positions(
    problems: &[taizhang_core::import::ImportProblem],
) -> Vec<(String, Option<u32>, Option<String>, String)> {
    problems
        .iter()
        .map(|p| (p.sheet.clone(), p.row, p.column.clone(), p.message.clone()))
        .collect()
}
