/* thesaurus (pages): /hallinta/sanasto for staff: what the thesaurus does, a filter, the programme's own groups
 * (add, edit, delete with confirmation) and then the built-in groups of data/sanasto.tsv read-only, 50 a page. */
#include "web/pages/thesaurus.h"

#include <stdio.h>
#include <string.h>

#include "core/utf8.h"
#include "model/thesaurus.h"
#include "web/form.h"
#include "web/pager.h"
#include "web/widgets.h"

#define BASE "/hallinta/sanasto"
#define ACTIVE "thesaurus"
#define PER_PAGE 50

static const char *const LANG[3] = {"fi", "sv", "en"};

/* ---- the list ---- */

/* Writes labels (one per line or |-separated, as stored) as "a · b · c" in a cell marked with their language. */
static void labels_cell(web_req *r, int lang, const char *text) {
  buf *o = &r->out;
  buf_printf(o, "<td%r>", lang == THES_FI ? web_fi(r) : lang == THES_SV ? " lang=\"sv\"" : " lang=\"en\"");
  int first = 1;
  while (text && *text) {
    size_t n = strcspn(text, "\n|");
    const char *s = text, *e = text + n;
    while (s < e && (*s == ' ' || *s == '\t' || *s == '\r')) s++;
    while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r')) e--;
    if (e > s) {
      char *label = arena_strndup(&r->mem, s, (size_t)(e - s));
      buf_printf(o, "%r%h", first ? "" : " · ", label);
      first = 0;
    }
    text += n + (text[n] != 0);
  }
  buf_puts(o, "</td>");
}

/* The same for a built-in group's parsed labels. */
static void group_cell(web_req *r, int lang, char **labels) {
  buf b = BUF_INIT;
  for (int k = 0; labels[k]; k++) buf_printf(&b, "%r%r", k ? "\n" : "", labels[k]);
  labels_cell(r, lang, b.data);
  buf_free(&b);
}

static int own_matches(const thes_entry *x, const char *q) {
  return thes_text_has(x->label[0], q) || thes_text_has(x->label[1], q) || thes_text_has(x->label[2], q) ||
         thes_text_has(x->note, q);
}

static int group_matches(const thes_group *g, const char *q) {
  for (int l = 0; l < 3; l++)
    for (int k = 0; k < g->nlabel[l]; k++)
      if (strstr(g->label[l][k], q)) return 1;
  return thes_text_has(g->note, q);
}

static void own_table(web_req *r, thes_entry **v, int from, int to) {
  static const char *const heads[] = {N_("Suomeksi"),  N_("Ruotsiksi"), N_("Englanniksi"),
                                      N_("Huomautus"), N_("Muokattu"),  N_("Toiminnot")};
  pager_table_begin(r, T(r, "Ohjelman omat ryhmät"), heads, 6, -1);
  buf *o = &r->out;
  for (int i = from; i < to; i++) {
    const thes_entry *x = v[i];
    buf_puts(o, "<tr>");
    for (int l = 0; l < 3; l++) labels_cell(r, l, x->label[l]);
    buf_printf(o, "<td%r>%h</td><td>", web_fi(r), x->note);
    web_fi_datetime(r, x->updated_at);
    char **fi;
    thes_split(&r->mem, x->label[THES_FI], &fi);
    const char *name = fi[0] ? fi[0] : "";
    buf_printf(o,
               "</td><td class=\"actions\"><a href=\"%h" BASE "/%lld\">%h<span class=\"visually-hidden\">: %h</span>"
               "</a> <a href=\"%h" BASE "/%lld/poista\">%h<span class=\"visually-hidden\">: %h</span></a></td></tr>\n",
               r->prefix, x->id, T(r, "Muokkaa"), name, r->prefix, x->id, T(r, "Poista"), name);
  }
  web_table_end(r);
}

static void builtin_table(web_req *r, thes_group **v, int from, int to) {
  static const char *const heads[] = {N_("Rivi"), N_("Suomeksi"), N_("Ruotsiksi"), N_("Englanniksi"), N_("Huomautus")};
  pager_table_begin(r, T(r, "Sisäänrakennettu sanasto"), heads, 5, 0);
  buf *o = &r->out;
  for (int i = from; i < to; i++) {
    buf_printf(o, "<tr><td class=\"num\">%d</td>", v[i]->line);
    for (int l = 0; l < 3; l++) group_cell(r, l, v[i]->label[l]);
    buf_printf(o, "<td%r>%h</td></tr>\n", web_fi(r), v[i]->note);
  }
  web_table_end(r);
}

static void intro_write(web_req *r, const char *q) {
  buf *o = &r->out;
  buf_printf(o, "<p>%h</p>\n<p>%h %h</p>\n",
             T(r,
               "Haku löytää myös ryhmän muilla sanoilla kirjoitetut teot: kun joku hakee sanalla esimies, haku "
               "etsii myös sanalla esihenkilö ja ruotsiksi sanalla förman. Ryhmä on joukko sanoja ja "
               "ilmauksia, jotka tarkoittavat samaa, suomeksi, ruotsiksi ja englanniksi. Ruotsin- ja englanninkielinen "
               "haku löytää näin suomeksi kirjoitetut teot."),
             T(r, "Sisäänrakennettu sanasto kattaa kunta-alan yleiset sanat, lyhenteet ja muuttuneet termit. Lisää "
                  "tänne ohjelman omat sanat; muutos näkyy haussa heti. Ryhmät, joiden huomautus alkaa sanalla "
                  "johdos, ovat saman sanan johdoksia (kehittää, kehittäminen, kehittäjä): haku painottaa niitä "
                  "vähemmän kuin täsmälleen haettua sanaa."),
             T(r, "Ryhmät, joiden huomautus alkaa sanalla liittyvä, ovat saman aiheen läheisiä sanoja, jotka eivät "
                  "ole synonyymejä (talvikunnossapito, liukkaudentorjunta, hiekoitus): haku antaa niille noin puolet "
                  "synonyymin painosta."));
  buf_printf(o, "<p>%h</p>\n",
             T(r, "Ruotsin- tai englanninkielisen sanan, jota sanastossa ei ole, haku kääntää FreeDict-sanakirjoilla "
                  "(sandlåda: hiekkalaatikko) ja kertoo hakutuloksissa, millä käännöksellä se haki. Kun sana on "
                  "ohjelmalle tärkeä, lisää se tänne: ryhmä on sanakirjaa tarkempi."));
  buf_printf(o, "<p><a class=\"button\" href=\"%h" BASE "/uusi\">%h</a></p>\n", r->prefix, T(r, "Lisää ryhmä"));
  form_ctx f = {r, NULL};
  buf_printf(o, "<form method=\"get\" action=\"%h" BASE "\" class=\"filters\" role=\"search\">", r->prefix);
  form_input(&f, "search", "q", T(r, "Etsi sanaa"), q, 0, NULL);
  buf_printf(o, "<div class=\"field\"><button type=\"submit\">%h</button></div></form>\n", T(r, "Hae"));
}

static void done_write(web_req *r) {
  const char *done = web_field(r, "done");
  if (!strcmp(done, "saved") || !strcmp(done, "deleted"))
    buf_printf(&r->out, "<div class=\"notice\" role=\"status\"><p>%h</p></div>\n",
               !strcmp(done, "saved") ? T(r, "Ryhmä tallennettu.") : T(r, "Ryhmä poistettu."));
}

static void page_list(web_req *r) {
  const char *q = web_field(r, "q");
  buf ql = BUF_INIT;
  utf8_lower(&ql, q, strlen(q));
  const char *lq = ql.data ? arena_strdup(&r->mem, ql.data) : "";
  buf_free(&ql);
  int nall, nb, nown = 0, nbuilt = 0;
  thes_entry *all = thes_entry_all(r->db, &r->mem, &nall);
  if (nall < 0) {
    web_error(r, 500, T(r, "Sanaston lukeminen epäonnistui. Yritä hetken kuluttua uudelleen."));
    return;
  }
  thes_group *b;
  nb = thes_builtin(&r->mem, &b);
  thes_entry **own = arena_alloc(&r->mem, sizeof *own * (size_t)(nall + 1));
  thes_group **built = arena_alloc(&r->mem, sizeof *built * (size_t)(nb + 1));
  for (int i = 0; i < nall; i++)
    if (own_matches(&all[i], lq)) own[nown++] = &all[i];
  for (int i = 0; i < nb; i++)
    if (group_matches(&b[i], lq)) built[nbuilt++] = &b[i];
  pager p = pager_make(r, nown + nbuilt, PER_PAGE);
  int from = pager_offset(&p), to = from + PER_PAGE;
  page_begin(r, T(r, "Sanasto"), ACTIVE);
  buf *o = &r->out;
  buf_printf(o, "<h1>%h</h1>\n", T(r, "Sanasto"));
  done_write(r);
  intro_write(r, q);
  buf_printf(o, "<p role=\"status\">%N %h: %h %N, %h %N</p>\n", p.total, T(r, p.total == 1 ? "ryhmä" : "ryhmää"),
             T(r, "omia"), (long long)nown, T(r, "sisäänrakennettuja"), (long long)nbuilt);
  if (from < nown || p.page == 1) {
    buf_printf(o, "<h2>%h</h2>\n", T(r, "Ohjelman omat ryhmät"));
    if (nown)
      own_table(r, own, from, to < nown ? to : nown);
    else
      buf_printf(o, "<p>%h</p>\n", *q ? T(r, "Haulla ei löytynyt omia ryhmiä.") : T(r, "Omia ryhmiä ei ole vielä."));
  }
  if (to > nown) {
    buf_printf(o, "<h2>%h</h2>\n", T(r, "Sisäänrakennettu sanasto"));
    int bf = from > nown ? from - nown : 0, bt = to - nown < nbuilt ? to - nown : nbuilt;
    if (bt > bf)
      builtin_table(r, built, bf, bt);
    else
      buf_printf(o, "<p>%h</p>\n", T(r, "Haulla ei löytynyt ryhmiä sisäänrakennetusta sanastosta."));
  }
  pager_write_query(r, &p, BASE, "q", q, NULL);
  page_end(r);
}

/* ---- the form ---- */

/* The add or edit form of x; err: the failed save, x then holds the text as posted. */
static void edit_form(web_req *r, const thes_entry *x, const kerr *err) {
  const char *title = x->id ? T(r, "Muokkaa ryhmää") : T(r, "Lisää ryhmä");
  page_begin(r, title, ACTIVE);
  buf *o = &r->out;
  buf_printf(o, "<p><a href=\"%h" BASE "\">← %h</a></p>\n<h1>%h</h1>\n", r->prefix, T(r, "Sanasto"), title);
  form_ctx f = {r, err};
  form_errors(&f);
  buf_printf(o, "<p class=\"hint\">%h</p>\n",
             T(r, "Kirjoita kukin sana tai ilmaus omalle rivilleen perusmuodossa (esihenkilö, ei esihenkilön). "
                  "Ensimmäinen suomenkielinen on ryhmän pääsana. Ryhmään kuuluu vain sanoja, joilla haetaan samaa "
                  "asiaa: laajempi käsite ei ole sama asia (hoitotyö ei ole sote)."));
  r->id = x->id;
  form_open_edit(r, BASE);
  static const char *const labels[] = {N_("Suomeksi"), N_("Ruotsiksi"), N_("Englanniksi")};
  const char *hint = T(r, "Yksi sana tai ilmaus riviä kohden, enintään 20 ja kukin enintään 100 merkkiä.");
  for (int l = 0; l < 3; l++)
    form_textarea_lang(&f, LANG[l], T(r, labels[l]), x->label[l], l == THES_FI, hint, 5, LANG[l]);
  form_input(&f, "text", "note", T(r, "Huomautus"), x->note, 0,
             T(r, "Esimerkiksi lyhenne, muuttunut termi 2021 tai ohjelman oma termi. Kirjoita alkuun johdos, jos "
                  "ryhmässä on saman sanan johdoksia: haku painottaa niitä vähemmän."));
  buf_printf(o, "<div class=\"actions\"><button type=\"submit\">%h</button> <a href=\"%h" BASE "\">%h</a>",
             T(r, "Tallenna"), r->prefix, T(r, "Peruuta"));
  if (x->id) buf_printf(o, " <a href=\"%h" BASE "/%lld/poista\">%h</a>", r->prefix, x->id, T(r, "Poista ryhmä"));
  buf_puts(o, "</div>\n</form>\n");
  page_end(r);
}

static void page_new(web_req *r) {
  thes_entry x = {.label = {"", "", ""}, .note = ""};
  edit_form(r, &x, NULL);
}

static void page_edit(web_req *r) {
  thes_entry *x = thes_entry_get(r->db, &r->mem, r->id);
  if (!x)
    web_error(r, 404, T(r, "Sanaston ryhmää ei ole."));
  else
    edit_form(r, x, NULL);
}

static void page_save(web_req *r) {
  kerr e = {0};
  int fresh = web_csrf_ok_or_kerr(r, &e);                /* a stale token shows the form again, filled in (403) */
  if (r->id && !thes_entry_get(r->db, &r->mem, r->id)) { /* without the token, say nothing about the group */
    web_error(r, fresh ? 404 : 403, fresh ? T(r, "Sanaston ryhmää ei ole.") : T(r, e.msg));
    kerr_clear(&e);
    return;
  }
  thes_entry x = {.id = r->id, .note = (char *)web_field(r, "note")};
  for (int l = 0; l < 3; l++) x.label[l] = (char *)web_field(r, LANG[l]);
  if (fresh && thes_entry_save(r->db, &x, r->user.email, &e)) {
    web_changed();
    web_redirectf(r, BASE "?done=saved");
  } else {
    edit_form(r, &x, &e);
    r->status = fresh ? 422 : 403;
  }
  kerr_clear(&e);
}

/* ---- deleting ---- */

static void confirm_delete(web_req *r, const thes_entry *x) {
  char action[64], back[64];
  snprintf(action, sizeof action, BASE "/%lld/poista", x->id);
  snprintf(back, sizeof back, BASE "/%lld", x->id);
  char **fi;
  thes_split(&r->mem, x->label[THES_FI], &fi);
  buf what = BUF_INIT;
  buf_printf(&what, "%r: %r. %r", T(r, "Poistetaan ryhmä"), fi[0] ? fi[0] : "",
             T(r, "Haku ei enää yhdistä sen sanoja toisiinsa. Sisäänrakennettu sanasto ei muutu."));
  confirm_spec c = {T(r, "Poistetaanko ryhmä?"), what.data, action, NULL, 0, T(r, "Poista ryhmä"), back, ACTIVE};
  confirm_page(r, &c);
  buf_free(&what);
}

static void page_delete(web_req *r) {
  thes_entry *x = thes_entry_get(r->db, &r->mem, r->id);
  if (!x)
    web_error(r, 404, T(r, "Sanaston ryhmää ei ole."));
  else if (!confirmed_delete(r, thes_entry_delete, BASE "?done=deleted"))
    confirm_delete(r, x);
}

#define STAFF ROUTE_ANY_STAFF
const route thesaurus_routes[] = {
    {"GET", BASE, page_list, .flags = STAFF, .menu = {ROUTE_NAV_STAFF, 1, ACTIVE, N_("Sanasto")}},
    {"GET", BASE "/uusi", page_new, .flags = STAFF},
    {"POST", BASE "/uusi", page_save, .flags = STAFF | ROUTE_CSRF | ROUTE_CSRF_FORM},
    {"GET", BASE "/{id}", page_edit, .flags = STAFF},
    {"POST", BASE "/{id}", page_save, .flags = STAFF | ROUTE_CSRF | ROUTE_CSRF_FORM},
    {"GET", BASE "/{id}/poista", page_delete, .flags = STAFF},
    {"POST", BASE "/{id}/poista", page_delete, .flags = STAFF | ROUTE_CSRF},
    {0},
};
