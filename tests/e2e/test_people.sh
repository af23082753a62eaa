# End-to-end: people: participant and attendance imports (good files, every bad row, all or nothing), person export
# and erase, the staff pages and the organisation page (contact sees own, 403 for another), audit rows, escaping.
source "$(dirname "$0")/lib.sh"
init_db
# Deliveries and sessions come from SQL: the delivery pages are built elsewhere.
people_frame
add_staff
echo "vihrea-kettu-93-Rq" | "$KEHTO" user add contact1@example.fi --role contact --org 1 --db "$DB" >/dev/null
echo "vihrea-kettu-93-Rq" | "$KEHTO" user add contact2@example.fi --role contact --org 2 --db "$DB" >/dev/null

XSS='<script>alert(1)</script>'
run() { out=$("$KEHTO" "$@" --db "$DB" 2>&1); rc=$?; }
expect_rc() { if [ "$rc" = "$2" ]; then ok "$1"; else not_ok "$1" "exit $rc, wanted $2: $out"; fi; }
counts() {
  q "SELECT (SELECT count(*) FROM person)||'/'||(SELECT count(*) FROM participation)||'/'||
  (SELECT count(*) FROM esf_start)||'/'||(SELECT count(*) FROM attendance)||'/'||(SELECT count(*) FROM audit)"
}
# bad_import KIND DESC TEXT: imports $TMP/bad.csv; expects exit 1, TEXT in the message, and nothing changed
bad_import() {
  local before
  before=$(counts)
  run import "$1" "$TMP/bad.csv"
  if [ "$rc" = 1 ] && contains "$out" "$3" && contains "$out" "Nothing was imported." && [ "$(counts)" = "$before" ]; then
    ok "$2"
  else
    not_ok "$2" "exit $rc, counts $before -> $(counts): $out"
  fi
}
H='delivery,email,name,organisation,role,entry_date,birth_date,gender,labour_status,education'
GOOD='SP-1,ok@example.fi,Ok,Oulun kaupunki,johto,1.3.2019,1.1.1980,mies,tyollinen,isced12'

# --- good imports ---
{
  echo "$H,occupation,sector,exit_date,exit_status"
  echo "SP-1,anna@example.fi,Anna Virtanen,Oulun kaupunki,Työntekijä,1.3.2019,12.5.1980,nainen,tyollinen,isced58,Hoitaja,sote,,"
  echo "WB-1,ANNA@example.fi,,0187690-1,tyontekija,,,,,,,,,"
  echo "SP-1,xss@example.fi,$XSS,Testi Oy,johto,2019-03-01,eos,En halua vastata,eos,eos,,,10.3.2019,tyollinen"
} >"$TMP/p.csv"
run import participants "$TMP/p.csv" --progress
expect_rc "participants import" 0
expect_contains "import says how many" "$out" "Imported 3 participant rows"
expect_contains "import says how many people are new" "$out" "2 new people"
expect_contains "progress on stderr" "$out" "import: 100%"
expect_eq "the same person in two deliveries is one person, two participations" \
  "$(q "SELECT count(DISTINCT p.id)||'/'||count(*) FROM participation pa JOIN person p ON p.id=pa.person_id
        WHERE p.email='anna@example.fi'")" "1/2"
expect_eq "ESF records for participant services only" "$(q "SELECT count(*) FROM esf_start")" 2
expect_eq "age at entry computed" \
  "$(q "SELECT age_at_entry FROM esf_start e JOIN person p ON p.id=e.person_id WHERE p.email='anna@example.fi'")" 38

printf '\xEF\xBB\xBFdelivery;email;name;organisation;role;entry_date;birth_date;gender;labour_status;education\r\n'\
'SP-1;matti@example.fi;Matti Meikäläinen;Oulun kaupunki;Esihenkilö;01.03.2019;02.02.1975;Mies;Työllinen;ISCED 3–4\r\n' \
  >"$TMP/excel.csv"
run import participants "$TMP/excel.csv"
expect_rc "Excel semicolon file with BOM imports" 0
expect_eq "Excel row stored" "$(q "SELECT name FROM person WHERE email='matti@example.fi'")" "Matti Meikäläinen"
printf '%s\nSP-1,jyrki@example.fi,Jyrki Mäkelä,Testi Oy,Työntekijä,1.3.2019,1.1.1990,mies,Työtön,isced12\n' "$H" |
  iconv -f UTF-8 -t WINDOWS-1252 >"$TMP/cp1252.csv"
run import participants "$TMP/cp1252.csv"
expect_rc "Windows-1252 file imports" 0
expect_contains "Windows-1252 noted" "$out" "read as Windows-1252"
expect_eq "Windows-1252 name decoded" "$(q "SELECT name FROM person WHERE email='jyrki@example.fi'")" "Jyrki Mäkelä"

printf 'delivery,session,email\nSP-1,1,anna@example.fi\nSP-1,2,Anna@Example.fi\n1,1,xss@example.fi\n' >"$TMP/a.csv"
run import attendance "$TMP/a.csv"
expect_rc "attendance import" 0
expect_eq "attendance stored" "$(q "SELECT count(*) FROM attendance")" 3

# --- bad participant rows: each names row and column, nothing imported ---
bad() { printf '%s\n%s\n%s\n' "$H" "$GOOD" "$1" >"$TMP/bad.csv"; }
bad 'SP-1,bad-email,X,Oulun kaupunki,johto,1.3.2019,1.1.1980,mies,tyollinen,isced12'
bad_import participants "invalid email" "bad.csv, row 3, column email: 'bad-email' is not a valid email address"
bad 'SP-1,a@b.fi,X,Oulun kaupunki,johto,1.3.2019,1.1.2099,mies,tyollinen,isced12'
bad_import participants "birth date in the future" "row 3, column birth_date: the birth date 2099-01-01 is in the future"
bad 'SP-1,a@b.fi,X,Oulun kaupunki,johto,1.3.2019,2.3.2004,mies,tyollinen,isced12'
bad_import participants "age under 15" "row 3, column birth_date: the age at entry is 14"
bad 'SP-1,a@b.fi,X,Nope Oy,johto,1.3.2019,1.1.1980,mies,tyollinen,isced12'
bad_import participants "unknown organisation" "row 3, column organisation: unknown organisation 'Nope Oy'"
bad 'SP-9,a@b.fi,X,Oulun kaupunki,johto,1.3.2019,1.1.1980,mies,tyollinen,isced12'
bad_import participants "unknown delivery" "row 3, column delivery: unknown delivery 'SP-9'"
bad 'SP-1,anna@example.fi,Anna,Oulun kaupunki,johto,2.3.2019,12.5.1980,nainen,tyollinen,isced58'
bad_import participants "second start record in one period" \
  "row 3, column entry_date: the person already has a different ESF start record"
bad 'SP-1,a@b.fi,X,Oulun kaupunki,pomo,1.3.2019,1.1.1980,mies,tyollinen,isced12'
bad_import participants "unknown role" "row 3, column role: unknown role 'pomo'"
bad 'SP-1,a@b.fi,X,Oulun kaupunki,johto,1.13.2019,1.1.1980,mies,tyollinen,isced12'
bad_import participants "bad date" "row 3, column entry_date: '1.13.2019' is not a date"
bad 'SP-1,a@b.fi,X,Oulun kaupunki,johto,1.3.2019,1.1.1980,x,tyollinen,isced12'
bad_import participants "bad code" "row 3, column gender: unknown code 'x'"
printf 'delivery,email,nimi,organisation,role\n' >"$TMP/bad.csv"
bad_import participants "unknown column named" "unknown column 'nimi'"

# --- bad attendance rows ---
abad() { printf 'delivery,session,email\nWB-1,1,anna@example.fi\n%s\n' "$1" >"$TMP/bad.csv"; }
abad 'SP-1,1,anna@example.fi'
bad_import attendance "duplicate attendance already recorded" \
  "row 3, column email: duplicate attendance: it is already recorded"
abad 'WB-1,1,anna@example.fi'
bad_import attendance "duplicate attendance twice in the file" \
  "row 3, column email: duplicate attendance: the same person and session are on row 2"
abad 'SP-1,9,anna@example.fi'
bad_import attendance "unknown session" "row 3, column session: unknown session 9"
abad 'WB-1,1,matti@example.fi'
bad_import attendance "unknown participant" "row 3, column email: unknown participant 'matti@example.fi'"
abad 'NOPE,1,anna@example.fi'
bad_import attendance "unknown delivery in attendance" "row 3, column delivery: unknown delivery 'NOPE'"

# --- usage ---
run import participants
expect_rc "import without a file: usage" 2
run person erase anna@example.fi
expect_rc "erase without --yes: usage" 2
expect_contains "erase without --yes explains" "$out" "--yes"
run person export nobody@example.fi
expect_rc "export of an unknown email" 1

# --- pages ---
ANNA=$(q "SELECT id FROM person WHERE email='anna@example.fi'")
XID=$(q "SELECT id FROM person WHERE email='xss@example.fi'")
start_server
get /hallinta/henkilot
expect_eq "anonymous people list goes to login" "$STATUS" 303
get /organisaatiot/1/henkilot
expect_eq "anonymous org people goes to login" "$STATUS" 303
expect_contains "login keeps where to return" "$(header Location)" "/kirjaudu?next="

login contact1@example.fi vihrea-kettu-93-Rq
get /organisaatiot/1/henkilot
expect_eq "contact sees own organisation's people" "$STATUS" 200
expect_contains "contact's navigation links to own people" "$BODY" 'href="/organisaatiot/1/henkilot"'
expect_contains "own people listed" "$BODY" "anna@example.fi"
expect_lacks "another organisation's people not listed" "$BODY" "jyrki@example.fi"
get /organisaatiot/2/henkilot
expect_eq "contact gets 403 for another organisation" "$STATUS" 403
expect_lacks "403 page shows no people" "$BODY" "jyrki@example.fi"
get /hallinta/henkilot
expect_eq "contact gets 403 on the staff people list" "$STATUS" 403
get "/hallinta/henkilot/$ANNA"
expect_eq "contact gets 403 on a person page" "$STATUS" 403
get /hallinta/toteutukset/1/osallistujat
expect_eq "contact gets 403 on participants" "$STATUS" 403
get /hallinta/loki
expect_eq "contact gets 403 on the audit log" "$STATUS" 403
expect_eq "contact's view audited with who" \
  "$(q "SELECT count(*) FROM audit WHERE actor='contact1@example.fi' AND action='view' AND subject='org:1/people'")" 1
expect_eq "refused views write no view rows" "$(q "SELECT count(*) FROM audit WHERE subject='org:2/people'")" 0
rm -f "$TMP/jar"

login staff@example.fi vihrea-kettu-93-Rq
get /hallinta/henkilot
expect_eq "staff people list" "$STATUS" 200
expect_contains "list shows people" "$BODY" "Anna Virtanen"
expect_lacks "script name not raw in the list" "$BODY" "$XSS"
expect_contains "script name escaped in the list" "$BODY" "&lt;script&gt;alert(1)&lt;/script&gt;"
get "/hallinta/henkilot?q=anna@example.fi"
expect_contains "search by email" "$BODY" "Anna Virtanen"
get "/hallinta/henkilot?q=MATTI"
expect_contains "search by name or email" "$BODY" "matti@example.fi"
expect_lacks "search leaves others out" "$BODY" "anna@example.fi"
get "/hallinta/henkilot/$ANNA"
expect_eq "person page" "$STATUS" 200
expect_contains "person page has participations" "$BODY" "Webinaari B"
expect_contains "person page has sessions attended" "$BODY" "2/2"
expect_contains "person page has the ESF record" "$BODY" "ISCED 5–8"
expect_contains "person page names the sector" "$BODY" "Sosiaali- ja terveysala"
expect_contains "person page shows the audit log" "$BODY" "Tietojen käsittelyloki"
expect_contains "audit log on the page has this view" "$BODY" "<td>staff@example.fi</td><td>view</td>"
get "/hallinta/henkilot/$XID"
expect_lacks "script name not raw on the person page" "$BODY" "$XSS"
expect_contains "ESF prefer-not-to-say shown" "$BODY" "En halua vastata"
get /hallinta/toteutukset/1/osallistujat
expect_eq "delivery participants page" "$STATUS" 200
expect_contains "participants with role" "$BODY" "Työntekijä"
expect_contains "participants with sessions attended" "$BODY" "2/2"
expect_lacks "script name not raw on participants" "$BODY" "$XSS"
get /organisaatiot/2/henkilot
expect_eq "staff sees any organisation's people" "$STATUS" 200
expect_lacks "script name not raw on the org page" "$BODY" "$XSS"
expect_contains "org page escapes names" "$BODY" "&lt;script&gt;"
q "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i<55)
   INSERT INTO person(email,name) SELECT 'sivu'||i||'@example.fi','Sivu '||i FROM n"
get "/hallinta/henkilot?q=sivu"
expect_contains "people list pages, keeping the search" "$BODY" 'href="/hallinta/henkilot?q=sivu&amp;page=2" rel="next"'
get "/hallinta/henkilot?q=sivu&page=2"
expect_contains "second page of people" "$BODY" 'Sivu 9'
expect_contains "second page links back" "$BODY" 'href="/hallinta/henkilot?q=sivu&amp;page=1" rel="prev"'
# the audit row keeps at most 200 bytes of the search term, cut before a character rather than inside one
LONGQ=$(printf 'a%.0s' $(seq 199))
get "/hallinta/henkilot?q=${LONGQ}%C3%A4"
expect_eq "long search term cut at a character boundary in the audit row" \
  "$(q "SELECT detail FROM audit WHERE subject='people' ORDER BY id DESC LIMIT 1")" "page 1, search $LONGQ"
get /hallinta/henkilot/99999
expect_eq "unknown person is 404" "$STATUS" 404
get /hallinta/toteutukset/999/osallistujat
expect_eq "unknown delivery is 404" "$STATUS" 404
get /hallinta/loki
expect_eq "staff sees the audit log" "$STATUS" 200
expect_contains "audit log lists imports" "$BODY" "import:participants"
expect_contains "audit log lists who viewed" "$BODY" "<td>contact1@example.fi</td><td>view</td>"
expect_eq "reading the audit log is itself logged" \
  "$(q "SELECT count(*) FROM audit WHERE actor='staff@example.fi' AND action='view' AND subject='audit' AND detail='page 1'")" 1
check "audit log times in Finnish time, as the application history" \
  grep -qE '<td class="nowrap">[0-9]{1,2}\.[0-9]{1,2}\.20[0-9]{2} klo [0-9]{2}\.[0-9]{2}</td>' <<<"$BODY"
expect_eq "views audited: list, person, participants, org" \
  "$(q "SELECT count(DISTINCT subject) FROM audit WHERE actor='staff@example.fi' AND action='view'
        AND subject IN ('people','person:$ANNA','delivery:1/participants','org:2/people')")" 4
stop_server

# --- export and erase ---
run person export anna@example.fi
expect_rc "export" 0
expect_contains "export has the person" "$out" '"email": "anna@example.fi"'
expect_contains "export has participations" "$out" '"delivery_ref": "WB-1"'
expect_contains "export has attendance" "$out" '"session": 2'
expect_contains "export has the ESF record" "$out" '"birth_date": "1980-05-12"'
expect_contains "export has the audit entries" "$out" '"actor": "staff@example.fi"'
check "export is valid JSON" "$PYTHON" -c 'import json,sys; json.loads(sys.argv[1])' "$out"
before=$(q "SELECT count(*) FROM participation")/$(q "SELECT count(*) FROM esf_start")/$(q "SELECT count(*) FROM attendance")
run person erase anna@example.fi --yes
expect_rc "erase" 0
expect_eq "name, email and occupation removed" \
  "$(q "SELECT coalesce(name,'-')||coalesce(email,'-')||occupation||(CASE WHEN erased_at IS NOT NULL THEN 1 ELSE 0 END) FROM person WHERE id=$ANNA")" \
  "--1"
expect_eq "birth date removed, age kept" \
  "$(q "SELECT count(*) FROM esf_start WHERE person_id=$ANNA AND birth_date IS NULL AND age_at_entry=38")" 1
expect_eq "participations, ESF rows and attendance stay" \
  "$(q "SELECT count(*) FROM participation")/$(q "SELECT count(*) FROM esf_start")/$(q "SELECT count(*) FROM attendance")" \
  "$before"
expect_eq "erased email scrubbed from audit details" "$(q "SELECT count(*) FROM audit WHERE detail LIKE '%anna@%'")" 0
run person export anna@example.fi
expect_rc "erased person is not found" 1
expect_eq "audit: one row per import" "$(q "SELECT count(*) FROM audit WHERE action='import' AND actor='cli'")" 4
expect_eq "audit: export and erase" \
  "$(q "SELECT action FROM audit WHERE subject='person:$ANNA' AND action IN ('export','erase') ORDER BY id" |
      paste -sd,)" "export,erase"
finish
