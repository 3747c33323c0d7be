#!/usr/bin/env bash
# Whole-process timings of `journeymap render` in every format, and of a batch render.
# Usage: scripts/bench-formats.sh   (installs hyperfine from Debian if it is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib.sh
source scripts/lib.sh
prepare 50 1000
cp examples/home-insurance.journey "$dir/home.journey"
J=target/release/journeymap
args=()
for map in home steps-50 steps-1000; do
  for format in svg png pdf html; do
    scale=2
    [ "$map" = steps-1000 ] && scale=0.5   # 1,000 steps at scale 2 is over the 250-megapixel limit
    args+=(-n "$map $format" "$J render $dir/$map.journey -o $dir/out-$map.$format --scale $scale")
  done
done
mkdir -p "$dir/batch"
for i in $(seq 1 100); do cp "$dir/steps-50.journey" "$dir/batch/map-$i.journey"; done
args+=(-n "batch 100 × 50 steps, svg" "$J render $dir/batch -o $dir/batch-out --force")
args+=(-n "batch 100 × 50 steps, up to date" "$J render $dir/batch -o $dir/batch-out")
hyperfine --warmup 2 --min-runs 5 --shell=none --export-markdown "$dir/table.md" "${args[@]}" >/dev/null
cat "$dir/table.md"
