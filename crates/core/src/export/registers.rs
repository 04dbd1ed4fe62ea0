//! The register rows behind the summary's derived figures: pairings, cooperation projects
//! and activity rows of the scope, dated within the reported period.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;
use crate::ledger::Ledger;
use crate::model::Period;
use crate::progress::ProgressRow;
use crate::register::activity::{RegisterFilter, RegisterRow, RegisterType};
use crate::register::derive::DerivedSource;
use crate::register::pairing::{Pairing, PairingFilter};
use crate::register::project::{Project, ProjectFilter};

/// At most this many rows of one register are listed (the total says how many matched).
pub const MAX_REGISTER_ROWS: u32 = 50_000;

/// The register rows behind a summary's derived figures, dated in its reported period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RegisterRows {
    /// Rows dated in this window are listed: the reported period.
    pub window: Period,
    /// The pairings, when an indicator in scope is derived from them.
    pub pairings: Option<PairingRows>,
    /// The cooperation projects, when an indicator in scope is derived from them.
    pub projects: Option<ProjectRows>,
    /// One list per activity register an indicator in scope is derived from.
    pub activities: Vec<ActivityRows>,
}

/// The pairings (结对) behind derived figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PairingRows {
    /// Names of the indicators derived from this register.
    pub indicators: Vec<String>,
    /// The pairings listed, at most [`MAX_REGISTER_ROWS`].
    pub rows: Vec<Pairing>,
    /// How many pairings matched in all.
    #[ts(type = "number")]
    pub total: u64,
}

/// The cooperation projects (合作项目) behind derived figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ProjectRows {
    /// Names of the indicators derived from this register.
    pub indicators: Vec<String>,
    /// The projects listed, at most [`MAX_REGISTER_ROWS`].
    pub rows: Vec<Project>,
    /// How many projects matched in all.
    #[ts(type = "number")]
    pub total: u64,
}

/// One activity register's rows behind derived figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ActivityRows {
    /// The register's type.
    pub register: RegisterType,
    /// Names of the indicators derived from this register.
    pub indicators: Vec<String>,
    /// The rows listed, at most [`MAX_REGISTER_ROWS`].
    pub rows: Vec<RegisterRow>,
    /// How many rows matched in all.
    #[ts(type = "number")]
    pub total: u64,
}

/// The registers that the rows' derived indicators count, with their rows in the window.
pub fn rows_behind(
    ledger: &Ledger,
    rows: &[&ProgressRow],
    scope: &str,
    window: Period,
) -> Result<RegisterRows> {
    let derived: Vec<(&ProgressRow, &crate::register::derive::Derivation)> = rows
        .iter()
        .filter_map(|r| r.derivation.as_ref().map(|d| (*r, d)))
        .collect();
    let names = |pick: &dyn Fn(&crate::register::derive::Derivation) -> bool| -> Vec<String> {
        derived
            .iter()
            .filter(|(_, d)| pick(d))
            .map(|(r, _)| r.indicator.clone())
            .collect()
    };
    let mut out = RegisterRows {
        window,
        pairings: None,
        projects: None,
        activities: Vec::new(),
    };
    let unit = Some(scope.to_string());
    let limit = Some(MAX_REGISTER_ROWS);
    let pairing_names = names(&|d| d.source == DerivedSource::Pairing);
    if !pairing_names.is_empty() {
        let page = ledger.pairings(&PairingFilter {
            unit: unit.clone(),
            from: Some(window.start),
            to: Some(window.end),
            limit,
            ..Default::default()
        })?;
        let mut rows = page.rows;
        rows.reverse(); // oldest first, as a register is read
        out.pairings = Some(PairingRows {
            indicators: pairing_names,
            rows,
            total: page.total,
        });
    }
    let project_names = names(&|d| d.source == DerivedSource::CoopProject);
    if !project_names.is_empty() {
        let page = ledger.projects(&ProjectFilter {
            unit: unit.clone(),
            from: Some(window.start),
            to: Some(window.end),
            limit,
            ..Default::default()
        })?;
        let mut rows = page.rows;
        rows.reverse();
        out.projects = Some(ProjectRows {
            indicators: project_names,
            rows,
            total: page.total,
        });
    }
    let mut codes: Vec<String> = Vec::new();
    for (_, d) in &derived {
        if let Some(code) = d
            .register
            .as_ref()
            .filter(|_| d.source == DerivedSource::Register)
        {
            if !codes.contains(code) {
                codes.push(code.clone());
            }
        }
    }
    for code in codes {
        let register = ledger.register_type(&code)?;
        let page = ledger.register_rows(&RegisterFilter {
            register: code.clone(),
            unit: unit.clone(),
            from: Some(window.start),
            to: Some(window.end),
            limit,
            ..Default::default()
        })?;
        let mut rows = page.rows;
        rows.sort_by(|a, b| a.occurred_on.cmp(&b.occurred_on).then(a.id.cmp(&b.id)));
        out.activities.push(ActivityRows {
            indicators: names(&|d| d.register.as_deref() == Some(code.as_str())),
            register,
            rows,
            total: page.total,
        });
    }
    Ok(out)
}
