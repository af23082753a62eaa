# End-to-end: the evaluation report. An evaluator edits /hallinta/arviointi (title and introduction, findings and
# recommendations, order, deletion); an unknown or unclosed {{…}} figure is refused beside its field with the text
# kept; the draft /arviointi is 404 to the public and shown to staff and evaluators with a "Luonnos" banner and never
# cached; publishing (with a confirmation) shows it to everyone and unpublishing hides it again; a figure in the text
# is the one /tilastot shows, suppression mark included; every text field is escaped; changes are audited.
source "$(dirname "$0")/lib.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)

init_db
q <"$ROOT/tests/fixtures/stats.sql"
# a survey with 8 invitations, 6 of them answered, and one answer by the open link; its title needs escaping
q "INSERT INTO survey(id, key, title, definition, created_at, updated_at)
     VALUES (1, 'loppu', 'Loppukysely <i>x</i>', '{}', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
   INSERT INTO survey_invite(survey_id, person_id, nonce, token_hash, invited_at, answered)
     SELECT 1, id, 'n' || id, 'h' || id, '2026-01-02T00:00:00Z', CASE WHEN id <= 6 THEN 1 ELSE 0 END
     FROM person WHERE id <= 8;
   INSERT INTO survey_response(survey_id, answered_on, via)
     SELECT 1, '2026-01-03', CASE WHEN id <= 6 THEN 'invite' ELSE 'open' END FROM person WHERE id <= 7;"
add_staff eval@example.fi evaluator
add_staff staff@example.fi staff
add_staff contact@example.fi contact 1
start_server
PW=vihrea-kettu-93-Rq

# anonymous: no report yet, no editor
get /arviointi
expect_eq "draft report is 404 to the public" "$STATUS" 404
get /hallinta/arviointi
expect_eq "the editor sends anonymous users to sign in" "$STATUS" 303

login contact@example.fi "$PW"
get /hallinta/arviointi
expect_eq "a contact may not edit the report" "$STATUS" 403
get /arviointi
expect_eq "a contact does not see the draft" "$STATUS" 404
rm -f "$TMP/jar"

login eval@example.fi "$PW"
get /hallinta/arviointi
expect_eq "the evaluator opens the editor" "$STATUS" 200
expect_contains "the editor is in the evaluator's menu" "$BODY" 'href="/hallinta/arviointi" aria-current="page">Arviointi'
expect_contains "the help box lists stats figures" "$BODY" "<code>{{stats.participants}}</code>"
expect_contains "the help box names the survey's id" "$BODY" "Loppukysely &lt;i&gt;x&lt;/i&gt;</span> = <code>1</code>"
expect_contains "the editor says it is a draft" "$BODY" "luonnos, ei julkaistu"
csrf=$(csrf_from "$BODY")

# --- unknown and unclosed figures are refused, the text kept ---
post /hallinta/arviointi "csrf=$csrf" "title=Arviointi" "intro=Mukana oli {{stats.foo}} henkilöä" "intro_sv=Ok"
expect_eq "an unknown placeholder is refused" "$STATUS" 422
expect_contains "the error names it beside the field" "$BODY" \
  'id="e-intro">Tekstissä on virheellisiä lukuja: tuntematon luku {{stats.foo}}'
expect_contains "the field points at its error" "$BODY" 'aria-describedby="h-intro e-intro"'
expect_contains "the text is kept" "$BODY" "Mukana oli {{stats.foo}} henkilöä</textarea>"
expect_eq "nothing was saved" "$(q "SELECT COUNT(*) FROM evaluation")" 0
post /hallinta/arviointi "csrf=$csrf" "title=Arviointi" "intro_en=Open {{stats.participants"
expect_eq "an unclosed placeholder is refused" "$STATUS" 422
expect_contains "the error says where" "$BODY" 'id="e-intro_en">Tekstissä on virheellisiä lukuja: sulkematon {{ rivillä 1'
post /hallinta/arviointi "csrf=$csrf" "title=" "intro=x"
expect_eq "the Finnish title is required" "$STATUS" 422
expect_contains "its error is beside it" "$BODY" 'id="e-title">Otsikko puuttuu.'
stale_post /hallinta/arviointi "report texts" "Vanha lomake" "SELECT COUNT(*) FROM evaluation" \
  "title=Vanha lomake" "intro=x"

# --- a valid report with figures and markup that must stay text ---
XSS='<script>alert(1)</script>'
INTRO="Yhtiöissä oli {{stats.period.1.org_type.yhtio.people}} henkilöä, kunnissa {{ stats.period.1.org_type.kunta.people }}, tekoja {{stats.deeds}}. <img src=x onerror=alert(2)> [linkki](javascript:alert(3))"
get /hallinta/arviointi
post /hallinta/arviointi "csrf=$(csrf_from "$BODY")" "title=Arviointi $XSS" "intro=$INTRO" "title_sv=Utvärdering" \
  "intro_sv=Inledning <img src=y onerror=alert(4)>" "title_en=Evaluation $XSS" "intro_en=Intro <svg onload=alert(5)>"
expect_eq "the report's texts are saved" "$STATUS" 303
expect_eq "saved once" "$(q "SELECT COUNT(*) FROM evaluation WHERE title LIKE 'Arviointi%'")" 1

# --- findings and recommendations ---
get "/hallinta/arviointi/uusi?kind=finding"
csrf=$(csrf_from "$BODY")
expect_contains "a new finding's kind is chosen" "$BODY" 'value="finding" checked'
post /hallinta/arviointi/uusi "csrf=$csrf" "kind=finding" "title=Havainto" "body=Luku {{survey.1.q1.nope}} ja {{stats.bar}}"
expect_eq "a finding with unknown figures is refused" "$STATUS" 422
expect_contains "both are named" "$BODY" "tuntematon luku {{stats.bar}}"
expect_contains "the first too" "$BODY" "tuntematon luku {{survey.1.q1.nope}}"
expect_contains "the body is kept" "$BODY" "Luku {{survey.1.q1.nope}} ja {{stats.bar}}</textarea>"
post /hallinta/arviointi/uusi "csrf=$csrf" "kind=nope" "title=Havainto"
expect_eq "a bad kind is refused" "$STATUS" 422
expect_contains "beside the choice" "$BODY" 'id="e-kind">Valitse havainto tai suositus.'
post /hallinta/arviointi/uusi "csrf=$csrf" "kind=finding" "title=Ensimmäinen $XSS" \
  "body=Organisaatioita {{stats.organisations}}. **Tärkeä** <b onclick=x>lihava</b>"
expect_eq "a finding is added" "$STATUS" 303
expect_contains "back at the editor at the item" "$(header Location)" "/hallinta/arviointi?done=saved#kohta-"
post /hallinta/arviointi/uusi "csrf=$csrf" "kind=finding" "title=Toinen havainto" "body=Toinen." "body_sv=Andra." \
  "title_sv=Andra <u>x</u>" "title_en=Second $XSS" "body_en=Second <iframe src=x></iframe>"
post /hallinta/arviointi/uusi "csrf=$csrf" "kind=recommendation" "title=Suositus yksi" "body=Sitouta johto."
expect_eq "a recommendation is added" "$STATUS" 303
first=$(q "SELECT id FROM evaluation_item WHERE title LIKE 'Ensimm%'")
second=$(q "SELECT id FROM evaluation_item WHERE title = 'Toinen havainto'")
rec=$(q "SELECT id FROM evaluation_item WHERE kind = 'recommendation'")
order() { q "SELECT title FROM evaluation_item WHERE kind = 'finding' ORDER BY position, id" | tr '\n' '|'; }
expect_eq "findings in the order added" "$(order)" "Ensimmäinen $XSS|Toinen havainto|"
post "/hallinta/arviointi/$second/siirra" "csrf=$csrf" "dir=up"
expect_eq "move up answers with a redirect" "$STATUS" 303
expect_eq "the second finding moved up" "$(order)" "Toinen havainto|Ensimmäinen $XSS|"
post "/hallinta/arviointi/$second/siirra" "csrf=$csrf" "dir=up"
expect_eq "the first cannot go higher" "$(order)" "Toinen havainto|Ensimmäinen $XSS|"
post "/hallinta/arviointi/$second/siirra" "csrf=$csrf" "dir=down"
expect_eq "and back down" "$(order)" "Ensimmäinen $XSS|Toinen havainto|"
post "/hallinta/arviointi/$second/siirra" "dir=up"
expect_eq "moving without the token is refused" "$STATUS" 403
get "/hallinta/arviointi/$first"
expect_contains "the edit form escapes the title" "$BODY" "value=\"Ensimmäinen &lt;script&gt;alert(1)&lt;/script&gt;\""
post "/hallinta/arviointi/$first" "csrf=$csrf" "title=Ensimmäinen $XSS" "body={{stats.deeds"
expect_eq "an edit with an unclosed figure is refused" "$STATUS" 422
expect_contains "the edited text is kept" "$BODY" ">{{stats.deeds</textarea>"
expect_eq "the stored text is unchanged" "$(q "SELECT body FROM evaluation_item WHERE id = $first" | head -c 16)" "Organisaatioita "
get "/hallinta/arviointi/999999"
expect_eq "an unknown item is 404" "$STATUS" 404
get "/hallinta/arviointi/$rec/poista"
expect_contains "deleting asks first" "$BODY" "Poistetaanko kohta?"
post "/hallinta/arviointi/$rec/poista" "csrf=$csrf"
expect_eq "a delete without confirm=1 deletes nothing" "$(q "SELECT COUNT(*) FROM evaluation_item WHERE id = $rec")" 1
post "/hallinta/arviointi/$rec/poista" "csrf=$csrf" "confirm=1"
expect_eq "a confirmed delete deletes" "$(q "SELECT COUNT(*) FROM evaluation_item WHERE id = $rec")" 0
post /hallinta/arviointi/uusi "csrf=$csrf" "kind=recommendation" "title=Suositus $XSS" "body=Verkostoidu."

# --- the draft ---
get /arviointi
expect_eq "the evaluator reads the draft" "$STATUS" 200
expect_contains "with the draft banner" "$BODY" "<strong>Luonnos</strong>"
expect_eq "a draft is never stored by caches" "$(header Cache-Control)" "no-store"
rm -f "$TMP/jar"
get /arviointi
expect_eq "still 404 to the public" "$STATUS" 404
login staff@example.fi "$PW"
get /arviointi
expect_eq "staff read the draft" "$STATUS" 200
expect_contains "staff see the number of a small cell" "$BODY" "Yhtiöissä oli 3 henkilöä"
get /hallinta/arviointi
expect_contains "the editor is in the staff menu" "$BODY" 'href="/hallinta/arviointi" aria-current="page">Arviointi'
rm -f "$TMP/jar"
login eval@example.fi "$PW"
get /arviointi
expect_contains "an evaluator sees small cells suppressed" "$BODY" "Yhtiöissä oli &lt; 5 henkilöä"

# --- publishing ---
get /hallinta/arviointi/julkaise
expect_contains "publishing asks first" "$BODY" "Julkaistaanko arviointiraportti?"
csrf=$(csrf_from "$BODY")
post /hallinta/arviointi/julkaise "csrf=$csrf"
expect_eq "publish without confirm=1 publishes nothing" "$(q "SELECT COUNT(*) FROM evaluation WHERE published_at IS NOT NULL")" 0
post /hallinta/arviointi/julkaise "csrf=$csrf" "confirm=1"
expect_eq "publish answers with a redirect" "$STATUS" 303
expect_eq "published" "$(q "SELECT COUNT(*) FROM evaluation WHERE published_at IS NOT NULL")" 1
rm -f "$TMP/jar"

get /arviointi
expect_eq "the published report is public" "$STATUS" 200
expect_lacks "no draft banner" "$BODY" "<strong>Luonnos</strong>"
expect_contains "the findings are there" "$BODY" ">Havainnot</h2>"
expect_contains "the recommendations too" "$BODY" ">Suositukset</h2>"
expect_contains "Markdown is rendered" "$BODY" "<strong>Tärkeä</strong>"
expect_contains "the method lists the survey, escaped" "$BODY" "Loppukysely &lt;i&gt;x&lt;/i&gt;"
expect_contains "with its respondents and response rate" "$BODY" \
  '<td class="num">7</td><td class="num">8</td><td class="num">•</td>'
for field in "<script>alert(1)" "<img src=x" "<b onclick" "javascript:alert" "<i>x</i>"; do
  expect_lacks "no raw markup from the texts: $field" "$BODY" "$field"
done
expect_contains "the title is escaped" "$BODY" "<h1>Arviointi &lt;script&gt;alert(1)&lt;/script&gt;</h1>"
expect_contains "a finding's title is escaped" "$BODY" "Ensimmäinen &lt;script&gt;"
expect_contains "a recommendation's title is escaped" "$BODY" "Suositus &lt;script&gt;"
# the figure in the text is the one /tilastot shows, suppression included
rep_small=$(sed -n 's/.*Yhtiöissä oli \(.*\) henkilöä, kunnissa \(.*\), tekoja \([^.]*\)\..*/\1|\2|\3/p' <<<"$BODY")
get "/tilastot?kausi=1"
til_small=$(grep -o '<th scope="row">Kuntaomisteinen yhtiö</th><td class="num">[^<]*</td><td class="num">[^<]*</td>' <<<"$BODY" |
  head -1 | sed 's/.*<td class="num">\([^<]*\)<\/td>$/\1/')
til_kunta=$(grep -o '<th scope="row">Kunta</th><td class="num">[^<]*</td><td class="num">[^<]*</td>' <<<"$BODY" |
  head -1 | sed 's/.*<td class="num">\([^<]*\)<\/td>$/\1/')
get /tilastot
til_deeds=$(grep -o '<li><span class="n">[^<]*</span> Julkaistut teot</li>' <<<"$BODY" | sed 's/<li><span class="n">\([^<]*\)<.*/\1/')
expect_eq "the figures in the text are those of /tilastot" "$rep_small" "$til_small|$til_kunta|$til_deeds"
expect_eq "which are suppressed for the public" "$til_small|$til_kunta" "&lt; 5|•"
get /arviointi
expect_eq "the public page may be cached once published" "$(header Cache-Control)" "no-cache"
get /sv/arviointi
expect_contains "Swedish: the translated title" "$BODY" "<h1>Utvärdering</h1>"
expect_contains "Swedish: a missing translation is the Finnish, marked" "$BODY" '<h3 lang="fi">Ensimmäinen &lt;script&gt;alert(1)&lt;/script&gt;</h3>'
expect_contains "Swedish: a translated title, escaped" "$BODY" "<h3>Andra &lt;u&gt;x&lt;/u&gt;</h3>"
for field in "<img src=y" "<u>x</u>" "<script>"; do expect_lacks "Swedish: no raw markup: $field" "$BODY" "$field"; done
expect_contains "Swedish: a translated body" "$BODY" "<p>Andra.</p>"
get /en/arviointi
expect_contains "English: the title escaped" "$BODY" "<h1>Evaluation &lt;script&gt;alert(1)&lt;/script&gt;</h1>"
expect_contains "English: a finding's title escaped" "$BODY" "<h3>Second &lt;script&gt;"
for field in "<svg" "<iframe" "<script>"; do expect_lacks "English: no raw markup: $field" "$BODY" "$field"; done

# --- unpublishing hides it again, the cached copy too ---
login eval@example.fi "$PW"
get /hallinta/arviointi/piilota
post /hallinta/arviointi/piilota "csrf=$(csrf_from "$BODY")" "confirm=1"
expect_eq "unpublish answers with a redirect" "$STATUS" 303
rm -f "$TMP/jar"
get /arviointi
expect_eq "the report is a draft again: 404 to the public" "$STATUS" 404

# --- publishing refuses a text whose figure no longer exists ---
q "UPDATE evaluation_item SET body = 'Kausi {{stats.period.99.participants}}' WHERE id = $second"
login eval@example.fi "$PW"
get /hallinta/arviointi/julkaise
post /hallinta/arviointi/julkaise "csrf=$(csrf_from "$BODY")" "confirm=1"
expect_eq "publishing with an unknown figure is refused" "$STATUS" 422
expect_contains "naming it" "$BODY" "tuntematon luku {{stats.period.99.participants}}"
expect_eq "still a draft" "$(q "SELECT COUNT(*) FROM evaluation WHERE published_at IS NOT NULL")" 0
get /arviointi
expect_contains "the draft warns its editors about the figure" "$BODY" "tuntematon luku {{stats.period.99.participants}}"

# --- audited: two saves of the texts, four items added, two moves (not the one at the top), a delete, publish and
# unpublish ---
expect_eq "changes are in the audit log" \
  "$(q "SELECT COUNT(*) FROM audit WHERE subject LIKE 'evaluation%' AND actor = 'eval@example.fi'")" 11
expect_eq "publishing is logged" "$(q "SELECT action FROM audit WHERE subject = 'evaluation' AND action LIKE '%publish' ORDER BY id" | tr '\n' ' ')" "publish unpublish "
finish
