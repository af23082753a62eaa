/* csv: streaming record reader: a first pass decides encoding and delimiter, then chunks are decoded to UTF-8 and
 * split into trimmed fields one record at a time, so memory is a chunk and a record whatever the file size. */
#include "core/csv.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"

enum { ENC_UTF8, ENC_CP1252 };

#define NUL_WINDOW 4096 /* NUL bytes are counted this far to tell UTF-16 from a stray NUL */

/* A UTF-8 validator fed one byte at a time, so characters may be cut anywhere by chunk ends. */
typedef struct u8state {
  unsigned char pend[4]; /* the character begun so far */
  int npend, need;       /* its bytes, and the continuation bytes still to come */
  unsigned char lo, hi;  /* the range the next continuation byte must be in */
  size_t good, bad;      /* whole multi-byte characters; bytes that are not valid UTF-8 */
} u8state;

struct csv {
  FILE *f;   /* the input, positioned after the BOM for the second pass */
  FILE *own; /* opened here (file, memory or the copy of a pipe); closed by csv_close */
  char *name;
  size_t chunk, max_row;
  unsigned char *raw; /* the chunk just read */
  char *dec;          /* the chunk as UTF-8; '\0' stands for a byte that is not valid UTF-8 */
  size_t dlen, dpos;
  u8state u8;
  int eof, ioerr;
  int enc, bom;
  size_t offset, size;
  char delim;
  long row;
  long line;    /* physical line where the next record starts, for messages */
  buf field;    /* all fields of the record, NUL-separated */
  size_t *offs; /* start of each field in field.data */
  int nf, capf;
  int bad;           /* first field with invalid UTF-8, or -1 */
  csv_source_fn src; /* records from a producer (csv_open_source) instead of text */
  void (*src_done)(void *);
  void *src_ctx;
};

/* ---- UTF-8 validation and Windows-1252 ---- */

/* Windows-1252 0x80–0x9F to Unicode; the rest of the upper half is Latin-1. */
static const unsigned short cp1252_hi[32] = {0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                             0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
                                             0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                             0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

/* Writes the UTF-8 of Windows-1252 byte b to out; returns the bytes written (1–3). */
static size_t put_cp1252(char *out, unsigned char b) {
  unsigned cp = b < 0x80 ? b : b < 0xA0 ? cp1252_hi[b - 0x80] : b;
  if (cp < 0x80) {
    out[0] = (char)cp;
    return 1;
  }
  if (cp < 0x800) {
    out[0] = (char)(0xC0 | (cp >> 6));
    out[1] = (char)(0x80 | (cp & 0x3F));
    return 2;
  }
  out[0] = (char)(0xE0 | (cp >> 12));
  out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
  out[2] = (char)(0x80 | (cp & 0x3F));
  return 3;
}

/* Starts a character at lead byte b; returns 0 when b cannot start one. Ranges as in RFC 3629 (no overlong forms,
 * surrogates or code points past U+10FFFF). */
static int u8_start(u8state *u, unsigned char b) {
  u->lo = 0x80, u->hi = 0xBF;
  if (b >= 0xC2 && b <= 0xDF)
    u->need = 1;
  else if (b >= 0xE0 && b <= 0xEF)
    u->need = 2, u->lo = b == 0xE0 ? 0xA0 : 0x80, u->hi = b == 0xED ? 0x9F : 0xBF;
  else if (b >= 0xF0 && b <= 0xF4)
    u->need = 3, u->lo = b == 0xF0 ? 0x90 : 0x80, u->hi = b == 0xF4 ? 0x8F : 0xBF;
  else
    return 0;
  u->pend[0] = b, u->npend = 1;
  return 1;
}

/* Writes a '\0' for each byte of an unfinished character; returns how many. */
static size_t u8_flush(u8state *u, char *out) {
  size_t n = (size_t)u->npend;
  memset(out, 0, n);
  u->bad += n;
  u->npend = u->need = 0;
  return n;
}

/* Feeds byte b; writes what is decided (a whole character, '\0' for each invalid byte) to out (at least 5 bytes)
 * and returns how many bytes that is. */
static size_t u8_feed(u8state *u, unsigned char b, char *out) {
  size_t o = 0;
  if (u->need) {
    if (b >= u->lo && b <= u->hi) {
      u->pend[u->npend++] = b;
      u->lo = 0x80, u->hi = 0xBF;
      if (--u->need) return 0;
      memcpy(out, u->pend, (size_t)u->npend);
      u->good++;
      o = (size_t)u->npend;
      u->npend = 0;
      return o;
    }
    o = u8_flush(u, out);
  }
  if (b < 0x80) {
    out[o++] = (char)b;
  } else if (!u8_start(u, b)) {
    out[o++] = 0;
    u->bad++;
  }
  return o;
}

/* ---- the first pass ---- */

/* What the first pass learns about the input. */
typedef struct scan {
  unsigned char head[8]; /* the first bytes: BOM and file signatures */
  size_t total;          /* bytes read */
  size_t nul_at, nuls;   /* offset of the first NUL byte (SIZE_MAX: none); NULs within NUL_WINDOW */
  long nul_line, lines;  /* line of the first NUL; newlines so far */
  int white;             /* 1 while every byte after the first three has been white space */
  int quoted, in_line;   /* delimiter count on the first non-empty line: in_line 0 before it, 1 in it, 2 after */
  int commas, semis;
  u8state u8;
} scan;

static int is_white(unsigned char b) {
  return b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == '\v' || b == '\f';
}

static void scan_delimiter(scan *s, unsigned char b) {
  if (s->in_line == 2) return;
  if (!s->quoted && (b == '\n' || b == '\r')) {
    if (s->in_line) s->in_line = 2;
    return;
  }
  if (b == '"')
    s->quoted = !s->quoted;
  else if (!s->quoted && b == ',')
    s->commas++;
  else if (!s->quoted && b == ';')
    s->semis++;
  s->in_line = 1;
}

static void scan_bytes(scan *s, const unsigned char *p, size_t n) {
  char tmp[8];
  for (size_t i = 0; i < n; i++) {
    size_t at = s->total + i;
    unsigned char b = p[i];
    if (at < sizeof s->head) s->head[at] = b;
    if (b == 0 && s->nul_at == SIZE_MAX) s->nul_at = at, s->nul_line = s->lines + 1;
    if (b == 0 && at < NUL_WINDOW) s->nuls++;
    if (b == '\n') s->lines++;
    if (at >= 3 && !is_white(b)) s->white = 0;
    scan_delimiter(s, b);
    if (b >= 0x80 || s->u8.need) u8_feed(&s->u8, b, tmp);
  }
  s->total += n;
}

/* Reads all of in (copying it to spool when that is not NULL). Stops early after a NUL byte: the file is refused. */
static int scan_input(csv *c, FILE *in, FILE *spool, scan *s, kerr *e) {
  size_t n;
  char tmp[8];
  while ((n = fread(c->raw, 1, c->chunk, in)) > 0) {
    scan_bytes(s, c->raw, n);
    if (spool && fwrite(c->raw, 1, n, spool) != n)
      return kerr_set(e, NULL, "%r: cannot copy the input to a temporary file: %r", c->name, strerror(errno));
    if (s->nul_at != SIZE_MAX && s->total >= NUL_WINDOW) return K_OK;
  }
  if (ferror(in)) return kerr_set(e, NULL, "%r: cannot read the file", c->name);
  u8_flush(&s->u8, tmp);
  return K_OK;
}

#define SAVE_AS                                                                                                        \
  "In Excel choose File → Save As → \"CSV UTF-8 (Comma delimited) (*.csv)\" (in Finnish Excel: Tiedosto → "      \
  "Tallenna nimellä → \"CSV UTF-8 (pilkuin erotettu) (*.csv)\") and import that file"

/* Refuses input that is not CSV text: a workbook, UTF-16, NUL bytes, nothing but white space. */
static int check_text(const csv *c, const scan *s, kerr *e) {
  const unsigned char *h = s->head;
  size_t n = s->total < sizeof s->head ? s->total : sizeof s->head;
  if (n >= 4 && memcmp(h, "PK\x03\x04", 4) == 0)
    return kerr_set(e, NULL, "%r: the file is an Excel workbook (.xlsx) or another ZIP archive, not CSV text. %r",
                    c->name, SAVE_AS);
  if (n >= 8 && memcmp(h, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
    return kerr_set(e, NULL, "%r: the file is an Excel 97–2003 workbook (.xls), not CSV text. %r", c->name, SAVE_AS);
  if (n >= 2 && ((h[0] == 0xFF && h[1] == 0xFE) || (h[0] == 0xFE && h[1] == 0xFF)))
    return kerr_set(e, NULL, "%r: the file is UTF-16 text (Excel's \"Unicode Text\"), not UTF-8 or Windows-1252. %r",
                    c->name, SAVE_AS);
  if (s->nul_at != SIZE_MAX) {
    size_t window = s->total < NUL_WINDOW ? s->total : NUL_WINDOW;
    if (s->nuls * 4 >= window)
      return kerr_set(e, NULL,
                      "%r: the file looks like UTF-16 text (every other byte is NUL), not UTF-8 or Windows-1252. %r",
                      c->name, SAVE_AS);
    return kerr_set(e, NULL, "%r: line %ld has a NUL byte (byte %zu of the file), so the file is not CSV text. %r",
                    c->name, s->nul_line, s->nul_at + 1, SAVE_AS);
  }
  int white = s->white;
  int bom = n >= 3 && memcmp(h, "\xEF\xBB\xBF", 3) == 0;
  for (size_t i = 0; !bom && i < n && i < 3; i++)
    if (!is_white(h[i])) white = 0;
  if (white) return kerr_set(e, NULL, "%r: the file is empty", c->name);
  return K_OK;
}

/* ---- opening and closing ---- */

static csv *reader_new(const char *name, const csv_opts *o) {
  csv *c = util_calloc(1, sizeof *c);
  c->chunk = o && o->chunk ? o->chunk : CSV_CHUNK;
  c->max_row = o && o->max_row ? o->max_row : CSV_MAX_ROW;
  c->raw = util_calloc(c->chunk, 1);
  c->dec = util_calloc(3 * c->chunk + 8, 1);
  c->name = util_strdup(name);
  c->line = 1;
  c->bad = -1;
  return c;
}

/* Runs the first pass over f, copying it to a temporary file first when it cannot seek, and positions the input
 * after the BOM for reading records. */
static int first_pass(csv *c, FILE *f, kerr *e) {
  scan s = {.nul_at = SIZE_MAX, .white = 1};
  off_t start = ftello(f);
  int seekable = start >= 0 && fseeko(f, start, SEEK_SET) == 0;
  FILE *spool = NULL;
  if (!seekable && !(spool = tmpfile()))
    return kerr_set(e, NULL, "%r: cannot make a temporary copy of the input: %r", c->name, strerror(errno));
  int rc = scan_input(c, f, spool, &s, e);
  if (rc == K_OK) rc = check_text(c, &s, e);
  if (spool) {
    if (c->own) fclose(c->own);
    c->own = spool, f = spool, start = 0;
  }
  if (rc != K_OK) return K_ERR;
  c->bom = s.total >= 3 && memcmp(s.head, "\xEF\xBB\xBF", 3) == 0;
  c->enc = s.u8.bad == 0 || c->bom || s.u8.good >= s.u8.bad ? ENC_UTF8 : ENC_CP1252;
  c->delim = s.semis > s.commas ? ';' : ',';
  c->size = s.total;
  c->offset = c->bom ? 3 : 0;
  if (fflush(f) != 0 || fseeko(f, start + (off_t)c->offset, SEEK_SET) != 0)
    return kerr_set(e, NULL, "%r: cannot read the file again: %r", c->name, strerror(errno));
  c->f = f;
  return K_OK;
}

static csv *open_reader(FILE *f, FILE *own, const char *name, const csv_opts *o, kerr *e) {
  csv *c = reader_new(name, o);
  c->own = own;
  if (first_pass(c, f, e) != K_OK) {
    csv_close(c);
    return NULL;
  }
  return c;
}

csv *csv_open_stream(FILE *f, const char *name, const csv_opts *o, kerr *e) {
  return open_reader(f, NULL, name, o, e);
}

csv *csv_open_mem(const char *data, size_t len, const char *name, kerr *e) {
  if (len == 0) {
    kerr_set(e, NULL, "%r: the file is empty", name);
    return NULL;
  }
  FILE *f = fmemopen((void *)data, len, "rb");
  if (!f) {
    kerr_set(e, NULL, "%r: cannot read the text: %r", name, strerror(errno));
    return NULL;
  }
  return open_reader(f, f, name, NULL, e);
}

csv *csv_open_file(const char *path, kerr *e) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    kerr_set(e, NULL, "%r: cannot open the file: %r", path, strerror(errno));
    return NULL;
  }
  return open_reader(f, f, path, NULL, e);
}

static int end_field(csv *c, size_t start);

csv *csv_open_source(const char *name, size_t size, csv_source_fn next, void (*done)(void *ctx), void *ctx) {
  csv *c = util_calloc(1, sizeof *c);
  c->name = util_strdup(name);
  c->max_row = CSV_MAX_ROW;
  c->bad = -1;
  c->size = size;
  c->delim = ',';
  c->src = next, c->src_done = done, c->src_ctx = ctx;
  return c;
}

void csv_record_begin(csv *c, long row, size_t offset) {
  buf_reset(&c->field);
  c->nf = 0;
  c->row = row;
  c->offset = offset;
}

int csv_record_field(csv *c, const char *s, size_t n, kerr *e) {
  size_t start = c->field.len;
  buf_append(&c->field, s, n);
  if (end_field(c, start)) return K_OK;
  return kerr_set(e, NULL, "%r, row %ld: the row is longer than %zu MB, the most a row may hold", c->name, c->row,
                  c->max_row >> 20);
}

void csv_close(csv *c) {
  if (!c) return;
  if (c->src_done) c->src_done(c->src_ctx);
  if (c->own) fclose(c->own);
  free(c->raw);
  free(c->dec);
  free(c->name);
  free(c->offs);
  buf_free(&c->field);
  free(c);
}

/* ---- reading records ---- */

/* Decodes the next chunk; returns its first byte, or -1 at the end (c->ioerr set after a read error). */
static int refill(csv *c) {
  while (!c->eof) {
    size_t n = fread(c->raw, 1, c->chunk, c->f);
    char *o = c->dec;
    c->offset += n;
    if (n == 0) {
      c->ioerr = ferror(c->f) != 0;
      c->eof = 1;
      if (c->enc == ENC_UTF8) o += u8_flush(&c->u8, o);
    }
    for (size_t i = 0; i < n; i++) {
      unsigned char b = c->raw[i];
      if (b < 0x80 && !c->u8.need)
        *o++ = (char)b;
      else
        o += c->enc == ENC_UTF8 ? u8_feed(&c->u8, b, o) : put_cp1252(o, b);
    }
    c->dlen = (size_t)(o - c->dec);
    c->dpos = 0;
    if (c->dlen) return (unsigned char)c->dec[c->dpos++];
  }
  return -1;
}

/* The next byte of UTF-8 text ('\0' for an invalid byte), or -1 at the end. */
static inline int getb(csv *c) {
  return c->dpos < c->dlen ? (unsigned char)c->dec[c->dpos++] : refill(c);
}

/* Puts back the byte getb just returned (never -1): it is still in dec. */
static void unget(csv *c) {
  c->dpos--;
}

/* Appends ch to the field; an invalid byte becomes U+FFFD and marks the field. Returns 0 when the record is too long.
 */
static int put(csv *c, int ch) {
  if (ch) {
    buf_putc(&c->field, (char)ch);
  } else {
    if (c->bad < 0) c->bad = c->nf;
    buf_append(&c->field, "\xEF\xBF\xBD", 3);
  }
  return c->field.len <= c->max_row;
}

static int too_long(const csv *c, int quoted, long start_line, kerr *e) {
  size_t mb = c->max_row >> 20;
  char limit[40];
  if (mb && (c->max_row & ((1u << 20) - 1)) == 0)
    snprintf(limit, sizeof limit, "%zu MB", mb);
  else
    snprintf(limit, sizeof limit, "%zu bytes", c->max_row);
  if (quoted)
    return kerr_set(e, NULL,
                    "%r, row %ld (line %ld): a quoted field is not closed (it goes on for more than %r, the most a "
                    "row may hold)",
                    c->name, c->row, start_line, limit);
  return kerr_set(e, NULL, "%r, row %ld (line %ld): the row is longer than %r, the most a row may hold", c->name,
                  c->row, start_line, limit);
}

static int read_error(const csv *c, kerr *e) {
  return kerr_set(e, NULL, "%r, row %ld: cannot read the file", c->name, c->row);
}

/* Reads a quoted field after its opening quote; *next gets the byte after it. */
static int read_quoted(csv *c, int *next, long start_line, kerr *e) {
  int ch;
  for (;;) {
    ch = getb(c);
    if (ch < 0 && c->ioerr) return read_error(c, e);
    if (ch < 0)
      return kerr_set(e, NULL, "%r, row %ld (line %ld): a quoted field is not closed", c->name, c->row, start_line);
    if (ch == '"' && (ch = getb(c)) != '"') break;
    if (ch == '\n') c->line++;
    if (!put(c, ch)) return too_long(c, 1, start_line, e);
  }
  while (ch == ' ' || ch == '\t') ch = getb(c);
  if (ch >= 0 && ch != c->delim && ch != '\n' && ch != '\r')
    return kerr_set(e, NULL, "%r, row %ld, field %d: text after a closing quote", c->name, c->row, c->nf + 1);
  *next = ch;
  return K_OK;
}

/* Reads one field into c->field; *next gets the byte after it: the delimiter, CR, LF or -1. */
static int read_field(csv *c, int *next, long start_line, kerr *e) {
  int ch = getb(c);
  while (ch == ' ' || ch == '\t') ch = getb(c);
  if (ch == '"') return read_quoted(c, next, start_line, e);
  for (; ch >= 0 && ch != c->delim && ch != '\n' && ch != '\r'; ch = getb(c)) {
    if (ch == '"')
      return kerr_set(e, NULL, "%r, row %ld, field %d: a quote inside an unquoted field", c->name, c->row, c->nf + 1);
    if (!put(c, ch)) return too_long(c, 0, start_line, e);
  }
  *next = ch;
  return K_OK;
}

/* Trims the field just read in place and terminates it; returns 0 when the record is too long. */
static int end_field(csv *c, size_t start) {
  buf_putc(&c->field, 0);
  char *f = c->field.data + start;
  util_trim(f);
  c->field.len = start + strlen(f) + 1;
  c->offs = util_grow(c->offs, c->nf, &c->capf, sizeof *c->offs);
  c->offs[c->nf++] = start;
  return c->field.len <= c->max_row;
}

/* Skips blank lines (each still a numbered row, as in a spreadsheet); returns the first byte after them. */
static int skip_blank_lines(csv *c) {
  int ch;
  while ((ch = getb(c)) == '\n' || ch == '\r')
    if (ch == '\n') c->line++, c->row++;
  return ch;
}

int csv_next(csv *c, kerr *e) {
  if (c->src) return c->src(c->src_ctx, c, e);
  int ch = skip_blank_lines(c);
  if (ch < 0) return c->ioerr ? read_error(c, e) : 0;
  unget(c);
  buf_reset(&c->field);
  c->nf = 0;
  c->bad = -1;
  c->row++;
  long start_line = c->line;
  for (;;) {
    size_t start = c->field.len;
    if (read_field(c, &ch, start_line, e) != K_OK) return -1;
    if (!end_field(c, start)) return too_long(c, 0, start_line, e);
    if (ch == c->delim) continue;
    if (ch == '\r' && (ch = getb(c)) >= 0 && ch != '\n') unget(c);
    if (ch == '\n') c->line++;
    if (c->ioerr) return read_error(c, e);
    return 1;
  }
}

int csv_nfields(const csv *c) {
  return c->nf;
}

const char *csv_field(const csv *c, int i) {
  return i >= 0 && i < c->nf ? c->field.data + c->offs[i] : NULL;
}

int csv_bad_field(const csv *c) {
  return c->bad;
}

long csv_row(const csv *c) {
  return c->row;
}

char csv_delimiter(const csv *c) {
  return c->delim;
}

int csv_was_cp1252(const csv *c) {
  return c->enc == ENC_CP1252;
}

int csv_bom(const csv *c) {
  return c->bom;
}

const char *csv_name(const csv *c) {
  return c->name;
}

size_t csv_offset(const csv *c) {
  return c->offset;
}

size_t csv_size(const csv *c) {
  return c->size;
}
