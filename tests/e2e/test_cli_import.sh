#!/usr/bin/env bash
# End-to-end test of `kehto import deeds`: good and bad CSV files, exit codes, messages, counts, files that are not
# CSV text, a pipe, and memory: a 50 MB file imported and a 150 MB one read, each in under 64 MB.
# Usage: KEHTO=path/to/kehto tests/e2e/test_cli_import.sh   (default ./kehto). Needs sqlite3, iconv, awk;
# /usr/bin/time (GNU time) for the memory checks, which are skipped without it.
set -u
KEHTO=$(realpath "${KEHTO:-$(dirname "$0")/../../kehto}")
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 1
DB=$T/kehto.db
pass=0
fail=0

ok() { echo "ok - $1"; pass=$((pass + 1)); }
not_ok() { echo "not ok - $1"; fail=$((fail + 1)); [ -n "${2:-}" ] && printf '  # %s\n' "$2" | head -5; }

# run CMD...: runs kehto, keeping exit code in $rc and stdout+stderr in $out.
run() { out=$("$KEHTO" "$@" 2>&1); rc=$?; }
# expect DESC RC [PATTERN]: checks the last run's exit code and that its output has PATTERN (grep -E).
expect() {
  if [ "$rc" -ne "$2" ]; then not_ok "$1 (exit $rc, wanted $2)" "$out"
  elif [ -n "${3:-}" ] && ! grep -qE -- "$3" <<<"$out"; then not_ok "$1 (output lacks: $3)" "$out"
  else ok "$1"; fi
}
deeds() { sqlite3 "$DB" "SELECT count(*) FROM deed" 2>&1; }
expect_count() { local n; n=$(deeds); if [ "$n" = "$2" ]; then ok "$1 ($n deeds)"; else not_ok "$1" "deed count $n, wanted $2"; fi; }

H='ref,title,organisation,municipality,sector,summary,goal,actions,results,year'

run init --db "$DB"
expect "init creates the database" 0 "is ready"

# --- good files ---
cat >good.csv <<EOF
$H,themes
G1,Työvuorot uusiksi,Oulun kaupunki,Oulu,sote,"Lyhyesti, selkeästi",Parempi arki,Kokeilimme,Poissaolot laskivat,2019,"johtaminen, työvuorot"
G2,"<script>alert(1)</script>",Pieni kunta,091,Education and early childhood,,Tavoite,,"Rivi 1
Rivi 2",2020,
EOF
run import deeds good.csv --db "$DB"
expect "comma file imports" 0 "^Imported 2 deeds from good.csv$"
expect_count "two deeds after the comma file" 2
v=$(sqlite3 "$DB" "SELECT title FROM deed WHERE ref='G2'")
[ "$v" = "<script>alert(1)</script>" ] && ok "HTML kept verbatim in the database" || not_ok "HTML kept verbatim" "$v"
v=$(sqlite3 "$DB" "SELECT status||' '||municipality_code||' '||sector_code FROM deed WHERE ref='G2'")
[ "$v" = "published 091 opetus" ] && ok "status, municipality code and sector resolved" || not_ok "resolved fields" "$v"
v=$(sqlite3 "$DB" "SELECT results FROM deed WHERE ref='G2'")
[ "$v" = $'Rivi 1\nRivi 2' ] && ok "quoted newline kept" || not_ok "quoted newline kept" "$v"

printf '\xEF\xBB\xBFRef;Title;Organisation;Municipality;Sector;Summary;Goal;Actions;Results;Year\r\nX1;Kunta, ja työ;Vaasan kaupunki;Vasa;Social- och hälsovård;"a;b";G;A;R;2018\r\n;;;;;;;;;\r\n' >excel.csv
run import deeds excel.csv --db "$DB"
expect "Excel semicolon file with BOM and CRLF imports" 0 "^Imported 1 deed from excel.csv$"
v=$(sqlite3 "$DB" "SELECT title||'|'||municipality_code||'|'||summary FROM deed WHERE ref='X1'")
[ "$v" = "Kunta, ja työ|905|a;b" ] && ok "semicolon file fields right" || not_ok "semicolon file fields" "$v"

printf '%s\nW1,Työhyvinvointi,Jyväskylän kaupunki,Jyväskylä,tekninen,,Tavoite,,Tulos,2017\n' "$H" | iconv -f UTF-8 -t CP1252 >cp1252.csv
run import deeds cp1252.csv --db "$DB"
expect "Windows-1252 file imports with a note" 0 "read as Windows-1252"
v=$(sqlite3 "$DB" "SELECT org_name||'|'||municipality_code FROM deed WHERE ref='W1'")
[ "$v" = "Jyväskylän kaupunki|179" ] && ok "Windows-1252 text converted to UTF-8" || not_ok "cp1252 converted" "$v"
expect_count "four deeds after the good files" 4

# --- bad files: each names file, row, column, and imports nothing ---
bad() { # bad DESC FILE PATTERN
  run import deeds "$2" --db "$DB"
  expect "$1" 1 "$3"
  expect_count "nothing imported after: $1" 4
}
printf '%s,foo,Bar\n' "$H" >unknown.csv
bad "unknown columns named" unknown.csv "unknown.csv, row 1: unknown columns 'foo', 'Bar'"
printf 'title,organisation,municipality,sector,summary,actions,year\nT,O,Oulu,sote,S,A,2019\n' >missing.csv
bad "missing columns named" missing.csv "missing.csv, row 1: missing required columns: goal, results"
printf '%s\nB1,T,O,Oulu,sote,,G,,R,2019\nB2,T,O,Oulu,sote,,G,,R,20x9\n' "$H" >year.csv
bad "wrong year" year.csv "year.csv, row 3, column year: '20x9' is not a year between 2000 and 2100"
printf '%s\nB1,T,O,Xyz,sote,,G,,R,2019\n' "$H" >muni.csv
bad "unknown municipality" muni.csv "muni.csv, row 2, column municipality: unknown municipality 'Xyz'"
printf '%s\nB1,T,O,Oulu,sote,,G,,R,2019\nB2,"open,O,Oulu,sote,,G,,R,2019\nB3,T,O,Oulu,sote,,G,,R,2019\n' "$H" >quote.csv
bad "unterminated quote names the row" quote.csv "quote.csv, row 3, column title: a quoted field is not closed"
printf '%s\nB1,T,O,Oulu,sote,,G,,R,2019\nB1,T,O,Oulu,sote,,G,,R,2019\n' "$H" >dupref.csv
bad "duplicate ref in the file" dupref.csv "dupref.csv, row 3, column ref: ref 'B1' is already used on row 2"
printf '%s\nB1,T,O,Oulu,sote,,G,,R,2019\nG1,T,O,Oulu,sote,,G,,R,2019\n' "$H" >dupdb.csv
bad "duplicate ref against the database" dupdb.csv "dupdb.csv, row 3, column ref: ref 'G1' is already used by deed 1"
printf '%s\nB1,T,O,Oulu,sote,,G,,R\n' "$H" >fields.csv
bad "too few fields" fields.csv "fields.csv, row 2, column year: the row ends here"
printf '%s\nB1,Työ,O,Jyväskylä,sote,,G,,R,2019\nB2,Ty\xf6,O,Oulu,sote,,G,,R,2019\n' "$H" >mixed.csv
bad "UTF-8 file with a stray Windows-1252 byte is refused" mixed.csv "mixed.csv, row 3, column title: bytes that are not valid UTF-8"
: >empty.csv
bad "empty file" empty.csv "empty.csv: the file is empty"
printf '\xEF\xBB\xBF\r\n  \r\n' >blank.csv
bad "BOM and blank lines only is empty" blank.csv "blank.csv: the file is empty"
printf '\xEF\xBB\xBF%s\nB1,Rikki \xff\xfe teksti,O,Oulu,sote,,G,,R,2019\n' "$H" >bom.csv
bad "BOM then invalid UTF-8 is refused, not read as Windows-1252" bom.csv \
  "bom.csv, row 2, column title: bytes that are not valid UTF-8, though the file starts with a UTF-8 byte order mark"
printf '%s\nB1,T,O,Oulu,sote,,G,,R,2019\n' "$H" | iconv -f UTF-8 -t UTF-16 >utf16.csv
bad "UTF-16 file explained" utf16.csv "utf16.csv: the file is UTF-16 text \(Excel's \"Unicode Text\"\)"
expect "UTF-16 message says how to save from Excel" 1 "Tallenna nimellä → \"CSV UTF-8 \(pilkuin erotettu\) \(\*\.csv\)\""
printf '%s\nB1,T\0,O,Oulu,sote,,G,,R,2019\n' "$H" >nul.csv
bad "NUL byte named by line" nul.csv "nul.csv: line 2 has a NUL byte \(byte 82 of the file\), so the file is not CSV text"
awk -v h="$H" 'BEGIN { printf "%s", h; for (i = 1; i <= 100000; i++) printf ",x%d", i; print "" }' >wide.csv
bad "100000 unknown columns: 20 named, the rest counted" wide.csv "unknown columns 'x1', .*'x20' and 99980 more \(known"
[ ${#out} -lt 1000 ] && ok "the message is short (${#out} bytes)" || not_ok "short message" "${#out} bytes"
awk 'BEGIN { for (i = 1; i < 1000000; i++) printf "c%d,", i; print "c" }' >million.csv
bad "a header of a million columns is over the row limit" million.csv \
  "million.csv, row 1: the row is longer than 1 MB, the most a row may hold"
[ ${#out} -lt 300 ] && ok "the message is short (${#out} bytes)" || not_ok "short message" "${#out} bytes"

# --- usage and missing file ---
run import deeds --db "$DB"
expect "no file argument is a usage error" 2 "usage: kehto import deeds"
run import deeds good.csv --db "$DB" --fast
expect "unknown option is a usage error" 2 "unknown option --fast"
run import deeds a.csv b.csv --db "$DB"
expect "two files is a usage error" 2 "unexpected argument"
run import deeds nosuch.csv --db "$DB"
expect "missing file is a data error" 1 "nosuch.csv: cannot open the file"
run import deeds good.csv --db "$T/nosuch.db"
expect "missing database is an error" 1 "no database at"

# --- a 50 MB file of 100,000 rows (under ASan a tenth: the same code paths, and its memory figure is not checked) ---
N=100000
[ -z "${KEHTO_SANITIZED:-}" ] || N=10000
awk -v n=$N 'BEGIN {
  split("Helsinki,Espoo,Tampere,Oulu,Turku,Jyväskylä,Pori,Raseborg,Äänekoski,091", m, ",")
  split("sote,opetus,tekninen,elinkeino,kulttuuri,ruoka,koko", s, ",")
  t = "Kehitimme työhyvinvointia ja johtamista yhdessä henkilöstön kanssa; kokeilimme uusia työvuoroja, "
  print "ref,title,organisation,municipality,sector,summary,goal,actions,results,year,themes"
  for (i = 1; i <= n; i++)
    printf "R%06d,Kehittämisteko %d,Organisaatio %d,%s,%s,\"%s\",\"Tavoite %d: %s\",\"%s\",\"Tulokset %d: %s\",%d,\"teema%d, yhteinen\"\n",
      i, i, i % 500, m[1 + i % 10], s[1 + i % 7], t, i, t, t, i, t, 2015 + i % 6, i % 20
}' >big.csv
size=$(stat -c %s big.csv)
# maxrss CMD...: like run, and sets $rss to the peak resident memory in kB ("" without GNU time)
TIME=/usr/bin/time
maxrss() {
  rss=""
  if [ -x $TIME ]; then out=$($TIME -f %M -o "$T/rss" "$KEHTO" "$@" 2>&1); rc=$?; rss=$(tail -1 "$T/rss")
  else run "$@"; fi
}
# expect_rss DESC: the last maxrss stayed under 64 MB
# Under ASan (make check-asan sets KEHTO_SANITIZED) shadow memory and quarantine swamp the figure: the bound is
# asserted in the optimised build's pass of the same make check.
expect_rss() {
  if [ -n "${KEHTO_SANITIZED:-}" ]; then ok "# SKIP $1: under ASan peak memory says nothing ($((${rss:-0} / 1024)) MB)"
  elif [ -z "$rss" ]; then not_ok "$1: no GNU time at $TIME (Debian package time)"
  elif [ "$rss" -lt 65536 ]; then ok "$1 ($((rss / 1024)) MB)"; else not_ok "$1" "peak RSS $((rss / 1024)) MB"; fi
}
start=$(date +%s.%N)
maxrss import deeds big.csv --db "$DB" --progress
end=$(date +%s.%N)
secs=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')
rate=$(awk -v a="$start" -v b="$end" -v n=$N 'BEGIN { printf "%d", n / (b - a) }')
expect "$((size / 1000000)) MB file of $N rows imports in ${secs} s (${rate} rows/s)" 0 "Imported $N deeds from big.csv"
expect "--progress reports on stderr" 0 "import: 100% \($N rows\)"
expect_rss "the $((size / 1000000)) MB file imports in under 64 MB of memory"
expect_count "all big-file rows stored" $((N + 4))
printf '%s\nR000001,T,O,Oulu,sote,,G,,R,2019\n' "$H" >dupbig.csv
run import deeds dupbig.csv --db "$DB"
expect "duplicate against $N deeds found" 1 "ref 'R000001' is already used by deed"
expect_count "still all rows after the failed import" $((N + 4))
printf '%s\nN1,T,O,Oulu,sote,,G,,R,2019\n' "$H" >small.csv
run import deeds small.csv --db "$DB"
if ! grep -q "^Imported 1 deed from" <<<"$out"; then not_ok "small import after the big one" "$out"
elif grep -q "^import:" <<<"$out"; then not_ok "no progress when stderr is not a terminal" "$out"; else ok "no progress when stderr is not a terminal"; fi

# --- a pipe: it cannot seek, so it is copied to a temporary file for the first pass ---
out=$(printf '%s\nP1,Työ putkessa,O,Oulu,sote,,G,,R,2019\n' "$H" | iconv -f UTF-8 -t CP1252 |
  "$KEHTO" import deeds /dev/stdin --db "$DB" 2>&1)
grep -q "^Imported 1 deed from /dev/stdin" <<<"$out" && grep -q "read as Windows-1252" <<<"$out" && ok "a Windows-1252 file through a pipe imports" || not_ok "pipe import" "$out"
expect_count "the piped deed stored" $((N + 6))

# --- memory whatever the size: 150 MB of rows (each with a quoted field of two lines) read to the end ---
# (not under ASan, where the memory figure means nothing and the run is slow)
[ -n "${KEHTO_SANITIZED:-}" ] || { awk 'BEGIN {
  t = "Kehitimme työhyvinvointia ja johtamista yhdessä henkilöstön kanssa; kokeilimme uusia työvuoroja, "
  print "ref,title,organisation,municipality,sector,summary,goal,actions,results,year"
  for (i = 1; i <= 330000; i++)
    printf "H%d,Teko,Org,Oulu,sote,\"%s\n%s\",G,\"%s %s\",R,vuosi\n", i, t, t, t, t
}' >huge.csv
size=$(stat -c %s huge.csv)
start=$(date +%s.%N)
maxrss import deeds huge.csv --db "$DB"
secs=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
expect "a $((size / 1000000)) MB file is read to its last row in ${secs} s" 1 "and 329980 more rows with problems"
expect_rss "the $((size / 1000000)) MB file is read in under 64 MB of memory"
rm -f huge.csv; }

echo "$(basename "$0"): $pass passed, $fail failed"
[ "$fail" -eq 0 ]
