/* sitepage: reading and saving the staff-edited site pages; the default text when a page has not been saved. */
#include "model/sitepage.h"

#include <string.h>

static const char *const SLUGS[] = {"saavutettavuus", "tietosuoja"};
#define NSLUGS (int)(sizeof SLUGS / sizeof SLUGS[0])

const char *const *sitepage_slugs(int *n) {
  *n = NSLUGS;
  return SLUGS;
}

static const char *known(const char *slug) {
  for (int i = 0; slug && i < NSLUGS; i++)
    if (!strcmp(slug, SLUGS[i])) return SLUGS[i];
  return NULL;
}

static void defaults(site_page *p, arena *a) {
  for (int i = 0; i < 3; i++) {
    p->title[i] = arena_strdup(a, sitepage_default_title(p->slug, i));
    p->body[i] = arena_strdup(a, sitepage_default_body(p->slug, i));
  }
  p->updated_by = "";
}

site_page *sitepage_get(db *d, arena *a, const char *slug, const char *lang) {
  if (!(slug = known(slug))) return NULL;
  site_page *p = arena_alloc(a, sizeof *p);
  memset(p, 0, sizeof *p);
  p->slug = slug;
  db_stmt *st = db_query(d,
                         "SELECT title_fi, title_sv, title_en, body_fi, body_sv, body_en, updated_at, updated_by"
                         " FROM site_page WHERE slug=?1",
                         "t", slug);
  if (db_step(st) == 1) {
    for (int i = 0; i < 3; i++) {
      p->title[i] = db_col_adup(st, i, a);
      p->body[i] = db_col_adup(st, 3 + i, a);
    }
    p->updated_at = db_col_adup(st, 6, a);
    p->updated_by = db_col_adup(st, 7, a);
  } else {
    defaults(p, a);
  }
  db_done(st);
  p->t_title = tr_pick(lang, p->title[0], p->title[1], p->title[2]);
  p->t_body = tr_pick(lang, p->body[0], p->body[1], p->body[2]);
  return p;
}

static void check(const char *v, const char *field, size_t max, int required, kerr *e) {
  if (required && util_blank(v))
    kerr_add(e, field, !strncmp(field, "title", 5) ? N_("Otsikko puuttuu.") : N_("Teksti puuttuu."));
  else if (v && !util_utf8_valid(v, strlen(v)))
    kerr_add(e, field, N_("Teksti ei ole kelvollista UTF-8-tekstiä."));
  else if (util_utf8_len(v) > max)
    kerr_add(e, field,
             max == SITEPAGE_MAX_TITLE ? N_("Otsikko on liian pitkä (enintään 200 merkkiä).")
                                       : N_("Teksti on liian pitkä (enintään 50 000 merkkiä)."));
}

int sitepage_save(db *d, const site_page *p, const char *by, kerr *e) {
  static const char *const tf[] = {"title", "title_sv", "title_en"}, *const bf[] = {"body", "body_sv", "body_en"};
  if (!known(p->slug)) return kerr_set(e, NULL, N_("Sivua ei ole."));
  for (int i = 0; i < 3; i++) {
    check(p->title[i], tf[i], SITEPAGE_MAX_TITLE, i == 0, e);
    check(p->body[i], bf[i], SITEPAGE_MAX_BODY, i == 0, e);
  }
  if (e->msg) return K_ERR;
  db_stmt *st = db_prepare(d, "INSERT INTO site_page(slug, title_fi, title_sv, title_en, body_fi, body_sv, body_en,"
                              " updated_at, updated_by) VALUES(:slug, :t0, :t1, :t2, :b0, :b1, :b2, :now, :by)"
                              " ON CONFLICT(slug) DO UPDATE SET title_fi=excluded.title_fi, title_sv=excluded.title_sv,"
                              " title_en=excluded.title_en, body_fi=excluded.body_fi, body_sv=excluded.body_sv,"
                              " body_en=excluded.body_en, updated_at=excluded.updated_at,"
                              " updated_by=excluded.updated_by");
  static const char *const tn[] = {":t0", ":t1", ":t2"}, *const bn[] = {":b0", ":b1", ":b2"};
  db_bind_text(st, ":slug", p->slug);
  for (int i = 0; i < 3; i++) {
    db_bind_text(st, tn[i], p->title[i] ? p->title[i] : "");
    db_bind_text(st, bn[i], p->body[i] ? p->body[i] : "");
  }
  db_bind_text(st, ":now", db_now().s);
  db_bind_text(st, ":by", by ? by : "");
  int rc = db_step(st);
  db_done(st);
  if (rc < 0) return kerr_storage(e, "Sivun tallennus", db_errmsg(d));
  return K_OK;
}
