#!/usr/bin/env bash
# Installs what planboard needs on a fresh machine of this kind, skipping every tool that
# is already present at the right version, so a warm run takes a few seconds.
#
# Nothing here downloads a prebuilt binary from outside the package registries: Trunk and
# wasm-bindgen are built from crates.io, wasm-opt comes from npm, Chromium from Debian.
# When every tool is present the script needs no network at all (offline-safe).
#
# Usage: bash scripts/setup.sh        (run.sh and check.sh call it for you)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh

# Pinned: every trunk 0.22.x needs a newer rustc than this machine's 1.95.
TRUNK_VERSION=0.21.14
# wasm-split-cli, which cuts the app's wasm into the first load and per-view chunks
# (scripts/post-build.sh). From wasm_split_cli_support, the CLI made for the wasm_split
# macros Leptos's split points use; not the crates.io crate wasm-split-cli (Dioxus's).
WASM_SPLIT_VERSION=0.2.4
# Pinned to the version Trunk.toml names (`wasm_opt = "version_132"`). Debian's binaryen
# 108 builds a wasm that leaves the page blank, so it must never be picked up instead.
BINARYEN_VERSION=132.0.0
# Test-only: the accessibility checks of the browser tests inject axe.min.js.
AXE_CORE_VERSION=4.14.1

# Two set-ups at once (e.g. run.sh in one terminal, check.sh in another) would race on
# cargo install and npm; the second one waits for the first.
mkdir -p "$TOOLS_DIR"
exec 9>"$TOOLS_DIR/setup.lock"
if ! flock -n 9; then
  say "another set-up is running; waiting for it"
  flock 9
fi

# --- Rust: target and components ------------------------------------------------------
need_command rustup "install Rust with rustup first (https://rustup.rs)"
installed_targets=$(rustup target list --installed)
if ! grep -qx wasm32-unknown-unknown <<<"$installed_targets"; then
  timed "adding the wasm32-unknown-unknown target" rustup target add wasm32-unknown-unknown
fi
installed_components=$(rustup component list --installed)
for component in rustfmt clippy; do
  if ! grep -q "^$component" <<<"$installed_components"; then
    timed "adding the $component component" rustup component add "$component"
  fi
done

# --- Trunk and the wasm-bindgen CLI: built from crates.io, side by side ----------------
# They are the two long steps of a fresh set-up. Built one after the other, each leaves a
# core idle through its serial stretches (build scripts, the final link); side by side,
# one fills the other's gaps. They build in the background while npm and apt download
# below, and are awaited before the crates are fetched.
#
# Neither tool's speed matters to us (Trunk mostly starts other programs; wasm-bindgen
# reads one wasm per build), so they are built with cheaper optimisation than their own
# release profiles ask for: Trunk's fat LTO with one codegen unit alone costs minutes.
# Cargo's environment settings override a package's profile.
cheap_release_build() {
  CARGO_PROFILE_RELEASE_LTO=off CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    CARGO_PROFILE_RELEASE_OPT_LEVEL=1 CARGO_PROFILE_RELEASE_DEBUG=false "$@"
}
tool_builds=()
# Starts `cargo install` in the background, its output in .tools/<name>-install.log.
start_tool_build() {
  local name=$1
  shift
  say "building $name from crates.io in the background (log: .tools/$name-install.log) …"
  (
    started=$SECONDS
    if cheap_release_build cargo install "$@" >"$TOOLS_DIR/$name-install.log" 2>&1; then
      say "building $name: done in $(format_duration $((SECONDS - started)))"
    else
      exit 1
    fi
  ) &
  tool_builds+=("$name:$!")
}
# Waits for every background build; names the one that failed and shows its log's end.
finish_tool_builds() {
  local build name failed=0
  for build in "${tool_builds[@]}"; do
    name=${build%%:*}
    if ! wait "${build#*:}"; then
      say "building $name FAILED; the end of .tools/$name-install.log:"
      tail -n 30 "$TOOLS_DIR/$name-install.log" >&2
      failed=1
    fi
  done
  [ "$failed" -eq 0 ] || die "a tool did not build (see above); re-run bash scripts/setup.sh"
}

if [ "$(tool_version trunk)" != "$TRUNK_VERSION" ]; then
  start_tool_build trunk --locked trunk --version "$TRUNK_VERSION"
fi

# The wasm-bindgen CLI must be exactly the library version Cargo.lock pins: a different
# CLI version writes JS glue that does not fit the wasm.
wb_version=$(locked_version wasm-bindgen)
if [ -z "$wb_version" ]; then
  die "Cargo.lock names no wasm-bindgen version; run 'cargo generate-lockfile' first"
fi
if [ "$(tool_version wasm-bindgen)" != "$wb_version" ]; then
  # Not --locked: one of its locked dependencies is not in the registry reachable here.
  start_tool_build wasm-bindgen-cli wasm-bindgen-cli --version "$wb_version"
fi

# `wasm-split-cli --version` prints no version of its library, so the installed one is
# read from cargo's install record.
installed_crate_version() {
  cargo install --list 2>/dev/null | awk -v name="$1" '$1 == name { sub(/^v/, "", $2); sub(/:$/, "", $2); print $2 }'
}
if ! command -v wasm-split-cli >/dev/null \
  || [ "$(installed_crate_version wasm_split_cli_support)" != "$WASM_SPLIT_VERSION" ]; then
  start_tool_build wasm-split-cli --locked wasm_split_cli_support --version "$WASM_SPLIT_VERSION" \
    --features build-binary
fi

# --- wasm-opt (binaryen from npm) and axe-core, into .tools/ -------------------------------
npm_package_version() {
  local manifest="$TOOLS_DIR/node_modules/$1/package.json"
  [ -f "$manifest" ] && sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$manifest" | head -n 1
}
if [ "$(npm_package_version binaryen)" != "$BINARYEN_VERSION" ] \
  || [ "$(npm_package_version axe-core)" != "$AXE_CORE_VERSION" ] \
  || [ ! -x "$TOOLS_DIR/node_modules/.bin/wasm-opt" ]; then
  need_command npm "install Node.js and npm (Debian: apt-get install nodejs npm)"
  timed "installing binaryen $BINARYEN_VERSION (wasm-opt) and axe-core $AXE_CORE_VERSION from npm into .tools/" \
    npm install --silent --no-audit --no-fund --save-exact --prefix "$TOOLS_DIR" \
    "binaryen@$BINARYEN_VERSION" "axe-core@$AXE_CORE_VERSION"
fi

# --- Chromium, chromedriver, and what the build's post-build hook uses (Debian) -------------
missing_packages=()
command -v chromium >/dev/null || missing_packages+=(chromium)
command -v chromedriver >/dev/null || missing_packages+=(chromium-driver)
# brotli and gzip pre-compress the build and measure it; openssl hashes for integrity.
command -v brotli >/dev/null || missing_packages+=(brotli)
command -v gzip >/dev/null || missing_packages+=(gzip)
command -v openssl >/dev/null || missing_packages+=(openssl)
# pdftotext reads back the 督查通报 PDF the browser tests print.
command -v pdftotext >/dev/null || missing_packages+=(poppler-utils)
# A Chinese font, as every reader has: without one Chromium draws the documents' text as
# empty boxes of another width, so the screenshots are unreadable and the layout the
# tests measure is not the one readers see. Noto Sans CJK is Debian's (Source Han Sans).
if ! command -v fc-list >/dev/null || [ -z "$(fc-list :lang=zh-cn family 2>/dev/null)" ]; then
  missing_packages+=(fonts-noto-cjk)
fi
if [ ${#missing_packages[@]} -gt 0 ]; then
  need_command apt-get "install ${missing_packages[*]} with your system's package manager"
  sudo_prefix=()
  if [ "$(id -u)" -ne 0 ]; then
    need_command sudo "run this script as root, or install ${missing_packages[*]} yourself"
    sudo_prefix=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  timed "apt-get update" "${sudo_prefix[@]}" apt-get update -qq
  timed "installing ${missing_packages[*]} from Debian" \
    "${sudo_prefix[@]}" apt-get install -y -qq --no-install-recommends "${missing_packages[@]}"
fi

# --- Issue 15: what builds and tests the app for older browsers ----------------------------
# wabt (wasm-validate) checks every built wasm against Chromium 86's features
# (scripts/post-build.sh). Old headless Chromium builds for the browser tests that drive
# them over the DevTools protocol (tests/harness/devtools.rs): Debian has only the
# current one, these npm packages bundle Chromium 86 and 92 for Linux x86_64 (brotli-
# compressed binary and library archives). Each goes into .tools/chromium-<major>/ with
# a VERSION file, and is skipped when that file names the same package.
WABT_VERSION=1.0.39
OLD_CHROMIUM_PACKAGES=("86=chrome-aws-lambda@5.3.1" "92=chrome-aws-lambda@10.1.0")
if [ "$(npm_package_version wabt)" != "$WABT_VERSION" ]; then
  need_command npm "install Node.js and npm (Debian: apt-get install nodejs npm)"
  timed "installing wabt $WABT_VERSION (wasm-validate) from npm into .tools/" \
    npm install --silent --no-audit --no-fund --save-exact --prefix "$TOOLS_DIR" "wabt@$WABT_VERSION"
fi
install_old_chromium() {
  local major=$1 package=$2
  local dir="$TOOLS_DIR/chromium-$major"
  if [ -x "$dir/chromium" ] && [ "$(cat "$dir/VERSION" 2>/dev/null)" = "$package" ]; then
    return 0
  fi
  need_command npm "install Node.js and npm (Debian: apt-get install nodejs npm)"
  local unpack
  unpack=$(mktemp -d)
  (cd "$unpack" && npm pack --silent "$package" >/dev/null)
  tar -xzf "$unpack"/*.tgz -C "$unpack" package/bin
  rm -rf "$dir.new"
  mkdir -p "$dir.new/swiftshader"
  brotli --decompress --stdout "$unpack/package/bin/chromium.br" >"$dir.new/chromium"
  chmod +x "$dir.new/chromium"
  # lib/ (nss, expat…); not the bundled fonts.conf, which points at a Lambda path.
  brotli --decompress --stdout "$unpack/package/bin/aws.tar.br" | tar -x -C "$dir.new" lib
  brotli --decompress --stdout "$unpack/package/bin/swiftshader.tar.br" | tar -x -C "$dir.new/swiftshader"
  printf '%s\n' "$package" >"$dir.new/VERSION"
  rm -rf "$unpack" "$dir"
  mv "$dir.new" "$dir"
}
for entry in "${OLD_CHROMIUM_PACKAGES[@]}"; do
  if ! [ -x "$TOOLS_DIR/chromium-${entry%%=*}/chromium" ] \
    || [ "$(cat "$TOOLS_DIR/chromium-${entry%%=*}/VERSION" 2>/dev/null)" != "${entry#*=}" ]; then
    timed "installing headless Chromium ${entry%%=*} from npm (${entry#*=}) into .tools/" \
      install_old_chromium "${entry%%=*}" "${entry#*=}"
  fi
done

# --- Issue 14: pdf.js for PDF import, loaded only when a reader chooses a PDF --------------
# pdfjs-dist 3.7.107 is the newest whose legacy build runs in Chromium 86: from 3.8 on
# its worker calls Array.prototype.at (Chromium 92) unpolyfilled, and the 4.x and 5.x
# legacy builds use static class blocks (Chromium 94), a syntax error there. Unpacked
# from `npm pack` into .tools/pdfjs-dist/ rather than installed: it is not a dependency
# of the tools above (npm would prune it on their next install), and its optional
# dependency `canvas` needs a native build the browser never uses.
# scripts/post-build.sh copies what the app needs into dist/pdfjs/.
PDFJS_VERSION=3.7.107
install_pdfjs() {
  local dir="$TOOLS_DIR/pdfjs-dist" unpack
  unpack=$(mktemp -d)
  (cd "$unpack" && npm pack --silent "pdfjs-dist@$PDFJS_VERSION" >/dev/null)
  tar -xzf "$unpack"/*.tgz -C "$unpack" package/package.json package/LICENSE \
    package/legacy/build/pdf.min.js package/legacy/build/pdf.worker.min.js package/cmaps
  rm -rf "$dir"
  mv "$unpack/package" "$dir"
  rm -rf "$unpack"
}
if [ "$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$TOOLS_DIR/pdfjs-dist/package.json" 2>/dev/null | head -n 1)" != "$PDFJS_VERSION" ]; then
  need_command npm "install Node.js and npm (Debian: apt-get install nodejs npm)"
  timed "unpacking pdfjs-dist $PDFJS_VERSION (PDF import) from npm into .tools/" install_pdfjs
fi

# --- Crates: Trunk builds with cargo --offline, so every crate must be local ---------------
if ! cargo fetch --offline --quiet 2>/dev/null; then
  timed "downloading the crates Cargo.lock names" cargo fetch --quiet
fi

if [ ${#tool_builds[@]} -gt 0 ]; then
  timed "waiting for the tool builds" finish_tool_builds
fi

say "tools ready: trunk $(tool_version trunk), wasm-bindgen $(tool_version wasm-bindgen)," \
  "wasm-opt $("$TOOLS_DIR/node_modules/.bin/wasm-opt" --version | awk '{print $3}')," \
  "$(chromedriver --version | awk '{print $1, $2}')"
