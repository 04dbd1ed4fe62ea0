//! The ledger the window works on: one SQLite connection shared by every command, behind a
//! mutex, with database work kept off the main (UI) thread.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use taizhang_core::{Actor, Ledger, SessionInfo};

use crate::error::IpcError;

/// Managed state: the open ledger and who is using it.
/// When the file cannot be opened (say, it was written by a newer Taizhang) the window
/// still starts and every command answers with that error, so the UI can say what to do.
#[derive(Clone)]
pub struct LedgerState {
    ledger: Result<Arc<Mutex<Ledger>>, IpcError>,
    /// Who writes from this window: the signed-in account, or the OS user while the ledger
    /// has no accounts. Shared by every clone of the state.
    actor: Arc<Mutex<Actor>>,
    db_path: PathBuf,
}

impl LedgerState {
    /// Opens the ledger at `path`; on the very first run of an empty ledger the release's
    /// sample data is loaded (and marked as sample) so the window has something to show.
    pub fn open(path: &Path) -> Result<Self, IpcError> {
        let mut ledger = Ledger::open(path)?;
        taizhang_core::sample::load_on_first_run(&mut ledger, &Actor::system())?;
        ledger.set_reader(desktop_actor());
        Ok(Self {
            ledger: Ok(Arc::new(Mutex::new(ledger))),
            actor: Arc::new(Mutex::new(desktop_actor())),
            db_path: path.to_path_buf(),
        })
    }

    /// [`open`](Self::open), keeping a failure to report through the commands.
    pub fn open_or_report(path: &Path) -> Self {
        Self::open(path).unwrap_or_else(|e| {
            eprintln!("台账: cannot open {}: {e}", path.display());
            Self {
                ledger: Err(e),
                actor: Arc::new(Mutex::new(desktop_actor())),
                db_path: path.to_path_buf(),
            }
        })
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

    /// Who performs writes from this window. Until sign-in exists it is the OS user.
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
        *self.actor.lock().unwrap_or_else(|p| p.into_inner()) = actor;
        Ok(info)
    }

    /// Signs this window out: back to the OS user, which a ledger with accounts refuses.
    pub async fn sign_out(&self) -> Result<SessionInfo, IpcError> {
        *self.actor.lock().unwrap_or_else(|p| p.into_inner()) = desktop_actor();
        self.run_signed_out(|l| {
            l.sign_out();
            l.set_reader(desktop_actor());
            l.session_info()
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
        let ledger = Arc::clone(self.ledger.as_ref().map_err(Clone::clone)?);
        tauri::async_runtime::spawn_blocking(move || {
            // A panic inside an earlier command poisons the mutex; the connection itself is
            // still consistent (the transaction rolled back), so keep serving.
            let mut guard = ledger
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            f(&mut guard).map_err(IpcError::from)
        })
        .await
        .map_err(|e| IpcError::internal(format!("后台任务失败：{e}")))?
    }

    /// Runs a write on behalf of this window's actor, in one transaction.
    pub async fn write<T, F>(&self, f: F) -> Result<T, IpcError>
    where
        T: Send + 'static,
        F: FnOnce(&mut taizhang_core::Writer<'_>) -> taizhang_core::Result<T> + Send + 'static,
    {
        let actor = self.actor();
        self.run(move |ledger| ledger.write(&actor, f)).await
    }
}

/// `desktop:<OS user>`, e.g. `desktop:zhangwei`.
fn desktop_actor() -> Actor {
    Actor::local_user("desktop")
}
