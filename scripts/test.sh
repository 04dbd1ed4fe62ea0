#!/usr/bin/env bash
# Installs what is missing and runs every check and test: formatting, lints, Rust unit,
# integration and IPC tests, UI type checks and unit tests, and end-to-end tests in a real
# window under Xvfb. Exits non-zero on the first failure.
source "$(dirname "$0")/lib.sh"
ensure_packages "${APP_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
ensure_rust
ensure_node
ensure_ui_packages

say "UI: type check, lint and unit tests"
npm --prefix ui run typecheck
npm --prefix ui run lint
npm --prefix ui run test
build_ui

say "Rust: format, lints"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets -- -D warnings

say "Rust: unit, integration and IPC tests"
cargo test --workspace
# The benches, e2e and kill tests use what that built instead of building the app, the CLI and
# the core again with other features (build_debug_binaries in lib.sh).
export TAIZHANG_REUSE_TEST_BUILD=1

bash scripts/bench.sh --quick

say "End-to-end tests in a real window"
bash tests/e2e/run.sh

say "Kill tests (quick): imports, records and restores killed at random moments"
bash scripts/crash-test.sh --quick

say "All tests passed"
