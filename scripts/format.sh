#!/usr/bin/env bash
# Formats the C++ sources with clang-format 14 and the checked-in .clang-format.
# Usage: scripts/format.sh [--check] [PATH...]
#   default: every tracked .hpp/.cpp/.h file; PATHs (files or directories) narrow it down.
#   --check: change nothing, list the files that are not formatted, exit 1 if there are any.
# Version 14 is pinned: other versions lay out some code differently.
set -euo pipefail
cd "$(dirname "$0")/.."

check=0
if [ "${1:-}" = "--check" ]; then
  check=1
  shift
fi

format=""
for candidate in clang-format-14 clang-format; do
  if command -v "$candidate" >/dev/null &&
     "$candidate" --version | grep -q "version 14\."; then
    format="$candidate"
    break
  fi
done
if [ -z "$format" ]; then
  echo "format.sh: clang-format 14 not found (apt-get install -y clang-format-14)" >&2
  exit 2
fi

mapfile -t files < <(git ls-files -- "${@:-.}" | grep -E '\.(hpp|cpp|h)$' || true)
if [ ${#files[@]} -eq 0 ]; then
  echo "format.sh: no C++ files under ${*:-.}" >&2
  exit 2
fi

if [ "$check" -eq 0 ]; then
  "$format" -i --style=file "${files[@]}"
  echo "format.sh: formatted ${#files[@]} files"
  exit 0
fi

unformatted=()
for file in "${files[@]}"; do
  if ! "$format" --style=file --dry-run --Werror "$file" >/dev/null 2>&1; then
    unformatted+=("$file")
  fi
done
if [ ${#unformatted[@]} -ne 0 ]; then
  echo "format.sh: ${#unformatted[@]} of ${#files[@]} files need formatting (run scripts/format.sh):" >&2
  printf '  %s\n' "${unformatted[@]}" >&2
  exit 1
fi
echo "format.sh: all ${#files[@]} files are formatted"
