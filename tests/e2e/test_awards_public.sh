# End-to-end: the published awards. Before a round is published nothing of it shows: not /palkinnot/VUOSI, the deed
# page, the /tekot facet, nor the API. `kehto award publish` (award_publish, as the staff page's button) publishes it
# into the running server's database: the year's page lists the winners and honourable mentions by category with their
# citations (in Swedish too, the Finnish standing in), the winning deed's page shows its award, /tekot gets the
# "Palkittu" facet and the API has the round and the deeds' awards; an undecided nomination and an unpublished round
# show nowhere; citations are escaped. The winning organisations' active contacts are emailed once, in their language:
# publishing again, or taking the round back and publishing it again, sends nothing more.
source "$(dirname "$0")/lib.sh"
init_db
XSS='<script>alert(1)</script>'

q "INSERT INTO org(id, name, type) VALUES(901, 'Palkintola', 'kunta'), (902, 'Mainintala Oy', 'yhtio'),
   (903, 'Ehdokkaala', 'kunta');"
"$PYTHON" - >"$TMP/deeds.csv" <<'EOF'
import csv, sys
w = csv.writer(sys.stdout)
w.writerow(["ref", "title", "organisation", "municipality", "sector", "summary", "goal", "actions", "results", "year"])
w.writerow(["AW-1", "Voittajateko", "Palkintola", "Oulu", "sote", "Voittava viestintämalli.", "T", "A", "R", 2019])
w.writerow(["AW-2", "Mainintateko", "Mainintala Oy", "Tampere", "opetus", "Mainittava kokeilu.", "T", "A", "R", 2019])
w.writerow(["AW-3", "Ehdokasteko", "Ehdokkaala", "Turku", "sote", "Ehdolla ollut teko.", "T", "A", "R", 2019])
w.writerow(["AW-4", "Tulevateko", "Palkintola", "Oulu", "tekninen", "Ensi vuoden teko.", "T", "A", "R", 2020])
EOF
"$KEHTO" import deeds "$TMP/deeds.csv" --db "$DB" >/dev/null || echo "not ok - import of the test deeds failed"
A=$(q "SELECT id FROM deed WHERE ref = 'AW-1'"); B=$(q "SELECT id FROM deed WHERE ref = 'AW-2'")
C=$(q "SELECT id FROM deed WHERE ref = 'AW-3'"); D=$(q "SELECT id FROM deed WHERE ref = 'AW-4'")
expect_eq "the winning deed is the registry organisation's" "$(q "SELECT org_id FROM deed WHERE id = $A")" 901
add_staff yh.palkintola@example.fi contact 901
add_staff yh.mainintala@example.fi contact 902
add_staff pois.palkintola@example.fi contact 901
add_staff yh.ehdokkaala@example.fi contact 903
q "UPDATE \"user\" SET lang = 'sv' WHERE email = 'yh.mainintala@example.fi';
   UPDATE \"user\" SET active = 0 WHERE email = 'pois.palkintola@example.fi';"
q "INSERT INTO award_round(id, year, intro, intro_sv, created_at, updated_at) VALUES
   (1, 2019, 'Vuoden 2019 palkitut teot.', 'Årets prisbelönta gärningar.', '2019-01-01T00:00:00Z', '2019-01-01T00:00:00Z'),
   (2, 2020, '', '', '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z');
INSERT INTO award_category(id, round_id, position, name, name_sv, description) VALUES
   (10, 1, 1, 'Viestintäteko', 'Kommunikationsdåd', 'Viestintää, joka tavoitti.'),
   (11, 1, 2, 'Tasa-arvoteko', '', ''), (20, 2, 1, 'Teknologiateko', '', '');
INSERT INTO award_nomination(round_id, category_id, deed_id, status, result, citation, citation_sv, created_at) VALUES
   (1, 10, $A, 'nominated', 'award', 'Voittaja uudisti viestinnän. $XSS', 'Vinnaren förnyade kommunikationen.',
    '2019-05-01T00:00:00Z'),
   (1, 11, $B, 'nominated', 'mention', 'Mainittava rohkeus.', '', '2019-05-01T00:00:00Z'),
   (1, 11, $C, 'nominated', NULL, '', '', '2019-05-01T00:00:00Z'),
   (2, 20, $D, 'nominated', 'award', 'Ei vielä julki.', '', '2020-05-01T00:00:00Z');"

start_sink
start_server --smtp "smtp://127.0.0.1:$SINK_PORT" --mail-from kehto@example.fi

js() { "$PYTHON" -c "import json,sys
try: d = json.loads(sys.stdin.read())
except Exception: print('ERROR'); sys.exit(0)
print($1)" <<<"$BODY"; }

# --- before publishing: nowhere ---
get /palkinnot
expect_eq "/palkinnot answers" "$STATUS" 200
expect_contains "no published rounds yet" "$BODY" "Palkintoja ei ole vielä julkaistu."
get /palkinnot/2019
expect_eq "an unpublished year is 404" "$STATUS" 404
get "/tekot/$A"
expect_lacks "the deed page has no award yet" "$BODY" "Palkittu teko"
get /tekot
expect_lacks "no Palkittu facet yet" "$BODY" 'id="facet-awarded"'
get /api/v1/awards
expect_eq "API: no rounds" "$(js 'len(d["rounds"])')" 0
get /api/v1/awards/2019
expect_eq "API: an unpublished year is 404" "$STATUS" 404
get "/api/v1/deeds?awarded=1"
expect_eq "API: no awarded deeds" "$(js 'd["total"]')" 0

# --- publishing (from the CLI, into the running server's database) ---
OUT=$("$KEHTO" award publish 2019 --db "$DB" 2>&1)
expect_contains "kehto award publish: two contacts emailed" "$OUT" "Published the award round 2019; 2 messages"
OUT=$("$KEHTO" award publish 2018 --db "$DB" 2>&1)
expect_contains "a year with no round is an error" "$OUT" "Vuoden 2018 palkintokierrosta ei ole."
OUT=$("$KEHTO" award publish 2019x --db "$DB" 2>&1); RC=$?
expect_eq "a year that is not a number is a usage error" "$RC" 2

get /palkinnot
expect_contains "/palkinnot lists 2019" "$BODY" 'href="/palkinnot/2019">Palkitut teot 2019</a>'
expect_lacks "/palkinnot does not list 2020" "$BODY" "/palkinnot/2020"
get /palkinnot/2019
expect_eq "/palkinnot/2019 answers" "$STATUS" 200
expect_contains "the round's intro" "$BODY" "Vuoden 2019 palkitut teot."
expect_contains "the category heading" "$BODY" 'id="sarja-10">Viestintäteko</h2>'
expect_contains "the winner, linked" "$BODY" "href=\"/tekot/$A\">Voittajateko</a>"
expect_contains "the winner's citation, escaped" "$BODY" "Voittaja uudisti viestinnän. &lt;script&gt;"
expect_lacks "no raw script" "$BODY" "$XSS"
expect_contains "the honourable mention" "$BODY" "<span class=\"award-kind\">Kunniamaininta</span> · Mainintala Oy"
expect_lacks "the undecided nomination is not shown" "$BODY" "Ehdokasteko"
expect_lacks "the unpublished round's winner is not shown" "$BODY" "Tulevateko"
# categories in their order: Viestintäteko before Tasa-arvoteko
pos() { grep -bo -- "$2" <<<"$1" | head -1 | cut -d: -f1; }
if [ "$(pos "$BODY" 'id="sarja-10"')" -lt "$(pos "$BODY" 'id="sarja-11"')" ]; then ok "categories in order"; else
  not_ok "categories in order"; fi
get /sv/palkinnot/2019
expect_contains "Swedish: the category's Swedish name" "$BODY" ">Kommunikationsdåd</h2>"
expect_contains "Swedish: the Swedish citation" "$BODY" "Vinnaren förnyade kommunikationen."
expect_contains "Swedish: the Finnish citation stands in, marked" "$BODY" 'lang="fi">Mainittava rohkeus.'
expect_contains "Swedish: the Finnish category name stands in, marked" "$BODY" 'lang="fi">Tasa-arvoteko</h2>'
get /en/palkinnot/2019
expect_contains "English: the page's own words" "$BODY" "Awarded deeds 2019"
get /palkinnot/2020
expect_eq "the unpublished 2020 is still 404" "$STATUS" 404

get "/tekot/$A"
expect_contains "the winning deed's page shows its award" "$BODY" "Palkittu teko"
expect_contains "with kind, year and category" "$BODY" "<strong>Palkinto 2019</strong> · <span>Viestintäteko</span>"
expect_contains "and its citation" "$BODY" "Voittaja uudisti viestinnän."
expect_contains "and a link to the year's page" "$BODY" 'href="/palkinnot/2019#sarja-10"'
get "/tekot/$C"
expect_lacks "an undecided nominee's page shows no award" "$BODY" "Palkittu teko"
get "/tekot/$D"
expect_lacks "an unpublished round's award is not on the page" "$BODY" "Palkittu teko"

get /tekot
expect_contains "the Palkittu facet" "$BODY" '<h2 id="facet-awarded">Palkittu</h2>'
expect_contains "with its count" "$BODY" 'href="/tekot?awarded=1">Palkitut teot</a> <span class="count">(2)</span>'
get "/tekot?awarded=1"
expect_contains "the facet filters: 2 deeds" "$BODY" "Tekoja: 2"
expect_contains "the winner is listed" "$BODY" "Voittajateko"
expect_contains "the mention is listed" "$BODY" "Mainintateko"
expect_lacks "the nominee is not" "$BODY" "Ehdokasteko"
expect_lacks "the unpublished round's winner is not" "$BODY" "Tulevateko"
expect_contains "the facet is marked current" "$BODY" 'aria-current="true">Palkitut teot'
get "/tekot?awarded=1&sector=opetus"
expect_contains "with another filter" "$BODY" "Tekoja: 1"
get "/tekot?q=teko&awarded=1"
expect_contains "with words" "$BODY" "Hakutuloksia: 2"

get /api/v1/awards
expect_eq "API: one round" "$(js '[(r["year"], r["awards"], r["mentions"], r["nominated"]) for r in d["rounds"]]')" \
  "[(2019, 1, 1, 3)]"
get /api/v1/awards/2019
expect_eq "API: the round's categories and results" \
  "$(js '[(c["name"], [(x["title"], x["result"]) for x in c["results"]]) for c in d["categories"]]')" \
  "[('Viestintäteko', [('Voittajateko', 'award')]), ('Tasa-arvoteko', [('Mainintateko', 'mention')])]"
expect_eq "API: citations in three languages" \
  "$(js '[d["categories"][0]["results"][0][k] for k in ("citation_sv", "citation_en")]')" \
  "['Vinnaren förnyade kommunikationen.', '']"
expect_eq "API: the category's Swedish name" "$(js 'd["categories"][0]["name_sv"]')" "Kommunikationsdåd"
get /api/v1/awards/2020
expect_eq "API: 2020 is still 404" "$STATUS" 404
get "/api/v1/deeds?awarded=1"
expect_eq "API: ?awarded=1" "$(js 'sorted(x["title"] for x in d["deeds"])')" "['Mainintateko', 'Voittajateko']"
expect_eq "API: awarded flags" "$(js 'all(x["awarded"] for x in d["deeds"])')" True
get "/api/v1/deeds?awarded=2"
expect_eq "API: ?awarded=2 is a bad request" "$STATUS" 400
get "/api/v1/deeds/$A"
expect_eq "API: the deed's awards" "$(js '[(x["year"], x["result"], x["category"]) for x in d["awards"]]')" \
  "[(2019, 'award', 'Viestintäteko')]"
get "/api/v1/deeds/$D"
expect_eq "API: no award from an unpublished round" "$(js 'd["awards"]')" "[]"
get /api/v1/openapi.json
expect_eq "openapi.json describes the awards" \
  "$(js 'all(p in d["paths"] for p in ["/api/v1/awards", "/api/v1/awards/{year}"])')" True

# --- the winners' email: once per active contact, in their language ---
if wait_mail 2; then ok "two messages arrive"; else not_ok "two messages arrive" "$(cat "$TMP/server.log")"; fi
TO=$(for m in "$SINK"/*.eml; do mail_read "$m" To; done | sort | tr '\n' ' ')
expect_eq "to the active contacts of the winning organisations" "$TO" \
  "yh.mainintala@example.fi yh.palkintola@example.fi "
for m in "$SINK"/*.eml; do
  case "$(mail_read "$m" To)" in
  yh.palkintola@example.fi)
    expect_eq "Finnish subject" "$(mail_read "$m" Subject)" "Tekojen torin palkinnot 2019: onnittelut!"
    expect_contains "lists the award" "$(mail_read "$m" text)" '- Palkinto (Viestintäteko): "Voittajateko"'
    expect_contains "links the year's page" "$(mail_read "$m" text)" "/palkinnot/2019" ;;
  yh.mainintala@example.fi)
    expect_eq "Swedish subject" "$(mail_read "$m" Subject)" "Tekojen toris priser 2019: grattis!"
    expect_contains "lists the mention in Swedish" "$(mail_read "$m" text)" '- Hedersomnämnande (Tasa-arvoteko): "Mainintateko"'
    expect_contains "links the Swedish page" "$(mail_read "$m" text)" "/sv/palkinnot/2019" ;;
  esac
done
"$KEHTO" award publish 2019 --db "$DB" >/dev/null
OUT=$("$KEHTO" award publish 2019 --undo --db "$DB" 2>&1)
expect_contains "kehto award publish --undo" "$OUT" "Took the award round 2019 back"
get /palkinnot/2019
expect_eq "taken back: 404" "$STATUS" 404
get "/tekot/$A"
expect_lacks "taken back: not on the deed page" "$BODY" "Palkittu teko"
get /tekot
expect_lacks "taken back: no facet" "$BODY" 'id="facet-awarded"'
OUT=$("$KEHTO" award publish 2019 --db "$DB" 2>&1)
expect_contains "published again: no messages" "$OUT" "Published the award round 2019; 0 messages"
expect_eq "the outbox holds the two messages only" "$(q "SELECT count(*) FROM outbox WHERE kind = 'award-won'")" 2
expect_eq "publishing is audited" "$(q "SELECT count(*) FROM audit WHERE subject = 'award_round:1' AND action = 'publish'")" 3
sleep 1
expect_eq "no further mail arrives" "$(sink_count)" 2

# --- publishing refuses a decision without a Finnish citation ---
q "UPDATE award_nomination SET citation = '' WHERE deed_id = $B"
OUT=$("$KEHTO" award publish 2020 --db "$DB" 2>&1)
expect_contains "2020 publishes" "$OUT" "Published the award round 2020"
"$KEHTO" award publish 2019 --undo --db "$DB" >/dev/null
OUT=$("$KEHTO" award publish 2019 --db "$DB" 2>&1); RC=$?
expect_eq "a decision without a citation: refused" "$RC" 1
expect_contains "naming the deed" "$OUT" "Perustelu suomeksi puuttuu: Mainintateko (Tasa-arvoteko)."
finish
