#!/usr/bin/env bash
# Build-time cost of the macro: a scratch crate whose lib is
#   pub mod models { mdmodel::include_models!("docs"); }
# over the whole corpus (copied to docs/), against the same crate with the output of
# `mdmodel expand <corpus>` pasted in as plain code. Dependencies (mdmodel, serde, the
# macro crate) are built once first, in a shared target dir; then each crate alone is
# rebuilt from clean (`cargo clean -p <crate>` then `cargo build`), REPS times, under
# `/usr/bin/time -v`: wall time and peak RSS (the largest process of the build: rustc).
#
# Usage: benches/build-time.sh [REPS]   (env: MDMODEL_SHARED, PROFILE=dev|release,
#        OPT_MACRO=1 to build proc macros with opt-level 3, KEEP=1 to keep the scratch dir)
set -euo pipefail
REPS=${1:-3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${MDMODEL_SHARED:-$ROOT/../shared}
CORPUS=$SHARED/corpus/orq-python-3.11.7
PROFILE=${PROFILE:-dev}
[ -d "$CORPUS" ] || { echo "skipped: corpus $CORPUS absent"; exit 0; }
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (apt-get install time)"; exit 1; }
W=$(mktemp -d "${TMPDIR:-/tmp}/mdmodel-build-time.XXXXXX")
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$W"' EXIT
export CARGO_TARGET_DIR=$W/target
PFLAG=$([ "$PROFILE" = release ] && echo --release || true)

# The pasted code, made by the CLI (release build of the CLI, outside the timing).
(cd "$ROOT" && cargo run -q --release -p mdmodel-cli -- expand "$CORPUS") > "$W/expanded.rs"

for kind in macro pasted; do
  d=$W/bt-$kind
  mkdir -p "$d/src"
  cp -r "$CORPUS" "$d/docs"
  cp "$ROOT/Cargo.lock" "$d/Cargo.lock"
  {
    echo "[package]"
    echo "name = \"bt-$kind\""
    echo "version = \"0.0.0\""
    echo "edition = \"2021\""
    echo "publish = false"
    echo "[dependencies]"
    echo "mdmodel = { path = \"$ROOT/runtime\" }"
    echo "[workspace]"
    if [ "${OPT_MACRO:-0}" = 1 ]; then
      printf '[profile.dev.build-override]\nopt-level = 3\n'
    fi
  } > "$d/Cargo.toml"
  # Dependencies built once, with an empty lib (the macro crate included).
  echo 'pub use mdmodel as _m; mdmodel::include_model!("docs/cancelbatchobject.md");' > "$d/src/lib.rs"
  (cd "$d" && cargo build -q $PFLAG)
  if [ $kind = macro ]; then
    echo 'pub mod models { mdmodel::include_models!("docs"); }' > "$d/src/lib.rs"
  else
    { echo 'pub mod models {'; cat "$W/expanded.rs"; echo '}'; } > "$d/src/lib.rs"
  fi
done

echo "profile: $PROFILE; proc macros opt-level 3: ${OPT_MACRO:-0}; corpus: $(find "$CORPUS" -name "*.md" | wc -l) docs; pasted code: $(wc -c < "$W/expanded.rs") bytes"
echo "crate   rep  wall_s  peak_rss_MiB"
for rep in $(seq 1 "$REPS"); do
  for kind in macro pasted; do
    d=$W/bt-$kind
    (cd "$d" && cargo clean -q -p "bt-$kind" $PFLAG)
    (cd "$d" && /usr/bin/time -v cargo build -q $PFLAG) 2> "$W/time.txt"
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$W/time.txt" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
    rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$W/time.txt")
    printf "%-7s %3d  %6.2f  %12s\n" "$kind" "$rep" "$wall" "$rss"
  done
done
