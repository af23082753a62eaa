# End-to-end: two `kehto serve` processes on one database behind HAProxy, configured as docs/deploy/haproxy-two.cfg
# says (ports swapped; TLS and the per-client request limit left out: here one client sends everything). A session
# and a CSRF token made by one server hold on the other; a change made through one is on the other's next page (its
# page cache too), and a scheduled news item is on both at its time; with one server killed while requests run,
# every request through HAProxy is still answered. On SQLite both serve one file; under tests/e2e/run --pg one
# PostgreSQL database, as docs/deployment.md describes (in a cluster of its own, which it stops and restarts).
source "$(dirname "$0")/lib.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HAPROXY=$(command -v haproxy || echo /usr/sbin/haproxy)
if [ ! -x "$HAPROXY" ]; then not_ok "haproxy is installed (scripts/install-deps installs it)"; finish; exit 1; fi
own_pg_cluster # PostgreSQL is stopped and restarted below: not under the scripts running beside this one
init_db
add_staff
"$KEHTO" import deeds /dev/stdin --db "$DB" >/dev/null <<'CSV'
title,organisation,municipality,sector,summary,goal,actions,results,year
Kahden palvelimen teko,Testikunta,Turku,sote,Tiivistelmä,Tavoite,Teot,Tulokset,2020
CSV

# start_kehto: one more server on a free port; its port in $KPORT, its pid in $KPID
start_kehto() {
  KPORT=$(free_port)
  "$KEHTO" serve --db "$DB" --port "$KPORT" --quiet >>"$TMP/server.log" 2>&1 &
  KPID=$!
  for _ in $(seq 1 300); do curl -s -o /dev/null "http://127.0.0.1:$KPORT/" && return 0; sleep 0.05; done
  not_ok "server on $KPORT started" "$(tail -5 "$TMP/server.log")"
}
start_kehto; PA=$KPORT; PIDA=$KPID
start_kehto; PB=$KPORT; PIDB=$KPID
HP=$(free_port)
text=$(cat "$ROOT/docs/deploy/haproxy-two.cfg")
for pair in "log /dev/log local0|log stderr format short local0 notice" "bind :80|bind 127.0.0.1:$HP" \
  "bind :443 ssl crt /etc/haproxy/certs/kehto.example.fi.pem alpn h2,http/1.1|" \
  "http-request redirect scheme https code 301 unless { ssl_fc }|" \
  "server kehto1 10.0.0.11:8080|server kehto1 127.0.0.1:$PA" "server kehto2 10.0.0.12:8080|server kehto2 127.0.0.1:$PB" \
  "sc0_http_req_rate gt 200|sc0_http_req_rate gt 100000"; do
  from=${pair%%|*}; to=${pair#*|}
  grep -qF -- "$from" <<<"$text" || not_ok "docs/deploy/haproxy-two.cfg still has: $from"
  text=${text//"$from"/"$to"}
done
printf '%s\n' "$text" >"$TMP/haproxy.cfg"
check "haproxy -c accepts the documented config" "$HAPROXY" -c -q -f "$TMP/haproxy.cfg"
"$HAPROXY" -db -f "$TMP/haproxy.cfg" >"$TMP/haproxy.log" 2>&1 &
HPID=$!
trap 'kill $PIDA $PIDB $HPID 2>/dev/null; cleanup' EXIT
for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$HP/" && break; sleep 0.05; done

# --- one site: the session, the token and the change travel ---
BASE=http://127.0.0.1:$PA
login staff@example.fi vihrea-kettu-93-Rq
expect_eq "signed in on server A" "$STATUS" 303
get /hallinta/organisaatiot/uusi; tok=$(csrf_from "$BODY")
BASE=http://127.0.0.1:$PB
get /hallinta/organisaatiot
expect_eq "server B knows the session A made" "$STATUS" 200
get /hallinta/organisaatiot  # B's page cache now holds its list
post /hallinta/organisaatiot/uusi "csrf=$tok" "name=Kahden palvelimen kunta" "type=kunta" "municipality=091"
expect_eq "server B takes the CSRF token A gave" "$STATUS" 303
BASE=http://127.0.0.1:$PA
get /hallinta/organisaatiot
expect_contains "server A shows B's change on its next page" "$BODY" "Kahden palvelimen kunta"
get /tekot
expect_contains "A's public list has the deed" "$BODY" "Kahden palvelimen teko"
BASE=http://127.0.0.1:$PB
get /tekot  # cached on B now
"$KEHTO" import deeds /dev/stdin --db "$DB" >/dev/null <<'CSV'
title,organisation,municipality,sector,summary,goal,actions,results,year
Toinen kahden palvelimen teko,Testikunta,Turku,sote,Tiivistelmä,Tavoite,Teot,Tulokset,2020
CSV
get /tekot
expect_contains "B's cached list has a deed added meanwhile" "$BODY" "Toinen kahden palvelimen teko"
BASE=http://127.0.0.1:$HP
get /tekot
expect_contains "HAProxy serves the site" "$BODY" "Toinen kahden palvelimen teko"

# --- a scheduled news item appears on both servers at its time, with no write to tell them (#15) ---
AT=$(date -u -d '+10 seconds' +%Y-%m-%dT%H:%M:%SZ)  # time for the requests below on a busy machine
# (a write as kehto's own: on PostgreSQL it bumps the data version too, so each server starts a new cache generation
# and asks for the next publish time again; without it a server that had asked since the last write never would)
bump=; on_pg && bump="; UPDATE data_version SET n = n + 1"
q "INSERT INTO news(uid, title, publish_at, created_at, updated_at) VALUES('urn:uuid:two', 'Ajastettu uutinen',
  '$AT', '$AT', '$AT')$bump" >/dev/null
for port in $PA $PB; do for _ in 1 2 3 4; do curl -s -o "$TMP/news.$port" "http://127.0.0.1:$port/uutiset"; done; done
expect_eq "before its time neither server lists it (each has cached /uutiset)" \
  "$(cat "$TMP/news.$PA" "$TMP/news.$PB" | grep -c 'Ajastettu uutinen')" 0
while [[ "$(date -u +%Y-%m-%dT%H:%M:%SZ)" < "$AT" ]]; do sleep 0.3; done
sleep 1
for port in $PA $PB; do curl -s -o "$TMP/news.$port" "http://127.0.0.1:$port/uutiset"; done
expect_eq "at its time both servers list it" "$(cat "$TMP/news.$PA" "$TMP/news.$PB" | grep -c 'Ajastettu uutinen')" 2

# --- one server killed while requests run: every request is answered ---
# 8 clients at once, 240 requests (search pages, a few ms of work each); A is killed while they run, so some of its
# requests are cut off halfway: HAProxy sends those again to B (retry-on empty-response).
seq 1 240 | xargs -P 8 -I{} curl -s -o /dev/null -w '%{http_code}\n' --max-time 10 \
  "http://127.0.0.1:$HP/tekot?q=teko&page={}" >"$TMP/codes" &
LOAD=$!
sleep 0.5
kill -9 "$PIDA"
wait "$LOAD"
expect_eq "with server A killed mid-run, all 240 requests through HAProxy are answered" \
  "$(sort "$TMP/codes" | uniq -c | awk '{print $2 ":" $1}' | paste -sd' ')" "200:240"
BASE=http://127.0.0.1:$PB
get /hallinta/organisaatiot
expect_eq "server B still has the session" "$STATUS" 200

# --- PostgreSQL down for a while: pages whose statements were never prepared on B's connections are asked for; B
# answers each (an error page where it needs the database) and keeps running, then serves them once it is back ---
if on_pg; then
  "$ROOT/tests/pg/cluster.sh" down "$E2E_PG_CLUSTER" || echo "# cluster.sh down: exit $?"
  PAGES="/palvelut /valmentajat /tilastot /tekot/uusi /api/v1/stats /saavutettavuus /tietosuoja /tekot?q=muu /tekot/1"
  codes=$(for p in $PAGES; do curl -s -o /dev/null --max-time 10 -w '%{http_code} ' "http://127.0.0.1:$PB$p"; done)
  expect_lacks "with PostgreSQL down, server B answers every request (codes: $codes)" "$codes" "000"
  check "... and is still running" kill -0 "$PIDB"
  "$ROOT/tests/pg/cluster.sh" up "$E2E_PG_CLUSTER" || echo "# cluster.sh up: exit $?"
  for _ in $(seq 1 50); do
    codes=$(for p in $PAGES; do curl -s -o /dev/null --max-time 5 -w '%{http_code} ' "http://127.0.0.1:$PB$p"; done)
    [ "$codes" = "$(printf '200 %.0s' $PAGES)" ] && break
    sleep 0.2
  done
  expect_eq "PostgreSQL back, B serves those pages" "$codes" "$(printf '200 %.0s' $PAGES)"
fi

# --- PostgreSQL restarted (a failover, an update): every connection is cut, and the servers connect again ---
if on_pg; then
  "$ROOT/tests/pg/cluster.sh" restart "$E2E_PG_CLUSTER" || echo "# cluster.sh restart: exit $?"
  # The servers connect again by themselves, with no restart of theirs: six pages in a row answered within 10 s
  # (pg_ctl says the server is up as soon as it accepts connections; on a loaded machine HAProxy and the pool's
  # threads may take a moment more)
  for _ in $(seq 1 50); do
    codes=$(for i in 1 2 3 4 5 6; do curl -s -o /dev/null --max-time 5 -w '%{http_code} ' "http://127.0.0.1:$HP/tekot?q=kunta&page=$i"; done)
    [ "$codes" = "200 200 200 200 200 200 " ] && break
    echo "# after the restart: $codes"
    sleep 0.2
  done
  if [ "$codes" = "200 200 200 200 200 200 " ]; then
    ok "after PostgreSQL restarted, pages are served again"
  else # what the servers and PostgreSQL said, kept for whoever looks into it
    keep=$(mktemp /tmp/kehto-two-servers-restart.XXXXXX)
    { tail -40 "$TMP/server.log"; echo "--- PostgreSQL"; tail -40 "$E2E_PG_CLUSTER/server.log"; } >"$keep" 2>&1
    not_ok "after PostgreSQL restarted, pages are served again" "last codes: $codes; logs in $keep"
  fi
  BASE=http://127.0.0.1:$PB
  get /hallinta/organisaatiot
  expect_eq "... and the session still holds" "$STATUS" 200
  expect_contains "the server says it connected again" "$(cat "$TMP/server.log")" "database connection made again"
fi
kill "$PIDB" "$HPID" 2>/dev/null
finish
