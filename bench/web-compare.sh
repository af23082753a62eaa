#!/usr/bin/env bash
# bench/web-compare.sh: requests/s of the same pages served by two kehto binaries (e.g. before and after a change),
# measured turn about in one run so that the machine's drift falls on both alike; prints a Markdown table with the
# ratio B/A. Each binary serves its own demo database (made by itself), cache on and cache off.
# Usage: bench/web-compare.sh KEHTO_A KEHTO_B [SECONDS] [ROUNDS]   (needs wrk: scripts/install-deps --bench)
set -euo pipefail
A=$(readlink -f "$1"); B=$(readlink -f "$2"); SECS=${3:-5}; ROUNDS=${4:-3}
OUT=$(mktemp -d /tmp/kehto-bench-cmp.XXXXXX)
PIDS=()
trap 'kill "${PIDS[@]}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$OUT"' EXIT
free_port() { /usr/bin/python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1]);s.close()'; }
serve() { # BIN NAME PORT EXTRA
  "$1" serve --db "$OUT/$2.db" --port "$3" --quiet $4 >>"$OUT/$2.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$3/" && break; sleep 0.05; done
}
for x in A B; do
  bin=${!x}
  "$bin" init --db "$OUT/$x.db" >/dev/null && "$bin" demo --db "$OUT/$x.db" >/dev/null
done
rps() { wrk -t2 -c32 -d"${SECS}s" "$1" | awk '/Requests\/sec/ {print $2}'; }
best() { sort -g | tail -1; }
echo "| page | cache | A req/s | B req/s | B / A |"
echo "|---|---|---|---|---|"
for mode in on off; do
  extra=""; [ $mode = off ] && extra=--no-cache
  PA=$(free_port); serve "$A" A "$PA" "$extra"
  PB=$(free_port); serve "$B" B "$PB" "$extra"
  for p in / /tekot /tekot/1 /palvelut "/tekot?q=ty%C3%B6hyvinvointia" /tilastot; do
    ra=(); rb=()
    for _ in $(seq "$ROUNDS"); do
      ra+=("$(rps "http://127.0.0.1:$PA$p")"); rb+=("$(rps "http://127.0.0.1:$PB$p")")
    done
    a=$(printf '%s\n' "${ra[@]}" | best); b=$(printf '%s\n' "${rb[@]}" | best)
    echo "| \`$p\` | $mode | $a | $b | $(awk -v a="$a" -v b="$b" 'BEGIN{printf "%.2f", b/a}') |"
  done
  kill "${PIDS[@]}"; wait 2>/dev/null || true; PIDS=()
done
echo
echo "A = $A, B = $B; best of $ROUNDS rounds of wrk -t2 -c32 -d${SECS}s each, A and B turn about."
