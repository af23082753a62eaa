/* ical: iCalendar (RFC 5545) text: escaped values, content lines folded at 75 octets with CRLF, and the
 * Europe/Helsinki VTIMEZONE. The events calendar (web/pages/events.c) writes /tapahtumat.ics with these. */
#ifndef KEHTO_ICAL_H
#define KEHTO_ICAL_H
#include "core/buf.h"

/* Appends s as an iCalendar TEXT value: backslash, semicolon and comma escaped with a backslash, a newline as \n,
 * carriage returns and other control characters (but tab) dropped. NULL appends nothing. */
void ical_text(buf *b, const char *s);

/* Appends one content line (name, parameters, ':' and the already escaped value, without a line end) folded as
 * RFC 5545 3.1 asks: no physical line longer than 75 octets, a continuation begins with one space, a UTF-8 character
 * is never split between two lines; every line ends with CRLF. */
void ical_line(buf *out, const char *line, size_t len);

/* Appends "name:value" with value escaped as TEXT (ical_text), folded (ical_line). */
void ical_prop_text(buf *out, const char *name, const char *value);

/* Appends the VTIMEZONE of Europe/Helsinki: EET (UTC+2) from the last Sunday of October at 04:00 local time, EEST
 * (UTC+3) from the last Sunday of March at 03:00 local time (both 01:00 UTC), as TZID "Europe/Helsinki". */
void ical_vtimezone_helsinki(buf *out);

/* Appends a local time "YYYY-MM-DDTHH:MM" as "YYYYMMDDTHHMM00", or a date "YYYY-MM-DD" as "YYYYMMDD". */
void ical_local(buf *out, const char *iso);

#endif
