#!/usr/bin/env bash
# Trunk post-build hook (Trunk.toml `[[hooks]]`): finishes the staged build before Trunk
# moves it into dist/.
#
# 1. Moves Trunk's inline bootstrap `<script type="module">…</script>` into an external
#    file, so index.html can carry a Content-Security-Policy without 'unsafe-inline'. It
#    is Trunk.toml's `pattern_script`, written without a top-level `await` (Chromium 86
#    and 87 reject it with "Unexpected reserved word"); a bootstrap with one fails here.
# 1b. Checks every wasm of the build against what Chromium 86 runs: no reference types,
#    no SIMD (wabt's wasm-validate from npm, installed by scripts/setup.sh).
# 1c. Copies the PDF reader into pdfjs/: src/pdf_text.js, pdf.js and its worker (legacy
#    build, from .tools/pdfjs-dist/, see scripts/setup.sh) and the CMaps of the Adobe-GB1
#    collection. Nothing links to them: the import page loads them when a PDF is chosen.
# 2. Writes sw.js from src/service_worker.js: the list of every file of the build and a
#    cache version derived from their contents, so a new build is a new service worker.
#    The pdfjs/ files are listed apart: cached on first use, not precached.
# 3. Writes a brotli `.br` and a gzip `.gz` beside each file, for hosts that serve them.
#
# Trunk sets TRUNK_STAGING_DIR; run by hand as `TRUNK_STAGING_DIR=dist bash scripts/post-build.sh`.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh

stage=${TRUNK_STAGING_DIR:?"run by Trunk, or set TRUNK_STAGING_DIR to a built dist/"}
html="$stage/index.html"
[ -f "$html" ] || die "$html not found"
need_command brotli "run bash scripts/setup.sh"
need_command gzip "install gzip"
need_command openssl "install openssl (integrity hashes)"

# Subresource-integrity value, the same kind (sha384) Trunk writes for its own files.
integrity() {
  printf 'sha384-%s' "$(openssl dgst -sha384 -binary "$1" | base64 -w 0)"
}

# --- 1. external bootstrap script ---------------------------------------------------
# Trunk writes the bootstrap of Trunk.toml's `pattern_script` as one inline
# `<script type="module">` (on one line once minified, with or without the quotes).
boot_pattern='<script type="?module"?>(.*?)</script>'
boot_script=$(BOOT="$boot_pattern" perl -0777 -ne 'print $1 if m{$ENV{BOOT}}s' "$html")
if [ -n "$boot_script" ]; then
  if grep -qw await <<<"$boot_script"; then
    die "the bootstrap has an await, which Chromium 86 rejects at the top level (Trunk.toml's pattern_script): $boot_script"
  fi
  printf '%s\n' "$boot_script" >"$stage/.boot.js"
  boot_name="boot-$(sha256sum "$stage/.boot.js" | cut -c 1-16).js"
  mv "$stage/.boot.js" "$stage/$boot_name"
  boot_tag="<script type=\"module\" src=\"./$boot_name\" integrity=\"$(integrity "$stage/$boot_name")\"></script>"
  BOOT="$boot_pattern" TAG="$boot_tag" perl -0777 -pi -e 's{$ENV{BOOT}}{$ENV{TAG}}s' "$html"
fi
if grep -Eq '<script( type="?module"?)?>|<style' "$html"; then
  die "index.html still has an inline script or style, which its Content-Security-Policy blocks"
fi

# --- 1a. the app's wasm split per view -------------------------------------------------
# Trunk cannot split (its hooks run before cargo or after its own wasm-bindgen), so the
# split is done here and replaces Trunk's app JS and wasm under the same names. From
# rustc's wasm (linked with --emit-relocs by build.rs), wasm-split (wasm_split_cli_support,
# scripts/setup.sh) cuts off the views of src/lazy_pages.rs into chunks, one per group of
# the menu plus chunks of code shared by several groups; the main module keeps the
# shell, the model and the 任务 list. Then, as Trunk does: wasm-bindgen (keeping the
# table, memory and stack pointer exports the chunks link against) and wasm-opt with
# index.html's settings on every wasm. __wasm_split-<hash>.js is the loader the main
# module imports to fetch a chunk on first use.
split_app_wasm() {
  need_command wasm-split-cli "run bash scripts/setup.sh (wasm_split_cli_support)"
  need_command wasm-bindgen "run bash scripts/setup.sh"
  local app_js app_name
  app_js=$(cd "$stage" && find . -maxdepth 1 -name 'planboard-*.js' | sed 's|^\./||')
  [ "$(wc -l <<<"$app_js")" -eq 1 ] && [ -n "$app_js" ] \
    || die "expected one planboard-<hash>.js from Trunk in $stage, found: ${app_js:-none}"
  app_name=${app_js%.js}
  [ -f "$stage/${app_name}_bg.wasm" ] || die "$stage/${app_name}_bg.wasm not found"

  # rustc's own output, in the target dir cargo used (CARGO_TARGET_DIR or the default)
  # and the cargo profile index.html selects for this Trunk profile.
  local target_dir cargo_profile rustc_wasm
  target_dir=$(cargo metadata --format-version 1 --no-deps --offline \
    | perl -MJSON::PP -0777 -ne 'print decode_json($_)->{target_directory}')
  case "${TRUNK_PROFILE:-release}" in
    release) cargo_profile=wasm-release ;;
    *) cargo_profile=wasm-dev ;;
  esac
  rustc_wasm="$target_dir/wasm32-unknown-unknown/$cargo_profile/planboard.wasm"
  [ -f "$rustc_wasm" ] || die "$rustc_wasm not found (the cargo build Trunk ran)"

  local work
  work=$(mktemp -d)
  # shellcheck disable=SC2064 # the path is fixed now
  trap "rm -rf '$work'" RETURN
  wasm-split-cli --target web --out-name "$app_name" "$rustc_wasm" "$work/split" >"$work/split.log" 2>&1 \
    || { cat "$work/split.log" >&2; die "wasm-split failed on $rustc_wasm"; }
  wasm-bindgen --target web --keep-lld-exports --no-demangle --no-typescript \
    --out-dir "$work/bindgen" --out-name "$app_name" "$work/split/$app_name.wasm" \
    || die "wasm-bindgen failed on the split main module"

  cp "$work/bindgen/$app_name.js" "$stage/$app_js"
  cp "$work/bindgen/${app_name}_bg.wasm" "$stage/${app_name}_bg.wasm"
  rm -f "$stage"/split_*.wasm "$stage"/chunk_*.wasm "$stage"/__wasm_split*.js
  local chunk chunks=()
  for chunk in "$work"/split/split_*.wasm "$work"/split/chunk_*.wasm; do
    [ -f "$chunk" ] || continue
    cp "$chunk" "$stage/"
    chunks+=("$(basename "$chunk")")
  done
  [ ${#chunks[@]} -gt 0 ] || die "wasm-split wrote no chunk: is a #[wasm_split] view left in src/lazy_pages.rs?"
  cp "$work/split/__wasm_split.js" "$stage/__wasm_split.js"

  # wasm-opt with index.html's settings: in a release build as Trunk runs it on the app,
  # on every wasm. A debug build is not optimised, but its chunks still go through
  # wasm-opt, to be written out again in the plain encoding: wasm-split keeps the
  # linker's padded table-number LEBs in `call_indirect`, which a decoder without
  # reference types (Chromium 86, wasm-validate below) rejects as "reserved value must
  # be 0". wasm-bindgen already rewrites the main module.
  need_command wasm-opt "run bash scripts/setup.sh (binaryen from npm)"
  local rust_link opt_level opt_params wasm optimise=() to_rewrite=("${chunks[@]}")
  rust_link=$(grep -o '<link data-trunk rel="rust" data-bin="planboard"[^>]*>' index.html)
  opt_level=$(sed -n 's/.* data-wasm-opt="\([^"]*\)".*/\1/p' <<<"$rust_link")
  opt_params=$(sed -n 's/.* data-wasm-opt-params="\([^"]*\)".*/\1/p' <<<"$rust_link")
  [ -n "$opt_level" ] || die "index.html's planboard link has no data-wasm-opt"
  if [ "${TRUNK_PROFILE:-release}" = "release" ]; then
    optimise=("-O$opt_level")
    to_rewrite=("${app_name}_bg.wasm" "${chunks[@]}")
  fi
  for wasm in "${to_rewrite[@]}"; do
    # Word splitting of the params is intended: index.html lists them space-separated.
    # shellcheck disable=SC2086
    wasm-opt "${optimise[@]}" $opt_params "$stage/$wasm" -o "$stage/$wasm.opt" \
      || die "wasm-opt failed on $wasm"
    mv "$stage/$wasm.opt" "$stage/$wasm"
  done

  # Content-hashed names, as Trunk gives its own files: a host's HTTP cache may keep them
  # for good, and never mixes the loader or a chunk of one build with another build's.
  local hashed loader
  for wasm in "${chunks[@]}"; do
    hashed="${wasm%.wasm}-$(sha256sum "$stage/$wasm" | cut -c 1-16).wasm"
    mv "$stage/$wasm" "$stage/$hashed"
    WASM="$wasm" HASHED="$hashed" perl -pi -e 's{"\./\Q$ENV{WASM}\E"}{"./$ENV{HASHED}"}g' "$stage/__wasm_split.js"
    grep -qF "\"./$hashed\"" "$stage/__wasm_split.js" || die "__wasm_split.js does not load $wasm"
  done
  loader="__wasm_split-$(sha256sum "$stage/__wasm_split.js" | cut -c 1-16).js"
  mv "$stage/__wasm_split.js" "$stage/$loader"
  # Only the JS module specifiers: the key of wasm-bindgen's imports object must stay the
  # module name the wasm itself imports from ("./__wasm_split.js").
  LOADER="$loader" perl -pi -e 's{(\bfrom\s*)"\./__wasm_split\.js"}{$1"./$ENV{LOADER}"}g' "$stage/$app_js"
  grep -qF "from \"./$loader\"" "$stage/$app_js" && grep -qF '"./__wasm_split.js":' "$stage/$app_js" \
    || die "$app_js does not import the chunks' loader as $loader"

  # Trunk's preload tags carry the integrity of the files replaced above.
  local file
  for file in "$app_js" "${app_name}_bg.wasm"; do
    FILE="$file" HASH="$(integrity "$stage/$file")" perl -pi -e '
      s{(<link\b[^>]*\bhref="?\./\Q$ENV{FILE}\E[" >][^>]*>)}{
        (my $tag = $1) =~ s{integrity="?sha384-[A-Za-z0-9+/=]+"?}{integrity="$ENV{HASH}"}; $tag
      }ge' "$html"
    grep -q "$(integrity "$stage/$file")" "$html" || die "no integrity for $file in $html"
  done
  split_summary="app split into ${#chunks[@]} chunks"
}
split_app_wasm

# --- 1a'. the import worker's debug wasm ----------------------------------------------
# Unoptimised, the worker's wasm keeps a dead function with SIMD (v128) locals from one
# of its readers' dependencies, which a browser without wasm SIMD (Chromium before 91)
# refuses to compile, so the check below would stop `trunk build` and `trunk serve`.
# wasm-opt -O1 drops it (seconds); the release build's -Oz does the same already.
if [ "${TRUNK_PROFILE:-release}" != "release" ] && [ -f "$stage/import-worker_bg.wasm" ]; then
  need_command wasm-opt "run bash scripts/setup.sh (binaryen from npm)"
  wasm-opt -O1 --enable-simd --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-multivalue \
    "$stage/import-worker_bg.wasm" -o "$stage/import-worker_bg.wasm.opt" \
    || die "wasm-opt failed on the import worker's debug wasm"
  mv "$stage/import-worker_bg.wasm.opt" "$stage/import-worker_bg.wasm"
fi

# --- 1b. every wasm runs in Chromium 86 -------------------------------------------------
# The same features src/start.js tests the browser for: multi-value, bulk memory,
# non-trapping float-to-int and sign extension are allowed (wabt's defaults), reference
# types (Chromium 96) and SIMD (Chromium 91) are not. Every wasm, so that a worker's or a
# split chunk's is checked too.
need_command wasm-validate "run bash scripts/setup.sh (wabt from npm)"
wasm_count=0
while IFS= read -r -d '' wasm; do
  wasm-validate --disable-reference-types --disable-simd "$wasm" \
    || die "$wasm uses wasm features Chromium 86 lacks (see .cargo/config.toml)"
  wasm_count=$((wasm_count + 1))
done < <(find "$stage" -type f -name '*.wasm' -print0)
[ "$wasm_count" -gt 0 ] || die "no .wasm file in $stage"

# --- 1c. the PDF reader, on demand ------------------------------------------------------
# Chinese government PDFs often use non-embedded fonts encoded GBK-EUC-H, UniGB-UCS2-H,
# GB-EUC-H … without a ToUnicode map: their text is read through the Adobe-GB1 CMaps
# (encoding → CID) and Adobe-GB1-UCS2 (CID → Unicode). Every GB encoding of the
# collection is copied, horizontal and vertical (a -V CMap uses its -H one); not the
# Adobe-GB1-0…5 CID ranges, which text extraction never asks for. pdf.js fetches only
# the ones a file names. Identity-H is built into pdf.js.
pdfjs="$TOOLS_DIR/pdfjs-dist"
[ -f "$pdfjs/legacy/build/pdf.worker.min.js" ] || die "$pdfjs is missing: run bash scripts/setup.sh"
rm -rf "$stage/pdfjs"
mkdir -p "$stage/pdfjs/cmaps"
cp src/pdf_text.js "$stage/pdfjs/pdf-text.js"
cp "$pdfjs/legacy/build/pdf.min.js" "$pdfjs/legacy/build/pdf.worker.min.js" "$stage/pdfjs/"
# Their licences (Apache-2.0; the CMaps' BSD-3-Clause asks for its notice beside them).
cp "$pdfjs/LICENSE" "$stage/pdfjs/LICENSE.txt"
cp "$pdfjs/cmaps/LICENSE" "$stage/pdfjs/cmaps/LICENSE.txt"
cmap_count=0
for cmap in "$pdfjs"/cmaps/*GB*.bcmap; do
  case "$(basename "$cmap")" in
    Adobe-GB1-[0-9].bcmap) continue ;;
  esac
  cp "$cmap" "$stage/pdfjs/cmaps/"
  cmap_count=$((cmap_count + 1))
done
[ -f "$stage/pdfjs/cmaps/Adobe-GB1-UCS2.bcmap" ] && [ -f "$stage/pdfjs/cmaps/GBK-EUC-H.bcmap" ] \
  || die "the GB CMaps are missing from $pdfjs/cmaps"

# --- 2. service worker ----------------------------------------------------------------
# Every file of the build except the worker itself and compressed copies of a previous run;
# the PDF reader apart, cached the first time a PDF is chosen (a precache would download
# it for every visitor, and few import PDFs).
mapfile -t files < <(cd "$stage" && find . -type f ! -name 'sw.js' ! -name '*.br' ! -name '*.gz' \
  ! -name '.*' ! -path './pdfjs/*' | sed 's|^\./||' | LC_ALL=C sort)
mapfile -t on_demand < <(cd "$stage" && find ./pdfjs -type f ! -name '*.br' ! -name '*.gz' \
  | sed 's|^\./||' | LC_ALL=C sort)
version=$(cd "$stage" && sha256sum -- "${files[@]}" "${on_demand[@]}" | sha256sum | cut -c 1-16)
{
  printf '// Generated by scripts/post-build.sh from src/service_worker.js; do not edit.\n'
  printf 'const BUILD_VERSION = "%s";\n' "$version"
  printf 'const BUILD_FILES = [\n'
  printf '  "%s",\n' "${files[@]}"
  printf '];\n'
  printf 'const ON_DEMAND_FILES = [\n'
  printf '  "%s",\n' "${on_demand[@]}"
  printf '];\n'
  cat src/service_worker.js
} >"$stage/sw.js"

# --- 3. pre-compressed copies (release only: brotli -q 11 of a debug wasm takes long) --
find "$stage" -type f \( -name '*.br' -o -name '*.gz' \) -delete
compressed="no .br/.gz (debug build)"
if [ "${TRUNK_PROFILE:-release}" = "release" ]; then
  while IFS= read -r -d '' file; do
    brotli --quality=11 --force --keep --output="$file.br" -- "$file"
    gzip -9 --no-name --force --keep --stdout -- "$file" >"$file.gz"
  done < <(find "$stage" -type f ! -name '.*' -print0)
  compressed=".br and .gz written"
fi
say "bootstrap ${boot_name:-already external}; $split_summary; $wasm_count wasm valid for Chromium 86; pdf.js with $cmap_count GB CMaps in pdfjs/; sw.js version $version with ${#files[@]} files (+${#on_demand[@]} on demand); $compressed"
