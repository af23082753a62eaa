# End-to-end: login throttling without lockout (issue #7, section 4): wrong passwords slow guessing with a growing
# delay capped at 30 s (429 with Retry-After), refusals do not extend it, and after 50 guesses by someone else from the
# owner's own address the owner logs in at once from a browser that has logged in before (device cookie) and within
# 30 s from a new one; failed and refused tries are in the audit log (/hallinta/loki).
source "$(dirname "$0")/lib.sh"
init_db
add_staff staff@example.fi
add_staff other@example.fi
start_server

# advance SECONDS: as if that much time had passed for the throttle (its times are ms since the epoch)
advance() { q "UPDATE login_throttle SET last_at=last_at-$1*1000, next_at=next_at-$1*1000"; }
# as JAR EMAIL PASSWORD: a login try from the browser whose cookies are in $TMP/JAR
as() {
  local JAR=$TMP/$1
  login "$2" "$3"
}
# attack N: N wrong passwords for staff@example.fi from a fresh browser, each retried as soon as it is allowed.
# After each failure the wait the account's bucket asks for goes to $DELAYS (exact: it depends only on the failures
# counted); each refusal goes to $SEEN as the wait it fell in and its Retry-After, "WAIT:RA" (the Retry-After is the
# rest of that wait in whole seconds rounded up: a loaded machine may take a few seconds to send the next try, and a
# short wait may be over before it comes, so it is not seen at all); the number of refusals goes to $REFUSED
attack() {
  local fails=0 ra delay=0
  rm -f "$TMP/attacker"; SEEN=""; DELAYS=""; REFUSED=0
  while [ $fails -lt "$1" ]; do
    as attacker staff@example.fi "guess$RANDOM"
    if [ "$STATUS" = 422 ]; then
      fails=$((fails + 1))
      delay=$(q "SELECT (next_at-last_at)/1000 FROM login_throttle WHERE key='acct:staff@example.fi'")
      DELAYS="$DELAYS $delay"
    elif [ "$STATUS" = 429 ]; then
      ra=$(header Retry-After); SEEN="$SEEN $delay:$ra"; REFUSED=$((REFUSED + 1))
      [ -n "$ra" ] && [ "$ra" -ge 1 ] && [ "$ra" -le 30 ] || { not_ok "attack: refusal with a Retry-After of 1..30 s" "got '$ra'"; return; }
      advance "$ra"
    else not_ok "attack: a wrong password is answered 422 or 429" "got $STATUS"; return; fi
  done
}
# waits_ok SEEN: each refusal came in a wait (never after a free failure), once per wait, and its Retry-After is at
# most that wait and at most 10 s less (a loaded machine's password checks delay the next try); the waits of 16 s and
# of the 30 s cap were all seen
waits_ok() {
  "$PYTHON" -c 'import sys
pairs = [tuple(map(int, p.split(":"))) for p in sys.argv[1].split()]
waits = [w for w, _ in pairs]
short = [w for w in waits if w != 30]
ok = all(w > 0 and w - 10 < ra <= w for w, ra in pairs) and len(set(short)) == len(short)
ok = ok and waits.count(30) == 41 and 16 in waits
sys.exit(not ok)' "$1"
}

# the owner logs in once from their own browser: it gets a device cookie
as owner staff@example.fi vihrea-kettu-93-Rq
expect_eq "the owner logs in" "$STATUS" 303
cookie=$(grep -i '^set-cookie: kehto_device=' "$TMP/h")
expect_contains "a successful login gives the browser a device cookie" "$cookie" "HttpOnly; SameSite=Lax"
check "the device cookie lasts for months" grep -qi 'kehto_device=[0-9a-f]\{64\}; .*Max-Age=15552000' <<<"$cookie"
JAR=$TMP/owner; get /; post /kirjaudu-ulos "csrf=$(csrf_from "$BODY")"; unset JAR

# 50 guesses from the owner's address (127.0.0.1), each as soon as allowed: the delays grow and stop at 30 s
attack 50
expect_eq "the account's waits grow 1, 2, 4, 8, 16 s after 3 free failures and then stay at the 30 s cap" "$DELAYS" \
  " 0 0 0 1 2 4 8 16$(printf ' 30%.0s' $(seq 1 42))"
if waits_ok "$SEEN"; then ok "Retry-After says the rest of each wait: 1, 2, 4, 8 (when not over before the next try), 16, then 30 s"
else not_ok "Retry-After says the rest of each wait: 1, 2, 4, 8 (when not over before the next try), 16, then 30 s" "got$SEEN"; fi
as attacker staff@example.fi wrong-again
expect_eq "right after a failure the next guess is refused with 429" "$STATUS" 429
ra=$(header Retry-After)
check "the refusal asks for at most 30 s" test "$ra" -le 30 -a "$ra" -ge 28
expect_contains "the refusal says why and when, in Finnish" "$BODY" \
  "Liian monta epäonnistunutta kirjautumisyritystä peräkkäin. Yritä uudelleen $ra sekunnin kuluttua."
before=$(q "SELECT count(*) FROM audit WHERE action='login-throttled'")
for _ in 1 2 3 4 5 6 7 8 9 10; do as attacker staff@example.fi wrong-again; done
ra=$(header Retry-After)
check "refused retries do not extend the wait" test "$ra" -le 30
expect_eq "a flood of refused retries leaves a couple of audit rows, not one each" \
  "$(q "SELECT count(*) FROM audit WHERE action='login-throttled'")" "$((before + 1))"
get /sv/kirjaudu; post /sv/kirjaudu "csrf=$(csrf_from "$BODY")" "email=staff@example.fi" "password=x"
check "the refusal in Swedish" grep -q "För många misslyckade inloggningsförsök i rad. Försök igen om [0-9]* sekunder." \
  <<<"$BODY"
get /en/kirjaudu; post /en/kirjaudu "csrf=$(csrf_from "$BODY")" "email=staff@example.fi" "password=x"
check "the refusal in English, the seconds translated too" \
  grep -q "Too many failed login attempts in a row. Try again in [0-9]* seconds." <<<"$BODY"
advance "$ra"
as attacker staff@example.fi wrong-again
expect_eq "once the wait asked for has passed, a guess is checked again" "$STATUS" 422

# the owner's known browser logs in at once, though the account and the address are both throttled
as owner staff@example.fi vihrea-kettu-93-Rq
expect_eq "after 50 guesses by someone else the owner's own browser logs in at once" "$STATUS" 303

# a new browser: the owner waits at most 30 s once the attacker pauses, and needs no one's help
attack 20
as newdevice staff@example.fi vihrea-kettu-93-Rq
expect_eq "after another 20 guesses a new browser of the owner is asked to wait" "$STATUS" 429
wait_s=$(header Retry-After)
check "... at most 30 s" test "$wait_s" -le 30
advance "$wait_s"
as newdevice staff@example.fi vihrea-kettu-93-Rq
expect_eq "... and then logs in with the right password" "$STATUS" 303
as owner staff@example.fi vihrea-kettu-93-Rq
expect_eq "the owner's known browser is still let in" "$STATUS" 303

# another account from the same (shared) address waits at most the cap too: there is no lockout by address
attack 10
as colleague other@example.fi vihrea-kettu-93-Rq
if [ "$STATUS" = 429 ]; then
  ra=$(header Retry-After)
  check "a colleague behind the same address waits at most 30 s" test "$ra" -le 30
  advance "$ra"
  as colleague other@example.fi vihrea-kettu-93-Rq
fi
expect_eq "a colleague behind the same address logs in" "$STATUS" 303

# a device cookie of another account does not spare anyone the throttle
attack 5
as colleague staff@example.fi vihrea-kettu-93-Rq
expect_eq "a device cookie for another account does not skip the throttle" "$STATUS" 429

# the audit log: every failed guess (who: the account tried, from which address) and the refusals, in a few rows
expect_eq "every failed login is in the audit log, with the address and the account tried" \
  "$(q "SELECT count(*) FROM audit WHERE action='login-failed' AND actor='127.0.0.1' AND subject='user:1'")" \
  "$((50 + 1 + 20 + 10 + 5))"
refusals=$(q "SELECT count(*) FROM audit WHERE action='login-throttled' AND actor='127.0.0.1'")
check "refused tries are in the audit log" test "$refusals" -gt 0
advance 30; as nobody nobody@example.fi wrong-password
expect_eq "a failed login for an unknown account is logged without the typed email" \
  "$(q "SELECT count(*) FROM audit WHERE action='login-failed' AND subject='login' AND detail NOT LIKE '%nobody%'")" 1
rm -f "$TMP/jar"; advance 30; login other@example.fi vihrea-kettu-93-Rq
get /hallinta/loki
expect_contains "staff see failed logins on /hallinta/loki" "$BODY" "<td>127.0.0.1</td><td>login-failed</td><td>user:1</td>"
expect_contains "... and refused ones" "$BODY" "<td>login-throttled</td>"

finish
