//! 佐证材料 on real ledger files and real files on disk: attach, list, open and remove;
//! the same content stored once; every refusal (too big, wrong type, bytes that lie about
//! their type, a folder, another unit's row, a locked quarter) writing neither a row nor a
//! file; a file changed on disk caught before it is opened; the trail verifying.

#[path = "../fixture/mod.rs"]
mod fixture;
#[allow(unused_imports)] // setup re-exports helpers this binary does not use
#[path = "../accounts/setup.rs"]
mod setup;

mod files;
mod refusals;
mod roundtrip;
mod scope;

use std::path::{Path, PathBuf};

use taizhang_core::evidence::{AttachedTo, EvidenceTarget};

pub fn target(kind: AttachedTo, id: &str) -> EvidenceTarget {
    EvidenceTarget {
        kind,
        id: id.to_string(),
    }
}

/// Every file under 佐证材料 beside the ledger at `ledger`, sorted.
pub fn stored_files(ledger: &Path) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    walk(&ledger.parent().unwrap().join("佐证材料"), &mut out);
    out.sort();
    out
}

/// Rows of `evidence` and of the trail, read through a connection of their own.
pub fn rows(ledger: &Path) -> (i64, i64) {
    (
        fixture::count_rows(ledger, "evidence"),
        fixture::count_rows(ledger, "audit"),
    )
}
