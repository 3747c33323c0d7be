#!/usr/bin/env bash
# Assembles the fuzzers' seed corpus, fuzz/seeds/, from the maps the repository already
# has, so that the seeds never drift from them: every diagnostic fixture of tests/check/,
# the fmt fixtures of tests/fmt/, the maps of tests/baseline/, tests/maps/ and tests/report/,
# our examples and the shared examples (../shared/examples and examples-v1, when present).
# Maps that draw a blueprint are seeded once more drawing the impact/effort matrix
# instead. The directory is rebuilt from scratch on every run and not committed; so is
# the dictionary, fuzz/journey.dict.
# Usage: scripts/fuzz-seeds.sh [DIR]   (from any directory; default fuzz/seeds)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-fuzz/seeds}
rm -rf "$out"
mkdir -p "$out"
copy() { # prefix, then the directory whose *.journey files to copy
  local prefix=$1 dir=$2
  [[ -d $dir ]] || return 0
  for map in "$dir"/*.journey; do
    [[ -e $map ]] && cp "$map" "$out/$prefix-$(basename "$map")"
  done
}
copy check tests/check
copy fmt tests/fmt
copy baseline tests/baseline
copy maps tests/maps
copy report tests/report
copy example examples
copy shared ../shared/examples
copy shared-v1 ../shared/examples-v1
for map in "$out"/*.journey; do
  if grep -q '^view blueprint' "$map"; then
    sed 's/^view blueprint/view opportunities/' "$map" >"${map%.journey}-matrix.journey"
  fi
done
echo "$(find "$out" -type f | wc -l) seeds in $out"
# The dictionary: the syntax's tokens, then the vocabulary from the lane table and the
# keyword list (so a new lane or keyword needs no edit here).
cargo build --release --quiet --example generate
{ cat fuzz/syntax.dict; target/release/examples/generate --dictionary; } >fuzz/journey.dict
echo "$(grep -c '^"' fuzz/journey.dict) dictionary entries in fuzz/journey.dict"
