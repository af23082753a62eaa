# End-to-end: the staff's thesaurus page /hallinta/sanasto: the built-in groups listed and filtered, an own group added,
# a bad form shown again with the message beside the field and the text kept, edited, deleted after confirmation, the
# audit log, and access refused to the public and to a contact.
source "$(dirname "$0")/lib.sh"
init_db
add_staff
q "INSERT INTO org(id, name, type) VALUES(1, 'Testikunta', 'kunta')" >/dev/null
add_staff contact@example.fi contact 1
start_server

get /hallinta/sanasto
expect_eq "anonymous: a redirect to the login" "$STATUS" 303
expect_contains "anonymous: to the login page" "$(header Location)" "/kirjaudu"
login contact@example.fi vihrea-kettu-93-Rq
get /hallinta/sanasto
expect_eq "a contact is refused" "$STATUS" 403
post /hallinta/sanasto/uusi "csrf=$(csrf_from "$BODY")" "fi=a" "sv=b"
expect_eq "a contact cannot add a group" "$STATUS" 403
expect_eq "nothing saved by the contact" "$(q "SELECT count(*) FROM thesaurus")" 0

rm -f "$TMP/jar"
login staff@example.fi vihrea-kettu-93-Rq
get /hallinta/sanasto; page=$BODY
expect_eq "staff see the thesaurus" "$STATUS" 200
expect_contains "the page says what the thesaurus does" "$page" "Haku löytää myös ryhmän muilla sanoilla kirjoitetut teot"
expect_contains "the page says what related terms are" "$page" "Ryhmät, joiden huomautus alkaa sanalla liittyvä"
expect_contains "and that other words are translated by the dictionaries" "$page" "haku kääntää FreeDict-sanakirjoilla"
expect_contains "in the staff menu, after the moderation" "$page" 'Moderointi</a></li><li><a href="/hallinta/sanasto" aria-current="page">Sanasto</a>'
expect_contains "no own groups yet" "$page" "Omia ryhmiä ei ole vielä."
line=$(grep -n '^esihenkilö|esimies' "$E2E_ROOT/data/sanasto.tsv" | cut -d: -f1)
expect_contains "a built-in group with its line number" "$page" "<td class=\"num\">$line</td><td>esihenkilö · esimies · pomo</td>"
expect_contains "the list is paginated" "$page" 'href="/hallinta/sanasto?page=2"'
lines=$(grep -c '^[^#]' "$E2E_ROOT/data/sanasto.tsv" | sed -E $'s/([0-9])([0-9]{3})$/\\1\u202f\\2/') # 1 365: a narrow no-break space
expect_contains "the count of groups" "$page" "$lines ryhmää: omia 0, sisäänrakennettuja $lines"

get "/hallinta/sanasto?q=HEMV%C3%A5rd"
expect_contains "the filter finds a Swedish label, any case" "$BODY" "kotihoito · kotipalvelu"
expect_lacks "the filter leaves out other groups" "$BODY" "esihenkilö · esimies"
expect_contains "the filter is kept in the box" "$BODY" 'value="HEMVård"'
get "/hallinta/sanasto?q=liukkaudentorjunta"
expect_contains "a group of related terms, with its note" "$BODY" "talvikunnossapito · liukkaudentorjunta · hiekoitus"
expect_contains "the note of related terms" "$BODY" "liittyvä: talvikunnossapito"
get "/hallinta/sanasto?q=ei-tallaista-sanaa"
expect_contains "a filter that finds nothing says so" "$BODY" "Haulla ei löytynyt ryhmiä sisäänrakennetusta sanastosta."

get /hallinta/sanasto/uusi; csrf=$(csrf_from "$BODY")
expect_contains "the form has a textarea per language" "$BODY" '<textarea id="f-sv" name="sv" rows="5" lang="sv"'
post /hallinta/sanasto/uusi "csrf=$csrf" "fi=" "sv=kommunförsök <b>" "en=" "note=oma"
expect_eq "no Finnish label: 422" "$STATUS" 422
expect_contains "the message beside the Finnish field" "$BODY" '<span class="error" id="e-fi">Anna ainakin yksi sana tai ilmaus suomeksi.</span>'
expect_contains "the Swedish text kept (escaped)" "$BODY" "kommunförsök &lt;b&gt;</textarea>"
post /hallinta/sanasto/uusi "csrf=$csrf" "fi=kuntakokeilu" "sv=" "en=" "note="
expect_contains "one label in all: the message beside the Finnish field" "$BODY" 'id="e-fi">Anna ainakin kaksi sanaa tai ilmausta'
long=$(printf 'x%.0s' $(seq 101))
post /hallinta/sanasto/uusi "csrf=$csrf" "fi=kuntakokeilu" "sv=" "en=$long" "note="
expect_eq "a label of 101 characters: 422" "$STATUS" 422
expect_contains "the message beside the English field" "$BODY" 'id="e-en">Yksi sana tai ilmaus saa olla enintään 100 merkkiä pitkä.'
many=$(printf 'sana%d\n' $(seq 21))
post /hallinta/sanasto/uusi "csrf=$csrf" "fi=$many" "sv=" "en=" "note=$(printf 'n%.0s' $(seq 201))"
expect_contains "21 labels: the message beside the Finnish field" "$BODY" 'id="e-fi">Anna enintään 20 sanaa tai ilmausta kullakin kielellä.'
expect_contains "a note of 201 characters: the message beside it" "$BODY" 'id="e-note">Huomautus saa olla enintään 200 merkkiä pitkä.'
expect_contains "the 21 labels kept" "$BODY" "sana21"
expect_eq "nothing saved by the bad forms" "$(q "SELECT count(*) FROM thesaurus")" 0

stale_post /hallinta/sanasto/uusi "a new group" "Kuntakokeilu" "SELECT count(*) FROM thesaurus" \
  "fi=Kuntakokeilu
kokeilukunta" "sv=kommunförsök" "en=" "note=ohjelman oma"
expect_eq "saved: back to the list" "$(header Location)" "/hallinta/sanasto?done=saved"
id=$(q "SELECT id FROM thesaurus")
expect_eq "the labels stored one per line" "$(q "SELECT fi || '/' || sv FROM thesaurus")" "Kuntakokeilu
kokeilukunta/kommunförsök"
expect_eq "the audit log has the creation" "$(q "SELECT actor || ' ' || action || ' ' || subject || ' ' || detail FROM audit WHERE subject = 'thesaurus:$id'")" \
  "staff@example.fi create thesaurus:$id kuntakokeilu"
get "/hallinta/sanasto?done=saved"
expect_contains "saved notice" "$BODY" "Ryhmä tallennettu."
expect_contains "the own group listed first" "$BODY" "<td>Kuntakokeilu · kokeilukunta</td><td lang=\"sv\">kommunförsök</td>"
get "/hallinta/sanasto?q=kokeilukunta"
expect_contains "the filter finds an own group" "$BODY" "Kuntakokeilu · kokeilukunta"
expect_contains "and says the built-in list has none" "$BODY" "Haulla ei löytynyt ryhmiä sisäänrakennetusta sanastosta."

get "/hallinta/sanasto/$id"
expect_contains "the edit form shows the labels" "$BODY" ">Kuntakokeilu
kokeilukunta</textarea>"
post "/hallinta/sanasto/$id" "csrf=$csrf" "fi=Kuntakokeilu
kokeilukunta" "sv=kommunförsök" "en=municipal pilot" "note=ohjelman oma"
expect_eq "edited" "$STATUS" 303
expect_eq "the English label saved" "$(q "SELECT en FROM thesaurus WHERE id = $id")" "municipal pilot"
expect_eq "the audit log has the change" "$(q "SELECT count(*) FROM audit WHERE subject = 'thesaurus:$id' AND action = 'update'")" 1
post "/hallinta/sanasto/$id" "fi=x" "sv=y"
expect_eq "a POST without the token is refused" "$STATUS" 403
get /hallinta/sanasto/99999
expect_eq "an unknown group is 404" "$STATUS" 404
post /hallinta/sanasto/99999 "csrf=$csrf" "fi=a" "sv=b"
expect_eq "saving an unknown group is 404" "$STATUS" 404
expect_eq "and creates nothing" "$(q "SELECT count(*) FROM thesaurus")" 1

get "/hallinta/sanasto/$id/poista"
expect_contains "the delete asks first" "$BODY" "Poistetaanko ryhmä?"
expect_contains "and names the group" "$BODY" "Poistetaan ryhmä: kuntakokeilu."
post "/hallinta/sanasto/$id/poista" "csrf=$csrf"
expect_eq "a delete without confirm=1 deletes nothing" "$(q "SELECT count(*) FROM thesaurus")" 1
post "/hallinta/sanasto/$id/poista" "csrf=$csrf" "confirm=1"
expect_eq "deleted after confirming" "$STATUS" 303
expect_eq "the group is gone" "$(q "SELECT count(*) FROM thesaurus")" 0
expect_eq "the audit log has the deletion" "$(q "SELECT count(*) FROM audit WHERE subject = 'thesaurus:$id' AND action = 'delete'")" 1

get /sv/hallinta/sanasto
expect_contains "the page in Swedish" "$BODY" "Inbyggd synonymordlista"
get /en/hallinta/sanasto/uusi
expect_contains "the form in English" "$BODY" "Add a group"
finish
