//! The computation behind every progress figure: the unit tree, the targets and cached
//! window sums (per indicator and period from the roll-up `entry_rollup` and the entries at
//! the window's ragged ends, rolled up the tree in memory).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use chrono::NaiveDate;
use rusqlite::Connection;

use super::{round_to, ProgressRow, Status, TargetSource};
use crate::error::{LedgerError, Result};
use crate::ledger::{
    lookup_action, lookup_indicator, lookup_unit, read_actions, read_indicators, read_settings,
    read_targets_of, read_unit_targets, read_units,
};
use crate::model::{Indicator, Period, Target, Unit};
use crate::register::derive::{self, Derivation};
use crate::register::derive_units::{DerivedCache, UnitValues};
use crate::validate::EARLIEST;

/// Units as an index-addressed tree.
pub struct Tree {
    pub units: Vec<Unit>,
    index: HashMap<String, usize>,
    parent: Vec<Option<usize>>,
    children: Vec<Vec<usize>>,
}

impl Tree {
    pub fn new(units: Vec<Unit>) -> Self {
        let index: HashMap<String, usize> = units
            .iter()
            .enumerate()
            .map(|(i, u)| (u.id.clone(), i))
            .collect();
        let parent: Vec<Option<usize>> = units
            .iter()
            .map(|u| u.parent_id.as_ref().and_then(|p| index.get(p).copied()))
            .collect();
        let mut children = vec![Vec::new(); units.len()];
        for (i, p) in parent.iter().enumerate() {
            if let Some(p) = p {
                children[*p].push(i);
            }
        }
        Self {
            units,
            index,
            parent,
            children,
        }
    }
    pub fn idx(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }
    pub fn children(&self, i: usize) -> &[usize] {
        &self.children[i]
    }
    pub fn root(&self) -> Option<usize> {
        self.parent.iter().position(Option::is_none)
    }
    /// The index of `unit` (id, code or name), or of the root (the whole city) when none.
    pub fn scope(&self, conn: &Connection, unit: Option<&str>) -> Result<usize> {
        match unit {
            Some(k) => {
                let u = lookup_unit(conn, k)?;
                self.idx(&u.id)
                    .ok_or(LedgerError::UnknownUnit(k.to_string()))
            }
            None => self
                .root()
                .ok_or_else(|| LedgerError::UnknownUnit("（全市）".into())),
        }
    }
    /// Adds each unit's value into all its ancestors. `units` is in tree order (parents
    /// first), so walking it backwards visits children before their parents.
    fn roll_up(&self, direct: &[f64]) -> Vec<f64> {
        let mut total = direct.to_vec();
        for i in (0..self.units.len()).rev() {
            if let Some(p) = self.parent[i] {
                total[p] += total[i];
            }
        }
        total
    }
}

/// Sums of one indicator over one window, per unit: its own entries and with its subtree.
struct WindowSums {
    direct: Vec<f64>,
    rolled: Vec<f64>,
}

/// The progress engine: the unit tree, every target and cached window sums, as of one date.
pub struct Engine<'c> {
    conn: &'c Connection,
    as_of: NaiveDate,
    threshold: f64,
    tree: Tree,
    action_names: HashMap<String, String>,
    targets: HashMap<(String, usize), Vec<Target>>,
    /// Per unit: how many of its indicators' targets were read one by one, or None once
    /// all its targets were read at once (a view of many indicators, see `own_target`).
    target_reads: HashMap<usize, Option<u32>>,
    sums: HashMap<(String, NaiveDate, NaiveDate), WindowSums>,
    derivations: HashMap<String, Derivation>,
    /// A derived indicator's rows per unit and day (one query; every scope and window of
    /// the view is computed from them).
    derived: HashMap<String, Arc<UnitValues>>,
    /// The ledger's derived rows kept across views (see `sharing`), if it has them.
    shared: Option<&'c Mutex<DerivedCache>>,
}

/// A target as it applies to a scope: own or summed from sub-units.
#[derive(Debug, Clone)]
pub struct ScopeTarget {
    pub period: Period,
    pub value: f64,
    pub milestones: Vec<crate::model::Milestone>,
    pub source: TargetSource,
}

impl<'c> Engine<'c> {
    /// Reads the units, threshold and derivations once, for figures as of the date; targets
    /// are read as they are needed (a view touches a few units, not a province's 45,000).
    pub fn new(conn: &'c Connection, as_of: NaiveDate) -> Result<Self> {
        let tree = Tree::new(read_units(conn, true)?);
        let threshold = read_settings(conn)?.slightly_behind_threshold;
        let action_names = read_actions(conn, true)?
            .into_iter()
            .map(|a| (a.id, a.name))
            .collect();
        let derivations = derive::read_all(conn)?;
        Ok(Self {
            conn,
            as_of,
            threshold,
            tree,
            action_names,
            targets: HashMap::new(),
            target_reads: HashMap::new(),
            sums: HashMap::new(),
            derivations,
            derived: HashMap::new(),
            shared: None,
        })
    }

    /// Takes derived indicators' rows from, and leaves them in, a ledger's cache, which
    /// keeps them across views until the file changes.
    pub fn sharing(mut self, cache: &'c Mutex<DerivedCache>) -> Self {
        self.shared = Some(cache);
        self
    }

    /// The day the engine's figures are as of.
    pub fn as_of(&self) -> NaiveDate {
        self.as_of
    }
    /// The share of the expected value below which a unit is behind rather than slightly behind.
    pub fn threshold(&self) -> f64 {
        self.threshold
    }
    /// The responsible units as a tree.
    pub fn tree(&self) -> &Tree {
        &self.tree
    }

    /// The scope unit's index: the given unit, or the root (the whole city).
    pub fn scope(&self, unit: Option<&str>) -> Result<usize> {
        self.tree.scope(self.conn, unit)
    }

    /// The active indicators of an action (or one indicator, or all).
    pub fn select_indicators(
        &self,
        action: Option<&str>,
        indicator: Option<&str>,
    ) -> Result<Vec<Indicator>> {
        if let Some(k) = indicator {
            return Ok(vec![lookup_indicator(self.conn, k)?]);
        }
        let action = action.map(|a| lookup_action(self.conn, a)).transpose()?;
        read_indicators(self.conn, action.as_ref().map(|a| a.id.as_str()), false)
    }

    /// The target of its own that applies to `unit` for `ind` as of the engine's date.
    fn own_target(&mut self, ind: &str, unit: usize) -> Result<Option<Target>> {
        let key = (ind.to_string(), unit);
        if !self.targets.contains_key(&key) {
            let unit_id = &self.tree.units[unit].id;
            match self.target_reads.entry(unit).or_insert(Some(0)) {
                // All of the unit's targets are read: this indicator has none.
                None => {}
                // A view of one or two indicators reads just those; from the third on,
                // the unit's targets are read at once (a province view asks for 200).
                Some(n) if *n < 2 => {
                    *n += 1;
                    let read = read_targets_of(self.conn, unit_id, ind)?;
                    self.targets.insert(key.clone(), read);
                }
                reads => {
                    *reads = None;
                    let mut all: HashMap<(String, usize), Vec<Target>> = HashMap::new();
                    for t in read_unit_targets(self.conn, unit_id)? {
                        all.entry((t.indicator_id.clone(), unit))
                            .or_default()
                            .push(t);
                    }
                    for (k, targets) in all {
                        // Those read one by one are kept as they are.
                        self.targets.entry(k).or_insert(targets);
                    }
                }
            }
            self.targets.entry(key.clone()).or_default();
        }
        Ok(choose(self.targets[&key].iter(), self.as_of).cloned())
    }

    /// The target that applies to `scope` for `ind` as of the engine's date.
    pub fn scope_target(&mut self, ind: &str, scope: usize) -> Result<Option<ScopeTarget>> {
        if let Some(t) = self.own_target(ind, scope)? {
            return Ok(Some(ScopeTarget {
                period: t.period,
                value: t.value,
                milestones: t.milestones,
                source: TargetSource::Own,
            }));
        }
        let mut found: Vec<Target> = Vec::new();
        self.collect_sub_targets(ind, scope, &mut found)?;
        let Some(period) = choose(found.iter(), self.as_of).map(|t| t.period) else {
            return Ok(None);
        };
        let value = found
            .iter()
            .filter(|t| t.period == period)
            .map(|t| t.value)
            .sum();
        Ok(Some(ScopeTarget {
            period,
            value,
            milestones: Vec::new(),
            source: TargetSource::SubUnits,
        }))
    }

    /// The top-most targets under `unit` (a unit with its own target hides its subtree's).
    fn collect_sub_targets(&mut self, ind: &str, unit: usize, out: &mut Vec<Target>) -> Result<()> {
        for c in self.tree.children(unit).to_vec() {
            match self.own_target(ind, c)? {
                Some(t) => out.push(t),
                None => self.collect_sub_targets(ind, c, out)?,
            }
        }
        Ok(())
    }

    /// Completed value of `ind` in the scope within [from, to].
    pub fn completed(
        &mut self,
        ind: &Indicator,
        scope: usize,
        subtree: bool,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<f64> {
        if to < from {
            return Ok(0.0);
        }
        if let Some(d) = self.derivations.get(&ind.id) {
            if !self.derived.contains_key(&ind.id) {
                let values = match self.shared {
                    Some(cache) => DerivedCache::get(cache, self.conn, &ind.id, d)?,
                    None => Arc::new(UnitValues::read(self.conn, d)?),
                };
                self.derived.insert(ind.id.clone(), values);
            }
            let v = self.derived[&ind.id].over(self.unit_ids(scope, subtree), from, to);
            return Ok(round_to(v, ind.decimals));
        }
        let key = (ind.id.clone(), from, to);
        if !self.sums.contains_key(&key) {
            let sums = self.window_sums(&ind.id, from, to)?;
            self.sums.insert(key.clone(), sums);
        }
        let s = &self.sums[&key];
        let v = if subtree {
            s.rolled[scope]
        } else {
            s.direct[scope]
        };
        Ok(round_to(v, ind.decimals))
    }

    /// The scope's unit ids (with its subtree, if asked).
    fn unit_ids(&self, scope: usize, subtree: bool) -> Vec<&str> {
        let mut ids = vec![self.tree.units[scope].id.as_str()];
        let mut stack = if subtree {
            self.tree.children(scope).to_vec()
        } else {
            Vec::new()
        };
        while let Some(i) = stack.pop() {
            ids.push(self.tree.units[i].id.as_str());
            stack.extend_from_slice(self.tree.children(i));
        }
        ids
    }

    /// How the indicator is derived from a register, if it is.
    pub fn derivation(&self, indicator_id: &str) -> Option<&Derivation> {
        self.derivations.get(indicator_id)
    }

    /// Sums one indicator's entries in [from, to] per unit (through the roll-up: see
    /// window.rs), then rolls them up the tree.
    fn window_sums(&self, ind: &str, from: NaiveDate, to: NaiveDate) -> Result<WindowSums> {
        let direct = super::window::direct_sums(self.conn, &self.tree, ind, from, to)?;
        let rolled = self.tree.roll_up(&direct);
        Ok(WindowSums { direct, rolled })
    }

    /// The full progress row of one indicator for one scope.
    pub fn row(&mut self, ind: &Indicator, scope: usize, subtree: bool) -> Result<ProgressRow> {
        self.row_within(ind, scope, subtree, None)
    }

    /// The row of one indicator for one scope; a scope with no target counts within
    /// `fallback` (when given) rather than from the beginning, so that in a drill-down
    /// the sub-units' figures add up to their parent's.
    pub fn row_within(
        &mut self,
        ind: &Indicator,
        scope: usize,
        subtree: bool,
        fallback: Option<Period>,
    ) -> Result<ProgressRow> {
        let as_of = self.as_of;
        let target = self.scope_target(&ind.id, scope)?;
        let (from, to) = match (&target, fallback) {
            (Some(t), _) => (t.period.start, as_of.min(t.period.end)),
            (None, Some(p)) => (p.start, as_of.min(p.end)),
            (None, None) => (EARLIEST, as_of),
        };
        let completed = self.completed(ind, scope, subtree, from, to)?;
        let expected = target.as_ref().map(|t| {
            ind.pacing
                .expected_value(&t.period, t.value, &t.milestones, as_of)
        });
        let tv = target.as_ref().map(|t| t.value);
        let rate = tv.filter(|t| *t > 0.0).map(|t| completed / t);
        let share = match (expected, tv) {
            (Some(e), Some(t)) if t > 0.0 => Some(e / t),
            (Some(_), Some(_)) => Some(1.0),
            _ => None,
        };
        let status = Status::classify(completed, tv, expected, self.threshold);
        let unit = &self.tree.units[scope];
        Ok(ProgressRow {
            action: ind.action_code.clone(),
            action_name: self
                .action_names
                .get(&ind.action_id)
                .cloned()
                .unwrap_or_default(),
            indicator_id: ind.id.clone(),
            indicator_code: ind.code.clone(),
            indicator: ind.name.clone(),
            indicator_en: ind.name_en.clone(),
            measure: ind.measure.clone(),
            decimals: ind.decimals,
            headline: ind.headline,
            pacing: ind.pacing,
            unit_id: unit.id.clone(),
            unit: unit.name.clone(),
            as_of,
            period: target.as_ref().map(|t| t.period),
            target: tv,
            target_source: target.as_ref().map_or(TargetSource::None, |t| t.source),
            completed,
            completion_rate: rate,
            expected: expected.map(|e| round_to(e, 2)),
            expected_share: share,
            gap: expected.map(|e| round_to(completed - e, 2)),
            status,
            derivation: self.derivations.get(&ind.id).cloned(),
        })
    }
}

/// The target that applies as of a date: the shortest period containing it (latest start
/// on a tie); failing that, the started period that ended last; None if none has started.
pub fn choose<'a>(
    targets: impl Iterator<Item = &'a Target>,
    as_of: NaiveDate,
) -> Option<&'a Target> {
    let started: Vec<&Target> = targets.filter(|t| t.period.start <= as_of).collect();
    let containing = started
        .iter()
        .filter(|t| t.period.contains(as_of))
        .min_by_key(|t| (t.period.days(), std::cmp::Reverse(t.period.start)));
    containing
        .or_else(|| {
            started
                .iter()
                .max_by_key(|t| (t.period.end, t.period.start))
        })
        .copied()
}
