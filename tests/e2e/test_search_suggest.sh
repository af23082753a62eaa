# End-to-end: the search box's suggestions (/tekot/ehdotukset, /api/v1/deeds/suggest) on the judged set of
# tests/search: completions of a prefix in the page's language, none for one letter, bad input answered without harm;
# the page's word when a compound found nothing as it is and its parts are searched for; "Tarkoititko:" on the deeds
# page for a misspelt word only, in three languages, keeping the filters; the dictionary translation said for a
# Swedish or English word the thesaurus lacks; the Swedish and English pages (and the API's ?lang=) find the Finnish
# deeds for Swedish and English words; the box without the script is a plain form.
source "$(dirname "$0")/lib.sh"
init_db
OUT=$("$KEHTO" import deeds "$E2E_ROOT/tests/search/deeds.csv" --db "$DB" 2>&1)
expect_contains "the set's deeds import" "$OUT" "Imported 165 deeds"
start_server

# items JSON: how many strings a JSON array of strings has (in bash: no process per check)
items() {
  local s=${1//\",\"/$'\x01'}
  [ "$1" = "[]" ] && { echo 0; return; }
  s=${s//[^$'\x01']/}
  echo $((${#s} + 1))
}

get "/tekot/ehdotukset?q=ty%C3%B6hyv"
expect_eq "suggestions: 200" "$STATUS" 200
expect_eq "as JSON" "$(header Content-Type)" "application/json; charset=utf-8"
expect_eq "kept by the browser for a minute, privately" "$(header Cache-Control)" "private, max-age=60"
expect_contains "työhyv is completed to työhyvinvointi first" "$BODY" '["työhyvinvointi",'
n=$(items "$BODY")
check "between 2 and 8 suggestions ($n)" test "$n" -ge 2 -a "$n" -le 8
web=$BODY
get "/api/v1/deeds/suggest?q=ty%C3%B6hyv"
expect_eq "the API gives the same suggestions" "$BODY" "$web"
expect_eq "the API's are cached the same way" "$(header Cache-Control)" "private, max-age=60"
get "/tekot/ehdotukset?q=kotihoidon%20ty%C3%B6"
expect_contains "the last word is completed, the words before it kept" "$BODY" '"kotihoidon työ'
lacks "$BODY" '","työ' && ok "every suggestion keeps the words before" || not_ok "every suggestion keeps the words before" "$BODY"
get "/tekot/ehdotukset?q=tyohyv"
expect_contains "typed without ä and ö (tyohyv), still työhyvinvointi first" "$BODY" '["työhyvinvointi",'
get "/tekot/ehdotukset?q=kotihoidon%20tyohyv"
expect_contains "also as the last word" "$BODY" '"kotihoidon työhyvinvointi'
get "/tekot/ehdotukset?q=kotihoi"
n=$(items "$BODY")
check "a common prefix gives at most 8 ($n)" test "$n" -ge 1 -a "$n" -le 8

get "/tekot/ehdotukset?q=t"
expect_eq "one letter: none" "$BODY" "[]"
for mark in %3C %3E %7E %23 %3C%7E; do # the index's marked terms (<työ, >hyvinvointi, ~kehittää, #kuusi, <~kehittää)
  get "/tekot/ehdotukset?q=${mark}ty%C3%B6"
  expect_eq "a mark typed before a word ($mark) suggests none of the index's marked terms" "$BODY" "[]"
done
get "/api/v1/deeds/suggest?q=%3C%7E"
expect_eq "nor through the API" "$BODY" "[]"
get "/tekot/ehdotukset?q=kotihoidon%20t"
expect_eq "a last word of one letter: none" "$BODY" "[]"
get "/tekot/ehdotukset"
expect_eq "no q: none" "$STATUS $BODY" "200 []"
get "/tekot/ehdotukset?q=$(printf 'ty%%C3%%B6%.0s' $(seq 70))"
expect_eq "q over 200 bytes: none" "$STATUS $BODY" "200 []"
get "/tekot/ehdotukset?q=%FF%FEty"
expect_eq "invalid UTF-8: 400" "$STATUS" 400
get "/api/v1/deeds/suggest?q=%C3"
expect_eq "invalid UTF-8 to the API: 400" "$STATUS" 400
expect_eq "with a JSON error" "$BODY" '{"error":"the request is not valid: its address or a parameter is not UTF-8"}'
get "/tekot/ehdotukset?q=%22%5D%3C%2Fscript%3E%5C%00%01zz"
expect_eq "quotes, brackets, a backslash and control characters: a JSON answer" "$STATUS $(header Content-Type)" \
  "200 application/json; charset=utf-8"
check "which is valid JSON, a list of strings" "$PYTHON" -c \
  'import json,sys; v=json.loads(sys.argv[1]); assert isinstance(v, list) and all(isinstance(s, str) for s in v)' "$BODY"
get "/tekot/ehdotukset?q=ty%C3%B6hyv"
expect_eq "the server answers after the bad requests" "$BODY" "$web"

# the page's language: Swedish and English words are suggested on those pages and through ?lang=
get "/sv/tekot/ehdotukset?q=hemv"
expect_contains "the Swedish page suggests hemvård" "$BODY" '"hemvård"'
get "/api/v1/deeds/suggest?q=hemv&lang=sv"
expect_contains "the API with lang=sv too" "$BODY" '"hemvård"'
get "/api/v1/deeds/suggest?q=home%20ca&lang=en"
expect_contains "the API with lang=en: home care" "$BODY" '"home care'
get "/api/v1/deeds/suggest?q=hemv&lang=de"
expect_eq "another lang: 400" "$STATUS" 400
expect_eq "naming the parameter" "$BODY" '{"error":"parameter lang must be fi, sv or en"}'
get /api/v1/openapi.json
expect_contains "openapi.json describes the suggestions" "$BODY" '"/api/v1/deeds/suggest": {'

# a compound whose words find nothing as they are: the deeds of its parts, and the page says so
get "/tekot?q=saattohoitoty%C3%B6"
expect_contains "a compound found only by its parts: said" "$BODY" \
  '<p class="broadened">Hakusanoilla sellaisenaan ei löytynyt tekoja. Alla ovat teot, joissa on yhdyssanan osia.</p>'
expect_lacks "with deeds" "$BODY" "Yhtään tekoa ei löytynyt"
get "/tekot?q=ty%C3%B6hyvinvointi"
expect_lacks "a word found as it is: not said" "$BODY" 'class="broadened"'

# "Tarkoititko:" for a misspelt word, with the same filters; not for a word the index knows
get "/tekot?q=ty%C3%B6hyvinvionti"
expect_contains "a misspelt word: Tarkoititko with a link" "$BODY" \
  '<p class="didyoumean">Tarkoititko: <a href="/tekot?q=ty%C3%B6hyvinvointi">työhyvinvointi</a></p>'
expect_lacks "and results anyway" "$BODY" "Yhtään tekoa ei löytynyt"
get "/tekot?q=ty%C3%B6hyvinvionti&sector=koko"
expect_contains "the link keeps the filters" "$BODY" 'href="/tekot?q=ty%C3%B6hyvinvointi&amp;sector=koko">työhyvinvointi</a>'
get "/tekot?q=ty%C3%B6hyvinvointi"
expect_lacks "a correct word: no Tarkoititko" "$BODY" "didyoumean"
get "/sv/tekot?q=ty%C3%B6hyvinvionti"
expect_contains "in Swedish: Menade du" "$BODY" 'Menade du: <a href="/sv/tekot?q=ty%C3%B6hyvinvointi">'
get "/en/tekot?q=ty%C3%B6hyvinvionti"
expect_contains "in English: Did you mean" "$BODY" 'Did you mean: <a href="/en/tekot?q=ty%C3%B6hyvinvointi">'

# a Swedish or English word the thesaurus lacks: the FreeDict translation searched for, and said on the page
# (eldsvåda and conflagration, a fire: spis and stove became thesaurus words in its eighth round)
get "/sv/tekot?q=eldsv%C3%A5da"
expect_contains "a Swedish word of the dictionary finds the Finnish deed" "$BODY" \
  "Paloturvallisuus kotihoidon asiakkaiden kodeissa"
expect_contains "and the page says which translation was searched for" "$BODY" \
  '<p class="translated">Sökningen omfattar en ordboksöversättning: <span lang="fi">tulipalo</span></p>'
get "/en/tekot?q=conflagration"
expect_contains "in English" "$BODY" 'The search includes a dictionary translation: <span lang="fi">tulipalo</span>'
expect_contains "with its deed" "$BODY" "Paloturvallisuus kotihoidon asiakkaiden kodeissa"
get "/sv/tekot?q=hemv%C3%A5rd"
expect_lacks "a word of the thesaurus: no dictionary line" "$BODY" 'class="translated"'

# the Swedish and English pages and the API find the Finnish deeds on home care
get "/sv/tekot?q=hemv%C3%A5rd"
expect_contains "the Swedish page finds a Finnish deed for hemvård" "$BODY" "Kotihoidon toiminnanohjaus tasaa työkuormaa"
get "/en/tekot?q=home%20care"
expect_contains "the English page finds it for home care" "$BODY" "Kotihoidon toiminnanohjaus tasaa työkuormaa"
get "/api/v1/deeds?q=hemv%C3%A5rd&lang=sv&limit=100"
expect_contains "the API with lang=sv finds it too" "$BODY" '"title":"Kotihoidon toiminnanohjaus tasaa työkuormaa"'
expect_contains "with names in Swedish" "$BODY" '"sector":"Social- och hälsovård"'
get "/api/v1/deeds?q=hemv%C3%A5rd&lang=fi"
expect_contains "lang=fi: names in Finnish" "$BODY" '"sector":"Sosiaali- ja terveysala"'
get "/api/v1/deeds?lang=xx"
expect_eq "the deeds API refuses another lang with 400" "$STATUS $BODY" '400 {"error":"parameter lang must be fi, sv or en"}'

# the box: a plain form with the list for the script, in the page's language; the script served
get /
expect_contains "the front page's box asks the page's suggestions" "$BODY" 'class="search" data-suggest="/tekot/ehdotukset">'
expect_contains "with an empty listbox, hidden" "$BODY" '<ul id="q-options" role="listbox" aria-label="Hakuehdotukset" hidden></ul>'
expect_contains "a status line for the count" "$BODY" 'role="status" data-one="ehdotus" data-many="ehdotusta"></p>'
expect_lacks "no combobox role without the script" "$BODY" 'role="combobox"'
get /sv/tekot
expect_contains "the Swedish page's box asks in Swedish" "$BODY" 'data-suggest="/sv/tekot/ehdotukset"'
expect_contains "its words in Swedish" "$BODY" 'aria-label="Sökförslag" hidden></ul>'
get /static/suggest.js
expect_eq "the script is served" "$STATUS $(header Content-Type)" "200 text/javascript; charset=utf-8"
expect_contains "it is the combobox" "$BODY" "setAttribute('role', 'combobox')"
finish
