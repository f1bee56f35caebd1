#!/usr/bin/env bash
# Builds gln-check (in build/demo) and runs it on the example profiles.
# Usage: scripts/demo.sh            # a runner with gut stress, then a person with cirrhosis
#        scripts/demo.sh ARGS...    # gln-check with your arguments (paths relative to here)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/deps.sh" build
export CMAKE_BUILD_PARALLEL_LEVEL="${CMAKE_BUILD_PARALLEL_LEVEL:-$(nproc)}"
cmake -S "$root" -B "$root/build/demo" -DGLN_BUILD_TESTS=OFF -DGLN_BUILD_EXAMPLES=ON >/dev/null
build_type="$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$root/build/demo/CMakeCache.txt")"
echo "Building gln-check in build/demo (build type ${build_type:-none}) ..." >&2
cmake --build "$root/build/demo" --target gln-check >/dev/null
tool="$root/build/demo/examples/gln-check/gln-check"
if [ $# -gt 0 ]; then
  exec "$tool" "$@"
fi
cd "$root"
for profile in examples/profiles/runner-gut-stress.json examples/profiles/cirrhosis.json; do
  echo "\$ gln-check --profile $profile"
  "$tool" --profile "$profile"
  echo
done
