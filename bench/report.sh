#!/usr/bin/env bash
# bench/report.sh: how long the narrative reports take on the demo programme: the final report and the annual
# report 2019 as PDF (cairo + pango + librsvg, laid out twice for the contents' page numbers) and as HTML, each made
# RUNS times by `kehto report`; the time of the whole process (open, statistics, text, output) and the time the
# command itself reports for making the report (its figures and text, then the PDF or HTML). Prints Markdown for
# docs/performance.md.
# Usage: bench/report.sh [RUNS]   (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
KEHTO=${KEHTO:-./kehto} # KEHTO=PATH measures another build
OUT=$(mktemp -d /tmp/kehto-bench-report.XXXXXX)
trap 'rm -rf "$OUT"' EXIT
[ "$KEHTO" != ./kehto ] || make -s kehto >/dev/null
DB=$OUT/demo.db
$KEHTO init --db "$DB" >/dev/null
$KEHTO demo --db "$DB" >/dev/null

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
# median of the numbers on stdin
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

echo "| report | format | pages | size | process, median of $RUNS (ms) | making it, median (ms) |"
echo "|---|---|---:|---:|---:|---:|"
for spec in "final --format pdf" "annual --year 2019 --format pdf" "final --format html" "annual --year 2019 --format html"; do
  : >"$OUT/wall" && : >"$OUT/own"
  for _ in $(seq "$RUNS"); do
    t0=$(now_ms)
    # shellcheck disable=SC2086
    $KEHTO report $spec --output "$OUT/r" --db "$DB" 2>"$OUT/err"
    echo $(( $(now_ms) - t0 )) >>"$OUT/wall"
    sed -n 's/.* written in \([0-9]*\) ms/\1/p' "$OUT/err" >>"$OUT/own"
  done
  pages=-
  [[ $spec == *pdf ]] && pages=$(pdfinfo "$OUT/r" | awk '/^Pages:/ {print $2}')
  echo "| ${spec%% --format*} | ${spec##*--format } | $pages | $(( $(stat -c %s "$OUT/r") / 1024 )) KiB | $(median <"$OUT/wall") | $(median <"$OUT/own") |"
done
