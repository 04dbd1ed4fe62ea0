//! 结对: an enterprise paired with a village (万企兴万村 结对共建).

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::enterprise::{self, Enterprise, NewEnterprise};
use super::village::{self, NewVillage, Village};
use super::{name_key, subtree_json, Listing, Page};
use crate::error::{LedgerError, Result};
use crate::ledger::{lookup_unit, Ledger, Writer};
use crate::validate::check_entry_date;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PairingStatus {
    #[default]
    Active,
    Ended,
}

impl PairingStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Active => "active",
            Self::Ended => "ended",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim() {
            "active" | "结对中" | "有效" | "正常" => Some(Self::Active),
            "ended" | "已结束" | "终止" | "已终止" => Some(Self::Ended),
            _ => None,
        }
    }
}

/// An existing record by id, or a new one to create with the pairing. Tagged `ref`
/// ("existing" | "new") so that it does not clash with the enterprise's own `kind`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case", tag = "ref")]
pub enum EnterpriseRef {
    Existing { id: String },
    New(NewEnterprise),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case", tag = "ref")]
pub enum VillageRef {
    Existing { id: String },
    New(NewVillage),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct NewPairing {
    pub enterprise: EnterpriseRef,
    pub village: VillageRef,
    pub signed_on: NaiveDate,
    /// Responsible unit (id, code or name); defaults to the village's county.
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub status: PairingStatus,
    #[serde(default)]
    pub note: String,
}

/// Everything of a pairing that an edit may change. `enterprise` and `village` are
/// usually `existing` with the current ids; another id re-points the pairing, `new`
/// registers one. `unit` None keeps the responsible unit, or — when the village changes —
/// takes the new village's county.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PairingChange {
    pub enterprise: EnterpriseRef,
    pub village: VillageRef,
    pub signed_on: NaiveDate,
    #[serde(default)]
    pub unit: Option<String>,
    pub status: PairingStatus,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Pairing {
    pub id: String,
    pub enterprise_id: String,
    pub enterprise: String,
    pub credit_code: Option<String>,
    pub village_id: String,
    pub village: String,
    pub township: String,
    pub county: String,
    pub signed_on: NaiveDate,
    pub unit_id: String,
    pub unit: String,
    pub status: PairingStatus,
    pub note: String,
    /// Cooperation projects of this pairing.
    pub projects: u32,
    /// Their investment in 万元.
    pub investment: f64,
    pub is_sample: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct PairingFilter {
    /// Part of the enterprise's or the village's name.
    pub search: Option<String>,
    /// Responsible unit and its sub-units.
    pub unit: Option<String>,
    pub status: Option<PairingStatus>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub enterprise_id: Option<String>,
    pub village_id: Option<String>,
    pub limit: Option<u32>,
    pub offset: Option<u32>,
}

const COLUMNS: &str =
    "p.id, p.enterprise_id, e.name, e.credit_code, p.village_id, v.name, v.township, c.name,
            p.signed_on, p.unit_id, u.name, p.status, p.note,
            (SELECT COUNT(*) FROM coop_project x WHERE x.pairing_id = p.id),
            (SELECT COALESCE(SUM(x.investment), 0) FROM coop_project x WHERE x.pairing_id = p.id),
            p.is_sample";
const FROM: &str = "FROM pairing p JOIN enterprise e ON e.id = p.enterprise_id JOIN village v ON v.id = p.village_id
     JOIN unit c ON c.id = v.county_id JOIN unit u ON u.id = p.unit_id";

fn row(r: &Row<'_>) -> rusqlite::Result<Pairing> {
    let status: String = r.get(11)?;
    Ok(Pairing {
        id: r.get(0)?,
        enterprise_id: r.get(1)?,
        enterprise: r.get(2)?,
        credit_code: r.get(3)?,
        village_id: r.get(4)?,
        village: r.get(5)?,
        township: r.get(6)?,
        county: r.get(7)?,
        signed_on: r.get(8)?,
        unit_id: r.get(9)?,
        unit: r.get(10)?,
        status: PairingStatus::parse(&status).unwrap_or_default(),
        note: r.get(12)?,
        projects: r.get(13)?,
        investment: r.get(14)?,
        is_sample: r.get(15)?,
    })
}

pub(crate) fn by_id(conn: &Connection, id: &str) -> Result<Pairing> {
    conn.prepare_cached(&format!("SELECT {COLUMNS} {FROM} WHERE p.id = ?1"))?
        .query_row([id], row)
        .optional()?
        .ok_or_else(|| LedgerError::NotFound {
            what: "结对关系",
            id: id.to_string(),
        })
}

impl Ledger {
    /// Pairings matching the filter, newest first, one page at a time.
    pub fn pairings(&self, f: &PairingFilter) -> Result<Page<Pairing>> {
        let unit = self.clamp_unit(f.unit.as_deref())?;
        let units = unit
            .as_deref()
            .map(|k| subtree_json(self.conn(), k))
            .transpose()?;
        let like = f.search.as_deref().map(|s| format!("%{}%", name_key(s)));
        let date = |d: Option<NaiveDate>| d.map(|d| d.to_string());
        Listing::new("FROM pairing p", "p.id", "p.signed_on DESC, p.id")
            .in_one_pass(like.is_some())
            .when(
                like,
                "(p.enterprise_id IN (SELECT id FROM enterprise WHERE name_key LIKE ? OR credit_code LIKE ?)
                  OR p.village_id IN (SELECT id FROM village WHERE name LIKE ? OR township LIKE ?))",
            )
            .when(units, "p.unit_id IN (SELECT value FROM json_each(?))")
            .when(f.status.map(|s| s.as_str().to_string()), "p.status = ?")
            .when(date(f.from), "p.signed_on >= ?")
            .when(date(f.to), "p.signed_on <= ?")
            .when(f.enterprise_id.clone(), "p.enterprise_id = ?")
            .when(f.village_id.clone(), "p.village_id = ?")
            .page(self.conn(), (COLUMNS, FROM), (f.limit, f.offset), row)
    }

    pub fn pairing(&self, id: &str) -> Result<Pairing> {
        by_id(self.conn(), id)
    }
}

impl Writer<'_> {
    /// Adds a pairing, creating its enterprise and village when they are new. The same
    /// enterprise–village pair twice is refused.
    pub fn add_pairing(&mut self, new: NewPairing) -> Result<Pairing> {
        self.add_pairing_marked(new, false)
    }

    pub(crate) fn add_pairing_marked(
        &mut self,
        new: NewPairing,
        is_sample: bool,
    ) -> Result<Pairing> {
        check_entry_date(new.signed_on, self.today()).map_err(|e| rename_date(e, "signed_on"))?;
        let (ent, vil) = self.pair_of(new.enterprise, new.village, is_sample)?;
        let unit = match new.unit.as_deref() {
            Some(k) => lookup_unit(self.conn(), k)?,
            None => lookup_unit(self.conn(), &vil.county_id)?,
        };
        refuse_same_pair(self.conn(), &ent, &vil, None)?;
        let id = self.id_for(|| format!("pairing/{}/{}", ent.id, vil.id));
        self.conn().execute(
            "INSERT INTO pairing (id, enterprise_id, village_id, signed_on, unit_id, status, note, is_sample,
                                  created_at, created_by, updated_at, updated_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?9, ?10)",
            rusqlite::params![
                id, ent.id, vil.id, new.signed_on, unit.id, new.status.as_str(), new.note.trim(), is_sample,
                self.now(), self.actor().name
            ],
        )?;
        by_id(self.conn(), &id)
    }

    /// Changes a pairing (its enterprise, village, signed date, responsible unit, status,
    /// note) under the rules of adding one: the pair it becomes must not exist already.
    pub fn update_pairing(&mut self, id: &str, change: PairingChange) -> Result<Pairing> {
        let old = by_id(self.conn(), id)?;
        check_entry_date(change.signed_on, self.today())
            .map_err(|e| rename_date(e, "signed_on"))?;
        let (ent, vil) = self.pair_of(change.enterprise, change.village, false)?;
        let unit = match change.unit.as_deref() {
            Some(k) => lookup_unit(self.conn(), k)?.id,
            None if vil.id == old.village_id => old.unit_id.clone(),
            None => lookup_unit(self.conn(), &vil.county_id)?.id,
        };
        refuse_same_pair(self.conn(), &ent, &vil, Some(&old.id))?;
        self.conn().execute(
            "UPDATE pairing SET enterprise_id = ?2, village_id = ?3, signed_on = ?4, unit_id = ?5, status = ?6,
                                note = ?7, updated_at = ?8, updated_by = ?9
             WHERE id = ?1",
            rusqlite::params![
                old.id, ent.id, vil.id, change.signed_on, unit, change.status.as_str(), change.note.trim(),
                self.now(), self.actor().name
            ],
        )?;
        by_id(self.conn(), &old.id)
    }

    /// The enterprise and village a pairing names: registered ones by id, new ones added.
    fn pair_of(
        &mut self,
        enterprise: EnterpriseRef,
        village: VillageRef,
        is_sample: bool,
    ) -> Result<(Enterprise, Village)> {
        let ent = match enterprise {
            EnterpriseRef::Existing { id } => enterprise::by_id(self.conn(), &id)?,
            EnterpriseRef::New(e) => self.add_enterprise_marked(e, is_sample)?,
        };
        let vil = match village {
            VillageRef::Existing { id } => village::by_id(self.conn(), &id)?,
            VillageRef::New(v) => self.add_village_marked(v, is_sample)?,
        };
        Ok((ent, vil))
    }

    pub fn set_pairing_status(&mut self, id: &str, status: PairingStatus) -> Result<Pairing> {
        let p = by_id(self.conn(), id)?;
        self.conn().execute(
            "UPDATE pairing SET status = ?2, updated_at = ?3, updated_by = ?4 WHERE id = ?1",
            rusqlite::params![p.id, status.as_str(), self.now(), self.actor().name],
        )?;
        by_id(self.conn(), id)
    }

    /// Deletes a pairing and its cooperation projects.
    pub fn delete_pairing(&mut self, id: &str) -> Result<()> {
        let p = by_id(self.conn(), id)?;
        self.conn()
            .execute("DELETE FROM coop_project WHERE pairing_id = ?1", [&p.id])?;
        self.conn()
            .execute("DELETE FROM pairing WHERE id = ?1", [&p.id])?;
        Ok(())
    }
}

/// Refuses a second pairing of the same enterprise and village (`except` the one edited).
fn refuse_same_pair(
    conn: &Connection,
    ent: &Enterprise,
    vil: &Village,
    except: Option<&str>,
) -> Result<()> {
    let exists: bool = conn.query_row(
        "SELECT EXISTS(SELECT 1 FROM pairing WHERE enterprise_id = ?1 AND village_id = ?2 AND id IS NOT ?3)",
        rusqlite::params![ent.id, vil.id, except],
        |r| r.get(0),
    )?;
    if exists {
        return Err(LedgerError::Duplicate {
            what: "结对关系",
            key: format!("{} — {}{}", ent.name, vil.township, vil.name),
        });
    }
    Ok(())
}

/// Re-labels a date error with the register's own field name.
pub(crate) fn rename_date(e: LedgerError, field: &'static str) -> LedgerError {
    match e {
        LedgerError::DateOutOfRange { date, reason, .. } => LedgerError::DateOutOfRange {
            field,
            date,
            reason,
        },
        other => other,
    }
}
