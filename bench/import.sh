#!/usr/bin/env bash
# bench/import.sh: rows/s of `kehto import participants` against the sqlite3 shell's `.import` of the same CSV file
# into a plain table (the reference: no checks, no lookups, no indexes). The file has ROWS rows over 2,000 generated
# deliveries of the demo programme's services and its registry organisations, as the README's participant columns
# describe: new people with ESF start (and mostly end) items for services that count participants, empty ESF
# items for event services, and about one row in eight a person seen before (ESF items empty when that person
# already has a start record in the period). Prints Markdown for docs/performance.md, and the import's peak memory.
# Usage: bench/import.sh [ROWS]   (default 200000; needs sqlite3)   KEEP_DIR=DIR keeps the CSV and databases;
#        KEHTO=PATH runs another build, IMPORTER=PATH imports with another build after setting up with KEHTO
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-200000}
KEHTO=${KEHTO:-./kehto} # KEHTO=PATH measures another build
IMPORTER=${IMPORTER:-$KEHTO} # IMPORTER=PATH: set up with this build, import with another
OUT=${KEEP_DIR:-$(mktemp -d /tmp/kehto-bench-import.XXXXXX)}
mkdir -p "$OUT"
[ -n "${KEEP_DIR:-}" ] || trap 'rm -rf "$OUT"' EXIT
command -v sqlite3 >/dev/null || { echo "bench/import.sh: sqlite3 is missing" >&2; exit 1; }
[ "$KEHTO" != ./kehto ] || make -s kehto >/dev/null
DB=$OUT/import.db
CSV=$OUT/participants.csv
now() { date +%s.%N; }

# ---- setup: the demo programme and 2,000 more deliveries (refs IMP-0001…) with two sessions each ----
rm -f "$DB" "$DB-wal" "$DB-shm"
$KEHTO init --db "$DB" >/dev/null
$KEHTO demo --db "$DB" >/dev/null
sqlite3 "$DB" <<'SQL'
.bail on
BEGIN;
INSERT INTO delivery(ref, service_id, title, starts_on, ends_on, place, remote)
SELECT printf('IMP-%04d', n), id, 'Tuontitesti ' || n, starts_on, date(starts_on, '+21 days'), 'Tampere', 0
FROM (SELECT x.n, sv.id,
             printf('%04d-%02d-%02d', f.start_year + x.n % (f.end_year - f.start_year + 1), 1 + x.n % 11,
                    1 + x.n % 28) AS starts_on
      FROM (WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 2000) SELECT n FROM s) x
      JOIN (SELECT id, period_id, row_number() OVER (ORDER BY id) - 1 AS i, count(*) OVER () AS k FROM service) sv
        ON sv.i = (x.n * 7) % sv.k
      JOIN funding_period f ON f.id = sv.period_id);
INSERT INTO delivery_session(delivery_id, number, held_on, place)
SELECT id, n, CASE n WHEN 1 THEN starts_on ELSE ends_on END, place
FROM delivery, (SELECT 1 AS n UNION ALL SELECT 2) WHERE ref LIKE 'IMP-%';
COMMIT;
SQL

# ---- the CSV: ref|period|counts|starts_on|ends_on of the deliveries, organisations by Y-tunnus or unique name ----
sqlite3 -separator '|' "$DB" "SELECT 'D', d.ref, s.period_id, s.counts, d.starts_on, d.ends_on FROM delivery d
  JOIN service s ON s.id = d.service_id WHERE d.ref LIKE 'IMP-%' ORDER BY d.id" >"$OUT/setup.txt"
sqlite3 -separator '|' "$DB" "SELECT 'O', ytunnus, name, (SELECT count(*) FROM org o2 WHERE o2.name = o.name)
  FROM org o WHERE ytunnus IS NOT NULL ORDER BY id" >>"$OUT/setup.txt"
t0=$(now)
awk -F'|' -v rows="$ROWS" '
function fidate(iso) { return substr(iso, 9, 2) "." substr(iso, 6, 2) "." substr(iso, 1, 4) }
function q(s) { gsub(/"/, "\"\"", s); return "\"" s "\"" }
BEGIN {
  srand(2020)
  nwomen = split("Anna Johanna Tiina Sari Minna Hanna Päivi Riikka Laura Kaisa Satu Marja Elina Heidi Outi", women, " ")
  nmen = split("Jukka Mikko Timo Juha Kari Petri Antti Ville Markku Pekka", men, " ")
  nlast = split("Virtanen Korhonen Mäkinen Nieminen Mäkelä Hämäläinen Laine Heikkinen Koskinen Järvinen Lehtonen Salo", last, " ")
  nocc = split("sairaanhoitaja|lähihoitaja|luokanopettaja|varhaiskasvatuksen opettaja|sosiaaliohjaaja|kiinteistönhoitaja|toimistosihteeri|", occ, "|")
  nsector = split("sote|opetus|Sosiaali- ja terveysala|tekninen|Opetus- ja kasvatusala|koko||ruoka", sector, "|")
  nrole = split("tyontekija|Työntekijä|tyontekija|TYONTEKIJA|tyontekija|työntekijä|tyontekija|Työntekijä|esihenkilo|Esihenkilö|johto|Johto|edustaja|Henkilöstön edustaja|tyontekija|tyontekija|tyontekija|tyontekija|tyontekija|tyontekija", role, "|")
  ngender = split("nainen nainen nainen mies nainen nainen mies nainen eos nainen nainen mies muu nainen nainen mies nainen nainen nainen mies", gender, " ")
  nedu = split("isced58 isced34 isced58 isced34 isced12 isced58 isced34 eos isced58 isced34", edu, " ")
  nexit = split("tyollinen tyollinen tyollinen tyollinen tyollinen tyollinen tyollinen tyollinen koulutus eos", exitst, " ")
}
$1 == "D" { nd++; dref[nd] = $2; dper[nd] = $3; dcnt[nd] = $4; dstart[nd] = $5; dend[nd] = $6; next }
$1 == "O" { no++; oy[no] = $2; oname[no] = $3; ouniq[no] = ($4 == 1); next }
END {
  print "delivery,email,name,organisation,occupation,sector,role,entry_date,birth_date,gender,labour_status,education,exit_date,exit_status"
  np = 0
  for (i = 0; i < rows; i++) {
    h = int(rand() * 2000000000)  # srand(2020): the same file every run of the same awk
    if (i % 8 == 7 && np > 100) {            # someone seen before, in another delivery
      p = 1 + (h % np); if (seen[p] > 1) p = np
      d = (pd[p] + 1 + h % 97) % nd + 1
    } else {                                  # a new person
      p = ++np; d = (i * 7919 + h % 13) % nd + 1
      pg[p] = 1 + int(h / 13) % ngender; pe[p] = 1 + int(h / 17) % nedu
      pn[p] = (gender[pg[p]] == "mies" ? men[1 + h % nmen] : women[1 + h % nwomen]) " " last[1 + int(h / 31) % nlast]
      po[p] = 1 + int(h / 977) % no
      pb[p] = sprintf("%04d-%02d-%02d", 1956 + int(h / 7) % 42, 1 + int(h / 3) % 12, 1 + int(h / 11) % 28)
      prole[p] = 1 + int(h / 19) % nrole
    }
    seen[p]++; pd[p] = d
    o = po[p]
    org = (ouniq[o] && h % 4 == 0) ? oname[o] : oy[o]
    line = dref[d] ",osallistuja" p "@import.example.fi," q(pn[p]) "," q(org) "," occ[1 + h % nocc] "," \
           sector[1 + int(h / 5) % nsector] "," role[prole[p]]
    if (dcnt[d] == "participant" && !esf[p, dper[d]]) {
      esf[p, dper[d]] = 1
      entry = (h % 2) ? fidate(dstart[d]) : dstart[d]
      birth = (h % 37 == 0) ? "En halua vastata" : ((h % 3) ? fidate(pb[p]) : pb[p])
      line = line "," entry "," birth "," gender[pg[p]] "," ((h % 53 == 0) ? "eos" : "tyollinen") "," edu[pe[p]]
      if (h % 5) line = line "," fidate(dend[d]) "," exitst[1 + int(h / 23) % nexit]
      else line = line ",,"
    } else {
      line = line ",,,,,,,"
    }
    print line
  }
}' "$OUT/setup.txt" >"$CSV"
t1=$(now)
echo "CSV: $ROWS rows, $(du -h "$CSV" | cut -f1), written in $(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", b-a}') s"

rate() { awk -v n="$ROWS" -v a="$1" -v b="$2" 'BEGIN{printf "%.1f s | %.0f", b-a, n/(b-a)}'; }
echo
echo "| import of $ROWS participant rows | time | rows/s |"
echo "|---|---|---|"
# the reference: the sqlite3 shell into a plain table of text columns, default settings, one transaction
rm -f "$OUT/ref.db"
sqlite3 "$OUT/ref.db" "CREATE TABLE participants(delivery TEXT, email TEXT, name TEXT, organisation TEXT,
  occupation TEXT, sector TEXT, role TEXT, entry_date TEXT, birth_date TEXT, gender TEXT, labour_status TEXT,
  education TEXT, exit_date TEXT, exit_status TEXT)"
t0=$(now)
sqlite3 "$OUT/ref.db" ".import --csv --skip 1 $CSV participants"
t1=$(now)
got=$(sqlite3 "$OUT/ref.db" "SELECT count(*) FROM participants")
[ "$got" = "$ROWS" ] || { echo "bench/import.sh: sqlite3 .import loaded $got rows, not $ROWS" >&2; exit 1; }
echo "| sqlite3 shell \`.import --csv\` into a plain table | $(rate "$t0" "$t1") |"

if ! $IMPORTER help 2>&1 | grep -q "import participants"; then
  echo "| \`kehto import participants\` | not in this build | |"
  echo "bench/import.sh: this kehto has no 'import participants' command yet" >&2
  exit 1
fi
before=$(sqlite3 "$DB" "SELECT count(*) FROM participation")
TIME=() # GNU time, when there is one, for the peak memory (the CSV is read as a stream: under 64 MB is the goal)
[ -x /usr/bin/time ] && TIME=(/usr/bin/time -f %M -o "$OUT/rss")
t0=$(now)
if ! "${TIME[@]}" $IMPORTER import participants "$CSV" --db "$DB" >"$OUT/kehto.log" 2>&1; then
  t1=$(now)
  echo "| \`kehto import participants\` | failed after $(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", b-a}') s | |"
  head -25 "$OUT/kehto.log" >&2
  exit 1
fi
t1=$(now)
after=$(sqlite3 "$DB" "SELECT count(*) FROM participation")
[ $((after - before)) = "$ROWS" ] || echo "bench/import.sh: $((after - before)) participations added, not $ROWS" >&2
echo "| \`kehto import participants\` (checks, lookups, people, ESF records, one transaction) | $(rate "$t0" "$t1") |"
if [ -s "$OUT/rss" ]; then
  echo
  echo "Peak memory of the kehto import: $(($(tail -1 "$OUT/rss") / 1024)) MB (maximum resident set size)"
fi
