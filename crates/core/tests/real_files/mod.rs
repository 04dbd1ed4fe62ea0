//! Files made by real office software: each clerk-style workbook is written here as .xlsx
//! (rust_xlsxwriter: merged ranges, formats, formulas without cached values), then opened
//! and saved again by LibreOffice headless as .xlsx, .xls (BIFF8) and .ods — the closest
//! this machine gets to a file that WPS or Excel saved. The conversion runs once per test
//! binary into a private profile, so parallel runs do not share one.
//!
//! `soffice` comes from the Debian package libreoffice-calc-nogui (scripts/lib.sh installs
//! it); without it the tests fail and say so rather than skip.
#![allow(dead_code)]

pub mod sheets;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook};
use tempfile::TempDir;

/// A cell as a clerk typed it.
#[derive(Debug, Clone)]
pub enum C {
    /// Text (full-width digits stay text, as they do in a real sheet).
    T(&'static str),
    N(f64),
    /// A number shown with thousands and two decimals (#,##0.00).
    Money(f64),
    /// A date cell, shown as 2024年3月15日.
    D(NaiveDate),
    /// A formula (=SUM(E8:E10)); LibreOffice stores its result when it saves.
    F(&'static str),
    /// A percentage formula (=F8/E8).
    Pct(&'static str),
    E,
}

/// A sheet: rows, merged ranges (first row, first col, last row, last col; 0-based).
pub struct Sheet {
    pub name: &'static str,
    pub rows: Vec<Vec<C>>,
    pub merges: Vec<(u32, u16, u32, u16)>,
}

/// The forms a fixture is read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// As rust_xlsxwriter wrote it (what the other tests read).
    Generated,
    /// Re-saved by LibreOffice as .xlsx.
    OfficeXlsx,
    /// Saved by LibreOffice as .xls (BIFF8, "MS Excel 97").
    Xls,
    /// Saved by LibreOffice as .ods.
    Ods,
}

pub const FORMS: [Form; 4] = [Form::Generated, Form::OfficeXlsx, Form::Xls, Form::Ods];

/// Writes the sheets as a clerk's .xlsx: a large bold title, bordered cells, dates and
/// money formatted, merged ranges holding their value in the first cell.
pub fn write_xlsx(path: &Path, sheets: &[Sheet]) {
    let mut book = Workbook::new();
    let plain = Format::new().set_border(FormatBorder::Thin);
    let centred = plain.clone().set_align(FormatAlign::Center);
    let title = Format::new()
        .set_bold()
        .set_font_size(16)
        .set_align(FormatAlign::Center);
    let money = plain.clone().set_num_format("#,##0.00");
    let date = plain.clone().set_num_format("yyyy\"年\"m\"月\"d\"日\"");
    let pct = plain.clone().set_num_format("0.0%");
    for s in sheets {
        let ws = book.add_worksheet();
        ws.set_name(s.name).expect("sheet name");
        ws.set_column_range_width(0, 14, 14.0).expect("widths");
        for (r, row) in s.rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                let merge = s.merges.iter().find(|m| (m.0, m.1) == (r, c));
                let covered = s.merges.iter().any(|m| {
                    (m.0..=m.2).contains(&r) && (m.1..=m.3).contains(&c) && (r, c) != (m.0, m.1)
                });
                if covered {
                    continue;
                }
                if let Some(m) = merge {
                    let f = if r == 0 { &title } else { &centred };
                    let text = match cell {
                        C::T(t) => t.to_string(),
                        _ => String::new(),
                    };
                    ws.merge_range(m.0, m.1, m.2, m.3, &text, f).expect("merge");
                    if matches!(cell, C::T(_)) {
                        continue;
                    }
                    // Any other value goes into the merged range's first cell.
                }
                match cell {
                    C::T(t) => ws.write_string_with_format(r, c, *t, &plain).map(|_| ()),
                    C::N(n) => ws.write_number_with_format(r, c, *n, &plain).map(|_| ()),
                    C::Money(n) => ws.write_number_with_format(r, c, *n, &money).map(|_| ()),
                    C::D(d) => {
                        let dt = ExcelDateTime::from_ymd(
                            d.year() as u16,
                            d.month() as u8,
                            d.day() as u8,
                        )
                        .expect("date");
                        ws.write_datetime_with_format(r, c, &dt, &date).map(|_| ())
                    }
                    C::F(f) => ws.write_formula_with_format(r, c, *f, &plain).map(|_| ()),
                    C::Pct(f) => ws.write_formula_with_format(r, c, *f, &pct).map(|_| ()),
                    C::E => Ok(()),
                }
                .expect("write cell");
            }
        }
    }
    book.save(path).expect("save the fixture");
}

/// Every fixture in every form, made once for the test binary.
pub struct Made {
    _dir: TempDir,
    generated: PathBuf,
    converted: PathBuf,
    /// How long each conversion took (xlsx, xls, ods).
    pub took: Vec<(&'static str, Duration)>,
}

impl Made {
    /// The fixture `stem` (see `sheets::ALL`) in `form`.
    pub fn path(&self, stem: &str, form: Form) -> PathBuf {
        match form {
            Form::Generated => self.generated.join(format!("{stem}.xlsx")),
            Form::OfficeXlsx => self.converted.join("xlsx").join(format!("{stem}.xlsx")),
            Form::Xls => self.converted.join("xls").join(format!("{stem}.xls")),
            Form::Ods => self.converted.join("ods").join(format!("{stem}.ods")),
        }
    }
}

static MADE: OnceLock<Made> = OnceLock::new();

/// The fixtures, written and converted on first use.
pub fn made() -> &'static Made {
    MADE.get_or_init(make)
}

fn soffice() -> PathBuf {
    let found = ["soffice", "libreoffice"].iter().find_map(|name| {
        let ok = Command::new(name)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success());
        ok.then(|| PathBuf::from(name))
    });
    found.unwrap_or_else(|| {
        panic!(
            "这些测试需要 LibreOffice 把测试表格另存为 .xls/.ods/.xlsx，但找不到 soffice。\
             请安装：apt-get install -y --no-install-recommends libreoffice-calc-nogui \
             （scripts/test.sh 会自动安装）"
        )
    })
}

fn make() -> Made {
    let dir = tempfile::tempdir().expect("temp dir");
    let generated = dir.path().join("generated");
    let converted = dir.path().join("converted");
    std::fs::create_dir_all(&generated).expect("dir");
    let mut inputs = Vec::new();
    for (stem, sheets) in sheets::all() {
        let p = generated.join(format!("{stem}.xlsx"));
        write_xlsx(&p, &sheets);
        inputs.push(p);
    }
    let soffice = soffice();
    let profile = dir.path().join("lo-profile");
    let mut took = Vec::new();
    for (ext, filter) in [
        ("xlsx", "xlsx:Calc MS Excel 2007 XML"),
        ("xls", "xls:MS Excel 97"),
        ("ods", "ods"),
    ] {
        let out = converted.join(ext);
        std::fs::create_dir_all(&out).expect("dir");
        let start = Instant::now();
        let run = Command::new(&soffice)
            .arg(format!(
                "-env:UserInstallation=file://{}",
                profile.display()
            ))
            .args([
                "--headless",
                "--norestore",
                "--convert-to",
                filter,
                "--outdir",
            ])
            .arg(&out)
            .args(&inputs)
            .output()
            .expect("run soffice");
        took.push((ext, start.elapsed()));
        let made_all = inputs.iter().all(|p| {
            let stem = p.file_stem().expect("stem").to_string_lossy();
            out.join(format!("{stem}.{ext}")).is_file()
        });
        assert!(
            run.status.success() && made_all,
            "soffice --convert-to {filter} failed: {}\n{}",
            String::from_utf8_lossy(&run.stdout),
            String::from_utf8_lossy(&run.stderr)
        );
    }
    eprintln!("LibreOffice conversions: {took:?}");
    Made {
        _dir: dir,
        generated,
        converted,
        took,
    }
}
