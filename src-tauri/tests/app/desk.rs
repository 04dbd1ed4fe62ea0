//! The app's commands on Tauri's mock runtime (no display), over a real SQLite file in a
//! temporary folder, opened the way the window opens it (the first run loads the sample).
//! Loading the sample takes seconds in a debug build, so the first run happens once per
//! test process and every test gets a copy of that file.

#![allow(dead_code)] // each test file uses a part of this

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde_json::{json, Value};
use taizhang_desktop_lib::{with_commands, LedgerState, OpeningFigures};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{
    get_ipc_response, mock_builder, mock_context, noop_assets, MockRuntime, INVOKE_KEY,
};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewWindow, WebviewWindowBuilder};

pub struct Desk {
    _app: App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
    pub db: std::path::PathBuf,
    _dir: tempfile::TempDir,
}

impl Desk {
    /// A fresh ledger file, opened as on the desktop's first run (with the sample).
    pub fn new() -> Self {
        Self::with(|builder| builder)
    }

    /// Like [`new`](Self::new), with the app's builder adjusted first (e.g. a channel
    /// interceptor that records what a command streams to the page).
    pub fn with(
        adjust: impl FnOnce(tauri::Builder<MockRuntime>) -> tauri::Builder<MockRuntime>,
    ) -> Self {
        Self::prepared(|_| {}, adjust)
    }

    /// Like [`new`](Self::new), with the opening figures worked out as the window's start
    /// does (`opening_figures`).
    pub fn with_opening(prepare: impl FnOnce(&Path)) -> Self {
        Self::made(prepare, |builder| builder, true)
    }

    /// Like [`new`](Self::new), with the ledger file prepared first (say, made read-only).
    pub fn with_file(prepare: impl FnOnce(&Path)) -> Self {
        Self::prepared(prepare, |builder| builder)
    }

    fn prepared(
        prepare: impl FnOnce(&Path),
        adjust: impl FnOnce(tauri::Builder<MockRuntime>) -> tauri::Builder<MockRuntime>,
    ) -> Self {
        Self::made(prepare, adjust, false)
    }

    fn made(
        prepare: impl FnOnce(&Path),
        adjust: impl FnOnce(tauri::Builder<MockRuntime>) -> tauri::Builder<MockRuntime>,
        opening: bool,
    ) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("taizhang.db");
        std::fs::copy(first_run_ledger(), &db).expect("copy of the first-run ledger");
        prepare(&db);
        let state = LedgerState::open(&db).expect("the ledger opens");
        let mut builder = adjust(with_commands(mock_builder()));
        if opening {
            builder = builder.manage(OpeningFigures::start(&state));
        }
        let app = builder
            .manage(state)
            .build(mock_context(noop_assets()))
            .expect("mock app");
        let window = WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .expect("main window");
        Self {
            _app: app,
            window,
            db,
            _dir: dir,
        }
    }

    /// Invokes `cmd` with JSON `args` (camelCase names, as the UI sends them) and returns
    /// the command's value or its error object.
    pub fn call(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        invoke(&self.window, cmd, args)
    }

    /// The window, for calling commands from another thread (`invoke`): the desk itself
    /// stays on the test's thread.
    pub fn window(&self) -> WebviewWindow<MockRuntime> {
        self.window.clone()
    }

    pub fn ok(&self, cmd: &str, args: Value) -> Value {
        self.call(cmd, args)
            .unwrap_or_else(|e| panic!("{cmd} failed: {e}"))
    }

    /// Like [`call`](Self::call) but the command must fail; returns the error object.
    pub fn err(&self, cmd: &str, args: Value) -> Value {
        match self.call(cmd, args) {
            Ok(v) => panic!("{cmd} should fail, got {v}"),
            Err(e) => e,
        }
    }

    /// Number of entries in the ledger.
    pub fn entry_count(&self) -> u64 {
        self.ok("list_entries", json!({"filter": {"limit": 1}}))["total"]
            .as_u64()
            .expect("total")
    }
}

/// A ledger file as the desktop's first run leaves it: opened by the shell (which loads the
/// sample) and closed again, so that its write-ahead log is checkpointed into the file.
fn first_run_ledger() -> &'static Path {
    static FILE: OnceLock<PathBuf> = OnceLock::new();
    FILE.get_or_init(|| {
        let path = Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join(format!("ipc-first-run-{}.db", std::process::id()));
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
        }
        let state = LedgerState::open(&path).expect("the first run opens the ledger");
        tauri::async_runtime::block_on(state.startup_backup_finished());
        drop(state);
        assert!(
            !Path::new(&format!("{}-wal", path.display())).exists(),
            "closing the ledger checkpoints its log"
        );
        path
    })
}

/// Asserts that an IPC error has `code` and `field`, and a Chinese message containing `says`.
pub fn assert_error(what: &str, e: &Value, code: &str, field: Option<&str>, says: &str) {
    assert_eq!(e["code"], json!(code), "{what}: want code {code}, got {e}");
    assert_eq!(
        e["field"],
        json!(field),
        "{what}: want field {field:?}, got {e}"
    );
    let message = e["message"].as_str().unwrap_or_default();
    assert!(
        message.contains(says),
        "{what}: want a message containing 「{says}」, got 「{message}」"
    );
    assert!(
        message
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "{what}: want a Chinese message, got 「{message}」"
    );
}

/// Calls a command in `window` as the page's `invoke` does: its answer, or its error object.
pub fn invoke(window: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> Result<Value, Value> {
    let request = InvokeRequest {
        cmd: cmd.into(),
        callback: CallbackFn(0),
        error: CallbackFn(1),
        url: "tauri://localhost".parse().expect("url"),
        body: InvokeBody::Json(args),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    };
    get_ipc_response(window, request).map(|b| b.deserialize::<Value>().expect("JSON response"))
}
