//! 示例数据: the release's figures (shared/seed/figures.csv) as a working ledger.
//!
//! Loads Linyi's units, one indicator per figure, illustrative targets for the campaign
//! 2022-01-01 … 2024-12-31 and progress entries spread over units and dates from 2022-01-01
//! to 2024-06-30 so that the city totals as of 2024-06-30 equal the release exactly. It is
//! deterministic (same ids, values and dates on every machine); targets and entries are
//! marked `is_sample` and [`remove`] deletes them in one step, keeping the units, the
//! indicators and everything a user entered.

pub mod registers;
mod spread;
pub mod units;

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{LedgerError, Result};
use crate::ledger::{Ledger, Writer};
use crate::model::{Actor, NewEntry, NewIndicator, NewTarget, NewUnit, Period};
use crate::pacing::Pacing;
use spread::{apportion, nice, split_positive, Rng};

/// The release's figures, as shipped in shared/seed/figures.csv.
pub const FIGURES_CSV: &str = include_str!("figures.csv");
/// Meta key and value marking that the sample is loaded.
const META_KEY: &str = "sample_loaded";
const META_VALUE: &str = "linyi-five-actions-2024-07";
/// Set once the desktop app has offered the sample, so removing it is final.
const OFFERED_KEY: &str = "sample_offered";
/// Namespace of the sample's stable UUIDs.
const NAMESPACE: uuid::Uuid = uuid::Uuid::from_u128(0x6c1f_0d7a_5b2e_4f7e_9a34_2c8e_11d0_2024);

/// The day as of which the sample's city totals equal the release's figures: 2024-06-30.
pub fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 6, 30).expect("valid")
}
/// The sample campaign's period, 2022 to 2024, over which its targets run.
pub fn campaign() -> Period {
    Period {
        start: NaiveDate::from_ymd_opt(2022, 1, 1).expect("valid"),
        end: NaiveDate::from_ymd_opt(2024, 12, 31).expect("valid"),
    }
}

/// One row of figures.csv.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Figure {
    /// The action's code (e.g. `advice`).
    pub action: String,
    /// The action's Chinese name (建言献策 …).
    pub action_zh: String,
    /// The indicator's Chinese name as the release words it.
    pub indicator_zh: String,
    /// The indicator's English name.
    pub indicator_en: String,
    /// The figure the release reports.
    pub value: u64,
    /// The figure's measure (处, 名, 条 …).
    pub unit: String,
    /// 余 when the release gives the figure as "more than", else empty.
    pub approx: String,
    /// `yes` for a headline indicator, else empty.
    pub headline: String,
}

/// Every row of the embedded figures.csv, in order.
pub fn figures() -> Vec<Figure> {
    csv::Reader::from_reader(FIGURES_CSV.as_bytes())
        .deserialize()
        .collect::<std::result::Result<_, _>>()
        .expect("the embedded figures.csv is valid")
}

/// What a load or removal did.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct SampleReport {
    /// Units written (or removed).
    pub units: u32,
    /// Indicators written (or removed).
    pub indicators: u32,
    /// Targets written (or removed).
    pub targets: u32,
    /// Entries written (or removed).
    pub entries: u32,
    /// Register rows: enterprises' pairings, projects, activity rows.
    pub registers: u32,
    /// The sample was loaded already and nothing was written.
    pub already_loaded: bool,
}

impl Ledger {
    /// Whether the sample data is loaded in this ledger.
    pub fn has_sample(&self) -> Result<bool> {
        Ok(self.meta(META_KEY)?.is_some())
    }

    /// The day the window shows figures as of when it opens: the sample's [`as_of`] while the
    /// sample is loaded (its figures are complete on that day), else today.
    pub fn default_as_of(&self) -> Result<NaiveDate> {
        Ok(if self.has_sample()? {
            as_of()
        } else {
            self.today()
        })
    }
}

/// Loads the sample. Refuses (SampleOverData) when the ledger already holds entries of a
/// user, unless `force`; with `force` an existing sample is replaced, user data kept.
pub fn load(ledger: &mut Ledger, actor: &Actor, force: bool) -> Result<SampleReport> {
    if ledger.has_sample()? && !force {
        return Ok(SampleReport {
            already_loaded: true,
            ..Default::default()
        });
    }
    let user_entries: i64 = ledger.conn().query_row(
        "SELECT COUNT(*) FROM progress_entry WHERE is_sample = 0",
        [],
        |r| r.get(0),
    )?;
    if user_entries > 0 && !force {
        return Err(LedgerError::SampleOverData);
    }
    ledger.write(actor, |w| {
        delete_sample_rows(w)?;
        let report = write_sample(w)?;
        w.set_meta(META_KEY, META_VALUE)?;
        w.set_meta(OFFERED_KEY, "1")?;
        Ok(report)
    })
}

/// On the desktop's first run: loads the sample into an empty ledger, once. After the user
/// removes it, it is not offered again.
pub fn load_on_first_run(ledger: &mut Ledger, actor: &Actor) -> Result<bool> {
    if ledger.meta(OFFERED_KEY)?.is_some() {
        return Ok(false);
    }
    let used: i64 = ledger.conn().query_row(
        "SELECT (SELECT COUNT(*) FROM progress_entry) + (SELECT COUNT(*) FROM target) + (SELECT COUNT(*) FROM indicator)",
        [],
        |r| r.get(0),
    )?;
    if used > 0 {
        ledger.write(actor, |w| w.set_meta(OFFERED_KEY, "1"))?;
        return Ok(false);
    }
    load(ledger, actor, false)?;
    Ok(true)
}

/// Removes the sample's targets and entries in one transaction.
pub fn remove(ledger: &mut Ledger, actor: &Actor) -> Result<SampleReport> {
    ledger.write(actor, |w| {
        let report = delete_sample_rows(w)?;
        w.delete_meta(META_KEY)?;
        w.set_meta(OFFERED_KEY, "1")?;
        Ok(report)
    })
}

fn delete_sample_rows(w: &mut Writer<'_>) -> Result<SampleReport> {
    // A locked round's period keeps its figures: no removal across it.
    let span: (Option<NaiveDate>, Option<NaiveDate>) = w.conn().query_row(
        "SELECT MIN(d), MAX(d) FROM (
            SELECT occurred_on AS d FROM progress_entry WHERE is_sample = 1
            UNION ALL SELECT occurred_on FROM register_row WHERE is_sample = 1
            UNION ALL SELECT agreed_on FROM coop_project WHERE is_sample = 1
            UNION ALL SELECT signed_on FROM pairing WHERE is_sample = 1
            UNION ALL SELECT period_start FROM target WHERE is_sample = 1
            UNION ALL SELECT period_end FROM target WHERE is_sample = 1)",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    if let (Some(start), Some(end)) = span {
        w.ensure_open_period(Period { start, end })?;
    }
    let c = w.conn();
    let entries = c.execute("DELETE FROM progress_entry WHERE is_sample = 1", [])?;
    let targets = c.execute("DELETE FROM target WHERE is_sample = 1", [])?;
    let mut registers = c.execute("DELETE FROM register_row WHERE is_sample = 1", [])?;
    registers += c.execute("DELETE FROM coop_project WHERE is_sample = 1", [])?;
    registers += c.execute("DELETE FROM pairing WHERE is_sample = 1", [])?;
    // Sample enterprises and villages go too, unless a user's pairing uses them.
    c.execute("DELETE FROM enterprise WHERE is_sample = 1 AND id NOT IN (SELECT enterprise_id FROM pairing)", [])?;
    c.execute(
        "DELETE FROM village WHERE is_sample = 1 AND id NOT IN (SELECT village_id FROM pairing)",
        [],
    )?;
    Ok(SampleReport {
        entries: entries as u32,
        targets: targets as u32,
        registers: registers as u32,
        ..Default::default()
    })
}

fn write_sample(w: &mut Writer<'_>) -> Result<SampleReport> {
    w.use_stable_ids(NAMESPACE);
    let mut report = SampleReport::default();
    let city = ensure_unit(w, &units::CITY, None, &mut report)?;
    for u in units::UNITS {
        ensure_unit(w, u, Some(&city), &mut report)?;
    }
    let codes = indicator_codes();
    for (f, code) in figures().iter().zip(&codes) {
        ensure_indicator(w, f, code, &mut report)?;
    }
    report.registers = registers::write(w)?;
    let derived: Vec<&str> = registers::derivations()
        .into_iter()
        .map(|(c, _)| c)
        .collect();
    for (i, (f, code)) in figures().iter().zip(&codes).enumerate() {
        spread_figure(
            w,
            f,
            code,
            &city,
            i as u64,
            !derived.contains(&code.as_str()),
            &mut report,
        )?;
    }
    Ok(report)
}

/// The sample's indicator codes, in figures.csv order: JY01 … for 建言献策, CX, MQ, ZY, GF.
pub fn indicator_codes() -> Vec<String> {
    let mut per_action: std::collections::HashMap<String, usize> = Default::default();
    figures()
        .iter()
        .map(|f| {
            let n = per_action.entry(f.action.clone()).or_default();
            *n += 1;
            format!("{}{:02}", prefix(&f.action), n)
        })
        .collect()
}

fn prefix(action: &str) -> &'static str {
    match action {
        "advice" => "JY",
        "innovation" => "CX",
        "enterprise" => "MQ",
        "investment" => "ZY",
        _ => "GF",
    }
}

fn ensure_unit(
    w: &mut Writer<'_>,
    u: &units::SampleUnit,
    parent: Option<&str>,
    report: &mut SampleReport,
) -> Result<String> {
    if let Ok(found) = crate::ledger::lookup_unit(w.conn(), u.code) {
        return Ok(found.id);
    }
    report.units += 1;
    let new = NewUnit {
        code: u.code.into(),
        name: u.name.into(),
        name_en: u.name_en.into(),
        kind: u.kind,
        parent: parent.map(Into::into),
    };
    Ok(w.add_unit(new)?.id)
}

fn ensure_indicator(
    w: &mut Writer<'_>,
    f: &Figure,
    code: &str,
    report: &mut SampleReport,
) -> Result<()> {
    if crate::ledger::lookup_indicator(w.conn(), code).is_ok() {
        return Ok(());
    }
    report.indicators += 1;
    // Meetings and events happen in rounds: their pace steps at quarter ends.
    let pacing = if ["次", "场次", "场", "期"].contains(&f.unit.as_str()) {
        Pacing::Quarterly
    } else {
        Pacing::Linear
    };
    w.add_indicator(NewIndicator {
        action: f.action.clone(),
        code: code.into(),
        name: f.indicator_zh.clone(),
        name_en: f.indicator_en.clone(),
        measure: f.unit.clone(),
        headline: f.headline == "yes",
        decimals: 0,
        pacing,
    })?;
    Ok(())
}

/// Completion rates the sample's targets are set for, cycled over the indicators, so the
/// dashboard shows every status: ≥ 1 done, ≥ 0.832 on pace (the campaign's linear share on
/// 2024-06-30), ≥ 0.707 slightly behind, below that behind.
const RATES: [f64; 10] = [1.08, 0.93, 0.88, 0.86, 0.80, 0.74, 0.91, 1.02, 0.87, 0.62];

/// Sets the figure's targets and, for a typed (not derived) indicator, spreads its value
/// over units and dates as entries.
fn spread_figure(
    w: &mut Writer<'_>,
    f: &Figure,
    code: &str,
    city: &str,
    i: u64,
    typed: bool,
    report: &mut SampleReport,
) -> Result<()> {
    let mut rng = Rng::new(0x5EED_0000 + i);
    let reporters = units::reporters(&f.action);
    let weights: Vec<f64> = reporters.iter().map(|_| 0.3 + rng.unit()).collect();
    let typed_shares = apportion(f.value, &weights);
    // A derived figure's spread over units is the registers' own; its unit targets follow it.
    let shares = if typed {
        typed_shares
    } else {
        derived_shares(w, code, &reporters)?
    };
    let campaign = campaign();
    let rate = RATES[i as usize % RATES.len()];
    let city_target = nice(f.value as f64 / rate);
    set_target(w, code, city, city_target, &campaign, report)?;
    let days = (as_of() - campaign.start).num_days() as u64 + 1;
    for (u, share) in reporters.iter().zip(&shares) {
        if *share == 0 {
            continue;
        }
        if f.value >= 2 * reporters.len() as u64 {
            set_target(
                w,
                code,
                u.code,
                nice(city_target * *share as f64 / f.value as f64),
                &campaign,
                report,
            )?;
        }
        if !typed {
            continue;
        }
        let k = (*share).min(1 + rng.below(8));
        for (j, part) in split_positive(*share, k, &mut rng).into_iter().enumerate() {
            // Later dates are likelier: the campaign gathered pace.
            let day = ((days as f64) * rng.unit().sqrt()) as u64;
            let new = NewEntry {
                indicator: code.into(),
                unit: u.code.into(),
                occurred_on: campaign.start + Days::new(day.min(days - 1)),
                value: part as f64,
                note: "示例数据".into(),
            };
            let id = uuid::Uuid::new_v5(
                &NAMESPACE,
                format!("entry/{code}/{}/{j}", u.code).as_bytes(),
            )
            .to_string();
            w.insert_entry(&id, &new, true)?;
            report.entries += 1;
        }
    }
    Ok(())
}

/// Each unit's derived value of `code` as of the sample date.
fn derived_shares(
    w: &Writer<'_>,
    code: &str,
    reporters: &[&units::SampleUnit],
) -> Result<Vec<u64>> {
    let mut engine = crate::progress::Engine::new(w.conn(), as_of())?;
    let ind = engine.select_indicators(None, Some(code))?.remove(0);
    reporters
        .iter()
        .map(|u| {
            let scope = engine.scope(Some(u.code))?;
            Ok(engine.row(&ind, scope, true)?.completed as u64)
        })
        .collect()
}

fn set_target(
    w: &mut Writer<'_>,
    code: &str,
    unit: &str,
    value: f64,
    period: &Period,
    report: &mut SampleReport,
) -> Result<()> {
    let new = NewTarget {
        indicator: code.into(),
        unit: unit.into(),
        period: *period,
        value,
        milestones: Vec::new(),
        replace_overlapping: false,
    };
    w.set_target_marked(new, true)?;
    report.targets += 1;
    Ok(())
}
