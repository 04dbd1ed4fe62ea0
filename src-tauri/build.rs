//! Build script of the desktop app: checks that the UI has been built, then lets
//! tauri-build embed it with the config, capabilities and icons.

use std::path::Path;

fn main() {
    // Rebuild when the UI's output or the security config changes; tauri-build watches the
    // config file and icons itself.
    println!("cargo:rerun-if-changed=ui/dist");
    println!("cargo:rerun-if-changed=capabilities");
    println!("cargo:rerun-if-changed=tauri.conf.json");
    println!("cargo:rerun-if-env-changed=TAURI_CONFIG");

    if !Path::new("ui/dist/index.html").exists() {
        panic!(
            "\n\nui/dist/index.html is missing: the window embeds the built UI.\n\
             Build it first from the repository root:\n\n    \
             npm --prefix ui ci && npm --prefix ui run build\n\n\
             (tests/e2e/run.sh does this for you.)\n"
        );
    }
    tauri_build::build()
}
