#!/usr/bin/env bash
# Prints what a visitor downloads: every wasm, js, css, html and data/*.json file of the
# built app, raw and brotli-compressed (quality 11, as a static host would pre-compress).
# Summed apart, because no visit loads them until a reader imports a file: the import
# worker (import-worker*: the format readers, the importer and the publish bundle), the
# PDF reader in pdfjs/ (only when a PDF is chosen), and the views' wasm chunks
# (split_*-<hash>.wasm, chunk_*-<hash>.wasm: fetched the first time a view of their group is opened;
# see scripts/post-build.sh), each listed.
#
# Usage: bash scripts/sizes.sh [DIST_DIR]      (default: dist)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh

dist=${1:-dist}
[ -f "$dist/index.html" ] || die "$dist/index.html not found: build the app first (bash scripts/run.sh)"
need_command brotli "run bash scripts/setup.sh"

mapfile -t files < <(
  cd "$dist" && find . -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' \
    -o -name '*.html' -o -path './data/*.json' \) ! -path './pdfjs/*' ! -name 'import-worker*' ! -name 'split_*.wasm' ! -name 'chunk_*.wasm' | sed 's|^\./||' | sort
)

printf '%-44s %12s %12s\n' "file ($dist/)" "raw bytes" "brotli bytes"
printf '%-44s %12s %12s\n' "--------------------------------------------" "------------" "------------"
total_raw=0
total_brotli=0
data_raw=0
data_brotli=0
for file in "${files[@]}"; do
  raw=$(wc -c <"$dist/$file")
  compressed=$(brotli -q 11 -c "$dist/$file" | wc -c)
  total_raw=$((total_raw + raw))
  total_brotli=$((total_brotli + compressed))
  if [[ "$file" == data/* ]]; then
    data_raw=$((data_raw + raw))
    data_brotli=$((data_brotli + compressed))
  fi
  printf '%-44s %12d %12d\n' "$file" "$raw" "$compressed"
done
printf '%-44s %12s %12s\n' "" "------------" "------------"
printf '%-44s %12d %12d\n' "app (wasm, js, css, html)" $((total_raw - data_raw)) $((total_brotli - data_brotli))
printf '%-44s %12d %12d\n' "data (data/*.json)" "$data_raw" "$data_brotli"
printf '%-44s %12d %12d\n' "total (${#files[@]} files)" "$total_raw" "$total_brotli"

# Sums raw and brotli bytes of the files named on stdin (paths under $dist).
sum_apart() {
  local label=$1 count=0 raw=0 compressed=0 file
  while IFS= read -r file; do
    count=$((count + 1))
    raw=$((raw + $(wc -c <"$dist/$file")))
    compressed=$((compressed + $(brotli -q 11 -c "$dist/$file" | wc -c)))
  done
  [ "$count" -gt 0 ] && printf '%-44s %12d %12d\n' "on demand: $label ($count files)" "$raw" "$compressed"
  return 0
}
(cd "$dist" && find . -maxdepth 1 -type f -name 'import-worker*' ! -name '*.br' ! -name '*.gz' | sed 's|^\./||' | sort) |
  sum_apart "import worker"

if [ -d "$dist/pdfjs" ]; then
  (cd "$dist" && find ./pdfjs -type f ! -name '*.br' ! -name '*.gz' | sed 's|^\./||' | sort) |
    sum_apart "pdfjs/, PDF import"
fi

# The views' chunks: split_<group>_views-<hash>.wasm holds a menu group's views, chunk_<n>-<hash>.wasm code
# shared by several groups (fetched with the first of them).
mapfile -t chunks < <(cd "$dist" && find . -maxdepth 1 -type f \( -name 'split_*.wasm' -o -name 'chunk_*.wasm' \) \
  | sed 's|^\./||' | LC_ALL=C sort)
if [ ${#chunks[@]} -gt 0 ]; then
  for chunk in "${chunks[@]}"; do
    printf '%-44s %12d %12d\n' "  on demand: $chunk" "$(wc -c <"$dist/$chunk")" "$(brotli -q 11 -c "$dist/$chunk" | wc -c)"
  done
  printf '%s\n' "${chunks[@]}" | sum_apart "view chunks"
fi
