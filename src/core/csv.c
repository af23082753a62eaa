/* csv: record reader with BOM, delimiter and Windows-1252 detection; fields are trimmed UTF-8 strings. */
#include "core/csv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"

struct csv {
  char *text; /* whole input as UTF-8, NUL-terminated */
  size_t len, pos;
  char delim;
  int cp1252;
  long row;
  long line; /* physical line where the next record starts, for messages */
  char *name;
  buf field;    /* all fields of the record, NUL-separated */
  size_t *offs; /* start of each field in field.data */
  int nf, capf;
};

/* Windows-1252 0x80–0x9F to Unicode; the rest of the upper half is Latin-1. */
static const unsigned short cp1252_hi[32] = {0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                             0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
                                             0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                             0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

static void put_utf8(buf *b, unsigned cp) {
  char t[3];
  if (cp < 0x80) {
    buf_putc(b, (char)cp);
  } else if (cp < 0x800) {
    t[0] = (char)(0xC0 | (cp >> 6));
    t[1] = (char)(0x80 | (cp & 0x3F));
    buf_append(b, t, 2);
  } else {
    t[0] = (char)(0xE0 | (cp >> 12));
    t[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    t[2] = (char)(0x80 | (cp & 0x3F));
    buf_append(b, t, 3);
  }
}

static char pick_delimiter(const char *s) {
  int commas = 0, semis = 0, q = 0;
  for (; *s; s++) {
    if (*s == '"')
      q = !q;
    else if (!q && (*s == '\n' || *s == '\r'))
      break;
    else if (!q && *s == ',')
      commas++;
    else if (!q && *s == ';')
      semis++;
  }
  return semis > commas ? ';' : ',';
}

csv *csv_open_mem(const char *data, size_t len, const char *name, kerr *e) {
  if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) data += 3, len -= 3;
  buf t = BUF_INIT;
  int conv = 0;
  if (memchr(data, 0, len)) {
    kerr_set(e, NULL,
             "%r: the file contains NUL bytes, so it is not a CSV text file (UTF-16 \"Unicode text\" from Excel?"
             " Save it as \"CSV UTF-8\" instead)",
             name);
    return NULL;
  }
  if (util_utf8_valid(data, len)) {
    buf_append(&t, data, len);
  } else {
    conv = 1;
    for (size_t i = 0; i < len; i++) {
      unsigned char c = (unsigned char)data[i];
      put_utf8(&t, c < 0x80 ? c : c < 0xA0 ? cp1252_hi[c - 0x80] : c);
    }
  }
  if (util_blank(t.data)) {
    buf_free(&t);
    kerr_set(e, NULL, "%r: the file is empty", name);
    return NULL;
  }
  csv *c = calloc(1, sizeof *c);
  if (!c) abort();
  c->len = t.len;
  c->text = buf_detach(&t);
  c->delim = pick_delimiter(c->text);
  c->cp1252 = conv;
  c->name = util_strdup(name);
  c->line = 1;
  return c;
}

csv *csv_open_file(const char *path, kerr *e) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    kerr_set(e, NULL, "%r: cannot open the file", path);
    return NULL;
  }
  buf b = BUF_INIT;
  char chunk[65536];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) buf_append(&b, chunk, n);
  int bad = ferror(f);
  fclose(f);
  if (bad) {
    buf_free(&b);
    kerr_set(e, NULL, "%r: cannot read the file", path);
    return NULL;
  }
  csv *c = csv_open_mem(b.data ? b.data : "", b.len, path, e);
  buf_free(&b);
  return c;
}

void csv_close(csv *c) {
  if (!c) return;
  free(c->text);
  free(c->name);
  free(c->offs);
  buf_free(&c->field);
  free(c);
}

static void end_field(csv *c, size_t start) {
  /* trim the field in place, then terminate it */
  buf_putc(&c->field, 0);
  char *f = c->field.data + start;
  util_trim(f);
  c->field.len = start + strlen(f) + 1;
  if (c->nf == c->capf) {
    c->capf = c->capf ? c->capf * 2 : 16;
    c->offs = realloc(c->offs, sizeof *c->offs * (size_t)c->capf);
    if (!c->offs) abort();
  }
  c->offs[c->nf++] = start;
}

int csv_next(csv *c, kerr *e) {
  const char *s = c->text;
  /* skip blank lines */
  while (c->pos < c->len && (s[c->pos] == '\n' || s[c->pos] == '\r')) {
    if (s[c->pos] == '\n') c->line++, c->row++; /* a blank line is still a numbered row in a spreadsheet */
    c->pos++;
  }
  if (c->pos >= c->len) return 0;
  buf_reset(&c->field);
  c->nf = 0;
  c->row++;
  long start_line = c->line;
  size_t start = 0;
  for (;;) {
    /* one field */
    size_t p = c->pos;
    while (p < c->len && (s[p] == ' ' || s[p] == '\t')) p++;
    if (p < c->len && s[p] == '"') {
      p++;
      for (;;) {
        if (p >= c->len) {
          return kerr_set(e, NULL, "%r, row %ld (line %ld): a quoted field is not closed", c->name, c->row, start_line);
        }
        if (s[p] == '"') {
          if (p + 1 < c->len && s[p + 1] == '"') {
            buf_putc(&c->field, '"');
            p += 2;
            continue;
          }
          p++;
          break;
        }
        if (s[p] == '\n') c->line++;
        buf_putc(&c->field, s[p++]);
      }
      while (p < c->len && (s[p] == ' ' || s[p] == '\t')) p++;
      if (p < c->len && s[p] != c->delim && s[p] != '\n' && s[p] != '\r') {
        return kerr_set(e, NULL, "%r, row %ld, field %d: text after a closing quote", c->name, c->row, c->nf + 1);
      }
    } else {
      while (p < c->len && s[p] != c->delim && s[p] != '\n' && s[p] != '\r') {
        if (s[p] == '"') {
          return kerr_set(e, NULL, "%r, row %ld, field %d: a quote inside an unquoted field", c->name, c->row,
                          c->nf + 1);
        }
        buf_putc(&c->field, s[p++]);
      }
    }
    end_field(c, start);
    start = c->field.len;
    if (p < c->len && s[p] == c->delim) {
      c->pos = p + 1;
      continue;
    }
    if (p < c->len && s[p] == '\r') p++;
    if (p < c->len && s[p] == '\n') p++, c->line++;
    c->pos = p;
    return 1;
  }
}

int csv_nfields(const csv *c) {
  return c->nf;
}

const char *csv_field(const csv *c, int i) {
  return i >= 0 && i < c->nf ? c->field.data + c->offs[i] : NULL;
}

long csv_row(const csv *c) {
  return c->row;
}

char csv_delimiter(const csv *c) {
  return c->delim;
}

int csv_was_cp1252(const csv *c) {
  return c->cp1252;
}

const char *csv_name(const csv *c) {
  return c->name;
}

size_t csv_offset(const csv *c) {
  return c->pos;
}

size_t csv_size(const csv *c) {
  return c->len;
}
