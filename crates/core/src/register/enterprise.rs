//! 企业: the enterprises of 万企兴万村, with duplicate detection by credit code and by
//! normalised name.

use rusqlite::{Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{credit_code, name_key, Listing, Page};
use crate::error::{LedgerError, Result};
use crate::ledger::{lookup_unit, Ledger, Writer};
use crate::validate::check_text;

/// The ownership of an enterprise in the register (企业类型).
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
    /// Any other ownership (其他).
    Other,
}

impl EnterpriseKind {
    /// Every enterprise kind, the default (民营) first.
    pub const ALL: [Self; 6] = [
        Self::Private,
        Self::State,
        Self::Foreign,
        Self::Individual,
        Self::Collective,
        Self::Other,
    ];
    /// The kind's code as stored in the `enterprise` table (`private`, `state` …).
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
    /// The kind's Chinese name (民营, 国有 …).
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

/// An enterprise (企业) in the register, which pairs with villages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Enterprise {
    /// The enterprise's UUID.
    pub id: String,
    /// The enterprise's name.
    pub name: String,
    /// Its 统一社会信用代码, normalised, when one was given.
    pub credit_code: Option<String>,
    /// Its ownership.
    pub kind: EnterpriseKind,
    /// The UUID of the county or zone it is registered in, when given.
    pub county_id: Option<String>,
    /// That county's name.
    pub county: Option<String>,
    /// Its contact person (联系人), empty when none was given.
    pub contact: String,
    /// Whether the enterprise came from the sample data.
    pub is_sample: bool,
}

/// What a person gives to register an enterprise.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct NewEnterprise {
    /// The enterprise's name; one already registered (by normalised name) is refused.
    pub name: String,
    /// Its 统一社会信用代码 (optional), whose check character is verified.
    #[serde(default)]
    pub credit_code: Option<String>,
    /// Its ownership (default 民营).
    #[serde(default)]
    pub kind: EnterpriseKind,
    /// County unit id, code or name.
    #[serde(default)]
    pub county: Option<String>,
    /// Its contact person (optional).
    #[serde(default)]
    pub contact: String,
}

/// Which enterprises to list, a page at a time.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct EnterpriseFilter {
    /// Part of the name or the credit code.
    pub search: Option<String>,
    /// Only enterprises of this county (id, code or name).
    pub county: Option<String>,
    /// The most enterprises on the page (default 100).
    pub limit: Option<u32>,
    /// How many matching enterprises to skip before the page (default 0).
    pub offset: Option<u32>,
}

const COLUMNS: &str =
    "e.id, e.name, e.credit_code, e.kind, e.county_id, u.name, e.contact, e.is_sample";
const FROM: &str = "FROM enterprise e LEFT JOIN unit u ON u.id = e.county_id";

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
    conn.prepare_cached(&format!("SELECT {COLUMNS} {FROM} WHERE e.id = ?1"))?
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
    find_other(conn, name, code, None)
}

/// [`find_duplicate`] among the enterprises other than `except` (the one being edited).
fn find_other(
    conn: &Connection,
    name: &str,
    code: Option<&str>,
    except: Option<&str>,
) -> Result<Option<Enterprise>> {
    if let Some(c) = code {
        if let Some(e) = conn
            .prepare_cached(&format!(
                "SELECT {COLUMNS} {FROM} WHERE e.credit_code = ?1 AND e.id IS NOT ?2"
            ))?
            .query_row(rusqlite::params![c, except], row)
            .optional()?
        {
            return Ok(Some(e));
        }
    }
    let sql = format!(
        "SELECT {COLUMNS} {FROM} WHERE e.name_key = ?1 AND (?2 IS NULL OR e.credit_code IS NULL) AND e.id IS NOT ?3 LIMIT 1"
    );
    Ok(conn
        .query_row(&sql, rusqlite::params![name_key(name), code, except], row)
        .optional()?)
}

/// A new or changed enterprise's clean name, normalised credit code and county id, once
/// they pass the rules and no other enterprise (than `except`) has that code or name.
fn check_enterprise(
    conn: &Connection,
    new: &NewEnterprise,
    except: Option<&str>,
) -> Result<(String, Option<String>, Option<String>)> {
    let name = check_text("enterprise", &new.name, 100)?;
    crate::text::optional("contact", &new.contact, crate::text::TextKind::Name)?;
    let code = new
        .credit_code
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(credit_code::normalise)
        .transpose()?;
    if let Some(dup) = find_other(conn, &name, code.as_deref(), except)? {
        let key = dup
            .credit_code
            .clone()
            .map_or(dup.name.clone(), |c| format!("{}（{c}）", dup.name));
        // Which of the two the other enterprise shares, for the form to mark.
        let field = if code.is_some() && dup.credit_code == code {
            "credit_code"
        } else {
            "name"
        };
        return Err(LedgerError::DuplicateField {
            what: "企业",
            key,
            field,
        });
    }
    let county = new
        .county
        .as_deref()
        .map(|k| lookup_unit(conn, k))
        .transpose()?;
    if let Some(c) = &county {
        super::require_county(c, "county")?;
    }
    Ok((name, code, county.map(|u| u.id)))
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
    /// Enterprises matching the filter, by name, a page at a time.
    pub fn enterprises(&self, f: &EnterpriseFilter) -> Result<Page<Enterprise>> {
        let county = f
            .county
            .as_deref()
            .map(|k| lookup_unit(self.conn(), k))
            .transpose()?
            .map(|u| u.id);
        let like = f.search.as_deref().map(|s| format!("%{}%", name_key(s)));
        Listing::new("FROM enterprise e", "e.id", "e.name, e.id")
            .when(like, "(e.name_key LIKE ? OR e.credit_code LIKE ?)")
            .when(county, "e.county_id = ?")
            .page(self.conn(), (COLUMNS, FROM), (f.limit, f.offset), row)
    }

    /// The enterprise with this id (`not_found` when there is none): what an edit dialog loads.
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
        let (name, code, county) = check_enterprise(self.conn(), &new, None)?;
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

    /// Changes an enterprise's name, credit code, kind, county and contact under the rules
    /// of adding one: no other enterprise may have that code or normalised name.
    pub fn update_enterprise(&mut self, id: &str, change: NewEnterprise) -> Result<Enterprise> {
        let old = by_id(self.conn(), id)?;
        let (name, code, county) = check_enterprise(self.conn(), &change, Some(&old.id))?;
        self.conn().execute(
            "UPDATE enterprise SET name = ?2, name_key = ?3, credit_code = ?4, kind = ?5, county_id = ?6, contact = ?7,
                                   updated_at = ?8, updated_by = ?9
             WHERE id = ?1",
            rusqlite::params![
                old.id, name, name_key(&name), code, change.kind.as_str(), county, change.contact.trim(),
                self.now(), self.actor().name
            ],
        )?;
        by_id(self.conn(), &old.id)
    }
}
