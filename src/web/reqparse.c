/* reqparse: urlencoded bodies, the language prefix of a path and If-None-Match lists, as the server reads them. */
#include "web/reqparse.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

static int hexval(int c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = tolower(c);
  return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

int reqparse_url_decode(char *s) {
  char *o = s;
  for (; *s; s++) {
    if (*s == '+')
      *o++ = ' ';
    else if (*s == '%') {
      int h = hexval((unsigned char)s[1]), l = h < 0 ? -1 : hexval((unsigned char)s[2]);
      if (h < 0 || l < 0) return 0;
      *o++ = (char)(h * 16 + l);
      s += 2;
    } else
      *o++ = *s;
  }
  *o = 0;
  return 1;
}

int reqparse_form(arena *mem, const char *body, size_t len, kv **out, int *n) {
  *out = NULL;
  *n = 0;
  if (!len) return 1;
  char *s = arena_strndup(mem, body, len);
  int max = 1;
  for (char *p = s; *p; p++) max += *p == '&';
  *out = arena_alloc(mem, sizeof(kv) * (size_t)max);
  char *save = NULL;
  for (char *pair = strtok_r(s, "&", &save); pair; pair = strtok_r(NULL, "&", &save)) {
    char *eq = strchr(pair, '=');
    char *v = eq ? (*eq = 0, eq + 1) : pair + strlen(pair);
    if (!reqparse_url_decode(pair) || !reqparse_url_decode(v)) return 0;
    if (!util_utf8_valid(pair, strlen(pair)) || !util_utf8_valid(v, strlen(v))) return 0;
    (*out)[(*n)++] = (kv){pair, v};
  }
  return 1;
}

const char *reqparse_lang(const char *url, const char **path, const char **prefix) {
  static const char *const langs[] = {"sv", "en"};
  for (int i = 0; i < 2; i++) {
    if (url[0] == '/' && strncmp(url + 1, langs[i], 2) == 0 && (url[3] == '/' || url[3] == 0)) {
      *path = url[3] ? url + 3 : "/";
      *prefix = i == 0 ? "/sv" : "/en";
      return langs[i];
    }
  }
  *path = url;
  *prefix = "";
  return "fi";
}

int reqparse_etag_listed(const char *list, const char *etag) {
  size_t n = strlen(etag);
  for (const char *p = list; *p;) {
    while (*p == ' ' || *p == ',') p++;
    if (*p == '*') return 1;
    if (p[0] == 'W' && p[1] == '/') p += 2;
    if (strncmp(p, etag, n) == 0 && (p[n] == 0 || p[n] == ',' || p[n] == ' ')) return 1;
    while (*p && *p != ',') p++;
  }
  return 0;
}

/* The q-value after a coding's name, in thousandths: 1000 when absent, 0 for "q=0", -1 when malformed. */
static int qvalue(const char *p, const char *end) {
  int q = 1000;
  while (p < end) {
    while (p < end && (*p == ' ' || *p == '\t' || *p == ';')) p++;
    if (p + 1 < end && (p[0] == 'q' || p[0] == 'Q') && p[1] == '=') {
      p += 2;
      if (p >= end || (*p != '0' && *p != '1')) return -1;
      q = (*p++ - '0') * 1000;
      if (p < end && *p == '.') {
        p++;
        for (int scale = 100; scale && p < end && *p >= '0' && *p <= '9'; scale /= 10) q += (*p++ - '0') * scale;
      }
      if (q > 1000) return -1;
    }
    while (p < end && *p != ';') p++; /* other parameters are ignored */
  }
  return q;
}

int reqparse_accept_encoding(const char *h) {
  int q[3] = {-1, -1, -1}; /* gzip, br, "*": -1 when not named */
  for (const char *p = h ? h : ""; *p;) {
    while (*p == ' ' || *p == '\t' || *p == ',') p++;
    const char *name = p;
    while (*p && *p != ',' && *p != ';' && *p != ' ' && *p != '\t') p++;
    size_t n = (size_t)(p - name);
    const char *params = p;
    while (*p && *p != ',') p++;
    int v = qvalue(params, p);
    if (v < 0) continue;
    if ((n == 4 && !strncasecmp(name, "gzip", 4)) || (n == 6 && !strncasecmp(name, "x-gzip", 6)))
      q[0] = v;
    else if (n == 2 && !strncasecmp(name, "br", 2))
      q[1] = v;
    else if (n == 1 && *name == '*')
      q[2] = v;
  }
  int gz = q[0] >= 0 ? q[0] : q[2] >= 0 ? q[2] : 0;
  int br = q[1] >= 0 ? q[1] : q[2] >= 0 ? q[2] : 0;
  return (gz > 0 ? REQ_ENC_GZIP : 0) | (br > 0 ? REQ_ENC_BR : 0);
}
