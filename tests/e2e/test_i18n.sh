# End-to-end: the Swedish and English catalogs cover the layout, the error pages, the forms, the deeds pages and
# the login page: every T(r, "…") and N_("…") in those files and every message deed_validate can show has an entry
# in locale/sv.po and locale/en.po; msgfmt accepts both catalogs; the pages come out in Swedish and English.
source "$(dirname "$0")/lib.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)

# Files whose user-visible strings must be translated (T(r, "…") literals and N_("…") marks).
UI_FILES="src/web/layout.c src/web/web.c src/web/form.c src/web/routes.c src/web/server.c
  src/web/pages/deeds.c src/web/pages/deed.c src/web/pages/deed_form.c src/web/pages/home.c src/web/pages/login.c
  src/web/pages/applications.c src/web/pages/services.c src/web/pages/stats.c src/web/pages/accounts.c"
# Model files whose N_("…") messages reach those pages, and whose check_text() labels make the field messages.
MODEL_FILES="src/model/deed.c src/model/user.c src/model/password.c src/model/application.c src/model/service.c src/report/report.c
  src/report/export.c src/model/mail.c src/model/outbox.c"

# The outbox's staff pages and the messages its model shows there (mail, #11).
UI_FILES="$UI_FILES src/web/pages/outbox.c"
MODEL_FILES="$MODEL_FILES src/model/outbox.c"
# The roll call, the QR code and the public sign-in, and the messages of the participant changes (#12).
UI_FILES="$UI_FILES src/web/pages/sessions.c"
MODEL_FILES="$MODEL_FILES src/model/roster.c"
# The evaluation report and its editor, and the messages of its model (#13).
UI_FILES="$UI_FILES src/web/pages/evaluation.c"
MODEL_FILES="$MODEL_FILES src/model/evaluation.c"
# The surveys' staff pages and the respondent's form they share with the answer pages (#13).
UI_FILES="$UI_FILES src/web/pages/surveys.c src/web/survey_form.c"
# Answering surveys, a survey's invitation page, and the messages of their model (#13).
UI_FILES="$UI_FILES src/web/pages/answer.c"
MODEL_FILES="$MODEL_FILES src/model/survey_answer.c"
# A survey's results, its downloads and the paired change (#13).
UI_FILES="$UI_FILES src/web/pages/survey_results.c"
MODEL_FILES="$MODEL_FILES src/report/survey_export.c src/report/sav.c"
# The awards' jury: its pages, its API's page strings and the messages of its model (#14).
UI_FILES="$UI_FILES src/web/pages/jury.c"
MODEL_FILES="$MODEL_FILES src/model/award_jury.c"
# The published awards, a deed's award, the "Palkittu" facet and the winners' email (#14).
UI_FILES="$UI_FILES src/web/pages/awards.c"
MODEL_FILES="$MODEL_FILES src/model/award_public.c"

# The awards' staff pages and the public suggestion form, and the messages of their models (#14).
UI_FILES="$UI_FILES src/web/pages/awards_admin.c"
MODEL_FILES="$MODEL_FILES src/model/award_edit.c src/model/award_nomination.c"
# Publications and videos, their staff pages, and the messages of their models (#15).
UI_FILES="$UI_FILES src/web/pages/publications.c src/web/pages/videos.c"
MODEL_FILES="$MODEL_FILES src/model/publication.c src/model/video.c"
# The programme's own pages, the staff's page editor and the main menu's order, and their model's messages (#15).
UI_FILES="$UI_FILES src/web/pages/sitepages.c"
MODEL_FILES="$MODEL_FILES src/model/sitepage.c"

# The events calendar, its staff pages and the messages of its model (#15).
UI_FILES="$UI_FILES src/web/pages/events.c"
MODEL_FILES="$MODEL_FILES src/model/event.c"

# News: the public pages, the staff's editor, and the messages of its model and of the image check (#15).
UI_FILES="$UI_FILES src/web/pages/news.c"
MODEL_FILES="$MODEL_FILES src/model/news.c src/model/media.c"

# The budget's staff page and the messages of its model (#16).
UI_FILES="$UI_FILES src/web/pages/budget.c"
MODEL_FILES="$MODEL_FILES src/model/budget.c"

# The narrative reports' staff page and the messages of their model and report (#16).
UI_FILES="$UI_FILES src/web/pages/reports.c"
MODEL_FILES="$MODEL_FILES src/model/report_template.c src/report/narrative.c"

# The thesaurus's staff page and the messages of its model (#17).
UI_FILES="$UI_FILES src/web/pages/thesaurus.c"
MODEL_FILES="$MODEL_FILES src/model/thesaurus.c"
# The page pieces several pages share: the search box and its suggestions' list and count among them (#17).
UI_FILES="$UI_FILES src/web/widgets.c"

# Prints every msgid the files need, one a line (newlines inside a msgid written as \n).
msgids() {
  (cd "$ROOT" && "$PYTHON" - "$UI_FILES" "$MODEL_FILES" <<'EOF'
import re, sys
LIT = r'"(?:[^"\\]|\\.)*"'
SEQ = r'((?:\s*' + LIT + r')+)'  # adjacent literals, as C joins them
def text(seq):
    s = "".join(re.findall(LIT, seq))
    s = re.sub(r'"\s*"', '', s)[1:-1]
    return s.replace('\\"', '"').replace('\\\\', '\\')
need = set()
ui, model = sys.argv[1].split(), sys.argv[2].split()
for f in ui + model:
    src = open(f, encoding="utf-8").read()
    pat = (r'\bT\(r,' + SEQ + r'\s*\)|' if f in ui else '') + r'\bN_\(' + SEQ + r'\s*\)'
    for m in re.finditer(pat, src):
        need.add(text(m.group(1) or m.group(m.lastindex)))
# deed_validate: check_text(value, "field", "Label", max, required, e) makes "Label puuttuu." when required can be
# true and "Label on liian pitkä (enintään N merkkiä)." always; T() looks the latter up with {n} for the number.
for m in re.finditer(r'check_text\([^,]+,\s*"[^"]*",\s*"([^"]*)",\s*[^,]+,\s*([^,]+),\s*e\)',
                     open("src/model/deed.c", encoding="utf-8").read()):
    if m.group(2).strip() != "0":
        need.add(m.group(1) + " puuttuu.")
    need.add(m.group(1) + " on liian pitkä (enintään {n} merkkiä).")
for s in sorted(need):
    print(s.replace("\n", "\\n"))
EOF
  )
}

# Prints the msgids of a catalog that have a non-empty msgstr, one a line.
catalog() {
  "$PYTHON" - "$1" <<'EOF'
import re, sys
def unq(lines):
    return "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', lines)).replace('\\"', '"').replace('\\\\', '\\')
src = open(sys.argv[1], encoding="utf-8").read()
for m in re.finditer(r'^msgid ((?:"(?:[^"\\]|\\.)*"\s*)+)msgstr ((?:"(?:[^"\\]|\\.)*"\s*)+)', src, re.M):
    if unq(m.group(1)) and unq(m.group(2)):
        print(unq(m.group(1)))
EOF
}

msgids >"$TMP/need"
check "found the strings to translate" test "$(wc -l <"$TMP/need")" -gt 100
for lang in sv en; do
  catalog "$ROOT/locale/$lang.po" | sort -u >"$TMP/have.$lang"
  missing=$(sort -u "$TMP/need" | comm -23 - "$TMP/have.$lang")
  if [ -z "$missing" ]; then ok "every msgid is in locale/$lang.po"
  else not_ok "every msgid is in locale/$lang.po"; sed "s/^/    missing: /" <<<"$missing"; fi
  if command -v msgfmt >/dev/null; then
    check "msgfmt --check-format accepts locale/$lang.po" msgfmt --check-format -o /dev/null "$ROOT/locale/$lang.po"
  else
    echo "ok # skip msgfmt not installed"
  fi
done

# --- the pages in Swedish and English ---
init_db
demo_db
start_server
for lang in sv en; do
  for p in / /tekot "/tekot?q=ty%C3%B6hyvinvointi&sector=sote" /tekot/1 /tekot/uusi /tekot/kiitos /kirjaudu /ei-ole \
    /palvelut /valmentajat; do
    get "/$lang$p"
    # the deeds' own Finnish text (marked lang="fi": titles, snippets) is content, not interface
    ui=$("$PYTHON" -c 'import re,sys; print(re.sub(r"<(\w+)[^>]* lang=\"fi\"[^>]*>.*?</\1>", "", sys.stdin.read(), flags=re.S))' <<<"$BODY")
    untranslated=$(grep -oE 'Hae tekoja|Rajaa tuloksia|Toimiala|Tiivistelmä|Julkaise teko|Kirjaudu|Sivua ei löytynyt|Etusivu|Seuraava|Pakollinen|pakollinen|Lähetä teko|Tulokset' <<<"$ui" | sort -u | tr '\n' ' ')
    expect_eq "/$lang$p has no Finnish interface words" "$untranslated" ""
  done
done
get /sv/tekot
expect_contains "Swedish sector names in the facets" "$BODY" "Social- och hälsovård"
get /en/
expect_contains "English funding period label" "$BODY" "(ESF S20190)"

# validation messages on /sv/tekot/uusi and /en/tekot/uusi, fixed and with a number
long=$(head -c 1000 /dev/zero | tr '\0' 'x')
for lang in sv en; do
  rm -f "$TMP/jar"
  get /$lang/tekot/uusi; tok=$(csrf_from "$BODY")
  post /$lang/tekot/uusi "csrf=$tok" "title=" "organisation=Testikunta" "municipality=091" "sector=sote" "year=2019" \
    "goal=G" "results=R" "contact_name=N" "contact_email=n@example.fi"
  expect_eq "$lang: empty title is 422" "$STATUS" 422
  msg=$(sed -n 's/.*id="e-title">\([^<]*\)<.*/\1/p' <<<"$BODY")
  check "$lang: title message is translated ($msg)" test -n "$msg" -a "$msg" != "Otsikko puuttuu."
  post /$lang/tekot/uusi "csrf=$tok" "title=$long" "organisation=Testikunta" "municipality=091" "sector=sote" \
    "year=2019" "goal=G" "results=R" "contact_name=N" "contact_email=n@example.fi"
  msg=$(sed -n 's/.*id="e-title">\([^<]*\)<.*/\1/p' <<<"$BODY")
  check "$lang: too-long message is translated with its number ($msg)" \
    bash -c "[[ '$msg' =~ [0-9]{3} && '$msg' != *pitkä* ]]"
  post /$lang/tekot/uusi "csrf=$tok" "title=T" "organisation=Testikunta" "municipality=091" "sector=sote" \
    "year=1999" "goal=G" "results=R" "contact_name=N" "contact_email=n@example.fi"
  msg=$(sed -n 's/.*id="e-year">\([^<]*\)<.*/\1/p' <<<"$BODY")
  check "$lang: year message is translated ($msg)" test -n "$msg" -a "$msg" != "Vuoden pitää olla välillä 2000–2100."
done
get /sv/tekot/uusi; tok=$(csrf_from "$BODY")
post /sv/tekot/uusi "csrf=$tok" "title=$long" "organisation=Testikunta" "municipality=091" "sector=sote" \
  "year=2019" "goal=G" "results=R" "contact_name=N" "contact_email=n@example.fi"
expect_contains "Swedish too-long message keeps the number" "$BODY" 'id="e-title">Rubriken är för lång (högst 200 tecken).'

finish
