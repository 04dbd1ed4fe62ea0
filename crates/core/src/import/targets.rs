//! 目标 rows: indicator, unit, a year or a start and end date, and the target value.
//! A target for the same indicator, unit and period already in the ledger is reported,
//! not overwritten: changing a target is a decision, not an import.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::Connection;

use super::catalog::Catalog;
use super::cell::{number_text, Cell};
use super::entries::round_to;
use super::plan::{Item, Parsed, RowKind};
use super::rows::RowReader;
use crate::error::{LedgerError, Result};
use crate::model::{NewTarget, Period};
use crate::validate::{check_period, check_value_within};

pub(crate) struct Targets {
    catalog: Catalog,
    today: NaiveDate,
    /// key → value of the targets in the ledger.
    existing: HashMap<String, f64>,
    /// (indicator id, unit id) → the periods of its targets, in the ledger and in the file
    /// so far: a row whose period overlaps one of them (without being it) is a problem.
    periods: HashMap<(String, String), Vec<Period>>,
}

impl Targets {
    pub(crate) fn new(conn: &Connection, today: NaiveDate) -> Result<Self> {
        let mut stmt = conn
            .prepare("SELECT indicator_id, unit_id, period_start, period_end, value FROM target")?;
        let mut existing = HashMap::new();
        let mut periods: HashMap<(String, String), Vec<Period>> = HashMap::new();
        let rows = stmt.query_map([], |r| {
            let p = Period {
                start: r.get(2)?,
                end: r.get(3)?,
            };
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, p, r.get(4)?))
        })?;
        for row in rows {
            let (indicator, unit, p, value) = row?;
            existing.insert(key(&indicator, &unit, &p), value);
            periods.entry((indicator, unit)).or_default().push(p);
        }
        Ok(Self {
            catalog: Catalog::read(conn)?,
            today,
            existing,
            periods,
        })
    }
}

fn key(indicator_id: &str, unit_id: &str, p: &Period) -> String {
    format!("{indicator_id}|{unit_id}|{}|{}", p.start, p.end)
}

/// 2024, "2024", "2024年", "2024年度".
fn year(cell: &Cell) -> Option<Result<i32, String>> {
    if cell.is_empty() {
        return None;
    }
    let t = cell.display();
    let digits = t.trim_end_matches('度').trim_end_matches('年');
    Some(match digits.parse::<i32>() {
        Ok(y) if (2000..=2100).contains(&y) => Ok(y),
        _ => Err(t),
    })
}

impl Targets {
    fn period(&self, r: &mut RowReader<'_>) -> Option<Period> {
        let period = match year(r.cell("year")) {
            Some(Ok(y)) => Some(Period {
                start: NaiveDate::from_ymd_opt(y, 1, 1)?,
                end: NaiveDate::from_ymd_opt(y, 12, 31)?,
            }),
            Some(Err(t)) => {
                r.problem("year", format!("不是年份：{t}"));
                return None;
            }
            None if !r.has("period_start") && !r.has("period_end") => {
                r.problem("year", "缺少「年度」，或「开始日期」与「结束日期」".into());
                return None;
            }
            None => {
                let (start, end) = (
                    r.required_date("period_start"),
                    r.required_date("period_end"),
                );
                Some(Period {
                    start: start?,
                    end: end?,
                })
            }
        }?;
        if let Err(e) = check_period(&period, self.today) {
            let field = match (&e, r.has("period_start")) {
                (LedgerError::DateOutOfRange { field, .. }, true) => field,
                (LedgerError::PeriodReversed { .. }, true) => "period_end",
                _ => "year",
            };
            r.rule(field, &e);
            return None;
        }
        Some(period)
    }
}

impl RowKind for Targets {
    fn read(&mut self, r: &mut RowReader<'_>) -> Result<Option<Parsed>> {
        let indicator = r.required("indicator").and_then(|k| {
            let found = self
                .catalog
                .indicator(&k)
                .map_err(|e| r.rule("indicator", &e));
            found.ok()
        });
        if let Some(i) = indicator {
            r.show("indicator", i.name.clone());
        }
        let unit = r.required("unit").and_then(|k| {
            let found = self.catalog.unit(&k).map_err(|e| r.rule("unit", &e));
            found.ok()
        });
        if let Some(u) = unit {
            r.show("unit", u.name.clone());
        }
        let period = self.period(r);
        let value = r.required_number("target");
        if let (Some(v), Some(i)) = (value, indicator) {
            if let Err(e) = check_value_within("target", v, i.decimals, i.max_value) {
                r.rule("target", &e);
            }
        }
        let (Some(ind), Some(unit), Some(period), Some(value)) = (indicator, unit, period, value)
        else {
            return Ok(None);
        };
        if !r.ok() {
            return Ok(None);
        }
        let value = round_to(value, ind.decimals);
        let known = self
            .periods
            .entry((ind.id.clone(), unit.id.clone()))
            .or_default();
        let overlap = known
            .iter()
            .find(|p| **p != period && p.start <= period.end && period.start <= p.end)
            .copied();
        if let Some(p) = overlap {
            let column = if r.cell("year").is_empty() {
                "period_start"
            } else {
                "year"
            };
            r.problem(
                column,
                format!(
                    "与已有目标（{} 至 {}）的期间重叠：导入不会替换已有目标，如新目标取代它，请在目标页设置并确认替换",
                    p.start, p.end
                ),
            );
            return Ok(None);
        }
        known.push(period);
        let key = key(&ind.id, &unit.id, &period);
        let existing = self.existing.get(&key).map(|old| {
            if (old - value).abs() < 1e-9 {
                "与台账中已有的目标相同，不再导入".to_string()
            } else {
                format!(
                    "该指标、单位和期间已有目标（目标值 {}），导入不会覆盖；如需修改请在目标页调整",
                    number_text(*old)
                )
            }
        });
        Ok(Some(Parsed {
            key,
            item: Item::Target(Box::new(NewTarget {
                indicator: ind.id.clone(),
                unit: unit.id.clone(),
                period,
                value,
                milestones: Vec::new(),
                replace_overlapping: false,
            })),
            existing,
            creates: Vec::new(),
        }))
    }
}
