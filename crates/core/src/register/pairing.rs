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
use crate::text::{optional, TextKind};
use crate::validate::check_entry_date;

/// Whether a pairing (结对) is still under way.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PairingStatus {
    /// The pairing is under way (结对中).
    #[default]
    Active,
    /// The pairing has ended (已结束).
    Ended,
}

impl PairingStatus {
    /// The status's code as stored in the `pairing` table (`active`, `ended`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Active => "active",
            Self::Ended => "ended",
        }
    }
    /// The status for a code or a Chinese word (结对中, 已结束, 终止 …), or None.
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
    /// An enterprise already in the register.
    Existing {
        /// The enterprise's UUID.
        id: String,
    },
    /// A new enterprise to register in the same write as the pairing.
    New(NewEnterprise),
}

/// The village of a pairing: an existing record by id, or a new one to create with it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case", tag = "ref")]
pub enum VillageRef {
    /// A village already in the register.
    Existing {
        /// The village's UUID.
        id: String,
    },
    /// A new village to register in the same write as the pairing.
    New(NewVillage),
}

/// What a person gives to pair an enterprise with a village.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct NewPairing {
    /// The enterprise that pairs, existing or new.
    pub enterprise: EnterpriseRef,
    /// The village it pairs with, existing or new.
    pub village: VillageRef,
    /// The day the pairing was signed.
    pub signed_on: NaiveDate,
    /// Responsible unit (id, code or name); defaults to the village's county.
    #[serde(default)]
    pub unit: Option<String>,
    /// Whether the pairing is under way (default: active).
    #[serde(default)]
    pub status: PairingStatus,
    /// A free-text note (optional).
    #[serde(default)]
    pub note: String,
}

/// Everything of a pairing that an edit may change. `enterprise` and `village` are
/// usually `existing` with the current ids; another id re-points the pairing, `new`
/// registers one. `unit` None keeps the responsible unit, or — when the village changes —
/// takes the new village's county.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PairingChange {
    /// The pairing's enterprise, existing or new.
    pub enterprise: EnterpriseRef,
    /// The pairing's village, existing or new.
    pub village: VillageRef,
    /// The day the pairing was signed.
    pub signed_on: NaiveDate,
    /// The responsible unit (id, code or name); None keeps it or takes the new village's county.
    #[serde(default)]
    pub unit: Option<String>,
    /// Whether the pairing is under way.
    pub status: PairingStatus,
    /// A free-text note.
    #[serde(default)]
    pub note: String,
}

/// A pairing (结对) as listed: an enterprise, a village, and the projects they agreed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Pairing {
    /// The pairing's UUID.
    pub id: String,
    /// The UUID of the paired enterprise.
    pub enterprise_id: String,
    /// The enterprise's name.
    pub enterprise: String,
    /// The enterprise's 统一社会信用代码, when it was registered with one.
    pub credit_code: Option<String>,
    /// The UUID of the paired village.
    pub village_id: String,
    /// The village's name.
    pub village: String,
    /// The township the village is in.
    pub township: String,
    /// The name of the county the village is in.
    pub county: String,
    /// The day the pairing was signed.
    pub signed_on: NaiveDate,
    /// The UUID of the responsible unit that counts the pairing.
    pub unit_id: String,
    /// That unit's name.
    pub unit: String,
    /// Whether the pairing is under way.
    pub status: PairingStatus,
    /// A free-text note.
    pub note: String,
    /// Cooperation projects of this pairing.
    pub projects: u32,
    /// Their investment in 万元.
    pub investment: f64,
    /// Whether the pairing came from the sample data.
    pub is_sample: bool,
}

/// Which pairings to list, a page at a time.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct PairingFilter {
    /// Part of the enterprise's or the village's name.
    pub search: Option<String>,
    /// Responsible unit and its sub-units.
    pub unit: Option<String>,
    /// Only pairings in this status.
    pub status: Option<PairingStatus>,
    /// Only pairings signed on or after this day.
    pub from: Option<NaiveDate>,
    /// Only pairings signed on or before this day.
    pub to: Option<NaiveDate>,
    /// Only pairings of this enterprise (UUID).
    pub enterprise_id: Option<String>,
    /// Only pairings of this village (UUID).
    pub village_id: Option<String>,
    /// The most pairings on the page (default 100).
    pub limit: Option<u32>,
    /// How many matching pairings to skip before the page (default 0).
    pub offset: Option<u32>,
}

const COLUMNS: &str =
    "p.id, p.enterprise_id, e.name, e.credit_code, p.village_id, v.name, v.township, c.name,
            p.signed_on, p.unit_id, u.name, p.status, p.note,
            (SELECT COUNT(*) FROM coop_project x WHERE x.pairing_id = p.id),
            (SELECT COALESCE(SUM(x.investment_yuan), 0) FROM coop_project x WHERE x.pairing_id = p.id),
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
        investment: super::project::wan_from_yuan(r.get(14)?),
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

    /// One pairing, by its id.
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
        self.ensure_open(new.signed_on)?;
        let note = optional("note", &new.note, TextKind::Note)?;
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
                id, ent.id, vil.id, new.signed_on, unit.id, new.status.as_str(), note, is_sample,
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
        self.ensure_open(old.signed_on)?;
        self.ensure_open(change.signed_on)?;
        let note = optional("note", &change.note, TextKind::Note)?;
        let (ent, vil) = self.pair_of(change.enterprise, change.village, false)?;
        let unit = match change.unit.as_deref() {
            Some(k) => lookup_unit(self.conn(), k)?.id,
            None if vil.id == old.village_id => old.unit_id.clone(),
            None => lookup_unit(self.conn(), &vil.county_id)?.id,
        };
        refuse_same_pair(self.conn(), &ent, &vil, Some(&old.id))?;
        refuse_projects_before(self.conn(), &old.id, change.signed_on)?;
        self.conn().execute(
            "UPDATE pairing SET enterprise_id = ?2, village_id = ?3, signed_on = ?4, unit_id = ?5, status = ?6,
                                note = ?7, updated_at = ?8, updated_by = ?9
             WHERE id = ?1",
            rusqlite::params![
                old.id, ent.id, vil.id, change.signed_on, unit, change.status.as_str(), note,
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

    /// Sets whether a pairing is under way, refused when it was signed in a locked period.
    pub fn set_pairing_status(&mut self, id: &str, status: PairingStatus) -> Result<Pairing> {
        let p = by_id(self.conn(), id)?;
        self.ensure_open(p.signed_on)?;
        self.conn().execute(
            "UPDATE pairing SET status = ?2, updated_at = ?3, updated_by = ?4 WHERE id = ?1",
            rusqlite::params![p.id, status.as_str(), self.now(), self.actor().name],
        )?;
        by_id(self.conn(), id)
    }

    /// Deletes a pairing and its cooperation projects.
    pub fn delete_pairing(&mut self, id: &str) -> Result<()> {
        let p = by_id(self.conn(), id)?;
        self.ensure_open(p.signed_on)?;
        // Its projects go with it: none of them may lie in a locked period either.
        let dates: Vec<NaiveDate> = self
            .conn()
            .prepare("SELECT DISTINCT agreed_on FROM coop_project WHERE pairing_id = ?1")?
            .query_map([&p.id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for d in dates {
            self.ensure_open(d)?;
        }
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

/// A pairing's signed date may not move after the agreed date of one of its projects.
fn refuse_projects_before(conn: &Connection, pairing_id: &str, signed_on: NaiveDate) -> Result<()> {
    let earliest: Option<NaiveDate> = conn.query_row(
        "SELECT MIN(agreed_on) FROM coop_project WHERE pairing_id = ?1",
        [pairing_id],
        |r| r.get(0),
    )?;
    match earliest {
        Some(agreed_on) if agreed_on < signed_on => Err(LedgerError::ProjectBeforePairing {
            agreed_on,
            signed_on,
        }),
        _ => Ok(()),
    }
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
