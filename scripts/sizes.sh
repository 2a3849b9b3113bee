#!/usr/bin/env bash
# Prints what a visitor downloads: every wasm, js, css, html and data/*.json file of the
# built app, raw and brotli-compressed (quality 11, as a static host would pre-compress).
# The PDF reader in pdfjs/ is summed apart: it is loaded only when a PDF is imported.
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
    -o -name '*.html' -o -path './data/*.json' \) ! -path './pdfjs/*' | sed 's|^\./||' | sort
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

if [ -d "$dist/pdfjs" ]; then
  mapfile -t on_demand < <(cd "$dist" && find ./pdfjs -type f ! -name '*.br' ! -name '*.gz' | sed 's|^\./||' | sort)
  demand_raw=0
  demand_brotli=0
  for file in "${on_demand[@]}"; do
    demand_raw=$((demand_raw + $(wc -c <"$dist/$file")))
    demand_brotli=$((demand_brotli + $(brotli -q 11 -c "$dist/$file" | wc -c)))
  done
  printf '%-44s %12d %12d\n' "on demand: pdfjs/ (${#on_demand[@]} files, PDF import)" "$demand_raw" "$demand_brotli"
fi
