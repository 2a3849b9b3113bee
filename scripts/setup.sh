#!/usr/bin/env bash
# Installs what planboard needs on a fresh machine of this kind, skipping every tool that
# is already present at the right version, so a warm run takes seconds.
# Nothing here downloads a prebuilt binary from outside the package registries: Trunk
# and wasm-bindgen are built from crates.io, wasm-opt comes from npm, Chromium from Debian.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132.0.0
TOOLS_DIR="$PWD/.tools"

say() { printf '[setup] %s\n' "$*" >&2; }

# The wasm-bindgen CLI must match the library version that Cargo.lock pins, or the
# generated JS glue does not fit the wasm.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! command -v trunk >/dev/null || ! trunk --version | grep -q " $TRUNK_VERSION"; then
  say "building trunk $TRUNK_VERSION from crates.io (about 11 minutes on 2 cores)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

WB_VERSION=$(wasm_bindgen_version)
if [ -z "$WB_VERSION" ]; then
  say "Cargo.lock names no wasm-bindgen version; run 'cargo generate-lockfile' first"
  exit 1
fi
if ! command -v wasm-bindgen >/dev/null || ! wasm-bindgen --version | grep -q " $WB_VERSION\$"; then
  say "building wasm-bindgen-cli $WB_VERSION (about 4 minutes)"
  # Not --locked: one of its locked dependencies is not in the registry reachable here.
  cargo install wasm-bindgen-cli --version "$WB_VERSION"
fi

if [ ! -x "$TOOLS_DIR/node_modules/.bin/wasm-opt" ]; then
  say "installing wasm-opt (binaryen $BINARYEN_VERSION) from npm into .tools/"
  mkdir -p "$TOOLS_DIR"
  npm install --silent --no-audit --no-fund --prefix "$TOOLS_DIR" "binaryen@$BINARYEN_VERSION" axe-core@4
fi

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  say "installing Debian chromium and chromium-driver"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver >/dev/null
fi

if ! command -v brotli >/dev/null; then
  say "installing brotli (for size reports and pre-compressed files)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq brotli >/dev/null
fi

say "tools ready"
