/* thesaurus (model): the programme's own thesaurus entries: reads, the form's checks, saving and deleting. */
#include "model/thesaurus.h"

#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "core/utf8.h"
#include "model/audit.h"
#include "model/write.h"

static const char *const FIELD[3] = {"fi", "sv", "en"};

static const char *nz(const char *s) {
  return s ? s : "";
}

static void read_row(db_stmt *st, arena *a, thes_entry *x) {
  x->id = db_col_int(st, 0);
  for (int l = 0; l < 3; l++) x->label[l] = db_col_adup(st, 1 + l, a);
  x->note = db_col_adup(st, 4, a);
  x->updated_by = db_col_adup(st, 5, a);
  x->updated_at = db_col_adup(st, 6, a);
}

thes_entry *thes_entry_all(db *d, arena *a, int *n) {
  db_stmt *st = db_query(d, "SELECT id, fi, sv, en, note, updated_by, updated_at FROM thesaurus ORDER BY id", "");
  int cap = 16, r;
  thes_entry *v = arena_alloc(a, sizeof *v * (size_t)cap);
  *n = 0;
  while ((r = db_step(st)) == 1) {
    v = arena_grow(a, v, *n, &cap, sizeof *v);
    read_row(st, a, &v[(*n)++]);
  }
  db_done(st);
  if (r < 0) *n = -1;
  return v;
}

thes_entry *thes_entry_get(db *d, arena *a, long long id) {
  db_stmt *st =
      db_query(d, "SELECT id, fi, sv, en, note, updated_by, updated_at FROM thesaurus WHERE id = ?1", "i", id);
  thes_entry *x = NULL;
  if (db_step(st) == 1) {
    x = arena_alloc(a, sizeof *x);
    read_row(st, a, x);
  }
  db_done(st);
  return x;
}

/* Characters (code points) in s. */
static size_t chars(const char *s) {
  size_t n = 0;
  for (; *s; s++) n += ((unsigned char)*s & 0xC0) != 0x80;
  return n;
}

/* Checks one language's labels; returns how many there are. */
static int check_labels(arena *a, int lang, const char *text, kerr *e) {
  char **v;
  int n = thes_split(a, text, &v);
  if (n > THES_MAX_LABELS) kerr_add(e, FIELD[lang], "%r", N_("Anna enintään 20 sanaa tai ilmausta kullakin kielellä."));
  for (int k = 0; k < n && n <= THES_MAX_LABELS; k++)
    if (chars(v[k]) > THES_MAX_LABEL_CHARS) {
      kerr_add(e, FIELD[lang], "%r", N_("Yksi sana tai ilmaus saa olla enintään 100 merkkiä pitkä."));
      break;
    }
  return n;
}

int thes_entry_check(const thes_entry *x, kerr *e) {
  arena a = {0};
  int n[3];
  for (int l = 0; l < 3; l++) n[l] = check_labels(&a, l, nz(x->label[l]), e);
  arena_free(&a);
  if (!n[THES_FI])
    kerr_add(e, "fi", "%r", N_("Anna ainakin yksi sana tai ilmaus suomeksi."));
  else if (n[THES_FI] + n[THES_SV] + n[THES_EN] < 2)
    kerr_add(
        e, "fi", "%r",
        N_("Anna ainakin kaksi sanaa tai ilmausta, jotka tarkoittavat samaa: toinen suomeksi tai käännös ruotsiksi "
           "tai englanniksi."));
  if (chars(nz(x->note)) > THES_MAX_NOTE_CHARS)
    kerr_add(e, "note", "%r", N_("Huomautus saa olla enintään 200 merkkiä pitkä."));
  return e->msg ? K_ERR : K_OK;
}

/* text as stored: line ends made \n, white space trimmed around the whole (the labels stay as typed). */
static char *stored(arena *a, const char *text) {
  buf b = BUF_INIT;
  for (const char *s = nz(text); *s; s++)
    if (*s != '\r') buf_putc(&b, *s);
  size_t i = 0, n = b.len;
  while (i < n && (b.data[i] == ' ' || b.data[i] == '\n' || b.data[i] == '\t')) i++;
  while (n > i && (b.data[n - 1] == ' ' || b.data[n - 1] == '\n' || b.data[n - 1] == '\t')) n--;
  char *out = arena_strndup(a, b.data ? b.data + i : "", n - i);
  buf_free(&b);
  return out;
}

/* The audit row of a change to entry id: its first Finnish label as the detail. */
static int audit(db *d, const char *by, const char *action, long long id, const char *fi) {
  arena a = {0};
  char **v, subj[48];
  thes_split(&a, fi, &v);
  snprintf(subj, sizeof subj, "thesaurus:%lld", id);
  int rc = audit_log(d, *nz(by) ? by : "cli", action, subj, v[0] ? v[0] : "");
  arena_free(&a);
  return rc;
}

long long thes_entry_save(db *d, const thes_entry *x, const char *by, kerr *e) {
  if (x->id && !db_exists(d, "SELECT 1 FROM thesaurus WHERE id = ?1", "i", x->id)) {
    kerr_set(e, NULL, "%r", N_("Sanaston ryhmää ei ole."));
    return 0;
  }
  if (thes_entry_check(x, e) != K_OK) return 0;
  arena a = {0};
  const char *t[3];
  for (int l = 0; l < 3; l++) t[l] = stored(&a, x->label[l]);
  const char *note = stored(&a, x->note);
  if (write_begin(d, "Sanaston tallennus", e) != K_OK) {
    arena_free(&a);
    return 0;
  }
  db_stmt *st = db_prepare(d, x->id ? "UPDATE thesaurus SET fi = :fi, sv = :sv, en = :en, note = :note,"
                                      " updated_by = :by, updated_at = :now WHERE id = :id"
                                    : "INSERT INTO thesaurus(fi, sv, en, note, updated_by, updated_at)"
                                      " VALUES(:fi, :sv, :en, :note, :by, :now)");
  for (int l = 0; l < 3; l++) {
    char name[8];
    snprintf(name, sizeof name, ":%s", FIELD[l]);
    db_bind_text(st, name, t[l]);
  }
  db_bind_text(st, ":note", note);
  db_bind_text(st, ":by", nz(by));
  db_bind_text(st, ":now", db_now().s);
  if (x->id) db_bind_int(st, ":id", x->id);
  int rc = db_step(st) < 0 ? K_ERR : K_OK;
  db_done(st);
  long long id = x->id ? x->id : rc == K_OK ? db_last_id(d) : 0;
  if (rc == K_OK) rc = audit(d, by, x->id ? "update" : "create", id, t[THES_FI]);
  arena_free(&a);
  return write_end(d, rc, "Sanaston tallennus", e) == K_OK ? id : 0;
}

int thes_entry_delete(db *d, long long id, const char *by, kerr *e) {
  arena a = {0};
  thes_entry *x = thes_entry_get(d, &a, id);
  if (!x) {
    arena_free(&a);
    return kerr_set(e, NULL, "%r", N_("Sanaston ryhmää ei ole."));
  }
  int rc = write_begin(d, "Sanaston ryhmän poisto", e);
  if (rc == K_OK) {
    rc = db_exec(d, "DELETE FROM thesaurus WHERE id = ?1", "i", id) == DB_OK ? K_OK : K_ERR;
    if (rc == K_OK) rc = audit(d, by, "delete", id, x->label[THES_FI]);
    rc = write_end(d, rc, "Sanaston ryhmän poisto", e);
  }
  arena_free(&a);
  return rc;
}

int thes_text_has(const char *text, const char *q) {
  if (!q || !*q) return 1;
  buf b = BUF_INIT;
  utf8_lower(&b, nz(text), strlen(nz(text)));
  int has = b.data && strstr(b.data, q) != NULL;
  buf_free(&b);
  return has;
}
