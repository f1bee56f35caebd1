#!/usr/bin/env bash
# gln against two rules engines an app would use instead, back to back on the same profiles:
# the §4 screening rules of docs/knowledge.md written for json-rules-engine
# (benchmarks/peer/rules.js) and for GoRules zen-engine (benchmarks/peer/zen-rules.js, a JSON
# Decision Model). Checks that each gives the same overall verdict as gln, and fires the same
# rules, on every profile (exit status 1 if not: one of them is wrong), then prints the time
# per query of each and the ratios (goal: gln at least 1000x faster).
#
# Usage: scripts/peer-compare.sh [COUNT [SEED]]     (default 10000 profiles, seed 20261123)
#   PEER_MIN_SECONDS=0 scripts/peer-compare.sh 2000  the agreement check with one timed pass
#   CXX=clang++ scripts/peer-compare.sh              another compiler (default g++)
#   CXXFLAGS=-mtune=native scripts/peer-compare.sh   extra compiler flags (default none)
#   GLN_BENCH_BUILD_DIR=/tmp/b scripts/peer-compare.sh   build directory (default build/bench-$CXX)
# Needs Node.js 18 or later and npm; the first run installs the peer's locked dependencies
# (benchmarks/peer/package-lock.json) from the npm registry.
set -euo pipefail
cd "$(dirname "$0")/.."

count="${1:-10000}"
seed="${2:-20261123}"
cxx="${CXX:-g++}"
build="${GLN_BENCH_BUILD_DIR:-build/bench-$(basename "$cxx")}"
peer=benchmarks/peer

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "peer-compare.sh: needs Node.js and npm (apt-get install -y nodejs npm)" >&2
  exit 1
fi
if [ ! -d "$peer/node_modules/json-rules-engine" ] || [ ! -d "$peer/node_modules/@gorules/zen-engine" ]; then
  # npm install, not npm ci: it installs the versions package-lock.json pins, while npm ci also
  # insists on lock entries for zen-engine's native packages of every other platform, which a
  # registry mirror may not carry.
  echo "== installing the peer's locked dependencies (npm install)"
  (cd "$peer" && npm install --no-audit --no-fund --loglevel=error)
fi

# gln_bench is not needed here, but the project needs Google Benchmark to configure the
# benchmarks directory.
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" \
  -DCMAKE_CXX_FLAGS="${CXXFLAGS:-}" -DCMAKE_CXX_COMPILER="$cxx" -DGLN_BUILD_BENCHMARKS=ON -DGLN_BUILD_TESTS=OFF \
  -DGLN_BUILD_EXAMPLES=OFF >/dev/null
cmake --build "$build" --target gln_peer -j "$(nproc)" >/dev/null

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "== $count profiles (seed $seed); $("$cxx" --version | head -n 1) -O2; Node $(node --version)"
"$build/benchmarks/gln_peer" generate --count "$count" --seed "$seed" --out "$work/profiles.json"
min_seconds="${PEER_MIN_SECONDS:-1}"
"$build/benchmarks/gln_peer" screen --in "$work/profiles.json" --out "$work/gln.json" \
  --min-seconds "$min_seconds"
for engine in json-rules-engine zen; do
  node "$peer/screen.js" --engine "$engine" --in "$work/profiles.json" \
    --out "$work/$engine.json" --min-seconds "$min_seconds"
done
node "$peer/compare.js" "$work/profiles.json" "$work/gln.json" "$work/json-rules-engine.json" \
  "$work/zen.json"
