# End-to-end: the service catalogue, coaches and deliveries: public pages and filters (fi/sv/en), staff create and
# edit with bad input shown again, CSRF, access, unknown ids, and HTML in every text field escaped on every page.
source "$(dirname "$0")/lib.sh"
init_db
demo_db
add_staff
add_staff contact@example.fi contact 1 # a demo organisation
start_server

XSS='<script>alert(1)</script>'
ESC='&lt;script&gt;alert(1)&lt;/script&gt;'
no_raw() { expect_lacks "$1: no raw script" "$BODY" "$XSS"; }

# --- anonymous: public pages exist, staff pages refused ---
get /palvelut
expect_eq "catalogue is public" "$STATUS" 200
expect_contains "catalogue counts the demo programme's offerings" "$BODY" "21 palvelua"
expect_contains "main navigation links the catalogue" "$BODY" 'href="/palvelut" aria-current="page">Palvelut<'
expect_contains "main navigation links the coaches" "$BODY" 'href="/valmentajat">Valmentajat<'
for p in /hallinta/palvelut /hallinta/palvelut/uusi /hallinta/valmentajat /hallinta/valmentajat/uusi \
  /hallinta/toteutukset /hallinta/toteutukset/uusi /hallinta/toteutukset/1; do
  get $p
  expect_eq "anonymous $p is sent to login" "$STATUS" 303
done
get /palvelut; tok=$(csrf_from "$BODY")
post /hallinta/palvelut/uusi "csrf=$tok" "type=sparraus" "name=X" "period=1"
expect_eq "anonymous POST of a service is refused" "$STATUS" 303

login contact@example.fi vihrea-kettu-93-Rq
get /hallinta/toteutukset
expect_eq "contact gets 403 on deliveries" "$STATUS" 403
get /hallinta/valmentajat/uusi
expect_eq "contact gets 403 on the coach form" "$STATUS" 403
rm -f "$TMP/jar"

# --- staff: services ---
login staff@example.fi vihrea-kettu-93-Rq
get /hallinta/palvelut/uusi; tok=$(csrf_from "$BODY")
expect_eq "service form" "$STATUS" 200
expect_contains "staff navigation links the service pages" "$BODY" 'href="/hallinta/toteutukset" aria-current="page">Palvelutoiminta<'
post /hallinta/palvelut/uusi "type=sparraus" "name=Ilman tokenia" "period=1"
expect_eq "service POST without CSRF is 403" "$STATUS" 403
post /hallinta/palvelut/uusi "csrf=$tok" "type=" "variant=teema" "name=" "description=Kuvaus pysyy $XSS" "period=99" \
  "capacity=-3" "counts=kaikki" "themes=Johtaminen"
expect_eq "bad service is 422" "$STATUS" 422
expect_contains "type error beside the field" "$BODY" 'id="e-type">Valitse palvelutyyppi.'
expect_contains "name error beside the field" "$BODY" 'id="e-name">Nimi puuttuu.'
expect_contains "period error" "$BODY" 'id="e-period">Valitse rahoituskausi.'
expect_contains "capacity error" "$BODY" 'id="e-capacity">Kapasiteetin pitää olla positiivinen kokonaisluku tai tyhjä.'
expect_contains "counts error" "$BODY" 'id="e-counts">'
expect_contains "description kept, escaped" "$BODY" "Kuvaus pysyy $ESC</textarea>"
no_raw "bad service form"
post /hallinta/palvelut/uusi "csrf=$tok" "type=sparraus" "variant=teema" "name=Sparraus" "period=2"
expect_contains "variant not allowed for sparraus" "$BODY" 'id="e-variant">'
post /hallinta/palvelut/uusi "csrf=$tok" "type=sparraus" "name=$(head -c 201 /dev/zero | tr '\0' 'a')" "period=2"
expect_contains "too long name" "$BODY" 'id="e-name">Nimi on liian pitkä'

post /hallinta/palvelut/uusi "csrf=$tok" "type=sparraus" "name=Sparraus 2018–2020 $XSS" "period=2" "capacity=40" \
  "description=Kuvaus $XSS" "themes=Sparrausteema, $XSS" "open=1"
expect_eq "good service is a redirect" "$STATUS" 303
post /hallinta/palvelut/uusi "csrf=$tok" "type=webinaari" "name=Webinaarisarja" "period=1"
post /hallinta/palvelut/uusi "csrf=$tok" "type=tyopaja" "variant=haaste" "name=Haastetyöpaja" "period=2" \
  "counts=attendee" "open=1"
get /hallinta/palvelut
expect_contains "staff list shows the service escaped" "$BODY" "Sparraus 2018–2020 $ESC"
no_raw "staff service list"
sid=$(grep -o 'href="/hallinta/palvelut/[0-9]*">Sparraus' <<<"$BODY" | grep -o '[0-9]*' | head -1)
wid=$(grep -o 'href="/hallinta/palvelut/[0-9]*">Webinaarisarja' <<<"$BODY" | grep -o '[0-9]*' | head -1)
check "service ids found" test -n "$sid" -a -n "$wid"
get "/hallinta/palvelut?type=webinaari"
expect_contains "staff type filter keeps webinars" "$BODY" "Webinaarisarja"
expect_lacks "staff type filter drops sparraus" "$BODY" "Sparraus 2018"
get /hallinta/palvelut/$sid; tok=$(csrf_from "$BODY")
expect_contains "the edit form posts to the service's own address" "$BODY" "<form method=\"post\" action=\"/hallinta/palvelut/$sid\" class=\"form\""
expect_contains "edit form has the name" "$BODY" "value=\"Sparraus 2018–2020 $ESC\""
post /hallinta/palvelut/$sid "csrf=$tok" "type=sparraus" "name=" "period=2" "description=Pidetty teksti"
expect_eq "bad edit is 422" "$STATUS" 422
expect_contains "bad edit keeps the text" "$BODY" "Pidetty teksti</textarea>"
get /hallinta/palvelut/999999
expect_eq "unknown service edit is 404" "$STATUS" 404
post /hallinta/palvelut/999999 "csrf=$tok" "type=sparraus" "name=X" "period=2"
expect_eq "unknown service POST is 404" "$STATUS" 404

# --- public catalogue ---
get /palvelut
expect_contains "catalogue groups by type" "$BODY" "<h2>Sparraus</h2>"
expect_contains "catalogue shows the period" "$BODY" "Kausi 2018–2020"
expect_contains "catalogue escapes the name" "$BODY" "Sparraus 2018–2020 $ESC"
expect_contains "variant label shown" "$BODY" "Haastetyöpaja"
no_raw "catalogue"
get "/palvelut?type=webinaari"
expect_contains "type filter keeps webinars" "$BODY" "Webinaarisarja"
expect_lacks "type filter drops sparraus" "$BODY" "Sparraus 2018"
get "/palvelut?period=1"
expect_contains "period filter keeps period 1" "$BODY" "Webinaarisarja"
expect_lacks "period filter drops period 2" "$BODY" "Haastetyöpaja</a>"
get "/palvelut?type=%3Cb%3E&period=abc&page=x"
expect_eq "odd filter values are harmless" "$STATUS" 200
get /palvelut/$sid
expect_eq "service page" "$STATUS" 200
expect_contains "service page escapes the description" "$BODY" "Kuvaus $ESC"
expect_contains "service page shows capacity" "$BODY" "<dd>40</dd>"
expect_contains "service page says ESF participants" "$BODY" "ESR-hankkeen osallistujina"
expect_contains "apply link when open" "$BODY" "href=\"/hakemukset/uusi?service=$sid\">Hae palvelua<"
expect_contains "themes shown" "$BODY" "<li>Sparrausteema</li>"
no_raw "service page"
get /palvelut/$wid
expect_contains "webinar counts attendees" "$BODY" "Tilaisuuksien osallistujina"
expect_lacks "no apply link when closed" "$BODY" "Hae palvelua"
get /palvelut/999999
expect_eq "unknown service is 404" "$STATUS" 404
get /sv/palvelut
expect_contains "Swedish catalogue" "$BODY" "Tjänster"
expect_contains "Swedish type name" "$BODY" "<h2>Sparrning</h2>"
get /en/palvelut/$sid
expect_contains "English apply link" "$BODY" "Apply for the service"
expect_contains "English apply link keeps the prefix" "$BODY" "href=\"/en/hakemukset/uusi?service=$sid\""

# --- staff: coaches ---
get /hallinta/valmentajat/uusi; tok=$(csrf_from "$BODY")
expect_contains "the new coach form posts to /uusi" "$BODY" '<form method="post" action="/hallinta/valmentajat/uusi" class="form"'
post /hallinta/valmentajat/uusi "name=Ilman" "languages=fi"
expect_eq "coach POST without CSRF is 403" "$STATUS" 403
post /hallinta/valmentajat/uusi "csrf=$tok" "name=" "company=Yritys pysyy" "email=ei-osoite" "languages=de" \
  "regions=FI999"
expect_eq "bad coach is 422" "$STATUS" 422
expect_contains "coach name error" "$BODY" 'id="e-name">Nimi puuttuu.'
expect_contains "coach email error" "$BODY" 'id="e-email">Sähköpostiosoite ei ole kelvollinen.'
expect_contains "coach language error" "$BODY" "Valitse yksi tai useampi kieli"
expect_contains "coach region error" "$BODY" "Tuntematon maakunta."
expect_contains "coach company kept" "$BODY" 'value="Yritys pysyy"'
post /hallinta/valmentajat/uusi "csrf=$tok" "name=Valmentaja $XSS" "company=Firma $XSS" "bio=Bio $XSS" \
  "email=salainen@example.fi" "languages=fi" "languages=sv" "regions=FI1B1" "themes=Työhyvinvointi, $XSS" "active=1"
expect_eq "good coach is a redirect" "$STATUS" 303
post /hallinta/valmentajat/uusi "csrf=$tok" "name=Englantilainen" "languages=en" "regions=FI197" "themes=Johtaminen" \
  "active=1"
post /hallinta/valmentajat/uusi "csrf=$tok" "name=Passiivinen Valmentaja" "languages=fi"
get /hallinta/valmentajat
expect_contains "staff coach list escapes" "$BODY" "Valmentaja $ESC"
expect_contains "staff list shows inactive" "$BODY" "Passiivinen Valmentaja"
no_raw "staff coach list"
cid=$(grep -o 'href="/hallinta/valmentajat/[0-9]*">Valmentaja' <<<"$BODY" | grep -o '[0-9]*' | head -1)
get /hallinta/valmentajat/$cid; tok=$(csrf_from "$BODY")
expect_contains "coach edit shows email to staff" "$BODY" "salainen@example.fi"
expect_contains "coach edit has Swedish checked" "$BODY" 'value="sv" checked'
post /hallinta/valmentajat/$cid "csrf=$tok" "name=Valmentaja $XSS" "languages=" "bio=Pidetty bio"
expect_eq "bad coach edit is 422" "$STATUS" 422
expect_contains "bad coach edit keeps bio" "$BODY" "Pidetty bio</textarea>"
get /hallinta/valmentajat/999999
expect_eq "unknown coach is 404" "$STATUS" 404

get /valmentajat
expect_contains "public coaches page escapes the name" "$BODY" "Valmentaja $ESC"
expect_contains "public coach shows company" "$BODY" "Firma $ESC"
expect_contains "public coach shows region" "$BODY" "Uusimaa"
expect_contains "public coach shows languages" "$BODY" "suomi, ruotsi"
expect_lacks "public coaches page never shows email" "$BODY" "salainen@example.fi"
expect_lacks "inactive coach hidden" "$BODY" "Passiivinen Valmentaja"
no_raw "public coaches"
get "/valmentajat?language=en"
expect_contains "language filter keeps the English coach" "$BODY" "Englantilainen"
expect_lacks "language filter drops the others" "$BODY" "Firma"
get "/valmentajat?region=FI1B1"
expect_contains "region filter" "$BODY" "Firma"
expect_lacks "region filter drops the other" "$BODY" "Englantilainen"
get "/valmentajat?theme=Johtaminen"
expect_contains "theme filter" "$BODY" "Englantilainen"
expect_lacks "theme filter drops the other" "$BODY" "Firma"
get /sv/valmentajat
expect_contains "Swedish coaches page" "$BODY" "Coacher och utbildare"
expect_contains "Swedish language names" "$BODY" "finska, svenska"
get /en/valmentajat
expect_contains "English coaches page" "$BODY" "Coaches and trainers"

# --- staff: deliveries ---
get /hallinta/toteutukset/uusi; tok=$(csrf_from "$BODY")
post /hallinta/toteutukset/uusi "service=$sid" "starts_on=1.3.2019" "ends_on=2.3.2019" "place=X"
expect_eq "delivery POST without CSRF is 403" "$STATUS" 403
post /hallinta/toteutukset/uusi "csrf=$tok" "service=" "title=Otsikko pysyy $XSS" "starts_on=31.2.2019" \
  "ends_on=2019-01-01" "place="
expect_eq "bad delivery is 422" "$STATUS" 422
expect_contains "service error" "$BODY" 'id="e-service">Valitse palvelu.'
expect_contains "start date error" "$BODY" 'id="e-starts_on">Anna alkupäivä muodossa 22.11.2026.'
expect_contains "place or remote error" "$BODY" 'id="e-place">'
expect_contains "title kept escaped" "$BODY" "value=\"Otsikko pysyy $ESC\""
no_raw "bad delivery form"
post /hallinta/toteutukset/uusi "csrf=$tok" "service=$sid" "starts_on=5.3.2019" "ends_on=2019-03-01" "place=Tampere"
expect_contains "ends before starts" "$BODY" 'id="e-ends_on">Loppupäivä ei voi olla ennen alkupäivää.'
post /hallinta/toteutukset/uusi "csrf=$tok" "service=$sid" "ref=SP-1" "title=Sparraus $XSS" "starts_on=1.3.2019" \
  "ends_on=2019-03-20" "place=Paikka $XSS" "coach=$cid"
expect_eq "good delivery is a redirect" "$STATUS" 303
did=$(header Location | grep -o '/toteutukset/[0-9]*' | grep -o '[0-9]*')
post /hallinta/toteutukset/uusi "csrf=$tok" "service=$wid" "ref=SP-1" "starts_on=1.3.2016" "ends_on=1.3.2016" "remote=1"
expect_contains "duplicate ref refused" "$BODY" 'id="e-ref">Tunnus on jo toisen toteutuksen käytössä.'
post /hallinta/toteutukset/uusi "csrf=$tok" "service=$wid" "ref=WB-$XSS" "title=Webinaari" "starts_on=1.3.2016" \
  "ends_on=1.3.2016" "remote=1"
expect_eq "remote delivery without place is fine" "$STATUS" 303
get "/hallinta/toteutukset?type=sparraus&year=2019" # the demo's deliveries fill the first pages
expect_contains "delivery list escapes the title" "$BODY" "Sparraus $ESC"
expect_contains "delivery list shows the place escaped" "$BODY" "Paikka $ESC"
expect_contains "delivery list shows dates in Finnish" "$BODY" "1.3.2019"
no_raw "delivery list"
get "/hallinta/toteutukset?type=webinaari&year=2016"
expect_contains "delivery list escapes the ref" "$BODY" "WB-$ESC"
no_raw "delivery list of webinars"
get /hallinta/toteutukset/$did; tok=$(csrf_from "$BODY")
expect_eq "delivery page" "$STATUS" 200
expect_contains "delivery page escapes the title" "$BODY" "Sparraus $ESC"
expect_contains "delivery page shows dates in Finnish" "$BODY" "1.3.2019–20.3.2019"
expect_contains "delivery page links the participants" "$BODY" "href=\"/hallinta/toteutukset/$did/osallistujat\""
expect_contains "counts by role" "$BODY" "Henkilöstön edustajat"
no_raw "delivery page"
post /hallinta/toteutukset/$did/tapaamiset "csrf=$tok" "held_on=1.4.2019" "session_place=Sali $XSS"
expect_eq "session outside the dates is 422" "$STATUS" 422
expect_contains "session date error" "$BODY" 'id="e-held_on">Tapaamisen päivän pitää olla'
expect_contains "session place kept" "$BODY" "value=\"Sali $ESC\""
post /hallinta/toteutukset/$did/tapaamiset "held_on=2.3.2019"
expect_eq "session without CSRF is 403" "$STATUS" 403
post /hallinta/toteutukset/$did/tapaamiset "csrf=$tok" "held_on=2.3.2019" "session_place=Sali $XSS"
expect_eq "session added" "$STATUS" 303
post /hallinta/toteutukset/$did/tapaamiset "csrf=$tok" "held_on=2019-03-10"
post /hallinta/toteutukset/$did/tapaamiset "csrf=$tok" "number=1" "held_on=2019-03-11"
expect_contains "duplicate session number" "$BODY" 'id="e-number">Toteutuksella on jo tapaaminen tällä numerolla.'
get /hallinta/toteutukset/$did
expect_contains "sessions listed with Finnish date" "$BODY" 'value="10.3.2019"'
expect_contains "session place escaped" "$BODY" "Sali $ESC"
no_raw "delivery page with sessions"
s2=$(grep -o 'name="session" value="[0-9]*"' <<<"$BODY" | uniq | sed -n 2p | grep -o '[0-9]*')
post /hallinta/toteutukset/$did/tapaamiset/muokkaa "csrf=$tok" "session=$s2" "number=5" "held_on=12.3.2019" "session_place=Uusi"
expect_eq "session edited" "$STATUS" 303
get /hallinta/toteutukset/$did
expect_contains "edited session" "$BODY" 'value="12.3.2019"'
expect_contains "session row inputs are well formed" "$BODY" 'name="held_on" value="12.3.2019" size="10"> '
post /hallinta/toteutukset/$did/tapaamiset/muokkaa "csrf=$tok" "session=$s2" "number=x" "held_on=12.3.2019" \
  "session_place=Typed <place>"
expect_eq "bad session edit is 422" "$STATUS" 422
expect_contains "bad edit: the message in the session's row" "$BODY" "<span class=\"error\" id=\"s$s2-e\">"
expect_contains "bad edit: the row keeps what was typed" "$BODY" "id=\"s$s2-p\" name=\"session_place\" value=\"Typed &lt;place&gt;\""
expect_contains "bad edit: the row's inputs point at the message" "$BODY" "aria-describedby=\"s$s2-e\""
expect_lacks "bad edit: no message beside the add form" "$BODY" 'id="e-number"'
post /hallinta/toteutukset/$did/tapaamiset/poista "csrf=$tok" "session=$s2" confirm=1
expect_eq "session deleted" "$STATUS" 303
get /hallinta/toteutukset/$did
expect_lacks "deleted session gone" "$BODY" 'value="12.3.2019"'
post /hallinta/toteutukset/$did/organisaatiot "csrf=$tok" "org=999999"
expect_eq "unknown organisation is 422" "$STATUS" 422
expect_contains "organisation error" "$BODY" 'id="e-org">'
post /hallinta/toteutukset/$did/organisaatiot "csrf=$tok" "org=1"
expect_eq "organisation added" "$STATUS" 303
get /hallinta/toteutukset/$did
expect_contains "organisation listed with a remove link" "$BODY" "organisaatiot/poista"
post /hallinta/toteutukset/$did/organisaatiot/poista "csrf=$tok" "org=1" confirm=1
expect_eq "organisation removed" "$STATUS" 303
post /hallinta/toteutukset/$did "csrf=$tok" "service=$sid" "ref=SP-1" "title=Muokattu" "starts_on=3.3.2019" \
  "ends_on=20.3.2019" "place=Oulu"
expect_eq "sessions outside new dates refused" "$STATUS" 422
expect_contains "edit keeps the posted title" "$BODY" 'value="Muokattu"'
post /hallinta/toteutukset/$did "csrf=$tok" "service=$sid" "ref=SP-1" "title=Muokattu" "starts_on=1.3.2019" \
  "ends_on=20.3.2019" "place=Oulu" "coach=$cid"
expect_eq "delivery edited" "$STATUS" 303
get "/hallinta/toteutukset?type=sparraus&year=2019"
expect_contains "delivery list shows the edit" "$BODY" "Muokattu"
get "/hallinta/toteutukset?type=webinaari&year=2016"
expect_contains "delivery list shows the webinar too" "$BODY" "Webinaari"
get "/hallinta/toteutukset?year=2016"
expect_contains "year filter keeps 2016" "$BODY" "Webinaari"
expect_lacks "year filter drops 2019" "$BODY" "Muokattu"
get "/hallinta/toteutukset?type=sparraus"
expect_lacks "type filter drops webinars" "$BODY" ">Webinaari</a>"
# --- a stale token shows each staff form again, filled in, and saves nothing (403) ---
stale_post /hallinta/palvelut/uusi "new service" "Kirjoitettu kuvaus &lt;b&gt;</textarea>" \
  "SELECT count(*) FROM service WHERE name = 'Vanhentunut palvelu'" \
  "type=webinaari" "name=Vanhentunut palvelu" "period=1" "description=Kirjoitettu kuvaus <b>"
vsid=$(q "SELECT id FROM service WHERE name = 'Vanhentunut palvelu'")
stale_post /hallinta/palvelut/$vsid "service edit" 'value="Vanhentunut palvelu 2"' \
  "SELECT count(*) FROM service WHERE name = 'Vanhentunut palvelu 2'" \
  "type=webinaari" "name=Vanhentunut palvelu 2" "period=1"
stale_post /hallinta/valmentajat/uusi "new coach" "Kirjoitettu bio</textarea>" \
  "SELECT count(*) FROM coach WHERE name = 'Vanhentunut Valmentaja'" \
  "name=Vanhentunut Valmentaja" "languages=fi" "bio=Kirjoitettu bio"
vcid=$(q "SELECT id FROM coach WHERE name = 'Vanhentunut Valmentaja'")
stale_post /hallinta/valmentajat/$vcid "coach edit" 'value="Vanhentunut Valmentaja 2"' \
  "SELECT count(*) FROM coach WHERE name = 'Vanhentunut Valmentaja 2'" \
  "name=Vanhentunut Valmentaja 2" "languages=fi" "languages=sv"
stale_post /hallinta/toteutukset/uusi "new delivery" 'value="Vanhentunut toteutus"' \
  "SELECT count(*) FROM delivery WHERE title = 'Vanhentunut toteutus'" \
  "service=$wid" "title=Vanhentunut toteutus" "starts_on=1.3.2016" "ends_on=1.3.2016" "remote=1"
vdid=$(q "SELECT id FROM delivery WHERE title = 'Vanhentunut toteutus'")
stale_post /hallinta/toteutukset/$vdid "delivery edit" 'value="Vanhentunut toteutus 2"' \
  "SELECT count(*) FROM delivery WHERE title = 'Vanhentunut toteutus 2'" \
  "service=$wid" "title=Vanhentunut toteutus 2" "starts_on=1.3.2016" "ends_on=2.3.2016" "place=Kuopio"
post /sv/hallinta/palvelut/$vsid "csrf=0123456789abcdef" "type=webinaari" "name=X" "period=1"
expect_contains "the stale-token message is translated" "$BODY" "Formulärets säkerhetskod hade gått ut."

get /hallinta/toteutukset/999999
expect_eq "unknown delivery is 404" "$STATUS" 404
post /hallinta/toteutukset/999999/tapaamiset "csrf=$tok" "held_on=1.3.2019"
expect_eq "session on unknown delivery is 404" "$STATUS" 404
post /hallinta/toteutukset/999999 "csrf=$tok" "service=$sid"
expect_eq "edit of unknown delivery is 404" "$STATUS" 404

finish
