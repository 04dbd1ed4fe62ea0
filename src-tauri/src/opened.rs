//! The ledger's two connections once the file is open (held in a [`crate::later::Later`]). The
//! window's start opens the file on a thread of its own ([`crate::LedgerState::open_in_background`]):
//! opening it (and, on a first run, loading the sample) on the main thread held up the web
//! view, whose page requests that thread serves. A command that comes before the file is open
//! waits for it, off the async runtime's threads.

use std::path::Path;
use std::sync::{Arc, Mutex};

use taizhang_core::{Actor, Ledger};

use crate::error::IpcError;
use crate::startup_backup::StartupBackup;

/// A connection to the ledger, or why the file did not open.
pub type Connection = Result<Arc<Mutex<Ledger>>, IpcError>;

/// The open ledger.
/// When the file cannot be opened (say, it was written by a newer Taizhang) the window
/// still starts and every command answers with that error, so the UI can say what to do.
#[derive(Clone)]
pub struct Opened {
    /// A read-only connection to the same file (`Ledger::open_read_only`): reads never
    /// wait for a write in progress. It reads as the same account as the writer. Declared
    /// first so that it closes first: the writer, closing last, checkpoints the log into
    /// the file.
    pub reader: Connection,
    pub writer: Connection,
    /// Why the ledger is read-only, when its file or folder cannot be written.
    pub read_only: Option<String>,
    /// The day's start-up backup, made on its own thread while the window loads.
    pub startup_backup: StartupBackup,
}

/// Which of the two connections a command uses.
pub type Side = fn(&Opened) -> &Connection;
/// The read-only connection.
pub const READER: Side = |o| &o.reader;
/// The read-write connection.
pub const WRITER: Side = |o| &o.writer;

impl Opened {
    /// Opens the ledger at `path` for `actor`; on the very first run of an empty ledger the
    /// release's sample data is loaded (and marked as sample) so the window has something to
    /// show. Once a day the start makes a backup (`启动`) into the `备份` folder beside the
    /// file, on a thread that holds the writer from before any command can write
    /// ([`StartupBackup`]).
    pub fn open(path: &Path, actor: Actor) -> Result<Self, IpcError> {
        let mut ledger = Ledger::open(path)?;
        let read_only = ledger.read_only_notice().map(str::to_string);
        if read_only.is_none() {
            taizhang_core::sample::load_on_first_run(&mut ledger, &Actor::system())?;
        }
        ledger.set_reader(actor.clone());
        let mut reader = Ledger::open_read_only(path)?;
        reader.set_reader(actor);
        let ledger = Arc::new(Mutex::new(ledger));
        let startup_backup = match read_only {
            None => StartupBackup::start(Arc::clone(&ledger)),
            Some(_) => StartupBackup::none(),
        };
        tracing::info!(
            target: "taizhang::desktop",
            version = env!("CARGO_PKG_VERSION"),
            read_only = read_only.is_some(),
            "window started"
        );
        Ok(Self {
            writer: Ok(ledger),
            reader: Ok(Arc::new(Mutex::new(reader))),
            read_only,
            startup_backup,
        })
    }

    /// [`open`](Self::open), keeping a failure to report through the commands.
    pub fn open_or_report(path: &Path, actor: Actor) -> Self {
        Self::open(path, actor).unwrap_or_else(|e| {
            eprintln!("台账: cannot open {}: {e}", path.display());
            tracing::error!(target: "taizhang::desktop", code = %e.code, "the ledger did not open");
            Self {
                writer: Err(e.clone()),
                reader: Err(e),
                read_only: None,
                startup_backup: StartupBackup::none(),
            }
        })
    }
}
