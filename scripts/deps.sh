#!/usr/bin/env bash
# Makes sure the Debian packages a task needs are installed: installs the missing ones when
# run as root, otherwise names the exact command and fails.
# Usage: scripts/deps.sh GROUP...   (groups: build, ci, python)
set -euo pipefail

packages=()
for group in "$@"; do
  case "$group" in
    build) packages+=(cmake make g++ clang catch2 libcli11-dev nlohmann-json3-dev libsimdjson-dev python3 python3-jsonschema) ;;
    ci) packages+=(libc++-dev libc++abi-dev pkg-config clang-tidy-14 clang-format-14 libbenchmark-dev python3) ;;
    python) packages+=(python3 python3-dev pybind11-dev python3-pybind11 python3-numpy python3-pytest python3-dask python3-distributed) ;;
    *) echo "deps.sh: unknown group '$group'" >&2; exit 2 ;;
  esac
done

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
