//! 审核: one unit's return beside its previous period and its pace (序时进度), per
//! indicator of the table the unit was sent, with the entries of the period and their
//! corrections ("报送 12 / 更正 10"). Every figure comes from the progress engine.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::open::by_period;
use super::send::unit_indicators;
use super::steps::member;
use super::{Correction, RoundPeriod, UnitState};
use crate::error::Result;
use crate::import::returns::HeldReturn;
use crate::ledger::Ledger;
use crate::progress::{Engine, Status};

/// One entry of the period, as the reviewer may correct it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ReviewEntry {
    /// The entry's UUID.
    pub id: String,
    /// The day the entry is dated.
    pub occurred_on: chrono::NaiveDate,
    /// The value now (corrected, when it was).
    pub value: f64,
    /// As the unit reported it, when a reviewer corrected it since.
    pub reported: Option<f64>,
    /// Every correction, oldest first.
    pub corrections: Vec<Correction>,
}

/// One indicator of a unit's review.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ReviewLine {
    /// The indicator's UUID.
    pub indicator_id: String,
    /// The indicator's code.
    pub code: String,
    /// The indicator's name.
    pub name: String,
    /// The indicator's unit of measure.
    pub measure: String,
    /// How many decimal places its figures have.
    pub decimals: u8,
    /// Counted from registers (not reported by the unit).
    pub derived: bool,
    /// The target that applies at the period's end, when there is one.
    pub year_target: Option<f64>,
    /// 本期: the unit's figure (with its sub-units) in the round's period.
    pub this_period: f64,
    /// 上期: the same in the period before.
    pub previous: f64,
    /// 累计: January 1st to the period's end.
    pub year_to_date: f64,
    /// 序时进度: the value expected by the period's end.
    pub expected: Option<f64>,
    /// Completed over target at the period's end, when there is a target.
    pub completion_rate: Option<f64>,
    /// Expected over target at the period's end, when there is a target.
    pub expected_share: Option<f64>,
    /// Where the indicator stands at the period's end.
    pub status: Status,
    /// The unit's own entries dated in the period.
    pub entries: Vec<ReviewEntry>,
}

/// 审核: a unit's return for a round.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct UnitReview {
    /// The unit's name.
    pub unit: String,
    /// The unit's UUID.
    pub unit_id: String,
    /// 2024年第三季度
    pub label: String,
    /// 2024年第二季度
    pub previous_label: String,
    /// The unit's state in the round.
    pub state: UnitState,
    /// The return file that came in, if one did.
    pub held: Option<HeldReturn>,
    /// One line per indicator the unit reports.
    pub lines: Vec<ReviewLine>,
}

impl Ledger {
    /// The review of `unit`'s return in the round of `period`.
    pub fn unit_review(&self, unit: &str, period: RoundPeriod) -> Result<UnitReview> {
        let conn = self.conn();
        let m = member(conn, unit, period)?;
        let round = by_period(conn, period)?;
        let prev = period.previous();
        let (this, before) = (period.period(), prev.period());
        let mut engine = Engine::new(conn, round.period_end)?;
        let scope = engine.scope(Some(&m.unit.id))?;
        let all = engine.select_indicators(None, None)?;
        let indicators = unit_indicators(&mut engine, &all, scope, &m.unit, self)?;
        let jan1 = period.first_day_of_year();
        let entries = self.period_entries(&m.unit.id, this.start, this.end)?;
        let ids: Vec<String> = entries.iter().map(|e| e.id.clone()).collect();
        let mut corrections = self.corrections(&ids)?;
        let mut lines = Vec::with_capacity(indicators.len());
        for ind in &indicators {
            let row = engine.row(ind, scope, true)?;
            let own: Vec<ReviewEntry> = entries
                .iter()
                .filter(|e| e.indicator_id == ind.id)
                .map(|e| {
                    let list = corrections.remove(&e.id).unwrap_or_default();
                    ReviewEntry {
                        id: e.id.clone(),
                        occurred_on: e.occurred_on,
                        value: e.value,
                        reported: list.first().map(|c| c.reported),
                        corrections: list,
                    }
                })
                .collect();
            lines.push(ReviewLine {
                indicator_id: ind.id.clone(),
                code: ind.code.clone(),
                name: ind.name.clone(),
                measure: ind.measure.clone(),
                decimals: ind.decimals,
                derived: engine.derivation(&ind.id).is_some(),
                year_target: row.target,
                this_period: engine.completed(ind, scope, true, this.start, this.end)?,
                previous: engine.completed(ind, scope, true, before.start, before.end)?,
                year_to_date: engine.completed(ind, scope, true, jan1, this.end)?,
                expected: row.expected,
                completion_rate: row.completion_rate,
                expected_share: row.expected_share,
                status: row.status,
                entries: own,
            });
        }
        Ok(UnitReview {
            held: crate::import::returns::held_return(self, &m.unit.id, &period.key())?,
            unit: m.unit.name,
            unit_id: m.unit.id,
            label: period.label_zh(),
            previous_label: prev.label_zh(),
            state: m.state,
            lines,
        })
    }

    /// The unit's own entries dated in [from, to], oldest first.
    fn period_entries(
        &self,
        unit_id: &str,
        from: chrono::NaiveDate,
        to: chrono::NaiveDate,
    ) -> Result<Vec<crate::model::Entry>> {
        let mut list = self.entries(&crate::model::EntryFilter {
            unit: Some(unit_id.to_string()),
            include_subunits: Some(false),
            from: Some(from),
            to: Some(to),
            limit: Some(100_000),
            ..Default::default()
        })?;
        list.reverse();
        Ok(list)
    }
}
