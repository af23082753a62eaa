/* esf_form: the staff form of a person's ESF start record and end record (/hallinta/henkilot/{id}/esr), with the
 * Annex I items: every sensitive item allows "En halua vastata", and the follow-ups are shown only where they are
 * asked (the length of unemployment to the unemployed, education to the inactive; CSS, no script). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/person.h"
#include "web/form.h"
#include "web/pages/esf_form.h"
#include "web/widgets.h"

enum { MAX_OPTS = 6 };
typedef struct esf_field {
  const char *name, *label;    /* form field (the model's error field), Finnish label */
  const char *codes[MAX_OPTS]; /* option codes, NULL-terminated; labels from person_esf_label */
  int required;
  const char *ask; /* the CSS class that shows it only where it is asked, or NULL */
} esf_field;

static const esf_field START[] = {
    {"gender", N_("Sukupuoli"), {"nainen", "mies", "muu", "eos"}, 1, NULL},
    {"labour_status", N_("Työmarkkina-asema"), {"tyollinen", "tyoton", "ulkopuolella", "eos"}, 1, NULL},
    {"unemployed_for", N_("Kuinka kauan työttömänä"), {"alle6", "6_12", "yli12", "eos"}, 0, "ask-tyoton"},
    {"in_education", N_("Opiskelee tai on koulutuksessa"), {"kylla", "ei", "eos"}, 0, "ask-ulkopuolella"},
    {"education", N_("Koulutustaso"), {"isced12", "isced34", "isced58", "eos"}, 1, NULL},
    {"disability", N_("Vamma tai pitkäaikaissairaus"), {"kylla", "ei", "eos"}, 0, NULL},
    {"migrant", N_("Maahanmuuttaja, ulkomaalaistausta tai vähemmistö"), {"kylla", "ei", "eos"}, 0, NULL},
    {"disadvantaged", N_("Muu heikompi asema"), {"kylla", "ei", "eos"}, 0, NULL},
};
static const esf_field END[] = {
    {"exit_status", N_("Tilanne päättyessä"), {"tyollinen", "tyoton", "koulutus", "ulkopuolella", "eos"}, 0, NULL},
    {"exit_qualification", N_("Sai tutkinnon päättyessä"), {"kylla", "ei", "eos"}, 0, NULL},
};

/* The model's errors on the follow-ups, in words for the page (the others are shown as the model gives them). */
static const struct {
  const char *field, *msg;
} MESSAGES[] = {
    {"unemployed_for", N_("Työttömyyden kestoa kysytään vain työttömiltä.")},
    {"in_education", N_("Koulutuksessa olemista kysytään vain työvoiman ulkopuolella olevilta.")},
    {"exit_qualification", N_("Tutkinto päättyessä kuuluu päättymistietoihin: anna myös päättymispäivä ja tilanne.")},
    {"exit_status", N_("Anna päättymispäivälle tilanne päättyessä (tai En halua vastata).")},
    {"exit_date", N_("Anna päättymispäivä, joka ei ole ennen aloituspäivää.")},
    {"entry_date", N_("Tarkista aloituspäivä: sen pitää olla rahoituskaudella, eikä henkilöllä saa olla kaudella "
                      "toisenlaisia aloitustietoja.")},
    {"birth_date",
     N_("Tarkista syntymäaika: osallistujan pitää olla vähintään 15-vuotias (tai valitse En halua vastata).")},
};

static void select_field(form_ctx *f, const esf_field *x, const char *value) {
  web_req *r = f->r;
  form_opt o[MAX_OPTS];
  int n = 0;
  for (; n < MAX_OPTS && x->codes[n]; n++) o[n] = (form_opt){x->codes[n], T(r, person_esf_label(x->codes[n]))};
  if (x->ask) buf_printf(&r->out, "<div class=\"%r\">", x->ask);
  form_select(f, x->name, T(r, x->label), value ? value : "", o, n, x->required,
              x->required ? NULL : T(r, "Ei vastausta"));
  if (x->ask) buf_puts(&r->out, "</div>");
}

static void esf_form(web_req *r, const person *p, const kerr *err) {
  char title[160];
  snprintf(title, sizeof title, "%s", T(r, "ESF-aloitus- ja päättymistiedot"));
  page_begin(r, title, "people");
  buf *o = &r->out;
  buf_printf(o, "<p><a href=\"%h/hallinta/henkilot/%lld\">← %h</a></p>\n<h1>%h</h1>\n<p>%h</p>\n", r->prefix, p->id,
             p->name ? p->name : T(r, "Poistettu henkilö"), title,
             T(r,
               "Kaikki tiedot ovat arkaluonteisia: jokaiseen voi vastata En halua vastata. Henkilöllä on yhdet "
               "aloitustiedot rahoituskautta kohden; päättymistiedot voi lisätä myöhemmin samoilla aloitustiedoilla."));
  form_ctx f = {r, err};
  form_errors(&f);
  buf_printf(o, "<form method=\"post\" action=\"%h/hallinta/henkilot/%lld/esr\" class=\"form esf\">\n", r->prefix,
             p->id);
  web_csrf_field(r);
  buf_printf(o, "<fieldset><legend>%h</legend>\n", T(r, "Aloitustiedot"));
  form_input(&f, "text", "entry_date", T(r, "Aloituspäivä"), web_field(r, "entry_date"), 1, T(r, "Esim. 22.11.2026"));
  form_input(&f, "text", "birth_date", T(r, "Syntymäaika"), web_field(r, "birth_date"), 1,
             T(r, "Esim. 12.5.1980, tai En halua vastata"));
  for (size_t i = 0; i < sizeof START / sizeof START[0]; i++) select_field(&f, &START[i], web_field(r, START[i].name));
  buf_printf(o, "</fieldset>\n<fieldset><legend>%h</legend>\n", T(r, "Päättymistiedot"));
  form_input(&f, "text", "exit_date", T(r, "Päättymispäivä"), web_field(r, "exit_date"), 0, NULL);
  for (size_t i = 0; i < sizeof END / sizeof END[0]; i++) select_field(&f, &END[i], web_field(r, END[i].name));
  buf_printf(o, "</fieldset>\n<div class=\"actions\"><button type=\"submit\">%h</button></div>\n</form>\n",
             T(r, "Tallenna"));
  page_end(r);
}

void page_staff_esf_form(web_req *r) {
  person *p = person_get(r->db, &r->mem, r->id);
  if (!p || p->erased_at) {
    web_error(r, 404, T(r, "Henkilöä ei löytynyt."));
    return;
  }
  esf_form(r, p, NULL);
}

/* A copy of the posted field (malloc'd, as person_esf_validate wants), NULL when empty. */
static char *posted(web_req *r, const char *name) {
  const char *v = web_field(r, name);
  return *v ? util_strdup(v) : NULL;
}

void page_staff_esf_save(web_req *r) {
  kerr e = {0};
  int fresh = web_csrf_ok_or_kerr(r, &e); /* a stale token shows the form again, filled in (403) */
  person *p = person_get(r->db, &r->mem, r->id);
  if (!p || p->erased_at) {
    web_error(r, 404, T(r, "Henkilöä ei löytynyt."));
    kerr_clear(&e);
    return;
  }
  const char *labour = web_field(r, "labour_status");
  esf_record x = {.person_id = r->id,
                  .entry_date = posted(r, "entry_date"),
                  .birth_date = posted(r, "birth_date"),
                  .gender = posted(r, "gender"),
                  .labour = posted(r, "labour_status"),
                  .education = posted(r, "education"),
                  /* a follow-up hidden because it is not asked is not kept, whatever it held */
                  .unemployed_for = !strcmp(labour, "tyoton") ? posted(r, "unemployed_for") : NULL,
                  .in_education = !strcmp(labour, "ulkopuolella") ? posted(r, "in_education") : NULL,
                  .disability = posted(r, "disability"),
                  .migrant = posted(r, "migrant"),
                  .disadvantaged = posted(r, "disadvantaged"),
                  .exit_date = posted(r, "exit_date"),
                  .exit_status = posted(r, "exit_status"),
                  .exit_qualification = posted(r, "exit_qualification")};
  if (fresh && person_esf_record(r->db, &x, r->user.email, &e)) {
    web_changed();
    web_redirectf(r, "/hallinta/henkilot/%lld", r->id);
  } else {
    for (size_t i = 0; e.field && i < sizeof MESSAGES / sizeof MESSAGES[0]; i++)
      if (!strcmp(e.field, MESSAGES[i].field)) {
        char *field = util_strdup(e.field);
        kerr_clear(&e);
        kerr_set(&e, field, "%r", MESSAGES[i].msg);
        free(field);
        break;
      }
    esf_form(r, p, &e);
    r->status = fresh ? 422 : 403;
  }
  char **owned[] = {&x.entry_date,        &x.birth_date, &x.gender,  &x.labour,        &x.education, &x.unemployed_for,
                    &x.in_education,      &x.disability, &x.migrant, &x.disadvantaged, &x.exit_date, &x.exit_status,
                    &x.exit_qualification};
  for (size_t i = 0; i < sizeof owned / sizeof owned[0]; i++) free(*owned[i]);
  kerr_clear(&e);
}
