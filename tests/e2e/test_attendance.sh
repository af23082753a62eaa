# End-to-end: a delivery's participants edited by staff (add existing and new, a bad email kept with its message,
# role, remove after a confirmation), the roll call (the JSON endpoint kehto.js uses and the form without script),
# the QR code (SVG) and the public sign-in (an event creates the attendee, an ESF delivery marks only listed people
# and stores nothing for others, only on the session's day, rate-limited, a new code ends the old one), and the
# confirmation pages of the four destructive actions. Sessions "today" are dated in Finland's time zone.
source "$(dirname "$0")/lib.sh"
init_db
TODAY=$(TZ=Europe/Helsinki date +%F)
YESTERDAY=$(TZ=Europe/Helsinki date -d '-1 day' +%F)
TOMORROW=$(TZ=Europe/Helsinki date -d '+1 day' +%F)
FROM=$(TZ=Europe/Helsinki date -d '-10 days' +%F)
UNTIL=$(TZ=Europe/Helsinki date -d '+10 days' +%F)
YEAR=${TODAY%%-*}
fi_date() { date -d "$1" +%-d.%-m.%Y; }
q "
INSERT INTO funding_period(id,name,start_year,end_year) VALUES(1,'Kausi',$((YEAR - 2)),$((YEAR + 2)));
INSERT INTO org(id,name,type,ytunnus) VALUES(1,'Oulun kaupunki','kunta','0187690-1'),(2,'Testi Oy','yhtio',NULL);
INSERT INTO service(id,type_code,name,period_id,counts) VALUES(1,'sparraus','Sparraus A',1,'participant'),
 (2,'webinaari','Webinaari B',1,'attendee');
INSERT INTO delivery(id,ref,service_id,title,starts_on,ends_on,place) VALUES
 (1,'SP-1',1,'Sparraus Oulu','$FROM','$UNTIL','Oulu'),(2,'WB-1',2,'Webinaari','$FROM','$UNTIL','Tampere');
INSERT INTO delivery_org(delivery_id,org_id) VALUES(1,1),(1,2);
INSERT INTO delivery_session(id,delivery_id,number,held_on) VALUES(1,1,1,'$TODAY'),(2,1,2,'$YESTERDAY'),
 (3,1,3,'$TOMORROW'),(4,2,1,'$TODAY');
INSERT INTO person(email,name,org_id) VALUES('anna@example.fi','Anna Virtanen',1);
INSERT INTO person(email,name,org_id) VALUES('ville@example.fi','Ville Listattu',1);
INSERT INTO person(email,name,org_id) VALUES('kalle@example.fi','Kalle Muu',2);
INSERT INTO participation(person_id,delivery_id,role) VALUES(2,1,'tyontekija');
INSERT INTO esf_start(person_id,period_id,entry_date,gender,labour,education) VALUES(2,1,'$FROM','mies','tyollinen','isced34');"
add_staff
echo "vihrea-kettu-93-Rq" | "$KEHTO" user add contact1@example.fi --role contact --org 1 --db "$DB" >/dev/null
serve_with # with the access log: the sign-in code must not reach it
login staff@example.fi vihrea-kettu-93-Rq
expect_eq "staff signed in" "$STATUS" 303
P=/hallinta/toteutukset/1/osallistujat
n() { q "SELECT count(*) FROM $1"; }
# staff_get PATH: a GET as staff while $TMP/jar is someone else's (the staff cookies are in $TMP/staffjar)
staff_get() { curl -s -o /dev/null -b "$TMP/staffjar" "$BASE$1"; }

# --- the participants page ---
get $P
expect_eq "participants page" "$STATUS" 200
expect_contains "ESF column for an ESF delivery" "$BODY" "ESF-aloitustiedot"
expect_contains "a listed person with a start record: on" "$BODY" "<td>on</td>"
expect_contains "link to where start records are made" "$BODY" 'href="/hallinta/tuonti"'
expect_contains "roll call linked per session" "$BODY" 'href="/hallinta/tapaamiset/1"'
expect_eq "the view is audited" "$(q "SELECT count(*) FROM audit WHERE subject='delivery:1/participants' AND action='view'")" 1
get "$P?q=virtanen"
expect_contains "search finds a person by name" "$BODY" "Anna Virtanen (anna@example.fi, Oulun kaupunki)"
CSRF=$(csrf_from "$BODY")
post $P "csrf=$CSRF" person=1 role=johto
expect_eq "add an existing person: 303" "$STATUS" 303
expect_eq "added with the role chosen" "$(q "SELECT role FROM participation WHERE person_id=1 AND delivery_id=1")" johto
expect_eq "the add is audited" "$(q "SELECT count(*) FROM audit WHERE subject='person:1' AND detail='added to delivery 1 as johto'")" 1
get $P
expect_contains "a person without a start record: missing" "$BODY" "<td>puuttuu</td>"
post $P "csrf=$CSRF" person=1 role=tyontekija
expect_eq "adding someone twice is 422" "$STATUS" 422
expect_contains "…with a message" "$BODY" "Henkilö on jo tämän toteutuksen osallistuja."
post $P "csrf=$CSRF" "name=Uusi Ihminen" email=uusi@example.fi org=2 role=esihenkilo
expect_eq "add a new person: 303" "$STATUS" 303
expect_eq "the new person is kept with their organisation" "$(q "SELECT name||'|'||org_id FROM person WHERE email='uusi@example.fi'")" "Uusi Ihminen|2"
expect_eq "…and takes part" "$(q "SELECT pa.role FROM participation pa JOIN person p ON p.id=pa.person_id WHERE p.email='uusi@example.fi'")" esihenkilo
expect_eq "the new person is audited as created" "$(q "SELECT count(*) FROM audit a JOIN person p ON a.subject='person:'||p.id WHERE p.email='uusi@example.fi' AND a.action='create'")" 1
before=$(n person)
post $P "csrf=$CSRF" "name=Testi <b>Henkilö</b>" email=ei-osoite org= role=tyontekija
expect_eq "a bad email is 422" "$STATUS" 422
expect_contains "…with its message beside the field" "$BODY" '<span class="error" id="e-email">'
expect_contains "…saying what is wrong" "$BODY" "Sähköpostiosoite ei kelpaa"
expect_contains "…the email typed is kept" "$BODY" 'value="ei-osoite"'
expect_contains "…the name typed is kept (escaped)" "$BODY" 'value="Testi &lt;b&gt;Henkilö&lt;/b&gt;"'
expect_eq "…nothing is stored" "$(n person)" "$before"
post $P "csrf=$CSRF" name= email=x@example.fi role=tyontekija
expect_contains "a missing name has its message" "$BODY" "Anna nimi."
post $P "csrf=0123456789abcdef" "name=Vanha Tunniste" email=vanha@example.fi role=tyontekija
expect_eq "a stale token is 403" "$STATUS" 403
expect_contains "…the form kept" "$BODY" 'value="Vanha Tunniste"'
post $P/rooli "csrf=$CSRF" person=1 role=edustaja
expect_eq "change role: 303" "$STATUS" 303
expect_eq "role changed" "$(q "SELECT role FROM participation WHERE person_id=1 AND delivery_id=1")" edustaja
post $P/rooli "csrf=$CSRF" person=1 role=pomo
expect_eq "an unknown role is 422" "$STATUS" 422

# --- roll call ---
PART1=$(q "SELECT id FROM participation WHERE person_id=1 AND delivery_id=1")
get /hallinta/tapaamiset/1
expect_eq "roll call page" "$STATUS" 200
expect_contains "a checkbox per participant" "$BODY" "name=\"present\" value=\"$PART1\""
expect_contains "the status is a live region" "$BODY" 'role="status" aria-live="polite"'
expect_contains "the script's endpoint is named" "$BODY" 'data-mark="/hallinta/tapaamiset/1/merkinta"'
post /hallinta/tapaamiset/1/merkinta "csrf=$CSRF" participation=$PART1 present=1
expect_eq "mark present (JSON): 200" "$STATUS" 200
expect_contains "…answered in JSON" "$(header Content-Type)" "application/json"
expect_eq "…the answer" "$BODY" "{\"participation\":$PART1,\"present\":true,\"attended\":1}"
expect_eq "…stored" "$(q "SELECT count(*) FROM attendance WHERE session_id=1 AND participation_id=$PART1")" 1
post /hallinta/tapaamiset/1/merkinta "csrf=$CSRF" participation=$PART1 present=1
expect_eq "marking twice is fine" "$STATUS" 200
post /hallinta/tapaamiset/1/merkinta "csrf=$CSRF" participation=$PART1 present=0
expect_contains "unmark" "$BODY" '"present":false'
expect_eq "…removed" "$(q "SELECT count(*) FROM attendance WHERE session_id=1")" 0
post /hallinta/tapaamiset/4/merkinta "csrf=$CSRF" participation=$PART1 present=1
expect_eq "a participation of another delivery is 422" "$STATUS" 422
expect_contains "…with a JSON error" "$BODY" '{"error":'
post /hallinta/tapaamiset/1/merkinta participation=$PART1 present=1
expect_eq "without the token: 403" "$STATUS" 403
post /hallinta/tapaamiset/1 "csrf=$CSRF" present=$PART1 present=1
expect_eq "the list without script: 303" "$STATUS" 303
expect_eq "…both marked" "$(q "SELECT count(*) FROM attendance WHERE session_id=1")" 2
post /hallinta/tapaamiset/1 "csrf=$CSRF" present=1
expect_eq "…an unticked box is unmarked" "$(q "SELECT count(*) FROM attendance WHERE session_id=1")" 1
get /hallinta/tapaamiset/1?done=saved
expect_contains "…checked after a reload" "$BODY" 'name="present" value="1" checked'
expect_eq "attendance changes are audited" "$(q "SELECT count(*) FROM audit WHERE detail LIKE '%at session 1 of delivery 1'")" 5

# --- QR code ---
get /hallinta/tapaamiset/1/qr
expect_eq "QR page" "$STATUS" 200
CODE=$(q "SELECT signin_code FROM delivery_session WHERE id=1")
expect_eq "a code is made when first shown: 32 hex" "$(grep -cE '^[0-9a-f]{32}$' <<<"$CODE")" 1
expect_contains "the address is on the page in text" "$BODY" "/osallistu/$CODE</p>"
get /hallinta/tapaamiset/1/qr
expect_eq "showing it again keeps the code" "$(q "SELECT signin_code FROM delivery_session WHERE id=1")" "$CODE"
get /hallinta/tapaamiset/1/qr.svg
expect_eq "QR SVG: 200" "$STATUS" 200
expect_eq "…image/svg+xml" "$(header Content-Type)" "image/svg+xml"
check "…valid XML with a path" "$PYTHON" -c '
import sys, xml.etree.ElementTree as E
t = E.parse(sys.argv[1]).getroot()
assert t.tag == "{http://www.w3.org/2000/svg}svg" and t.find("{http://www.w3.org/2000/svg}path") is not None' "$TMP/body"
cp "$TMP/jar" "$TMP/staffjar"

# --- public sign-in ---
rm -f "$TMP/jar"
get "/osallistu/$CODE"
expect_eq "sign-in form is public" "$STATUS" 200
expect_contains "…names the session" "$BODY" "Sparraus Oulu"
expect_lacks "…shows no participant" "$BODY" "Ville Listattu"
expect_lacks "…an ESF form asks no name" "$BODY" 'name="name"'
ACSRF=$(csrf_from "$BODY")
before=$(n person)
post "/osallistu/$CODE" "csrf=$ACSRF" email=VILLE@example.fi
expect_eq "a listed person signs in: 200" "$STATUS" 200
expect_contains "…Kirjattu läsnäolevaksi" "$BODY" "Kirjattu läsnäolevaksi."
expect_eq "…attendance marked" "$(q "SELECT count(*) FROM attendance WHERE session_id=1 AND participation_id=1")" 1
post "/osallistu/$CODE" "csrf=$ACSRF" email=kalle@example.fi
expect_contains "an unlisted person is told to contact the organiser" "$BODY" "Ota yhteys järjestäjään"
expect_lacks "…not told they are signed in" "$BODY" "Kirjattu läsnäolevaksi"
post "/osallistu/$CODE" "csrf=$ACSRF" email=tuntematon@example.fi
expect_contains "an unknown email gets the same answer" "$BODY" "Ota yhteys järjestäjään"
expect_eq "…no person created" "$(n person)" "$before"
expect_eq "…no participation created" "$(q "SELECT count(*) FROM participation WHERE delivery_id=1")" 3
staff_get /hallinta/tapaamiset/4/qr
ECODE=$(q "SELECT signin_code FROM delivery_session WHERE id=4")
get "/osallistu/$ECODE"
expect_contains "an event form asks the name" "$BODY" 'name="name"'
post "/osallistu/$ECODE" "csrf=$ACSRF" "name=Eeva Tapahtuma" email=eeva@example.fi org= role=tyontekija
expect_contains "an attendee signs in" "$BODY" "Kirjattu läsnäolevaksi."
expect_eq "…the person is created" "$(q "SELECT name FROM person WHERE email='eeva@example.fi'")" "Eeva Tapahtuma"
expect_eq "…takes part with a role" "$(q "SELECT pa.role FROM participation pa JOIN person p ON p.id=pa.person_id WHERE p.email='eeva@example.fi' AND pa.delivery_id=2")" tyontekija
expect_eq "…is marked present" "$(q "SELECT count(*) FROM attendance WHERE session_id=4")" 1
expect_eq "…audited as the sign-in" "$(q "SELECT count(*) FROM audit WHERE actor='signin' AND action='create'")" 1
post "/osallistu/$ECODE" "csrf=$ACSRF" "name=Toinen Nimi" email=EEVA@example.fi role=johto
expect_contains "signing in again is fine" "$BODY" "Kirjattu läsnäolevaksi."
expect_eq "…one person, one participation, the name kept" "$(q "SELECT count(*)||'|'||max(p.name) FROM participation pa JOIN person p ON p.id=pa.person_id WHERE pa.delivery_id=2")" "1|Eeva Tapahtuma"
post "/osallistu/$ECODE" "csrf=$ACSRF" "name=Kalle <i>K</i>" email=huono role=tyontekija
expect_eq "a bad email is 422" "$STATUS" 422
expect_contains "…message beside the field" "$BODY" "Sähköpostiosoite ei kelpaa"
expect_contains "…the name kept" "$BODY" 'value="Kalle &lt;i&gt;K&lt;/i&gt;"'
post "/osallistu/$ECODE" "csrf=$ACSRF" "name=Olli Org" email=olli@example.fi "org=Ei Ole Oy" role=tyontekija
expect_eq "an unknown organisation is 422" "$STATUS" 422
expect_contains "…with its message" "$BODY" "Organisaatiota ei löytynyt rekisteristä."
post "/osallistu/$ECODE" "csrf=$ACSRF" "name=Olli Org" email=olli@example.fi "org=0187690-1" role=tyontekija
expect_eq "an organisation by Y-tunnus" "$(q "SELECT org_id FROM person WHERE email='olli@example.fi'")" 1
post "/osallistu/$ECODE" "csrf=0123456789abcdef" "name=Vanha" email=vanha@example.fi role=tyontekija
expect_eq "a stale token is 403 with the form kept" "$STATUS|$(contains "$BODY" 'value="Vanha"' && echo kept)" "403|kept"

# outside the day
staff_get /hallinta/tapaamiset/2/qr
staff_get /hallinta/tapaamiset/3/qr
get "/osallistu/$(q "SELECT signin_code FROM delivery_session WHERE id=2")"
expect_eq "yesterday's session: 410" "$STATUS" 410
expect_contains "…says it was held" "$BODY" "Tapaaminen pidettiin $(fi_date "$YESTERDAY")."
post "/osallistu/$(q "SELECT signin_code FROM delivery_session WHERE id=2")" "csrf=$ACSRF" email=ville@example.fi
expect_eq "…a POST too" "$STATUS" 410
expect_eq "…nothing marked" "$(q "SELECT count(*) FROM attendance WHERE session_id=2")" 0
get "/osallistu/$(q "SELECT signin_code FROM delivery_session WHERE id=3")"
expect_eq "tomorrow's session: 403" "$STATUS" 403
expect_contains "…says when it opens" "$BODY" "Ilmoittautuminen avautuu tapaamisen päivänä $(fi_date "$TOMORROW")."
get /osallistu/00000000000000000000000000000000
expect_eq "an unknown code is 404" "$STATUS" 404

# a new code ends the old one
SCSRF=$(curl -s -b "$TMP/staffjar" "$BASE/hallinta/tapaamiset/1/qr" | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1)
STATUS=$(curl -s -o /dev/null -w '%{http_code}' -b "$TMP/staffjar" --data-urlencode "csrf=$SCSRF" "$BASE/hallinta/tapaamiset/1/uusi-koodi")
expect_eq "new code: 303" "$STATUS" 303
NEW=$(q "SELECT signin_code FROM delivery_session WHERE id=1")
[ "$NEW" != "$CODE" ] && ok "the code changed" || not_ok "the code changed"
get "/osallistu/$CODE"
expect_eq "the old code is 404" "$STATUS" 404
get "/osallistu/$NEW"
expect_eq "the new code works" "$STATUS" 200

# a venue's Wi-Fi: forty people sign in from one address, none held back (only unsuccessful tries count)
okn=0
for i in $(seq 1 40); do
  post "/osallistu/$ECODE" "csrf=$ACSRF" "name=Yleisö $i" "email=yleiso$i@example.fi" role=tyontekija
  case "$BODY" in *"Kirjattu läsnäolevaksi."*) okn=$((okn + 1)) ;; esac
done
expect_eq "forty sign-ins from one address all succeed" "$okn" 40

# rate limit: 30 unsuccessful tries per address in ten minutes (the unsuccessful tries above count too)
for _ in $(seq 1 35); do
  post "/osallistu/$NEW" "csrf=$ACSRF" email=kokeilu@example.fi
  [ "$STATUS" = 429 ] && break
done
expect_eq "too many tries from one address: 429" "$STATUS" 429
expect_contains "…with a message" "$BODY" "Liian monta kirjausta lyhyessä ajassa."
expect_eq "tries are counted per address and per session (two sessions tried)" "$(q "SELECT count(DISTINCT key) FROM post_limit WHERE key LIKE 'signin:%'")" 3

# --- confirmations of destructive actions ---
cp "$TMP/staffjar" "$TMP/jar"
A1=$(q "SELECT count(*) FROM attendance WHERE session_id=1")
get "/hallinta/toteutukset/1/tapaamiset/poista?session=1"
expect_eq "delete session: a confirmation page" "$STATUS" 200
expect_contains "…says what goes" "$BODY" "Poistetaan tapaaminen 1 ($(fi_date "$TODAY")) ja sen $A1 läsnäolomerkintää."
expect_contains "…a cancel link" "$BODY" '<a href="/hallinta/toteutukset/1">Peruuta</a>'
post /hallinta/toteutukset/1/tapaamiset/poista "csrf=$CSRF" session=1
expect_eq "a POST without confirm shows the confirmation" "$STATUS|$(n delivery_session)" "200|4"
expect_contains "…the same page" "$BODY" "Poistetaanko tapaaminen?"
post /hallinta/toteutukset/1/tapaamiset/poista "csrf=$CSRF" session=1 confirm=1
expect_eq "confirmed: deleted" "$STATUS|$(n delivery_session)|$(q "SELECT count(*) FROM attendance WHERE session_id=1")" "303|3|0"

get "/hallinta/toteutukset/1/organisaatiot/poista?org=2"
expect_contains "remove organisation: what goes" "$BODY" "Poistetaan Testi Oy toteutuksesta Sparraus Oulu."
post /hallinta/toteutukset/1/organisaatiot/poista "csrf=$CSRF" org=2
expect_eq "…without confirm nothing goes" "$STATUS|$(n delivery_org)" "200|2"
post /hallinta/toteutukset/1/organisaatiot/poista "csrf=$CSRF" org=2 confirm=1
expect_eq "…confirmed" "$STATUS|$(n delivery_org)" "303|1"

post /hallinta/tapaamiset/4/merkinta "csrf=$CSRF" participation=$(q "SELECT id FROM participation WHERE delivery_id=2 LIMIT 1") present=1
get "$P/poista?person=2"
expect_contains "remove person: what goes" "$BODY" "Poistetaan Ville Listattu toteutuksesta ja hänen 0 läsnäolomerkintäänsä."
get "/hallinta/toteutukset/2/osallistujat/poista?person=$(q "SELECT id FROM person WHERE email='eeva@example.fi'")"
expect_contains "…counts the attendance" "$BODY" "ja hänen 1 läsnäolomerkintäänsä."
post $P/poista "csrf=$CSRF" person=2
expect_eq "…without confirm nothing goes" "$STATUS|$(q "SELECT count(*) FROM participation WHERE delivery_id=1")" "200|3"
post $P/poista "csrf=$CSRF" person=2 confirm=1
expect_eq "…confirmed" "$STATUS|$(q "SELECT count(*) FROM participation WHERE delivery_id=1")" "303|2"
expect_eq "…the person stays" "$(q "SELECT count(*) FROM person WHERE id=2")" 1
expect_eq "…audited" "$(q "SELECT count(*) FROM audit WHERE subject='person:2' AND detail LIKE 'removed from delivery 1%'")" 1
get "$P/poista?person=3"
expect_eq "someone not in the delivery: 404" "$STATUS" 404

q "INSERT INTO application(id,service_id,org_id,user_id,need) VALUES(1,1,1,(SELECT id FROM \"user\" WHERE email='contact1@example.fi'),'Tarve')"
rm -f "$TMP/jar"
login contact1@example.fi vihrea-kettu-93-Rq
get /hakemukset/1
expect_contains "the application links to the confirmation" "$BODY" 'href="/hakemukset/1/peru"'
CCSRF=$(csrf_from "$BODY")
get /hakemukset/1/peru
expect_contains "cancel application: what goes" "$BODY" "Perutaan hakemus palveluun Sparraus A (Oulun kaupunki)."
post /hakemukset/1/peru "csrf=$CCSRF"
expect_eq "…without confirm it stays" "$STATUS|$(q "SELECT status FROM application WHERE id=1")" "200|submitted"
post /hakemukset/1/peru "csrf=$CCSRF" confirm=1
expect_eq "…confirmed" "$STATUS|$(q "SELECT status FROM application WHERE id=1")" "303|cancelled"
get /hallinta/tapaamiset/4
expect_eq "a contact does not get the roll call" "$STATUS" 403
expect_lacks "the access log never has a sign-in code" "$(cat "$TMP/server.log")" "$NEW"
expect_contains "it logs the sign-in page without it" "$(cat "$TMP/server.log")" 'GET /osallistu/… 200'
grep -q "Assertion\|Segmentation" "$TMP/server.log" && not_ok "server log has no assertion failure" || ok "server log clean"
finish
