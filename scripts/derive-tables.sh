#!/usr/bin/env bash
# Writes the look-up tables that the headers hold written out (condition_rules_by_nibble,
# screen_by_purpose, the ICD-10-CM keys...) from the knowledge tables they derive from
# (include/gln/detail/derive.hpp). Run it after an edit of a knowledge table; gln's test build
# fails until it has run (tests/table_invariants.cpp, the test gln.derived_tables).
#
# Usage: scripts/derive-tables.sh [--check]     (--check: change nothing, exit 1 on a difference)
set -euo pipefail
cd "$(dirname "$0")/.."

cxx="${CXX:-g++}"
out=build/derive-tables
mkdir -p "$out"
"$cxx" -std=c++17 -O1 -Iinclude tools/derive-tables/main.cpp -o "$out/gln_derive_tables"
"$out/gln_derive_tables" include "$@"
