# End-to-end: slow clients cannot take the server down. 1,000 sockets from 127.0.0.1 that send a header line every
# 10 s, a trickling POST body and a slow but steady upload, while another address (127.0.0.2) keeps asking for the
# front page: it is answered within a second throughout, the slow sockets are closed by the header deadline (10 s
# from accept) or at once beyond the per-client limit, the trickle is cut, the slow upload passes. About 20 s.
source "$(dirname "$0")/lib.sh"
init_db
start_server
ulimit -n 4096 2>/dev/null || ulimit -n "$(ulimit -Hn)"

"$PYTHON" "$(dirname "$0")/slow_clients.py" "$PORT" 1000 16 >"$TMP/slow.out"
cat "$TMP/slow.out" | sed 's/^/    /'
fig() { sed -n "s/^$1=//p" "$TMP/slow.out"; }
lt() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a + 0 < b + 0) }'; }

expect_eq "all 1000 slow sockets were opened" "$(fig slow_opened)" 1000
expect_eq "no slow socket is still open after 16 s" "$(fig slow_open_at_end)" 0
check "some slow sockets were held until the header deadline" lt 0 "$(fig slow_held)"
check "the per-client limit closed the rest at once (over 900)" lt 900 "$(fig slow_closed_at_once)"
check "held slow sockets lived at least 9.5 s (deadline from accept)" lt 9.5 "$(fig slow_held_min_s)"
check "held slow sockets were closed by 12 s (10 s deadline, 0.5 s watchdog)" lt "$(fig slow_held_max_s)" 12
expect_eq "connections sending a header line every second were closed too" "$(fig busy_closed)" 3
check "... by the header deadline, not an idle timeout (within 12 s)" lt "$(fig busy_max_s)" 12
check "the other address was probed throughout (over 40 probes)" lt 40 "$(fig probe_count)"
expect_eq "every probe from 127.0.0.2 was answered 200" "$(fig probe_failures)" 0
check "every probe was answered within a second" lt "$(fig probe_max_ms)" 1000
expect_eq "the trickling POST body was cut" "$(fig trickle_status)" cut
check "the trickle was cut after about 10 s" lt "$(fig trickle_s)" 12.5
expect_eq "the slow but steady upload (4 kB/s) was answered" "$(fig slow_upload_status)" 403

get /
expect_eq "the server still answers afterwards" "$STATUS" 200
STATUS=$(curl -s -o /dev/null -w '%{http_code}' --data-urlencode "email=a@b.fi" "$BASE/kirjaudu")
expect_eq "a normal POST is answered (403: no CSRF token)" "$STATUS" 403
finish
