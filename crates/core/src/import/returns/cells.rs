//! What a return's cell says: nothing (「—」「/」「无」 or blank), or a figure as a clerk
//! writes it (「23个」 is 23 when the indicator counts 个; 「约50」 is no figure).

use super::super::cell::Cell;
use super::columns::squeeze;

/// 「—」「/」「－」「无」 and blank: nothing.
pub(crate) fn is_nothing(t: &str) -> bool {
    matches!(
        squeeze(t).as_str(),
        "" | "-" | "--" | "—" | "——" | "–" | "/" | "\\" | "无" | "空" | "/ "
    )
}

/// Measures clerks write after a figure.
const SUFFIXES: &[&str] = &[
    "万元", "亿元", "元", "个", "家", "人次", "人", "场次", "场", "次", "篇", "处", "项", "户",
    "村", "名", "件", "条", "期", "所", "支", "批", "份",
];

/// A figure as a clerk writes it; Err carries the text that is no figure.
pub(crate) fn figure(c: &Cell, measure: &str) -> Result<Option<f64>, String> {
    let Cell::Text(s) = c else { return c.number() };
    let t = squeeze(s);
    if is_nothing(&t) {
        return Ok(None);
    }
    let m = squeeze(measure);
    let stripped = std::iter::once(m.as_str())
        .chain(SUFFIXES.iter().copied())
        .filter(|x| !x.is_empty())
        .find_map(|x| t.strip_suffix(x))
        .unwrap_or(&t);
    Cell::text(stripped).number().map_err(|_| t.clone())
}
