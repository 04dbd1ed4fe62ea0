//! Accounts, roles and the audit trail (issue 9), on real SQLite files.

mod backups;
#[path = "../fixture/mod.rs"]
mod fixture;
mod imports;
mod permissions;
mod review;
mod setup;
mod sign_in;
mod trail;
