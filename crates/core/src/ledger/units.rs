//! 责任单位: the tree of the city, its counties and zones, departments and parties.

use std::collections::HashMap;

use super::actions::check_code;
use super::{lookup, rows, Ledger, Writer};
use crate::error::{LedgerError, Result};
use crate::model::{NewUnit, Unit};
use crate::text::{optional, TextKind};
use crate::validate::check_text;

impl Ledger {
    /// Units in tree order (parents before children, siblings by sort order).
    pub fn units(&self, include_archived: bool) -> Result<Vec<Unit>> {
        list(self.conn(), include_archived)
    }

    /// One responsible unit, by its id, code or exact name.
    pub fn unit(&self, key: &str) -> Result<Unit> {
        lookup::unit(self.conn(), key)
    }

    /// The root unit (the city); the scope of "the whole city".
    pub fn root_unit(&self) -> Result<Option<Unit>> {
        Ok(list(self.conn(), false)?
            .into_iter()
            .find(|u| u.parent_id.is_none()))
    }
}

pub(crate) fn list(conn: &rusqlite::Connection, include_archived: bool) -> Result<Vec<Unit>> {
    let sql = format!(
        "SELECT {} FROM unit WHERE archived = 0 OR ?1 ORDER BY sort_order, code",
        rows::UNIT_COLS
    );
    let mut stmt = conn.prepare(&sql)?;
    let flat: Vec<Unit> = stmt
        .query_map([include_archived], rows::unit)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(tree_order(flat))
}

/// Depth-first order: each parent followed by its children.
fn tree_order(flat: Vec<Unit>) -> Vec<Unit> {
    let ids: std::collections::HashSet<&str> = flat.iter().map(|u| u.id.as_str()).collect();
    let mut children: HashMap<Option<String>, Vec<usize>> = HashMap::new();
    for (i, u) in flat.iter().enumerate() {
        // A unit whose parent is archived (or missing) shows at the top level.
        let parent = u.parent_id.clone().filter(|p| ids.contains(p.as_str()));
        children.entry(parent).or_default().push(i);
    }
    let mut out = Vec::with_capacity(flat.len());
    let mut stack: Vec<usize> = children.get(&None).cloned().unwrap_or_default();
    stack.reverse();
    while let Some(i) = stack.pop() {
        out.push(i);
        if let Some(kids) = children.get(&Some(flat[i].id.clone())) {
            stack.extend(kids.iter().rev());
        }
    }
    let mut slots: Vec<Option<Unit>> = flat.into_iter().map(Some).collect();
    out.into_iter().filter_map(|i| slots[i].take()).collect()
}

impl Writer<'_> {
    /// Creates a responsible unit under its parent, after checking its code and name.
    pub fn add_unit(&mut self, new: NewUnit) -> Result<Unit> {
        let code = check_code(&new.code)?;
        let name = check_text("name", &new.name, 60)?;
        let name_en = optional("name_en", &new.name_en, TextKind::Name)?;
        let parent = new
            .parent
            .as_deref()
            .map(|p| lookup::unit(self.conn(), p))
            .transpose()?;
        if lookup::unit(self.conn(), &code).is_ok() {
            return Err(LedgerError::Duplicate {
                what: "单位编码",
                key: code,
            });
        }
        let taken: bool = self.conn().query_row(
            "SELECT EXISTS(SELECT 1 FROM unit WHERE name = ?1 AND parent_id IS ?2)",
            rusqlite::params![name, parent.as_ref().map(|p| &p.id)],
            |r| r.get(0),
        )?;
        if taken {
            return Err(LedgerError::Duplicate {
                what: "同级单位名称",
                key: name,
            });
        }
        let order: i64 = self.conn().query_row(
            "SELECT COALESCE(MAX(sort_order), 0) + 1 FROM unit WHERE parent_id IS ?1",
            [parent.as_ref().map(|p| &p.id)],
            |r| r.get(0),
        )?;
        let id = self.id_for(|| format!("unit/{code}"));
        self.tx.execute(
            "INSERT INTO unit (id, code, name, name_en, kind, parent_id, sort_order, archived,
                               created_at, created_by, updated_at, updated_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 0, ?8, ?9, ?8, ?9)",
            rusqlite::params![
                id,
                code,
                name,
                name_en,
                new.kind.as_str(),
                parent.map(|p| p.id),
                order,
                self.now,
                self.actor.name
            ],
        )?;
        lookup::unit(self.conn(), &id)
    }

    /// Renames a unit (and its English name, when given).
    pub fn rename_unit(&mut self, key: &str, name: &str, name_en: Option<&str>) -> Result<Unit> {
        let unit = lookup::unit(self.conn(), key)?;
        let name = check_text("name", name, 60)?;
        let name_en = name_en
            .map(|n| optional("name_en", n, TextKind::Name))
            .transpose()?;
        self.tx.execute(
            "UPDATE unit SET name = ?2, name_en = COALESCE(?3, name_en), updated_at = ?4, updated_by = ?5 WHERE id = ?1",
            rusqlite::params![unit.id, name, name_en, self.now, self.actor.name],
        )?;
        lookup::unit(self.conn(), &unit.id)
    }

    /// Archives a unit, or brings it back.
    pub fn set_unit_archived(&mut self, key: &str, archived: bool) -> Result<Unit> {
        let unit = lookup::unit(self.conn(), key)?;
        self.tx.execute(
            "UPDATE unit SET archived = ?2, updated_at = ?3, updated_by = ?4 WHERE id = ?1",
            rusqlite::params![unit.id, archived, self.now, self.actor.name],
        )?;
        lookup::unit(self.conn(), &unit.id)
    }
}
