# End-to-end: Secure cookies by default, cross-site POSTs refused (Origin, Sec-Fetch-Site), absolute links from
# --base-url and never from Host, the client address from X-Forwarded-For only behind --trusted-proxy, and the
# per-client connection limit (the trusted proxy exempt). Loopback addresses only, apart from one --bind 0.0.0.0.
source "$(dirname "$0")/lib.sh"
init_db
add_staff

# post_h 'Header: value' PATH field=value...: post() with one extra request header
post_h() {
  local h=$1 p=$2; shift 2
  local args=()
  for kv in "$@"; do args+=(--data-urlencode "$kv"); done
  STATUS=$(curl -s -o "$TMP/body" -D "$TMP/h" -w '%{http_code}' -b "$TMP/jar" -c "$TMP/jar" -H "$h" "${args[@]}" "$BASE$p")
  BODY=$(cat "$TMP/body")
}
login_h() { # login_h 'Header: value': logs staff in with that header on the POST
  rm -f "$TMP/jar"
  get /kirjaudu
  post_h "$1" /kirjaudu "csrf=$(csrf_from "$BODY")" "email=staff@example.fi" "password=vihrea-kettu-93-Rq" "next=/"
}

serve_with --quiet

# --- cookies: plain HTTP on loopback is allowed, so the tests and `make run` work without TLS
rm -f "$TMP/jar"; get /kirjaudu
expect_lacks "on loopback without --base-url cookies are not Secure" "$(grep -i '^set-cookie' "$TMP/h")" "Secure"
expect_contains "the start-up line says so" "$(cat "$TMP/server.log")" "cookies not Secure (plain HTTP allowed)"

# --- POSTs from another site
login_h "Origin: https://evil.example"
expect_eq "login POST with a foreign Origin is 403" "$STATUS" 403
expect_contains "the refusal says why" "$BODY" "Lomake lähetettiin toiselta sivustolta"
expect_lacks "... and no session was started" "$(grep -i '^set-cookie' "$TMP/h")" "kehto_session"
login_h "Sec-Fetch-Site: cross-site"
expect_eq "login POST with Sec-Fetch-Site: cross-site is 403" "$STATUS" 403
login_h "Origin: null"
expect_eq "login POST with Origin: null is 403" "$STATUS" 403
login_h "Origin: http://127.0.0.1:1"
expect_eq "login POST from another port of the same host is 403" "$STATUS" 403
login_h "Origin: $BASE"
expect_eq "login POST with the site's own Origin works" "$STATUS" 303
login_h "Sec-Fetch-Site: same-origin"
expect_eq "login POST with Sec-Fetch-Site: same-origin works" "$STATUS" 303
login staff@example.fi vihrea-kettu-93-Rq
expect_eq "login POST without Origin or Sec-Fetch-Site (curl, old browsers) works" "$STATUS" 303
rm -f "$TMP/jar"; get /kirjaudu
# the cookie by hand: with another Host, curl would not send the jar's cookie for 127.0.0.1
STATUS=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: kehto_csrf=$(csrf_from "$BODY")" \
  -H "Host: kehto.example" -H "Origin: http://kehto.example" \
  --data-urlencode "csrf=$(csrf_from "$BODY")" --data-urlencode "email=staff@example.fi" \
  --data-urlencode "password=vihrea-kettu-93-Rq" "$BASE/kirjaudu")
expect_eq "an Origin that matches the request's Host works (a proxy passing Host on)" "$STATUS" 303
rm -f "$TMP/jar"; get /tekot/uusi
post_h "Origin: https://evil.example" /tekot/uusi "csrf=$(csrf_from "$BODY")" "title=Ristiin"
expect_eq "a public form POST with a foreign Origin is 403 too" "$STATUS" 403
STATUS=$(curl -s -o "$TMP/body" -w '%{http_code}' -H "Origin: https://evil.example" -d x=1 "$BASE/api/v1/deeds")
expect_eq "a cross-site POST to the API is 403" "$STATUS" 403
expect_contains "... with a JSON error" "$(cat "$TMP/body")" '"error"'

# --- absolute links: never from Host
get /tekot.atom -H "Host: evil.example"
expect_lacks "a forged Host does not reach the feed" "$BODY" "evil.example"
expect_contains "without --base-url feed links use http://BIND:PORT" "$BODY" "href=\"$BASE/tekot.atom\""
get /tekot.atom
expect_lacks "... nor the cached feed others get" "$BODY" "evil.example"

# --- --base-url: links from it, Secure cookies even on loopback (TLS at a proxy), its Origin accepted
serve_with --quiet --base-url https://kehto.example.fi/
get /tekot.atom -H "Host: evil.example"
expect_contains "feed links come from --base-url" "$BODY" 'href="https://kehto.example.fi/tekot.atom"'
expect_lacks "... not from a forged Host" "$BODY" "evil.example"
get /sv/tekot.atom
expect_contains "Swedish feed links keep the prefix after the base URL" "$BODY" 'href="https://kehto.example.fi/sv/tekot"'
rm -f "$TMP/jar"; get /kirjaudu
expect_contains "with an https base URL cookies are Secure even on loopback" "$(grep -i '^set-cookie' "$TMP/h")" "; Secure"
login_h "Origin: https://kehto.example.fi"
expect_eq "an Origin equal to the base URL works" "$STATUS" 303
expect_contains "the session cookie is Secure" "$(grep -i '^set-cookie: kehto_session' "$TMP/h")" "; Secure"
login_h "Origin: http://kehto.example.fi"
expect_eq "the base URL's host over another scheme is 403" "$STATUS" 403

# --- bad combinations are usage errors
"$KEHTO" serve --db "$DB" --port 1 --base-url https://kehto.example.fi --insecure-cookies 2>"$TMP/err"
expect_eq "--insecure-cookies with an https base URL is a usage error" "$?" 2
"$KEHTO" serve --db "$DB" --port 1 --base-url "https://kehto.example.fi/polku" 2>"$TMP/err"
expect_eq "a base URL with a path is a usage error" "$?" 2
expect_contains "... that says what is wanted" "$(cat "$TMP/err")" "no path"
"$KEHTO" serve --db "$DB" --port 1 --trusted-proxy localhost 2>"$TMP/err"
expect_eq "--trusted-proxy needs an address" "$?" 2

# --- not loopback: Secure by default, plain HTTP only with --insecure-cookies
stop_server # the --base-url server above (a new SERVER_PID would leave it running after the script)
PORT=$(free_port)
"$KEHTO" serve --db "$DB" --port "$PORT" --bind 0.0.0.0 --quiet >"$TMP/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 300); do curl -s -o /dev/null "http://127.0.0.1:$PORT/" && break; sleep 0.05; done
BASE=http://127.0.0.1:$PORT
rm -f "$TMP/jar"; get /kirjaudu
expect_contains "served on 0.0.0.0 cookies are Secure by default" "$(grep -i '^set-cookie' "$TMP/h")" "; Secure"
stop_server
serve_with --quiet --bind 0.0.0.0 --insecure-cookies
rm -f "$TMP/jar"; get /kirjaudu
expect_lacks "... and not with --insecure-cookies" "$(grep -i '^set-cookie' "$TMP/h")" "Secure"

# --- the client address: X-Forwarded-For only from the trusted proxy
serve_with --trusted-proxy 127.0.0.1
rm -f "$TMP/jar"; get /kirjaudu
expect_contains "behind a trusted proxy cookies are Secure on loopback too (the users come over TLS)" \
  "$(grep -i '^set-cookie' "$TMP/h")" "; Secure"
curl -s -o /dev/null -H "X-Forwarded-For: 203.0.113.7" "$BASE/x1"
curl -s -o /dev/null -H "X-Forwarded-For: 6.6.6.6, 203.0.113.8" "$BASE/x2"
curl -s -o /dev/null -H "X-Forwarded-For: 6.6.6.6" -H "X-Forwarded-For: 203.0.113.9" "$BASE/x3"
curl -s -o /dev/null -H "X-Forwarded-For: 203.0.113.10, 127.0.0.1" "$BASE/x4"
curl -s -o /dev/null -H "X-Forwarded-For: 203.0.113.11, not-an-address" "$BASE/x5"
curl -s -o /dev/null --interface 127.0.0.2 -H "X-Forwarded-For: 203.0.113.12" "$BASE/x6"
sleep 0.2
log=$(cat "$TMP/server.log")
expect_contains "from the proxy, the access log has the X-Forwarded-For address" "$log" "203.0.113.7 GET /x1 "
expect_contains "the right-most entry counts (the client wrote the rest)" "$log" "203.0.113.8 GET /x2 "
expect_contains "a second X-Forwarded-For line (haproxy adds one) counts" "$log" "203.0.113.9 GET /x3 "
expect_contains "the proxy's own address in the list is skipped" "$log" "203.0.113.10 GET /x4 "
expect_contains "a malformed right-most entry falls back to the peer" "$log" "127.0.0.1 GET /x5 "
expect_contains "from any other peer X-Forwarded-For is ignored" "$log" "127.0.0.2 GET /x6 "
expect_contains "the start-up line names the trusted proxy" "$log" "X-Forwarded-For when the peer is 127.0.0.1"

# the per-client connection limit: 80 idle connections from a client, 64 kept; the trusted proxy carries everyone
conns() { # conns SOURCE: opens 80 idle connections from SOURCE, prints how many the server closed within a second
  "$PYTHON" - "$1" "$PORT" <<'EOF'
import select, socket, sys, time
socks = []
for _ in range(80):
    s = socket.socket(); s.bind((sys.argv[1], 0)); s.connect(("127.0.0.1", int(sys.argv[2]))); socks.append(s)
closed, end = set(), time.monotonic() + 1
while time.monotonic() < end:
    r, _, _ = select.select([s for s in socks if s not in closed], [], [], 0.1)
    for s in r:
        try:
            if not s.recv(100): closed.add(s)
        except OSError: closed.add(s)
print(len(closed))
EOF
}
expect_eq "80 connections from one client: 16 over the limit of 64 are closed at once" "$(conns 127.0.0.2)" 16
expect_eq "80 connections from the trusted proxy: none closed" "$(conns 127.0.0.1)" 0
finish
