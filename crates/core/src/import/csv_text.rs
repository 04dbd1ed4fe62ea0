//! A CSV file as one sheet. Chinese Excel saves CSV in GBK (GB18030 is its superset);
//! others save UTF-8, with or without a BOM. Tab-separated text is accepted too.

use encoding_rs::{GB18030, UTF_16LE};

use super::cell::Cell;
use super::sheet::Sheet;

/// Decodes the bytes and splits them into rows of text cells.
pub(crate) fn sheet(bytes: &[u8], name: String) -> Result<Sheet, String> {
    let text = decode(bytes)?;
    let delimiter = guess_delimiter(&text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| match e.position() {
            Some(p) => format!("第{}行无法解析：{e}", p.line()),
            None => format!("无法解析：{e}"),
        })?;
        // The csv reader passes over empty lines: keep each record on its own line number.
        let line = record
            .position()
            .map_or(rows.len() + 1, |p| p.line() as usize);
        rows.resize(line.saturating_sub(1).max(rows.len()), Vec::new());
        rows.push(record.iter().map(Cell::text).collect());
    }
    Ok(Sheet {
        name,
        first_row: 0,
        rows,
    })
}

/// UTF-8 (a BOM is dropped), UTF-16 with a BOM, else GB18030; bytes that are none of
/// these are refused rather than imported as mojibake.
pub(crate) fn decode(bytes: &[u8]) -> Result<String, String> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return String::from_utf8(rest.to_vec())
            .map_err(|_| "文件以 UTF-8 标记开头，但内容不是有效的 UTF-8".into());
    }
    if bytes.starts_with(b"\xFF\xFE") {
        let (text, _, bad) = UTF_16LE.decode(bytes);
        return if bad {
            Err("UTF-16 编码有误".into())
        } else {
            Ok(text.into_owned())
        };
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(s.to_string());
    }
    let (text, _, bad) = GB18030.decode(bytes);
    if bad {
        return Err("无法识别文件编码（既不是 UTF-8，也不是 GBK/GB18030）".into());
    }
    Ok(text.into_owned())
}

/// Comma, unless the first line has more tabs or semicolons.
fn guess_delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or_default();
    let count = |c: char| first.matches(c).count();
    let (commas, tabs, semis) = (count(','), count('\t'), count(';'));
    if tabs > commas && tabs >= semis {
        b'\t'
    } else if semis > commas {
        b';'
    } else {
        b','
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings() {
        let text = "企业名称,结对村\n临沂某某公司,小王庄村\n";
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(text.as_bytes());
        for (what, bytes) in [
            ("UTF-8", text.as_bytes().to_vec()),
            ("BOM", bom),
            ("GBK", gbk.into_owned()),
        ] {
            assert_eq!(decode(&bytes).as_deref(), Ok(text), "{what}");
        }
    }
}
