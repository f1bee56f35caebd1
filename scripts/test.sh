#!/usr/bin/env bash
# Builds and runs the whole test suite with g++ and with clang++, warnings as errors.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh build fhir-schema
export CMAKE_BUILD_PARALLEL_LEVEL="${CMAKE_BUILD_PARALLEL_LEVEL:-$(nproc)}"
for preset in gcc clang; do
  echo "== $preset"
  cmake --workflow --preset "$preset"
done
