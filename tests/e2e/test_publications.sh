# End-to-end: publications (#15): staff upload a PDF (checked by its content: a text file named .pdf is refused with
# the message beside the field and the typed text kept), publish it; the summary page (the HTML alternative) and the
# download's headers; an unpublished publication's page and file are 404; the list's filters; delete with a
# confirmation.
source "$(dirname "$0")/lib.sh"
init_db
add_staff
start_server
login staff@example.fi vihrea-kettu-93-Rq

# a small PDF and a text file named like one
"$PYTHON" - "$TMP/raportti.pdf" <<'PY'
import sys
objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"]
out = bytearray(b"%PDF-1.4\n")
offs = []
for i, o in enumerate(objs, 1):
    offs.append(len(out)); out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
x = len(out)
out += b"xref\n0 4\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offs)
out += b"trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % x
open(sys.argv[1], "wb").write(out)
PY
printf 'Tämä ei ole PDF.\n' >"$TMP/teksti.pdf"
# anon PATH: an anonymous GET (no cookies); status in $ASTATUS, body in $ABODY, headers in $TMP/ah
anon() {
  ASTATUS=$(curl -s -o "$TMP/abody" -D "$TMP/ah" -w '%{http_code}' "${@:2}" "$BASE$1")
  ABODY=$(cat "$TMP/abody")
}
aheader() { grep -i "^$1:" "$TMP/ah" | head -1 | cut -d' ' -f2- | tr -d '\r'; }
# upload PATH FILE field=value...: a multipart POST with the token and the file; $STATUS, $BODY
upload() {
  local p=$1 file=$2; shift 2
  local args=()
  for kv in "$@"; do args+=(-F "$kv"); done
  [ -n "$file" ] && args+=(-F "file=@$file")
  STATUS=$(curl -s -o "$TMP/body" -D "$TMP/h" -w '%{http_code}' -b "$TMP/jar" -c "$TMP/jar" -F "csrf=$TOKEN" \
    "${args[@]}" "$BASE$p")
  BODY=$(cat "$TMP/body")
}
FIELDS=("title=Testiraportti <ääkköset>" "authors=Kunteko 2020 -ohjelma" "year=2018" "type=report" "lang=fi"
  "summary=## Tiivistelmä
Raportin **sisältö**. <script>alert(1)</script>")

get /hallinta/julkaisut
expect_eq "staff list" "$STATUS" 200
expect_contains "in the staff menu" "$BODY" 'href="/hallinta/julkaisut"'
get /hallinta/julkaisut/uusi
expect_contains "the editor is a multipart form" "$BODY" 'enctype="multipart/form-data"'
TOKEN=$(csrf_from "$BODY")

# --- a text file named .pdf is refused beside the field, the typed text kept ---
upload /hallinta/julkaisut/uusi "$TMP/teksti.pdf" "${FIELDS[@]}"
expect_eq "non-PDF refused" "$STATUS" 422
expect_contains "the message beside the file field" "$BODY" 'id="e-file">Tiedosto ei ole PDF-tiedosto.'
expect_contains "the title kept (escaped)" "$BODY" 'value="Testiraportti &lt;ääkköset&gt;"'
expect_contains "the summary kept" "$BODY" 'Raportin **sisältö**.'
expect_eq "nothing stored" "$(q "SELECT (SELECT count(*) FROM publication) || '/' || (SELECT count(*) FROM media)")" "0/0"
# --- a PDF just over 20 MB reaches the page (the request has room for the form's fields): refused beside the field,
# the typed text kept, not cut off by the server with a bare 413 ---
{ cat "$TMP/raportti.pdf"; head -c $((20 * 1024 * 1024)) /dev/zero; } >"$TMP/iso.pdf"
upload /hallinta/julkaisut/uusi "$TMP/iso.pdf" "${FIELDS[@]}"
expect_eq "a PDF over 20 MB: the form again" "$STATUS" 422
expect_contains "... the limit beside the file field" "$BODY" 'id="e-file">Tiedosto on liian suuri: enintään 20 Mt.'
expect_contains "... the title kept" "$BODY" 'value="Testiraportti &lt;ääkköset&gt;"'
rm -f "$TMP/iso.pdf"
upload /hallinta/julkaisut/uusi "" "${FIELDS[@]}"
expect_eq "a new publication needs its PDF" "$STATUS" 422
expect_contains "said beside the field" "$BODY" 'id="e-file">Valitse julkaisun PDF-tiedosto.'

# --- a stale token shows the form again, nothing saved ---
STATUS=$(curl -s -o "$TMP/body" -w '%{http_code}' -b "$TMP/jar" -F "csrf=0123456789abcdef" -F "title=Vanha tunniste" \
  -F "year=2018" -F "type=report" -F "lang=fi" -F "file=@$TMP/raportti.pdf" "$BASE/hallinta/julkaisut/uusi")
expect_eq "stale token: 403" "$STATUS" 403
expect_contains "stale token: the form again with the title" "$(cat "$TMP/body")" 'value="Vanha tunniste"'
expect_eq "stale token: nothing saved" "$(q "SELECT count(*) FROM publication")" 0

# --- the PDF is accepted ---
upload /hallinta/julkaisut/uusi "$TMP/raportti.pdf;filename=Raportti 2018 (lopullinen).pdf" "${FIELDS[@]}"
expect_eq "PDF saved" "$STATUS" 303
expect_contains "to its editor" "$(header Location)" "/hallinta/julkaisut/1?done=saved"
FILE=$(q "SELECT id || '/' || filename FROM media")
expect_eq "stored under a safe download name" "$FILE" "1/Raportti-2018--lopullinen-.pdf"
expect_eq "stored as application/pdf" "$(q "SELECT mime FROM media")" "application/pdf"
expect_eq "audit row" "$(q "SELECT action FROM audit WHERE subject = 'publication:1'")" "create"

# --- unpublished: nothing public ---
anon /julkaisut/1
expect_eq "unpublished: summary page 404" "$ASTATUS" 404
anon "/tiedostot/$FILE"
expect_eq "unpublished: file 404" "$ASTATUS" 404
anon /julkaisut
expect_lacks "unpublished: not listed" "$ABODY" "Testiraportti"
get /julkaisut/1
expect_eq "staff preview the page" "$STATUS" 200
expect_contains "with a note" "$BODY" "Julkaisua ei ole julkaistu"

# --- publish ---
get /hallinta/julkaisut/1
TOKEN=$(csrf_from "$BODY")
post /hallinta/julkaisut/1/julkaisu "csrf=$TOKEN" "on=1"
expect_eq "published" "$STATUS" 303
anon /julkaisut
expect_eq "list" "$ASTATUS" 200
expect_contains "listed under its year" "$ABODY" "<h2>2018</h2>"
expect_contains "linked, in its language" "$ABODY" 'href="/julkaisut/1" lang="fi">Testiraportti &lt;ääkköset&gt;</a>'
anon "/julkaisut?tyyppi=guide"
expect_lacks "filter by type" "$ABODY" "Testiraportti"
anon "/julkaisut?vuosi=2018&kieli=fi&tyyppi=report"
expect_contains "filter by year, language and type" "$ABODY" "Testiraportti"
anon /julkaisut/1
expect_eq "summary page" "$ASTATUS" 200
expect_contains "title" "$ABODY" '<h1 lang="fi">Testiraportti &lt;ääkköset&gt;</h1>'
expect_contains "authors" "$ABODY" "<dd>Kunteko 2020 -ohjelma</dd>"
expect_contains "type" "$ABODY" "<dd>Raportti</dd>"
expect_contains "summary in Markdown" "$ABODY" "Raportin <strong>sisältö</strong>."
expect_lacks "raw HTML in the summary dropped" "$ABODY" "<script>alert"
expect_contains "download link with hreflang and type" "$ABODY" \
  "href=\"/tiedostot/$FILE\" hreflang=\"fi\" type=\"application/pdf\">Lataa julkaisu <span class=\"meta\">(PDF, 1 kt, kieli: suomi)"
anon /sv/julkaisut/1
expect_contains "Swedish page: the language named in Swedish" "$ABODY" "finska"

# --- the download ---
anon "/tiedostot/$FILE"
expect_eq "download 200" "$ASTATUS" 200
expect_eq "Content-Type" "$(aheader Content-Type)" "application/pdf"
expect_eq "Content-Disposition" "$(aheader Content-Disposition)" 'attachment; filename="Raportti-2018--lopullinen-.pdf"'
expect_eq "Content-Length" "$(aheader Content-Length)" "$(wc -c <"$TMP/raportti.pdf")"
check "the same bytes" cmp "$TMP/abody" "$TMP/raportti.pdf"
anon "/tiedostot/1/vanha-nimi.pdf"
expect_eq "an old name redirects to the file's own" "$ASTATUS" 303
anon "/tiedostot/$FILE" -H "Range: bytes=0-7"
expect_eq "a range: 206" "$ASTATUS" 206
expect_eq "the range's bytes" "$ABODY" "%PDF-1.4"
expect_eq "Content-Range" "$(aheader Content-Range)" "bytes 0-7/$(wc -c <"$TMP/raportti.pdf")"
anon "/tiedostot/$FILE" -H "Range: bytes=99999-"
expect_eq "a range past the end: 416" "$ASTATUS" 416

# --- unpublish: page and file 404 again ---
post /hallinta/julkaisut/1/julkaisu "csrf=$TOKEN" "on=0"
expect_eq "unpublished" "$STATUS" 303
anon /julkaisut/1
expect_eq "unpublished again: page 404" "$ASTATUS" 404
anon "/tiedostot/$FILE"
expect_eq "unpublished again: file 404" "$ASTATUS" 404

# --- editing keeps the file; a new file replaces it ---
upload /hallinta/julkaisut/1 "" "${FIELDS[@]/year=2018/year=2019}"
expect_eq "edited without a file" "$STATUS" 303
expect_eq "file kept, year changed" "$(q "SELECT file_id || '/' || year FROM publication")" "1/2019"

# --- delete with a confirmation ---
get /hallinta/julkaisut/1/poista
expect_contains "confirmation page" "$BODY" "Poistetaanko julkaisu?"
post /hallinta/julkaisut/1/poista "csrf=$TOKEN"
expect_eq "a POST without confirm only asks" "$(q "SELECT count(*) FROM publication")" 1
post /hallinta/julkaisut/1/poista "csrf=$TOKEN" "confirm=1"
expect_eq "deleted" "$STATUS" 303
expect_eq "row and file gone" "$(q "SELECT (SELECT count(*) FROM publication) || '/' || (SELECT count(*) FROM media)")" "0/0"
anon /julkaisut/1
expect_eq "deleted: 404" "$ASTATUS" 404

finish
