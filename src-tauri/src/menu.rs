//! The native menu: 台账 · Taizhang (关于, 退出), 编辑 (so text fields have the usual
//! commands), 视图 (重新加载).
//!
//! On Linux and Windows the predefined undo, redo and quit items are unsupported (muda
//! renders them disabled), so those are our own items; copy, cut, paste and select-all stay
//! predefined: on Linux they show their shortcut without grabbing it, so Ctrl+C still
//! reaches the web view's text fields.

use tauri::menu::{AboutMetadata, Menu, MenuEvent, MenuItem, PredefinedMenuItem, Submenu};
use tauri::{AppHandle, Manager, Runtime};

const QUIT: &str = "quit";
const UNDO: &str = "undo";
const REDO: &str = "redo";
const RELOAD: &str = "reload";

pub fn build<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<Menu<R>> {
    let about = AboutMetadata {
        name: Some("台账 · Taizhang".into()),
        version: Some(env!("CARGO_PKG_VERSION").into()),
        comments: Some("目标与完成情况的进度台账，离线可用。".into()),
        license: Some(env!("CARGO_PKG_LICENSE").into()),
        ..Default::default()
    };
    let product = Submenu::with_items(
        app,
        "台账 · Taizhang",
        true,
        &[
            &PredefinedMenuItem::about(app, Some("关于台账"), Some(about))?,
            &PredefinedMenuItem::separator(app)?,
            &MenuItem::with_id(app, QUIT, "退出", true, Some("CmdOrCtrl+Q"))?,
        ],
    )?;
    let edit = Submenu::with_items(
        app,
        "编辑",
        true,
        &[
            // No accelerators: the web view handles Ctrl+Z / Ctrl+Shift+Z in text fields itself.
            &MenuItem::with_id(app, UNDO, "撤销", true, None::<&str>)?,
            &MenuItem::with_id(app, REDO, "重做", true, None::<&str>)?,
            &PredefinedMenuItem::separator(app)?,
            &PredefinedMenuItem::cut(app, Some("剪切"))?,
            &PredefinedMenuItem::copy(app, Some("复制"))?,
            &PredefinedMenuItem::paste(app, Some("粘贴"))?,
            &PredefinedMenuItem::select_all(app, Some("全选"))?,
        ],
    )?;
    let view = Submenu::with_items(
        app,
        "视图",
        true,
        &[&MenuItem::with_id(
            app,
            RELOAD,
            "重新加载",
            true,
            Some("CmdOrCtrl+R"),
        )?],
    )?;
    Menu::with_items(app, &[&product, &edit, &view])
}

pub fn on_event<R: Runtime>(app: &AppHandle<R>, event: MenuEvent) {
    let main = || app.get_webview_window("main");
    match event.id().as_ref() {
        QUIT => app.exit(0),
        UNDO => {
            if let Some(w) = main() {
                let _ = w.eval("document.execCommand('undo')");
            }
        }
        REDO => {
            if let Some(w) = main() {
                let _ = w.eval("document.execCommand('redo')");
            }
        }
        RELOAD => {
            if let Some(w) = main() {
                let _ = w.reload();
            }
        }
        _ => {}
    }
}
