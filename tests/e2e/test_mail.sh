# End-to-end: mail through a real SMTP server on loopback (smtp_sink.py). `kehto mail test` is sent by a running
# `kehto serve --smtp` with a text and an HTML part; a 451 is tried again, a 550 ends 'failed' and shows on
# /hallinta/viestit; without --smtp messages stay queued and staff see them; messages queued when they cannot be sent
# survive a kill -9 and are sent once after the restart; two servers on one database send each message once.
source "$(dirname "$0")/lib.sh"
init_db
add_staff staff@example.fi staff
add_staff admin@example.fi admin
export KEHTO_MAIL_BACKOFF_MS=300 KEHTO_MAIL_LEASE_MS=3000 # retries and a crashed sender's claim, in test time
SUBJECT="Kehto: testiviesti – sähköposti toimii"
status_of() { q "SELECT status FROM outbox WHERE recipient = '$1'"; }
# wait_status ADDRESS STATUS: waits at most 60 s until the message to ADDRESS has STATUS (a deadline, not a count of
# tries: under make check's load the sanitized sender and each try are many times slower)
wait_status() {
  local end=$((SECONDS + 60))
  while ((SECONDS < end)); do [ "$(status_of "$1")" = "$2" ] && return 0; sleep 0.05; done
  return 1
}

# --- the CLI: wrong arguments are usage errors ---
"$KEHTO" mail test not-an-address --db "$DB" >/dev/null 2>&1
expect_eq "mail test refuses a bad address (usage, 2)" "$?" 2
"$KEHTO" mail list --status lost --db "$DB" >/dev/null 2>&1
expect_eq "mail list refuses an unknown status" "$?" 2
"$KEHTO" mail retry x --db "$DB" >/dev/null 2>&1
expect_eq "mail retry refuses a non-number" "$?" 2
"$KEHTO" mail retry 99 --db "$DB" >/dev/null 2>&1
expect_eq "mail retry of no message is an error" "$?" 1
"$KEHTO" serve --db "$DB" --smtp http://127.0.0.1:25 >/dev/null 2>&1
expect_eq "serve refuses an --smtp that is not smtp://" "$?" 2
"$KEHTO" serve --db "$DB" --smtp-user x >/dev/null 2>&1
expect_eq "serve refuses --smtp-user without --smtp" "$?" 2

# --- without --smtp: kept in the outbox, shown to staff ---
start_server
for _ in $(seq 1 100); do grep -q "mail: kept" "$TMP/server.log" && break; sleep 0.05; done
expect_contains "the server says mail is kept" "$(cat "$TMP/server.log")" "mail: kept in the outbox (no --smtp)"
"$KEHTO" mail test anna@example.fi --db "$DB" >/dev/null
sleep 1.1 # a sender would have looked (each looks every second): there is none
expect_eq "without --smtp the message stays queued" "$(status_of anna@example.fi)" queued
expect_contains "mail list shows it" "$("$KEHTO" mail list --status queued --db "$DB")" "anna@example.fi"
login staff@example.fi vihrea-kettu-93-Rq
get /hallinta/viestit
expect_eq "staff see the outbox" "$STATUS" 200
expect_contains "the outbox says nothing is sent" "$BODY" "palvelimelle ei ole annettu SMTP-palvelinta"
expect_contains "the outbox lists the message" "$BODY" "anna@example.fi"
expect_contains "with its status" "$BODY" "Jonossa"
stop_server

# --- with --smtp: sent, with text and HTML ---
start_sink
start_server --smtp "smtp://127.0.0.1:$SINK_PORT" --mail-from kehto@example.fi
# (said once the sender has its connection, which may be just after the server answers)
for _ in $(seq 1 100); do grep -q "mail: via" "$TMP/server.log" && break; sleep 0.05; done
expect_contains "the server says where mail goes" "$(cat "$TMP/server.log")" "mail: via smtp://127.0.0.1:$SINK_PORT"
if wait_mail 1; then ok "the queued message arrives"; else not_ok "the queued message arrives" "$(cat "$TMP/server.log")"; fi
m=$(mail_last)
expect_eq "To" "$(mail_read "$m" To)" "anna@example.fi"
expect_eq "From" "$(mail_read "$m" From)" "kehto@example.fi"
expect_eq "Subject (UTF-8, encoded)" "$(mail_read "$m" Subject)" "$SUBJECT"
expect_contains "the raw subject is RFC 2047" "$(grep -i '^Subject:' "$m")" "=?UTF-8?B?"
expect_contains "a text and an HTML part" "$(mail_read "$m" types)" "multipart/alternative text/plain text/html"
expect_contains "the text part, decoded" "$(mail_read "$m" text)" "sähköpostin lähetys toimii"
expect_contains "the HTML part, decoded" "$(mail_read "$m" html)" "<p>Tämä on Kehdon testiviesti."
expect_contains "Message-ID" "$(mail_read "$m" Message-ID)" "<kehto-1."
expect_eq "Auto-Submitted" "$(mail_read "$m" Auto-Submitted)" "auto-generated"
wait_status anna@example.fi sent
expect_eq "the message is marked sent" "$(status_of anna@example.fi)" sent
get /hallinta/viestit
expect_lacks "with --smtp no note" "$BODY" "palvelimelle ei ole annettu SMTP-palvelinta"

# --- 451: tried again later ---
sink_answer 451
"$KEHTO" mail test bertta@example.fi --db "$DB" >/dev/null
end=$((SECONDS + 60))
while ((SECONDS < end)); do
  [ "$(q "SELECT attempts FROM outbox WHERE recipient='bertta@example.fi'")" -ge 2 ] && break; sleep 0.05
done
expect_eq "a 451 is tried again" "$(q "SELECT attempts >= 2 AND status IN ('queued','sending') FROM outbox WHERE recipient='bertta@example.fi'" | sed 's/t/1/')" 1
expect_contains "the 451 is recorded" "$(q "SELECT last_error FROM outbox WHERE recipient='bertta@example.fi'")" "451"
sink_answer ""
if wait_status bertta@example.fi sent; then ok "after the 451 it is sent"; else not_ok "after the 451 it is sent"; fi
expect_eq "the sink has it once" "$(grep -l '^To: bertta@example.fi' "$SINK"/*.eml | wc -l)" 1

# --- 550: failed, shown, retried by staff ---
sink_answer 550
"$KEHTO" mail test cecilia@example.fi --db "$DB" >/dev/null
if wait_status cecilia@example.fi failed; then ok "a 550 ends failed"; else not_ok "a 550 ends failed"; fi
expect_eq "after one attempt" "$(q "SELECT attempts FROM outbox WHERE recipient='cecilia@example.fi'")" 1
sink_answer ""
get "/hallinta/viestit?status=failed"
expect_contains "the failed message is listed" "$BODY" "cecilia@example.fi"
expect_contains "with its error" "$BODY" "550"
id=$(q "SELECT id FROM outbox WHERE recipient='cecilia@example.fi'")
get "/hallinta/viestit/$id"
expect_contains "its page shows the text" "$BODY" "Kehdon testiviesti"
post "/hallinta/viestit/$id/uudelleen" "csrf=$(csrf_from "$BODY")"
expect_eq "staff retry it" "$STATUS" 303
if wait_status cecilia@example.fi sent; then ok "the retried message is sent"; else not_ok "the retried message is sent"; fi

# --- an invitation's text is for admins only ---
q "INSERT INTO outbox(kind, recipient, lang, subject, body_text, body_html, status, next_at, created_at)
   VALUES('invite', 'dora@example.fi', 'fi', 'Kutsu', 'Kertakäyttöinen linkki: /kutsu/SALAINEN', '', 'failed', 0, 0)"
id=$(q "SELECT id FROM outbox WHERE recipient='dora@example.fi'")
get "/hallinta/viestit/$id"
expect_lacks "staff do not see an invitation's link" "$BODY" "SALAINEN"
expect_contains "staff are told why" "$BODY" "vain ylläpitäjät"
rm -f "$TMP/jar"
login admin@example.fi vihrea-kettu-93-Rq
get "/hallinta/viestit/$id"
expect_contains "an admin sees it" "$BODY" "SALAINEN"
q "DELETE FROM outbox WHERE recipient='dora@example.fi'"
stop_server

# --- kill -9: messages that could not be sent yet survive and are sent once ---
DEAD=$(free_port) # nothing listens there
start_server --smtp "smtp://127.0.0.1:$DEAD"
for i in 1 2 3 4 5; do "$KEHTO" mail test "crash$i@example.fi" --db "$DB" >/dev/null; done
end=$((SECONDS + 60))
while ((SECONDS < end)); do
  [ "$(q "SELECT count(*) FROM outbox WHERE recipient LIKE 'crash%' AND attempts > 0")" -eq 5 ] && break; sleep 0.05
done
expect_eq "they were tried and not sent" "$(q "SELECT count(*) FROM outbox WHERE recipient LIKE 'crash%' AND status <> 'sent'")" 5
kill -9 "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null; SERVER_PID=
"$KEHTO" mail test crash6@example.fi --db "$DB" >/dev/null # queued while no server runs
before=$(sink_count)
start_server --smtp "smtp://127.0.0.1:$SINK_PORT"
if wait_mail $((before + 6)); then ok "after the restart all six arrive"; else not_ok "after the restart all six arrive" "$(sink_count)"; fi
sleep 1.1 # a second look by any sender (each looks every second) would have sent a duplicate by now
for i in 1 2 3 4 5 6; do
  n=$(grep -l "^To: crash$i@example.fi" "$SINK"/*.eml | wc -l)
  [ "$n" -eq 1 ] || not_ok "crash$i arrives exactly once" "$n times"
done
expect_eq "each exactly once" "$(sink_count)" $((before + 6))
expect_eq "all marked sent" "$(q "SELECT count(*) FROM outbox WHERE recipient LIKE 'crash%' AND status = 'sent'")" 6
stop_server

# --- two servers on one database: each message is sent once ---
for i in $(seq 1 30); do "$KEHTO" mail test "pari$i@example.fi" --db "$DB" >/dev/null; done
before=$(sink_count)
serve_pid() { # serve_pid: one more server with --smtp to the sink; its pid in $SPID
  local port; port=$(free_port)
  # the real claim's length (a live sender is never overtaken: its SMTP timeout is shorter), not the crash test's 3 s,
  # which a send on a loaded machine can outlast
  KEHTO_MAIL_LEASE_MS=300000 "$KEHTO" serve --db "$DB" --port "$port" --quiet --smtp "smtp://127.0.0.1:$SINK_PORT" \
    >>"$TMP/server.log" 2>&1 &
  SPID=$!
}
serve_pid; PA=$SPID
serve_pid; PB=$SPID
if wait_mail $((before + 30)) 90; then ok "two servers send all 30"; else not_ok "two servers send all 30" "$(sink_count)"; fi
sleep 1.1 # a second look by any sender (each looks every second) would have sent a duplicate by now
kill "$PA" "$PB"; wait "$PA" "$PB" 2>/dev/null
expect_eq "no message twice (30 new files)" "$(sink_count)" $((before + 30))
dups=$(grep -hi '^Message-ID:' "$SINK"/*.eml | sort | uniq -d | wc -l)
expect_eq "no Message-ID twice" "$dups" 0
expect_eq "30 recipients, once each" "$(grep -h '^To: pari' "$SINK"/*.eml | sort -u | wc -l)" 30
expect_eq "all marked sent" "$(q "SELECT count(*) FROM outbox WHERE recipient LIKE 'pari%' AND status = 'sent'")" 30
both=$(grep -c "mail: via" "$TMP/server.log")
expect_eq "both servers sent mail" "$((both >= 2))" 1

finish
