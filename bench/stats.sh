#!/usr/bin/env bash
# bench/stats.sh: /tilastot and /api/v1/stats on a national-scale data set: the demo programme grown to PEOPLE
# people and PARTICIPATIONS participations over generated organisations, deliveries, sessions and ESF records.
# Prints the generation time, then per URL the first (cold) request, wrk -t2 -c32 and single-connection latency
# percentiles, with the page cache on and off (--no-cache). Prints Markdown for docs/performance.md.
# Usage: bench/stats.sh [PEOPLE] [PARTICIPATIONS] [SECONDS]   (defaults 1000000 5000000 10; needs wrk, sqlite3)
#        KEEP_DB=FILE bench/stats.sh ...   keeps the generated database at FILE (and reuses it when it exists)
set -euo pipefail
cd "$(dirname "$0")/.."
PEOPLE=${1:-1000000}
PARTS=${2:-5000000}
SECS=${3:-10}
KEHTO=${KEHTO:-./kehto} # KEHTO=PATH measures another build
OUT=$(mktemp -d /tmp/kehto-bench-stats.XXXXXX)
KPID=
trap '[ -n "$KPID" ] && kill $KPID 2>/dev/null; wait 2>/dev/null || true; rm -rf "$OUT"' EXIT
free_port() { /usr/bin/python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1]);s.close()'; }
for tool in wrk sqlite3 curl; do
  command -v $tool >/dev/null || { echo "bench/stats.sh: $tool is missing (scripts/install-deps --bench)" >&2; exit 1; }
done
[ "$KEHTO" != ./kehto ] || make -s kehto >/dev/null
DB=${KEEP_DB:-$OUT/stats.db}

# ---- the data set ----
# The demo (frame, 247 organisations, 21 services, ~10,000 people) plus, in plain SQL with recursive CTEs:
# organisations up to 3,000, one delivery per 50 participations (dates inside their service's funding period,
# 1-3 sessions, 1-3 organisations), people up to PEOPLE (each in about PARTICIPATIONS/PEOPLE deliveries, 80 %
# employees; half of them in services that count ESF participants, half event attendees), and one ESF start and
# end record per person per period in which they took part in a service that counts participants (gender, age,
# labour status and education spread like the demo's). No attendance rows.
generate() {
  rm -f "$DB" "$DB-wal" "$DB-shm"
  $KEHTO init --db "$DB" >/dev/null
  $KEHTO demo --db "$DB" >/dev/null
  sqlite3 "$DB" <<SQL
.bail on
PRAGMA foreign_keys=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-2000000; PRAGMA temp_store=MEMORY;
BEGIN;
CREATE TEMP TABLE k(name TEXT PRIMARY KEY, v INTEGER);
INSERT INTO k VALUES ('people', $PEOPLE), ('parts', $PARTS), ('orgs', 3000),
  ('org0', (SELECT max(id) FROM org)), ('person0', (SELECT max(id) FROM person)),
  ('part0', (SELECT count(*) FROM participation)), ('delivery0', (SELECT max(id) FROM delivery)),
  ('nservice', (SELECT count(*) FROM service)), ('service0', (SELECT min(id) FROM service));
CREATE TEMP VIEW c AS SELECT
  (SELECT v FROM k WHERE name='people') AS people, (SELECT v FROM k WHERE name='parts') AS parts,
  (SELECT v FROM k WHERE name='orgs') AS orgs, (SELECT v FROM k WHERE name='org0') AS org0,
  (SELECT v FROM k WHERE name='person0') AS person0, (SELECT v FROM k WHERE name='part0') AS part0,
  (SELECT v FROM k WHERE name='delivery0') AS delivery0, (SELECT v FROM k WHERE name='nservice') AS nservice,
  (SELECT v FROM k WHERE name='service0') AS service0;
CREATE TEMP TABLE muni AS SELECT row_number() OVER (ORDER BY code) - 1 AS i, code FROM municipality;

INSERT INTO org(id, name, type, municipality_code, created_at, updated_at)
SELECT c.org0 + n, 'Vertailuorganisaatio ' || n,
       CASE n % 10 WHEN 0 THEN 'kuntayhtyma' WHEN 1 THEN 'kuntayhtyma' WHEN 2 THEN 'muu' ELSE 'yhtio' END,
       (SELECT code FROM muni WHERE i = (n * 7) % (SELECT count(*) FROM muni)),
       '2015-01-01T00:00:00Z', '2015-01-01T00:00:00Z'
FROM c, (WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < (SELECT orgs - org0 FROM c))
         SELECT n FROM s);

-- one delivery per 50 participations; h is a fixed hash of the number, so the data set is the same every time
INSERT INTO delivery(id, ref, service_id, title, starts_on, ends_on, place, remote, created_at, updated_at)
SELECT id, 'B-' || id, service_id, 'Vertailutoteutus ' || id, starts_on,
       date(starts_on, '+' || ((nsessions - 1) * 14) || ' days'), CASE WHEN h % 4 = 0 THEN '' ELSE 'Tampere' END,
       h % 4 = 0, starts_on, starts_on
FROM (SELECT x.id, x.h, x.service_id, 1 + x.h % 3 AS nsessions,
             printf('%04d-%02d-%02d', f.start_year + h % (f.end_year - f.start_year + 1), 1 + (h / 7) % 11,
                    1 + (h / 101) % 28) AS starts_on
      FROM (SELECT c.delivery0 + n AS id, (n * 2654435761) % 4294967291 AS h,
                   c.service0 + (n * 40503) % c.nservice AS service_id
            FROM c, (WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s
                                              WHERE n < (SELECT (parts - part0) / 50 FROM c)) SELECT n FROM s)) x
      JOIN service sv ON sv.id = x.service_id JOIN funding_period f ON f.id = sv.period_id);

INSERT INTO delivery_session(delivery_id, number, held_on, place)
SELECT d.id, s.n, date(d.starts_on, '+' || ((s.n - 1) * 14) || ' days'), d.place
FROM delivery d JOIN (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3) s
  ON s.n <= 1 + (julianday(d.ends_on) - julianday(d.starts_on)) / 14
WHERE d.ref LIKE 'B-%';
INSERT INTO delivery_org(delivery_id, org_id)
SELECT DISTINCT d.id, 1 + (d.id * 31 + j.n * 977) % (SELECT orgs FROM c)
FROM delivery d JOIN (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2) j ON j.n <= d.id % 3
WHERE d.ref LIKE 'B-%';

INSERT INTO person(id, email, name, org_id, occupation, sector_code, created_at, updated_at)
SELECT c.person0 + n, 'henkilo' || n || '@bench.example.fi', 'Henkilö ' || n, 1 + (n * 7) % c.orgs,
       CASE n % 8 WHEN 0 THEN 'sairaanhoitaja' WHEN 1 THEN 'lähihoitaja' WHEN 2 THEN 'luokanopettaja'
         WHEN 3 THEN 'varhaiskasvatuksen opettaja' WHEN 4 THEN 'sosiaaliohjaaja' WHEN 5 THEN 'kiinteistönhoitaja'
         WHEN 6 THEN 'toimistosihteeri' ELSE 'ravitsemistyöntekijä' END,
       CASE n % 10 WHEN 0 THEN 'opetus' WHEN 1 THEN 'opetus' WHEN 2 THEN 'opetus' WHEN 3 THEN 'tekninen'
         WHEN 4 THEN 'kulttuuri' WHEN 5 THEN 'ruoka' WHEN 6 THEN 'koko' ELSE 'sote' END,
       '2015-01-01T00:00:00Z', '2015-01-01T00:00:00Z'
FROM c, (WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < (SELECT people - person0 FROM c))
         SELECT n FROM s);

-- the bench deliveries of each kind, numbered from 0: half the people take part in services that count ESF
-- participants, the other half are event attendees (as in the demo and the real programme)
CREATE TEMP TABLE dk(kind INTEGER, i INTEGER, id INTEGER, PRIMARY KEY(kind, i)) WITHOUT ROWID;
INSERT INTO dk SELECT s.counts = 'attendee', row_number() OVER (PARTITION BY s.counts ORDER BY d.id) - 1, d.id
FROM delivery d JOIN service s ON s.id = d.service_id WHERE d.ref LIKE 'B-%';
INSERT INTO k SELECT 'nkind' || kind, count(*) FROM dk GROUP BY kind;

-- participation m belongs to person q = m * people / participations (about five each, consecutive m), in a
-- spread-out delivery of the person's kind; consecutive m of one person land in different deliveries
INSERT INTO participation(person_id, delivery_id, role, created_at)
SELECT c.person0 + 1 + q,
       (SELECT id FROM dk WHERE kind = q % 2
          AND i = (m * 9973 + q) % (SELECT v FROM k WHERE name = 'nkind' || (q % 2))),
       CASE m % 20 WHEN 0 THEN 'johto' WHEN 1 THEN 'esihenkilo' WHEN 2 THEN 'esihenkilo' WHEN 3 THEN 'edustaja'
         ELSE 'tyontekija' END, '2015-01-01T00:00:00Z'
FROM c, (SELECT m, (m * (SELECT people - person0 FROM c)) / (SELECT parts - part0 FROM c) AS q
         FROM (WITH RECURSIVE s(m) AS (SELECT 0 UNION ALL SELECT m + 1 FROM s WHERE m < (SELECT parts - part0 - 1 FROM c))
               SELECT m FROM s));

INSERT INTO esf_start(person_id, period_id, entry_date, birth_date, age_at_entry, gender, labour, education,
                      exit_date, exit_status, created_at)
SELECT person_id, period_id, entry, CASE WHEN person_id % 33 = 0 THEN NULL ELSE birth END,
       CASE WHEN person_id % 33 = 0 THEN NULL
         ELSE CAST(substr(entry, 1, 4) AS INTEGER) - CAST(substr(birth, 1, 4) AS INTEGER) - 1 END,
       CASE WHEN person_id % 40 = 0 THEN 'eos' WHEN person_id % 4 = 0 THEN 'mies' ELSE 'nainen' END,
       CASE WHEN person_id % 50 = 0 THEN 'eos' ELSE 'tyollinen' END,
       CASE person_id % 20 WHEN 0 THEN 'eos' WHEN 1 THEN 'isced12' WHEN 2 THEN 'isced34' WHEN 3 THEN 'isced34'
         WHEN 4 THEN 'isced34' WHEN 5 THEN 'isced34' WHEN 6 THEN 'isced34' WHEN 7 THEN 'isced34'
         WHEN 8 THEN 'isced34' ELSE 'isced58' END,
       exit, CASE WHEN person_id % 30 = 0 THEN 'eos' ELSE 'tyollinen' END, entry
FROM (SELECT pa.person_id, sv.period_id, min(d.starts_on) AS entry, max(d.ends_on) AS exit,
             printf('%04d-%02d-%02d', 1952 + pa.person_id % 44, 1 + pa.person_id % 12, 1 + pa.person_id % 28) AS birth
      FROM participation pa JOIN delivery d ON d.id = pa.delivery_id JOIN service sv ON sv.id = d.service_id
      WHERE pa.person_id > (SELECT person0 FROM c) AND sv.counts = 'participant'
      GROUP BY pa.person_id, sv.period_id);
COMMIT;
SQL
}

if [ -n "${KEEP_DB:-}" ] && [ -f "$DB" ] && [ "$(sqlite3 "$DB" 'SELECT count(*) FROM person')" = "$PEOPLE" ]; then
  echo "reusing $DB"
else
  t0=$(date +%s.%N)
  generate
  t1=$(date +%s.%N)
  echo "generated in $(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.0f", b-a}') s"
fi
sqlite3 "$DB" "SELECT printf('data set: %d organisations, %d deliveries, %d sessions, %d people, %d participations, %d ESF start records', (SELECT count(*) FROM org), (SELECT count(*) FROM delivery), (SELECT count(*) FROM delivery_session), (SELECT count(*) FROM person), (SELECT count(*) FROM participation), (SELECT count(*) FROM esf_start))"
echo "database $(du -h "$DB" | cut -f1)"

# ---- measurements ----
PORT=$(free_port)
BASE="http://127.0.0.1:$PORT"
start() {
  $KEHTO serve --db "$DB" --port "$PORT" --quiet "$@" 2>>"$OUT/kehto.log" &
  KPID=$!
  for _ in $(seq 200); do curl -s -o /dev/null "$BASE/robots.txt" && return; sleep 0.05; done
  echo "kehto serve did not start: $(cat "$OUT/kehto.log")" >&2
  exit 1
}
stop() { kill $KPID; wait $KPID 2>/dev/null || true; KPID=; }
# wrk --latency: p50 and p99 in ms, and requests/s
lat() {
  wrk "$@" --latency "$URL" | awk '
    function ms(x) { if (x ~ /us$/) return x / 1000; if (x ~ /ms$/) return x + 0; if (x ~ /s$/) return x * 1000; return x }
    /Requests\/sec/ {r = $2} / 50%/ {p50 = ms($2)} / 99%/ {p99 = ms($2)} /Non-2xx/ {bad = $NF}
    END {printf "%.0f %.2f %.2f %s\n", r, p50, p99, bad ? bad : 0}'
}

echo
echo "| URL | page cache | first request | wrk -t2 -c32 req/s | p50 | p99 | one connection p50 | p99 |"
echo "|---|---|---|---|---|---|---|---|"
# A fresh server for every row, so that the first request of each URL is a cold one (empty page cache, empty
# statistics cache, SQLite cache empty; the OS file cache holds the database, which was just written or read).
for mode in on off; do
  for path in /api/v1/stats /tilastot; do
    if [ $mode = on ]; then start; else start --no-cache; fi
    URL="$BASE$path"
    read -r code first < <(curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "$URL")
    if [ "$code" = 404 ]; then
      echo "| $path | $mode | 404: the page is not in this build | | | | | |"
      stop
      continue
    fi
    [ "$code" = 200 ] || { echo "bench/stats.sh: $path answered $code" >&2; exit 1; }
    read -r r p50 p99 bad < <(lat -t2 -c32 -d"${SECS}s")
    read -r _ q50 q99 bad1 < <(lat -t1 -c1 -d"${SECS}s")
    [ "$bad" = 0 ] && [ "$bad1" = 0 ] || echo "bench/stats.sh: $path gave non-2xx answers under load" >&2
    echo "| $path | $mode | $(awk -v t="$first" 'BEGIN{printf "%.1f ms", t*1000}') | $r | $p50 ms | $p99 ms | $q50 ms | $q99 ms |"
    stop
  done
done

# ---- after a change: what the requests that come while the figures are computed again wait ----
# The server is warm (figures computed); a hand edit bumps the statistics' counter, as any write to their tables
# does; then requests come one after another (a new connection each, no pause) until the answers carry the current
# figures. Five rounds per URL.
echo
echo "| URL, after a change | first request | slowest request while computing | requests answered meanwhile | current figures after |"
echo "|---|---|---|---|---|"
start
for path in /api/v1/stats /tilastot; do
  URL="$BASE$path"
  for round in 1 2 3 4 5; do
    until curl -s "$BASE/api/v1/stats" | grep -q '"figures_updating":false'; do sleep 0.1; done
    sqlite3 "$DB" "UPDATE stats_generation SET n = n + 1"
    t0=$(date +%s%N)
    /usr/bin/python3 - "$URL" "$BASE/api/v1/stats" "$t0" <<'PY'
import sys, time, urllib.request
url, api, t0 = sys.argv[1], sys.argv[2], int(sys.argv[3])
times = []
while True:
    a = time.monotonic()
    body = urllib.request.urlopen(url).read()
    times.append((time.monotonic() - a) * 1000)
    done = (b'"figures_updating":false' in body) if '/api/' in url else (b'Lukuja lasketaan uudelleen' not in body)
    if done and len(times) > 1:
        break
after = (time.time_ns() - t0) / 1e6
print(f"| {url.split('/', 3)[3] and '/' + url.split('/', 3)[3]} | {times[0]:.1f} ms | {max(times[:-1]):.1f} ms | "
      f"{len(times) - 1} | {after:.0f} ms |")
PY
  done
done
stop
