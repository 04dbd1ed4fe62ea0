//! Hostile and careless files: refused before they are parsed (a directory, a FIFO, a link
//! to /dev/zero, a file over 200 MB, a zip bomb, too many rows) or, for an archive that
//! lies about its sizes, as soon as a part yields more than it declared, and sheets that do not say what they mean (two 「日期」 columns, a quote
//! that never closes) reported where they are instead of read one way silently.

mod import_files;

use std::io::Write;
use std::path::Path;

use import_files::*;
use taizhang_core::import::{self, ImportKind};
use zip::write::SimpleFileOptions;

/// The error code of previewing `path` as entries (it must fail).
fn refused(w: &World, path: &Path) -> (String, String) {
    let err = import::preview(&w.ledger, &ImportKind::Entries, path, None)
        .expect_err("the file is refused");
    (err.code().to_string(), err.to_string())
}

/// An .xlsx whose one sheet is `sheet_xml`, written part by part with `deflate`; the
/// sheet is produced by `write_sheet` so that a large one streams into the archive.
fn workbook(path: &Path, write_sheet: impl FnOnce(&mut dyn Write)) {
    let file = std::fs::File::create(path).expect("create the test workbook");
    let mut zip = zip::ZipWriter::new(file);
    let opts = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let parts: [(&str, &str); 4] = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ),
        (
            "xl/workbook.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        ),
        (
            "xl/_rels/workbook.xml.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
        ),
    ];
    for (name, text) in parts {
        zip.start_file(name, opts).expect("start part");
        zip.write_all(text.as_bytes()).expect("write part");
    }
    zip.start_file("xl/worksheets/sheet1.xml", opts)
        .expect("start the sheet");
    write_sheet(&mut zip);
    zip.finish().expect("finish the workbook");
}

const SHEET_START: &str = r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#;
const SHEET_END: &str = "</sheetData></worksheet>";

/// A header and one entry, as inline strings.
fn small_sheet(out: &mut dyn Write) {
    let cell = |r: &str, v: &str| format!(r#"<c r="{r}" t="inlineStr"><is><t>{v}</t></is></c>"#);
    let xml = format!(
        "{SHEET_START}<row r=\"1\">{}{}{}{}</row><row r=\"2\">{}{}{}<c r=\"D2\"><v>3</v></c></row>{SHEET_END}",
        cell("A1", "指标"),
        cell("B1", "单位"),
        cell("C1", "日期"),
        cell("D1", "完成值"),
        cell("A2", "CNT"),
        cell("B2", "兰山区"),
        cell("C2", "2024-03-05"),
    );
    out.write_all(xml.as_bytes()).expect("write the sheet");
}

#[test]
fn a_real_workbook_built_this_way_is_read() {
    // The control for the bombs below: the same archive with an honest sheet imports.
    let w = world();
    let path = w.file("正常.xlsx");
    workbook(&path, small_sheet);
    let p = import::preview(&w.ledger, &ImportKind::Entries, &path, None).expect("preview");
    assert_eq!(
        (p.rows.len(), p.problems.len()),
        (1, 0),
        "one row, no problem: {:?}",
        p.problems
    );
}

#[test]
fn a_zip_bomb_is_refused_from_its_directory() {
    // A sheet of 600 MB, almost all one repeated byte, packs to under 1 MB: about 1000:1.
    let w = world();
    let path = w.file("炸弹.xlsx");
    workbook(&path, |out| {
        out.write_all(SHEET_START.as_bytes()).unwrap();
        let block = vec![b' '; 1024 * 1024];
        for _ in 0..600 {
            out.write_all(&block).unwrap();
        }
        out.write_all(SHEET_END.as_bytes()).unwrap();
    });
    let size = std::fs::metadata(&path).unwrap().len();
    assert!(
        size < 2 * 1024 * 1024,
        "the bomb is small on disk: {size} bytes"
    );
    let (code, message) = refused(&w, &path);
    assert_eq!(code, "file_malformed", "{message}");
    assert!(
        message.contains("压缩比") && message.contains("炸弹.xlsx"),
        "names the file and why: {message}"
    );
}

#[test]
fn a_part_that_holds_more_than_it_declares_is_refused() {
    // An honest-looking archive: the sheet declares 1,000 bytes but inflates to 5 MB.
    let w = world();
    let path = w.file("谎报.xlsx");
    workbook(&path, |out| {
        out.write_all(SHEET_START.as_bytes()).unwrap();
        out.write_all(" ".repeat(5 * 1024 * 1024).as_bytes())
            .unwrap();
        out.write_all(SHEET_END.as_bytes()).unwrap();
    });
    lie_about_sizes(&path, "xl/worksheets/sheet1.xml", 1000);
    // Its directory looks honest; the zip reader stops the part at its declared size.
    let (code, message) = refused(&w, &path);
    assert_eq!(code, "unreadable_file", "{message}");
    assert!(
        message.contains("declared"),
        "says the part is larger than declared: {message}"
    );
}

/// Rewrites the uncompressed size of `part` in the local header, the central directory
/// and any zip64 extra field to `size`.
fn lie_about_sizes(path: &Path, part: &str, size: u32) {
    let mut bytes = std::fs::read(path).unwrap();
    let name = part.as_bytes();
    let mut patched = 0;
    for at in 0..bytes.len().saturating_sub(46) {
        let sig = &bytes[at..at + 4];
        let (size_at, name_len_at, name_at) = match sig {
            b"PK\x03\x04" => (at + 22, at + 26, at + 30),
            b"PK\x01\x02" => (at + 24, at + 28, at + 46),
            _ => continue,
        };
        let len = u16::from_le_bytes([bytes[name_len_at], bytes[name_len_at + 1]]) as usize;
        if bytes.get(name_at..name_at + len) != Some(name) {
            continue;
        }
        let old = u32::from_le_bytes(bytes[size_at..size_at + 4].try_into().unwrap());
        if old == u32::MAX {
            continue; // zip64: the test writes the sheet small enough not to need it
        }
        bytes[size_at..size_at + 4].copy_from_slice(&size.to_le_bytes());
        patched += 1;
    }
    assert!(
        patched >= 2,
        "patched the local and central headers ({patched})"
    );
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn what_is_not_a_regular_file_is_refused_without_being_opened() {
    let w = world();
    let dir = w.file("一个文件夹.csv");
    std::fs::create_dir(&dir).unwrap();
    let mut cases = vec![(dir, "not_a_file", "文件夹")];
    #[cfg(unix)]
    {
        // Opening a FIFO for reading would wait for a writer: the check must come first.
        let fifo = w.file("管道.csv");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo");
        assert!(made.success(), "mkfifo");
        cases.push((fifo, "not_a_file", "管道"));
        let zero = w.file("零.csv");
        std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
        cases.push((zero, "not_a_file", "设备"));
        let zero_xlsx = w.file("零.xlsx");
        std::os::unix::fs::symlink("/dev/zero", &zero_xlsx).unwrap();
        cases.push((zero_xlsx, "not_a_file", "设备"));
    }
    for (path, code, says) in cases {
        let (got, message) = refused(&w, &path);
        assert_eq!(got, code, "{}: {message}", path.display());
        assert!(
            message.contains(says),
            "{}: says {says}: {message}",
            path.display()
        );
    }
}

#[test]
fn a_file_over_200_mb_is_refused_by_its_size() {
    let w = world();
    for name in ["大.csv", "大.xlsx"] {
        let path = w.file(name);
        // Sparse: no disk is used, and nothing is read.
        let f = std::fs::File::create(&path).unwrap();
        f.set_len(import::MAX_FILE_BYTES + 1).unwrap();
        let (code, message) = refused(&w, &path);
        assert_eq!(code, "file_too_large", "{name}: {message}");
        assert!(
            message.contains("200 MB"),
            "{name}: says the limit: {message}"
        );
    }
}

#[test]
fn a_csv_of_more_than_1_100_000_rows_is_refused_while_read() {
    let w = world();
    let path = w.file("太多行.csv");
    let mut text = String::from("指标,单位,日期,完成值\n");
    text.push_str(&"CNT,兰山区,2024-03-05,1\n".repeat(import::MAX_ROWS));
    std::fs::write(&path, text).unwrap();
    let (code, message) = refused(&w, &path);
    assert_eq!(code, "too_many_rows", "{message}");
    assert!(message.contains("1100000"), "says the limit: {message}");
}

#[test]
fn a_cell_far_to_the_right_and_bottom_costs_nothing() {
    // A real sheet plus one value at XFD1048576: dense, it would be 17 billion cells.
    let w = world();
    let path = w.file("稀疏.xlsx");
    workbook(&path, |out| {
        let mut small = Vec::new();
        small_sheet(&mut small);
        let xml = String::from_utf8(small).unwrap().replace(
            SHEET_END,
            &format!(r#"<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>{SHEET_END}"#),
        );
        out.write_all(xml.as_bytes()).unwrap();
    });
    let err = import::preview(&w.ledger, &ImportKind::Entries, &path, None)
        .map(|p| p.rows.len())
        .map_err(|e| e.code());
    // The far cell makes one more (bad) row of the file, or the file too large to read:
    // either way an answer, not 500 GB of memory.
    assert!(matches!(err, Ok(_) | Err("file_too_large")), "got {err:?}");
}

#[test]
fn two_columns_for_one_field_are_a_problem_at_the_header() {
    let w = world();
    let path = w.file("两个日期.csv");
    csv(
        &path,
        "兰山区结对情况统计表\n指标名称,填报单位,日期,完成值,日期\nCNT,兰山区,2024-03-05,3,2024-03-06\n",
        Encoding::Gbk,
    );
    let p = import::preview(&w.ledger, &ImportKind::Entries, &path, None).expect("preview");
    assert_eq!(
        positions(&p.problems),
        vec![(
            "两个日期".to_string(),
            Some(2),
            Some("日期".to_string()),
            "第2行表头中「日期」（E列）与「日期」（C列）都对应「日期」，不知道该用哪一列：请删去或改名其中一列，或在列对应中把一列设为不导入".to_string()
        )],
        "one problem, at the header"
    );
    assert!(p.rows.is_empty(), "no row is read with a doubtful mapping");
}

#[test]
fn a_merged_header_cell_is_not_two_columns() {
    // 「日期」 merged over C1:D1 is one heading, however many cells it covers.
    let w = world();
    let path = w.file("合并表头.xlsx");
    let mut s = sheet(
        "Sheet1",
        vec![
            vec![t("指标"), t("单位"), t("日期"), X::Blank, t("完成值")],
            vec![t("CNT"), t("兰山区"), t("2024-03-05"), X::Blank, X::N(3.0)],
        ],
    );
    s.merges.push((0, 2, 0, 3));
    xlsx(&path, &[s]);
    let p = import::preview(&w.ledger, &ImportKind::Entries, &path, None).expect("preview");
    assert_eq!(
        (p.rows.len(), positions(&p.problems)),
        (1, vec![]),
        "one row, no problem"
    );
}

#[test]
fn a_quote_that_never_closes_is_a_problem_at_its_row() {
    let w = world();
    let path = w.file("引号.csv");
    csv(
        &path,
        "指标,单位,日期,完成值,说明\nCNT,兰山区,2024-03-05,3,第一批\nCNT,罗庄区,2024-03-06,2,\"第二批\nCNT,兰山区,2024-03-07,1,第三批\n",
        Encoding::Utf8Bom,
    );
    let p = import::preview(&w.ledger, &ImportKind::Entries, &path, None).expect("preview");
    assert_eq!(
        positions(&p.problems),
        vec![(
            "引号".to_string(),
            Some(3),
            None,
            "第3行的引号没有结束：从这一行起无法分清各行各列，未读取；请补上结束的引号（\"）或删去多余的引号".to_string()
        )],
        "the problem is at row 3"
    );
    let err = import::commit(
        &mut world().ledger,
        &actor(),
        &ImportKind::Entries,
        &path,
        None,
        &mut |_, _| {},
    )
    .expect_err("nothing imported");
    assert_eq!(err.code(), "import_rejected", "{err}");
}
