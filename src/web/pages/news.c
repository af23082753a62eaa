/* news (pages): the public news list /uutiset, an item /uutiset/{id}, the Atom feed /uutiset.atom, and the staff's
 * list and editor /hallinta/uutiset (texts in three languages, an image with alt texts, the publish time). */
#include "web/pages/news.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "model/news.h"
#include "web/form.h"
#include "web/pager.h"
#include "web/pages/media.h"
#include "web/widgets.h"

#define PER_PAGE 10
#define STAFF_PER_PAGE 30
#define FEED_SIZE 20
#define BASE "/hallinta/uutiset"
#define ACTIVE "news-admin"

/* ---- public ---- */

static void image_write(web_req *r, const news_item *n, const char *cls) {
  if (!n->image_id) return;
  buf href = BUF_INIT;
  media_href(&href, n->image_id, n->image_name);
  buf_printf(&r->out, "<img class=\"%r\" src=\"%h\" alt=\"%h\"%r>", cls, href.data, n->t_alt.text, tr_lang(&n->t_alt));
  buf_free(&href);
}

/* "22.11.2026" of a stored UTC time, in Finnish time. */
static void day_write(web_req *r, const char *iso) {
  char t[17];
  if (date_fi_local(iso, t) == K_OK) buf_printf(&r->out, "<time datetime=\"%h\">%D</time>", iso, t);
}

static void item_summary(web_req *r, const news_item *n, const char *htag) {
  buf *o = &r->out;
  buf_printf(o, "<article class=\"news-item\">\n<%r%r><a href=\"%h/uutiset/%lld\">%h</a></%r>\n", htag,
             tr_lang(&n->t_title), r->prefix, n->id, n->t_title.text, htag);
  buf_puts(o, "<p class=\"meta\">");
  day_write(r, n->publish_at);
  buf_puts(o, "</p>\n");
  if (*n->t_lead.text) {
    tr_write(r, "p", "lead", &n->t_lead);
    buf_puts(o, "\n");
  }
  buf_puts(o, "</article>\n");
}

void news_section_write(web_req *r, int count) {
  int n = 0;
  news_item *v = news_list_published(r->db, &r->mem, r->lang, db_now().s, count, 0, &n);
  if (!n) return;
  buf_printf(&r->out, "<section class=\"news\" aria-labelledby=\"uutiset\">\n<h2 id=\"uutiset\">%h</h2>\n",
             T(r, "Uutiset"));
  for (int i = 0; i < n; i++) item_summary(r, &v[i], "h3");
  buf_printf(&r->out, "<p><a href=\"%h/uutiset\">%h →</a></p>\n</section>\n", r->prefix, T(r, "Kaikki uutiset"));
}

static void page_news(web_req *r) {
  const char *now = db_now().s;
  pager p = pager_make(r, news_count_published(r->db, now), PER_PAGE);
  int n = 0;
  news_item *v = news_list_published(r->db, &r->mem, r->lang, now, p.per_page, pager_offset(&p), &n);
  buf *o = &r->out;
  page_begin(r, T(r, "Uutiset"), "news");
  buf_printf(o, "<h1>%h</h1>\n<p><a href=\"%h/uutiset.atom\" type=\"application/atom+xml\">%h</a></p>\n",
             T(r, "Uutiset"), r->prefix, T(r, "Tilaa uutiset syötteenä (Atom)"));
  if (!n) buf_printf(o, "<p>%h</p>\n", T(r, "Uutisia ei ole vielä julkaistu."));
  for (int i = 0; i < n; i++) item_summary(r, &v[i], "h2");
  pager_write(r, &p, "/uutiset");
  page_end(r);
}

static int staff(web_req *r) {
  return (routes_role_bit(&r->user) & ROUTE_ANY_STAFF) != 0;
}

static void page_item(web_req *r) {
  const char *now = db_now().s;
  news_item *n = news_get(r->db, &r->mem, r->id, r->lang);
  int published = n && !strcmp(news_status(n, now), "published");
  if (!n || (!published && !staff(r))) { /* a draft or a scheduled item does not exist for the public yet */
    web_error(r, 404, T(r, "Uutista ei ole."));
    return;
  }
  buf *o = &r->out;
  page_begin(r, n->t_title.text, "news");
  buf_printf(o, "<p><a href=\"%h/uutiset\">← %h</a></p>\n", r->prefix, T(r, "Uutiset"));
  if (!published)
    buf_printf(o, "<div class=\"notice warning\" role=\"note\"><p>%h <a href=\"%h" BASE "/%lld\">%h</a></p></div>\n",
               !n->publish_at ? T(r, "Luonnos: uutinen ei näy yleisölle.")
                              : T(r, "Ajastettu: uutinen näkyy yleisölle julkaisuajasta alkaen."),
               r->prefix, n->id, T(r, "Muokkaa"));
  buf_puts(o, "<article class=\"news-page\">\n");
  tr_write(r, "h1", NULL, &n->t_title);
  buf_puts(o, "\n<p class=\"meta\">");
  if (n->publish_at) {
    buf_printf(o, "%h ", T(r, "Julkaistu"));
    day_write(r, n->publish_at);
    if (strcmp(n->updated_at, n->publish_at) > 0) {
      buf_printf(o, " · %h ", T(r, "päivitetty"));
      day_write(r, n->updated_at);
    }
  }
  buf_puts(o, "</p>\n");
  if (*n->t_lead.text) {
    tr_write(r, "p", "lead", &n->t_lead);
    buf_puts(o, "\n");
  }
  if (n->image_id) {
    buf_puts(o, "<figure>");
    image_write(r, n, "news-image");
    buf_puts(o, "</figure>\n");
  }
  buf_printf(o, "<div class=\"site-text\"%r>\n", tr_lang(&n->t_body));
  markdown_write(r, n->t_body.text);
  buf_puts(o, "</div>\n</article>\n");
  page_end(r);
}

/* The Atom feed (RFC 4287) of the newest published items in the request's language. The feed's id names the list
 * and its language, an entry's id is the item's uid (made once, never changed by an edit), <updated> its last edit,
 * <published> its publish time; every link is absolute from the configured base URL. */
static void page_feed(web_req *r) {
  int n = 0;
  news_item *v = news_list_published(r->db, &r->mem, r->lang, db_now().s, FEED_SIZE, 0, &n);
  r->ctype = "application/atom+xml; charset=utf-8";
  buf *o = &r->out;
  buf base = BUF_INIT, host = BUF_INIT; /* files have no language prefix */
  web_base_url(r, &base);
  web_base_url(r, &host);
  buf_puts(&base, r->prefix);
  const char *b = base.data ? base.data : "";
  const char *updated = "2015-01-01T00:00:00Z";
  for (int i = 0; i < n; i++) {
    const char *u = strcmp(v[i].updated_at, v[i].publish_at) > 0 ? v[i].updated_at : v[i].publish_at;
    if (strcmp(u, updated) > 0) updated = u;
  }
  buf_printf(
      o,
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"%h\">\n"
      "<title>%h</title>\n<id>urn:kehto:uutiset:%h</id>\n<updated>%h</updated>\n"
      "<link rel=\"self\" type=\"application/atom+xml\" href=\"%h/uutiset.atom\"/>\n"
      "<link rel=\"alternate\" type=\"text/html\" href=\"%h/uutiset\"/>\n<author><name>%h</name></author>\n",
      r->lang, T(r, "Uutiset"), r->lang, updated, b, b, T(r, "Ohjelman uutiset"));
  for (int i = 0; i < n; i++) {
    const news_item *x = &v[i];
    const char *u = strcmp(x->updated_at, x->publish_at) > 0 ? x->updated_at : x->publish_at;
    const char *lang = x->t_title.fallback ? "fi" : r->lang;
    buf_printf(o,
               "<entry xml:lang=\"%h\">\n<title>%h</title>\n<id>%h</id>\n<published>%h</published>\n"
               "<updated>%h</updated>\n<link rel=\"alternate\" type=\"text/html\" href=\"%h/uutiset/%lld\"/>\n",
               lang, x->t_title.text, x->uid, x->publish_at, u, b, x->id);
    if (*x->t_lead.text) buf_printf(o, "<summary>%h</summary>\n", x->t_lead.text);
    /* the body as HTML made by cmark in safe mode, escaped once more as the element's text */
    web_req body = {.mem = {0}};
    markdown_write(&body, x->t_body.text);
    if (x->image_id) {
      buf img = BUF_INIT;
      media_href(&img, x->image_id, x->image_name);
      buf_printf(o, "<link rel=\"enclosure\" href=\"%h%h\"/>\n", host.data ? host.data : "", img.data);
      buf_free(&img);
    }
    buf_printf(o, "<content type=\"html\">%h</content>\n</entry>\n", body.out.data ? body.out.data : "");
    buf_free(&body.out);
  }
  buf_puts(o, "</feed>\n");
  buf_free(&base);
  buf_free(&host);
}

/* ---- staff: the list ---- */

static const char *status_label(web_req *r, const char *status) {
  if (!strcmp(status, "draft")) return T(r, "Luonnos");
  if (!strcmp(status, "scheduled")) return T(r, "Ajastettu");
  return T(r, "Julkaistu");
}

static void page_admin(web_req *r) {
  const char *now = db_now().s;
  pager p = pager_make(r, news_count_all(r->db), STAFF_PER_PAGE);
  int n = 0;
  news_item *v = news_list_all(r->db, &r->mem, p.per_page, pager_offset(&p), &n);
  buf *o = &r->out;
  page_begin(r, T(r, "Uutiset"), ACTIVE);
  buf_printf(o, "<h1>%h</h1>\n", T(r, "Uutiset"));
  const char *done = web_field(r, "done");
  if (!strcmp(done, "saved") || !strcmp(done, "deleted"))
    buf_printf(o, "<div class=\"notice\" role=\"status\"><p>%h</p></div>\n",
               !strcmp(done, "saved") ? T(r, "Uutinen tallennettu.") : T(r, "Uutinen poistettu."));
  buf_printf(o, "<p><a class=\"button\" href=\"%h" BASE "/uusi\">%h</a> <a href=\"%h/uutiset\">%h</a></p>\n", r->prefix,
             T(r, "Uusi uutinen"), r->prefix, T(r, "Näytä julkiset uutiset"));
  if (!n) buf_printf(o, "<p>%h</p>\n", T(r, "Uutisia ei ole vielä."));
  if (n) {
    static const char *const heads[] = {N_("Otsikko"), N_("Tila"), N_("Julkaisuaika"), N_("Muokattu"), N_("Toiminnot")};
    pager_table_begin(r, T(r, "Uutiset"), heads, 5, -1);
    for (int i = 0; i < n; i++) {
      const news_item *x = &v[i];
      const char *st = news_status(x, now);
      buf_printf(o,
                 "<tr><td lang=\"fi\"><a href=\"%h" BASE
                 "/%lld\">%h</a></td><td><span class=\"status-%r\">%h</span></td><td>",
                 r->prefix, x->id, x->title[0], st, status_label(r, st));
      if (x->publish_at) web_fi_datetime(r, x->publish_at);
      buf_puts(o, "</td><td>");
      web_fi_datetime(r, x->updated_at);
      buf_printf(
          o,
          "</td><td class=\"actions\"><a href=\"%h/uutiset/%lld\">%h<span class=\"visually-hidden\">: %h</span></a>"
          " <a href=\"%h" BASE "/%lld/poista\">%h<span class=\"visually-hidden\">: %h</span></a></td></tr>\n",
          r->prefix, x->id, T(r, "Näytä"), x->title[0], r->prefix, x->id, T(r, "Poista"), x->title[0]);
    }
    web_table_end(r);
  }
  pager_write(r, &p, BASE);
  page_end(r);
}

/* ---- staff: the editor ---- */

/* What the publish part of the form shows: the choice (draft, now, at) and the Finnish day and time typed. */
typedef struct publish_in {
  const char *choice, *day, *time;
} publish_in;

static void field_error(web_req *r, const kerr *err, const char *name) {
  const kerr *bad = form_field_error(err, name);
  if (bad) buf_printf(&r->out, "<span class=\"error\" id=\"e-%h\">%h</span>", name, T(r, bad->msg));
}

static const char *invalid_attrs(const kerr *err, const char *name, const char *hint_id, web_req *r) {
  const kerr *bad = form_field_error(err, name);
  char *s = arena_alloc(&r->mem, 160);
  if (bad)
    snprintf(s, 160, " aria-invalid=\"true\" aria-describedby=\"e-%s%s%s\"", name, hint_id ? " " : "",
             hint_id ? hint_id : "");
  else if (hint_id)
    snprintf(s, 160, " aria-describedby=\"%s\"", hint_id);
  return s;
}

static void image_part(web_req *r, const news_item *n, const kerr *err, int choose_again) {
  buf *o = &r->out;
  const kerr *bad = form_field_error(err, "image");
  buf_printf(o, "<fieldset class=\"field\"><legend>%h</legend>\n", T(r, "Kuva"));
  if (choose_again) /* a browser never fills a file field in again */
    buf_printf(o, "<p class=\"notice warning\">%h</p>\n",
               T(r, "Valitse kuva uudelleen: sitä ei tallennettu, koska lomakkeessa oli muita virheitä."));
  if (n->image_id) {
    buf href = BUF_INIT;
    media_href(&href, n->image_id, n->image_name);
    buf_printf(o, "<p><img class=\"news-thumb\" src=\"%h\" alt=\"%h\" lang=\"fi\"></p>\n", href.data, n->image_alt[0]);
    buf_free(&href);
    buf_printf(o,
               "<div class=\"field checks\"><label><input type=\"checkbox\" name=\"remove_image\" value=\"1\"%r> %h"
               "</label></div>\n",
               !strcmp(web_field(r, "remove_image"), "1") ? " checked" : "", T(r, "Poista kuva"));
  }
  buf_printf(o, "<div class=\"field%r\"><label for=\"f-image\">%h</label><span class=\"hint\" id=\"h-image\">%h</span>",
             bad ? " invalid" : "", n->image_id ? T(r, "Vaihda kuva") : T(r, "Kuvatiedosto"),
             T(r, "PNG, JPEG, WebP tai GIF, enintään 5 Mt. Kirjoita kuvalle vaihtoehtoinen teksti jokaisella kielellä, "
                  "jolla uutinen on."));
  field_error(r, err, "image");
  buf_printf(
      o,
      "<input type=\"file\" id=\"f-image\" name=\"image\" accept=\"image/png,image/jpeg,image/webp,image/gif\"%r>"
      "</div>\n</fieldset>\n",
      invalid_attrs(err, "image", "h-image", r));
}

static void publish_part(web_req *r, const publish_in *pi, const kerr *err) {
  buf *o = &r->out;
  const kerr *bad = form_field_error(err, "publish");
  buf_printf(o, "<fieldset class=\"field%r\"%r><legend>%h</legend>\n", bad ? " invalid" : "",
             bad ? " aria-describedby=\"e-publish\"" : "", T(r, "Julkaisu"));
  field_error(r, err, "publish");
  static const char *const K[] = {"draft", "now", "at"};
  static const char *const L[] = {N_("Luonnos: ei vielä julkaista"), N_("Julkaise heti"),
                                  N_("Julkaise valittuna aikana")};
  for (int i = 0; i < 3; i++)
    buf_printf(o,
               "<div class=\"field checks\"><label><input type=\"radio\" name=\"publish\" id=\"f-publish%r\" "
               "value=\"%r\"%r> %h</label></div>\n",
               i ? (i == 1 ? "-now" : "-at") : "", K[i], !strcmp(pi->choice, K[i]) ? " checked" : "", T(r, L[i]));
  static const char *const names[] = {"date", "time"};
  const char *labels[] = {T(r, "Julkaisupäivä"), T(r, "Kellonaika")};
  const char *hints[] = {T(r, "Esimerkiksi 22.11.2026"), T(r, "Suomen aikaa, esimerkiksi 09.30")};
  const char *values[] = {pi->day, pi->time};
  for (int i = 0; i < 2; i++) {
    const kerr *b = form_field_error(err, names[i]);
    char hid[16];
    snprintf(hid, sizeof hid, "h-%s", names[i]);
    buf_printf(o, "<div class=\"field%r\"><label for=\"f-%r\">%h</label><span class=\"hint\" id=\"%r\">%h</span>",
               b ? " invalid" : "", names[i], labels[i], hid, hints[i]);
    field_error(r, err, names[i]);
    buf_printf(o,
               "<input type=\"text\" id=\"f-%r\" name=\"%r\" value=\"%h\" inputmode=\"numeric\" size=\"10\"%r></div>\n",
               names[i], names[i], values[i], invalid_attrs(err, names[i], hid, r));
  }
  buf_puts(o, "</fieldset>\n");
}

static void edit_form(web_req *r, const news_item *n, const publish_in *pi, const kerr *err, int choose_again) {
  form_ctx f = {r, err};
  buf *o = &r->out;
  const char *title = n->id ? T(r, "Muokkaa uutista") : T(r, "Uusi uutinen");
  page_begin(r, title, ACTIVE);
  buf_printf(o, "<p><a href=\"%h" BASE "\">← %h</a></p>\n<h1>%h</h1>\n", r->prefix, T(r, "Uutiset"), title);
  form_errors(&f);
  buf_printf(o, "<p class=\"hint\">%h</p>\n",
             T(r,
               "Teksti kirjoitetaan Markdown-muodossa: ## väliotsikko, - luettelo, **lihavointi**, [linkki](osoite). "
               "HTML-koodi ei päädy sivulle. Tyhjä käännös näytetään suomeksi."));
  if (n->id)
    buf_printf(o,
               "<form method=\"post\" action=\"%h" BASE "/%lld\" enctype=\"multipart/form-data\" class=\"form wide\" "
               "novalidate>\n",
               r->prefix, n->id);
  else
    buf_printf(o,
               "<form method=\"post\" action=\"%h" BASE "/uusi\" enctype=\"multipart/form-data\" class=\"form wide\" "
               "novalidate>\n",
               r->prefix);
  web_csrf_field(r);
  tr_field fields[] = {
      {"title", N_("Otsikko"), {n->title[0], n->title[1], n->title[2]}, 0, 1, NULL},
      {"lead", N_("Ingressi"), {n->lead[0], n->lead[1], n->lead[2]}, 3, 0, NULL},
      {"body", N_("Teksti"), {n->body[0], n->body[1], n->body[2]}, 14, 0, NULL},
      {"image_alt",
       N_("Kuvan vaihtoehtoinen teksti"),
       {n->image_alt[0], n->image_alt[1], n->image_alt[2]},
       0,
       0,
       N_("Pakollinen, kun uutisessa on kuva: mitä kuvassa on.")},
  };
  tr_fieldsets(&f, fields, 4);
  image_part(r, n, err, choose_again);
  publish_part(r, pi, err);
  buf_printf(o, "<div class=\"actions\"><button type=\"submit\">%h</button>", T(r, "Tallenna"));
  if (n->id)
    buf_printf(o, " <a href=\"%h/uutiset/%lld\">%h</a> <a href=\"%h" BASE "/%lld/poista\">%h</a>", r->prefix, n->id,
               T(r, "Näytä uutinen"), r->prefix, n->id, T(r, "Poista uutinen"));
  buf_puts(o, "</div>\n</form>\n");
  page_end(r);
}

/* The publish part of a stored item: a draft, or its time as Finnish day and time. */
static publish_in stored_publish(web_req *r, const news_item *n) {
  publish_in pi = {"draft", "", ""};
  char t[17];
  if (n->publish_at && date_fi_local(n->publish_at, t) == K_OK) {
    char *day = arena_alloc(&r->mem, 12), *hm = arena_alloc(&r->mem, 6);
    snprintf(day, 12, "%d.%d.%.4s", atoi(t + 8), atoi(t + 5), t);
    snprintf(hm, 6, "%.2s.%.2s", t + 11, t + 14);
    pi = (publish_in){"at", day, hm};
  }
  return pi;
}

static void page_new(web_req *r) {
  news_item n = {0};
  for (int i = 0; i < 3; i++) n.title[i] = n.lead[i] = n.body[i] = n.image_alt[i] = "";
  n.image_name = "";
  publish_in pi = {"draft", "", ""};
  edit_form(r, &n, &pi, NULL, 0);
}

static void page_edit(web_req *r) {
  news_item *n = news_get(r->db, &r->mem, r->id, "fi");
  if (!n) {
    web_error(r, 404, T(r, "Uutista ei ole."));
    return;
  }
  publish_in pi = stored_publish(r, n);
  edit_form(r, n, &pi, NULL, 0);
}

/* The UTC publish time the form asks for into n->publish_at (NULL: a draft), or errors on the fields in e. An item
 * already published keeps its time when "publish now" is chosen again. */
static void read_publish(web_req *r, const news_item *old, news_item *n, const publish_in *pi, kerr *e) {
  const char *now = db_now().s;
  n->publish_at = NULL;
  if (!strcmp(pi->choice, "draft")) return;
  if (!strcmp(pi->choice, "now")) {
    n->publish_at =
        old && old->publish_at && strcmp(old->publish_at, now) <= 0 ? old->publish_at : arena_strdup(&r->mem, now);
    return;
  }
  if (strcmp(pi->choice, "at")) {
    kerr_add(e, "publish", N_("Valitse, julkaistaanko uutinen heti, valittuna aikana vai jääkö se luonnokseksi."));
    return;
  }
  char day[11], utc[21];
  int bad_day = date_parse(pi->day, day) != K_OK;
  if (bad_day) kerr_add(e, "date", N_("Anna julkaisupäivä muodossa 22.11.2026."));
  if (date_fi_to_utc(bad_day ? "1.1.2020" : pi->day, pi->time, utc) != K_OK) {
    if (date_fi_to_utc("1.1.2020", pi->time, utc) != K_OK)
      kerr_add(e, "time", N_("Anna kellonaika muodossa 09.30."));
    else if (!bad_day)
      kerr_add(e, "time",
               N_("Tätä kellonaikaa ei ole Suomessa: kesäaikaan siirryttäessä kello siirtyy kolmesta neljään."));
    return;
  }
  if (bad_day) return;
  /* the form shows a time to the minute: the same minute keeps the stored time (its seconds: the feed's <published>) */
  if (old && old->publish_at && !strncmp(old->publish_at, utc, 16))
    n->publish_at = old->publish_at;
  else
    n->publish_at = arena_strdup(&r->mem, utc);
}

static void page_save(web_req *r) {
  news_item *old = r->id ? news_get(r->db, &r->mem, r->id, "fi") : NULL;
  if (r->id && !old) {
    web_error(r, 404, T(r, "Uutista ei ole."));
    return;
  }
  news_item n = {0};
  n.id = r->id;
  static const char *const tf[] = {"title", "title_sv", "title_en"}, *const lf[] = {"lead", "lead_sv", "lead_en"},
                           *const bf[] = {"body", "body_sv", "body_en"},
                           *const af[] = {"image_alt", "image_alt_sv", "image_alt_en"};
  for (int i = 0; i < 3; i++) {
    n.title[i] = (char *)web_field(r, tf[i]);
    n.lead[i] = (char *)web_field(r, lf[i]);
    n.body[i] = (char *)web_field(r, bf[i]);
    n.image_alt[i] = (char *)web_field(r, af[i]);
  }
  publish_in pi = {web_field(r, "publish"), web_field(r, "date"), web_field(r, "time")};
  kerr e = {0};
  int fresh = web_csrf_ok_or_kerr(r, &e); /* a stale token shows the form again, filled in (403) */
  read_publish(r, old, &n, &pi, &e);
  const web_file *file = web_upload(r, "image");
  news_image img = {0};
  if (file && file->len) img = (news_image){file->data, file->len, file->filename};
  int remove = !strcmp(web_field(r, "remove_image"), "1");
  long long id = fresh ? news_save(r->db, &n, &img, remove, r->user.email, &e) : 0;
  if (id) {
    web_changed();
    web_redirectf(r, BASE "?done=saved");
  } else {
    if (old) { /* the image stays as stored; the form shows it */
      n.image_id = old->image_id;
      n.image_name = old->image_name;
    } else {
      n.image_name = "";
    }
    edit_form(r, &n, &pi, &e, img.len && !form_field_error(&e, "image"));
    r->status = fresh ? 422 : 403;
  }
  kerr_clear(&e);
}

/* ---- staff: deleting ---- */

static void confirm_delete(web_req *r, const news_item *n) {
  char action[64], back[64];
  snprintf(action, sizeof action, BASE "/%lld/poista", n->id);
  snprintf(back, sizeof back, BASE "/%lld", n->id);
  buf what = BUF_INIT;
  buf_printf(&what, "%r: %r. %r", T(r, "Poistetaan uutinen"), n->title[0],
             T(r, "Uutinen ja sen kuva poistuvat pysyvästi, eikä sen osoite enää toimi."));
  confirm_spec c = {T(r, "Poistetaanko uutinen?"), what.data, action, NULL, 0, T(r, "Poista uutinen"), back, ACTIVE};
  confirm_page(r, &c);
  buf_free(&what);
}

static void page_delete_confirm(web_req *r) {
  news_item *n = news_get(r->db, &r->mem, r->id, "fi");
  if (!n)
    web_error(r, 404, T(r, "Uutista ei ole."));
  else
    confirm_delete(r, n);
}

static void page_delete(web_req *r) {
  news_item *n = news_get(r->db, &r->mem, r->id, "fi");
  if (!n) {
    web_error(r, 404, T(r, "Uutista ei ole."));
    return;
  }
  if (!confirmed_delete(r, news_delete, BASE "?done=deleted")) confirm_delete(r, n);
}

#define STAFF ROUTE_ANY_STAFF
const route news_routes[] = {
    {"GET", "/uutiset", page_news, .flags = ROUTE_PUBLIC | ROUTE_CACHE,
     .menu = {ROUTE_NAV_MAIN, 8, "news", N_("Uutiset")}},
    {"GET", "/uutiset.atom", page_feed, .flags = ROUTE_PUBLIC | ROUTE_CACHE},
    {"GET", "/uutiset/{id}", page_item, .flags = ROUTE_PUBLIC | ROUTE_CACHE},
    {"GET", BASE, page_admin, .flags = STAFF, .menu = {ROUTE_NAV_STAFF, 14, ACTIVE, N_("Uutiset")}},
    {"GET", BASE "/uusi", page_new, .flags = STAFF},
    {"POST", BASE "/uusi", page_save, .flags = STAFF | ROUTE_CSRF | ROUTE_CSRF_FORM | ROUTE_UPLOAD},
    {"GET", BASE "/{id}", page_edit, .flags = STAFF},
    {"POST", BASE "/{id}", page_save, .flags = STAFF | ROUTE_CSRF | ROUTE_CSRF_FORM | ROUTE_UPLOAD},
    {"GET", BASE "/{id}/poista", page_delete_confirm, .flags = STAFF},
    {"POST", BASE "/{id}/poista", page_delete, .flags = STAFF | ROUTE_CSRF},
    {0},
};
