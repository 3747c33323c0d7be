#!/usr/bin/env bash
# `cargo package`: the crate builds from what it would publish, and the .crate file is
# under crates.io's 10 MB limit. Needs a clean checkout (cargo refuses uncommitted
# changes), so .ci/run runs it before it installs anything into the tree.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo package --locked --quiet
crate=$(ls target/package/journeymap-*.crate)
bytes=$(stat -c %s "$crate")
limit=$((10 * 1000 * 1000))
echo "check-package: $crate is $bytes bytes (limit $limit)"
if ((bytes >= limit)); then
  echo "check-package: the crate is over crates.io's 10 MB limit" >&2
  exit 1
fi
