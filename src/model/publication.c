/* publication: the programme's publications (a PDF and its summary), their checks, lists and publishing. */
#include "model/publication.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/audit.h"
#include "model/media.h"
#include "model/write.h"

/* the limits are written into the messages (translated as they are) */
_Static_assert(PUBLICATION_MAX_TITLE == 300 && PUBLICATION_MAX_AUTHORS == 500 && PUBLICATION_MAX_SUMMARY == 20000,
               "the messages name the limits");

const char *const PUBLICATION_TYPES[PUBLICATION_NTYPES] = {"report", "final", "evaluation", "guide"};
const char *const PUBLICATION_TYPE_NAMES[PUBLICATION_NTYPES] = {N_("Raportti"), N_("Loppujulkaisu"), N_("Arviointi"),
                                                                N_("Opas")};

static const char *const LANGS[] = {"fi", "sv", "en"};
static const char *const LANG_NAMES[] = {N_("suomi"), N_("ruotsi"), N_("englanti")};

static const char *nz(const char *s) {
  return s ? s : "";
}

const char *publication_type_name(const char *t) {
  for (int i = 0; t && i < PUBLICATION_NTYPES; i++)
    if (!strcmp(t, PUBLICATION_TYPES[i])) return PUBLICATION_TYPE_NAMES[i];
  return "";
}

const char *publication_lang_name(const char *l) {
  for (int i = 0; l && i < 3; i++)
    if (!strcmp(l, LANGS[i])) return LANG_NAMES[i];
  return "";
}

static void text_check(const char *v, const char *field, size_t max, kerr *e) {
  if (v && !util_utf8_valid(v, strlen(v)))
    kerr_add(e, field, N_("Teksti ei ole kelvollista UTF-8-tekstiä."));
  else if (util_utf8_len(nz(v)) > max)
    kerr_add(e, field,
             max == PUBLICATION_MAX_TITLE     ? N_("Teksti on liian pitkä (enintään 300 merkkiä).")
             : max == PUBLICATION_MAX_AUTHORS ? N_("Teksti on liian pitkä (enintään 500 merkkiä).")
                                              : N_("Teksti on liian pitkä (enintään 20000 merkkiä)."));
}

int publication_check(const publication *p, kerr *e) {
  if (util_blank(p->title))
    kerr_add(e, "title", N_("Otsikko puuttuu."));
  else
    text_check(p->title, "title", PUBLICATION_MAX_TITLE, e);
  text_check(p->authors, "authors", PUBLICATION_MAX_AUTHORS, e);
  if (p->year < 1900 || p->year > 2100) kerr_add(e, "year", N_("Anna vuosi numerona (esim. 2020)."));
  if (!*publication_type_name(p->type)) kerr_add(e, "type", N_("Valitse julkaisun tyyppi."));
  if (!*publication_lang_name(p->lang)) kerr_add(e, "lang", N_("Valitse julkaisun kieli."));
  text_check(p->summary, "summary", PUBLICATION_MAX_SUMMARY, e);
  return e->msg ? K_ERR : K_OK;
}

static int audit(db *d, const char *by, const char *action, long long id, const char *detail) {
  char subj[48];
  snprintf(subj, sizeof subj, "publication:%lld", id);
  return audit_log(d, by && *by ? by : "cli", action, subj, detail);
}

long long publication_save(db *d, const publication *p, const char *filename, const void *data, size_t len,
                           const char *by, kerr *e) {
  publication_check(p, e);
  if (data) { /* checked before the write, its error added to the other fields' (media_check sets, not adds) */
    kerr m = {0};
    if (!media_check("pdf", data, len, "file", &m)) kerr_add(e, m.field, "%r", m.msg);
    kerr_clear(&m);
  }
  if (e->msg) return 0;
  if (p->id && !db_exists(d, "SELECT 1 FROM publication WHERE id = ?1", "i", p->id)) {
    kerr_set(e, NULL, N_("Julkaisua ei ole."));
    return 0;
  }
  if (write_begin(d, "Julkaisun tallennus", e) != K_OK) return 0;
  long long old_file = p->id ? db_int(d, 0, "SELECT file_id FROM publication WHERE id = ?1", "i", p->id) : 0;
  long long file_id = old_file;
  int rc = K_OK;
  if (data) {
    file_id = media_add(d, "pdf", filename, data, len, by, "file", e);
    if (!file_id) rc = K_ERR;
  }
  long long id = p->id;
  if (rc == K_OK) {
    const char *now = db_now().s;
    db_stmt *st = db_prepare(
        d, p->id ? "UPDATE publication SET title = :title, authors = :authors, year = :year, type = :type,"
                   " lang = :lang, summary = :summary, file_id = :file, updated_by = :by, updated_at = :now"
                   " WHERE id = :id"
                 : "INSERT INTO publication(title, authors, year, type, lang, summary, file_id, created_by,"
                   " created_at, updated_by, updated_at) VALUES(:title, :authors, :year, :type, :lang, :summary,"
                   " :file, :by, :now, :by, :now)");
    db_bind_text(st, ":title", p->title);
    db_bind_text(st, ":authors", nz(p->authors));
    db_bind_int(st, ":year", p->year);
    db_bind_text(st, ":type", p->type);
    db_bind_text(st, ":lang", p->lang);
    db_bind_text(st, ":summary", nz(p->summary));
    if (file_id)
      db_bind_int(st, ":file", file_id);
    else
      db_bind_null(st, ":file");
    db_bind_text(st, ":by", nz(by));
    db_bind_text(st, ":now", now);
    if (p->id) db_bind_int(st, ":id", p->id);
    rc = db_step(st) < 0 ? K_ERR : K_OK;
    db_done(st);
    if (rc == K_OK && !id) id = db_last_id(d);
  }
  if (rc == K_OK && old_file && old_file != file_id) media_prune(d, old_file);
  if (rc == K_OK) rc = audit(d, by, p->id ? "update" : "create", id, p->title);
  return write_end(d, rc, "Julkaisun tallennus", e) == K_OK ? id : 0;
}

int publication_publish(db *d, long long id, int on, const char *by, kerr *e) {
  if (!db_exists(d, "SELECT 1 FROM publication WHERE id = ?1", "i", id))
    return kerr_set(e, NULL, N_("Julkaisua ei ole."));
  if (on && !db_exists(d, "SELECT 1 FROM publication WHERE id = ?1 AND file_id IS NOT NULL", "i", id))
    return kerr_set(e, "file", N_("Julkaisua ei voi julkaista ilman PDF-tiedostoa: lisää tiedosto ensin."));
  if (write_begin(d, "Julkaisun julkaiseminen", e) != K_OK) return K_ERR;
  int rc = (on ? db_exec(d, "UPDATE publication SET published_at = COALESCE(published_at, ?2) WHERE id = ?1", "it", id,
                         db_now().s)
               : db_exec(d, "UPDATE publication SET published_at = NULL WHERE id = ?1", "i", id)) == DB_OK
               ? K_OK
               : K_ERR;
  if (rc == K_OK) rc = audit(d, by, on ? "publish" : "unpublish", id, NULL);
  return write_end(d, rc, "Julkaisun julkaiseminen", e);
}

int publication_delete(db *d, long long id, const char *by, kerr *e) {
  char *title = db_text(d, "SELECT title FROM publication WHERE id = ?1", "i", id);
  if (!title) return kerr_set(e, NULL, N_("Julkaisua ei ole."));
  long long file = db_int(d, 0, "SELECT file_id FROM publication WHERE id = ?1", "i", id);
  int rc = write_begin(d, "Julkaisun poisto", e);
  if (rc == K_OK) {
    rc = db_exec(d, "DELETE FROM publication WHERE id = ?1", "i", id) == DB_OK ? K_OK : K_ERR;
    if (rc == K_OK && file) media_prune(d, file);
    if (rc == K_OK) rc = audit(d, by, "delete", id, title);
    rc = write_end(d, rc, "Julkaisun poisto", e);
  }
  free(title);
  return rc;
}

#define COLS                                                                                                           \
  "p.id, p.title, p.authors, p.year, p.type, p.lang, p.summary, COALESCE(p.file_id, 0), COALESCE(m.filename, ''),"     \
  " COALESCE(m.size, 0), p.published_at, p.created_at, p.updated_at, p.updated_by"
#define FROM " FROM publication p LEFT JOIN media m ON m.id = p.file_id"

static void read_row(db_stmt *st, arena *a, publication *p) {
  p->id = db_col_int(st, 0);
  p->title = db_col_adup(st, 1, a);
  p->authors = db_col_adup(st, 2, a);
  p->year = (int)db_col_int(st, 3);
  p->type = db_col_adup(st, 4, a);
  p->lang = db_col_adup(st, 5, a);
  p->summary = db_col_adup(st, 6, a);
  p->file_id = db_col_int(st, 7);
  p->file_name = db_col_adup(st, 8, a);
  p->file_size = db_col_int(st, 9);
  p->published_at = db_col_null(st, 10) ? NULL : db_col_adup(st, 10, a);
  p->created_at = db_col_adup(st, 11, a);
  p->updated_at = db_col_adup(st, 12, a);
  p->updated_by = db_col_adup(st, 13, a);
}

int publication_get(db *d, arena *a, long long id, publication *out) {
  memset(out, 0, sizeof *out);
  db_stmt *st = db_query(d, "SELECT " COLS FROM " WHERE p.id = ?1", "i", id);
  int found = db_step(st) == 1;
  if (found) read_row(st, a, out);
  db_done(st);
  return found;
}

#define WHERE                                                                                                          \
  " WHERE (CAST(:year AS INTEGER) = 0 OR p.year = CAST(:year AS INTEGER)) AND (CAST(:type AS TEXT) = ''"               \
  " OR p.type = CAST(:type AS TEXT)) AND (CAST(:lang AS TEXT) = '' OR p.lang = CAST(:lang AS TEXT))"                   \
  " AND (CAST(:pub AS INTEGER) = 0 OR p.published_at IS NOT NULL)"

static void bind_filter(db_stmt *st, const publication_filter *f) {
  db_bind_int(st, ":year", f->year);
  db_bind_text(st, ":type", nz(f->type));
  db_bind_text(st, ":lang", nz(f->lang));
  db_bind_int(st, ":pub", f->published_only ? 1 : 0);
}

long long publication_count(db *d, const publication_filter *f) {
  db_stmt *st = db_prepare(d, "SELECT count(*) FROM publication p" WHERE);
  bind_filter(st, f);
  long long n = db_step(st) == 1 ? db_col_int(st, 0) : 0;
  db_done(st);
  return n;
}

publication *publication_list(db *d, arena *a, const publication_filter *f, int limit, int offset, int *n) {
  db_stmt *st = db_prepare(d, "SELECT " COLS FROM WHERE " ORDER BY p.year DESC, p.title, p.id LIMIT :lim OFFSET :off");
  bind_filter(st, f);
  db_bind_int(st, ":lim", limit);
  db_bind_int(st, ":off", offset);
  publication *v = NULL;
  int cap = 0;
  *n = 0;
  while (db_step(st) == 1) {
    v = arena_grow(a, v, *n, &cap, sizeof *v);
    read_row(st, a, &v[(*n)++]);
  }
  db_done(st);
  return v;
}

int *publication_years(db *d, arena *a, int *n) {
  db_stmt *st =
      db_query(d, "SELECT DISTINCT year FROM publication WHERE published_at IS NOT NULL ORDER BY year DESC", "");
  int *v = NULL, cap = 0;
  *n = 0;
  while (db_step(st) == 1) {
    v = arena_grow(a, v, *n, &cap, sizeof *v);
    v[(*n)++] = (int)db_col_int(st, 0);
  }
  db_done(st);
  return v;
}
