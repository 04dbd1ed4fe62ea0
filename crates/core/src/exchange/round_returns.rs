//! A unit's package arriving at the city is its return: in every open round that asks the
//! unit and covers a date of a row the package applies, the unit's return becomes 已报, as
//! if it had pressed 提交 (`Writer::submit_return`, so the board, the round's history and
//! the trail — whose reason names the package — see it like any submission).

use std::collections::{BTreeSet, HashMap};

use super::changeset::Change;
use super::ownership::DATED;
use crate::error::Result;
use crate::round::RoundPeriod;
use crate::Writer;

/// Marks `unit`'s returns submitted; returns the rounds' labels (2024年第二季度).
pub(crate) fn mark_submitted(
    w: &mut Writer<'_>,
    unit: &str,
    changes: &[Change],
    applied: &[bool],
    columns: &HashMap<String, Vec<String>>,
) -> Result<Vec<String>> {
    let dates = dates_of(changes, applied, columns);
    if dates.is_empty() {
        return Ok(Vec::new());
    }
    let mut keys: BTreeSet<String> = BTreeSet::new();
    {
        let mut stmt = w.conn().prepare(
            "SELECT r.label FROM round r JOIN round_unit ru ON ru.round_id = r.id
             WHERE ru.unit_id = ?1 AND r.locked_on IS NULL
               AND ru.state IN ('not_started', 'returned')
               AND r.period_start <= ?2 AND r.period_end >= ?2",
        )?;
        for date in &dates {
            for key in stmt.query_map((unit, date), |r| r.get::<_, String>(0))? {
                keys.insert(key?);
            }
        }
    }
    let mut labels = Vec::new();
    for key in keys {
        let period = RoundPeriod::from_key(&key)?;
        w.submit_return(unit, period)?;
        labels.push(period.label_zh());
    }
    Ok(labels)
}

/// The dates (before and after) of the dated rows among the applied changes.
fn dates_of(
    changes: &[Change],
    applied: &[bool],
    columns: &HashMap<String, Vec<String>>,
) -> BTreeSet<String> {
    let mut dates = BTreeSet::new();
    for (c, _) in changes.iter().zip(applied).filter(|(_, kept)| **kept) {
        let Some((_, col)) = DATED.iter().find(|(t, _)| *t == c.table) else {
            continue;
        };
        let Some(i) = columns
            .get(&c.table)
            .and_then(|names| names.iter().position(|n| n == col))
        else {
            continue;
        };
        for v in [c.old.get(i), c.new.get(i)].into_iter().flatten().flatten() {
            if let Some(s) = v.as_str() {
                dates.insert(s.to_string());
            }
        }
    }
    dates
}
