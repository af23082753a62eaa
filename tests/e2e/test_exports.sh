# End-to-end: downloads for Finnish Excel and for machines. The statistics CSV (BOM, ';', decimal comma, a field
# with ; and " quoted, the period, the date made and the suppression rule on top) and its comma variant (no BOM,
# ',' and '.', header and data only), from the page and from `kehto stats`; XLSX sheet names in fi/sv/en with the
# same rows on top; suppression kept in every public file; the staff exports (deeds, a delivery's participants with
# attendance, applications) in all three formats, audited, refused anonymously and to a contact.
source "$(dirname "$0")/lib.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)

init_db
q <"$ROOT/tests/fixtures/stats.sql"
q "UPDATE service_type SET name_fi = 'Sparraus; \"valmennus\"' WHERE code = 'sparraus';
  INSERT INTO target(metric, period_id, value) VALUES ('organisations', 0, 8);
  UPDATE person SET name = 'Virtanen; \"Ville\"' WHERE id = 1;
  INSERT INTO delivery_session(id, delivery_id, number, held_on) VALUES (1, 1, 1, '2016-03-01'), (2, 1, 2, '2016-03-02');
  INSERT INTO attendance(session_id, participation_id) SELECT 1, id FROM participation WHERE delivery_id = 1;
  INSERT INTO attendance(session_id, participation_id) SELECT 2, id FROM participation
    WHERE delivery_id = 1 AND person_id = 1;
  INSERT INTO deed(id, ref, title, org_id, org_name, municipality_code, sector_code, summary, goal, results, year,
    contact_name, contact_email, status, reject_reason, created_at, updated_at, published_at)
    VALUES (1, 'T-1', 'Teko; \"lainaus\"', 1, 'Testikunta', '091', 'sote', 'Tiivis', 'Tavoite', 'Tulos', 2019,
    'Maija Meikäläinen', 'maija@example.fi', 'published', '', '2019-05-02T09:00:00Z', '2019-05-03T09:00:00Z',
    '2019-05-03T09:00:00Z'),
    (2, NULL, 'Hylätty teko', NULL, 'Vapaa', NULL, 'opetus', '', '', '', 2020, 'Kalle', 'kalle@example.fi',
    'rejected', 'Ei kehittämistä', '2020-01-10T09:00:00Z', '2020-01-11T09:00:00Z', NULL);
  INSERT INTO theme(id, name) VALUES (1, 'Johtaminen'), (2, 'Työhyvinvointi');
  INSERT INTO deed_theme VALUES (1, 1), (1, 2);
  INSERT INTO application(id, service_id, org_id, need, proposed_dates, n_johto, n_tyontekija, status, reason,
    created_at, updated_at) VALUES (1, 1, 2, 'Tarve; \"kiire\"', 'keväällä', 2, 10, 'rejected', 'Täynnä',
    '2016-01-05T08:00:00Z', '2016-01-06T08:00:00Z');
  INSERT INTO application_theme VALUES (1, 1);"
today=$(TZ=Europe/Helsinki date +%-d.%-m.%Y)

# --- kehto stats ---
"$KEHTO" stats --db "$DB" --format csv --table key >"$TMP/key.csv"
expect_eq "stats csv starts with the UTF-8 BOM" "$(head -c 3 "$TMP/key.csv" | od -An -tx1 | tr -d ' ')" "efbbbf"
key=$(cat "$TMP/key.csv")
expect_contains "stats csv: the table's title on top" "$key" $'\xEF\xBB\xBFTunnusluvut\r'
expect_contains "stats csv: the period" "$key" $'Kausi;Koko ohjelma\r'
expect_contains "stats csv: the date made in Finnish" "$key" "Tehty;$today"
expect_contains "stats csv: the rule in words (staff numbers are not suppressed)" "$key" \
  "Luvut ovat tarkkoja: alle viiden henkilön lukuja ei ole salattu."
expect_contains "stats csv: ; between fields, a real first column header" "$key" $'Tunnusluku;Määrä;Tavoite;Edistyminen (%)\r'
expect_contains "stats csv: a decimal comma (3 of 8 organisations: 37,5 %)" "$key" $'Tavoitetut organisaatiot;3;8;37,5\r'
out=$("$KEHTO" stats --db "$DB" --format csv --table service_type)
expect_contains "stats csv: a field with ; and \" is quoted, quotes doubled" "$out" $'"Sparraus; ""valmennus""";8;8\r'
expect_contains "stats csv: the header names what a row is" "$out" "Palvelutyyppi;Henkilöt;Osallistumiset"
"$KEHTO" stats --db "$DB" --format csv-comma --table key >"$TMP/key-comma.csv"
expect_eq "stats csv-comma: no BOM, the header first" "$(head -c 10 "$TMP/key-comma.csv")" "Tunnusluku"
comma=$(cat "$TMP/key-comma.csv")
expect_contains "stats csv-comma: ',' and a decimal point" "$comma" $'Tavoitetut organisaatiot,3,8,37.5\r'
expect_lacks "stats csv-comma: no about rows" "$comma" "Kausi"
expect_eq "stats csv-comma: header and five rows only" "$(wc -l <"$TMP/key-comma.csv")" 6
out=$("$KEHTO" stats --db "$DB" --format csv-comma --table service_type)
expect_contains "stats csv-comma quotes per RFC 4180 too" "$out" '"Sparraus; ""valmennus""",8,8'
out=$("$KEHTO" stats --db "$DB" --format csv --lang sv --table role)
expect_contains "stats csv --lang sv" "$out" "Period;Hela programmet"
"$KEHTO" stats --db "$DB" --format csv >"$TMP/all.csv"
expect_contains "stats csv, every table: a title row before each" "$(cat "$TMP/all.csv")" $'\r\nToimialoittain\r\nToimiala;Henkilöt'
"$KEHTO" stats --db "$DB" --format csv --lang xx >/dev/null 2>&1
expect_eq "stats --lang xx exits 2" "$?" 2
for lang in fi sv en; do
  "$KEHTO" stats --db "$DB" --format xlsx --lang $lang --output "$TMP/s-$lang.xlsx"
  unzip -p "$TMP/s-$lang.xlsx" xl/workbook.xml >"$TMP/wb-$lang.xml"
done
expect_contains "xlsx sheets in Finnish" "$(cat "$TMP/wb-fi.xml")" '<sheet name="Tunnusluvut" sheetId="1"'
expect_contains "xlsx sheets in Finnish: regions" "$(cat "$TMP/wb-fi.xml")" '<sheet name="Maakunnat"'
expect_contains "xlsx sheets in Swedish" "$(cat "$TMP/wb-sv.xml")" '<sheet name="Nyckeltal" sheetId="1"'
expect_contains "xlsx sheets in Swedish: regions" "$(cat "$TMP/wb-sv.xml")" '<sheet name="Landskap"'
expect_contains "xlsx sheets in English" "$(cat "$TMP/wb-en.xml")" '<sheet name="Key figures" sheetId="1"'
expect_contains "xlsx sheets in English: labour market" "$(cat "$TMP/wb-en.xml")" '<sheet name="Labour market status"'
strings=$(unzip -p "$TMP/s-fi.xlsx" xl/sharedStrings.xml)
expect_contains "xlsx states the period" "$strings" "<t>Koko ohjelma</t>"
expect_contains "xlsx states the date made" "$strings" "<t>$today</t>"
expect_contains "xlsx states the rule" "$strings" "alle viiden henkilön lukuja ei ole salattu"
check "xlsx: the progress is a number with one decimal" "$PYTHON" -c "
import zipfile, re; z = zipfile.ZipFile('$TMP/s-fi.xlsx'); s = z.read('xl/worksheets/sheet1.xml').decode()
assert '<v>37.5</v>' in s, s[:2000]"

start_server

# --- the statistics page's downloads ---
get /tilastot
expect_contains "the page links the Excel CSV" "$BODY" 'href="/tilastot/org_type.csv"'
expect_contains "the page links the comma CSV" "$BODY" 'href="/tilastot/org_type.csv?format=csv-comma"'
expect_contains "the page links the XLSX" "$BODY" 'href="/tilastot/org_type.xlsx"'
expect_contains "every table's first column has a real header" "$BODY" '<th scope="col">Toimiala</th>'
expect_lacks "no table is headed Luokka" "$BODY" '>Luokka<'
get "/tilastot/org_type.csv?kausi=1"
expect_eq "public CSV is 200" "$STATUS" 200
expect_contains "a sensible file name" "$(header Content-Disposition)" \
  "attachment; filename=\"tilastot-org_type-kausi1-$(TZ=Europe/Helsinki date +%F).csv\""
head -c 3 "$TMP/body" >"$TMP/bom"
expect_eq "public CSV starts with the BOM" "$(od -An -tx1 <"$TMP/bom" | tr -d ' ')" "efbbbf"
expect_contains "public CSV: the period" "$BODY" "Kausi;Kausi A 2015–2017"
expect_contains "public CSV: the rule of suppression in words" "$BODY" \
  "Alle viiden henkilön luvut näytetään muodossa < 5"
expect_contains "public CSV still hides the small cell" "$BODY" "Kuntaomisteinen yhtiö;1;< 5"
expect_contains "public CSV still hides the next smallest (secondary)" "$BODY" "Kunta;1;•"
get "/tilastot/org_type.csv?kausi=1&format=csv-comma"
expect_contains "public comma CSV: a file name saying so" "$(header Content-Disposition)" "-comma.csv\""
expect_eq "public comma CSV: header first, no BOM" "$(head -c 18 "$TMP/body")" "Organisaatiotyyppi"
expect_contains "public comma CSV still suppressed" "$BODY" "Kuntaomisteinen yhtiö,1,< 5"
expect_lacks "public comma CSV: no notes or about rows" "$BODY" "luku on 1–4"
get "/tilastot/key.csv?format=xml"
expect_eq "an unknown format is 404" "$STATUS" 404
curl -s -o "$TMP/k.xlsx" "$BASE/tilastot/key.xlsx?format=csv-comma"
expect_eq "xlsx ignores a csv format" "$(head -c 2 "$TMP/k.xlsx")" "PK"
get /tilastot/kaikki.csv
expect_contains "every table as one CSV" "$BODY" "Maakunnittain"
get /tilastot
expect_contains "the page links every table as one file" "$BODY" 'href="/tilastot/kaikki.csv?format=csv-comma"'
for lang in sv en; do
  curl -s -o "$TMP/p-$lang.xlsx" "$BASE/$lang/tilastot/kaikki.xlsx"
  unzip -p "$TMP/p-$lang.xlsx" xl/workbook.xml >"$TMP/pwb-$lang.xml"
done
expect_contains "page xlsx sheets in Swedish" "$(cat "$TMP/pwb-sv.xml")" '<sheet name="Roller"'
expect_contains "page xlsx sheets in English" "$(cat "$TMP/pwb-en.xml")" '<sheet name="Roles"'
curl -s -o "$TMP/pub.xlsx" "$BASE/tilastot/role.xlsx"
check "public xlsx keeps suppression and states the rule" "$PYTHON" -c "
import zipfile; z = zipfile.ZipFile('$TMP/pub.xlsx'); s = z.read('xl/sharedStrings.xml').decode()
assert '<t>&lt; 5</t>' in s and 'Alle viiden henkilön luvut' in s, s[:3000]"

# --- staff exports: refused to others ---
add_staff
add_staff contact@example.fi contact 1
for p in /hallinta/vienti/tekot.csv /hallinta/vienti/hakemukset.xlsx /hallinta/vienti/toteutukset/1/osallistujat.csv; do
  get "$p"
  expect_eq "$p anonymously: to the login (303)" "$STATUS" 303
  expect_lacks "$p anonymously: no data" "$BODY" "Virtanen"
done
login contact@example.fi vihrea-kettu-93-Rq
for p in /hallinta/vienti/tekot.csv /hallinta/vienti/hakemukset.csv /hallinta/vienti/toteutukset/1/osallistujat.xlsx; do
  get "$p"
  expect_eq "$p as a contact: 403" "$STATUS" 403
done
get /hakemukset
expect_lacks "a contact's applications page has no export links" "$BODY" "/hallinta/vienti/"
rm -f "$TMP/jar"
login staff@example.fi vihrea-kettu-93-Rq

# --- deeds ---
get "/hallinta/tekot?status=published"
expect_contains "the moderation page links its tab's export" "$BODY" 'href="/hallinta/vienti/tekot.csv?status=published"'
get /hallinta/vienti/tekot.csv
expect_eq "deeds CSV is 200" "$STATUS" 200
expect_contains "deeds CSV is an attachment" "$(header Content-Disposition)" "filename=\"tekot-"
expect_eq "deeds CSV is never cached" "$(header Cache-Control | grep -c no-store)" 1
expect_contains "deeds CSV: every field in the header" "$BODY" \
  "Tunnus;Viite;Otsikko;Organisaatio;Kunta;Maakunta;Toimiala;Vuosi;Tiivistelmä;Lähtötilanne;Tavoite;Toimenpiteet;Osallistujat;Tulokset;Palvelu;Teemat;Yhteyshenkilö;Sähköposti;Tila;Hylkäyksen syy;Lähetetty;Päivitetty;Julkaistu"
expect_contains "deeds CSV: a deed with ; and \" quoted, themes, status and Finnish dates" "$BODY" \
  '1;T-1;"Teko; ""lainaus""";Testikunta;Helsinki;Uusimaa;Sosiaali- ja terveysala;2019;Tiivis;;Tavoite;;;Tulos;;"Johtaminen, Työhyvinvointi";Maija Meikäläinen;maija@example.fi;Julkaistu;;2.5.2019;3.5.2019;3.5.2019'
expect_contains "deeds CSV: the rejected one with its reason" "$BODY" "Hylätty;Ei kehittämistä;10.1.2020"
expect_contains "deeds CSV: the rule for personal data" "$BODY" "Tiedostossa on henkilötietoja"
get "/hallinta/vienti/tekot.csv?status=rejected&format=csv-comma"
expect_contains "deeds comma CSV: codes and ISO dates" "$BODY" "rejected,Ei kehittämistä,2020-01-10,2020-01-11,"
expect_lacks "deeds filtered by status" "$BODY" "Teko;"
expect_eq "deeds comma CSV: header and one row" "$(printf '%s\n' "$BODY" | wc -l)" 2
get "/hallinta/vienti/tekot.csv?status=nope"
expect_eq "an unknown status is 400" "$STATUS" 400
get /hallinta/vienti/tekot.pdf
expect_eq "an unknown format is 404" "$STATUS" 404
get /hallinta/vienti/muut.csv
expect_eq "an unknown list is 404" "$STATUS" 404
curl -s -b "$TMP/jar" -o "$TMP/deeds.xlsx" "$BASE/sv/hallinta/vienti/tekot.xlsx"
expect_contains "deeds XLSX: a sheet named in Swedish" "$(unzip -p "$TMP/deeds.xlsx" xl/workbook.xml)" '<sheet name="Dåd"'
check "deeds XLSX: the title with ; and \" as a string, dates as dates" "$PYTHON" -c "
import zipfile; z = zipfile.ZipFile('$TMP/deeds.xlsx')
s = z.read('xl/sharedStrings.xml').decode(); w = z.read('xl/worksheets/sheet1.xml').decode()
assert 'Teko; &quot;lainaus&quot;' in s or 'Teko; \"lainaus\"' in s, s[:2000]
assert '<v>43587</v>' in w, w[:3000]  # 2.5.2019 as an Excel serial day"

# --- a delivery's participants with attendance ---
get /hallinta/toteutukset/1
expect_contains "the delivery page links the participants export" "$BODY" \
  'href="/hallinta/vienti/toteutukset/1/osallistujat.csv"'
get /hallinta/vienti/toteutukset/1/osallistujat.csv
expect_eq "participants CSV is 200" "$STATUS" 200
expect_contains "participants CSV: the delivery's dates as the period" "$BODY" "Kausi;1.3.2016–2.3.2016"
expect_contains "participants CSV: a column per session, total and share" "$BODY" \
  "Nimi;Sähköposti;Organisaatio;Rooli;Tapaaminen 1 (1.3.2016);Tapaaminen 2 (2.3.2016);Läsnä yhteensä;Läsnäolo (%)"
expect_contains "participants CSV: present twice, quoted name" "$BODY" \
  '"Virtanen; ""Ville""";p1@example.fi;Testikunta;Johto;läsnä;läsnä;2;100,0'
expect_contains "participants CSV: present once, absent once, 50,0 %" "$BODY" \
  "Henkilö 2;p2@example.fi;Testikunta;Esihenkilö;läsnä;poissa;1;50,0"
get "/hallinta/vienti/toteutukset/1/osallistujat.csv?format=csv-comma"
expect_contains "participants comma CSV: 1/0 and a decimal point" "$BODY" "Henkilö 2,p2@example.fi,Testikunta,Esihenkilö,1,0,1,50.0"
expect_eq "participants comma CSV: header and 8 people" "$(printf '%s\n' "$BODY" | wc -l)" 9
curl -s -b "$TMP/jar" -o "$TMP/parts.xlsx" "$BASE/en/hallinta/vienti/toteutukset/1/osallistujat.xlsx"
expect_contains "participants XLSX: a sheet named in English" "$(unzip -p "$TMP/parts.xlsx" xl/workbook.xml)" \
  '<sheet name="Participants"'
get /hallinta/vienti/toteutukset/99/osallistujat.csv
expect_eq "an unknown delivery is 404" "$STATUS" 404
expect_eq "the participants export is audited" \
  "$(q "SELECT count(*) FROM audit WHERE action = 'export' AND subject = 'delivery:1/participants'")" 3

# --- applications ---
get /hakemukset
expect_contains "the applications page links its tab's export" "$BODY" \
  'href="/hallinta/vienti/hakemukset.csv?status=submitted"'
get /hallinta/vienti/hakemukset.csv
expect_contains "applications CSV: every field" "$BODY" \
  "Tunnus;Palvelu;Palvelutyyppi;Organisaatio;Hakija;Tarve;Teemat;Ehdotetut ajankohdat;Johto;Esihenkilöt;Työntekijät;Henkilöstön edustajat;Toivottu valmentaja;Tila;Perustelu;Toteutus;Toteutus alkaa;Toteutus päättyy;Lähetetty;Päivitetty"
expect_contains "applications CSV: the row" "$BODY" \
  '1;Sparraus A;"Sparraus; ""valmennus""";"'"'"'=Kaava <b>Oy</b>";;"Tarve; ""kiire""";Johtaminen;keväällä;2;0;10;0;;Hylätty;Täynnä;;;;5.1.2016;6.1.2016'
curl -s -b "$TMP/jar" -o "$TMP/apps.xlsx" "$BASE/hallinta/vienti/hakemukset.xlsx?status=approved"
expect_eq "applications XLSX" "$(head -c 2 "$TMP/apps.xlsx")" "PK"
expect_eq "the exports are audited as personal-data exports" \
  "$(q "SELECT count(*) FROM audit WHERE action = 'export' AND subject IN ('deeds', 'applications')")" 5

finish
