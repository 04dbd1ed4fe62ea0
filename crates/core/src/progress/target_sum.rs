//! A unit's target beside its parts: its own target for one period and the sum of its
//! direct sub-units' targets for the same period, by the rule progress uses (a sub-unit
//! without a target of its own counts the sum of its sub-units'). The 目标 page's card.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::engine::Tree;
use super::round_to;
use crate::error::{LedgerError, Result};
use crate::ledger::{lookup_indicator, lookup_unit, read_units, Ledger};
use crate::model::Period;

/// Which unit, indicator and period to add up.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TargetSumQuery {
    /// The indicator (id, code or name).
    pub indicator: String,
    /// The unit (id, code or name); the city, the root of the unit tree, when none.
    pub unit: Option<String>,
    /// The period, matched exactly (a target of another span is not part of the sum).
    pub period: Period,
}

/// A unit's own target and its direct sub-units' targets added up, for one period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TargetSum {
    /// The unit's own target for the period.
    pub own: Option<f64>,
    /// The direct sub-units' targets added up, each its own or else the sum of its
    /// sub-units'; none when no sub-unit has one.
    pub sub_units: Option<f64>,
    /// How many direct sub-units in use have a target in that sum.
    pub counted: u32,
    /// How many direct sub-units are in use.
    pub sub_unit_count: u32,
}

impl Ledger {
    /// The unit's own target for the period beside the sum of its direct sub-units'.
    pub fn target_sum(&self, q: &TargetSumQuery) -> Result<TargetSum> {
        self.read_scope()?; // figures are open to every signed-in reader
        let conn = self.conn();
        let indicator = lookup_indicator(conn, &q.indicator)?;
        let tree = Tree::new(read_units(conn, false)?);
        let scope = match &q.unit {
            Some(key) => {
                let unit = lookup_unit(conn, key)?;
                tree.idx(&unit.id)
                    .ok_or_else(|| LedgerError::UnknownUnit(key.clone()))?
            }
            None => tree
                .units
                .iter()
                .position(|u| u.parent_id.is_none())
                .ok_or_else(|| LedgerError::UnknownUnit(String::new()))?,
        };
        let mut stmt = conn.prepare_cached(
            "SELECT unit_id, value FROM target
             WHERE indicator_id = ?1 AND period_start = ?2 AND period_end = ?3",
        )?;
        let values: HashMap<String, f64> = stmt
            .query_map(
                rusqlite::params![indicator.id, q.period.start, q.period.end],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?
            .collect::<rusqlite::Result<_>>()?;
        let parts: Vec<f64> = tree
            .children(scope)
            .iter()
            .filter_map(|&c| counted(&tree, &values, c))
            .collect();
        let round = |v: f64| round_to(v, indicator.decimals);
        Ok(TargetSum {
            own: values.get(&tree.units[scope].id).copied(),
            sub_units: (!parts.is_empty()).then(|| round(parts.iter().sum())),
            counted: parts.len() as u32,
            sub_unit_count: tree.children(scope).len() as u32,
        })
    }
}

/// The unit's own target, else its sub-units' added up; none when none of them has one.
fn counted(tree: &Tree, values: &HashMap<String, f64>, unit: usize) -> Option<f64> {
    if let Some(v) = values.get(&tree.units[unit].id) {
        return Some(*v);
    }
    let parts: Vec<f64> = tree
        .children(unit)
        .iter()
        .filter_map(|&c| counted(tree, values, c))
        .collect();
    (!parts.is_empty()).then(|| parts.iter().sum())
}
