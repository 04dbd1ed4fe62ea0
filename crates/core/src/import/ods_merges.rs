//! The merged cells of an .ods file, which calamine does not give: read from content.xml,
//! where a merged cell is a `table:table-cell` with `number-columns-spanned` /
//! `number-rows-spanned` and the cells it covers are `table:covered-table-cell`.
//!
//! Without them an .ods saved by LibreOffice or WPS loses what Excel's files keep: a
//! 区县 or 乡镇 merged down over its rows would read as blank below its first row, and a
//! note merged across the table as a row of data. The file has passed `check_zip` before.

use std::collections::HashMap;
use std::io::{BufReader, Read, Seek};

use calamine::Dimensions;
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

/// Sheets keep at most this many merged regions each: more is no clerk's sheet.
const MAX_MERGES: usize = 100_000;

/// Each sheet's merged regions by name; empty when the file cannot be read this way (the
/// cells are still read by calamine, only without their merges).
pub(crate) fn read<R: Read + Seek>(reader: R) -> HashMap<String, Vec<Dimensions>> {
    regions(reader).unwrap_or_default()
}

fn regions<R: Read + Seek>(reader: R) -> Option<HashMap<String, Vec<Dimensions>>> {
    let mut zip = zip::ZipArchive::new(reader).ok()?;
    let content = zip.by_name("content.xml").ok()?;
    let mut xml = Reader::from_reader(BufReader::new(content));
    let mut out: HashMap<String, Vec<Dimensions>> = HashMap::new();
    let mut buf = Vec::new();
    let mut sheet: Option<String> = None;
    // Position of the next row and cell; the current row's repeat count.
    let (mut row, mut col, mut row_repeat) = (0u32, 0u32, 1u32);
    let mut depth = 0u32;
    loop {
        let event = xml.read_event_into(&mut buf).ok()?;
        let empty = matches!(event, Event::Empty(_));
        match &event {
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                "table:table" if sheet.is_none() && !empty => {
                    sheet = Some(attr(e, "table:name").unwrap_or_default());
                    (row, depth) = (0, 0);
                }
                "table:table" if !empty => depth += 1,
                "table:table-row" if depth == 0 => {
                    col = 0;
                    row_repeat = number(e, "table:number-rows-repeated");
                    if empty {
                        row = row.saturating_add(row_repeat);
                    }
                }
                name @ ("table:table-cell" | "table:covered-table-cell") if depth == 0 => {
                    let repeat = number(e, "table:number-columns-repeated");
                    let (cols, rows) = (
                        number(e, "table:number-columns-spanned"),
                        number(e, "table:number-rows-spanned"),
                    );
                    if name == "table:table-cell" && (cols > 1 || rows > 1) {
                        let list = out.entry(sheet.clone().unwrap_or_default()).or_default();
                        if list.len() < MAX_MERGES {
                            list.push(Dimensions {
                                start: (row, col),
                                end: (row.saturating_add(rows - 1), col.saturating_add(cols - 1)),
                            });
                        }
                    }
                    col = col.saturating_add(repeat);
                }
                _ => {}
            },
            Event::End(e) => match e.name().as_ref() {
                "table:table" if depth > 0 => depth -= 1,
                "table:table" => sheet = None,
                "table:table-row" if depth == 0 => row = row.saturating_add(row_repeat),
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Some(out)
}

fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    let a = e.try_get_attribute(name).ok()??;
    Some(
        a.normalized_value(XmlVersion::Implicit1_0)
            .ok()?
            .to_string(),
    )
}

/// A count attribute (repeated, spanned): 1 when absent or unreadable.
fn number(e: &BytesStart<'_>, name: &str) -> u32 {
    attr(e, name)
        .and_then(|v| v.parse::<u32>().ok())
        .filter(|n| *n >= 1)
        .unwrap_or(1)
}
