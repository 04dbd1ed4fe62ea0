//! 行政村/社区: unique per county, township and name.

use rusqlite::{Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{clean_name, Listing, Page};
use crate::error::{LedgerError, Result};
use crate::ledger::{lookup_unit, Ledger, Writer};
use crate::validate::check_text;

/// A village or community (行政村/社区) in the register, which pairs with enterprises.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Village {
    /// The village's UUID.
    pub id: String,
    /// The village's name.
    pub name: String,
    /// The township (乡镇/街道) it is in.
    pub township: String,
    /// The UUID of the county or zone it is in.
    pub county_id: String,
    /// That county's name.
    pub county: String,
    /// Whether the village came from the sample data.
    pub is_sample: bool,
}

/// What a person gives to register a village; unique per county, township and name.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct NewVillage {
    /// The village's name.
    pub name: String,
    /// The township it is in.
    pub township: String,
    /// County unit id, code or name.
    pub county: String,
}

/// Which villages to list, a page at a time.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct VillageFilter {
    /// Only villages whose name or township contains this text.
    pub search: Option<String>,
    /// Only villages of this county (id, code or name).
    pub county: Option<String>,
    /// The most villages on the page (default 100).
    pub limit: Option<u32>,
    /// How many matching villages to skip before the page (default 0).
    pub offset: Option<u32>,
}

const COLUMNS: &str = "v.id, v.name, v.township, v.county_id, u.name, v.is_sample";
const FROM: &str = "FROM village v JOIN unit u ON u.id = v.county_id";

fn row(r: &Row<'_>) -> rusqlite::Result<Village> {
    Ok(Village {
        id: r.get(0)?,
        name: r.get(1)?,
        township: r.get(2)?,
        county_id: r.get(3)?,
        county: r.get(4)?,
        is_sample: r.get(5)?,
    })
}

pub(crate) fn by_id(conn: &Connection, id: &str) -> Result<Village> {
    conn.prepare_cached(&format!("SELECT {COLUMNS} {FROM} WHERE v.id = ?1"))?
        .query_row([id], row)
        .optional()?
        .ok_or_else(|| LedgerError::NotFound {
            what: "行政村",
            id: id.to_string(),
        })
}

/// The village with this county, township and name, if it is already registered.
pub(crate) fn find(
    conn: &Connection,
    county_id: &str,
    township: &str,
    name: &str,
) -> Result<Option<Village>> {
    let sql = format!(
        "SELECT {COLUMNS} {FROM} WHERE v.county_id = ?1 AND v.township = ?2 AND v.name = ?3"
    );
    Ok(conn
        .query_row(
            &sql,
            rusqlite::params![county_id, clean_name(township), clean_name(name)],
            row,
        )
        .optional()?)
}

impl Ledger {
    /// The village registered in this county (id, code or name) and township under this
    /// name (both compared as stored: trimmed, full-width folded), if there is one.
    pub fn find_village(
        &self,
        county: &str,
        township: &str,
        name: &str,
    ) -> Result<Option<Village>> {
        let county = lookup_unit(self.conn(), county)?;
        find(self.conn(), &county.id, township, name)
    }

    /// The village with this id (`not_found` when there is none): what an edit dialog loads.
    pub fn village(&self, id: &str) -> Result<Village> {
        by_id(self.conn(), id)
    }

    /// Villages matching the filter, by county, township and name, a page at a time.
    pub fn villages(&self, f: &VillageFilter) -> Result<Page<Village>> {
        let county = f
            .county
            .as_deref()
            .map(|k| lookup_unit(self.conn(), k))
            .transpose()?
            .map(|u| u.id);
        let like = f.search.as_deref().map(|s| format!("%{}%", clean_name(s)));
        Listing::new(
            "FROM village v JOIN unit u ON u.id = v.county_id",
            "v.id",
            "u.sort_order, v.township, v.name, v.id",
        )
        .when(like, "(v.name LIKE ? OR v.township LIKE ?)")
        .when(county, "v.county_id = ?")
        .page(self.conn(), (COLUMNS, FROM), (f.limit, f.offset), row)
    }
}

impl Writer<'_> {
    /// [`Ledger::find_village`] inside this write, so that finding and adding are atomic.
    pub fn find_village(
        &self,
        county: &str,
        township: &str,
        name: &str,
    ) -> Result<Option<Village>> {
        let county = lookup_unit(self.conn(), county)?;
        find(self.conn(), &county.id, township, name)
    }

    /// Adds a village; refuses one already registered in the same county and township.
    pub fn add_village(&mut self, new: NewVillage) -> Result<Village> {
        self.add_village_marked(new, false)
    }

    pub(crate) fn add_village_marked(
        &mut self,
        new: NewVillage,
        is_sample: bool,
    ) -> Result<Village> {
        let (name, township, county) = check_village(self.conn(), &new, None)?;
        let id = self.id_for(|| format!("village/{}/{township}/{name}", county.code));
        self.conn().execute(
            "INSERT INTO village (id, name, township, county_id, is_sample, created_at, created_by, updated_at, updated_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?6, ?7)",
            rusqlite::params![id, name, township, county.id, is_sample, self.now(), self.actor().name],
        )?;
        by_id(self.conn(), &id)
    }

    /// Changes a village's name, township and county; no other village may then have the
    /// same county, township and name.
    pub fn update_village(&mut self, id: &str, change: NewVillage) -> Result<Village> {
        let old = by_id(self.conn(), id)?;
        let (name, township, county) = check_village(self.conn(), &change, Some(&old.id))?;
        self.conn().execute(
            "UPDATE village SET name = ?2, township = ?3, county_id = ?4, updated_at = ?5, updated_by = ?6 WHERE id = ?1",
            rusqlite::params![old.id, name, township, county.id, self.now(), self.actor().name],
        )?;
        by_id(self.conn(), &old.id)
    }
}

/// A new or changed village's clean name, township and county, once they pass the rules
/// and no other village (than `except`) has them.
fn check_village(
    conn: &Connection,
    new: &NewVillage,
    except: Option<&str>,
) -> Result<(String, String, crate::model::Unit)> {
    let name = clean_name(&check_text("village", &new.name, 60)?);
    let township = clean_name(&check_text("township", &new.township, 60)?);
    let county = lookup_unit(conn, &new.county)?;
    super::require_county(&county, "county")?;
    if find(conn, &county.id, &township, &name)?.is_some_and(|v| Some(v.id.as_str()) != except) {
        return Err(LedgerError::Duplicate {
            what: "行政村",
            key: format!("{}{township}{name}", county.name),
        });
    }
    Ok((name, township, county))
}
