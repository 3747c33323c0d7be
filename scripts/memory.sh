#!/usr/bin/env bash
# Peak memory (maximum resident set size, `/usr/bin/time -f "%M KB"`) and wall time of
# `journeymap render` to each format for generated maps of 1,000 and 10,000 steps.
# Usage: scripts/memory.sh [STEPS...]   (from any directory; default 1000 10000)
# PNG is drawn at --scale 1, and for 10,000 steps also at 0.25. A run that fails or
# takes longer than TIMEOUT seconds (default 600) is reported as such.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -x /usr/bin/time ]] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
cargo build --release --quiet
cargo build --release --quiet --example generate
timeout=${TIMEOUT:-600}
sizes=("$@")
((${#sizes[@]})) || sizes=(1000 10000)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

measure() { # label, then the render arguments
  local label=$1
  shift
  local status=0
  timeout "$timeout" /usr/bin/time -o "$dir/time" -f "%M KB %e s" \
    target/release/journeymap render "$@" 2>"$dir/err" >/dev/null || status=$?
  local figures
  figures=$(tail -1 "$dir/time")
  if ((status == 124)); then
    figures="killed after ${timeout} s"
  elif ((status != 0)); then
    figures="$figures, exit $status: $(grep -m1 -i error "$dir/err" || true)"
  fi
  printf '| %s | %s |\n' "$label" "$figures"
}

echo "| render | peak RSS, wall time |"
echo "|---|---:|"
for n in "${sizes[@]}"; do
  target/release/examples/generate "$n" >"$dir/$n.journey"
  measure "$n steps, svg" "$dir/$n.journey" -o "$dir/out.svg"
  measure "$n steps, html" "$dir/$n.journey" -o "$dir/out.html"
  measure "$n steps, pdf" "$dir/$n.journey" -o "$dir/out.pdf"
  measure "$n steps, png --scale 1" "$dir/$n.journey" -o "$dir/out.png" --scale 1
  if ((n >= 10000)); then
    measure "$n steps, png --scale 0.25" "$dir/$n.journey" -o "$dir/out.png" --scale 0.25
  fi
  rm -f "$dir"/out.*
done
