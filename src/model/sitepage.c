/* sitepage: reading and saving the staff-edited site pages, the programme's own pages and their order in the main
 * menu; the default text when a built-in page has not been saved. */
#include "model/sitepage.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/audit.h"
#include "model/write.h"

static const char *const SLUGS[] = {"saavutettavuus", "tietosuoja"};
#define NSLUGS (int)(sizeof SLUGS / sizeof SLUGS[0])

/* Slugs a page staff make may not take: the staff pages' own addresses (/hallinta/sivut/uusi, …/valikko). */
static const char *const RESERVED[] = {"uusi", "valikko", "poista"};

const char *const *sitepage_slugs(int *n) {
  *n = NSLUGS;
  return SLUGS;
}

static const char *known(const char *slug) {
  for (int i = 0; slug && i < NSLUGS; i++)
    if (!strcmp(slug, SLUGS[i])) return SLUGS[i];
  return NULL;
}

int sitepage_builtin(const char *slug) {
  return known(slug) != NULL;
}

static const char *nz(const char *s) {
  return s && *s ? s : "cli";
}

static void defaults(site_page *p, arena *a) {
  for (int i = 0; i < 3; i++) {
    p->title[i] = arena_strdup(a, sitepage_default_title(p->slug, i));
    p->body[i] = arena_strdup(a, sitepage_default_body(p->slug, i));
  }
  p->updated_at = NULL;
  p->updated_by = "";
}

#define PAGE_COLS                                                                                                      \
  "slug, title_fi, title_sv, title_en, body_fi, body_sv, body_en, updated_at, updated_by, custom,"                     \
  " COALESCE(menu_position, 0)"

/* Reads one row of PAGE_COLS. A built-in page whose row holds only its menu place (updated_at NULL) gets the
 * default texts. */
static void read_row(db_stmt *st, arena *a, site_page *p) {
  p->slug = db_col_adup(st, 0, a);
  for (int i = 0; i < 3; i++) {
    p->title[i] = db_col_adup(st, 1 + i, a);
    p->body[i] = db_col_adup(st, 4 + i, a);
  }
  p->updated_at = db_col_null(st, 7) ? NULL : db_col_adup(st, 7, a);
  p->updated_by = db_col_adup(st, 8, a);
  p->custom = (int)db_col_int(st, 9);
  p->menu_position = db_col_int(st, 10);
  if (!p->custom && !p->updated_at) {
    const char *slug = known(p->slug);
    if (slug) p->slug = slug;
    defaults(p, a);
  }
}

site_page *sitepage_get(db *d, arena *a, const char *slug, const char *lang) {
  if (!slug || !*slug) return NULL;
  site_page *p = arena_alloc(a, sizeof *p);
  memset(p, 0, sizeof *p);
  db_stmt *st = db_query(d, "SELECT " PAGE_COLS " FROM site_page WHERE slug=?1", "t", slug);
  int found = db_step(st) == 1;
  if (found) read_row(st, a, p);
  db_done(st);
  if (found && !p->custom && !known(p->slug)) found = 0; /* a stray row nobody made: not a page */
  if (!found) {
    if (!(p->slug = known(slug))) return NULL;
    defaults(p, a);
  }
  p->t_title = tr_pick(lang, p->title[0], p->title[1], p->title[2]);
  p->t_body = tr_pick(lang, p->body[0], p->body[1], p->body[2]);
  return p;
}

site_page *sitepage_list(db *d, arena *a, int *n) {
  int count = (int)db_int(d, 0, "SELECT count(*) FROM site_page", "") + NSLUGS, got = 0;
  site_page *v = arena_alloc(a, sizeof *v * (size_t)count);
  db_stmt *st = db_query(d,
                         "SELECT " PAGE_COLS " FROM site_page WHERE custom=1 OR slug IN (?1, ?2)"
                         " ORDER BY menu_position IS NULL, menu_position, custom, title_fi, slug",
                         "tt", SLUGS[0], SLUGS[1]);
  while (got < count && db_step(st) == 1) read_row(st, a, &v[got++]);
  db_done(st);
  /* Kehto's own pages that have no row yet: after the menu's pages, before the pages staff made */
  int first_custom = 0;
  while (first_custom < got && (v[first_custom].menu_position || !v[first_custom].custom)) first_custom++;
  for (int i = NSLUGS - 1; i >= 0; i--) {
    int have = 0;
    for (int j = 0; j < got && !have; j++) have = !strcmp(v[j].slug, SLUGS[i]);
    if (have || got >= count) continue;
    memmove(&v[first_custom + 1], &v[first_custom], sizeof *v * (size_t)(got - first_custom));
    site_page *p = &v[first_custom];
    memset(p, 0, sizeof *p);
    p->slug = SLUGS[i];
    defaults(p, a);
    got++;
  }
  for (int i = 0; i < got; i++) {
    v[i].t_title = tr_pick("fi", v[i].title[0], v[i].title[1], v[i].title[2]);
    v[i].t_body = tr_pick("fi", v[i].body[0], v[i].body[1], v[i].body[2]);
  }
  *n = got;
  return v;
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

static int check_texts(const site_page *p, kerr *e) {
  static const char *const tf[] = {"title", "title_sv", "title_en"}, *const bf[] = {"body", "body_sv", "body_en"};
  for (int i = 0; i < 3; i++) {
    check(p->title[i], tf[i], SITEPAGE_MAX_TITLE, i == 0, e);
    check(p->body[i], bf[i], SITEPAGE_MAX_BODY, i == 0, e);
  }
  return e->msg ? K_ERR : K_OK;
}

static void bind_texts(db_stmt *st, const site_page *p, const char *by) {
  static const char *const tn[] = {":t0", ":t1", ":t2"}, *const bn[] = {":b0", ":b1", ":b2"};
  db_bind_text(st, ":slug", p->slug);
  for (int i = 0; i < 3; i++) {
    db_bind_text(st, tn[i], p->title[i] ? p->title[i] : "");
    db_bind_text(st, bn[i], p->body[i] ? p->body[i] : "");
  }
  db_bind_text(st, ":now", db_now().s);
  db_bind_text(st, ":by", by ? by : "");
}

static int audit_page(db *d, const char *by, const char *action, const char *slug, const char *detail) {
  char subj[96];
  snprintf(subj, sizeof subj, "site-page:%s", slug);
  return audit_log(d, nz(by), action, subj, detail);
}

int sitepage_save(db *d, const site_page *p, const char *by, kerr *e) {
  int builtin = known(p->slug) != NULL;
  if (!builtin && !db_exists(d, "SELECT 1 FROM site_page WHERE slug=?1 AND custom=1", "t", p->slug))
    return kerr_set(e, NULL, N_("Sivua ei ole."));
  if (check_texts(p, e) != K_OK) return K_ERR;
  if (write_begin(d, "Sivun tallennus", e) != K_OK) return K_ERR;
  /* a built-in page gets its row on its first save; the menu place and custom flag are never touched here */
  db_stmt *st = db_prepare(d, "INSERT INTO site_page(slug, title_fi, title_sv, title_en, body_fi, body_sv, body_en,"
                              " updated_at, updated_by) VALUES(:slug, :t0, :t1, :t2, :b0, :b1, :b2, :now, :by)"
                              " ON CONFLICT(slug) DO UPDATE SET title_fi=excluded.title_fi, title_sv=excluded.title_sv,"
                              " title_en=excluded.title_en, body_fi=excluded.body_fi, body_sv=excluded.body_sv,"
                              " body_en=excluded.body_en, updated_at=excluded.updated_at,"
                              " updated_by=excluded.updated_by");
  bind_texts(st, p, by);
  int rc = db_step(st) < 0 ? K_ERR : K_OK;
  db_done(st);
  if (rc == K_OK) rc = audit_page(d, by, "update", p->slug, p->title[0]);
  return write_end(d, rc, "Sivun tallennus", e);
}

char *sitepage_slugify(arena *a, const char *title) {
  char *out = arena_alloc(a, SITEPAGE_MAX_SLUG + 1);
  size_t n = 0;
  int dash = 0;
  for (const unsigned char *s = (const unsigned char *)(title ? title : ""); *s && n < SITEPAGE_MAX_SLUG;) {
    char c = 0;
    int len = 1;
    if ((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9'))
      c = (char)*s;
    else if (*s >= 'A' && *s <= 'Z')
      c = (char)(*s - 'A' + 'a');
    else if (*s == 0xC3 && s[1]) { /* Latin-1 letters in UTF-8: ä å ö é ü and their capitals */
      unsigned char t = s[1] | 0x20;
      c = t == 0xA4 || t == 0xA5 || t == 0xA0 || t == 0xA1 || t == 0xA2 ? 'a'
          : t == 0xB6 || t == 0xB3 || t == 0xB4                         ? 'o'
          : t == 0xA9 || t == 0xA8                                      ? 'e'
          : t == 0xBC                                                   ? 'u'
                                                                        : 0;
      len = 2;
    } else if (*s >= 0x80) {
      while (s[len] >= 0x80 && s[len] < 0xC0) len++; /* the rest of one other character */
    }
    s += len;
    if (c) {
      if (dash && n) out[n++] = '-';
      dash = 0;
      if (n < SITEPAGE_MAX_SLUG) out[n++] = c;
    } else {
      dash = 1;
    }
  }
  while (n && out[n - 1] == '-') n--;
  out[n] = 0;
  return out;
}

static void check_slug(db *d, const char *slug, kerr *e) {
  size_t n = strlen(slug);
  int ok = n > 0 && n <= SITEPAGE_MAX_SLUG && slug[0] != '-' && slug[n - 1] != '-';
  for (size_t i = 0; ok && i < n; i++)
    ok = (slug[i] >= 'a' && slug[i] <= 'z') || (slug[i] >= '0' && slug[i] <= '9') || slug[i] == '-';
  int reserved = 0;
  for (size_t i = 0; i < sizeof RESERVED / sizeof RESERVED[0]; i++) reserved |= !strcmp(slug, RESERVED[i]);
  if (!n)
    kerr_add(e, "slug", N_("Osoite puuttuu."));
  else if (!ok)
    kerr_add(e, "slug",
             N_("Osoitteessa saa olla vain pieniä kirjaimia a–z, numeroita ja väliviivoja (ei alussa eikä lopussa), "
                "enintään 60 merkkiä."));
  else if (reserved || known(slug) || db_exists(d, "SELECT 1 FROM site_page WHERE slug=?1", "t", slug))
    kerr_add(e, "slug", N_("Osoite on jo käytössä. Valitse toinen."));
}

/* Numbers the menu's pages 1, 2, 3 … in their present order (after one came, went or moved). */
static int renumber(db *d) {
  db_stmt *st =
      db_query(d, "SELECT slug FROM site_page WHERE menu_position IS NOT NULL ORDER BY menu_position, slug", "");
  char slugs[64][SITEPAGE_MAX_SLUG + 1];
  int n = 0;
  while (n < 64 && db_step(st) == 1) snprintf(slugs[n++], sizeof slugs[0], "%s", db_col_text(st, 0));
  db_done(st);
  for (int i = 0; i < n; i++)
    if (db_exec(d, "UPDATE site_page SET menu_position=?1 WHERE slug=?2", "it", (long long)i + 1, slugs[i]) != DB_OK)
      return K_ERR;
  return K_OK;
}

static long long menu_end(db *d) {
  return db_int(d, 0, "SELECT COALESCE(max(menu_position), 0) + 1 FROM site_page", "");
}

const char *sitepage_create(db *d, arena *a, const site_page *p, int in_menu, const char *by, kerr *e) {
  site_page q = *p;
  q.slug = p->slug && *p->slug ? arena_strdup(a, p->slug) : sitepage_slugify(a, p->title[0]);
  check_texts(&q, e);
  if (*q.slug || !util_blank(q.title[0])) check_slug(d, q.slug, e);
  if (e->msg) return NULL;
  if (write_begin(d, "Sivun luonti", e) != K_OK) return NULL;
  db_stmt *st = db_prepare(d, "INSERT INTO site_page(slug, title_fi, title_sv, title_en, body_fi, body_sv, body_en,"
                              " updated_at, updated_by, custom, menu_position)"
                              " VALUES(:slug, :t0, :t1, :t2, :b0, :b1, :b2, :now, :by, 1, :pos)");
  bind_texts(st, &q, by);
  if (in_menu)
    db_bind_int(st, ":pos", menu_end(d));
  else
    db_bind_null(st, ":pos");
  int rc = db_step(st) < 0 ? K_ERR : K_OK;
  db_done(st);
  if (rc == K_OK) rc = audit_page(d, by, "create", q.slug, q.title[0]);
  return write_end(d, rc, "Sivun luonti", e) == K_OK ? q.slug : NULL;
}

int sitepage_delete(db *d, const char *slug, const char *by, kerr *e) {
  if (known(slug)) return kerr_set(e, NULL, N_("Saavutettavuusselostetta ja tietosuojaselostetta ei voi poistaa."));
  char *title = db_text(d, "SELECT title_fi FROM site_page WHERE slug=?1 AND custom=1", "t", slug);
  if (!title) return kerr_set(e, NULL, N_("Sivua ei ole."));
  int rc = write_begin(d, "Sivun poisto", e);
  if (rc == K_OK) {
    rc = db_exec(d, "DELETE FROM site_page WHERE slug=?1 AND custom=1", "t", slug) == DB_OK ? renumber(d) : K_ERR;
    if (rc == K_OK) rc = audit_page(d, by, "delete", slug, title);
    rc = write_end(d, rc, "Sivun poisto", e);
  }
  free(title);
  return rc;
}

/* The page's menu place (0: not in the menu), or -1 when there is no such page (a built-in one without a row gets
 * an empty one, which shows its default texts). */
static long long menu_place(db *d, const char *slug) {
  if (known(slug) && db_exec(d,
                             "INSERT INTO site_page(slug, updated_at) VALUES(?1, NULL)"
                             " ON CONFLICT(slug) DO NOTHING",
                             "t", slug) != DB_OK)
    return -1;
  return db_int(d, -1, "SELECT COALESCE(menu_position, 0) FROM site_page WHERE slug=?1 AND (custom=1 OR ?2=1)", "ti",
                slug, (long long)(known(slug) != NULL));
}

int sitepage_menu_set(db *d, const char *slug, int in_menu, const char *by, kerr *e) {
  if (write_begin(d, "Valikon muutos", e) != K_OK) return K_ERR;
  long long at = menu_place(d, slug);
  int rc = K_OK;
  if (at < 0)
    rc = kerr_set(e, NULL, N_("Sivua ei ole."));
  else if (in_menu && !at)
    rc = db_exec(d, "UPDATE site_page SET menu_position=?1 WHERE slug=?2", "it", menu_end(d), slug) == DB_OK ? K_OK
                                                                                                             : K_ERR;
  else if (!in_menu && at)
    rc = db_exec(d, "UPDATE site_page SET menu_position=NULL WHERE slug=?1", "t", slug) == DB_OK ? renumber(d) : K_ERR;
  if (rc == K_OK) rc = audit_page(d, by, "update", slug, in_menu ? "menu: in" : "menu: out");
  return write_end(d, rc, "Valikon muutos", e);
}

int sitepage_menu_move(db *d, const char *slug, int dir, const char *by, kerr *e) {
  if (write_begin(d, "Valikon muutos", e) != K_OK) return K_ERR;
  int rc = renumber(d); /* 1..n, so that the neighbour is at ±1 */
  long long at = rc == K_OK ? menu_place(d, slug) : -1;
  if (rc == K_OK && at < 0) rc = kerr_set(e, NULL, N_("Sivua ei ole."));
  if (rc == K_OK && !at) rc = kerr_set(e, NULL, N_("Sivu ei ole päävalikossa."));
  long long to = at + (dir < 0 ? -1 : 1);
  if (rc == K_OK && db_exists(d, "SELECT 1 FROM site_page WHERE menu_position=?1", "i", to)) {
    /* swap with the neighbour: out of the way (0), the neighbour in, then this one */
    rc = db_exec(d, "UPDATE site_page SET menu_position=0 WHERE slug=?1", "t", slug) == DB_OK &&
                 db_exec(d, "UPDATE site_page SET menu_position=?1 WHERE menu_position=?2", "ii", at, to) == DB_OK &&
                 db_exec(d, "UPDATE site_page SET menu_position=?1 WHERE slug=?2", "it", to, slug) == DB_OK
             ? K_OK
             : K_ERR;
    if (rc == K_OK) rc = audit_page(d, by, "update", slug, dir < 0 ? "menu: up" : "menu: down");
  }
  return write_end(d, rc, "Valikon muutos", e);
}

sitemap_item *sitepage_sitemap(db *d, arena *a, int *n) {
  int count = (int)db_int(d, 0, "SELECT count(*) FROM site_page WHERE custom=1", "") + NSLUGS;
  sitemap_item *v = arena_alloc(a, sizeof *v * (size_t)count);
  int got = 0;
  for (int i = 0; i < NSLUGS; i++) {
    char *at = db_atext(d, a, "SELECT updated_at FROM site_page WHERE slug=?1", "t", SLUGS[i]);
    v[got++] = (sitemap_item){0, SLUGS[i], at && *at ? at : NULL};
  }
  db_stmt *st = db_query(d, "SELECT slug, updated_at FROM site_page WHERE custom=1 ORDER BY slug", "");
  while (got < count && db_step(st) == 1)
    v[got++] = (sitemap_item){0, db_col_adup(st, 0, a), db_col_null(st, 1) ? NULL : db_col_adup(st, 1, a)};
  db_done(st);
  *n = got;
  return v;
}
