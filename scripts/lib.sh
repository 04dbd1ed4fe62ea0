# Shared by run.sh and test.sh: install what is missing on a Debian/Ubuntu machine.
# Each step checks first, so a second run installs nothing.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

say() { printf '\n==> [%s] %s\n' "$(date +%H:%M:%S)" "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# Debian packages a Tauri 2 app needs to build and run; the test extras drive a real window,
# and LibreOffice (headless, no GUI) re-saves the import tests' workbooks as .xls/.ods/.xlsx.
APP_PACKAGES=(libwebkit2gtk-4.1-dev libgtk-3-dev libayatana-appindicator3-dev librsvg2-dev
  libxdo-dev libssl-dev build-essential pkg-config curl file fonts-noto-cjk
  libclang-dev)  # libclang: rusqlite's `session` feature generates its SQLite bindings (bindgen)
TEST_PACKAGES=(xvfb webkit2gtk-driver imagemagick sqlite3 libreoffice-calc-nogui
  x11-utils)  # xwininfo: the e2e finds native windows (the print dialog) by name
# Installed without their recommended packages (LibreOffice's would add python3-uno, fonts,
# apparmor …): libreoffice-calc-nogui alone is 84 MB to fetch, 262 MB installed.
LEAN_PACKAGES=(libreoffice-calc-nogui)

ensure_packages() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    say "Installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    local full=() lean=()
    for p in "${missing[@]}"; do
      if [[ " ${LEAN_PACKAGES[*]} " == *" $p "* ]]; then lean+=("$p"); else full+=("$p"); fi
    done
    if [ ${#full[@]} -gt 0 ]; then
      DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${full[@]}" >/dev/null
    fi
    if [ ${#lean[@]} -gt 0 ]; then
      DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends \
        "${lean[@]}" >/dev/null
    fi
  fi
}

ensure_rust() {
  if ! command -v cargo >/dev/null 2>&1; then
    [ -x "$HOME/.cargo/bin/cargo" ] || {
      say "Installing the Rust toolchain (rustup)"
      curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal -c clippy,rustfmt
    }
    export PATH="$HOME/.cargo/bin:$PATH"
  fi
}

ensure_node() {
  if ! command -v npm >/dev/null 2>&1; then
    say "Installing Node.js"
    ensure_packages nodejs npm
  fi
}

# The front end's packages, reinstalled only when the lock file changed.
ensure_ui_packages() {
  local stamp=ui/node_modules/.taizhang-lock
  if [ ! -f "$stamp" ] || ! cmp -s ui/package-lock.json "$stamp"; then
    say "Installing the front end's npm packages"
    npm --prefix ui ci --no-audit --no-fund
    cp ui/package-lock.json "$stamp"
  fi
}

build_ui() {
  say "Building the front end (ui/dist)"
  npm --prefix ui run build
}

# The debug `taizhang-desktop` and `taizhang` binaries for the e2e and kill tests. Within
# scripts/test.sh (TAIZHANG_REUSE_TEST_BUILD=1) they are the ones `cargo test --workspace`
# built: a plain `cargo build` resolves the dependencies' features without the dev-dependencies
# (tauri's `test`, proptest's `std` features), so it would compile taizhang-core, the app and
# much of the dependency tree a second time to get the same programs. The command below is then
# only a check that nothing changed since.
build_debug_binaries() {
  if [ "${TAIZHANG_REUSE_TEST_BUILD:-}" = 1 ]; then
    cargo test --workspace --no-run -q
  else
    cargo build -p taizhang-desktop -p taizhang-cli
  fi
}
