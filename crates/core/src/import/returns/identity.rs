//! Whose return it is and for which period (a quarter, or the month of a month round):
//! the hidden `_taizhang` sheet of a table Taizhang sent (checked by its checksum), else
//! the person's choice; the title and the 填报单位 line must not name another unit, and a
//! title's quarter must agree with a quarter's return.

use sha2::{Digest, Sha256};

use super::super::cell::Cell;
use super::super::sheet::Sheet;
use super::columns::{month_range, quarter_named, squeeze};
use super::types::ReturnSource;
use crate::model::Unit;
use crate::pacing::Quarter;
use crate::round::RoundPeriod;

/// The hidden sheet's name and format of a sent table.
pub const SENT_SHEET: &str = "_taizhang";
/// The format tag a sent table's hidden sheet carries, the first part its checksum hashes.
pub const SENT_FORMAT: &str = "taizhang-return/1";

/// Lowercase hex SHA-256 of `format|quarter|unit_id|round_id`: the checksum a sent
/// table's hidden sheet carries (`round_id` empty when there is none).
pub fn sent_table_checksum(format: &str, quarter: &str, unit_id: &str, round_id: &str) -> String {
    hex(&Sha256::digest(
        format!("{format}|{quarter}|{unit_id}|{round_id}").as_bytes(),
    ))
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// What a sent table's hidden sheet says.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SentTable {
    pub period: RoundPeriod,
    pub unit_id: String,
    pub unit: String,
    pub round_id: Option<String>,
}

/// The hidden sheet's keys read; Err: why it cannot be trusted (in Chinese).
pub(crate) fn sent_table(sheet: &Sheet) -> Result<SentTable, String> {
    let value = |key: &str| -> String {
        sheet
            .rows
            .iter()
            .find(|r| r.first().map(Cell::display).as_deref() == Some(key))
            .and_then(|r| r.get(1))
            .map(Cell::display)
            .unwrap_or_default()
    };
    let format = value("format");
    if format != SENT_FORMAT {
        return Err(format!("隐藏页格式「{format}」无法识别"));
    }
    let (q, unit_id, round_id) = (value("quarter"), value("unit_id"), value("round_id"));
    if sent_table_checksum(&format, &q, &unit_id, &round_id) != value("checksum").to_lowercase() {
        return Err("隐藏页校验不符：表格的报送单位或报送期被改动过".into());
    }
    let period = RoundPeriod::parse(&q).map_err(|_| format!("隐藏页的报送期「{q}」无法识别"))?;
    Ok(SentTable {
        period,
        unit_id,
        unit: value("unit"),
        round_id: (!round_id.is_empty()).then_some(round_id),
    })
}

/// The lines that say whose table it is: every row above the heading, and any row that
/// starts with 填报单位 / 报送单位 (some tables put it under the figures).
pub(crate) fn identity_lines(sheet: &Sheet, heading_first: Option<usize>) -> Vec<String> {
    let line = |r: &[Cell]| -> String {
        let mut parts: Vec<String> = Vec::new();
        for c in r.iter().filter(|c| !c.is_empty()) {
            let t = squeeze(&c.display());
            if parts.last() != Some(&t) {
                parts.push(t);
            }
        }
        parts.join(" ")
    };
    let mut out = Vec::new();
    for (i, row) in sheet.rows.iter().enumerate() {
        let text = line(row);
        let above = heading_first.is_none_or(|h| i < h);
        let signed = ["填报单位", "报送单位", "单位名称"]
            .iter()
            .any(|k| text.starts_with(k));
        // 「单位：个、家、万元」 names measures, not a unit.
        let measures = text.starts_with("单位:") || text.starts_with("计量单位");
        if (above || signed) && !text.is_empty() && !measures {
            out.push(text);
        }
    }
    out
}

/// The units a text names, by full name, or by a county's name without 县/区/市 (兰陵).
pub(crate) fn units_named<'u>(text: &str, units: &'u [Unit]) -> Vec<&'u Unit> {
    let mut out: Vec<&Unit> = units
        .iter()
        .filter(|u| !u.archived)
        .filter(|u| {
            let name = squeeze(&u.name);
            let stem = name.trim_end_matches(['县', '区', '市']);
            text.contains(&name) || (stem.chars().count() >= 2 && text.contains(stem))
        })
        .collect();
    // 「兰陵县委统战部」 names 兰陵县; a unit named inside another named unit's name goes.
    let names: Vec<String> = out.iter().map(|u| squeeze(&u.name)).collect();
    out.retain(|u| {
        let n = squeeze(&u.name);
        !names
            .iter()
            .any(|m| m != &n && m.contains(&n) && text.contains(m.as_str()))
    });
    out
}

/// Whether `a` is `b` or one of its ancestors.
pub(crate) fn is_ancestor_or_self(a: &Unit, b: &Unit, units: &[Unit]) -> bool {
    let mut cur = Some(b);
    while let Some(u) = cur {
        if u.id == a.id {
            return true;
        }
        cur = u
            .parent_id
            .as_deref()
            .and_then(|p| units.iter().find(|x| x.id == p));
    }
    false
}

/// The quarter a title names: 「2024年第三季度」「2024年三季度」「2024年1-9月」「2024年前三季度」.
pub(crate) fn title_quarter(text: &str) -> Option<Quarter> {
    let t = squeeze(text);
    let at = t.find('年')?;
    let year: String = t[..at]
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let year: i32 = year.parse().ok().filter(|y| (2000..=2999).contains(y))?;
    let rest = &t[at..];
    let q = quarter_named(rest)
        .or_else(|| {
            ["前一季度", "前二季度", "前三季度", "前四季度"]
                .iter()
                .position(|w| rest.contains(w))
                .map(|i| i as u8 + 1)
        })
        .or_else(|| {
            month_range(rest)
                .filter(|(_, to)| to % 3 == 0)
                .map(|(_, to)| (to / 3) as u8)
        })?;
    Quarter::new(year, q).ok()
}

/// Whose return, for which period, from where; and what is wrong with that.
pub(crate) struct Who {
    pub source: ReturnSource,
    pub round_id: Option<String>,
    pub unit: Option<Unit>,
    pub period: Option<RoundPeriod>,
    pub problems: Vec<String>,
    pub notes: Vec<String>,
}

fn find_unit<'u>(units: &'u [Unit], key: &str) -> Option<&'u Unit> {
    let k = squeeze(key);
    units
        .iter()
        .find(|u| u.id == k || u.code == k)
        .or_else(|| units.iter().find(|u| squeeze(&u.name) == k))
}

impl Who {
    /// From the hidden sheet, else the person's choice; the two must agree.
    pub(crate) fn decide(
        hidden: Option<&Sheet>,
        unit: Option<&str>,
        period: Option<RoundPeriod>,
        units: &[Unit],
    ) -> crate::error::Result<Self> {
        let mut who = Self {
            source: ReturnSource::CountyTable,
            round_id: None,
            unit: None,
            period: None,
            problems: Vec::new(),
            notes: Vec::new(),
        };
        if let Some(h) = hidden {
            match sent_table(h) {
                Ok(st) => {
                    who.source = ReturnSource::SentTable;
                    who.round_id = st.round_id;
                    who.period = Some(st.period);
                    who.unit = units.iter().find(|u| u.id == st.unit_id).cloned();
                    if who.unit.is_none() {
                        who.problems
                            .push(format!("隐藏页中的报送单位「{}」不在台账中", st.unit));
                    }
                }
                Err(why) => who.problems.push(why),
            }
        }
        if let Some(k) = unit {
            let u = find_unit(units, k)
                .ok_or_else(|| crate::error::LedgerError::UnknownUnit(k.trim().to_string()))?;
            match &who.unit {
                Some(x) if x.id != u.id => who.problems.push(format!(
                    "文件是发给「{}」的统计表，与指定的「{}」不符",
                    x.name, u.name
                )),
                Some(_) => {}
                None => who.unit = Some(u.clone()),
            }
        }
        if let Some(q) = period {
            match who.period {
                Some(x) if x != q => who.problems.push(format!(
                    "文件是{}的统计表，与指定的{}不符",
                    x.label_zh(),
                    q.label_zh()
                )),
                Some(_) => {}
                None => who.period = Some(q),
            }
        }
        Ok(who)
    }

    /// The title and 填报单位 lines: they must not name another unit, nor another quarter
    /// than a quarter's return; when the unit or period was not given, they name it.
    pub(crate) fn check_lines(
        &mut self,
        lines: &[String],
        units: &[Unit],
        today: chrono::NaiveDate,
    ) {
        let text = lines.join(" ");
        let named = units_named(&text, units);
        let deepest: Vec<&Unit> = named
            .iter()
            .copied()
            .filter(|n| {
                !named
                    .iter()
                    .any(|m| m.id != n.id && is_ancestor_or_self(n, m, units))
            })
            .collect();
        match &self.unit {
            Some(u) => {
                let ours = named.iter().any(|n| is_ancestor_or_self(u, n, units));
                let others: Vec<&str> = deepest
                    .iter()
                    .filter(|n| !is_ancestor_or_self(n, u, units))
                    .map(|n| n.name.as_str())
                    .collect();
                if !ours && !others.is_empty() {
                    self.problems.push(format!(
                        "标题或填报单位写的是「{}」，与报送单位「{}」不符",
                        others.join("、"),
                        u.name
                    ));
                }
            }
            None => match deepest.as_slice() {
                [one] => {
                    self.notes
                        .push(format!("报送单位从标题或填报单位识别为「{}」", one.name));
                    self.unit = Some((*one).clone());
                }
                _ => self
                    .problems
                    .push("无法从标题或填报单位确定报送单位，请指定报送单位（--unit）".into()),
            },
        }
        let titled = lines
            .iter()
            .find_map(|l| title_quarter(l))
            .map(RoundPeriod::quarter);
        match (self.period, titled) {
            // A month's table may well be titled 「1-9月」: only a quarter's is compared.
            (Some(q @ RoundPeriod::Quarter { .. }), Some(t)) if q != t => self.problems.push(
                format!("标题写的是{}，与报送期{}不符", t.label_zh(), q.label_zh()),
            ),
            (None, Some(t)) => {
                self.notes
                    .push(format!("报送期从标题识别为{}", t.label_zh()));
                self.period = Some(t);
            }
            (None, None) => self.problems.push(
                "无法从标题确定报送期，请指定报送期（--quarter，如 2024Q3 或 2024-08）".into(),
            ),
            _ => {}
        }
        if let Some(q) = self.period.filter(|q| q.period().start > today) {
            self.problems
                .push(format!("{}尚未开始，不能报送", q.label_zh()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarters_in_titles() {
        let cases = [
            (
                "兰陵县五大行动2024年第三季度进展情况统计表",
                Some((2024, 3)),
            ),
            ("2024年三季度", Some((2024, 3))),
            ("2024年1-6月累计完成情况", Some((2024, 2))),
            ("２０２４年前三季度", Some((2024, 3))),
            ("五大行动进展情况统计表", None),
        ];
        for (text, want) in cases {
            let got = title_quarter(text).map(|q| (q.year(), q.q()));
            assert_eq!(got, want, "quarter of {text:?}");
        }
    }
}
