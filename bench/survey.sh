#!/usr/bin/env bash
# bench/survey.sh: a survey's results and a series' paired change at scale. Builds a database with a survey of
# ANSWERS responses (likert5, scale10, a matrix of two rows, single choice, number: 6 answers each, spread over
# roles, sectors, regions and two periods) and a before/after series of PAIRS people who answered both; then
# measures `kehto survey pairs` (the paired change: one query per side, merged in C, with the Wilcoxon test),
# `kehto survey results --format json`, and the results page: the staff page (never cached: signed in) REQS times
# in a row and the published page with the page cache off (--no-cache), giving p50, p99 and max.
# Usage: bench/survey.sh [ANSWERS] [PAIRS] [REQS]   (defaults 100000 50000 100; needs sqlite3, curl)
#        KEEP_DB=FILE bench/survey.sh ...   keeps the generated database at FILE (and reuses it when it exists)
set -euo pipefail
cd "$(dirname "$0")/.."
ANSWERS=${1:-100000}
PAIRS=${2:-50000}
REQS=${3:-100}
KEHTO=${KEHTO:-./kehto}
OUT=$(mktemp -d /tmp/kehto-bench-survey.XXXXXX)
KPID=
trap '[ -n "$KPID" ] && kill $KPID 2>/dev/null; wait 2>/dev/null || true; rm -rf "$OUT"' EXIT
free_port() { /usr/bin/python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1]);s.close()'; }
[ "$KEHTO" != ./kehto ] || make -s kehto >/dev/null
DB=${KEEP_DB:-$OUT/survey.db}

generate() {
  rm -f "$DB" "$DB-wal" "$DB-shm"
  $KEHTO init --db "$DB" >/dev/null
  cat >"$OUT/r.json" <<'JSON'
{"key":"iso","title":{"fi":"Iso kysely"},"questions":[
 {"key":"q1","type":"likert5","text":{"fi":"Hyödyllinen"}},{"key":"q2","type":"scale10","text":{"fi":"Suosittelisitko"}},
 {"key":"q3","type":"matrix","scale":"likert5","text":{"fi":"Arvioi"},"rows":[{"key":"r1","text":{"fi":"A"}},{"key":"r2","text":{"fi":"B"}}]},
 {"key":"q5","type":"single","text":{"fi":"Rooli"},"options":[{"key":"a","text":{"fi":"A"}},{"key":"b","text":{"fi":"B"}},{"key":"c","text":{"fi":"C"}}]},
 {"key":"q7","type":"number","text":{"fi":"Montako"}}]}
JSON
  cat >"$OUT/b.json" <<'JSON'
{"key":"iso-alku","series":"iso","phase":"before","title":{"fi":"Alku"},"questions":[
 {"key":"q1","type":"likert5","text":{"fi":"Hyödyllinen"}},
 {"key":"q3","type":"matrix","scale":"likert5","text":{"fi":"Arvioi"},"rows":[{"key":"r1","text":{"fi":"A"}}]}]}
JSON
  sed 's/iso-alku/iso-loppu/; s/before/after/; s/Alku/Loppu/' "$OUT/b.json" >"$OUT/a.json"
  for f in r b a; do $KEHTO survey import "$OUT/$f.json" --db "$DB" >/dev/null; done
  sqlite3 "$DB" "INSERT INTO funding_period(id,name,start_year,end_year) VALUES(1,'2015–2017',2015,2017),(2,'2018–2020',2018,2020)"
  { echo "PRAGMA synchronous=OFF;"; /usr/bin/python3 tests/e2e/survey_results_data.py bench 1 "$ANSWERS" 2 3 "$PAIRS"; } | sqlite3 -bail "$DB"
  sqlite3 "$DB" "UPDATE survey SET results_public = 1 WHERE id = 1; ANALYZE;"
}
if [ -n "${KEEP_DB:-}" ] && [ -f "$DB" ]; then echo "reusing $DB"; else
  t0=$(date +%s.%N); generate; t1=$(date +%s.%N)
  printf 'generated %s responses and %s pairs in %.1f s\n' "$ANSWERS" "$PAIRS" "$(echo "$t1 - $t0" | bc)"
fi
echo "responses: $(sqlite3 "$DB" 'SELECT COUNT(*) FROM survey_response WHERE survey_id = 1'), answers: $(sqlite3 "$DB" 'SELECT COUNT(*) FROM survey_answer a JOIN survey_response r ON r.id = a.response_id WHERE r.survey_id = 1')"

timed() { local t0 t1; t0=$(date +%s%N); "$@" >"$OUT/last" ; t1=$(date +%s%N); echo $(((t1 - t0) / 1000000)); }
echo
echo "| measurement | run 1 | run 2 | run 3 |"
echo "|---|---|---|---|"
row() { local name=$1; shift; printf '| %s | %s ms | %s ms | %s ms |\n' "$name" "$(timed "$@")" "$(timed "$@")" "$(timed "$@")"; }
row "\`kehto survey pairs iso --format json\` ($PAIRS pairs, 2 items)" $KEHTO survey pairs iso --format json --db "$DB"
grep -o '"respondents":[0-9]*' "$OUT/last" | head -1
row "\`kehto survey results 1 --format json\` ($ANSWERS responses)" $KEHTO survey results 1 --format json --db "$DB"

# percentiles of REQS sequential requests: p50 p99 max in ms
pct() {
  local url=$1; shift
  for _ in $(seq 1 "$REQS"); do curl -s -o /dev/null -w '%{time_total}\n' "$@" "$url"; done |
    sort -n | awk '{a[NR]=$1*1000} END {i=int(NR*0.99+0.5); if (i<1) i=1; printf "%.0f ms | %.0f ms | %.0f ms", a[int(NR/2+0.5)], a[i], a[NR]}'
}
login_jar() {
  echo "vihrea-kettu-93-Rq" | $KEHTO user add bench@example.fi --role staff --db "$DB" >/dev/null 2>&1 || true
  curl -s -c "$OUT/jar" -b "$OUT/jar" "$BASE/kirjaudu" >"$OUT/login.html"
  local csrf; csrf=$(sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' "$OUT/login.html" | head -1)
  curl -s -o /dev/null -c "$OUT/jar" -b "$OUT/jar" --data-urlencode "csrf=$csrf" --data-urlencode "email=bench@example.fi" \
    --data-urlencode "password=vihrea-kettu-93-Rq" --data-urlencode "next=/" "$BASE/kirjaudu"
}
PORT=$(free_port); BASE=http://127.0.0.1:$PORT
$KEHTO serve --db "$DB" --port "$PORT" --quiet --no-cache >"$OUT/server.log" 2>&1 & KPID=$!
for _ in $(seq 1 200); do curl -s -o /dev/null "$BASE/" && break; sleep 0.05; done
login_jar
echo
echo "| page ($REQS requests one after another) | p50 | p99 | max |"
echo "|---|---|---|---|"
echo "| staff \`/hallinta/kyselyt/1/tulokset\` | $(pct "$BASE/hallinta/kyselyt/1/tulokset" -b "$OUT/jar") |"
echo "| public \`/kyselyt/1/tulokset\` (--no-cache) | $(pct "$BASE/kyselyt/1/tulokset") |"
echo "| staff \`/hallinta/kyselyt/2/tulokset\` (with the paired change of $PAIRS pairs) | $(pct "$BASE/hallinta/kyselyt/2/tulokset" -b "$OUT/jar") |"
