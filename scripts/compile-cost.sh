#!/usr/bin/env bash
# What including gln costs a translation unit, next to nlohmann/json, in one run.
# Compiles an empty TU, one that includes <gln/gln.hpp> and one that includes
# <nlohmann/json.hpp>, RUNS times each, taking turns so that machine noise hits them all
# alike; prints the medians and the ratio gln/nlohmann (goal: <= 0.20). Also timed: the
# standard headers gln includes, alone (the floor for any header using them), and
# tests/compile_time.cpp, whose static_asserts evaluate every entry point at compile time.
#
# Usage: scripts/compile-cost.sh [RUNS]       (default 7)
#   CXX=clang++ scripts/compile-cost.sh       another compiler (default g++)
#   MODE=-c scripts/compile-cost.sh           compile to an object instead of -fsyntax-only
#   INSTRUCTIONS=1 scripts/compile-cost.sh    also the compiler's instructions for each TU
#                                             (valgrind's callgrind; repeatable where times
#                                             are not)
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${1:-7}"
cxx="${CXX:-g++}"
mode="${MODE:--fsyntax-only}"
include="$PWD/include"

if [ ! -f /usr/include/nlohmann/json.hpp ] && ! echo '#include <nlohmann/json.hpp>' |
    "$cxx" -std=c++17 -x c++ -fsyntax-only - 2>/dev/null; then
  echo "compile-cost.sh: <nlohmann/json.hpp> not found (apt-get install -y nlohmann-json3-dev)" >&2
  exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
: >"$work/empty.cpp"
echo '#include <gln/gln.hpp>' >"$work/gln.cpp"
echo '#include <nlohmann/json.hpp>' >"$work/nlohmann.cpp"
# The standard headers <gln/gln.hpp> opens itself, as the compiler reports them (-H): every
# include under gln's own that is not gln's, so headers behind a compiler test or outside
# gln.hpp (<ostream>, <iterator>, <limits>) are not counted.
"$cxx" -std=c++17 -fsyntax-only -H -I"$include" "$work/gln.cpp" 2>&1 |
  awk '/^\.+ / {
    depth = length($1); path[depth] = $2
    if ((depth == 1 || path[depth - 1] ~ /include\/gln\//) && $2 !~ /include\/gln\//) print $2
  }' | sed 's|.*/||; s|.*|#include <&>|' | sort -u >"$work/std.cpp"
cp tests/compile_time.cpp tests/builders.hpp "$work/"

# Milliseconds for one compile of $1.
compile_ms() {
  local start end
  start=$(date +%s%N)
  "$cxx" -std=c++17 $mode -I"$include" -o /dev/null "$1"
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

names=(empty std gln nlohmann compile_time)
for name in "${names[@]}"; do : >"$work/$name.times"; done
compile_ms "$work/empty.cpp" >/dev/null  # warm the file cache
for ((run = 1; run <= runs; run++)); do
  for name in "${names[@]}"; do compile_ms "$work/$name.cpp" >>"$work/$name.times"; done
done

declare -A med
for name in "${names[@]}"; do med[$name]=$(median <"$work/$name.times"); done

echo "compile cost: $("$cxx" --version | head -n 1), -std=c++17 $mode, median of $runs runs"
printf '  %-40s %6s ms\n' "empty translation unit" "${med[empty]}"
printf '  %-40s %6s ms\n' "the standard headers gln includes" "${med[std]}"
printf '  %-40s %6s ms\n' "#include <gln/gln.hpp>" "${med[gln]}"
printf '  %-40s %6s ms\n' "#include <nlohmann/json.hpp>" "${med[nlohmann]}"
printf '  %-40s %6s ms\n' "tests/compile_time.cpp" "${med[compile_time]}"
awk -v g="${med[gln]}" -v n="${med[nlohmann]}" -v e="${med[empty]}" -v c="${med[compile_time]}" 'BEGIN {
  printf "  ratio gln/nlohmann                         %.3f  (goal <= 0.20)\n", g / n
  printf "  same, net of the empty TU                  %.3f\n", (g - e) / (n - e)
  printf "  constexpr cost of compile_time.cpp         %d ms over the include alone\n", c - g
}'

if [ "${INSTRUCTIONS:-0}" = 1 ]; then
  # Instructions of every process of one compile (the driver and the compiler proper).
  instructions() {
    valgrind --tool=callgrind --trace-children=yes --callgrind-out-file=/dev/null \
      "$cxx" -std=c++17 $mode -I"$include" -o /dev/null "$1" 2>&1 |
      sed -n 's/.*Collected : \([0-9]*\).*/\1/p' | awk '{ sum += $1 } END { printf "%d", sum / 1e6 }'
  }
  declare -A count
  for name in empty std gln nlohmann; do count[$name]=$(instructions "$work/$name.cpp"); done
  echo "compiler instructions (callgrind), millions:"
  printf '  %-40s %6sM\n' "empty translation unit" "${count[empty]}"
  printf '  %-40s %6sM\n' "the standard headers gln includes" "${count[std]}"
  printf '  %-40s %6sM\n' "#include <gln/gln.hpp>" "${count[gln]}"
  printf '  %-40s %6sM\n' "#include <nlohmann/json.hpp>" "${count[nlohmann]}"
  awk -v g="${count[gln]}" -v n="${count[nlohmann]}" 'BEGIN {
    printf "  ratio gln/nlohmann                         %.3f  (goal <= 0.20)\n", g / n
  }'
fi
