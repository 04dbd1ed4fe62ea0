//! Roll-ups of the summary built from the progress engine's rows: totals over every
//! indicator, the units × indicators matrix, the ranking per kind of unit.

use super::summary::{RankingGroup, Totals, UnitColumn, UnitMatrix};
use crate::error::Result;
use crate::ledger::{read_units, Ledger};
use crate::model::UnitKind;
use crate::progress::{ProgressQuery, ProgressRow, RankingQuery, Status};

/// The direct sub-units whose row of the indicator has the status.
pub(super) fn units_at(m: &UnitMatrix, indicator_id: &str, status: Status) -> Vec<String> {
    m.rows
        .iter()
        .filter(|u| u.indicator_id == indicator_id && u.status == status)
        .map(|u| u.unit.clone())
        .collect()
}

pub(super) fn totals(rows: &[&ProgressRow]) -> Totals {
    let count = |s: Status| rows.iter().filter(|r| r.status == s).count() as u32;
    let mean = |v: Vec<f64>| (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64);
    Totals {
        indicators: rows.len() as u32,
        with_target: rows.iter().filter(|r| r.target.is_some()).count() as u32,
        done: count(Status::Done),
        on_pace: count(Status::OnPace),
        slightly_behind: count(Status::SlightlyBehind),
        behind: count(Status::Behind),
        mean_completion_rate: mean(rows.iter().filter_map(|r| r.completion_rate).collect()),
        mean_expected_share: mean(rows.iter().filter_map(|r| r.expected_share).collect()),
    }
}

/// The scope's direct sub-units with anything to show (a target or a completed value).
pub(super) fn unit_matrix(ledger: &Ledger, pq: &ProgressQuery) -> Result<UnitMatrix> {
    let rows = ledger.progress_by_unit(pq)?;
    let units = read_units(ledger.conn(), true)?;
    let mut out = UnitMatrix::default();
    let mut i = 0;
    while i < rows.len() {
        let unit_id = rows[i].unit_id.clone();
        let end = rows[i..]
            .iter()
            .position(|r| r.unit_id != unit_id)
            .map_or(rows.len(), |n| i + n);
        let block = &rows[i..end];
        if block
            .iter()
            .any(|r| r.target.is_some() || r.completed > 0.0)
        {
            let unit = units.iter().find(|u| u.id == unit_id);
            out.units.push(UnitColumn {
                unit_id: unit_id.clone(),
                unit: block[0].unit.clone(),
                kind: unit.map_or(UnitKind::Other, |u| u.kind),
            });
            out.rows.extend_from_slice(block);
        }
        i = end;
    }
    Ok(out)
}

/// The unit ranking, one group per kind of unit present among the sub-units.
pub(super) fn ranking(
    ledger: &Ledger,
    pq: &ProgressQuery,
    m: &UnitMatrix,
) -> Result<Vec<RankingGroup>> {
    let kinds = [
        UnitKind::County,
        UnitKind::Zone,
        UnitKind::Department,
        UnitKind::Party,
        UnitKind::Other,
    ];
    let mut out = Vec::new();
    for kind in kinds {
        if !m.units.iter().any(|u| u.kind == kind) {
            continue;
        }
        let ranks = ledger.unit_ranking(&RankingQuery {
            as_of: pq.as_of,
            parent: pq.unit.clone(),
            action: pq.action.clone(),
            kind: Some(kind),
        })?;
        if !ranks.is_empty() {
            out.push(RankingGroup {
                kind,
                label: kind.label_zh().to_string(),
                ranks,
            });
        }
    }
    Ok(out)
}
