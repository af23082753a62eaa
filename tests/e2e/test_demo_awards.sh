# End-to-end: the demo programme's 2019 award round on either engine: 212 nominated published deeds in five
# categories, 41 decisions with citations in three languages, a jury of eight with its chair, the conflicts that the
# jurors' organisations and coach profiles give recorded with their reasons, no score from a juror on a deed hidden
# from them and every other score given, the round published without mail; the same data from the same seed.
source "$(dirname "$0")/lib.sh"
demo_db # the run's demo (tests/e2e/run makes it once with `kehto demo`); a second build below is compared with it

# A juror's conflicts as the data gives them (model/award.h).
FOUND="SELECT u.id AS user_id, d.id AS deed_id, 'org' AS kind FROM \"user\" u JOIN deed d ON d.org_id=u.org_id
  WHERE u.role='jury' AND d.id IN (SELECT deed_id FROM award_nomination)
  UNION SELECT u.id, d.id, 'coach' FROM \"user\" u JOIN delivery dl ON dl.coach_id=u.coach_id
  JOIN delivery_org x ON x.delivery_id=dl.id JOIN deed d ON d.org_id=x.org_id
  WHERE u.role='jury' AND d.id IN (SELECT deed_id FROM award_nomination)"

expect_eq "one round, 2019, published and its winners' contacts marked told" \
  "$(q "SELECT count(*) FROM award_round WHERE year=2019 AND published_at IS NOT NULL AND notified_at IS NOT NULL")" 1
expect_eq "five categories named in three languages" \
  "$(q "SELECT count(*) FROM award_category WHERE name<>'' AND name_sv<>'' AND name_en<>'' AND description_en<>''")" 5
expect_eq "212 nominated published deeds" \
  "$(q "SELECT count(*) FROM award_nomination n JOIN deed d ON d.id=n.deed_id
        WHERE n.status='nominated' AND d.status='published'")" 212
expect_eq "41 decided, each with its citation in Finnish, Swedish and English" \
  "$(q "SELECT count(*) FROM award_nomination WHERE result IS NOT NULL AND citation<>'' AND citation_sv<>''
        AND citation_en<>''")" 41
expect_eq "eight jury accounts without a password, the chair among the jurors" \
  "$(q "SELECT count(*) FROM \"user\" u WHERE role='jury' AND password_hash='' AND email LIKE '%@example.fi'
        AND EXISTS(SELECT 1 FROM award_juror j WHERE j.user_id=u.id)")/$(q "SELECT count(*) FROM award_round r
        JOIN award_juror j ON j.user_id=r.chair_id")" "8/2"
expect_eq "the data gives conflicts of both kinds" \
  "$(q "SELECT count(DISTINCT kind) FROM ($FOUND) x")" 2
expect_eq "each is recorded with its reason" \
  "$(q "SELECT count(*) FROM ($FOUND) x WHERE NOT EXISTS(SELECT 1 FROM award_conflict c WHERE c.user_id=x.user_id
        AND c.deed_id=x.deed_id AND c.kind=x.kind AND c.reason LIKE 'Tuomarin %')")" 0
expect_eq "two conflicts declared by jurors" "$(q "SELECT count(*) FROM award_conflict WHERE kind='declared'")" 2
expect_eq "no juror scored a deed hidden from them" \
  "$(q "SELECT count(*) FROM award_score s JOIN award_nomination n ON n.id=s.nomination_id
        WHERE EXISTS(SELECT 1 FROM award_conflict c WHERE c.user_id=s.user_id AND c.deed_id=n.deed_id)")" 0
expect_eq "every juror scored every criterion of every nomination they may see" \
  "$(q "SELECT count(*) FROM award_juror j JOIN award_nomination n ON n.category_id=j.category_id
        AND n.status='nominated' JOIN award_criterion k ON k.round_id=n.round_id
        WHERE NOT EXISTS(SELECT 1 FROM award_conflict c WHERE c.user_id=j.user_id AND c.deed_id=n.deed_id)
        AND NOT EXISTS(SELECT 1 FROM award_score s WHERE s.nomination_id=n.id AND s.criterion_id=k.id
        AND s.user_id=j.user_id)")" 0
expect_eq "the demo sends no mail" "$(q "SELECT count(*) FROM outbox")" 0

# the same seed gives the same round
DIGEST="SELECT count(*) || ':' || sum(score * criterion_id) || ':' || sum(nomination_id * score) FROM award_score"
DECIDED="SELECT count(*) || ':' || sum(deed_id * CASE result WHEN 'award' THEN 3 ELSE 7 END) FROM award_nomination
  WHERE result IS NOT NULL"
first="$(q "$DIGEST")/$(q "$DECIDED")"
if on_pg; then
  psql "${DB%/*}/postgres" -Xq -v ON_ERROR_STOP=1 -c "DROP DATABASE \"${DB##*/}\" WITH (FORCE)" \
    -c "CREATE DATABASE \"${DB##*/}\"" >/dev/null
else
  rm -f "$DB" "$DB-wal" "$DB-shm"
fi
init_db
OUT=$("$KEHTO" demo --db "$DB" 2>&1)
expect_contains "kehto demo tells of the award round" "$OUT" \
  "the 2019 award round with 212 nominations, 8 jurors"
expect_eq "a second build from the same seed gives the same scores and decisions" "$(q "$DIGEST")/$(q "$DECIDED")" \
  "$first"
finish
