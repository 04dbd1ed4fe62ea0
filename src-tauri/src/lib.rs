//! 台账 · Taizhang, the desktop shell: a Tauri 2 window over `taizhang-core`.
//!
//! - [`state`]: the shared ledger and the helper that runs core calls off the UI thread.
//! - [`commands`]: one thin command per operation of ARCHITECTURE.md's IPC contract.
//! - [`later`]: a value a start-up thread fills in, that others wait for.
//! - [`error`]: the `{code, message, field}` object every command fails with.
//! - [`menu`]: the native menu.
//! - [`opened`]: the ledger's two connections, opened on a thread while the window starts.
//! - [`opening`]: the overview's figures, worked out while the web view starts.
//! - [`rendering`]: GPU compositing or CPU painting, chosen before the window is made.
//! - [`bindings`]: TypeScript types of the shell's own records.

pub mod bindings;
pub mod commands;
pub mod error;
pub mod later;
pub mod menu;
pub mod opened;
pub mod opening;
pub mod rendering;
pub mod startup_backup;
pub mod state;

use tauri::{Builder, Manager, Runtime};

pub use error::IpcError;
pub use opening::{Opening, OpeningFigures};
pub use state::LedgerState;

/// Starts the app: the window, its menu, remembered size and position, and the ledger at
/// `TAIZHANG_DB` or the platform data dir.
pub fn run() {
    let rendering = rendering::choose_and_apply();
    let builder = tauri::Builder::default()
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_dialog::init())
        .menu(menu::build)
        .on_menu_event(menu::on_event)
        .setup(move |app| {
            let db_path = LedgerState::db_path_from_env();
            if let Some(dir) = db_path.parent() {
                let _ = std::fs::create_dir_all(dir);
            }
            taizhang_core::logfile::init(&taizhang_core::logfile::dir_for(&db_path));
            tracing::info!(target: "taizhang::desktop", cpu = rendering.cpu, why = rendering.why, "window rendering");
            let state = LedgerState::open_in_background(&db_path);
            app.manage(opening::OpeningFigures::start(&state));
            app.manage(state);
            Ok(())
        });
    with_commands(builder)
        .run(tauri::generate_context!())
        .expect("台账 could not start its window");
}

/// Registers every IPC command; shared by [`run`] and the IPC tests on the mock runtime.
pub fn with_commands<R: Runtime>(builder: Builder<R>) -> Builder<R> {
    use commands::*;
    builder.invoke_handler(tauri::generate_handler![
        app::app_info,
        app::opening_figures,
        app::print_page,
        catalog::list_actions,
        catalog::list_indicators,
        catalog::list_units,
        catalog::add_action,
        catalog::rename_action,
        catalog::set_action_archived,
        catalog::add_indicator,
        catalog::change_indicator,
        catalog::add_unit,
        catalog::rename_unit,
        catalog::set_unit_archived,
        progress::progress,
        progress::progress_by_unit,
        progress::action_summaries,
        progress::unit_ranking,
        progress::trend,
        entries::list_entries,
        entries::entry_sums,
        entries::check_entry,
        entries::record_entry,
        entries::record_entries,
        entries::update_entry,
        entries::delete_entry,
        targets::list_targets,
        targets::target_sum,
        targets::set_target,
        targets::set_targets,
        targets::delete_target,
        targets::copy_year_targets,
        settings::get_settings,
        settings::set_settings,
        sample::load_sample,
        sample::remove_sample,
        registers::list_enterprises,
        registers::list_villages,
        registers::get_enterprise,
        registers::get_village,
        registers::list_pairings,
        registers::add_pairing,
        registers::update_pairing,
        registers::update_enterprise,
        registers::update_village,
        registers::set_pairing_status,
        registers::delete_pairing,
        registers::list_projects,
        registers::add_project,
        registers::update_project,
        registers::delete_project,
        registers::list_register_types,
        registers::list_register_rows,
        registers::add_register_row,
        registers::update_register_row,
        registers::delete_register_row,
        registers::get_derivation,
        registers::list_derivations,
        files::choose_file_to_open,
        files::choose_file_to_save,
        files::default_export_dir,
        files::choose_folder,
        report::quarterly_summary,
        report::export_summary,
        report::list_lag_notes,
        report::set_lag_note,
        report::delete_lag_note,
        import::import_fields,
        import::import_preview,
        import::import_commit,
        import::import_template,
        accounts::session_info,
        accounts::sign_in,
        accounts::sign_out,
        accounts::change_password,
        accounts::list_accounts,
        accounts::add_account,
        accounts::update_account,
        accounts::set_account_disabled,
        accounts::reset_password,
        audit::list_audit,
        audit::row_history,
        audit::verify_audit,
        rounds::open_round,
        rounds::entry_corrections,
        rounds::list_rounds,
        rounds::round_board,
        rounds::round_history,
        rounds::submit_return,
        rounds::approve_return,
        rounds::return_to_unit,
        rounds::correct_entry,
        rounds::lock_round,
        rounds::unlock_round,
        rounds::remind_text,
        rounds::send_round,
        rounds::remind_to_file,
        rounds::unit_review,
        rounds::round_brief,
        import::return_preview,
        import::return_commit,
        backup::list_backups,
        backup::backup_now,
        backup::preview_backup,
        backup::restore_backup,
        evidence::list_evidence,
        evidence::list_orphaned_evidence,
        evidence::attach_evidence,
        evidence::open_evidence,
        evidence::remove_evidence,
        evidence::return_evidence_target,
        exchange::exchange_status,
        exchange::exchange_key,
        exchange::exchange_export,
        exchange::exchange_package_sender,
        exchange::exchange_preview,
        exchange::exchange_import,
        exchange::exchange_trust,
        exchange::exchange_conflicts,
        exchange::exchange_resolve,
    ])
}
