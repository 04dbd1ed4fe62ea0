//! Writing a plan inside the import's one transaction. Every row goes through the
//! ledger's own write paths (entries through their prepared bulk path), so every rule is
//! checked again; a row the ledger refuses rejects the whole import at that row.

use std::collections::HashMap;

use super::pairings::PairingRow;
use super::plan::{Item, Plan, Planned};
use super::registers::NEW;
use super::rows::describe;
use super::types::ImportProblem;
use crate::error::{LedgerError, Result};
use crate::ledger::Writer;
use crate::register::pairing::{EnterpriseRef, NewPairing, VillageRef};
use crate::register::project::NewProject;

/// How many rows between two progress reports.
const REPORT_EVERY: usize = 1000;

/// How many rows between two seals of the trail: the changes waiting to be sealed (kept in
/// memory, as text and parsed) stay a few MB however long the file.
const SEAL_EVERY: usize = 20_000;

pub(crate) struct Written {
    pub rows: u32,
    pub enterprises: u32,
    pub villages: u32,
}

pub(crate) fn apply(
    w: &mut Writer<'_>,
    plan: &Plan,
    file: &str,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Written> {
    let total = plan.items.len();
    progress(0, total);
    // A large import touches more index pages than SQLite's default 2 MB cache holds;
    // 64 MB for the length of the import, then back to what it was.
    let cache: i64 = w
        .conn()
        .pragma_query_value(None, "cache_size", |r| r.get(0))?;
    if total > 10_000 {
        w.conn().pragma_update(None, "cache_size", -65_536)?;
    }
    // The trail's records of the new entries are made in bulk (audit/direct.rs).
    let result = w.with_direct_entries(|w| write_all(w, plan, file, progress));
    w.conn().pragma_update(None, "cache_size", cache)?;
    result
}

fn write_all(
    w: &mut Writer<'_>,
    plan: &Plan,
    file: &str,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Written> {
    let total = plan.items.len();
    // Placeholder ids of new enterprises and villages → the ids they were given.
    let mut created: HashMap<String, String> = HashMap::new();
    let mut out = Written {
        rows: 0,
        enterprises: 0,
        villages: 0,
    };
    for (i, p) in plan.items.iter().enumerate() {
        write_one(w, p, &mut created, &mut out).map_err(|e| rejected(file, p, &e))?;
        out.rows += 1;
        if (i + 1) % REPORT_EVERY == 0 {
            progress(i + 1, total);
        }
        if (i + 1) % SEAL_EVERY == 0 {
            w.seal_so_far()?;
        }
    }
    progress(total, total);
    Ok(out)
}

fn write_one(
    w: &mut Writer<'_>,
    p: &Planned,
    created: &mut HashMap<String, String>,
    out: &mut Written,
) -> Result<()> {
    match &p.item {
        Item::Entry(e) => {
            w.insert_resolved_entry(
                &e.indicator_id,
                (e.decimals, e.max_value),
                &e.unit_id,
                e.occurred_on,
                e.value,
                &e.note,
            )?;
        }
        Item::Target(t) => {
            w.set_target((**t).clone())?;
        }
        Item::Enterprise(e) => {
            w.add_enterprise((**e).clone())?;
        }
        Item::Village(v) => {
            w.add_village((**v).clone())?;
        }
        Item::Pairing(row) => {
            add_pairing(w, row, created, out)?;
        }
        Item::CountyRow(c) => {
            let pairing = match &c.pairing {
                Some(row) => {
                    let id = add_pairing(w, row, created, out)?;
                    created.insert(c.pairing_ref.clone(), id.clone());
                    id
                }
                None => created
                    .get(&c.pairing_ref)
                    .cloned()
                    .unwrap_or_else(|| c.pairing_ref.clone()),
            };
            if let Some(p) = &c.project {
                w.add_project(NewProject {
                    pairing,
                    ..p.clone()
                })?;
            }
        }
        Item::Project(x) => {
            w.add_project((**x).clone())?;
        }
        Item::Activity(a) => {
            w.add_register_row((**a).clone())?;
        }
    }
    Ok(())
}

/// Adds a pairing row, creating its new enterprise and village once; returns its id.
fn add_pairing(
    w: &mut Writer<'_>,
    row: &PairingRow,
    created: &mut HashMap<String, String>,
    out: &mut Written,
) -> Result<String> {
    let enterprise = match (created.get(&row.enterprise), &row.new_enterprise) {
        (Some(id), _) => EnterpriseRef::Existing { id: id.clone() },
        (None, Some(new)) if row.enterprise.starts_with(NEW) => {
            out.enterprises += 1;
            EnterpriseRef::New(new.clone())
        }
        _ => EnterpriseRef::Existing {
            id: row.enterprise.clone(),
        },
    };
    let village = match (created.get(&row.village), &row.new_village) {
        (Some(id), _) => VillageRef::Existing { id: id.clone() },
        (None, Some(new)) if row.village.starts_with(NEW) => {
            out.villages += 1;
            VillageRef::New(new.clone())
        }
        _ => VillageRef::Existing {
            id: row.village.clone(),
        },
    };
    let pairing = w.add_pairing(NewPairing {
        enterprise,
        village,
        signed_on: row.signed_on,
        unit: row.unit.clone(),
        status: row.status,
        note: row.note.clone(),
    })?;
    if row.enterprise.starts_with(NEW) {
        created.insert(row.enterprise.clone(), pairing.enterprise_id);
    }
    if row.village.starts_with(NEW) {
        created.insert(row.village.clone(), pairing.village_id);
    }
    Ok(pairing.id)
}

/// The ledger refused a row the preview accepted (it changed meanwhile, or a rule the
/// preview does not know): the import stops there and writes nothing.
fn rejected(file: &str, p: &Planned, e: &LedgerError) -> LedgerError {
    // A locked period is not a problem of the row: the whole import is refused with the
    // lock's own error, as every other door refuses it.
    if let LedgerError::PeriodLocked {
        label,
        locked_on,
        locked_by,
        span,
    } = e
    {
        return LedgerError::PeriodLocked {
            label: label.clone(),
            locked_on: locked_on.clone(),
            locked_by: locked_by.clone(),
            span,
        };
    }
    if matches!(e, LedgerError::Database(_)) {
        return LedgerError::ImportRejected {
            file: file.to_string(),
            problems: vec![ImportProblem {
                sheet: p.sheet.to_string(),
                row: Some(p.row),
                column: None,
                message: format!("第{}行无法写入：{e}", p.row),
            }],
        };
    }
    LedgerError::ImportRejected {
        file: file.to_string(),
        problems: vec![ImportProblem {
            sheet: p.sheet.to_string(),
            row: Some(p.row),
            column: None,
            message: format!("第{}行{}", p.row, describe(e)),
        }],
    }
}
