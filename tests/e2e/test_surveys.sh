# End-to-end: the surveys' pages for staff and evaluators (/hallinta/kyselyt): the list, import by paste and by file
# (a bad definition lists its errors by question and field and keeps the text), the README's complete example, a
# survey's page, the JSON download equal to `kehto survey export`, the preview (the respondent's form, no submit),
# the editor (add, move, remove, errors beside their fields with everything typed kept, save; keys and types locked
# once answered), the schedule in Finnish dates and times, the open link, publishing, copy, delete with confirmation;
# an evaluator may use them, a contact and an anonymous visitor may not.
source "$(dirname "$0")/lib.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)

init_db
q "INSERT INTO org(id, name, type) VALUES (1, 'Testi Oy', 'yhtio');"
add_staff staff@example.fi staff
add_staff arvioija@example.fi evaluator
add_staff contact@example.fi contact 1
start_server
login staff@example.fi vihrea-kettu-93-Rq

# form_args FILE: the fields a browser would send from the survey editor's form in the page FILE (inputs,
# checked boxes, textareas, selected options; no buttons), NUL-separated name=value, into the array FORM
form_args() {
  mapfile -d '' FORM < <("$PYTHON" - "$1" <<'EOF'
import html.parser, sys
class P(html.parser.HTMLParser):
    def __init__(s):
        super().__init__(); s.out = []; s.inform = False; s.ta = None; s.sel = None; s.first = None; s.chosen = None
    def handle_starttag(s, tag, a):
        a = dict(a)
        if tag == "form" and "survey-editor" in (a.get("class") or ""): s.inform = True
        if not s.inform: return
        if tag == "input" and a.get("name"):
            t = a.get("type", "text")
            if t in ("checkbox", "radio") and "checked" not in a: return
            if t in ("submit", "button", "file"): return
            s.out.append((a["name"], a.get("value", "")))
        elif tag == "textarea": s.ta = [a["name"], ""]
        elif tag == "select": s.sel = a["name"]; s.first = None; s.chosen = None
        elif tag == "option" and s.sel:
            if s.first is None: s.first = a.get("value", "")
            if "selected" in a: s.chosen = a.get("value", "")
    def handle_endtag(s, tag):
        if tag == "form": s.inform = False
        if tag == "textarea" and s.ta: s.out.append(tuple(s.ta)); s.ta = None
        if tag == "select" and s.sel: s.out.append((s.sel, s.chosen if s.chosen is not None else s.first)); s.sel = None
    def handle_data(s, d):
        if s.ta: s.ta[1] += d
p = P(); p.feed(open(sys.argv[1], encoding="utf-8").read())
for k, v in p.out:
    sys.stdout.write(k + "=" + (v[1:] if v.startswith("\n") else v) + "\0")
EOF
)
}
# editor_post PATH name=value…: posts the editor form last fetched (in $TMP/body) with the given fields replacing
# (or adding to) the form's own; the response in $BODY/$STATUS as post does
editor_post() {
  local p=$1; shift
  cp "$TMP/body" "$TMP/editor.html"
  form_args "$TMP/editor.html"
  local args=() kv skip n
  for kv in "${FORM[@]}"; do
    skip=0
    for n in "$@"; do [ "${kv%%=*}" = "${n%%=*}" ] && skip=1; done
    [ $skip = 1 ] || args+=("$kv")
  done
  post "$p" "${args[@]}" "$@"
}
# README's complete example (the first ```json block of its "Surveys" section)
example=$("$PYTHON" - "$ROOT/README.md" <<'EOF'
import sys
t = open(sys.argv[1], encoding="utf-8").read()
t = t[t.index("### Surveys"):]
print(t.split("```json\n", 1)[1].split("```", 1)[0], end="")
EOF
)

# --- the list, empty ---
get /hallinta/kyselyt
expect_eq "list: 200 for staff" "$STATUS" 200
expect_contains "list: says there are none" "$BODY" "Kyselyitä ei vielä ole."
expect_contains "list: a new survey link" "$BODY" 'href="/hallinta/kyselyt/uusi">Uusi kysely</a>'
expect_contains "list: the import form (file)" "$BODY" 'name="file"'
expect_contains "list: in the staff menu" "$BODY" '>Kyselyt</a>'
csrf=$(csrf_from "$BODY")

# --- import by paste: bad definitions show every error, by question and field, and keep the text ---
bad='{"key":"huono","title":{"fi":"Huono"},"questions":[{"key":"q1","type":"likert5","text":{"fi":"A"}},{"key":"q2","type":"single","text":{"fi":"B"},"options":[{"key":"a","text":{"fi":"Vain yksi"}}]},{"key":"q3","type":"number","text":{"fi":"C"},"min":"nolla"}]}'
post /hallinta/kyselyt/tuo "csrf=$csrf" "json=$bad"
expect_eq "import bad: 400" "$STATUS" 400
expect_contains "import bad: the summary" "$BODY" "Määrittelyä ei tuotu, koska siinä on virheitä:"
expect_contains "import bad: names question q2 and the field options" "$BODY" "q2"
expect_contains "import bad: the options error" "$BODY" "options"
expect_contains "import bad: the min error of q3" "$BODY" "min"
expect_contains "import bad: the pasted text kept (escaped)" "$BODY" '&quot;key&quot;:&quot;huono&quot;'
expect_contains "import bad: the textarea points at the errors" "$BODY" 'aria-describedby="h-json import-errors" aria-invalid="true"'
expect_eq "import bad: nothing stored" "$(q "SELECT COUNT(*) FROM survey")" 0
post /hallinta/kyselyt/tuo "csrf=$csrf" "json={\"key\": broken"
expect_eq "import broken JSON: 400" "$STATUS" 400
expect_contains "import broken JSON: kept" "$BODY" '{&quot;key&quot;: broken</textarea>'
post /hallinta/kyselyt/tuo "csrf=$csrf" "json=  "
expect_eq "import nothing: 400" "$STATUS" 400
expect_contains "import nothing: says what to do" "$BODY" "Valitse JSON-tiedosto tai liitä määrittely kenttään."
post /hallinta/kyselyt/tuo "csrf=0123456789abcdef" "json=$example"
expect_eq "import with a stale token: 403" "$STATUS" 403
expect_contains "import with a stale token: the text kept" "$BODY" "sparraus-alku"
expect_eq "import with a stale token: nothing stored" "$(q "SELECT COUNT(*) FROM survey")" 0

# --- import the README's example by paste, another by file ---
post /hallinta/kyselyt/tuo "csrf=$csrf" "json=$example"
expect_eq "import README example: 303" "$STATUS" 303
id=$(q "SELECT id FROM survey WHERE key = 'sparraus-alku'")
expect_eq "import README example: to its page" "$(header Location)" "/hallinta/kyselyt/$id?tuotu=1"
printf '%s' "${example/sparraus-alku/palaute}" | sed 's/"series": "sparraus",//; s/"phase": "before",//' >"$TMP/palaute.json"
STATUS=$(curl -s -o "$TMP/body" -D "$TMP/h" -w '%{http_code}' -b "$TMP/jar" -c "$TMP/jar" -F "csrf=$csrf" \
  -F "file=@$TMP/palaute.json;type=application/json" -F "json=" "$BASE/hallinta/kyselyt/tuo")
expect_eq "import by file: 303" "$STATUS" 303
id2=$(q "SELECT id FROM survey WHERE key = 'palaute'")
expect_eq "import by file: stored" "$(header Location)" "/hallinta/kyselyt/$id2?tuotu=1"

get /hallinta/kyselyt
expect_contains "list: the survey's key links to its page" "$BODY" "href=\"/hallinta/kyselyt/$id\">sparraus-alku</a>"
expect_contains "list: its title" "$BODY" "Sparrauksen alkukysely"
expect_contains "list: series / phase" "$BODY" "sparraus / ennen"
expect_contains "list: state open (no schedule)" "$BODY" "<td>Auki</td>"
get /sv/hallinta/kyselyt
expect_contains "list in Swedish: the Swedish title" "$BODY" "Enkät före sparringen"

# --- the survey's page and its JSON ---
get "/hallinta/kyselyt/$id?tuotu=1"
expect_eq "survey page: 200" "$STATUS" 200
expect_contains "survey page: imported notice" "$BODY" "Kysely tuotiin."
expect_contains "survey page: the key" "$BODY" "<code>sparraus-alku</code>"
expect_contains "survey page: link to results" "$BODY" "href=\"/hallinta/kyselyt/$id/tulokset\""
expect_contains "survey page: link to invitations" "$BODY" "href=\"/hallinta/kyselyt/$id/kutsut\""
expect_contains "survey page: link to the JSON" "$BODY" "href=\"/hallinta/kyselyt/$id/json\""
get "/hallinta/kyselyt/$id/json"
expect_eq "json: 200" "$STATUS" 200
expect_eq "json: a download named by the key" "$(header Content-Disposition)" 'attachment; filename="sparraus-alku.json"'
expect_contains "json: its type" "$(header Content-Type)" "application/json"
expect_eq "json: the same as kehto survey export" "$BODY" "$("$KEHTO" survey export "$id" --db "$DB")"
get /hallinta/kyselyt/999/json
expect_eq "json of no survey: 404" "$STATUS" 404
get /hallinta/kyselyt/999
expect_eq "page of no survey: 404" "$STATUS" 404

# --- preview: the respondent's form ---
get "/hallinta/kyselyt/$id/esikatselu"
expect_eq "preview: 200" "$STATUS" 200
survey=$(sed -n '/<div class="survey">/,/<\/main>/p' "$TMP/body")
expect_contains "preview: the banner" "$survey" "<strong>Esikatselu</strong>"
expect_contains "preview: the title" "$survey" "<h1>Sparrauksen alkukysely</h1>"
expect_contains "preview: a section as a heading" "$survey" "Kehittämistyö</h2>"
expect_contains "preview: a question as a fieldset with legend" "$survey" '<fieldset class="survey-q" id="sq-q1"><legend id="sql-q1">'
expect_contains "preview: likert radios named q1" "$survey" 'type="radio" id="sq-q1-5" name="q1" value="5"'
expect_contains "preview: labelled ends" "$survey" '<span class="scale-end high">Täysin samaa mieltä</span>'
expect_contains "preview: a matrix row named q3.r1" "$survey" 'name="q3.r1" value="1"'
expect_contains "preview: a matrix row as its own fieldset" "$survey" '<fieldset class="matrix-row" id="sq-q3.r1"><legend>'
expect_contains "preview: multiple choice as checkboxes named q4" "$survey" 'type="checkbox" id="sq-q4-a" name="q4" value="a"'
expect_contains "preview: the other text q4.other" "$survey" 'name="q4.other"'
expect_contains "preview: the condition in words" "$survey" 'Vastaa vain, jos vastasit kysymykseen ”Työpaikallamme kehitetään työtä yhdessä.” näin: 4 tai 5. Muuten vastaustasi ei oteta huomioon.'
expect_contains "preview: the condition for kehto.js, as on the respondent's form" "$survey" '<fieldset class="survey-q" id="sq-q4" data-show-if="q1" data-values="4 5"'
expect_contains "preview: scale10 from 0" "$survey" 'name="q6" value="0"'
expect_contains "preview: number with its range" "$survey" 'Luku väliltä 0–60'
expect_contains "preview: open text" "$survey" '<textarea id="sq-q8-value" name="q8"'
expect_contains "preview: required mark" "$survey" '(pakollinen)'
expect_lacks "preview: no submit button" "$survey" "<button"
expect_lacks "preview: no form to send" "$survey" "<form"
get "/en/hallinta/kyselyt/$id/esikatselu"
expect_contains "preview in English: the English text" "$BODY" "We develop our work together."
expect_contains "preview in English: Finnish standing in is marked" "$BODY" '<span class="q-text" lang="fi">Johto sitoutuu kehittämiseen.</span>'

# --- the editor: add, move, remove, errors beside fields, save ---
get "/hallinta/kyselyt/$id/muokkaa"
expect_eq "editor: 200" "$STATUS" 200
expect_contains "editor: the options as lines" "$BODY" "a|Työpajat|Verkstäder|Workshops"
expect_contains "editor: a question's key" "$BODY" 'name="q1_key" value="q1"'
expect_contains "editor: the condition" "$BODY" 'name="q4_cond_values" value="4, 5"'
editor_post "/hallinta/kyselyt/$id/muokkaa" op=add add_type=single
expect_eq "editor add: 200 (shown again)" "$STATUS" 200
expect_contains "editor add: a new question with a free key" "$BODY" 'name="q10_key" value="q9"'
expect_contains "editor add: of the chosen type" "$BODY" '<option value="single" selected>'
expect_contains "editor add: the button brings the page back at it" "$BODY" 'formaction="/hallinta/kyselyt/'"$id"'/muokkaa#qe-11"'
expect_eq "editor add: nothing saved" "$(q "SELECT COUNT(*) FROM survey WHERE id = $id AND definition LIKE '%\"q9\"%'")" 0
editor_post "/hallinta/kyselyt/$id/muokkaa" op=up-10 "q10_text=Uusi valinta" "q10_options=k|Kyllä"
expect_eq "editor move up: 200" "$STATUS" 200
expect_contains "editor move up: the new one is now 10th" "$BODY" 'name="q9_key" value="q9"'
expect_contains "editor move up: q8 after it" "$BODY" 'name="q10_key" value="q8"'
expect_contains "editor move up: its typed text kept" "$BODY" ">Uusi valinta</textarea>"
editor_post "/hallinta/kyselyt/$id/muokkaa" op=remove-2
expect_eq "editor remove: 200" "$STATUS" 200
expect_lacks "editor remove: q2 is gone" "$BODY" 'value="q2"'
expect_contains "editor remove: the rest move up" "$BODY" 'name="q2_key" value="q3"'
editor_post "/hallinta/kyselyt/$id/muokkaa" op=save
expect_eq "editor save with one option: 400" "$STATUS" 400
expect_contains "editor save: the error beside the options field" "$BODY" '<span class="error" id="e-q8_options">'
expect_contains "editor save: the field points at it" "$BODY" 'aria-describedby="h-q8_options e-q8_options" aria-invalid="true"'
expect_contains "editor save: the summary links to the field" "$BODY" 'href="#f-q8_options"'
expect_contains "editor save: the typed option kept" "$BODY" ">k|Kyllä</textarea>"
expect_eq "editor save with an error: nothing saved" "$(q "SELECT COUNT(*) FROM survey WHERE id = $id AND definition LIKE '%Uusi valinta%'")" 0
editor_post "/hallinta/kyselyt/$id/muokkaa" op=save "q8_options=k|Kyllä
e|Ei|Nej|No" "q0_text_sv=Utveckling"
expect_eq "editor save: 303" "$STATUS" 303
expect_eq "editor save: to the page" "$(header Location)" "/hallinta/kyselyt/$id?tallennettu=1"
"$KEHTO" survey export "$id" --db "$DB" >"$TMP/export.json"
keys=$("$PYTHON" -c 'import json,sys; print(" ".join(q.get("key","§") for q in json.load(open(sys.argv[1]))["questions"]))' "$TMP/export.json")
expect_eq "editor save: the questions in the new order, q2 removed" "$keys" "§ q1 q3 q4 § q5 q6 q7 q9 q8"
expect_contains "editor save: the new options stored" "$(cat "$TMP/export.json")" "Nej"
expect_contains "editor save: a translated section title stored" "$(cat "$TMP/export.json")" "Utveckling"

# every kind of mistake beside its own field, all at once, with everything typed kept
get "/hallinta/kyselyt/$id/muokkaa"
editor_post "/hallinta/kyselyt/$id/muokkaa" op=save q0_text= "q1_key=Huono avain" q7_min=nolla q3_cond_q=q99 \
  "q2_rows=r1|Aloittaminen
r1|Sama avain" q5_text=
expect_eq "editor many errors: 400" "$STATUS" 400
expect_contains "editor: a section without its title, beside it" "$BODY" 'id="e-q0_text"'
expect_contains "editor: a bad key, beside it" "$BODY" 'id="e-q1_key"'
expect_contains "editor: the bad key kept" "$BODY" 'value="Huono avain"'
expect_contains "editor: a question without text, beside it" "$BODY" 'id="e-q5_text"'
expect_contains "editor: a matrix row key twice, beside the rows" "$BODY" 'id="e-q2_rows"'
expect_contains "editor: a condition on no question, beside it" "$BODY" 'id="e-q3_cond_q"'
expect_contains "editor: the condition kept" "$BODY" 'name="q3_cond_q" value="q99"'
expect_contains "editor: a minimum that is no number, beside it" "$BODY" 'id="e-q7_min"'
expect_contains "editor: the minimum kept" "$BODY" 'name="q7_min" value="nolla"'
expect_eq "editor many errors: nothing saved" "$(q "SELECT COUNT(*) FROM survey WHERE id = $id AND definition LIKE '%q99%'")" 0

# a preview of what is typed, without saving, and back to the editor with all of it
get "/hallinta/kyselyt/$id/muokkaa"
editor_post "/hallinta/kyselyt/$id/muokkaa" op=preview "q1_text=Esikatseltava teksti"
expect_eq "unsaved preview: 200" "$STATUS" 200
expect_contains "unsaved preview: says it is not saved" "$BODY" "Tätä versiota ei ole tallennettu."
expect_contains "unsaved preview: the respondent's form with the new text" "$BODY" '<span class="q-text">Esikatseltava teksti</span>'
expect_contains "unsaved preview: the banner" "$BODY" "<strong>Esikatselu</strong>"
expect_contains "unsaved preview: carries what was typed" "$BODY" 'name="q1_text" value="Esikatseltava teksti"'
expect_eq "unsaved preview: nothing saved" "$(q "SELECT COUNT(*) FROM survey WHERE id = $id AND definition LIKE '%Esikatseltava%'")" 0
editor_post "/hallinta/kyselyt/$id/muokkaa" op=refresh
expect_eq "back to editing: 200" "$STATUS" 200
expect_contains "back to editing: the text kept" "$BODY" ">Esikatseltava teksti</textarea>"
expect_contains "back to editing: the other questions kept" "$BODY" 'name="q9_key" value="q8"'
editor_post "/hallinta/kyselyt/$id/muokkaa" op=preview q1_text=
expect_eq "unsaved preview of a bad definition: 400" "$STATUS" 400
expect_contains "unsaved preview of a bad definition: the error beside its field" "$BODY" 'id="e-q1_text"'

# a new survey in the editor
get /hallinta/kyselyt/uusi
expect_eq "new: 200" "$STATUS" 200
editor_post /hallinta/kyselyt/uusi op=add add_type=likert5 key=uusi-kysely title=Uusi
expect_contains "new add: q1 added" "$BODY" 'name="q0_key" value="q1"'
editor_post /hallinta/kyselyt/uusi op=save key=sparraus-alku "q0_text=Onko hyvä?"
expect_eq "new with a used key: 400" "$STATUS" 400
expect_contains "new with a used key: beside the key" "$BODY" 'id="e-key"'
expect_contains "new with a used key: the text kept" "$BODY" '>Onko hyvä?</textarea>'
editor_post /hallinta/kyselyt/uusi op=save key=uusi-kysely "q0_text=Onko hyvä?"
expect_eq "new: saved 303" "$STATUS" 303
new=$(q "SELECT id FROM survey WHERE key = 'uusi-kysely'")
expect_eq "new: to its page" "$(header Location)" "/hallinta/kyselyt/$new?luotu=1"
stale_post /hallinta/kyselyt/uusi "new survey" "vanha-kysely" "SELECT COUNT(*) FROM survey WHERE key = 'vanha-kysely'" \
  op=save key=vanha-kysely title=Vanha nq=1 q0_key=q1 q0_type=text "q0_text=Mitä?"

# --- schedule in Finnish dates and times ---
get "/hallinta/kyselyt/$id"
csrf=$(csrf_from "$BODY")
post "/hallinta/kyselyt/$id/aikataulu" "csrf=$csrf" opens_day=1.12.2025 opens_time= closes_day=22.11.2036 closes_time=16.30
expect_eq "schedule: 303" "$STATUS" 303
expect_eq "schedule: opens at the Finnish midnight (winter: UTC+2)" "$(q "SELECT opens_at FROM survey WHERE id = $id")" "2025-11-30T22:00:00Z"
expect_eq "schedule: closes at the time given" "$(q "SELECT closes_at FROM survey WHERE id = $id")" "2036-11-22T14:30:00Z"
get "/hallinta/kyselyt/$id"
expect_contains "schedule: shown as typed" "$BODY" 'name="closes_day" value="22.11.2036"'
expect_contains "schedule: the time as typed" "$BODY" 'name="closes_time" value="16.30"'
expect_contains "schedule: the state" "$BODY" "Auki 22.11.2036 klo 16.30 asti"
post "/hallinta/kyselyt/$id/aikataulu" "csrf=$csrf" opens_day=1.6.2026 closes_day=2026-12-31
expect_eq "schedule summer day and ISO day: 303" "$STATUS" 303
expect_eq "schedule: summer time (UTC+3)" "$(q "SELECT opens_at FROM survey WHERE id = $id")" "2026-05-31T21:00:00Z"
expect_eq "schedule: a day without time closes at its end" "$(q "SELECT closes_at FROM survey WHERE id = $id")" "2026-12-31T22:00:00Z"
get "/hallinta/kyselyt/$id"
expect_contains "schedule: the end shown as that day" "$BODY" 'name="closes_day" value="31.12.2026"'
expect_contains "list: open until that day" "$BODY" "Auki 31.12.2026 asti"
post "/hallinta/kyselyt/$id/aikataulu" "csrf=$csrf" opens_day=31.2.2026 opens_time=25.00 closes_day=huomenna
expect_eq "schedule bad dates: 400" "$STATUS" 400
expect_contains "schedule bad day: beside the field" "$BODY" '<span class="error" id="e-opens_day">Kirjoita päivä muodossa 22.11.2026.</span>'
expect_contains "schedule bad time: beside the field" "$BODY" '<span class="error" id="e-opens_time">Kirjoita kellonaika muodossa 14.30.</span>'
expect_contains "schedule bad closing day" "$BODY" 'id="e-closes_day"'
expect_contains "schedule bad: what was typed kept" "$BODY" 'name="closes_day" value="huomenna"'
expect_eq "schedule bad: unchanged" "$(q "SELECT opens_at FROM survey WHERE id = $id")" "2026-05-31T21:00:00Z"
post "/hallinta/kyselyt/$id/aikataulu" "csrf=$csrf" opens_day= opens_time=10.00 closes_day=
expect_eq "schedule time without day: 400" "$STATUS" 400
expect_contains "schedule time without day: asks for the day" "$BODY" "Kirjoita myös päivä, muodossa 22.11.2026."
post "/hallinta/kyselyt/$id/aikataulu" "csrf=$csrf" opens_day=10.12.2026 closes_day=1.12.2026
expect_eq "schedule closing before opening: 400" "$STATUS" 400
expect_contains "schedule closing before opening: shown by the closing day" "$BODY" 'id="e-closes_day"'
post "/hallinta/kyselyt/$id/aikataulu" "csrf=$csrf" opens_day= closes_day=
expect_eq "schedule cleared: 303" "$STATUS" 303
expect_eq "schedule cleared: no limits" "$(q "SELECT COALESCE(opens_at, 'none') || COALESCE(closes_at, 'none') FROM survey WHERE id = $id")" "nonenone"

# --- open link and publishing ---
post "/hallinta/kyselyt/$id/avoin" "csrf=$csrf" on=1
expect_eq "open link on: 303" "$STATUS" 303
code=$(q "SELECT open_code FROM survey WHERE id = $id")
check "open link on: a code" test -n "$code"
get "/hallinta/kyselyt/$id"
expect_contains "open link: the full link shown" "$BODY" "$BASE/kysely/avoin/$code"
post "/hallinta/kyselyt/$id/avoin" "csrf=$csrf" on=0
expect_eq "open link off: 303" "$STATUS" 303
expect_eq "open link off: no code" "$(q "SELECT COALESCE(open_code, 'none') FROM survey WHERE id = $id")" "none"
get "/hallinta/kyselyt/$id"
expect_lacks "open link off: not shown" "$BODY" "/kysely/avoin/"
post "/hallinta/kyselyt/$id/julkaisu" "csrf=$csrf" on=1
expect_eq "publish: 303" "$STATUS" 303
expect_eq "publish: public" "$(q "SELECT results_public FROM survey WHERE id = $id")" 1
get "/hallinta/kyselyt/$id"
expect_contains "publish: the page says so" "$BODY" "Peru tulosten julkaisu"
post "/hallinta/kyselyt/$id/julkaisu" "csrf=$csrf" on=0
expect_eq "unpublish: not public" "$(q "SELECT results_public FROM survey WHERE id = $id")" 0

# --- copy ---
post "/hallinta/kyselyt/$id/kopioi" "csrf=$csrf" new_key=sparraus-loppu copy_series=
expect_eq "copy: 303" "$STATUS" 303
cid=$(q "SELECT id FROM survey WHERE key = 'sparraus-loppu'")
expect_eq "copy: to the copy's page" "$(header Location)" "/hallinta/kyselyt/$cid?kopio=1"
expect_eq "copy: in the same series" "$(q "SELECT COUNT(*) FROM survey WHERE id IN ($id, $cid) GROUP BY series_id")" 2
post "/hallinta/kyselyt/$id/kopioi" "csrf=$csrf" new_key=palaute-2 copy_noseries=1
expect_eq "copy without series: 303" "$STATUS" 303
expect_eq "copy without series: none" "$(q "SELECT COALESCE(series_id, 0) FROM survey WHERE key = 'palaute-2'")" 0
post "/hallinta/kyselyt/$id/kopioi" "csrf=$csrf" new_key=sparraus-loppu
expect_eq "copy to a used key: 400" "$STATUS" 400
expect_contains "copy to a used key: beside the field" "$BODY" 'id="e-new_key"'
expect_contains "copy to a used key: typed kept" "$BODY" 'name="new_key" value="sparraus-loppu"'
post "/hallinta/kyselyt/$id/kopioi" "csrf=$csrf" new_key=
expect_eq "copy without key: 400" "$STATUS" 400
expect_contains "copy without key: asks for it" "$BODY" "Kirjoita kopion avain."

# --- delete with confirmation ---
post "/hallinta/kyselyt/$cid/poista" "csrf=$csrf"
expect_eq "delete: asks first (200)" "$STATUS" 200
expect_contains "delete: the confirmation" "$BODY" "Poistetaanko kysely?"
expect_eq "delete: not yet" "$(q "SELECT COUNT(*) FROM survey WHERE id = $cid")" 1
post "/hallinta/kyselyt/$cid/poista" "csrf=$csrf" confirm=1
expect_eq "delete confirmed: 303" "$STATUS" 303
expect_eq "delete confirmed: to the list" "$(header Location)" "/hallinta/kyselyt?poistettu=1"
expect_eq "delete confirmed: gone" "$(q "SELECT COUNT(*) FROM survey WHERE id = $cid")" 0

# --- answers lock keys and types, and keep the survey ---
q "INSERT INTO survey_response(id, survey_id, answered_on, via) VALUES (1, $id, '2026-12-01', 'open');
  INSERT INTO survey_answer(response_id, question, item, num) VALUES (1, 'q1', '', 4);"
get "/hallinta/kyselyt/$id/muokkaa"
expect_contains "answered: the editor says keys and types are locked" "$BODY" "Kyselyyn on jo vastattu"
expect_lacks "answered: no key field for q1" "$BODY" 'type="text" id="f-q1_key"'
expect_contains "answered: q1's key shown as locked" "$BODY" 'Lukittu, koska kyselyyn on vastattu: avain <code>q1</code>'
expect_lacks "answered: no remove button for q1" "$BODY" 'value="remove-1"'
editor_post "/hallinta/kyselyt/$id/muokkaa" op=remove-1
expect_eq "answered: removing q1 refused (400)" "$STATUS" 400
expect_contains "answered: says why" "$BODY" "Kysymykseen on vastattu, joten sitä ei voi poistaa."
editor_post "/hallinta/kyselyt/$id/muokkaa" op=save q1_type=text
expect_eq "answered: changing q1's type refused (400)" "$STATUS" 400
expect_eq "answered: the type unchanged" "$("$KEHTO" survey export "$id" --db "$DB" | "$PYTHON" -c 'import json,sys; print([q for q in json.load(sys.stdin)["questions"] if q.get("key")=="q1"][0]["type"])')" likert5
get "/hallinta/kyselyt/$id/muokkaa"
editor_post "/hallinta/kyselyt/$id/muokkaa" op=save "q1_text=Uusi teksti"
expect_eq "answered: texts may change (303)" "$STATUS" 303
get "/hallinta/kyselyt/$id"
expect_contains "answered: the page says it cannot be deleted" "$BODY" "Kyselyyn on vastattu, joten sitä ei voi poistaa."
post "/hallinta/kyselyt/$id/poista" "csrf=$csrf" confirm=1
expect_eq "answered: delete refused (400)" "$STATUS" 400
expect_eq "answered: still there" "$(q "SELECT COUNT(*) FROM survey WHERE id = $id")" 1

# --- a long list comes in pages ---
q "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 55)
  INSERT INTO survey(key, title, definition, created_at, updated_at)
  SELECT 'sivu-' || i, 'Sivutus ' || i, (SELECT definition FROM survey WHERE id = $id), '2026-01-01T00:00:00Z',
  '2026-01-01T00:00:00Z' FROM n;"
get /hallinta/kyselyt
expect_contains "list: the first page of two" "$BODY" "Sivu 1/2"
get "/hallinta/kyselyt?page=2"
expect_contains "list: the second page" "$BODY" "Sivu 2/2"
expect_contains "list: the oldest on the last page" "$BODY" "sparraus-alku"

# --- an evaluator may use the pages; a contact and an anonymous visitor may not ---
rm -f "$TMP/jar"
login arvioija@example.fi vihrea-kettu-93-Rq
get /hallinta/kyselyt
expect_eq "evaluator: the list" "$STATUS" 200
expect_contains "evaluator: sees the surveys" "$BODY" "Sivutus 55"
get "/hallinta/kyselyt/$id/esikatselu"
expect_eq "evaluator: the preview" "$STATUS" 200
get "/hallinta/kyselyt/$id"
post "/hallinta/kyselyt/$id/julkaisu" "csrf=$(csrf_from "$BODY")" on=1
expect_eq "evaluator: may publish" "$STATUS" 303
expect_eq "evaluator: published" "$(q "SELECT results_public FROM survey WHERE id = $id")" 1
rm -f "$TMP/jar"
login contact@example.fi vihrea-kettu-93-Rq
for p in /hallinta/kyselyt "/hallinta/kyselyt/$id" "/hallinta/kyselyt/$id/muokkaa" "/hallinta/kyselyt/$id/json" \
  "/hallinta/kyselyt/$id/esikatselu" /hallinta/kyselyt/uusi; do
  get "$p"
  expect_eq "$p as a contact: 403" "$STATUS" 403
done
rm -f "$TMP/jar"
get /hallinta/kyselyt
expect_eq "anonymous: sent to log in" "$STATUS" 303
get "/hallinta/kyselyt/$id/json"
expect_eq "anonymous json: sent to log in" "$STATUS" 303

finish
