#!/usr/bin/env bash
# The README's first set-up command, scripts/demo.sh, as a user runs it: builds gln-check in
# build/demo and runs it on the example profiles; then --batch on the example requests.
# (gln-check's own tests run with the rest of the suite in scripts/test.sh.)
set -euo pipefail
cd "$(dirname "$0")/../.."
out="$(scripts/demo.sh)"
grep -q '^ACTION: OK to try (ok)$' <<<"$out"
grep -q '^ACTION: Do not take (do_not_take)$' <<<"$out"
grep -q 'contra\.cirrhosis' <<<"$out"
grep -q '^No dose: do not take glutamine' <<<"$out"
lines="$(build/demo/examples/gln-check/gln-check --batch < examples/batch/requests.jsonl | wc -l)"
[ "$lines" -eq "$(wc -l < examples/batch/requests.jsonl)" ]
echo "demo: gln-check built and ran on the example profiles and the batch requests"
