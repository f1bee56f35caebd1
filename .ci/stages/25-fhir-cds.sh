#!/usr/bin/env bash
# FHIR and CDS Hooks (README "FHIR R4 and CDS Hooks"): the FHIR R4 JSON schema validation of the
# DetectedIssues, the service's HTTP tests and the strict JSON reader's tests ran in
# scripts/test.sh's g++ build, none skipped. Runs them again there and fails on a skip: CI has
# Node.js and the shared data.
set -euo pipefail
cd "$(dirname "$0")/../.."
scripts/deps.sh build fhir-schema
if ! command -v node >/dev/null; then
  echo "25-fhir-cds: Node.js is needed for the FHIR R4 schema validation" >&2
  exit 1
fi
out="$(ctest --test-dir build/gcc -R '^(fhir|cds|gln_json\.document)\.' --output-on-failure --no-tests=error 2>&1)" || {
  echo "$out"
  exit 1
}
if grep -qE 'Skipped|Not Run|Disabled' <<<"$out"; then
  echo "$out"
  echo "25-fhir-cds: a FHIR or CDS Hooks test was skipped" >&2
  exit 1
fi
grep -E 'tests passed|tests failed' <<<"$out"
grep -q 'fhir\.schema_validation .*Passed' <<<"$out"
echo "25-fhir-cds: the FHIR schema validation and the CDS Hooks HTTP tests passed"
