# End-to-end: security headers, errors (404, 405, 413, 400), CSRF, login, languages, static assets.
source "$(dirname "$0")/lib.sh"
init_db
add_staff
start_server

get /; body=$BODY
expect_eq "front page answers 200" "$STATUS" 200
csp=$(header Content-Security-Policy)
expect_contains "CSP forbids framing" "$csp" "frame-ancestors 'none'"
expect_lacks "CSP has no unsafe-inline" "$csp" "unsafe-inline"
expect_eq "nosniff header" "$(header X-Content-Type-Options)" "nosniff"
expect_contains "Referrer-Policy header" "$(header Referrer-Policy)" "same-origin"
expect_contains "page says it is Finnish" "$body" '<html lang="fi">'
expect_contains "skip link to content" "$body" 'href="#main"'

get /sv/; body=$BODY
expect_contains "Swedish page under /sv" "$body" '<html lang="sv">'
expect_contains "Swedish navigation" "$body" 'Startsida'
get /en/kirjaudu; body=$BODY
expect_contains "English login page" "$body" 'Log in'

get /static/kehto.css
expect_eq "embedded CSS served" "$STATUS" 200
expect_contains "CSS content type" "$(header Content-Type)" "text/css"

get /ei-ole-tallaista; body=$BODY
expect_eq "unknown page is 404" "$STATUS" 404
expect_contains "404 page in Finnish" "$body" "Sivua ei löytynyt"
get /tekot/999999
expect_eq "unknown deed id is 404" "$STATUS" 404
get /tekot/abc
expect_eq "non-numeric deed id is 404" "$STATUS" 404
get /kirjaudu-ulos
expect_eq "GET on a POST-only path is 405" "$STATUS" 405

head -c 2000000 /dev/zero | tr '\0' 'a' >"$TMP/big"
STATUS=$(curl -s -o /dev/null -w '%{http_code}' --data-binary @"$TMP/big" -H 'Content-Type: application/x-www-form-urlencoded' "$BASE/tekot/uusi")
expect_eq "2 MB body is 413" "$STATUS" 413
STATUS=$(curl -s -o /dev/null -w '%{http_code}' -H 'Transfer-Encoding: chunked' --data-binary @"$TMP/big" "$BASE/kirjaudu")
expect_eq "2 MB chunked body is 413" "$STATUS" 413
STATUS=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/tekot?q=%ff%fe")
expect_eq "invalid UTF-8 in the query is 400" "$STATUS" 400
get /
expect_eq "server still answers after bad requests" "$STATUS" 200

post /kirjaudu "email=staff@example.fi" "password=vihrea-kettu-93-Rq"
expect_eq "login POST without CSRF token is 403" "$STATUS" 403
post /kirjaudu "csrf=0000000000000000000000000000000000000000000000000000000000000000" "email=staff@example.fi" "password=vihrea-kettu-93-Rq"
expect_eq "login POST with a wrong CSRF token is 403" "$STATUS" 403

rm -f "$TMP/jar"
get /kirjaudu; page=$BODY
expect_contains "login sets the anonymous CSRF cookie HttpOnly SameSite" "$(grep -i '^set-cookie' "$TMP/h")" "HttpOnly; SameSite=Lax"
post /kirjaudu "csrf=$(csrf_from "$page")" "email=staff@example.fi" "password=wrong-password" "next=/"; body=$BODY
expect_eq "wrong password answers 422" "$STATUS" 422
expect_contains "wrong password message" "$body" "Sähköposti tai salasana on väärin."
expect_contains "email kept in the form" "$body" 'value="staff@example.fi"'

login staff@example.fi vihrea-kettu-93-Rq
expect_eq "login redirects" "$STATUS" 303
cookie=$(grep -i '^set-cookie: kehto_session' "$TMP/h")
expect_contains "session cookie is HttpOnly" "$cookie" "HttpOnly"
expect_contains "session cookie is SameSite=Lax" "$cookie" "SameSite=Lax"
get /; body=$BODY
expect_contains "staff sees the moderation link" "$body" "Moderointi"
expect_eq "logged-in pages are not stored" "$(header Cache-Control)" "no-store"

post /kirjaudu-ulos "csrf=$(csrf_from "$body")"
expect_eq "logout redirects" "$STATUS" 303
get /; body=$BODY
expect_lacks "after logout no moderation link" "$body" "Moderointi"

# open redirect: next must stay on the site
get /kirjaudu; page=$BODY
post /kirjaudu "csrf=$(csrf_from "$page")" "email=staff@example.fi" "password=vihrea-kettu-93-Rq" "next=//evil.example/"
expect_eq "login with next=//host goes to the front page" "$(header Location)" "/"

for next in "/%09/evil.example/" "/%5Cevil.example" "%2F%2Fevil.example"; do
  get /kirjaudu; post /kirjaudu "csrf=$(csrf_from "$BODY")" "email=staff@example.fi" "password=vihrea-kettu-93-Rq" "next=$(printf '%b' "${next//%/\\x}")"
  expect_eq "login with a tricky next ($next) stays on the site" "$(header Location)" "/"
done
get "/sv//evil.example/"
expect_lacks "language links never point off the site" "$BODY" 'href="//evil.example'
get /api/v1/stats
expect_eq "the open API allows any origin" "$(header Access-Control-Allow-Origin)" "*"

# throttling: failures in a row are slowed (a refusal names a Retry-After), and case does not make a new account;
# the growing delay, its cap and the owner getting in despite guesses are in test_login_throttle.sh
rm -f "$TMP/jar"
for i in 1 2 3 4 5 6 7 8; do  # the first four are free; then the waits (1 s, 2 s, 4 s…) outlast a quick retry
  get /kirjaudu; post /kirjaudu "csrf=$(csrf_from "$BODY")" "email=$([ $((i % 2)) = 1 ] && echo STAFF@example.fi || echo staff@EXAMPLE.fi)" "password=bad$i"
  [ "$STATUS" = 429 ] && break
done
expect_eq "quick failures in a row are soon refused, whatever the case of the email" "$STATUS" 429
check "the refusal says when to try again" test -n "$(header Retry-After)"
q "DELETE FROM login_throttle"

# an empty post form comes back with every missing field marked at once, the typed text kept
rm -f "$TMP/jar"
get /tekot/uusi
post /tekot/uusi "csrf=$(csrf_from "$BODY")" "organisation=Pidetty <teksti>" "title=" "year=20x9"
expect_eq "empty post form answers 422" "$STATUS" 422
for f in title goal results sector municipality year contact_name contact_email; do
  expect_contains "error shown beside $f" "$BODY" "id=\"e-$f\""
done
expect_contains "the summary lists the errors with links" "$BODY" '<li><a href="#f-goal">'
expect_contains "typed organisation kept, escaped" "$BODY" 'value="Pidetty &lt;teksti&gt;"'
expect_contains "typed year kept" "$BODY" 'value="20x9"'

# a public post cannot set the external id (ref) that imports rely on
rm -f "$TMP/jar"
get /tekot/uusi
post /tekot/uusi "csrf=$(csrf_from "$BODY")" "ref=squatted-ref" "title=Ref-testi" "organisation=Testikunta" \
  "municipality=091" "sector=sote" "year=2019" "goal=Tavoite" "results=Tulos" "contact_name=Testi" "contact_email=t@example.fi"
expect_eq "public post accepted" "$STATUS" 303
expect_eq "its ref was not stored" "$(q "SELECT count(*) FROM deed WHERE title='Ref-testi' AND ref IS NULL")" 1

# a stale security token does not lose a posted deed: the form comes back filled in
rm -f "$TMP/jar"
post /tekot/uusi "csrf=0000000000000000000000000000000000000000000000000000000000000000" "title=Pitkä teksti" \
  "goal=Kolme sivua tavoitteita" "organisation=Testikunta"
expect_eq "stale token answers 403" "$STATUS" 403
expect_contains "the form is shown again" "$BODY" 'action="/tekot/uusi"'
expect_contains "the typed goal is kept" "$BODY" "Kolme sivua tavoitteita"
expect_contains "the page says to send again" "$BODY" "lähetä lomake uudelleen"
expect_contains "the page title says there was an error" "$BODY" "<title>Virhe: Julkaise teko"

# the feed links are absolute, so feed readers can follow them
get /tekot.atom
expect_contains "feed self link is absolute" "$BODY" "href=\"$BASE/tekot.atom\""
get /sv/tekot.atom
expect_contains "Swedish feed links keep the prefix" "$BODY" "href=\"$BASE/sv/tekot\""

# Finnish content on a Swedish page is marked as Finnish
id=$(q "SELECT id FROM deed WHERE title='Ref-testi'")
q "UPDATE deed SET status='published', published_at='2026-01-01T00:00:00Z' WHERE id=$id"
get "/sv/tekot/$id"
expect_contains "deed title on a Swedish page has lang=fi" "$BODY" '<h1 lang="fi">Ref-testi</h1>'
finish
