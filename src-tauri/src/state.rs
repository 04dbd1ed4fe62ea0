//! The ledger the window works on: a read-write connection for writes and a read-only one
//! for reads, each behind its own mutex, with database work kept off the main (UI) thread.
//! A long write (an import of 100,000 rows) holds only the writer: the pages keep reading.
//! The window's start opens the file on its own thread ([`crate::opened`]).

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use taizhang_core::{Actor, Ledger, SessionInfo};

use crate::error::IpcError;
use crate::later::Later;
use crate::opened::{Opened, Side, READER, WRITER};

/// Managed state: the ledger (once open) and who is using it.
#[derive(Clone)]
pub struct LedgerState {
    /// The two connections, once the file is open.
    opened: Arc<Later<Opened>>,
    /// Who writes from this window: the signed-in account, or the OS user while the ledger
    /// has no accounts. Shared by every clone of the state.
    actor: Arc<Mutex<Actor>>,
    db_path: PathBuf,
}

impl LedgerState {
    /// Opens the ledger at `path` here and now ([`Opened::open`]).
    pub fn open(path: &Path) -> Result<Self, IpcError> {
        let opened = Opened::open(path, desktop_actor())?;
        Ok(Self::holding(path, Later::filled(opened)))
    }

    /// [`open`](Self::open), keeping a failure to report through the commands.
    pub fn open_or_report(path: &Path) -> Self {
        let opened = Opened::open_or_report(path, desktop_actor());
        Self::holding(path, Later::filled(opened))
    }

    /// Opens the ledger at `path` on a thread of its own and returns at once: the window's
    /// start, whose main thread serves the web view's page while the file opens. Commands
    /// that come before it is open wait for it.
    pub fn open_in_background(path: &Path) -> Self {
        let this = Self::holding(path, Later::default());
        let (slot, file) = (Arc::clone(&this.opened), path.to_path_buf());
        let spawned = std::thread::Builder::new()
            .name("open-ledger".into())
            .spawn(move || slot.fill(Opened::open_or_report(&file, desktop_actor())));
        if spawned.is_err() {
            this.opened
                .fill(Opened::open_or_report(path, desktop_actor()));
        }
        this
    }

    fn holding(path: &Path, opened: Later<Opened>) -> Self {
        Self {
            opened: Arc::new(opened),
            actor: Arc::new(Mutex::new(desktop_actor())),
            db_path: path.to_path_buf(),
        }
    }

    /// The open ledger, waiting for it on a blocking-task thread.
    async fn opened(&self) -> Result<Opened, IpcError> {
        let slot = Arc::clone(&self.opened);
        tauri::async_runtime::spawn_blocking(move || slot.wait_with(|o| o.clone()))
            .await
            .map_err(|e| IpcError::internal(format!("后台任务失败：{e}")))
    }

    /// The ledger file: `TAIZHANG_DB` when set (tests, a second ledger), else the platform
    /// data dir the CLI uses too.
    pub fn db_path_from_env() -> PathBuf {
        std::env::var_os("TAIZHANG_DB")
            .filter(|p| !p.is_empty())
            .map(PathBuf::from)
            .unwrap_or_else(taizhang_core::store::default_db_path)
    }

    pub fn db_path(&self) -> &Path {
        &self.db_path
    }

    /// Waits until the day's start-up backup has ended (the backup list waits for it).
    pub async fn startup_backup_finished(&self) {
        if let Ok(opened) = self.opened().await {
            opened.startup_backup.finished().await
        }
    }

    /// Why the ledger is read-only (the window shows it in a banner), if it is.
    pub async fn read_only(&self) -> Option<String> {
        self.opened().await.ok().and_then(|o| o.read_only)
    }

    /// Who performs writes from this window: the signed-in account, or the OS user.
    pub fn actor(&self) -> Actor {
        self.actor.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// Signs this window in: its writes and reads act as the account from now on.
    pub async fn sign_in(&self, login: String, password: String) -> Result<SessionInfo, IpcError> {
        let (actor, info) = self
            .run_signed_out(move |l| {
                let actor = l.sign_in(&login, &password)?;
                Ok((actor, l.session_info()?))
            })
            .await?;
        *self.actor.lock().unwrap_or_else(|p| p.into_inner()) = actor.clone();
        self.read_as(actor).await?;
        Ok(info)
    }

    /// Signs this window out: back to the OS user, which a ledger with accounts refuses.
    pub async fn sign_out(&self) -> Result<SessionInfo, IpcError> {
        *self.actor.lock().unwrap_or_else(|p| p.into_inner()) = desktop_actor();
        self.read_as(desktop_actor()).await?;
        self.run_signed_out(|l| {
            l.sign_out();
            l.set_reader(desktop_actor());
            l.session_info()
        })
        .await
    }

    /// The read-only connection reads as `actor` (sign-in itself writes, so it happens on
    /// the writer; the reader only takes the result).
    async fn read_as(&self, actor: Actor) -> Result<(), IpcError> {
        on(&self.opened, READER, "sign_in", move |l: &mut Ledger| {
            l.set_reader(actor);
            Ok(())
        })
        .await
    }

    /// Runs `f` on the ledger on a blocking-task thread, so the UI thread never waits on
    /// SQLite; core errors become the IPC error object. A ledger with accounts answers
    /// `login_required` until this window has signed in.
    pub async fn run<T, F>(&self, f: F) -> Result<T, IpcError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Ledger) -> taizhang_core::Result<T> + Send + 'static,
    {
        self.run_signed_out(move |l| {
            l.require_signed_in()?;
            f(l)
        })
        .await
    }

    /// [`run`](Self::run) without the sign-in check: for the commands the login screen
    /// itself needs (session_info, sign_in, sign_out, app_info).
    pub async fn run_signed_out<T, F>(&self, f: F) -> Result<T, IpcError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Ledger) -> taizhang_core::Result<T> + Send + 'static,
    {
        on(&self.opened, WRITER, command_name::<F>(), f).await
    }

    /// Runs a read on the read-only connection: it answers while a write is in progress.
    /// A ledger with accounts answers `login_required` until this window has signed in.
    pub async fn read<T, F>(&self, f: F) -> Result<T, IpcError>
    where
        T: Send + 'static,
        F: FnOnce(&Ledger) -> taizhang_core::Result<T> + Send + 'static,
    {
        on(
            &self.opened,
            READER,
            command_name::<F>(),
            move |l: &mut Ledger| {
                l.require_signed_in()?;
                f(l)
            },
        )
        .await
    }

    /// [`read`](Self::read) without the sign-in check, for `app_info` (the login screen
    /// shows the version and the file).
    pub async fn read_signed_out<T, F>(&self, f: F) -> Result<T, IpcError>
    where
        T: Send + 'static,
        F: FnOnce(&Ledger) -> taizhang_core::Result<T> + Send + 'static,
    {
        on(
            &self.opened,
            READER,
            command_name::<F>(),
            move |l: &mut Ledger| f(l),
        )
        .await
    }

    /// Runs a read on the read-only connection here, on the calling thread (a thread of the
    /// shell's own, never the async runtime's), without the sign-in check: `f` makes its own.
    pub fn read_now<T>(
        &self,
        f: impl FnOnce(&Ledger) -> taizhang_core::Result<T>,
    ) -> Result<T, IpcError> {
        let reader = self.opened.wait_with(|o| o.reader.clone())?;
        let guard = reader.lock().unwrap_or_else(|p| p.into_inner());
        f(&guard).map_err(IpcError::from)
    }

    /// Runs a write on behalf of this window's actor, in one transaction.
    pub async fn write<T, F>(&self, f: F) -> Result<T, IpcError>
    where
        T: Send + 'static,
        F: FnOnce(&mut taizhang_core::Writer<'_>) -> taizhang_core::Result<T> + Send + 'static,
    {
        let actor = self.actor();
        let name = command_name::<F>();
        on(&self.opened, WRITER, name, move |ledger| {
            ledger.write(&actor, f)
        })
        .await
    }
}

/// Runs `f` on one side of the ledger on a blocking-task thread, once the file is open, and
/// logs the command's name, duration and error code (never its arguments).
async fn on<T, F>(
    opened: &Arc<Later<Opened>>,
    side: Side,
    name: &'static str,
    f: F,
) -> Result<T, IpcError>
where
    T: Send + 'static,
    F: FnOnce(&mut Ledger) -> taizhang_core::Result<T> + Send + 'static,
{
    let opened = Arc::clone(opened);
    let started = std::time::Instant::now();
    let result = tauri::async_runtime::spawn_blocking(move || {
        let ledger = opened.wait_with(|o| side(o).clone())?;
        // A panic inside an earlier command poisons the mutex; the connection itself is
        // still consistent (the transaction rolled back), so keep serving.
        let mut guard = ledger
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        f(&mut guard).map_err(IpcError::from)
    })
    .await
    .map_err(|e| IpcError::internal(format!("后台任务失败：{e}")))
    .and_then(|r| r);
    let ms = started.elapsed().as_millis() as u64;
    match &result {
        Ok(_) => {
            tracing::info!(target: "taizhang::desktop", command = name, ms, code = "ok", "command")
        }
        Err(e) => {
            tracing::warn!(target: "taizhang::desktop", command = name, ms, code = %e.code, "command failed")
        }
    }
    result
}

/// The IPC command a closure was written in, from its type's path
/// (`…::commands::progress::trend::{{closure}}` → `trend`).
fn command_name<F>() -> &'static str {
    let path = std::any::type_name::<F>();
    let Some((_, after)) = path.rsplit_once("::commands::") else {
        return "other";
    };
    after.split("::").nth(1).unwrap_or("other")
}

/// `desktop:<OS user>`, e.g. `desktop:zhangwei`.
fn desktop_actor() -> Actor {
    Actor::local_user("desktop")
}
