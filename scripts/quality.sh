#!/usr/bin/env bash
# The hardening checks of the README's "Quality" section, each runnable on its own.
# Usage: scripts/quality.sh [CHECK...]   (default: all of them, in this order)
#   sanitize  whole test suite (tests, examples, fuzz corpus replay) with ASan+UBSan,
#             g++ and clang++, warnings as errors
#   matrix    tests in C++17/20/23 with g++, clang++ and clang++ with libc++
#   tidy      clang-tidy-14 (.clang-tidy) on every public header
#   fuzz      libFuzzer targets for FUZZ_SECONDS each (default 45), from the seed corpus
# Build trees go under QUALITY_BUILD_DIR (default build/quality). Any failure stops the run.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
out="${QUALITY_BUILD_DIR:-$root/build/quality}"
mkdir -p "$out"
out=$(cd "$out" && pwd)
jobs="${CMAKE_BUILD_PARALLEL_LEVEL:-$(nproc)}"
export CMAKE_BUILD_PARALLEL_LEVEL="$jobs"
generator=()
if command -v ninja >/dev/null; then generator=(-G Ninja); fi

step_start=0
step() {
  step_start=$(date +%s)
  echo "== quality: $*"
}
step_done() { echo "   ($(( $(date +%s) - step_start )) s)"; }

# configure NAME CMAKE_ARGS...: a fresh build tree with warnings as errors, no debug info.
# Build type "None": only the flags given here (an empty one would get the Release default).
configure() {
  local name=$1
  shift
  rm -rf "${out:?}/$name"
  cmake -S "$root" -B "$out/$name" "${generator[@]}" -Wno-dev \
    -DCMAKE_BUILD_TYPE=None -DGLN_WARNINGS_AS_ERRORS=ON "$@" >/dev/null
}

# The summary only, or everything when a test fails.
run_ctest() {
  local log="$out/$1/ctest.log"
  if ! ctest --test-dir "$out/$1" -j "$jobs" --output-on-failure --no-tests=error >"$log" 2>&1; then
    cat "$log"
    return 1
  fi
  grep -E "tests passed|tests failed" "$log" | sed 's/^/   /'
}

sanitize() {
  # Stop on the first report; leaks count too.
  export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1}"
  export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
  local cxx fuzzers
  for cxx in g++ clang++; do
    # The seed corpus replays once, with g++; clang++'s libFuzzer run has the same sanitizers.
    fuzzers=OFF
    if [ "$cxx" = g++ ]; then fuzzers=ON; fi
    step "sanitize: $cxx -fsanitize=address,undefined -fno-sanitize-recover=all"
    configure "sanitize-$cxx" -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_CXX_FLAGS="-O0" \
      -DGLN_SANITIZE=ON -DGLN_BUILD_TESTS=ON -DGLN_BUILD_EXAMPLES=ON -DGLN_BUILD_FUZZERS="$fuzzers"
    cmake --build "$out/sanitize-$cxx"
    run_ctest "sanitize-$cxx"
    step_done
  done
}

# One standard/compiler/library combination: the library's own tests only (examples and
# their dependencies are covered by the C++17 builds), -O0 to keep the build short.
matrix_one() {
  local name=$1 cxx=$2 std=$3 flags=$4
  shift 4
  step "matrix: $name ($cxx, C++$std${flags:+, $flags})"
  configure "matrix-$name" -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_CXX_STANDARD="$std" \
    -DCMAKE_CXX_STANDARD_REQUIRED=ON -DCMAKE_CXX_EXTENSIONS=OFF \
    -DCMAKE_CXX_FLAGS="-O0 $flags" -DGLN_BUILD_TESTS=ON -DGLN_BUILD_EXAMPLES=OFF "$@"
  cmake --build "$out/matrix-$name"
  run_ctest "matrix-$name"
  step_done
}

matrix() {
  # C++17 with g++ and clang++ (libstdc++) is scripts/test.sh's own build.
  matrix_one gcc-20 g++ 20 ""
  matrix_one gcc-23 g++ 23 ""
  matrix_one clang-20 clang++ 20 ""
  matrix_one clang-23 clang++ 23 ""
  # libc++: Catch2 2 header-only with tests/main.cpp, asked for by GLN_TESTS_OWN_MAIN, so a
  # Catch2 3 on the machine (a compiled library, usually built against libstdc++) is not used.
  matrix_one libcxx-17 clang++ 17 "-stdlib=libc++" \
    -DCMAKE_EXE_LINKER_FLAGS="-stdlib=libc++" -DGLN_TESTS_OWN_MAIN=ON
  matrix_one libcxx-23 clang++ 23 "-stdlib=libc++" \
    -DCMAKE_EXE_LINKER_FLAGS="-stdlib=libc++" -DGLN_TESTS_OWN_MAIN=ON
}

tidy() {
  step "tidy: clang-tidy-14 on every public header and tests/no_exceptions.cpp"
  local tidy_bin
  tidy_bin=$(command -v clang-tidy-14 || command -v clang-tidy || true)
  if [ -z "$tidy_bin" ]; then
    echo "quality.sh: clang-tidy-14 not found (apt-get install -y clang-tidy-14)" >&2
    return 2
  fi
  local dir="$out/tidy"
  rm -rf "$dir"
  mkdir -p "$dir"
  local header name
  local units=()
  # One translation unit per header: each is checked in isolation, as a user includes it.
  while IFS= read -r header; do
    name=${header//\//_}
    echo "#include <$header>" >"$dir/${name%.hpp}.cpp"
    echo "#include <$header>" >>"$dir/gln_all_headers.hpp"
    units+=("$dir/${name%.hpp}.cpp")
  done < <(cd include && find gln -name '*.hpp' | LC_ALL=C sort)
  units+=("$root/tests/no_exceptions.cpp")  # instantiates every entry point
  printf '%s\n' "${units[@]}" |
    xargs -P "$jobs" -I{} "$tidy_bin" --quiet --config-file="$root/.clang-tidy" {} -- \
      -std=c++17 -I"$root/include" -I"$dir" 2> >(grep -v ' warnings\? generated\.$' >&2)
  echo "   ${#units[@]} translation units, no warnings"
  step_done
}

fuzz() {
  local seconds="${FUZZ_SECONDS:-45}"
  step "fuzz: build (clang++ -fsanitize=fuzzer,address,undefined)"
  configure fuzz -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_CXX_FLAGS="-O1 -gline-tables-only" \
    -DGLN_BUILD_TESTS=OFF -DGLN_BUILD_EXAMPLES=ON -DGLN_BUILD_FUZZERS=ON
  local targets=()
  local corpus
  for corpus in tests/fuzz/corpus/*/; do
    targets+=("$(basename "$corpus")")
  done
  cmake --build "$out/fuzz" --target "${targets[@]/#/gln_fuzz_}"
  step_done

  step "fuzz: ${#targets[@]} targets x ${seconds} s, $jobs at a time"
  local target dir
  local running=0
  for target in "${targets[@]}"; do
    dir="$out/fuzz/run/$target"
    mkdir -p "$dir/corpus"
    # New inputs go to a scratch corpus; the checked-in seeds are only read.
    (
      status=0
      "$out/fuzz/tests/fuzz/gln_fuzz_$target" -max_total_time="$seconds" -timeout=10 \
        -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$dir/" \
        "$dir/corpus" "tests/fuzz/corpus/$target" >"$dir/log" 2>&1 || status=$?
      echo "$status" >"$dir/exit"
    ) &
    running=$((running + 1))
    if [ "$running" -ge "$jobs" ]; then
      wait -n
      running=$((running - 1))
    fi
  done
  wait

  local failed=0 executions
  for target in "${targets[@]}"; do
    dir="$out/fuzz/run/$target"
    executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/log" | tail -n 1)
    if [ "$(cat "$dir/exit")" != 0 ] || [ -z "$executions" ]; then
      echo "   $target: FAILED (log and reproducer in $dir)"
      grep -E "invariant failed|ERROR:|runtime error|SUMMARY" "$dir/log" | head -n 5 | sed 's/^/     /'
      failed=1
    else
      echo "   $target: ${executions} executions, no failure"
    fi
  done
  step_done
  return "$failed"
}

checks=("$@")
if [ ${#checks[@]} -eq 0 ]; then checks=(sanitize matrix tidy fuzz); fi
for check in "${checks[@]}"; do
  case "$check" in
    sanitize | matrix | tidy | fuzz) "$check" ;;
    *) echo "quality.sh: unknown check '$check' (sanitize, matrix, tidy, fuzz)" >&2; exit 2 ;;
  esac
done
echo "== quality: ${checks[*]}: passed"
