/* programme: reading and editing the programme frame; validation messages are in Finnish for staff forms. */
#include "model/programme.h"

#include <assert.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "model/sitepage.h"

/* Checks one text field: required or not, valid UTF-8, at most max characters. */
static int text_ok(const char *v, const char *field, const char *label, size_t max, int required, kerr *e) {
  if (required && util_blank(v)) return kerr_set(e, field, "%r puuttuu.", label);
  if (!v) return K_OK;
  if (!util_utf8_valid(v, strlen(v))) return kerr_set(e, field, "%r ei ole kelvollista UTF-8-tekstiä.", label);
  if (util_utf8_len(v) > max) return kerr_set(e, field, "%r on liian pitkä (enintään %zu merkkiä).", label, max);
  return K_OK;
}

/* ---- reading ---- */

static void read_head(db *d, arena *a, programme *p) {
  db_stmt *st = db_query(d,
                         "SELECT name, short_name, description, demo, name_sv, name_en, short_name_sv, short_name_en,"
                         " description_sv, description_en FROM programme WHERE id=1",
                         "");
  char **cols[] = {&p->name,           &p->short_name,    &p->description,   NULL,
                   &p->name_sv,        &p->name_en,       &p->short_name_sv, &p->short_name_en,
                   &p->description_sv, &p->description_en};
  int row = db_step(st) == 1;
  for (int i = 0; i < 10; i++)
    if (cols[i]) *cols[i] = row ? db_col_adup(st, i, a) : "";
  if (row) {
    p->configured = 1;
    p->demo = (int)db_col_int(st, 3);
  }
  db_done(st);
}

static void read_periods(db *d, arena *a, programme *p) {
  p->nperiods = (int)db_int(d, 0, "SELECT count(*) FROM funding_period", "");
  p->periods = arena_alloc(a, (size_t)p->nperiods * sizeof *p->periods);
  db_stmt *st = db_query(d,
                         "SELECT id, name, start_year, end_year, esf_code, name_sv, name_en FROM funding_period"
                         " ORDER BY start_year, id",
                         "");
  int i = 0;
  while (i < p->nperiods && db_step(st) == 1) {
    programme_period *x = &p->periods[i++];
    x->id = db_col_int(st, 0);
    x->name = db_col_adup(st, 1, a);
    x->start_year = (int)db_col_int(st, 2);
    x->end_year = (int)db_col_int(st, 3);
    x->esf_code = db_col_adup(st, 4, a);
    x->name_sv = db_col_adup(st, 5, a);
    x->name_en = db_col_adup(st, 6, a);
  }
  p->nperiods = i;
  db_done(st);
}

static void read_goals(db *d, arena *a, programme *p) {
  p->ngoals = (int)db_int(d, 0, "SELECT count(*) FROM goal", "");
  size_t size = (size_t)p->ngoals * sizeof(char *);
  p->goals = arena_alloc(a, size);
  p->goals_sv = arena_alloc(a, size);
  p->goals_en = arena_alloc(a, size);
  db_stmt *st = db_query(d, "SELECT text, text_sv, text_en FROM goal ORDER BY position, id", "");
  int i = 0;
  for (; i < p->ngoals && db_step(st) == 1; i++) {
    p->goals[i] = db_col_adup(st, 0, a);
    p->goals_sv[i] = db_col_adup(st, 1, a);
    p->goals_en[i] = db_col_adup(st, 2, a);
  }
  p->ngoals = i;
  db_done(st);
}

static void read_partners(db *d, arena *a, programme *p) {
  p->npartners = (int)db_int(d, 0, "SELECT count(*) FROM partner", "");
  p->partners = arena_alloc(a, (size_t)p->npartners * sizeof *p->partners);
  db_stmt *st = db_query(d,
                         "SELECT id, name, kind, url, position FROM partner"
                         " ORDER BY kind='funder', position, id",
                         "");
  int i = 0;
  while (i < p->npartners && db_step(st) == 1) {
    programme_partner *x = &p->partners[i++];
    x->id = db_col_int(st, 0);
    x->name = arena_strdup(a, db_col_text(st, 1));
    x->kind = arena_strdup(a, db_col_text(st, 2));
    x->url = arena_strdup(a, db_col_text(st, 3));
    x->position = (int)db_col_int(st, 4);
  }
  p->npartners = i;
  db_done(st);
}

/* Fills the texts in lang, the Finnish standing in for a missing translation. */
static void pick_lang(arena *a, programme *p, const char *lang) {
  p->t_name = tr_pick(lang, p->name, p->name_sv, p->name_en);
  p->t_short_name = tr_pick(lang, p->short_name, p->short_name_sv, p->short_name_en);
  p->t_description = tr_pick(lang, p->description, p->description_sv, p->description_en);
  p->t_goals = arena_alloc(a, (size_t)p->ngoals * sizeof *p->t_goals);
  for (int i = 0; i < p->ngoals; i++) p->t_goals[i] = tr_pick(lang, p->goals[i], p->goals_sv[i], p->goals_en[i]);
  for (int i = 0; i < p->nperiods; i++) {
    programme_period *x = &p->periods[i];
    x->shown = tr_pick(lang, x->name, x->name_sv, x->name_en);
  }
}

programme *programme_get(db *d, arena *a, const char *lang) {
  programme *p = arena_alloc(a, sizeof *p);
  memset(p, 0, sizeof *p);
  read_head(d, a, p);
  read_periods(d, a, p);
  read_goals(d, a, p);
  read_partners(d, a, p);
  pick_lang(a, p, lang);
  return p;
}

/* ---- programme row ---- */

int programme_update(db *d, const char *name, const char *short_name, const char *description, kerr *e) {
  if (text_ok(name, "name", "Ohjelman nimi", PROGRAMME_MAX_NAME, 1, e)) return K_ERR;
  if (text_ok(short_name, "short_name", "Lyhyt nimi", PROGRAMME_MAX_NAME, 1, e)) return K_ERR;
  if (text_ok(description, "description", "Kuvaus", PROGRAMME_MAX_DESCRIPTION, 0, e)) return K_ERR;
  int rc = db_exec(d,
                   "INSERT INTO programme(id, name, short_name, description) VALUES(1, ?1, ?2, ?3)"
                   " ON CONFLICT(id) DO UPDATE SET name=excluded.name, short_name=excluded.short_name,"
                   " description=excluded.description",
                   "ttt", name, short_name, description ? description : "");
  if (rc != DB_OK) return kerr_storage(e, "Ohjelman tallennus", db_errmsg(d));
  return K_OK;
}

/* The form field a translation error names: base "name" in Swedish (li 1) is "name_sv", and so on. */
static const char *tr_field(const char *base, int li) {
  static const char *const names[][2] = {{"name_sv", "name_en"},
                                         {"short_name_sv", "short_name_en"},
                                         {"description_sv", "description_en"},
                                         {"goals_sv", "goals_en"}};
  int row = !strcmp(base, "name") ? 0 : !strcmp(base, "short_name") ? 1 : !strcmp(base, "description") ? 2 : 3;
  return names[row][li - 1];
}

int programme_translate(db *d, const char *lang, const char *name, const char *short_name, const char *description,
                        kerr *e) {
  int li = tr_lang_index(lang);
  assert(li == 1 || li == 2); /* a translation is Swedish or English */
  const char *in = li == 1 ? "ruotsiksi" : "englanniksi";
  char label[3][64];
  snprintf(label[0], sizeof label[0], "Ohjelman nimi %s", in);
  snprintf(label[1], sizeof label[1], "Lyhyt nimi %s", in);
  snprintf(label[2], sizeof label[2], "Kuvaus %s", in);
  if (text_ok(name, tr_field("name", li), label[0], PROGRAMME_MAX_NAME, 0, e) ||
      text_ok(short_name, tr_field("short_name", li), label[1], PROGRAMME_MAX_NAME, 0, e) ||
      text_ok(description, tr_field("description", li), label[2], PROGRAMME_MAX_DESCRIPTION, 0, e))
    return K_ERR;
  static const char *const sql[] = {"UPDATE programme SET name_sv=?1, short_name_sv=?2, description_sv=?3 WHERE id=1",
                                    "UPDATE programme SET name_en=?1, short_name_en=?2, description_en=?3 WHERE id=1"};
  if (db_exec(d, sql[li - 1], "ttt", name ? name : "", short_name ? short_name : "", description ? description : "") !=
      DB_OK)
    return kerr_storage(e, "Ohjelman tallennus", db_errmsg(d));
  if (db_changes(d) == 0) return kerr_set(e, NULL, "Ohjelman perustietoja ei ole vielä tallennettu.");
  return K_OK;
}

int programme_set_demo(db *d, int demo, kerr *e) {
  db_exec(d, "UPDATE programme SET demo=?1 WHERE id=1", "i", (long long)(demo != 0));
  if (db_changes(d) == 0) return kerr_set(e, NULL, "Ohjelman perustietoja ei ole vielä tallennettu.");
  return K_OK;
}

int programme_is_demo(db *d) {
  return db_int(d, 0, "SELECT demo FROM programme WHERE id=1", "") != 0;
}

/* ---- goals ---- */

static int goals_valid(const char *const *goals, int n, kerr *e) {
  if (n < 1) return kerr_set(e, "goals", "Anna vähintään yksi tavoite.");
  if (n > PROGRAMME_MAX_GOALS) return kerr_set(e, "goals", "Tavoitteita voi olla enintään %d.", PROGRAMME_MAX_GOALS);
  for (int i = 0; i < n; i++) {
    const char *g = goals[i];
    if (util_blank(g)) return kerr_set(e, "goals", "Tavoite %d on tyhjä.", i + 1);
    if (!util_utf8_valid(g, strlen(g)))
      return kerr_set(e, "goals", "Tavoite %d ei ole kelvollista UTF-8-tekstiä.", i + 1);
    if (util_utf8_len(g) > PROGRAMME_MAX_GOAL)
      return kerr_set(e, "goals", "Tavoite %d on liian pitkä (enintään %d merkkiä).", i + 1, PROGRAMME_MAX_GOAL);
  }
  return K_OK;
}

int programme_set_goals(db *d, const char *const *goals, int n, kerr *e) {
  if (goals_valid(goals, n, e)) return K_ERR;
  if (db_savepoint(d, "programme_goals") != DB_OK) return kerr_storage(e, "Tavoitteiden tallennus", db_errmsg(d));
  int rc = db_exec(d, "DELETE FROM goal", "");
  for (int i = 0; i < n && rc == DB_OK; i++)
    rc = db_exec(d, "INSERT INTO goal(position, text) VALUES(?1, ?2)", "it", (long long)(i + 1), goals[i]);
  if (rc != DB_OK) {
    kerr_storage(e, "Tavoitteiden tallennus", db_errmsg(d));
    db_rollback_to(d, "programme_goals");
    return K_ERR;
  }
  if (db_release(d, "programme_goals") != DB_OK) return kerr_storage(e, "Tavoitteiden tallennus", db_errmsg(d));
  return K_OK;
}

int programme_translate_goals(db *d, const char *lang, const char *const *texts, int n, kerr *e) {
  int li = tr_lang_index(lang);
  assert(li == 1 || li == 2);
  const char *field = tr_field("goals", li);
  long long stored = db_int(d, 0, "SELECT count(*) FROM goal", "");
  if (n > stored)
    return kerr_set(e, field, "Käännettyjä tavoitteita on %d, mutta suomeksi tavoitteita on %lld.", n, stored);
  for (int i = 0; i < n; i++)
    if (text_ok(texts[i], field, "Tavoitteen käännös", PROGRAMME_MAX_GOAL, 0, e)) return K_ERR;
  static const char *const sql[] = {
      "UPDATE goal SET text_sv=?2 WHERE id=(SELECT id FROM goal ORDER BY position, id LIMIT 1 OFFSET ?1)",
      "UPDATE goal SET text_en=?2 WHERE id=(SELECT id FROM goal ORDER BY position, id LIMIT 1 OFFSET ?1)"};
  int rc = DB_OK;
  for (long long i = 0; i < stored && rc == DB_OK; i++)
    rc = db_exec(d, sql[li - 1], "it", i, i < n && texts[i] ? texts[i] : "");
  if (rc != DB_OK) return kerr_storage(e, "Tavoitteiden tallennus", db_errmsg(d));
  return K_OK;
}

/* ---- funding periods ---- */

/* ESF project codes look like S20190; allow letters, digits and '-' so that other funders' codes fit too. */
static int code_ok(const char *s) {
  if (strlen(s) > 20) return 0;
  for (; *s; s++)
    if (!isalnum((unsigned char)*s) && *s != '-') return 0;
  return 1;
}

int programme_period_validate(db *d, const programme_period *p, kerr *e) {
  if (text_ok(p->name, "name", "Rahoituskauden nimi", PROGRAMME_MAX_NAME, 1, e)) return K_ERR;
  if (text_ok(p->name_sv, "name_sv", "Nimi ruotsiksi", PROGRAMME_MAX_NAME, 0, e)) return K_ERR;
  if (text_ok(p->name_en, "name_en", "Nimi englanniksi", PROGRAMME_MAX_NAME, 0, e)) return K_ERR;
  if (p->start_year < PROGRAMME_MIN_YEAR || p->start_year > PROGRAMME_MAX_YEAR)
    return kerr_set(e, "start_year", "Alkuvuoden pitää olla välillä %d–%d.", PROGRAMME_MIN_YEAR, PROGRAMME_MAX_YEAR);
  if (p->end_year < PROGRAMME_MIN_YEAR || p->end_year > PROGRAMME_MAX_YEAR)
    return kerr_set(e, "end_year", "Loppuvuoden pitää olla välillä %d–%d.", PROGRAMME_MIN_YEAR, PROGRAMME_MAX_YEAR);
  if (p->end_year < p->start_year) return kerr_set(e, "end_year", "Loppuvuosi ei voi olla ennen alkuvuotta.");
  if (p->esf_code && !code_ok(p->esf_code))
    return kerr_set(e, "esf_code", "ESR-hanketunnus saa sisältää vain kirjaimia, numeroita ja viivoja (enintään 20).");
  char *other = db_text(d,
                        "SELECT name FROM funding_period WHERE id<>?1 AND start_year<=?3 AND end_year>=?2"
                        " ORDER BY start_year LIMIT 1",
                        "iii", p->id, (long long)p->start_year, (long long)p->end_year);
  if (other) {
    kerr_set(e, "start_year", "Rahoituskausi menee päällekkäin kauden %r kanssa.", other);
    free(other);
    return K_ERR;
  }
  return K_OK;
}

static int period_write(db *d, const char *sql, const programme_period *p) {
  db_stmt *st = db_prepare(d, sql);
  db_bind_text(st, ":name", p->name);
  db_bind_int(st, ":start_year", p->start_year);
  db_bind_int(st, ":end_year", p->end_year);
  db_bind_text(st, ":esf_code", p->esf_code ? p->esf_code : "");
  db_bind_text(st, ":name_sv", p->name_sv ? p->name_sv : "");
  db_bind_text(st, ":name_en", p->name_en ? p->name_en : "");
  if (p->id) db_bind_int(st, ":id", p->id);
  int rc = db_step(st);
  db_done(st);
  return rc;
}

long long programme_period_add(db *d, const programme_period *p, kerr *e) {
  programme_period fresh = *p;
  fresh.id = 0;
  if (programme_period_validate(d, &fresh, e)) return 0;
  if (period_write(d,
                   "INSERT INTO funding_period(name, start_year, end_year, esf_code, name_sv, name_en)"
                   " VALUES(:name, :start_year, :end_year, :esf_code, :name_sv, :name_en)",
                   &fresh) < 0) {
    kerr_storage(e, "Rahoituskauden tallennus", db_errmsg(d));
    return 0;
  }
  return db_last_id(d);
}

int programme_period_update(db *d, const programme_period *p, kerr *e) {
  if (p->id <= 0) return kerr_set(e, NULL, "Rahoituskautta %lld ei ole.", p->id);
  if (programme_period_validate(d, p, e)) return K_ERR;
  if (period_write(d,
                   "UPDATE funding_period SET name=:name, start_year=:start_year, end_year=:end_year,"
                   " esf_code=:esf_code, name_sv=:name_sv, name_en=:name_en WHERE id=:id",
                   p) < 0)
    return kerr_storage(e, "Rahoituskauden tallennus", db_errmsg(d));
  if (db_changes(d) == 0) return kerr_set(e, NULL, "Rahoituskautta %lld ei ole.", p->id);
  return K_OK;
}

int programme_period_delete(db *d, long long id, kerr *e) {
  db_exec(d, "DELETE FROM funding_period WHERE id=?1", "i", id);
  if (db_changes(d) == 0) return kerr_set(e, NULL, "Rahoituskautta %lld ei ole.", id);
  return K_OK;
}

/* ---- partners and funders ---- */

int programme_partner_validate(const programme_partner *p, kerr *e) {
  if (text_ok(p->name, "name", "Nimi", PROGRAMME_MAX_NAME, 1, e)) return K_ERR;
  if (!p->kind || (strcmp(p->kind, "partner") != 0 && strcmp(p->kind, "funder") != 0))
    return kerr_set(e, "kind", "Valitse, onko kyse kumppanista vai rahoittajasta.");
  if (text_ok(p->url, "url", "Verkko-osoite", 500, 0, e)) return K_ERR;
  if (!util_blank(p->url) && strncmp(p->url, "https://", 8) != 0 && strncmp(p->url, "http://", 7) != 0)
    return kerr_set(e, "url", "Verkko-osoitteen pitää alkaa https:// tai http://.");
  if (p->position < 0) return kerr_set(e, "position", "Järjestysnumero ei voi olla negatiivinen.");
  return K_OK;
}

static int partner_write(db *d, const char *sql, const programme_partner *p) {
  db_stmt *st = db_prepare(d, sql);
  db_bind_text(st, ":name", p->name);
  db_bind_text(st, ":kind", p->kind);
  db_bind_text(st, ":url", p->url ? p->url : "");
  db_bind_int(st, ":position", p->position);
  if (p->id) db_bind_int(st, ":id", p->id);
  int rc = db_step(st);
  db_done(st);
  return rc;
}

long long programme_partner_add(db *d, const programme_partner *p, kerr *e) {
  if (programme_partner_validate(p, e)) return 0;
  programme_partner fresh = *p;
  fresh.id = 0;
  if (partner_write(d, "INSERT INTO partner(name, kind, url, position) VALUES(:name, :kind, :url, :position)", &fresh) <
      0) {
    kerr_storage(e, "Kumppanin tallennus", db_errmsg(d));
    return 0;
  }
  return db_last_id(d);
}

int programme_partner_update(db *d, const programme_partner *p, kerr *e) {
  if (p->id <= 0) return kerr_set(e, NULL, "Kumppania %lld ei ole.", p->id);
  if (programme_partner_validate(p, e)) return K_ERR;
  if (partner_write(d, "UPDATE partner SET name=:name, kind=:kind, url=:url, position=:position WHERE id=:id", p) < 0)
    return kerr_storage(e, "Kumppanin tallennus", db_errmsg(d));
  if (db_changes(d) == 0) return kerr_set(e, NULL, "Kumppania %lld ei ole.", p->id);
  return K_OK;
}

int programme_partner_delete(db *d, long long id, kerr *e) {
  db_exec(d, "DELETE FROM partner WHERE id=?1", "i", id);
  if (db_changes(d) == 0) return kerr_set(e, NULL, "Kumppania %lld ei ole.", id);
  return K_OK;
}

/* ---- the page frame ---- */

/* A site page's title in :lang (site_page has title_fi, not title, so TR_PICK does not fit) and whether the Finnish
 * stands in for it. */
#define PAGE_TITLE                                                                                                     \
  "COALESCE(NULLIF(CASE CAST(:lang AS INTEGER) WHEN 1 THEN title_sv WHEN 2 THEN title_en ELSE '' END,''), title_fi)"
#define PAGE_FALLBACK                                                                                                  \
  "CASE WHEN CAST(:lang AS INTEGER) IN (1,2) AND (CASE CAST(:lang AS INTEGER) WHEN 1 THEN title_sv ELSE title_en"      \
  " END)='' THEN 1 ELSE 0 END"

/* Adds a menu page row (k = 2) to f. A built-in page never saved has an empty title: its default stands in. */
static void frame_page(programme_frame *f, db_stmt *st, arena *a, const char *lang, int *cap) {
  if (f->npages == *cap) {
    *cap = *cap ? *cap * 2 : 8;
    struct programme_frame_page *grown = arena_alloc(a, sizeof *grown * (size_t)*cap);
    if (f->npages) memcpy(grown, f->pages, sizeof *grown * (size_t)f->npages);
    f->pages = grown;
  }
  struct programme_frame_page *p = &f->pages[f->npages];
  p->slug = db_col_adup(st, 2, a);
  p->title = (tr){db_col_adup(st, 1, a), (int)db_col_int(st, 4)};
  if (!*p->title.text) {
    const char *t = sitepage_default_title(p->slug, tr_lang_index(lang));
    if (!t) return; /* a stray row: not a page */
    p->title = (tr){t, 0};
  }
  f->npages++;
}

programme_frame *programme_frame_get(db *d, arena *a, const char *lang) {
  programme_frame *f = arena_alloc(a, sizeof *f);
  *f = (programme_frame){.name = {"", 0}, .short_name = {"", 0}};
  /* one round trip: the programme row (k = 0) in lang and then the partners and funders in display order */
  db_stmt *st = db_prepare(d, "SELECT 0 AS k, " TR_PICK("name") ", " TR_PICK("short_name") ", demo, " TR_FALLBACK(
                                  "name") ", " TR_FALLBACK("short_name") ", 0 AS f, 0 AS pos, 0 AS id FROM programme"
                                                                         " WHERE id=1"
                                                                         " UNION ALL SELECT 1, name, kind, 0, 0, 0,"
                                                                         " CASE WHEN kind='funder' THEN 1 ELSE 0 END,"
                                                                         " position, id FROM partner"
                                                                         " UNION ALL SELECT 2, " PAGE_TITLE ", slug,"
                                                                         " 0, " PAGE_FALLBACK ", 0, 0,"
                                                                         " menu_position, 0 FROM site_page"
                                                                         " WHERE menu_position IS NOT NULL"
                                                                         " ORDER BY k, f, pos, id");
  db_bind_int(st, ":lang", tr_lang_index(lang));
  int cap = 0, pcap = 0;
  while (db_step(st) == 1) {
    if (db_col_int(st, 0) == 0) {
      f->name = (tr){db_col_adup(st, 1, a), (int)db_col_int(st, 4)};
      f->short_name = (tr){db_col_adup(st, 2, a), (int)db_col_int(st, 5)};
      f->demo = (int)db_col_int(st, 3);
      continue;
    }
    if (db_col_int(st, 0) == 2) {
      frame_page(f, st, a, lang, &pcap);
      continue;
    }
    if (f->npartners == cap) { /* rare and small: grow by copying inside the arena */
      cap = cap ? cap * 2 : 8;
      struct programme_frame_partner *grown = arena_alloc(a, sizeof *grown * (size_t)cap);
      if (f->npartners) memcpy(grown, f->partners, sizeof *grown * (size_t)f->npartners);
      f->partners = grown;
    }
    f->partners[f->npartners++] =
        (struct programme_frame_partner){arena_strdup(a, db_col_text(st, 1)), arena_strdup(a, db_col_text(st, 2))};
  }
  db_done(st);
  return f;
}
