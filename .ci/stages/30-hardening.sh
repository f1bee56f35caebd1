#!/usr/bin/env bash
# Hardening (README "Quality"): the whole suite under ASan+UBSan with g++ and clang++; the
# tests in C++17/20/23 with g++, clang++ and libc++; clang-tidy-14 on every public header.
# The fuzzers are the next stage; formatting is stage 10.
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v clang-tidy-14 >/dev/null; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "30-hardening: needs clang-tidy-14 (sudo apt-get install -y clang-tidy-14)" >&2
    exit 1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends clang-tidy-14 >/dev/null
fi
scripts/quality.sh sanitize matrix tidy
