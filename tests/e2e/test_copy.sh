# End-to-end: `kehto copy` moves an installation between databases. The demo programme goes from a SQLite file into
# the test's database (under tests/e2e/run --pg a PostgreSQL database, else another SQLite file) and back into a new
# file: every table keeps its rows, searches find the same deeds in the same order there, the statistics are the
# same, new rows get new ids, and a target that already holds an installation is refused with nothing written.
source "$(dirname "$0")/lib.sh"
SRC=$TMP/source.db
# the run's demo file when there is one (tests/e2e/run on SQLite makes it once), else the demo made here
if [ -f "${E2E_DEMO_FILE:-}" ]; then cp "$E2E_DEMO_FILE" "$SRC"
else "$KEHTO" init --db "$SRC" >/dev/null && "$KEHTO" demo --db "$SRC" >/dev/null || { not_ok "demo data"; finish; exit 1; }; fi
run() { OUT=$("$KEHTO" "$@" 2>&1); RC=$?; }
expect_rc() { if [ "$RC" -eq "$2" ]; then ok "$1"; else not_ok "$1" "exit $RC, wanted $2: $OUT"; fi; }

run copy --from "$SRC"
expect_rc "copy without --to is a usage error" 2
run copy --from "$TMP/none.db" --to "$TMP/x.db"
expect_rc "copy from a database that does not exist fails" 1
expect_contains "... and says so" "$OUT" "there is no database"

# an upload waiting for confirmation (a day's scratch, bytes) stays behind
"$KEHTO" user add uploader@example.fi --role staff --db "$SRC" <<<"vihrea-kettu-93-Rq" >/dev/null
sqlite3 "$SRC" "INSERT INTO upload(user_id,kind,filename,size,content,created_at) SELECT id,'deeds','x.xlsx',3,
  X'500304',0 FROM user WHERE email='uploader@example.fi'"
run copy --from "$SRC" --to "$DB" --progress
expect_rc "copy into the test's database" 0
expect_eq "uploads waiting for confirmation are not copied" "$(q "SELECT count(*) FROM upload")" 0
expect_contains "progress names the tables" "$OUT" "participation: 11637 rows"
TABLES="region municipality org programme funding_period goal partner sector deed theme deed_theme service_type
  service coach delivery delivery_session person participation attendance esf_start audit"
counts() { for t in $TABLES; do printf '%s=%s ' "$t" "$("$@" "SELECT count(*) FROM $t")"; done; }
want=$(counts sqlite3 "$SRC")
expect_eq "every table has the source's rows" "$(counts q)" "$want"
for words in kunta työhyvinvointi "johtaminen kunta" "hyvinv*" "kunta hyvinv*" "digi* työ*" \
  "ikääntyneet kotihoito" xyzzy; do
  expect_eq "search '$words' finds the same deeds in the same order" \
    "$("$KEHTO" search "$words" --db "$DB" --limit 40 2>&1)" "$("$KEHTO" search "$words" --db "$SRC" --limit 40 2>&1)"
done

expect_eq "the statistics are the same, every table and cell" \
  "$("$KEHTO" stats --format csv-comma --db "$DB" | md5sum)" "$("$KEHTO" stats --format csv-comma --db "$SRC" | md5sum)"

run copy --from "$SRC" --to "$DB"
expect_rc "a target that holds an installation is refused" 1
expect_contains "... saying why" "$OUT" "already holds an installation"
expect_eq "... and nothing was written" "$(counts q)" "$want"

run copy --from "$DB" --to "$TMP/back.db"
expect_rc "copy back into a new file" 0
expect_eq "the copy back has every row" "$(counts sqlite3 "$TMP/back.db")" "$want"
MEDIA="SELECT count(*)||':'||group_concat(id||'='||hex(content)||'/'||sha256, ',') FROM (SELECT * FROM media ORDER BY id)"
expect_eq "files (the demo news' images) come back byte for byte" "$(sqlite3 "$TMP/back.db" "$MEDIA")" \
  "$(sqlite3 "$SRC" "$MEDIA")"
check "(there are files)" test "$(sqlite3 "$SRC" "SELECT count(*) FROM media")" -gt 0
expect_eq "the copy back finds the same deeds" "$("$KEHTO" search kunta --db "$TMP/back.db" --limit 40 2>&1)" \
  "$("$KEHTO" search kunta --db "$SRC" --limit 40 2>&1)"

# new rows after a copy get ids after the copied ones (PostgreSQL's identity counters were moved)
printf 'title,organisation,municipality,sector,summary,goal,actions,results,year\n%s\n' \
  'Kopion jälkeen,Testikunta,Turku,sote,Tiivistelmä,Tavoite,Teot,Tulokset,2020' >"$TMP/one.csv"
run import deeds "$TMP/one.csv" --db "$DB"
expect_rc "a deed imported after the copy" 0
expect_eq "... gets the next id" "$(q "SELECT id FROM deed WHERE title='Kopion jälkeen'")" \
  "$(( $(sqlite3 "$SRC" 'SELECT max(id) FROM deed') + 1 ))"
finish
