#!/usr/bin/env bash
# bench/web.sh: requests/s of /tekot and a deed page under wrk (2 threads, 32 connections), against nginx serving
# the same bytes as static files on the same machine, in one run: as made, gzip (nginx's gzip_static) and Brotli
# (brotli_static). Prints Markdown tables.
# Usage: bench/web.sh [SECONDS]   (needs nginx and wrk: scripts/install-deps --bench)
set -euo pipefail
cd "$(dirname "$0")/.."
SECS=${1:-10}
KEHTO=./kehto
OUT=$(mktemp -d /tmp/kehto-bench-web.XXXXXX)
chmod 755 "$OUT"
trap 'kill $KPID $NPID 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$OUT"' EXIT
free_port() { /usr/bin/python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1]);s.close()'; }

$KEHTO init --db "$OUT/b.db" >/dev/null
$KEHTO demo --db "$OUT/b.db" >/dev/null
KPORT=$(free_port); NPORT=$(free_port)
$KEHTO serve --db "$OUT/b.db" --port "$KPORT" --quiet 2>"$OUT/kehto.log" &
KPID=$!
for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$KPORT/" && break; sleep 0.05; done

mkdir -p "$OUT/www/tekot"
# nginx serves the very bytes Kehto sends: the page, and Kehto's own gzip and Brotli copies as the .gz and .br files
# that gzip_static and brotli_static send to clients accepting them.
for enc in "" gzip br; do
  ext=${enc:+.${enc/gzip/gz}}
  curl -s -H "Accept-Encoding: ${enc:-identity}" "http://127.0.0.1:$KPORT/tekot" >"$OUT/www/tekot/index.html$ext"
  curl -s -H "Accept-Encoding: ${enc:-identity}" "http://127.0.0.1:$KPORT/tekot/1" >"$OUT/www/tekot/1.html$ext"
done
BROTLI_MOD=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so
cat >"$OUT/nginx.conf" <<CONF
$([ -f $BROTLI_MOD ] && echo "load_module $BROTLI_MOD;")
worker_processes 2;
pid $OUT/nginx.pid;
error_log $OUT/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  # nginx at its best for static files: sendfile, and open files kept (no open/fstat per request)
  sendfile on;
  tcp_nopush on;
  open_file_cache max=100 inactive=60s;
  open_file_cache_valid 60s;
  default_type text/html;
  gzip_static on;
  gzip_vary on;
  $([ -f $BROTLI_MOD ] && echo "brotli_static on;")
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
for enc in identity gzip br; do
  [ $enc = br ] && [ ! -f $BROTLI_MOD ] && continue
  for p in /tekot /tekot/1; do
    cmp -s <(curl -s -H "Accept-Encoding: $enc" "http://127.0.0.1:$NPORT$p") \
      <(curl -s -H "Accept-Encoding: $enc" "http://127.0.0.1:$KPORT$p") || { echo "$p ($enc): bytes differ" >&2; exit 1; }
  done
done

rps() { wrk -t2 -c32 -d"${SECS}s" -H "Accept-Encoding: $2" "$1" | awk '/Requests\/sec/ {print $2}'; }
lat() { wrk -t2 -c32 -d"${SECS}s" --latency "$1" | awk '/Requests\/sec/ {r=$2} / 50%/ {p50=$2} / 99%/ {p99=$2} END {print r, p50, p99}'; }
# Two runs of each server, turn about (kehto, nginx, kehto, nginx), so that the machine's drift falls on both alike;
# the ratio is of the sums.
echo "| page | encoding | bytes | kehto req/s (two runs) | nginx req/s (two runs) | kehto/nginx |"
echo "|---|---|---|---|---|---|"
for enc in identity gzip br; do
  [ $enc = br ] && [ ! -f $BROTLI_MOD ] && continue
  for p in /tekot /tekot/1; do
    k1=$(rps "http://127.0.0.1:$KPORT$p" $enc); n1=$(rps "http://127.0.0.1:$NPORT$p" $enc)
    k2=$(rps "http://127.0.0.1:$KPORT$p" $enc); n2=$(rps "http://127.0.0.1:$NPORT$p" $enc)
    bytes=$(curl -s -H "Accept-Encoding: $enc" "http://127.0.0.1:$KPORT$p" | wc -c)
    echo "| $p | $enc | $bytes | $k1, $k2 | $n1, $n2 | $(awk -v a="$k1" -v b="$k2" -v c="$n1" -v d="$n2" 'BEGIN{printf "%.2f", (a+b)/(c+d)}') |"
  done
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
