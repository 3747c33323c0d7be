#!/usr/bin/env bash
# journeymap against Mermaid's `journey` diagram rendered by mermaid-cli, on journeys of
# the same size (50 steps, the typical map, and 1,000 steps), whole process, cold: every
# mmdc run launches Chromium. Prints hyperfine's tables and the ratios, then what mmdc
# does past its text-size limit.
#
# Usage: scripts/compare-mermaid.sh   (from any directory; not part of .ci/run)
# Installs what it needs: Debian's chromium and hyperfine (apt-get), and
# @mermaid-js/mermaid-cli under scripts/.cache/ (gitignored), pointed at
# /usr/bin/chromium with PUPPETEER_SKIP_DOWNLOAD.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
mermaid_cli_version=12.2.0
runs=${RUNS:-10}

missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
command -v hyperfine >/dev/null || missing+=(hyperfine)
command -v npm >/dev/null || missing+=(npm)
if ((${#missing[@]})); then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

cache=$root/scripts/.cache/mermaid
mmdc=$cache/node_modules/.bin/mmdc
if [[ ! -x $mmdc ]]; then
  mkdir -p "$cache"
  PUPPETEER_SKIP_DOWNLOAD=1 npm install --prefix "$cache" --no-audit --no-fund --loglevel=error \
    "@mermaid-js/mermaid-cli@$mermaid_cli_version" >/dev/null
fi

cargo build --release --quiet
cargo build --release --quiet --example generate
jm=$root/target/release/journeymap
generate=$root/target/release/examples/generate

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cat >"$dir/puppeteer.json" <<'EOF'
{
  "executablePath": "/usr/bin/chromium",
  "args": ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]
}
EOF
# Mermaid refuses diagrams longer than maxTextSize (50,000 characters by default); the
# 1,000-step timing raises it so that the diagram is really drawn.
echo '{"maxTextSize": 10000000}' >"$dir/big.json"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(free -g | awk '/Mem:/ {print $2}') GiB"
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "journeymap $("$jm" --version | cut -d' ' -f2), mermaid-cli $("$mmdc" --version), $(/usr/bin/chromium --version 2>/dev/null)"

for n in 50 1000; do
  "$generate" "$n" >"$dir/$n.journey"
  "$generate" "$n" --mermaid >"$dir/$n.mmd"
  config=()
  [[ $n -ge 1000 ]] && config=(-c "$dir/big.json")
  echo
  echo "## $n steps ($(wc -c <"$dir/$n.journey") bytes of journeymap, $(wc -c <"$dir/$n.mmd") of Mermaid)"
  hyperfine -N --warmup 1 --runs "$runs" --export-json "$dir/$n.json" --export-markdown "$dir/$n.md" \
    -n "mermaid-cli $n steps" "$mmdc -q -i $dir/$n.mmd -o $dir/$n-mermaid.svg -p $dir/puppeteer.json ${config[*]}" \
    -n "journeymap $n steps" "$jm render $dir/$n.journey -o $dir/$n-journeymap.svg" >/dev/null
  cat "$dir/$n.md"
  node -e '
    const r = require(process.argv[1]).results;
    const ms = (x) => `${(x.mean * 1000).toFixed(1)} ± ${(x.stddev * 1000).toFixed(1)} ms`;
    console.log(`\nratio: mermaid-cli ${ms(r[0])} / journeymap ${ms(r[1])} = ${(r[0].mean / r[1].mean).toFixed(0)}x`);
  ' "$dir/$n.json"
  grep -q 'Maximum text size' "$dir/$n-mermaid.svg" && echo "warning: mermaid-cli drew its size error, not the diagram"
  echo "outputs: mermaid-cli $(wc -c <"$dir/$n-mermaid.svg") bytes, journeymap $(wc -c <"$dir/$n-journeymap.svg") bytes"
done

echo
echo "## Past mermaid-cli's text-size limit (1,000 steps, default config)"
set +e
"$mmdc" -q -i "$dir/1000.mmd" -o "$dir/limit.svg" -p "$dir/puppeteer.json" >"$dir/limit.log" 2>&1
status=$?
set -e
echo "mmdc exit status: $status"
if [[ -f $dir/limit.svg ]]; then
  echo "output: $(wc -c <"$dir/limit.svg") bytes; its text: $(grep -o 'Maximum text size[^<]*' "$dir/limit.svg" | head -1)"
else
  echo "no output written"
fi
sed 's/^/mmdc: /' "$dir/limit.log" | head -5
