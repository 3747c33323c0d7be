#!/usr/bin/env bash
# The VS Code extension's checks: install its npm packages at the versions of
# package-lock.json, run the grammar tests and the extension's own tests (npm test), and
# build the .vsix into a temporary folder (the package is never committed). Exits
# non-zero on the first failure. Run from anywhere; .ci/run runs it.
set -euo pipefail
cd "$(dirname "$0")"

npm ci --no-audit --no-fund --loglevel=error
npm test

# @vscode/vsce 3 needs Node.js 20 or later (Debian 12's own nodejs is 18).
node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  echo "vsce package: skipped (Node.js $(node --version); @vscode/vsce needs 20 or later)"
  exit 0
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
if ! npx --no-install @vscode/vsce package --out "$out/journeymap.vsix" >"$out/vsce.log" 2>&1; then
  cat "$out/vsce.log" >&2
  exit 1
fi
size=$(wc -c <"$out/journeymap.vsix")
echo "vsce package: journeymap.vsix, $size bytes"
# The package holds the grammar, the client and vscode-languageclient; keep it small.
if [ "$size" -gt 1000000 ]; then
  echo "error: journeymap.vsix is over 1 MB; see .vscodeignore" >&2
  exit 1
fi
