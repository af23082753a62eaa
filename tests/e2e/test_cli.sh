# End-to-end: the command line: help, usage errors, init, demo, user add/list, backup, search, serve arguments.
source "$(dirname "$0")/lib.sh"

run() { OUT=$("$KEHTO" "$@" 2>&1); RC=$?; }
expect_rc() { if [ "$RC" -eq "$2" ]; then ok "$1"; else not_ok "$1" "exit $RC, wanted $2: $OUT"; fi; }

run help
expect_rc "help exits 0" 0
for c in init demo serve "import deeds" search "user add" "user list" backup; do
  expect_contains "help lists '$c'" "$OUT" "kehto $c"
done
run
expect_rc "no command is a usage error" 2
run frobnicate
expect_rc "unknown command is a usage error" 2
expect_contains "unknown command named" "$OUT" "unknown command 'frobnicate'"
run import
expect_rc "a two-word command with one word is a usage error" 2
expect_contains "it shows the full command" "$OUT" "kehto import deeds FILE.csv"
run init --db "$DB" --bogus
expect_rc "unknown option is a usage error" 2
run search --db "$DB"
expect_rc "search without a query is a usage error" 2
run search kunta --limit x --db "$DB"
expect_rc "search with a bad limit is a usage error" 2

run demo --db "$TMP/none/x.db"
expect_rc "demo into a folder that does not exist fails cleanly" 1
run user list --db "$TMP/missing.db"
expect_rc "a command on a missing database fails with 1" 1
expect_contains "and says how to create one" "$OUT" "kehto init --db"

run init --db "$DB"
expect_rc "init creates the database" 0
run init --db "$DB"
expect_rc "init again is harmless" 0
expect_eq "309 municipalities" "$(q 'SELECT count(*) FROM municipality')" 309
expect_eq "19 regions" "$(q 'SELECT count(*) FROM region')" 19
run demo --db "$DB" --seed 7
expect_rc "demo fills a new database" 0
expect_contains "demo reports what it made" "$OUT" "672 deeds"
run demo --db "$DB"
expect_rc "demo refuses a database with data" 1
run demo --db "$TMP/s.db" --seed abc
expect_rc "demo with a bad seed is a usage error" 2

run user add a@example.fi --role staff --db "$DB" </dev/null
expect_rc "user add without a password generates one" 0
expect_contains "generated password shown once" "$OUT" "Password (shown once):"
generated=$(sed -n 's/.*Password (shown once): //p' <<<"$OUT")
OUT=$(echo "$generated" | "$KEHTO" user add a2@example.fi --role staff --db "$DB" 2>&1); RC=$?
expect_rc "a generated password passes the password rule" 0
OUT=$(echo "short" | "$KEHTO" user add b@example.fi --role staff --db "$DB" 2>&1); RC=$?
expect_rc "a short password is refused" 1
expect_contains "... saying it is too short" "$OUT" "The password must have at least 12 characters."
# passwords of 12 characters or more that are easy to guess are refused, saying why (zxcvbn + Finnish words)
OUT=$(echo "aaaaaaaaaaaa" | "$KEHTO" user add b@example.fi --role staff --db "$DB" 2>&1); RC=$?
expect_rc "aaaaaaaaaaaa is refused" 1
expect_contains "... as repeated characters" "$OUT" "too easy to guess: it repeats the same character"
OUT=$(echo "salasana1234" | "$KEHTO" user add b@example.fi --role staff --db "$DB" 2>&1); RC=$?
expect_rc "salasana1234 is refused" 1
expect_contains "... as a common password or word" "$OUT" "too easy to guess: it is built on a common password or word"
OUT=$(echo "abcdefghijklmn" | "$KEHTO" user add b@example.fi --role staff --db "$DB" 2>&1); RC=$?
expect_contains "abcdefghijklmn is refused as a sequence" "$OUT" "it has characters in sequence"
OUT=$(echo "bvirtanen1985" | "$KEHTO" user add b.virtanen@example.fi --role staff --db "$DB" 2>&1); RC=$?
expect_contains "a password made of the email is refused" "$OUT" "it contains your email address or part of it"
expect_eq "no account was made by a refused password" \
  "$(q "SELECT count(*) FROM \"user\" WHERE email IN ('b@example.fi', 'b.virtanen@example.fi')")" 0
OUT=$(echo "vihrea-kettu-93-Rq" | "$KEHTO" user add b@example.fi --role boss --db "$DB" 2>&1); RC=$?
expect_rc "an unknown role is a usage error" 2
OUT=$(echo "vihrea-kettu-93-Rq" | "$KEHTO" user add not-an-email --role staff --db "$DB" 2>&1); RC=$?
expect_rc "a bad email is refused" 1
OUT=$(echo "vihrea-kettu-93-Rq" | "$KEHTO" user add A@example.fi --role admin --db "$DB" 2>&1); RC=$?
expect_rc "the same email in other case is refused" 1
# contact accounts belong to an organisation: --org ID or Y-tunnus, required for contacts, refused for others
oid=$(q "INSERT INTO org(name, type, ytunnus) VALUES('Yhteystesti Oy', 'yhtio', '0737546-2') RETURNING id")
OUT=$(echo "vihrea-kettu-93-Rq" | "$KEHTO" user add c1@example.fi --role contact --db "$DB" 2>&1); RC=$?
expect_rc "a contact without --org is a usage error" 2
expect_contains "the message names --org" "$OUT" "needs --org"
OUT=$(echo "vihrea-kettu-93-Rq" | "$KEHTO" user add c1@example.fi --role contact --org 999999 --db "$DB" 2>&1); RC=$?
expect_rc "a contact of an unknown organisation id is refused" 1
expect_contains "unknown organisation named" "$OUT" "no organisation '999999'"
OUT=$(echo "vihrea-kettu-93-Rq" | "$KEHTO" user add c1@example.fi --role contact --org 1234567-1 --db "$DB" 2>&1); RC=$?
expect_rc "a contact of an unknown Y-tunnus is refused" 1
OUT=$(echo "vihrea-kettu-93-Rq" | "$KEHTO" user add s1@example.fi --role staff --org "$oid" --db "$DB" 2>&1); RC=$?
expect_rc "any account may name its organisation (staff with --org)" 0
OUT=$(echo "vihrea-kettu-93-Rq" | "$KEHTO" user add s2@example.fi --role boss --db "$DB" 2>&1); RC=$?
expect_rc "an unknown role is a usage error" 2
expect_contains "the roles are named" "$OUT" "evaluator, jury or contact"
OUT=$(echo "vihrea-kettu-93-Rq" | "$KEHTO" user add c1@example.fi --role contact --org "$oid" --db "$DB" 2>&1); RC=$?
expect_rc "a contact with an organisation id is created" 0
OUT=$(echo "vihrea-kettu-93-Rq" | "$KEHTO" user add c2@example.fi --role contact --org 0737546-2 --db "$DB" 2>&1); RC=$?
expect_rc "a contact with a Y-tunnus is created" 0
expect_eq "both contacts belong to the organisation" \
  "$(q "SELECT count(*) FROM \"user\" WHERE role='contact' AND org_id=$oid")" 2
expect_eq "no account was made by the refused commands" \
  "$(q "SELECT count(*) FROM \"user\" WHERE email='s2@example.fi'")" 0
run user list --db "$DB"
expect_rc "user list" 0
expect_contains "user list shows the account and role" "$OUT" "a@example.fi"
expect_lacks "user list never shows password hashes" "$OUT" "argon2"
# user invite: the account without a password, and its invitation in the outbox
run user invite inv@example.fi --db "$DB"
expect_rc "user invite without --role is a usage error" 2
run user invite inv@example.fi --role contact --db "$DB"
expect_rc "user invite of a contact without --org is a usage error" 2
run user invite inv@example.fi --role jury --lang de --db "$DB"
expect_rc "user invite --lang de is a usage error" 2
run user invite inv@example.fi --role contact --org 0737546-2 --lang sv --db "$DB"
expect_rc "user invite of a contact by Y-tunnus" 0
expect_contains "user invite says the mail waits for a server" "$OUT" "outbox"
expect_eq "the invited account has no password yet, its organisation and language" \
  "$(q "SELECT role, org_id, lang, password_hash FROM \"user\" WHERE email='inv@example.fi'")" "contact|$oid|sv|"
expect_eq "one invitation queued, in Swedish" \
  "$(q "SELECT count(*), min(lang), min(kind) FROM outbox WHERE recipient='inv@example.fi'")" "1|sv|invite"
run user invite inv@example.fi --role jury --db "$DB"
expect_rc "inviting an address that has an account fails" 1
run user resend inv@example.fi --db "$DB"
expect_rc "user resend sends a new link" 0
expect_eq "a second invitation queued, the first link replaced" \
  "$(q "SELECT (SELECT count(*) FROM outbox WHERE recipient='inv@example.fi'),
               (SELECT count(*) FROM user_token t JOIN \"user\" u ON u.id=t.user_id WHERE u.email='inv@example.fi')")" "2|1"
run user role inv@example.fi --role jury --db "$DB"
expect_rc "user role changes the role" 0
run user role nobody@example.fi --role jury --db "$DB"
expect_rc "user role of an unknown account fails" 1
expect_contains "and says so" "$OUT" "no account 'nobody@example.fi'"
run user role inv@example.fi --role contact --db "$DB"
expect_rc "a contact without an organisation is refused" 1
run user deactivate inv@example.fi --db "$DB"
expect_rc "user deactivate" 0
run user list --db "$DB"
expect_contains "user list shows the status" "$OUT" "deactivated"
run user resend inv@example.fi --db "$DB"
expect_rc "no invitation for a deactivated account" 1
run user activate inv@example.fi --db "$DB"
expect_rc "user activate" 0
expect_eq "its role and state as set, audited as the CLI" \
  "$(q "SELECT role, active FROM \"user\" WHERE email='inv@example.fi'") $(q "SELECT count(*) FROM audit WHERE actor='cli'
     AND action IN ('user-invite','user-invite-resent','user-update','user-deactivate','user-activate')")" "jury|1 5"

KEHTO_DB="$DB" run search kotihoidon perehdytys --limit 1
expect_rc "several words without quotes are one query" 0
KEHTO_DB="$DB" run search työhyvinvointi --limit 3
expect_rc "search reads \$KEHTO_DB" 0
expect_eq "search prints at most --limit lines" "$(echo "$OUT" | grep -c $'\t')" 3

printf 'title;organisation;municipality;sector;summary;goal;actions;results;year\nA;O;Atlantis;sote;;G;;R;2019\nB;O;Oulu;sote;;G;;R;20x9\nC;O;Oulu;sote;;G;;R;2019\n' >"$TMP/two-bad.csv"
before=$(q 'SELECT count(*) FROM deed')
run import deeds "$TMP/two-bad.csv" --db "$DB"
expect_rc "a file with two bad rows is refused" 1
expect_contains "the first bad row is named" "$OUT" "row 2, column municipality"
expect_contains "the second bad row is named in the same run" "$OUT" "row 3, column year"
expect_eq "nothing was imported" "$(q 'SELECT count(*) FROM deed')" "$before"

if on_pg; then
  run backup "$TMP/backup.db" --db "$DB"
  expect_rc "backup of a PostgreSQL database is refused" 1
  expect_contains "... with a pointer to pg_dump" "$OUT" "pg_dump"
else
  run backup "$TMP/backup.db" --db "$DB"
  expect_rc "backup writes a file" 0
  expect_eq "backup has every deed" "$(sqlite3 "$TMP/backup.db" 'SELECT count(*) FROM deed')" \
    "$(q 'SELECT count(*) FROM deed')"
  expect_eq "backup passes an integrity check" "$(sqlite3 "$TMP/backup.db" 'PRAGMA integrity_check')" ok
  run backup "$TMP/no/such/dir/b.db" --db "$DB"
  expect_rc "backup to a folder that does not exist fails with 1" 1
fi

run serve --db "$DB" --port 99999
expect_rc "serve with a bad port is a usage error" 2
run serve --db "$DB" --bind not-an-address --port 1
expect_rc "serve with a bad address fails" 1
run serve --db "$TMP/missing.db"
expect_rc "serve without a database fails with 1" 1
finish
