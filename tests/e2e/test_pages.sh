#!/usr/bin/env bash
# End-to-end: the programme's own pages: staff create them, order the main menu, edit and delete them; Kehto's own two
# pages cannot be deleted; raw HTML in the Markdown never reaches the page.
source "$(dirname "$0")/lib.sh"
init_db
add_staff
start_server

get /hallinta/sivut
expect_eq "anonymous page editor is a redirect to login" "$STATUS" 303
login staff@example.fi vihrea-kettu-93-Rq
get /hallinta/sivut; page=$BODY
expect_eq "staff see the page list" "$STATUS" 200
expect_contains "the accessibility statement is listed" "$page" '/hallinta/sivut/saavutettavuus'
expect_lacks "the built-in pages have no delete link" "$page" '/hallinta/sivut/poista/saavutettavuus'
csrf=$(csrf_from "$page")

# --- creating: errors keep the text; the slug is made from the title
post /hallinta/sivut/uusi "csrf=$csrf" "slug=Väärä osoite" "title=Tietoa" "body=Teksti **lihava**" "menu=1"
expect_eq "a slug with capitals and spaces is refused" "$STATUS" 422
expect_contains "the message is beside the slug field" "$BODY" 'id="e-slug"'
expect_contains "the typed body is kept" "$BODY" 'Teksti **lihava**'
post /hallinta/sivut/uusi "csrf=$csrf" "slug=" "title=" "body=Teksti" "menu=1"
expect_eq "a page without a title is refused" "$STATUS" 422
expect_contains "the message is beside the title field" "$BODY" 'id="e-title"'
post /hallinta/sivut/uusi "csrf=$csrf" "slug=tietosuoja" "title=Toinen" "body=x" "menu=1"
expect_eq "a built-in page's slug is taken" "$STATUS" 422
expect_contains "slug taken message" "$BODY" 'Osoite on jo käytössä'
post /hallinta/sivut/uusi "csrf=$csrf" "slug=uusi" "title=Toinen" "body=x" "menu=1"
expect_eq "a reserved slug is refused" "$STATUS" 422

post /hallinta/sivut/uusi "csrf=$csrf" "slug=" "title=Tietoa ohjelmasta" "title_sv=Om programmet" \
  "body=$(printf 'Ohjelma **kehittää**.\n\n<script>alert(1)</script>\n\n<b onclick=\"x()\">raaka</b>\n\n[linkki](javascript:alert(2))\n')" \
  "body_sv=Programmet." "menu=1"
expect_eq "a page is created" "$STATUS" 303
expect_contains "back to the list" "$(header Location)" "/hallinta/sivut?done=created"
expect_eq "its slug is made from the Finnish title" "$(q "SELECT slug FROM site_page WHERE custom=1")" "tietoa-ohjelmasta"
post /hallinta/sivut/uusi "csrf=$csrf" "slug=palvelut" "title=Palvelut lyhyesti" "body=Palveluista." "menu=1"
expect_eq "a second page" "$STATUS" 303
post /hallinta/sivut/uusi "csrf=$csrf" "slug=yhteystiedot" "title=Yhteystiedot" "body=Soita." "menu=1"
expect_eq "a third page" "$STATUS" 303
post /hallinta/sivut/uusi "csrf=$csrf" "slug=piilo" "title=Piilotettu sivu" "body=Ei valikossa."
expect_eq "a page outside the menu" "$STATUS" 303
expect_eq "it has no menu place" "$(q "SELECT COALESCE(menu_position, 0) FROM site_page WHERE slug='piilo'")" 0
expect_eq "created pages are audited" "$(q "SELECT count(*) FROM audit WHERE subject LIKE 'site-page:%' AND action='create'")" 4

# --- the public page: Markdown, raw HTML dropped, the menu in order
get /sivu/tietoa-ohjelmasta; page=$BODY
expect_eq "the page is public" "$STATUS" 200
expect_contains "Markdown is rendered" "$page" '<strong>kehittää</strong>'
expect_lacks "a script in the Markdown does not reach the page" "$page" '<script>alert(1)'
expect_lacks "raw HTML with an event handler is dropped" "$page" 'onclick'
expect_lacks "a javascript: link is not a link" "$page" 'href="javascript:'
menu=$(grep -o '<nav class="main".*</nav>' <<<"$page" | head -1)
expect_contains "the menu item is current on its page" "$menu" 'href="/sivu/tietoa-ohjelmasta" aria-current="page"'
order=$(grep -o 'href="/sivu/[a-z-]*"' <<<"$menu" | tr '\n' ' ')
expect_eq "the menu lists the pages in the order made" "$order" 'href="/sivu/tietoa-ohjelmasta" href="/sivu/palvelut" href="/sivu/yhteystiedot" '
expect_lacks "a page outside the menu is not in it" "$menu" '/sivu/piilo'
get /sivu/piilo
expect_eq "a page outside the menu is still public" "$STATUS" 200
get /sv/sivu/tietoa-ohjelmasta
expect_contains "Swedish page in Swedish" "$BODY" 'Programmet.'
expect_contains "Swedish menu title" "$BODY" '>Om programmet</a>'
get /en/sivu/tietoa-ohjelmasta
expect_contains "English page falls back to Finnish, marked" "$BODY" '<h1 lang="fi">Tietoa ohjelmasta</h1>'
get /sivu/ei-ole
expect_eq "an unknown page is 404" "$STATUS" 404
get /sivu/tietosuoja
expect_eq "/sivu/tietosuoja goes to /tietosuoja" "$(header Location)" "/tietosuoja"

# --- reordering: up, down, out, in (the cached public page follows)
post /hallinta/sivut/valikko "csrf=$csrf" "slug=yhteystiedot" "op=up"
expect_eq "moving up answers with the list" "$STATUS" 303
expect_contains "the list focuses the moved page's button" "$(header Location)" "moved=yhteystiedot&op=up"
get "$(header Location)"
expect_contains "the moved button is focused after the reload" "$BODY" 'id="up-yhteystiedot" autofocus'
get /sivu/piilo
order=$(grep -o '<nav class="main".*</nav>' <<<"$BODY" | grep -o 'href="/sivu/[a-z-]*"' | tr '\n' ' ')
expect_eq "moved up one place" "$order" 'href="/sivu/tietoa-ohjelmasta" href="/sivu/yhteystiedot" href="/sivu/palvelut" '
post /hallinta/sivut/valikko "csrf=$csrf" "slug=tietoa-ohjelmasta" "op=down"
post /hallinta/sivut/valikko "csrf=$csrf" "slug=tietoa-ohjelmasta" "op=down"
post /hallinta/sivut/valikko "csrf=$csrf" "slug=tietoa-ohjelmasta" "op=down"
expect_eq "moving down past the end changes nothing (still 303)" "$STATUS" 303
expect_eq "menu places after moving" "$(q "SELECT slug FROM site_page WHERE menu_position IS NOT NULL ORDER BY menu_position" | tr '\n' ,)" "yhteystiedot,palvelut,tietoa-ohjelmasta,"
post /hallinta/sivut/valikko "csrf=$csrf" "slug=palvelut" "op=out"
post /hallinta/sivut/valikko "csrf=$csrf" "slug=tietosuoja" "op=in"
expect_eq "a built-in page goes into the menu" "$STATUS" 303
get /
menu=$(grep -o '<nav class="main".*</nav>' <<<"$BODY" | head -1)
order=$(grep -o 'href="/sivu/[a-z-]*"\|href="/tietosuoja"' <<<"$menu" | tr '\n' ' ')
expect_eq "front page menu: out, in and order" "$order" 'href="/sivu/yhteystiedot" href="/sivu/tietoa-ohjelmasta" href="/tietosuoja" '
expect_contains "the built-in page has its default title in the menu" "$menu" '>Tietosuojaseloste: osallistujat'
get /hallinta/sivut/tietosuoja
expect_contains "the built-in page still shows its default text in the editor" "$BODY" 'Sivulla on Kehdon oletusteksti'
post /hallinta/sivut/valikko "csrf=$csrf" "slug=ei-ole" "op=up"
expect_eq "moving an unknown page is 404" "$STATUS" 404
post /hallinta/sivut/valikko "csrf=$csrf" "slug=palvelut" "op=up"
expect_eq "moving a page outside the menu is refused" "$STATUS" 409
post /hallinta/sivut/valikko "slug=yhteystiedot" "op=down"
expect_eq "reordering without the token is refused" "$STATUS" 403

# --- editing keeps the menu place
get /hallinta/sivut/yhteystiedot
expect_contains "the editor has the delete link of a page staff made" "$BODY" '/hallinta/sivut/poista/yhteystiedot'
post /hallinta/sivut/yhteystiedot "csrf=$csrf" "title=Yhteystiedot" "body=Sähköposti: ohjelma@example.fi" "title_en=Contact" "body_en=Email."
expect_eq "a page is saved" "$STATUS" 303
expect_eq "its menu place is kept" "$(q "SELECT menu_position FROM site_page WHERE slug='yhteystiedot'")" 1
get /sivu/yhteystiedot
expect_contains "the saved text is public" "$BODY" 'ohjelma@example.fi'
post /hallinta/sivut/yhteystiedot "csrf=$csrf" "title=Yhteystiedot" "body="
expect_eq "an empty body is refused" "$STATUS" 422
expect_contains "the message is beside the body field" "$BODY" 'id="e-body"'

# --- deleting: confirmation, the built-in pages refused
get /hallinta/sivut/poista/yhteystiedot
expect_eq "delete asks first" "$STATUS" 200
expect_contains "the confirmation names the page" "$BODY" 'Yhteystiedot'
post /hallinta/sivut/poista/yhteystiedot "csrf=$csrf"
expect_eq "without confirm=1 nothing is deleted" "$(q "SELECT count(*) FROM site_page WHERE slug='yhteystiedot'")" 1
post /hallinta/sivut/poista/yhteystiedot "csrf=$csrf" "confirm=1"
expect_eq "the page is deleted" "$STATUS" 303
expect_eq "its row is gone" "$(q "SELECT count(*) FROM site_page WHERE slug='yhteystiedot'")" 0
expect_eq "the menu closes the gap" "$(q "SELECT menu_position FROM site_page WHERE menu_position IS NOT NULL ORDER BY menu_position" | tr '\n' ,)" "1,2,"
get /sivu/yhteystiedot
expect_eq "the deleted page is 404" "$STATUS" 404
expect_lacks "and not in the menu" "$(grep -o '<nav class="main".*</nav>' <<<"$BODY")" '/sivu/yhteystiedot"'
post /hallinta/sivut/poista/tietosuoja "csrf=$csrf" "confirm=1"
expect_eq "the privacy notice cannot be deleted" "$STATUS" 409
post /hallinta/sivut/poista/saavutettavuus "csrf=$csrf" "confirm=1"
expect_eq "the accessibility statement cannot be deleted" "$STATUS" 409
get /tietosuoja
expect_eq "the privacy notice is still there" "$STATUS" 200
expect_eq "deleting is audited" "$(q "SELECT count(*) FROM audit WHERE subject='site-page:yhteystiedot' AND action='delete'")" 1

finish
