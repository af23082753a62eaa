# End-to-end: the narrative reports to the funder. On the demo: every annual report 2015–2020 and the final report
# are made in Finnish and Swedish without errors; `kehto report annual --year 2019 --format pdf` read back with
# poppler's tools (tests/e2e/pdf_check.py) shows the figures /tilastot and /api/v1/stats show for its period and year
# in the same Finnish format, embeds its fonts, has a table of contents whose page numbers are right, bookmarks and
# vector charts; a long table goes on on the next page under its repeated header; a text with unknown figures or
# blocks is refused naming each (CLI exit 1, the form beside the field
# with the text kept); bad arguments; the staff page downloads a PDF, the public and a contact cannot.
source "$(dirname "$0")/lib.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)

demo_db
add_staff staff@example.fi staff
add_staff contact@example.fi contact 1
PW=vihrea-kettu-93-Rq

# --- every report of the demo is made ---
for y in 2015 2016 2017 2018 2020; do
  "$KEHTO" report annual --year "$y" --format html --output "$TMP/a$y.html" --db "$DB" 2>"$TMP/err"
  expect_eq "the demo's annual report $y is made" "$(rc_err $? "$TMP/err")" 0
done
for y in 2015 2016 2017 2018 2019 2020; do
  "$KEHTO" report annual --year "$y" --lang sv --format html --output "$TMP/a${y}sv.html" --db "$DB" 2>"$TMP/err"
  expect_eq "the demo's Swedish annual report $y is made" "$(rc_err $? "$TMP/err")" 0
done
expect_contains "the Swedish report is in Swedish" "$(<"$TMP/a2017sv.html")" "<h2>Inledning</h2>"
expect_contains "2020 has its own text" "$(<"$TMP/a2020.html")" "koronapandemia"
expect_lacks "2018 uses the text for every year" "$(<"$TMP/a2018.html")" "koronapandemia"
"$KEHTO" report final --lang sv --format pdf --output "$TMP/final-sv.pdf" --db "$DB" 2>"$TMP/err"
expect_eq "the demo's Swedish final report is made as PDF" "$(rc_err $? "$TMP/err")" 0
"$KEHTO" report final --format pdf --output "$TMP/final.pdf" --db "$DB" 2>"$TMP/err"
expect_eq "the demo's final report is made as PDF" "$(rc_err $? "$TMP/err")" 0
expect_contains "the CLI says how long it took" "$(<"$TMP/err")" "Loppuraportti pdf written in"
"$KEHTO" report annual --year 2019 --format pdf --output "$TMP/a2019.pdf" --db "$DB" 2>"$TMP/err"
expect_eq "kehto report annual --year 2019 --format pdf" "$(rc_err $? "$TMP/err")" 0
expect_eq "it is a PDF" "$(head -c 5 "$TMP/a2019.pdf")" "%PDF-"

# --- the PDF read back: the figures of /tilastot and the API for the same scope ---
start_server
get "/api/v1/stats?period=2"
echo "$BODY" >"$TMP/api.json"
get "/tilastot?kausi=2"
echo "$BODY" >"$TMP/tilastot.html"
"$PYTHON" - "$TMP/api.json" "$TMP/tilastot.html" "$TMP/figures.json" <<'EOF'
import json, sys
api = json.load(open(sys.argv[1], encoding='utf-8'))
page = open(sys.argv[2], encoding='utf-8').read()
def fi(n):  # as /tilastot writes a count: a narrow no-break space every three digits
    s = str(n)
    return '\u202f'.join(s[max(0, i - 3):i] for i in range(len(s), 0, -3)[::-1])
f = api['figures']
year = {r['code']: r for r in api['tables']['year']['rows']}['2019']
sparraus = {r['code']: r for r in api['tables']['service_type']['rows']}['sparraus']
figures = {'the period\'s ESR participants': fi(f['participants']),
           'the period\'s participations': fi(f['participations']),
           '2019\'s people': fi(year['people']),
           '2019\'s participations': fi(year['participations']),
           'the period\'s people in sparraus': fi(sparraus['people'])}
for what, v in figures.items():  # the same figure, in the same format, on /tilastot
    assert '>' + v + '<' in page, (what, v)
json.dump({'figures': figures, 'chart_words': ['Organisaatioita', 'Ei yhtään'],
           'headings': ['Johdanto', 'Palvelut ja tavoittavuus', 'Palvelutyypeittäin', 'Alueittain', 'ESR-osallistujat',
                        'Arviointi ja seuranta']}, open(sys.argv[3], 'w', encoding='utf-8'), ensure_ascii=False)
EOF
expect_eq "the figures compared are those /tilastot shows for the period" "$?" 0
while IFS= read -r line; do
  case "$line" in
    "ok - "*) ok "${line#ok - }" ;;
    "not ok - "*) not_ok "${line#not ok - }" ;;
  esac
done < <("$PYTHON" "$(dirname "$0")/pdf_check.py" "$TMP/a2019.pdf" "$TMP/figures.json" 2>&1)
out=$(pdftotext -f 1 -l 1 "$TMP/a2019.pdf" -)
expect_contains "the cover: the programme's name" "$out" "Kunteko 2020"
expect_contains "the cover: the report's title and year" "$out" "Vuosiraportti 2019"
expect_contains "the cover: the period" "$out" "2. rahoituskausi 2018–2020"
out=$(pdftotext -f 3 -l 3 "$TMP/a2019.pdf" -)
expect_contains "page numbers under the text" "$out" "Vuosiraportti 2019 · 3"
out=$(pdftotext "$TMP/final-sv.pdf" -)
expect_contains "the Swedish final report: its contents" "$out" "Innehåll"
expect_contains "the Swedish final report: its text" "$out" "Sammanfattning"

# --- a table longer than what is left of a page goes on under its caption and repeated header row ---
q "INSERT INTO report_template(kind, year, lang, body, updated_at) VALUES ('annual', 2015, 'fi',
   '# Alueet

{{table:region}}

{{table:region}}

{{table:region}}

{{table:region}}', '2026-01-01T00:00:00Z')"
"$KEHTO" report annual --year 2015 --format pdf --output "$TMP/a2015.pdf" --db "$DB" 2>"$TMP/err"
expect_eq "a report of four region tables is made" "$(rc_err $? "$TMP/err")" 0
cont=$("$PYTHON" - "$TMP/a2015.pdf" <<'EOF2'
import subprocess, sys
pages = subprocess.run(['pdftotext', '-layout', sys.argv[1], '-'], capture_output=True, text=True).stdout.split('\f')
for n, text in enumerate(pages, 1):
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if lines and lines[0].endswith('(jatkuu)'):
        print(n, lines[0], '|', lines[1].split()[0], '|', len(lines))
EOF2
)
expect_contains "a table goes on on the next page, its caption saying so" "$cont" "Maakunnittain – 1. rahoituskausi 2015–2017 (jatkuu)"
expect_contains "under its header row repeated" "$cont" "(jatkuu) | Maakunta |"

# --- bad input ---
"$KEHTO" report annual --year 2031 --format pdf --output "$TMP/x.pdf" --db "$DB" 2>"$TMP/err"
expect_eq "a year outside the periods exits 1" "$?" 1
expect_contains "and says why" "$(<"$TMP/err")" "Vuosi 2031 ei kuulu millekään rahoituskaudelle (2015–2020)."
"$KEHTO" report annual --format pdf --db "$DB" >/dev/null 2>&1
expect_eq "an annual report without --year exits 2" "$?" 2
"$KEHTO" report final --format doc --db "$DB" >/dev/null 2>&1
expect_eq "--format doc exits 2" "$?" 2
"$KEHTO" report weekly --format pdf --db "$DB" >/dev/null 2>&1
expect_eq "an unknown report exits 2" "$?" 2
q "INSERT INTO report_template(kind, year, lang, body, updated_at) VALUES ('annual', 2018, 'fi',
   '# Otsikko

Osallistujia {{stats.participantz}} ja {{report.bogus}}.

{{table:nope}}', '2026-01-01T00:00:00Z')"
"$KEHTO" report annual --year 2018 --format pdf --output "$TMP/x.pdf" --db "$DB" 2>"$TMP/err"
expect_eq "a text with unknown figures exits 1" "$?" 1
err=$(<"$TMP/err")
expect_contains "it names the unknown stats figure" "$err" "tuntematon luku {{stats.participantz}}"
expect_contains "it names the unknown report figure" "$err" "tuntematon luku {{report.bogus}}"
expect_contains "it names the unknown table" "$err" "tuntematon taulukko {{table:nope}}"
expect_eq "and writes no file" "$(test -e "$TMP/x.pdf" && echo yes || echo no)" no

# --- the staff page ---
get /hallinta/raportit
expect_eq "anonymous users are sent to sign in" "$STATUS" 303
get "/hallinta/raportit/pdf?kind=annual&year=2019&lang=fi"
expect_eq "anonymous users get no PDF" "$STATUS" 303
login contact@example.fi "$PW"
get "/hallinta/raportit/pdf?kind=annual&year=2019&lang=fi"
expect_eq "a contact gets no PDF" "$STATUS" 403
get /hallinta/raportit
expect_eq "a contact does not see the page" "$STATUS" 403
login staff@example.fi "$PW"
get /hallinta/raportit
expect_eq "staff see the reports" "$STATUS" 200
expect_contains "a download for each year" "$BODY" "/hallinta/raportit/pdf?kind=annual&amp;year=2015&amp;lang=fi"
expect_contains "and for the final report" "$BODY" "/hallinta/raportit/pdf?kind=final&amp;year=0&amp;lang=sv"
expect_contains "the staff menu links the page" "$BODY" 'href="/hallinta/raportit"'
get "/hallinta/raportit/pdf?kind=annual&year=2019&lang=fi"
expect_eq "staff download the PDF" "$STATUS" 200
expect_eq "as application/pdf" "$(header Content-Type)" "application/pdf"
expect_contains "as a file" "$(header Content-Disposition)" 'filename="vuosiraportti-2019-fi.pdf"'
expect_eq "a PDF" "${BODY:0:5}" "%PDF-"
get "/hallinta/raportit/nayta?kind=final&year=0&lang=fi"
expect_eq "the final report as HTML" "$STATUS" 200
expect_contains "with its charts as SVG" "$BODY" '<svg class="chart"'
expect_contains "and its tables as on /tilastot" "$BODY" '<table class="stats"><caption>Palvelutyypeittäin – 2015–2020</caption>'
get "/hallinta/raportit/nayta?kind=annual&year=2018&lang=fi"
expect_eq "a report with problems is 422" "$STATUS" 422
expect_contains "naming them" "$BODY" "tuntematon taulukko {{table:nope}}"
get "/hallinta/raportit/teksti?kind=annual&year=2016&lang=fi"
expect_contains "the editor has the help with the blocks" "$BODY" "{{chart:region}}"
expect_contains "and the figures" "$BODY" "{{stats.participants}}"
token=$(csrf_from "$BODY")
post /hallinta/raportit/teksti "csrf=$token" kind=annual year=2016 lang=fi \
  "body=# Vuosi {{report.year}}

Mukana {{report.organisationz}}.

{{chart:nope}}"
expect_eq "a text with an unknown figure is refused" "$STATUS" 422
expect_contains "the problem beside the field" "$BODY" "tuntematon luku {{report.organisationz}}"
expect_contains "each problem" "$BODY" "tuntematon kaavio {{chart:nope}}"
expect_contains "the text kept" "$BODY" "Mukana {{report.organisationz}}."
expect_eq "nothing saved" "$(q "SELECT count(*) FROM report_template WHERE year = 2016")" 0
post /hallinta/raportit/teksti "csrf=$token" kind=annual year=2016 lang=fi \
  "body=# Vuosi {{report.year}}

Mukana {{report.year.organisations}} organisaatiota.

{{table:service_type}}"
expect_eq "a good text is saved" "$STATUS" 303
expect_eq "once, for 2016" "$(q "SELECT count(*) FROM report_template WHERE year = 2016 AND lang = 'fi'")" 1
get "/api/v1/stats?period=1"
year=$("$PYTHON" -c "import json,sys; print(next(r['organisations'] for r in json.load(sys.stdin)['tables']['year']['rows'] if r['code']=='2016'))" <<<"$BODY")
get "/hallinta/raportit/nayta?kind=annual&year=2016&lang=fi"
expect_contains "2016 now has its own text" "$BODY" "<h2>Vuosi 2016</h2>"
expect_contains "with the year's figure" "$BODY" "Mukana $year organisaatiota."
post /hallinta/raportit/teksti "csrf=$token" kind=annual year=2016 lang=fi "body="
expect_eq "an empty text removes the year's own" "$(q "SELECT count(*) FROM report_template WHERE year = 2016")" 0
expect_eq "the change is audited" "$(q "SELECT count(*) FROM audit WHERE subject = 'report_template' AND actor = 'staff@example.fi'")" 2

finish
