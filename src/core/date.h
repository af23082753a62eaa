/* date: calendar dates as people type them (22.11.2026 or 2026-11-22), read into ISO form. */
#ifndef KEHTO_DATE_H
#define KEHTO_DATE_H

/* Reads a real calendar day written d.m.yyyy (one or two digits for day and month) or yyyy-mm-dd, with spaces
 * around allowed, years 1900-2100, into out as "yyyy-mm-dd". Returns 0 (K_OK), or -1 (K_ERR) when s is NULL,
 * empty, malformed or no such day (31.4., 29.2. outside leap years); out is then unchanged. */
int date_parse(const char *s, char out[11]);

/* Whole years from born to on (both "yyyy-mm-dd"), as age is counted: one less before the birthday. */
int date_years_between(const char *born, const char *on);

/* Reads a UTC time "yyyy-mm-ddTHH:MM..." (as the database stores them) and writes it in Finnish time (EET, EEST
 * from the last Sunday of March to the last Sunday of October, changing at 01:00 UTC) into out as
 * "yyyy-mm-ddTHH:MM". Returns 0 (K_OK), or -1 (K_ERR) when iso is NULL or malformed; out is then unchanged. */
int date_fi_local(const char *iso, char out[17]);

/* Today's date in Finland (Europe/Helsinki, as date_fi_local) as "yyyy-mm-dd". */
void date_today_fi(char out[11]);

/* Reads a clock time written H:MM, HH:MM or HH.MM (as Finns type it: 9.30, 09:30), with spaces around allowed,
 * into out as "HH:MM". Returns 0 (K_OK), or -1 (K_ERR) when s is NULL, empty, malformed or out of range (24:00, 9:60);
 * out is then unchanged. */
int date_hm_parse(const char *s, char out[6]);

/* The current time in Finland (Europe/Helsinki, as date_fi_local) as "yyyy-mm-ddTHH:MM". */
void date_now_fi(char out[17]);
/* Reads a Finnish local day (as date_parse) and time of day "HH:MM" (or "H.MM") typed in Finland and writes the UTC
 * time it names into out as "yyyy-mm-ddTHH:MM:00Z" (the form db_now() stores). The hour that repeats when summer time
 * ends is read as the first one. Returns 0 (K_OK), or -1 (K_ERR) when either is malformed or the time does not exist
 * in Finland (the hour skipped when summer time begins); out is then unchanged. */
int date_fi_to_utc(const char *day, const char *hhmm, char out[21]);

#endif
