//! Accounts, roles and the audit trail (issue 9), on real SQLite files.

mod permissions;
mod setup;
mod sign_in;
mod trail;
mod backups;
