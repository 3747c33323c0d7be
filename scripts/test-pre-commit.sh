#!/usr/bin/env bash
# The pre-commit hooks of .pre-commit-hooks.yaml, for real: pre-commit from PyPI (in a
# virtual environment under scripts/.cache/, gitignored) runs `pre-commit try-repo` on
# this checkout in a scratch git repository with a map that is not in canonical form
# and one with an error.
#
# Usage: scripts/test-pre-commit.sh           the `-system` hooks, with the journeymap
#                                             of target/debug (built if missing)
#        HOOKS=rust scripts/test-pre-commit.sh  the `rust` hooks: pre-commit builds
#                                             journeymap with cargo install (minutes)
# Run by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
hooks=${HOOKS:-system}
suffix=$([[ $hooks == system ]] && echo -system || echo)

venv=$root/scripts/.cache/pre-commit
if [[ ! -x $venv/bin/pre-commit ]]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check pre-commit
fi
pre_commit=$venv/bin/pre-commit
# The checks below use journeymap too: the debug build (the system hooks find it on
# PATH; the rust hooks use the one pre-commit builds).
cargo build --locked --quiet --bin journeymap
journeymap=$root/target/debug/journeymap
if [[ $hooks == system ]]; then
  export PATH=$root/target/debug:$PATH
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The rust hooks' build is kept between runs (scripts/.cache/, gitignored).
if [[ $hooks == system ]]; then
  export PRE_COMMIT_HOME=$work/cache
else
  export PRE_COMMIT_HOME=$root/scripts/.cache/pre-commit-home
fi
cd "$work"
git init --quiet repo
cd repo
git config user.email ci@example.com
git config user.name CI
printf 'journey:   Messy\nphase: P\nstep: S\n        emotion 1\n' > messy.journey
printf 'journey: Broken\nphase: P\n  stpe: S\n' > broken.journey
cp "$root/examples/home-insurance.journey" good.journey
git add .
fail() { echo "test-pre-commit: $*" >&2; exit 1; }

# fmt rewrites the messy map (pre-commit fails: a file changed) and leaves it canonical.
if "$pre_commit" try-repo "$root" "journeymap-fmt$suffix" --files messy.journey good.journey > fmt.log 2>&1; then
  cat fmt.log; fail "fmt passed on a map that is not canonical"
fi
grep -q "files were modified by this hook" fmt.log || { cat fmt.log; fail "fmt did not rewrite the map"; }
"$journeymap" fmt --check messy.journey good.journey || fail "the map is not canonical after the hook"
git add messy.journey
"$pre_commit" try-repo "$root" "journeymap-fmt$suffix" --files messy.journey good.journey > fmt2.log 2>&1 \
  || { cat fmt2.log; fail "fmt failed on canonical maps"; }

# check fails on the broken map, naming its problem, and passes on good ones.
if "$pre_commit" try-repo "$root" "journeymap-check$suffix" --files broken.journey good.journey > check.log 2>&1; then
  cat check.log; fail "check passed on a broken map"
fi
grep -q "J0101" check.log || { cat check.log; fail "check did not report J0101"; }
"$pre_commit" try-repo "$root" "journeymap-check$suffix" --files messy.journey good.journey > check2.log 2>&1 \
  || { cat check2.log; fail "check failed on good maps"; }
echo "test-pre-commit: the $hooks hooks rewrite, refuse and pass maps as they should"
