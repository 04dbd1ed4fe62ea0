//! The start-up backup (`启动`, made at the first start of each day) runs beside the
//! window's start instead of before it. A thread takes the writer's lock before the ledger is
//! handed to the commands, so no write can come before the day's backup, and makes the backup while the page
//! loads; reads go on through the read-only connection meanwhile. The backup list waits for
//! it ([`StartupBackup::finished`]), so it never shows a day without its start-up backup.
//! The thread runs at the lowest CPU priority: copying the ledger (0.3 s for the sample) would
//! otherwise take a core from the web view while it draws the first page (on 2 cores the
//! overview's first paint came about 0.2 s later on the first start of a day).

use std::sync::{mpsc, Arc, Mutex};

use taizhang_core::Ledger;

use crate::later::Later;

/// Whether the start-up backup has ended (made, not needed today, or failed and logged).
#[derive(Clone)]
pub struct StartupBackup {
    done: Arc<Later<()>>,
}

impl StartupBackup {
    /// Starts the day's backup of `writer` on its own thread and returns once that thread
    /// holds the writer's lock. Without a thread, the backup is made here and now.
    pub fn start(writer: Arc<Mutex<Ledger>>) -> Self {
        let this = Self::pending();
        let (locked, has_lock) = mpsc::channel();
        let (ledger, ended) = (Arc::clone(&writer), this.clone());
        let spawned = std::thread::Builder::new()
            .name("startup-backup".into())
            .spawn(move || {
                let guard = ledger.lock().unwrap_or_else(|p| p.into_inner());
                let _ = locked.send(());
                lowest_priority();
                backup(&guard);
                drop(guard);
                // Let go of the ledger first: once the backup has ended, closing the window's
                // state closes the file (and checkpoints its log).
                drop(ledger);
                ended.end();
            });
        match spawned {
            Ok(_) => {
                let _ = has_lock.recv();
            }
            Err(_) => {
                backup(&writer.lock().unwrap_or_else(|p| p.into_inner()));
                this.end();
            }
        }
        this
    }

    /// No start-up backup to wait for (a read-only ledger, or one that did not open).
    pub fn none() -> Self {
        let this = Self::pending();
        this.end();
        this
    }

    fn pending() -> Self {
        Self {
            done: Arc::new(Later::default()),
        }
    }

    /// Waits, off the async runtime's threads, until the start-up backup has ended.
    pub async fn finished(&self) {
        if self.done.is_filled() {
            return;
        }
        let done = Arc::clone(&self.done);
        let _ = tauri::async_runtime::spawn_blocking(move || done.wait_with(|_| ())).await;
    }

    fn end(&self) {
        self.done.fill(());
    }
}

/// Gives the calling thread the lowest CPU priority (nice 19), where the OS allows it.
fn lowest_priority() {
    #[cfg(target_os = "linux")]
    {
        // SAFETY: plain system calls on the calling thread's own id; a failure (refused by
        // the OS) leaves the priority as it was, which is only slower.
        let failed = unsafe {
            let tid = libc::syscall(libc::SYS_gettid) as libc::id_t;
            libc::setpriority(libc::PRIO_PROCESS, tid, 19) != 0
        };
        if failed {
            tracing::debug!(target: "taizhang::desktop", "the start-up backup keeps its priority");
        }
    }
}

fn backup(ledger: &Ledger) {
    let started = std::time::Instant::now();
    match ledger.daily_backup() {
        Ok(made) => tracing::info!(
            target: "taizhang::desktop",
            made = made.is_some(),
            ms = started.elapsed().as_millis() as u64,
            "start-up backup"
        ),
        Err(e) => {
            tracing::warn!(target: "taizhang::desktop", code = e.code(), "start-up backup failed")
        }
    }
}
