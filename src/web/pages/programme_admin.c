/* programme_admin: staff pages to edit the programme frame: name, description, goals, funding periods, partners. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/programme.h"
#include "web/form.h"
#include "web/pager.h"
#include "web/pages/programme_admin.h"
#include "web/widgets.h"

/* The notices a redirect may ask for, by code: only these texts can appear, whatever the address says. */
static const char *const NOTICES[][2] = {
    {"ohjelma", "Ohjelman tiedot tallennettu."},     {"kausi", "Rahoituskausi tallennettu."},
    {"kausi-poistettu", "Rahoituskausi poistettu."}, {"kumppani", "Kumppani tallennettu."},
    {"kumppani-poistettu", "Kumppani poistettu."},
};

static void redirect_to(web_req *r, const char *code) {
  buf to = BUF_INIT;
  buf_printf(&to, "%r/hallinta/ohjelma?ok=%U", r->prefix, code);
  web_redirect(r, to.data);
  buf_free(&to);
}

static void notice(web_req *r) {
  const char *ok = web_query(r, "ok");
  for (size_t i = 0; ok && i < sizeof NOTICES / sizeof NOTICES[0]; i++)
    if (strcmp(ok, NOTICES[i][0]) == 0)
      buf_printf(&r->out, "<p class=\"notice\" role=\"status\">%h</p>\n", T(r, NOTICES[i][1]));
}

/* The frame form's texts, each in fi, sv and en (goals one per line). */
typedef struct frame_texts {
  const char *name[3], *short_name[3], *description[3], *goals[3];
} frame_texts;

static void frame_form(web_req *r, const frame_texts *t, const kerr *err) {
  form_ctx f = {r, err};
  buf *o = &r->out;
  buf_printf(o, "<h2>%h</h2>\n", T(r, "Ohjelma ja tavoitteet"));
  form_errors(&f);
  buf_printf(o, "<form method=\"post\" action=\"%h/hallinta/ohjelma\" class=\"form wide\">\n", r->prefix);
  web_csrf_field(r);
  buf_printf(o, "<p class=\"hint\">%h</p>\n",
             T(r, "Ruotsin- ja englanninkieliset sivut näyttävät suomenkielisen tekstin, kun käännös puuttuu. "
                  "Tavoitteiden käännökset: yksi riviä kohden samassa järjestyksessä kuin suomeksi."));
  tr_field fields[] = {
      {"name", N_("Ohjelman nimi"), {t->name[0], t->name[1], t->name[2]}, 0, 1, NULL},
      {"short_name",
       N_("Lyhyt nimi"),
       {t->short_name[0], t->short_name[1], t->short_name[2]},
       0,
       1,
       T(r, "Näkyy sivujen yläreunassa")},
      {"description", N_("Kuvaus"), {t->description[0], t->description[1], t->description[2]}, 5, 0, NULL},
      {"goals",
       N_("Tavoitteet"),
       {t->goals[0], t->goals[1], t->goals[2]},
       8,
       1,
       T(r, "Yksi tavoite riviä kohden, tärkeysjärjestyksessä")},
  };
  tr_fieldsets(&f, fields, 4);
  buf_printf(o, "<button type=\"submit\">%h</button>\n</form>\n", T(r, "Tallenna"));
}

static void periods_table(web_req *r, const programme *p) {
  buf *o = &r->out;
  static const char *const heads[] = {"Nimi", "Vuodet", "ESR-hankekoodi"};
  buf_printf(o, "<h2>%h</h2>\n", T(r, "Rahoituskaudet"));
  pager_table_begin(r, T(r, "Rahoituskaudet"), heads, 3, -1);
  for (int i = 0; i < p->nperiods; i++)
    buf_printf(o, "<tr><td><a href=\"%h/hallinta/ohjelma/kaudet/%lld\">%h</a></td><td>%d–%d</td><td>%h</td></tr>\n",
               r->prefix, p->periods[i].id, p->periods[i].name, p->periods[i].start_year, p->periods[i].end_year,
               p->periods[i].esf_code);
  web_table_end(r);
  buf_printf(o, "<p><a class=\"button secondary\" href=\"%h/hallinta/ohjelma/kaudet/uusi\">%h</a></p>\n", r->prefix,
             T(r, "Lisää rahoituskausi"));
}

static void partners_table(web_req *r, const programme *p) {
  buf *o = &r->out;
  static const char *const heads[] = {"Nimi", "Rooli", "Verkko-osoite"};
  buf_printf(o, "<h2>%h</h2>\n", T(r, "Kumppanit ja rahoittajat"));
  pager_table_begin(r, T(r, "Kumppanit ja rahoittajat"), heads, 3, -1);
  for (int i = 0; i < p->npartners; i++)
    buf_printf(o, "<tr><td><a href=\"%h/hallinta/ohjelma/kumppanit/%lld\">%h</a></td><td>%h</td><td>%h</td></tr>\n",
               r->prefix, p->partners[i].id, p->partners[i].name,
               T(r, strcmp(p->partners[i].kind, "funder") == 0 ? "Rahoittaja" : "Kumppani"), p->partners[i].url);
  web_table_end(r);
  buf_printf(o, "<p><a class=\"button secondary\" href=\"%h/hallinta/ohjelma/kumppanit/uusi\">%h</a></p>\n", r->prefix,
             T(r, "Lisää kumppani tai rahoittaja"));
}

/* The goals of one language as lines in the arena. */
static const char *goal_lines(web_req *r, char *const *goals, int n) {
  buf g = BUF_INIT;
  for (int i = 0; i < n; i++) buf_printf(&g, "%r%r", i ? "\n" : "", goals[i]);
  const char *s = arena_strdup(&r->mem, g.data ? g.data : "");
  buf_free(&g);
  return s;
}

/* The page with the frame form filled from t, or from the stored frame when t is NULL. */
static void programme_page(web_req *r, const frame_texts *t, const kerr *err) {
  programme *p = programme_get(r->db, &r->mem, r->lang);
  frame_texts stored = {{p->name, p->name_sv, p->name_en},
                        {p->short_name, p->short_name_sv, p->short_name_en},
                        {p->description, p->description_sv, p->description_en},
                        {goal_lines(r, p->goals, p->ngoals), goal_lines(r, p->goals_sv, p->ngoals),
                         goal_lines(r, p->goals_en, p->ngoals)}};
  page_begin(r, T(r, "Ohjelma"), "programme");
  buf_printf(&r->out, "<h1>%h</h1>\n", T(r, "Ohjelma"));
  notice(r);
  frame_form(r, t ? t : &stored, err);
  periods_table(r, p);
  partners_table(r, p);
  buf_printf(&r->out, "<p><a href=\"%h/hallinta/teemat\">%h</a> · <a href=\"%h/hallinta/sivut\">%h</a></p>\n",
             r->prefix, T(r, "Teemojen käännökset"), r->prefix, T(r, "Sivut ja päävalikko"));
  page_end(r);
}

static void page_programme_admin(web_req *r) {
  programme_page(r, NULL, NULL);
}

/* Splits a translation into trimmed lines, blank ones kept (a goal left untranslated) but not after the last text.
 * Returns the count, max + 1 when there are more. */
static int split_all_lines(web_req *r, const char *text, const char **out, int max) {
  char *copy = arena_strdup(&r->mem, text), *line = copy;
  int n = 0, last = 0;
  while (line) {
    char *end = strchr(line, '\n');
    if (end) *end = 0;
    util_trim(line);
    if (n >= max && *line) return max + 1;
    if (n < max) out[n++] = line;
    if (*line) last = n;
    line = end ? end + 1 : NULL;
  }
  return last;
}

/* Splits text into non-empty trimmed lines (pointers into the request arena). Returns the count. */
static int split_lines(web_req *r, const char *text, const char **out, int max) {
  char *copy = arena_strdup(&r->mem, text), *save = NULL;
  int n = 0;
  for (char *l = strtok_r(copy, "\r\n", &save); l; l = strtok_r(NULL, "\r\n", &save)) {
    util_trim(l);
    if (*l && n < max)
      out[n++] = l;
    else if (*l)
      return max + 1;
  }
  return n;
}

/* Saves the translations of the name, short name, description and goals in lang (li 1 sv, 2 en). */
static int save_translation(web_req *r, const frame_texts *t, int li, kerr *e) {
  static const char *const langs[] = {"fi", "sv", "en"}, *const goal_fields[] = {"", "goals_sv", "goals_en"};
  const char *lines[PROGRAMME_MAX_GOALS + 1];
  if (programme_translate(r->db, langs[li], t->name[li], t->short_name[li], t->description[li], e) != K_OK)
    return K_ERR;
  int n = split_all_lines(r, t->goals[li], lines, PROGRAMME_MAX_GOALS);
  if (n > PROGRAMME_MAX_GOALS)
    return kerr_set(e, goal_fields[li], "Tavoitteita voi olla enintään %d.", PROGRAMME_MAX_GOALS);
  return programme_translate_goals(r->db, langs[li], lines, n, e);
}

static int save_frame(web_req *r, const frame_texts *t, kerr *e) {
  const char *lines[PROGRAMME_MAX_GOALS + 1];
  int n = split_lines(r, t->goals[0], lines, PROGRAMME_MAX_GOALS);
  if (programme_update(r->db, t->name[0], t->short_name[0], t->description[0], e) != K_OK) return K_ERR;
  if (n > PROGRAMME_MAX_GOALS) return kerr_set(e, "goals", "Tavoitteita voi olla enintään %d.", PROGRAMME_MAX_GOALS);
  if (programme_set_goals(r->db, lines, n, e) != K_OK) return K_ERR;
  return save_translation(r, t, 1, e) == K_OK ? save_translation(r, t, 2, e) : K_ERR;
}

static void page_programme_save(web_req *r) {
  static const char *const suffix[] = {"", "_sv", "_en"};
  frame_texts t;
  for (int li = 0; li < 3; li++) {
    char name[32];
    snprintf(name, sizeof name, "name%s", suffix[li]);
    t.name[li] = web_field(r, name);
    snprintf(name, sizeof name, "short_name%s", suffix[li]);
    t.short_name[li] = web_field(r, name);
    snprintf(name, sizeof name, "description%s", suffix[li]);
    t.description[li] = web_field(r, name);
    snprintf(name, sizeof name, "goals%s", suffix[li]);
    const char *raw = web_form(r, name); /* untrimmed: a translation's first goal may be left blank */
    t.goals[li] = li ? (raw ? raw : "") : web_field(r, name);
  }
  kerr e = {0};
  int rc = db_begin(r->db) == DB_OK ? K_OK : kerr_set(&e, NULL, "Tietokanta on varattu. Yritä uudelleen.");
  if (rc == K_OK) rc = save_frame(r, &t, &e);
  if (rc == K_OK && db_commit(r->db) == DB_OK) {
    web_changed();
    redirect_to(r, "ohjelma");
  } else {
    if (!e.msg) kerr_storage(&e, "Ohjelman tallennus", db_errmsg(r->db));
    db_rollback(r->db);
    programme_page(r, &t, &e);
    r->status = 422;
  }
  kerr_clear(&e);
}

/* ---- funding periods ---- */

static const programme_period *find_period(const programme *p, long long id) {
  for (int i = 0; i < p->nperiods; i++)
    if (p->periods[i].id == id) return &p->periods[i];
  return NULL;
}

static void period_form(web_req *r, long long id, const char *const name[3], const char *start, const char *end,
                        const char *esf, const kerr *err) {
  form_ctx f = {r, err};
  buf *o = &r->out;
  const char *title = id ? T(r, "Muokkaa rahoituskautta") : T(r, "Uusi rahoituskausi");
  page_begin(r, title, "programme");
  buf_printf(o, "<p><a href=\"%h/hallinta/ohjelma\">← %h</a></p>\n<h1>%h</h1>\n", r->prefix, T(r, "Ohjelma"), title);
  form_errors(&f);
  if (id)
    buf_printf(o, "<form method=\"post\" action=\"%h/hallinta/ohjelma/kaudet/%lld\" class=\"form narrow\">\n",
               r->prefix, id);
  else
    buf_printf(o, "<form method=\"post\" action=\"%h/hallinta/ohjelma/kaudet/uusi\" class=\"form narrow\">\n",
               r->prefix);
  web_csrf_field(r);
  tr_field names = {"name", N_("Nimi"), {name[0], name[1], name[2]}, 0, 1, T(r, "Esimerkiksi 2. rahoituskausi")};
  tr_fieldsets(&f, &names, 1);
  form_input(&f, "text", "start_year", T(r, "Alkuvuosi"), start, 1, NULL);
  form_input(&f, "text", "end_year", T(r, "Loppuvuosi"), end, 1, NULL);
  form_input(&f, "text", "esf_code", T(r, "ESR-hankekoodi"), esf, 0, T(r, "Esimerkiksi S21159"));
  buf_printf(o, "<button type=\"submit\">%h</button>\n</form>\n", T(r, "Tallenna"));
  if (id) {
    buf_printf(o, "<form method=\"post\" action=\"%h/hallinta/ohjelma/kaudet/%lld/poista\" data-confirm=\"%h\">",
               r->prefix, id, T(r, "Poistetaanko rahoituskausi?"));
    web_csrf_field(r);
    buf_printf(o, "<p><button type=\"submit\" class=\"danger\">%h</button></p></form>\n", T(r, "Poista rahoituskausi"));
  }
  page_end(r);
}

static void page_period_edit(web_req *r) {
  if (!r->id) {
    const char *none[3] = {"", "", ""};
    period_form(r, 0, none, "", "", "", NULL);
    return;
  }
  programme *p = programme_get(r->db, &r->mem, r->lang);
  const programme_period *x = find_period(p, r->id);
  if (!x)
    web_error(r, 404, T(r, "Rahoituskautta ei ole."));
  else {
    char s[12], e[12];
    snprintf(s, sizeof s, "%d", x->start_year);
    snprintf(e, sizeof e, "%d", x->end_year);
    const char *names[3] = {x->name, x->name_sv, x->name_en};
    period_form(r, x->id, names, s, e, x->esf_code, NULL);
  }
}

static void page_period_save(web_req *r) {
  long long sy = 0, ey = 0;
  programme_period x = {.id = r->id,
                        .name = (char *)web_field(r, "name"),
                        .name_sv = (char *)web_field(r, "name_sv"),
                        .name_en = (char *)web_field(r, "name_en"),
                        .esf_code = (char *)web_field(r, "esf_code")};
  kerr e = {0};
  int rc = K_OK;
  if (util_parse_int(web_field(r, "start_year"), 1, 9999, &sy) != K_OK)
    rc = kerr_set(&e, "start_year", "Alkuvuoden pitää olla vuosiluku, esimerkiksi 2018.");
  else if (util_parse_int(web_field(r, "end_year"), 1, 9999, &ey) != K_OK)
    rc = kerr_set(&e, "end_year", "Loppuvuoden pitää olla vuosiluku, esimerkiksi 2020.");
  x.start_year = (int)sy;
  x.end_year = (int)ey;
  if (rc == K_OK)
    rc = r->id ? programme_period_update(r->db, &x, &e) : (programme_period_add(r->db, &x, &e) ? K_OK : K_ERR);
  if (rc == K_OK) {
    web_changed();
    redirect_to(r, "kausi");
  } else {
    const char *names[3] = {x.name, x.name_sv, x.name_en};
    period_form(r, r->id, names, web_field(r, "start_year"), web_field(r, "end_year"), x.esf_code, &e);
    r->status = 422;
  }
  kerr_clear(&e);
}

static void page_period_delete(web_req *r) {
  kerr e = {0};
  if (programme_period_delete(r->db, r->id, &e) != K_OK)
    web_error(r, 404, T(r, "Rahoituskautta ei ole."));
  else {
    web_changed();
    redirect_to(r, "kausi-poistettu");
  }
  kerr_clear(&e);
}

/* ---- partners and funders ---- */

static const programme_partner *find_partner(const programme *p, long long id) {
  for (int i = 0; i < p->npartners; i++)
    if (p->partners[i].id == id) return &p->partners[i];
  return NULL;
}

static void partner_form(web_req *r, long long id, const char *name, const char *kind, const char *url,
                         const char *position, const kerr *err) {
  form_ctx f = {r, err};
  buf *o = &r->out;
  const char *title = id ? T(r, "Muokkaa kumppania") : T(r, "Uusi kumppani tai rahoittaja");
  page_begin(r, title, "programme");
  buf_printf(o, "<p><a href=\"%h/hallinta/ohjelma\">← %h</a></p>\n<h1>%h</h1>\n", r->prefix, T(r, "Ohjelma"), title);
  form_errors(&f);
  if (id)
    buf_printf(o, "<form method=\"post\" action=\"%h/hallinta/ohjelma/kumppanit/%lld\" class=\"form narrow\">\n",
               r->prefix, id);
  else
    buf_printf(o, "<form method=\"post\" action=\"%h/hallinta/ohjelma/kumppanit/uusi\" class=\"form narrow\">\n",
               r->prefix);
  web_csrf_field(r);
  form_input(&f, "text", "name", T(r, "Nimi"), name, 1, NULL);
  form_opt kinds[] = {{"partner", T(r, "Kumppani")}, {"funder", T(r, "Rahoittaja")}};
  form_select(&f, "kind", T(r, "Rooli"), kind, kinds, 2, 1, NULL);
  form_input(&f, "text", "url", T(r, "Verkko-osoite"), url, 0, T(r, "Alkaa https://"));
  form_input(&f, "text", "position", T(r, "Järjestys"), position, 0, T(r, "Pienin ensin"));
  buf_printf(o, "<button type=\"submit\">%h</button>\n</form>\n", T(r, "Tallenna"));
  if (id) {
    buf_printf(o, "<form method=\"post\" action=\"%h/hallinta/ohjelma/kumppanit/%lld/poista\" data-confirm=\"%h\">",
               r->prefix, id, T(r, "Poistetaanko kumppani?"));
    web_csrf_field(r);
    buf_printf(o, "<p><button type=\"submit\" class=\"danger\">%h</button></p></form>\n", T(r, "Poista"));
  }
  page_end(r);
}

static void page_partner_edit(web_req *r) {
  if (!r->id) {
    partner_form(r, 0, "", "partner", "", "0", NULL);
    return;
  }
  programme *p = programme_get(r->db, &r->mem, r->lang);
  const programme_partner *x = find_partner(p, r->id);
  if (!x)
    web_error(r, 404, T(r, "Kumppania ei ole."));
  else {
    char pos[12];
    snprintf(pos, sizeof pos, "%d", x->position);
    partner_form(r, x->id, x->name, x->kind, x->url, pos, NULL);
  }
}

static void page_partner_save(web_req *r) {
  long long pos = 0;
  programme_partner x = {.id = r->id,
                         .name = (char *)web_field(r, "name"),
                         .kind = (char *)web_field(r, "kind"),
                         .url = (char *)web_field(r, "url")};
  kerr e = {0};
  int rc = K_OK;
  if (*web_field(r, "position") && util_parse_int(web_field(r, "position"), 0, 1000, &pos) != K_OK)
    rc = kerr_set(&e, "position", "Järjestyksen pitää olla luku 0–1000.");
  x.position = (int)pos;
  if (rc == K_OK)
    rc = r->id ? programme_partner_update(r->db, &x, &e) : (programme_partner_add(r->db, &x, &e) ? K_OK : K_ERR);
  if (rc == K_OK) {
    web_changed();
    redirect_to(r, "kumppani");
  } else {
    partner_form(r, r->id, x.name, x.kind, x.url, web_field(r, "position"), &e);
    r->status = 422;
  }
  kerr_clear(&e);
}

static void page_partner_delete(web_req *r) {
  kerr e = {0};
  if (programme_partner_delete(r->db, r->id, &e) != K_OK)
    web_error(r, 404, T(r, "Kumppania ei ole."));
  else {
    web_changed();
    redirect_to(r, "kumppani-poistettu");
  }
  kerr_clear(&e);
}

const route programme_admin_routes[] = {
    {"GET", "/hallinta/ohjelma", page_programme_admin, .flags = ROUTE_ANY_STAFF,
     .menu = {ROUTE_NAV_STAFF, 4, "programme", N_("Ohjelma")}},
    {"POST", "/hallinta/ohjelma", page_programme_save, .flags = ROUTE_ANY_STAFF | ROUTE_CSRF},
    {"GET", "/hallinta/ohjelma/kaudet/uusi", page_period_edit, .flags = ROUTE_ANY_STAFF},
    {"POST", "/hallinta/ohjelma/kaudet/uusi", page_period_save, .flags = ROUTE_ANY_STAFF | ROUTE_CSRF},
    {"GET", "/hallinta/ohjelma/kaudet/{id}", page_period_edit, .flags = ROUTE_ANY_STAFF},
    {"POST", "/hallinta/ohjelma/kaudet/{id}", page_period_save, .flags = ROUTE_ANY_STAFF | ROUTE_CSRF},
    {"POST", "/hallinta/ohjelma/kaudet/{id}/poista", page_period_delete, .flags = ROUTE_ANY_STAFF | ROUTE_CSRF},
    {"GET", "/hallinta/ohjelma/kumppanit/uusi", page_partner_edit, .flags = ROUTE_ANY_STAFF},
    {"POST", "/hallinta/ohjelma/kumppanit/uusi", page_partner_save, .flags = ROUTE_ANY_STAFF | ROUTE_CSRF},
    {"GET", "/hallinta/ohjelma/kumppanit/{id}", page_partner_edit, .flags = ROUTE_ANY_STAFF},
    {"POST", "/hallinta/ohjelma/kumppanit/{id}", page_partner_save, .flags = ROUTE_ANY_STAFF | ROUTE_CSRF},
    {"POST", "/hallinta/ohjelma/kumppanit/{id}/poista", page_partner_delete, .flags = ROUTE_ANY_STAFF | ROUTE_CSRF},
    {0},
};
