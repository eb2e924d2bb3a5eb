#!/usr/bin/env bash
# Installs what pgdojo's build and tests need, skipping whatever is already at the right version.
#   tools/install.sh build   Rust components, wasm32 target, trunk, wasm-bindgen-cli, npm packages
#   tools/install.sh e2e     the above plus Debian's chromium and chromium-driver
# Versions: tools/versions.env (wasm-bindgen-cli follows Cargo.lock). Nothing downloads a browser or a
# prebuilt toolchain: trunk runs --offline with these tools on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=tools/versions.env
source tools/versions.env
mode="${1:-build}"

say() { printf 'install: %s\n' "$*"; }

# Runs a command that needs root, or explains exactly what to run.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo "$@"
  else
    say "this step needs root; run:  sudo $*"
    exit 1
  fi
}

apt_updated=0
apt_install() {
  if [ "$apt_updated" -eq 0 ]; then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
    apt_updated=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@"
}

export PATH="$HOME/.cargo/bin:$PATH"

# Rust: components and the wasm target.
if ! command -v cargo >/dev/null 2>&1; then
  say "cargo is missing: install Rust with rustup first"
  exit 1
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed 2>/dev/null | grep -q "^$component"; then
    say "adding rustup component $component"
    rustup component add "$component"
  fi
done
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# trunk, pinned (0.22 needs a newer rustc).
if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (takes several minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# wasm-bindgen-cli must equal the wasm-bindgen crate in Cargo.lock. Not --locked: that build fails.
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
if [ -z "$bindgen_version" ]; then
  say "cannot find wasm-bindgen in Cargo.lock"
  exit 1
fi
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $bindgen_version" ]; then
  say "installing wasm-bindgen-cli $bindgen_version"
  cargo install wasm-bindgen-cli --version "$bindgen_version" --force
fi

# Node packages: binaryen (wasm-opt) and playwright-core (no browser download).
if ! command -v npm >/dev/null 2>&1; then
  say "installing Node.js and npm from Debian"
  apt_install nodejs npm
fi
installed_version() { node -p "require('./node_modules/$1/package.json').version" 2>/dev/null || true; }
if [ "$(installed_version binaryen)" != "$BINARYEN_VERSION.0.0" ] ||
  [ "$(installed_version playwright-core)" != "$PLAYWRIGHT_CORE_VERSION" ]; then
  say "installing npm packages (binaryen $BINARYEN_VERSION, playwright-core $PLAYWRIGHT_CORE_VERSION)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
fi

if [ "$mode" = "e2e" ]; then
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    say "installing Debian's chromium and chromium-driver"
    apt_install chromium chromium-driver
  fi
fi
say "all tools present"
