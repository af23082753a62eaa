/* videos: the programme's videos: /videot, a video's page /videot/{id} (<video> with a <track kind="captions"> per
 * caption language, WCAG 1.2.2), the captions served as text/vtt, and the staff's list and editor /hallinta/videot
 * (upload or address, captions, publish — refused without captions —, delete). */
#include <stdio.h>
#include <string.h>

#include "model/media.h"
#include "model/video.h"
#include "web/form.h"
#include "web/pager.h"
#include "web/pages/media.h"
#include "web/pages/publications.h"
#include "web/pages/videos.h"
#include "web/widgets.h"

#define BASE "/hallinta/videot"
#define PER_PAGE 20

static const char *const LANGS[3] = {"fi", "sv", "en"};
static const char *const LANG_NAMES[3] = {N_("suomi"), N_("ruotsi"), N_("englanti")};
static const char *const VTT_FIELDS[3] = {"vtt", "vtt_sv", "vtt_en"};

static int staff_user(web_req *r) {
  return (routes_role_bit(&r->user) & ROUTE_ANY_STAFF) != 0;
}

/* The video id for the public (published) or staff (any); answers 404 and returns 0 when there is none. */
static int video_or_404(web_req *r, long long id, video *v) {
  if (video_get(r->db, &r->mem, id, r->lang, v) && (v->published_at || staff_user(r))) return 1;
  web_error(r, 404, T(r, "Videota ei löytynyt."));
  return 0;
}

/* ---- public ---- */

static void page_list(web_req *r) {
  pager p = pager_make(r, video_count(r->db, 1), PER_PAGE);
  int n = 0;
  video *v = video_list(r->db, &r->mem, r->lang, 1, p.per_page, pager_offset(&p), &n);
  buf *o = &r->out;
  page_begin(r, T(r, "Videot"), "publications");
  buf_printf(o, "<p><a href=\"%h/julkaisut\">← %h</a></p>\n<h1>%h</h1>\n<p>%h</p>\n", r->prefix, T(r, "Julkaisut"),
             T(r, "Videot"), T(r, "Ohjelman videot. Jokaisessa videossa on tekstitys."));
  if (n) buf_puts(o, "<ul class=\"videos\">\n");
  for (int i = 0; i < n; i++) {
    buf_printf(o, "<li><h2><a href=\"%h/videot/%lld\"%r>%h</a></h2>", r->prefix, v[i].id, tr_lang(&v[i].t_title),
               v[i].t_title.text);
    buf_printf(o, "<p class=\"meta\">%h %D</p></li>\n", T(r, "Julkaistu"), v[i].published_at);
  }
  if (n) buf_puts(o, "</ul>\n");
  if (!n) buf_printf(o, "<p>%h</p>\n", T(r, "Videoita ei ole vielä."));
  pager_write(r, &p, "/videot");
  page_end(r);
}

/* The address of the video's file: its uploaded file or its stored address. */
static void video_src(buf *out, const video *v) {
  if (v->file_id)
    media_href(out, v->file_id, v->file_name);
  else
    buf_printf(out, "%r", v->url);
}

static void page_video(web_req *r) {
  video v;
  if (!video_or_404(r, r->id, &v)) return;
  buf *o = &r->out;
  page_begin(r, v.t_title.text, "publications");
  buf_printf(o, "<p><a href=\"%h/videot\">← %h</a></p>\n", r->prefix, T(r, "Videot"));
  if (!v.published_at)
    buf_printf(o, "<div class=\"notice warning\" role=\"note\"><p>%h</p></div>\n",
               T(r, "Videota ei ole julkaistu: vain henkilökunta näkee tämän sivun."));
  buf_puts(o, "<article class=\"video\">\n");
  tr_write(r, "h1", NULL, &v.t_title);
  buf src = BUF_INIT;
  video_src(&src, &v);
  buf_printf(o, "\n<video controls preload=\"metadata\" width=\"640\" class=\"video-player\"><source src=\"%h\"",
             src.data);
  if (v.file_id) buf_printf(o, " type=\"%h\"", v.file_mime);
  buf_puts(o, ">\n");
  /* the captions in the page's language are shown by default; else the first there is */
  int def = -1;
  for (int i = 0; i < 3; i++)
    if (strstr(v.captions, LANGS[i]) && (def < 0 || !strcmp(r->lang, LANGS[i]))) def = i;
  for (int i = 0; i < 3; i++)
    if (strstr(v.captions, LANGS[i]))
      buf_printf(o, "<track kind=\"captions\" srclang=\"%h\" label=\"%h\" src=\"%h/videot/%lld/tekstitys/%h.vtt\"%r>\n",
                 LANGS[i], T(r, LANG_NAMES[i]), r->prefix, v.id, LANGS[i], i == def ? " default" : "");
  buf_printf(o, "<p>%h <a href=\"%h\">%h</a></p>\n</video>\n", T(r, "Selaimesi ei näytä videota."), src.data,
             T(r, "Lataa video"));
  buf_free(&src);
  if (*v.captions) {
    buf_printf(o, "<p class=\"meta\">%h:", T(r, "Tekstitys tekstinä (WebVTT)"));
    for (int i = 0; i < 3; i++)
      if (strstr(v.captions, LANGS[i]))
        buf_printf(o, " <a href=\"%h/videot/%lld/tekstitys/%h.vtt\" hreflang=\"%h\" type=\"text/vtt\">%h</a>",
                   r->prefix, v.id, LANGS[i], LANGS[i], T(r, LANG_NAMES[i]));
    buf_puts(o, "</p>\n");
  }
  if (*v.t_description.text) {
    buf_printf(o, "<div class=\"site-text\"%r>\n", tr_lang(&v.t_description));
    markdown_write(r, v.t_description.text);
    buf_puts(o, "</div>\n");
  }
  buf_puts(o, "</article>\n");
  if (staff_user(r))
    buf_printf(o, "<p><a href=\"%h" BASE "/%lld\">%h</a></p>\n", r->prefix, v.id, T(r, "Muokkaa videota"));
  page_end(r);
}

/* GET /videot/{id}/tekstitys/{lang}.vtt */
static void page_caption(web_req *r) {
  video v;
  const char *file = strrchr(r->path, '/') + 1;
  char *vtt = NULL;
  for (int i = 0; i < 3; i++) {
    char name[8];
    snprintf(name, sizeof name, "%s.vtt", LANGS[i]);
    if (!strcmp(file, name) && video_get(r->db, &r->mem, r->id, r->lang, &v) && (v.published_at || staff_user(r)))
      vtt = video_caption(r->db, &r->mem, r->id, LANGS[i]);
  }
  if (!vtt) {
    web_error(r, 404, T(r, "Tekstitystä ei löytynyt."));
    return;
  }
  r->ctype = "text/vtt; charset=utf-8";
  buf_puts(&r->out, vtt);
}

/* ---- staff ---- */

static void page_admin(web_req *r) {
  pager p = pager_make(r, video_count(r->db, 0), PER_PAGE);
  int n = 0;
  video *v = video_list(r->db, &r->mem, "fi", 0, p.per_page, pager_offset(&p), &n);
  buf *o = &r->out;
  page_begin(r, T(r, "Videot"), "publications-admin");
  buf_printf(o, "<h1>%h</h1>\n", T(r, "Videot"));
  pubs_admin_tabs(r, "videos");
  pubs_done_notice(r);
  buf_printf(o, "<p><a class=\"button\" href=\"%h" BASE "/uusi\">%h</a></p>\n", r->prefix, T(r, "Uusi video"));
  static const char *const heads[] = {"Video", "Tiedosto", "Tekstitykset", "Tila"};
  pager_table_begin(r, T(r, "Videot"), heads, 4, -1);
  for (int i = 0; i < n; i++) {
    buf_printf(o, "<tr><td><a href=\"%h" BASE "/%lld\" lang=\"fi\">%h</a></td><td>", r->prefix, v[i].id, v[i].title[0]);
    if (v[i].file_id) {
      buf_printf(o, "%h, ", v[i].file_mime);
      pubs_size_write(o, v[i].file_size);
    } else {
      buf_printf(o, "%h", T(r, "osoite"));
    }
    buf_printf(o, "</td><td>%h</td><td>", *v[i].captions ? v[i].captions : T(r, "ei tekstitystä"));
    if (v[i].published_at)
      buf_printf(o, "%h %D</td></tr>\n", T(r, "Julkaistu"), v[i].published_at);
    else
      buf_printf(o, "%h</td></tr>\n", T(r, "Luonnos"));
  }
  web_table_end(r);
  if (!n) buf_printf(o, "<p>%h</p>\n", T(r, "Videoita ei ole vielä."));
  pager_write(r, &p, BASE);
  page_end(r);
}

/* The editor of v (v->id 0: a new one) with the caption texts vtt[] (fi, sv, en), err beside the fields. */
static void edit_form(web_req *r, const video *v, const char *const vtt[3], const kerr *err) {
  form_ctx f = {r, err};
  buf *o = &r->out;
  const char *title = v->id ? T(r, "Muokkaa videota") : T(r, "Uusi video");
  page_begin(r, title, "publications-admin");
  buf_printf(o, "<p><a href=\"%h" BASE "\">← %h</a></p>\n<h1>%h</h1>\n", r->prefix, T(r, "Videot"), title);
  pubs_done_notice(r);
  form_errors(&f);
  if (v->id)
    buf_printf(o,
               "<form method=\"post\" action=\"%h" BASE "/%lld\" class=\"form wide\" enctype=\"multipart/form-data\" "
               "novalidate>\n",
               r->prefix, v->id);
  else
    buf_printf(o,
               "<form method=\"post\" action=\"%h" BASE "/uusi\" class=\"form wide\" enctype=\"multipart/form-data\" "
               "novalidate>\n",
               r->prefix);
  web_csrf_field(r);
  tr_field fields[] = {{"title", N_("Otsikko"), {v->title[0], v->title[1], v->title[2]}, 0, 1, NULL},
                       {"description",
                        N_("Kuvaus"),
                        {v->description[0], v->description[1], v->description[2]},
                        8,
                        0,
                        N_("Markdown-muodossa.")}};
  tr_fieldsets(&f, fields, 2);
  buf_printf(o, "<fieldset><legend>%h</legend>\n<p class=\"hint\">%h</p>\n", T(r, "Videotiedosto"),
             T(r, "Lähetä videotiedosto (MP4, WebM tai Ogg, enintään 20 Mt) tai anna videotiedoston osoite. "
                  "Osoitetta ei haeta: sen pitää olla tiedosto, jota selain voi näyttää."));
  buf hint = BUF_INIT;
  if (v->file_id) {
    buf_printf(&hint, "%r %r (", T(r, "Nykyinen tiedosto:"), v->file_name);
    pubs_size_write(&hint, v->file_size);
    buf_printf(&hint, "). %r", T(r, "Uusi tiedosto korvaa sen."));
  }
  form_input(&f, "file", "file", T(r, "Tiedosto"), "", 0, hint.len ? hint.data : NULL);
  buf_free(&hint);
  form_input(&f, "url", "url", T(r, "tai osoite"), v->url, 0, T(r, "Esim. https://example.org/video.mp4"));
  buf_puts(o, "</fieldset>\n");
  buf_printf(o, "<fieldset><legend>%h</legend>\n<p class=\"hint\">%h</p>\n", T(r, "Tekstitykset (WebVTT)"),
             T(r, "Video julkaistaan vasta, kun sillä on tekstitys ainakin yhdellä kielellä (WCAG 1.2.2). Liitä "
                  "WebVTT-teksti: ensimmäinen rivi WEBVTT, sitten ajat ja tekstit (00:00:01.000 --> 00:00:04.000). "
                  "Tyhjä kenttä poistaa kielen tekstityksen."));
  static const char *const labels[3] = {N_("Tekstitys suomeksi"), N_("Tekstitys ruotsiksi"),
                                        N_("Tekstitys englanniksi")};
  for (int i = 0; i < 3; i++)
    form_textarea_lang(&f, VTT_FIELDS[i], T(r, labels[i]), vtt[i] ? vtt[i] : "", 0, NULL, 8, LANGS[i]);
  buf_puts(o, "</fieldset>\n");
  buf_printf(o, "<div class=\"actions\"><button type=\"submit\">%h</button></div>\n</form>\n", T(r, "Tallenna"));
  if (v->id) {
    buf_printf(o, "<h2>%h</h2>\n<p>%h</p>\n", T(r, "Julkaiseminen"),
               v->published_at ? T(r, "Video on julkinen.") : T(r, "Video ei ole julkinen."));
    buf_printf(o, "<form method=\"post\" action=\"%h" BASE "/%lld/julkaisu\">\n", r->prefix, v->id);
    web_csrf_field(r);
    buf_printf(o, "<input type=\"hidden\" name=\"on\" value=\"%d\"><button type=\"submit\">%h</button>",
               !v->published_at, v->published_at ? T(r, "Poista julkaisusta") : T(r, "Julkaise"));
    buf_printf(o, " <a href=\"%h/videot/%lld\">%h</a>\n</form>\n", r->prefix, v->id,
               v->published_at ? T(r, "Näytä julkinen sivu") : T(r, "Esikatsele"));
    buf_printf(o, "<p><a class=\"danger\" href=\"%h" BASE "/%lld/poista\">%h</a></p>\n", r->prefix, v->id,
               T(r, "Poista video"));
  }
  page_end(r);
}

static void stored_captions(web_req *r, long long id, const char *vtt[3]) {
  for (int i = 0; i < 3; i++) vtt[i] = id ? video_caption(r->db, &r->mem, id, LANGS[i]) : NULL;
}

static void page_new(web_req *r) {
  video v = {0};
  for (int i = 0; i < 3; i++) v.title[i] = v.description[i] = "";
  v.url = "";
  const char *vtt[3] = {0};
  edit_form(r, &v, vtt, NULL);
}

static void page_edit(web_req *r) {
  video v;
  if (!video_get(r->db, &r->mem, r->id, "fi", &v)) {
    web_error(r, 404, T(r, "Videota ei löytynyt."));
    return;
  }
  const char *vtt[3];
  stored_captions(r, r->id, vtt);
  edit_form(r, &v, vtt, NULL);
}

static void page_save(web_req *r) {
  video v = {0};
  if (r->id && !video_get(r->db, &r->mem, r->id, "fi", &v)) {
    web_error(r, 404, T(r, "Videota ei löytynyt."));
    return;
  }
  v.id = r->id;
  static const char *const TF[] = {"title", "title_sv", "title_en"}, *const DF[] = {"description", "description_sv",
                                                                                    "description_en"};
  for (int i = 0; i < 3; i++) {
    v.title[i] = (char *)web_field(r, TF[i]);
    v.description[i] = (char *)web_field(r, DF[i]);
  }
  v.url = (char *)web_field(r, "url");
  video_input in = {0};
  const web_file *file = web_upload(r, "file");
  if (file && (*file->filename || file->len)) {
    in.filename = file->filename;
    in.data = file->data;
    in.len = file->len;
  }
  for (int i = 0; i < 3; i++) in.vtt[i] = web_field(r, VTT_FIELDS[i]);
  kerr e = {0};
  int fresh = web_csrf_ok_or_kerr(r, &e);
  long long id = fresh ? video_save(r->db, &v, &in, r->user.email, &e) : 0;
  if (id) {
    web_changed();
    web_redirectf(r, BASE "/%lld?done=saved", id);
  } else {
    edit_form(r, &v, in.vtt, &e);
    r->status = fresh ? 422 : 403;
  }
  kerr_clear(&e);
}

static void page_publish(web_req *r) {
  video v;
  if (!video_get(r->db, &r->mem, r->id, "fi", &v)) {
    web_error(r, 404, T(r, "Videota ei löytynyt."));
    return;
  }
  int on = !strcmp(web_field(r, "on"), "1");
  kerr e = {0};
  if (video_publish(r->db, r->id, on, r->user.email, &e) == K_OK) {
    web_changed();
    web_redirectf(r, BASE "/%lld?done=%r", r->id, on ? "published" : "unpublished");
  } else {
    const char *vtt[3];
    stored_captions(r, r->id, vtt);
    edit_form(r, &v, vtt, &e);
    r->status = 422;
  }
  kerr_clear(&e);
}

static void page_delete(web_req *r) {
  video v;
  if (!video_get(r->db, &r->mem, r->id, "fi", &v)) {
    web_error(r, 404, T(r, "Videota ei löytynyt."));
    return;
  }
  if (confirmed_delete(r, video_delete, BASE "?done=deleted")) return;
  char action[64], back[64];
  snprintf(action, sizeof action, BASE "/%lld/poista", r->id);
  snprintf(back, sizeof back, BASE "/%lld", r->id);
  buf what = BUF_INIT;
  buf_printf(&what, "%r: %r", T(r, "Poistetaan video, sen tekstitykset ja videotiedosto"), v.title[0]);
  confirm_spec c = {T(r, "Poistetaanko video?"), what.data, action, NULL, 0, T(r, "Poista video"), back,
                    "publications-admin"};
  confirm_page(r, &c);
  buf_free(&what);
}

const route videos_routes[] = {
    {"GET", "/videot", page_list, .flags = ROUTE_PUBLIC | ROUTE_CACHE},
    {"GET", "/videot/{id}", page_video, .flags = ROUTE_PUBLIC | ROUTE_CACHE},
    {"GET", "/videot/{id}/tekstitys/{file}", page_caption, .flags = ROUTE_PUBLIC | ROUTE_CACHE},
    {"GET", BASE, page_admin, .flags = ROUTE_ANY_STAFF},
    {"GET", BASE "/uusi", page_new, .flags = ROUTE_ANY_STAFF},
    {"POST", BASE "/uusi", page_save, .flags = ROUTE_ANY_STAFF | ROUTE_CSRF | ROUTE_CSRF_FORM | ROUTE_UPLOAD},
    {"GET", BASE "/{id}", page_edit, .flags = ROUTE_ANY_STAFF},
    {"POST", BASE "/{id}", page_save, .flags = ROUTE_ANY_STAFF | ROUTE_CSRF | ROUTE_CSRF_FORM | ROUTE_UPLOAD},
    {"POST", BASE "/{id}/julkaisu", page_publish, .flags = ROUTE_ANY_STAFF | ROUTE_CSRF},
    {"GET", BASE "/{id}/poista", page_delete, .flags = ROUTE_ANY_STAFF},
    {"POST", BASE "/{id}/poista", page_delete, .flags = ROUTE_ANY_STAFF | ROUTE_CSRF},
    {0},
};
