/* i18n: Swedish and English catalogs (gettext .po, embedded) looked up by their Finnish msgid. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/embed.h"
#include "core/i18n.h"
#include "core/buf.h"
#include "core/util.h"

typedef struct msg {
  char *id, *str;
} msg;

typedef struct catalog {
  const char *lang;
  msg *msgs;
  size_t n;
} catalog;

static catalog catalogs[] = {{"sv", NULL, 0}, {"en", NULL, 0}};

/* Reads one "..." string with C escapes starting at *p; appends to b. Returns 0 when malformed. */
static int read_quoted(const char **p, buf *b) {
  const char *s = *p;
  while (*s == ' ' || *s == '\t') s++;
  if (*s != '"') return 0;
  for (s++; *s && *s != '"'; s++) {
    if (*s == '\\') {
      s++;
      char c = *s == 'n' ? '\n' : *s == 't' ? '\t' : *s;
      if (!c) return 0;
      buf_putc(b, c);
    } else {
      buf_putc(b, *s);
    }
  }
  if (*s != '"') return 0;
  *p = s + 1;
  return 1;
}

/* Reads a keyword's string and any continuation lines. */
static int read_entry(const char **p, const char *kw, buf *b) {
  size_t n = strlen(kw);
  if (strncmp(*p, kw, n) != 0) return 0;
  *p += n;
  buf_reset(b);
  if (!read_quoted(p, b)) return 0;
  for (;;) {
    const char *s = *p;
    while (*s == '\n' || *s == '\r' || *s == ' ') s++;
    if (*s != '"') return 1;
    *p = s;
    if (!read_quoted(p, b)) return 0;
  }
}

static int cmp_msg(const void *a, const void *b) {
  return strcmp(((const msg *)a)->id, ((const msg *)b)->id);
}

static int load(catalog *c, kerr *e) {
  char path[32];
  snprintf(path, sizeof path, "locale/%s.po", c->lang);
  const struct embed_file *f = embed_get(path);
  if (!f) return kerr_set(e, NULL, "catalog %r is missing from the binary", path);
  const char *p = (const char *)f->data;
  buf id = BUF_INIT, str = BUF_INIT;
  size_t cap = 0;
  int line = 1;
  while (*p) {
    if (*p == '#' || *p == '\n' || *p == '\r' || *p == ' ') {
      while (*p && *p != '\n') p++;
      if (*p) p++, line++;
      continue;
    }
    if (!read_entry(&p, "msgid ", &id)) break;
    while (*p == '\n' || *p == '\r' || *p == ' ') p += (*p == '\n' ? (line++, 1) : 1);
    if (!read_entry(&p, "msgstr ", &str)) break;
    if (id.len && str.len) {
      if (c->n == cap) {
        cap = cap ? cap * 2 : 256;
        c->msgs = realloc(c->msgs, cap * sizeof *c->msgs);
        if (!c->msgs) abort();
      }
      c->msgs[c->n++] = (msg){util_strdup(id.data), util_strdup(str.data)};
    }
  }
  buf_free(&id);
  buf_free(&str);
  if (*p) return kerr_set(e, NULL, "catalog %r is malformed near line %d", path, line);
  qsort(c->msgs, c->n, sizeof *c->msgs, cmp_msg);
  return K_OK;
}

int i18n_init(kerr *e) {
  for (size_t i = 0; i < sizeof catalogs / sizeof catalogs[0]; i++) {
    if (catalogs[i].msgs) continue;
    if (load(&catalogs[i], e) != K_OK) return K_ERR;
  }
  return K_OK;
}

const char *i18n_get(const char *lang, const char *msgid) {
  for (size_t i = 0; i < sizeof catalogs / sizeof catalogs[0]; i++) {
    if (strcmp(catalogs[i].lang, lang) != 0) continue;
    msg key = {(char *)msgid, NULL};
    msg *m = bsearch(&key, catalogs[i].msgs, catalogs[i].n, sizeof *m, cmp_msg);
    return m ? m->str : msgid;
  }
  return msgid;
}
