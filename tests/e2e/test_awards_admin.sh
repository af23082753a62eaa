# End-to-end: staff's award rounds (/hallinta/palkinnot) and the public suggestion form (/palkinnot/ehdota). Only
# staff get in; a round is created (a bad year and a taken one refused beside the field, a stale token keeps what was
# typed), categories and weighted criteria added, edited and deleted (a category with nominees is kept), jurors
# assigned (only active jury accounts) with the conflict of a juror from the deed's organisation recorded; staff
# nominate published deeds (an unpublished one refused); anyone suggests a deed with a reason (the deed fixed by
# ?teko=, the text kept on a mistake, a honeypot, a rate limit per address); staff decline (a reason required, the
# suggester emailed in their language) or accept; a nomination is taken out after a confirmation; publishing and
# unpublishing go through a confirmation; a published round refuses changes; a round is deleted; writes are audited.
source "$(dirname "$0")/lib.sh"

init_db
q "INSERT INTO org(id, name, type) VALUES(1, 'Testilän kaupunki', 'kunta'), (2, 'Muula Oy', 'yhtio');
   INSERT INTO deed(id, title, org_id, org_name, sector_code, year, status) VALUES
     (1, 'Viestintäteko <i>Testilässä</i>', 1, 'Testilän kaupunki', 'sote', 2026, 'published'),
     (2, 'Robotti-teko', 2, 'Muula Oy', 'tekninen', 2026, 'published'),
     (3, 'Keskeneräinen', 2, 'Muula Oy', 'tekninen', 2026, 'submitted');"
add_staff staff@example.fi staff
add_staff juri@example.fi jury
add_staff toinen@example.fi jury
add_staff contact@example.fi contact 1
q "UPDATE \"user\" SET name = 'Jaana Juri', org_id = 1 WHERE email = 'juri@example.fi';
   UPDATE \"user\" SET name = 'Toivo Toinen' WHERE email = 'toinen@example.fi'"
JURI=$(q "SELECT id FROM \"user\" WHERE email = 'juri@example.fi'")
TOINEN=$(q "SELECT id FROM \"user\" WHERE email = 'toinen@example.fi'")
STAFF=$(q "SELECT id FROM \"user\" WHERE email = 'staff@example.fi'")
start_server
PW=vihrea-kettu-93-Rq

# --- only staff ---
get /hallinta/palkinnot
expect_eq "anonymous users are sent to sign in" "$STATUS" 303
login contact@example.fi "$PW"
get /hallinta/palkinnot
expect_eq "a contact may not manage awards" "$STATUS" 403
rm -f "$TMP/jar"
login juri@example.fi "$PW"
get /hallinta/palkinnot
expect_eq "a juror may not manage awards" "$STATUS" 403
rm -f "$TMP/jar"

login staff@example.fi "$PW"
get /hallinta/palkinnot
expect_eq "staff open the rounds" "$STATUS" 200
expect_contains "the page is in the staff menu" "$BODY" 'href="/hallinta/palkinnot" aria-current="page">Palkinnot'
expect_contains "no rounds yet" "$BODY" "Palkintokierroksia ei ole vielä."
csrf=$(csrf_from "$BODY")

# --- a round ---
post /hallinta/palkinnot/uusi "csrf=$csrf" "year=1999" "nominate_until=31.2.2027" "intro=Johdanto <b>x</b>"
expect_eq "a year out of range is refused" "$STATUS" 422
expect_contains "its error is beside the year" "$BODY" 'id="e-year">Anna vuosi väliltä 2000–2100.'
expect_contains "a day that does not exist is refused" "$BODY" 'id="e-nominate_until">Anna päivä muodossa 22.11.2026.'
expect_contains "the text is kept, escaped" "$BODY" "Johdanto &lt;b&gt;x&lt;/b&gt;</textarea>"
stale_post /hallinta/palkinnot/uusi "a new round" "value=\"31.12.2099\"" "SELECT COUNT(*) FROM award_round" \
  "year=2026" "nominate_until=31.12.2099" "jury_until=2100-01-31" "chair_id=$TOINEN" "intro=Vuoden teot"
expect_contains "saved, to the round's page" "$(header Location)" "/hallinta/palkinnot/1?done=saved"
expect_eq "the days are stored as ISO days" "$(q "SELECT nominate_until || ' ' || jury_until || ' ' || chair_id FROM award_round")" \
  "2099-12-31 2100-01-31 $TOINEN"
post /hallinta/palkinnot/uusi "csrf=$csrf" "year=2026"
expect_contains "a taken year is refused" "$BODY" 'id="e-year">Vuodelle on jo palkintokierros.'
post /hallinta/palkinnot/1/muokkaa "csrf=$csrf" "year=2026" "chair_id=$STAFF" "nominate_until=31.12.2099"
expect_contains "only a jury account chairs" "$BODY" 'id="e-chair_id">Puheenjohtajan pitää olla aktiivinen raadin tunnus.'
get /hallinta/palkinnot/1/muokkaa
expect_contains "the edit form shows the day the Finnish way" "$BODY" 'value="31.12.2099"'

# --- categories and criteria ---
post /hallinta/palkinnot/1/sarjat/uusi "csrf=$csrf" "name=" "description=Kuvaus jää"
expect_eq "a category needs a name" "$STATUS" 422
expect_contains "beside the name" "$BODY" 'id="e-name">Nimi puuttuu.'
expect_contains "the description is kept" "$BODY" "Kuvaus jää</textarea>"
post /hallinta/palkinnot/1/sarjat/uusi "csrf=$csrf" "name=Viestintäteko" "name_sv=Kommunikationsgärning" \
  "name_en=Communication deed" "description=Viestii hyvin"
expect_eq "a category is added" "$STATUS" 303
post /hallinta/palkinnot/1/sarjat/uusi "csrf=$csrf" "name=Teknologiateko"
post /hallinta/palkinnot/1/sarjat/uusi "csrf=$csrf" "name=Teknologiateko"
expect_contains "a name twice in a round is refused" "$BODY" 'id="e-name">Kierroksella on jo samanniminen sarja.'
post /hallinta/palkinnot/1/kriteerit/uusi "csrf=$csrf" "name=Vaikuttavuus" "weight=0"
expect_contains "a weight out of range is refused" "$BODY" 'id="e-weight">Anna paino väliltä 1–100.'
post /hallinta/palkinnot/1/kriteerit/uusi "csrf=$csrf" "name=Vaikuttavuus" "weight=3"
expect_eq "a criterion is added" "$STATUS" 303
post /hallinta/palkinnot/1/kriteerit/uusi "csrf=$csrf" "name=Levitettävyys" "weight=1"
post /hallinta/palkinnot/kriteeri/1 "csrf=$csrf" "name=Vaikuttavuus" "weight=2"
expect_eq "a weight is changed" "$(q "SELECT weight FROM award_criterion WHERE id = 1")" 2
get /hallinta/palkinnot/1
expect_contains "the round's page lists categories" "$BODY" ">Viestintäteko<"
expect_lacks "in Finnish on a Finnish page" "$BODY" "Kommunikationsgärning"
expect_contains "the criteria's shares from their weights" "$BODY" '<td class="num">2</td><td class="num">67 %</td>'
get /sv/hallinta/palkinnot/1
expect_contains "the Swedish page shows the Swedish name" "$BODY" ">Kommunikationsgärning<"

# --- jurors ---
post /hallinta/palkinnot/sarja/1/tuomarit "csrf=$csrf" "user_id=$STAFF"
expect_eq "a staff account is no juror" "$STATUS" 422
expect_contains "the error is beside that category's field" "$BODY" 'id="e-user-1">Valitse aktiivinen raadin tunnus.'
expect_contains "the summary links to that field" "$BODY" '<a href="#f-user-1">Valitse aktiivinen raadin tunnus.</a>'
post /hallinta/palkinnot/sarja/1/tuomarit "csrf=$csrf" "user_id=$JURI"
expect_eq "a juror is added" "$STATUS" 303
post /hallinta/palkinnot/sarja/1/tuomarit "csrf=$csrf" "user_id=$TOINEN"
get /hallinta/palkinnot/1
expect_contains "the jurors are listed" "$BODY" "Jaana Juri &lt;juri@example.fi&gt;"
expect_contains "the chair is marked" "$BODY" "Toivo Toinen &lt;toinen@example.fi&gt; (puheenjohtaja)"

# --- staff nominate ---
post /hallinta/palkinnot/1/ehdokkaat "csrf=$csrf" "category_id=1" "deed=3" "reason=Ei julkaistu"
expect_eq "an unpublished deed is refused" "$STATUS" 422
expect_contains "beside the deed" "$BODY" 'id="e-deed">Anna julkaistun teon numero.'
expect_contains "the reason is kept" "$BODY" "Ei julkaistu</textarea>"
post /hallinta/palkinnot/1/ehdokkaat "csrf=$csrf" "category_id=1" "deed=http://x.example/tekot/1" "reason=Selkeää viestintää"
expect_eq "a deed is nominated by its address" "$STATUS" 303
expect_eq "it is nominated" "$(q "SELECT status || ' ' || deed_id FROM award_nomination")" "nominated 1"
post /hallinta/palkinnot/1/ehdokkaat "csrf=$csrf" "category_id=1" "deed=1"
expect_contains "twice in a category is refused" "$BODY" 'id="e-deed">Teko on jo ehdokkaana tässä sarjassa.'
expect_eq "the juror from the deed's organisation has a recorded conflict" \
  "$(q "SELECT COUNT(*) FROM award_conflict WHERE user_id = $JURI AND deed_id = 1 AND kind = 'org'")" 1
get /hallinta/palkinnot/1/ehdokkaat
expect_contains "the list shows the nominee, escaped" "$BODY" "Viestintäteko &lt;i&gt;Testilässä&lt;/i&gt;"

# --- anyone suggests ---
rm -f "$TMP/jar"
get /tekot/2
expect_contains "a published deed's page invites a suggestion for the open round" "$BODY" \
  '<a href="/palkinnot/ehdota?teko=2">Ehdota tätä tekoa palkittavaksi</a> (Palkitut teot 2026, viimeistään 31.12.2099)'
get "/palkinnot/ehdota?teko=2"
expect_eq "the suggestion form is public" "$STATUS" 200
expect_contains "the deed from ?teko= is fixed" "$BODY" 'name="deed" value="2"'
expect_contains "its title is shown" "$BODY" ">Robotti-teko</a>"
expect_contains "the categories are described" "$BODY" "Viestii hyvin"
pcsrf=$(csrf_from "$BODY")
post /palkinnot/ehdota "csrf=$pcsrf" "deed=2" "category_id=2" "reason=" "name=Anna" "email=anna@example"
expect_eq "a suggestion without a reason is refused" "$STATUS" 422
expect_contains "beside the reason" "$BODY" 'id="e-reason">Kerro lyhyesti, miksi teko ansaitsee palkinnon.'
expect_contains "a bad address beside the email" "$BODY" 'id="e-email">Tarkista sähköpostiosoite.'
expect_contains "the name is kept" "$BODY" 'value="Anna"'
expect_contains "the deed stays fixed" "$BODY" 'name="deed" value="2"'
post /palkinnot/ehdota "csrf=$pcsrf" "deed=2" "category_id=2" "reason=Robotti säästää aikaa" "website=http://spam"
expect_eq "the honeypot answers as if it went fine" "$STATUS" 303
expect_eq "and stores nothing" "$(q "SELECT COUNT(*) FROM award_nomination WHERE status = 'suggested'")" 0
get /sv/palkinnot/ehdota
expect_contains "the form in Swedish" "$BODY" "<h1>Föreslå en gärning för pris</h1>"
svcsrf=$(csrf_from "$BODY")
post /sv/palkinnot/ehdota "csrf=$svcsrf" "deed=/tekot/2" "category_id=2" "reason=Robotti säästää aikaa" "email=anna@example.fi"
expect_eq "a suggestion is stored" "$STATUS" 303
expect_contains "to the thanks page" "$(header Location)" "/sv/palkinnot/ehdota/kiitos"
expect_eq "as suggested, with the language it was made in" \
  "$(q "SELECT status || ' ' || suggester_email || ' ' || suggester_lang FROM award_nomination WHERE deed_id = 2")" \
  "suggested anna@example.fi sv"
post /palkinnot/ehdota "csrf=$pcsrf" "deed=1" "category_id=1" "reason=Hyvä"
expect_contains "a nominated deed is not suggested again" "$BODY" 'id="e-deed">Teko on jo ehdotettu tai ehdokkaana tässä sarjassa.'
post /palkinnot/ehdota "csrf=$pcsrf" "deed=1" "category_id=2" "reason=Myös teknologiaa"
expect_eq "another suggestion, without an address" "$STATUS" 303
now=$(date +%s)
for _ in 1 2 3 4 5 6 7 8 9 10; do q "INSERT INTO post_limit(key, at) VALUES('award-suggest:127.0.0.1', $now)"; done
post /palkinnot/ehdota "csrf=$pcsrf" "deed=2" "category_id=1" "reason=Vielä yksi"
expect_eq "too many suggestions from one address are refused" "$STATUS" 429
expect_contains "... saying why, on the form" "$BODY" "Olet lähettänyt monta ehdotusta lyhyessä ajassa."
expect_contains "... with the reason typed kept" "$BODY" "Vielä yksi</textarea>"
q "DELETE FROM post_limit"

# --- staff decide on suggestions ---
login staff@example.fi "$PW"
get /hallinta/palkinnot/1/ehdotukset
expect_eq "staff see the pending suggestions" "$STATUS" 200
expect_contains "with the suggester" "$BODY" "anna@example.fi"
csrf=$(csrf_from "$BODY")
S1=$(q "SELECT id FROM award_nomination WHERE deed_id = 2")
S2=$(q "SELECT id FROM award_nomination WHERE deed_id = 1 AND category_id = 2")
post "/hallinta/palkinnot/ehdotus/$S1" "csrf=$csrf" "decline_reason="
expect_eq "declining needs a reason" "$STATUS" 422
expect_contains "beside that suggestion's field" "$BODY" "id=\"e-decline-$S1\">Kerro, miksi ehdotusta ei oteta."
expect_contains "the summary links to it" "$BODY" "<a href=\"#f-decline-$S1\">Kerro, miksi ehdotusta ei oteta.</a>"
post "/hallinta/palkinnot/ehdotus/$S1" "csrf=$csrf" "decline_reason=Ei sovi <sarjaan>"
expect_eq "a suggestion is declined" "$STATUS" 303
expect_eq "declined with the reason" "$(q "SELECT status || ' ' || decline_reason FROM award_nomination WHERE id = $S1")" \
  "declined Ei sovi <sarjaan>"
expect_eq "the suggester is emailed in Swedish" \
  "$(q "SELECT subject FROM outbox WHERE kind = 'award-suggestion' AND recipient = 'anna@example.fi' AND lang = 'sv'")" \
  "Ditt förslag blev inte priskandidat: Robotti-teko"
expect_eq "with the staff's reason" \
  "$(q "SELECT COUNT(*) FROM outbox WHERE recipient = 'anna@example.fi' AND body_text LIKE '%Motivering: Ei sovi <sarjaan>%'")" 1
post "/hallinta/palkinnot/ehdotus/$S2" "csrf=$csrf" "accept=1"
expect_eq "a suggestion is accepted" "$(q "SELECT status FROM award_nomination WHERE id = $S2")" "nominated"
post "/hallinta/palkinnot/ehdotus/$S2" "csrf=$csrf" "accept=1"
expect_eq "a decided suggestion is not decided again" "$STATUS" 422
get "/hallinta/palkinnot/1/ehdokkaat?tila=declined"
expect_contains "the declined one is in the list by status" "$BODY" "Robotti-teko"
expect_lacks "and only it" "$BODY" "Testilässä"

# --- taking out and deleting ---
get "/hallinta/palkinnot/ehdokas/$S2/poista"
expect_contains "taking a nominee out asks first" "$BODY" "Poistetaanko ehdokas?"
post "/hallinta/palkinnot/ehdokas/$S2/poista" "csrf=$csrf" "confirm=1"
expect_eq "a nominee is taken out" "$(q "SELECT COUNT(*) FROM award_nomination WHERE id = $S2")" 0
post /hallinta/palkinnot/sarja/1/poista "csrf=$csrf" "confirm=1"
expect_eq "a category with nominees is kept" "$STATUS" 409
post /hallinta/palkinnot/kriteeri/2/poista "csrf=$csrf" "confirm=1"
expect_eq "a criterion is deleted" "$(q "SELECT COUNT(*) FROM award_criterion")" 1
get "/hallinta/palkinnot/sarja/1/tuomarit/poista?user_id=$JURI"
expect_contains "removing a juror asks first" "$BODY" "Poistetaanko tuomari raadista?"
post /hallinta/palkinnot/sarja/1/tuomarit/poista "csrf=$csrf" "user_id=$JURI" "confirm=1"
expect_eq "a juror is removed" "$(q "SELECT COUNT(*) FROM award_juror WHERE user_id = $JURI")" 0

# --- publishing ---
q "UPDATE award_nomination SET result = 'award', citation = 'Selkeä ja rohkea.' WHERE deed_id = 1 AND category_id = 1"
post /hallinta/palkinnot/1/julkaise "csrf=$csrf"
expect_contains "publishing asks first" "$BODY" "Julkaistaanko tulokset?"
expect_eq "nothing published yet" "$(q "SELECT COUNT(*) FROM award_round WHERE published_at IS NOT NULL")" 0
post /hallinta/palkinnot/1/julkaise "csrf=$csrf" "confirm=1"
expect_eq "the round is published" "$STATUS" 303
expect_eq "published_at is set" "$(q "SELECT COUNT(*) FROM award_round WHERE published_at IS NOT NULL")" 1
get /tekot/2
expect_lacks "a published round takes no suggestions: no link on a deed's page" "$BODY" "Ehdota tätä tekoa"
get /hallinta/palkinnot/1
expect_contains "the page offers to unpublish" "$BODY" "Peru julkaisu"
post /hallinta/palkinnot/1/sarjat/uusi "csrf=$csrf" "name=Ympäristöteko"
expect_contains "a published round refuses a new category" "$BODY" "Kierros on julkaistu; sitä ei voi enää muuttaa."
post /hallinta/palkinnot/1/poista "csrf=$csrf" "confirm=1"
expect_eq "a published round is not deleted" "$STATUS" 409
post /hallinta/palkinnot/1/piilota "csrf=$csrf" "confirm=1"
expect_eq "the publishing is taken back" "$(q "SELECT COUNT(*) FROM award_round WHERE published_at IS NULL")" 1

get /hallinta/palkinnot/1/poista
expect_contains "deleting a round asks first" "$BODY" "Poistetaanko palkintokierros?"
post /hallinta/palkinnot/1/poista "csrf=$csrf" "confirm=1"
expect_eq "a round is deleted" "$STATUS" 303
expect_eq "with everything in it" "$(q "SELECT (SELECT COUNT(*) FROM award_round) + (SELECT COUNT(*) FROM award_category) + (SELECT COUNT(*) FROM award_nomination)")" 0
get /palkinnot/ehdota
expect_contains "no round takes suggestions now" "$BODY" "Palkintoehdotuksia ei nyt oteta vastaan."
naudit=$(q "SELECT COUNT(*) FROM audit WHERE actor = 'staff@example.fi' AND subject LIKE 'award-%'")
expect_eq "the changes are audited ($naudit rows)" "$([ "$naudit" -ge 15 ] && echo yes)" "yes"
finish
