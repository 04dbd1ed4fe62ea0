//! 合作项目: the cooperation projects a pairing carries.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::pairing::{self, rename_date};
use super::{name_key, subtree_json, Listing, Page};
use crate::error::{LedgerError, Result};
use crate::ledger::{Ledger, Writer};
use crate::validate::{check_entry_date, check_text, check_value};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ProjectKind {
    /// 产业
    #[default]
    Industry,
    /// 就业
    Employment,
    /// 消费
    Consumption,
    /// 公益
    Welfare,
    /// 人才
    Talent,
    Other,
}

impl ProjectKind {
    pub const ALL: [Self; 6] = [
        Self::Industry,
        Self::Employment,
        Self::Consumption,
        Self::Welfare,
        Self::Talent,
        Self::Other,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Industry => "industry",
            Self::Employment => "employment",
            Self::Consumption => "consumption",
            Self::Welfare => "welfare",
            Self::Talent => "talent",
            Self::Other => "other",
        }
    }
    pub fn label_zh(self) -> &'static str {
        match self {
            Self::Industry => "产业",
            Self::Employment => "就业",
            Self::Consumption => "消费",
            Self::Welfare => "公益",
            Self::Talent => "人才",
            Self::Other => "其他",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        let t = s
            .trim()
            .trim_end_matches("帮扶")
            .trim_end_matches("项目")
            .trim_end_matches("类");
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == t || k.label_zh() == t)
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ProjectStatus {
    /// 已签约
    #[default]
    Agreed,
    /// 实施中
    InProgress,
    /// 已完成
    Completed,
}

impl ProjectStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Agreed => "agreed",
            Self::InProgress => "in_progress",
            Self::Completed => "completed",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim() {
            "agreed" | "已签约" | "签约" => Some(Self::Agreed),
            "in_progress" | "实施中" | "推进中" | "在建" => Some(Self::InProgress),
            "completed" | "已完成" | "完成" | "已竣工" => Some(Self::Completed),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct NewProject {
    /// The pairing's id.
    pub pairing: String,
    pub name: String,
    #[serde(default)]
    pub kind: ProjectKind,
    pub agreed_on: NaiveDate,
    /// 万元, up to two decimals.
    #[serde(default)]
    pub investment: Option<f64>,
    #[serde(default)]
    pub status: ProjectStatus,
    #[serde(default)]
    pub beneficiaries: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Project {
    pub id: String,
    pub pairing_id: String,
    pub enterprise: String,
    pub village: String,
    pub county: String,
    pub name: String,
    pub kind: ProjectKind,
    pub agreed_on: NaiveDate,
    pub investment: Option<f64>,
    pub status: ProjectStatus,
    pub beneficiaries: Option<u32>,
    pub is_sample: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct ProjectFilter {
    pub search: Option<String>,
    /// The pairing's responsible unit and its sub-units.
    pub unit: Option<String>,
    pub pairing_id: Option<String>,
    pub kind: Option<ProjectKind>,
    pub status: Option<ProjectStatus>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub limit: Option<u32>,
    pub offset: Option<u32>,
}

const FROM: &str = "FROM coop_project x JOIN pairing p ON p.id = x.pairing_id JOIN enterprise e ON e.id = p.enterprise_id
     JOIN village v ON v.id = p.village_id JOIN unit c ON c.id = v.county_id";
const COLS: &str = "x.id, x.pairing_id, e.name, v.name, c.name, x.name, x.kind, x.agreed_on, x.investment, x.status,
     x.beneficiaries, x.is_sample";

fn row(r: &Row<'_>) -> rusqlite::Result<Project> {
    let kind: String = r.get(6)?;
    let status: String = r.get(9)?;
    Ok(Project {
        id: r.get(0)?,
        pairing_id: r.get(1)?,
        enterprise: r.get(2)?,
        village: r.get(3)?,
        county: r.get(4)?,
        name: r.get(5)?,
        kind: ProjectKind::parse(&kind).unwrap_or_default(),
        agreed_on: r.get(7)?,
        investment: r.get(8)?,
        status: ProjectStatus::parse(&status).unwrap_or_default(),
        beneficiaries: r.get(10)?,
        is_sample: r.get(11)?,
    })
}

fn by_id(conn: &Connection, id: &str) -> Result<Project> {
    conn.prepare_cached(&format!("SELECT {COLS} {FROM} WHERE x.id = ?1"))?
        .query_row([id], row)
        .optional()?
        .ok_or_else(|| LedgerError::NotFound {
            what: "合作项目",
            id: id.to_string(),
        })
}

impl Ledger {
    pub fn projects(&self, f: &ProjectFilter) -> Result<Page<Project>> {
        let unit = self.clamp_unit(f.unit.as_deref())?;
        let units = unit
            .as_deref()
            .map(|k| subtree_json(self.conn(), k))
            .transpose()?;
        let like = f.search.as_deref().map(|s| format!("%{}%", name_key(s)));
        let date = |d: Option<NaiveDate>| d.map(|d| d.to_string());
        Listing::new("FROM coop_project x", "x.id", "x.agreed_on DESC, x.id")
            .in_one_pass(like.is_some() || units.is_some())
            .when(
                like,
                "(x.name LIKE ? OR x.pairing_id IN (SELECT id FROM pairing
                    WHERE enterprise_id IN (SELECT id FROM enterprise WHERE name_key LIKE ?)
                       OR village_id IN (SELECT id FROM village WHERE name LIKE ?)))",
            )
            .when(
                units,
                "x.pairing_id IN (SELECT id FROM pairing WHERE unit_id IN (SELECT value FROM json_each(?)))",
            )
            .when(f.pairing_id.clone(), "x.pairing_id = ?")
            .when(f.kind.map(|k| k.as_str().to_string()), "x.kind = ?")
            .when(f.status.map(|s| s.as_str().to_string()), "x.status = ?")
            .when(date(f.from), "x.agreed_on >= ?")
            .when(date(f.to), "x.agreed_on <= ?")
            .page(self.conn(), (COLS, FROM), (f.limit, f.offset), row)
    }

    pub fn project(&self, id: &str) -> Result<Project> {
        by_id(self.conn(), id)
    }
}

impl Writer<'_> {
    pub fn add_project(&mut self, new: NewProject) -> Result<Project> {
        self.add_project_marked(new, false)
    }

    pub(crate) fn add_project_marked(
        &mut self,
        new: NewProject,
        is_sample: bool,
    ) -> Result<Project> {
        let (pairing, name) = self.check_project(&new)?;
        let id = self.id_for(|| format!("project/{}/{name}", pairing.id));
        self.conn().execute(
            "INSERT INTO coop_project (id, pairing_id, name, kind, agreed_on, investment, status, beneficiaries, is_sample,
                                       created_at, created_by, updated_at, updated_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?10, ?11)",
            rusqlite::params![
                id, pairing.id, name, new.kind.as_str(), new.agreed_on, new.investment, new.status.as_str(),
                new.beneficiaries, is_sample, self.now(), self.actor().name
            ],
        )?;
        by_id(self.conn(), &id)
    }

    /// Changes every field of a project (its pairing too) under the rules of adding one.
    pub fn update_project(&mut self, id: &str, change: NewProject) -> Result<Project> {
        let old = by_id(self.conn(), id)?;
        let (pairing, name) = self.check_project(&change)?;
        self.conn().execute(
            "UPDATE coop_project SET pairing_id = ?2, name = ?3, kind = ?4, agreed_on = ?5, investment = ?6,
                                     status = ?7, beneficiaries = ?8, updated_at = ?9, updated_by = ?10
             WHERE id = ?1",
            rusqlite::params![
                old.id, pairing.id, name, change.kind.as_str(), change.agreed_on, change.investment,
                change.status.as_str(), change.beneficiaries, self.now(), self.actor().name
            ],
        )?;
        by_id(self.conn(), &old.id)
    }

    /// A project's pairing and clean name, once its fields pass the rules.
    fn check_project(&self, new: &NewProject) -> Result<(pairing::Pairing, String)> {
        let pairing = pairing::by_id(self.conn(), &new.pairing)?;
        let name = check_text("name", &new.name, 100)?;
        check_entry_date(new.agreed_on, self.today()).map_err(|e| rename_date(e, "agreed_on"))?;
        if let Some(v) = new.investment {
            check_value("investment", v, 2)?;
        }
        Ok((pairing, name))
    }

    pub fn delete_project(&mut self, id: &str) -> Result<()> {
        let p = by_id(self.conn(), id)?;
        self.conn()
            .execute("DELETE FROM coop_project WHERE id = ?1", [&p.id])?;
        Ok(())
    }
}
