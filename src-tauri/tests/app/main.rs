//! Tests of the desktop shell without a display (one binary, to link Tauri once):
//!
//! - IPC: every command of ARCHITECTURE.md's contract, called as the UI calls it (JSON
//!   arguments with camelCase names) on Tauri's mock runtime, over a real SQLite file; each
//!   command's happy path and the mapping of its errors to `{code, message, field}`.
//! - The shell's TypeScript bindings in ui/src/bindings/app/ are fresh.

mod desk;

mod accounts;
mod backup;
mod catalog;
mod entries;
mod evidence;
mod exchange;
mod import;
mod opening;
mod reads;
mod reads_during_import;
mod registers;
mod registers_edit;
mod report;
mod returns;
mod rounds;
mod rounds_reads;
mod settings_sample;
mod targets;
mod ts_bindings;
