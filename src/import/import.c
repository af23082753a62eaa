/* import: reads a CSV (deeds, participants, attendance, costs), checks every row and stores them all in one
 * transaction. */
#include "import/import.h"

#include <assert.h>
#include <errno.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "core/buf.h"
#include "core/csv.h"
#include "core/map.h"
#include "core/utf8.h"
#include "import/xlsx.h"
#include "core/date.h"
#include "model/audit.h"
#include "model/budget.h"
#include "model/deed.h"
#include "model/org.h"
#include "model/person.h"
#include "model/refdata.h"

/* ---- columns ---- */

enum {
  C_REF,
  C_TITLE,
  C_ORG,
  C_YTUNNUS,
  C_MUNI,
  C_SECTOR,
  C_SUMMARY,
  C_START,
  C_GOAL,
  C_ACTIONS,
  C_PARTS,
  C_RESULTS,
  C_THEMES,
  C_SERVICE,
  C_YEAR,
  C_CNAME,
  C_CEMAIL,
  NCOL
};

#define HEAD_REQ 1 /* the header must have the column */
#define VAL_REQ 2  /* every row must have a value in it */

#define NO_MEMBER SIZE_MAX /* the column is resolved (year, codes, Y-tunnus), not copied into the deed */

#define MAXCOL 24 /* columns of the widest kind of file */

/* A column of one kind of file. member: the deed's string (deeds only). */
typedef struct colspec {
  const char *name;
  int flags;
  size_t member;
} colspec;

/* Names are those of deed_validate's e->field, so its errors map back to a column. */
static const colspec deed_cols[NCOL] = {
    [C_REF] = {"ref", 0, offsetof(deed, ref)},
    [C_TITLE] = {"title", HEAD_REQ | VAL_REQ, offsetof(deed, title)},
    [C_ORG] = {"organisation", HEAD_REQ | VAL_REQ, offsetof(deed, org_name)},
    [C_YTUNNUS] = {"ytunnus", 0, NO_MEMBER},
    [C_MUNI] = {"municipality", HEAD_REQ | VAL_REQ, NO_MEMBER},
    [C_SECTOR] = {"sector", HEAD_REQ | VAL_REQ, NO_MEMBER},
    [C_SUMMARY] = {"summary", HEAD_REQ, offsetof(deed, summary)},
    [C_START] = {"starting_point", 0, offsetof(deed, starting_point)},
    [C_GOAL] = {"goal", HEAD_REQ | VAL_REQ, offsetof(deed, goal)},
    [C_ACTIONS] = {"actions", HEAD_REQ, offsetof(deed, actions)},
    [C_PARTS] = {"participants", 0, offsetof(deed, participants)},
    [C_RESULTS] = {"results", HEAD_REQ | VAL_REQ, offsetof(deed, results)},
    [C_THEMES] = {"themes", 0, offsetof(deed, themes)},
    [C_SERVICE] = {"service", 0, offsetof(deed, service)},
    [C_YEAR] = {"year", HEAD_REQ | VAL_REQ, NO_MEMBER},
    [C_CNAME] = {"contact_name", 0, offsetof(deed, contact_name)},
    [C_CEMAIL] = {"contact_email", 0, offsetof(deed, contact_email)},
};

/* Looks key up through fn once per import and remembers the answer (malloc'd copy returned, or NULL). */
static char *cached_lookup(strmap *m, db *d, const char *key, char *(*fn)(db *, const char *)) {
  size_t slot;
  if (strmap_find(m, key, &slot)) return util_strdup(m->vals[slot]);
  char *v = fn(d, key);
  if (v) strmap_add(m, key, util_strdup(v), 0);
  return v;
}

/* Looked-up names are cached per import; a cache this full is emptied, so a file of a million different names stays
 * small. */
#define IMPORT_CACHE_MAX 65536

/* ---- the importer ---- */

typedef struct importer importer;

/* What differs between the kinds of file: the columns, what a row is called and how one row is stored. */
typedef struct import_kind {
  const colspec *cols;
  int ncol;
  const char *noun;  /* "deeds", "participants" */
  const char *audit; /* subject of the audit row written for the import, or NULL for no audit */
  int (*row)(importer *im, kerr *e);
  const char *comma_hint; /* said when a row of a comma-separated file has too many fields, or NULL */
} import_kind;

struct importer {
  const import_kind *kind;
  const char *actor; /* who imports, for the audit log */
  db *d;
  csv *c;
  int nhead;       /* columns in the header */
  buf headtext;    /* header names as written, each ending in NUL */
  size_t *headoff; /* header position -> its name in headtext */
  int *col_of;     /* header position -> column id, or -1 for a column with an empty name */
  int pos[MAXCOL]; /* column id -> header position, or -1 when the header lacks it */
  seenset seen;    /* keys that must be unique in the file (deed ref, person in delivery) -> row */
  strmap ids;      /* looked-up deliveries, organisations and sessions -> id (0: unknown) */
  strmap munis;    /* municipality as written -> code */
  strmap sectors;  /* sector as written -> code */
  int progress, decile;
  int dry_run; /* roll back instead of committing */
  long long last_ms;
  import_stats *st;
  audit_batch audit; /* the participant rows' audit rows, written a batch at a time */
  import_problem_fn problem;
  void *problem_ctx;
};

static void importer_free(importer *im) {
  buf_free(&im->headtext);
  free(im->headoff);
  free(im->col_of);
  seen_free(&im->seen);
  strmap_free(&im->ids);
  strmap_free(&im->munis);
  strmap_free(&im->sectors);
  csv_close(im->c);
}

static int col_by_name(const importer *im, const char *name) {
  for (int k = 0; name && k < im->kind->ncol; k++)
    if (strcasecmp(name, im->kind->cols[k].name) == 0) return k;
  return -1;
}

/* The value of column k in the current row; "" when the header lacks the column. */
static const char *val(const importer *im, int k) {
  return im->pos[k] < 0 ? "" : csv_field(im->c, im->pos[k]);
}

/* The header name at position p as written ("" for a nameless column). */
static const char *head_at(const importer *im, int p) {
  return im->headtext.data + im->headoff[p];
}

#define HEAD_NAME_MAX 72 /* bytes of a header name quoted in a message */

/* Name of header position p for messages (tmp: HEAD_NAME_MAX bytes): its header text, clipped, or "N (no name)". */
static const char *head_name(const importer *im, int p, char *tmp, size_t n) {
  if (p < im->nhead && head_at(im, p)[0]) return utf8_clip(head_at(im, p), tmp, n);
  snprintf(tmp, n, "%d (no name)", p + 1);
  return tmp;
}

#define ROW_ERR_MAX 2048 /* bytes of one row's message: a huge value quoted whole by a model is cut */

/* Sets e to "FILE, row N, column COL: <fmt>" (column left out when col is NULL), cut to ROW_ERR_MAX; returns K_ERR. */
static int row_err(const importer *im, const char *col, kerr *e, const char *fmt, ...) {
  buf b = BUF_INIT;
  buf_printf(&b, "%r, row %ld", csv_name(im->c), csv_row(im->c));
  if (col) buf_printf(&b, ", column %r", col);
  buf_puts(&b, ": ");
  va_list ap;
  va_start(ap, fmt);
  buf_vprintf(&b, fmt, ap);
  va_end(ap);
  char cut[ROW_ERR_MAX];
  kerr_set(e, col, "%r", utf8_clip(b.data, cut, sizeof cut));
  buf_free(&b);
  return K_ERR;
}

/* Rewrites a csv reader error (which names file and row) so that it also names the column it happened in. */
static int csv_error(const importer *im, kerr *e) {
  const char *msg = e->msg ? e->msg : "malformed CSV";
  const char *what = strstr(msg + strnlen(msg, strlen(csv_name(im->c))), ": ");
  what = what ? what + 2 : msg;
  int p = csv_nfields(im->c);
  char *copy = util_strdup(what);
  if (p < im->nhead) {
    char tmp[HEAD_NAME_MAX];
    row_err(im, head_name(im, p, tmp, sizeof tmp), e, "%r", copy);
  } else {
    row_err(im, NULL, e, "%r (field %d)", copy, p + 1);
  }
  free(copy);
  return K_ERR;
}

static void progress_report(importer *im, int done) {
  if (!im->progress) return;
  size_t size = csv_size(im->c);
  int pct = done || size == 0 ? 100 : (int)(csv_offset(im->c) * 100 / size);
  if (!done && pct / 10 <= im->decile) return;
  long long now = util_now_ms();
  if (!done && now - im->last_ms < 1000) return;
  im->decile = pct / 10;
  im->last_ms = now;
  fprintf(stderr, "import: %d%% (%ld rows)\n", pct, im->st->rows);
}

/* The error for a field with bytes that are not valid UTF-8 in a file read as UTF-8; col names its column. */
static int bad_utf8(const importer *im, const char *col, kerr *e) {
  if (csv_bom(im->c))
    return row_err(im, col, e,
                   "bytes that are not valid UTF-8, though the file starts with a UTF-8 byte order mark (BOM); save "
                   "the file again as CSV UTF-8 and import it again");
  return row_err(im, col, e,
                 "bytes that are not valid UTF-8, in a file that is otherwise UTF-8; save the file as UTF-8 "
                 "(or wholly as Windows-1252) and import it again");
}

/* ---- header ---- */

static void list_missing(const importer *im, buf *b) {
  const colspec *cols = im->kind->cols;
  int n = 0;
  for (int k = 0; k < im->kind->ncol; k++)
    if ((cols[k].flags & HEAD_REQ) && im->pos[k] < 0) buf_printf(b, "%r%r", n++ ? ", " : "", cols[k].name);
}

static void list_known(const importer *im, buf *b) {
  for (int k = 0; k < im->kind->ncol; k++) buf_printf(b, "%r%r", k ? ", " : "", im->kind->cols[k].name);
}

#define MAX_UNKNOWN_NAMED 20 /* unknown header names quoted in the message; the rest are counted */

/* Maps header names to columns; names the first unknown names in unknown and counts them all in *nunknown.
 * Returns K_ERR on a duplicate column. */
static int map_header(importer *im, buf *unknown, int *nunknown, kerr *e) {
  char tmp[40]; /* 20 names in a message of at most ROW_ERR_MAX bytes */
  for (int p = 0; p < im->nhead; p++) {
    const char *name = head_at(im, p);
    int k = name[0] ? col_by_name(im, name) : -1;
    im->col_of[p] = k;
    if (k < 0 && name[0] && (*nunknown)++ < MAX_UNKNOWN_NAMED)
      buf_printf(unknown, "%r'%r'", *nunknown > 1 ? ", " : "", utf8_clip(name, tmp, sizeof tmp));
    if (k < 0) continue;
    if (im->pos[k] >= 0)
      return row_err(im, im->kind->cols[k].name, e, "the column appears twice (columns %d and %d)", im->pos[k] + 1,
                     p + 1);
    im->pos[k] = p;
  }
  return K_OK;
}

/* Reads the header row into im->headtext and im->headoff. */
static int take_header(importer *im, kerr *e) {
  int r = csv_next(im->c, e);
  if (r < 0) return csv_error(im, e);
  if (r == 0) return kerr_set(e, NULL, "%r: the file is empty", csv_name(im->c));
  im->nhead = csv_nfields(im->c);
  im->headoff = util_calloc((size_t)im->nhead, sizeof *im->headoff);
  im->col_of = util_calloc((size_t)im->nhead, sizeof *im->col_of);
  for (int p = 0; p < im->nhead; p++) {
    im->headoff[p] = im->headtext.len;
    buf_append(&im->headtext, csv_field(im->c, p), strlen(csv_field(im->c, p)) + 1);
  }
  char num[16];
  snprintf(num, sizeof num, "%d", csv_bad_field(im->c) + 1);
  if (csv_bad_field(im->c) >= 0) return bad_utf8(im, num, e); /* its name is what is broken */
  return K_OK;
}

static int read_header(importer *im, kerr *e) {
  if (take_header(im, e) != K_OK) return K_ERR;
  buf unknown = BUF_INIT, missing = BUF_INIT;
  int nunknown = 0;
  int rc = map_header(im, &unknown, &nunknown, e);
  if (rc == K_OK) list_missing(im, &missing);
  if (rc == K_OK && (unknown.len || missing.len)) {
    buf m = BUF_INIT;
    if (unknown.len) {
      buf_printf(&m, "unknown column%r %r", nunknown > 1 ? "s" : "", unknown.data);
      if (nunknown > MAX_UNKNOWN_NAMED) buf_printf(&m, " and %d more", nunknown - MAX_UNKNOWN_NAMED);
      buf_puts(&m, " (known columns: ");
      list_known(im, &m);
      buf_puts(&m, ")");
    }
    if (missing.len)
      buf_printf(&m, "%rmissing required column%r: %r", unknown.len ? "; " : "", strchr(missing.data, ',') ? "s" : "",
                 missing.data);
    rc = row_err(im, NULL, e, "%r", m.data);
    buf_free(&m);
  }
  buf_free(&unknown);
  buf_free(&missing);
  return rc;
}

/* ---- one row ---- */

/* Checks the shape of the row: field count, values under nameless columns, broken UTF-8. Returns 1 when the row
 * is wholly empty (skipped), 0 when it is to be imported, K_ERR with e set otherwise. */
static int check_shape(const importer *im, kerr *e) {
  int nf = csv_nfields(im->c), empty = 1;
  char tmp[HEAD_NAME_MAX];
  if (nf < im->nhead)
    return row_err(im, head_name(im, nf, tmp, sizeof tmp), e,
                   "the row ends here: it has %d fields but the header has %d columns", nf, im->nhead);
  if (nf > im->nhead)
    return row_err(im, NULL, e, "the row has %d fields but the header has only %d columns%r%r", nf, im->nhead,
                   im->kind->comma_hint && csv_delimiter(im->c) == ',' ? ": " : "",
                   im->kind->comma_hint && csv_delimiter(im->c) == ',' ? im->kind->comma_hint : "");
  for (int p = 0; p < nf; p++) {
    const char *v = csv_field(im->c, p);
    if (!*v) continue;
    empty = 0;
    if (im->col_of[p] < 0)
      return row_err(im, head_name(im, p, tmp, sizeof tmp), e, "a value under a column that has no name in the header");
  }
  if (csv_bad_field(im->c) >= 0) return bad_utf8(im, head_name(im, csv_bad_field(im->c), tmp, sizeof tmp), e);
  return empty;
}

static int check_required(const importer *im, kerr *e) {
  const colspec *cols = im->kind->cols;
  for (int k = 0; k < im->kind->ncol; k++)
    if ((cols[k].flags & VAL_REQ) && util_blank(val(im, k)))
      return row_err(im, cols[k].name, e, "the value is empty, but this column is required");
  return K_OK;
}

/* Fills x's text fields with borrowed pointers into the current row. */
static void fill_deed(const importer *im, deed *x) {
  for (int k = 0; k < NCOL; k++)
    if (deed_cols[k].member != NO_MEMBER) *(char **)((char *)x + deed_cols[k].member) = (char *)val(im, k);
}

/* Year, municipality, sector and organisation: sets x->year, x->municipality_code and x->sector_code (malloc'd,
 * freed by the caller even on error), x->org_id and x->org_name. */
static int resolve(importer *im, deed *x, kerr *e) {
  char tmp[72];
  long long year;
  if (util_parse_int(val(im, C_YEAR), 2000, 2100, &year) != K_OK)
    return row_err(im, "year", e, "'%r' is not a year between 2000 and 2100",
                   utf8_clip(val(im, C_YEAR), tmp, sizeof tmp));
  x->year = (int)year;
  x->municipality_code = cached_lookup(&im->munis, im->d, val(im, C_MUNI), refdata_municipality_code);
  if (!x->municipality_code)
    return row_err(im, "municipality", e,
                   "unknown municipality '%r' (give its Finnish or Swedish name or its "
                   "Statistics Finland code)",
                   utf8_clip(val(im, C_MUNI), tmp, sizeof tmp));
  x->sector_code = cached_lookup(&im->sectors, im->d, val(im, C_SECTOR), deed_sector_code);
  if (!x->sector_code)
    return row_err(im, "sector", e,
                   "unknown sector '%r' (give a code such as sote or opetus, or the Finnish, "
                   "Swedish or English name)",
                   utf8_clip(val(im, C_SECTOR), tmp, sizeof tmp));
  const char *yt = val(im, C_YTUNNUS);
  if (*yt && !org_ytunnus_valid(yt))
    return row_err(im, "ytunnus", e,
                   "'%r' is not a valid Y-tunnus (the form is 1234567-8 and the check digit "
                   "must match)",
                   utf8_clip(yt, tmp, sizeof tmp));
  x->org_id = *yt ? org_find(im->d, yt) : 0;
  if (!x->org_id) x->org_id = org_find(im->d, x->org_name);
  if (x->org_id) {
    x->org_name = ""; /* deed_insert takes the registry's name */
    im->st->linked++;
  }
  return K_OK;
}

/* Turns a deed_validate error (Finnish, for the web form) into an English row error. */
static int validation_error(const importer *im, const kerr *ve, kerr *e) {
  int k = col_by_name(im, ve->field);
  const colspec *cols = deed_cols;
  if (k < 0) return row_err(im, ve->field, e, "%r", ve->msg);
  const char *v = val(im, k);
  if (util_blank(v)) return row_err(im, cols[k].name, e, "the value is empty, but this column is required");
  if (k == C_CEMAIL) {
    char tmp[72];
    return row_err(im, cols[k].name, e, "'%r' is not a valid email address", utf8_clip(v, tmp, sizeof tmp));
  }
  return row_err(im, cols[k].name, e, "the value is too long (%zu characters)", util_utf8_len(v));
}

static int check_ref(importer *im, const deed *x, kerr *e) {
  if (util_blank(x->ref)) return K_OK;
  char tmp[72];
  long first = seen_add(&im->seen, x->ref, csv_row(im->c));
  if (!first) return K_OK;
  return row_err(im, "ref", e, "ref '%r' is already used on row %ld of this file", utf8_clip(x->ref, tmp, sizeof tmp),
                 first);
}

static int store(importer *im, const deed *x, kerr *e) {
  kerr ie = {0};
  long long id = deed_insert(im->d, x, "published", &ie);
  if (id) return K_OK;
  if (ie.field && strcmp(ie.field, "ref") == 0) {
    char tmp[72];
    long long other = db_int(im->d, 0, "SELECT id FROM deed WHERE ref=?1", "t", x->ref);
    row_err(im, "ref", e, "ref '%r' is already used by deed %lld in the database", utf8_clip(x->ref, tmp, sizeof tmp),
            other);
  } else {
    row_err(im, NULL, e, "cannot store the deed: %r", ie.msg ? ie.msg : "unknown error");
  }
  kerr_clear(&ie);
  return K_ERR;
}

static int deed_row(importer *im, kerr *e) {
  int shape = check_shape(im, e);
  if (shape != 0) return shape == 1 ? K_OK : K_ERR;
  if (check_required(im, e) != K_OK) return K_ERR;
  deed x = {0};
  fill_deed(im, &x);
  int rc = resolve(im, &x, e);
  if (rc == K_OK) rc = check_ref(im, &x, e);
  if (rc == K_OK) {
    kerr ve = {0};
    if (deed_validate(im->d, &x, 0, &ve) != K_OK) rc = validation_error(im, &ve, e);
    kerr_clear(&ve);
  }
  if (rc == K_OK) rc = store(im, &x, e);
  if (rc == K_OK) im->st->rows++;
  free(x.municipality_code);
  free(x.sector_code);
  return rc;
}

#define MAX_ROW_ERRORS IMPORT_MAX_ROW_ERRORS /* a file with many bad rows lists this many, to be fixed together */

/* Tells the caller's problem function about the bad row just read (e from row_err). */
static void report_problem(const importer *im, const kerr *e) {
  if (!im->problem || !e->msg) return;
  buf prefix = BUF_INIT;
  buf_printf(&prefix, "%r, row %ld", csv_name(im->c), csv_row(im->c));
  if (e->field) buf_printf(&prefix, ", column %r", e->field);
  buf_puts(&prefix, ": ");
  const char *what = strncmp(e->msg, prefix.data, prefix.len) == 0 ? e->msg + prefix.len : e->msg;
  im->problem(im->problem_ctx, csv_row(im->c), e->field, what);
  buf_free(&prefix);
}

/* Imports every row; a bad row is noted and the next one read, so one run reports up to MAX_ROW_ERRORS problems
 * (one per line in e->msg). Nothing is kept when any row is bad: the caller rolls the transaction back. */
static int import_rows(importer *im, kerr *e) {
  int r, nbad = 0;
  buf errors = BUF_INIT;
  while ((r = csv_next(im->c, e)) == 1) {
    if (im->kind->row(im, e) != K_OK) {
      if (nbad++ < MAX_ROW_ERRORS) {
        buf_printf(&errors, "%r%r", errors.len ? "\n" : "", e->msg ? e->msg : "");
        report_problem(im, e);
      }
      im->st->bad = nbad;
      kerr_clear(e);
    }
    progress_report(im, 0);
  }
  if (r < 0) {
    if (errors.len) buf_putc(&errors, '\n');
    csv_error(im, e);
    buf_puts(&errors, e->msg ? e->msg : "");
    kerr_set(e, NULL, "%r", errors.data);
    buf_free(&errors);
    return K_ERR;
  }
  if (nbad) {
    if (nbad > MAX_ROW_ERRORS) buf_printf(&errors, "\n… and %d more rows with problems", nbad - MAX_ROW_ERRORS);
    kerr_set(e, NULL, "%r", errors.data);
    buf_free(&errors);
    return K_ERR;
  }
  buf_free(&errors);
  if (im->st->rows == 0)
    return kerr_set(e, NULL, "%r: the file has a header row but no %r", csv_name(im->c), im->kind->noun);
  return K_OK;
}

/* ---- participants and attendance ---- */

enum {
  P_DELIVERY,
  P_EMAIL,
  P_NAME,
  P_ORG,
  P_OCC,
  P_SECTOR,
  P_ROLE,
  P_ENTRY,
  P_BIRTH,
  P_GENDER,
  P_LABOUR,
  P_EDU,
  P_EXIT,
  P_EXITST,
  P_UNEMP, /* the Annex I items, optional */
  P_INEDU,
  P_DISAB,
  P_MIGR,
  P_DISADV,
  P_QUAL,
  NPCOL
};

static const colspec part_cols[NPCOL] = {
    [P_DELIVERY] = {"delivery", HEAD_REQ | VAL_REQ, NO_MEMBER},
    [P_EMAIL] = {"email", HEAD_REQ | VAL_REQ, NO_MEMBER},
    [P_NAME] = {"name", HEAD_REQ, NO_MEMBER},
    [P_ORG] = {"organisation", HEAD_REQ, NO_MEMBER},
    [P_OCC] = {"occupation", 0, NO_MEMBER},
    [P_SECTOR] = {"sector", 0, NO_MEMBER},
    [P_ROLE] = {"role", HEAD_REQ | VAL_REQ, NO_MEMBER},
    [P_ENTRY] = {"entry_date", 0, NO_MEMBER},
    [P_BIRTH] = {"birth_date", 0, NO_MEMBER},
    [P_GENDER] = {"gender", 0, NO_MEMBER},
    [P_LABOUR] = {"labour_status", 0, NO_MEMBER},
    [P_EDU] = {"education", 0, NO_MEMBER},
    [P_EXIT] = {"exit_date", 0, NO_MEMBER},
    [P_EXITST] = {"exit_status", 0, NO_MEMBER},
    [P_UNEMP] = {"unemployed_for", 0, NO_MEMBER},
    [P_INEDU] = {"in_education", 0, NO_MEMBER},
    [P_DISAB] = {"disability", 0, NO_MEMBER},
    [P_MIGR] = {"migrant", 0, NO_MEMBER},
    [P_DISADV] = {"disadvantaged", 0, NO_MEMBER},
    [P_QUAL] = {"exit_qualification", 0, NO_MEMBER},
};

enum { A_DELIVERY, A_SESSION, A_EMAIL, NACOL };

static const colspec att_cols[NACOL] = {
    [A_DELIVERY] = {"delivery", HEAD_REQ | VAL_REQ, NO_MEMBER},
    [A_SESSION] = {"session", HEAD_REQ | VAL_REQ, NO_MEMBER},
    [A_EMAIL] = {"email", HEAD_REQ | VAL_REQ, NO_MEMBER},
};

/* A delivery named in a row: its id, whether its service counts ESF participants, and its funding period. */
typedef struct delivery_ref {
  long long id, period_id;
  int participants;
} delivery_ref;

/* Finds the delivery by ref, or by its number id; remembered per import. Returns K_OK or a row error. */
static int find_delivery(importer *im, const char *text, delivery_ref *out, kerr *e) {
  char key[160], tmp[72];
  snprintf(key, sizeof key, "d:%s", text);
  size_t slot = 0;
  if (!strmap_find(&im->ids, key, &slot)) {
    long long num = 0;
    if (util_parse_int(text, 1, 999999999999LL, &num) != K_OK) num = 0;
    db_stmt *st = db_query(im->d,
                           "SELECT d.id, s.counts='participant', d.starts_on FROM delivery d "
                           "JOIN service s ON s.id=d.service_id WHERE d.ref=?1 OR d.id=?2 "
                           "ORDER BY d.ref IS ?1 DESC LIMIT 1",
                           "ti", text, num);
    long id = 0;
    char *info = NULL;
    if (db_step(st) == 1) {
      id = (long)db_col_int(st, 0);
      info = buf_mprintf("%d%lld", (int)db_col_int(st, 1), person_period_of(im->d, db_col_text(st, 2)));
    }
    db_done(st);
    slot = strmap_add(&im->ids, key, info, id);
  }
  if (!im->ids.nums[slot])
    return row_err(im, "delivery", e, "unknown delivery '%r' (give its ref or number)",
                   utf8_clip(text, tmp, sizeof tmp));
  out->id = im->ids.nums[slot];
  out->participants = im->ids.vals[slot][0] == '1';
  out->period_id = atoll(im->ids.vals[slot] + 1);
  return K_OK;
}

/* Finds the organisation by Y-tunnus or exact registry name (0 and a row error when unknown). */
static long long find_org(importer *im, const char *text, kerr *e) {
  char key[300], tmp[72];
  snprintf(key, sizeof key, "o:%s", text);
  size_t slot = 0;
  if (!strmap_find(&im->ids, key, &slot)) {
    slot = strmap_add(&im->ids, key, NULL, (long)org_find(im->d, text));
  }
  if (!im->ids.nums[slot])
    row_err(im, "organisation", e, "unknown organisation '%r' (give its Y-tunnus or its name in the registry)",
            utf8_clip(text, tmp, sizeof tmp));
  return im->ids.nums[slot];
}

/* Notes key as seen on this row; when it was seen before, returns the row it was on, else 0. */
static long seen_before(importer *im, const char *key) {
  return seen_add(&im->seen, key, csv_row(im->c));
}

/* "p:DELIVERY:email" with the email in lower case, for finding the same person twice in a file. */
static void person_key(char *key, size_t n, char kind, long long a, long long b, const char *email) {
  int len = snprintf(key, n, "%c:%lld:%lld:", kind, a, b);
  for (size_t i = (size_t)len; i + 1 < n && *email; i++, email++)
    key[i] = (*email >= 'A' && *email <= 'Z') ? (char)(*email + 32) : *email, key[i + 1] = 0;
}

/* Column id of the first ESF item with a value, or -1 when every item is empty. */
static int first_esf(const importer *im) {
  for (int k = P_ENTRY; k < NPCOL; k++)
    if (!util_blank(val(im, k))) return k;
  return -1;
}

/* Turns a model error (its field is a column name) into a row error. */
static int model_error(const importer *im, kerr *me, kerr *e) {
  row_err(im, me->field, e, "%r", me->msg ? me->msg : "invalid value");
  kerr_clear(me);
  return K_ERR;
}

/* Checks the ESF items of a participant row against what is already recorded; fills r when a record is to be
 * stored (r->entry_date set), leaves it empty when the row carries none. */
static int check_esf(importer *im, const delivery_ref *dl, long long person_id, esf_record *r, kerr *e) {
  int first = first_esf(im);
  if (!dl->participants) {
    if (first < 0) return K_OK;
    return row_err(im, part_cols[first].name, e,
                   "the delivery's service counts event attendees, who get no ESF record: leave the ESF items empty");
  }
  if (!dl->period_id)
    return row_err(im, "delivery", e,
                   "no funding period contains the year the delivery starts, so it cannot hold "
                   "ESF records: add the funding period first");
  long long have = person_id ? person_esf_in_period(im->d, person_id, dl->period_id) : 0;
  if (first < 0) {
    if (have) return K_OK;
    return row_err(im, "entry_date", e,
                   "the person has no ESF start record in this funding period, so the ESF items are required");
  }
  r->entry_date = util_strdup(val(im, P_ENTRY));
  r->birth_date = util_strdup(val(im, P_BIRTH));
  r->gender = util_strdup(val(im, P_GENDER));
  r->labour = util_strdup(val(im, P_LABOUR));
  r->education = util_strdup(val(im, P_EDU));
  r->exit_date = util_strdup(val(im, P_EXIT));
  r->exit_status = util_strdup(val(im, P_EXITST));
  char **items[6] = {&r->unemployed_for, &r->in_education,  &r->disability,
                     &r->migrant,        &r->disadvantaged, &r->exit_qualification};
  for (int k = 0; k < 6; k++) *items[k] = util_blank(val(im, P_UNEMP + k)) ? NULL : util_strdup(val(im, P_UNEMP + k));
  kerr me = {0};
  if (person_esf_validate(im->d, r, NULL, &me) != K_OK) return model_error(im, &me, e);
  r->period_id = dl->period_id;
  return K_OK;
}

static void esf_clear(esf_record *r) {
  free(r->entry_date), free(r->birth_date), free(r->gender), free(r->labour), free(r->education);
  free(r->exit_date), free(r->exit_status);
  free(r->unemployed_for), free(r->in_education), free(r->disability), free(r->migrant), free(r->disadvantaged);
  free(r->exit_qualification);
}

/* Stores a checked participant row: the person, the participation, the ESF record, an audit row. */
static int store_participant(importer *im, person *p, const delivery_ref *dl, const char *role, esf_record *r,
                             kerr *e) {
  kerr me = {0};
  int created = 0;
  long long id = person_save(im->d, p, &created, &me);
  if (!id) return model_error(im, &me, e);
  if (!person_participate(im->d, id, dl->id, role, &me)) return model_error(im, &me, e);
  r->person_id = id;
  if (r->entry_date && !person_esf_save(im->d, r, &me)) return model_error(im, &me, e);
  char subject[40], detail[160];
  snprintf(subject, sizeof subject, "person:%lld", id);
  snprintf(detail, sizeof detail, "%s, row %ld: delivery %lld", csv_name(im->c), csv_row(im->c), dl->id);
  if (audit_batch_add(&im->audit, created ? "create" : "update", subject, detail) != K_OK)
    return row_err(im, NULL, e, "cannot write the audit log");
  im->st->linked += created;
  return K_OK;
}

static int participant_row(importer *im, kerr *e) {
  int shape = check_shape(im, e);
  if (shape != 0) return shape == 1 ? K_OK : K_ERR;
  if (check_required(im, e) != K_OK) return K_ERR;
  char tmp[72], key[400];
  delivery_ref dl;
  if (find_delivery(im, val(im, P_DELIVERY), &dl, e) != K_OK) return K_ERR;
  const char *email = val(im, P_EMAIL);
  if (!util_email_valid(email))
    return row_err(im, "email", e, "'%r' is not a valid email address", utf8_clip(email, tmp, sizeof tmp));
  const char *role = person_role_code(val(im, P_ROLE));
  if (!role)
    return row_err(im, "role", e, "unknown role '%r' (use johto, esihenkilo, tyontekija or edustaja)",
                   utf8_clip(val(im, P_ROLE), tmp, sizeof tmp));
  person p = {.email = (char *)email, .name = (char *)val(im, P_NAME)};
  if (*val(im, P_ORG) && !(p.org_id = find_org(im, val(im, P_ORG), e))) return K_ERR;
  if (*val(im, P_OCC)) p.occupation = (char *)val(im, P_OCC);
  char *sector = NULL;
  if (*val(im, P_SECTOR) && !(sector = cached_lookup(&im->sectors, im->d, val(im, P_SECTOR), deed_sector_code)))
    return row_err(im, "sector", e, "unknown sector '%r' (give a code such as sote or opetus, or the Finnish name)",
                   utf8_clip(val(im, P_SECTOR), tmp, sizeof tmp));
  p.sector_code = sector;
  person_key(key, sizeof key, 'p', dl.id, 0, email);
  long first = seen_before(im, key);
  int rc =
      first ? row_err(im, "email", e, "the person is already in this delivery on row %ld of this file", first) : K_OK;
  esf_record r = {0};
  if (rc == K_OK) {
    p.id = person_find(im->d, email);
    rc = check_esf(im, &dl, p.id, &r, e);
    if (!p.id) p.id = -1; /* person_save need not look again */
  }
  if (rc == K_OK) rc = store_participant(im, &p, &dl, role, &r, e);
  if (rc == K_OK) im->st->rows++;
  esf_clear(&r);
  free(sector);
  return rc;
}

/* The id of session number text of a delivery (0 and a row error when there is none). */
static long long find_session(importer *im, long long delivery_id, const char *text, kerr *e) {
  char key[64], tmp[72];
  long long num;
  if (util_parse_int(text, 1, 100000, &num) != K_OK)
    return row_err(im, "session", e, "'%r' is not a session number", utf8_clip(text, tmp, sizeof tmp)), 0;
  snprintf(key, sizeof key, "s:%lld:%lld", delivery_id, num);
  size_t slot = 0;
  if (!strmap_find(&im->ids, key, &slot)) {
    slot = strmap_add(&im->ids, key, NULL,
                      (long)db_int(im->d, 0, "SELECT id FROM delivery_session WHERE delivery_id=?1 AND number=?2", "ii",
                                   delivery_id, num));
  }
  if (!im->ids.nums[slot]) row_err(im, "session", e, "unknown session %lld: the delivery has no such session", num);
  return im->ids.nums[slot];
}

static int attendance_row(importer *im, kerr *e) {
  int shape = check_shape(im, e);
  if (shape != 0) return shape == 1 ? K_OK : K_ERR;
  if (check_required(im, e) != K_OK) return K_ERR;
  char tmp[72], key[400];
  delivery_ref dl;
  if (find_delivery(im, val(im, A_DELIVERY), &dl, e) != K_OK) return K_ERR;
  long long session = find_session(im, dl.id, val(im, A_SESSION), e);
  if (!session) return K_ERR;
  const char *email = val(im, A_EMAIL);
  if (!util_email_valid(email))
    return row_err(im, "email", e, "'%r' is not a valid email address", utf8_clip(email, tmp, sizeof tmp));
  long long part = 0, person_id = 0;
  db_stmt *st = db_query(im->d,
                         "SELECT pa.id, pa.person_id FROM participation pa JOIN person p ON p.id=pa.person_id "
                         "WHERE p.email=?1 COLLATE NOCASE AND pa.delivery_id=?2",
                         "ti", email, dl.id);
  if (db_step(st) == 1) part = db_col_int(st, 0), person_id = db_col_int(st, 1);
  db_done(st);
  if (!part)
    return row_err(im, "email", e,
                   "unknown participant '%r': import the person into this delivery with import participants first",
                   utf8_clip(email, tmp, sizeof tmp));
  person_key(key, sizeof key, 'a', session, part, "");
  long first = seen_before(im, key);
  if (first)
    return row_err(im, "email", e, "duplicate attendance: the same person and session are on row %ld of this file",
                   first);
  kerr me = {0};
  if (person_attend(im->d, session, part, &me) != K_OK) {
    kerr_clear(&me);
    return row_err(im, "email", e, "duplicate attendance: it is already recorded for this session");
  }
  /* attendance is personal data: the change is logged on the person, as the participant rows are */
  char subject[40], detail[160];
  snprintf(subject, sizeof subject, "person:%lld", person_id);
  snprintf(detail, sizeof detail, "%s, row %ld: attendance, delivery %lld session %s", csv_name(im->c), csv_row(im->c),
           dl.id, val(im, A_SESSION));
  if (audit_log(im->d, im->actor, "update", subject, detail) != K_OK)
    return row_err(im, NULL, e, "cannot write the audit log");
  im->st->rows++;
  return K_OK;
}

/* ---- the cost ledger ---- */

enum { K_DATE, K_ACCOUNT, K_CATEGORY, K_AMOUNT, K_DESCR, K_VOUCHER, NKCOL };

static const colspec cost_cols[NKCOL] = {
    [K_DATE] = {"date", HEAD_REQ | VAL_REQ, NO_MEMBER},
    [K_ACCOUNT] = {"account", 0, NO_MEMBER},
    [K_CATEGORY] = {"category", HEAD_REQ | VAL_REQ, NO_MEMBER},
    [K_AMOUNT] = {"amount", HEAD_REQ | VAL_REQ, NO_MEMBER},
    [K_DESCR] = {"description", 0, NO_MEMBER},
    [K_VOUCHER] = {"voucher", 0, NO_MEMBER},
};

#define COST_TEXT_MAX 500 /* characters of an account, description or voucher */

/* The funding period of the row's date (remembered per year); 0 and a row error when no period holds it. */
static long long cost_period(importer *im, const char *iso, kerr *e) {
  char key[16];
  snprintf(key, sizeof key, "y:%.4s", iso);
  size_t slot = 0;
  if (!strmap_find(&im->ids, key, &slot))
    slot = strmap_add(&im->ids, key, NULL, (long)budget_period_of_date(im->d, iso));
  if (!im->ids.nums[slot])
    row_err(im, "date", e, "%D is outside every funding period: add the period first or correct the date", iso);
  return im->ids.nums[slot];
}

/* The row's amount in cents: a decimal comma in a semicolon file, a decimal point (or a quoted comma) otherwise. */
static int cost_amount(importer *im, long long *cents, kerr *e) {
  char tmp[72];
  const char *why = NULL, *v = val(im, K_AMOUNT);
  int semi = csv_delimiter(im->c) == ';';
  if (budget_parse_amount(v, 1, !semi, 1, cents, &why) == K_OK) return K_OK;
  return row_err(im, "amount", e, "'%r' is not an amount: %r%r", utf8_clip(v, tmp, sizeof tmp), why,
                 semi ? " (a semicolon-separated file takes a decimal comma: 1234,50)"
                      : " (a comma-separated file takes a decimal point: 1234.50)");
}

static int cost_row(importer *im, kerr *e) {
  int shape = check_shape(im, e);
  if (shape != 0) return shape == 1 ? K_OK : K_ERR;
  if (check_required(im, e) != K_OK) return K_ERR;
  char tmp[72], iso[11];
  budget_cost c = {.booked_on = iso};
  if (date_parse(val(im, K_DATE), iso) != K_OK)
    return row_err(im, "date", e, "'%r' is not a date (write 31.3.2019 or 2019-03-31)",
                   utf8_clip(val(im, K_DATE), tmp, sizeof tmp));
  if (!(c.period_id = cost_period(im, iso, e))) return K_ERR;
  int k = budget_category_of(val(im, K_CATEGORY));
  if (k < 0)
    return row_err(im, "category", e,
                   "unknown category '%r' (use henkilosto, ostopalvelut, matkat or muut, or the Finnish names "
                   "Henkilöstökulut, Ostopalvelut, Matkakulut, Muut kulut)",
                   utf8_clip(val(im, K_CATEGORY), tmp, sizeof tmp));
  c.category = (char *)budget_category_code[k];
  if (cost_amount(im, &c.amount, e) != K_OK) return K_ERR;
  static const int texts[] = {K_ACCOUNT, K_DESCR, K_VOUCHER};
  for (int i = 0; i < 3; i++)
    if (util_utf8_len(val(im, texts[i])) > COST_TEXT_MAX)
      return row_err(im, cost_cols[texts[i]].name, e, "the value is too long (at most %d characters)", COST_TEXT_MAX);
  c.account = (char *)val(im, K_ACCOUNT), c.description = (char *)val(im, K_DESCR);
  c.voucher = (char *)val(im, K_VOUCHER);
  kerr me = {0};
  if (budget_cost_add(im->d, &c, im->actor, &me) != K_OK) return model_error(im, &me, e);
  im->st->rows++;
  return K_OK;
}

/* ---- entry points ---- */

static const import_kind DEEDS = {deed_cols, NCOL, "deeds", NULL, deed_row, NULL};
static const import_kind PARTICIPANTS = {part_cols,       NPCOL, "participants", "import:participants",
                                         participant_row, NULL};
static const import_kind ATTENDANCE = {att_cols, NACOL, "attendance rows", "import:attendance", attendance_row, NULL};
static const import_kind COSTS = {cost_cols,
                                  NKCOL,
                                  "cost lines",
                                  "import:costs",
                                  cost_row,
                                  "an amount with a decimal comma must be in quotes in a comma-separated file "
                                  "(\"12,50\"), or write it with a decimal point (12.50)"};

static int run(importer *im, kerr *e) {
  if (read_header(im, e) != K_OK) return K_ERR;
  if (db_begin(im->d) != DB_OK) return kerr_set(e, NULL, "cannot start a transaction: %r", db_errmsg(im->d));
  im->audit.d = im->d, im->audit.actor = im->actor;
  int rc = import_rows(im, e);
  if (rc == K_OK && audit_batch_flush(&im->audit) != K_OK)
    rc = kerr_set(e, NULL, "%r: cannot write the audit log", csv_name(im->c));
  if (rc == K_OK && im->kind->audit) {
    char detail[300];
    snprintf(detail, sizeof detail, "%s: %ld rows", csv_name(im->c), im->st->rows);
    if (audit_log(im->d, im->actor, "import", im->kind->audit, detail) != K_OK)
      rc = kerr_set(e, NULL, "%r: cannot write the audit log", csv_name(im->c));
  }
  if (rc == K_OK && im->dry_run) {
    db_rollback(im->d);
    return K_OK;
  }
  if (rc == K_OK && db_commit(im->d) != DB_OK)
    rc = kerr_set(e, NULL, "%r: cannot commit the import: %r", csv_name(im->c), db_errmsg(im->d));
  if (rc != K_OK) db_rollback(im->d);
  return rc;
}

/* Imports from the reader c (taken over and closed); progress < 0: a dry run without progress. problem (may be
 * NULL) hears of each bad row. */
static int import_csv(const import_kind *kind, db *d, csv *c, const char *actor, int progress,
                      import_problem_fn problem, void *ctx, import_stats *out, long long t0, kerr *e) {
  importer im = {.kind = kind,
                 .problem = problem,
                 .problem_ctx = ctx,
                 .actor = actor ? actor : "cli",
                 .d = d,
                 .c = c,
                 .progress = progress > 0,
                 .dry_run = progress < 0,
                 .last_ms = t0,
                 .ids.max = IMPORT_CACHE_MAX,
                 .munis.max = IMPORT_CACHE_MAX,
                 .sectors.max = IMPORT_CACHE_MAX,
                 .st = out};
  for (int k = 0; k < MAXCOL; k++) im.pos[k] = -1;
  out->cp1252 = csv_was_cp1252(im.c);
  int rc = run(&im, e);
  out->imported = rc == K_OK && !im.dry_run ? out->rows : 0;
  out->ms = util_now_ms() - t0;
  if (rc == K_OK) progress_report(&im, 1);
  importer_free(&im);
  return rc;
}

csv *import_open_mem(const char *data, size_t len, const char *name, kerr *e) {
  return xlsx_is_zip(data, len) ? xlsx_open_mem(data, len, name, e) : csv_open_mem(data, len, name, e);
}

/* A workbook or CSV text, told apart by the file's first bytes, not by its name. Only a regular file is looked at
 * first: the bytes read from a pipe would be gone for the CSV reader (a workbook, which needs seeking to be read, is
 * then refused by the CSV reader, which says what it is). */
static csv *open_file(const char *path, kerr *e) {
  char head[4] = {0};
  struct stat sb;
  FILE *f = stat(path, &sb) == 0 && S_ISREG(sb.st_mode) ? fopen(path, "rb") : NULL;
  size_t n = f ? fread(head, 1, sizeof head, f) : 0;
  if (f) fclose(f);
  return xlsx_is_zip(head, n) ? xlsx_open_file(path, e) : csv_open_file(path, e);
}

static int check_mem(const import_kind *kind, db *d, const char *data, size_t len, const char *name, const char *actor,
                     int progress, import_problem_fn problem, void *ctx, import_stats *out, kerr *e) {
  import_stats local;
  if (!out) out = &local;
  memset(out, 0, sizeof *out);
  long long t0 = util_now_ms();
  csv *c = import_open_mem(data, len, name, e);
  return c ? import_csv(kind, d, c, actor, progress, problem, ctx, out, t0, e) : K_ERR;
}

static int import_mem(const import_kind *kind, db *d, const char *data, size_t len, const char *name, const char *actor,
                      int progress, import_stats *out, kerr *e) {
  return check_mem(kind, d, data, len, name, actor, progress, NULL, NULL, out, e);
}

static int import_file(const import_kind *kind, db *d, const char *path, const char *actor, int progress,
                       import_stats *out, kerr *e) {
  import_stats local;
  if (!out) out = &local;
  memset(out, 0, sizeof *out);
  long long t0 = util_now_ms();
  csv *c = open_file(path, e);
  return c ? import_csv(kind, d, c, actor, progress, NULL, NULL, out, t0, e) : K_ERR;
}

int import_deeds_mem(db *d, const char *data, size_t len, const char *name, int progress, import_stats *out, kerr *e) {
  return import_mem(&DEEDS, d, data, len, name, NULL, progress, out, e);
}

int import_deeds(db *d, const char *path, int progress, import_stats *out, kerr *e) {
  return import_file(&DEEDS, d, path, NULL, progress, out, e);
}

int import_participants_mem(db *d, const char *data, size_t len, const char *name, const char *actor, int progress,
                            import_stats *out, kerr *e) {
  return import_mem(&PARTICIPANTS, d, data, len, name, actor, progress, out, e);
}

int import_participants(db *d, const char *path, const char *actor, int progress, import_stats *out, kerr *e) {
  return import_file(&PARTICIPANTS, d, path, actor, progress, out, e);
}

int import_attendance_mem(db *d, const char *data, size_t len, const char *name, const char *actor, int progress,
                          import_stats *out, kerr *e) {
  return import_mem(&ATTENDANCE, d, data, len, name, actor, progress, out, e);
}

int import_attendance(db *d, const char *path, const char *actor, int progress, import_stats *out, kerr *e) {
  return import_file(&ATTENDANCE, d, path, actor, progress, out, e);
}

int import_costs_mem(db *d, const char *data, size_t len, const char *name, const char *actor, int progress,
                     import_stats *out, kerr *e) {
  return import_mem(&COSTS, d, data, len, name, actor, progress, out, e);
}

int import_costs(db *d, const char *path, const char *actor, int progress, import_stats *out, kerr *e) {
  return import_file(&COSTS, d, path, actor, progress, out, e);
}

int import_check_mem(db *d, const char *kind, const char *data, size_t len, const char *name, import_problem_fn problem,
                     void *ctx, import_stats *out, kerr *e) {
  const import_kind *k = !strcmp(kind, "deeds")          ? &DEEDS
                         : !strcmp(kind, "participants") ? &PARTICIPANTS
                         : !strcmp(kind, "attendance")   ? &ATTENDANCE
                         : !strcmp(kind, "costs")        ? &COSTS
                                                         : NULL;
  assert(k);
  return check_mem(k, d, data, len, name, "check", -1, problem, ctx, out, e);
}
