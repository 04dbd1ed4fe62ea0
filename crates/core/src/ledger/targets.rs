//! 目标: set (one per indicator, unit and period), list, delete, copy a year forward.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{lookup, Ledger, Writer};
use crate::error::{LedgerError, Result};
use crate::model::{Milestone, NewTarget, Period, ReplacedTarget, Target, TargetSet};
use crate::validate::{check_period, check_value_within};

/// Which targets to list.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct TargetFilter {
    /// Only targets of this indicator (id, code or name).
    pub indicator: Option<String>,
    /// Only targets set for this unit itself (id, code or name), not its sub-units.
    pub unit: Option<String>,
}

const TARGET_SELECT: &str =
    "SELECT id, indicator_id, unit_id, period_start, period_end, value, is_sample, \
     updated_at, updated_by FROM target";

impl Ledger {
    /// Targets, newest period first, optionally of one indicator and/or unit.
    pub fn targets(&self, filter: &TargetFilter) -> Result<Vec<Target>> {
        self.read_scope()?;
        list(self.conn(), filter)
    }
}

pub(crate) fn list(conn: &Connection, filter: &TargetFilter) -> Result<Vec<Target>> {
    let ind = filter
        .indicator
        .as_deref()
        .map(|k| lookup::indicator(conn, k))
        .transpose()?
        .map(|i| i.id);
    let unit = filter
        .unit
        .as_deref()
        .map(|k| lookup::unit(conn, k))
        .transpose()?
        .map(|u| u.id);
    let sql = format!(
        "{TARGET_SELECT} WHERE (?1 IS NULL OR indicator_id = ?1) AND (?2 IS NULL OR unit_id = ?2)
         ORDER BY period_start DESC, period_end, indicator_id, unit_id"
    );
    let mut stmt = conn.prepare(&sql)?;
    let mut out: Vec<Target> = stmt
        .query_map(rusqlite::params![ind, unit], target_row)?
        .collect::<rusqlite::Result<_>>()?;
    attach_milestones(conn, &mut out)?;
    Ok(out)
}

/// The targets of one unit and indicator (off `target_by_unit`), with their milestones:
/// the progress engine asks for the few it needs rather than reading every target of a
/// province (45,000) for each view.
pub(crate) fn of_unit_and_indicator(
    conn: &Connection,
    unit_id: &str,
    indicator_id: &str,
) -> Result<Vec<Target>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{TARGET_SELECT} WHERE unit_id = ?1 AND indicator_id = ?2"
    ))?;
    let mut out: Vec<Target> = stmt
        .query_map([unit_id, indicator_id], target_row)?
        .collect::<rusqlite::Result<_>>()?;
    for t in &mut out {
        t.milestones = milestones(conn, &t.id)?;
    }
    Ok(out)
}

/// Every target of one unit (off `target_by_unit`), with their milestones, in two
/// queries: for a view that asks for many of one unit's indicators.
pub(crate) fn of_unit(conn: &Connection, unit_id: &str) -> Result<Vec<Target>> {
    let mut stmt = conn.prepare_cached(&format!("{TARGET_SELECT} WHERE unit_id = ?1"))?;
    let mut out: Vec<Target> = stmt
        .query_map([unit_id], target_row)?
        .collect::<rusqlite::Result<_>>()?;
    let mut ms = conn.prepare_cached(
        "SELECT m.target_id, m.due_on, m.value FROM target_milestone AS m
           JOIN target AS t ON t.id = m.target_id
          WHERE t.unit_id = ?1 ORDER BY m.target_id, m.due_on",
    )?;
    give_milestones(&mut ms, [unit_id], &mut out)?;
    Ok(out)
}

/// Milestones are rare: read them all in one query rather than one per target.
fn attach_milestones(conn: &Connection, targets: &mut [Target]) -> Result<()> {
    let mut ms = conn.prepare(
        "SELECT target_id, due_on, value FROM target_milestone ORDER BY target_id, due_on",
    )?;
    give_milestones(&mut ms, [], targets)
}

/// Gives each target the milestones among `ms`'s rows (target_id, due_on, value) that are its.
fn give_milestones(
    ms: &mut rusqlite::Statement<'_>,
    params: impl rusqlite::Params,
    targets: &mut [Target],
) -> Result<()> {
    let mut by_target: HashMap<String, Vec<Milestone>> = HashMap::new();
    for row in ms.query_map(params, |r| {
        Ok((
            r.get::<_, String>(0)?,
            Milestone {
                due_on: r.get(1)?,
                value: r.get(2)?,
            },
        ))
    })? {
        let (target_id, m) = row?;
        by_target.entry(target_id).or_default().push(m);
    }
    for t in targets.iter_mut() {
        t.milestones = by_target.remove(&t.id).unwrap_or_default();
    }
    Ok(())
}

fn target_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Target> {
    Ok(Target {
        id: r.get(0)?,
        indicator_id: r.get(1)?,
        unit_id: r.get(2)?,
        period: Period {
            start: r.get(3)?,
            end: r.get(4)?,
        },
        value: r.get(5)?,
        milestones: Vec::new(),
        is_sample: r.get(6)?,
        updated_at: r.get(7)?,
        updated_by: r.get(8)?,
    })
}

fn by_id(conn: &Connection, id: &str) -> Result<Target> {
    let mut target = conn
        .query_row(&format!("{TARGET_SELECT} WHERE id = ?1"), [id], target_row)
        .optional()?
        .ok_or_else(|| LedgerError::NotFound {
            what: "目标",
            id: id.to_string(),
        })?;
    target.milestones = milestones(conn, &target.id)?;
    Ok(target)
}

/// Targets of the indicator and unit whose period intersects `period` without being it,
/// earliest first.
pub(crate) fn overlapping(
    conn: &Connection,
    indicator_id: &str,
    unit_id: &str,
    period: &Period,
) -> Result<Vec<Target>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{TARGET_SELECT} WHERE indicator_id = ?1 AND unit_id = ?2 AND period_start <= ?4 AND period_end >= ?3
           AND NOT (period_start = ?3 AND period_end = ?4)
         ORDER BY period_start, period_end"
    ))?;
    let out = stmt
        .query_map(
            rusqlite::params![indicator_id, unit_id, period.start, period.end],
            target_row,
        )?
        .collect::<rusqlite::Result<_>>()?;
    Ok(out)
}

fn milestones(conn: &Connection, target_id: &str) -> Result<Vec<Milestone>> {
    let mut stmt = conn.prepare_cached(
        "SELECT due_on, value FROM target_milestone WHERE target_id = ?1 ORDER BY due_on",
    )?;
    let out = stmt
        .query_map([target_id], |r| {
            Ok(Milestone {
                due_on: r.get(0)?,
                value: r.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(out)
}

impl Writer<'_> {
    /// Sets the target of an indicator for a unit and period, replacing the value (and the
    /// milestones) of an existing target for exactly that period.
    /// An overlapping target (same indicator and unit, another period that intersects this
    /// one) is refused unless `replace_overlapping` says the new one replaces it.
    pub fn set_target(&mut self, new: NewTarget) -> Result<Target> {
        self.set_target_reporting(new).map(|s| s.target)
    }

    /// Several targets in this one write (the targets page's save): all of them or none. A
    /// refused row's error names its unit ([`LedgerError::ForUnit`]).
    pub fn set_targets(&mut self, targets: Vec<NewTarget>) -> Result<Vec<TargetSet>> {
        targets
            .into_iter()
            .map(|new| {
                let unit = new.unit.clone();
                self.set_target_reporting(new).map_err(|e| {
                    let found = lookup::unit(self.conn(), &unit).ok();
                    LedgerError::ForUnit {
                        unit_id: found
                            .as_ref()
                            .map_or_else(|| unit.clone(), |u| u.id.clone()),
                        unit_name: found.map_or(unit, |u| u.name),
                        source: Box::new(e),
                    }
                })
            })
            .collect()
    }

    /// [`Writer::set_target`], saying which overlapping targets it replaced.
    pub fn set_target_reporting(&mut self, new: NewTarget) -> Result<TargetSet> {
        self.set_target_with(new, false)
    }

    pub(crate) fn set_target_marked(&mut self, new: NewTarget, is_sample: bool) -> Result<Target> {
        self.set_target_with(new, is_sample).map(|s| s.target)
    }

    fn set_target_with(&mut self, new: NewTarget, is_sample: bool) -> Result<TargetSet> {
        let ind = lookup::indicator(self.conn(), &new.indicator)?;
        let unit = lookup::unit(self.conn(), &new.unit)?;
        check_period(&new.period, self.today)?;
        self.ensure_open_period(new.period)?;
        check_value_within("target", new.value, ind.decimals, ind.max_value)?;
        check_milestones(&new, ind.decimals, ind.max_value)?;
        let replaced = self.replace_overlapping(&ind.id, &unit.id, &new)?;
        let existing: Option<String> = self
            .conn()
            .query_row(
                "SELECT id FROM target WHERE indicator_id = ?1 AND unit_id = ?2 AND period_start = ?3 AND period_end = ?4",
                rusqlite::params![ind.id, unit.id, new.period.start, new.period.end],
                |r| r.get(0),
            )
            .optional()?;
        let id = match existing {
            Some(id) => {
                self.tx.execute(
                    "UPDATE target SET value = ?2, is_sample = ?3, updated_at = ?4, updated_by = ?5 WHERE id = ?1",
                    rusqlite::params![id, new.value, is_sample, self.now, self.actor.name],
                )?;
                self.tx
                    .execute("DELETE FROM target_milestone WHERE target_id = ?1", [&id])?;
                id
            }
            None => {
                let id = self.id_for(|| {
                    format!(
                        "target/{}/{}/{}/{}",
                        ind.code, unit.code, new.period.start, new.period.end
                    )
                });
                self.tx.execute(
                    "INSERT INTO target (id, indicator_id, unit_id, period_start, period_end, value, is_sample,
                                         created_at, created_by, updated_at, updated_by)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?8, ?9)",
                    rusqlite::params![
                        id, ind.id, unit.id, new.period.start, new.period.end, new.value, is_sample, self.now,
                        self.actor.name
                    ],
                )?;
                id
            }
        };
        for m in &new.milestones {
            self.tx.execute(
                "INSERT INTO target_milestone (id, target_id, due_on, value, created_at, created_by, updated_at, updated_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?5, ?6)",
                rusqlite::params![self.id_for(|| format!("milestone/{id}/{}", m.due_on)), id, m.due_on, m.value, self.now, self.actor.name],
            )?;
        }
        Ok(TargetSet {
            target: by_id(self.conn(), &id)?,
            replaced,
        })
    }

    /// The targets of this indicator and unit whose periods overlap the new one's (but are
    /// not the same period): refused, or — when the person says so — ended the day before
    /// the new one starts, or removed when they start on or after that day.
    fn replace_overlapping(
        &mut self,
        indicator_id: &str,
        unit_id: &str,
        new: &NewTarget,
    ) -> Result<Vec<ReplacedTarget>> {
        let overlapping = overlapping(self.conn(), indicator_id, unit_id, &new.period)?;
        if let (Some(first), false) = (overlapping.first(), new.replace_overlapping) {
            return Err(LedgerError::TargetOverlap {
                start: first.period.start,
                end: first.period.end,
                value: first.value,
            });
        }
        let mut out = Vec::new();
        for old in overlapping {
            let day_before = new
                .period
                .start
                .pred_opt()
                .filter(|d| *d >= old.period.start);
            match day_before {
                Some(end) => {
                    self.tx.execute(
                        "UPDATE target SET period_end = ?2, is_sample = 0, updated_at = ?3, updated_by = ?4 WHERE id = ?1",
                        rusqlite::params![old.id, end, self.now, self.actor.name],
                    )?;
                    self.tx.execute(
                        "DELETE FROM target_milestone WHERE target_id = ?1 AND due_on > ?2",
                        rusqlite::params![old.id, end],
                    )?;
                }
                None => {
                    self.tx
                        .execute("DELETE FROM target WHERE id = ?1", [&old.id])?;
                }
            }
            out.push(ReplacedTarget {
                id: old.id,
                period: old.period,
                value: old.value,
                ended_on: day_before,
            });
        }
        Ok(out)
    }

    /// Deletes a target, refused when its period touches a locked round.
    pub fn delete_target(&mut self, id: &str) -> Result<()> {
        if let Ok(old) = by_id(self.conn(), id) {
            self.ensure_open_period(old.period)?;
        }
        let n = self.tx.execute("DELETE FROM target WHERE id = ?1", [id])?;
        if n == 0 {
            return Err(LedgerError::NotFound {
                what: "目标",
                id: id.to_string(),
            });
        }
        Ok(())
    }

    /// Copies every calendar-year target of `from_year` to the following year, unless that
    /// year already has a target for the same indicator and unit. Returns how many were made.
    pub fn copy_year_targets(&mut self, from_year: i32) -> Result<usize> {
        let year = |y: i32| Period {
            start: NaiveDate::from_ymd_opt(y, 1, 1).expect("valid"),
            end: NaiveDate::from_ymd_opt(y, 12, 31).expect("valid"),
        };
        let (src, dst) = (year(from_year), year(from_year + 1));
        let all = list(self.conn(), &TargetFilter::default())?;
        let mut made = 0;
        for t in all.iter().filter(|t| t.period == src) {
            let exists = all.iter().any(|o| {
                o.period == dst && o.indicator_id == t.indicator_id && o.unit_id == t.unit_id
            });
            if exists || !overlapping(self.conn(), &t.indicator_id, &t.unit_id, &dst)?.is_empty() {
                continue;
            }
            let shift = |d: NaiveDate| d.with_year(d.year() + 1).unwrap_or(d);
            let milestones = t
                .milestones
                .iter()
                .map(|m| Milestone {
                    due_on: shift(m.due_on),
                    value: m.value,
                })
                .collect();
            self.set_target(NewTarget {
                indicator: t.indicator_id.clone(),
                unit: t.unit_id.clone(),
                period: dst,
                value: t.value,
                milestones,
                replace_overlapping: false,
            })?;
            made += 1;
        }
        Ok(made)
    }
}

/// Milestones fall inside the period, rise (never fall) and do not exceed the target.
fn check_milestones(new: &NewTarget, decimals: u8, ceiling: f64) -> Result<()> {
    let mut last: Option<&Milestone> = None;
    let mut sorted: Vec<&Milestone> = new.milestones.iter().collect();
    sorted.sort_by_key(|m| m.due_on);
    for m in sorted {
        check_value_within("due_on", m.value, decimals, ceiling)?;
        if !new.period.contains(m.due_on) {
            return Err(LedgerError::DateOutOfRange {
                field: "due_on",
                date: m.due_on,
                reason: format!("不在目标期间 {} 至 {} 内", new.period.start, new.period.end),
            });
        }
        if m.value > new.value {
            return Err(LedgerError::Invalid {
                field: "due_on",
                problem: format!("节点值 {} 大于目标值 {}", m.value, new.value),
            });
        }
        if let Some(prev) = last {
            if prev.due_on == m.due_on {
                return Err(LedgerError::Duplicate {
                    what: "节点日期",
                    key: m.due_on.to_string(),
                });
            }
            if m.value < prev.value {
                return Err(LedgerError::Invalid {
                    field: "due_on",
                    problem: "节点值应逐季累计，不能减少".into(),
                });
            }
        }
        last = Some(m);
    }
    Ok(())
}
