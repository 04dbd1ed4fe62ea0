//! The permission check of every write, on the rows it changed: which area of
//! `auth::PERMISSIONS` each row belongs to, which unit owns it (before and after), and
//! whether the actor's role and scope allow that. One place, so no write path can forget it.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension};
use serde_json::Value;

use super::seal::{Change, Stamp};
use super::tables::area_of;
use crate::auth::{grant, Area, Grant};
use crate::error::{LedgerError, Result};
use crate::model::{Actor, Role};

/// Fields a person changes when changing their own password.
const OWN_PASSWORD_FIELDS: &[&str] = &[
    "password_hash",
    "password_changed_at",
    "updated_at",
    "updated_by",
];

/// The unit that owns each changed row, before and after, including rows whose unit comes
/// from a parent (a project's from its pairing, a milestone's from its target).
pub struct RowUnits {
    /// Units of pairings and targets known from this write's own changes.
    parents: HashMap<String, Option<String>>,
    /// Looked up in the ledger for parents the write did not touch.
    looked_up: HashMap<(String, String), Option<String>>,
}

impl RowUnits {
    pub fn of(conn: &Connection, changes: &[Change]) -> Result<Self> {
        let mut parents = HashMap::new();
        for c in changes {
            if c.tbl == "pairing" || c.tbl == "target" {
                let m = if c.new_map.is_empty() {
                    &c.old_map
                } else {
                    &c.new_map
                };
                parents.insert(c.row_id.clone(), str_of(m.get("unit_id")));
            }
        }
        let mut looked_up = HashMap::new();
        for c in changes {
            for (table, key) in [("pairing", "pairing_id"), ("target", "target_id")] {
                for m in [&c.old_map, &c.new_map] {
                    if let Some(id) = str_of(m.get(key)) {
                        if !parents.contains_key(&id)
                            && !looked_up.contains_key(&(table.to_string(), id.clone()))
                        {
                            let unit: Option<Option<String>> = conn
                                .query_row(
                                    &format!("SELECT unit_id FROM {table} WHERE id = ?1"),
                                    [&id],
                                    |r| r.get(0),
                                )
                                .optional()?;
                            looked_up.insert((table.to_string(), id), unit.flatten());
                        }
                    }
                }
            }
        }
        Ok(Self { parents, looked_up })
    }

    fn unit_in(&self, m: &serde_json::Map<String, Value>) -> Option<String> {
        if let Some(v) = m.get("unit_id") {
            return str_of(Some(v));
        }
        if let Some(v) = m.get("county_id") {
            return str_of(Some(v));
        }
        for (table, key) in [("pairing", "pairing_id"), ("target", "target_id")] {
            if let Some(id) = str_of(m.get(key)) {
                return self
                    .parents
                    .get(&id)
                    .cloned()
                    .or_else(|| self.looked_up.get(&(table.to_string(), id)).cloned())
                    .flatten();
            }
        }
        None
    }

    pub fn unit_before(&self, c: &Change) -> Option<String> {
        self.unit_in(&c.old_map)
    }
    pub fn unit_after(&self, c: &Change) -> Option<String> {
        self.unit_in(&c.new_map)
    }
}

fn str_of(v: Option<&Value>) -> Option<String> {
    v.and_then(Value::as_str).map(str::to_string)
}

/// The area a change falls in: sample rows added or removed are the sample's.
fn area(c: &Change) -> Area {
    let sample =
        |m: &serde_json::Map<String, Value>| m.get("is_sample").and_then(Value::as_i64) == Some(1);
    let touches_sample = match c.op.as_str() {
        "insert" => sample(&c.new_map),
        "delete" => sample(&c.old_map),
        _ => false,
    };
    if touches_sample {
        return Area::Sample;
    }
    if c.tbl == "evidence" {
        // An attachment belongs to its parent's area.
        let m = if c.new_map.is_empty() {
            &c.old_map
        } else {
            &c.new_map
        };
        if let Some("pairing" | "project" | "register_row") =
            m.get("attached_to").and_then(Value::as_str)
        {
            return Area::Registers;
        }
    }
    area_of(&c.tbl)
}

/// Refuses a change the actor's role or scope does not allow.
pub fn check(conn: &Connection, stamp: &Stamp<'_>, c: &Change, units: &RowUnits) -> Result<()> {
    let (actor, scope) = (stamp.actor, stamp.scope);
    let area = area(c);
    if let Some(bound) = &scope.installation {
        check_installation_bound(conn, bound, c, units, area)?;
    }
    if stamp.own_password_verified
        && c.tbl == "account"
        && c.op == "update"
        && actor.account_id.as_deref() == Some(c.row_id.as_str())
        && c.changed_keys()
            .iter()
            .all(|k| OWN_PASSWORD_FIELDS.contains(k))
    {
        return Ok(());
    }
    let granted = match grant(actor.role, area) {
        // A reviewer's correction changes the entry (and records the correction) within
        // its scope; it never inserts or deletes entries.
        Grant::None
            if stamp.reviewer_correcting
                && actor.role == Role::Reviewer
                && area == Area::Entries
                && (c.op == "update" || c.tbl != "progress_entry") =>
        {
            Grant::Scope
        }
        g => g,
    };
    match granted {
        Grant::All => Ok(()),
        Grant::None => Err(forbidden(conn, actor, c, area, None)),
        // An enterprise of another county may pair with one's own villages: registering it
        // is open to whoever may write registers; changing it stays with its county.
        Grant::Scope if c.tbl == "enterprise" && c.op == "insert" => Ok(()),
        Grant::Scope => {
            for unit in [units.unit_before(c), units.unit_after(c)] {
                let relevant = match c.op.as_str() {
                    "insert" => unit == units.unit_after(c),
                    "delete" => unit == units.unit_before(c),
                    _ => true,
                };
                if relevant && !scope.contains(unit.as_deref()) {
                    return Err(forbidden(conn, actor, c, area, unit.as_deref()));
                }
            }
            Ok(())
        }
    }
}

/// In a unit's own ledger every row written lies in its subtree, whoever writes: a row of
/// another unit (before or after the change) is refused, and so is a unit outside it (a
/// `unit` row is its own unit; a new one its parent's). Registering another county's
/// enterprise stays open, as at the city (exchange/ownership.rs).
/// Tables a unit's ledger receives from the city and never writes itself.
const CITY_CATALOGUE: &[&str] = &[
    "action",
    "indicator",
    "register_type",
    "indicator_derivation",
    "round",
];

fn check_installation_bound(
    conn: &Connection,
    bound: &crate::auth::Scope,
    c: &Change,
    units: &RowUnits,
    area: Area,
) -> Result<()> {
    if c.tbl == "enterprise" && c.op == "insert" {
        return Ok(());
    }
    // The city's catalogue (actions, indicators, register types, how figures derive,
    // rounds) belongs to no unit: a unit's ledger takes it from the city's packages only,
    // so the two ledgers never describe the campaign differently.
    if CITY_CATALOGUE.contains(&c.tbl.as_str()) {
        return Err(LedgerError::Forbidden {
            message: format!(
                "本台账是{ledger}的台账，{what}由市级台账维护，随市级数据包下发，不能在本台账中修改",
                ledger = unit_name(conn, bound.root.as_deref()),
                what = super::tables::table_label(&c.tbl),
            ),
        });
    }
    let own = |m: &serde_json::Map<String, Value>| match c.op.as_str() {
        "insert" => str_of(m.get("parent_id")),
        _ => Some(c.row_id.clone()),
    };
    let touched = if c.tbl == "unit" {
        [own(&c.new_map), None]
    } else {
        [units.unit_before(c), units.unit_after(c)]
    };
    for unit in touched.into_iter().flatten() {
        if !bound.contains(Some(&unit)) {
            let verb = match c.op.as_str() {
                "insert" => "新增",
                "delete" => "删除",
                _ => "修改",
            };
            return Err(LedgerError::Forbidden {
                message: format!(
                    "本台账是{ledger}的台账，不能{verb}{other}的数据（{area}）；{other}的数据由{other}或市级台账填写",
                    ledger = unit_name(conn, bound.root.as_deref()),
                    other = unit_name(conn, Some(&unit)),
                    area = area.label(),
                ),
            });
        }
    }
    Ok(())
}

/// A unit's name ('' when there is none or it is gone), for refusals that name it.
pub(crate) fn unit_name(conn: &Connection, id: Option<&str>) -> String {
    id.and_then(|id| {
        conn.query_row("SELECT name FROM unit WHERE id = ?1", [id], |r| {
            r.get::<_, String>(0)
        })
        .optional()
        .ok()
        .flatten()
    })
    .unwrap_or_default()
}

/// 「兰山区填报员无权修改沂南县的数据（完成情况）」 / 「领导无权修改目标」.
fn forbidden(
    conn: &Connection,
    actor: &Actor,
    c: &Change,
    area: Area,
    row_unit: Option<&str>,
) -> LedgerError {
    let who = format!(
        "{}{}",
        unit_name(conn, actor.unit_id.as_deref()),
        actor.role.label()
    );
    let verb = match c.op.as_str() {
        "insert" => "新增",
        "delete" => "删除",
        _ => "修改",
    };
    let message = match row_unit {
        Some(u) => format!(
            "{who}无权{verb}{}的数据（{}）",
            unit_name(conn, Some(u)),
            area.label()
        ),
        None => format!("{who}无权{verb}{}", area.label()),
    };
    LedgerError::Forbidden { message }
}
