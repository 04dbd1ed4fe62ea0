//! The registers from the command line, on a copy of a ledger with the sample loaded:
//! listings and their totals, adding pairings (reusing or creating the enterprise and the
//! village), projects and activity rows, the derived figures they move, and refusals that
//! write nothing.

#[path = "../support/mod.rs"]
mod support;

mod common;
mod edits;
mod pairings;
mod projects_activity;
