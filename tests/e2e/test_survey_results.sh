# End-to-end: a survey's results and a series' paired change on either engine. Answers are inserted with SQL
# (tests/e2e/survey_results_data.py fixture): every figure is known. The CLI in every format (JSON, Excel CSV, comma
# CSV, XLSX, SPSS .sav read back with readstat), suppression for evaluators and the public (a breakdown group of 4
# hidden, of 5 shown), open answers never public, exact pair counts and the Wilcoxon test as scipy computes it, the
# pages for staff, evaluators and the public, and the API (404 until published).
source "$(dirname "$0")/lib.sh"
init_db
run() { OUT=$("$KEHTO" "$@" 2>&1); RC=$?; }
expect_rc() { if [ "$RC" -eq "$2" ]; then ok "$1"; else not_ok "$1" "exit $RC, wanted $2: $OUT"; fi; }
HERE="$(dirname "$0")"
jq_() { "$PYTHON" -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

for f in survey_results survey_pairs_before survey_pairs_after; do "$KEHTO" survey import "$HERE/$f.json" --db "$DB" >/dev/null; done
people_frame
"$PYTHON" "$HERE/survey_results_data.py" fixture 1 2 3 | q
expect_eq "the fixture is in" "$(q "SELECT COUNT(*) FROM survey_response WHERE survey_id = 1")" 14

# --- the CLI: staff see everything ---
run survey results 1 --format json --db "$DB"
expect_rc "results as JSON" 0
J=$OUT
expect_eq "responses" "$(jq_ 'd["responses"]' <<<"$J")" 14
expect_eq "q1: n, mean, median, share of 4 and 5" "$(jq_ '[(q["n"], round(q["mean"],6), q["median"], round(q["share_ge"]["share"],6)) for q in d["questions"] if q["path"]=="q1"][0]' <<<"$J")" \
  "(14, 3.785714, 4, 0.714286)"
expect_eq "q1's distribution, with the scale's end labels" "$(jq_ '[(x["value"], x["n"], x["label"]) for x in d["questions"][0]["distribution"]]' <<<"$J")" \
  "[('1', 1, 'Täysin eri mieltä'), ('2', 1, ''), ('3', 2, ''), ('4', 6, ''), ('5', 4, 'Täysin samaa mieltä')]"
expect_eq "staff see the role group of 4" "$(jq_ '[g["n"] for g in d["questions"][0]["breakdowns"]["role"] if g["group"]=="tyontekija"][0]' <<<"$J")" 4
expect_eq "multiple choice: respondents and options with other" "$(jq_ '[(q["n"], [x["n"] for x in q["distribution"]]) for q in d["questions"] if q["path"]=="q4"][0]' <<<"$J")" \
  "(11, [7, 5, 1])"
expect_eq "single choice with other and its texts" "$(jq_ '[([x["n"] for x in q["distribution"]], q["texts"]) for q in d["questions"] if q["path"]=="q5"][0]' <<<"$J")" \
  "([8, 4, 2], ['Joku muu', 'Joku muu'])"
expect_contains "staff see open answers" "$J" '"texts":["Avoin vastaus 0","Avoin vastaus 1"]'
expect_eq "response rates per delivery" "$(jq_ '[(r["invited"], r["answered"]) for r in d["response_rates"]]' <<<"$J")" "[(8, 6), (3, 2)]"
expect_eq "response rate of the survey" "$(jq_ '(d["invited"], d["answered"], round(d["response_rate"], 4))' <<<"$J")" "(11, 8, 0.7273)"

# --- evaluator and public: suppressed ---
run survey results tulos --format json --audience evaluator --db "$DB"
expect_rc "results for an evaluator (by key)" 0
E=$OUT
expect_eq "a breakdown group of 4 is hidden as small" "$(jq_ '[g.get("n_suppressed") for g in d["questions"][0]["breakdowns"]["role"] if g["group"]=="tyontekija"][0]' <<<"$E")" small
expect_eq "... its mean too" "$(jq_ '[g["mean"] for g in d["questions"][0]["breakdowns"]["role"] if g["group"]=="tyontekija"][0]' <<<"$E")" None
expect_eq "... and one group of 5 protects it" "$(jq_ 'sorted(str(g.get("n_suppressed")) for g in d["questions"][0]["breakdowns"]["role"])' <<<"$E")" \
  "['None', 'secondary', 'small']"
expect_eq "a group of 5 is shown" "$(jq_ '[(g["n"], g["mean"]) for g in d["questions"][0]["breakdowns"]["sector"] if g["group"]=="opetus"][0]' <<<"$E")" "(5, 3.4)"
expect_eq "a matrix row of 3 answers: n and mean hidden" "$(jq_ '[(q["n"], q["n_suppressed"], q["mean"]) for q in d["questions"] if q["path"]=="q3.r2"][0]' <<<"$E")" \
  "(None, 'small', None)"
expect_contains "evaluators see open answers" "$E" "Avoin vastaus 0"
run survey results 1 --format json --audience public --db "$DB"
P=$OUT
expect_lacks "the public never sees open answers" "$P" "Avoin vastaus"
expect_lacks "... nor other texts" "$P" "Joku muu"
expect_eq "breakdown groups carry their names" "$(jq_ '[(g["group"], g["label"]) for g in d["questions"][0]["breakdowns"]["sector"]]' <<<"$P")" \
  "[('opetus', 'Opetus- ja kasvatusala'), ('sote', 'Sosiaali- ja terveysala')]"
expect_eq "the delivery of 3 invitations is hidden" "$(jq_ 'd["response_rates"][1]["invited_suppressed"]' <<<"$P")" small

# --- the other formats ---
run survey results 1 --format csv --audience public --db "$DB"
expect_rc "Excel CSV" 0
expect_eq "... starts with the BOM" "$(head -c 3 <<<"$OUT" | od -An -tx1 | tr -d ' ')" efbbbf
expect_contains "... ';' and the decimal comma" "$OUT" "q1;Valmennus oli hyödyllinen.;14;;;;4"
# q1's 5s (4 answers) are hidden, so its mean, median and share of 4-5 are too (they would give the 5s away)
expect_contains "... the staff's copy has the figures over the distribution" \
  "$("$KEHTO" survey results 1 --format csv --db "$DB")" "q1;Valmennus oli hyödyllinen.;14;3,79;4,0;71,4;4"
expect_contains "... small cells as in /tilastot" "$OUT" "q1;1;Täysin eri mieltä;< 5;"
expect_contains "... secondary as •" "$OUT" "•"
expect_contains "... breakdown groups by name" "$OUT" "q1;Toimiala;Opetus- ja kasvatusala;5;3,40"
run survey results 1 --format csv-comma --db "$DB"
expect_contains "comma CSV: '.' and the table names" "$OUT" "q1,Valmennus oli hyödyllinen.,14,3.79,4.0,71.4,4"
expect_contains "... open answers for staff" "$OUT" "# texts"
run survey results 1 --format xlsx --output "$TMP/r.xlsx" --db "$DB"
expect_rc "XLSX" 0
expect_contains "... with a sheet per table" "$(unzip -p "$TMP/r.xlsx" xl/workbook.xml)" 'name="Taustoittain"'
expect_contains "... the texts in it" "$(unzip -p "$TMP/r.xlsx" xl/sharedStrings.xml)" "Avoin vastaus 1"
run survey results 1 --format sav --output "$TMP/r.sav" --db "$DB"
expect_rc "SPSS .sav" 0
readstat "$TMP/r.sav" "$TMP/sav.csv" >/dev/null 2>&1
expect_eq "... read back: one row per response" "$(($(wc -l <"$TMP/sav.csv") - 1))" 14
expect_eq "... the variables" "$(head -1 "$TMP/sav.csv")" \
  '"answered_on","via","role","service_type","sector","region","period","q1","q3_r1","q3_r2","q4_a","q4_b","q4_other","q4_other_text","q5","q5_other","q7","q8"'
expect_eq "... the first answer's values" "$(sed -n 2p "$TMP/sav.csv")" \
  '"2026-12-01","invite","johto","","sote","",2.000000,5.000000,1.000000,7.000000,0.000000,1.000000,0.000000,"",1.000000,"",0.000000,"Avoin vastaus 0"'
expect_contains "... an other text" "$(sed -n 14p "$TMP/sav.csv")" '3.000000,"Joku muu"'
extract_metadata "$TMP/r.sav" "$TMP/meta.json" >/dev/null 2>&1
M=$(cat "$TMP/meta.json")
expect_eq "... variable labels" "$(jq_ '[v.get("label") for v in d["variables"] if v["name"] in ("q1","q3_r1","q4_a")]' <<<"$M")" \
  "['Valmennus oli hyödyllinen.', 'Arvioi: Aloittaminen', 'Mitä kokeilitte?: Työpaja']"
expect_eq "... value labels: the scale's ends" "$(jq_ '[(c["code"], c["label"]) for v in d["variables"] if v["name"]=="q1" for c in v["categories"]]' <<<"$M")" \
  "[(1.0, 'Täysin eri mieltä'), (5.0, 'Täysin samaa mieltä')]"
expect_eq "... value labels: the options and other" "$(jq_ '[c["label"] for v in d["variables"] if v["name"]=="q5" for c in v["categories"]]' <<<"$M")" \
  "['Johto', 'Henkilöstö', 'Muu']"
run survey results 1 --format sav --output "$TMP/p.sav" --audience public --db "$DB"
expect_rc "sav is staff only" 2
run survey results 1 --format xml --db "$DB"
expect_rc "an unknown format is wrong usage" 2
run survey results 1 --format xlsx --db "$DB"
expect_rc "xlsx without --output is wrong usage" 2
run survey results 1 --format json --audience boss --db "$DB"
expect_rc "an unknown audience is wrong usage" 2
run survey results nosuch --format json --db "$DB"
expect_rc "an unknown survey is an error" 1
expect_contains "... naming it" "$OUT" "nosuch"

# --- pairs ---
run survey pairs sp --format json --db "$DB"
expect_rc "pairs as JSON" 0
PJ=$OUT
expect_eq "12 people answered both (2 only before, 1 only after, 1 by the open link)" "$(jq_ 'd["respondents"]' <<<"$PJ")" 12
expect_eq "pairs per item exactly" "$(jq_ '[(i["path"], i["pairs"]) for i in d["items"]]' <<<"$PJ")" "[('q1', 12), ('m.r1', 3)]"
expect_eq "q1: means, change and shares" "$(jq_ '[(i["mean_before"], i["mean_after"], i["mean_change"], round(i["improved_share"],4), round(i["same_share"],4), round(i["worse_share"],4)) for i in d["items"]][0]' <<<"$PJ")" \
  "(2.75, 3.75, 1, 0.6667, 0.25, 0.0833)"
scipy=$("$PYTHON" -c '
import warnings; warnings.simplefilter("ignore")
from scipy import stats
r = stats.wilcoxon([2,3,3,4,1,2,5,3,2,4,1,3], [4,3,5,4,3,4,4,5,3,5,2,3])
print(r.statistic, r.pvalue)')
mine=$(jq_ '"%s %s" % (d["items"][0]["statistic"], d["items"][0]["p"])' <<<"$PJ")
same=$("$PYTHON" -c 'import sys; a=list(map(float,sys.argv[1].split())); b=list(map(float,sys.argv[2].split())); print("same" if all(abs(x-y) <= 1e-9*max(abs(x),abs(y)) for x,y in zip(a,b)) else "differs")' "$scipy" "$mine")
expect_eq "Wilcoxon statistic and p as scipy.stats.wilcoxon gives them ($scipy)" "$same" same
run survey pairs sp --format json --audience public --db "$DB"
expect_eq "the public: an item of 3 pairs is hidden" "$(jq_ '[(i["pairs_suppressed"], i["mean_change"]) for i in d["items"] if i["path"]=="m.r1"][0]' <<<"$OUT")" "('small', None)"
run survey pairs sp --format csv --db "$DB"
expect_contains "pairs as Excel CSV" "$OUT" "q1;Kehittäminen on helppoa.;12;2,75;3,75;1,00;66,7;25,0;8,3"
run survey pairs sp --format xlsx --output "$TMP/p.xlsx" --db "$DB"
expect_rc "pairs as XLSX" 0
expect_contains "... the item in it" "$(unzip -p "$TMP/p.xlsx" xl/sharedStrings.xml)" "Kehittäminen on helppoa."
run survey pairs nosuch --format json --db "$DB"
expect_rc "an unknown series is an error" 1
expect_contains "... naming it" "$OUT" "nosuch"
run survey pairs sp --format sav --db "$DB"
expect_rc "pairs have no sav" 2

# --- pages ---
add_staff staff@example.fi staff
add_staff arvioija@example.fi evaluator
start_server
get /kyselyt/1/tulokset
expect_eq "unpublished results are not public" "$STATUS" 404
get /api/v1/surveys/1/results
expect_eq "... nor in the API" "$STATUS" 404
expect_contains "... a JSON error" "$BODY" '"error"'
get /kyselyt/1/tulokset/tulokset.csv
expect_eq "... nor as a file" "$STATUS" 404
get /hallinta/kyselyt/1/tulokset
expect_contains "the staff page needs signing in" "$STATUS" 30
login staff@example.fi vihrea-kettu-93-Rq
get /hallinta/kyselyt/1/tulokset
expect_eq "staff: the results page" "$STATUS" 200
S=$BODY
expect_contains "... a table with a caption" "$S" "<caption"
expect_contains "... headers with scope" "$S" '<th scope="col" class="num">Lukumäärä</th>'
expect_contains "... a chart" "$S" "<svg"
expect_contains "... Finnish decimals" "$S" "Keskiarvo: <strong>3,79</strong>"
expect_contains "... staff see the group of 4" "$S" '<th scope="row">Työntekijä</th><td class="num">4</td><td class="num">4,00</td>'
expect_contains "... groups by name: a period" "$S" '<th scope="row">2018–2020</th><td class="num">14</td>'
expect_contains "... answers without a context" "$S" '<th scope="row">ei tiedossa</th><td class="num">14</td>'
expect_contains "... and open answers" "$S" "Avoin vastaus 0"
expect_contains "... the response rate per delivery" "$S" '<td class="num">8</td><td class="num">6</td><td class="num">75,0</td>'
expect_contains "... a delivery named with its Finnish dates" "$S" '<th scope="row">Sparraus A (1.3.2019–10.3.2019)</th>'
expect_contains "... download links" "$S" "/hallinta/kyselyt/1/tulokset/tulokset.xlsx"
get /hallinta/kyselyt/1/tulokset/tulokset.csv
expect_eq "staff: CSV download" "$STATUS" 200
expect_contains "... every figure" "$BODY" "q1;1;Täysin eri mieltä;1;"
get /hallinta/kyselyt/1/tulokset/tulokset.sav
expect_eq "staff: the .sav download" "$STATUS" 200
cp "$TMP/body" "$TMP/web.sav"
expect_eq "... reads back with its 14 rows" "$(readstat "$TMP/web.sav" - 2>/dev/null | tail -n +2 | wc -l)" 14
get /hallinta/kyselyt/2/tulokset
expect_contains "a series survey's page shows the paired change" "$BODY" "Muutos ennen ja jälkeen"
expect_contains "... with its pairs" "$BODY" '<th scope="row">Kehittäminen on helppoa.</th><td class="num">12</td><td class="num">2,75</td><td class="num">3,75</td><td class="num">1,00</td>'
get /hallinta/kyselyt/3/tulokset/parit.csv
expect_eq "... and its download" "$STATUS" 200
expect_contains "... staff see the item of 3 pairs" "$BODY" "Arvioi: Aloittaminen;3;2,00"
get /hallinta/kyselyt/99/tulokset
expect_eq "an unknown survey is 404" "$STATUS" 404
get /hallinta/kyselyt/1/tulokset/muu.csv
expect_eq "an unknown file is 404" "$STATUS" 404
get /hallinta/kyselyt/1/tulokset/parit.csv
expect_eq "pairs of a survey without a series is 404" "$STATUS" 404

rm -f "$TMP/jar"
login arvioija@example.fi vihrea-kettu-93-Rq
get /hallinta/kyselyt/1/tulokset
expect_eq "evaluator: the results page" "$STATUS" 200
V=$BODY
expect_contains "... the group of 4 suppressed" "$V" '<th scope="row">Työntekijä</th><td class="num">&lt; 5</td><td class="num">–</td>'
expect_contains "... a group of 5 shown" "$V" '<th scope="row">Opetus- ja kasvatusala</th><td class="num">5</td><td class="num">3,40</td>'
expect_contains "... the marks explained" "$V" 'id="merkit"'
expect_contains "... open answers shown to evaluators" "$V" "Avoin vastaus 0"
get /hallinta/kyselyt/1/tulokset/tulokset.csv
expect_contains "evaluator: the CSV suppressed" "$BODY" "q1;1;Täysin eri mieltä;< 5;"
get /hallinta/kyselyt/1/tulokset/tulokset.sav
expect_eq "evaluator: no .sav" "$STATUS" 404
get /hallinta/kyselyt/3/tulokset
expect_contains "evaluator: an item of 3 pairs suppressed" "$BODY" '<th scope="row">Arvioi: Aloittaminen</th><td class="num">&lt; 5</td><td class="num">–</td>'

rm -f "$TMP/jar"
q "UPDATE survey SET results_public = 1 WHERE id IN (1, 3)"
get /kyselyt/1/tulokset
expect_eq "published: the public page" "$STATUS" 200
U=$BODY
expect_contains "... suppressed" "$U" '<th scope="row">Työntekijä</th><td class="num">&lt; 5</td>'
expect_lacks "... no open answers" "$U" "Avoin vastaus"
expect_lacks "... no other texts" "$U" "Joku muu"
expect_lacks "... no .sav" "$U" ".sav"
get /en/kyselyt/1/tulokset
expect_contains "the public page in English: a sector's English name" "$BODY" '<th scope="row">Education and early childhood</th><td class="num">5</td><td class="num">3.40</td>'
get /kyselyt/1/tulokset/tulokset.sav
expect_eq "the public gets no .sav" "$STATUS" 404
get /kyselyt/1/tulokset/tulokset.xlsx
expect_eq "the public XLSX" "$STATUS" 200
cp "$TMP/body" "$TMP/pub.xlsx"
expect_lacks "... without open answers" "$(unzip -p "$TMP/pub.xlsx" xl/sharedStrings.xml)" "Avoin vastaus"
get /api/v1/surveys/1/results
expect_eq "the API for a published survey" "$STATUS" 200
A=$BODY
expect_eq "... suppressed as the page" "$(jq_ '[g.get("n_suppressed") for g in d["questions"][0]["breakdowns"]["role"] if g["group"]=="tyontekija"][0]' <<<"$A")" small
expect_eq "... the group of 5" "$(jq_ '[g["n"] for g in d["questions"][0]["breakdowns"]["sector"] if g["group"]=="opetus"][0]' <<<"$A")" 5
expect_lacks "... no open answers" "$A" "Avoin vastaus"
expect_lacks "... no other texts" "$A" "Joku muu"
get /api/v1/surveys/2/results
expect_eq "an unpublished survey is 404 in the API" "$STATUS" 404
# the after survey (3) is published, the before survey (2) not: its means before must not come out as pairs
get /kyselyt/3/tulokset
expect_eq "the published after survey" "$STATUS" 200
expect_lacks "... without pairs while the before survey is unpublished" "$BODY" 'id="muutos"'
get /kyselyt/3/tulokset/parit.csv
expect_eq "... nor as a file" "$STATUS" 404
q "UPDATE survey SET results_public = 1 WHERE id = 2"
get /kyselyt/3/tulokset/parit.csv
expect_eq "both published: the pairs" "$STATUS" 200
expect_contains "... suppressed (3 pairs)" "$BODY" "Arvioi: Aloittaminen;< 5"
get /api/v1/openapi.json
expect_contains "the OpenAPI description lists it" "$BODY" '"/api/v1/surveys/{id}/results"'
finish
