# End-to-end: the public deeds library on the demo database: list, paging, facets, Finnish search through the web,
# the API and the CLI, hostile query text, escaping of every text field, contact privacy, the Atom feed, the API
# contract, the page cache after a web publish and after a CLI import into the running server's database, HEAD, ETag.
source "$(dirname "$0")/lib.sh"
init_db
demo_db
add_staff

XSS='<script>alert(1)</script>'
XSS_ESC='&lt;script&gt;alert(1)&lt;/script&gt;'
SECRET_NAME='Salainen Yhteyshenkilö'
SECRET_MAIL='salainen.yhteys@example.fi'

# Made-up words make each imported deed the only one a query can find; the Finnish forms are what is tested.
"$PYTHON" - "$XSS" "$SECRET_NAME" "$SECRET_MAIL" >"$TMP/deeds.csv" <<'EOF'
import csv, sys
x, name, mail = sys.argv[1:4]
w = csv.writer(sys.stdout)
w.writerow(["ref", "title", "organisation", "municipality", "sector", "summary", "starting_point", "goal", "actions",
            "results", "themes", "year", "contact_name", "contact_email"])
w.writerow(["E2E-1", "Vekkulikokeilu", "Pilottiyhtymä", "Jyväskylä", "opetus",
            "Kokeilimme vekkulimallia pienissä kunnissa.", "", "Tavoite", "Teot", "Tulokset", "", 2018, name, mail])
w.writerow(["E2E-2", "Hyrskyhanke", "Pilottiyhtymä", "Oulu", "sote",
            "Parannettiin työhyvinvointia hyrskymenetelmällä.", "", "Tavoite", "Teot", "Tulokset", "", 2017, "", ""])
w.writerow(["E2E-3", "Pörriäinen", "Pilottiyhtymä", "Tampere", "tekninen",
            "Pörriäisprojekti kaupungin varikolla.", "", "Tavoite", "Teot", "Tulokset", "", 2016, "", ""])
w.writerow(["E2E-X", "T " + x + " xsstitle", "O " + x + " xssorg", "Helsinki", "sote", "S " + x + " xsssummary",
            "P " + x + " xssstart", "G " + x + " xssgoal", "A " + x + " xssact", "R " + x + " xssres",
            "th" + x + "\"', toinen", 2020, name, mail])
EOF
"$KEHTO" import deeds "$TMP/deeds.csv" --db "$DB" >/dev/null || echo "not ok - import of the test deeds failed"
start_server

# anon PATH [curl args]: like get, without cookies (a visitor the page cache serves)
anon() {
  local p=$1; shift
  rm -f "$TMP/body" # curl leaves the old file when there is no body (304)
  STATUS=$(curl -s -o "$TMP/body" -D "$TMP/h" -w '%{http_code}' "$@" "$BASE$p")
  touch "$TMP/body"
  BODY=$(tr -d '\0' <"$TMP/body") # a compressed body may hold NUL bytes, which the shell cannot keep
}
# js EXPR: evaluates a Python expression over the JSON in $BODY (as d); prints "ERROR" when it is not JSON
js() { "$PYTHON" -c "import json,sys
try: d = json.loads(sys.stdin.read())
except Exception: print('ERROR'); sys.exit(0)
print($1)" <<<"$BODY"; }
# facet_sum NAME: the sum of the counts in one facet list of the page in $BODY
facet_sum() { "$PYTHON" -c "import re,sys
m = re.search(r'<ul aria-labelledby=\"facet-$1\">(.*?)</ul>', sys.stdin.read(), re.S)
print(sum(int(re.sub(r'\D', '', c)) for c in re.findall(r'<span class=\"count\">\(([^)]*)\)', m.group(1))) if m else -1)" <<<"$BODY"; }
# facet_count NAME KEY: the count beside one facet value, from the page in $BODY
facet_count() { "$PYTHON" -c "import re,sys
m = re.search(r'[?;]$1=$2\"[^>]*>[^<]*</a> <span class=\"count\">\(([^)]*)\)', sys.stdin.read())
print(re.sub(r'\D', '', m.group(1)) if m else -1)" <<<"$BODY"; }
# total_on_page: the number in the results heading of the page in $BODY
total_on_page() { sed -n 's/.*<h2 id="results-h"[^>]*>[^:]*: \([0-9 ]*\)<.*/\1/p' <<<"$BODY" | tr -cd '0-9'; }

# --- list and paging ---
anon /api/v1/deeds; total=$(js 'd["total"]')
expect_eq "API total counts the demo and imported deeds" "$total" 676
pages=$(((total + 19) / 20))
anon /tekot; page1=$BODY
expect_eq "deed list answers" "$STATUS" 200
expect_eq "list heading shows the total" "$(total_on_page)" "$total"
expect_contains "first page says Sivu 1/N" "$page1" "Sivu 1/$pages"
expect_contains "next page link" "$page1" 'href="/tekot?page=2" rel="next"'
anon "/tekot?page=2"; page2=$BODY
expect_contains "second page says Sivu 2/N" "$page2" "Sivu 2/$pages"
first1=$(grep -o 'href="/tekot/[0-9]*"' <<<"$page1" | head -1)
first2=$(grep -o 'href="/tekot/[0-9]*"' <<<"$page2" | head -1)
check "page 2 lists other deeds than page 1" test -n "$first2" -a "$first1" != "$first2"
expect_eq "page 1 lists 20 deeds" "$(grep -c '<li><h3><a href="/tekot/' <<<"$page1")" 20
anon "/tekot?page=$pages"
expect_contains "last page has no next link" "$BODY" "Sivu $pages/$pages"
expect_lacks "last page has no next link" "$BODY" 'rel="next"'
anon "/tekot?page=999"
expect_contains "a page past the end shows the last page" "$BODY" "Sivu $pages/$pages"
expect_contains "the last page lists deeds" "$BODY" '<li><h3><a href="/tekot/'
anon "/tekot?page=abc"
expect_contains "a bad page number shows page 1" "$BODY" "Sivu 1/$pages"

# --- facets ---
BODY=$page1
expect_eq "sector facet counts add up to the total" "$(facet_sum sector)" "$total"
expect_eq "year facet counts add up to the total" "$(facet_sum year)" "$total"
opetus=$(facet_count sector opetus)
anon "/tekot?sector=opetus"
expect_eq "sector filter gives the facet's count" "$(total_on_page)" "$opetus"
expect_eq "chosen sector still lists the other sectors' counts" "$(facet_sum sector)" "$total"
expect_contains "chosen sector is marked" "$BODY" 'sector=opetus" aria-current="true"'
expect_contains "a link drops the sector filter" "$BODY" '<li><a href="/tekot">Kaikki</a></li>'
anon "/api/v1/deeds?sector=opetus&limit=100"
expect_eq "API sector filter gives the same total" "$(js 'd["total"]')" "$opetus"
expect_eq "API sector filter: every hit is in the sector" "$(js 'all(h["sector_code"] == "opetus" for h in d["deeds"])')" True
anon "/api/v1/deeds?region=FI1B1&limit=100"
expect_eq "API region filter: every hit is in Uusimaa" "$(js 'd["total"] > 0 and all(h["region"] == "Uusimaa" for h in d["deeds"])')" True
anon "/api/v1/deeds?year=2018&limit=100"
expect_eq "API year filter: every hit is from 2018" "$(js 'd["total"] > 0 and all(h["year"] == 2018 for h in d["deeds"])')" True
anon "/api/v1/deeds?theme=toinen"
expect_eq "API theme filter finds the deed with that theme" "$(js 'd["total"] == 1 and "xsstitle" in d["deeds"][0]["title"]')" True
anon "/tekot?q=ty%C3%B6hyvinvointi"; all_q=$(total_on_page)
anon "/tekot?q=ty%C3%B6hyvinvointi&sector=opetus"; q_sector=$(total_on_page)
check "q and sector combine (fewer than q alone, more than none)" test "$q_sector" -gt 0 -a "$q_sector" -lt "$all_q"
expect_contains "sector links keep q" "$BODY" 'href="/tekot?q=ty%C3%B6hyvinvointi&amp;sector=sote"'
anon "/api/v1/deeds?q=ty%C3%B6hyvinvointi&sector=opetus"
expect_eq "API gives the same total for q and sector" "$(js 'd["total"]')" "$q_sector"
anon "/tekot?q=ty%C3%B6hyvinvointi&sector=opetus&year=2018&sivu=1"
check "q, sector and year combine" test "$(total_on_page)" -le "$q_sector"

# --- Finnish search: inflected forms, compounds, place names ---
anon "/tekot?q=kunta+vekkulimallia"
expect_contains "web: kunta finds a deed that only says kunnissa" "$BODY" "Vekkulikokeilu"
expect_contains "web: the inflected form is marked" "$BODY" "<mark>kunnissa</mark>"
anon "/api/v1/deeds?q=kunta+vekkulimallia"
expect_eq "API: kunta finds a deed that only says kunnissa, first" "$(js 'd["deeds"][0]["ref"]')" "E2E-1"
anon "/tekot?q=hyvinvointi+hyrskymenetelm%C3%A4ll%C3%A4"
expect_contains "web: hyvinvointi finds työhyvinvointia" "$BODY" "Hyrskyhanke"
anon "/api/v1/deeds?q=hyvinvointi+hyrskymenetelm%C3%A4"
expect_eq "API: hyvinvointi finds työhyvinvointia, first" "$(js 'd["deeds"][0]["ref"]')" "E2E-2"
anon "/tekot?q=Tampereella+P%C3%B6rri%C3%A4isprojekti"
expect_contains "web: Tampereella finds a deed from Tampere" "$BODY" "Pörriäinen"
anon "/api/v1/deeds?q=Tampereella"
expect_eq "API: Tampereella finds deeds from Tampere" "$(js 'd["total"] > 0 and d["deeds"][0]["municipality"]')" "Tampere"
out=$("$KEHTO" search "kunta vekkulimallia" --db "$DB" --json)
expect_eq "CLI: kunta finds kunnissa" "$(BODY=$out js 'd[0]["ref"]')" "E2E-1"

# --- hostile query text: SQL, FTS5 syntax, long input ---
long=$(head -c 5000 /dev/zero | tr '\0' 'a')
words=$("$PYTHON" -c 'print(" ".join("sana%d" % i for i in range(700))[:5000])')
for q in "'; DROP TABLE deed; --" '"' '""' '*' 'NEAR(a b)' 'title:x' '(' ')' 'AND OR NOT' '-kunta' '^kunta' \
  'kunta*' '{title}:x' "$long" "$words"; do
  label=$(head -c 30 <<<"$q")
  anon /tekot -G --data-urlencode "q=$q"
  if [ "$STATUS" = 200 ] && contains "$BODY" 'id="results-h"'; then ok "web q '$label' answers 200"
  else not_ok "web q '$label' answers 200" "status $STATUS"; fi
  anon /api/v1/deeds -G --data-urlencode "q=$q"
  expect_eq "API q '$label' answers 200 with JSON" "$STATUS $(js '"deeds" in d')" "200 True"
  out=$("$KEHTO" search "$q" --db "$DB" --json 2>&1); rc=$?
  expect_eq "CLI q '$label' exits 0 with JSON" "$rc $(BODY=$out js 'type(d).__name__')" "0 list"
done
anon /api/v1/stats
expect_eq "the deed table is still there" "$(js 'd["deeds_published"]')" "$total"

# --- escaping of every text field ---
anon "/api/v1/deeds?q=xsstitle"; xss=$(js 'd["deeds"][0]["id"]')
check "the script deed is published" test -n "$xss" -a "$xss" != ERROR
for p in / /tekot "/tekot/$xss" "/tekot?q=xssgoal" "/tekot?q=alert" "/tekot?q=script+xssres" "/tekot?theme=toinen" \
  /tekot.atom /sv/tekot "/en/tekot/$xss"; do
  anon "$p"
  expect_lacks "no raw script on $p" "$BODY" "<script>alert"
done
anon "/tekot/$xss"; page=$BODY
for f in xsstitle xssorg xsssummary xssstart xssgoal xssact xssres; do
  expect_contains "deed page escapes the $f field" "$page" "$XSS_ESC $f"
done
expect_contains "deed page escapes the theme" "$page" "th$XSS_ESC&quot;&#39;"
expect_contains "theme link is URL-encoded" "$page" "theme=th%3Cscript%3Ealert%281%29%3C%2Fscript%3E%22%27"
anon /tekot
expect_contains "list escapes title" "$BODY" "T $XSS_ESC xsstitle"
expect_contains "list escapes organisation" "$BODY" "O $XSS_ESC xssorg"
expect_contains "list escapes the summary snippet" "$BODY" "S $XSS_ESC xsssummary"
anon /
expect_contains "front page escapes title" "$BODY" "T $XSS_ESC xsstitle"
anon "/tekot?q=alert+xssgoal"
expect_contains "search snippet escapes the script and marks the word" "$BODY" "&lt;script&gt;<mark>alert</mark>(1)"
anon "/api/v1/deeds/$xss"
expect_eq "API gives the title as plain text" "$(js 'd["title"]')" "T $XSS xsstitle"
anon "/api/v1/deeds?q=alert+xssgoal"
expect_eq "API snippet is HTML-safe" "$(js '"<script>" not in d["deeds"][0]["snippet"] and "<mark>" in d["deeds"][0]["snippet"]')" True

# --- the Atom feed ---
anon /tekot.atom; feed=$BODY
expect_eq "feed answers" "$STATUS" 200
expect_contains "feed has the Atom type" "$(header Content-Type)" "application/atom+xml"
atom=$("$PYTHON" -c 'import sys, xml.etree.ElementTree as ET
a = "{http://www.w3.org/2005/Atom}"
f = ET.fromstring(sys.stdin.buffer.read())
es = f.findall(a + "entry")
need = ["title", "id", "updated", "link", "author"]
ok = f.tag == a + "feed" and f.find(a + "id") is not None and f.find(a + "updated") is not None and len(es) > 0
ok = ok and all(e.find(a + n) is not None for e in es for n in need)
print("valid %d" % len(es) if ok else "invalid")' <<<"$feed" 2>&1)
expect_eq "feed is well-formed Atom with 50 entries" "$atom" "valid 50"
expect_contains "feed escapes the script title" "$feed" "<title>T $XSS_ESC xsstitle</title>"
check "xmllint accepts the feed" xmllint --noout "$TMP/body"
anon /sv/tekot.atom
expect_contains "Swedish feed says its language" "$BODY" 'xml:lang="sv"'
# an edited deed keeps its entry id: the first entry's deed gets a new title, and its id comes back with it
first_id() { "$PYTHON" -c 'import sys, xml.etree.ElementTree as ET
a = "{http://www.w3.org/2005/Atom}"
e = ET.fromstring(sys.stdin.buffer.read()).find(a + "entry")
print(e.find(a + "id").text, e.find(a + "link").get("href").rsplit("/", 1)[1])' <<<"$1"; }
read -r entry deed_no <<<"$(first_id "$feed")"
q "UPDATE deed SET title = 'Muokattu otsikko', updated_at = '2030-01-01T00:00:00Z' WHERE id = $deed_no;
  UPDATE data_version SET n = n + 1; UPDATE search_generation SET n = n + 1" # a hand edit bumps the caches' counters
anon /tekot.atom
expect_contains "the edited deed is in the feed with its new title" "$BODY" "<title>Muokattu otsikko</title>"
expect_eq "and with the same entry id" "$(first_id "$BODY" | cut -d' ' -f1)" "$entry"

# --- the API contract ---
anon "/api/v1/deeds?limit=5&offset=5"
expect_contains "API answers JSON" "$(header Content-Type)" "application/json"
expect_eq "API lists 5 deeds" "$(js 'len(d["deeds"])')" 5
expect_eq "API hits carry the contract fields" \
  "$(js 'all(k in h for h in d["deeds"] for k in ["id","ref","title","organisation","municipality","region","sector","year","snippet"])')" True
expect_eq "API echoes limit and offset" "$(js '(d["limit"], d["offset"])')" "(5, 5)"
for p in "limit=0" "limit=101" "limit=abc" "offset=-1" "offset=1e3" "year=1999" "year=x"; do
  anon "/api/v1/deeds?$p"
  expect_eq "API $p is a 400 JSON error" "$STATUS $(js '"error" in d')" "400 True"
done
anon /api/v1/deeds/999999
expect_eq "API unknown deed is a 404 JSON error" "$STATUS $(js '"error" in d')" "404 True"
anon /api/v1/deeds/abc
expect_eq "API non-numeric deed id is a 404 JSON error" "$STATUS $(js '"error" in d')" "404 True"
anon /api/v1/nothing
expect_eq "API unknown path is a 404 JSON error" "$STATUS $(js '"error" in d')" "404 True"
anon "/api/v1/deeds/$xss"
expect_eq "API deed has the contract fields" \
  "$(js 'all(k in d for k in ["id","ref","title","organisation","municipality","region","sector","year","themes","summary","goal","results"])')" True
anon /api/v1/stats
expect_eq "API stats fields" "$(js 'd["organisations"] > 200 and d["deeds_published"] == '"$total"' and sum(s["deeds"] for s in d["deeds_by_sector"]) == d["deeds_published"]')" True
anon /api/v1/openapi.json
expect_eq "OpenAPI document describes the paths" \
  "$(js 'd["openapi"][:2] == "3." and all(p in d["paths"] for p in ["/api/v1/deeds", "/api/v1/deeds/{id}", "/api/v1/stats"])')" True

# --- contact details stay private ---
for p in / /tekot "/tekot/$xss" "/tekot?q=vekkulimallia" /tekot.atom "/api/v1/deeds/$xss" "/api/v1/deeds?q=kunta+vekkulimallia" \
  "/api/v1/deeds?limit=100"; do
  anon "$p"
  if lacks "$BODY" "Salainen" && lacks "$BODY" "$SECRET_MAIL"; then ok "no contact details on $p"
  else not_ok "no contact details on $p"; fi
done
anon "/api/v1/deeds?q=salainen"
expect_eq "search does not find deeds by contact name" "$(js 'd["total"]')" 0
out=$("$KEHTO" search "kunta vekkulimallia" --db "$DB" --json)
expect_lacks "CLI search shows no contact details" "$out" "$SECRET_MAIL"

# --- HEAD and ETag ---
for p in / /tekot /tekot.atom /api/v1/deeds; do
  anon "$p"; bytes=$(wc -c <"$TMP/body")
  head=$(curl -s -I -o /dev/null -D "$TMP/h" -w '%{http_code} %{size_download}' "$BASE$p")
  expect_eq "HEAD $p: 200, no body, same length as GET" "$head $(header Content-Length)" "200 0 $bytes"
done
anon /tekot; etag=$(header ETag)
check "list has an ETag" test -n "$etag"
anon /tekot -H "If-None-Match: $etag"
expect_eq "If-None-Match with the ETag gives 304" "$STATUS" 304
expect_eq "304 has no body" "$(wc -c <"$TMP/body")" 0
anon /tekot -H 'If-None-Match: "0000000000000000"'
expect_eq "another ETag gives 200" "$STATUS" 200
anon "/api/v1/deeds/$xss"; api_etag=$(header ETag)
anon "/api/v1/deeds/$xss" -H "If-None-Match: $api_etag"
expect_eq "API ETag round trip gives 304" "$STATUS" 304

# --- compression: gzip and Brotli from the cache, to clients that accept them ---
anon /tekot; plain=$(md5sum <"$TMP/body"); plain_etag=$(header ETag); plain_bytes=$(wc -c <"$TMP/body")
expect_eq "a client that accepts no coding gets the bytes as made" "$(header Content-Encoding)" ""
expect_eq "the plain answer says it varies by Accept-Encoding" "$(header Vary)" "Accept-Encoding"
for coding in gzip br; do
  anon /tekot -H "Accept-Encoding: $coding"
  expect_eq "Accept-Encoding: $coding gets $coding" "$STATUS $(header Content-Encoding)" "200 $coding"
  expect_eq "the $coding answer varies by Accept-Encoding" "$(header Vary)" "Accept-Encoding"
  check "the $coding body is smaller than the page" test "$(wc -c <"$TMP/body")" -lt "$plain_bytes"
  zetag=$(header ETag)
  check "the $coding answer has its own ETag" test "$zetag" != "$plain_etag" -a -n "$zetag"
  anon /tekot -H "Accept-Encoding: $coding" --compressed
  expect_eq "the $coding body unpacks to the page" "$(md5sum <"$TMP/body")" "$plain"
  anon /tekot -H "Accept-Encoding: $coding" -H "If-None-Match: $zetag"
  expect_eq "If-None-Match with the $coding ETag gives 304" "$STATUS $(header Vary)" "304 Accept-Encoding"
done
anon /tekot -H "Accept-Encoding: gzip, deflate, br"
expect_eq "a browser's list gets Brotli, the smallest" "$(header Content-Encoding)" "br"
anon /tekot -H "Accept-Encoding: br;q=0, gzip"
expect_eq "a coding refused with q=0 is not sent" "$(header Content-Encoding)" "gzip"
anon /static/kehto.css -H "Accept-Encoding: gzip"
expect_eq "the style sheet is sent compressed too, with its long cache life" \
  "$(header Content-Encoding) $(header Cache-Control)" "gzip public, max-age=86400"
anon /tekot/1 -H "Accept-Encoding: gzip" -b "kehto_session=$(printf '%064d' 0)"
expect_eq "a page outside the cache (a session cookie) is sent uncompressed" "$STATUS $(header Content-Encoding)" "200 "

# --- page cache: a deed published through the staff pages shows at once ---
for _ in 1 2 3 4 5 6; do anon /; anon /tekot; done # warm the cache on several threads
get /tekot/uusi
post /tekot/uusi "csrf=$(csrf_from "$BODY")" "title=Julkaistava välimuistiteko" "organisation=Testikunta" \
  "municipality=091" "sector=sote" "year=2020" "goal=Tavoite" "results=Tulokset" "contact_name=$SECRET_NAME" \
  "contact_email=$SECRET_MAIL"
expect_eq "deed posted through the form" "$STATUS" 303
rm -f "$TMP/jar"
login staff@example.fi vihrea-kettu-93-Rq
get /hallinta/tekot; queue=$BODY
new=$(grep -o 'href="/tekot/[0-9]*">Julkaistava' <<<"$queue" | grep -o '[0-9]*')
anon "/tekot/$new"
expect_eq "submitted deed is 404 on the web" "$STATUS" 404
anon "/api/v1/deeds/$new"
expect_eq "submitted deed is 404 in the API" "$STATUS $(js '"error" in d')" "404 True"
anon "/tekot?q=v%C3%A4limuistiteko"
expect_lacks "submitted deed is not found by search" "$BODY" "Julkaistava välimuistiteko"
post "/hallinta/tekot/$new/julkaise" "csrf=$(csrf_from "$queue")"
expect_eq "staff publish redirects" "$STATUS" 303
stale=0
for _ in 1 2 3 4 5 6; do
  anon /; lacks "$BODY" "Julkaistava välimuistiteko" && stale=$((stale + 1))
  anon /tekot; lacks "$BODY" "Julkaistava välimuistiteko" && stale=$((stale + 1))
done
expect_eq "after a web publish the front page and the list show the deed on every request" "$stale" 0
anon "/api/v1/deeds/$new"
expect_eq "published deed is in the API" "$STATUS" 200
anon "/tekot/$new"
expect_lacks "published deed page hides the contact name" "$BODY" "Salainen"
expect_lacks "published deed page hides the contact email" "$BODY" "$SECRET_MAIL"
anon /api/v1/stats
expect_eq "stats count the published deed" "$(js 'd["deeds_published"]')" $((total + 1))

# --- page cache: a CLI import into the running server's database shows at once ---
# A fresh server: one request fills the cache while the other pool threads have not opened their connection yet
# (they once served the cached page, unaware of an import made before they first looked).
stop_server
start_server
anon /tekot; etag=$(header ETag)
anon /; anon /api/v1/deeds; anon /tekot.atom
printf 'title,organisation,municipality,sector,summary,goal,actions,results,year\n%s\n' \
  'Tuontitesti Kvasaari,Tuontikunta,Turku,sote,Tuotu ajon aikana.,Tavoite,Teot,Tulokset,2020' >"$TMP/live.csv"
"$KEHTO" import deeds "$TMP/live.csv" --db "$DB" >/dev/null
stale=0
for _ in 1 2 3 4 5 6 7 8; do
  for p in / /tekot /api/v1/deeds /tekot.atom; do anon "$p"; lacks "$BODY" "Tuontitesti Kvasaari" && stale=$((stale + 1)); done
done
expect_eq "after a CLI import the front page, list, API and feed show the deed on every request" "$stale" 0
anon /tekot -H "If-None-Match: $etag"
expect_eq "the old ETag no longer matches" "$STATUS" 200

# --- posting limit: five stored deeds an hour per address; forms sent back for a mistake do not count ---
rm -f "$TMP/jar"
get /tekot/uusi; tok=$(csrf_from "$BODY")
post_form() { post /tekot/uusi "csrf=$tok" "title=$1" "organisation=Rajakunta" "municipality=091" "sector=sote" \
  "year=2019" "goal=G" "results=R" "contact_name=N" "contact_email=n@example.fi"; }
bad=""
for i in 1 2 3 4 5 6; do post_form ""; bad="$bad$STATUS "; done
expect_eq "six forms with a mistake are all sent back to be fixed" "$bad" "422 422 422 422 422 422 "
good=""
for i in 2 3 4 5; do post_form "Rajateko $i"; good="$good$STATUS "; done # one deed was posted above
expect_eq "after them, the rest of the five deeds an hour are accepted" "$good" "303 303 303 303 "
post_form "Rajateko 6"
expect_eq "the sixth deed in an hour is refused" "$STATUS" 429

finish
