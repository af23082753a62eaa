#!/usr/bin/env bash
# bench/pg.sh: the same pages on SQLite and on PostgreSQL, side by side in one run, and two Kehto servers behind
# HAProxy against one server, both on one PostgreSQL. wrk -t2 -c32 for SECONDS per measurement, each pair measured
# twice, turn about. The demo programme (672 deeds) copied into a throwaway PostgreSQL cluster (tests/pg/cluster.sh)
# with `kehto copy`. Prints Markdown tables for docs/performance.md.
# Usage: bench/pg.sh [SECONDS]   (needs wrk, haproxy and postgresql: scripts/install-deps --bench)
set -euo pipefail
cd "$(dirname "$0")/.."
SECS=${1:-5}
KEHTO=./kehto
OUT=$(mktemp -d /tmp/kehto-bench-pg.XXXXXX)
chmod 755 "$OUT" # the cluster under it belongs to the user postgres
PIDS=()
trap 'kill "${PIDS[@]}" 2>/dev/null || true; wait 2>/dev/null || true; tests/pg/cluster.sh stop "$OUT/pg"; rm -rf "$OUT"' EXIT
free_port() { /usr/bin/python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1]);s.close()'; }
# serve DB [ARGS]: a server on a free port; its port in $P
serve() {
  P=$(free_port)
  $KEHTO serve --db "$1" --port "$P" --quiet "${@:2}" 2>>"$OUT/kehto.log" &
  PIDS+=($!)
  for _ in $(seq 200); do curl -s -o /dev/null "http://127.0.0.1:$P/" && return; sleep 0.05; done
  echo "server did not start" >&2; exit 1
}
rps() { wrk -t2 -c32 -d"${SECS}s" "$1" | awk '/Requests\/sec/ {printf "%d", $2}'; }
# pair LABEL URL_A URL_B: two runs of each, turn about; prints a table row with the ratio of the sums (B / A)
pair() {
  local a1 b1 a2 b2
  a1=$(rps "$2"); b1=$(rps "$3"); a2=$(rps "$2"); b2=$(rps "$3")
  printf '| %s | %s, %s | %s, %s | **%.2f** |\n' "$1" "$a1" "$a2" "$b1" "$b2" "$(echo "($b1 + $b2) / ($a1 + $a2)" | bc -l)"
}

$KEHTO init --db "$OUT/s.db" >/dev/null
$KEHTO demo --db "$OUT/s.db" >/dev/null
PGURL=$(tests/pg/cluster.sh start "$OUT/pg")
$KEHTO copy --from "$OUT/s.db" --to "$PGURL" >/dev/null

serve "$OUT/s.db"; SQ=$P
serve "$PGURL"; PG=$P
serve "$OUT/s.db" --no-cache; SQN=$P
serve "$PGURL" --no-cache; PGN=$P
for p in $SQ $PG $SQN $PGN; do curl -s -o /dev/null "http://127.0.0.1:$p/tekot"; done

echo "### SQLite and PostgreSQL, one server each (wrk -t2 -c32, ${SECS} s, $(date -u '+%Y-%m-%d %H:%M') UTC)"
echo
echo "| request | SQLite req/s (two runs) | PostgreSQL req/s (two runs) | PostgreSQL / SQLite |"
echo "|---|---|---|---|"
pair "/tekot, cached" "http://127.0.0.1:$SQ/tekot" "http://127.0.0.1:$PG/tekot"
pair "/tekot/1, cached" "http://127.0.0.1:$SQ/tekot/1" "http://127.0.0.1:$PG/tekot/1"
pair "/tekot, cache off" "http://127.0.0.1:$SQN/tekot" "http://127.0.0.1:$PGN/tekot"
pair "/tekot/1, cache off" "http://127.0.0.1:$SQN/tekot/1" "http://127.0.0.1:$PGN/tekot/1"
pair "/tekot?q=kunta (search), cache off" "http://127.0.0.1:$SQN/tekot?q=kunta" "http://127.0.0.1:$PGN/tekot?q=kunta"
pair "/tekot?q=työhyvinvointi&sector=sote, cache off" "http://127.0.0.1:$SQN/tekot?q=ty%C3%B6hyvinvointi&sector=sote" \
  "http://127.0.0.1:$PGN/tekot?q=ty%C3%B6hyvinvointi&sector=sote"
pair "/tilastot, cache off" "http://127.0.0.1:$SQN/tilastot" "http://127.0.0.1:$PGN/tilastot"
pair "/api/v1/stats, cache off" "http://127.0.0.1:$SQN/api/v1/stats" "http://127.0.0.1:$PGN/api/v1/stats"
echo

# two servers behind HAProxy (docs/deploy/haproxy-two.cfg, TLS and the per-client limit left out) against one
serve "$PGURL"; A=$P
serve "$PGURL"; B=$P
HP=$(free_port)
sed -e "s|log /dev/log local0|log stderr format short local0 notice|" -e "s|bind :80|bind 127.0.0.1:$HP|" \
  -e "/bind :443/d" -e "/redirect scheme https/d" -e "s|sc0_http_req_rate gt 200|sc0_http_req_rate gt 100000000|" \
  -e "s|sc0_conn_cur gt 20|sc0_conn_cur gt 100000|" \
  -e "s|server kehto1 10.0.0.11:8080|server kehto1 127.0.0.1:$A|" -e "s|server kehto2 10.0.0.12:8080|server kehto2 127.0.0.1:$B|" \
  docs/deploy/haproxy-two.cfg >"$OUT/haproxy.cfg"
haproxy -db -f "$OUT/haproxy.cfg" >"$OUT/haproxy.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$HP/" && break; sleep 0.05; done
echo "### Two servers behind HAProxy against one server, on one PostgreSQL (same run)"
echo
echo "| request | one server, direct (two runs) | two servers behind HAProxy (two runs) | two / one |"
echo "|---|---|---|---|"
pair "/tekot, cached" "http://127.0.0.1:$PG/tekot" "http://127.0.0.1:$HP/tekot"
pair "/tekot?q=kunta, cached" "http://127.0.0.1:$PG/tekot?q=kunta" "http://127.0.0.1:$HP/tekot?q=kunta"
