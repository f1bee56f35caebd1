#!/usr/bin/env bash
# Python (README "Python"), after the C++ tests: builds the package gln and gln-check,
# runs the pytest suite (the results against gln-check's JSON, the batch, the API, the type
# stubs, the Dask example on 200,000 rows and 4 worker processes), and checks the install
# route. Installs the Debian packages of scripts/deps.sh's python group when run as root.
set -euo pipefail
cd "$(dirname "$0")/../.."
scripts/python.sh
