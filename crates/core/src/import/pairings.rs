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
use crate::register::enterprise::NewEnterprise;
use crate::register::pairing::PairingStatus;
use crate::register::village::NewVillage;
use crate::validate::check_entry_date;

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

pub(crate) struct Pairings {
    catalog: Catalog,
    today: NaiveDate,
    enterprises: registers::Enterprises,
    villages: registers::Villages,
    pairings: HashMap<(String, String), String>,
    created: (u32, u32),
}

impl Pairings {
    pub(crate) fn new(conn: &Connection, today: NaiveDate) -> Result<Self> {
        Ok(Self {
            catalog: Catalog::read(conn)?,
            today,
            enterprises: registers::Enterprises::read(conn)?,
            villages: registers::Villages::read(conn)?,
            pairings: registers::pairings(conn)?,
            created: (0, 0),
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
        let signed_on = r.required_date("signed_on");
        if let Some(d) = signed_on {
            if let Err(e) = check_entry_date(d, self.today) {
                r.rule("signed_on", &e);
            }
        }
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
        let enterprise = match self.enterprises.find(&name, code.as_deref()) {
            Some(id) => id.to_string(),
            None => {
                self.created.0 += 1;
                creates.push(format!("新建企业「{name}」"));
                self.enterprises.plan_new(&name, code.as_deref())
            }
        };
        let village_id = match self.villages.find(&county.id, &township, &village) {
            Some(id) => id.to_string(),
            None => {
                self.created.1 += 1;
                creates.push(format!("新建行政村「{}{township}{village}」", county.name));
                self.villages.plan_new(&county.id, &township, &village)
            }
        };
        let pair = (enterprise.clone(), village_id.clone());
        let existing = self
            .pairings
            .contains_key(&pair)
            .then(|| "台账中已有该企业与该村的结对关系，不再导入".to_string());
        Ok(Some(Parsed {
            key: format!("{}|{}", pair.0, pair.1),
            item: Item::Pairing(PairingRow {
                new_enterprise: enterprise.starts_with(NEW).then(|| NewEnterprise {
                    name: name.clone(),
                    credit_code: code.clone(),
                    county: Some(county.id.clone()),
                    ..NewEnterprise::default()
                }),
                enterprise,
                new_village: village_id.starts_with(NEW).then(|| NewVillage {
                    name: village.clone(),
                    township: township.clone(),
                    county: county.id.clone(),
                }),
                village: village_id,
                signed_on,
                unit,
                status,
                note,
            }),
            existing,
            creates,
        }))
    }

    fn new_records(&self) -> (u32, u32) {
        self.created
    }
}
