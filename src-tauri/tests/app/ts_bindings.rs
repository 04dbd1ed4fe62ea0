//! The shell's TypeScript types (ui/src/bindings/app/) are generated from Rust. This test
//! regenerates them and fails when the committed files differ; run it with
//! `UPDATE_BINDINGS=1` to write the fresh files.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn committed(dir: &Path) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let name = e.file_name().to_string_lossy().to_string();
        if name.ends_with(".ts") {
            out.insert(name, std::fs::read_to_string(e.path()).unwrap());
        }
    }
    out
}

#[test]
fn app_bindings_are_fresh() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("ui/src/bindings/app");
    let fresh: BTreeMap<String, String> = taizhang_desktop_lib::bindings::app_types()
        .unwrap()
        .into_iter()
        .collect();
    for name in [
        "AppInfo.ts",
        "EntryPage.ts",
        "FileFilter.ts",
        "ImportProgress.ts",
        "IpcError.ts",
    ] {
        assert!(
            fresh.contains_key(name),
            "{name} missing from the shell's bindings: {:?}",
            fresh.keys()
        );
    }
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        let _ = std::fs::remove_dir_all(&dir);
        taizhang_desktop_lib::bindings::export_app_types(&dir).unwrap();
    }
    for (name, text) in &fresh {
        for import in text.lines().filter(|l| l.starts_with("import")) {
            let target = import
                .rsplit_once("from \"")
                .map(|(_, t)| t.trim_end_matches("\";"))
                .unwrap_or_default();
            let file = dir.join(format!("{target}.ts"));
            assert!(
                file.exists(),
                "{name}: import {target:?} must name a generated file, {} is missing",
                file.display()
            );
        }
    }
    let old = committed(&dir);
    let stale: Vec<&String> = fresh
        .keys()
        .chain(old.keys())
        .filter(|k| fresh.get(*k) != old.get(*k))
        .collect();
    assert!(stale.is_empty(), "ui/src/bindings/app is stale in {stale:?}; run `UPDATE_BINDINGS=1 cargo test -p taizhang-desktop --test app ts_bindings`");
}
