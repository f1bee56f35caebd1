#!/usr/bin/env bash
# Builds and runs the tests of the FHIR adapter, the CDS Hooks service and the strict JSON
# reader they share (g++, build/gcc), the FHIR R4 schema validation of the DetectedIssues
# included: one command from a clean clone. scripts/test.sh runs them with everything else.
# Usage: scripts/test-cds.sh [ctest options...]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh build fhir-schema
cmake --preset gcc >/dev/null
cmake --build build/gcc -j "$(nproc)" \
  --target gln_json_document_tests gln_fhir_tests gln_cds_tests gln-cds-hooks
ctest --test-dir build/gcc -R '^(fhir|cds|gln_json\.document)\.' --output-on-failure \
  --no-tests=error "$@"
