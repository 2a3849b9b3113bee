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
# Python's own static server (scripts/serve.py): nothing to compile before the URL is
# printed, where a server of our own in Rust took a minute to build on a fresh machine.
need_command python3 "install Python 3 (Debian: apt-get install python3)"
exec python3 scripts/serve.py dist --port "$port"
