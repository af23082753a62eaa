# End-to-end: videos (#15): a video without captions cannot be published (WCAG 1.2.2); with captions its page has
# <video> with a <track kind="captions"> per language and the captions are served as text/vtt; unpublished videos,
# their files and captions are 404; bad WebVTT and a non-video file are refused beside their fields with the text kept;
# a video given by its address; Range requests for seeking; delete.
source "$(dirname "$0")/lib.sh"
init_db
add_staff
start_server
login staff@example.fi vihrea-kettu-93-Rq
WEBM=$E2E_ROOT/data/demo/placeholder.webm
VTT_FI=$'WEBVTT\n\n00:00:00.000 --> 00:00:02.500\nMikä on Kunteko-ohjelma?\n'
VTT_EN=$'WEBVTT\n\n00:00:00.000 --> 00:00:02.500\nWhat is the Kunteko programme?\n'
anon() {
  ASTATUS=$(curl -s -o "$TMP/abody" -D "$TMP/ah" -w '%{http_code}' "${@:2}" "$BASE$1")
  ABODY=$(cat "$TMP/abody")
}
aheader() { grep -i "^$1:" "$TMP/ah" | head -1 | cut -d' ' -f2- | tr -d '\r'; }
# send PATH FILE field=value...: a multipart POST with the token (and the file when FILE is not empty)
send() {
  local p=$1 file=$2; shift 2
  local args=()
  for kv in "$@"; do args+=(--form-string "$kv"); done
  [ -n "$file" ] && args+=(-F "file=@$file")
  STATUS=$(curl -s -o "$TMP/body" -D "$TMP/h" -w '%{http_code}' -b "$TMP/jar" -c "$TMP/jar" -F "csrf=$TOKEN" \
    "${args[@]}" "$BASE$p")
  BODY=$(cat "$TMP/body")
}

get /hallinta/videot
expect_eq "staff list" "$STATUS" 200
get /hallinta/videot/uusi
expect_contains "multipart editor" "$BODY" 'enctype="multipart/form-data"'
TOKEN=$(csrf_from "$BODY")

# --- refused: a PNG as the video, bad captions; the text kept ---
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\1\0\0\0\1\x08\x06\0\0\0\x1f\x15\xc4\x89' >"$TMP/kuva.webm"
send /hallinta/videot/uusi "$TMP/kuva.webm" "title=Mikä on Kunteko-ohjelma?" "vtt=Hei vaan" "vtt_sv=" "vtt_en="
expect_eq "a PNG is no video" "$STATUS" 422
expect_contains "said beside the file field" "$BODY" 'id="e-file">Videon pitää olla MP4-, WebM- tai Ogg-video.'
expect_contains "bad captions said beside their field" "$BODY" 'id="e-vtt">Tekstitys ei ole WebVTT-muodossa'
expect_contains "the typed captions kept" "$BODY" '>Hei vaan</textarea>'
expect_contains "the title kept" "$BODY" 'value="Mikä on Kunteko-ohjelma?"'
send /hallinta/videot/uusi "" "title=Ei tiedostoa" "url=javascript:alert(1)"
expect_eq "a bad address" "$STATUS" 422
expect_contains "said beside the address" "$BODY" 'id="e-url">Anna videotiedoston osoite, joka alkaa https://.'
send /hallinta/videot/uusi "" "title=Ei tiedostoa" "url=http://example.org/v.webm"
expect_eq "an http:// address is refused (the page's media-src allows only https: beside its own files)" "$STATUS" 422
expect_contains "said beside it" "$BODY" 'id="e-url">Anna videotiedoston osoite, joka alkaa https://.'
expect_eq "nothing stored" "$(q "SELECT (SELECT count(*) FROM video) || '/' || (SELECT count(*) FROM media)")" "0/0"

# --- saved without captions: cannot be published ---
send /hallinta/videot/uusi "$WEBM" "title=Mikä on Kunteko-ohjelma?" "title_en=What is Kunteko?" \
  "description=Piirretty **esittely**. <script>alert(1)</script>" "vtt=" "vtt_sv=" "vtt_en="
expect_eq "saved" "$STATUS" 303
expect_contains "to its editor" "$(header Location)" "/hallinta/videot/1?done=saved"
FILE=$(q "SELECT id || '/' || filename FROM media")
post /hallinta/videot/1/julkaisu "csrf=$TOKEN" "on=1"
expect_eq "publishing without captions refused" "$STATUS" 422
expect_contains "with a clear message beside the captions" "$BODY" 'id="e-vtt">Videota ei voi julkaista ilman tekstitystä'
expect_eq "not published" "$(q "SELECT count(*) FROM video WHERE published_at IS NOT NULL")" 0
anon /videot/1
expect_eq "unpublished: page 404" "$ASTATUS" 404
anon "/tiedostot/$FILE"
expect_eq "unpublished: file 404" "$ASTATUS" 404

# --- with captions: published ---
send /hallinta/videot/1 "" "title=Mikä on Kunteko-ohjelma?" "title_en=What is Kunteko?" \
  "description=Piirretty **esittely**. <script>alert(1)</script>" "vtt=$VTT_FI" "vtt_sv=" "vtt_en=$VTT_EN"
expect_eq "captions saved" "$STATUS" 303
expect_eq "the file kept" "$(q "SELECT file_id FROM video")" 1
anon /videot/1/tekstitys/fi.vtt
expect_eq "unpublished: captions 404" "$ASTATUS" 404
post /hallinta/videot/1/julkaisu "csrf=$TOKEN" "on=1"
expect_eq "published" "$STATUS" 303
anon /videot
expect_contains "listed" "$ABODY" 'href="/videot/1"'
anon /videot/1
expect_eq "video page" "$ASTATUS" 200
expect_contains "a video element" "$ABODY" "<video controls preload=\"metadata\" width=\"640\" class=\"video-player\"><source src=\"/tiedostot/$FILE\" type=\"video/webm\">"
expect_contains "Finnish captions, shown by default" "$ABODY" \
  '<track kind="captions" srclang="fi" label="suomi" src="/videot/1/tekstitys/fi.vtt" default>'
expect_contains "English captions" "$ABODY" '<track kind="captions" srclang="en" label="englanti" src="/videot/1/tekstitys/en.vtt">'
expect_lacks "no Swedish captions" "$ABODY" 'srclang="sv"'
expect_contains "the description in Markdown" "$ABODY" "Piirretty <strong>esittely</strong>."
expect_lacks "raw HTML dropped" "$ABODY" "<script>alert"
anon /en/videot/1
expect_contains "English page: English title" "$ABODY" "What is Kunteko?"
expect_contains "English page: English captions by default" "$ABODY" 'src="/en/videot/1/tekstitys/en.vtt" default>'
anon /videot/1/tekstitys/fi.vtt
expect_eq "captions served" "$ASTATUS" 200
expect_eq "as text/vtt" "$(aheader Content-Type)" "text/vtt; charset=utf-8"
expect_eq "the captions' text" "$ABODY" "${VTT_FI%$'\n'}"
anon /videot/1/tekstitys/sv.vtt
expect_eq "no Swedish captions: 404" "$ASTATUS" 404
anon "/tiedostot/$FILE"
expect_eq "the video file" "$ASTATUS" 200
expect_eq "as video/webm" "$(aheader Content-Type)" "video/webm"
expect_eq "seekable" "$(aheader Accept-Ranges)" "bytes"
anon "/tiedostot/$FILE" -H "Range: bytes=100-"
expect_eq "a range: 206" "$ASTATUS" 206
SIZE=$(wc -c <"$WEBM")
expect_eq "Content-Range" "$(aheader Content-Range)" "bytes 100-$((SIZE - 1))/$SIZE"
expect_eq "Content-Length of the range" "$(aheader Content-Length)" "$((SIZE - 100))"
anon "/tiedostot/$FILE" -H "Range: bytes=-10"
expect_eq "the last bytes" "$(aheader Content-Range)" "bytes $((SIZE - 10))-$((SIZE - 1))/$SIZE"

# --- a published video keeps its captions ---
send /hallinta/videot/1 "" "title=Mikä on Kunteko-ohjelma?" "vtt=" "vtt_sv=" "vtt_en="
expect_eq "removing every caption of a published video refused" "$STATUS" 422
expect_contains "said beside the captions" "$BODY" 'id="e-vtt">Julkaistulla videolla pitää olla tekstitys'
expect_eq "captions kept" "$(q "SELECT count(*) FROM video_caption")" 2

# --- a video given by its address ---
send /hallinta/videot/uusi "" "title=Työelämän kehittäminen kannattaa" "url=https://example.org/videot/loppu.mp4" \
  "vtt=$VTT_FI" "vtt_sv=" "vtt_en="
expect_eq "saved by address" "$STATUS" 303
post /hallinta/videot/2/julkaisu "csrf=$TOKEN" "on=1"
anon /videot/2
expect_contains "played from its address" "$ABODY" '<source src="https://example.org/videot/loppu.mp4">'

# --- unpublish and delete ---
post /hallinta/videot/1/julkaisu "csrf=$TOKEN" "on=0"
anon /videot/1
expect_eq "unpublished: 404" "$ASTATUS" 404
anon /videot/1/tekstitys/fi.vtt
expect_eq "unpublished: captions 404" "$ASTATUS" 404
get /hallinta/videot/1/poista
expect_contains "confirmation" "$BODY" "Poistetaanko video?"
post /hallinta/videot/1/poista "csrf=$TOKEN" "confirm=1"
expect_eq "deleted" "$STATUS" 303
expect_eq "video, captions and file gone" \
  "$(q "SELECT (SELECT count(*) FROM video) || '/' || (SELECT count(*) FROM video_caption) || '/' || (SELECT count(*) FROM media)")" "1/1/0"

finish
