/* date: calendar dates as people type them (22.11.2026 or 2026-11-22), read into ISO form. */
#include "core/date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/util.h"

static int days_in_month(int y, int m) {
  static const int dim[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return dim[m - 1];
}

/* Reads mind..maxd digits at *p into *v; returns 1 when at least mind were read. */
static int digits(const char **p, int mind, int maxd, int *v) {
  int n = 0;
  *v = 0;
  while (n < maxd && **p >= '0' && **p <= '9') *v = *v * 10 + (*(*p)++ - '0'), n++;
  return n >= mind;
}

int date_parse(const char *s, char out[11]) {
  int y, m, d;
  const char *p = s ? s : "";
  while (*p == ' ') p++;
  if (strchr(p, '.')) {
    if (!digits(&p, 1, 2, &d) || *p++ != '.' || !digits(&p, 1, 2, &m) || *p++ != '.' || !digits(&p, 4, 4, &y))
      return K_ERR;
  } else if (!digits(&p, 4, 4, &y) || *p++ != '-' || !digits(&p, 2, 2, &m) || *p++ != '-' || !digits(&p, 2, 2, &d)) {
    return K_ERR;
  }
  while (*p == ' ') p++;
  if (*p || y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return K_ERR;
  char tmp[16]; /* the ranges above keep it to 10 characters */
  snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y, m, d);
  memcpy(out, tmp, 11);
  return K_OK;
}

int date_years_between(const char *born, const char *on) {
  int by = atoi(born), bm = atoi(born + 5), bd = atoi(born + 8);
  int oy = atoi(on), om = atoi(on + 5), od = atoi(on + 8);
  int years = oy - by;
  if (om < bm || (om == bm && od < bd)) years--;
  return years;
}

int date_fi_local(const char *iso, char out[17]) {
  struct tm t = {0};
  if (!iso || sscanf(iso, "%4d-%2d-%2dT%2d:%2d", &t.tm_year, &t.tm_mon, &t.tm_mday, &t.tm_hour, &t.tm_min) != 5)
    return K_ERR;
  int year = t.tm_year;
  t.tm_year -= 1900;
  t.tm_mon -= 1;
  time_t at = timegm(&t);
  /* last Sunday of March and of October, 01:00 UTC */
  struct tm m = {.tm_year = year - 1900, .tm_mon = 2, .tm_mday = 31, .tm_hour = 1};
  struct tm o = {.tm_year = year - 1900, .tm_mon = 9, .tm_mday = 31, .tm_hour = 1};
  time_t mar = timegm(&m), oct = timegm(&o);
  mar -= (time_t)m.tm_wday * 86400;
  oct -= (time_t)o.tm_wday * 86400;
  at += (at >= mar && at < oct ? 3 : 2) * 3600;
  struct tm l;
  gmtime_r(&at, &l);
  char s[64];
  snprintf(s, sizeof s, "%04d-%02d-%02dT%02d:%02d", l.tm_year + 1900, l.tm_mon + 1, l.tm_mday, l.tm_hour, l.tm_min);
  memcpy(out, s, 16);
  out[16] = 0;
  return K_OK;
}

void date_today_fi(char out[11]) {
  char now[32], local[17];
  util_now_iso(now, sizeof now);
  date_fi_local(now, local);
  memcpy(out, local, 10);
  out[10] = 0;
}

int date_hm_parse(const char *s, char out[6]) {
  int h, m;
  const char *p = s ? s : "";
  while (*p == ' ') p++;
  if (!digits(&p, 1, 2, &h) || (*p != ':' && *p != '.')) return K_ERR;
  p++;
  if (!digits(&p, 2, 2, &m)) return K_ERR;
  while (*p == ' ') p++;
  if (*p || h > 23 || m > 59) return K_ERR;
  char tmp[16];
  snprintf(tmp, sizeof tmp, "%02d:%02d", h, m);
  memcpy(out, tmp, 6);
  return K_OK;
}

void date_now_fi(char out[17]) {
  char now[32];
  util_now_iso(now, sizeof now);
  date_fi_local(now, out);
}

int date_fi_to_utc(const char *day, const char *hhmm, char out[21]) {
  char iso[11], hm[6];
  if (date_parse(day, iso) != K_OK || date_hm_parse(hhmm, hm) != K_OK) return K_ERR;
  int h = (hm[0] - '0') * 10 + (hm[1] - '0'), m = (hm[3] - '0') * 10 + (hm[4] - '0');
  char want[17];
  snprintf(want, sizeof want, "%.10sT%.5s", iso, hm);
  struct tm t = {0};
  sscanf(iso, "%4d-%2d-%2d", &t.tm_year, &t.tm_mon, &t.tm_mday);
  t.tm_year -= 1900;
  t.tm_mon -= 1;
  t.tm_hour = h;
  t.tm_min = m;
  time_t local_as_utc = timegm(&t);
  /* Summer time first (UTC+3), then standard time (UTC+2): the local time that maps back to what was typed. The hour
   * that happens twice in October is read as its first (summer) one; the hour skipped in March matches neither. */
  for (int off = 3; off >= 2; off--) {
    time_t u = local_as_utc - (time_t)off * 3600;
    struct tm g;
    gmtime_r(&u, &g);
    char utc[21], back[17];
    strftime(utc, sizeof utc, "%Y-%m-%dT%H:%M:%SZ", &g);
    if (date_fi_local(utc, back) == K_OK && !strcmp(back, want)) {
      memcpy(out, utc, 21);
      return K_OK;
    }
  }
  return K_ERR;
}
