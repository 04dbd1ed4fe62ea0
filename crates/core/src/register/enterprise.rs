//! 企业: the enterprises of 万企兴万村, with duplicate detection by credit code and by
//! normalised name.

use rusqlite::{Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{credit_code, name_key, Page};
use crate::error::{LedgerError, Result};
use crate::ledger::{lookup_unit, Ledger, Writer};
use crate::validate::check_text;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum EnterpriseKind {
    /// 民营
    #[default]
    Private,
    /// 国有
    State,
    /// 外资
    Foreign,
    /// 个体
    Individual,
    /// 集体
    Collective,
    Other,
}

impl EnterpriseKind {
    pub const ALL: [Self; 6] = [
        Self::Private,
        Self::State,
        Self::Foreign,
        Self::Individual,
        Self::Collective,
        Self::Other,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Private => "private",
            Self::State => "state",
            Self::Foreign => "foreign",
            Self::Individual => "individual",
            Self::Collective => "collective",
            Self::Other => "other",
        }
    }
    pub fn label_zh(self) -> &'static str {
        match self {
            Self::Private => "民营",
            Self::State => "国有",
            Self::Foreign => "外资",
            Self::Individual => "个体",
            Self::Collective => "集体",
            Self::Other => "其他",
        }
    }
    /// Accepts the code or the Chinese label (民营, 国有 …).
    pub fn parse(s: &str) -> Option<Self> {
        let t = s.trim();
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == t || k.label_zh() == t || format!("{}企业", k.label_zh()) == t)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Enterprise {
    pub id: String,
    pub name: String,
    pub credit_code: Option<String>,
    pub kind: EnterpriseKind,
    pub county_id: Option<String>,
    pub county: Option<String>,
    pub contact: String,
    pub is_sample: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct NewEnterprise {
    pub name: String,
    #[serde(default)]
    pub credit_code: Option<String>,
    #[serde(default)]
    pub kind: EnterpriseKind,
    /// County unit id, code or name.
    #[serde(default)]
    pub county: Option<String>,
    #[serde(default)]
    pub contact: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct EnterpriseFilter {
    /// Part of the name or the credit code.
    pub search: Option<String>,
    pub county: Option<String>,
    pub limit: Option<u32>,
    pub offset: Option<u32>,
}

const SELECT: &str =
    "SELECT e.id, e.name, e.credit_code, e.kind, e.county_id, u.name, e.contact, e.is_sample
     FROM enterprise e LEFT JOIN unit u ON u.id = e.county_id";

fn row(r: &Row<'_>) -> rusqlite::Result<Enterprise> {
    let kind: String = r.get(3)?;
    Ok(Enterprise {
        id: r.get(0)?,
        name: r.get(1)?,
        credit_code: r.get(2)?,
        kind: EnterpriseKind::parse(&kind).unwrap_or_default(),
        county_id: r.get(4)?,
        county: r.get(5)?,
        contact: r.get(6)?,
        is_sample: r.get(7)?,
    })
}

pub(crate) fn by_id(conn: &Connection, id: &str) -> Result<Enterprise> {
    conn.prepare_cached(&format!("{SELECT} WHERE e.id = ?1"))?
        .query_row([id], row)
        .optional()?
        .ok_or_else(|| LedgerError::NotFound {
            what: "企业",
            id: id.to_string(),
        })
}

/// The enterprise a new record would duplicate: same credit code, or — when either side
/// has no code — the same normalised name.
pub(crate) fn find_duplicate(
    conn: &Connection,
    name: &str,
    code: Option<&str>,
) -> Result<Option<Enterprise>> {
    if let Some(c) = code {
        if let Some(e) = conn
            .prepare_cached(&format!("{SELECT} WHERE e.credit_code = ?1"))?
            .query_row([c], row)
            .optional()?
        {
            return Ok(Some(e));
        }
    }
    let sql =
        format!("{SELECT} WHERE e.name_key = ?1 AND (?2 IS NULL OR e.credit_code IS NULL) LIMIT 1");
    Ok(conn
        .query_row(&sql, rusqlite::params![name_key(name), code], row)
        .optional()?)
}

/// The registered enterprise a name and credit code mean — the one adding them would
/// duplicate — if there is one. A malformed credit code is refused, as when adding.
fn find(conn: &Connection, name: &str, credit_code: Option<&str>) -> Result<Option<Enterprise>> {
    let code = credit_code
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(credit_code::normalise)
        .transpose()?;
    find_duplicate(conn, name, code.as_deref())
}

impl Ledger {
    pub fn enterprises(&self, f: &EnterpriseFilter) -> Result<Page<Enterprise>> {
        let county = f
            .county
            .as_deref()
            .map(|k| lookup_unit(self.conn(), k))
            .transpose()?
            .map(|u| u.id);
        let like = f.search.as_deref().map(|s| format!("%{}%", name_key(s)));
        let cond = "WHERE (?1 IS NULL OR e.name_key LIKE ?1 OR e.credit_code LIKE ?1) AND (?2 IS NULL OR e.county_id = ?2)";
        let total: i64 = self.conn().query_row(
            &format!("SELECT COUNT(*) FROM enterprise e {cond}"),
            rusqlite::params![like, county],
            |r| r.get(0),
        )?;
        let sql = format!("{SELECT} {cond} ORDER BY e.name LIMIT ?3 OFFSET ?4");
        let mut stmt = self.conn().prepare(&sql)?;
        let rows = stmt
            .query_map(
                rusqlite::params![like, county, f.limit.unwrap_or(100), f.offset.unwrap_or(0)],
                row,
            )?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Page {
            rows,
            total: total as u64,
        })
    }

    pub fn enterprise(&self, id: &str) -> Result<Enterprise> {
        by_id(self.conn(), id)
    }

    /// The enterprise already registered under this credit code or, when either side has
    /// no code, this normalised name; None when adding it would make a new one.
    pub fn find_enterprise(
        &self,
        name: &str,
        credit_code: Option<&str>,
    ) -> Result<Option<Enterprise>> {
        find(self.conn(), name, credit_code)
    }
}

impl Writer<'_> {
    /// [`Ledger::find_enterprise`] inside this write, so that finding and adding are atomic.
    pub fn find_enterprise(
        &self,
        name: &str,
        credit_code: Option<&str>,
    ) -> Result<Option<Enterprise>> {
        find(self.conn(), name, credit_code)
    }

    /// Adds an enterprise; refuses a duplicate (same credit code, or same normalised name).
    pub fn add_enterprise(&mut self, new: NewEnterprise) -> Result<Enterprise> {
        self.add_enterprise_marked(new, false)
    }

    pub(crate) fn add_enterprise_marked(
        &mut self,
        new: NewEnterprise,
        is_sample: bool,
    ) -> Result<Enterprise> {
        let name = check_text("enterprise", &new.name, 100)?;
        let code = new
            .credit_code
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(credit_code::normalise)
            .transpose()?;
        if let Some(dup) = find_duplicate(self.conn(), &name, code.as_deref())? {
            let key = dup
                .credit_code
                .clone()
                .map_or(dup.name.clone(), |c| format!("{}（{c}）", dup.name));
            return Err(LedgerError::Duplicate {
                what: "企业", key
            });
        }
        let county = new
            .county
            .as_deref()
            .map(|k| lookup_unit(self.conn(), k))
            .transpose()?
            .map(|u| u.id);
        let key = name_key(&name);
        let id =
            self.id_for(|| format!("enterprise/{}", code.clone().unwrap_or_else(|| key.clone())));
        self.conn().execute(
            "INSERT INTO enterprise (id, name, name_key, credit_code, kind, county_id, contact, is_sample,
                                     created_at, created_by, updated_at, updated_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?9, ?10)",
            rusqlite::params![
                id, name, key, code, new.kind.as_str(), county, new.contact.trim(), is_sample, self.now(),
                self.actor().name
            ],
        )?;
        by_id(self.conn(), &id)
    }
}
