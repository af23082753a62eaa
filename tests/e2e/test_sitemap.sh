#!/usr/bin/env bash
# End-to-end: /sitemap.xml lists every public page and published item (deeds, services, site pages, news,
# publications, videos, events, award years) with absolute addresses from the base URL, and nothing unpublished;
# /robots.txt points to it. Rows of the other publishing tables are made with SQL.
source "$(dirname "$0")/lib.sh"
init_db
people_frame
SITE=https://kehto.example.fi
sector=$(q "SELECT code FROM sector ORDER BY code LIMIT 1")
q "
INSERT INTO deed(id,title,sector_code,year,status,created_at,updated_at,published_at) VALUES
 (11,'Julkaistu teko','$sector',2019,'published','2019-05-01T08:00:00Z','2019-06-02T09:30:00Z','2019-05-02T08:00:00Z'),
 (12,'Odottava teko','$sector',2019,'submitted','2019-05-01T08:00:00Z','2019-05-01T08:00:00Z',NULL),
 (13,'Hylätty teko','$sector',2019,'rejected','2019-05-01T08:00:00Z','2019-05-01T08:00:00Z',NULL);
INSERT INTO news(id,uid,title,publish_at,created_at,updated_at) VALUES
 (21,'urn:uuid:00000000-0000-4000-8000-000000000021','Julkaistu uutinen','2019-03-01T10:00:00Z','2019-03-01T09:00:00Z','2019-03-04T12:00:00Z'),
 (22,'urn:uuid:00000000-0000-4000-8000-000000000022','Ajastettu uutinen','2999-01-01T10:00:00Z','2019-03-01T09:00:00Z','2019-03-01T09:00:00Z'),
 (23,'urn:uuid:00000000-0000-4000-8000-000000000023','Luonnos',NULL,'2019-03-01T09:00:00Z','2019-03-01T09:00:00Z');
INSERT INTO publication(id,title,year,type,published_at,created_at,updated_at) VALUES
 (31,'Raportti',2017,'report','2018-01-10T10:00:00Z','2018-01-10T10:00:00Z','2018-01-11T10:00:00Z'),
 (32,'Keskeneräinen',2020,'final',NULL,'2020-01-10T10:00:00Z','2020-01-10T10:00:00Z');
INSERT INTO video(id,title,published_at,created_at,updated_at) VALUES
 (41,'Mikä on Kunteko-ohjelma?','2016-02-01T10:00:00Z','2016-02-01T10:00:00Z','2016-02-02T10:00:00Z'),
 (42,'Piilovideo',NULL,'2016-02-01T10:00:00Z','2016-02-01T10:00:00Z');
INSERT INTO event(id,uid,kind,title,starts_at,ends_at,published_at,created_at,updated_at) VALUES
 (51,'urn:uuid:00000000-0000-4000-8000-000000000051','webinar','Webinaari','2020-05-05T09:00','2020-05-05T10:00','2020-04-01T10:00:00Z','2020-04-01T10:00:00Z','2020-04-02T10:00:00Z'),
 (52,'urn:uuid:00000000-0000-4000-8000-000000000052','event','Suunnitteilla','2020-06-05T09:00','2020-06-05T10:00',NULL,'2020-04-01T10:00:00Z','2020-04-01T10:00:00Z');
INSERT INTO site_page(slug,title_fi,body_fi,updated_at,updated_by,custom,menu_position) VALUES
 ('tietoa-ohjelmasta','Tietoa ohjelmasta','Teksti.','2020-01-01T10:00:00Z','staff@example.fi',1,1),
 ('piilo','Piilo','Ei valikossa.','2020-01-02T10:00:00Z','staff@example.fi',1,NULL);
INSERT INTO survey(id,key,title,definition,results_public,created_at,updated_at) VALUES
 (71,'julkinen','Julkiset tulokset','{}',1,'2020-01-01T00:00:00Z','2020-01-01T00:00:00Z'),
 (72,'sisainen','Sisäiset tulokset','{}',0,'2020-01-01T00:00:00Z','2020-01-01T00:00:00Z');
INSERT INTO award_round(id,year,published_at,created_at,updated_at) VALUES
 (61,2019,'2019-11-21T10:00:00Z','2019-04-15T09:00:00Z','2019-11-21T10:00:00Z'),
 (62,2020,NULL,'2020-04-15T09:00:00Z','2020-04-15T09:00:00Z');"
serve_with --base-url "$SITE" # not --quiet: the access log says which answers came from the cache

get /sitemap.xml; map=$BODY
expect_eq "the sitemap answers" "$STATUS" 200
expect_contains "as XML" "$(header Content-Type)" "application/xml"
echo "$map" >"$TMP/sitemap.xml"
check "the sitemap is well-formed (xmllint)" xmllint --noout "$TMP/sitemap.xml"
expect_contains "in the sitemaps.org 0.9 namespace" "$map" '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
# every <loc> with its <lastmod>, one per line: "URL LASTMOD"
"$PYTHON" - "$TMP/sitemap.xml" >"$TMP/locs" <<'PY'
import sys, xml.etree.ElementTree as ET
ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
for u in ET.parse(sys.argv[1]).getroot().findall("s:url", ns):
    print(u.findtext("s:loc", namespaces=ns), u.findtext("s:lastmod", default="-", namespaces=ns))
PY
locs=$(cat "$TMP/locs")
has() { grep -qx -- "$SITE$1 $2" "$TMP/locs"; }
lacks_loc() { ! grep -q -- "^$SITE$1 " "$TMP/locs"; }
check "every address is absolute from the base URL" test "$(grep -vc "^$SITE/" "$TMP/locs")" -eq 0
check "no address twice" test "$(cut -d' ' -f1 "$TMP/locs" | sort | uniq -d | wc -l)" -eq 0
check "the front page" has / -
check "the deeds list" has /tekot -
check "the services list" has /palvelut -
check "the statistics" has /tilastot -
check "the awards" has /palkinnot -
check "a published deed, with its last change" has /tekot/11 2019-06-02T09:30:00Z
check "a submitted deed is not listed" lacks_loc /tekot/12
check "a rejected deed is not listed" lacks_loc /tekot/13
check "the services" has /palvelut/1 "$(q "SELECT updated_at FROM service WHERE id=1")"
check "the second service" grep -q "^$SITE/palvelut/2 " "$TMP/locs"
check "a page staff made, with its last save" has /sivu/tietoa-ohjelmasta 2020-01-01T10:00:00Z
check "a page outside the menu is public too" has /sivu/piilo 2020-01-02T10:00:00Z
check "the accessibility statement (default text: no lastmod)" has /saavutettavuus -
check "the privacy notice" has /tietosuoja -
check "a published award year" has /palkinnot/2019 2019-11-21T10:00:00Z
check "an unpublished award year is not listed" lacks_loc /palkinnot/2020
check "the evaluation report is not listed while a draft" lacks_loc /arviointi
check "a survey's public results" has /kyselyt/71/tulokset -
check "a survey's results not made public are not listed" lacks_loc /kyselyt/72/tulokset
# news, publications, videos and events: listed when this build has their pages (the other parts of #15)
for kind in "uutiset 21 2019-03-04T12:00:00Z 22 23" "julkaisut 31 2018-01-11T10:00:00Z 32" \
  "videot 41 2016-02-02T10:00:00Z 42" "tapahtumat 51 2020-04-02T10:00:00Z 52"; do
  set -- $kind
  path=$1 id=$2 at=$3; shift 3
  get "/$path/$id"
  if [ "$STATUS" = 404 ] && ! "$KEHTO" routes | grep -q "^GET /$path/{id} public"; then
    echo "# /$path/{id} is not in this build: skipped"
    check "no /$path items without their pages" lacks_loc "/$path/$id"
    continue
  fi
  check "published /$path/$id is listed with its last change" has "/$path/$id" "$at"
  check "the /$path list page is listed" has "/$path" -
  for hidden in "$@"; do check "unpublished /$path/$hidden is not listed" lacks_loc "/$path/$hidden"; done
done
expect_contains "Swedish alternative of a page" "$map" "hreflang=\"sv\" href=\"$SITE/sv/sivu/tietoa-ohjelmasta\""
expect_contains "Swedish front page is /sv" "$map" "hreflang=\"sv\" href=\"$SITE/sv\"/>"

# a scheduled news item appears at its time without a write (the server drops the page cache at that time): the
# sitemap is asked often enough before it to be served from the cache (each server thread's connection drops the cache
# on its first look at the data version, so a page is cached only after a few requests)
soon_epoch=$(($(date -u +%s) + 8))
soon=$(date -u -d "@$soon_epoch" +%Y-%m-%dT%H:%M:%SZ)
q "UPDATE news SET publish_at='$soon' WHERE id=22; UPDATE data_version SET n = n + 1" # as a write through kehto does
get /sitemap.xml
expect_lacks "the scheduled item is not listed before its time" "$BODY" "/uutiset/22<"
for _ in $(seq 1 12); do get /sitemap.xml; sleep 0.05; done
expect_lacks "nor from the cache" "$BODY" "/uutiset/22<"
if "$KEHTO" routes | grep -q "^GET /uutiset/{id} public"; then
  while [ "$(date -u +%s)" -le "$soon_epoch" ]; do sleep 0.2; done
  get /sitemap.xml
  expect_contains "once its time has come it is listed, with no write in between" "$BODY" "<loc>$SITE/uutiset/22</loc>"
fi

# a change shows at once: a deed published, a page deleted
q "UPDATE deed SET status='published', published_at='2019-07-01T00:00:00Z' WHERE id=12; DELETE FROM site_page WHERE slug='piilo';
  UPDATE data_version SET n = n + 1" # a hand edit bumps the page cache's counter (db/schema.c)
get /sitemap.xml
expect_contains "a newly published deed is listed" "$BODY" "<loc>$SITE/tekot/12</loc>"
expect_lacks "a deleted page is gone" "$BODY" "/sivu/piilo<"

q "DELETE FROM news WHERE id IN (22, 23)"
# cached_hits: how many sitemap answers came from the page cache (the access log marks them)
cached_hits() { grep -c 'GET /sitemap.xml 200 .* cached' "$TMP/server.log"; }
for _ in $(seq 1 12); do get /sitemap.xml; sleep 0.05; done
check "the sitemap is served from the page cache" test "$(cached_hits)" -gt 0

get /robots.txt
expect_eq "robots.txt answers" "$STATUS" 200
expect_contains "robots.txt names the sitemap" "$BODY" "Sitemap: $SITE/sitemap.xml"
expect_contains "as plain text" "$(header Content-Type)" "text/plain"

finish
