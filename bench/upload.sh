#!/usr/bin/env bash
# bench/upload.sh: a participants workbook of ROWS rows (bench/make_xlsx.py: shared strings, dates as serial numbers,
# Finnish names, 200 deliveries over 309 municipal organisations, ESF items for the services that count participants)
# imported by `kehto import participants FILE.xlsx` and by the upload page (POST /hallinta/tuonti, the preview with
# its full check, the confirmation), each on a fresh database. Prints Markdown for docs/performance.md: wall time of
# each step and peak memory (/usr/bin/time -v's maximum resident set size of the CLI, and of the server for the
# whole upload, against the same server started and stopped without one).
# Usage: bench/upload.sh [ROWS]   (default 50000; needs sqlite3, curl, /usr/bin/time)   KEEP_DIR=DIR keeps the files
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-50000}
KEHTO=${KEHTO:-./kehto}
OUT=${KEEP_DIR:-$(mktemp -d /tmp/kehto-bench-upload.XXXXXX)}
mkdir -p "$OUT"
[ -n "${KEEP_DIR:-}" ] || trap 'rm -rf "$OUT"' EXIT
[ "$KEHTO" != ./kehto ] || make -s kehto >/dev/null
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
rss() { awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$1"; }

setup() { # setup DB: the programme's skeleton: a period, two services, 200 deliveries, an organisation per municipality
  rm -f "$1" "$1-wal" "$1-shm"
  $KEHTO init --db "$1" >/dev/null
  echo "vihrea-kettu-93-Rq" | $KEHTO user add staff@example.fi --role staff --db "$1" >/dev/null
  sqlite3 "$1" <<'SQL'
.bail on
BEGIN;
INSERT INTO funding_period(id, name, start_year, end_year) VALUES (2, '2018–2020', 2018, 2020);
INSERT INTO service(id, type_code, name, period_id, counts) VALUES (1, 'sparraus', 'Sparraus', 2, 'participant'),
  (2, 'webinaari', 'Webinaari', 2, 'attendee');
INSERT INTO delivery(ref, service_id, starts_on, ends_on)
SELECT printf('UPL-%03d', n), 1 + (n % 4 = 0), printf('2019-%02d-%02d', 1 + n % 12, 1 + n % 28),
       printf('2019-%02d-%02d', 1 + n % 12, 1 + n % 28)
FROM (WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 200) SELECT n FROM s);
INSERT INTO org(name, type, municipality_code) SELECT name_fi || 'n kunta', 'kunta', code FROM municipality;
COMMIT;
SQL
}

DB=$OUT/cli.db
setup "$DB"
sqlite3 -separator '|' "$DB" "SELECT 'D', d.ref, s.counts, d.starts_on FROM delivery d JOIN service s
  ON s.id = d.service_id ORDER BY d.id; SELECT 'O', name FROM org ORDER BY id" >"$OUT/setup.txt"
t0=$(now)
/usr/bin/python3 bench/make_xlsx.py "$ROWS" "$OUT/participants.xlsx" "$OUT/setup.txt"
echo "workbook: $ROWS rows, $(stat -c %s "$OUT/participants.xlsx") bytes, made in $(secs "$t0" "$(now)") s" >&2

# ---- the CLI ----
t0=$(now)
/usr/bin/time -v $KEHTO import participants "$OUT/participants.xlsx" --db "$DB" >"$OUT/cli.out" 2>"$OUT/cli.time"
cli_s=$(secs "$t0" "$(now)")
grep -q "Imported $ROWS participant rows" "$OUT/cli.out" || { cat "$OUT/cli.out" "$OUT/cli.time" >&2; exit 1; }

# ---- the web: a server under /usr/bin/time, the upload, the preview, the confirmation ----
serve() { # serve DB: starts the server under /usr/bin/time; BASE, PID
  PORT=$(/usr/bin/python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
  BASE=http://127.0.0.1:$PORT
  /usr/bin/time -v $KEHTO serve --db "$1" --port "$PORT" --quiet 2>"$2" &
  PID=$!
  for _ in $(seq 1 200); do curl -s -o /dev/null "$BASE/" && return; sleep 0.05; done
  echo "server did not start" >&2; exit 1
}
stop() { kill -TERM "$(pgrep -P "$PID")"; wait "$PID" || true; }
DB=$OUT/web.db
setup "$DB"
serve "$DB" "$OUT/idle.time"
curl -s -o /dev/null "$BASE/tilastot"
stop
serve "$DB" "$OUT/web.time"
J=$OUT/jar
token() { sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1; }
tok=$(curl -s -c "$J" -b "$J" "$BASE/kirjaudu" | token)
curl -s -o /dev/null -c "$J" -b "$J" --data-urlencode "csrf=$tok" --data-urlencode "email=staff@example.fi" \
  --data-urlencode "password=vihrea-kettu-93-Rq" "$BASE/kirjaudu"
tok=$(curl -s -b "$J" "$BASE/hallinta/tuonti" | token)
t0=$(now)
loc=$(curl -s -o /dev/null -w '%{redirect_url}' -b "$J" -F "csrf=$tok" -F kind=participants \
  -F "file=@$OUT/participants.xlsx" "$BASE/hallinta/tuonti")
t1=$(now)
curl -s -o "$OUT/preview.html" -b "$J" "$loc"
t2=$(now)
curl -s -o "$OUT/done.html" -b "$J" -d "csrf=$tok" "$loc/tuo"
t3=$(now)
stop
grep -q "Tuonti valmis" "$OUT/done.html" || { echo "the web import failed" >&2; exit 1; }
[ "$(sqlite3 "$DB" "SELECT count(*) FROM participation")" = "$ROWS" ] || { echo "rows missing" >&2; exit 1; }

cat <<EOF2
| $ROWS participant rows, a $(( $(stat -c %s "$OUT/participants.xlsx") / 1024 )) KB workbook | wall time | peak memory |
|---|---|---|
| \`kehto import participants FILE.xlsx\` | $cli_s s | $(rss "$OUT/cli.time") MiB |
| upload: POST /hallinta/tuonti (stored in the database) | $(secs "$t0" "$t1") s | |
| preview: GET /hallinta/tuonti/ID (first rows, the whole file checked, rolled back) | $(secs "$t1" "$t2") s | |
| confirm: POST /hallinta/tuonti/ID/tuo (the import) | $(secs "$t2" "$t3") s | |
| the server through the three (idle: $(rss "$OUT/idle.time") MiB) | $(secs "$t0" "$t3") s | $(rss "$OUT/web.time") MiB |
EOF2
