//! The UI's TypeScript types are generated from Rust. This test regenerates them into a
//! temporary folder and fails when `ui/src/bindings/` differs; run it with
//! `UPDATE_BINDINGS=1` to write the fresh files.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn read_dir(dir: &Path) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().to_string();
            if name.ends_with(".ts") {
                out.insert(name, std::fs::read_to_string(e.path()).unwrap());
            }
        }
    }
    out
}

#[test]
fn core_bindings_are_fresh() {
    let committed_dir =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/bindings/core");
    let fresh_dir = tempfile::tempdir().unwrap();
    taizhang_core::bindings::export_core_types(fresh_dir.path()).unwrap();
    let fresh = read_dir(fresh_dir.path());
    assert!(
        fresh.len() > 20,
        "expected the core's types, got {} files",
        fresh.len()
    );
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        let _ = std::fs::remove_dir_all(&committed_dir);
        std::fs::create_dir_all(&committed_dir).unwrap();
        for (name, text) in &fresh {
            std::fs::write(committed_dir.join(name), text).unwrap();
        }
        return;
    }
    let committed = read_dir(&committed_dir);
    let stale: Vec<&String> = fresh
        .keys()
        .chain(committed.keys())
        .filter(|k| fresh.get(*k) != committed.get(*k))
        .collect();
    assert!(
        stale.is_empty(),
        "ui/src/bindings/core is stale in {stale:?}; run `UPDATE_BINDINGS=1 cargo test -p taizhang-core --test ts_bindings`"
    );
}
