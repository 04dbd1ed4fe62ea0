#!/usr/bin/env bash
# Runs the end-to-end tests in a real window: builds what is missing or stale (ui/dist, the
# debug app binary, tauri-driver), starts one Xvfb for the run when there is no DISPLAY, and
# runs every tests/e2e/*.test.mjs with Node's test runner. Exits non-zero on a failure.
#
#   bash tests/e2e/run.sh                      # all e2e tests
#   bash tests/e2e/run.sh tests/e2e/smoke.test.mjs   # some of them
#
# Screenshots land in artifacts/screenshots/; TAIZHANG_E2E_KEEP=1 keeps each run's temporary
# HOME, database and tauri-driver log (their folder is printed on failure).
source "$(dirname "$0")/../../scripts/lib.sh"   # cd to the root, say, ensure_ui_packages

if ! command -v tauri-driver >/dev/null 2>&1 && [ ! -x "${CARGO_HOME:-$HOME/.cargo}/bin/tauri-driver" ]; then
  say "Installing tauri-driver"
  cargo install tauri-driver --locked
fi
command -v WebKitWebDriver >/dev/null || { echo "WebKitWebDriver is missing: apt-get install webkit2gtk-driver" >&2; exit 1; }

ensure_ui_packages
stale_ui() {
  [ ! -f ui/dist/index.html ] && return 0
  [ -n "$(find ui/src ui/public ui/index.html ui/vite.config.ts ui/package-lock.json ui/tsconfig*.json \
    -newer ui/dist/index.html -print -quit 2>/dev/null)" ]
}
if stale_ui; then build_ui; fi

say "Building the app (debug) and the CLI (ui-exchange prepares its ledgers with it)"
build_debug_binaries

# The ledger the app's first run makes (the sample loaded), made once by the first launch that
# needs it and copied for each launch without a ledger of its own (harness.mjs).
FIRST_RUN_DIR="$(mktemp -d)"
export TAIZHANG_E2E_FIRST_RUN_LEDGER="$FIRST_RUN_DIR/taizhang.db"
XVFB_PID=
trap 'rm -rf "$FIRST_RUN_DIR"; [ -z "$XVFB_PID" ] || kill "$XVFB_PID" 2>/dev/null || true' EXIT

if [ -z "${DISPLAY:-}" ]; then
  # One Xvfb for the whole run, on a display number it picks itself.
  fifo="$(mktemp -u)"
  mkfifo "$fifo"
  Xvfb -displayfd 3 -screen 0 1920x1080x24 -nolisten tcp 3>"$fifo" 2>/dev/null &
  XVFB_PID=$!
  read -r n <"$fifo"
  rm -f "$fifo"
  export DISPLAY=":$n"
fi

mkdir -p artifacts/screenshots
say "End-to-end tests (DISPLAY=$DISPLAY)"
if [ $# -gt 0 ]; then files=("$@"); else mapfile -t files < <(find tests/e2e -name '*.test.mjs' | sort); fi
node --test --test-concurrency=1 "${files[@]}"
