//! Native file dialogs, opened from Rust so the window itself needs no dialog or file
//! system grant (see capabilities/default.json). The chosen path goes back to the page,
//! which shows it and passes it to the import or export command.

use std::path::PathBuf;

use serde::Deserialize;
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_dialog::DialogExt;
use ts_rs::TS;

use crate::error::IpcError;

/// One line of a dialog's file-type list, e.g. `Excel 工作簿` with `["xlsx", "xls"]`.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct FileFilter {
    pub name: String,
    pub extensions: Vec<String>,
}

/// Asks for a file to read (an import). `None` when the person cancels.
#[tauri::command]
pub async fn choose_file_to_open<R: Runtime>(
    app: AppHandle<R>,
    title: String,
    filters: Vec<FileFilter>,
) -> Result<Option<String>, IpcError> {
    let mut dialog = app.dialog().file().set_title(title);
    for f in &filters {
        let exts: Vec<&str> = f.extensions.iter().map(String::as_str).collect();
        dialog = dialog.add_filter(&f.name, &exts);
    }
    let picked = tauri::async_runtime::spawn_blocking(move || dialog.blocking_pick_file())
        .await
        .map_err(|e| IpcError::internal(format!("文件对话框失败：{e}")))?;
    picked.map(path_text).transpose()
}

/// Asks where to save a file (an export or a template), starting at `default_path`.
/// `None` when the person cancels.
#[tauri::command]
pub async fn choose_file_to_save<R: Runtime>(
    app: AppHandle<R>,
    title: String,
    default_path: String,
    filters: Vec<FileFilter>,
) -> Result<Option<String>, IpcError> {
    let default = PathBuf::from(default_path);
    let mut dialog = app.dialog().file().set_title(title);
    if let Some(dir) = default.parent().filter(|d| d.is_dir()) {
        dialog = dialog.set_directory(dir);
    }
    if let Some(name) = default.file_name() {
        dialog = dialog.set_file_name(name.to_string_lossy());
    }
    for f in &filters {
        let exts: Vec<&str> = f.extensions.iter().map(String::as_str).collect();
        dialog = dialog.add_filter(&f.name, &exts);
    }
    let picked = tauri::async_runtime::spawn_blocking(move || dialog.blocking_save_file())
        .await
        .map_err(|e| IpcError::internal(format!("文件对话框失败：{e}")))?;
    picked.map(path_text).transpose()
}

/// Asks for a folder (备份到…). `None` when the person cancels.
#[tauri::command]
pub async fn choose_folder<R: Runtime>(
    app: AppHandle<R>,
    title: String,
) -> Result<Option<String>, IpcError> {
    let dialog = app.dialog().file().set_title(title);
    let picked = tauri::async_runtime::spawn_blocking(move || dialog.blocking_pick_folder())
        .await
        .map_err(|e| IpcError::internal(format!("文件夹对话框失败：{e}")))?;
    picked.map(path_text).transpose()
}

/// The folder exports go to by default: the person's Documents folder (文档), else home.
#[tauri::command]
pub async fn default_export_dir<R: Runtime>(app: AppHandle<R>) -> Result<String, IpcError> {
    let paths = app.path();
    let dir = paths
        .document_dir()
        .or_else(|_| paths.home_dir())
        .map_err(|e| IpcError::internal(format!("找不到文档文件夹：{e}")))?;
    Ok(dir.display().to_string())
}

fn path_text(p: tauri_plugin_dialog::FilePath) -> Result<String, IpcError> {
    p.into_path()
        .map(|p| p.display().to_string())
        .map_err(|e| IpcError::internal(format!("所选文件的路径无法读取：{e}")))
}
