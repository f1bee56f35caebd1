#!/usr/bin/env bash
# Performance (README "Performance"): builds the benchmarks (Release, -O2, warnings as
# errors) so that they keep compiling, and runs the peer comparison's agreement check (gln,
# json-rules-engine and zen-engine give the same verdicts and fire the same rules on 2,000
# profiles); times nothing that could fail. The benchmarks themselves are run by hand:
# scripts/bench.sh, scripts/peer-compare.sh, scripts/compile-cost.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! dpkg-query -W -f='${Status}' libbenchmark-dev 2>/dev/null | grep -q "install ok installed"; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "40-benchmarks-build: needs Google Benchmark (sudo apt-get install -y libbenchmark-dev)" >&2
    exit 1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libbenchmark-dev >/dev/null
fi
build=build/ci-benchmarks
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" \
  -DCMAKE_CXX_COMPILER=g++ -DGLN_BUILD_BENCHMARKS=ON -DGLN_BUILD_TESTS=OFF \
  -DGLN_BUILD_EXAMPLES=OFF -DGLN_WARNINGS_AS_ERRORS=ON >/dev/null
cmake --build "$build" --target gln_bench gln_count gln_peer -j "$(nproc)"
echo "40-benchmarks-build: gln_bench, gln_count and gln_peer build"
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "40-benchmarks-build: the peer comparison needs Node.js and npm (apt-get install -y nodejs npm)" >&2
  exit 1
fi
PEER_MIN_SECONDS=0 GLN_BENCH_BUILD_DIR="$build" scripts/peer-compare.sh 2000
echo "40-benchmarks-build: gln, json-rules-engine and zen-engine agree"
