//! Which indicator a return's row is: by code, else by name compared without spaces,
//! full-width forms, serial marks (一、 (一) 1.), footnote marks (※ ① ¹ *) and bracketed
//! units (（个）); else the one indicator whose name the row's contains or is contained in.

use crate::model::Indicator;

use super::columns::squeeze;

/// A name reduced for comparison.
pub(crate) fn name_key(s: &str) -> String {
    let t = squeeze(s);
    let t = strip_serial(&t);
    let mut out = String::new();
    let mut depth = 0;
    for c in t.chars() {
        match c {
            '(' | '[' | '【' | '〔' => depth += 1,
            ')' | ']' | '】' | '〕' => depth = (depth - 1).max(0),
            _ if depth > 0 => {}
            '*' | '※' | '#' | '△' | '▲' | '★' | '☆' | '、' | ':' | '。' => {}
            '①'..='⑳' | '¹' | '²' | '³' | '⁰'..='⁹' => {}
            c => out.push(c.to_ascii_lowercase()),
        }
    }
    out
}

/// 「一、」「（一）」「(1)」「1.」「1、」 at the start.
fn strip_serial(t: &str) -> &str {
    let numerals = |c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c);
    if let Some(rest) = t.strip_prefix('(') {
        if let Some(end) = rest.find(')') {
            if rest[..end].chars().all(numerals) && end > 0 {
                return &rest[end + 1..];
            }
        }
    }
    let n = t.chars().take_while(|c| numerals(*c)).count();
    if n > 0 {
        let after: String = t.chars().skip(n).take(1).collect();
        if matches!(after.as_str(), "、" | "." | "．") {
            return t.char_indices().nth(n + 1).map_or("", |(i, _)| &t[i..]);
        }
    }
    t
}

/// The indicators by code and by name, for matching rows.
pub(crate) struct Matcher<'i> {
    indicators: &'i [Indicator],
}

/// How a row's text matched.
#[derive(Debug, PartialEq)]
pub(crate) enum Match<'i> {
    One(&'i Indicator),
    None,
    Several(Vec<&'i Indicator>),
}

impl<'i> Matcher<'i> {
    pub(crate) fn new(indicators: &'i [Indicator]) -> Self {
        Self { indicators }
    }

    /// By id or code exactly, else by name key, else by containment (one only).
    pub(crate) fn find(&self, code: Option<&str>, name: Option<&str>) -> Match<'i> {
        let active = || self.indicators.iter().filter(|i| !i.archived);
        for key in [code, name].into_iter().flatten() {
            let k = squeeze(key);
            if let Some(i) = self.indicators.iter().find(|i| i.id == k || i.code == k) {
                return Match::One(i);
            }
        }
        let Some(name) = name.map(name_key).filter(|n| !n.is_empty()) else {
            return Match::None;
        };
        let exact: Vec<&Indicator> = active().filter(|i| name_key(&i.name) == name).collect();
        if let [one] = exact.as_slice() {
            return Match::One(one);
        }
        if exact.len() > 1 {
            return Match::Several(exact);
        }
        let within: Vec<&Indicator> = active()
            .filter(|i| {
                let k = name_key(&i.name);
                k.chars().count() >= 3 && (name.contains(&k) || k.contains(&name))
            })
            .collect();
        match within.len() {
            0 => Match::None,
            1 => Match::One(within[0]),
            _ => {
                // The longest name contained wins when it is longer than every other.
                let mut sorted = within.clone();
                sorted.sort_by_key(|i| std::cmp::Reverse(name_key(&i.name).chars().count()));
                let (a, b) = (name_key(&sorted[0].name), name_key(&sorted[1].name));
                if a.chars().count() > b.chars().count() && name.contains(&a) {
                    Match::One(sorted[0])
                } else {
                    Match::Several(within)
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_reduced() {
        let cases = [
            ("结对企业数（家）", "结对企业数"),
            ("1.结对企业数※", "结对企业数"),
            ("（一）结对企业数①", "结对企业数"),
            ("二、 结对 企业数*", "结对企业数"),
            ("ｘｘ帮扶资金(万元)", "xx帮扶资金"),
        ];
        for (raw, want) in cases {
            assert_eq!(name_key(raw), want, "key of {raw:?}");
        }
    }
}
