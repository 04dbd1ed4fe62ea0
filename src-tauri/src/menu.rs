//! The native menu: 台账 · Taizhang (关于, 退出), 编辑 (so text fields have the usual
//! commands), 视图 (重新加载).
//!
//! On Linux and Windows the predefined undo, redo and quit items are unsupported (muda
//! renders them disabled), so those are our own items; copy, cut, paste and select-all stay
//! predefined: on Linux they show their shortcut without grabbing it, so Ctrl+C still
//! reaches the web view's text fields.
//!
//! Undo: WebKitGTK does not bind Ctrl+Z in text fields by itself (checked under Xvfb with
//! real X key events), so on Linux 撤销 / 重做 carry the shortcuts and run the page's undo;
//! on Windows WebView2 handles the keys itself (a shortcut there would undo twice); on macOS
//! the system's items do it.

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
            &undo_item(app, UNDO, "撤销", "CmdOrCtrl+Z")?,
            &undo_item(app, REDO, "重做", "CmdOrCtrl+Shift+Z")?,
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

/// Runs the page's undo or redo. The page can take the command over (say, the quarter grid's
/// own undo) by cancelling the `taizhang:undo` / `taizhang:redo` event on `document`.
fn edit_command<R: Runtime>(window: Option<tauri::WebviewWindow<R>>, command: &str) {
    if let Some(w) = window {
        let js = format!(
            "if (document.dispatchEvent(new CustomEvent('taizhang:{command}', {{ cancelable: true }}))) \
             document.execCommand('{command}')"
        );
        let _ = w.eval(js);
    }
}

#[cfg(target_os = "macos")]
fn undo_item<R: Runtime>(
    app: &AppHandle<R>,
    id: &str,
    text: &str,
    _shortcut: &str,
) -> tauri::Result<PredefinedMenuItem<R>> {
    if id == UNDO {
        PredefinedMenuItem::undo(app, Some(text))
    } else {
        PredefinedMenuItem::redo(app, Some(text))
    }
}

#[cfg(not(target_os = "macos"))]
fn undo_item<R: Runtime>(
    app: &AppHandle<R>,
    id: &str,
    text: &str,
    shortcut: &str,
) -> tauri::Result<MenuItem<R>> {
    let shortcut = cfg!(target_os = "linux").then_some(shortcut);
    MenuItem::with_id(app, id, text, true, shortcut)
}

pub fn on_event<R: Runtime>(app: &AppHandle<R>, event: MenuEvent) {
    let main = || app.get_webview_window("main");
    match event.id().as_ref() {
        QUIT => app.exit(0),
        UNDO => edit_command(main(), "undo"),
        REDO => edit_command(main(), "redo"),
        RELOAD => {
            if let Some(w) = main() {
                let _ = w.reload();
            }
        }
        _ => {}
    }
}
