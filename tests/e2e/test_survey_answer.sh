# End-to-end: answering surveys (issue #13). The secret file (created 0600, bad ones refused); invitations, reminders
# and --print-links from the CLI and the staff's invitation page (response rates per delivery); every question type
# answered through HTTP with the issue's field names; required, condition and range errors beside the field with the
# text kept; a draft resumed from the same link; a reused, an unknown, a closed and a not yet open link; the open
# link with its cookie and rate limit; pairing through the series' pseudonym; closing the series; person export and
# erase; survey_response has no column that names a person, and the answers and pairs are the same before and after an
# erase; the outbox cuts the token out of a sent invitation.
source "$(dirname "$0")/lib.sh"
init_db
TODAY=$(TZ=Europe/Helsinki date +%F)
SECRET=$TMP/kehto.secret
people_frame
q "
UPDATE org SET municipality_code='564' WHERE id=1;
INSERT INTO person(email,name,org_id,sector_code) VALUES('anna@example.fi','Anna Virtanen',1,(SELECT min(code) FROM sector));
INSERT INTO person(email,name,org_id) VALUES('bert@example.fi','Bert Berg',2);
INSERT INTO person(email,name) VALUES('cilla@example.fi','Cilla Carlsson');
INSERT INTO person(email,name) VALUES('dani@example.fi','Dani Webinaari');
INSERT INTO participation(person_id,delivery_id,role) VALUES(1,1,'johto'),(2,1,'tyontekija'),(3,1,'esihenkilo'),
 (4,2,'tyontekija');"
PID_ANNA=$(q "SELECT id FROM person WHERE email='anna@example.fi'")

# The definitions: every question type, a condition, sections; imported as `kehto survey import` does.
DEF='{"key":"KEY",SERIES"title":{"fi":"TITLE","sv":"Enkät SV"},
"intro":{"fi":"Kiitos, että vastaat."},
"questions":[{"type":"section","title":{"fi":"Taustaa"}},
{"key":"q1","type":"likert5","text":{"fi":"Kehittämistyö on meillä suunnitelmallista."},"required":true,
 "low":{"fi":"Täysin eri mieltä"},"high":{"fi":"Täysin samaa mieltä"}},
{"key":"q2","type":"single","text":{"fi":"Mikä on tehtäväsi?"},"options":[{"key":"a","text":{"fi":"Johto"}},
 {"key":"b","text":{"fi":"Työntekijä"}}],"other":true},
{"key":"q3","type":"matrix","scale":"likert7","text":{"fi":"Arvioi väittämät."},"required":true,
 "rows":[{"key":"r1","text":{"fi":"Aloittaminen"}},{"key":"r2","text":{"fi":"Jatkaminen"}}]},
{"key":"q4","type":"multiple","text":{"fi":"Mitä menetelmiä käytitte?"},"options":[{"key":"a","text":{"fi":"Työpaja"}},
 {"key":"b","text":{"fi":"Kysely"}}],"other":true,"show_if":{"q1":[4,5]}},
{"type":"section","title":{"fi":"Lopuksi"}},
{"key":"q5","type":"scale10","text":{"fi":"Kuinka todennäköisesti suosittelisit?"}},
{"key":"q6","type":"number","text":{"fi":"Montako henkeä työyhteisössänne on?"},"min":0,"max":100},
{"key":"q7","type":"text","text":{"fi":"Mitä muuta haluat sanoa?"}}]}'
# import KEY SERIES_AND_PHASE TITLE EXPECTED_ID: imports DEF with those filled in and checks the id it prints
import_survey() {
  sed -e "s/KEY/$1/" -e "s/SERIES/$2/" -e "s/TITLE/$3/" <<<"$DEF" >"$TMP/$1.json"
  expect_eq "kehto survey import $1 prints its id" "$("$KEHTO" survey import "$TMP/$1.json" --db "$DB" 2>&1)" "$4"
}
import_survey sparraus-alku '"series":"sparraus","phase":"before",' 'Sparrauksen alkukysely' 1
import_survey sparraus-loppu '"series":"sparraus","phase":"after",' 'Sparrauksen loppukysely' 2
import_survey palaute '' 'Tilaisuuden palaute' 3
import_survey kiinni '"closes":"2020-01-01",' 'Sulkeutunut kysely' 4
import_survey tuleva '"opens":"2099-01-01",' 'Tuleva kysely' 5
# the open link's code as the editor's page sets it (survey_set_open_link makes a random one: a known one here)
q "UPDATE survey SET open_code='tapahtuma2026' WHERE id=3"

# --- the secret file ---
(umask 000 && "$KEHTO" survey invite 1 --delivery SP-1 --print-links --db "$DB" --secret-file "$SECRET" \
  >"$TMP/links1" 2>"$TMP/err1")
expect_eq "invite --print-links: exit 0" "$?" 0
expect_eq "the secret file is made 0600 whatever the umask" "$(stat -c %a "$SECRET")" 600
expect_eq "the secret file holds 32 bytes" "$(stat -c %s "$SECRET")" 32
expect_eq "three participants of SP-1 get a line each" "$(wc -l <"$TMP/links1")" 3
expect_contains "a line is EMAIL<TAB>LINK" "$(cat "$TMP/links1")" "$(printf 'anna@example.fi\thttp://127.0.0.1:8080/kysely/')"
expect_contains "stderr says how many were invited" "$(cat "$TMP/err1")" "Invited 3 people"
expect_eq "no email with --print-links" "$(q "SELECT count(*) FROM outbox")" 0
expect_eq "the context is kept on the invitation" \
  "$(q "SELECT ctx_role||'|'||ctx_service_type||'|'||ctx_region||'|'||ctx_period_id||'|'||delivery_id FROM survey_invite WHERE person_id=$PID_ANNA")" \
  "johto|sparraus|FI1D9|2|1"
expect_eq "the sector comes from the person" \
  "$(q "SELECT ctx_sector = (SELECT min(code) FROM sector) FROM survey_invite WHERE person_id=$PID_ANNA" | sed 's/^t$/1/')" 1
expect_eq "the invitation keeps no token, only its hash" \
  "$(q "SELECT count(*) FROM survey_invite WHERE length(token_hash)=64 AND length(nonce)=32")" 3
link_of() { grep "^$1	" "$2" | cut -f2 | sed 's|^http://[^/]*||'; }
ANNA=$(link_of anna@example.fi "$TMP/links1")
BERT=$(link_of bert@example.fi "$TMP/links1")
CILLA=$(link_of cilla@example.fi "$TMP/links1")
expect_eq "the token is 43 characters of base64url" "$(sed -n 's|^/kysely/\([A-Za-z0-9_-]*\)$|\1|p' <<<"$ANNA" | tr -d '\n' | wc -c)" 43
expect_eq "the pairing key is made with the first invitation, sealed (72 bytes)" \
  "$(q "SELECT length(key_box) FROM survey_series WHERE id=1")" 72

OUT=$("$KEHTO" survey invite sparraus-alku --service 1 --db "$DB" --secret-file "$SECRET" 2>&1)
expect_contains "re-inviting skips those invited and says how many" "$OUT" "Invited 0 people"
expect_contains "… 3 skipped" "$OUT" "3 invited before, skipped"
OUT=$("$KEHTO" survey invite 1 --delivery NOPE --db "$DB" --secret-file "$SECRET" 2>&1)
expect_contains "an unknown delivery is named" "$OUT" "no delivery 'NOPE'"
OUT=$("$KEHTO" survey invite 1 --delivery SP-1 --period 2 --db "$DB" --secret-file "$SECRET" 2>&1)
expect_contains "two targets at once is a usage error" "$OUT" "exactly one of --delivery"
OUT=$("$KEHTO" survey invite 4 --delivery SP-1 --db "$DB" --secret-file "$SECRET" 2>&1)
expect_contains "a closed survey takes no invitations" "$OUT" "Kysely on sulkeutunut"

printf 'x' >"$TMP/short.secret" && chmod 600 "$TMP/short.secret"
OUT=$("$KEHTO" survey remind 1 --db "$DB" --secret-file "$TMP/short.secret" 2>&1)
expect_contains "a secret file that is not 32 bytes is refused, naming it" "$OUT" "$TMP/short.secret is 1 bytes long"
cp "$SECRET" "$TMP/open.secret" && chmod 640 "$TMP/open.secret"
OUT=$("$KEHTO" serve --db "$DB" --port "$(free_port)" --secret-file "$TMP/open.secret" 2>&1)
expect_contains "serve refuses a secret file others may read, naming it" "$OUT" "$TMP/open.secret may be read"
head -c 32 /dev/urandom >"$TMP/other.secret" && chmod 600 "$TMP/other.secret"
start_server --secret-file "$TMP/lazy.secret"
check "a server makes no secret file until a survey needs one" test ! -e "$TMP/lazy.secret"
stop_server

# the email invitation: the link in the mail opens the form
q "UPDATE survey SET closes_at='2099-03-01T22:00:00Z' WHERE id=2" # closes at the end of 1.3.2099 in Finland
"$KEHTO" survey invite 2 --delivery SP-1 --db "$DB" --secret-file "$SECRET" >/dev/null
expect_eq "the after survey's invitations are emailed (queued)" "$(q "SELECT count(*) FROM outbox WHERE kind='survey-invite'")" 3
MAIL=$(q "SELECT body_text FROM outbox WHERE recipient='anna@example.fi'")
expect_contains "the mail names the survey" "$MAIL" '"Sparrauksen loppukysely"'
expect_contains "… and its last day, in Finnish" "$MAIL" "Kysely on auki 1.3.2099 asti."
ANNA2=$(grep -o '/kysely/[A-Za-z0-9_-]*' <<<"$MAIL" | head -1)

start_server --secret-file "$SECRET"
get "$ANNA2"
expect_eq "the emailed link opens the form" "$STATUS" 200

# --- the form ---
get "$ANNA"
expect_eq "GET /kysely/TOKEN" "$STATUS" 200
expect_contains "the title" "$BODY" "<h1>Sparrauksen alkukysely</h1>"
expect_contains "the form is survey_form's, as the staff's preview" "$BODY" '<form method="post" action="'"$ANNA"'" class="survey-form" novalidate>'
expect_contains "a section is a heading" "$BODY" '<h2 id="sqs-0">Taustaa</h2>'
expect_contains "a question is a fieldset with a legend" "$BODY" '<fieldset class="survey-q" id="sq-q1"><legend id="sql-q1">'
expect_contains "a required mark" "$BODY" '<span class="required">(pakollinen)</span></legend>'
expect_contains "likert as radios" "$BODY" '<input type="radio" id="sq-q1-5" name="q1" value="5">'
expect_contains "the scale's end is labelled" "$BODY" '<span class="scale-num">5</span><span class="visually-hidden"> Täysin samaa mieltä</span></label>'
expect_contains "matrix rows are radio groups q3.r1" "$BODY" '<input type="radio" id="sq-q3.r1-7" name="q3.r1" value="7">'
expect_contains "a matrix row is a fieldset with its statement as the legend" "$BODY" '<fieldset class="matrix-row" id="sq-q3.r1"><legend><span>Aloittaminen</span></legend>'
expect_contains "multiple as checkboxes" "$BODY" '<input type="checkbox" id="sq-q4-b" name="q4" value="b">'
expect_contains "other has a labelled text box" "$BODY" '<label for="sq-q4.other">Muu, mikä?</label><input type="text" id="sq-q4.other" name="q4.other" value="" maxlength="10000">'
expect_contains "the condition is said" "$BODY" 'Vastaa vain, jos vastasit kysymykseen ”Kehittämistyö on meillä suunnitelmallista.” näin: 4 tai 5.'
expect_contains "… and given to kehto.js" "$BODY" '<fieldset class="survey-q" id="sq-q4" data-show-if="q1" data-values="4 5" aria-describedby="sqc-q4">'
expect_contains "scale10 from 0" "$BODY" 'name="q5" value="0"'
expect_contains "number input" "$BODY" 'name="q6"'
expect_contains "the number's range" "$BODY" 'Luku väliltä 0–100.'
expect_contains "text as a textarea" "$BODY" '<textarea id="sq-q7-value" name="q7" rows="5" maxlength="10000" aria-labelledby="sql-q7">'
expect_contains "a draft button" "$BODY" 'Tallenna ja jatka myöhemmin'
expect_eq "the link's page is kept in no cache" "$(header Cache-Control | grep -c no-store)" 1
expect_eq "the link does not leak through Referer (origin only)" "$(header Referrer-Policy)" "origin"
CSRF=$(csrf_from "$BODY")

# --- errors: required, range, option, number; everything typed kept ---
post "$ANNA" "csrf=$CSRF" "action=send" "q1=6" "q2=zz" "q3.r1=3" "q5=11" "q6=101" "q7=Tämä <teksti> säilyy"
expect_eq "bad answers: 422" "$STATUS" 422
expect_contains "q1 out of scale, beside it" "$BODY" '<p class="error" id="sqe-q1">Valitse yksi asteikon vaihtoehdoista.</p>'
expect_contains "unknown option" "$BODY" '<p class="error" id="sqe-q2">Valitse jokin annetuista vaihtoehdoista.</p>'
expect_contains "a required matrix wants every row" "$BODY" '<p class="error" id="sqe-q3">Vastaa jokaiseen väittämään.</p>'
expect_contains "scale10 out of range" "$BODY" '<p class="error" id="sqe-q5">Valitse yksi asteikon vaihtoehdoista.</p>'
expect_contains "number over max" "$BODY" '<p class="error" id="sqe-q6">Luku on sallitun välin ulkopuolella.</p>'
expect_contains "the error is tied to the number box" "$BODY" 'name="q6" value="101" aria-labelledby="sql-q6" aria-invalid="true" aria-describedby="sqn-q6 sqe-q6">'
expect_contains "… and to a group of radios by its fieldset" "$BODY" '<fieldset class="survey-q invalid" id="sq-q1" aria-describedby="sqe-q1">'
expect_contains "the summary links to the first input of the question" "$BODY" '<li><a href="#sq-q1-1"><span>Kehittämistyö on meillä suunnitelmallista.</span>: Valitse yksi asteikon vaihtoehdoista.</a></li>'
expect_contains "… of a matrix: its first row's first point" "$BODY" '<li><a href="#sq-q3.r1-1"><span>Arvioi väittämät.</span>: Vastaa jokaiseen väittämään.</a></li>'
expect_contains "… of a number: the box" "$BODY" '<li><a href="#sq-q6-value"><span>Montako henkeä työyhteisössänne on?</span>: Luku on sallitun välin ulkopuolella.</a></li>'
expect_contains "the text is kept (escaped)" "$BODY" 'Tämä &lt;teksti&gt; säilyy</textarea>'
expect_contains "the matrix answer is kept" "$BODY" 'name="q3.r1" value="3" checked'
expect_contains "the number is kept" "$BODY" 'name="q6" value="101"'
post "$ANNA" "csrf=$CSRF" "action=send" "q3.r1=3" "q3.r2=2" "q6=abc"
expect_contains "a missing required answer" "$BODY" '<p class="error" id="sqe-q1">Vastaa tähän kysymykseen: se on pakollinen.</p>'
expect_contains "not a number" "$BODY" '<p class="error" id="sqe-q6">Kirjoita luku, esimerkiksi 12 tai 2,5.</p>'
post "$ANNA" "csrf=$CSRF" "action=send" "q1=5" "q2=other" "q3.r1=3" "q3.r2=2" "q4=other"
expect_contains "other chosen without its text" "$BODY" '<p class="error" id="sqe-q2">Kirjoita, mitä muuta tarkoitat.</p>'
expect_contains "… in a multiple choice too" "$BODY" '<p class="error" id="sqe-q4">Kirjoita, mitä muuta tarkoitat.</p>'
post "$ANNA" "csrf=0123456789abcdef" "action=send" "q1=5" "q7=vanhentunut"
expect_eq "a stale token: 403" "$STATUS" 403
expect_contains "… the form again with what was typed" "$BODY" 'vanhentunut</textarea>'
expect_eq "nothing stored by the bad posts" "$(q "SELECT count(*) FROM survey_response") $(q "SELECT count(*) FROM survey_draft")" "0 0"

# --- a draft ---
post "$ANNA" "csrf=$CSRF" "action=draft" "q1=5" "q4=a" "q4=b" "q7=Keskeneräinen"
expect_eq "a draft: 303 back to the link" "$STATUS" 303
expect_eq "the draft is kept under the token's hash only" \
  "$(q "SELECT count(*) FROM survey_draft d JOIN survey_invite i ON i.token_hash=d.token_hash WHERE i.person_id=$PID_ANNA AND i.survey_id=1")" 1
expect_eq "survey_draft has no person or invitation column" \
  "$(if on_pg; then q "SELECT string_agg(column_name, ',' ORDER BY ordinal_position) FROM information_schema.columns WHERE table_name='survey_draft'"; else q "SELECT group_concat(name) FROM pragma_table_info('survey_draft')"; fi)" \
  "token_hash,survey_id,data,updated_at"
# the invitation holds the same hash, so the stored draft is sealed with a key only the token gives
expect_eq "… and a copy of the database cannot read it" \
  "$(q "SELECT count(*) FROM survey_draft WHERE data LIKE '%Keskener%' OR data LIKE '%q4%'")" 0
get "$ANNA"
expect_contains "the draft resumes from the same link" "$BODY" 'Jatkat keskeneräistä vastaustasi'
expect_contains "… with its choices" "$BODY" 'name="q4" value="b" checked'
expect_contains "… and its text" "$BODY" 'Keskeneräinen</textarea>'

# --- the answer: every type ---
post "$ANNA" "csrf=$CSRF" "action=send" "q1=5" "q2=other" "q2.other=Tiiminvetäjä" "q3.r1=6" "q3.r2=7" \
  "q4=a" "q4=other" "q4.other=Haastattelu" "q5=9" "q6=2,5" "q7=Hyvä valmennus"
expect_eq "a complete answer: 200" "$STATUS" 200
expect_contains "the thank-you page" "$BODY" "Kiitos vastauksestasi"
RID=$(q "SELECT max(id) FROM survey_response")
expect_eq "the stored values follow the item conventions" \
  "$(q "SELECT question||'|'||item||'|'||coalesce(CAST(num AS TEXT),'')||'|'||coalesce(text,'') FROM survey_answer WHERE response_id=$RID ORDER BY question, item" | sed 's/\.0|/|/' | tr '\n' ' ')" \
  "q1||5| q2|||other q2|.other||Tiiminvetäjä q3|r1|6| q3|r2|7| q4|.other||Haastattelu q4|a|1| q4|other|1| q5||9| q6||2.5| q7|||Hyvä valmennus "
expect_eq "the response: today's date only, via invite, the invitation's context" \
  "$(q "SELECT answered_on||'|'||via||'|'||ctx_role||'|'||ctx_service_type||'|'||ctx_region||'|'||ctx_period_id FROM survey_response WHERE id=$RID")" \
  "$TODAY|invite|johto|sparraus|FI1D9|2"
expect_eq "a pseudonym (series open): 64 hex" "$(q "SELECT length(pseudonym) FROM survey_response WHERE id=$RID")" 64
expect_eq "the invitation says answered, nothing more" "$(q "SELECT answered FROM survey_invite WHERE survey_id=1 AND person_id=$PID_ANNA")" 1
expect_eq "the draft is deleted" "$(q "SELECT count(*) FROM survey_draft")" 0
expect_eq "survey_response has no column that names a person, a token or an invitation" \
  "$(if on_pg; then q "SELECT string_agg(column_name, ',' ORDER BY ordinal_position) FROM information_schema.columns WHERE table_name='survey_response'"; else q "SELECT group_concat(name) FROM pragma_table_info('survey_response')"; fi)" \
  "id,survey_id,answered_on,pseudonym,via,ctx_role,ctx_service_type,ctx_sector,ctx_region,ctx_period_id"
expect_eq "no token, nonce or hash anywhere in the answer's values" \
  "$(q "SELECT count(*) FROM survey_answer a JOIN survey_invite i ON a.text IN (i.nonce, i.token_hash)")" 0

post "$ANNA" "csrf=$CSRF" "action=send" "q1=1" "q3.r1=1" "q3.r2=1"
expect_eq "the same token again: 409" "$STATUS" 409
expect_contains "… 'Olet jo vastannut'" "$BODY" "Olet jo vastannut"
get "$ANNA"
expect_eq "the answered link: 410" "$STATUS" 410
expect_contains "… says so" "$BODY" "Olet jo vastannut"
expect_eq "still one answer" "$(q "SELECT count(*) FROM survey_response WHERE survey_id=1")" 1
get /kysely/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
expect_eq "an unknown token: 404" "$STATUS" 404
expect_contains "… says the link is not valid" "$BODY" "Kyselylinkki ei ole voimassa"

# a condition not met: the answer to q4 is ignored
post "$BERT" "csrf=$CSRF" "action=send" "q1=2" "q3.r1=4" "q3.r2=4" "q4=b" "q4.other=ohitetaan"
expect_eq "condition not met: answered" "$STATUS" 200
RID2=$(q "SELECT max(id) FROM survey_response")
expect_eq "… and q4 ignored" "$(q "SELECT count(*) FROM survey_answer WHERE response_id=$RID2 AND question='q4'")" 0
expect_eq "optional questions left empty store nothing" "$(q "SELECT count(*) FROM survey_answer WHERE response_id=$RID2")" 3

# --- pairing: the same person's before and after carry the same pseudonym ---
post "$ANNA2" "csrf=$CSRF" "action=send" "q1=4" "q3.r1=7" "q3.r2=7"
expect_eq "the after survey answered" "$STATUS" 200
expect_eq "Anna's before and after pair exactly" \
  "$(q "SELECT count(DISTINCT pseudonym) FROM survey_response WHERE survey_id IN (1,2) AND id IN ($RID, (SELECT max(id) FROM survey_response))")" 1
expect_eq "Bert's pseudonym differs from Anna's" \
  "$(q "SELECT count(DISTINCT pseudonym) FROM survey_response WHERE id IN ($RID, $RID2)")" 2
expect_eq "one pair in the series" \
  "$(q "SELECT count(*) FROM survey_response a JOIN survey_response b ON a.pseudonym=b.pseudonym AND a.survey_id=1 AND b.survey_id=2")" 1

# --- a closed survey and one not yet open ---
"$KEHTO" survey invite 5 --delivery SP-1 --print-links --db "$DB" --secret-file "$SECRET" >"$TMP/links5" 2>/dev/null
get "$(link_of anna@example.fi "$TMP/links5")"
expect_eq "not yet open: 403" "$STATUS" 403
expect_contains "… says so" "$BODY" "Kysely ei ole vielä auki."
q "UPDATE survey SET opens_at=NULL, closes_at='2020-01-01T00:00:00Z' WHERE id=5" # time passes
get "$(link_of anna@example.fi "$TMP/links5")"
expect_eq "closed: 410" "$STATUS" 410
expect_contains "… says so" "$BODY" "Kysely on sulkeutunut"
post "$(link_of bert@example.fi "$TMP/links5")" "csrf=$CSRF" "action=send" "q1=3" "q3.r1=1" "q3.r2=1"
expect_eq "posting to a closed survey: 410, nothing stored" "$STATUS $(q "SELECT count(*) FROM survey_response WHERE survey_id=5")" "410 0"

# --- reminders ---
OUT=$("$KEHTO" survey remind 1 --print-links --db "$DB" --secret-file "$SECRET" 2>/dev/null)
expect_eq "remind --print-links: only Cilla has not answered" "$(wc -l <<<"$OUT")" 1
expect_eq "… with the same link as before" "$(sed 's|http://[^/]*||' <<<"$OUT" | cut -f2)" "$CILLA"
expect_eq "reminded_at is recorded" "$(q "SELECT count(*) FROM survey_invite WHERE survey_id=1 AND reminded_at IS NOT NULL")" 1
OUT=$("$KEHTO" survey remind 1 --db "$DB" --secret-file "$TMP/other.secret" 2>&1)
expect_contains "another secret file makes no reminder with dead links" "$OUT" "eri salaisuustiedostolla"

# --- the open link ---
rm -f "$TMP/jar"
get /kysely/avoin/tapahtuma2026
expect_eq "the open link: 200" "$STATUS" 200
expect_lacks "… no draft button" "$BODY" 'Tallenna ja jatka myöhemmin'
OC=$(csrf_from "$BODY")
post /kysely/avoin/tapahtuma2026 "csrf=$OC" "action=send" "q1=3" "q3.r1=5" "q3.r2=5"
expect_eq "an answer by the open link: 200" "$STATUS" 200
expect_contains "the cookie is HttpOnly, Lax and limited to the survey's path" "$(grep -i '^Set-Cookie: kehto_kysely_3' "$TMP/h" | head -1)" \
  "kehto_kysely_3=1; Path=/kysely/avoin/tapahtuma2026; HttpOnly; SameSite=Lax"
expect_eq "via open, no pseudonym, no context" \
  "$(q "SELECT via||'|'||coalesce(pseudonym,'-')||'|'||ctx_role||'|'||coalesce(CAST(ctx_period_id AS TEXT),'-') FROM survey_response WHERE survey_id=3")" "open|-||-"
get /kysely/avoin/tapahtuma2026
expect_eq "the same browser again: 409" "$STATUS" 409
post /kysely/avoin/tapahtuma2026 "csrf=$OC" "action=send" "q1=3" "q3.r1=5" "q3.r2=5"
expect_eq "… posting again too, nothing stored" "$STATUS $(q "SELECT count(*) FROM survey_response WHERE survey_id=3")" "409 1"
get /kysely/avoin/eiole
expect_eq "an unknown open code: 404" "$STATUS" 404
# the rate limit per address: a fresh browser each time
codes=""
for i in $(seq 2 31); do
  rm -f "$TMP/jar"
  get /kysely/avoin/tapahtuma2026
  post /kysely/avoin/tapahtuma2026 "csrf=$(csrf_from "$BODY")" "action=send" "q1=4" "q3.r1=5" "q3.r2=5"
  codes="$codes$STATUS "
done
expect_eq "30 answers from one address in 10 minutes, then 429" "$(for c in $codes; do echo "$c"; done | sort | uniq -c | tr -s ' ' | tr '\n' ',')" " 29 200, 1 429,"
expect_eq "… and the refused one is not stored" "$(q "SELECT count(*) FROM survey_response WHERE survey_id=3")" 30
expect_eq "no address or browser data with the answers" "$(q "SELECT count(*) FROM survey_answer WHERE text LIKE '%127.0.0.1%'")" 0

# --- the staff's invitation page ---
add_staff
add_staff eva@example.fi evaluator
rm -f "$TMP/jar"
login staff@example.fi vihrea-kettu-93-Rq
get /hallinta/kyselyt/1/kutsut
expect_eq "the invitation page for staff" "$STATUS" 200
expect_contains "rates per delivery: invited, answered, rate" "$BODY" '<th scope="row">SP-1 · Sparraus A</th><td>3</td><td>2</td><td>67 %</td>'
expect_contains "a link back to the survey's page" "$BODY" 'href="/hallinta/kyselyt/1"'
SC=$(csrf_from "$BODY")
post /hallinta/kyselyt/1/kutsut "csrf=$SC" "delivery=" "service=" "period=" "lang=fi"
expect_eq "no target: 422" "$STATUS" 422
expect_contains "… the message beside the field" "$BODY" 'id="e-delivery">Anna yksi näistä: toteutus, palvelu tai rahoituskausi.'
post /hallinta/kyselyt/1/kutsut "csrf=$SC" "delivery=WB-1" "service=" "period=" "lang=sv"
expect_eq "invite by a delivery's ref: 303" "$STATUS" 303
get "$(header Location)"
expect_contains "… says how many" "$BODY" "Kutsuttiin 1 henkilöä. 0 oli kutsuttu jo aiemmin"
expect_contains "… a Swedish invitation links to the Swedish form" "$(q "SELECT body_text FROM outbox WHERE recipient='dani@example.fi'")" "/sv/kysely/"
post /hallinta/kyselyt/1/muistuta "csrf=$SC"
expect_eq "remind from the page: 303" "$STATUS" 303
expect_eq "… Cilla and Dani reminded by email" "$(q "SELECT count(*) FROM outbox WHERE kind='survey-invite' AND subject LIKE 'Muistutus%'")$(q "SELECT count(*) FROM outbox WHERE kind='survey-invite' AND subject LIKE 'Påminnelse%'")" "11"
rm -f "$TMP/jar"
login eva@example.fi vihrea-kettu-93-Rq
get /hallinta/kyselyt/1/kutsut
expect_eq "an evaluator sees the invitation page" "$STATUS" 200
expect_contains "… with small cells suppressed as on /tilastot" "$BODY" \
  '<th scope="row">SP-1 · Sparraus A</th><td>&lt; 5</td><td>&lt; 5</td><td>–</td>'
expect_contains "… and the marks explained" "$BODY" '&lt; 5: luku on 1–4'
expect_lacks "… but gets no button to close the series" "$BODY" "sulje-sarja"
get /hallinta/kyselyt/1/sulje-sarja
expect_eq "… nor the confirmation" "$STATUS" 403

# --- person export and erase ---
BEFORE=$(q "SELECT r.survey_id||'|'||coalesce(r.pseudonym,'')||'|'||r.answered_on||'|'||a.question||'|'||a.item||'|'||coalesce(CAST(a.num AS TEXT),'')||'|'||coalesce(a.text,'') FROM survey_response r JOIN survey_answer a ON a.response_id=r.id ORDER BY r.id, a.question, a.item")
PAIRS=$(q "SELECT a.pseudonym FROM survey_response a JOIN survey_response b ON a.pseudonym=b.pseudonym AND a.survey_id=1 AND b.survey_id=2 ORDER BY 1")
EXP=$("$KEHTO" person export anna@example.fi --db "$DB")
expect_contains "export lists the invitations" "$EXP" '"survey": "sparraus-alku"'
expect_contains "… answered or not" "$EXP" '"answered": true'
expect_lacks "… never the answers" "$EXP" "Tiiminvetäjä"
expect_lacks "… nor the pseudonym" "$EXP" "$(q "SELECT pseudonym FROM survey_response WHERE id=$RID")"
q "INSERT INTO survey_draft(token_hash,survey_id,data,updated_at) SELECT token_hash, survey_id, '[]', '2026-01-01T00:00:00Z' FROM survey_invite WHERE person_id=$PID_ANNA AND survey_id=5"
"$KEHTO" person erase anna@example.fi --yes --db "$DB" >/dev/null 2>&1
expect_eq "erase removes the invitations" "$(q "SELECT count(*) FROM survey_invite WHERE person_id=$PID_ANNA")" 0
expect_eq "… and the drafts under their links" "$(q "SELECT count(*) FROM survey_draft")" 0
expect_eq "… leaves every answer as it was" "$(q "SELECT r.survey_id||'|'||coalesce(r.pseudonym,'')||'|'||r.answered_on||'|'||a.question||'|'||a.item||'|'||coalesce(CAST(a.num AS TEXT),'')||'|'||coalesce(a.text,'') FROM survey_response r JOIN survey_answer a ON a.response_id=r.id ORDER BY r.id, a.question, a.item")" "$BEFORE"
expect_eq "… and the pairs" "$(q "SELECT a.pseudonym FROM survey_response a JOIN survey_response b ON a.pseudonym=b.pseudonym AND a.survey_id=1 AND b.survey_id=2 ORDER BY 1")" "$PAIRS"

# --- closing the series (the staff's button after a confirmation) ---
rm -f "$TMP/jar"
login staff@example.fi vihrea-kettu-93-Rq
get /hallinta/kyselyt/1/sulje-sarja
expect_eq "the confirmation page" "$STATUS" 200
expect_contains "… says the key goes" "$BODY" "parituksen avain poistetaan pysyvästi"
post /hallinta/kyselyt/1/sulje-sarja "csrf=$(csrf_from "$BODY")"
expect_eq "a POST without confirm=1 shows the confirmation again" "$STATUS $(q "SELECT count(*) FROM survey_series WHERE closed_at IS NULL")" "200 1"
post /hallinta/kyselyt/1/sulje-sarja "csrf=$(csrf_from "$BODY")" "confirm=1"
expect_eq "closed: 303" "$STATUS" 303
expect_eq "the key is deleted, closed_at set" "$(q "SELECT coalesce(length(key_box),0)||'|'||CASE WHEN closed_at IS NOT NULL THEN 1 ELSE 0 END FROM survey_series WHERE id=1")" "0|1"
OUT=$("$KEHTO" survey invite 1 --period 2 --db "$DB" --secret-file "$SECRET" 2>&1)
expect_contains "a closed series takes no invitations" "$OUT" "Kyselyn sarja on suljettu"
get "$CILLA"
expect_eq "Cilla's link of the closed series: 410" "$STATUS" 410
expect_contains "… says the series is closed" "$BODY" "kyselysarja on suljettu"
post "$CILLA" "csrf=$(csrf_from "$BODY")" "action=send" "q1=3" "q3.r1=1" "q3.r2=1"
expect_eq "… and refuses an answer without a pseudonym" "$STATUS $(q "SELECT count(*) FROM survey_response WHERE survey_id=1")" "410 2"
OUT=$("$KEHTO" survey close-series sparraus --db "$DB" 2>&1)
expect_contains "closing again says it is closed" "$OUT" "Kyselysarja on jo suljettu"
OUT=$("$KEHTO" survey close-series nope --db "$DB" 2>&1)
expect_contains "an unknown series is an error" "$OUT" "Kyselysarjaa ei ole"

# --- the outbox cuts the token out once the invitation is sent ---
start_sink
# a line "POST /kysely/TOKEN 303" at a time would name the invitation, and so the person, beside the moment its
# answer was stored (and so its place among the answers' ids)
serve_with --secret-file "$SECRET"
get "$ANNA"
post "$ANNA" "csrf=$CSRF" "action=send" "q1=5"
expect_lacks "the access log never has an invitation's token" "$(cat "$TMP/server.log")" "${ANNA#/kysely/}"
expect_contains "it logs the link without it" "$(cat "$TMP/server.log")" "POST /kysely/… $STATUS"
serve_with --quiet --secret-file "$SECRET" --smtp "smtp://127.0.0.1:$SINK_PORT"
wait_mail "$(q "SELECT count(*) FROM outbox WHERE kind='survey-invite'")" || true
expect_eq "the invitations were sent" "$(q "SELECT count(*) FROM outbox WHERE kind='survey-invite' AND status='sent'")" "$(q "SELECT count(*) FROM outbox WHERE kind='survey-invite'")"
expect_eq "… and no sent one keeps its token" "$(q "SELECT count(*) FROM outbox WHERE kind='survey-invite' AND body_text NOT LIKE '%/kysely/…%'")" 0
expect_contains "the received mail has the working link" "$(mail_read "$(find "$SINK" -name '*.eml' | sort | head -1)" text)" "/kysely/"

finish
