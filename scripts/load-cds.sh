#!/usr/bin/env bash
# A bounded load run of gln-cds-hooks on loopback with wrk: requests per second and p99 latency
# of the order-select of the shared test07 request at 1, 8 and 64 connections, and the service's
# memory (VmRSS) before and after. Only 127.0.0.1 is ever called.
# Usage: scripts/load-cds.sh [SECONDS]   (each run's length, default 10; at most 60)
#   THREADS=4 scripts/load-cds.sh         the service's worker threads (default 4)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-10}"
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -lt 1 ] || [ "$seconds" -gt 60 ]; then
  echo "load-cds.sh: SECONDS must be 1 to 60" >&2
  exit 2
fi
threads="${THREADS:-4}"
scripts/deps.sh build load
build=build/cds
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DGLN_BUILD_TESTS=OFF -DGLN_BUILD_EXAMPLES=ON \
  -DGLN_BUILD_CDS_SERVICE=ON >/dev/null
cmake --build "$build" --target gln-cds-hooks -j "$(nproc)" >/dev/null

request=../shared/data/cds-hooks/order-select_test07_rxnorm.json
if [ ! -f "$request" ]; then
  echo "load-cds.sh: the shared request $request is absent" >&2
  exit 1
fi
work="$(mktemp -d)"
"$build/services/cds-hooks/gln-cds-hooks" --port 0 --port-file "$work/port" --threads "$threads" \
  --screening-date 2026-11-30 >"$work/log" &
service=$!
trap 'kill "$service" 2>/dev/null; wait "$service" 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do [ -s "$work/port" ] && break; sleep 0.1; done
port=$(cat "$work/port")
url="http://127.0.0.1:$port/cds-services/gln-order-select"
rss() { awk '/^VmRSS/ {print $2 " kB"}' "/proc/$service/status"; }
cat >"$work/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local file = io.open("$request", "rb")
wrk.body = file:read("*a")
file:close()
LUA
# One request first: it must answer with the expected card.
curl -sf -X POST -H 'Content-Type: application/json' --data-binary @"$request" "$url" | grep -q '"indicator":"warning"'

echo "== gln-cds-hooks $threads worker threads; $(nproc) cores; $(lscpu | sed -n 's/^Model name: *//p' | head -n 1)"
echo "   request: $(basename "$request") ($(wc -c <"$request") bytes); ${seconds} s per run"
echo "   memory before: $(rss)"
printf '%-12s %12s %10s %10s %8s\n' connections requests/s p50 p99 errors
for connections in 1 8 64; do
  wrk_threads=$(( connections < 2 ? 1 : 2 ))
  wrk -t "$wrk_threads" -c "$connections" -d "${seconds}s" --timeout 10s --latency -s "$work/post.lua" "$url" >"$work/wrk.txt"
  rate=$(awk '/^Requests\/sec:/ {print $2}' "$work/wrk.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$work/wrk.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")
  errors=$(awk '/Non-2xx or 3xx responses:/ {n += $NF} /Socket errors:/ {for (i = 4; i <= NF; i += 2) n += $i} END {print n + 0}' "$work/wrk.txt")
  printf '%-12s %12s %10s %10s %8s\n' "$connections" "$rate" "$p50" "$p99" "$errors"
done
echo "   memory after: $(rss)"
