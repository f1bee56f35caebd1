#!/usr/bin/env bash
# Fuzzing (README "Quality"): every libFuzzer target in tests/fuzz for FUZZ_SECONDS (45 by
# default) from its seed corpus, two at a time; any crash or failed invariant fails the run.
set -euo pipefail
cd "$(dirname "$0")/../.."
FUZZ_SECONDS="${FUZZ_SECONDS:-45}" scripts/quality.sh fuzz
