//! 合作项目 rows: the pairing named by its enterprise and village (township and county
//! when a village name is not unique), the project's name, kind, date, investment,
//! status and beneficiaries. The same project name under the same pairing is a duplicate.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use rusqlite::Connection;

use super::catalog::Catalog;
use super::enterprises::name_and_code;
use super::plan::{Item, Parsed, RowKind};
use super::registers;
use super::rows::RowReader;
use crate::error::{LedgerError, Result};
use crate::register::clean_name;
use crate::register::project::{NewProject, ProjectKind, ProjectStatus, INVESTMENT_DECIMALS};
use crate::validate::{check_text, check_value};

pub(crate) struct Projects {
    catalog: Catalog,
    today: NaiveDate,
    enterprises: registers::Enterprises,
    villages: registers::Villages,
    pairings: HashMap<(String, String), String>,
    /// (pairing id, name) of the projects in the ledger.
    existing: HashSet<(String, String)>,
    /// Each pairing's signed date: no project of it is agreed before.
    signed_on: HashMap<String, NaiveDate>,
}

impl Projects {
    pub(crate) fn new(conn: &Connection, today: NaiveDate) -> Result<Self> {
        let existing = registers::projects(conn)?;
        let mut stmt = conn.prepare("SELECT id, signed_on FROM pairing")?;
        let signed_on = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Self {
            signed_on,
            catalog: Catalog::read(conn)?,
            today,
            enterprises: registers::Enterprises::read(conn)?,
            villages: registers::Villages::read(conn)?,
            pairings: registers::pairings(conn)?,
            existing,
        })
    }

    /// The one pairing of this enterprise with a village of this name.
    fn pairing(&self, r: &mut RowReader<'_>, name: &str, code: Option<&str>) -> Option<String> {
        let village = r.required("village")?;
        let township = r.text("township");
        let county = match r.text("county") {
            Some(k) => match self.catalog.unit(&k) {
                Ok(u) => Some(u.id.clone()),
                Err(e) => {
                    r.rule("county", &e);
                    return None;
                }
            },
            None => None,
        };
        let villages = self
            .villages
            .candidates(&village, township.as_deref(), county.as_deref());
        let found: Vec<&String> = self
            .enterprises
            .candidates(name, code)
            .into_iter()
            .flat_map(|e| villages.iter().map(move |v| (e.to_string(), v.to_string())))
            .filter_map(|pair| self.pairings.get(&pair))
            .collect();
        match found.as_slice() {
            [one] => Some(one.to_string()),
            [] => {
                r.problem(
                    "village",
                    format!("找不到企业「{name}」与「{village}」的结对关系，请先导入结对关系"),
                );
                None
            }
            _ => {
                r.problem(
                    "village",
                    format!("企业「{name}」与多个「{village}」结对，请填写「乡镇」「区县」以区分"),
                );
                None
            }
        }
    }
}

/// The project kind in `field` (the default when blank), an unknown one noted.
pub(crate) fn project_kind(r: &mut RowReader<'_>, field: &str) -> ProjectKind {
    let Some(t) = r.text(field) else {
        return ProjectKind::default();
    };
    ProjectKind::parse(&t).unwrap_or_else(|| {
        let all: Vec<&str> = ProjectKind::ALL.iter().map(|k| k.label_zh()).collect();
        r.problem(
            field,
            format!("「{t}」不是可选的项目类型（{}）", all.join("、")),
        );
        ProjectKind::default()
    })
}

/// The project status in `field` (the default when blank), an unknown one noted.
pub(crate) fn project_status(r: &mut RowReader<'_>, field: &str) -> ProjectStatus {
    let Some(t) = r.text(field) else {
        return ProjectStatus::default();
    };
    ProjectStatus::parse(&t).unwrap_or_else(|| {
        r.problem(
            field,
            format!("「{t}」不是可选状态（已签约、实施中、已完成）"),
        );
        ProjectStatus::default()
    })
}

impl RowKind for Projects {
    fn read(&mut self, r: &mut RowReader<'_>) -> Result<Option<Parsed>> {
        let (enterprise, code) = name_and_code(r);
        let pairing = enterprise
            .as_deref()
            .and_then(|e| self.pairing(r, e, code.as_deref()));
        let name = r.required("name").and_then(|n| {
            let checked = check_text("name", &n, 100).map_err(|e| r.rule("name", &e));
            checked.ok()
        });
        let kind = project_kind(r, "kind");
        let agreed_on = r.required_entry_date("agreed_on", self.today);
        let investment = r.number("investment").ok().flatten();
        if let Some(v) = investment {
            if let Err(e) = check_value("investment", v, INVESTMENT_DECIMALS) {
                r.rule("investment", &e);
            }
        }
        let beneficiaries = r.number("beneficiaries").ok().flatten();
        if let Some(v) = beneficiaries {
            if let Err(e) = check_value("beneficiaries", v, 0) {
                r.rule("beneficiaries", &e);
            } else if v > f64::from(u32::MAX) {
                r.problem("beneficiaries", format!("数值过大：{v}"));
            }
        }
        let status = project_status(r, "status");
        let (Some(pairing), Some(name), Some(agreed_on)) = (pairing, name, agreed_on) else {
            return Ok(None);
        };
        if let Some(&signed_on) = self.signed_on.get(&pairing) {
            if agreed_on < signed_on {
                r.rule(
                    "agreed_on",
                    &LedgerError::ProjectBeforePairing {
                        agreed_on,
                        signed_on,
                    },
                );
            }
        }
        if !r.ok() {
            return Ok(None);
        }
        let name = clean_name(&name);
        let existing = self
            .existing
            .contains(&(pairing.clone(), name.clone()))
            .then(|| "该结对关系下已有同名合作项目，不再导入".to_string());
        Ok(Some(Parsed {
            key: format!("{pairing}|{name}"),
            item: Item::Project(Box::new(NewProject {
                pairing,
                name,
                kind,
                agreed_on,
                investment: investment.map(|v| super::entries::round_to(v, INVESTMENT_DECIMALS)),
                status,
                beneficiaries: beneficiaries.map(|v| v as u32),
            })),
            existing,
            creates: Vec::new(),
        }))
    }
}
