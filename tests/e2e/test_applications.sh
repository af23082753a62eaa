# End-to-end: applications for sparraus and training: a contact applies (missing fields shown again with messages and
# the text kept), sees only its own organisation's applications, staff approve (a delivery is made) or reject (reason
# required), the history shows who and when, the applicant cancels, and the need text is escaped everywhere.
source "$(dirname "$0")/lib.sh"
init_db
q <<'SQL'
INSERT INTO funding_period(id, name, start_year, end_year) VALUES(1, '2. rahoituskausi', 2018, 2020);
INSERT INTO org(id, name, type, ytunnus) VALUES(1, 'Testilän kaupunki', 'kunta', '0737546-2'), (2, 'Muulan kunta', 'kunta', NULL);
INSERT INTO service(id, type_code, name, period_id, counts) VALUES(1, 'sparraus', 'Sparraus 2019', 1, 'participant'),
  (2, 'valmennus', 'Kehittäjävalmennus', 1, 'participant'), (3, 'webinaari', 'Webinaari', 1, 'attendee');
INSERT INTO service(id, type_code, name, period_id, counts, open) VALUES(4, 'sparraus', 'Suljettu sparraus', 1, 'participant', 0);
INSERT INTO coach(id, name, company) VALUES(1, 'Kaisa Valmentaja', 'Valmennus Oy');
INSERT INTO theme(name) VALUES('työhyvinvointi'), ('johtaminen');
SQL
add_staff
echo "sininen-kala-47-Wz" | "$KEHTO" user add yhteys@testila.fi --role contact --org 0737546-2 --db "$DB" >/dev/null
echo "sininen-kala-47-Wz" | "$KEHTO" user add yhteys@muula.fi --role contact --org 2 --db "$DB" >/dev/null
start_server
# before any service is open the form says so
q "UPDATE service SET open=0 WHERE id IN (1, 2)"
add_staff early@example.fi staff
login early@example.fi vihrea-kettu-93-Rq
get /hakemukset/uusi
expect_contains "no open services: the form says so" "$BODY" "Haettavia palveluja ei ole juuri nyt."
q "UPDATE service SET open=1 WHERE id IN (1, 2)"
rm -f "$TMP/jar"

get /hakemukset
expect_eq "anonymous /hakemukset goes to login" "$STATUS" 303
expect_contains "login keeps where to return" "$(header Location)" "/kirjaudu?next=%2Fhakemukset"
get /hakemukset/uusi
expect_eq "anonymous form goes to login" "$STATUS" 303
get /

login yhteys@testila.fi sininen-kala-47-Wz
get /hakemukset
expect_eq "contact sees the applications page" "$STATUS" 200
expect_contains "navigation has Hakemukset" "$BODY" '>Hakemukset</a>'
get "/hakemukset/uusi?service=1"; form=$BODY
expect_eq "contact sees the form" "$STATUS" 200
expect_contains "?service= preselects the service" "$form" 'value="1" selected'
expect_lacks "closed service not offered" "$form" "Suljettu sparraus"
expect_lacks "webinar not offered" "$form" ">Webinaari"
expect_contains "contact's organisation shown" "$form" "Testilän kaupunki"
expect_lacks "contact does not choose the organisation" "$form" 'name="org_id"'
csrf=$(csrf_from "$form")

post /hakemukset/uusi "service_id=1" "need=Ilman tunnistetta"
expect_eq "application without CSRF is 403" "$STATUS" 403
post /hakemukset/uusi "csrf=0123abcd" "service_id=1" "need=Pitkä tarve <i>" "proposed_dates=Huhtikuu"
expect_eq "application with a stale CSRF token is 403" "$STATUS" 403
expect_contains "stale token: the form is shown again with a message" "$BODY" "Lomakkeen turvatunniste oli vanhentunut"
expect_contains "stale token: the need text is kept, escaped" "$BODY" "Pitkä tarve &lt;i&gt;</textarea>"
expect_contains "stale token: the form carries a fresh token" "$BODY" "name=\"csrf\" value=\"$csrf\""

post /hakemukset/uusi "csrf=$csrf" "service_id=" "need=" "themes=tuntematon teema" "proposed_dates=Maaliskuu <b>" \
  "n_johto=x" "n_esihenkilo=" "n_tyontekija=" "n_edustaja="
expect_eq "missing fields: 422" "$STATUS" 422
expect_contains "service message beside the field" "$BODY" 'id="e-service_id"'
expect_contains "need message beside the field" "$BODY" 'id="e-need">Kuvaa tarpeenne omin sanoin.'
expect_contains "unknown theme named" "$BODY" 'id="e-themes"'
expect_contains "bad count beside its field" "$BODY" 'id="e-n_johto"'
expect_contains "theme text kept" "$BODY" 'value="tuntematon teema"'
expect_contains "dates kept, escaped" "$BODY" 'value="Maaliskuu &lt;b&gt;"'
expect_contains "bad count kept" "$BODY" 'name="n_johto" value="x"'

post /hakemukset/uusi "csrf=$csrf" "service_id=1" "need=Tarve" "n_johto=0" "n_esihenkilo=0" "n_tyontekija=3" "n_edustaja=0"
expect_eq "sparraus without management is refused" "$STATUS" 422
expect_contains "management always takes part" "$BODY" 'id="e-n_johto">Sparraukseen osallistuu aina johto'
expect_contains "supervisors always take part" "$BODY" 'id="e-n_esihenkilo"'
expect_contains "staff representatives always take part" "$BODY" 'id="e-n_edustaja"'
post /hakemukset/uusi "csrf=$csrf" "service_id=2" "need=Tarve" "n_johto=0" "n_esihenkilo=0" "n_tyontekija=0" "n_edustaja=0"
expect_contains "at least one person, beside the role counts" "$BODY" 'id="e-participants">Kerro, keitä osallistuu: vähintään yksi henkilö.'
post /hakemukset/uusi "csrf=$csrf" "service_id=4" "need=Tarve" "n_johto=1" "n_esihenkilo=1" "n_edustaja=1"
expect_contains "closed service refused" "$BODY" "Palvelun haku on suljettu."
post /hakemukset/uusi "csrf=$csrf" "service_id=3" "need=Tarve" "n_johto=1" "n_esihenkilo=1" "n_edustaja=1"
expect_contains "webinar refused" "$BODY" "Tähän palveluun ei haeta hakemuksella"

XSS='<script>alert("tarve")</script> & muuta'
post /hakemukset/uusi "csrf=$csrf" "service_id=1" "org_id=2" "need=$XSS" "themes=Johtaminen, työhyvinvointi" \
  "preferred_coach_id=1" "proposed_dates=viikot 10–12" "n_johto=2" "n_esihenkilo=4" "n_tyontekija=0" "n_edustaja=1"
expect_eq "good application accepted" "$STATUS" 303
loc=$(header Location)
app=$(sed -n 's|^/hakemukset/\([0-9]*\)?done=sent$|\1|p' <<<"$loc")
check "redirected to the new application ($loc)" test -n "$app"
expect_eq "stored for the contact's own organisation, not the posted one" \
  "$(q "SELECT org_id FROM application WHERE id=$app")" 1
get "$loc"
expect_contains "sent notice" "$BODY" "Hakemus lähetetty."
expect_contains "status shown to the applicant" "$BODY" "Odottaa käsittelyä"
expect_lacks "need never raw" "$BODY" '<script>alert'
expect_contains "need escaped" "$BODY" '&lt;script&gt;alert(&quot;tarve&quot;)&lt;/script&gt; &amp; muuta'
expect_contains "history: who" "$BODY" "yhteys@testila.fi"
check "history: Finnish date and time" grep -qE '[0-9]{1,2}\.[0-9]{1,2}\.20[0-9]{2} klo [0-9]{2}\.[0-9]{2}' <<<"$BODY"
expect_contains "cancel button for the applicant" "$BODY" "Peru hakemus"
expect_lacks "no decision form for the contact" "$BODY" "/hyvaksy"
get /hakemukset
expect_contains "own list shows the application" "$BODY" "/hakemukset/$app\""
expect_contains "own list shows the status" "$BODY" "Odottaa käsittelyä"

# a second application, to be rejected; a third, to be cancelled
post /hakemukset/uusi "csrf=$csrf" "service_id=2" "need=Toinen tarve" "n_tyontekija=5"
app2=$(header Location | sed -n 's|^/hakemukset/\([0-9]*\)?.*|\1|p')
post /hakemukset/uusi "csrf=$csrf" "service_id=2" "need=Kolmas tarve" "n_tyontekija=1"
app3=$(header Location | sed -n 's|^/hakemukset/\([0-9]*\)?.*|\1|p')
get "/hakemukset/$app3"
post "/hakemukset/$app3/peru" "csrf=$csrf" confirm=1 # confirmed (test_attendance.sh: the confirmation page)
expect_eq "applicant cancels" "$STATUS" 303
get "/hakemukset/$app3"
expect_contains "cancelled status shown" "$BODY" "Peruttu"
expect_lacks "no cancel button any more" "$BODY" "Peru hakemus"
post "/hakemukset/$app/hyvaksy" "csrf=$csrf" "starts_on=2019-03-04" "ends_on=2019-03-05"
expect_eq "a contact cannot approve" "$STATUS" 403

# another organisation's contact
rm -f "$TMP/jar"
login yhteys@muula.fi sininen-kala-47-Wz
get "/hakemukset/$app"
expect_eq "another organisation's contact gets 403" "$STATUS" 403
expect_lacks "403 page does not leak the need" "$BODY" "alert"
get /hakemukset
expect_lacks "another organisation's list lacks the application" "$BODY" "/hakemukset/$app\""
post "/hakemukset/$app2/peru" "csrf=$(csrf_from "$BODY")"
expect_eq "another organisation's contact cannot cancel" "$STATUS" 403
get /hakemukset/99999
expect_eq "unknown application is 404" "$STATUS" 404

# staff decide
rm -f "$TMP/jar"
login staff@example.fi vihrea-kettu-93-Rq
get /hakemukset
expect_eq "staff see the queue" "$STATUS" 200
expect_contains "queue lists the submitted application" "$BODY" "/hakemukset/$app\""
expect_lacks "queue leaves out the cancelled one by default" "$BODY" "/hakemukset/$app3\""
get "/hakemukset?status=cancelled"
expect_contains "status filter shows cancelled" "$BODY" "/hakemukset/$app3\""
expect_lacks "status filter leaves out submitted" "$BODY" "/hakemukset/$app\""
expect_contains "tab counts the submitted" "$BODY" 'Odottaa käsittelyä <span class="count">(2)</span>'
expect_contains "tab counts the cancelled" "$BODY" 'Peruttu <span class="count">(1)</span>'
expect_contains "tab counts none rejected" "$BODY" 'Hylätty <span class="count">(0)</span>'
expect_contains "tab counts them all" "$BODY" 'Kaikki <span class="count">(3)</span>'
get "/hakemukset/$app"; page=$BODY; scsrf=$(csrf_from "$page")
expect_contains "decision form for staff" "$page" "/hakemukset/$app/hyvaksy"
expect_contains "preferred coach preselected" "$page" 'value="1" selected>Kaisa Valmentaja'
expect_lacks "need escaped for staff too" "$page" '<script>alert'
expect_lacks "no cancel button for staff" "$page" "Peru hakemus"

post "/hakemukset/$app2/hylkaa" "csrf=0123abcd" "reason=Pitkä perustelu <b>"
expect_eq "reject with a stale CSRF token is 403" "$STATUS" 403
expect_contains "stale token on a decision: the message" "$BODY" "Lomakkeen turvatunniste oli vanhentunut"
expect_contains "stale token on a decision: the reason is kept, escaped" "$BODY" "Pitkä perustelu &lt;b&gt;</textarea>"
expect_eq "stale token on a decision: nothing decided" "$(q "SELECT status FROM application WHERE id=$app2")" submitted
post "/hakemukset/$app2/hylkaa" "csrf=$scsrf" "reason=  "
expect_eq "reject without a reason is 422" "$STATUS" 422
expect_contains "reason message beside the field" "$BODY" 'id="e-reason">Kerro hylkäyksen syy.'
post "/hakemukset/$app2/hylkaa" "csrf=$scsrf" "reason=Kiintiö <täynnä>"
expect_eq "reject with a reason" "$STATUS" 303
post "/hakemukset/$app/hyvaksy" "csrf=$scsrf" "starts_on=2019-03-05" "ends_on=2019-03-04"
expect_eq "end before start is 422" "$STATUS" 422
expect_contains "end date message beside the field" "$BODY" 'id="e-ends_on"'
expect_contains "dates kept" "$BODY" 'value="2019-03-05"'
post "/hakemukset/$app/hyvaksy" "starts_on=2019-03-04" "ends_on=2019-03-05"
expect_eq "approve without CSRF is 403" "$STATUS" 403
post "/hakemukset/$app/hyvaksy" "csrf=$scsrf" "starts_on=2019-03-04" "ends_on=5.3.2019" "coach_id=1"
expect_eq "staff approve" "$STATUS" 303
did=$(q "SELECT id FROM delivery WHERE application_id=$app")
check "a delivery exists for the application" test -n "$did"
expect_eq "delivery has the service, dates and coach" \
  "$(q "SELECT service_id||' '||starts_on||' '||ends_on||' '||coach_id FROM delivery WHERE id=$did")" \
  "1 2019-03-04 2019-03-05 1"
expect_eq "delivery has the organisation" "$(q "SELECT org_id FROM delivery_org WHERE delivery_id=$did")" 1
get "/hakemukset/$app?done=approved"
expect_contains "approved notice" "$BODY" "Hakemus hyväksytty"
expect_contains "staff page links to the delivery" "$BODY" "/hallinta/toteutukset/$did\""
expect_contains "history: approved by staff" "$BODY" "staff@example.fi"
post "/hakemukset/$app/hylkaa" "csrf=$scsrf" "reason=Toinen päätös"
expect_eq "deciding twice is refused" "$STATUS" 422
expect_contains "deciding twice says why" "$BODY" "Hakemus on jo käsitelty"
expect_eq "still approved" "$(q "SELECT status FROM application WHERE id=$app")" approved
expect_eq "history rows: submitted, approved" \
  "$(q "SELECT status||':'||actor FROM application_event WHERE application_id=$app ORDER BY id" | paste -sd' ')" \
  "submitted:yhteys@testila.fi approved:staff@example.fi"

# staff apply on behalf of an organisation
get /hakemukset/uusi; scsrf=$(csrf_from "$BODY")
expect_contains "staff choose the organisation" "$BODY" 'name="org_id"'
post /hakemukset/uusi "csrf=$scsrf" "service_id=2" "org_id=" "need=Puhelimessa sovittu" "n_tyontekija=2"
expect_contains "staff must choose the organisation" "$BODY" 'id="e-org_id"'
post /hakemukset/uusi "csrf=$scsrf" "service_id=2" "org_id=2" "need=Puhelimessa sovittu" "n_tyontekija=2"
expect_eq "staff apply for another organisation" "$STATUS" 303
expect_eq "stored for the chosen organisation" \
  "$(q "SELECT org_id FROM application WHERE need='Puhelimessa sovittu'")" 2

# the applicant sees the decisions
rm -f "$TMP/jar"
login yhteys@testila.fi sininen-kala-47-Wz
get "/hakemukset/$app"
expect_contains "applicant sees approved" "$BODY" "Hyväksytty"
expect_contains "applicant sees the delivery dates" "$BODY" "4.3.2019–5.3.2019"
expect_lacks "no staff link for the contact" "$BODY" "/hallinta/toteutukset/"
expect_contains "history names the programme team to the contact" "$BODY" "Ohjelman henkilöstö"
expect_lacks "staff email not shown to the contact" "$BODY" "staff@example.fi"
expect_contains "history names the contact's own colleague" "$BODY" "yhteys@testila.fi"
get "/hakemukset/$app2"
expect_contains "applicant sees rejected" "$BODY" "Hylätty"
expect_contains "applicant sees the reason, escaped" "$BODY" "Kiintiö &lt;täynnä&gt;"
get "/hakemukset?status=kaikki"
expect_contains "list shows approved" "$BODY" "Hyväksytty"
expect_lacks "list escapes everything" "$BODY" '<script>alert'
get "/en/hakemukset/$app"
expect_contains "English page" "$BODY" "Approved"
for lang in sv en; do
  for p in /hakemukset /hakemukset/uusi "/hakemukset/$app" "/hakemukset/$app2"; do
    get "/$lang$p"
    untranslated=$(grep -oE 'Hakemukset|Uusi hakemus|Tarve omin sanoin|Käsittelyhistoria|Odottaa käsittelyä|Hyväksytty|Hylätty|Lähetä hakemus|pakollinen|Osallistujat|Toivottu valmentaja|Ohjelman henkilöstö| klo ' <<<"$BODY" | sort -u | tr '\n' ' ')
    expect_eq "/$lang$p has no Finnish interface words" "$untranslated" ""
  done
done
get /sv/hakemukset/uusi; tok=$(csrf_from "$BODY")
post /sv/hakemukset/uusi "csrf=$tok" "service_id=1" "need=" "n_johto=1" "n_esihenkilo=1" "n_edustaja=1"
expect_contains "Swedish message beside the field" "$BODY" 'id="e-need">Beskriv ert behov med egna ord.'
finish
