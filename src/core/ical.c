/* ical: iCalendar (RFC 5545) text: escaping, folding at 75 octets, the Helsinki VTIMEZONE. */
#include "core/ical.h"

#include <string.h>

void ical_text(buf *b, const char *s) {
  for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
    if (*p == '\\' || *p == ';' || *p == ',') {
      buf_putc(b, '\\');
      buf_putc(b, (char)*p);
    } else if (*p == '\n') {
      buf_puts(b, "\\n");
    } else if ((*p >= 0x20 && *p != 0x7f) || *p == '\t') {
      buf_putc(b, (char)*p);
    } /* CR and the other controls are not allowed in TEXT */
  }
}

void ical_line(buf *out, const char *line, size_t len) {
  size_t at = 0, room = 75; /* the first line 75 octets; the next ones a space and 74 */
  while (len - at > room) {
    size_t cut = at + room;
    while (cut > at && ((unsigned char)line[cut] & 0xC0) == 0x80) cut--; /* not inside a UTF-8 character */
    buf_append(out, line + at, cut - at);
    buf_puts(out, "\r\n ");
    at = cut;
    room = 74;
  }
  buf_append(out, line + at, len - at);
  buf_puts(out, "\r\n");
}

void ical_prop_text(buf *out, const char *name, const char *value) {
  buf l = BUF_INIT;
  buf_puts(&l, name);
  buf_putc(&l, ':');
  ical_text(&l, value);
  ical_line(out, l.data, l.len);
  buf_free(&l);
}

void ical_vtimezone_helsinki(buf *out) {
  buf_puts(out, "BEGIN:VTIMEZONE\r\n"
                "TZID:Europe/Helsinki\r\n"
                "X-LIC-LOCATION:Europe/Helsinki\r\n"
                "BEGIN:DAYLIGHT\r\n"
                "TZOFFSETFROM:+0200\r\n"
                "TZOFFSETTO:+0300\r\n"
                "TZNAME:EEST\r\n"
                "DTSTART:19700329T030000\r\n"
                "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
                "END:DAYLIGHT\r\n"
                "BEGIN:STANDARD\r\n"
                "TZOFFSETFROM:+0300\r\n"
                "TZOFFSETTO:+0200\r\n"
                "TZNAME:EET\r\n"
                "DTSTART:19701025T040000\r\n"
                "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
                "END:STANDARD\r\n"
                "END:VTIMEZONE\r\n");
}

void ical_local(buf *out, const char *iso) {
  for (const char *p = iso ? iso : ""; *p; p++)
    if (*p != '-' && *p != ':') buf_putc(out, *p);
  if (iso && strlen(iso) == 16) buf_puts(out, "00");
}
