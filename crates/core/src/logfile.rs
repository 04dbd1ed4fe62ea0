//! The log people can send when something went wrong at a county: one file a day,
//! `logs/taizhang-2024-10-10.log` in the ledger's folder (the data directory), the last 14
//! days kept. It records what happened (commands with their duration and error code,
//! start-up, migrations, backups, imports with row counts), never what people typed.
//! `RUST_LOG` (e.g. `RUST_LOG=debug`) raises the level.

use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{Local, NaiveDate};
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::EnvFilter;

/// Days of log files kept.
pub const KEEP_DAYS: i64 = 14;
/// The level when `RUST_LOG` is not set: Taizhang's own events, warnings of libraries.
const DEFAULT_FILTER: &str = "warn,taizhang=info";

/// `<ledger's folder>/logs`.
pub fn dir_for(ledger: &Path) -> PathBuf {
    let dir = ledger.parent().filter(|d| !d.as_os_str().is_empty());
    dir.unwrap_or_else(|| Path::new(".")).join("logs")
}

/// Today's file in `dir`.
pub fn file_for(dir: &Path, day: NaiveDate) -> PathBuf {
    dir.join(format!("taizhang-{}.log", day.format("%Y-%m-%d")))
}

/// Starts logging into `dir` (made if missing) and deletes files older than
/// [`KEEP_DAYS`]. A process logs into one folder: a second call changes nothing. A folder
/// that cannot be written leaves the program without a log, not without its work.
pub fn init(dir: &Path) {
    if !dir.is_dir() && std::fs::create_dir(dir).is_err() {
        return;
    }
    remove_old(dir, Local::now().date_naive());
    let filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(DEFAULT_FILTER));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(false)
        .with_writer(DailyFile {
            dir: dir.to_path_buf(),
        })
        .try_init();
}

/// Deletes `taizhang-YYYY-MM-DD.log` files dated [`KEEP_DAYS`] or more before `today`.
pub fn remove_old(dir: &Path, today: NaiveDate) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().to_string();
        let day = name
            .strip_prefix("taizhang-")
            .and_then(|n| n.strip_suffix(".log"))
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        if day.is_some_and(|d| (today - d).num_days() >= KEEP_DAYS) {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// Appends each event to the file of the day it happens (so a window left open over
/// midnight starts the next day's file).
struct DailyFile {
    dir: PathBuf,
}

impl<'a> MakeWriter<'a> for DailyFile {
    type Writer = Box<dyn Write + 'a>;

    fn make_writer(&'a self) -> Self::Writer {
        let path = file_for(&self.dir, Local::now().date_naive());
        match OpenOptions::new().create(true).append(true).open(path) {
            Ok(file) => Box::new(file) as Box<dyn Write>,
            Err(_) => Box::new(std::io::sink()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_of_14_days_or_more_ago_are_removed_and_others_kept() {
        let dir = tempfile::tempdir().expect("temp dir");
        let today = NaiveDate::from_ymd_opt(2024, 10, 20).expect("date");
        // (days before today, kept)
        let cases = [(0, true), (13, true), (14, false), (40, false)];
        for (ago, _) in cases {
            let day = today - chrono::Duration::days(ago);
            std::fs::write(file_for(dir.path(), day), "x").expect("write");
        }
        std::fs::write(dir.path().join("notes.txt"), "x").expect("write");
        remove_old(dir.path(), today);
        for (ago, kept) in cases {
            let day = today - chrono::Duration::days(ago);
            let exists = file_for(dir.path(), day).exists();
            assert_eq!(
                exists, kept,
                "log of {ago} days ago: kept {exists}, want {kept}"
            );
        }
        assert!(
            dir.path().join("notes.txt").exists(),
            "other files are left alone"
        );
    }
}
