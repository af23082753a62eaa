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

post /kirjaudu "email=staff@example.fi" "password=staffpassword1"
expect_eq "login POST without CSRF token is 403" "$STATUS" 403
post /kirjaudu "csrf=0000000000000000000000000000000000000000000000000000000000000000" "email=staff@example.fi" "password=staffpassword1"
expect_eq "login POST with a wrong CSRF token is 403" "$STATUS" 403

rm -f "$TMP/jar"
get /kirjaudu; page=$BODY
expect_contains "login sets the anonymous CSRF cookie HttpOnly SameSite" "$(grep -i '^set-cookie' "$TMP/h")" "HttpOnly; SameSite=Lax"
post /kirjaudu "csrf=$(csrf_from "$page")" "email=staff@example.fi" "password=wrong-password" "next=/"; body=$BODY
expect_eq "wrong password answers 422" "$STATUS" 422
expect_contains "wrong password message" "$body" "Sähköposti tai salasana on väärin."
expect_contains "email kept in the form" "$body" 'value="staff@example.fi"'

login staff@example.fi staffpassword1
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
post /kirjaudu "csrf=$(csrf_from "$page")" "email=staff@example.fi" "password=staffpassword1" "next=//evil.example/"
expect_eq "login with next=//host goes to the front page" "$(header Location)" "/"

# throttling: five failures lock the account for a while
rm -f "$TMP/jar"
for i in 1 2 3 4 5; do get /kirjaudu; post /kirjaudu "csrf=$(csrf_from "$BODY")" "email=staff@example.fi" "password=bad$i"; done
get /kirjaudu; page=$BODY
post /kirjaudu "csrf=$(csrf_from "$page")" "email=staff@example.fi" "password=staffpassword1"; body=$BODY
expect_eq "sixth try after five failures is refused with 429" "$STATUS" 429
expect_contains "refusal says why" "$body" "Liian monta"

finish
