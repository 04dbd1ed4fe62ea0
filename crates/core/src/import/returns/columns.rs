//! A return's heading: which row it is (one row, or two where 「完成情况」 spans
//! 「1-9月累计完成」 and 「其中：第三季度」 below it), and what each column holds, read
//! from its words: 本期 / 本季度 / 其中：第三季度 / 7-9月 are the period, 累计 / 1-9月 /
//! 年度累计 the year to date, 此前累计 / 年度目标 / 完成率 nothing to read.

use super::super::cell::{clean_text, Cell};
use super::super::header::column_letter;
use super::super::sheet::Sheet;
use super::types::{ReturnColumn, ReturnColumnRole as Role};
use crate::round::RoundPeriod;

/// How many rows from the top may hold titles before the heading.
const HEADING_SCAN: usize = 30;

/// The heading found: its last row's index in `sheet.rows` and the columns.
pub(crate) struct Heading {
    pub first: usize,
    pub last: usize,
    pub columns: Vec<ReturnColumn>,
}

/// Text without spaces, full-width folded.
pub(crate) fn squeeze(s: &str) -> String {
    clean_text(s).replace(' ', "")
}

/// What a heading's words say the column holds; None: nothing to read.
pub(crate) fn role(text: &str) -> Option<Role> {
    let t = squeeze(text);
    let has = |words: &[&str]| words.iter().any(|w| t.contains(w));
    if t.is_empty() || has(&["序号", "计量单位"]) || t == "单位" {
        return None;
    }
    if matches!(
        t.as_str(),
        "指标编码" | "指标代码" | "编码" | "代码" | "指标编号"
    ) {
        return Some(Role::Code);
    }
    if t.starts_with("指标")
        || matches!(
            t.as_str(),
            "考核指标"
                | "主要指标"
                | "工作指标"
                | "具体指标"
                | "工作任务"
                | "重点任务"
                | "任务指标"
        )
    {
        return Some(Role::Name);
    }
    if has(&["原因", "存在问题"]) {
        return Some(Role::LagReason);
    }
    if has(&["措施"]) {
        return Some(Role::Measures);
    }
    if has(&["备注", "说明"]) {
        return Some(Role::Note);
    }
    if has(&[
        "此前",
        "以前",
        "上年",
        "去年",
        "同期",
        "上期",
        "目标",
        "完成率",
        "比例",
        "进度",
        "排名",
        "序时",
        "%",
        "百分",
    ]) {
        return None;
    }
    if has(&["本期", "本季", "当季", "本月", "当月"])
        || (t.contains("其中") && has(&["季度", "月"]))
    {
        return Some(Role::Period);
    }
    if has(&[
        "累计",
        "今年以来",
        "全年",
        "前三季度",
        "截至",
        "截止",
        "年度",
    ]) {
        return Some(Role::YearToDate);
    }
    if let Some((from, _)) = month_range(&t) {
        return Some(if from == 1 {
            Role::YearToDate
        } else {
            Role::Period
        });
    }
    if quarter_named(&t).is_some() {
        return Some(Role::Period);
    }
    if has(&["完成"]) {
        // A county's single 完成 column is its year-to-date figure.
        return Some(Role::YearToDate);
    }
    None
}

/// 「1-9月」「7～9月」「1至9月」 → (1, 9).
pub(crate) fn month_range(t: &str) -> Option<(u32, u32)> {
    let end = t.find('月')?;
    let head = &t[..end];
    let sep = head.rfind(['-', '~', '～', '至', '—', '–'])?;
    let to: u32 = head[sep..]
        .trim_start_matches(['-', '~', '～', '至', '—', '–'])
        .parse()
        .ok()?;
    let from_text: String = head[..sep]
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let from: u32 = from_text.parse().ok()?;
    ((1..=12).contains(&from) && (from..=12).contains(&to)).then_some((from, to))
}

/// 「第三季度」「三季度」「3季度」 → 3 (not 「前三季度」).
pub(crate) fn quarter_named(t: &str) -> Option<u8> {
    let i = t.find("季度")?;
    let before: Vec<char> = t[..i].chars().collect();
    let c = *before.last()?;
    if before.len() >= 2 && before[before.len() - 2] == '前' {
        return None;
    }
    match c {
        '一' | '1' => Some(1),
        '二' | '2' => Some(2),
        '三' | '3' => Some(3),
        '四' | '4' => Some(4),
        _ => None,
    }
}

/// A heading's words that contradict the period: 「1-6月累计」 or 「第二季度」 for 2024Q3,
/// 「1-7月累计」 or 「第三季度」 as 本期 for 2024-08.
pub(crate) fn contradicts(header: &str, role: Role, period: RoundPeriod) -> bool {
    let t = squeeze(header);
    let (first, end) = match period {
        RoundPeriod::Quarter { q, .. } => (u32::from(q) * 3 - 2, u32::from(q) * 3),
        RoundPeriod::Month { month, .. } => (u32::from(month), u32::from(month)),
    };
    if let Some((from, to)) = month_range(&t) {
        return match role {
            Role::YearToDate => from != 1 || to != end,
            Role::Period => to != end || from < first,
            _ => false,
        };
    }
    role == Role::Period
        && quarter_named(&t)
            .is_some_and(|q| (u32::from(q) * 3 - 2, u32::from(q) * 3) != (first, end))
}

fn text_of(row: &[Cell], i: usize) -> String {
    row.get(i).map(Cell::header_text).unwrap_or_default()
}

/// The first row (of the top rows) naming the indicator and a figure column, with the row
/// below it when that is the second row of the heading.
pub(crate) fn find(sheet: &Sheet) -> Option<Heading> {
    for (i, row) in sheet.rows.iter().take(HEADING_SCAN).enumerate() {
        let name_col = (0..row.len())
            .find(|&c| matches!(role(&text_of(row, c)), Some(Role::Name | Role::Code)));
        let Some(name_col) = name_col else { continue };
        let below = sheet.rows.get(i + 1);
        let two_rows = below.is_some_and(|b| is_second_heading_row(row, b, name_col));
        let columns = if two_rows {
            combine(row, below.expect("checked"))
        } else {
            single(row)
        };
        let figures = columns
            .iter()
            .any(|c| matches!(c.role, Some(Role::Period | Role::YearToDate)));
        if figures {
            let last = if two_rows { i + 1 } else { i };
            return Some(Heading {
                first: i,
                last,
                columns,
            });
        }
    }
    None
}

/// A row below the heading with no numbers whose indicator cell is blank or repeats the
/// heading's (a merged cell) is the heading's second row.
fn is_second_heading_row(top: &[Cell], below: &[Cell], name_col: usize) -> bool {
    let no_numbers = !below.iter().any(|c| matches!(c, Cell::Number(_)));
    let name = text_of(below, name_col);
    let some_text = below
        .iter()
        .enumerate()
        .any(|(c, cell)| !cell.is_empty() && text_of(below, c) != text_of(top, c));
    no_numbers && some_text && (name.is_empty() || name == text_of(top, name_col))
}

fn column(index: usize, header: String, role: Option<Role>) -> ReturnColumn {
    ReturnColumn {
        index: index as u32,
        letter: column_letter(index as u32),
        header,
        role,
    }
}

fn single(row: &[Cell]) -> Vec<ReturnColumn> {
    let mut out: Vec<ReturnColumn> = Vec::new();
    for (i, cell) in row.iter().enumerate() {
        if cell.is_empty() {
            continue;
        }
        let header = cell.header_text();
        out.push(column(i, header.clone(), role(&header)));
    }
    dedupe(out)
}

fn combine(top: &[Cell], below: &[Cell]) -> Vec<ReturnColumn> {
    let mut out = Vec::new();
    for i in 0..top.len().max(below.len()) {
        let (a, b) = (text_of(top, i), text_of(below, i));
        let (header, words) = match (a.is_empty(), b.is_empty() || a == b) {
            (true, true) => continue,
            (_, true) => (a.clone(), a),
            (true, false) => (b.clone(), b),
            (false, false) => (b.clone(), format!("{a}{b}")),
        };
        // The lower row decides where it speaks (「完成情况」 over 「其中：第三季度」).
        let r = role(&header).or_else(|| role(&words));
        out.push(column(i, header, r));
    }
    dedupe(out)
}

/// Each role once: the first column that has it.
fn dedupe(mut cols: Vec<ReturnColumn>) -> Vec<ReturnColumn> {
    let mut seen = Vec::new();
    for c in &mut cols {
        if let Some(r) = c.role {
            if seen.contains(&r) {
                c.role = None;
            } else {
                seen.push(r);
            }
        }
    }
    cols
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_of_headings() {
        let cases: [(&str, Option<Role>); 18] = [
            ("本期", Some(Role::Period)),
            ("本季度完成", Some(Role::Period)),
            ("其中：第三季度", Some(Role::Period)),
            ("7-9月", Some(Role::Period)),
            ("第三季度", Some(Role::Period)),
            ("累计", Some(Role::YearToDate)),
            ("1-9月累计完成", Some(Role::YearToDate)),
            ("1～9月", Some(Role::YearToDate)),
            ("年度累计", Some(Role::YearToDate)),
            ("前三季度完成", Some(Role::YearToDate)),
            ("此前累计", None),
            ("年度目标", None),
            ("完成率", None),
            ("指标名称", Some(Role::Name)),
            ("指标编码", Some(Role::Code)),
            ("滞后原因", Some(Role::LagReason)),
            ("整改措施", Some(Role::Measures)),
            ("计量单位", None),
        ];
        for (text, want) in cases {
            assert_eq!(role(text), want, "role of {text:?}");
        }
    }

    #[test]
    fn headings_against_the_quarter() {
        let q3 = RoundPeriod::parse("2024Q3").unwrap();
        let cases = [
            ("1-9月累计完成", Role::YearToDate, false),
            ("1-6月累计", Role::YearToDate, true),
            ("7-9月", Role::Period, false),
            ("4-6月", Role::Period, true),
            ("其中：第二季度", Role::Period, true),
            ("其中：第三季度", Role::Period, false),
            ("本期", Role::Period, false),
        ];
        for (text, r, want) in cases {
            assert_eq!(contradicts(text, r, q3), want, "{text:?} against 2024Q3");
        }
        let august = RoundPeriod::parse("2024-08").unwrap();
        let cases = [
            ("1-8月累计完成", Role::YearToDate, false),
            ("1-7月累计", Role::YearToDate, true),
            ("8-8月", Role::Period, false),
            ("7-8月", Role::Period, true),
            ("其中：第三季度", Role::Period, true),
            ("本月", Role::Period, false),
        ];
        for (text, r, want) in cases {
            assert_eq!(
                contradicts(text, r, august),
                want,
                "{text:?} against 2024-08"
            );
        }
    }
}
