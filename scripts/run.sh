#!/usr/bin/env bash
# README command 1: installs what is missing, builds the release app, prints its sizes,
# then serves dist/ on 127.0.0.1 and prints the URL to open. Ctrl-C stops the server.
#
# Usage: bash scripts/run.sh            (a free port)
#        PORT=8080 bash scripts/run.sh  (a given port)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh

port=${PORT:-0}
[[ "$port" =~ ^[0-9]+$ ]] || die "PORT must be a number, not '$port'"

bash scripts/setup.sh
timed "release build (trunk)" trunk build --release --skip-version-check
bash scripts/sizes.sh dist
# The browser tests' static server (correct type for .wasm, no Python needed); a debug
# build is enough to serve files and is shared with scripts/check.sh.
timed "building the static server" cargo build --quiet -p planboard-browser-tests --bin planboard-serve
exec "${CARGO_TARGET_DIR:-target}/debug/planboard-serve" dist --port "$port"
