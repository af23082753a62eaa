#!/usr/bin/env bash
# bench/web.sh: requests/s of /tekot and a deed page under wrk (2 threads, 32 connections), against nginx serving
# the same bytes as static files on the same machine, in one run. Prints a Markdown table.
# Usage: bench/web.sh [SECONDS]   (needs nginx and wrk: scripts/install-deps --bench)
set -euo pipefail
cd "$(dirname "$0")/.."
SECS=${1:-10}
KEHTO=./kehto
OUT=$(mktemp -d /tmp/kehto-bench-web.XXXXXX)
chmod 755 "$OUT"
trap 'kill $KPID $NPID 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$OUT"' EXIT
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1]);s.close()'; }

$KEHTO init --db "$OUT/b.db" >/dev/null
$KEHTO demo --db "$OUT/b.db" >/dev/null
KPORT=$(free_port); NPORT=$(free_port)
$KEHTO serve --db "$OUT/b.db" --port "$KPORT" --quiet 2>"$OUT/kehto.log" &
KPID=$!
for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$KPORT/" && break; sleep 0.05; done

mkdir -p "$OUT/www/tekot"
curl -s "http://127.0.0.1:$KPORT/tekot" >"$OUT/www/tekot/index.html"
curl -s "http://127.0.0.1:$KPORT/tekot/1" >"$OUT/www/tekot/1.html"
cat >"$OUT/nginx.conf" <<CONF
worker_processes 2;
pid $OUT/nginx.pid;
error_log $OUT/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  default_type text/html;
  server {
    listen 127.0.0.1:$NPORT;
    root $OUT/www;
    location = /tekot { try_files /tekot/index.html =404; }
    location = /tekot/1 { try_files /tekot/1.html =404; }
  }
}
CONF
nginx -c "$OUT/nginx.conf" -g 'daemon off;' &
NPID=$!
for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$NPORT/tekot" && break; sleep 0.05; done
cmp -s <(curl -s "http://127.0.0.1:$NPORT/tekot") <(curl -s "http://127.0.0.1:$KPORT/tekot") || { echo "bytes differ" >&2; exit 1; }

rps() { wrk -t2 -c32 -d"${SECS}s" "$1" | awk '/Requests\/sec/ {print $2}'; }
lat() { wrk -t2 -c32 -d"${SECS}s" --latency "$1" | awk '/Requests\/sec/ {r=$2} / 50%/ {p50=$2} / 99%/ {p99=$2} END {print r, p50, p99}'; }
echo "| page | bytes | kehto req/s | nginx req/s | kehto/nginx |"
echo "|---|---|---|---|---|"
for p in /tekot /tekot/1; do
  k=$(rps "http://127.0.0.1:$KPORT$p"); n=$(rps "http://127.0.0.1:$NPORT$p")
  bytes=$(curl -s "http://127.0.0.1:$KPORT$p" | wc -c)
  echo "| $p | $bytes | $k | $n | $(awk -v a="$k" -v b="$n" 'BEGIN{printf "%.0f %%", 100*a/b}') |"
done

# The same pages rendered on every request (page cache off): what a miss costs.
kill $KPID; wait $KPID 2>/dev/null || true
$KEHTO serve --db "$OUT/b.db" --port "$KPORT" --quiet --no-cache 2>>"$OUT/kehto.log" &
KPID=$!
for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$KPORT/" && break; sleep 0.05; done
echo
echo "| page, cache off | req/s | p50 | p99 |"
echo "|---|---|---|---|"
for p in /tekot /tekot/1 "/tekot?q=ty%C3%B6hyvinvointia" "/tekot?q=kunta&sector=sote"; do
  read -r r p50 p99 < <(lat "http://127.0.0.1:$KPORT$p")
  echo "| $p | $r | $p50 | $p99 |"
done
