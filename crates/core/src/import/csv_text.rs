//! A CSV file as one sheet. Chinese Excel saves CSV in GBK (GB18030 is its superset);
//! others save UTF-8, with or without a BOM. Tab-separated text is accepted too.

use crate::error::FileError;
use encoding_rs::{GB18030, UTF_16LE};

use super::cell::Cell;
use super::file_limits::Budget;
use super::sheet::Sheet;
use crate::error::Result;

/// Decodes the bytes and splits them into rows of text cells, counting rows and memory
/// against `budget` as they are read (a file past its limits stops there). A quote that
/// opens a field and never closes is a problem at the row where it opens: the rows from
/// there on cannot be told apart, so they are not kept.
pub(crate) fn sheet(bytes: &[u8], name: String, budget: &mut Budget) -> Result<Sheet> {
    let file = budget.file().to_string();
    let unreadable = |reason: String| FileError::Unreadable {
        file: file.clone(),
        reason,
    };
    let text = decode(bytes).map_err(unreadable)?;
    let delimiter = guess_delimiter(&text);
    let open_quote = unterminated_quote(&text, delimiter);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                return Err(unreadable(match e.position() {
                    Some(p) => format!("第{}行无法解析：{e}", p.line()),
                    None => format!("无法解析：{e}"),
                })
                .into())
            }
        }
        // The csv reader passes over empty lines: keep each record on its own line number.
        let line = record
            .position()
            .map_or(rows.len() + 1, |p| p.line() as usize);
        if open_quote.is_some_and(|open| line >= open) {
            break;
        }
        let before = rows.len();
        rows.resize(line.saturating_sub(1).max(rows.len()), Vec::new());
        budget.rows(rows.len() + 1 - before)?;
        let cells: Vec<Cell> = record.iter().map(Cell::text).collect();
        for c in &cells {
            budget.cell(c)?;
        }
        rows.push(cells);
    }
    let problems = open_quote
        .map(|line| {
            (
                line as u32,
                format!(
                    "第{line}行的引号没有结束：从这一行起无法分清各行各列，未读取；请补上结束的引号（\"）或删去多余的引号"
                ),
            )
        })
        .into_iter()
        .collect();
    Ok(Sheet {
        name,
        first_row: 0,
        rows,
        merged: Vec::new(),
        problems,
    })
}

/// The line of the record in which a quoted field opens and never closes, if one does
/// (read as the csv reader reads: a quote opens a field only at its start, `""` inside is
/// a quote).
fn unterminated_quote(text: &str, delimiter: u8) -> Option<usize> {
    #[derive(Clone, Copy, PartialEq)]
    enum At {
        FieldStart,
        Plain,
        Quoted,
        QuoteInQuoted,
    }
    let (mut at, mut line, mut record_line, mut new_record) = (At::FieldStart, 1, 1, true);
    for b in text.bytes() {
        if new_record && !matches!(b, b'\n' | b'\r') {
            record_line = line;
            new_record = false;
        }
        at = match (at, b) {
            (At::Quoted, b'"') => At::QuoteInQuoted,
            (At::Quoted, _) => At::Quoted,
            (At::QuoteInQuoted, b'"') => At::Quoted,
            (_, b'\n' | b'\r') => {
                new_record = true;
                At::FieldStart
            }
            (_, d) if d == delimiter => At::FieldStart,
            (At::FieldStart, b'"') => At::Quoted,
            _ => At::Plain,
        };
        if b == b'\n' {
            line += 1;
        }
    }
    (at == At::Quoted).then_some(record_line)
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

    #[test]
    fn a_quote_that_never_closes_is_found_at_its_record() {
        // (text, the line whose quote never closes)
        let cases = [
            ("a,b\n1,2\n", None),
            ("a,b\n\"1\n2\",3\n", None),
            ("a,b\n\"say \"\"hi\"\"\",3\n", None),
            ("a,b\n1,2\n\"3,4\n5,6\n", Some(3)),
            ("a,b\n1,\"2\n", Some(2)),
            ("a,b\n1,x\"2\n", None),
            ("a,b\r\n1,2\r\n3,\"4\r\n", Some(3)),
        ];
        for (text, want) in cases {
            assert_eq!(unterminated_quote(text, b','), want, "{text:?}");
        }
    }
}
