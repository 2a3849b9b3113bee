# Helpers shared by the scripts in this folder; source it from the repository root.

TOOLS_DIR="$PWD/.tools"
SCRIPT_NAME=$(basename "$0" .sh)

# cargo-installed tools live in ~/.cargo/bin, which a fresh login shell may not have on
# PATH yet; the npm wasm-opt goes first so that no other wasm-opt (Debian's binaryen 108
# breaks the app) can shadow it.
export PATH="$TOOLS_DIR/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

say() { printf '[%s] %s\n' "$SCRIPT_NAME" "$*" >&2; }

die() {
  say "ERROR: $*"
  exit 1
}

need_command() {
  command -v "$1" >/dev/null || die "'$1' is not installed: $2"
}

# Runs a command, then reports how long it took (set-up times are part of the README).
timed() {
  local what=$1
  shift
  say "$what …"
  local started=$SECONDS
  "$@"
  say "$what: done in $(format_duration $((SECONDS - started)))"
}

format_duration() {
  printf '%dm%02ds' $(($1 / 60)) $(($1 % 60))
}

# `trunk --version` → `trunk 0.21.14`; prints the bare version, or nothing if absent.
tool_version() {
  command -v "$1" >/dev/null && "$1" --version 2>/dev/null | awk 'NR == 1 { print $2 }'
  return 0
}

# The version Cargo.lock pins for a package (the first entry of that name).
locked_version() {
  awk -v name="$1" '
    $0 == "name = \"" name "\"" { getline; gsub(/version = |"/, ""); print; exit }
  ' Cargo.lock
}
