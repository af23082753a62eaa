/* reqparse: urlencoded bodies, the language prefix of a path and If-None-Match lists, as the server reads them. */
#include "web/reqparse.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "core/buf.h"

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

int reqparse_is_multipart(const char *ctype) {
  return ctype && strncasecmp(ctype, "multipart/form-data", 19) == 0 && (!ctype[19] || strchr("; \t", ctype[19]));
}

/* The value of parameter name (e.g. "boundary", "filename") in a header value such as
 * `form-data; name="x"; filename="y"`, quoted or not, copied into mem; NULL when absent or malformed. */
static char *header_param(arena *mem, const char *h, size_t hlen, const char *name) {
  size_t n = strlen(name);
  const char *end = h + hlen;
  for (const char *p = h; p < end; p++) {
    if (*p == '"') { /* skip a quoted string: a parameter's name is never inside one */
      for (p++; p < end && *p != '"'; p++)
        if (*p == '\\') p++;
      continue;
    }
    if (*p != ';') continue;
    const char *q = p + 1;
    while (q < end && (*q == ' ' || *q == '\t')) q++;
    if ((size_t)(end - q) <= n || strncasecmp(q, name, n) != 0 || q[n] != '=') continue;
    q += n + 1;
    if (q < end && *q == '"') {
      buf v = BUF_INIT;
      for (q++; q < end && *q != '"'; q++) {
        if (*q == '\\' && q + 1 < end) q++;
        buf_putc(&v, *q);
      }
      char *out = q < end ? arena_strndup(mem, v.data ? v.data : "", v.len) : NULL;
      buf_free(&v);
      return out;
    }
    const char *s = q;
    while (q < end && *q != ';' && *q != ' ' && *q != '\t') q++;
    return arena_strndup(mem, s, (size_t)(q - s));
  }
  return NULL;
}

/* One part's headers (from h to hend): its field name, file name (NULL for a field) and type. Returns 0 when it
 * has no form-data Content-Disposition with a name. */
static int part_headers(arena *mem, const char *h, const char *hend, web_file *f) {
  int disposition = 0;
  while (h < hend) {
    const char *eol = memmem(h, (size_t)(hend - h), "\r\n", 2);
    if (!eol) eol = hend;
    const char *colon = memchr(h, ':', (size_t)(eol - h));
    if (colon) {
      const char *v = colon + 1;
      while (v < eol && (*v == ' ' || *v == '\t')) v++;
      size_t name_len = (size_t)(colon - h), vlen = (size_t)(eol - v);
      if (name_len == 19 && !strncasecmp(h, "Content-Disposition", 19)) {
        if (vlen < 9 || strncasecmp(v, "form-data", 9) != 0) return 0;
        /* header_param looks for ";name=": the value starts with "form-data;" */
        f->name = header_param(mem, v, vlen, "name");
        f->filename = header_param(mem, v, vlen, "filename");
        disposition = f->name != NULL;
      } else if (name_len == 12 && !strncasecmp(h, "Content-Type", 12)) {
        f->ctype = arena_strndup(mem, v, vlen);
      }
    }
    h = eol + 2;
  }
  return disposition;
}

/* The last segment of a path a browser may send as a file's name (old browsers sent C:\\…\\x.csv). */
static const char *base_name(const char *s) {
  const char *b = s;
  for (const char *p = s; *p; p++)
    if (*p == '/' || *p == '\\') b = p + 1;
  return b;
}

static int valid_text(const char *s, size_t n) {
  return memchr(s, 0, n) == NULL && util_utf8_valid(s, n);
}

/* Adds the part (headers from h, data from d to dend) to the form or the files; 0 when it is malformed. */
static int add_part(arena *mem, const char *h, const char *hend, const char *d, const char *dend, kv *form, int *nform,
                    web_file *files, int *nfiles) {
  web_file f = {0};
  if (!part_headers(mem, h, hend, &f) || !valid_text(f.name, strlen(f.name))) return 0;
  size_t n = (size_t)(dend - d);
  if (f.filename) {
    if (!util_utf8_valid(f.filename, strlen(f.filename))) return 0;
    f.filename = base_name(f.filename);
    if (!f.ctype) f.ctype = "application/octet-stream";
    f.data = d, f.len = n;
    files[(*nfiles)++] = f;
    return 1;
  }
  if (!valid_text(d, n)) return 0;
  form[(*nform)++] = (kv){f.name, arena_strndup(mem, d, n)};
  return 1;
}

int reqparse_multipart(arena *mem, const char *ctype, const char *body, size_t len, kv **form, int *nform,
                       web_file **files, int *nfiles) {
  *form = arena_alloc(mem, sizeof **form * REQPARSE_MAX_PARTS);
  *files = arena_alloc(mem, sizeof **files * REQPARSE_MAX_PARTS);
  *nform = *nfiles = 0;
  const char *b = ctype ? header_param(mem, ctype, strlen(ctype), "boundary") : NULL;
  size_t blen = b ? strlen(b) : 0;
  if (!blen || blen > 70 || !body) return 0;
  char *delim = arena_alloc(mem, blen + 5); /* CRLF "--" boundary */
  memcpy(delim, "\r\n--", 4);
  memcpy(delim + 4, b, blen);
  size_t dlen = blen + 4;
  const char *end = body + len, *p;
  /* the first delimiter has no CRLF before it when the body starts with it (no preamble) */
  if (len >= dlen - 2 && !memcmp(body, delim + 2, dlen - 2))
    p = body + dlen - 2;
  else if ((p = memmem(body, len, delim, dlen)) != NULL)
    p += dlen;
  else
    return 0;
  for (int parts = 0;; parts++) {
    if (end - p >= 2 && p[0] == '-' && p[1] == '-') return 1; /* the closing delimiter */
    while (p < end && (*p == ' ' || *p == '\t')) p++;         /* transport padding */
    if (end - p < 2 || p[0] != '\r' || p[1] != '\n' || parts >= REQPARSE_MAX_PARTS) return 0;
    p += 2;
    const char *hend = memmem(p, (size_t)(end - p), "\r\n\r\n", 4);
    const char *data = hend ? hend + 4 : NULL;
    if (!hend) return 0;
    const char *next = memmem(data, (size_t)(end - data), delim, dlen);
    if (!next || !add_part(mem, p, hend, data, next, *form, nform, *files, nfiles)) return 0;
    p = next + dlen;
  }
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
