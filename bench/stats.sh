#!/usr/bin/env bash
# bench/stats.sh [DB]: latency of /tilastot and /api/v1/stats on a national-scale data set (1,000,000 people,
# 5,000,000 participations; made with bench/stats_data.sh when DB is not given), and the cold computation time.
# The server runs with --no-cache (every request renders the page; the figures come from the per-connection report
# cache, which each worker connection fills once). Prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
KEHTO=./kehto
OUT=$(mktemp -d /tmp/kehto-bench-stats.XXXXXX)
trap 'kill $KPID 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$OUT"' EXIT
DB=${1:-}
if [ -z "$DB" ]; then
  DB=$OUT/b.db
  $KEHTO init --db "$DB" >/dev/null && $KEHTO demo --db "$DB" >/dev/null && bench/stats_data.sh "$DB" >/dev/null
fi
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1]);s.close()'; }
cold=$( { /usr/bin/time -f %e $KEHTO stats --db "$DB" --format json --table key >/dev/null; } 2>&1 )
PORT=$(free_port)
THREADS=4
$KEHTO serve --db "$DB" --port "$PORT" --threads $THREADS --no-cache --quiet 2>"$OUT/kehto.log" &
KPID=$!
for _ in $(seq 200); do curl -s -o /dev/null "http://127.0.0.1:$PORT/tekot/1" && break; sleep 0.05; done
# warm every worker connection (parallel requests reach every thread)
for _ in 1 2 3; do
  pids=()
  for _ in $(seq $((THREADS * 2))); do curl -s -o /dev/null "http://127.0.0.1:$PORT/api/v1/stats" & pids+=($!); done
  wait "${pids[@]}"
done
measure() { # measure PATH N: prints p50 and p99 in ms
  for _ in $(seq "$2"); do curl -s -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$PORT$1"; done |
    sort -n | awk '{a[NR]=$1*1000} END {printf "%.1f | %.1f", a[int(NR*0.5)], a[int(NR*0.99)]}'
}
echo "| request | p50 ms | p99 ms |"
echo "|---|---|---|"
echo "| /tilastot | $(measure /tilastot 300) |"
echo "| /tilastot?kausi=2 | $(measure '/tilastot?kausi=2' 300) |"
echo "| /api/v1/stats | $(measure /api/v1/stats 300) |"
echo
echo "Cold computation (kehto stats, one pass over the data, incl. opening the database): ${cold} s"
