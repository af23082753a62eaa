# End-to-end: the awards' jury (/raati). Conflicts of interest that Kehto finds itself (a juror from the deed's
# organisation; a juror whose coach profile coached the deed's organisation in a delivery) and one a juror declares
# hide the deed from that juror in the list, on the nomination's page by a guessed URL (404) and in the jury API, and
# from the chair (all three kinds) in the chair's table, on the decision page and in the conflicts list (where the
# chair sees other jurors' conflicts only on deeds the chair sees); the other jurors and staff still
# see it. Scores by criterion (1–5, errors beside the field, stale token),
# the chair's table with weighted and z totals and disagreement, the decision with its citation, the conflicts
# list with reasons, and who may use what.
source "$(dirname "$0")/lib.sh"

init_db
q "INSERT INTO funding_period(id, name, start_year, end_year) VALUES (1, '2018–2020', 2018, 2020);
INSERT INTO org(id, name, type) VALUES (1, 'Aalto kunta', 'kunta'), (2, 'Bäck kuntayhtymä', 'kuntayhtyma'),
  (3, 'Cedertorp', 'muu'), (4, 'Dahl Oy', 'yhtio');
INSERT INTO service(id, type_code, name, period_id, counts) VALUES (1, 'sparraus', 'Sparraus', 1, 'participant');
INSERT INTO coach(id, name) VALUES (1, 'Valmentaja Veikko');
INSERT INTO delivery(id, ref, service_id, starts_on, ends_on, coach_id) VALUES
  (1, 'SP-7', 1, '2019-02-01', '2019-02-02', 1);
INSERT INTO delivery_org(delivery_id, org_id) VALUES (1, 2);
INSERT INTO deed(id, title, org_id, org_name, sector_code, year, summary, goal, status, created_at, published_at)
VALUES (1, 'Aallon teko', 1, 'Aalto kunta', 'sote', 2019, 'Tiivistelmä A', 'Tavoite A', 'published',
  '2019-01-01T00:00:00Z', '2019-01-01T00:00:00Z'),
 (2, 'Bäckin teko', 2, 'Bäck kuntayhtymä', 'sote', 2019, 'Tiivistelmä B', '', 'published', '2019-01-01T00:00:00Z',
  '2019-01-01T00:00:00Z'),
 (3, 'Cedertorpin teko', 3, 'Cedertorp', 'sote', 2019, 'Tiivistelmä C', '', 'published', '2019-01-01T00:00:00Z',
  '2019-01-01T00:00:00Z'),
 (4, 'Dahlin teko <b>', 4, 'Dahl Oy', 'sote', 2019, 'Tiivistelmä D', '', 'published', '2019-01-01T00:00:00Z',
  '2019-01-01T00:00:00Z');"
add_staff staff@example.fi staff
add_staff org@example.fi jury
add_staff coach@example.fi jury
add_staff free@example.fi jury
add_staff chair@example.fi jury
add_staff contact@example.fi contact 1
q "UPDATE \"user\" SET org_id = 1, name = 'Olli Organisaatio' WHERE email = 'org@example.fi';
UPDATE \"user\" SET coach_id = 1, name = 'Valpuri Valmentaja' WHERE email = 'coach@example.fi';
UPDATE \"user\" SET org_id = 1, coach_id = 1, name = 'Puheen Johtaja' WHERE email = 'chair@example.fi';
INSERT INTO award_round(id, year, chair_id, created_at, updated_at)
  SELECT 1, 2019, id, '2019-01-01T00:00:00Z', '2019-01-01T00:00:00Z' FROM \"user\" WHERE email = 'chair@example.fi';
INSERT INTO award_category(id, round_id, position, name, name_sv) VALUES (1, 1, 1, 'viestintäteko', 'kommunikationsdåd');
INSERT INTO award_criterion(id, round_id, position, name, description, weight) VALUES
  (1, 1, 1, 'Vaikuttavuus', 'Mitä teko muutti', 3), (2, 1, 2, 'Levitettävyys', 'Voiko muut tehdä saman', 1);
INSERT INTO award_juror(category_id, user_id) SELECT 1, id FROM \"user\" WHERE role = 'jury' AND email <> 'chair@example.fi';
INSERT INTO award_nomination(id, round_id, category_id, deed_id, status, reason, created_at) VALUES
  (1, 1, 1, 1, 'nominated', '', '2019-01-01T00:00:00Z'), (2, 1, 1, 2, 'nominated', '', '2019-01-01T00:00:00Z'),
  (3, 1, 1, 3, 'nominated', '', '2019-01-01T00:00:00Z'), (4, 1, 1, 4, 'nominated', 'Hyvä perustelu', '2019-01-01T00:00:00Z');"
start_server
PW=vihrea-kettu-93-Rq

# --- who may use the jury's pages ---
get /raati
expect_eq "anonymous users are sent to sign in" "$STATUS" 303
get /api/v1/jury/1/nominations
expect_eq "the jury API wants a signed-in juror" "$STATUS" 401
get /api/v1/openapi.json
check "openapi.json describes the jury API and its session cookie" "$PYTHON" -c '
import json, sys
d = json.loads(sys.argv[1])
p = d["paths"]["/api/v1/jury/{id}/nominations"]["get"]
assert p["security"] == [{"session": []}] and d["components"]["securitySchemes"]["session"]["name"] == "kehto_session"
assert set(p["responses"]) == {"200", "401", "403", "404"}
assert "JuryNominations" in d["components"]["schemas"]' "$BODY"
login contact@example.fi "$PW"
get /raati
expect_eq "a contact may not use the jury's pages" "$STATUS" 403
get /api/v1/jury/1/nominations
expect_eq "nor the jury API" "$STATUS" 403
rm -f "$TMP/jar"

# --- a juror from the deed's organisation ---
login org@example.fi "$PW"
get /raati
expect_eq "the juror's rounds" "$STATUS" 200
expect_contains "the jury has its menu" "$BODY" 'href="/raati" aria-current="page">Raati</a>'
expect_contains "the round and its progress" "$BODY" '<a href="/raati/1">2019</a>'
expect_contains "progress counts the juror's nominations" "$BODY" "<td>0 / 3</td>"
get /raati/1
expect_eq "the juror's list" "$STATUS" 200
expect_lacks "org conflict: the deed of the juror's organisation is not listed" "$BODY" "Aallon teko"
expect_contains "the others are" "$BODY" "Bäckin teko"
expect_contains "escaped" "$BODY" "Dahlin teko &lt;b&gt;"
get /raati/ehdokas/1
expect_eq "org conflict: a guessed URL is 404" "$STATUS" 404
expect_lacks "and says nothing of the deed" "$BODY" "Aallon teko"
get /api/v1/jury/1/nominations
expect_eq "the jury API answers the juror" "$STATUS" 200
expect_lacks "org conflict: not in the API" "$BODY" "Aallon teko"
expect_contains "the API lists the others" "$BODY" '"title":"Bäckin teko"'
get /raati/1/tulokset
expect_eq "a juror who is not the chair does not see the table" "$STATUS" 403
get /raati/ehdokas/4/paatos
expect_eq "nor decide" "$STATUS" 404
rm -f "$TMP/jar"

# --- a juror whose coach profile coached the deed's organisation ---
login coach@example.fi "$PW"
get /raati/1
expect_lacks "coach conflict: not listed" "$BODY" "Bäckin teko"
expect_contains "coach conflict: the org-conflicted deed is there for this juror" "$BODY" "Aallon teko"
get /raati/ehdokas/2
expect_eq "coach conflict: a guessed URL is 404" "$STATUS" 404
get /api/v1/jury/1/nominations
expect_lacks "coach conflict: not in the API" "$BODY" "Bäckin teko"
rm -f "$TMP/jar"

# --- a juror with no conflict: scores and a declared conflict ---
login free@example.fi "$PW"
get /raati/1
expect_contains "the free juror sees A" "$BODY" "Aallon teko"
expect_contains "and B" "$BODY" "Bäckin teko"
get /raati/ehdokas/4
expect_eq "the nomination's page" "$STATUS" 200
expect_contains "its deed's text" "$BODY" "Tiivistelmä D"
expect_contains "the nominator's reason" "$BODY" "Hyvä perustelu"
expect_contains "a radio group per criterion, described by its description" "$BODY" \
  '<fieldset class="score-q" id="f-score_1" aria-describedby="h-score_1"><legend>Vaikuttavuus'
expect_contains "its five points" "$BODY" 'type="radio" id="score_1-5" name="score_1" value="5"'
csrf=$(csrf_from "$BODY")
post /raati/ehdokas/4 "csrf=$csrf" "score_1=7" "score_2=3" "comment_2=Kommentti säilyy"
expect_eq "a score outside 1–5 is refused" "$STATUS" 422
expect_contains "beside its criterion" "$BODY" 'id="e-score_1">Pisteiden pitää olla 1–5.'
expect_contains "the group is described by its error too" "$BODY" \
  '<fieldset class="score-q invalid" id="f-score_1" aria-describedby="h-score_1 e-score_1">'
expect_contains "the comment is kept" "$BODY" "Kommentti säilyy</textarea>"
expect_eq "nothing saved" "$(q "SELECT COUNT(*) FROM award_score")" 0
stale_post /raati/ehdokas/4 "scores" "Kommentti säilyy" "SELECT COUNT(*) FROM award_score WHERE criterion_id = 1" \
  "score_1=5" "score_2=3" "comment_2=Kommentti säilyy"
get "/raati/ehdokas/4?done=saved"
expect_contains "the saved score is checked" "$BODY" 'name="score_1" value="5" checked'
expect_contains "a link to the next nomination still to score (from the start again)" "$BODY" \
  'href="/raati/ehdokas/1">Seuraava arvioitava: Aallon teko</a>'
post /raati/ehdokas/3 "csrf=$csrf" "score_1=2" "score_2=2"
expect_eq "C scored" "$STATUS" 303
get /raati/ehdokas/3
post /raati/ehdokas/3/esteellinen "csrf=$csrf" "reason=  "
expect_eq "a declaration needs a reason" "$STATUS" 422
expect_contains "the error is beside the field" "$BODY" 'id="e-reason">Kerro, miksi olet esteellinen.'
post /raati/ehdokas/3/esteellinen "csrf=$csrf" "reason=Olin hankkeen ohjausryhmässä."
expect_eq "declared" "$STATUS" 303
expect_eq "recorded with its reason" "$(q "SELECT kind || ':' || reason FROM award_conflict WHERE kind = 'declared'")" \
  "declared:Olin hankkeen ohjausryhmässä."
expect_eq "the jury's writes recorded the conflicts found from the data too (org and coach: a juror and the chair each)" \
  "$(q "SELECT kind, COUNT(*) FROM award_conflict GROUP BY kind ORDER BY kind")" "$(printf 'coach|2\ndeclared|1\norg|2')"
expect_eq "the juror's scores of it went" "$(q "SELECT COUNT(*) FROM award_score WHERE nomination_id = 3")" 0
get /raati/1
expect_lacks "declared conflict: not listed" "$BODY" "Cedertorpin teko"
get /raati/ehdokas/3
expect_eq "declared conflict: a guessed URL is 404" "$STATUS" 404
post /raati/ehdokas/3 "csrf=$csrf" "score_1=5"
expect_eq "declared conflict: scoring it by a posted form is 404" "$STATUS" 404
get /api/v1/jury/1/nominations
expect_lacks "declared conflict: not in the API" "$BODY" "Cedertorpin teko"
expect_contains "the API has the juror's own scores" "$BODY" '"scores":[{"criterion_id":1,"score":5,"comment":""}'
get /raati/1/esteellisyydet
expect_contains "the juror sees their own conflict" "$BODY" "Olin hankkeen ohjausryhmässä."
expect_lacks "but not the others'" "$BODY" "Olli Organisaatio"
rm -f "$TMP/jar"

login org@example.fi "$PW"
get /raati/1
expect_contains "declared conflict: the other juror still sees it" "$BODY" "Cedertorpin teko"
csrf=$(csrf_from "$BODY")
get /raati/ehdokas/4
post /raati/ehdokas/4 "csrf=$(csrf_from "$BODY")" "score_1=1" "score_2=1"
expect_eq "a second juror scores D" "$STATUS" 303
rm -f "$TMP/jar"

# --- the chair (from organisation A, with the coach profile that coached B) ---
login chair@example.fi "$PW"
get /raati
expect_contains "the chair, who judges no category, is taken to the table" "$BODY" '<a href="/raati/1/tulokset">2019</a>'
get /raati/1
expect_eq "the juror's list sends them there too" "$(header Location)" "/raati/1/tulokset"
get /raati/1/tulokset
expect_lacks "no list of their own to score" "$BODY" ">Arvioitavat</a>"
expect_eq "the chair's table" "$STATUS" 200
expect_lacks "org conflict: not in the chair's table" "$BODY" "Aallon teko"
expect_lacks "coach conflict: not in the chair's table" "$BODY" "Bäckin teko"
expect_contains "the others are" "$BODY" "Cedertorpin teko"
expect_contains "and D" "$BODY" "Dahlin teko &lt;b&gt;"
get /raati/ehdokas/2/paatos
expect_eq "coach conflict: the chair cannot open its decision" "$STATUS" 404
get /raati/1/esteellisyydet
expect_contains "the chair sees another juror's conflict on a deed the chair sees" "$BODY" "Olin hankkeen ohjausryhmässä."
expect_lacks "but not one on a deed hidden from the chair (the org juror's on A)" "$BODY" "Olli Organisaatio"
get /raati/ehdokas/3/paatos
expect_contains "the chair may declare a conflict from the decision page" "$BODY" 'action="/raati/ehdokas/3/esteellinen"'
post /raati/ehdokas/3/esteellinen "csrf=$(csrf_from "$BODY")" "reason=Sukulaiseni johtaa hanketta."
expect_eq "the chair declared" "$STATUS" 303
expect_contains "back to the table" "$(header Location)" "/raati/1/tulokset?done=declared"
get /raati/1/tulokset
expect_lacks "declared conflict: not in the chair's table" "$BODY" "Cedertorpin teko"
get /raati/ehdokas/3/paatos
expect_eq "declared conflict: the chair cannot open its decision" "$STATUS" 404
get /raati/1/tulokset
expect_contains "weighted total (3·3 + 1·2)/4 with a decimal comma" "$BODY" '<td class="num">2,75</td>'
expect_contains "disagreement flagged (5 and 1 on a criterion)" "$BODY" '(ero 4)'
get /raati/ehdokas/1/paatos
expect_eq "org conflict: the chair cannot open its decision" "$STATUS" 404
get /sv/raati/1/tulokset
expect_contains "the table in Swedish" "$BODY" "Prisomgång 2019: resultat och beslut"
expect_contains "its headings too" "$BODY" "z-viktat"
get /raati/ehdokas/4/paatos
expect_eq "the decision page" "$STATUS" 200
expect_contains "the jurors' comments, without their names" "$BODY" \
  '<li><span>Levitettävyys</span>, 3 pistettä: <span>Kommentti säilyy</span></li>'
expect_lacks "no juror's name on it" "$BODY" "Vapaa"
csrf=$(csrf_from "$BODY")
post /raati/ehdokas/4/paatos "csrf=$csrf" "result=award" "citation=" "citation_en=Kept text"
expect_eq "an award needs a Finnish citation" "$STATUS" 422
expect_contains "beside the field" "$BODY" 'id="e-citation">Kirjoita palkinnolle lyhyt perustelu suomeksi.'
expect_contains "what was typed is kept" "$BODY" "Kept text</textarea>"
post /raati/ehdokas/4/paatos "csrf=$csrf" "result=award" "citation=Rohkea teko." "citation_en=A bold deed."
expect_eq "decided" "$STATUS" 303
expect_eq "stored" "$(q "SELECT result || ':' || citation || ':' || citation_en FROM award_nomination WHERE id = 4")" \
  "award:Rohkea teko.:A bold deed."
post /raati/ehdokas/1/paatos "csrf=$csrf" "result=award" "citation=x"
expect_eq "org conflict: the chair cannot decide it by a posted form" "$STATUS" 404
get /raati/1/esteellisyydet
expect_contains "the chair sees their own conflicts: org" "$BODY" "Tuomarin organisaatio on teon organisaatio: Aalto kunta"
expect_contains "coach, with the delivery" "$BODY" \
  "Tuomarin valmentajaprofiili Valmentaja Veikko valmensi organisaatiota Bäck kuntayhtymä (toteutus SP-7)"
expect_contains "declared" "$BODY" "Sukulaiseni johtaa hanketta."
expect_lacks "but no other juror's on a deed hidden from the chair: the declared one on C" "$BODY" \
  "Olin hankkeen ohjausryhmässä."
expect_lacks "nor the org juror's on A" "$BODY" "Olli Organisaatio"
rm -f "$TMP/jar"

# --- staff act as chair and see every deed ---
login staff@example.fi "$PW"
get /raati/1/tulokset
expect_eq "staff see the table" "$STATUS" 200
expect_contains "with the deeds hidden from the chair: org" "$BODY" "Aallon teko"
expect_contains "coach" "$BODY" "Bäckin teko"
expect_contains "declared" "$BODY" "Cedertorpin teko"
expect_contains "the decision shows" "$BODY" "<td>Palkinto</td>"
get /raati/ehdokas/1/paatos
expect_eq "staff may decide any" "$STATUS" 200
expect_contains "an unscored nomination has no z total (not 0,00)" "$BODY" '<dt>z-painotettu</dt><dd>–</dd>'
get /raati/1/esteellisyydet
expect_contains "staff see every juror's conflicts" "$BODY" "Olli Organisaatio"
expect_contains "the declared ones too" "$BODY" "Olin hankkeen ohjausryhmässä."
get /raati/ehdokas/4
expect_eq "staff do not score" "$STATUS" 403
q "UPDATE award_round SET published_at = '2020-01-01T00:00:00Z'"
get /raati/ehdokas/4/paatos
expect_lacks "a published round's decision cannot change" "$BODY" 'name="result"'
rm -f "$TMP/jar"

finish
