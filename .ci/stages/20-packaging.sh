#!/usr/bin/env bash
# Packaging: installs gln to a temporary prefix and builds and runs every consumer route
# (find_package, pkg-config, add_subdirectory, FetchContent, single header, the Conan
# test_package) with g++ and with clang++; checks the Conan and vcpkg recipes. Offline.
set -euo pipefail
cd "$(dirname "$0")/../.."
work="$(mktemp -d "${TMPDIR:-/tmp}/gln-packaging.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# Conan is not installable here: the recipes must at least compile.
PYTHONPYCACHEPREFIX="$work/pycache" python3 -m py_compile packaging/conan/conanfile.py \
  packaging/conan-center/all/conanfile.py packaging/conan-center/all/test_package/conanfile.py

for compiler in g++ clang++; do
  echo "== packaging consumers with $compiler"
  cmake -S tests/consumers -B "$work/$compiler" -DCMAKE_CXX_COMPILER="$compiler" >/dev/null
  ctest --test-dir "$work/$compiler" --output-on-failure --no-tests=error -j "$(nproc)"
done
