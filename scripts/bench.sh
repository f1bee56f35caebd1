#!/usr/bin/env bash
# Builds the benchmarks (Release, -O2) and runs them: the Google Benchmark suite (medians
# of REPS repetitions), then instruction counts per call of screen, check_dose and assess
# and of each code look-up and its reference under valgrind's callgrind (repeatable where
# timings are not).
#
# Usage: scripts/bench.sh [Google Benchmark options...]
#   e.g. scripts/bench.sh --benchmark_filter=screen
#   CXX=clang++ scripts/bench.sh            another compiler (default g++)
#   CXXFLAGS=-mtune=native scripts/bench.sh extra compiler flags (default none)
#   REPS=9 scripts/bench.sh                 repetitions per benchmark (default 5)
#   GLN_BENCH_BUILD_DIR=/tmp/b scripts/bench.sh   build directory (default build/bench-$CXX)
# Google Benchmark prints "Library was built as DEBUG": Debian's libbenchmark says so on
# every run; gln's benchmark code itself is built -O2.
set -euo pipefail
cd "$(dirname "$0")/.."

cxx="${CXX:-g++}"
reps="${REPS:-5}"
build="${GLN_BENCH_BUILD_DIR:-build/bench-$(basename "$cxx")}"

if ! dpkg-query -W -f='${Status}' libbenchmark-dev 2>/dev/null | grep -q "install ok installed"; then
  echo "bench.sh: Google Benchmark is missing (apt-get install -y libbenchmark-dev)" >&2
  exit 1
fi

cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" \
  -DCMAKE_CXX_FLAGS="${CXXFLAGS:-}" -DCMAKE_CXX_COMPILER="$cxx" -DGLN_BUILD_BENCHMARKS=ON -DGLN_BUILD_TESTS=OFF \
  -DGLN_BUILD_EXAMPLES=OFF >/dev/null
cmake --build "$build" --target gln_bench gln_count -j "$(nproc)" >/dev/null

echo "== machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores; $("$cxx" --version | head -n 1) -O2 ${CXXFLAGS:-}"
echo "== Google Benchmark: median of $reps repetitions (CPU is the time to read on a busy machine)"
"$build/benchmarks/gln_bench" --benchmark_repetitions="$reps" \
  --benchmark_report_aggregates_only=true "$@" 2>&1 | grep -v -E '_(mean|stddev|cv)( |$)'

echo "== instruction counts per call (valgrind --tool=callgrind; typical profile:"
echo "   40 years, 70 kg, 3 conditions, 2 medications, exercise_recovery, 5 g twice a day)"
if ! command -v valgrind >/dev/null; then
  echo "   valgrind not installed (apt-get install -y valgrind): skipped"
  exit 0
fi
# Instructions of `gln_count MODE [SYSTEM] N`: the whole program, start-up included.
instructions() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$build/benchmarks/gln_count" "$@" 2>&1 |
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
# N and 2N calls: the difference is N calls, free of start-up; the empty loop is subtracted.
n=20000
loop=$(($(instructions loop $((2 * n))) - $(instructions loop "$n")))
for mode in screen reference_screen check_dose assess assess_dose_shown; do
  total=$(($(instructions "$mode" $((2 * n))) - $(instructions "$mode" "$n")))
  printf '   %-17s %5d instructions per call\n' "$mode" $(((total - loop) / n))
done
echo "   (assess_dose_shown: the same without conditions or medications, so a dose is shown)"
echo "   code look-ups over benchmarks/lookup_codes.hpp, beside the std::unordered_map reference:"
lookup_loop=$(($(instructions lookup_loop ucum $((2 * n))) - $(instructions lookup_loop ucum "$n")))
for system in condition_from_icd10 icd10_cm snomed_ct rxnorm atc ndc loinc ucum; do
  mine=$(($(instructions lookup "$system" $((2 * n))) - $(instructions lookup "$system" "$n")))
  theirs=$(($(instructions reference "$system" $((2 * n))) - $(instructions reference "$system" "$n")))
  printf '   %-21s %5d instructions per call, reference %5d\n' "$system" \
    $(((mine - lookup_loop) / n)) $(((theirs - lookup_loop) / n))
done
