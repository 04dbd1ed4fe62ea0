//! The enterprises, villages and pairings already registered, held in memory for an
//! import, together with those the import itself will create (ids prefixed `new:`), so
//! that a file naming the same new enterprise on ten rows creates it once.

use std::collections::{HashMap, HashSet};

use rusqlite::Connection;

use crate::error::Result;
use crate::register::{clean_name, name_key};

/// Placeholder ids of records the import creates; the writer swaps in the real ids.
pub(crate) const NEW: &str = "new:";

#[derive(Default)]
pub(crate) struct Enterprises {
    by_code: HashMap<String, String>,
    /// name key → (id, has a credit code)
    by_name: HashMap<String, Vec<(String, bool)>>,
    created: usize,
}

impl Enterprises {
    pub(crate) fn read(conn: &Connection) -> Result<Self> {
        let mut out = Self::default();
        let mut stmt = conn.prepare("SELECT id, name_key, credit_code FROM enterprise")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
            ))
        })?;
        for row in rows {
            let (id, key, code) = row?;
            out.insert_keyed(id, key, code);
        }
        Ok(out)
    }

    fn insert_keyed(&mut self, id: String, key: String, code: Option<String>) {
        if let Some(c) = &code {
            self.by_code.insert(c.clone(), id.clone());
        }
        self.by_name
            .entry(key)
            .or_default()
            .push((id, code.is_some()));
    }

    /// The enterprise a record with this name and code is, as the register decides a
    /// duplicate: the same credit code, or the same name when either has no code.
    pub(crate) fn find(&self, name: &str, code: Option<&str>) -> Option<&str> {
        if let Some(id) = code.and_then(|c| self.by_code.get(c)) {
            return Some(id);
        }
        self.by_name
            .get(&name_key(name))?
            .iter()
            .find(|(_, has_code)| code.is_none() || !has_code)
            .map(|(id, _)| id.as_str())
    }

    /// Every enterprise of this name (or with this code), for finding a pairing.
    pub(crate) fn candidates(&self, name: &str, code: Option<&str>) -> Vec<&str> {
        if let Some(id) = code.and_then(|c| self.by_code.get(c)) {
            return vec![id];
        }
        self.by_name
            .get(&name_key(name))
            .map(|v| v.iter().map(|(id, _)| id.as_str()).collect())
            .unwrap_or_default()
    }

    /// Records an enterprise the import will create; returns its placeholder id.
    pub(crate) fn plan_new(&mut self, name: &str, code: Option<&str>) -> String {
        self.created += 1;
        let id = format!("{NEW}enterprise/{}", self.created);
        self.insert_keyed(id.clone(), name_key(name), code.map(str::to_string));
        id
    }
}

/// Villages by county, township and name.
#[derive(Default)]
pub(crate) struct Villages {
    by_key: HashMap<(String, String, String), String>,
    /// clean name → (id, township, county id)
    by_name: HashMap<String, Vec<(String, String, String)>>,
    created: usize,
}

impl Villages {
    pub(crate) fn read(conn: &Connection) -> Result<Self> {
        let mut out = Self::default();
        let mut stmt = conn.prepare("SELECT id, county_id, township, name FROM village")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        for row in rows {
            let (id, county, township, name) = row?;
            out.insert(id, &county, &township, &name);
        }
        Ok(out)
    }

    fn insert(&mut self, id: String, county_id: &str, township: &str, name: &str) {
        let (t, n) = (clean_name(township), clean_name(name));
        self.by_name.entry(n.clone()).or_default().push((
            id.clone(),
            t.clone(),
            county_id.to_string(),
        ));
        self.by_key.insert((county_id.to_string(), t, n), id);
    }

    pub(crate) fn find(&self, county_id: &str, township: &str, name: &str) -> Option<&str> {
        let key = (
            county_id.to_string(),
            clean_name(township),
            clean_name(name),
        );
        self.by_key.get(&key).map(String::as_str)
    }

    /// Villages of this name, narrowed by township and county when given.
    pub(crate) fn candidates(
        &self,
        name: &str,
        township: Option<&str>,
        county_id: Option<&str>,
    ) -> Vec<&str> {
        let t = township.map(clean_name);
        self.by_name
            .get(&clean_name(name))
            .map(|v| {
                v.iter()
                    .filter(|(_, vt, vc)| {
                        t.as_ref().is_none_or(|t| t == vt) && county_id.is_none_or(|c| c == vc)
                    })
                    .map(|(id, _, _)| id.as_str())
                    .collect()
            })
            .unwrap_or_default()
    }

    pub(crate) fn plan_new(&mut self, county_id: &str, township: &str, name: &str) -> String {
        self.created += 1;
        let id = format!("{NEW}village/{}", self.created);
        self.insert(id.clone(), county_id, township, name);
        id
    }
}

/// Pairings by (enterprise id, village id).
pub(crate) fn pairings(conn: &Connection) -> Result<HashMap<(String, String), String>> {
    let mut stmt = conn.prepare("SELECT enterprise_id, village_id, id FROM pairing")?;
    let rows = stmt.query_map([], |r| Ok(((r.get(0)?, r.get(1)?), r.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The cooperation projects in the ledger, as (pairing id, clean name).
pub(crate) fn projects(conn: &Connection) -> Result<HashSet<(String, String)>> {
    let mut stmt = conn.prepare("SELECT pairing_id, name FROM coop_project")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, clean_name(&r.get::<_, String>(1)?))))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
