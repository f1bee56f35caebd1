#!/usr/bin/env bash
# Writes the knowledge reference again from gln's tables: docs/knowledge.md, docs/knowledge.json
# and docs/knowledge.svg, by tools/knowledge-reference (built in build/knowledge-docs). Run it
# after a table edit and commit the result: the test gln.knowledge_reference fails while the
# checked-in copies differ from what the tables give.
# Usage: scripts/knowledge-docs.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/deps.sh" build
export CMAKE_BUILD_PARALLEL_LEVEL="${CMAKE_BUILD_PARALLEL_LEVEL:-$(nproc)}"
build="$root/build/knowledge-docs"
cmake -S "$root" -B "$build" -DGLN_BUILD_TESTS=OFF -DGLN_BUILD_EXAMPLES=ON -DGLN_INSTALL=OFF \
  >/dev/null
cmake --build "$build" --target gln_knowledge_reference >/dev/null
"$build/tools/knowledge-reference/gln_knowledge_reference" "$root/docs"
echo "knowledge-docs.sh: wrote docs/knowledge.md, docs/knowledge.json and docs/knowledge.svg"
git -C "$root" status --short -- docs/knowledge.md docs/knowledge.json docs/knowledge.svg
