# End-to-end: `kehto survey import|export|list` on either engine: a definition with every question type goes in and
# comes out as the same JSON; its days are Finnish days; a bad definition names each question and field and stores
# nothing; a key or a series phase used twice is refused; the JSON can come from standard input; a new survey in the
# demo programme takes invitations.
source "$(dirname "$0")/lib.sh"
init_db
run() { OUT=$("$KEHTO" "$@" 2>&1); RC=$?; }
expect_rc() { if [ "$RC" -eq "$2" ]; then ok "$1"; else not_ok "$1" "exit $RC, wanted $2: $OUT"; fi; }
FULL="$(dirname "$0")/survey_full.json"

run survey import "$FULL" --db "$DB"
expect_rc "a survey with every question type is imported" 0
expect_eq "import prints the new survey's id" "$OUT" 1
expect_eq "its days are Finnish days, kept in UTC" "$(q "SELECT opens_at || ' ' || closes_at FROM survey")" \
  "2026-01-09T22:00:00Z 2026-02-22T22:00:00Z"
expect_eq "its series is created" "$(q "SELECT key FROM survey_series")" sparraus
run survey export sparraus-alku --db "$DB"
expect_rc "export by key" 0
same=$("$PYTHON" -c '
import json, sys
a = json.load(open(sys.argv[1])); b = json.loads(sys.stdin.read())
def norm(t): return t if isinstance(t, dict) else {"fi": t}
for q in a["questions"]:
    for k in ("text", "title", "low", "high"):
        if k in q: q[k] = norm(q[k])
    for it in q.get("options", []) + q.get("rows", []): it["text"] = norm(it["text"])
a["opens"], a["closes"] = "2026-01-09T22:00:00Z", "2026-02-22T22:00:00Z"
print("same" if a == b else "differs: %s" % json.dumps(b, ensure_ascii=False)[:400])' "$FULL" <<<"$OUT")
expect_eq "the exported JSON is the imported one (texts as objects, days as UTC times)" "$same" same
run survey export 1 --db "$DB"
expect_rc "export by id" 0
"$KEHTO" survey export 1 --db "$DB" | sed 's/"sparraus-alku"/"kopio"/; s/"before"/"after"/' >"$TMP/copy.json"
run survey import - --db "$DB" <"$TMP/copy.json"
expect_rc "an exported survey imports again under a new key, from standard input" 0
expect_eq "... as survey 2" "$OUT" 2
expect_eq "... and exports the same" "$("$KEHTO" survey export kopio --db "$DB")" "$(cat "$TMP/copy.json")"
run survey import "$TMP/copy.json" --db "$DB"
expect_rc "the same key again is refused" 1
expect_contains "... naming the key" "$OUT" "kenttä key: kysely kopio on jo olemassa"
sed 's/"kopio"/"kolmas"/' "$TMP/copy.json" >"$TMP/third.json"
run survey import "$TMP/third.json" --db "$DB"
expect_rc "a second after-survey in the series is refused" 1
expect_contains "... saying the series has one" "$OUT" "sarjassa sparraus on jo loppu (after)-kysely"

cat >"$TMP/bad.json" <<'J'
{"key":"huono","title":"T","questions":[{"key":"q1","type":"likert9","text":"a"},
 {"key":"q2","type":"single","text":"b","options":[{"key":"a","text":"A"}]},
 {"key":"q3","type":"text","text":"c","show_if":{"q9":[1]}}, {"key":"Q!","type":"text","text":"x","colour":"red"}]}
J
run survey import "$TMP/bad.json" --db "$DB"
expect_rc "a bad definition is refused" 1
expect_contains "the type named" "$OUT" "bad.json: kysymys q1, kenttä type: pitää olla section, likert5"
expect_contains "too few options named" "$OUT" "kysymys q2, kenttä options: vähintään kaksi vaihtoehtoa"
expect_contains "an unknown condition named" "$OUT" "kysymys q3, kenttä show_if: ei aiempaa kysymystä q9"
expect_contains "a bad key named by position" "$OUT" "kysymys 4, kenttä key: pitää olla 1–32 merkkiä"
expect_contains "an unknown field named" "$OUT" "kysymys 4, kenttä colour: tuntematon kenttä"
expect_contains "nothing is stored, and it says so" "$OUT" "Nothing was imported."
expect_eq "... and nothing was" "$(q "SELECT count(*) FROM survey")" 2
printf '{"key":' >"$TMP/broken.json"
run survey import "$TMP/broken.json" --db "$DB"
expect_contains "broken JSON names the place" "$OUT" "JSON ei ole kelvollista (rivi 1"
: >"$TMP/empty.json"
run survey import "$TMP/empty.json" --db "$DB"
expect_rc "an empty file is refused" 1
expect_contains "... saying it is empty" "$OUT" "empty.json is empty"
run survey import "$TMP/none.json" --db "$DB"
expect_contains "a missing file is named" "$OUT" "cannot open $TMP/none.json"
run survey import --db "$DB"
expect_rc "import without a file is a usage error" 2
run survey export nosuch --db "$DB"
expect_rc "exporting an unknown survey fails" 1
expect_contains "... saying how to find one" "$OUT" "no survey 'nosuch'"
run survey list --db "$DB"
expect_rc "list" 0
expect_contains "list shows the surveys with their series and phase" "$OUT" "sparraus-alku            sparraus         before"
expect_contains "... and the copy" "$OUT" "kopio                    sparraus         after"
# --- a new survey in the demo programme takes invitations: the demo's invitations (of closed surveys, made without
# a master key) are not taken for those of another secret file ---
demo_db
cat >"$TMP/new.json" <<'J'
{"key":"uusi-palaute","title":"Uusi palaute","closes":"2099-12-31","questions":[{"key":"q1","type":"likert5","text":"Hyödyllinen?"}]}
J
run survey import "$TMP/new.json" --db "$DB"
expect_rc "a new survey goes into the demo programme" 0
NEW=$OUT
REF=$(q "SELECT d.ref FROM delivery d JOIN participation p ON p.delivery_id = d.id WHERE d.ref IS NOT NULL GROUP BY d.ref ORDER BY count(*) DESC, d.ref LIMIT 1")
run survey invite "$NEW" --delivery "$REF" --print-links --db "$DB" --secret-file "$TMP/demo.secret"
expect_rc "... and its invitations are made with a new secret file" 0
expect_contains "... printing the links" "$OUT" "/kysely/"
expect_eq "... one per participant of the delivery" "$(q "SELECT count(*) FROM survey_invite WHERE survey_id = $NEW")" \
  "$(q "SELECT count(DISTINCT p.person_id) FROM participation p JOIN delivery d ON d.id = p.delivery_id WHERE d.ref = '$REF'")"
run survey remind "$NEW" --print-links --db "$DB" --secret-file "$TMP/other.secret"
expect_rc "another secret file is still refused once the open survey has invitations" 1
expect_contains "... saying why" "$OUT" "eri salaisuustiedostolla"
finish
