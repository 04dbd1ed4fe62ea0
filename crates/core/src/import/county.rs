//! A county's own 结对台账: the county named once in the title or the 填报单位 line (or
//! given), each pairing's cooperation projects on the rows below it with the pairing's
//! cells merged or left blank. Every row is a pairing (written once, however many rows
//! carry it) and, when it names one, a project of that pairing; both are written in the
//! import's one transaction through the pairings' and projects' own write paths.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use rusqlite::Connection;

use super::catalog::Catalog;
use super::cell::Cell;
use super::enterprises::{self, name_and_code};
use super::entries::round_to;
use super::header;
use super::pairings::{status, PairingRow, Parties};
use super::plan::{Item, Parsed, RowKind};
use super::projects::{project_kind, project_status};
use super::registers::{self, NEW};
use super::returns::{identity_lines, is_ancestor_or_self, units_named};
use super::rows::RowReader;
use super::sheet::Sheet;
use super::types::{ImportField, SheetMapping};
use super::villages::place_name;
use crate::error::Result;
use crate::model::{Unit, UnitKind};
use crate::register::clean_name;
use crate::register::project::NewProject;
use crate::validate::{check_entry_date, check_text, check_value};

/// A row of the register: the pairing (None when an earlier row of the import or the
/// ledger has it) and the project; `pairing_ref` is the pairing's id or placeholder.
#[derive(Debug, Clone)]
pub(crate) struct CountyRow {
    pub pairing: Option<PairingRow>,
    pub pairing_ref: String,
    pub project: Option<NewProject>,
}

/// The pairing's columns, carried down to the project rows below it.
const PAIRING_FIELDS: &[&str] = &[
    "enterprise",
    "credit_code",
    "enterprise_kind",
    "village",
    "township",
    "signed_on",
    "status",
];
const PROJECT_FIELDS: &[&str] = &["project", "project_kind", "agreed_on", "investment"];

/// The county the sheets name above their headings, or the one given.
pub(crate) fn county_of(
    conn: &Connection,
    sheets: &[Sheet],
    fields: &[ImportField],
    given: Option<&str>,
) -> Result<Option<Unit>> {
    let catalog = Catalog::read(conn)?;
    if let Some(k) = given {
        return Ok(Some(catalog.unit(k)?.clone()));
    }
    let units = crate::ledger::read_units(conn, true)?;
    for sheet in sheets {
        let Some(row) = header::guess(sheet, fields).header_row else {
            continue;
        };
        let first = row.saturating_sub(sheet.first_row + 1) as usize;
        let text = identity_lines(sheet, Some(first)).join(" ");
        let named: Vec<&Unit> = units_named(&text, &units)
            .into_iter()
            .filter(|u| matches!(u.kind, UnitKind::County | UnitKind::Zone))
            .collect();
        let deepest: Vec<&&Unit> = named
            .iter()
            .filter(|n| {
                !named
                    .iter()
                    .any(|m| m.id != n.id && is_ancestor_or_self(n, m, &units))
            })
            .collect();
        if let [one] = deepest.as_slice() {
            return Ok(Some((**one).clone()));
        }
    }
    Ok(None)
}

/// The sheet with each project row's blank pairing cells taken from the pairing above.
pub(crate) fn fill_down(sheet: &Sheet, sm: &SheetMapping) -> Sheet {
    let col = |f: &str| {
        sm.columns
            .iter()
            .find(|c| c.field.as_deref() == Some(f))
            .map(|c| c.index as usize)
    };
    let pairing: Vec<usize> = PAIRING_FIELDS.iter().filter_map(|f| col(f)).collect();
    let project: Vec<usize> = PROJECT_FIELDS.iter().filter_map(|f| col(f)).collect();
    let (Some(enterprise), Some(header)) = (col("enterprise"), sm.header_row) else {
        return sheet.clone();
    };
    let mut out = sheet.clone();
    let start = header.saturating_sub(sheet.first_row) as usize;
    let mut above: Option<Vec<Cell>> = None;
    for row in out.rows.iter_mut().skip(start) {
        let get = |r: &Vec<Cell>, i: usize| r.get(i).cloned().unwrap_or(Cell::Empty);
        if !get(row, enterprise).is_empty() {
            above = Some(row.clone());
            continue;
        }
        let has_project = project.iter().any(|&i| !get(row, i).is_empty());
        let Some(from) = above.as_ref().filter(|_| has_project) else {
            continue;
        };
        for &i in &pairing {
            if get(row, i).is_empty() {
                if row.len() <= i {
                    row.resize(i + 1, Cell::Empty);
                }
                row[i] = get(from, i);
            }
        }
    }
    out
}

pub(crate) struct CountyRegister {
    county: Option<Unit>,
    today: NaiveDate,
    parties: Parties,
    pairings: HashMap<(String, String), String>,
    projects: HashSet<(String, String)>,
    /// Placeholders of the pairings this import already writes.
    planned: HashSet<String>,
    county_missing_said: bool,
}

impl CountyRegister {
    pub(crate) fn new(conn: &Connection, today: NaiveDate, county: Option<Unit>) -> Result<Self> {
        Ok(Self {
            county,
            today,
            parties: Parties::read(conn)?,
            pairings: registers::pairings(conn)?,
            projects: registers::projects(conn)?,
            planned: HashSet::new(),
            county_missing_said: false,
        })
    }

    fn project(&self, r: &mut RowReader<'_>, signed_on: Option<NaiveDate>) -> Option<NewProject> {
        let name = r.text("project")?;
        let name = check_text("project", &name, 100)
            .map_err(|e| r.rule("project", &e))
            .ok()?;
        let kind = project_kind(r, "project_kind");
        let agreed_on = r.date("agreed_on").ok()?.or(signed_on);
        if let Some(d) = agreed_on {
            if let Err(e) = check_entry_date(d, self.today) {
                r.rule("agreed_on", &e);
            }
        }
        let investment = r.number("investment").ok()?;
        if let Some(Err(e)) = investment.map(|v| check_value("investment", v, 2)) {
            r.rule("investment", &e);
        }
        let beneficiaries = r.number("beneficiaries").ok()?;
        if let Some(Err(e)) = beneficiaries.map(|v| check_value("beneficiaries", v, 0)) {
            r.rule("beneficiaries", &e);
        }
        let status = project_status(r, "project_status");
        Some(NewProject {
            pairing: String::new(),
            name: clean_name(&name),
            kind,
            agreed_on: agreed_on?,
            investment: investment.map(|v| round_to(v, 2)),
            status,
            beneficiaries: beneficiaries.map(|v| v.min(f64::from(u32::MAX)) as u32),
        })
    }
}

impl RowKind for CountyRegister {
    fn read(&mut self, r: &mut RowReader<'_>) -> Result<Option<Parsed>> {
        let (name, code) = name_and_code(r);
        let kind = enterprises::kind(r, "enterprise_kind");
        let township = place_name(r, "township");
        let village = place_name(r, "village");
        let signed_on = r.required_entry_date("signed_on", self.today);
        let pairing_status = status(r);
        let note = r.text("note").unwrap_or_default();
        let project = self.project(r, signed_on);
        if self.county.is_none() && !self.county_missing_said {
            self.county_missing_said = true;
            r.problem(
                "county",
                "：标题和填报单位中没有区县名称，请指定区县（--county）".into(),
            );
        }
        let (Some(county), Some(name), Some(township), Some(village), Some(signed_on), true) = (
            self.county.clone(),
            name,
            township,
            village,
            signed_on,
            r.ok(),
        ) else {
            return Ok(None);
        };
        let mut creates = Vec::new();
        let party = self.parties.find_or_plan(
            (name, code, kind),
            (&county, township, village),
            &mut creates,
        );
        let pair = (party.enterprise.clone(), party.village.clone());
        let in_ledger = self.pairings.get(&pair).cloned();
        let placeholder = format!("{NEW}pairing/{}|{}", pair.0, pair.1);
        let pairing = (in_ledger.is_none() && self.planned.insert(placeholder.clone()))
            .then(|| party.into_pairing(signed_on, Some(county.id.clone()), pairing_status, note));
        let project_name = project.as_ref().map(|p| p.name.clone()).unwrap_or_default();
        let existing = in_ledger.as_ref().and_then(|id| {
            let known =
                project.is_none() || self.projects.contains(&(id.clone(), project_name.clone()));
            known.then(|| "台账中已有该结对关系及该合作项目，不再导入".to_string())
        });
        Ok(Some(Parsed {
            key: format!("{}|{}|{project_name}", pair.0, pair.1),
            item: Item::CountyRow(Box::new(CountyRow {
                pairing,
                pairing_ref: in_ledger.unwrap_or(placeholder),
                project,
            })),
            existing,
            creates,
        }))
    }

    fn new_records(&self) -> (u32, u32) {
        self.parties.created
    }
}
