# End-to-end: the ESF indicators and targets: start records with the Annex I items through the participant import (a
# follow-up where it is not asked is refused, naming row and column, nothing stored), the per-period export in annex
# order for staff (exact) and the public (suppressed), the API, the person's export, and the targets list: add, a bad
# target shown again with its message, the on-track rule in words, edit and delete.
source "$(dirname "$0")/lib.sh"
init_db
people_frame
add_staff
run() { out=$("$KEHTO" "$@" --db "$DB" 2>&1); rc=$?; }

H='delivery,email,name,organisation,role,entry_date,birth_date,gender,labour_status,education'
H="$H,unemployed_for,in_education,disability,migrant,disadvantaged,exit_date,exit_status,exit_qualification"
{
  echo "$H"
  for i in 1 2 3 4 5 6; do # six long-term unemployed women, one of them 58 and with a qualification at exit
    echo "SP-1,lt$i@example.fi,Lt $i,Oulun kaupunki,tyontekija,1.3.2019,1.1.$((1955 + i * 5)),nainen,tyoton,isced34,yli12,,ei,ei,kylla,10.3.2019,tyollinen,$([ $i = 1 ] && echo kylla || echo ei)"
  done
  echo "SP-1,in1@example.fi,In 1,Oulun kaupunki,tyontekija,1.3.2019,1.1.1990,mies,ulkopuolella,isced58,,ei,eos,kylla,,10.3.2019,tyoton,eos"
  echo "SP-1,em1@example.fi,Em 1,Oulun kaupunki,johto,1.3.2019,eos,En halua vastata,Työllinen,ISCED 5–8,,,,,,,,"
} >"$TMP/p.csv"
run import participants "$TMP/p.csv"
expect_eq "start records with the Annex I items import" "$rc/$(q "SELECT count(*) FROM esf_start")" "0/8"
expect_eq "codes stored" "$(q "SELECT unemployed_for||'/'||disadvantaged||'/'||exit_qualification FROM esf_start e
  JOIN person p ON p.id = e.person_id WHERE p.email = 'lt1@example.fi'")" "yli12/kylla/kylla"

# a follow-up asked of someone it does not apply to: the row and column named, nothing stored
before=$(q "SELECT count(*) FROM person")/$(q "SELECT count(*) FROM esf_start")
printf '%s\n%s\n' "$H" \
  "SP-1,bad@example.fi,Bad,Oulun kaupunki,tyontekija,1.3.2019,1.1.1980,mies,tyollinen,isced12,yli12,,,,,,," >"$TMP/bad.csv"
run import participants "$TMP/bad.csv"
expect_eq "unemployment length of the employed is refused" "$rc" 1
expect_contains "the error names row and column" "$out" "row 2, column unemployed_for"
expect_contains "the error says why" "$out" "asked only of the unemployed"
expect_eq "nothing stored" "$(q "SELECT count(*) FROM person")/$(q "SELECT count(*) FROM esf_start")" "$before"
printf '%s\n%s\n' "$H" \
  "SP-1,bad@example.fi,Bad,Oulun kaupunki,tyontekija,1.3.2019,1.1.1980,mies,tyollinen,isced12,,,,,,,,kylla" >"$TMP/bad.csv"
run import participants "$TMP/bad.csv"
expect_contains "a qualification needs the end record" "$out" "column exit_qualification"

# the export for staff: exact, in annex order, genders adding up
"$KEHTO" stats --db "$DB" --format csv-comma --table esf_start --period 2 >"$TMP/in.csv"
"$KEHTO" stats --db "$DB" --format csv-comma --table esf_exit --period 2 >"$TMP/out.csv"
check "annex I rows in order, genders sum to the total" "$PYTHON" -c "
import csv; rows = list(csv.reader(open('$TMP/in.csv', encoding='utf-8-sig')))
assert rows[0] == ['Indikaattori', 'Naiset', 'Miehet', 'Muu', 'En halua vastata', 'Yhteensä'], rows[0]
r = {x[0]: [int(v) for v in x[1:]] for x in rows[1:]}
labels = [x[0] for x in rows[1:]]
assert labels[:3] == ['Osallistujat yhteensä', 'Työttömät, myös pitkäaikaistyöttömät', 'joista pitkäaikaistyöttömät']
assert r['Osallistujat yhteensä'] == [6, 1, 0, 1, 8] and r['joista pitkäaikaistyöttömät'] == [6, 0, 0, 0, 6]
assert r['joista työttömät tai työvoiman ulkopuolella ja eivät koulutuksessa'][4] == 1
assert r['Muut heikommassa asemassa olevat'] == [6, 0, 0, 0, 6]
assert all(sum(v[:4]) == v[4] for v in r.values())"
check "annex II rows in order" "$PYTHON" -c "
import csv; rows = list(csv.reader(open('$TMP/out.csv', encoding='utf-8-sig')))
r = {x[0]: [int(v) for v in x[1:]] for x in rows[1:]}
assert [x[0] for x in rows[1:5]] == ['Päättäneet osallistujat',
  'Työvoiman ulkopuolelta tulleet, jotka hakevat työtä päättyessä', 'Koulutuksessa päättyessä',
  'Saivat tutkinnon päättyessä'], rows
assert r['Päättäneet osallistujat'][4] == 7 and r['Saivat tutkinnon päättyessä'][4] == 1
assert r['Työvoiman ulkopuolelta tulleet, jotka hakevat työtä päättyessä'] == [0, 1, 0, 0, 1]"

"$KEHTO" stats --db "$DB" --table esf --period 2 --format xlsx --output "$TMP/esf.xlsx"
check "the follow-up form's workbook: Annex I and II, one sheet each" "$PYTHON" -c "
import zipfile; z = zipfile.ZipFile('$TMP/esf.xlsx'); w = z.read('xl/workbook.xml').decode()
assert '<sheet name=\"ESR liite I\"' in w and '<sheet name=\"ESR liite II\"' in w and w.count('<sheet ') == 2"

start_server
get "/tilastot/esr.csv?kausi=2"
expect_contains "the public follow-up form's CSV has both annexes" "$BODY" "ESR-indikaattorit: tulokset päättyessä"
expect_contains "… titled as such" "$BODY" "ESR-indikaattorit sukupuolen mukaan"
get "/tilastot/esf_start.csv?kausi=2"
expect_contains "public: a count of 1 is '< 5'" "$BODY" "joista työttömät tai työvoiman ulkopuolella ja eivät koulutuksessa;< 5;0;0;0;< 5"
expect_lacks "public: the men's single participant is not shown" "$BODY" "Osallistujat yhteensä;6;1;"
check "public: every hidden count has a mark that is true" "$PYTHON" -c "
import csv, io, sys
staff = {x[0]: x[1:] for x in csv.reader(open('$TMP/in.csv', encoding='utf-8-sig'))}
pub = [x for x in csv.reader(io.StringIO(sys.argv[1]), delimiter=';') if x and x[0] in staff][1:]
assert len(pub) == 22, len(pub)
for x in pub:
  for p, s in zip(x[1:], staff[x[0]]):
    assert p == s or (p == '< 5' and 1 <= int(s) <= 4) or (p == '•' and int(s) >= 5), (x, staff[x[0]])
" "$BODY"
get "/api/v1/stats?period=2"
check "API: the ESF tables with gender keys, suppressed" "$PYTHON" -c "
import json, sys; d = json.loads(sys.argv[1]); t = d['tables']['esf_start']
assert t['columns'] == ['nainen', 'mies', 'muu', 'eos', 'total']
r = t['rows'][0]; assert r['code'] == 'participants' and r['mies'] is None and r['suppressed_reason']['mies'] == 'small'
assert [x['code'] for x in d['tables']['esf_exit']['rows']][:5] == ['leavers', 'CR01', 'CR02', 'CR03', 'CR04']" "$BODY"

login staff@example.fi vihrea-kettu-93-Rq
# --- the staff form of the start and end record ---
q "INSERT INTO person(id, email, name) VALUES (500, 'form@example.fi', 'Form Person')"
get /hallinta/henkilot/500/esr
expect_eq "the start record form" "$STATUS" 200
expect_contains "the length of unemployment is a follow-up of the unemployed" "$BODY" '<div class="ask-tyoton">'
expect_contains "every sensitive item allows En halua vastata" "$BODY" '<option value="eos">En halua vastata</option>'
csrf=$(csrf_from "$BODY")
F=(entry_date=1.3.2019 birth_date=eos gender=mies labour_status=tyollinen education=isced34 unemployed_for=yli12
  migrant=kylla disability=eos)
post /hallinta/henkilot/500/esr "csrf=$csrf" "${F[@]}" exit_qualification=kylla
expect_eq "a qualification without the end record is 422" "$STATUS" 422
expect_contains "the message names it" "$BODY" "Tutkinto päättyessä kuuluu päättymistietoihin"
expect_contains "the typed date is kept" "$BODY" 'value="1.3.2019"'
expect_eq "nothing stored" "$(q "SELECT count(*) FROM esf_start WHERE person_id = 500")" 0
post /hallinta/henkilot/500/esr "csrf=$csrf" "${F[@]}" exit_date=10.3.2019 exit_status=koulutus exit_qualification=kylla
expect_eq "a good record is stored" "$STATUS" 303
expect_eq "the hidden follow-up of an employed person is not kept" "$(q "SELECT coalesce(unemployed_for, '-')||'/'||
  migrant||'/'||disability||'/'||exit_qualification FROM esf_start WHERE person_id = 500")" "-/kylla/eos/kylla"
expect_eq "an audit row" "$(q "SELECT count(*) FROM audit WHERE subject = 'person:500' AND action = 'update'")" 1
get /hallinta/henkilot/500
expect_contains "the person's page shows the items" "$BODY" "Maahanmuuttaja, ulkomaalaistausta tai vähemmistö: Kyllä"

# --- targets ---
get /hallinta/tavoitteet/uusi
expect_eq "the add form for staff" "$STATUS" 200
csrf=$(csrf_from "$BODY")
post /hallinta/tavoitteet/uusi "csrf=$csrf" "metric=CO02" "period=2" "year=2016" "service_type=" "value=kymmenen"
expect_eq "a bad target is 422" "$STATUS" 422
expect_contains "the value's message" "$BODY" "Tavoitteen pitää olla kokonaisluku"
expect_contains "the typed text is kept" "$BODY" 'value="kymmenen"'
post /hallinta/tavoitteet/uusi "csrf=$csrf" "metric=CO02" "period=2" "year=2016" "service_type=" "value=10"
expect_contains "a year outside the period is refused" "$BODY" "Vuoden pitää olla kauden vuosi"
post /hallinta/tavoitteet/uusi "csrf=$csrf" "metric=CO02" "period=2" "year=" "service_type=sparraus" "value=10"
expect_contains "an ESF indicator per service type is refused" "$BODY" "Tätä lukua ei lasketa näin"
expect_eq "nothing was stored" "$(q "SELECT count(*) FROM target")" 0
post /hallinta/tavoitteet/uusi "csrf=$csrf" "metric=CO02" "period=2" "year=2019" "service_type=" "value=8"
expect_eq "a good target redirects" "$STATUS" 303
post /hallinta/tavoitteet/uusi "csrf=$csrf" "metric=participations" "period=2" "year=" "service_type=sparraus" "value=4"
get /hallinta/tavoitteet
expect_contains "the year's target, its rule in words" "$BODY" "tavoite 8 × 100"
expect_contains "… and its outcome: its year is over, so not reached (not merely behind)" "$BODY" "kulunut = 8, toteuma 6: <strong class=\"goal-1\">ei saavutettu</strong>"
expect_contains "the service type's target: reached" "$BODY" "toteuma 8: <strong class=\"goal-3\">saavutettu</strong>"
id=$(q "SELECT id FROM target WHERE metric = 'CO02'")
get "/hallinta/tavoitteet/$id"
expect_contains "the edit form is filled in" "$BODY" 'value="2019"'
post "/hallinta/tavoitteet/$id" "csrf=$csrf" "metric=CO02" "period=2" "year=2019" "service_type=" "value=6"
expect_eq "the edit is stored" "$STATUS/$(q "SELECT value FROM target WHERE id = $id")" "303/6"
rm -f "$TMP/jar"
get /tilastot?kausi=2
expect_contains "the target on the public chart" "$BODY" "stroke-dasharray"
login staff@example.fi vihrea-kettu-93-Rq
get /hallinta/tavoitteet
csrf=$(csrf_from "$BODY")
post "/hallinta/tavoitteet/$id/poista" "csrf=$csrf"
expect_contains "delete asks first" "$BODY" "Poistetaanko tavoite?"
csrf=$(csrf_from "$BODY")
post "/hallinta/tavoitteet/$id/poista" "csrf=$csrf" "confirm=1"
expect_eq "deleted" "$STATUS/$(q "SELECT count(*) FROM target WHERE id = $id")" "303/0"
finish
