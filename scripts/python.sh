#!/usr/bin/env bash
# The Python package gln (README "Python"). Builds it (Release, warnings as errors) and
# gln-check in build/python, then:
#   scripts/python.sh [test] [PYTEST_ARGS...]  the pytest suite of bindings/python/tests, then
#                                              the install route: cmake --install into a
#                                              temporary prefix, gln imported from there
#   scripts/python.sh bench                    bindings/python/benchmarks/batch_throughput.py
# PYTHON (default /usr/bin/python3, Debian's interpreter, which python3-numpy, python3-dask
# and python3-pytest serve) chooses the interpreter the module is built for.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
what=test
if [ "${1:-}" = test ] || [ "${1:-}" = bench ]; then
  what=$1
  shift
fi
scripts/deps.sh build python
python="${PYTHON:-/usr/bin/python3}"
build="${GLN_PYTHON_BUILD_DIR:-$root/build/python}"
export CMAKE_BUILD_PARALLEL_LEVEL="${CMAKE_BUILD_PARALLEL_LEVEL:-$(nproc)}"
export PYTHONDONTWRITEBYTECODE=1

cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" \
  -DGLN_BUILD_PYTHON=ON -DGLN_BUILD_TESTS=OFF -DGLN_BUILD_EXAMPLES=ON \
  -DGLN_WARNINGS_AS_ERRORS=ON -DPython3_EXECUTABLE="$python" >/dev/null
cmake --build "$build" --target gln_python gln-check

if [ "$what" = bench ]; then
  PYTHONPATH="$build/python" "$python" "$root/bindings/python/benchmarks/batch_throughput.py"
  exit 0
fi

echo "== pytest bindings/python/tests"
PYTHONPATH="$build/python" GLN_CHECK="$build/examples/gln-check/gln-check" \
  "$python" -m pytest -p no:cacheprovider -q "$@" "$root/bindings/python/tests"

echo "== cmake --install --component python, then import gln from the prefix"
prefix=$(mktemp -d "${TMPDIR:-/tmp}/gln-python.XXXXXX")
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --component python --prefix "$prefix" >/dev/null
site=$("$python" -c 'import sys; print("lib/python%d.%d/site-packages" % sys.version_info[:2])')
(cd "$prefix" && PYTHONPATH="$prefix/$site" "$python" -c '
import sys, gln
assert gln.__file__.startswith(sys.argv[1]), gln.__file__
assert gln.screen({"age_years": 58, "conditions": ["cirrhosis"]}, "gut_barrier")["overall"] == "avoid"
print("installed: gln", gln.version, "from", gln.__file__)' "$prefix")
