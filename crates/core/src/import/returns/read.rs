//! A return's sheet read into one line per indicator row: the heading found (or the
//! person's mapping), each row's indicator, its 本期 and 累计 figures as the clerk wrote
//! them (「—」「/」 and blank are nothing, 「23个」 is 23, 「约50」 is a problem), and
//! its 滞后原因, 整改措施 and 备注. Title, section, 合计 and signature rows are passed over.

use std::collections::HashMap;

use super::super::cell::Cell;
use super::super::header::column_letter;
use super::super::sheet::Sheet;
use super::super::types::ImportProblem;
use super::cells::{figure, is_nothing};
use super::columns;
use super::data_rows::data_rows;
use super::matching::{Match, Matcher};
use super::types::{ReturnColumn, ReturnColumnRole as Role, ReturnMapping, ReturnRowMapping};
use crate::model::Indicator;

/// One indicator row as the clerk filled it.
#[derive(Debug, Clone)]
pub(crate) struct RawLine {
    pub row: u32,
    pub indicator: Indicator,
    pub period: Option<f64>,
    pub year_to_date: Option<f64>,
    pub lag_reason: String,
    pub measures: String,
    pub note: String,
}

pub(crate) struct ReadSheet {
    pub mapping: ReturnMapping,
    /// Index in `sheet.rows` of the heading's first row.
    pub heading_first: usize,
    pub lines: Vec<RawLine>,
    pub problems: Vec<ImportProblem>,
    pub notes: Vec<String>,
}

/// The guessed mapping of a sheet, when it has a heading.
pub(crate) fn guess(sheet: &Sheet, indicators: &[Indicator]) -> Option<ReturnMapping> {
    let heading = columns::find(sheet)?;
    let mut mapping = ReturnMapping {
        sheet: sheet.name.clone(),
        header_row: sheet.excel_row(heading.last),
        columns: heading.columns,
        rows: Vec::new(),
    };
    let matcher = Matcher::new(indicators);
    for (row, cells) in data_rows(sheet, &mapping) {
        let (code, name) = (
            text(cells, &mapping, Role::Code),
            text(cells, &mapping, Role::Name),
        );
        let indicator = match matcher.find(code.as_deref(), name.as_deref()) {
            Match::One(i) => Some(i.id.clone()),
            _ => None,
        };
        mapping.rows.push(ReturnRowMapping {
            row,
            label: name.or(code).unwrap_or_default(),
            indicator,
            skip: false,
        });
    }
    Some(mapping)
}

fn cell<'c>(cells: &'c [Cell], m: &ReturnMapping, role: Role) -> Option<&'c Cell> {
    let col = m.columns.iter().find(|c| c.role == Some(role))?;
    Some(cells.get(col.index as usize).unwrap_or(&Cell::Empty))
}

fn text(cells: &[Cell], m: &ReturnMapping, role: Role) -> Option<String> {
    let t = cell(cells, m, role)?.display();
    (!t.is_empty() && !is_nothing(&t)).then_some(t)
}

fn header(m: &ReturnMapping, role: Role) -> String {
    m.columns
        .iter()
        .find(|c| c.role == Some(role))
        .map_or_else(|| role.label_zh().to_string(), |c| c.header.clone())
}

/// Reads the sheet under the mapping into lines and positioned problems. The rows of a
/// mapping the person `corrected` decide each row's indicator (`skip` leaves it out, None
/// matches it as guessed); a guessed mapping's rows are matched again. The mapping read
/// back lists every data row with the indicator it was read as.
pub(crate) fn read(
    sheet: &Sheet,
    m: &ReturnMapping,
    corrected: bool,
    indicators: &[Indicator],
) -> ReadSheet {
    let mut out = ReadSheet {
        mapping: m.clone(),
        heading_first: heading_first(sheet, m),
        lines: Vec::new(),
        problems: Vec::new(),
        notes: Vec::new(),
    };
    for c in &mut out.mapping.columns {
        c.letter = column_letter(c.index);
    }
    let has = |r: Role| m.columns.iter().any(|c| c.role == Some(r));
    let sheet_problem = |message: String| ImportProblem {
        sheet: sheet.name.clone(),
        row: None,
        column: None,
        message,
    };
    if !has(Role::Name) && !has(Role::Code) {
        out.problems
            .push(sheet_problem("没有找到「指标名称」或「指标编码」列".into()));
    }
    if !has(Role::Period) && !has(Role::YearToDate) {
        out.problems.push(sheet_problem(
            "没有找到本期或累计列（如「本期」「其中：第三季度」「1-9月累计完成」）".into(),
        ));
    }
    if corrected {
        let doubled = doubled_roles(&out.mapping.columns);
        out.problems.extend(doubled.into_iter().map(sheet_problem));
    }
    if !out.problems.is_empty() {
        return out;
    }
    let given: HashMap<u32, &ReturnRowMapping> = m
        .rows
        .iter()
        .filter(|_| corrected)
        .map(|r| (r.row, r))
        .collect();
    let matcher = Matcher::new(indicators);
    let mut rows = Vec::new();
    let mut seen: HashMap<String, u32> = HashMap::new();
    out.mapping.rows.clear();
    for (row, cells) in data_rows(sheet, m) {
        let (code, name) = (text(cells, m, Role::Code), text(cells, m, Role::Name));
        let label = name.clone().or(code.clone()).unwrap_or_default();
        let given_row = given.get(&row).copied();
        let skip = given_row.is_some_and(|g| g.skip);
        let chosen_text = given_row
            .and_then(|g| g.indicator.clone())
            .filter(|_| !skip);
        let decided = match (&chosen_text, skip) {
            (_, true) => None,
            (Some(k), _) => match matcher.find(Some(k), Some(k)) {
                Match::One(i) => Some(i),
                _ => None,
            },
            (None, _) => match matcher.find(code.as_deref(), name.as_deref()) {
                Match::One(i) => Some(i),
                _ => None,
            },
        };
        out.mapping.rows.push(ReturnRowMapping {
            row,
            label: label.clone(),
            indicator: decided.map(|i| i.id.clone()),
            skip,
        });
        let mut problem = |column: Role, what: String| {
            let h = header(m, column);
            out.problems.push(ImportProblem {
                sheet: sheet.name.clone(),
                row: Some(row),
                column: Some(h.clone()),
                message: format!("第{row}行「{h}」{what}"),
            });
        };
        let figures: Vec<(Role, Result<Option<f64>, String>)> = [Role::Period, Role::YearToDate]
            .into_iter()
            .filter(|r| has(*r))
            .map(|r| (r, figure(cell(cells, m, r).unwrap_or(&Cell::Empty), "")))
            .collect();
        let any_figure = figures.iter().any(|(_, f)| !matches!(f, Ok(None)));
        if skip {
            if any_figure {
                out.notes.push(format!("第{row}行「{label}」按指定不导入"));
            }
            continue;
        }
        let chosen = match &chosen_text {
            Some(k) => match decided {
                Some(i) => Some(i),
                None => {
                    problem(Role::Name, format!("指定的指标「{k}」不存在"));
                    continue;
                }
            },
            None => match matcher.find(code.as_deref(), name.as_deref()) {
                Match::One(i) => Some(i),
                Match::Several(v) => {
                    let names: Vec<&str> = v.iter().map(|i| i.name.as_str()).collect();
                    problem(
                        Role::Name,
                        format!(
                            "「{label}」对应多个指标（{}），请在预览中指定",
                            names.join("、")
                        ),
                    );
                    continue;
                }
                Match::None => None,
            },
        };
        let Some(ind) = chosen else {
            if any_figure {
                problem(
                    Role::Name,
                    format!("找不到指标：{label}（请在预览中指定对应指标）"),
                );
            } else if !label.is_empty() {
                out.notes
                    .push(format!("第{row}行「{label}」不是指标，也没有数字，已跳过"));
            }
            continue;
        };
        if let Some(first) = seen.insert(ind.id.clone(), row) {
            problem(
                Role::Name,
                format!("与第{first}行是同一指标「{}」", ind.name),
            );
            continue;
        }
        let mut value_of = |r: Role| -> Option<f64> {
            let c = cell(cells, m, r).unwrap_or(&Cell::Empty);
            match figure(c, &ind.measure) {
                Ok(v) => v,
                Err(t) => {
                    problem(r, format!("不是数字：{t}"));
                    None
                }
            }
        };
        let year_to_date = has(Role::YearToDate)
            .then(|| value_of(Role::YearToDate))
            .flatten();
        let period = has(Role::Period).then(|| value_of(Role::Period)).flatten();
        // Free text as written (「，」 stays 「，」), spaces collapsed.
        let words = |r: Role| {
            let t = cell(cells, m, r).map(Cell::header_text).unwrap_or_default();
            if is_nothing(&t) {
                String::new()
            } else {
                t
            }
        };
        rows.push(RawLine {
            row,
            indicator: ind.clone(),
            period,
            year_to_date,
            lag_reason: words(Role::LagReason),
            measures: words(Role::Measures),
            note: words(Role::Note),
        });
    }
    out.lines = rows;
    out
}

/// The heading's first row: the row above the last when the two form one heading.
fn heading_first(sheet: &Sheet, m: &ReturnMapping) -> usize {
    let last = m.header_row.saturating_sub(sheet.first_row + 1) as usize;
    match columns::find(sheet) {
        Some(h) if h.last == last => h.first,
        _ => last,
    }
}

/// 「C列、F列都指定为「本期」」 for each role the person gave to more than one column.
fn doubled_roles(columns: &[ReturnColumn]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for role in columns.iter().filter_map(|c| c.role) {
        let same: Vec<&str> = columns
            .iter()
            .filter(|c| c.role == Some(role))
            .map(|c| c.letter.as_str())
            .collect();
        let problem = format!(
            "{}列都指定为「{}」，一项只能对应一列",
            same.join("列、"),
            role.label_zh()
        );
        if same.len() > 1 && !out.contains(&problem) {
            out.push(problem);
        }
    }
    out
}
