# End-to-end: Kehto behind nginx and behind HAProxy with TLS, using the configs in docs/deploy/ as they are (only the
# ports, the certificate paths and the upstream port swapped), a throwaway self-signed certificate, loopback only.
# Checks pages through the proxy, that the client address the proxy saw reaches Kehto's access log (and a forged
# X-Forwarded-For does not), login with Secure cookies and the Origin check behind TLS, the HTTP-to-HTTPS redirect.
# A proxy that is not installed is skipped (scripts/install-deps --bench installs nginx; haproxy is apt's "haproxy").
source "$(dirname "$0")/lib.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
init_db
add_staff
chmod 755 "$TMP" # the proxies' worker processes read their temp folders here
NAME=kehto.example.fi
PROXY_PID=

have_nginx=0; have_haproxy=0
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] && have_nginx=1
command -v haproxy >/dev/null || [ -x /usr/sbin/haproxy ] && have_haproxy=1
export PATH=$PATH:/usr/sbin
if [ $have_nginx = 0 ] && [ $have_haproxy = 0 ]; then
  echo "skipped: nginx not installed; skipped: haproxy not installed"
  finish
  exit
fi

openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 -subj "/CN=$NAME" \
  -addext "subjectAltName=DNS:$NAME" -keyout "$TMP/key.pem" -out "$TMP/cert.pem" 2>/dev/null
cat "$TMP/cert.pem" "$TMP/key.pem" >"$TMP/both.pem"

stop_proxy() { if [ -n "$PROXY_PID" ]; then kill "$PROXY_PID" 2>/dev/null; wait "$PROXY_PID" 2>/dev/null; PROXY_PID=; fi; }
trap 'stop_proxy; cleanup' EXIT

# subst FILE OUT 'from' 'to' ...: copies FILE with each literal 'from' replaced; fails the test when one is missing,
# so a change to the documented config cannot slip past this test
subst() {
  local in=$1 out=$2 text; shift 2
  text=$(cat "$in")
  while [ $# -gt 0 ]; do
    if ! grep -qF -- "$1" <<<"$text"; then not_ok "docs config still has: $1"; fi
    text=${text//"$1"/"$2"}
    shift 2
  done
  printf '%s\n' "$text" >"$out"
}

# start Kehto as the docs say, on a free port, with the access log on
start_kehto() { # start_kehto TLS_PORT
  PORT=$(free_port)
  "$KEHTO" serve --db "$DB" --bind 127.0.0.1 --port "$PORT" --trusted-proxy 127.0.0.1 \
    --base-url "https://$NAME:$1" >"$TMP/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 300); do curl -s -o /dev/null "http://127.0.0.1:$PORT/" && return 0; sleep 0.05; done
  echo "kehto did not start"; cat "$TMP/server.log"; exit 1
}

wait_tls() { # wait_tls PORT
  for _ in $(seq 1 300); do
    curl -sk -o /dev/null --resolve "$NAME:$1:127.0.0.1" "https://$NAME:$1/" && return 0
    sleep 0.05
  done
  return 1
}

# through PROXY_NAME TLS_PORT HTTP_PORT SOURCE: the checks, made through the proxy from address SOURCE
through() {
  local p=$1 tls=$2 http=$3 src=$4 url="https://$NAME:$2"
  local c=(curl -sk --resolve "$NAME:$tls:127.0.0.1" --interface "$src" -b "$TMP/pjar" -c "$TMP/pjar")
  STATUS=$("${c[@]}" -o "$TMP/body" -w '%{http_code}' "$url/tekot")
  expect_eq "$p: /tekot through TLS answers 200" "$STATUS" 200
  expect_contains "$p: ... with the page" "$(cat "$TMP/body")" "<html lang=\"fi\">"
  "${c[@]}" -o /dev/null -H "X-Forwarded-For: 6.6.6.6" "$url/forged-$p"
  "${c[@]}" -o "$TMP/body" "$url/tekot.atom"
  expect_contains "$p: feed links use the base URL" "$(cat "$TMP/body")" "href=\"$url/tekot.atom\""
  sleep 0.2
  local log; log=$(cat "$TMP/server.log")
  expect_contains "$p: Kehto's access log has the client's address ($src), not the proxy's" "$log" "$src GET /tekot "
  expect_contains "$p: a forged X-Forwarded-For from the client is not believed" "$log" "$src GET /forged-$p "
  expect_lacks "$p: ... nowhere in the log" "$log" "6.6.6.6"
  rm -f "$TMP/pjar"
  "${c[@]}" -o "$TMP/body" "$url/kirjaudu"
  local token; token=$(csrf_from "$(cat "$TMP/body")")
  STATUS=$("${c[@]}" -o /dev/null -D "$TMP/h" -w '%{http_code}' -H "Origin: $url" -H "Sec-Fetch-Site: same-origin" \
    --data-urlencode "csrf=$token" --data-urlencode "email=staff@example.fi" --data-urlencode "password=vihrea-kettu-93-Rq" \
    "$url/kirjaudu")
  expect_eq "$p: login through the proxy, with the browser's Origin, works" "$STATUS" 303
  expect_contains "$p: the session cookie is Secure" "$(grep -i '^set-cookie: kehto_session' "$TMP/h")" "; Secure"
  STATUS=$("${c[@]}" -o /dev/null -w '%{http_code}' -H "Origin: https://evil.example" \
    --data-urlencode "csrf=$token" --data-urlencode "email=staff@example.fi" --data-urlencode "password=x" "$url/kirjaudu")
  expect_eq "$p: a cross-site POST through the proxy is 403" "$STATUS" 403
  STATUS=$(curl -s -o /dev/null -D "$TMP/h" -w '%{http_code}' -H "Host: $NAME" "http://127.0.0.1:$http/tekot")
  expect_eq "$p: plain HTTP is redirected" "$STATUS" 301
  expect_contains "$p: ... to https" "$(header Location)" "https://$NAME"
}

if [ $have_nginx = 1 ]; then
  TLS=$(free_port); HTTP=$(free_port)
  start_kehto "$TLS"
  subst "$ROOT/docs/deploy/nginx.conf" "$TMP/kehto-site.conf" \
    "listen 80;" "listen 127.0.0.1:$HTTP;" "listen [::]:80;" "" \
    "listen 443 ssl http2;" "listen 127.0.0.1:$TLS ssl http2;" "listen [::]:443 ssl http2;" "" \
    "/etc/letsencrypt/live/kehto.example.fi/fullchain.pem" "$TMP/cert.pem" \
    "/etc/letsencrypt/live/kehto.example.fi/privkey.pem" "$TMP/key.pem" \
    "server 127.0.0.1:8080;" "server 127.0.0.1:$PORT;"
  for d in body proxy fastcgi uwsgi scgi; do mkdir -p "$TMP/nginx-$d"; done
  cat >"$TMP/nginx.conf" <<CONF
worker_processes 1;
pid $TMP/nginx.pid;
error_log $TMP/nginx-error.log;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path $TMP/nginx-body; proxy_temp_path $TMP/nginx-proxy; fastcgi_temp_path $TMP/nginx-fastcgi;
  uwsgi_temp_path $TMP/nginx-uwsgi; scgi_temp_path $TMP/nginx-scgi;
  include $TMP/kehto-site.conf;
}
CONF
  if nginx -t -q -e "$TMP/nginx-error.log" -c "$TMP/nginx.conf" 2>"$TMP/nginx-t.log"; then
    ok "nginx: the documented config passes nginx -t"
    nginx -e "$TMP/nginx-error.log" -c "$TMP/nginx.conf" -g 'daemon off;' &
    PROXY_PID=$!
    if wait_tls "$TLS"; then through nginx "$TLS" "$HTTP" 127.0.0.2; else not_ok "nginx did not start" "$(cat "$TMP/nginx-error.log")"; fi
    stop_proxy
  else
    not_ok "nginx: the documented config passes nginx -t" "$(cat "$TMP/nginx-t.log")"
  fi
  stop_server
else
  echo "skipped: nginx not installed"
fi

if [ $have_haproxy = 1 ]; then
  TLS=$(free_port); HTTP=$(free_port)
  start_kehto "$TLS"
  subst "$ROOT/docs/deploy/haproxy.cfg" "$TMP/haproxy.cfg" \
    "log /dev/log local0" "log stderr format short local0 notice" \
    "bind :80" "bind 127.0.0.1:$HTTP" \
    "bind :443 ssl crt /etc/haproxy/certs/kehto.example.fi.pem" "bind 127.0.0.1:$TLS ssl crt $TMP/both.pem" \
    "server kehto 127.0.0.1:8080" "server kehto 127.0.0.1:$PORT"
  if haproxy -c -q -f "$TMP/haproxy.cfg" >"$TMP/haproxy-c.log" 2>&1; then
    ok "haproxy: the documented config passes haproxy -c"
    haproxy -db -f "$TMP/haproxy.cfg" >"$TMP/haproxy.log" 2>&1 &
    PROXY_PID=$!
    if wait_tls "$TLS"; then through haproxy "$TLS" "$HTTP" 127.0.0.3; else not_ok "haproxy did not start" "$(cat "$TMP/haproxy.log")"; fi
    stop_proxy
  else
    not_ok "haproxy: the documented config passes haproxy -c" "$(cat "$TMP/haproxy-c.log")"
  fi
else
  echo "skipped: haproxy not installed"
fi
finish
