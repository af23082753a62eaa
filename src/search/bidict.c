/* bidict: FreeDict's dictd files (an index of headword, offset and length in base 64, and the entries' text, gzip'd
 * by dictzip) read into memory at first use. */
#include "search/bidict.h"

#include <libstemmer.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "core/buf.h"
#include "core/map.h"
#include "core/utf8.h"
#include "core/util.h"

#define BIDICT_DIR "/usr/share/dictd"
#define BIDICT_MAX_TEXT (64u << 20) /* a larger file is not a dictionary of ours */

typedef struct entry {
  size_t off, len;
  long next; /* the headword's next entry, or -1 */
} entry;

struct bidict {
  char *text; /* the entries, uncompressed */
  size_t ntext;
  strmap head; /* headword → first entry (num) */
  entry *e;
  long n, cap;
};

static const char *const names[BIDICT_N] = {"swe-fin", "eng-fin"};

/* dictd's base 64 (A–Z a–z 0–9 + /) of s[0..n), or -1. */
static long long b64(const char *s, size_t n) {
  static const char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  long long v = 0;
  if (n == 0 || n > 8) return -1;
  for (size_t i = 0; i < n; i++) {
    const char *p = memchr(digits, s[i], 64);
    if (!p || !s[i]) return -1;
    v = v * 64 + (p - digits);
  }
  return v;
}

/* The whole of a gzip'd (or plain) file into *out. Returns 0, or -1. */
static int read_gz(const char *path, buf *out) {
  gzFile f = gzopen(path, "rb");
  if (!f) return -1;
  char chunk[65536];
  int n, bad = 0;
  while ((n = gzread(f, chunk, sizeof chunk)) > 0) {
    if (out->len + (size_t)n > BIDICT_MAX_TEXT) {
      bad = 1;
      break;
    }
    buf_append(out, chunk, (size_t)n);
  }
  gzclose(f);
  return bad || n < 0 ? -1 : 0;
}

static void add_entry(bidict *d, const char *w, size_t off, size_t len) {
  if (d->n == d->cap) {
    d->cap = d->cap ? d->cap * 2 : 4096;
    d->e = realloc(d->e, sizeof *d->e * (size_t)d->cap);
    if (!d->e) abort();
  }
  d->e[d->n] = (entry){off, len, -1};
  size_t at;
  if (strmap_find(&d->head, w, &at)) { /* a second entry of the headword (a noun and a verb): at the end of its list */
    long k = d->head.nums[at];
    while (d->e[k].next >= 0) k = d->e[k].next;
    d->e[k].next = d->n;
  } else {
    strmap_add(&d->head, w, NULL, d->n);
  }
  d->n++;
}

/* Reads the index lines "headword TAB offset TAB length"; entries outside the text are skipped. */
static void read_index(bidict *d, const char *s, size_t n) {
  buf low = BUF_INIT;
  for (size_t i = 0; i < n;) {
    const char *line = s + i, *nl = memchr(line, '\n', n - i);
    size_t len = nl ? (size_t)(nl - line) : n - i;
    i += len + 1;
    const char *t1 = memchr(line, '\t', len), *t2 = t1 ? memchr(t1 + 1, '\t', len - (size_t)(t1 + 1 - line)) : NULL;
    if (!t2 || t1 == line) continue;
    long long off = b64(t1 + 1, (size_t)(t2 - t1 - 1)), sz = b64(t2 + 1, len - (size_t)(t2 + 1 - line));
    if (off < 0 || sz <= 0 || (size_t)off > d->ntext || (size_t)sz > d->ntext - (size_t)off) continue;
    if ((size_t)(t1 - line) >= 10 && !memcmp(line, "00database", 10)) continue; /* the dictionary's own description */
    buf_reset(&low);
    utf8_lower(&low, line, (size_t)(t1 - line));
    add_entry(d, low.data, (size_t)off, (size_t)sz);
  }
  buf_free(&low);
}

static bidict *load(const char *dir, const char *name) {
  char path[4096];
  buf text = BUF_INIT, index = BUF_INIT;
  snprintf(path, sizeof path, "%s/freedict-%s.dict.dz", dir, name);
  int bad = read_gz(path, &text) < 0;
  snprintf(path, sizeof path, "%s/freedict-%s.index", dir, name);
  bad = bad || read_gz(path, &index) < 0;
  if (bad || !text.len || !index.len) {
    buf_free(&text), buf_free(&index);
    return NULL;
  }
  bidict *d = util_calloc(1, sizeof *d);
  d->ntext = text.len;
  d->text = buf_detach(&text);
  read_index(d, index.data, index.len);
  buf_free(&index);
  return d;
}

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static bidict *dicts[BIDICT_N];
static int tried[BIDICT_N];

const bidict *bidict_get(int lang) {
  if (lang < 0 || lang >= BIDICT_N) return NULL;
  pthread_mutex_lock(&mu);
  if (!tried[lang]) {
    const char *dir = getenv("KEHTO_DICT_DIR");
    dicts[lang] = load(dir && *dir ? dir : BIDICT_DIR, names[lang]);
    tried[lang] = 1;
  }
  bidict *d = dicts[lang];
  pthread_mutex_unlock(&mu);
  return d;
}

long bidict_size(const bidict *d) {
  return d ? (long)d->head.n : 0;
}

/* One item of a line: trimmed, "2. " before and " 3." after taken off, "(…)" taken out; NULL when nothing is left or
 * it has more than three words or characters no translation has. */
static const char *item(arena *a, const char *s, size_t n) {
  buf b = BUF_INIT;
  int depth = 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i] == '(' || s[i] == '[')
      depth++;
    else if ((s[i] == ')' || s[i] == ']') && depth > 0)
      depth--;
    else if (!depth)
      buf_putc(&b, s[i]);
  }
  char *t = b.data ? b.data : "";
  size_t len = b.len;
  while (len && (t[len - 1] == ' ' || t[len - 1] == '.' || (t[len - 1] >= '0' && t[len - 1] <= '9'))) len--;
  size_t st = 0;
  while (st < len && ((t[st] >= '0' && t[st] <= '9') || t[st] == '.' || t[st] == ' ')) st++;
  const char *out = NULL;
  int words = 1, odd = 0;
  for (size_t i = st; i < len; i++) {
    words += t[i] == ' ' && t[i + 1] != ' ';
    odd |= strchr("/<>{}=;:!?\"", t[i]) != NULL;
  }
  if (len > st && words <= 3 && !odd) {
    buf low = BUF_INIT;
    utf8_lower(&low, t + st, len - st);
    out = arena_strndup(a, low.data, low.len);
    buf_free(&low);
  }
  buf_free(&b);
  return out;
}

/* 1 when the headword's own line (s[0..n)) says the entry is a noun's ("<n, ut>", "<n>"). */
static int noun_entry(const char *s, size_t n) {
  for (size_t i = 0; i + 2 < n; i++)
    if (s[i] == '<' && s[i + 1] == 'n' && (s[i + 2] == '>' || s[i + 2] == ',')) return 1;
  return 0;
}

static int translate(const bidict *d, const char *w, int nouns, arena *a, const char **out, int max) {
  size_t at;
  if (!d || !w || !strmap_find(&d->head, w, &at)) return 0;
  int n = 0;
  for (long k = d->head.nums[at]; k >= 0 && n < max; k = d->e[k].next) {
    const char *s = d->text + d->e[k].off, *end = s + d->e[k].len;
    const char *nl = memchr(s, '\n', (size_t)(end - s)); /* the first line is the headword's own */
    if (nouns && !noun_entry(s, (size_t)((nl ? nl : end) - s))) continue;
    for (s = nl ? nl + 1 : end; s < end && n < max;) {
      const char *eol = memchr(s, '\n', (size_t)(end - s));
      if (!eol) eol = end;
      for (const char *p = s; p < eol && n < max;) {
        const char *comma = memchr(p, ',', (size_t)(eol - p));
        if (!comma) comma = eol;
        const char *t = item(a, p, (size_t)(comma - p));
        int dup = !t;
        for (int i = 0; i < n && !dup; i++) dup = !strcmp(out[i], t);
        if (!dup) out[n++] = t;
        p = comma + 1;
      }
      s = eol + 1;
    }
  }
  return n;
}

int bidict_translate(const bidict *d, const char *w, arena *a, const char **out, int max) {
  return translate(d, w, 0, a, out, max);
}

int bidict_translate_nouns(const bidict *d, const char *w, arena *a, const char **out, int max) {
  return translate(d, w, 1, a, out, max);
}

size_t bidict_sv_ending(const char *s, size_t n) {
  static const char *const endings[] = {"arna", "erna", "orna", "na", "an", "en", "et", "n", "t"};
  for (size_t i = 0; i < sizeof endings / sizeof endings[0]; i++) {
    size_t e = strlen(endings[i]);
    if (n >= e + 4 && !strcmp(s + n - e, endings[i])) return e;
  }
  return 0;
}

/* s[0..n) followed by end, in a. */
static const char *with_end(arena *a, const char *s, size_t n, const char *end) {
  size_t e = strlen(end);
  char *t = arena_alloc(a, n + e + 1);
  memcpy(t, s, n);
  memcpy(t + n, end, e + 1);
  return t;
}

/* Adds s[0..n) + end to out (at *k) unless it is there already or too short. */
static void form_add(arena *a, const char *s, size_t n, const char *end, const char **out, int *k) {
  if (n < 3 || *k >= BIDICT_SV_FORMS) return;
  const char *f = with_end(a, s, n, end);
  for (int i = 0; i < *k; i++)
    if (!strcmp(out[i], f)) return;
  out[(*k)++] = f;
}

int bidict_sv_forms(struct sb_stemmer *sv, const char *w, arena *a, const char **out) {
  int n = 0;
  size_t len = strlen(w);
  out[n++] = w;
  if (strchr(w, ' ')) return n;
  size_t e = bidict_sv_ending(w, len);         /* the definite form Snowball leaves on */
  if (e) form_add(a, w, len - e, "", out, &n); /* arbetsavtalet: arbetsavtal */
  if (e && e <= 2) form_add(a, w, len - e, e == 2 && w[len - 2] == 'a' ? "a" : "e", out, &n); /* -an: -a */
  /* a plural's singular: its definite -na off first (avvikelserna, skolorna, dagarna) */
  size_t p = len > 6 && !strcmp(w + len - 2, "na") ? len - 2 : len;
  if (p > 5 && !memcmp(w + p - 2, "or", 2)) form_add(a, w, p - 2, "a", out, &n); /* skolor: skola */
  if (p > 5 && !memcmp(w + p - 2, "ar", 2)) form_add(a, w, p - 2, "", out, &n), form_add(a, w, p - 2, "e", out, &n);
  if (p > 5 && !memcmp(w + p - 2, "er", 2)) form_add(a, w, p - 1, "", out, &n), form_add(a, w, p - 2, "", out, &n);
  const sb_symbol *st = sv ? sb_stemmer_stem(sv, (const sb_symbol *)w, (int)len) : NULL;
  size_t sl = st ? (size_t)sb_stemmer_length(sv) : 0;
  if (st && (sl != len || memcmp(st, w, len))) {
    const char *s = arena_strndup(a, (const char *)st, sl);
    form_add(a, s, sl, "", out, &n);
    form_add(a, s, sl, "e", out, &n);
    form_add(a, s, sl, "a", out, &n);
  }
  return n;
}

int bidict_en_forms(const char *w, arena *a, const char **out) {
  int n = 0;
  size_t len = strlen(w);
  out[n++] = w;
  if (strchr(w, ' ')) return n; /* a phrase: as it is */
  if (len > 4 && !strcmp(w + len - 3, "ies")) {
    out[n++] = with_end(a, w, len - 3, "y");
  } else if (len > 3 && w[len - 1] == 's' && w[len - 2] != 's') {
    out[n++] = with_end(a, w, len - 1, "");
    if (len > 4 && w[len - 2] == 'e') out[n++] = with_end(a, w, len - 2, "");
  } else if (len > 6 && !strcmp(w + len - 3, "ing")) { /* hoarding: hoard; caring: care; shopping: shop */
    out[n++] = with_end(a, w, len - 3, "");
    out[n++] = with_end(a, w, len - 3, "e");
    if (w[len - 4] == w[len - 5]) out[n++] = with_end(a, w, len - 4, "");
  }
  return n;
}

int bidict_sv_loans(const char *w, arena *a, const char **out) {
  static const char *const endings[][3] = {
      {"ation", "aatio", NULL},     /* organisation: organisaatio */
      {"ering", "eeraus", "ointi"}, /* sanering: saneeraus (not sanointi, a wording); digitalisering: digitalisointi */
      {"itet", "iteetti", NULL},    /* aktivitet: aktiviteetti */
      {"ik", "iikka", NULL},        /* logistik: logistiikka */
  };
  size_t len = strlen(w);
  if (len < 5 || strchr(w, ' ')) return 0;
  for (size_t i = 0; i < sizeof endings / sizeof endings[0]; i++) {
    size_t e = strlen(endings[i][0]);
    if (len < e + 3 || strcmp(w + len - e, endings[i][0])) continue;
    int n = 0;
    for (int k = 1; k < 3 && endings[i][k]; k++) out[n++] = with_end(a, w, len - e, endings[i][k]);
    return n;
  }
  if (!strchr("bdfgklmnprstv", w[len - 1])) return 0;
  out[0] = with_end(a, w, len, "i"); /* asbest: asbesti; psykolog: psykologi; kontakt: kontakti */
  return 1;
}

int bidict_sv_mod_forms(const char *s, size_t n, arena *a, const char **out) {
  static const char *const linking[][2] = {{"", ""}, {"s", ""}, {"s", "e"}, {"", "a"}, {"", "e"}};
  int k = 0;
  for (size_t v = 0; v < sizeof linking / sizeof linking[0]; v++) {
    size_t cut = strlen(linking[v][0]);
    if (cut && (n <= cut + 2 || memcmp(s + n - cut, linking[v][0], cut))) continue;
    out[k++] = with_end(a, s, n - cut, linking[v][1]);
  }
  return k;
}
