//! 指标: list, add, change, archive.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::actions::check_code;
use super::{lookup, rows, Ledger, Writer};
use crate::error::{LedgerError, Result};
use crate::model::{Indicator, NewIndicator};
use crate::pacing::Pacing;
use crate::text::{optional, TextKind};
use crate::validate::{check_ceiling, check_text};

/// Changes to an indicator; a None leaves the field as it is.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct IndicatorChange {
    /// The new Chinese name.
    pub name: Option<String>,
    /// The new English name.
    pub name_en: Option<String>,
    /// The new unit of measure.
    pub measure: Option<String>,
    /// Whether it is now a headline figure.
    pub headline: Option<bool>,
    /// The new number of decimal places.
    pub decimals: Option<u8>,
    /// The new pacing curve.
    pub pacing: Option<Pacing>,
    /// Whether it is now archived.
    pub archived: Option<bool>,
    /// A new plausibility ceiling of its values and targets.
    #[serde(default)]
    pub max_value: Option<f64>,
}

impl Ledger {
    /// Indicators in display order (by action, then indicator), optionally of one action.
    pub fn indicators(
        &self,
        action: Option<&str>,
        include_archived: bool,
    ) -> Result<Vec<Indicator>> {
        list(self.conn(), action, include_archived)
    }

    /// One indicator, by its id, code or exact name.
    pub fn indicator(&self, key: &str) -> Result<Indicator> {
        lookup::indicator(self.conn(), key)
    }
}

pub(crate) fn list(
    conn: &rusqlite::Connection,
    action: Option<&str>,
    include_archived: bool,
) -> Result<Vec<Indicator>> {
    let action_id = action
        .map(|k| lookup::action(conn, k))
        .transpose()?
        .map(|a| a.id);
    let sql = format!(
        "SELECT {} FROM {} WHERE (?1 IS NULL OR i.action_id = ?1) AND ((i.archived = 0 AND a.archived = 0) OR ?2)
         ORDER BY a.sort_order, i.sort_order, i.code",
        rows::INDICATOR_COLS,
        rows::INDICATOR_FROM
    );
    let mut stmt = conn.prepare(&sql)?;
    let out = stmt
        .query_map(
            rusqlite::params![action_id, include_archived],
            rows::indicator,
        )?
        .collect::<rusqlite::Result<_>>()?;
    Ok(out)
}

impl Writer<'_> {
    /// Creates an indicator under an action, after checking its code and texts.
    pub fn add_indicator(&mut self, new: NewIndicator) -> Result<Indicator> {
        let action = lookup::action(self.conn(), &new.action)?;
        let code = check_code(&new.code)?;
        let name = check_text("name", &new.name, 80)?;
        let measure = check_text("measure", &new.measure, 8)?;
        let name_en = optional("name_en", &new.name_en, TextKind::Name)?;
        check_decimals(new.decimals)?;
        if lookup::indicator(self.conn(), &code).is_ok() {
            return Err(LedgerError::Duplicate {
                what: "指标编码",
                key: code,
            });
        }
        let order: i64 = self.conn().query_row(
            "SELECT COALESCE(MAX(sort_order), 0) + 1 FROM indicator WHERE action_id = ?1",
            [&action.id],
            |r| r.get(0),
        )?;
        let id = self.id_for(|| format!("indicator/{code}"));
        self.tx.execute(
            "INSERT INTO indicator (id, action_id, code, name, name_en, measure, headline, decimals, pacing,
                                    sort_order, archived, created_at, created_by, updated_at, updated_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 0, ?11, ?12, ?11, ?12)",
            rusqlite::params![
                id, action.id, code, name, name_en, measure, new.headline, new.decimals,
                new.pacing.as_str(), order, self.now, self.actor.name
            ],
        )?;
        lookup::indicator(self.conn(), &id)
    }

    /// Changes an indicator's fields (those given), its ceiling kept in the `setting` table.
    pub fn change_indicator(&mut self, key: &str, change: IndicatorChange) -> Result<Indicator> {
        let ind = lookup::indicator(self.conn(), key)?;
        let name = change
            .name
            .as_deref()
            .map(|n| check_text("name", n, 80))
            .transpose()?;
        let measure = change
            .measure
            .as_deref()
            .map(|m| check_text("measure", m, 8))
            .transpose()?;
        let name_en = change
            .name_en
            .as_deref()
            .map(|n| optional("name_en", n, TextKind::Name))
            .transpose()?;
        if let Some(d) = change.decimals {
            check_decimals(d)?;
            if d < ind.decimals {
                self.check_no_finer_values(&ind.id, d)?;
            }
        }
        if let Some(m) = change.max_value {
            check_ceiling(m)?;
            self.check_nothing_above(&ind.id, m)?;
            self.tx.execute(
                "INSERT INTO setting (key, value, updated_at, updated_by) VALUES ('max_value/' || ?1, ?2, ?3, ?4)
                 ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at,
                                                updated_by = excluded.updated_by",
                rusqlite::params![ind.id, m.to_string(), self.now, self.actor.name],
            )?;
        }
        self.tx.execute(
            "UPDATE indicator SET name = COALESCE(?2, name), name_en = COALESCE(?3, name_en),
                    measure = COALESCE(?4, measure), headline = COALESCE(?5, headline),
                    decimals = COALESCE(?6, decimals), pacing = COALESCE(?7, pacing),
                    archived = COALESCE(?8, archived), updated_at = ?9, updated_by = ?10
             WHERE id = ?1",
            rusqlite::params![
                ind.id,
                name,
                name_en,
                measure,
                change.headline,
                change.decimals,
                change.pacing.map(Pacing::as_str),
                change.archived,
                self.now,
                self.actor.name
            ],
        )?;
        lookup::indicator(self.conn(), &ind.id)
    }

    /// Lowering the ceiling must not leave a recorded value or a target above it.
    fn check_nothing_above(&self, indicator_id: &str, ceiling: f64) -> Result<()> {
        let highest: Option<f64> = self.conn().query_row(
            "SELECT MAX(v) FROM (SELECT MAX(value) AS v FROM progress_entry WHERE indicator_id = ?1
                                 UNION ALL SELECT MAX(value) FROM target WHERE indicator_id = ?1)",
            [indicator_id],
            |r| r.get(0),
        )?;
        match highest {
            Some(v) if v > ceiling => Err(LedgerError::Invalid {
                field: "max_value",
                problem: format!(
                    "已有数值 {} 超过 {}，不能把上限设得更低",
                    v,
                    crate::error::grouped(ceiling)
                ),
            }),
            _ => Ok(()),
        }
    }

    /// Lowering the decimal places must not leave recorded values that no longer fit.
    fn check_no_finer_values(&self, indicator_id: &str, decimals: u8) -> Result<()> {
        let scale = 10f64.powi(i32::from(decimals));
        let mut stmt = self
            .conn()
            .prepare("SELECT value FROM progress_entry WHERE indicator_id = ?1")?;
        let values = stmt.query_map([indicator_id], |r| r.get::<_, f64>(0))?;
        for v in values {
            let v = v?;
            if ((v * scale) - (v * scale).round()).abs() > 1e-6 {
                return Err(LedgerError::Invalid {
                    field: "decimals",
                    problem: format!("已有完成值 {v} 的小数位多于 {decimals} 位，不能减少小数位数"),
                });
            }
        }
        Ok(())
    }
}

fn check_decimals(d: u8) -> Result<()> {
    if d > 4 {
        return Err(LedgerError::Invalid {
            field: "decimals",
            problem: "应在 0 到 4 之间".into(),
        });
    }
    Ok(())
}
