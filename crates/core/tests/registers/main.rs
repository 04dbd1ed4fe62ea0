//! The registers behind the numbers: duplicate rules, check digits, distinct counting,
//! status and date filters, derived pacing — on a real SQLite file.

mod activity;
mod common;
mod derived_cache;
mod edits;
mod edits_rows;
#[path = "../fixture/mod.rs"]
mod fixture;
mod money;
mod pairings;
mod places_and_dates;
