# lib.sh: helpers for end-to-end tests: a temp database, a real `kehto serve` on a free port, requests, checks.
# Each test script sources this, calls its checks, and ends with `finish`.
set -u
# passwords hashed at argon2id's least cost (src/model/user.c): the scripts' logins would spend minutes of CPU
export KEHTO_TEST_CHEAP_HASH=1
KEHTO=${KEHTO:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/kehto}
TMP=$(mktemp -d /tmp/kehto-e2e.XXXXXX)
DB=$TMP/test.db
# On PostgreSQL (tests/e2e/run --pg sets E2E_PG_CLUSTER to a running throwaway cluster, tests/pg/cluster.sh) each test
# script gets a database of its own there, and $DB is its address.
E2E_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
if [ -n "${E2E_PG_CLUSTER:-}" ]; then
  DB=$("$E2E_ROOT/tests/pg/cluster.sh" newdb "$E2E_PG_CLUSTER" "t_$(basename "$TMP" | tr -c 'a-zA-Z0-9' _ | tr 'A-Z' 'a-z')")
fi
on_pg() { [ -n "${E2E_PG_CLUSTER:-}" ]; }
# HC: tests/e2e/hc.c, the HTTP client of get, post, serve_with and free_port (a curl process costs 25 ms of CPU to
# start, and the scripts send thousands of requests): built into build/hc by the first script that finds it missing
# or older than its source (written whole: scripts side by side may build it at once)
HC=$E2E_ROOT/build/hc
if [ ! -x "$HC" ] || [ "$E2E_ROOT/tests/e2e/hc.c" -nt "$HC" ]; then
  mkdir -p "$E2E_ROOT/build" && cc -O2 -Wall -Wextra -Werror -o "$HC.$$" "$E2E_ROOT/tests/e2e/hc.c" &&
    mv -f "$HC.$$" "$HC" || { echo "lib.sh: cannot build $HC"; exit 1; }
fi
# own_pg_cluster: on PostgreSQL, moves the script to a cluster of its own (a new $DB in it, without the demo
# template), for a script that stops or restarts PostgreSQL: the scripts running beside it (tests/e2e/run -j) keep
# the shared one. Call it before init_db. The cluster is removed when the script ends.
OWN_PG_CLUSTER=
own_pg_cluster() {
  on_pg || return 0
  OWN_PG_CLUSTER=$(mktemp -d /tmp/kehto-pg-own.XXXXXX)
  "$E2E_ROOT/tests/pg/cluster.sh" start "$OWN_PG_CLUSTER" >/dev/null || { echo "own_pg_cluster: start failed"; exit 1; }
  E2E_PG_CLUSTER=$OWN_PG_CLUSTER
  unset E2E_PG_DEMO E2E_PG_INIT
  DB=$("$E2E_ROOT/tests/pg/cluster.sh" newdb "$E2E_PG_CLUSTER" t_own)
}
# q SQL: runs SQL against the test's database (sqlite3, or psql on PostgreSQL) and prints the rows as sqlite3 does
# (columns joined by |); SQL from standard input when no argument is given.
q() {
  if on_pg; then
    if [ $# -gt 0 ]; then psql "$DB" -XAtq -v ON_ERROR_STOP=1 -c "$1"; else psql "$DB" -XAtq -v ON_ERROR_STOP=1; fi
  else
    if [ $# -gt 0 ]; then sqlite3 -bail "$DB" "$1"; else sqlite3 -bail "$DB"; fi
  fi
}
PASS=0
FAIL=0
SERVER_PID=
SINK_PID=
# cleanup: what every script leaves behind (a script with a trap of its own calls this from it)
cleanup() {
  stop_server; stop_sink
  [ -z "$OWN_PG_CLUSTER" ] || "$E2E_ROOT/tests/pg/cluster.sh" stop "$OWN_PG_CLUSTER"
  if [ -n "${E2E_KEEP:-}" ]; then echo "kept $TMP"; else rm -rf "$TMP"; fi
}
trap cleanup EXIT

ok() { PASS=$((PASS + 1)); echo "ok - $1"; }
not_ok() { FAIL=$((FAIL + 1)); echo "not ok - $1"; [ -n "${2:-}" ] && echo "    $2" | head -c 600 && echo; }
check() { # check "description" command...
  local d=$1; shift
  if "$@" >/dev/null 2>&1; then ok "$d"; else not_ok "$d"; fi
}
# contains TEXT PART / lacks TEXT PART: PART is (is not) in TEXT. In bash itself: a grep per check was a good part
# of the suites' CPU (a fork and an exec each).
contains() { [[ $1 == *"$2"* ]]; }
lacks() { [[ $1 != *"$2"* ]]; }
expect_contains() { if contains "$2" "$3"; then ok "$1"; else not_ok "$1" "expected to find: $3"; fi; }
expect_lacks() { if lacks "$2" "$3"; then ok "$1"; else not_ok "$1" "did not expect: $3"; fi; }
expect_eq() { if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1" "expected '$3', got '$2'"; fi; }
# rc_err RC FILE: RC, and when it is not 0 the end of FILE (the command's stderr) after it, so that a failed
# expect_eq "…" "$(rc_err $? "$TMP/err")" 0 says why the command failed, not only its exit code
rc_err() { if [ "$1" = 0 ]; then echo 0; else printf '%s: %s' "$1" "$(tail -c 400 "$2" 2>/dev/null | tr '\n' ' ')"; fi; }

# Debian's python3 directly: a version-manager shim on PATH can take a second per start.
PYTHON=/usr/bin/python3
[ -x "$PYTHON" ] || PYTHON=python3
free_port() { "$HC" --free-port; }

# db_from PG_TEMPLATE FILE: the test's database as a copy of one tests/e2e/run made once for the run: on PostgreSQL
# from the template database PG_TEMPLATE, on SQLite the file FILE; 1 when there is none (a script run by itself).
db_from() {
  if on_pg && [ -n "$1" ]; then
    psql "${DB%/*}/postgres" -Xq -v ON_ERROR_STOP=1 -c "DROP DATABASE \"${DB##*/}\" WITH (FORCE)" \
      -c "CREATE DATABASE \"${DB##*/}\" TEMPLATE \"$1\"" >/dev/null
  elif ! on_pg && [ -f "$2" ]; then
    rm -f "$DB-wal" "$DB-shm" && cp "$2" "$DB"
  else
    return 1
  fi
}
# init_db: the test's database as `kehto init` makes it (a copy of E2E_PG_INIT or E2E_INIT_FILE: the migrations take
# half a second under the sanitizers, more on PostgreSQL)
init_db() { db_from "${E2E_PG_INIT:-}" "${E2E_INIT_FILE:-}" || "$KEHTO" init --db "$DB" >/dev/null; }
# demo_db: the demo programme in the test's database, as `kehto demo` makes it (call it with no server running): a copy
# of E2E_PG_DEMO or E2E_DEMO_FILE (the demo takes 10-20 s, more under ASan)
demo_db() { db_from "${E2E_PG_DEMO:-}" "${E2E_DEMO_FILE:-}" || "$KEHTO" demo --db "$DB" >/dev/null; }

# serve_with ARGS...: (re)starts `kehto serve` on a free port with extra serve options; the log is in $TMP/server.log
serve_with() {
  stop_server
  PORT=$(free_port)
  BASE=http://127.0.0.1:$PORT
  "$KEHTO" serve --db "$DB" --port "$PORT" "$@" >"$TMP/server.log" 2>&1 &
  SERVER_PID=$!
  "$HC" --wait "$BASE/" && return 0
  echo "server did not start:"; cat "$TMP/server.log"; exit 1
}

start_server() { serve_with --quiet "$@"; }

stop_server() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null; SERVER_PID=; fi
}

# get PATH [-H HEADER]...: body in $BODY, status in $STATUS, headers in $TMP/h. Call without $( ). The cookie jar
# (curl's format, for the scripts' own curl -b) is $TMP/jar, or $JAR when set (a script with several browsers:
# `local JAR=$TMP/other` in a function).
get() {
  local p=$1; shift
  STATUS=$("$HC" "$@" "$TMP/body" "$TMP/h" "${JAR:-$TMP/jar}" "$BASE$p")
  BODY=$(<"$TMP/body")
}
# post PATH field=value...: urlencoded POST (each value encoded) with the cookie jar; body in $BODY, status in $STATUS
post() {
  local p=$1; shift
  local args=()
  for kv in "$@"; do args+=(-d "$kv"); done
  STATUS=$("$HC" "${args[@]}" "$TMP/body" "$TMP/h" "${JAR:-$TMP/jar}" "$BASE$p")
  BODY=$(<"$TMP/body")
}
# csrf_from PAGE_HTML: the hidden csrf token in a page
# (in bash itself: it runs before nearly every post)
csrf_from() {
  local re='name="csrf" value="([0-9a-f]*)"'
  if [[ $1 =~ $re ]]; then printf '%s\n' "${BASH_REMATCH[1]}"; fi
}
# stale_post PATH WHAT KEPT SQL field=value...: posts a form with a stale token; checks the answer is 403 with the form
# shown again (the stale-token message at the top, KEPT from what was typed) and that SQL (a count) is 0; then posts again
# with the token from that answer and checks it is saved (303, SQL is 1).
stale_post() {
  local p=$1 what=$2 kept=$3 sql=$4 fresh; shift 4
  post "$p" "csrf=0123456789abcdef" "$@"
  expect_eq "$what: stale token is 403" "$STATUS" 403
  expect_contains "$what: stale-token message" "$BODY" \
    'role="alert"><h2>Tarkista lomake</h2><ul><li>Lomakkeen turvatunniste oli vanhentunut.'
  expect_contains "$what: what was typed is kept" "$BODY" "$kept"
  expect_eq "$what: nothing saved" "$(q "$sql")" 0
  fresh=$(csrf_from "$BODY")
  post "$p" "csrf=$fresh" "$@"
  expect_eq "$what: resubmit with the token from that answer is saved" "$STATUS" 303
  expect_eq "$what: saved once" "$(q "$sql")" 1
}
# header NAME: the first value of that header in the last answer (case-insensitive name), without its CR
header() {
  local l n=${1,,}
  while IFS= read -r l; do
    l=${l%$'\r'}
    if [[ ${l,,} == "$n:"* ]]; then l=${l#*:}; printf '%s\n' "${l# }"; return 0; fi
  done <"$TMP/h"
  return 1
}

# people_frame: two funding periods, two organisations (Oulun kaupunki 0187690-1, Testi Oy), a service that counts
# participants (delivery SP-1, sessions 1 and 2) and one for event attendees (WB-1, session 1), made with SQL, for the
# imports of participants and attendance (test_people, test_upload)
people_frame() {
  q "
INSERT INTO funding_period(id,name,start_year,end_year) VALUES(1,'2015–2017',2015,2017),(2,'2018–2020',2018,2020);
INSERT INTO org(id,name,type,ytunnus) VALUES(1,'Oulun kaupunki','kunta','0187690-1'),(2,'Testi Oy','yhtio',NULL);
INSERT INTO service(id,type_code,name,period_id,counts) VALUES(1,'sparraus','Sparraus A',2,'participant'),
 (2,'webinaari','Webinaari B',2,'attendee');
INSERT INTO delivery(id,ref,service_id,starts_on,ends_on) VALUES(1,'SP-1',1,'2019-03-01','2019-03-10'),
 (2,'WB-1',2,'2019-04-01','2019-04-01');
INSERT INTO delivery_session(delivery_id,number,held_on) VALUES(1,1,'2019-03-01'),(1,2,'2019-03-10'),(2,1,'2019-04-01');"
}

# add_staff [EMAIL [ROLE [ORG]]]: an account with the password vihrea-kettu-93-Rq; a contact needs ORG (id or Y-tunnus)
add_staff() {
  echo "vihrea-kettu-93-Rq" | "$KEHTO" user add "${1:-staff@example.fi}" --role "${2:-staff}" ${3:+--org "$3"} --db "$DB" >/dev/null
}
login() { # login EMAIL PASSWORD
  get /kirjaudu
  post /kirjaudu "csrf=$(csrf_from "$BODY")" "email=$1" "password=$2" "next=/"
}

# --- mail: a real SMTP server on loopback (tests/e2e/smtp_sink.py, Debian's python3-aiosmtpd) ---
# start_sink: starts it on a free port ($SINK_PORT); every message it accepts is a file $SINK/NNNNNN.eml. Stopped at
# exit like the server.
start_sink() {
  stop_sink
  SINK=$TMP/sink
  SINK_PORT=$(free_port)
  rm -f "$SINK/ready"
  "$PYTHON" "$E2E_ROOT/tests/e2e/smtp_sink.py" "$SINK_PORT" "$SINK" >"$TMP/sink.log" 2>&1 &
  SINK_PID=$!
  for _ in $(seq 1 200); do [ -f "$SINK/ready" ] && return 0; sleep 0.05; done
  echo "the SMTP sink did not start:"; cat "$TMP/sink.log"; exit 1
}
stop_sink() {
  if [ -n "${SINK_PID:-}" ]; then kill "$SINK_PID" 2>/dev/null; wait "$SINK_PID" 2>/dev/null; SINK_PID=; fi
}
# sink_answer CODE: the sink answers DATA with 451 (try later) or 550 (refused, kept nowhere); "" accepts again.
sink_answer() { printf '%s\n' "$1" >"$SINK/answer"; }
# sink_count: how many messages the sink has received.
sink_count() { find "$SINK" -name '*.eml' 2>/dev/null | wc -l; }
# wait_mail N [SECONDS]: waits until the sink has at least N messages (at most SECONDS, default 60: a deadline, as
# the sanitized sender is many times slower under make check's load); 1 when it does not.
wait_mail() {
  local n=$1 end=$((SECONDS + ${2:-60}))
  while ((SECONDS < end)); do [ "$(sink_count)" -ge "$n" ] && return 0; sleep 0.05; done
  return 1
}
# mail_read FILE WHAT: from a received message, the decoded header WHAT (To, From, Subject, Message-ID, …), or
# "text" / "html" for that part decoded, or "types" for the content types of its parts (space-separated).
mail_read() {
  "$PYTHON" - "$1" "$2" <<'EOF'
import email, email.policy, sys
with open(sys.argv[1], "rb") as f:
    msg = email.message_from_binary_file(f, policy=email.policy.default)
what = sys.argv[2]
if what in ("text", "html"):
    part = msg.get_body(preferencelist=("plain",) if what == "text" else ("html",))
    print(part.get_content() if part else "", end="")
elif what == "types":
    print(" ".join(p.get_content_type() for p in msg.walk()))
else:
    print(msg.get(what, ""))
EOF
}
# mail_last: the newest received message's file.
mail_last() { find "$SINK" -name '*.eml' | sort | tail -1; }

finish() {
  stop_server
  if [ "$FAIL" -ne 0 ] && [ -s "$TMP/server.log" ]; then echo "--- server log (last 40 lines)"; tail -40 "$TMP/server.log"; fi
  echo "$(basename "$0"): $PASS passed, $FAIL failed"
  [ "$FAIL" -eq 0 ]
}
