# End-to-end: the events calendar (issue #15): staff create webinars and events (Finnish dates and times, bad input
# shown again), deliveries marked "in the calendar" with session times; /tapahtumat lists them with links to the
# service and to applying; /tapahtumat.ics parses with python3-icalendar: a Europe/Helsinki VTIMEZONE, unique UIDs
# that stay after an edit (SEQUENCE goes up), summer times at UTC+3 and winter times at UTC+2, all-day sessions as
# dates, lines folded at 75 octets with CRLF, absolute URLs from the base URL; unpublished and deleted events absent.
source "$(dirname "$0")/lib.sh"
init_db
demo_db
add_staff
start_server --base-url https://kehto.example.fi

XSS='<script>alert(1)</script>'
SVC=$(q "SELECT id FROM service WHERE open=1 ORDER BY id LIMIT 1")
CLOSED=$(q "SELECT id FROM service WHERE open=0 ORDER BY id LIMIT 1")

# --- anonymous ---
get /tapahtumat
expect_eq "calendar is public" "$STATUS" 200
expect_contains "main navigation links the calendar" "$BODY" 'href="/tapahtumat" aria-current="page">Tapahtumat<'
expect_contains "subscription link" "$BODY" 'href="/tapahtumat.ics"'
for p in /hallinta/tapahtumat /hallinta/tapahtumat/uusi; do
  get $p
  expect_eq "anonymous $p is sent to login" "$STATUS" 303
done

# --- staff: create ---
login staff@example.fi vihrea-kettu-93-Rq
get /hallinta/tapahtumat
expect_eq "staff list" "$STATUS" 200
expect_contains "staff menu item" "$BODY" 'href="/hallinta/tapahtumat" aria-current="page">Tapahtumat<'
get /hallinta/tapahtumat/uusi; tok=$(csrf_from "$BODY")
expect_eq "new event form" "$STATUS" 200
post /hallinta/tapahtumat/uusi "csrf=$tok" "kind=webinar" "title=Pysyvä otsikko $XSS" "start_date=31.2.2026" \
  "start_time=25.00" "end_date=1.6.2026" "end_time=9.00" "online_url=javascript:alert(1)" "service=$SVC"
expect_eq "bad event is 422" "$STATUS" 422
expect_contains "start date error beside the field" "$BODY" 'id="e-start_date">Anna päivä muodossa 22.11.2026.'
expect_contains "start time error beside the field" "$BODY" 'id="e-start_time">Anna kellonaika muodossa 9.30.'
expect_contains "address error beside the field" "$BODY" 'id="e-online_url">'
expect_contains "title kept, escaped" "$BODY" 'value="Pysyvä otsikko &lt;script&gt;'
expect_lacks "no raw script" "$BODY" "$XSS"
post /hallinta/tapahtumat/uusi "csrf=$tok" "kind=event" "title=Väärin päin" "start_date=2.6.2026" \
  "start_time=10.00" "end_date=1.6.2026" "end_time=9.00"
expect_contains "end before start refused" "$BODY" 'id="e-end_date">Tapahtuma ei voi päättyä ennen kuin se alkaa.'
expect_eq "nothing saved" "$(q "SELECT count(*) FROM event WHERE title LIKE 'Pysyvä%' OR title='Väärin päin'")" 0

LONG="Kesäkuun webinaarissa käsitellään työhyvinvointia, johtamista; ja tuloksellisuutta. Äänessä ovat kuntien \
kehittäjät, jotka kertovat kokeiluistaan Öjan ja Åminnen kylistä – ääkkösiä riittää rivinvaihtoon asti.
Toinen rivi: \\ kenoviiva. $XSS"
post /hallinta/tapahtumat/uusi "csrf=$tok" "kind=webinar" "title=Kesäwebinaari: työhyvinvointi, johtaminen; ääkköset" \
  "title_en=Summer webinar" "description=$LONG" "start_date=10.6.2026" "start_time=9.30" "end_date=10.6.2026" \
  "end_time=11:00" "online_url=https://example.fi/webinaari" "service=$SVC" "published=1"
expect_eq "summer webinar saved" "$STATUS" 303
SUMMER=$(q "SELECT id FROM event WHERE title LIKE 'Kesäwebinaari%'")
expect_eq "stored in Finnish local time" "$(q "SELECT starts_at||' '||ends_at FROM event WHERE id=$SUMMER")" \
  "2026-06-10T09:30 2026-06-10T11:00"
post /hallinta/tapahtumat/uusi "csrf=$tok" "kind=event" "title=Talvitapahtuma" "start_date=15.1.2027" \
  "start_time=13.00" "end_date=16.1.2027" "end_time=15.30" "place=Helsinki, Kuntatalo" "service=$CLOSED" "published=1"
expect_eq "winter event saved" "$STATUS" 303
WINTER=$(q "SELECT id FROM event WHERE title='Talvitapahtuma'")
post /hallinta/tapahtumat/uusi "csrf=$tok" "kind=event" "title=Luonnostapahtuma" "start_date=20.1.2027" \
  "start_time=13.00" "end_date=20.1.2027" "end_time=14.00"
expect_eq "draft saved" "$STATUS" 303
DRAFT=$(q "SELECT id FROM event WHERE title='Luonnostapahtuma'")
expect_eq "draft is not published" "$(q "SELECT count(*) FROM event WHERE id=$DRAFT AND published_at IS NULL")" 1
expect_eq "audit rows" "$(q "SELECT count(*) FROM audit WHERE subject LIKE 'event:%' AND actor='staff@example.fi'")" 3
stale_post /hallinta/tapahtumat/uusi "stale event form" "Vanhalla tunnisteella" \
  "SELECT count(*) FROM event WHERE title='Vanhalla tunnisteella'" "kind=event" "title=Vanhalla tunnisteella" \
  "start_date=1.2.2027" "start_time=9.00" "end_date=1.2.2027" "end_time=10.00"

# --- a delivery in the calendar, one session timed, one all day ---
DEL=$(q "SELECT d.id FROM delivery d WHERE (SELECT count(*) FROM delivery_session s WHERE s.delivery_id=d.id)>=2
  AND d.remote=0 ORDER BY d.id LIMIT 1")
IFS='|' read -r DSVC DTITLE DSTART DEND DPLACE DCOACH <<<"$(q "SELECT service_id,title,starts_on,ends_on,place,
  coalesce(CAST(coach_id AS TEXT),'') FROM delivery WHERE id=$DEL")"
get /hallinta/toteutukset/$DEL; tok=$(csrf_from "$BODY")
expect_contains "delivery editor has the calendar checkbox" "$BODY" 'name="in_calendar"'
post /hallinta/toteutukset/$DEL "csrf=$tok" "service=$DSVC" "title=$DTITLE" "starts_on=$DSTART" "ends_on=$DEND" \
  "place=$DPLACE" "coach=$DCOACH" "in_calendar=1"
expect_eq "delivery saved in the calendar" "$(q "SELECT in_calendar FROM delivery WHERE id=$DEL")" 1
IFS='|' read -r S1 N1 H1 <<<"$(q "SELECT id,number,held_on FROM delivery_session WHERE delivery_id=$DEL ORDER BY number LIMIT 1")"
S2=$(q "SELECT id FROM delivery_session WHERE delivery_id=$DEL ORDER BY number LIMIT 1 OFFSET 1")
post /hallinta/toteutukset/$DEL/tapaamiset/muokkaa "csrf=$tok" "session=$S1" "number=$N1" "held_on=$H1" \
  "session_place=" "starts_time=12.00" "ends_time=9.00"
expect_contains "session end before start refused" "$BODY" 'Päättymisaika ei voi olla ennen alkamisaikaa.'
post /hallinta/toteutukset/$DEL/tapaamiset/muokkaa "csrf=$tok" "session=$S1" "number=$N1" "held_on=$H1" \
  "session_place=" "starts_time=9.00" "ends_time=12.15"
expect_eq "session times saved" "$(q "SELECT starts_time||'-'||ends_time FROM delivery_session WHERE id=$S1")" "09:00-12:15"

# --- public pages ---
rm -f "$TMP/jar"
get /tapahtumat
expect_contains "upcoming winter event listed" "$BODY" ">Talvitapahtuma</a>"
expect_contains "past summer webinar listed" "$BODY" "Kesäwebinaari: työhyvinvointi"
expect_contains "event time in Finnish form" "$BODY" \
  '<time datetime="2026-06-10T09:30">10.6.2026 klo 9.30</time>–<time datetime="2026-06-10T11:00">11.00</time>'
expect_contains "an event over two days" "$BODY" '15.1.2027 klo 13.00</time> – <time datetime="2027-01-16T15:30">16.1.2027 klo 15.30</time>' 
expect_contains "links to its service" "$BODY" "href=\"/palvelut/$SVC\""
expect_lacks "a past event offers no applying, though its service is open" "$BODY" \
  "href=\"/hakemukset/uusi?service=$SVC\""
expect_lacks "no applying for a closed service" "$BODY" "href=\"/hakemukset/uusi?service=$CLOSED\""
q "UPDATE event SET service_id=$SVC WHERE id=$WINTER" # the list is not cached: no counter to bump
get /tapahtumat
expect_contains "an upcoming event links to applying (open service)" "$BODY" "href=\"/hakemukset/uusi?service=$SVC\""
q "UPDATE event SET service_id=$CLOSED WHERE id=$WINTER"
get /tapahtumat
expect_contains "delivery session listed under its service" "$BODY" "href=\"/palvelut/$DSVC\""
expect_lacks "draft absent" "$BODY" "Luonnostapahtuma"
get /tapahtumat/$SUMMER
expect_eq "event page" "$STATUS" 200
expect_contains "event page links the service" "$BODY" "href=\"/palvelut/$SVC\""
expect_lacks "... and, the event being over, not to applying" "$BODY" "/hakemukset/uusi?service=$SVC"
expect_lacks "raw HTML in the description dropped" "$BODY" "$XSS"
get /en/tapahtumat/$SUMMER
expect_contains "English title" "$BODY" "Summer webinar"
get /tapahtumat/$DRAFT
expect_eq "draft page is 404" "$STATUS" 404

# --- the iCalendar feed ---
get /tapahtumat.ics
expect_eq "feed" "$STATUS" 200
expect_eq "content type" "$(header Content-Type)" "text/calendar; charset=utf-8"
cp "$TMP/body" "$TMP/one.ics"
check_ics() { # check_ics FILE: prints the problems, nothing when all is well
  "$PYTHON" - "$1" "$SUMMER" "$WINTER" "$DRAFT" "$S1" "$S2" "$SVC" <<'PY'
import sys, datetime, icalendar
path, summer, winter, draft, s1, s2, svc = sys.argv[1:]
raw = open(path, 'rb').read()
bad = []
lines = raw.split(b'\r\n')
if not raw.endswith(b'\r\n'): bad.append('does not end with CRLF')
if b'\n' in raw.replace(b'\r\n', b''): bad.append('a bare LF')
for l in lines:
    if len(l) > 75: bad.append('line longer than 75 octets: %r' % l[:40])
    try: l.decode('utf-8')
    except UnicodeDecodeError: bad.append('a UTF-8 character split: %r' % l[:40])
cal = icalendar.Calendar.from_ical(raw)
for k, v in (('VERSION', '2.0'), ('CALSCALE', 'GREGORIAN'), ('METHOD', 'PUBLISH')):
    if str(cal.get(k)) != v: bad.append('%s is %s' % (k, cal.get(k)))
if not cal.get('PRODID') or not cal.get('X-WR-CALNAME'): bad.append('PRODID or X-WR-CALNAME missing')
tz = [c for c in cal.walk('VTIMEZONE') if str(c.get('TZID')) == 'Europe/Helsinki']
if len(tz) != 1 or not tz[0].walk('STANDARD') or not tz[0].walk('DAYLIGHT'): bad.append('no Europe/Helsinki VTIMEZONE')
ev = cal.walk('VEVENT')
uids = [str(e.get('UID')) for e in ev]
if len(uids) != len(set(uids)): bad.append('UIDs not unique')
byurl = {str(e.get('URL')): e for e in ev}
for e in ev:
    if not str(e.get('URL')).startswith('https://kehto.example.fi/'): bad.append('URL not absolute: %s' % e.get('URL'))
    if e.get('DTSTAMP') is None or e.decoded('DTSTAMP').utcoffset() != datetime.timedelta(0): bad.append('DTSTAMP not UTC')
    for k in ('SUMMARY', 'SEQUENCE'):
        if e.get(k) is None: bad.append('%s missing' % k)
utc = datetime.timezone.utc
def ev_of(i):
    return byurl.get('https://kehto.example.fi/tapahtumat/%s' % i)
s = ev_of(summer)
if s is None: bad.append('summer webinar missing')
else:
    if s.decoded('DTSTART').astimezone(utc) != datetime.datetime(2026, 6, 10, 6, 30, tzinfo=utc): bad.append('summer start %s' % s.decoded('DTSTART'))
    if s.decoded('DTEND').astimezone(utc) != datetime.datetime(2026, 6, 10, 8, 0, tzinfo=utc): bad.append('summer end')
    if s['DTSTART'].params.get('TZID') != 'Europe/Helsinki': bad.append('summer TZID')
    if str(s.get('SUMMARY')) != 'Kesäwebinaari: työhyvinvointi, johtaminen; ääkköset': bad.append('summary %r' % str(s.get('SUMMARY')))
    d = str(s.get('DESCRIPTION'))
    if 'johtamista; ja' not in d or '\\ kenoviiva' not in d or '\nToinen rivi' not in d: bad.append('description %r' % d[:200])
    if 'https://kehto.example.fi/palvelut/%s' % svc not in d: bad.append('no service link')
    if '/hakemukset/uusi?service=%s' % svc in d: bad.append('a past event links to applying')
w = ev_of(winter)
if w is None: bad.append('winter event missing')
else:
    if w.decoded('DTSTART').astimezone(utc) != datetime.datetime(2027, 1, 15, 11, 0, tzinfo=utc): bad.append('winter start %s' % w.decoded('DTSTART'))
    if w.decoded('DTEND').astimezone(utc) != datetime.datetime(2027, 1, 16, 13, 30, tzinfo=utc): bad.append('winter end')
    if str(w.get('LOCATION')) != 'Helsinki, Kuntatalo': bad.append('location %r' % str(w.get('LOCATION')))
if ev_of(draft) is not None: bad.append('draft present')
sess = {str(e.get('UID')): e for e in ev}
t = sess.get('delivery-session-%s@kehto' % s1)
if t is None: bad.append('timed session missing')
elif t['DTSTART'].params.get('TZID') != 'Europe/Helsinki' or t.decoded('DTEND').hour != 12: bad.append('timed session times')
a = sess.get('delivery-session-%s@kehto' % s2)
if a is None: bad.append('all-day session missing')
elif type(a.decoded('DTSTART')) is not datetime.date or (a.decoded('DTEND') - a.decoded('DTSTART')).days != 1: bad.append('all-day session not a date')
print('\n'.join(bad))
for e in ev: print('UID', e.get('URL'), e.get('UID'), int(e.get('SEQUENCE')), file=sys.stderr)
PY
}
problems=$(check_ics "$TMP/one.ics" 2>"$TMP/uids1")
expect_eq "iCalendar feed parses and is right" "$problems" ""

# --- an edit keeps the UID and bumps SEQUENCE ---
login staff@example.fi vihrea-kettu-93-Rq
get /hallinta/tapahtumat/$SUMMER; tok=$(csrf_from "$BODY")
expect_contains "edit form shows Finnish date" "$BODY" 'value="10.6.2026"'
expect_contains "edit form shows Finnish time" "$BODY" 'value="9.30"'
post /hallinta/tapahtumat/$SUMMER "csrf=$tok" "kind=webinar" "title=Kesäwebinaari: työhyvinvointi, johtaminen; ääkköset" \
  "description=$LONG" "start_date=10.6.2026" "start_time=9.30" "end_date=10.6.2026" "end_time=11.00" \
  "online_url=https://example.fi/webinaari" "service=$SVC" "published=1" "title_en=Summer webinar, moved"
expect_eq "edit saved" "$STATUS" 303
rm -f "$TMP/jar"
get /tapahtumat.ics
cp "$TMP/body" "$TMP/two.ics"
problems=$(check_ics "$TMP/two.ics" 2>"$TMP/uids2")
expect_eq "feed still right after the edit" "$problems" ""
expect_eq "UIDs unchanged after an edit" "$(awk '{print $2, $3}' "$TMP/uids2" | sort)" "$(awk '{print $2, $3}' "$TMP/uids1" | sort)"
expect_eq "SEQUENCE bumped" "$(grep "/tapahtumat/$SUMMER " "$TMP/uids2" | awk '{print $4}')" 1

# --- unpublish and delete ---
login staff@example.fi vihrea-kettu-93-Rq
get /hallinta/tapahtumat/$WINTER; tok=$(csrf_from "$BODY")
post /hallinta/tapahtumat/$WINTER "csrf=$tok" "kind=event" "title=Talvitapahtuma" "start_date=15.1.2027" \
  "start_time=13.00" "end_date=16.1.2027" "end_time=15.30" "place=Helsinki, Kuntatalo"
expect_eq "unpublished" "$(q "SELECT count(*) FROM event WHERE id=$WINTER AND published_at IS NULL")" 1
get /hallinta/tapahtumat/$SUMMER/poista
expect_contains "delete asks first" "$BODY" "Poistetaanko tapahtuma?"
post /hallinta/tapahtumat/$SUMMER/poista "csrf=$tok"
expect_eq "a POST without confirm deletes nothing" "$(q "SELECT count(*) FROM event WHERE id=$SUMMER")" 1
post /hallinta/tapahtumat/$SUMMER/poista "csrf=$tok" "confirm=1"
expect_eq "deleted" "$(q "SELECT count(*) FROM event WHERE id=$SUMMER")" 0
rm -f "$TMP/jar"
get /tapahtumat.ics
expect_lacks "deleted event gone from the feed" "$BODY" "/tapahtumat/$SUMMER"
expect_lacks "unpublished event gone from the feed" "$BODY" "/tapahtumat/$WINTER"
get /tapahtumat/$WINTER
expect_eq "unpublished event page is 404" "$STATUS" 404
finish
