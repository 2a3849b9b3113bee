#!/usr/bin/env bash
# README command 2: installs what is missing, then runs every check in order and stops
# at the first failure, naming the step that failed.
#
# Usage: bash scripts/check.sh        (.ci/run calls exactly this)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh

# The browser tests and the app are excluded from the native steps: the app is only
# meaningful on wasm32, and the browser tests get their own step after the build.
NATIVE_EXCLUDES=(--exclude planboard --exclude planboard-browser-tests)

STEPS=(
  "set-up|bash scripts/setup.sh"
  "format|cargo fmt --all -- --check"
  "clippy (native crates and browser tests)|cargo clippy --workspace --exclude planboard --all-targets -- -D warnings"
  "clippy (app, wasm32)|cargo clippy -p planboard --target wasm32-unknown-unknown --all-targets -- -D warnings"
  "native tests (model, importer)|cargo test --workspace ${NATIVE_EXCLUDES[*]}"
  "release build|trunk build --release --skip-version-check"
  "sizes|bash scripts/sizes.sh dist"
  "browser tests|cargo test -p planboard-browser-tests"
)

started_all=$SECONDS
for index in "${!STEPS[@]}"; do
  name=${STEPS[$index]%%|*}
  command=${STEPS[$index]#*|}
  say "==> [$((index + 1))/${#STEPS[@]}] $name: $command"
  started=$SECONDS
  # Word splitting of $command is intended: every step is a plain command line above.
  # shellcheck disable=SC2086
  if ! $command; then
    say "FAILED at step [$((index + 1))/${#STEPS[@]}] '$name' (after $(format_duration $((SECONDS - started_all))))"
    say "re-run just that step with: $command"
    exit 1
  fi
  say "    $name: ok in $(format_duration $((SECONDS - started)))"
done
say "all ${#STEPS[@]} steps passed in $(format_duration $((SECONDS - started_all)))"
