# End-to-end: staff edit the programme frame (name, description, goals, periods, partners); errors keep the text.
source "$(dirname "$0")/lib.sh"
init_db
demo_db
add_staff
start_server

get /hallinta/ohjelma
expect_eq "anonymous programme admin is a redirect" "$STATUS" 303
login staff@example.fi vihrea-kettu-93-Rq
get /hallinta/ohjelma; page=$BODY
expect_eq "staff sees the programme form" "$STATUS" 200
expect_contains "current goals in the textarea" "$page" "Tehdä näkyväksi kunnissa"
expect_contains "periods listed" "$page" "S20190"
csrf=$(csrf_from "$page")

post /hallinta/ohjelma "csrf=$csrf" "name=" "short_name=Kunteko" "description=Kuvaus <b>lihava</b>" "goals=Yksi"
expect_eq "empty programme name is refused with 422" "$STATUS" 422
expect_contains "message beside the name field" "$BODY" 'id="e-name"'
expect_contains "description kept (escaped)" "$BODY" "Kuvaus &lt;b&gt;lihava&lt;/b&gt;"

post /hallinta/ohjelma "csrf=$csrf" "name=Testiohjelma 2030" "short_name=Testi 2030" "description=Uusi kuvaus" \
  "goals=$(printf 'Ensimmäinen tavoite\n\nToinen <tavoite>\n')"
expect_eq "valid programme frame saved" "$STATUS" 303
expect_eq "saved: redirect carries a notice code" "$(header Location)" "/hallinta/ohjelma?ok=ohjelma"
get "/hallinta/ohjelma?ok=ohjelma"
expect_contains "saved notice shown" "$BODY" "Ohjelman tiedot tallennettu."
get "/hallinta/ohjelma?ok=Soita+numeroon+0700"
expect_lacks "arbitrary notice text is not shown" "$BODY" "Soita numeroon"
get /
expect_contains "front page shows the new name" "$BODY" "Testi 2030"
get /hallinta/ohjelma
expect_contains "goals saved without the empty line" "$BODY" "Ensimmäinen tavoite
Toinen &lt;tavoite&gt;"

post /hallinta/ohjelma/kaudet/uusi "csrf=$csrf" "name=3. kausi" "start_year=2021" "end_year=2019" "esf_code=S1"
expect_eq "period ending before it starts is refused" "$STATUS" 422
expect_contains "period form keeps the name" "$BODY" 'value="3. kausi"'
post /hallinta/ohjelma/kaudet/uusi "csrf=$csrf" "name=3. kausi" "start_year=vuosi" "end_year=2023" "esf_code="
expect_eq "non-numeric year is refused" "$STATUS" 422
expect_contains "non-numeric year kept" "$BODY" 'value="vuosi"'
post /hallinta/ohjelma/kaudet/uusi "csrf=$csrf" "name=3. kausi" "start_year=2021" "end_year=2023" "esf_code=S99999"
expect_eq "valid period added" "$STATUS" 303
get /hallinta/ohjelma
expect_contains "new period listed" "$BODY" "S99999"
pid=$(grep -o 'kaudet/[0-9]*">3. kausi' <<<"$BODY" | sed 's|kaudet/\([0-9]*\).*|\1|')
post "/hallinta/ohjelma/kaudet/$pid/poista" "csrf=$csrf"
expect_eq "period deleted" "$STATUS" 303
get /hallinta/ohjelma
expect_lacks "deleted period gone" "$BODY" "S99999"
get /hallinta/ohjelma/kaudet/999999
expect_eq "unknown period is 404" "$STATUS" 404

post /hallinta/ohjelma/kumppanit/uusi "csrf=$csrf" "name=Rahasto" "kind=funder" "url=javascript:alert(1)" "position=1"
expect_eq "javascript: URL refused" "$STATUS" 422
post /hallinta/ohjelma/kumppanit/uusi "csrf=$csrf" "name=Uusi Rahasto" "kind=funder" "url=https://example.fi/" "position=9"
expect_eq "funder added" "$STATUS" 303
get /
expect_contains "footer lists the new funder" "$BODY" "Uusi Rahasto"

post /hallinta/ohjelma "name=X" "short_name=X" "goals=X"
expect_eq "programme POST without CSRF is 403" "$STATUS" 403
# a deed posted with the name of a registry organisation is linked to it
rm -f "$TMP/jar"
get /tekot/uusi
post /tekot/uusi "csrf=$(csrf_from "$BODY")" "title=Linkitystesti" "organisation=tampere" "municipality=837" \
  "sector=sote" "year=2019" "goal=Tavoite" "results=Tulos" "contact_name=Testi" "contact_email=t@example.fi"
expect_eq "post with a registry name accepted" "$STATUS" 303
expect_eq "the deed carries the registry's spelling" "$(q "SELECT org_name FROM deed WHERE title='Linkitystesti'")" "Tampere"
expect_eq "the deed is linked to the registry organisation" \
  "$(q "SELECT o.name FROM deed d JOIN org o ON o.id=d.org_id WHERE d.title='Linkitystesti'")" "Tampere"
finish
