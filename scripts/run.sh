#!/usr/bin/env bash
# Installs what is missing, builds, and starts Taizhang on its default database
# (<data dir>/cn.taizhang.desktop/taizhang.db, seeded with the release's sample on first run).
source "$(dirname "$0")/lib.sh"
ensure_packages "${APP_PACKAGES[@]}"
ensure_rust
ensure_node
ensure_ui_packages
build_ui
say "Building and starting the app"
exec cargo run --bin taizhang-desktop "$@"
