#!/usr/bin/env bash
# Builds gln-check (in build/demo) and runs it on an example profile.
# Usage: scripts/demo.sh                 # the runner profile, then the cirrhosis profile
#        scripts/demo.sh ARGS...         # gln-check with your own arguments
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh build
export CMAKE_BUILD_PARALLEL_LEVEL="${CMAKE_BUILD_PARALLEL_LEVEL:-$(nproc)}"
echo "Building gln-check in build/demo ..." >&2
cmake -S . -B build/demo -DGLN_BUILD_TESTS=OFF -DGLN_BUILD_EXAMPLES=ON >/dev/null
cmake --build build/demo --target gln-check >/dev/null
tool=build/demo/examples/gln-check/gln-check
if [ $# -gt 0 ]; then
  exec "$tool" "$@"
fi
echo "\$ $tool --profile examples/profiles/runner-gut-stress.json"
"$tool" --profile examples/profiles/runner-gut-stress.json
echo
echo "\$ $tool --profile examples/profiles/cirrhosis.json"
"$tool" --profile examples/profiles/cirrhosis.json
