#!/usr/bin/env bash
# From a save to the redrawn page on screen in headless Chromium, with `journeymap
# preview`: for the home-insurance example and generated maps of 50 and 1,000 steps,
# ROUNDS saves each (default 10), an editor's save (written beside, renamed over).
# Usage: scripts/preview-latency.sh [ROUNDS]   (needs chromium and `npm ci --prefix tests/browser`)
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib.sh
source scripts/lib.sh
prepare 50 1000
cp examples/home-insurance.journey "$dir/home.journey"
rounds=${1:-10}
for map in home steps-50 steps-1000; do
  log="$dir/$map.log"
  target/release/journeymap preview "$dir/$map.journey" 2>"$log" &
  pid=$!
  url=""
  for _ in $(seq 1 200); do
    url=$(grep -o 'http://[^ ]*' "$log" | head -1 || true)
    [ -n "$url" ] && break
    sleep 0.05
  done
  cat > "$dir/config.json" <<JSON
{"chromium": "$(command -v chromium)", "profile": "$dir/profile-$map", "url": "$url", "map": "$dir/$map.journey", "mode": "latency", "rounds": $rounds}
JSON
  result=$(node tests/browser/check-preview.js "$dir/config.json")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$map: $result"
done
