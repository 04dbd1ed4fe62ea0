//! Taizhang's core: the ledger of a campaign's targets and completions.
//!
//! - [`store`] opens the SQLite file (pragmas, embedded migrations).
//! - [`ledger`] holds every read and write; writes go through [`Ledger::write`].
//! - [`pacing`] says how much should be done by a date (序时进度).
//! - [`progress`] computes completion, pace and status, roll-ups and rankings.
//! - [`auth`] accounts, roles and the permission table; [`audit`] the chained trail (留痕).
//! - [`round`] runs a reporting round (填报轮次): states, tables out, board, review, lock.
//! - [`evidence`] 佐证材料: files attached to entries, register rows and returns.
//! - [`exchange`] signed packages between the city's ledger and units' own ledgers.
//! - [`sample`] loads the release's figures as deterministic sample data.

#![warn(missing_docs)]

pub mod audit;
pub mod auth;
pub mod backup;
pub mod bindings;
pub mod defaults;
pub mod error;
pub mod evidence;
pub mod exchange;
pub mod export;
pub mod health;
pub mod import;
pub mod ledger;
pub mod logfile;
pub mod model;
pub mod pacing;
pub mod progress;
pub mod register;
pub mod round;
pub mod sample;
pub mod store;
pub mod text;
pub mod validate;

pub use error::{LedgerError, Params, Result};
pub use ledger::{Ledger, SessionInfo, Settings, Writer};
pub use model::*;
pub use pacing::{Pacing, Quarter};
pub use progress::{
    ActionSummary, Granularity, ProgressQuery, ProgressRow, RankingQuery, Status, TargetSum,
    TargetSumQuery, TrendPoint, TrendQuery, UnitRank,
};
