# End-to-end: news (#15): staff write an item with an image and its alt texts; a file that is not an image is refused
# beside its field with the text kept, so is an image without alt text; Markdown's raw HTML (<script>) never reaches
# the page; a scheduled item is absent from /uutiset, its page (404), the Atom feed and its image's address until its
# time, then present without any write (the page cache ends at the scheduled time); the feed is well-formed and its
# entry ids do not change on an edit; Swedish with the Finnish standing in; delete with confirmation.
source "$(dirname "$0")/lib.sh"
init_db
add_staff
start_server
login staff@example.fi vihrea-kettu-93-Rq

# anon PATH: GET without the session (what the page cache serves); body in $ABODY, status in $ASTATUS
anon() {
  ASTATUS=$(curl -s -o "$TMP/abody" -D "$TMP/ah" -w '%{http_code}' "$BASE$1")
  ABODY=$(cat "$TMP/abody")
}
# a small valid PNG (2x2, red), made with zlib
"$PYTHON" - "$TMP/kuva.png" <<'PY'
import struct, sys, zlib
def chunk(t, d): return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
raw = b"".join(b"\x00" + b"\xff\x00\x00" * 2 for _ in range(2))
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)) + \
      chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(png)
PY
printf 'tämä ei ole kuva\n' >"$TMP/teksti.png"

get /hallinta/uutiset
expect_eq "staff list" "$STATUS" 200
expect_contains "in the staff menu" "$BODY" 'href="/hallinta/uutiset"'
get /hallinta/uutiset/uusi
expect_eq "editor" "$STATUS" 200
expect_contains "a multipart form" "$BODY" 'enctype="multipart/form-data"'
TOKEN=$(csrf_from "$BODY")
# save PATH field=value... (a value @FILE uploads FILE); status in $STATUS, body in $BODY
save() {
  local p=$1; shift
  local args=()
  for kv in "$@"; do args+=(-F "$kv"); done
  STATUS=$(curl -s -o "$TMP/body" -D "$TMP/h" -w '%{http_code}' -b "$TMP/jar" -c "$TMP/jar" -F "csrf=$TOKEN" \
    "${args[@]}" "$BASE$p")
  BODY=$(cat "$TMP/body")
}
n_news() { q "SELECT count(*) FROM news"; }

# --- refusals: the message beside the field, the text kept ---
save /hallinta/uutiset/uusi "title=Kehittämisraha haettavana" "body=Hae nyt." "image_alt=Kuva" \
  "image=@$TMP/teksti.png;type=image/png" "publish=now"
expect_eq "a text file named .png is refused" "$STATUS" 422
expect_contains "the message beside the image field" "$BODY" '<span class="error" id="e-image">Kuvan pitää olla PNG-'
expect_contains "the file field points at its message" "$BODY" 'aria-describedby="e-image h-image"'
expect_contains "the title is kept" "$BODY" 'value="Kehittämisraha haettavana"'
expect_eq "nothing saved" "$(n_news)" 0
save /hallinta/uutiset/uusi "title=Kehittämisraha haettavana" "body=Hae nyt." "image=@$TMP/kuva.png" "publish=now"
expect_eq "an image without alt text is refused" "$STATUS" 422
expect_contains "the alt text's message beside it" "$BODY" 'id="e-image_alt">Kuvan vaihtoehtoinen teksti puuttuu'
expect_contains "the body is kept" "$BODY" 'Hae nyt.</textarea>'
expect_contains "asked to choose the image again" "$BODY" "Valitse kuva uudelleen"
save /hallinta/uutiset/uusi "title=Kehittämisraha haettavana" "title_sv=Utvecklingspengar" "image_alt=Kaavio" \
  "image=@$TMP/kuva.png" "publish=now"
expect_eq "a Swedish title needs the Swedish alt text" "$STATUS" 422
expect_contains "its message" "$BODY" 'id="e-image_alt_sv">'
save /hallinta/uutiset/uusi "title=Väärä aika" "publish=at" "date=31.2.2030" "time=25:00"
expect_eq "a bad date and time are refused" "$STATUS" 422
expect_contains "the date's message" "$BODY" 'id="e-date">Anna julkaisupäivä muodossa 22.11.2026.'
expect_contains "the time's message" "$BODY" 'id="e-time">Anna kellonaika muodossa 09.30.'
save /hallinta/uutiset/uusi "title=Väärä aika" "publish=at" "date=31.2.2030" "time=09.30" "image_alt=Kuva" \
  "image=@$TMP/teksti.png;type=image/png"
expect_contains "a bad date and a bad image: both messages" "$BODY" 'id="e-date">Anna julkaisupäivä'
expect_contains "(the image's too)" "$BODY" 'id="e-image">Kuvan pitää olla'
expect_eq "still nothing saved" "$(n_news)" 0

# --- an item published now, with an image and raw HTML in its body ---
save /hallinta/uutiset/uusi "title=Kehittämisraha haettavana" "title_sv=Utvecklingspengar kan sökas" \
  "lead=Haku on auki syyskuun loppuun." "body=## Miten haetaan
Täytä **lomake**.
<script>alert(1)</script>
[linkki](javascript:alert(2))" "image_alt=Kaavio hakuajoista" "image_alt_sv=Diagram" \
  "image=@$TMP/kuva.png;filename=hakuajat.png" "publish=now"
expect_eq "saved" "$STATUS" 303
ID=$(q "SELECT id FROM news WHERE title='Kehittämisraha haettavana'")
UID1=$(q "SELECT uid FROM news WHERE id=$ID")
expect_contains "the uid is a urn:uuid" "$UID1" "urn:uuid:"
expect_eq "an audit row" "$(q "SELECT count(*) FROM audit WHERE subject='news:$ID' AND action='create'")" 1
anon /uutiset
expect_eq "/uutiset" "$ASTATUS" 200
expect_contains "lists the item" "$ABODY" "href=\"/uutiset/$ID\">Kehittämisraha haettavana</a>"
expect_contains "with its lead" "$ABODY" "Haku on auki syyskuun loppuun."
expect_contains "in the main menu" "$ABODY" '<a href="/uutiset"'
anon "/uutiset/$ID"
expect_eq "the item's page" "$ASTATUS" 200
expect_contains "Markdown made HTML" "$ABODY" "<h2>Miten haetaan</h2>"
expect_lacks "no <script> from the body" "$ABODY" "<script>alert(1)"
expect_lacks "no javascript: link" "$ABODY" 'href="javascript:'
expect_contains "the image with its alt text" "$ABODY" 'alt="Kaavio hakuajoista"'
IMG=$(sed -n 's/.*<img class="news-image" src="\([^"]*\)".*/\1/p' <<<"$ABODY" | head -1)
anon "$IMG"
expect_eq "the image is served" "$ASTATUS" 200
expect_eq "as a PNG" "$(grep -i '^content-type:' "$TMP/ah" | tr -d '\r' | cut -d' ' -f2)" "image/png"
anon "/sv/uutiset/$ID"
expect_contains "Swedish title" "$ABODY" "Utvecklingspengar kan sökas"
expect_contains "Swedish alt text" "$ABODY" 'alt="Diagram"'
expect_contains "the Finnish lead stands in, marked" "$ABODY" '<p class="lead" lang="fi">Haku on auki'
anon /
expect_contains "the front page has the news section" "$ABODY" '<h2 id="uutiset">Uutiset</h2>'
expect_contains "with the item" "$ABODY" "href=\"/uutiset/$ID\""

# --- the Atom feed ---
anon /uutiset.atom
expect_eq "feed" "$ASTATUS" 200
expect_contains "Atom's type" "$(cat "$TMP/ah")" "application/atom+xml"
check "feed is well-formed" xmllint --noout "$TMP/abody"
expect_contains "entry id is the uid" "$ABODY" "<id>$UID1</id>"
expect_contains "absolute link from the base URL" "$ABODY" "href=\"$BASE/uutiset/$ID\""
expect_contains "the body's HTML escaped as the content's text" "$ABODY" "&lt;h2&gt;Miten haetaan&lt;/h2&gt;"
expect_lacks "no script in the feed's content" "$ABODY" "&lt;script&gt;"
expect_contains "<published> is the publish time" "$ABODY" "<published>$(q "SELECT publish_at FROM news WHERE id=$ID")</published>"
anon /sv/uutiset
expect_contains "feed readers find the Swedish news feed in the page's head" "$ABODY" '<link rel="alternate" type="application/atom+xml" href="/sv/uutiset.atom"'
anon /sv/uutiset.atom
check "the Swedish feed is well-formed" xmllint --noout "$TMP/abody"
expect_contains "the Swedish feed's id" "$ABODY" "<id>urn:kehto:uutiset:sv</id>"
expect_contains "the Swedish title in it" "$ABODY" "<title>Utvecklingspengar kan sökas</title>"
expect_contains "the same entry id in Swedish" "$ABODY" "<id>$UID1</id>"
anon /uutiset.atom
FEED_ID=$(sed -n 's/^<id>\(urn:kehto:uutiset[^<]*\)<\/id>/\1/p' <<<"$ABODY")
expect_eq "the feed's own id" "$FEED_ID" "urn:kehto:uutiset:fi"

# --- an edit keeps the uid and the publish time ---
PUB=$(q "SELECT publish_at FROM news WHERE id=$ID")
sleep 1
get "/hallinta/uutiset/$ID"
expect_eq "edit form" "$STATUS" 200
expect_contains "the image is shown in the editor" "$BODY" 'class="news-thumb"'
save "/hallinta/uutiset/$ID" "title=Kehittämisraha haettavana nyt" "title_sv=Utvecklingspengar kan sökas" \
  "body=Uusi teksti." "image_alt=Kaavio hakuajoista" "image_alt_sv=Diagram" "publish=now"
expect_eq "edited" "$STATUS" 303
expect_eq "uid unchanged" "$(q "SELECT uid FROM news WHERE id=$ID")" "$UID1"
expect_eq "publish time unchanged" "$(q "SELECT publish_at FROM news WHERE id=$ID")" "$PUB"
expect_eq "the image kept" "$(q "SELECT count(*) FROM news WHERE id=$ID AND image_id IS NOT NULL")" 1
anon /uutiset.atom
check "feed is well-formed after the edit" xmllint --noout "$TMP/abody"
expect_contains "the entry id unchanged after the edit" "$ABODY" "<id>$UID1</id>"
expect_contains "the new title" "$ABODY" "Kehittämisraha haettavana nyt"
get "/hallinta/uutiset/$ID"
expect_contains "a published item's form shows its time" "$BODY" 'id="f-publish-at" value="at" checked'
LOCAL_DAY=$(sed -n 's/.*name="date" value="\([^"]*\)".*/\1/p' <<<"$BODY")
LOCAL_TIME=$(sed -n 's/.*name="time" value="\([^"]*\)".*/\1/p' <<<"$BODY")
save "/hallinta/uutiset/$ID" "title=Kehittämisraha haettavana nyt" "title_sv=Utvecklingspengar kan sökas" \
  "body=Uusi teksti." "image_alt=Kaavio hakuajoista" "image_alt_sv=Diagram" "publish=at" "date=$LOCAL_DAY" \
  "time=$LOCAL_TIME"
expect_eq "saved again as shown" "$STATUS" 303
expect_eq "the same minute keeps the publish time to the second" "$(q "SELECT publish_at FROM news WHERE id=$ID")" "$PUB"
expect_eq "one entry" "$(grep -c '<entry' <<<"$ABODY")" 1

# --- scheduled: typed as Finnish time, hidden until then ---
save /hallinta/uutiset/uusi "title=Tuleva seminaari" "image_alt=Seminaarisali" "image=@$TMP/kuva.png" \
  "publish=at" "date=22.11.2030" "time=09.30"
expect_eq "scheduled item saved" "$STATUS" 303
SID=$(q "SELECT id FROM news WHERE title='Tuleva seminaari'")
expect_eq "09.30 in Finland in November is 07.30 UTC" "$(q "SELECT publish_at FROM news WHERE id=$SID")" \
  "2030-11-22T07:30:00Z"
save /hallinta/uutiset/uusi "title=Kesäinen" "publish=at" "date=1.7.2030" "time=9:30"
expect_eq "09.30 in Finland in July is 06.30 UTC" "$(q "SELECT publish_at FROM news WHERE title='Kesäinen'")" \
  "2030-07-01T06:30:00Z"
get /hallinta/uutiset
expect_contains "staff see it as scheduled" "$BODY" '<span class="status-scheduled">Ajastettu</span>'
expect_contains "staff see the time in Finnish" "$BODY" "22.11.2030 klo 09.30"
SIMG_ID=$(q "SELECT image_id FROM news WHERE id=$SID")
SIMG=$(q "SELECT '/tiedostot/'||id||'/'||filename FROM media WHERE id=$SIMG_ID")
get "/uutiset/$SID"
expect_eq "staff may preview it" "$STATUS" 200
expect_contains "marked scheduled" "$BODY" "Ajastettu: uutinen näkyy yleisölle julkaisuajasta alkaen."
serve_with # the access log shows which answers came from the page cache
# its time comes in a few seconds: a direct write (the cache drops what came before it), then reads cache the pages
AT=$(date -u -d '+6 seconds' +%Y-%m-%dT%H:%M:%SZ)
q "UPDATE news SET publish_at='$AT' WHERE id=$SID; UPDATE data_version SET n = n + 1" >/dev/null # as a write through kehto does
anon /uutiset
expect_lacks "before its time: not on /uutiset" "$ABODY" "Tuleva seminaari"
# each server thread's first look drops the cache once: ask until an answer comes from the cache
for _ in $(seq 1 60); do
  anon /uutiset
  grep 'GET /uutiset 200' "$TMP/server.log" | tail -1 | grep -q cached && break
done
expect_contains "the list is served from the page cache (the access log says so)" \
  "$(grep 'GET /uutiset 200' "$TMP/server.log" | tail -1)" "cached"
anon "/uutiset/$SID"
expect_eq "before its time: its page is 404" "$ASTATUS" 404
anon /uutiset.atom
expect_lacks "before its time: not in the feed" "$ABODY" "Tuleva seminaari"
anon /
expect_lacks "before its time: not on the front page" "$ABODY" "Tuleva seminaari"
anon "$SIMG"
expect_eq "before its time: its image is 404" "$ASTATUS" 404
while [[ "$(date -u +%Y-%m-%dT%H:%M:%SZ)" < "$AT" ]]; do sleep 0.5; done
sleep 1
anon /uutiset
expect_contains "at its time: on /uutiset without a write" "$ABODY" "Tuleva seminaari"
anon "/uutiset/$SID"
expect_eq "at its time: its page" "$ASTATUS" 200
anon /uutiset.atom
expect_contains "at its time: in the feed" "$ABODY" "Tuleva seminaari"
check "the feed is still well-formed" xmllint --noout "$TMP/abody"
anon /
expect_contains "at its time: on the front page" "$ABODY" "Tuleva seminaari"
anon "$SIMG"
expect_eq "at its time: its image" "$ASTATUS" 200

# --- a control character typed or pasted into a title (a form feed) does not break the feed's XML ---
save /hallinta/uutiset/uusi $'title=Lomakkeen\fvaihto' "publish=now"
expect_eq "a title with a form feed is saved" "$STATUS" 303
anon /uutiset.atom
expect_contains "in the feed without the control character" "$ABODY" "<title>Lomakkeenvaihto</title>"
check "the feed is well-formed with it" xmllint --noout "$TMP/abody"

# --- a draft is not public ---
save /hallinta/uutiset/uusi "title=Keskeneräinen" "publish=draft"
DID=$(q "SELECT id FROM news WHERE title='Keskeneräinen'")
expect_eq "a draft has no publish time" "$(q "SELECT count(*) FROM news WHERE id=$DID AND publish_at IS NULL")" 1
anon "/uutiset/$DID"
expect_eq "a draft's page is 404" "$ASTATUS" 404

# --- delete with confirmation ---
get "/hallinta/uutiset/$ID/poista"
expect_eq "confirmation page" "$STATUS" 200
expect_contains "says what goes" "$BODY" "Poistetaan uutinen: Kehittämisraha haettavana nyt."
post "/hallinta/uutiset/$ID/poista" "csrf=$(csrf_from "$BODY")"
expect_eq "a POST without confirm=1 only asks" "$(q "SELECT count(*) FROM news WHERE id=$ID")" 1
post "/hallinta/uutiset/$ID/poista" "csrf=$(csrf_from "$BODY")" "confirm=1"
expect_eq "deleted" "$STATUS" 303
expect_eq "gone" "$(q "SELECT count(*) FROM news WHERE id=$ID")" 0
expect_eq "its image gone too" "$(q "SELECT count(*) FROM media WHERE id NOT IN (SELECT image_id FROM news WHERE image_id IS NOT NULL)")" 0
anon "/uutiset/$ID"
expect_eq "its page is 404" "$ASTATUS" 404
post /hallinta/uutiset/uusi "title=Ilman tunnistetta" "publish=now"
expect_eq "a POST without the token is refused" "$STATUS" 403
finish
