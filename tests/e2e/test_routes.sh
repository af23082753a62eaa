# End-to-end: the route table. `kehto routes` lists every route with who may use it; each non-public route is
# requested anonymously (sent to login) and as a contact of another organisation (refused), and every POST without
# a CSRF token is refused (403) even for staff. Ids in the paths are real rows of the demo data.
source "$(dirname "$0")/lib.sh"
demo_db 2>&1 || { not_ok "demo data"; finish; exit 1; }
add_staff
MINE=$(q "SELECT org_id FROM application ORDER BY id LIMIT 1")
OTHER=$(q "SELECT min(id) FROM org WHERE id <> $MINE")
echo "vihrea-kettu-93-Rq" | "$KEHTO" user add other@example.fi --role contact --org "$OTHER" --db "$DB" >/dev/null
start_server

ROUTES=$("$KEHTO" routes)
check "kehto routes exits 0" "$KEHTO" routes
for line in "GET / public - cache" "GET /tekot public - cache" "GET /tekot/{id} public - cache" \
  "POST /tekot/uusi public csrf -" "GET /tilastot/{file} public - cache" "POST /kirjaudu public csrf -" \
  "GET /hallinta/tekot staff,admin - -" "POST /hallinta/tekot/{id}/julkaise staff,admin csrf -" \
  "GET /hakemukset/{id} contact,staff,admin - -" "GET /organisaatiot/{org}/henkilot contact,staff,admin - -" \
  "GET /api/v1/deeds public - cache" "GET /hallinta/kayttajat admin - -" \
  "GET /tili/salasana contact,staff,admin,evaluator,jury - -" "POST /salasana/{file} public csrf -" \
  "GET /hallinta/kyselyt/{id}/tulokset staff,admin,evaluator - -" "GET /kyselyt/{id}/tulokset public - cache" \
  "GET /api/v1/surveys/{id}/results public - cache"; do
  if grep -qxF -- "$line" <<<"$ROUTES"; then ok "listed: $line"; else not_ok "listed: $line"; fi
done
expect_eq "every line has five fields" "$(awk 'NF != 5' <<<"$ROUTES")" ""
expect_eq "every POST needs the CSRF token" "$(awk '$1 == "POST" && $4 != "csrf"' <<<"$ROUTES")" ""
expect_eq "no cached route is for signed-in users only" "$(awk '$5 == "cache" && $3 != "public"' <<<"$ROUTES")" ""

# the ids path uses, read once (a query per request was most of this script's processes)
IFS='|' read -r ID_PERIOD ID_PARTNER ID_DEED ID_ORG ID_APPLICATION ID_SERVICE ID_COACH ID_DELIVERY ID_SESSION ID_PERSON \
  ID_USER <<<"$(q "SELECT (SELECT min(id) FROM funding_period), (SELECT min(id) FROM partner),
  (SELECT min(id) FROM deed), (SELECT min(id) FROM org),
  (SELECT min(id) FROM application WHERE org_id IS NULL OR org_id <> $OTHER), (SELECT min(id) FROM service),
  (SELECT min(id) FROM coach), (SELECT min(id) FROM delivery), (SELECT min(id) FROM delivery_session),
  (SELECT min(id) FROM person), (SELECT min(id) FROM \"user\")" | tr -d ' ')"
# path PATTERN: the pattern with its parameter replaced by a real id (rows the contact's organisation does not own)
path() {
  local p=$1 id re='\{[a-z]*\}'
  case $p in
  /hallinta/ohjelma/kaudet/*) id=$ID_PERIOD ;;
  /hallinta/ohjelma/kumppanit/*) id=$ID_PARTNER ;;
  /hallinta/tekot/* | /tekot/*) id=$ID_DEED ;;
  /hallinta/organisaatiot/*) id=$ID_ORG ;;
  /hakemukset/*) id=$ID_APPLICATION ;;
  /hallinta/palvelut/*) id=$ID_SERVICE ;;
  /hallinta/valmentajat/*) id=$ID_COACH ;;
  /hallinta/toteutukset/*) id=$ID_DELIVERY ;;
  /hallinta/tapaamiset/*) id=$ID_SESSION ;;
  /hallinta/henkilot/*) id=$ID_PERSON ;;
  /hallinta/kayttajat/*) id=$ID_USER ;;
  /hallinta/sivut/*) id=tietosuoja ;;
  /organisaatiot/*) id=$MINE ;;
  *) id=1 ;;
  esac
  while [[ $p =~ $re ]]; do p=${p/"${BASH_REMATCH[0]}"/$id}; done
  printf '%s\n' "$p"
}
# request METHOD PATH: status in $STATUS with the current cookie jar (a POST carries no token)
request() {
  if [ "$1" = POST ]; then post "$2" "x=1"; else get "$2"; fi
}
refused() { # refused DESC: not 2xx, never 5xx
  case $STATUS in 303 | 401 | 403 | 404) ok "$1 ($STATUS)" ;; *) not_ok "$1" "status $STATUS" ;; esac
}

# anonymous
rm -f "$TMP/jar"
n=0
while read -r method pattern roles csrf cache; do
  [ "$roles" = public ] && continue
  request "$method" "$(path "$pattern")"
  refused "anonymous $method $pattern is refused"
  case $method,$pattern in
  GET,/api/*) expect_eq "anonymous $method $pattern is 401 (an API client is not sent to a login page)" "$STATUS" 401 ;;
  GET,*) expect_contains "anonymous $method $pattern goes to login" "$(header Location)" "/kirjaudu?next=" ;;
  esac
  n=$((n + 1))
done <<<"$ROUTES"
[ "$n" -gt 40 ] && ok "walked $n non-public routes" || not_ok "walked $n non-public routes"

# a contact of another organisation: staff routes, other organisations' pages and rows; the contact's own lists
# and forms (no parameter) are theirs to use
rm -f "$TMP/jar"
login other@example.fi vihrea-kettu-93-Rq
while read -r method pattern roles csrf cache; do
  [ "$roles" = public ] && continue
  case $roles,$pattern in contact*,*{*}* | staff* | admin*) ;; *) [ "$method" = GET ] && continue ;; esac
  request "$method" "$(path "$pattern")"
  if [ "$STATUS" = 403 ] || [ "$STATUS" = 404 ]; then ok "contact of another organisation: $method $pattern ($STATUS)"
  else not_ok "contact of another organisation: $method $pattern" "status $STATUS"; fi
done <<<"$ROUTES"

# staff without a token: every POST is 403, nothing else
rm -f "$TMP/jar"
login staff@example.fi vihrea-kettu-93-Rq
expect_eq "staff signed in" "$STATUS" 303
while read -r method pattern roles csrf cache; do
  [ "$method" = POST ] || continue
  [ "$pattern" = /kirjaudu-ulos ] && continue # last, below
  request POST "$(path "$pattern")"
  expect_eq "staff POST $pattern without a token is 403" "$STATUS" 403
done <<<"$ROUTES"
# staff: the admin's pages (accounts) are not theirs
n=0
while read -r method pattern roles csrf cache; do
  [ "$method" = GET ] && [ "$roles" = admin ] || continue
  request GET "$(path "$pattern")"
  expect_eq "staff GET $pattern (admin only) is 403" "$STATUS" 403
  n=$((n + 1))
done <<<"$ROUTES"
[ "$n" -ge 3 ] && ok "walked $n admin-only pages as staff" || not_ok "walked $n admin-only pages as staff"
request POST /kirjaudu-ulos
expect_eq "staff POST /kirjaudu-ulos without a token is 403" "$STATUS" 403
get /hallinta/tekot
expect_eq "still signed in after the refused sign-out" "$STATUS" 200
grep -q "Assertion\|Segmentation" "$TMP/server.log" && not_ok "server log has no assertion failure" || ok "server log clean"
finish
