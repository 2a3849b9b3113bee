#!/usr/bin/env bash
# Benchmarks the release build in headless Chromium and writes BENCHMARKS.md: first-load
# bytes (raw and brotli, per file), time to the first task list, keystroke and facet
# click to the settled DOM, JS heap and wasm memory — at seed size and at 50,000 tasks,
# each beside a plain static page listing the same items, measured in the same run.
#
# Usage: bash scripts/bench.sh              (about 5 minutes on 2 cores, warm)
#        TASKS=20000 bash scripts/bench.sh  (another size for the synthetic dataset)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh

tasks=${TASKS:-50000}
[[ "$tasks" =~ ^[0-9]+$ ]] || die "TASKS must be a number, not '$tasks'"
work="${CARGO_TARGET_DIR:-target}/bench"
mkdir -p "$work"

bash scripts/setup.sh
# Its own dist folder, so that a build or a test elsewhere cannot change the files
# while they are measured; the lock keeps two Trunk builds from sharing target/'s
# intermediate files (a concurrent build once left an empty wasm behind).
timed "release build (trunk)" flock /tmp/planboard-build.lock \
  trunk build --release --skip-version-check --dist "$work/dist"
for wasm in "$work/dist"/*.wasm; do
  [ -s "$wasm" ] || die "the build wrote an empty $wasm (another build at the same time?); run again"
done

# The synthetic dataset, from the real documents; recompressed only when it changed
# (brotli -q 11 of ~60 MB takes a while).
timed "synthetic dataset of $tasks tasks" cargo run --quiet --release -p planboard-importer \
  --bin planboard-ingest -- synth data/sources --tasks "$tasks" --out "$work/synth-new"
synth="$work/synth-$tasks"
mkdir -p "$synth"
for file in "$work/synth-new"/*.json; do
  name=$(basename "$file")
  if ! cmp -s "$file" "$synth/$name" || [ ! -f "$synth/$name.br" ]; then
    mv "$file" "$synth/$name"
    timed "brotli $name" brotli --quality=11 --force --keep --output="$synth/$name.br" "$synth/$name"
  fi
done
rm -rf "$work/synth-new"

timed "building the benchmark driver" cargo build --quiet -p planboard-browser-tests --bin planboard-bench
"${CARGO_TARGET_DIR:-target}/debug/planboard-bench" --dist "$work/dist" \
  --dataset seed= --dataset "$tasks=$synth" --out BENCHMARKS.md
