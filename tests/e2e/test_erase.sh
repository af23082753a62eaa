# End-to-end: erased means erased. With `kehto serve` running on the database and having shown the person, an erase
# from the CLI leaves no search term naming them in the audit log and no byte of their email, name or birth date in
# the database file or its WAL. Also: backups keep a fixed number of copies and carry no freed pages.
# On PostgreSQL (tests/e2e/run --pg) the rows are checked through a pg_dump of the database instead of the file's
# bytes; its files, WAL and backups are the operator's (docs/privacy.md), and `kehto backup` points to pg_dump.
source "$(dirname "$0")/lib.sh"
init_db
q "
INSERT INTO funding_period(id,name,start_year,end_year) VALUES(1,'2018–2020',2018,2020);
INSERT INTO org(id,name,type,ytunnus) VALUES(1,'Oulun kaupunki','kunta','0187690-1');
INSERT INTO service(id,type_code,name,period_id,counts) VALUES(1,'sparraus','Sparraus A',1,'participant');
INSERT INTO delivery(id,ref,service_id,starts_on,ends_on) VALUES(1,'SP-1',1,'2019-03-01','2019-03-10');"
add_staff
run() { out=$("$KEHTO" "$@" --db "$DB" 2>&1); rc=$?; }
expect_rc() { if [ "$rc" = "$2" ]; then ok "$1"; else not_ok "$1" "exit $rc, wanted $2: $out"; fi; }
# found FILE TERM...: prints the terms found in the raw bytes of FILE, ASCII case ignored; the Finnish letters are
# searched in both cases (the terms are given in lower case).
found() {
  "$PYTHON" - "$@" <<'EOF'
import sys, os
path, terms = sys.argv[1], sys.argv[2:]
data = open(path, "rb").read().lower() if os.path.exists(path) else b""
for t in terms:
    for v in {t, t.replace("ä", "Ä").replace("ö", "Ö").replace("å", "Å")}:
        if v.encode().lower() in data:
            print(t, end=" ")
EOF
}
# contents: the database's bytes (SQLite: the file), or on PostgreSQL a plain pg_dump of it
contents() {
  if on_pg; then pg_dump --no-owner "$DB" >"$TMP/dump.sql"; echo "$TMP/dump.sql"; else echo "$DB"; fi
}
TERMS=(tuomas.rautio@example.fi tuomas.rautio tuomas rautio 1983-07-19 kirvesmies sanna.rasanen räsänen 1979-11-03)

# --- a server that has seen the people ---
{
  echo "delivery,email,name,organisation,role,entry_date,birth_date,gender,labour_status,education,occupation"
  echo "SP-1,tuomas.rautio@example.fi,Tuomas Rautio,Oulun kaupunki,johto,1.3.2019,19.7.1983,mies,tyollinen,isced58,Kirvesmies"
  echo "SP-1,sanna.rasanen@example.fi,Sanna Räsänen,Oulun kaupunki,tyontekija,1.3.2019,3.11.1979,nainen,tyollinen,isced34,"
  echo "SP-1,kalle.kuusi@example.fi,Kalle Kuusi,Oulun kaupunki,tyontekija,1.3.2019,2.2.1970,mies,tyollinen,isced34,"
  echo "SP-1,maija@example.fi,Maija Mehiläinen,Oulun kaupunki,tyontekija,1.3.2019,2.2.1971,nainen,tyollinen,isced34,"
} >"$TMP/p.csv"
expect_eq "fresh database names nobody" "$(found "$DB" "${TERMS[@]}")" ""
start_server
run import participants "$TMP/p.csv"
expect_rc "import while the server runs" 0
TUOMAS=$(q "SELECT id FROM person WHERE email='tuomas.rautio@example.fi'")
login tuomas.rautio@example.fi wrong-password # a failed login keeps the email as a rate-limit key
expect_eq "the failed login is counted" "$(q "SELECT count(*) FROM login_throttle WHERE key LIKE 'acct:tuomas%'")" 1
login staff@example.fi vihrea-kettu-93-Rq
for term in TUOMAS.RAUTIO Rautio "tuomas rautio" tuo RÄSÄNEN "sanna.rasanen@" Kuusi Ra; do
  get "/hallinta/henkilot?q=$("$PYTHON" -c 'import sys,urllib.parse;print(urllib.parse.quote(sys.argv[1]))' "$term")"
done
get "/hallinta/henkilot/$TUOMAS"
expect_contains "the server shows his page" "$BODY" "Tuomas Rautio"
get /hallinta/toteutukset/1/osallistujat
expect_contains "the server lists him as a participant" "$BODY" "Rautio"
expect_eq "the audit log holds the search terms" \
  "$(q "SELECT count(*) FROM audit WHERE detail LIKE '%search %'")" 8

if on_pg; then
  run backup "$TMP/b.db" --keep 3
  expect_rc "backup of a PostgreSQL database is refused" 1
  expect_contains "... and points to pg_dump" "$out" "pg_dump"
else
  run backup "$TMP/b.db" --keep 3
  expect_rc "a backup before the erase" 0
  expect_contains "the backup before the erase names him" "$(found "$TMP/b.db" "${TERMS[@]}")" "tuomas.rautio@example.fi"
fi
on_pg && expect_contains "before the erase the database names him" "$(found "$(contents)" "${TERMS[@]}")" \
  "tuomas.rautio@example.fi"

# --- erase from the CLI while the server runs ---
run person erase tuomas.rautio@example.fi --yes
expect_rc "erase tuomas" 0
run person erase SANNA.Rasanen@EXAMPLE.fi --yes
expect_rc "erase sanna (email in another case)" 0
q "UPDATE org SET contact_name='Maija Mehiläinen' WHERE id=1"
run person erase maija@example.fi --yes
expect_rc "erase maija" 0
expect_contains "erase names the rows it leaves to be checked by hand" "$out" \
  "note: the email or name also stands in rows an erase does not change; check them: organisation contact 1"
expect_eq "no audit term names them" \
  "$(q "SELECT detail FROM audit WHERE detail LIKE '%search %' AND detail NOT LIKE '%[erased]' ORDER BY id" |
      paste -sd'|')" "page 1, search tuo|page 1, search Kuusi|page 1, search Ra"
expect_eq "erased terms are marked" \
  "$(q "SELECT count(*) FROM audit WHERE detail = 'page 1, search [erased]'")" 5
expect_eq "database: no erased strings" "$(found "$(contents)" "${TERMS[@]}")" ""
on_pg || expect_eq "WAL file: no erased strings" "$(found "$DB-wal" "${TERMS[@]}")" ""
expect_eq "the person still there names" "$(found "$(contents)" kalle.kuusi@example.fi 1970-02-02)" \
  "kalle.kuusi@example.fi 1970-02-02 "
get "/hallinta/henkilot?q=Kuusi"
expect_eq "the server still answers after the erase" "$STATUS" 200
get "/hallinta/henkilot/$TUOMAS"
expect_lacks "the server shows the erased person without a name" "$BODY" "Rautio"
stop_server
if on_pg; then finish; exit; fi
expect_eq "after the server stops: no erased strings" "$(found "$DB" "${TERMS[@]}")$(found "$DB-wal" "${TERMS[@]}")" ""
expect_eq "integrity" "$(q "PRAGMA integrity_check")" ok

# --- backups: a fixed number of copies, no freed pages ---
run backup "$TMP/b.db" --keep 3
expect_rc "backup with --keep" 0
expect_contains "the backup run erases them in the older copy" "$out" "Erased 3 people in $TMP/b.db.1"
expect_eq "the older copy names nobody erased" "$(found "$TMP/b.db.1" "${TERMS[@]}")" ""
expect_eq "the older copy is erased as the database is" \
  "$(sqlite3 "$TMP/b.db.1" "SELECT count(*) FROM person WHERE erased_at IS NOT NULL")" 3
for i in 1 2 3; do run backup "$TMP/b.db" --keep 3; done
expect_eq "--keep 3: the backup and two older ones" "$(cd "$TMP" && ls b.db*)" "$(printf 'b.db\nb.db.1\nb.db.2')"
# a -wal left beside a copy (a run stopped while it carried erasures in) moves and goes with its copy; a copy past a
# gap in the numbers goes too
"$PYTHON" - "$TMP/b.db.1" <<'PY'
import os, sqlite3, sys
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("PRAGMA journal_mode=WAL")
c.execute("CREATE TABLE stopped_run(x)")
c.execute("INSERT INTO stopped_run SELECT zeroblob(3000) FROM (SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3)")
os._exit(0)  # stopped without a checkpoint: the change is only in b.db.1-wal
PY
run backup "$TMP/b.db" --keep 3
expect_eq "a copy's -wal moves with it: the copy that had it has its change" \
  "$(sqlite3 "$TMP/b.db.2" 'SELECT count(*) FROM stopped_run' 2>&1)" 3
expect_eq "... and the copy now beside its old place is not given it" \
  "$(sqlite3 "$TMP/b.db.1" "SELECT count(*) FROM sqlite_master WHERE name='stopped_run'" 2>&1)" 0
expect_eq "every copy passes an integrity check" \
  "$(for f in b.db b.db.1 b.db.2; do sqlite3 "$TMP/$f" 'PRAGMA integrity_check'; done | sort -u)" ok
cp "$TMP/b.db" "$TMP/b.db.7"
run backup "$TMP/b.db" --keep 1
expect_eq "--keep 1: the older copies go, with their -wal and past gaps" "$(cd "$TMP" && ls b.db*)" "b.db"
expect_eq "the backup has no free pages" "$(sqlite3 "$TMP/b.db" 'PRAGMA freelist_count')" 0
expect_eq "the backup passes an integrity check" "$(sqlite3 "$TMP/b.db" 'PRAGMA integrity_check')" ok
expect_eq "the backup names nobody erased" "$(found "$TMP/b.db" "${TERMS[@]}")" ""
run backup "$TMP/b.db" --keep 0
expect_rc "--keep 0 is a usage error" 2
finish
