//! A scope: the unit an account belongs to and its whole subtree.

use std::collections::HashSet;

use rusqlite::{Connection, OptionalExtension};

use crate::error::Result;

/// The units an actor's scope covers; `units` None means the whole tree.
#[derive(Debug, Clone, Default)]
pub struct Scope {
    /// The unit at the top of the scope; None is the whole tree.
    pub root: Option<String>,
    /// The ids of the root and its whole subtree; None is every unit.
    pub units: Option<HashSet<String>>,
    /// In a unit's own ledger (数据交换), that unit's subtree: it bounds every actor, an
    /// administrator or the single user without accounts too (audit/guard.rs).
    pub installation: Option<Box<Scope>>,
}

impl Scope {
    /// The whole tree.
    pub fn everything() -> Self {
        Self::default()
    }

    /// `root` and every unit below it (archived ones too: their rows stay theirs).
    pub fn of(conn: &Connection, root: Option<&str>) -> Result<Self> {
        let Some(root) = root else {
            return Ok(Self::everything());
        };
        let mut stmt = conn.prepare_cached(
            "WITH RECURSIVE sub(id) AS (SELECT ?1 UNION SELECT u.id FROM unit u JOIN sub ON u.parent_id = sub.id)
             SELECT id FROM sub",
        )?;
        let units = stmt
            .query_map([root], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<HashSet<_>>>()?;
        Ok(Self {
            root: Some(root.to_string()),
            units: Some(units),
            installation: None,
        })
    }

    /// Bounds this scope by the installation's unit when the ledger is a unit's own (role
    /// `unit` in `exchange_installation`); a city ledger or one that never exchanged is
    /// unbounded.
    pub(crate) fn bound_by_installation(mut self, conn: &Connection) -> Result<Self> {
        let unit: Option<String> = conn
            .query_row(
                "SELECT unit_id FROM exchange_installation WHERE id = 'self' AND role = 'unit'",
                [],
                |r| r.get(0),
            )
            .optional()?
            .flatten();
        if let Some(unit) = unit {
            self.installation = Some(Box::new(Self::of(conn, Some(&unit))?));
        }
        Ok(self)
    }

    /// Whether a row of `unit` lies inside. A row without a unit (an enterprise with no
    /// county) is inside every scope.
    pub fn contains(&self, unit: Option<&str>) -> bool {
        match (&self.units, unit) {
            (None, _) | (_, None) => true,
            (Some(set), Some(u)) => set.contains(u),
        }
    }

    /// The ids, sorted, for the window (None: the whole tree).
    pub fn ids(&self) -> Option<Vec<String>> {
        self.units.as_ref().map(|s| {
            let mut v: Vec<String> = s.iter().cloned().collect();
            v.sort();
            v
        })
    }
}
