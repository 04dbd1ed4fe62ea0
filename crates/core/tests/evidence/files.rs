//! Small real files of each kind, written into a folder of the test's own.

use std::io::Write;
use std::path::{Path, PathBuf};

pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

/// A one-page PDF (as a scanner writes its header); `tag` makes its content differ.
pub fn pdf(dir: &Path, name: &str, tag: &str) -> PathBuf {
    let body = format!(
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n% {tag}\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    );
    write(dir, name, body.as_bytes())
}

pub fn png(dir: &Path, name: &str) -> PathBuf {
    let mut b = b"\x89PNG\r\n\x1a\n".to_vec();
    b.extend_from_slice(b"\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00");
    write(dir, name, &b)
}

pub fn jpg(dir: &Path, name: &str) -> PathBuf {
    write(
        dir,
        name,
        b"\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xFF\xD9",
    )
}

/// A zip archive with the given parts (what .docx and .xlsx files are).
pub fn zip_with(dir: &Path, name: &str, parts: &[&str]) -> PathBuf {
    let p = dir.join(name);
    let mut z = zip::ZipWriter::new(std::fs::File::create(&p).unwrap());
    for part in parts {
        z.start_file(*part, zip::write::SimpleFileOptions::default())
            .unwrap();
        z.write_all(b"<x/>").unwrap();
    }
    z.finish().unwrap();
    p
}

/// A real workbook, written by rust_xlsxwriter.
pub fn xlsx(dir: &Path, name: &str) -> PathBuf {
    let p = dir.join(name);
    let mut book = rust_xlsxwriter::Workbook::new();
    book.add_worksheet().write_string(0, 0, "佐证").unwrap();
    book.save(&p).unwrap();
    p
}

pub fn docx(dir: &Path, name: &str) -> PathBuf {
    zip_with(
        dir,
        name,
        &["[Content_Types].xml", "_rels/.rels", "word/document.xml"],
    )
}

/// A Windows program's first bytes.
pub fn exe_bytes() -> &'static [u8] {
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xFF\xFF\x00\x00This program cannot be run in DOS mode"
}
