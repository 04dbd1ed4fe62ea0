//! The IPC commands, one file per area. Each one only delegates to the core (see
//! ARCHITECTURE.md's IPC contract); validation, rules and messages live in taizhang-core.

pub mod accounts;
pub mod app;
pub mod audit;
pub mod backup;
pub mod catalog;
pub mod entries;
pub mod evidence;
pub mod exchange;
pub mod files;
pub mod import;
pub mod progress;
pub mod registers;
pub mod report;
pub mod rounds;
pub mod sample;
pub mod settings;
pub mod targets;
