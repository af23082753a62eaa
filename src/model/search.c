/* search: deed search over deed_fts and deed: WHERE built from fixed fragments, facets, ranking and snippets. */
#include "model/search.h"

#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "search/fts.h"

#define MAX_THEMES 50
#define SUMMARY_CHARS 240 /* length of the snippet taken from the summary when there are no words to match */

/* The filters, in a fixed order; each has one SQL fragment and one named parameter. */
enum { F_Q, F_SECTOR, F_REGION, F_YEAR, F_THEME, NFILTERS };

static const char *const filter_sql[NFILTERS] = {
    " AND deed_fts MATCH :q",
    " AND d.sector_code=:sector",
    " AND d.municipality_code IN (SELECT code FROM municipality WHERE region_code=:region)",
    " AND d.year=:year",
    " AND EXISTS(SELECT 1 FROM deed_theme dt0 JOIN theme t0 ON t0.id=dt0.theme_id"
    " WHERE dt0.deed_id=d.id AND t0.name=:theme)",
};

/* A search under way: the filter, the MATCH expression built from q, and which filters are on. */
typedef struct query {
  const deed_filter *f;
  const char *lang;
  char *match; /* NULL when q has no words */
  int on[NFILTERS];
} query;

static int set(const char *s) {
  return s && *s;
}

static void query_init(query *qy, const deed_filter *f) {
  memset(qy, 0, sizeof *qy);
  qy->f = f;
  qy->lang = set(f->lang) && (!strcmp(f->lang, "sv") || !strcmp(f->lang, "en")) ? f->lang : "fi";
  buf m = BUF_INIT;
  if (search_fts_query(&m, f->q) > 0) qy->match = buf_detach(&m);
  buf_free(&m);
  qy->on[F_Q] = qy->match != NULL;
  qy->on[F_SECTOR] = set(f->sector);
  qy->on[F_REGION] = set(f->region);
  qy->on[F_YEAR] = f->year != 0;
  qy->on[F_THEME] = set(f->theme);
}

/* Appends " FROM deed d [JOIN deed_fts] <join> WHERE d.status='published'" and the filters that are on,
 * leaving out filter skip (-1: none). */
static void put_from_where(buf *sql, const query *qy, const char *join, int skip) {
  buf_puts(sql, qy->on[F_Q] ? " FROM deed_fts JOIN deed d ON d.id=deed_fts.rowid" : " FROM deed d");
  buf_puts(sql, join);
  buf_puts(sql, " WHERE d.status='published'");
  for (int k = 0; k < NFILTERS; k++)
    if (qy->on[k] && k != skip) buf_puts(sql, filter_sql[k]);
}

/* Binds the value of every named parameter the statement has. */
static void bind_all(sqlite3_stmt *st, const query *qy) {
  const deed_filter *f = qy->f;
  const char *names[] = {":q", ":sector", ":region", ":theme", ":lang"};
  const char *vals[] = {qy->match, f->sector, f->region, f->theme, qy->lang};
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
    int ix = sqlite3_bind_parameter_index(st, names[i]);
    if (ix > 0) sqlite3_bind_text(st, ix, vals[i], -1, SQLITE_STATIC);
  }
  int ix = sqlite3_bind_parameter_index(st, ":year");
  if (ix > 0) sqlite3_bind_int(st, ix, f->year);
}

/* Prepares the statement built in sql and binds it. Returns NULL with e set on failure (a bug or a broken db). */
static sqlite3_stmt *prepare(db *d, const buf *sql, const query *qy, kerr *e) {
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(db_handle(d), sql->data, (int)sql->len, &st, NULL) != SQLITE_OK) {
    kerr_set(e, NULL, "search failed: %r", db_errmsg(d));
    return NULL;
  }
  bind_all(st, qy);
  return st;
}

static char *dup_col(sqlite3_stmt *st, int i) {
  return util_strdup(db_col_text(st, i));
}

/* One facet: the key and label columns, the joins it needs, the filter it leaves out and its order. */
typedef struct facet_def {
  const char *select, *join, *tail;
  int skip;
} facet_def;

static const facet_def facets[4] = {
    {"SELECT d.sector_code, CASE :lang WHEN 'sv' THEN s.name_sv WHEN 'en' THEN s.name_en ELSE s.name_fi END,"
     " count(*)",
     " JOIN sector s ON s.code=d.sector_code", " GROUP BY d.sector_code ORDER BY min(s.position)", F_SECTOR},
    {"SELECT m.region_code, CASE :lang WHEN 'sv' THEN r.name_sv ELSE r.name_fi END, count(*)",
     " JOIN municipality m ON m.code=d.municipality_code JOIN region r ON r.code=m.region_code",
     " GROUP BY m.region_code ORDER BY 2", F_REGION},
    {"SELECT d.year, d.year, count(*)", "", " GROUP BY d.year ORDER BY d.year DESC", F_YEAR},
    {"SELECT t.name, t.name, count(*)", " JOIN deed_theme dt ON dt.deed_id=d.id JOIN theme t ON t.id=dt.theme_id",
     " GROUP BY t.id ORDER BY count(*) DESC, t.name LIMIT 50", F_THEME},
};

static int run_facet(db *d, const query *qy, const facet_def *fd, facet_count **out, int *n, kerr *e) {
  buf sql = BUF_INIT;
  buf_puts(&sql, fd->select);
  put_from_where(&sql, qy, fd->join, fd->skip);
  buf_puts(&sql, fd->tail);
  sqlite3_stmt *st = prepare(d, &sql, qy, e);
  buf_free(&sql);
  if (!st) return K_ERR;
  int cap = 0, rc;
  while ((rc = db_step(st)) == 1) {
    if (*n == cap) {
      cap = cap ? cap * 2 : 16;
      *out = realloc(*out, sizeof **out * (size_t)cap);
      if (!*out) abort();
    }
    (*out)[(*n)++] = (facet_count){dup_col(st, 0), dup_col(st, 1), db_col_int(st, 2)};
  }
  sqlite3_finalize(st);
  if (rc < 0) return kerr_set(e, NULL, "search failed: %r", db_errmsg(d));
  return K_OK;
}

/* Every deed has exactly one sector, so the sector facet (computed without the sector filter) gives the total. */
static long long total_from_sectors(const deed_result *r, const query *qy) {
  long long t = 0;
  for (int i = 0; i < r->nsectors; i++)
    if (!qy->on[F_SECTOR] || strcmp(r->sectors[i].key, qy->f->sector) == 0) t += r->sectors[i].count;
  return t;
}

void search_snippet_html(buf *out, const char *s, int marks) {
  int open = 0;
  while (s && *s) {
    size_t run = 0; /* ordinary bytes, escaped in one go */
    while ((unsigned char)s[run] >= 0x20) run++;
    if (run) {
      char *t = strndup(s, run);
      if (!t) abort();
      buf_html(out, t);
      free(t);
      s += run;
      continue;
    }
    if (*s == '\x02' && marks && !open) {
      buf_puts(out, "<mark>");
      open = 1;
    } else if (*s == '\x03' && marks && open) {
      buf_puts(out, "</mark>");
      open = 0;
    } else if (*s == '\n' || *s == '\t' || *s == '\r') {
      buf_putc(out, ' ');
    }
    s++;
  }
  if (open) buf_puts(out, "</mark>");
}

/* The summary as a snippet: at most SUMMARY_CHARS characters, cut at a space, with "…" when cut. */
static void summary_html(buf *out, const char *s) {
  size_t i = 0, chars = 0, cut = 0, n = strlen(s);
  while (i < n && chars < SUMMARY_CHARS) {
    unsigned cp;
    i += (size_t)utf8_decode(s + i, n - i, &cp);
    chars++;
    if (cp == ' ') cut = i - 1;
  }
  if (i >= n) {
    search_snippet_html(out, s, 0);
    return;
  }
  char *t = strndup(s, cut ? cut : i);
  if (!t) abort();
  search_snippet_html(out, t, 0);
  buf_puts(out, "…");
  free(t);
}

/* Columns shared by both hit queries; the snippet source is added by each. */
static const char hit_cols[] =
    "SELECT d.id, coalesce(d.ref,''), d.title, d.org_name,"
    " coalesce(CASE WHEN :lang='sv' THEN m.name_sv ELSE m.name_fi END,''),"
    " coalesce(CASE WHEN :lang='sv' THEN r.name_sv ELSE r.name_fi END,''),"
    " CASE :lang WHEN 'sv' THEN s.name_sv WHEN 'en' THEN s.name_en ELSE s.name_fi END, d.sector_code, d.year,"
    " coalesce(d.published_at,''), ";
static const char hit_joins[] = " JOIN sector s ON s.code=d.sector_code"
                                " LEFT JOIN municipality m ON m.code=d.municipality_code"
                                " LEFT JOIN region r ON r.code=m.region_code";

/* With words: rank the matching ids first (cheap), then fetch columns and snippets for the page only. */
static void hits_sql_ranked(buf *sql, const query *qy) {
  buf_puts(sql, hit_cols);
  buf_puts(sql, "snippet(deed_fts, 1, char(2), char(3), '…', 24) FROM (SELECT d.id AS id,"
                " bm25(deed_fts, 10.0, 1.0, 3.0, 3.0) AS score");
  put_from_where(sql, qy, "", -1);
  buf_puts(sql, " ORDER BY score, d.id LIMIT :limit OFFSET :offset) top"
                " JOIN deed_fts ON deed_fts.rowid=top.id JOIN deed d ON d.id=top.id");
  buf_puts(sql, hit_joins);
  buf_puts(sql, " WHERE deed_fts MATCH :q ORDER BY top.score, top.id");
}

static void hits_sql_newest(buf *sql, const query *qy) {
  buf_puts(sql, hit_cols);
  buf_puts(sql, "substr(d.summary, 1, 241)");
  put_from_where(sql, qy, hit_joins, -1);
  buf_puts(sql, " ORDER BY d.published_at DESC, d.id DESC LIMIT :limit OFFSET :offset");
}

static void read_hit(sqlite3_stmt *st, deed_hit *h, int marks) {
  char **text[] = {&h->ref, &h->title, &h->organisation, &h->municipality, &h->region, &h->sector,
                   &h->sector_code}; /* columns 1..7, in the order of hit_cols */
  h->id = db_col_int(st, 0);
  for (int i = 0; i < 7; i++) *text[i] = dup_col(st, i + 1);
  h->year = (int)db_col_int(st, 8);
  h->published_at = dup_col(st, 9);
  buf sn = BUF_INIT;
  if (marks) search_snippet_html(&sn, db_col_text(st, 10), 1);
  else summary_html(&sn, db_col_text(st, 10));
  h->snippet = buf_detach(&sn);
}

static int run_hits(db *d, const query *qy, deed_result *r, kerr *e) {
  int limit = qy->f->limit <= 0 ? SEARCH_DEFAULT_LIMIT : qy->f->limit;
  if (limit > SEARCH_MAX_LIMIT) limit = SEARCH_MAX_LIMIT;
  buf sql = BUF_INIT;
  if (qy->on[F_Q]) hits_sql_ranked(&sql, qy);
  else hits_sql_newest(&sql, qy);
  sqlite3_stmt *st = prepare(d, &sql, qy, e);
  buf_free(&sql);
  if (!st) return K_ERR;
  sqlite3_bind_int(st, sqlite3_bind_parameter_index(st, ":limit"), limit);
  sqlite3_bind_int(st, sqlite3_bind_parameter_index(st, ":offset"), qy->f->offset > 0 ? qy->f->offset : 0);
  r->hits = calloc((size_t)limit, sizeof *r->hits);
  if (!r->hits) abort();
  int rc = 0;
  while (r->nhits < limit && (rc = db_step(st)) == 1) read_hit(st, &r->hits[r->nhits++], qy->on[F_Q]);
  sqlite3_finalize(st);
  if (rc < 0) return kerr_set(e, NULL, "search failed: %r", db_errmsg(d));
  return K_OK;
}

int deed_search(db *d, const deed_filter *f, deed_result *out, kerr *e) {
  memset(out, 0, sizeof *out);
  query qy;
  query_init(&qy, f);
  int rc = run_facet(d, &qy, &facets[0], &out->sectors, &out->nsectors, e);
  if (rc == K_OK) rc = run_facet(d, &qy, &facets[1], &out->regions, &out->nregions, e);
  if (rc == K_OK) rc = run_facet(d, &qy, &facets[2], &out->years, &out->nyears, e);
  if (rc == K_OK) rc = run_facet(d, &qy, &facets[3], &out->themes, &out->nthemes, e);
  if (rc == K_OK) rc = run_hits(d, &qy, out, e);
  out->total = total_from_sectors(out, &qy);
  free(qy.match);
  return rc;
}

static void free_facets(facet_count *fc, int n) {
  for (int i = 0; i < n; i++) {
    free(fc[i].key);
    free(fc[i].label);
  }
  free(fc);
}

void deed_result_free(deed_result *r) {
  if (!r) return;
  for (int i = 0; i < r->nhits; i++) {
    deed_hit *h = &r->hits[i];
    char *s[] = {h->ref, h->title, h->organisation, h->municipality, h->region, h->sector, h->sector_code,
                 h->snippet, h->published_at};
    for (size_t j = 0; j < sizeof s / sizeof s[0]; j++) free(s[j]);
  }
  free(r->hits);
  free_facets(r->sectors, r->nsectors);
  free_facets(r->regions, r->nregions);
  free_facets(r->years, r->nyears);
  free_facets(r->themes, r->nthemes);
  memset(r, 0, sizeof *r);
}
