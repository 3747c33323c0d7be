# Shared by the timing scripts: `source scripts/lib.sh; prepare N...` installs hyperfine
# if it is missing, builds journeymap and the map generator in release mode, and writes
# generated maps of N steps as "$dir/steps-N.journey" in a temporary directory, removed
# on exit.
prepare() {
  command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }
  cargo build --release --quiet
  cargo build --release --quiet --example generate
  dir=$(mktemp -d)
  trap 'rm -rf "$dir"' EXIT
  local n
  for n in "$@"; do
    target/release/examples/generate "$n" > "$dir/steps-$n.journey"
  done
}
