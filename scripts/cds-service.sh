#!/usr/bin/env bash
# Builds gln-cds-hooks (Release, build/cds) and starts it on http://127.0.0.1:8085 with the
# screening date of the example data (2026-11-30). With the shared example requests present
# (../shared/data/cds-hooks), it first sends each one and prints the cards' summaries, then
# keeps serving until Ctrl-C. Feedback goes to build/cds/feedback.jsonl.
# Usage: scripts/cds-service.sh [gln-cds-hooks options...]   (they replace the defaults above;
#        build/cds/services/cds-hooks/gln-cds-hooks --help lists them)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh build service
build=build/cds
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DGLN_BUILD_TESTS=OFF -DGLN_BUILD_EXAMPLES=ON \
  -DGLN_BUILD_CDS_SERVICE=ON >/dev/null
cmake --build "$build" --target gln-cds-hooks -j "${CMAKE_BUILD_PARALLEL_LEVEL:-$(nproc)}" >/dev/null
binary="$build/services/cds-hooks/gln-cds-hooks"

args=("$@")
if [ ${#args[@]} -eq 0 ]; then
  args=(--host 127.0.0.1 --port 8085 --screening-date 2026-11-30 --audit "$build/feedback.jsonl")
fi
# Where the service listens, as the options say (the service's defaults otherwise): the
# health probe and the example requests go there and nowhere else.
host=127.0.0.1
port=8085
for ((i = 0; i < ${#args[@]}; ++i)); do
  case "${args[i]}" in
    --host) host="${args[i + 1]:-}" ;;
    --host=*) host="${args[i]#--host=}" ;;
    --port) port="${args[i + 1]:-}" ;;
    --port=*) port="${args[i]#--port=}" ;;
  esac
done
if [ "$host" = 0.0.0.0 ]; then host=127.0.0.1; fi
if [ "$port" = 0 ]; then
  echo "cds-service.sh: give a fixed --port (0 picks one this script cannot know)" >&2
  exit 2
fi
base="http://$host:$port"

"$binary" "${args[@]}" &
service=$!
trap 'kill "$service" 2>/dev/null; wait "$service" 2>/dev/null' EXIT INT TERM

url=""
for _ in $(seq 1 100); do
  kill -0 "$service" 2>/dev/null || exit 1
  if curl -sf "$base/health" >/dev/null 2>&1; then url=$base; break; fi
  sleep 0.1
done
if [ -z "$url" ]; then
  echo "cds-service.sh: no answer from $base/health within 10 s" >&2
  exit 1
fi

examples=../shared/data/cds-hooks
if [ -d "$examples" ]; then
  echo "== the example requests ($examples)"
  for request in "$examples"/*.json; do
    hook=$(sed -n 's/.*"hook": *"\([a-z-]*\)".*/\1/p' "$request" | head -n 1)
    answer=$(curl -s -X POST -H 'Content-Type: application/json' --data-binary @"$request" "$url/cds-services/gln-$hook")
    echo "$(basename "$request"):"
    if command -v jq >/dev/null; then
      jq -r '.cards[]? | "  [\(.indicator)] \(.summary)"' <<<"$answer"
      jq -r 'select(.cards == []) | "  (no card)"' <<<"$answer"
    else
      echo "  $answer" | cut -c1-300
    fi
  done
fi
echo "== serving on $url (discovery: $url/cds-services); Ctrl-C stops it"
wait "$service"
