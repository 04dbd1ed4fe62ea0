//! 下发: the table each unit of a round fills in — its indicators with the year target and
//! what the ledger already holds for the year before the period, 本期 and 累计 to fill,
//! 滞后原因/整改措施 for the indicators behind pace — one .xlsx per unit, named
//! `兰山区_2024年第三季度_统计表.xlsx`, written beside and renamed into place. A hidden
//! sheet `_taizhang` carries the round, the unit and a checksum so that a return is
//! recognised when it comes back (the returns import reads it).

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use super::open::by_period;
use super::{sheet, Round, RoundPeriod};
use crate::error::{LedgerError, Result};
use crate::ledger::Ledger;
use crate::model::{Actor, Indicator, Unit};
use crate::progress::{Engine, Status};

/// The hidden sheet's `format` value; a reader refuses another.
pub const RETURN_FORMAT: &str = "taizhang-return/1";
/// The hidden sheet's name.
pub const META_SHEET: &str = "_taizhang";
/// The visible sheet's name.
pub const TABLE_SHEET: &str = "统计表";
/// The heading row, exactly (the returns import matches it).
pub const HEADINGS: [&str; 11] = [
    "序号",
    "指标编码",
    "指标名称",
    "计量单位",
    "年度目标",
    "此前累计",
    "本期",
    "累计",
    "备注",
    "滞后原因",
    "整改措施",
];

/// One indicator's row of a unit's table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TableRow {
    /// The indicator's UUID.
    pub indicator_id: String,
    /// The indicator's code, which the return is matched by.
    pub code: String,
    /// The indicator's name.
    pub name: String,
    /// The indicator's unit of measure.
    pub measure: String,
    /// How many decimal places its figures have.
    pub decimals: u8,
    /// The target that applies at the period's end (the unit's own, or its sub-units').
    pub year_target: Option<f64>,
    /// 此前累计: the unit's figure from January 1st up to the day before the period.
    pub before: f64,
    /// For a derived indicator, the registers' figure for the period (read-only); None for
    /// a typed one (the unit fills it in).
    pub derived_this_period: Option<f64>,
    /// The register a derived figure is counted from.
    pub register: Option<String>,
    /// Behind (or slightly behind) pace at the period's end: 滞后原因/整改措施 highlighted.
    pub behind: bool,
}

/// The table of one unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct UnitTable {
    /// 临沂市五大行动2024年第三季度进展情况统计表
    pub title: String,
    /// The name of the unit the table is for.
    pub unit: String,
    /// The UUID of that unit.
    pub unit_id: String,
    /// The UUID of the round the table is sent in.
    pub round_id: String,
    /// 2024Q3 (the hidden sheet's `quarter`)
    pub quarter: String,
    /// The round's label (2024年第三季度).
    pub label: String,
    /// The period's first day.
    pub period_start: NaiveDate,
    /// The period's last day.
    pub period_end: NaiveDate,
    /// The hidden sheet's checksum (SHA-256 of format, period, unit and round), checked when the table comes back.
    pub checksum: String,
    /// One row per indicator the unit reports.
    pub rows: Vec<TableRow>,
}

/// What `round send` wrote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SendReport {
    /// The round's label.
    pub label: String,
    /// One file per unit, as written.
    pub files: Vec<SentFile>,
}

/// One unit's table as `round send` wrote it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SentFile {
    /// The unit's name.
    pub unit: String,
    /// Where the table was written.
    pub path: String,
    /// How many indicators the table lists.
    pub indicators: u32,
    /// How many of them are behind pace at the period's end.
    pub behind: u32,
}

/// Lowercase hex SHA-256 of `format|quarter|unit_id|round_id`.
pub fn checksum(quarter: &str, unit_id: &str, round_id: &str) -> String {
    let digest = Sha256::digest(format!("{RETURN_FORMAT}|{quarter}|{unit_id}|{round_id}"));
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// `兰山区_2024年第三季度_统计表.xlsx`, with characters no file name may hold replaced.
pub fn file_name(unit: &str, period: RoundPeriod) -> String {
    let safe: String = unit
        .chars()
        .map(|c| if "/\\:*?\"<>|".contains(c) { '_' } else { c })
        .collect();
    format!("{safe}_{}_统计表.xlsx", period.label_zh())
}

/// The indicators a unit reports: every active indicator of the actions in which it (or
/// its sub-units) has a target, an entry or a register figure; every active indicator
/// when it has none of these yet.
pub(crate) fn unit_indicators(
    engine: &mut Engine<'_>,
    all: &[Indicator],
    scope: usize,
    unit: &Unit,
    ledger: &Ledger,
) -> Result<Vec<Indicator>> {
    let conn = ledger.conn();
    let mut actions: HashSet<String> = HashSet::new();
    let mut stmt = conn.prepare_cached(
        "SELECT i.action_id FROM indicator i WHERE EXISTS (SELECT 1 FROM target t WHERE t.indicator_id = i.id AND t.unit_id = ?1)
            OR EXISTS (SELECT 1 FROM progress_entry e WHERE e.unit_id = ?1 AND e.indicator_id = i.id)",
    )?;
    for a in stmt.query_map([&unit.id], |r| r.get::<_, String>(0))? {
        actions.insert(a?);
    }
    let early = NaiveDate::from_ymd_opt(2000, 1, 1).expect("valid");
    let as_of = engine.as_of();
    let derived: Vec<&Indicator> = all
        .iter()
        .filter(|i| engine.derivation(&i.id).is_some())
        .collect();
    for ind in derived {
        if !actions.contains(&ind.action_id)
            && engine.completed(ind, scope, true, early, as_of)? > 0.0
        {
            actions.insert(ind.action_id.clone());
        }
    }
    Ok(all
        .iter()
        .filter(|i| actions.is_empty() || actions.contains(&i.action_id))
        .cloned()
        .collect())
}

/// The table of one unit of a round.
pub(crate) fn unit_table(ledger: &Ledger, round: &Round, unit: &Unit) -> Result<UnitTable> {
    let conn = ledger.conn();
    let mut engine = Engine::new(conn, round.period_end)?;
    let scope = engine.scope(Some(&unit.id))?;
    let all = engine.select_indicators(None, None)?;
    let indicators = unit_indicators(&mut engine, &all, scope, unit, ledger)?;
    let jan1 = round.period.first_day_of_year();
    let day_before = round.period_start.pred_opt().unwrap_or(round.period_start);
    let mut rows = Vec::with_capacity(indicators.len());
    for ind in &indicators {
        let before = engine.completed(ind, scope, true, jan1, day_before)?;
        let derivation = engine.derivation(&ind.id).cloned();
        let derived_this_period = match &derivation {
            Some(_) => {
                Some(engine.completed(ind, scope, true, round.period_start, round.period_end)?)
            }
            None => None,
        };
        let progress = engine.row(ind, scope, true)?;
        rows.push(TableRow {
            indicator_id: ind.id.clone(),
            code: ind.code.clone(),
            name: ind.name.clone(),
            measure: ind.measure.clone(),
            decimals: ind.decimals,
            year_target: progress.target,
            before,
            derived_this_period,
            register: derivation.map(|d| d.register_label(conn)),
            behind: matches!(progress.status, Status::Behind | Status::SlightlyBehind),
        });
    }
    let city = crate::export::lag_notes::root_unit(conn)
        .map(|u| u.name)
        .unwrap_or_default();
    let quarter = round.period.key();
    Ok(UnitTable {
        title: format!("{city}五大行动{}进展情况统计表", round.label),
        unit: unit.name.clone(),
        unit_id: unit.id.clone(),
        round_id: round.id.clone(),
        checksum: checksum(&quarter, &unit.id, &round.id),
        quarter,
        label: round.label.clone(),
        period_start: round.period_start,
        period_end: round.period_end,
        rows,
    })
}

impl Ledger {
    /// The table of every unit of a round, in the board's order.
    pub fn round_tables(&self, period: RoundPeriod) -> Result<Vec<UnitTable>> {
        let round = by_period(self.conn(), period)?;
        let board = super::board::board(self.conn(), &round, self.today())?;
        board
            .iter()
            .map(|b| {
                let unit = crate::ledger::lookup_unit(self.conn(), &b.unit_id)?;
                unit_table(self, &round, &unit)
            })
            .collect()
    }
}

/// `round send`: one .xlsx per unit into `dir` (which must exist), then a `send` step in
/// the round's history. A file that cannot be written stops the send with `write_failed`;
/// files already written stay (each is complete: written beside, renamed into place).
pub fn send_round(
    ledger: &mut Ledger,
    actor: &Actor,
    period: RoundPeriod,
    dir: &Path,
) -> Result<SendReport> {
    if !dir.is_dir() {
        return Err(LedgerError::WriteFile {
            path: dir.display().to_string(),
            reason: "文件夹不存在".into(),
        });
    }
    let round = by_period(ledger.conn(), period)?;
    let tables = ledger.round_tables(period)?;
    let mut files = Vec::with_capacity(tables.len());
    for table in &tables {
        let bytes = sheet::workbook(table).map_err(|e| LedgerError::ExportFailed {
            what: "统计表",
            reason: e.to_string(),
        })?;
        let path: PathBuf = dir.join(file_name(&table.unit, period));
        crate::export::write_file(&path, &bytes)?;
        files.push(SentFile {
            unit: table.unit.clone(),
            path: path.display().to_string(),
            indicators: table.rows.len() as u32,
            behind: table.rows.iter().filter(|r| r.behind).count() as u32,
        });
    }
    let note = format!("{} 个单位", files.len());
    ledger.write(actor, |w| w.round_event(&round.id, None, "send", &note))?;
    Ok(SendReport {
        label: round.label,
        files,
    })
}
