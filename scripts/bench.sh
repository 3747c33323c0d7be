#!/usr/bin/env bash
# Whole-process timings of `journeymap check` on the examples and generated maps.
# Usage: scripts/bench.sh   (installs hyperfine from Debian if it is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib.sh
source scripts/lib.sh
prepare 50 100 1000 10000
hyperfine --warmup 3 --shell=none --export-markdown "$dir/table.md" \
  -n "check home-insurance.journey" "target/release/journeymap check examples/home-insurance.journey" \
  -n "check 100 steps" "target/release/journeymap check $dir/steps-100.journey" \
  -n "check 1,000 steps" "target/release/journeymap check $dir/steps-1000.journey" \
  -n "check 10,000 steps" "target/release/journeymap check $dir/steps-10000.journey" \
  -n "export 10,000 steps (json)" "target/release/journeymap export -o $dir/out.json $dir/steps-10000.journey" \
  -n "render home-insurance.journey" "target/release/journeymap render examples/home-insurance.journey -o $dir/home.svg" \
  -n "render 50 steps" "target/release/journeymap render $dir/steps-50.journey -o $dir/50.svg" \
  -n "render 1,000 steps" "target/release/journeymap render $dir/steps-1000.journey -o $dir/1000.svg" \
  -n "render 10,000 steps" "target/release/journeymap render $dir/steps-10000.journey -o $dir/10000.svg" >/dev/null
cat "$dir/table.md"
