# End-to-end: content in three languages (programme texts, goals, periods, services, themes) edited by staff and shown
# in Swedish and English with the Finnish standing in (lang="fi"); the accessibility statement and privacy notice
# (public in three languages, linked from every footer, edited by staff, cached and dropped); the one pager parameter;
# login keeping "Hae palvelua"'s service, and refusing a next that leaves the site.
source "$(dirname "$0")/lib.sh"
init_db
demo_db
add_staff
add_staff contact@example.fi contact 1 # a demo organisation
start_server
PW=vihrea-kettu-93-Rq
period=$(q "SELECT id FROM funding_period ORDER BY start_year DESC LIMIT 1")

# --- the demo's translations on the public pages ---
get /sv/
expect_contains "Swedish front page: the programme's Swedish name" "$BODY" '<h1>Kunteko 2020 – utvecklingsprogrammet'
expect_contains "Swedish front page: a Swedish goal" "$BODY" '<li>Synliggöra utvecklingsarbetet i kommunerna.</li>'
get /sv/tilastot
expect_contains "Swedish statistics: the periods' Swedish names in the period choice" "$BODY" '1:a finansieringsperioden 2015–2017'
out=$("$KEHTO" stats --db "$DB" --format csv --lang en --table org_type --period 1)
expect_contains "kehto stats --lang en: the period's English name in the file" "$out" 'Period;1st funding period 2015–2017'
get /en/palvelut
expect_contains "English catalogue: a translated service" "$BODY" '>Coaching for work communities 2018–2020</a>'
expect_contains "English catalogue: an untranslated service in Finnish, marked" "$BODY" 'lang="fi">Sote-alan toimialatyöpaja</a>'
expect_contains "English catalogue: a translated theme" "$BODY" '<li>leadership</li>'
expect_contains "English catalogue: an untranslated theme marked Finnish" "$BODY" '<li lang="fi">palvelumuotoilu</li>'

tdeed=$(q "SELECT min(dt.deed_id) FROM deed_theme dt JOIN theme t ON t.id=dt.theme_id JOIN deed d ON d.id=dt.deed_id
  WHERE t.name='johtaminen' AND d.status='published'")
get "/api/v1/deeds/$tdeed"
expect_contains "the deed API gives the themes' Swedish names" "$BODY" '"themes_sv":['
expect_contains "the deed API: a translated theme" "$BODY" '"ledarskap"'
get "/sv/tekot/$tdeed"
expect_contains "Swedish deed page: a translated theme linking to its Finnish key" "$BODY" \
  '<a href="/sv/tekot?theme=johtaminen">ledarskap</a>'

# --- staff: a service with Swedish and English fields ---
login staff@example.fi $PW
get /hallinta/palvelut/uusi; tok=$(csrf_from "$BODY")
expect_contains "service form: the Swedish name's label" "$BODY" 'Nimi (ruotsiksi)</label>'
expect_contains "service form: the Swedish input is marked Swedish" "$BODY" 'name="name_sv" value="" lang="sv"'
expect_contains "service form: the English description is marked English" "$BODY" 'name="description_en" rows="6" lang="en"'
expect_contains "service form: languages in fieldsets" "$BODY" '<fieldset class="lang-column"><legend>Ruotsiksi</legend>'
long=$(printf 'å%.0s' $(seq 1 201))
post /hallinta/palvelut/uusi "csrf=$tok" "type=sparraus" "name=Kielityöpaja" "description=Suomenkielinen kuvaus." \
  "name_sv=$long" "description_sv=Svensk beskrivning som ska finnas kvar." "period=$period" "open=1"
expect_eq "too long Swedish name: 422" "$STATUS" 422
expect_contains "too long Swedish name: the message beside the field" "$BODY" \
  '<span class="error" id="e-name_sv">Nimi ruotsiksi on liian pitkä (enintään 200 merkkiä).</span>'
expect_contains "too long Swedish name: the Swedish description kept" "$BODY" 'Svensk beskrivning som ska finnas kvar.'
expect_eq "too long Swedish name: nothing saved" "$(q "SELECT count(*) FROM service WHERE name='Kielityöpaja'")" 0
post /hallinta/palvelut/uusi "csrf=$tok" "type=sparraus" "name=Kielityöpaja" "description=Suomenkielinen kuvaus." \
  "name_sv=Språkworkshop" "description_sv=Svensk beskrivning som ska finnas kvar." "name_en=" "description_en=" \
  "period=$period" "open=1" "themes=kielet, johtaminen"
expect_eq "service with Swedish fields saved" "$STATUS" 303
svc=$(q "SELECT id FROM service WHERE name='Kielityöpaja'")
expect_eq "Swedish name stored" "$(q "SELECT name_sv FROM service WHERE id=$svc")" "Språkworkshop"
get /hallinta/palvelut/$svc
expect_contains "edit form shows the stored Swedish name" "$BODY" 'name="name_sv" value="Språkworkshop" lang="sv"'

# a period's and a theme's translations
get "/hallinta/ohjelma/kaudet/$period"; tok=$(csrf_from "$BODY")
expect_contains "period form: the English name's label" "$BODY" 'Nimi (englanniksi)</label>'
sy=$(q "SELECT start_year FROM funding_period WHERE id=$period"); ey=$(q "SELECT end_year FROM funding_period WHERE id=$period")
post "/hallinta/ohjelma/kaudet/$period" "csrf=$tok" "name=2. rahoituskausi" "name_sv=Andra perioden" "name_en=" \
  "start_year=$sy" "end_year=$ey" "esf_code=S21159"
expect_eq "period translations saved" "$STATUS" 303
get /api/v1/stats
expect_contains "the API gives the period's translations" "$BODY" "\"name\":\"2. rahoituskausi\",\"name_sv\":\"Andra perioden\",\"name_en\":\"\""
theme=$(q "SELECT id FROM theme WHERE name='kielet'")
get /hallinta/teemat; tok=$(csrf_from "$BODY")
expect_contains "theme page: an input per theme and language, labelled" "$BODY" "for=\"f-sv_$theme\">kielet ruotsiksi</label>"
post /hallinta/teemat "csrf=$tok" "sv_$theme=$long" "en_$theme=languages"
expect_eq "too long theme translation: 422" "$STATUS" 422
expect_contains "too long theme translation: the message" "$BODY" 'Teeman nimi ruotsiksi on liian pitkä'
expect_contains "too long theme translation: the English kept" "$BODY" "name=\"en_$theme\" value=\"languages\""
post /hallinta/teemat "csrf=$tok" "sv_$theme=språk" "en_$theme="
expect_eq "theme translation saved" "$STATUS" 303
expect_eq "theme translation stored" "$(q "SELECT name_sv FROM theme WHERE id=$theme")" "språk"
rm -f "$TMP/jar"

get /sv/palvelut/$svc
expect_contains "Swedish service page: the Swedish name" "$BODY" '<h1>Språkworkshop</h1>'
expect_contains "Swedish service page: the Swedish description" "$BODY" '<div class="deed-text">Svensk beskrivning som ska finnas kvar.</div>'
expect_contains "Swedish service page: the period's Swedish name" "$BODY" '<span>Andra perioden</span>'
expect_contains "Swedish service page: the theme's Swedish name" "$BODY" '<li>språk</li>'
expect_contains "Swedish service page: the page title" "$BODY" '<title>Språkworkshop'
get /en/palvelut/$svc
expect_contains "English service page: the missing name in Finnish, marked" "$BODY" '<h1 lang="fi">Kielityöpaja</h1>'
expect_contains "English service page: the missing description marked" "$BODY" '<div class="deed-text" lang="fi">Suomenkielinen kuvaus.</div>'
expect_contains "English service page: the missing period name marked" "$BODY" '<span lang="fi">2. rahoituskausi</span>'
expect_contains "English service page: the missing theme marked" "$BODY" '<li lang="fi">kielet</li>'
# the period's name where the Finnish stands in on the statistics page: the period shown, its option, and the
# staff targets' legend; an untranslated theme among the coaches' filter options
sy2=$(q "SELECT start_year FROM funding_period WHERE id=$period"); ey2=$(q "SELECT end_year FROM funding_period WHERE id=$period")
get "/en/tilastot?kausi=$period"
expect_contains "English statistics: the period shown in Finnish, marked" "$BODY" \
  "<strong lang=\"fi\">2. rahoituskausi $sy2–$ey2</strong>"
expect_contains "English statistics: the period's option in Finnish, marked" "$BODY" \
  "<option value=\"$period\" selected lang=\"fi\">2. rahoituskausi $sy2–$ey2</option>"
get "/sv/tilastot?kausi=$period"
expect_contains "Swedish statistics: the translated period not marked" "$BODY" "<strong>Andra perioden $sy2–$ey2</strong>"
get /en/valmentajat
expect_contains "English coaches: an untranslated theme's option marked" "$BODY" \
  '<option value="palvelumuotoilu" lang="fi">palvelumuotoilu</option>'
expect_contains "English coaches: a translated theme's option not marked" "$BODY" \
  '<option value="johtaminen">leadership</option>'
get /palvelut/$svc
expect_contains "Finnish service page: Finnish, not marked" "$BODY" '<h1>Kielityöpaja</h1>'

# --- staff: the programme's texts and goals ---
login staff@example.fi $PW
get /en/hallinta/tavoitteet
expect_contains "English targets page: the untranslated period's legend marked" "$BODY" \
  "<legend lang=\"fi\">2. rahoituskausi $sy2–$ey2</legend>"
get /hallinta/ohjelma; tok=$(csrf_from "$BODY")
expect_contains "programme form: the Swedish goals' label" "$BODY" 'Tavoitteet (ruotsiksi)</label>'
expect_contains "programme form: the stored Swedish name" "$BODY" 'lang="sv"'
post /hallinta/ohjelma "csrf=$tok" "name=Ohjelma X" "short_name=OX" "description=Kuvaus." "goals=Yksi
Kaksi" "name_sv=Program X" "short_name_sv=PX" "description_sv=Beskrivning." "goals_sv=Ett
Två
Tre" "name_en=" "short_name_en=" "description_en=" "goals_en="
expect_eq "more Swedish goals than Finnish: 422" "$STATUS" 422
expect_contains "more Swedish goals than Finnish: the message" "$BODY" 'Käännettyjä tavoitteita on 3, mutta suomeksi tavoitteita on 2.'
expect_contains "more Swedish goals than Finnish: the text kept" "$BODY" 'Beskrivning.</textarea>'
post /hallinta/ohjelma "csrf=$tok" "name=Ohjelma X" "short_name=OX" "description=Kuvaus." "goals=Yksi
Kaksi" "name_sv=Program X" "short_name_sv=PX" "description_sv=Beskrivning." "goals_sv=
Två" "name_en=" "short_name_en=" "description_en=" "goals_en="
expect_eq "programme translations saved" "$STATUS" 303
expect_eq "second goal's Swedish stored, first left empty" "$(q "SELECT text_sv FROM goal ORDER BY position" | paste -sd '|')" "|Två"
# a browser drops one newline right after <textarea>: the form shows the untranslated first goal as a blank first
# line only when it writes one more, else saving the form unchanged would move "Två" up to the first goal
get /hallinta/ohjelma
printf '%s' "$BODY" >"$TMP/programme.html"
check "programme form: the blank first Swedish goal survives the browser's parsing" "$PYTHON" -c "
import re, sys
page = open(sys.argv[1], encoding='utf-8').read()
sys.exit(0 if re.search(r'name=\"goals_sv\"[^>]*>\n\nTvå</textarea>', page) else 1)" "$TMP/programme.html"
rm -f "$TMP/jar"
get /sv/
expect_contains "Swedish front page: the saved Swedish name" "$BODY" '<h1>Program X</h1>'
expect_contains "Swedish front page: the short name in the header" "$BODY" 'class="brand" href="/sv/">PX</a>'
expect_contains "Swedish front page: an untranslated goal in Finnish, marked" "$BODY" '<li lang="fi">Yksi</li>'
expect_contains "Swedish front page: a translated goal" "$BODY" '<li>Två</li>'
get /en/
expect_contains "English front page: the missing name in Finnish, marked" "$BODY" '<h1 lang="fi">Ohjelma X</h1>'
expect_contains "English footer: the programme's name marked Finnish" "$BODY" '<strong lang="fi">Ohjelma X</strong>'

# --- the accessibility statement and the privacy notice ---
get /saavutettavuus
expect_eq "accessibility statement is public" "$STATUS" 200
expect_contains "accessibility statement: its heading" "$BODY" '<h1>Saavutettavuusseloste</h1>'
expect_contains "accessibility statement: the compliance status" "$BODY" '<strong>osittain</strong>'
expect_contains "accessibility statement: the act" "$BODY" '(306/2019)'
expect_contains "accessibility statement: the supervising authority" "$BODY" 'Lupa- ja valvontavirasto'
expect_contains "accessibility statement: its web address" "$BODY" 'www.saavutettavuusvaatimukset.fi'
expect_contains "accessibility statement: the feedback address" "$BODY" 'saavutettavuus@kehto.example'
expect_contains "accessibility statement: the date prepared" "$BODY" 'Seloste on laadittu 6.12.2026'
get /sv/saavutettavuus
expect_contains "Swedish accessibility statement" "$BODY" '<h1>Tillgänglighetsutlåtande</h1>'
expect_contains "Swedish accessibility statement: partially compliant" "$BODY" '<strong>delvis</strong>'
get /en/saavutettavuus
expect_contains "English accessibility statement" "$BODY" '<h1>Accessibility statement</h1>'
get /tietosuoja
expect_eq "privacy notice is public" "$STATUS" 200
for s in 'Rekisterinpitäjä' 'lakisääteinen velvoite' 'Yleisen edun mukainen tehtävä' 'En halua vastata' \
  'vain anonymisoituja' 'ESR-indikaattorit yhteenvetoina' 'poistaa palvelusta kokonaan' 'Tietosuojavaltuutetun toimisto'; do
  expect_contains "privacy notice: $s" "$BODY" "$s"
done
get /sv/tietosuoja
expect_contains "Swedish privacy notice" "$BODY" 'Dataombudsmannens byrå'
get /en/tietosuoja
expect_contains "English privacy notice" "$BODY" 'Office of the Data Protection Ombudsman'
deed=$(q "SELECT id FROM deed WHERE status='published' ORDER BY id LIMIT 1")
for p in / "/tekot/$deed" /kirjaudu /palvelut; do
  get "$p"
  expect_contains "footer of $p links the accessibility statement" "$BODY" '<a href="/saavutettavuus">Saavutettavuusseloste</a>'
  expect_contains "footer of $p links the privacy notice" "$BODY" '<a href="/tietosuoja">Tietosuojaseloste</a>'
done
get "/sv/tekot/$deed"
expect_contains "Swedish footer links the Swedish statement" "$BODY" '<a href="/sv/saavutettavuus">Tillgänglighetsutlåtande</a>'

# access: anonymous and a contact cannot edit
get /hallinta/sivut/saavutettavuus
expect_eq "anonymous editor goes to login" "$STATUS" 303
get /saavutettavuus; tok=$(csrf_from "$BODY")
post /hallinta/sivut/saavutettavuus "csrf=$tok" "title=X" "body=Y"
expect_eq "anonymous save goes to login" "$STATUS" 303
login contact@example.fi $PW
get /hallinta/sivut
expect_eq "contact gets 403 on the site pages" "$STATUS" 403
get /hallinta/sivut/tietosuoja; tok=$(csrf_from "$BODY")
expect_eq "contact gets 403 on the editor" "$STATUS" 403
get /kirjaudu; tok=$(csrf_from "$BODY")
post /hallinta/sivut/tietosuoja "csrf=$tok" "title=X" "body=Y"
expect_eq "contact cannot save a site page" "$STATUS" 403
expect_eq "nothing stored by them" "$(q "SELECT count(*) FROM site_page WHERE slug = 'tietosuoja'")" 0
rm -f "$TMP/jar"

# staff edit: the cached public page is dropped
get /saavutettavuus; get /saavutettavuus
expect_lacks "before the edit: not the new text" "$BODY" 'Uusi saavutettavuusteksti'
login staff@example.fi $PW
get /hallinta/sivut
expect_contains "site pages list both" "$BODY" 'href="/hallinta/sivut/tietosuoja"'
expect_contains "a page not yet saved shows the default" "$BODY" 'Oletusteksti'
get /hallinta/sivut/saavutettavuus; tok=$(csrf_from "$BODY")
expect_contains "editor: the English title's label" "$BODY" 'Otsikko (englanniksi)</label>'
expect_contains "editor: the Swedish body marked Swedish" "$BODY" 'name="body_sv" rows="20" lang="sv"'
expect_contains "editor: the default's placeholder addresses are pointed out" "$BODY" 'Korvaa esimerkkiosoitteet'
post /hallinta/sivut/saavutettavuus "csrf=$tok" "title=" "body=Teksti, joka säilyy." "title_sv=Sv" "body_sv=Svensk."
expect_eq "empty Finnish title: 422" "$STATUS" 422
expect_contains "empty Finnish title: the message" "$BODY" '<span class="error" id="e-title">Otsikko puuttuu.</span>'
expect_contains "empty Finnish title: the body kept" "$BODY" 'Teksti, joka säilyy.</textarea>'
post /hallinta/sivut/saavutettavuus "csrf=0123" "title=Vanhentunut" "body=Teksti vanhalla tunnisteella."
expect_eq "stale token: 403" "$STATUS" 403
expect_contains "stale token: the text kept" "$BODY" 'Teksti vanhalla tunnisteella.</textarea>'
post /hallinta/sivut/saavutettavuus "csrf=$tok" "title=Saavutettavuus" \
  "body=## Uusi saavutettavuusteksti
<script>alert(1)</script> [linkki](javascript:alert(1))" "title_sv=Tillgänglighet" "body_sv=Svensk text." \
  "title_en=" "body_en="
expect_eq "site page saved" "$STATUS" 303
expect_eq "saved by the staff member" "$(q "SELECT updated_by FROM site_page WHERE slug='saavutettavuus'")" "staff@example.fi"
rm -f "$TMP/jar"
get /saavutettavuus
expect_contains "the public page shows the edit at once" "$BODY" '<h2>Uusi saavutettavuusteksti</h2>'
expect_lacks "raw HTML is not passed through" "$BODY" '<script>alert(1)'
expect_lacks "javascript: links are dropped" "$BODY" 'javascript:'
get /en/saavutettavuus
expect_contains "missing English title: Finnish, marked" "$BODY" '<h1 lang="fi">Saavutettavuus</h1>'
expect_contains "missing English body: Finnish, marked" "$BODY" '<div class="site-text" lang="fi">'
get /sv/saavutettavuus
expect_contains "Swedish page: the Swedish text" "$BODY" '<p>Svensk text.</p>'
get /sivut/nonexistent
expect_eq "unknown site page: 404" "$STATUS" 404

# --- one pager parameter on every list ---
get /tekot
expect_contains "deeds: the shared pager" "$BODY" '<nav aria-label="Sivut"><ul class="pager">'
expect_contains "deeds: next page with ?page=" "$BODY" 'href="/tekot?page=2" rel="next"'
get "/tekot?page=2"
expect_contains "deeds page 2" "$BODY" '<li aria-current="page">Sivu 2/'
get "/tekot?sivu=3"
expect_contains "an old ?sivu= link still works" "$BODY" '<li aria-current="page">Sivu 3/'
get "/tekot?sector=sote&page=2"
expect_contains "deeds: the pager keeps the filter" "$BODY" 'href="/tekot?sector=sote&amp;page=1" rel="prev"'
login staff@example.fi $PW
for p in /hallinta/henkilot /hallinta/organisaatiot "/hakemukset?status=kaikki" /hallinta/toteutukset; do
  case $p in *\?*) get "$p&page=2" ;; *) get "$p?page=2" ;; esac
  expect_contains "$p page 2 with the same parameter and markup" "$BODY" \
    '<nav aria-label="Sivut"><ul class="pager"><li><a href="'"${p%%\?*}"'?'
  expect_contains "$p marks the current page" "$BODY" '<li aria-current="page">Sivu 2/'
  expect_lacks "$p has no other page parameter" "$BODY" 'sivu='
done
rm -f "$TMP/jar"

# --- "Hae palvelua" through the login ---
get /palvelut/$svc
expect_contains "service page: apply link with the service" "$BODY" "href=\"/hakemukset/uusi?service=$svc\""
get "/hakemukset/uusi?service=$svc"
expect_eq "anonymous apply goes to login" "$STATUS" 303
expect_eq "the login keeps the service" "$(header Location)" "/kirjaudu?next=%2Fhakemukset%2Fuusi%3Fservice%3D$svc"
get "$(header Location)"
expect_contains "login form carries the target" "$BODY" "name=\"next\" value=\"/hakemukset/uusi?service=$svc\""
post /kirjaudu "csrf=$(csrf_from "$BODY")" "email=contact@example.fi" "password=$PW" "next=/hakemukset/uusi?service=$svc"
expect_eq "after login: to the application form" "$(header Location)" "/hakemukset/uusi?service=$svc"
get "$(header Location)"
expect_contains "the application form has the service chosen" "$BODY" "<option value=\"$svc\" selected>"
rm -f "$TMP/jar"
get "/sv/hakemukset/uusi?service=$svc"
expect_eq "Swedish: the login keeps the service" "$(header Location)" "/sv/kirjaudu?next=%2Fhakemukset%2Fuusi%3Fservice%3D$svc"
get "$(header Location)"
post /sv/kirjaudu "csrf=$(csrf_from "$BODY")" "email=contact@example.fi" "password=$PW" "next=/hakemukset/uusi?service=$svc"
expect_eq "Swedish: after login to the Swedish form" "$(header Location)" "/sv/hakemukset/uusi?service=$svc"
get "$(header Location)"
expect_contains "Swedish application form: the service and period in Swedish" "$BODY" "<option value=\"$svc\" selected>Språkworkshop (Andra perioden)</option>"
rm -f "$TMP/jar"
for evil in '//evil.example/x' 'http://evil.example/' 'https:evil.example' '/\evil.example' 'evil'; do
  get /kirjaudu
  post /kirjaudu "csrf=$(csrf_from "$BODY")" "email=contact@example.fi" "password=$PW" "next=$evil"
  expect_eq "next=$evil is ignored" "$(header Location)" "/"
  rm -f "$TMP/jar"
done
get "/kirjaudu?next=//evil.example/"
expect_contains "an external next is not put in the form" "$BODY" 'name="next" value="/"'
finish
