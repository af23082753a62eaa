# End-to-end: uploads (#12): the CLI imports the workbooks LibreOffice Calc saved (tests/fixtures/xlsx), naming the
# row and column of an error and importing nothing; /hallinta/tuonti shows a workbook's rows and errors, imports
# nothing until confirmed and then imports through the same importer; another user's upload is refused; too large
# (413), malformed (400) and token-less (403) uploads; a semicolon CSV with a BOM; cancel; old uploads go.
source "$(dirname "$0")/lib.sh"
init_db
people_frame
add_staff
add_staff other@example.fi
F=$E2E_ROOT/tests/fixtures/xlsx
counts() {
  q "SELECT (SELECT count(*) FROM person)||'/'||(SELECT count(*) FROM participation)||'/'||
  (SELECT count(*) FROM esf_start)||'/'||(SELECT count(*) FROM attendance)||'/'||(SELECT count(*) FROM deed)"
}
run() { out=$("$KEHTO" "$@" --db "$DB" 2>&1); rc=$?; }

# --- the CLI reads the workbooks LibreOffice saved ---
run import participants "$F/participants_error.xlsx"
expect_eq "CLI: a workbook with a bad email fails" "$rc" 1
expect_contains "CLI: the error names the file, row and column" "$out" \
  "participants_error.xlsx, row 4, column email: 'liisa.example.fi' is not a valid email address"
expect_contains "CLI: nothing imported" "$out" "Nothing was imported."
expect_eq "CLI: no rows stored" "$(counts)" "0/0/0/0/0"
out=$(cat "$F/deeds.xlsx" | "$KEHTO" import deeds /dev/stdin --db "$DB" 2>&1)
expect_contains "CLI: a workbook through a pipe (which cannot seek) is refused, saying what it is" "$out" \
  "/dev/stdin: the file is an Excel workbook (.xlsx)"
run import deeds "$F/deeds.xlsx"
expect_eq "CLI: the deeds workbook imports" "$rc" 0
expect_contains "CLI: says how many" "$out" "Imported 2 deeds"
expect_eq "CLI: a number cell (year) and a text code (091) read as written" \
  "$(q "SELECT ref||':'||year||':'||municipality_code FROM deed ORDER BY ref" | tr '\n' ' ')" "LO-1:2019:564 LO-2:2020:091 "

# --- the upload page ---
start_server
login staff@example.fi vihrea-kettu-93-Rq
get /hallinta/tuonti
expect_eq "upload page" "$STATUS" 200
expect_contains "in the staff menu" "$BODY" 'href="/hallinta/tuonti"'
expect_contains "a multipart form" "$BODY" 'enctype="multipart/form-data"'
expect_contains "the size limit is stated" "$BODY" "Tiedoston enimmäiskoko on 20 Mt."
expect_contains "the columns are listed" "$BODY" "delivery, email, name, organisation, role"
TOKEN=$(csrf_from "$BODY")
# upload KIND FILE [curl args]: posts the file with the token; status in $STATUS, body in $BODY
upload() {
  local kind=$1 file=$2; shift 2
  STATUS=$(curl -s -o "$TMP/body" -D "$TMP/h" -w '%{http_code}' -b "$TMP/jar" -c "$TMP/jar" -F "csrf=$TOKEN" \
    -F "kind=$kind" -F "file=@$file" "$@" "$BASE/hallinta/tuonti")
  BODY=$(cat "$TMP/body")
}
# upload_preview KIND FILE: uploads and opens the preview; the upload's id in $ID
upload_preview() {
  upload "$1" "$2"
  ID=$(header Location)
  ID=${ID##*/}
  get "/hallinta/tuonti/$ID"
}
upload participants "$F/participants_error.xlsx"
expect_eq "upload of a workbook is kept and shown" "$STATUS" 303
LOC=$(header Location)
ID=${LOC##*/}
expect_eq "the upload is in the database" "$(q "SELECT kind||':'||filename||':'||size FROM upload WHERE id=$ID")" \
  "participants:participants_error.xlsx:$(stat -c %s "$F/participants_error.xlsx")"
get "$LOC"
expect_eq "preview page" "$STATUS" 200
expect_contains "preview shows the header" "$BODY" '<th scope="col">delivery</th><th scope="col">email</th>'
expect_contains "preview shows the rows as read (a date cell as a date)" "$BODY" \
  '<th scope="row">4</th><td>SP-1</td><td>liisa.example.fi</td><td>Liisa Laine</td><td>0187690-1</td><td>johto</td><td>2019-03-02</td>'
expect_contains "the error by row and column" "$BODY" \
  "<tr><td>4</td><td>email</td><td lang=\"en\">&#39;liisa.example.fi&#39; is not a valid email address</td></tr>"
expect_contains "says nothing is imported" "$BODY" "mitään ei tuoda"
expect_lacks "no confirmation for a bad file" "$BODY" "Vahvista tuonti"
expect_eq "nothing imported by the preview" "$(counts)" "0/0/0/0/2"
post "/hallinta/tuonti/$ID/peru" "csrf=$TOKEN"
expect_eq "cancel" "$STATUS" 303
expect_eq "cancel removes the upload" "$(q "SELECT count(*) FROM upload")" 0

upload_preview participants "$F/participants.xlsx"
expect_contains "the fixed file can be imported" "$BODY" "Tiedosto on kunnossa. Tuotavia rivejä: 4"
expect_contains "confirmation offered" "$BODY" "Vahvista tuonti"
expect_eq "still nothing imported" "$(counts)" "0/0/0/0/2"
# another staff member cannot see, confirm or cancel it
cp "$TMP/jar" "$TMP/jar.staff"
rm -f "$TMP/jar"
login other@example.fi vihrea-kettu-93-Rq
get "/hallinta/tuonti/$ID"
expect_eq "another user's upload is not shown" "$STATUS" 404
get /hallinta/tuonti
post "/hallinta/tuonti/$ID/tuo" "csrf=$(csrf_from "$BODY")"
expect_eq "another user's upload cannot be confirmed" "$STATUS" 404
post "/hallinta/tuonti/$ID/peru" "csrf=$(csrf_from "$BODY")"
expect_eq "another user's upload cannot be cancelled" "$STATUS" 404
expect_eq "nothing imported by the other user" "$(counts)" "0/0/0/0/2"
cp "$TMP/jar.staff" "$TMP/jar"
post "/hallinta/tuonti/$ID/tuo" "x=1"
expect_eq "confirm without the token is refused" "$STATUS" 403
post "/hallinta/tuonti/$ID/tuo" "csrf=$TOKEN"
expect_eq "confirm imports" "$STATUS" 200
expect_contains "says what was imported" "$BODY" "participants.xlsx</strong>: 4 riviä, uusia henkilöitä 3."
expect_contains "links to what was imported" "$BODY" 'href="/hallinta/henkilot"'
expect_eq "people, participations and ESF records stored" "$(counts)" "3/4/3/0/2"
expect_eq "dates from serial numbers" "$(q "SELECT e.entry_date||' '||e.birth_date FROM esf_start e JOIN person p
  ON p.id=e.person_id WHERE p.email='liisa@example.fi'")" "2019-03-02 1969-11-30"
expect_eq "the upload is removed after the import" "$(q "SELECT count(*) FROM upload")" 0
expect_eq "the import is audited under the uploader" \
  "$(q "SELECT actor||' '||action FROM audit WHERE subject='import:participants'")" "staff@example.fi import"
expect_eq "each person's change is audited" "$(q "SELECT count(*) FROM audit WHERE actor='staff@example.fi'
  AND subject LIKE 'person:%' AND detail LIKE 'participants.xlsx, row %'")" 4
post "/hallinta/tuonti/$ID/tuo" "csrf=$TOKEN"
expect_eq "a second confirm finds nothing" "$STATUS" 404

# the attendance workbook through the CLI, now that the people are there
run import attendance "$F/attendance.xlsx"
expect_eq "CLI: the attendance workbook imports" "$rc" 0
expect_eq "attendance stored" "$(counts)" "3/4/3/5/2"

# a CSV as Finnish Excel saves it: semicolons, a BOM, CRLF
printf '\xEF\xBB\xBFref;title;organisation;municipality;sector;summary;goal;actions;results;year\r\nCSV-1;Äänekosken kokeilu;Oulun kaupunki;Äänekoski;sote;Lyhyesti;Tavoite;Teot;Tulokset;2021\r\n' \
  >"$TMP/teot.csv"
upload_preview deeds "$TMP/teot.csv"
expect_contains "a semicolon CSV with a BOM is read" "$BODY" '<th scope="col">ref</th><th scope="col">title</th>'
expect_contains "its rows shown" "$BODY" "<td>Äänekosken kokeilu</td>"
FIRST=$ID
upload_preview deeds "$TMP/teot.csv" # the same file again, while the first waits
post "/hallinta/tuonti/$FIRST/tuo" "csrf=$TOKEN"
expect_contains "the CSV imports" "$BODY" "teot.csv</strong>: 1 riviä"
expect_eq "the deed stored" "$(q "SELECT count(*) FROM deed WHERE ref='CSV-1'")" 1
post "/hallinta/tuonti/$ID/tuo" "csrf=$TOKEN"
expect_eq "a confirmation that now fails is 409" "$STATUS" 409
expect_contains "... showing what is wrong now" "$BODY" "ref &#39;CSV-1&#39; is already used by deed"
expect_eq "... keeping the file for another try" "$(q "SELECT count(*) FROM upload WHERE filename='teot.csv'")" 1
expect_eq "... and importing nothing" "$(q "SELECT count(*) FROM deed WHERE ref='CSV-1'")" 1
q "DELETE FROM upload"

# bad uploads
upload "" "$F/deeds.xlsx"
expect_eq "no kind chosen: the form again" "$STATUS" 400
expect_contains "the message beside the field" "$BODY" 'id="e-kind"'
STATUS=$(curl -s -o "$TMP/body" -w '%{http_code}' -b "$TMP/jar" -F "csrf=$TOKEN" -F "kind=deeds" "$BASE/hallinta/tuonti")
expect_eq "no file: the form again" "$STATUS" 400
expect_contains "asks for a file" "$(cat "$TMP/body")" "Valitse tiedosto."
head -c $((21 * 1024 * 1024)) /dev/zero >"$TMP/big.csv"
upload deeds "$TMP/big.csv"
expect_eq "a file over 20 MB is refused" "$STATUS" 413
expect_contains "the 413 page says the limit" "$BODY" "Suurin sallittu koko on 20 Mt."
head -c $((20 * 1024 * 1024 + 100000)) /dev/zero >"$TMP/big.csv"
upload deeds "$TMP/big.csv"
expect_eq "a file just over 20 MB reaches the page: the form again" "$STATUS" 400
expect_contains "... with the limit as the file field's error" "$BODY" 'id="e-file"'
expect_contains "... and the kind chosen kept" "$BODY" '<option value="deeds" selected>'
rm -f "$TMP/big.csv"
head -c $((2 * 1024 * 1024)) /dev/zero | tr '\0' 'a' >"$TMP/two.txt"
STATUS=$(curl -s -o /dev/null -w '%{http_code}' -b "$TMP/jar" --data-binary "@$TMP/two.txt" "$BASE/kirjaudu")
expect_eq "other routes keep the 1 MB limit" "$STATUS" 413
STATUS=$(curl -s -o "$TMP/body" -w '%{http_code}' -b "$TMP/jar" -H "Content-Type: multipart/form-data; boundary=xyz" \
  --data-binary $'--xyz\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n'"$TOKEN" "$BASE/hallinta/tuonti")
expect_eq "malformed multipart (no closing delimiter) is 400" "$STATUS" 400
STATUS=$(curl -s -o /dev/null -w '%{http_code}' -b "$TMP/jar" -F "kind=deeds" -F "file=@$F/deeds.xlsx" \
  "$BASE/hallinta/tuonti")
expect_eq "an upload without the token is 403" "$STATUS" 403
expect_eq "no upload kept from the refused ones" "$(q "SELECT count(*) FROM upload")" 0
# a file that is not a workbook though it is a ZIP
printf 'PK\003\004 not really a zip' >"$TMP/fake.xlsx"
upload participants "$TMP/fake.xlsx"
get "$(header Location)"
expect_contains "a broken workbook's message" "$BODY" "fake.xlsx: the file starts as a ZIP archive (.xlsx) but cannot be read as one"
# an upload older than a day goes when the next one is stored
q "UPDATE upload SET created_at = created_at - 25*3600*1000"
upload deeds "$F/deeds.xlsx"
expect_eq "uploads older than a day are removed" "$(q "SELECT count(*) FROM upload")" 1
# the Swedish page
get /sv/hallinta/tuonti
expect_eq "Swedish upload page" "$STATUS" 200
finish
