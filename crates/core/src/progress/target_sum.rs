//! A unit's target beside its parts: its own target for one period and the sum of its
//! direct sub-units' targets for the same period, by the rule progress uses (a sub-unit
//! without a target of its own counts the sum of its sub-units'). The 目标 page's card.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::engine::Tree;
use super::round_to;
use crate::error::Result;
use crate::ledger::{lookup_indicator, read_units, Ledger};
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
        // Every unit, as the engine reads them, so that the scope is found the same way;
        // archived units are left out of the sum below.
        let tree = Tree::new(read_units(conn, true)?);
        let scope = tree.scope(conn, q.unit.as_deref())?;
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
        let parts = sub_unit_targets(&tree, &values, scope);
        let round = |v: f64| round_to(v, indicator.decimals);
        Ok(TargetSum {
            own: values.get(&tree.units[scope].id).copied(),
            sub_units: (!parts.is_empty()).then(|| round(parts.iter().sum())),
            counted: parts.len() as u32,
            sub_unit_count: in_use(&tree, scope).count() as u32,
        })
    }
}

/// The unit's direct sub-units in use.
fn in_use(tree: &Tree, unit: usize) -> impl Iterator<Item = usize> + '_ {
    tree.children(unit)
        .iter()
        .copied()
        .filter(|&c| !tree.units[c].archived)
}

/// The target each direct sub-unit in use counts, for those that count one: its own, else
/// its sub-units' added up.
fn sub_unit_targets(tree: &Tree, values: &HashMap<String, f64>, unit: usize) -> Vec<f64> {
    in_use(tree, unit)
        .filter_map(|c| {
            values.get(&tree.units[c].id).copied().or_else(|| {
                let parts = sub_unit_targets(tree, values, c);
                (!parts.is_empty()).then(|| parts.iter().sum())
            })
        })
        .collect()
}
