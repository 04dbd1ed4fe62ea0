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

/// Investment is typed in 万元 with up to four decimals: its smallest step, 0.0001 万元,
/// is 1 元, the whole unit it is stored and summed in.
pub const INVESTMENT_DECIMALS: u8 = 4;
const YUAN_PER_WAN: f64 = 10_000.0;

/// 万元 as typed → whole 元 as stored (exact for up to four decimals).
pub fn yuan_from_wan(wan: f64) -> i64 {
    (wan * YUAN_PER_WAN).round() as i64
}

/// Whole 元 as stored (one project's or an exact integer sum) → 万元 as shown.
pub fn wan_from_yuan(yuan: i64) -> f64 {
    yuan as f64 / YUAN_PER_WAN
}

/// The kind of help a cooperation project (合作项目) gives.
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
    /// Any other kind (其他).
    Other,
}

impl ProjectKind {
    /// Every project kind, the default (产业) first.
    pub const ALL: [Self; 6] = [
        Self::Industry,
        Self::Employment,
        Self::Consumption,
        Self::Welfare,
        Self::Talent,
        Self::Other,
    ];
    /// The kind's code as stored in the `coop_project` table (`industry` …).
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
    /// The kind's Chinese name (产业, 就业 …).
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
    /// The kind for a code or a Chinese name, with 帮扶, 项目 or 类 after it ignored.
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

/// How far a cooperation project has got.
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
    /// The status's code as stored in the `coop_project` table (`agreed`, `in_progress`, `completed`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Agreed => "agreed",
            Self::InProgress => "in_progress",
            Self::Completed => "completed",
        }
    }
    /// The status for a code or a Chinese word (已签约, 实施中, 已完成 …), or None.
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim() {
            "agreed" | "已签约" | "签约" => Some(Self::Agreed),
            "in_progress" | "实施中" | "推进中" | "在建" => Some(Self::InProgress),
            "completed" | "已完成" | "完成" | "已竣工" => Some(Self::Completed),
            _ => None,
        }
    }
}

/// What a person gives to add (or, in full, change) a cooperation project of a pairing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct NewProject {
    /// The pairing's id.
    pub pairing: String,
    /// The project's name.
    pub name: String,
    /// The kind of help it gives (default 产业).
    #[serde(default)]
    pub kind: ProjectKind,
    /// The day the project was agreed (签约时间), never before its pairing was signed.
    pub agreed_on: NaiveDate,
    /// 万元, up to four decimals (stored as whole 元).
    #[serde(default)]
    pub investment: Option<f64>,
    /// How far the project has got (default 已签约).
    #[serde(default)]
    pub status: ProjectStatus,
    /// How many people benefit from it (受益人数), when known.
    #[serde(default)]
    pub beneficiaries: Option<u32>,
}

/// A cooperation project as listed, with its pairing's enterprise, village and county.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Project {
    /// The project's UUID.
    pub id: String,
    /// The UUID of the pairing the project belongs to.
    pub pairing_id: String,
    /// The name of the pairing's enterprise.
    pub enterprise: String,
    /// The name of the pairing's village.
    pub village: String,
    /// The name of the county the village is in.
    pub county: String,
    /// The project's name.
    pub name: String,
    /// The kind of help it gives.
    pub kind: ProjectKind,
    /// The day the project was agreed (签约时间).
    pub agreed_on: NaiveDate,
    /// Its investment in 万元 (stored as whole 元), when known.
    pub investment: Option<f64>,
    /// How far the project has got.
    pub status: ProjectStatus,
    /// How many people benefit from it, when known.
    pub beneficiaries: Option<u32>,
    /// Whether the project came from the sample data.
    pub is_sample: bool,
}

/// Which cooperation projects to list, a page at a time.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct ProjectFilter {
    /// Only projects whose name, or whose pairing's enterprise or village name, contains this text.
    pub search: Option<String>,
    /// The pairing's responsible unit and its sub-units.
    pub unit: Option<String>,
    /// Only projects of this pairing (UUID).
    pub pairing_id: Option<String>,
    /// Only projects of this kind.
    pub kind: Option<ProjectKind>,
    /// Only projects in this status.
    pub status: Option<ProjectStatus>,
    /// Only projects agreed on or after this day.
    pub from: Option<NaiveDate>,
    /// Only projects agreed on or before this day.
    pub to: Option<NaiveDate>,
    /// The most projects on the page (default 100).
    pub limit: Option<u32>,
    /// How many matching projects to skip before the page (default 0).
    pub offset: Option<u32>,
}

const FROM: &str = "FROM coop_project x JOIN pairing p ON p.id = x.pairing_id JOIN enterprise e ON e.id = p.enterprise_id
     JOIN village v ON v.id = p.village_id JOIN unit c ON c.id = v.county_id";
const COLS: &str = "x.id, x.pairing_id, e.name, v.name, c.name, x.name, x.kind, x.agreed_on, x.investment_yuan, x.status,
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
        investment: r.get::<_, Option<i64>>(8)?.map(wan_from_yuan),
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
    /// Cooperation projects matching the filter, a page at a time, within the reader's scope.
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

    /// One cooperation project, by its id.
    pub fn project(&self, id: &str) -> Result<Project> {
        by_id(self.conn(), id)
    }
}

impl Writer<'_> {
    /// Adds a cooperation project to a pairing, refused in a locked period or before the pairing's date.
    pub fn add_project(&mut self, new: NewProject) -> Result<Project> {
        self.add_project_marked(new, false)
    }

    pub(crate) fn add_project_marked(
        &mut self,
        new: NewProject,
        is_sample: bool,
    ) -> Result<Project> {
        let (pairing, name) = self.check_project(&new)?;
        self.ensure_open(new.agreed_on)?;
        let id = self.id_for(|| format!("project/{}/{name}", pairing.id));
        self.conn().execute(
            "INSERT INTO coop_project (id, pairing_id, name, kind, agreed_on, investment_yuan, status, beneficiaries, is_sample,
                                       created_at, created_by, updated_at, updated_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?10, ?11)",
            rusqlite::params![
                id, pairing.id, name, new.kind.as_str(), new.agreed_on, new.investment.map(yuan_from_wan), new.status.as_str(),
                new.beneficiaries, is_sample, self.now(), self.actor().name
            ],
        )?;
        by_id(self.conn(), &id)
    }

    /// Changes every field of a project (its pairing too) under the rules of adding one.
    pub fn update_project(&mut self, id: &str, change: NewProject) -> Result<Project> {
        let old = by_id(self.conn(), id)?;
        let (pairing, name) = self.check_project(&change)?;
        self.ensure_open(old.agreed_on)?;
        self.ensure_open(change.agreed_on)?;
        self.conn().execute(
            "UPDATE coop_project SET pairing_id = ?2, name = ?3, kind = ?4, agreed_on = ?5, investment_yuan = ?6,
                                     status = ?7, beneficiaries = ?8, updated_at = ?9, updated_by = ?10
             WHERE id = ?1",
            rusqlite::params![
                old.id, pairing.id, name, change.kind.as_str(), change.agreed_on, change.investment.map(yuan_from_wan),
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
        if new.agreed_on < pairing.signed_on {
            return Err(LedgerError::ProjectBeforePairing {
                agreed_on: new.agreed_on,
                signed_on: pairing.signed_on,
            });
        }
        if let Some(v) = new.investment {
            check_value("investment", v, INVESTMENT_DECIMALS)?;
        }
        Ok((pairing, name))
    }

    /// Deletes a cooperation project, refused when it was agreed in a locked period.
    pub fn delete_project(&mut self, id: &str) -> Result<()> {
        let p = by_id(self.conn(), id)?;
        self.ensure_open(p.agreed_on)?;
        self.conn()
            .execute("DELETE FROM coop_project WHERE id = ?1", [&p.id])?;
        Ok(())
    }
}
