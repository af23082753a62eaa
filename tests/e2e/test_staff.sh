# End-to-end: staff pages: moderation queue (publish, reject), deed editing, organisation registry; access and CSRF.
source "$(dirname "$0")/lib.sh"
init_db
add_staff
oid=$(q "INSERT INTO org(name, type) VALUES('Yhteyskunta', 'kunta') RETURNING id")
add_staff contact@example.fi contact "$oid"
start_server

XSS='<script>alert(1)</script>'

# post_deed TITLE: posts a deed through the public form (anonymous cookie jar); sets DEED_ID from the queue later
post_deed() {
  get /tekot/uusi
  post /tekot/uusi "csrf=$(csrf_from "$BODY")" "title=$1" "organisation=Testikunta $1" "municipality=091" \
    "sector=sote" "year=2019" "goal=Tavoite $1" "results=Tulokset $1" "contact_name=Testi Henkilö" \
    "contact_email=testi@example.fi"
}
# deed_id TITLE_FRAGMENT: the id of the queue row whose link text contains the fragment (from $BODY)
deed_id() { grep -o "href=\"/tekot/[0-9]*\">[^<]*$1" <<<"$BODY" | head -1 | sed 's|href="/tekot/\([0-9]*\)".*|\1|'; }

# --- access ---
get /hallinta/tekot
expect_eq "anonymous queue is a redirect" "$STATUS" 303
expect_eq "anonymous goes to login with next" "$(header Location)" "/kirjaudu?next=%2Fhallinta%2Ftekot"
get /hallinta/organisaatiot
expect_eq "anonymous org registry is a redirect" "$STATUS" 303
get /hallinta/tekot/1/muokkaa
expect_eq "anonymous deed edit is a redirect" "$STATUS" 303

post_deed "Ensimmäinen teko"
expect_eq "anonymous deed post accepted" "$STATUS" 303
post_deed "Toinen teko"
post_deed "$XSS"
expect_eq "deed with a script title accepted" "$STATUS" 303

login contact@example.fi vihrea-kettu-93-Rq
get /hallinta/tekot
expect_eq "contact gets 403 on the queue" "$STATUS" 403
get /hallinta/organisaatiot/uusi
expect_eq "contact gets 403 on the org form" "$STATUS" 403
post /hallinta/tekot/1/julkaise "csrf=$(csrf_from "$BODY")"
expect_eq "contact cannot publish" "$STATUS" 403
rm -f "$TMP/jar"

# --- moderation queue ---
login staff@example.fi vihrea-kettu-93-Rq
get /hallinta/tekot; queue=$BODY
expect_eq "staff sees the queue" "$STATUS" 200
expect_contains "queue lists the first deed" "$queue" "Ensimmäinen teko"
expect_contains "queue shows the organisation" "$queue" "Testikunta Ensimmäinen teko"
expect_contains "queue shows the municipality" "$queue" "Helsinki"
expect_contains "submitted tab has a count" "$queue" "Odottaa <span class=\"count\">(3)</span>"
expect_contains "created date in Finnish form" "$queue" "$(date -u +%-d.%-m.%Y)"
expect_lacks "script title not raw in the queue" "$queue" "$XSS"
expect_contains "script title escaped in the queue" "$queue" "&lt;script&gt;alert(1)&lt;/script&gt;"
BODY=$queue; first=$(deed_id "Ensimmäinen teko"); second=$(deed_id "Toinen teko"); xss=$(deed_id "&lt;script")
check "queue rows link to deeds" test -n "$first" -a -n "$second" -a -n "$xss"

STATUS=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/tekot/$first")
expect_eq "submitted deed is 404 to the public" "$STATUS" 404

post /hallinta/tekot/$first/julkaise "x=1"
expect_eq "publish without CSRF is 403" "$STATUS" 403
post /hallinta/tekot/$first/julkaise "csrf=$(csrf_from "$queue")"
expect_eq "publish redirects" "$STATUS" 303
expect_eq "publish goes back to the tab with a notice" "$(header Location)" "/hallinta/tekot?status=submitted&done=published"
get "/hallinta/tekot?status=submitted&done=published"; body=$BODY
expect_contains "notice after publishing" "$body" "Teko julkaistu."
expect_lacks "published deed left the submitted tab" "$body" "Ensimmäinen teko"
STATUS=$(curl -s -o "$TMP/pub" -w '%{http_code}' "$BASE/tekot/$first")
expect_eq "published deed is public" "$STATUS" 200
expect_contains "public page shows the deed" "$(cat "$TMP/pub")" "Ensimmäinen teko"
get "/hallinta/tekot?status=published"
expect_contains "published tab lists it" "$BODY" "Ensimmäinen teko"
post /hallinta/tekot/999999/julkaise "csrf=$(csrf_from "$queue")"
expect_eq "publishing an unknown deed is 404" "$STATUS" 404

get /hallinta/tekot/$second/hylkaa; page=$BODY
expect_eq "reject form answers" "$STATUS" 200
expect_contains "reject form has a labelled reason" "$page" '<label for="f-reason">'
post /hallinta/tekot/$second/hylkaa "csrf=$(csrf_from "$page")" "reason=  "; body=$BODY
expect_eq "reject with an empty reason is 422" "$STATUS" 422
expect_contains "empty reason message beside the field" "$body" 'id="e-reason">Kerro hylkäyksen syy.'
post /hallinta/tekot/$second/hylkaa "reason=Ei liity ohjelmaan"
expect_eq "reject without CSRF is 403" "$STATUS" 403
post /hallinta/tekot/$second/hylkaa "csrf=$(csrf_from "$page")" "reason=Ei liity ohjelmaan"
expect_eq "reject with a reason redirects" "$STATUS" 303
get "/hallinta/tekot?status=rejected&done=rejected"; body=$BODY
expect_contains "notice after rejecting" "$body" "Teko hylätty."
expect_contains "rejected tab lists it" "$body" "Toinen teko"
get /tekot/$second
expect_contains "staff panel shows status rejected" "$BODY" "Hylätty"
expect_contains "staff panel shows the reason" "$BODY" "Ei liity ohjelmaan"

# --- edit a deed ---
get /hallinta/tekot/$xss/muokkaa; page=$BODY
expect_eq "edit form answers" "$STATUS" 200
expect_lacks "script title not raw in the edit form" "$page" "$XSS"
expect_contains "script title escaped in the edit form" "$page" 'value="&lt;script&gt;alert(1)&lt;/script&gt;"'
tok=$(csrf_from "$page")
post /hallinta/tekot/$xss/muokkaa "csrf=$tok" "title=" "organisation=Muokattu kunta" "municipality=091" \
  "sector=sote" "year=2020" "goal=Uusi tavoite" "results=Uudet tulokset"; body=$BODY
expect_eq "empty title is 422" "$STATUS" 422
expect_contains "title message beside the field" "$body" 'id="e-title">Otsikko puuttuu.'
expect_contains "other text kept" "$body" 'value="Muokattu kunta"'
expect_contains "textarea text kept" "$body" ">Uusi tavoite</textarea>"
expect_contains "year kept" "$body" 'value="2020"'
post /hallinta/tekot/$xss/muokkaa "title=Korjattu otsikko"
expect_eq "edit without CSRF is 403" "$STATUS" 403
post /hallinta/tekot/$xss/muokkaa "csrf=$tok" "title=Korjattu otsikko" "organisation=Muokattu kunta" \
  "municipality=091" "sector=sote" "year=2020" "goal=Uusi tavoite" "results=Uudet tulokset"
expect_eq "valid edit redirects" "$STATUS" 303
expect_eq "valid edit goes to the deed" "$(header Location)" "/tekot/$xss"
get /tekot/$xss
expect_contains "edited title shown" "$BODY" "Korjattu otsikko"
get /hallinta/tekot/999999/muokkaa
expect_eq "editing an unknown deed is 404" "$STATUS" 404
get /hallinta/tekot/999999/hylkaa
expect_eq "rejecting an unknown deed is 404" "$STATUS" 404

# --- organisation registry ---
get /hallinta/organisaatiot/uusi; page=$BODY
expect_eq "new org form answers" "$STATUS" 200
expect_contains "Y-tunnus hint" "$page" "muoto 1234567-8"
tok=$(csrf_from "$page")
# 1234567-8: weights 7 9 10 5 8 4 2 give 153, 153 mod 11 = 10, so the check digit is 1, not 8
post /hallinta/organisaatiot/uusi "csrf=$tok" "name=$XSS Testikaupunki" "type=kunta" "municipality=091" "ytunnus=1234567-8"
body=$BODY
expect_eq "bad Y-tunnus is 422" "$STATUS" 422
expect_contains "Y-tunnus message beside the field" "$body" 'id="e-ytunnus">Y-tunnus 1234567-8 ei ole kelvollinen'
expect_contains "name kept" "$body" 'value="&lt;script&gt;alert(1)&lt;/script&gt; Testikaupunki"'
expect_lacks "script name not raw in the org form" "$body" "$XSS"
post /hallinta/organisaatiot/uusi "csrf=$tok" "name=" "type=kunta"
expect_eq "missing name is 422" "$STATUS" 422
expect_contains "name message" "$BODY" 'id="e-name">Nimi puuttuu.'
post /hallinta/organisaatiot/uusi "name=Helsingin kaupunki" "type=kunta" "ytunnus=0201256-6"
expect_eq "org create without CSRF is 403" "$STATUS" 403
post /hallinta/organisaatiot/uusi "csrf=$tok" "name=$XSS Testikaupunki" "type=kunta" "municipality=091" \
  "ytunnus=0201256-6" "contact_name=Org Yhteys" "contact_email=org@example.fi"
expect_eq "valid org create redirects" "$STATUS" 303
get "$(header Location)"; body=$BODY
expect_contains "notice after saving" "$body" "Organisaatio tallennettu."
expect_contains "org listed with Y-tunnus" "$body" "0201256-6"
expect_contains "org listed with region" "$body" "Uusimaa"
expect_lacks "script name not raw in the org list" "$body" "$XSS"
expect_contains "script name escaped in the org list" "$body" "&lt;script&gt;alert(1)&lt;/script&gt; Testikaupunki"
org=$(grep -o 'href="/hallinta/organisaatiot/[0-9]*/muokkaa"' <<<"$body" | head -1 | grep -o '[0-9]*')
post /hallinta/organisaatiot/uusi "csrf=$tok" "name=Toinen Helsinki" "type=kunta" "ytunnus=0201256-6"
expect_eq "duplicate Y-tunnus is 422" "$STATUS" 422
expect_contains "duplicate message beside the field" "$BODY" 'id="e-ytunnus">Y-tunnus 0201256-6 on jo rekisterissä.'
post /hallinta/organisaatiot/uusi "csrf=$tok" "name=Espoon kaupunki" "type=kunta" "municipality=049"
post /hallinta/organisaatiot/uusi "csrf=$tok" "name=HUS-yhtymä" "type=kuntayhtyma"
get "/hallinta/organisaatiot?q=espoo"
expect_contains "search finds by name part" "$BODY" "Espoon kaupunki"
expect_lacks "search leaves others out" "$BODY" "HUS-yhtymä"
get "/hallinta/organisaatiot?type=kuntayhtyma"
expect_contains "type filter keeps joint authorities" "$BODY" "HUS-yhtymä"
expect_lacks "type filter leaves municipalities out" "$BODY" "Espoon kaupunki"
expect_contains "type filter stays selected" "$BODY" '<option value="kuntayhtyma" selected>'

get /hallinta/organisaatiot/$org/muokkaa; page=$BODY
expect_eq "org edit form answers" "$STATUS" 200
expect_contains "org edit keeps Y-tunnus" "$page" 'value="0201256-6"'
post /hallinta/organisaatiot/$org/muokkaa "csrf=$(csrf_from "$page")" "name=Helsingin kaupunki" "type=kunta" \
  "municipality=091" "ytunnus=0201256-6"
expect_eq "org edit redirects" "$STATUS" 303
get /hallinta/organisaatiot
expect_contains "edited org name listed" "$BODY" "Helsingin kaupunki"
post /hallinta/organisaatiot/$org/muokkaa "csrf=$(csrf_from "$page")" "name=Helsingin kaupunki" "type=muu" \
  "ytunnus=1234567-8"
expect_eq "org edit with bad Y-tunnus is 422" "$STATUS" 422
get /hallinta/organisaatiot/999999/muokkaa
expect_eq "unknown org is 404" "$STATUS" 404

# --- paging: 55 organisations make two pages ---
for i in $(seq 1 52); do post /hallinta/organisaatiot/uusi "csrf=$tok" "name=Sivutus $i" "type=muu" >/dev/null; done
get /hallinta/organisaatiot; body=$BODY
expect_contains "first page says Sivu 1/2" "$body" "Sivu 1/2"
expect_contains "next link" "$body" 'href="/hallinta/organisaatiot?page=2" rel="next"'
get "/hallinta/organisaatiot?q=Sivutus&type=muu"
expect_contains "filtered list pages too" "$BODY" "Sivu 1/2"
expect_contains "next link keeps the filter" "$BODY" 'href="/hallinta/organisaatiot?q=Sivutus&amp;type=muu&amp;page=2"'
get "/hallinta/organisaatiot?page=2"; body=$BODY
expect_contains "second page says Sivu 2/2" "$body" "Sivu 2/2"
expect_contains "second page has a previous link" "$body" "Edellinen"
get "/hallinta/organisaatiot?page=99"
expect_contains "page past the end shows the last page" "$BODY" "Sivu 2/2"

# --- languages ---
get /sv/hallinta/tekot
expect_contains "Swedish queue heading" "$BODY" "Moderering av gärningar"
get /en/hallinta/organisaatiot
expect_contains "English registry heading" "$BODY" "Organisation registry"

# the deed page's staff panel carries the moderation controls too
post_deed "Paneelitesti"
get /hallinta/tekot
pid=$(deed_id "Paneelitesti")
get "/tekot/$pid"
expect_contains "staff preview has a publish button" "$BODY" "action=\"/hallinta/tekot/$pid/julkaise\""
expect_contains "staff preview links to the reject form" "$BODY" "href=\"/hallinta/tekot/$pid/hylkaa\""
finish
