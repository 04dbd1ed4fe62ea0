//! The overview's figures as the window opens, worked out on a thread while the web view
//! starts (which takes about 0.4 s before the page can ask for anything), so that the page's
//! first script can draw them at once (ui/src/opening/), before the app's own code has
//! loaded. Exactly what the overview would ask for: the default as-of day, the whole city,
//! the counties ranked. None when the ledger wants a sign-in first (the window opens on the
//! login screen), or when the ledger did not open.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::NaiveDate;
use serde::Serialize;
use taizhang_core::{ActionSummary, Ledger, ProgressQuery, RankingQuery, UnitKind, UnitRank};
use ts_rs::TS;

use crate::later::Later;
use crate::state::LedgerState;

/// What the overview shows first.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Opening {
    /// The day the figures are as of: the window's default as-of day.
    pub as_of: NaiveDate,
    /// The release's sample is loaded (the overview says so above the figures).
    pub has_sample: bool,
    /// Each action's summary for the whole city.
    pub summaries: Vec<ActionSummary>,
    /// The counties ranked by pace index (the ranking's first kind).
    pub ranking: Vec<UnitRank>,
    /// The English names of the ranked units that have one (unit id → name), for a window
    /// in English.
    pub unit_names_en: BTreeMap<String, String>,
}

/// The opening figures: being worked out, then there until the page takes them.
#[derive(Clone)]
pub struct OpeningFigures {
    slot: Arc<Later<Option<Opening>>>,
}

impl OpeningFigures {
    /// Starts working out the opening figures of `state` on their own thread.
    pub fn start(state: &LedgerState) -> Self {
        let this = Self {
            slot: Arc::new(Later::default()),
        };
        let (state, slot) = (state.clone(), this.clone());
        let spawned = std::thread::Builder::new()
            .name("opening-figures".into())
            .spawn(move || slot.slot.fill(work_out(&state)));
        if spawned.is_err() {
            this.slot.fill(None);
        }
        this
    }

    /// The opening figures, once: the page that opens takes them, and a reload of the page
    /// (whose figures may have changed since) asks the core as every page does.
    pub async fn take(&self) -> Option<Opening> {
        let slot = Arc::clone(&self.slot);
        tauri::async_runtime::spawn_blocking(move || slot.wait_with(Option::take))
            .await
            .ok()
            .flatten()
    }
}

/// The overview's first figures, as the page would ask for them; None (logged) on failure.
fn work_out(state: &LedgerState) -> Option<Opening> {
    let started = std::time::Instant::now();
    let result = state.read_now(|l: &Ledger| {
        if l.require_signed_in().is_err() {
            return Ok(None);
        }
        let as_of = l.default_as_of()?;
        let summaries = l.action_summaries(&ProgressQuery {
            as_of,
            unit: None,
            include_subunits: true,
            action: None,
            indicator: None,
        })?;
        let ranking = l.unit_ranking(&RankingQuery {
            as_of,
            parent: None,
            action: None,
            kind: Some(UnitKind::County),
        })?;
        let unit_names_en = l
            .units(true)?
            .into_iter()
            .filter(|u| !u.name_en.is_empty() && ranking.iter().any(|r| r.unit_id == u.id))
            .map(|u| (u.id, u.name_en))
            .collect();
        Ok(Some(Opening {
            as_of,
            has_sample: l.has_sample()?,
            summaries,
            ranking,
            unit_names_en,
        }))
    });
    let ms = started.elapsed().as_millis() as u64;
    match result {
        Ok(opening) => {
            tracing::info!(target: "taizhang::desktop", ms, shown = opening.is_some(), "opening figures");
            opening
        }
        Err(e) => {
            tracing::warn!(target: "taizhang::desktop", ms, code = %e.code, "opening figures failed");
            None
        }
    }
}
