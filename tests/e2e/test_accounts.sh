# End-to-end: accounts and their email against a real SMTP server on loopback (lib.sh's sink): an admin invites →
# the email arrives → its link sets the password → the person signs in; a forgotten password (the same answer for
# unknown addresses, one email for a known one); changing one's own password; a deactivated account cannot sign in;
# an application's and a deed's decision each send their email in the recipient's language; /hallinta lists what
# waits.
source "$(dirname "$0")/lib.sh"
demo_db 2>&1 || { not_ok "demo data"; finish; exit 1; }
PW=vihrea-kettu-93-Rq
echo "$PW" | "$KEHTO" user add admin@example.fi --role admin --db "$DB" >/dev/null
start_sink
serve_with --smtp "smtp://127.0.0.1:$SINK_PORT" --mail-from kehto@example.fi # with the access log
ORG=$(q "SELECT min(id) FROM org")
SVC=$(q "SELECT min(id) FROM service WHERE open = 1 AND type_code = 'sparraus'")

# login_sv EMAIL PASSWORD: signs in on the Swedish pages (an account's email follows the language it uses the site in)
login_sv() {
  get /sv/kirjaudu
  post /sv/kirjaudu "csrf=$(csrf_from "$BODY")" "email=$1" "password=$2" "next=/"
}
# the newest message's file once the sink has $1 messages
mail_n() { wait_mail "$1" && mail_last; }
# the one-time link in a message's text, pointed at this test's server
link_of() { mail_read "$1" text | grep -o "$BASE/salasana/[0-9a-f]*" | head -1; }

# --- invitation
login admin@example.fi "$PW"
get /hallinta/kayttajat/uusi
expect_eq "the invitation form" "$STATUS" 200
csrf=$(csrf_from "$BODY")
post /hallinta/kayttajat/uusi "csrf=$csrf" "email=not-an-address" "role=contact" "lang=sv"
expect_eq "a bad address shows the form again" "$STATUS" 422
expect_contains "the message is beside the field" "$BODY" 'id="e-email"'
expect_contains "the typed address is kept" "$BODY" 'value="not-an-address"'
post /hallinta/kayttajat/uusi "csrf=$csrf" "email=kontakti@example.fi" "role=contact" "lang=sv"
expect_contains "a contact needs an organisation" "$BODY" 'id="e-org"'
post /hallinta/kayttajat/uusi "csrf=$csrf" "email=kontakti@example.fi" "role=contact" "org=$ORG" "lang=sv"
expect_eq "invited" "$STATUS" 303
M=$(mail_n 1)
[ -n "$M" ] && ok "the invitation arrived" || not_ok "the invitation arrived"
expect_eq "to the invited address" "$(mail_read "$M" To)" "kontakti@example.fi"
expect_eq "from --mail-from" "$(mail_read "$M" From)" "kehto@example.fi"
expect_contains "in Swedish, the language chosen" "$(mail_read "$M" Subject)" "Inbjudan"
expect_contains "a text and an HTML part" "$(mail_read "$M" types)" "text/plain text/html"
LINK=$(link_of "$M")
[ -n "$LINK" ] && ok "the link uses the base URL" || not_ok "the link uses the base URL" "$(mail_read "$M" text)"
expect_contains "the HTML part links it" "$(mail_read "$M" html)" "href=\"$LINK\""
expect_eq "the account waits for its password" \
  "$(q "SELECT role, org_id, lang, password_hash FROM \"user\" WHERE email='kontakti@example.fi'")" "contact|$ORG|sv|"

rm -f "$TMP/jar"
get "${LINK#"$BASE"}"
expect_eq "the link opens the password form" "$STATUS" 200
expect_contains "the form names the account" "$BODY" "kontakti@example.fi"
expect_eq "its page names only the origin to its assets (one Referrer-Policy)" \
  "$(grep -i '^Referrer-Policy:' "$TMP/h" | tr -d '\r')" "Referrer-Policy: origin"
csrf=$(csrf_from "$BODY")
post "${LINK#"$BASE"}" "csrf=$csrf" "password=punainen-kettu-hyppii-47" "password2=punainen-kettu-hyppii-48"
expect_eq "passwords that differ are refused" "$STATUS" 422
expect_contains "beside the second field" "$BODY" 'id="e-password2"'
post "${LINK#"$BASE"}" "csrf=$csrf" "password=kontakti123" "password2=kontakti123"
expect_eq "a weak password is refused (the #4 policy)" "$STATUS" 422
post "${LINK#"$BASE"}" "csrf=$csrf" "password=punainen-kettu-hyppii-47" "password2=punainen-kettu-hyppii-47"
expect_eq "the password is set" "$STATUS" 303
expect_contains "then to sign in" "$(header Location)" "/kirjaudu?done=password"
get "${LINK#"$BASE"}"
expect_eq "the link works once" "$STATUS" 404
TOKEN=${LINK##*/}
expect_lacks "the access log never has a link's token" "$(cat "$TMP/server.log")" "$TOKEN"
expect_contains "it logs the page without it" "$(cat "$TMP/server.log")" "/salasana/…"
expect_contains "the server warns that the tests' passwords are hashed at the least cost" "$(cat "$TMP/server.log")" \
  "KEHTO_TEST_CHEAP_HASH=1 is set"
expect_eq "the sent invitation is kept without its token" \
  "$(q "SELECT count(*) FROM outbox WHERE kind = 'invite' AND status = 'sent' AND body_text NOT LIKE '%$TOKEN%'
        AND body_html NOT LIKE '%$TOKEN%' AND body_text LIKE '%/salasana/…%'")" 1
login kontakti@example.fi punainen-kettu-hyppii-47
expect_eq "the invited person signs in" "$STATUS" 303
get /hakemukset
expect_eq "and sees their organisation's applications" "$STATUS" 200

# --- own password
get /tili/salasana
csrf=$(csrf_from "$BODY")
post /tili/salasana "csrf=$csrf" "current=wrong-password-1" "password=sininen-kettu-hyppii-12" \
  "password2=sininen-kettu-hyppii-12"
expect_eq "a wrong current password is refused" "$STATUS" 422
expect_contains "beside the current password" "$BODY" 'id="e-current"'
post /tili/salasana "csrf=$csrf" "current=punainen-kettu-hyppii-47" "password=sininen-kettu-hyppii-12" \
  "password2=sininen-kettu-hyppii-12"
expect_eq "the password is changed" "$STATUS" 303
get /tili/salasana
expect_eq "still signed in after the change" "$STATUS" 200
rm -f "$TMP/jar"
login kontakti@example.fi punainen-kettu-hyppii-47
expect_eq "the old password no longer works" "$STATUS" 422
login_sv kontakti@example.fi sininen-kettu-hyppii-12
expect_eq "the new one does (on the Swedish pages)" "$STATUS" 303

# --- an application's decision, in the applicant's language (Swedish)
get /hakemukset/uusi
post /hakemukset/uusi "csrf=$(csrf_from "$BODY")" "service_id=$SVC" "need=Tarve" "n_johto=1" "n_esihenkilo=1" \
  "n_tyontekija=0" "n_edustaja=1"
expect_eq "the contact applies" "$STATUS" 303
APP=$(q "SELECT max(id) FROM application")
M=$(mail_n 2)
expect_contains "the applicant is told it was received" "$(mail_read "$M" To) $(mail_read "$M" text)" \
  "kontakti@example.fi"
expect_contains "in Swedish" "$(mail_read "$M" Subject)" "mottagen"
rm -f "$TMP/jar"
login admin@example.fi "$PW"
get "/hakemukset/$APP"
post "/hakemukset/$APP/hylkaa" "csrf=$(csrf_from "$BODY")" "reason=Kiintiö on täynnä <tänä vuonna>"
expect_eq "the application is rejected" "$STATUS" 303
M=$(mail_n 3)
expect_eq "the decision goes to the applicant" "$(mail_read "$M" To)" "kontakti@example.fi"
expect_contains "in Swedish" "$(mail_read "$M" Subject)" "avslag"
expect_contains "with the reason" "$(mail_read "$M" text)" "Kiintiö on täynnä <tänä vuonna>"
expect_contains "escaped in the HTML part" "$(mail_read "$M" html)" "Kiintiö on täynnä &lt;tänä vuonna&gt;"

# --- a deed's decision, to the address left on the form, in the poster's language (English)
rm -f "$TMP/jar"
get /en/tekot/uusi
post /en/tekot/uusi "csrf=$(csrf_from "$BODY")" "title=Mail test deed" "organisation=Testikunta" "municipality=091" \
  "sector=sote" "year=2019" "goal=Goal" "results=Results" "contact_name=Poster" "contact_email=poster@example.fi" \
  "notify=1"
expect_eq "a deed is posted in English" "$STATUS" 303
DEED=$(q "SELECT id FROM deed WHERE title='Mail test deed'")
expect_eq "its poster's address and language are kept" "$(q "SELECT poster_email, poster_lang FROM deed WHERE id=$DEED")" \
  "poster@example.fi|en"
login admin@example.fi "$PW"
get /hallinta
expect_contains "/hallinta lists the deed to moderate" "$BODY" "odottaa moderointia"
get /hallinta/tekot
post "/hallinta/tekot/$DEED/julkaise" "csrf=$(csrf_from "$BODY")"
M=$(mail_n 4)
expect_eq "the poster is told" "$(mail_read "$M" To)" "poster@example.fi"
expect_contains "in English" "$(mail_read "$M" Subject)" "published"
expect_contains "with the deed's link" "$(mail_read "$M" text)" "$BASE/tekot/$DEED"
get /hallinta/tekot
post "/hallinta/tekot/$DEED/julkaise" "csrf=$(csrf_from "$BODY")"
sleep 1.1
expect_eq "publishing it again tells nobody again" "$(sink_count)" 4

# --- forgotten password: the same answer for any address, one email for a known one
rm -f "$TMP/jar"
get /kirjaudu
expect_contains "the login page links to the forgotten password" "$BODY" "/kirjaudu/unohtunut"
get /kirjaudu/unohtunut
csrf=$(csrf_from "$BODY")
post /kirjaudu/unohtunut "csrf=$csrf" "email=nobody@example.fi"
UNKNOWN=$(sed -n '/<main/,/<\/main>/p' <<<"$BODY" | sed 's/nobody@example.fi//')
post /kirjaudu/unohtunut "csrf=$csrf" "email=kontakti@example.fi"
KNOWN=$(sed -n '/<main/,/<\/main>/p' <<<"$BODY" | sed 's/kontakti@example.fi//')
expect_eq "the same answer for a known and an unknown address" "$KNOWN" "$UNKNOWN"
M=$(mail_n 5)
expect_eq "one reset email, to the known address" "$(mail_read "$M" To)" "kontakti@example.fi"
sleep 1
expect_eq "nothing for the unknown address" "$(sink_count)" 5
LINK=$(link_of "$M")
get "${LINK#"$BASE"}"
post "${LINK#"$BASE"}" "csrf=$(csrf_from "$BODY")" "password=gul-räv-hoppar-högt-9" "password2=gul-räv-hoppar-högt-9"
expect_eq "the reset link sets a new password" "$STATUS" 303
login kontakti@example.fi gul-räv-hoppar-högt-9
expect_eq "which signs in" "$STATUS" 303

# --- deactivation
cp "$TMP/jar" "$TMP/contact-jar"
rm -f "$TMP/jar"
login admin@example.fi "$PW"
UID_K=$(q "SELECT id FROM \"user\" WHERE email='kontakti@example.fi'")
get "/hallinta/kayttajat/$UID_K"
post "/hallinta/kayttajat/$UID_K/poista-kaytosta" "csrf=$(csrf_from "$BODY")"
expect_eq "the admin deactivates the account" "$STATUS" 303
ADMIN_ID=$(q "SELECT id FROM \"user\" WHERE email='admin@example.fi'")
get "/hallinta/kayttajat/$ADMIN_ID"
post "/hallinta/kayttajat/$ADMIN_ID/poista-kaytosta" "csrf=$(csrf_from "$BODY")"
expect_eq "the last admin cannot be deactivated" "$STATUS" 422
cp "$TMP/contact-jar" "$TMP/jar"
get /tili/salasana
expect_eq "the deactivated account's session has ended" "$STATUS" 303
login kontakti@example.fi gul-räv-hoppar-högt-9
expect_eq "a deactivated account cannot sign in" "$STATUS" 422
expect_eq "all of it is audited" \
  "$(q "SELECT count(DISTINCT action) FROM audit WHERE action IN ('user-invite', 'password-set', 'password-change',
        'password-reset-request', 'password-reset', 'user-deactivate')")" 6
grep -q "Assertion\|Segmentation\|AddressSanitizer" "$TMP/server.log" && not_ok "server log clean" || ok "server log clean"
finish
