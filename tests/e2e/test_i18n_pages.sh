# End-to-end: every literal page text in src/web (T(r, "...")) has Swedish and English entries; sv/en pages show no Finnish chrome.
# Swedish page shows no Finnish chrome. (Texts passed through tables or variables are not seen by this check.)
source "$(dirname "$0")/lib.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)

# msgids of T(r, "a" "b") calls, adjacent literals joined, one per line
web_ids() {
  find "$ROOT/src/web" -name '*.c' -exec cat {} + |
    perl -0777 -ne 'while (/\bT\(r,\s*((?:"(?:[^"\\]|\\.)*"\s*)+)\)/g) { my $s = $1; my $t = "";
      $t .= $1 while $s =~ /"((?:[^"\\]|\\.)*)"/g; print "$t\n" }' | sort -u
}
po_ids() { perl -ne 'print "$1\n" if /^msgid "(.+)"$/' "$ROOT/locale/$1.po" | sort -u; }

web_ids >"$TMP/ids"
for lang in sv en; do
  po_ids "$lang" >"$TMP/$lang"
  missing=$(comm -23 "$TMP/ids" "$TMP/$lang")
  if [ -z "$missing" ]; then ok "every page text has a $lang translation"
  else not_ok "every page text has a $lang translation" "missing: $(echo "$missing" | head -5 | paste -sd '|')"; fi
done
expect_eq "the check sees the page texts" "$(($(wc -l <"$TMP/ids") > 150))" 1

init_db
demo_db
start_server
get /sv/tekot?q=kunta; body=$BODY
expect_lacks "Swedish list: search label translated" "$body" 'Hae tekoja'
expect_lacks "Swedish list: filters translated" "$body" 'Rajaa tuloksia'
get /en/tekot/uusi; body=$BODY
expect_lacks "English form: submit button translated" "$body" 'Lähetä teko'
expect_contains "English form: participants translated" "$body" 'Supervisors'
finish
