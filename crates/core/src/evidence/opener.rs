//! Handing a checked file to the system's viewer (xdg-open on Linux/UOS/Kylin, `open` on
//! macOS, `start` on Windows), for the window and the CLI alike. Only ever called with a
//! path `Ledger::evidence_path_for_open` returned, so only intact files are opened.

use std::path::Path;
use std::process::{Command, Stdio};

use crate::error::{LedgerError, Result};

/// Starts the system's viewer on `path` and returns without waiting for it.
pub fn open_with_system(path: &Path) -> Result<()> {
    let mut command = if cfg!(target_os = "windows") {
        let mut c = Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else if cfg!(target_os = "macos") {
        Command::new("open")
    } else {
        Command::new("xdg-open")
    };
    command
        .arg(path)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map(|_| ())
        .map_err(|e| LedgerError::OpenFailed {
            path: path.display().to_string(),
            reason: e.to_string(),
        })
}
