//! The ledger's indicators and units, read once per import and looked up from memory the
//! way `ledger::lookup` does it (id, then code, then an unambiguous exact name), so that
//! 100,000 rows cost no queries for them.

use std::collections::HashMap;

use rusqlite::Connection;

use crate::error::{LedgerError, Result};
use crate::ledger::{read_indicators, read_units};
use crate::model::{Indicator, Unit};
use crate::register::clean_name;
use crate::register::derive::{read_all, Derivation};

/// Records found by id, code or name.
pub(crate) struct Keyed<T> {
    items: Vec<T>,
    by_id: HashMap<String, usize>,
    by_code: HashMap<String, usize>,
    by_name: HashMap<String, Vec<usize>>,
    what: &'static str,
}

impl<T> Keyed<T> {
    fn new(items: Vec<T>, what: &'static str, keys: impl Fn(&T) -> [&str; 3]) -> Self {
        let (mut by_id, mut by_code, mut by_name) = (
            HashMap::new(),
            HashMap::new(),
            HashMap::<String, Vec<usize>>::new(),
        );
        for (i, item) in items.iter().enumerate() {
            let [id, code, name] = keys(item);
            by_id.insert(id.to_string(), i);
            by_code.insert(code.to_string(), i);
            by_name.entry(clean_name(name)).or_default().push(i);
        }
        Self {
            items,
            by_id,
            by_code,
            by_name,
            what,
        }
    }

    /// The record `key` names; None when nothing matches, an error when a name is shared.
    pub(crate) fn find(&self, key: &str) -> Result<Option<&T>> {
        let k = key.trim();
        if let Some(i) = self.by_id.get(k).or_else(|| self.by_code.get(k)) {
            return Ok(Some(&self.items[*i]));
        }
        match self.by_name.get(&clean_name(k)).map(Vec::as_slice) {
            None | Some([]) => Ok(None),
            Some([i]) => Ok(Some(&self.items[*i])),
            Some(_) => Err(LedgerError::Ambiguous {
                what: self.what,
                key: k.to_string(),
            }),
        }
    }
}

pub(crate) struct Catalog {
    pub indicators: Keyed<Indicator>,
    pub units: Keyed<Unit>,
    /// Indicators whose figures come from a register (no typed entries for them), with
    /// the register to use instead.
    pub derived: HashMap<String, String>,
}

impl Catalog {
    pub(crate) fn read(conn: &Connection) -> Result<Self> {
        Ok(Self {
            indicators: Keyed::new(read_indicators(conn, None, true)?, "指标", |i| {
                [&i.id, &i.code, &i.name]
            }),
            units: Keyed::new(read_units(conn, true)?, "责任单位", |u| {
                [&u.id, &u.code, &u.name]
            }),
            derived: read_all(conn)?
                .into_iter()
                .map(|(id, d): (String, Derivation)| (id, d.register_label(conn)))
                .collect(),
        })
    }

    pub(crate) fn indicator(&self, key: &str) -> Result<&Indicator> {
        self.indicators
            .find(key)?
            .ok_or_else(|| LedgerError::UnknownIndicator(key.trim().to_string()))
    }

    /// A unit that is a county or a zone, as a village's or an enterprise's county.
    pub(crate) fn county(&self, key: &str) -> Result<&Unit> {
        let u = self.unit(key)?;
        crate::register::require_county(u, "county")?;
        Ok(u)
    }

    pub(crate) fn unit(&self, key: &str) -> Result<&Unit> {
        self.units
            .find(key)?
            .ok_or_else(|| LedgerError::UnknownUnit(key.trim().to_string()))
    }
}
