//! 季度汇总: one data model of the quarterly summary, for a quarter (or any as-of date) and a
//! scope (the city, a unit and its subtree, one action). Every figure comes from the
//! progress engine's APIs (`progress`, `action_summaries`, `progress_by_unit`,
//! `unit_ranking`, `trend`) and the registers; the writers (xlsx, docx, csv) only lay it out.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::lag_notes::{check_quarter, LagNote, LagNoteFilter};
use super::registers::{self, RegisterRows};
use super::rollup::{ranking, totals, unit_matrix, units_at};
use super::trend::{self, RateTrendPoint};
use crate::error::{LedgerError, Result};
use crate::ledger::{lookup_action, lookup_unit, Ledger};
use crate::model::{Period, UnitKind};
use crate::pacing::Quarter;
use crate::progress::{round_to, Engine, ProgressQuery, ProgressRow, Status, TrendPoint, UnitRank};
use crate::validate::EARLIEST;

/// What to summarise.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct SummaryQuery {
    /// The quarter reported on; default: the quarter of `as_of` (or of today).
    #[serde(default)]
    pub quarter: Option<Quarter>,
    /// Figures as of the end of this day, inside the quarter; default: the quarter's last
    /// day, or today while the quarter runs.
    #[serde(default)]
    pub as_of: Option<NaiveDate>,
    /// Unit id, code or name: that unit and its subtree; None: the whole city.
    #[serde(default)]
    pub unit: Option<String>,
    /// Action id, code or name; None: every action.
    #[serde(default)]
    pub action: Option<String>,
}

/// The quarterly summary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Summary {
    /// e.g. 临沂市统一战线服务现代化强市建设“五大行动”2024年第二季度工作进展情况
    pub title: String,
    /// The quarter reported on.
    pub quarter: Quarter,
    /// The reported period: the quarter's first day to the as-of date.
    pub period: Period,
    /// The day the figures are as of.
    pub as_of: NaiveDate,
    /// The day the summary was made (the ledger's today).
    pub made_on: NaiveDate,
    /// The scope unit (the city unless a unit was asked for).
    pub unit_id: String,
    /// The scope unit's name.
    pub unit: String,
    /// The action asked for, if one was (code).
    pub action: Option<String>,
    /// Completed ≥ this share of the expected value counts as 稍慢 rather than 滞后.
    pub slightly_behind_threshold: f64,
    /// Counts and means over every indicator in the summary.
    pub totals: Totals,
    /// One report per action in scope.
    pub actions: Vec<ActionReport>,
    /// Every direct sub-unit of the scope against every indicator.
    pub by_unit: UnitMatrix,
    /// The direct sub-units ranked, one group per kind of unit.
    pub ranking: Vec<RankingGroup>,
    /// The indicators behind pace (稍慢 or 滞后), with their lag notes.
    pub behind: Vec<BehindItem>,
    /// The register rows behind derived figures, within the reported period.
    pub registers: RegisterRows,
}

/// Counts over every indicator of the summary.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct Totals {
    /// How many indicators the summary covers.
    pub indicators: u32,
    /// How many of them have a target.
    pub with_target: u32,
    /// How many are done (已完成).
    pub done: u32,
    /// How many are on pace (序时达标).
    pub on_pace: u32,
    /// How many are slightly behind (稍慢).
    pub slightly_behind: u32,
    /// How many are behind (滞后).
    pub behind: u32,
    /// Mean completion rate over the indicators with a target.
    pub mean_completion_rate: Option<f64>,
    /// Mean expected share by pace (序时进度) over the same indicators.
    pub mean_expected_share: Option<f64>,
}

/// One action: its roll-up (as the overview cards compute it), every indicator and its
/// completion rate by quarter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ActionReport {
    /// The action's code.
    pub action: String,
    /// The action's Chinese name.
    pub action_name: String,
    /// The action's English name.
    pub action_name_en: String,
    /// The action's status over its indicators.
    pub status: Status,
    /// How many indicators the action has in scope.
    pub indicators: u32,
    /// How many of them have a target.
    pub with_target: u32,
    /// How many are done (已完成).
    pub done: u32,
    /// How many are on pace (序时达标).
    pub on_pace: u32,
    /// How many are slightly behind (稍慢).
    pub slightly_behind: u32,
    /// How many are behind (滞后).
    pub behind: u32,
    /// Mean completion rate over the indicators with a target.
    pub mean_completion_rate: Option<f64>,
    /// Mean expected share by pace (序时进度) over the same indicators.
    pub mean_expected_share: Option<f64>,
    /// Mean of min(completed / expected, 1): 1 means every indicator is on pace.
    pub pace_index: Option<f64>,
    /// Ids of the headline indicators (all when none is marked).
    pub headline_ids: Vec<String>,
    /// One line per indicator of the action.
    pub lines: Vec<IndicatorLine>,
    /// Mean completion rate and expected share over the action's indicators at each
    /// quarter's end.
    pub trend: Vec<RateTrendPoint>,
}

/// One indicator of the scope: its progress row, what the quarter added, its trend.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct IndicatorLine {
    /// The indicator's progress for the scope as of the as-of date.
    pub row: ProgressRow,
    /// Completed within the reported period (quarter start to as-of date).
    pub quarter_added: f64,
    /// Cumulative completion by quarter.
    pub trend: Vec<TrendPoint>,
}

/// Units × indicators: one progress row per direct sub-unit of the scope and indicator.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct UnitMatrix {
    /// The direct sub-units of the scope, in order.
    pub units: Vec<UnitColumn>,
    /// Row-major: for each unit in `units`, every indicator in the summary's order.
    pub rows: Vec<ProgressRow>,
}

/// One direct sub-unit of the scope, a column of the units × indicators table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct UnitColumn {
    /// The unit's UUID.
    pub unit_id: String,
    /// The unit's name.
    pub unit: String,
    /// What kind of unit it is.
    pub kind: UnitKind,
}

/// Units of one kind ranked together (like with like).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RankingGroup {
    /// The kind of the units in the group.
    pub kind: UnitKind,
    /// 区县, 功能区 …
    pub label: String,
    /// The units of that kind, best first.
    pub ranks: Vec<UnitRank>,
}

/// An indicator behind pace (稍慢 or 滞后) in the scope, with the note written for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct BehindItem {
    /// The indicator's progress for the scope.
    pub row: ProgressRow,
    /// Direct sub-units behind pace on it (滞后).
    pub lagging_units: Vec<String>,
    /// Direct sub-units slightly behind on it (稍慢).
    pub slow_units: Vec<String>,
    /// The lag note (滞后原因/整改措施) written for the indicator and quarter, if any.
    pub note: Option<LagNote>,
}

/// The quarter, as-of date and reported period a query asks for.
pub fn resolve_period(q: &SummaryQuery, today: NaiveDate) -> Result<(Quarter, NaiveDate)> {
    let quarter = q
        .quarter
        .unwrap_or_else(|| Quarter::containing(q.as_of.unwrap_or(today)));
    check_quarter(quarter, today)?;
    let as_of = q.as_of.unwrap_or_else(|| quarter.end().min(today));
    if !quarter.period().contains(as_of) {
        return Err(LedgerError::Invalid {
            field: "as_of",
            problem: format!(
                "{as_of} 不在 {quarter}（{} 至 {}）之内",
                quarter.start(),
                quarter.end()
            ),
        });
    }
    Ok((quarter, as_of))
}

/// Computes the quarterly summary.
pub fn quarterly_summary(ledger: &Ledger, q: &SummaryQuery) -> Result<Summary> {
    let (quarter, as_of) = resolve_period(q, ledger.today())?;
    let conn = ledger.conn();
    let scope = match q.unit.as_deref() {
        Some(k) => lookup_unit(conn, k)?,
        None => super::lag_notes::root_unit(conn)?,
    };
    let action = q
        .action
        .as_deref()
        .map(|k| lookup_action(conn, k))
        .transpose()?;
    let period = Period {
        start: quarter.start(),
        end: as_of,
    };
    let pq = ProgressQuery {
        as_of,
        unit: Some(scope.id.clone()),
        include_subunits: true,
        action: action.as_ref().map(|a| a.id.clone()),
        indicator: None,
    };
    let actions = action_reports(ledger, &pq, &scope.id, quarter)?;
    let by_unit = unit_matrix(ledger, &pq)?;
    let all_rows: Vec<&ProgressRow> = actions
        .iter()
        .flat_map(|a| a.lines.iter().map(|l| &l.row))
        .collect();
    let notes = ledger.lag_notes(&LagNoteFilter {
        quarter: Some(quarter),
        unit: Some(scope.id.clone()),
        indicator: None,
    })?;
    let behind = all_rows
        .iter()
        .filter(|r| matches!(r.status, Status::Behind | Status::SlightlyBehind))
        .map(|r| BehindItem {
            row: (*r).clone(),
            lagging_units: units_at(&by_unit, &r.indicator_id, Status::Behind),
            slow_units: units_at(&by_unit, &r.indicator_id, Status::SlightlyBehind),
            note: notes
                .iter()
                .find(|n| n.indicator_id == r.indicator_id)
                .cloned(),
        })
        .collect();
    Ok(Summary {
        title: super::prose::title(
            &scope.name,
            action.as_ref().map(|a| a.name.as_str()),
            quarter,
        ),
        quarter,
        period,
        as_of,
        made_on: ledger.today(),
        unit_id: scope.id.clone(),
        unit: scope.name.clone(),
        action: action.map(|a| a.code),
        slightly_behind_threshold: ledger.settings()?.slightly_behind_threshold,
        totals: totals(&all_rows),
        ranking: ranking(ledger, &pq, &by_unit)?,
        registers: registers::rows_behind(ledger, &all_rows, &scope.id, period)?,
        actions,
        by_unit,
        behind,
    })
}

fn action_reports(
    ledger: &Ledger,
    pq: &ProgressQuery,
    scope: &str,
    quarter: Quarter,
) -> Result<Vec<ActionReport>> {
    let mut engine = ledger.engine(pq.as_of)?;
    let scope_idx = engine.scope(Some(scope))?;
    let mut out = Vec::new();
    for s in ledger.action_summaries(pq)? {
        let mut lines = Vec::new();
        for row in &s.rows {
            let mut points = trend::indicator_trend(ledger, &row.indicator_id, scope, pq.as_of)?;
            trend::exact_cumulative(&mut engine, scope_idx, row, &mut points)?;
            lines.push(IndicatorLine {
                quarter_added: added_in_quarter(&mut engine, scope_idx, row, quarter)?,
                trend: points,
                row: row.clone(),
            });
        }
        out.push(ActionReport {
            trend: trend::rate_trend(&lines),
            headline_ids: s.headlines.iter().map(|r| r.indicator_id.clone()).collect(),
            action: s.action,
            action_name: s.action_name,
            action_name_en: s.action_name_en,
            status: s.status,
            indicators: s.indicators,
            with_target: s.with_target,
            done: s.done,
            on_pace: s.on_pace,
            slightly_behind: s.slightly_behind,
            behind: s.behind,
            mean_completion_rate: s.mean_completion_rate,
            mean_expected_share: s.mean_expected_share,
            pace_index: s.pace_index,
            lines,
        });
    }
    Ok(out)
}

/// What the quarter added to the row's completed value: the completed value less what had
/// been completed in the same window by the day before the quarter began. Exact for sums and
/// for distinct counts alike (an enterprise paired again this quarter is not new).
fn added_in_quarter(
    engine: &mut Engine<'_>,
    scope: usize,
    row: &ProgressRow,
    quarter: Quarter,
) -> Result<f64> {
    let ind = engine
        .select_indicators(None, Some(&row.indicator_id))?
        .remove(0);
    let (from, end) = row
        .period
        .map_or((EARLIEST, row.as_of), |p| (p.start, p.end.min(row.as_of)));
    let before = quarter.start().pred_opt().unwrap_or(from).min(end);
    let earlier = engine.completed(&ind, scope, true, from, before)?;
    Ok(round_to(row.completed - earlier, row.decimals))
}
