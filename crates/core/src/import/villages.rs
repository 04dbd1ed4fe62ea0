//! 行政村 rows: county, township, name; the same three already registered is a duplicate.

use rusqlite::Connection;

use super::catalog::Catalog;
use super::plan::{Item, Parsed, RowKind};
use super::registers::{self, NEW};
use super::rows::RowReader;
use crate::error::Result;
use crate::model::Unit;
use crate::register::clean_name;
use crate::register::village::NewVillage;
use crate::validate::check_text;

pub(crate) struct Villages {
    catalog: Catalog,
    known: registers::Villages,
    created: u32,
}

impl Villages {
    pub(crate) fn new(conn: &Connection) -> Result<Self> {
        Ok(Self {
            catalog: Catalog::read(conn)?,
            known: registers::Villages::read(conn)?,
            created: 0,
        })
    }
}

/// County (a unit), township and village name of a row, checked as the register does.
pub(crate) fn place<'c>(
    catalog: &'c Catalog,
    r: &mut RowReader<'_>,
) -> Option<(&'c Unit, String, String)> {
    let county = r.required("county").and_then(|k| {
        let found = catalog.county(&k).map_err(|e| r.rule("county", &e));
        found.ok()
    });
    let township = place_name(r, "township");
    let village = place_name(r, "village");
    Some((county?, township?, village?))
}

/// A required township or village name, checked as the register does and cleaned.
pub(crate) fn place_name(r: &mut RowReader<'_>, field: &'static str) -> Option<String> {
    r.required(field).and_then(|t| {
        let checked = check_text(field, &t, 60).map_err(|e| r.rule(field, &e));
        checked.ok().map(|t| clean_name(&t))
    })
}

impl RowKind for Villages {
    fn read(&mut self, r: &mut RowReader<'_>) -> Result<Option<Parsed>> {
        let Some((county, township, name)) = place(&self.catalog, r) else {
            return Ok(None);
        };
        if !r.ok() {
            return Ok(None);
        }
        let (key, existing) = match self.known.find(&county.id, &township, &name) {
            Some(id) if id.starts_with(NEW) => (id.to_string(), None),
            Some(id) => (
                id.to_string(),
                Some("台账中已有该行政村（区县、乡镇、村名相同），不再导入".to_string()),
            ),
            None => {
                self.created += 1;
                (self.known.plan_new(&county.id, &township, &name), None)
            }
        };
        Ok(Some(Parsed {
            key,
            item: Item::Village(Box::new(NewVillage {
                name,
                township,
                county: county.id.clone(),
            })),
            existing,
            creates: Vec::new(),
        }))
    }

    fn new_records(&self) -> (u32, u32) {
        (0, self.created)
    }
}
