# End-to-end: the budget (#16): `kehto import costs` (decimal comma in a semicolon file, quoted comma and decimal point
# in a comma file; a bad amount, an unknown category, an unquoted comma amount and a date outside the periods named by
# row and column, nothing kept), the staff page /hallinta/talous with its figures in Finnish format, the plan form (a
# bad value shown beside its field with the text kept; a good plan saved), the ledger list and its filter, the
# downloads, the upload page's costs, and access: the public and a contact see no budget lines, only the total budget
# and the funders on the front page.
source "$(dirname "$0")/lib.sh"

init_db
q "INSERT INTO funding_period(id,name,start_year,end_year,esf_code) VALUES(1,'1. kausi',2015,2017,'S20190'),
 (2,'2. kausi',2018,2020,'S21159');
INSERT INTO partner(name,kind,position) VALUES('Hämeen ELY-keskus','funder',1),('KT Kuntatyönantajat','partner',1);
INSERT INTO org(id,name,type,ytunnus) VALUES(1,'Oulun kaupunki','kunta','0187690-1');"
NB=$'\u202f' # narrow no-break space between thousands
EUR=$'\u00a0€'

# --- the CLI import ---
printf '\xef\xbb\xbfdate;account;category;amount;description;voucher\r\n31.3.2019;4000;Henkilöstökulut;10 000,00;Palkka maaliskuu;T-1\r\n2019-04-02;4600;matkat;-12,50;Hyvitys;T-2\r\n' >"$TMP/semi.csv"
printf 'date,account,category,amount,description,voucher\n2016-05-01,4300,ostopalvelut,"1 000,25",Sparraus,T-3\n2016-05-02,4800,Muut kulut,99.75,Painatus,T-4\n' >"$TMP/comma.csv"
out=$("$KEHTO" import costs "$TMP/semi.csv" --db "$DB" 2>&1)
expect_contains "semicolon file with decimal commas imported" "$out" "Imported 2 cost lines"
out=$("$KEHTO" import costs "$TMP/comma.csv" --db "$DB" 2>&1)
expect_contains "comma file with a quoted comma amount and a decimal point imported" "$out" "Imported 2 cost lines"
expect_eq "the ledger holds the four lines in cents" "$(q "SELECT count(*), sum(amount_cents) FROM cost")" "4|1108750"

printf 'date;account;category;amount;description;voucher\n31.3.2019;4000;muut;12,50;ok;1\n1.4.2019;4000;muut;12.50;x;2\n2.4.2019;4000;palkat;5;x;3\n31.12.2021;4000;muut;5;x;4\n' >"$TMP/bad.csv"
out=$("$KEHTO" import costs "$TMP/bad.csv" --db "$DB" 2>&1)
check "a bad file fails" test $? -ne 0
expect_contains "a bad amount names row and column" "$out" "bad.csv, row 3, column amount: '12.50' is not an amount"
expect_contains "an unknown category names row and column" "$out" "bad.csv, row 4, column category: unknown category 'palkat'"
expect_contains "a date outside the periods names the row" "$out" "bad.csv, row 5, column date: 31.12.2021 is outside every funding period"
printf 'date,category,amount\n2019-03-31,muut,12,50\n' >"$TMP/unquoted.csv"
out=$("$KEHTO" import costs "$TMP/unquoted.csv" --db "$DB" 2>&1)
expect_contains "an unquoted comma amount: the column count, and why" "$out" \
  "row 2: the row has 4 fields but the header has only 3 columns: an amount with a decimal comma must be in quotes"
: >"$TMP/empty.csv"
out=$("$KEHTO" import costs "$TMP/empty.csv" --db "$DB" 2>&1)
expect_contains "an empty file is refused" "$out" "empty"
expect_eq "nothing of the bad files was kept" "$(q "SELECT count(*) FROM cost")" 4

# --- the staff page ---
add_staff
add_staff contact@example.fi contact 1
start_server
login staff@example.fi vihrea-kettu-93-Rq
get /hallinta/talous
expect_eq "the budget page opens for staff" "$STATUS" 200
expect_contains "staff costs in Finnish format" "$BODY" "10${NB}000,00${EUR}"
expect_contains "the flat rate 17 % of 10 000 €" "$BODY" "1${NB}700,00${EUR}"
expect_contains "the eligible total of period 2: staff + travel + flat rate" "$BODY" "11${NB}687,50${EUR}"
expect_contains "the flat-rate line says its rule" "$BODY" "Flat rate (17"
expect_contains "the forecast is shown" "$BODY" "Ennuste kauden loppuun 31.12.2020"
expect_contains "the spend chart of a period is drawn" "$BODY" 'aria-labelledby="c-spend-2-t c-spend-2-d"'
expect_contains "the spend chart of the whole programme is drawn" "$BODY" 'aria-labelledby="c-spend-0-t c-spend-0-d"'
expect_contains "the ledger lists a line" "$BODY" "Palkka maaliskuu"
expect_contains "the ledger dates are Finnish" "$BODY" "<td>31.3.2019</td>"
expect_contains "the staff menu links the page" "$BODY" 'href="/hallinta/talous"'
get "/hallinta/talous?kausi=1&luokka=muut"
expect_contains "the ledger filter keeps the period's other costs" "$BODY" "Painatus"
expect_lacks "the ledger filter drops the rest" "$BODY" "Hyvitys"

# --- the plan form ---
get /hallinta/talous/kaudet/2
TOKEN=$(csrf_from "$BODY")
post /hallinta/talous/kaudet/2 "csrf=$TOKEN" "amount_henkilosto=950 000,00" "amount_ostopalvelut=380 000,5x" \
  "amount_matkat=50 000" "amount_muut=35 000" "rate=17" "share_esf=52" "share_valtio=13" "share_oma=30"
expect_eq "a bad plan is refused" "$STATUS" 400
expect_contains "the error is beside the amount" "$BODY" '<span class="error" id="e-amount_ostopalvelut">Anna summa euroina'
expect_contains "the bad text is kept" "$BODY" 'value="380 000,5x"'
expect_contains "the shares' sum is checked" "$BODY" "Rahoitusosuuksien summa ei ole 100 %."
expect_eq "nothing was saved" "$(q "SELECT count(*) FROM budget_line")" 0
post /hallinta/talous/kaudet/2 "csrf=$TOKEN" "amount_henkilosto=950 000,00" "amount_ostopalvelut=380 000" \
  "amount_matkat=50 000" "amount_muut=35 000" "rate=17" "share_esf=52" "share_valtio=13" "share_oma=35"
expect_eq "a good plan is saved (303)" "$STATUS" 303
expect_eq "the plan is stored in cents" "$(q "SELECT sum(amount_cents) FROM budget_line WHERE period_id=2")" 141500000
get /hallinta/talous
expect_contains "the planned eligible total with the flat rate" "$BODY" "1${NB}576${NB}500,00${EUR}"
expect_contains "the ESF share in euros (52 %)" "$BODY" "819${NB}780,00${EUR}"

get /hallinta/talous/kaudet/1
expect_contains "the stored rate is shown as typed" "$BODY" 'name="rate" value="17"'
stale_post /hallinta/talous/kaudet/1 "the plan form" 'value="12 345,6"' \
  "SELECT count(DISTINCT period_id) FROM funding_share WHERE period_id=1" "amount_henkilosto=12 345,6" "rate=17,5" \
  "share_esf=50" "share_valtio=20" "share_oma=30"
expect_eq "the rate with a decimal comma is stored in basis points" \
  "$(q "SELECT flat_rate_bp FROM funding_period WHERE id=1")" 1750

# --- downloads ---
get /hallinta/talous/talous.csv
expect_eq "the Excel CSV downloads" "$STATUS" 200
expect_contains "Excel CSV: a decimal comma and the category" "$BODY" "Henkilöstökulut;950000,00;10000,00"
expect_contains "Excel CSV: the ledger line with its Finnish date" "$BODY" "31.3.2019;4000;Henkilöstökulut;Palkka maaliskuu;T-1;10000,00"
get "/hallinta/talous/talous.csv?format=csv-comma"
expect_contains "comma CSV: decimal points and ISO dates" "$BODY" "2019-04-02,4600,Matkakulut,Hyvitys,T-2,-12.50"
curl -s -b "$TMP/jar" -o "$TMP/t.xlsx" "$BASE/hallinta/talous/talous.xlsx"
check "the XLSX is a workbook with the ledger sheet" "$PYTHON" -c "
import zipfile; z = zipfile.ZipFile('$TMP/t.xlsx'); s = z.read('xl/workbook.xml').decode()
assert 'Kirjanpito' in s, s"

# --- the upload page takes costs ---
get /hallinta/tuonti
TOKEN=$(csrf_from "$BODY")
expect_contains "the upload page offers costs" "$BODY" '<option value="costs"'
STATUS=$(curl -s -o /dev/null -D "$TMP/h" -w '%{http_code}' -b "$TMP/jar" -F "csrf=$TOKEN" -F "kind=costs" \
  -F "file=@$TMP/bad.csv" "$BASE/hallinta/tuonti")
ID=$(header Location)
get "/hallinta/tuonti/${ID##*/}"
expect_contains "the preview names the bad row's column" "$BODY" "<tr><td>3</td><td>amount</td>"
STATUS=$(curl -s -o /dev/null -D "$TMP/h" -w '%{http_code}' -b "$TMP/jar" -F "csrf=$TOKEN" -F "kind=costs" \
  -F "file=@$TMP/comma.csv" "$BASE/hallinta/tuonti")
ID=$(header Location)
post "/hallinta/tuonti/${ID##*/}/tuo" "csrf=$TOKEN"
expect_contains "the upload imports the costs" "$BODY" "Tuonti valmis"
expect_eq "the ledger grew by the file's lines" "$(q "SELECT count(*) FROM cost")" 6

# --- access ---
rm -f "$TMP/jar"
for p in /hallinta/talous /hallinta/talous/kaudet/2 /hallinta/talous/talous.csv; do
  get "$p"
  expect_eq "$p anonymously: to the login (303)" "$STATUS" 303
done
get /
expect_contains "the front page shows the total budget of both plans" "$BODY" "Kokonaisbudjetti: 1${NB}591${NB}006,08${EUR}"
expect_contains "the front page names the funders" "$BODY" "Rahoittajat: Hämeen ELY-keskus"
expect_lacks "the front page has no budget lines" "$BODY" "Henkilöstökulut"
login contact@example.fi vihrea-kettu-93-Rq
for p in /hallinta/talous /hallinta/talous/talous.xlsx; do
  get "$p"
  expect_eq "$p as a contact: 403" "$STATUS" 403
  expect_lacks "$p as a contact: no budget lines" "$BODY" "Henkilöstökulut"
done
finish
