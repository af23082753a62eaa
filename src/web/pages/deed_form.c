/* deed_form: reading and writing the deed form. */
#include "web/pages/deed_form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/org.h"
#include "model/refdata.h"
#include "web/form.h"

static const char *const GROUPS[][2] = {{"johto", N_("Johto")},
                                        {"esihenkilot", N_("Esihenkilöt")},
                                        {"henkilosto", N_("Henkilöstö")},
                                        {"asiakkaat", N_("Asiakkaat")}};

/* Stored as the Finnish name, shown through T(). */
static const char *const SERVICES[] = {N_("Sparraus"), N_("Sisäisten kehittäjien valmennus"), N_("Työpaja"),
                                       N_("Verkosto"), N_("Webinaari tai tilaisuus"),         N_("Tutkimusyhteistyö")};

const char *deed_participant_label(web_req *r, const char *code) {
  for (size_t i = 0; i < sizeof GROUPS / sizeof GROUPS[0]; i++)
    if (strcmp(code, GROUPS[i][0]) == 0) return T(r, GROUPS[i][1]);
  return code;
}

deed *deed_form_read(web_req *r) {
  deed *x = arena_alloc(&r->mem, sizeof *x);
  x->ref = web_field_opt(r, "ref");
  x->title = web_field_opt(r, "title");
  x->org_name = web_field_opt(r, "organisation");
  x->org_id = org_find(r->db, x->org_name); /* a name (or Y-tunnus) in the registry links the deed to it */
  x->municipality_code = web_field_opt(r, "municipality");
  x->sector_code = web_field_opt(r, "sector");
  x->themes = web_field_opt(r, "themes");
  x->summary = web_field_opt(r, "summary");
  x->starting_point = web_field_opt(r, "starting_point");
  x->goal = web_field_opt(r, "goal");
  x->actions = web_field_opt(r, "actions");
  x->results = web_field_opt(r, "results");
  x->service = web_field_opt(r, "service");
  x->contact_name = web_field_opt(r, "contact_name");
  x->contact_email = web_field_opt(r, "contact_email");
  if (*web_field(r, "notify")) { /* the poster hears of the decision at the address they gave, in this language */
    x->poster_email = x->contact_email;
    x->poster_lang = arena_strdup(&r->mem, r->lang);
  }
  buf g = BUF_INIT;
  for (size_t i = 0; i < sizeof GROUPS / sizeof GROUPS[0]; i++) {
    char name[32];
    snprintf(name, sizeof name, "p_%s", GROUPS[i][0]);
    if (*web_field(r, name)) buf_printf(&g, "%r%r", g.len ? "," : "", GROUPS[i][0]);
  }
  x->participants = g.len ? arena_strdup(&r->mem, g.data) : NULL;
  buf_free(&g);
  long long y = 0;
  x->year = util_parse_int(web_field(r, "year"), 1, 9999, &y) == K_OK ? (int)y : 0;
  return x;
}

static void participants(web_req *r, const deed *x) {
  buf *o = &r->out;
  buf_printf(o, "<fieldset class=\"field checks\"><legend>%h</legend>", T(r, "Keitä oli mukana"));
  for (size_t i = 0; i < sizeof GROUPS / sizeof GROUPS[0]; i++) {
    int on = x && x->participants && strstr(x->participants, GROUPS[i][0]);
    buf_printf(o, "<label><input type=\"checkbox\" name=\"p_%h\" value=\"1\"%r> %h</label>", GROUPS[i][0],
               on ? " checked" : "", T(r, GROUPS[i][1]));
  }
  buf_puts(o, "</fieldset>\n");
}

static void choices(web_req *r, form_ctx *f, const deed *x) {
  int ns = 0, nm = 0;
  code_name *sec = refdata_sectors(r->db, &r->mem, r->lang, &ns);
  code_name *mun = refdata_municipalities(r->db, &r->mem, r->lang, &nm);
  form_select_codes(f, "sector", T(r, "Toimiala"), x ? x->sector_code : NULL, sec, ns, 1, T(r, "Valitse"));
  form_select_codes(f, "municipality", T(r, "Kunta"), x ? x->municipality_code : NULL, mun, nm, 1, T(r, "Valitse"));
  form_opt svc[sizeof SERVICES / sizeof SERVICES[0]];
  for (size_t i = 0; i < sizeof SERVICES / sizeof SERVICES[0]; i++) svc[i] = (form_opt){SERVICES[i], T(r, SERVICES[i])};
  form_select(f, "service", T(r, "Ohjelman palvelu, jota käytettiin"), x ? x->service : NULL, svc,
              (int)(sizeof SERVICES / sizeof SERVICES[0]), 0, T(r, "Ei mitään"));
}

void deed_form_write(web_req *r, const deed *x, const kerr *err, const char *action, int staff) {
  form_ctx f = {r, err};
  buf *o = &r->out;
  form_errors(&f);
  buf_printf(o, "<form method=\"post\" action=\"%h%h\" class=\"form\" novalidate>\n", r->prefix, action);
  web_csrf_field(r);
  /* honeypot: people do not see it; robots fill it */
  buf_printf(o, "<div class=\"hp\" aria-hidden=\"true\"><label for=\"f-website\">Website</label>"
                "<input type=\"text\" id=\"f-website\" name=\"website\" tabindex=\"-1\" autocomplete=\"off\"></div>\n");
  if (staff) form_input(&f, "text", "ref", T(r, "Tunniste (ref)"), x ? x->ref : NULL, 0, NULL);
  form_input(&f, "text", "title", T(r, "Otsikko"), x ? x->title : NULL, 1, NULL);
  form_input(&f, "text", "organisation", T(r, "Organisaatio"), x ? x->org_name : NULL, 1,
             T(r, "Kunta, kuntayhtymä tai yhtiö, jossa teko tehtiin"));
  choices(r, &f, x);
  char year[16] = "";
  if (!strcmp(r->method, "POST"))
    snprintf(year, sizeof year, "%s", web_field(r, "year")); /* keep what was typed */
  else if (x && x->year)
    snprintf(year, sizeof year, "%d", x->year);
  form_input(&f, "text", "year", T(r, "Vuosi"), year, 1, T(r, "Esimerkiksi 2019"));
  form_input(&f, "text", "themes", T(r, "Teemat"), x ? x->themes : NULL, 0,
             T(r, "Erota pilkulla, esimerkiksi: työhyvinvointi, johtaminen"));
  form_textarea(&f, "summary", T(r, "Tiivistelmä"), x ? x->summary : NULL, 0, T(r, "Pari lausetta teosta"), 3);
  form_textarea(&f, "starting_point", T(r, "Lähtötilanne"), x ? x->starting_point : NULL, 0, NULL, 4);
  form_textarea(&f, "goal", T(r, "Tavoite"), x ? x->goal : NULL, 1, T(r, "Mihin pyrittiin?"), 4);
  form_textarea(&f, "actions", T(r, "Mitä tehtiin"), x ? x->actions : NULL, 0, NULL, 5);
  participants(r, x);
  form_textarea(&f, "results", T(r, "Tulokset"), x ? x->results : NULL, 1, T(r, "Mitä saatiin aikaan?"), 5);
  buf_printf(o, "<h2>%h</h2><p class=\"muted\">%h</p>\n", T(r, "Yhteystiedot"),
             T(r, "Yhteystietoja ei julkaista. Ohjelman henkilöstö voi ottaa yhteyttä teosta."));
  form_input(&f, "text", "contact_name", T(r, "Nimi"), x ? x->contact_name : NULL, !staff, NULL);
  form_input(&f, "email", "contact_email", T(r, "Sähköposti"), x ? x->contact_email : NULL, !staff, NULL);
  if (!staff && !r->id)
    buf_printf(o,
               "<div class=\"field checks\"><label><input type=\"checkbox\" name=\"notify\" value=\"1\"%r> %h</label>"
               "</div>\n",
               !x || x->poster_email ? " checked" : "",
               T(r, "Kerro minulle sähköpostilla, kun teko on julkaistu tai jos sitä ei julkaista"));
  buf_printf(o, "<button type=\"submit\">%h</button>\n</form>\n", staff ? T(r, "Tallenna") : T(r, "Lähetä teko"));
}
