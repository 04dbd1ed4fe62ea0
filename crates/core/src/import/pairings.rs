//! 结对 rows: an enterprise and a village (each reused when registered, created when
//! new — once, however many rows name it), the signing date, and optionally the
//! responsible unit, status and note. The same enterprise–village pair is a duplicate.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::Connection;

use super::catalog::Catalog;
use super::enterprises::name_and_code;
use super::plan::{Item, Parsed, RowKind};
use super::registers::{self, NEW};
use super::rows::RowReader;
use super::villages::place;
use crate::error::Result;
use crate::model::Unit;
use crate::register::enterprise::{EnterpriseKind, NewEnterprise};
use crate::register::pairing::PairingStatus;
use crate::register::village::NewVillage;

#[derive(Debug, Clone)]
pub(crate) struct PairingRow {
    /// A registered enterprise's id, or a `new:` placeholder with the record to create.
    pub enterprise: String,
    pub new_enterprise: Option<NewEnterprise>,
    pub village: String,
    pub new_village: Option<NewVillage>,
    pub signed_on: NaiveDate,
    pub unit: Option<String>,
    pub status: PairingStatus,
    pub note: String,
}

/// A row's enterprise and village: registered ids or `new:` placeholders, and the records
/// to create for the new ones.
pub(crate) struct Party {
    pub enterprise: String,
    pub new_enterprise: Option<NewEnterprise>,
    pub village: String,
    pub new_village: Option<NewVillage>,
}

impl Party {
    pub(crate) fn into_pairing(
        self,
        signed_on: NaiveDate,
        unit: Option<String>,
        status: PairingStatus,
        note: String,
    ) -> PairingRow {
        PairingRow {
            enterprise: self.enterprise,
            new_enterprise: self.new_enterprise,
            village: self.village,
            new_village: self.new_village,
            signed_on,
            unit,
            status,
            note,
        }
    }
}

/// The enterprises and villages registered or planned by this import, and how many of
/// each it creates: a pairing row's two parties are found here or planned once.
pub(crate) struct Parties {
    enterprises: registers::Enterprises,
    villages: registers::Villages,
    pub created: (u32, u32),
}

impl Parties {
    pub(crate) fn read(conn: &Connection) -> Result<Self> {
        Ok(Self {
            enterprises: registers::Enterprises::read(conn)?,
            villages: registers::Villages::read(conn)?,
            created: (0, 0),
        })
    }

    /// The party a row names — an enterprise (name, code, kind) and a village (county,
    /// township, name): each found, or planned and said in `creates`. A new enterprise is
    /// registered in the village's county.
    pub(crate) fn find_or_plan(
        &mut self,
        (name, code, kind): (String, Option<String>, EnterpriseKind),
        (county, township, village): (&Unit, String, String),
        creates: &mut Vec<String>,
    ) -> Party {
        let enterprise = NewEnterprise {
            name,
            credit_code: code,
            kind,
            county: Some(county.id.clone()),
            ..NewEnterprise::default()
        };
        let village = NewVillage {
            name: village,
            township,
            county: county.id.clone(),
        };
        let county = &county.name;
        let (name, code) = (&enterprise.name, enterprise.credit_code.as_deref());
        let enterprise_id = match self.enterprises.find(name, code) {
            Some(id) => id.to_string(),
            None => {
                self.created.0 += 1;
                creates.push(format!("新建企业「{name}」"));
                self.enterprises.plan_new(name, code)
            }
        };
        let (township, name) = (&village.township, &village.name);
        let village_id = match self.villages.find(&village.county, township, name) {
            Some(id) => id.to_string(),
            None => {
                self.created.1 += 1;
                creates.push(format!("新建行政村「{county}{township}{name}」"));
                self.villages.plan_new(&village.county, township, name)
            }
        };
        Party {
            new_enterprise: enterprise_id.starts_with(NEW).then_some(enterprise),
            enterprise: enterprise_id,
            new_village: village_id.starts_with(NEW).then_some(village),
            village: village_id,
        }
    }
}

pub(crate) struct Pairings {
    catalog: Catalog,
    today: NaiveDate,
    parties: Parties,
    pairings: HashMap<(String, String), String>,
}

impl Pairings {
    pub(crate) fn new(conn: &Connection, today: NaiveDate) -> Result<Self> {
        Ok(Self {
            catalog: Catalog::read(conn)?,
            today,
            parties: Parties::read(conn)?,
            pairings: registers::pairings(conn)?,
        })
    }
}

pub(crate) fn status(r: &mut RowReader<'_>) -> PairingStatus {
    let Some(t) = r.text("status") else {
        return PairingStatus::default();
    };
    PairingStatus::parse(&t).unwrap_or_else(|| {
        r.problem("status", format!("「{t}」不是可选状态（结对中、已结束）"));
        PairingStatus::default()
    })
}

impl RowKind for Pairings {
    fn read(&mut self, r: &mut RowReader<'_>) -> Result<Option<Parsed>> {
        let (name, code) = name_and_code(r);
        let place = place(&self.catalog, r);
        let signed_on = r.required_entry_date("signed_on", self.today);
        let unit = r.text("unit").and_then(|k| {
            let found = self.catalog.unit(&k).map_err(|e| r.rule("unit", &e));
            found.ok().map(|u| u.id.clone())
        });
        let status = status(r);
        let note = r.free_text("note", crate::text::TextKind::Note);
        let (Some(name), Some((county, township, village)), Some(signed_on)) =
            (name, place, signed_on)
        else {
            return Ok(None);
        };
        if !r.ok() {
            return Ok(None);
        }
        let mut creates = Vec::new();
        let party = self.parties.find_or_plan(
            (name, code, EnterpriseKind::default()),
            (county, township, village),
            &mut creates,
        );
        let pair = (party.enterprise.clone(), party.village.clone());
        let existing = self
            .pairings
            .contains_key(&pair)
            .then(|| "台账中已有该企业与该村的结对关系，不再导入".to_string());
        Ok(Some(Parsed {
            key: format!("{}|{}", pair.0, pair.1),
            item: Item::Pairing(Box::new(party.into_pairing(signed_on, unit, status, note))),
            existing,
            creates,
        }))
    }

    fn new_records(&self) -> (u32, u32) {
        self.parties.created
    }
}
