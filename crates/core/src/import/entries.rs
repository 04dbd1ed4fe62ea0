//! 完成情况 rows: indicator, unit, date, value, note. A row equal in all five to one in
//! the ledger (or earlier in the file) is a duplicate.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use rusqlite::Connection;

use super::catalog::Catalog;
use super::cell::number_text;
use super::plan::{Item, Parsed, RowKind};
use super::rows::RowReader;
use crate::error::{LedgerError, Result};
use crate::validate::check_value_within;

#[derive(Debug, Clone)]
pub(crate) struct EntryRow {
    pub indicator_id: String,
    pub decimals: u8,
    /// The indicator's plausibility ceiling.
    pub max_value: f64,
    pub unit_id: String,
    pub occurred_on: NaiveDate,
    pub value: f64,
    pub note: String,
}

pub(crate) struct Entries {
    catalog: Catalog,
    today: NaiveDate,
}

impl Entries {
    pub(crate) fn new(conn: &Connection, today: NaiveDate) -> Result<Self> {
        Ok(Self {
            catalog: Catalog::read(conn)?,
            today,
        })
    }
}

/// The natural key: indicator, unit, date, value (at the indicator's decimals), note.
fn key(indicator_id: &str, unit_id: &str, date: NaiveDate, value: f64, note: &str) -> String {
    format!(
        "{indicator_id}|{unit_id}|{date}|{}|{note}",
        number_text(value)
    )
}

/// Rounds to the indicator's places (Excel's 12.299999999 is 12.3).
pub(crate) fn round_to(value: f64, decimals: u8) -> f64 {
    let f = 10f64.powi(i32::from(decimals));
    (value * f).round() / f
}

impl RowKind for Entries {
    fn read(&mut self, r: &mut RowReader<'_>) -> Result<Option<Parsed>> {
        let indicator = r.required("indicator").and_then(|k| {
            let found = self
                .catalog
                .indicator(&k)
                .map_err(|e| r.rule("indicator", &e));
            found.ok()
        });
        if let Some(ind) = indicator {
            r.show("indicator", ind.name.clone());
            if let Some(register) = self.catalog.derived.get(&ind.id).cloned() {
                r.rule(
                    "indicator",
                    &LedgerError::DerivedIndicator {
                        indicator: ind.name.clone(),
                        register,
                    },
                );
            }
        }
        let unit = r.required("unit").and_then(|k| {
            let found = self.catalog.unit(&k).map_err(|e| r.rule("unit", &e));
            found.ok()
        });
        if let Some(u) = unit {
            r.show("unit", u.name.clone());
        }
        let date = r.required_entry_date("occurred_on", self.today);
        let value = r.required_number("value");
        if let (Some(v), Some(ind)) = (value, indicator) {
            if let Err(e) = check_value_within("value", v, ind.decimals, ind.max_value) {
                r.rule("value", &e);
            }
        }
        let note = r.free_text("note", crate::text::TextKind::Note);
        let (Some(ind), Some(unit), Some(date), Some(value)) = (indicator, unit, date, value)
        else {
            return Ok(None);
        };
        if !r.ok() {
            return Ok(None);
        }
        let value = round_to(value, ind.decimals);
        Ok(Some(Parsed {
            key: key(&ind.id, &unit.id, date, value, &note),
            item: Item::Entry(EntryRow {
                indicator_id: ind.id.clone(),
                decimals: ind.decimals,
                max_value: ind.max_value,
                unit_id: unit.id.clone(),
                occurred_on: date,
                value,
                note,
            }),
            existing: None,
            creates: Vec::new(),
        }))
    }

    /// Entries of the file's indicators within the file's dates, read in one query.
    fn existing(&self, conn: &Connection, parsed: &[&Parsed]) -> Result<HashMap<String, String>> {
        let rows: Vec<&EntryRow> = parsed
            .iter()
            .filter_map(|p| match &p.item {
                Item::Entry(e) => Some(e),
                _ => None,
            })
            .collect();
        let (Some(from), Some(to)) = (
            rows.iter().map(|e| e.occurred_on).min(),
            rows.iter().map(|e| e.occurred_on).max(),
        ) else {
            return Ok(HashMap::new());
        };
        let wanted: HashSet<&str> = rows.iter().map(|e| e.indicator_id.as_str()).collect();
        let decimals: HashMap<&str, u8> = rows
            .iter()
            .map(|e| (e.indicator_id.as_str(), e.decimals))
            .collect();
        let mut stmt = conn.prepare(
            "SELECT indicator_id, unit_id, occurred_on, value, note FROM progress_entry
             WHERE occurred_on BETWEEN ?1 AND ?2",
        )?;
        // The rows' own keys, borrowed: a file of a million rows is not keyed twice.
        let mut found = parsed
            .iter()
            .filter(|p| matches!(p.item, Item::Entry(_)))
            .map(|p| p.key.as_str())
            .collect::<HashSet<&str>>();
        let mut out = HashMap::new();
        let mut q = stmt.query((from, to))?;
        while let Some(row) = q.next()? {
            let ind: String = row.get(0)?;
            if !wanted.contains(ind.as_str()) {
                continue;
            }
            let v: f64 = row.get(3)?;
            let k = key(
                &ind,
                &row.get::<_, String>(1)?,
                row.get(2)?,
                round_to(v, decimals[ind.as_str()]),
                &row.get::<_, String>(4)?,
            );
            if let Some(k) = found.take(k.as_str()) {
                out.insert(
                    k.to_string(),
                    "与台账中已有的完成情况相同（指标、单位、日期、数值、备注），不再导入".into(),
                );
            }
        }
        Ok(out)
    }
}
