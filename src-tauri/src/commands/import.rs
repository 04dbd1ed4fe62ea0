//! 导入: the columns a kind reads, the preview of a file (rows, duplicates, problems by
//! sheet, row and column), the commit (one transaction, all or nothing) with its progress
//! streamed to the page, and each kind's .xlsx template. The core does all the work.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use serde::Serialize;
use taizhang_core::import::returns::{self, ReturnOptions, ReturnPreview, ReturnReport};
use taizhang_core::import::{
    self, ColumnMapping, ImportField, ImportKind, ImportPreview, ImportReport,
};
use tauri::ipc::Channel;
use tauri::State;
use ts_rs::TS;

use crate::error::IpcError;
use crate::state::LedgerState;

/// How far a commit has got: `done` of `total` rows written. The first message comes once
/// the file has been read and checked (`done` = 0), the last one has `done` = `total`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct ImportProgress {
    pub done: u32,
    pub total: u32,
}

/// The columns `kind` reads, for the page's mapping editor.
#[tauri::command]
pub async fn import_fields(
    state: State<'_, LedgerState>,
    kind: ImportKind,
) -> Result<Vec<ImportField>, IpcError> {
    state.read(move |l| import::fields(l, &kind)).await
}

/// What importing `path` as `kind` would write; writes nothing.
#[tauri::command]
pub async fn import_preview(
    state: State<'_, LedgerState>,
    kind: ImportKind,
    path: String,
    mapping: Option<ColumnMapping>,
) -> Result<ImportPreview, IpcError> {
    state
        .read(move |l| import::preview(l, &kind, &PathBuf::from(path), mapping.as_ref()))
        .await
}

/// Imports `path` as `kind` in one transaction (`import_rejected` and nothing written when
/// any row has a problem), sending [`ImportProgress`] to `on_progress` as rows are written.
#[tauri::command]
pub async fn import_commit(
    state: State<'_, LedgerState>,
    kind: ImportKind,
    path: String,
    mapping: Option<ColumnMapping>,
    on_progress: Channel<ImportProgress>,
) -> Result<ImportReport, IpcError> {
    let actor = state.actor();
    state
        .run(move |l| {
            let mut throttle = ProgressThrottle::new(Duration::from_millis(100));
            let mut progress = |done: usize, total: usize| {
                if let Some(p) = throttle.next(done, total) {
                    // A closed page no longer listens; the import goes on regardless.
                    let _ = on_progress.send(p);
                }
            };
            let path = PathBuf::from(path);
            import::commit(l, &actor, &kind, &path, mapping.as_ref(), &mut progress)
        })
        .await
}

/// Writes `kind`'s .xlsx template (headers, an example row, drop-down lists) to `path`.
#[tauri::command]
pub async fn import_template(
    state: State<'_, LedgerState>,
    kind: ImportKind,
    path: String,
) -> Result<(), IpcError> {
    state
        .read(move |l| import::template_to_file(&kind, l, &PathBuf::from(path)))
        .await
}

/// What importing a unit's return would write (per indicator: 本期, 累计, the value for
/// the period, warnings) and its problems; writes nothing.
#[tauri::command]
pub async fn return_preview(
    state: State<'_, LedgerState>,
    path: String,
    options: ReturnOptions,
) -> Result<ReturnPreview, IpcError> {
    state
        .run(move |l| returns::preview(l, &PathBuf::from(path), &options))
        .await
}

/// Imports a unit's return in one transaction, replacing its earlier return for the
/// period (`import_rejected` and nothing written on a problem; `unchanged` when the
/// ledger already holds the same values), with [`ImportProgress`] sent to `on_progress`.
#[tauri::command]
pub async fn return_commit(
    state: State<'_, LedgerState>,
    path: String,
    options: ReturnOptions,
    on_progress: Channel<ImportProgress>,
) -> Result<ReturnReport, IpcError> {
    let actor = state.actor();
    state
        .run(move |l| {
            let mut throttle = ProgressThrottle::new(Duration::from_millis(100));
            let mut progress = |done: usize, total: usize| {
                if let Some(p) = throttle.next(done, total) {
                    let _ = on_progress.send(p);
                }
            };
            returns::commit(l, &actor, &PathBuf::from(path), &options, &mut progress)
        })
        .await
}

/// Passes a progress report on when it is the first or the last, when the percentage has
/// moved by a whole point, or when `every` has passed since the last one: about a hundred
/// messages for any size of file, and the bar still moves on a slow disk.
struct ProgressThrottle {
    every: Duration,
    last: Option<(Instant, u64)>,
}

impl ProgressThrottle {
    fn new(every: Duration) -> Self {
        Self { every, last: None }
    }

    fn next(&mut self, done: usize, total: usize) -> Option<ImportProgress> {
        let percent = (done as u64 * 100).checked_div(total as u64).unwrap_or(100);
        let now = Instant::now();
        let due = match self.last {
            None => true,
            Some(_) if done >= total => true,
            Some((at, shown)) => percent > shown || now.duration_since(at) >= self.every,
        };
        if !due {
            return None;
        }
        self.last = Some((now, percent));
        Some(ImportProgress {
            done: done as u32,
            total: total as u32,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_is_passed_on_at_each_whole_percent_and_at_the_end() {
        // (total rows, calls made (every row), messages wanted)
        let cases = [
            (0, vec![(0, 0)], 1),
            (3, vec![(0, 3), (1, 3), (2, 3), (3, 3)], 4),
        ];
        for (total, calls, want) in cases {
            let mut t = ProgressThrottle::new(Duration::from_secs(3600));
            let got = calls.iter().filter_map(|&(d, n)| t.next(d, n)).count();
            assert_eq!(got, want, "{total} rows: messages");
        }
        let mut t = ProgressThrottle::new(Duration::from_secs(3600));
        let sent: Vec<ImportProgress> = (0..=100_000).filter_map(|d| t.next(d, 100_000)).collect();
        assert_eq!(sent.len(), 101, "100,000 rows: one message per percent");
        assert_eq!(
            sent.last(),
            Some(&ImportProgress {
                done: 100_000,
                total: 100_000
            }),
            "the last message says all rows are written"
        );
    }
}
