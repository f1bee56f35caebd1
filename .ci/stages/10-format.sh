#!/usr/bin/env bash
# Formatting (README "Quality"): every tracked C++ file is as clang-format 14 lays it out.
set -euo pipefail
cd "$(dirname "$0")/../.."
scripts/format.sh --check
