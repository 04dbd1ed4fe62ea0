//! The .docx package as docx-rs builds it, finished: header rows that repeat on every
//! page, and the parts deflated.

use std::io::Cursor;

/// Marks each table's first row (the header, which `tables` makes unsplittable) to repeat
/// at the top of every page the table runs onto.
pub(super) fn repeat_header_rows(document: &[u8]) -> Vec<u8> {
    let xml = String::from_utf8_lossy(document);
    let mut out = String::with_capacity(xml.len() + 1024);
    let mut rest: &str = &xml;
    while let Some(i) = rest.find("<w:tbl>") {
        out.push_str(&rest[..i]);
        let table = &rest[i..];
        let end = table
            .find("</w:tbl>")
            .map_or(table.len(), |e| e + "</w:tbl>".len());
        out.push_str(&table[..end].replacen(
            "<w:cantSplit />",
            "<w:cantSplit /><w:tblHeader />",
            1,
        ));
        rest = &table[end..];
    }
    out.push_str(rest);
    out.into_bytes()
}

/// docx-rs stores its parts uncompressed; deflated, the file is a tenth of the size.
pub(super) fn deflate(stored: &[u8]) -> zip::result::ZipResult<Vec<u8>> {
    use std::io::{Read, Write};
    let mut input = zip::ZipArchive::new(Cursor::new(stored))?;
    let mut output = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for i in 0..input.len() {
        let mut part = input.by_index(i)?;
        if part.is_dir() {
            continue;
        }
        let mut bytes = Vec::new();
        part.read_to_end(&mut bytes)?;
        output.start_file(part.name()?.to_string(), options)?;
        output.write_all(&bytes)?;
    }
    Ok(output.finish()?.into_inner())
}
