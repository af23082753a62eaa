/* awards: the published award rounds /palkinnot and one year's winners and honourable mentions by category, with
 * their citations, /palkinnot/{year}; the award box of a deed's page (award_box_write). */
#include <stdio.h>
#include <string.h>

#include "model/award.h"
#include "web/pages/awards.h"
#include "web/widgets.h"

static const char NOT_FOUND[] = N_("Tämän vuoden palkintoja ei ole julkaistu.");

/* "Palkintoja: 36 · Kunniamainintoja: 5 · Ehdolla: 212" */
static void round_counts(web_req *r, const award_round *x) {
  buf_printf(&r->out, "<p class=\"meta\">%h: %N · %h: %N · %h: %N</p>\n", T(r, "Palkintoja"), x->nawards,
             T(r, "Kunniamainintoja"), x->nmentions, T(r, "Ehdolla"), x->nnominated);
}

/* The round taking suggestions now, if any: an invitation to suggest a deed (the form is /palkinnot/ehdota). */
static void open_round_note(web_req *r) {
  award_round *open = award_round_open(r->db, &r->mem, r->lang);
  if (!open) return;
  if (open->nominate_until) r->cacheable = 0; /* the note goes when the day passes, with no change to the data */
  buf_printf(&r->out, "<div class=\"notice\"><p><strong>%h %d:</strong> <a href=\"%h/palkinnot/ehdota\">%h</a>",
             T(r, "Palkitut teot"), open->year, r->prefix, T(r, "Ehdota tekoa palkittavaksi"));
  if (open->nominate_until) buf_printf(&r->out, " (%h %D)", T(r, "viimeistään"), open->nominate_until);
  buf_puts(&r->out, "</p></div>\n");
}

static void page_awards(web_req *r) {
  int n = 0;
  award_round *v = award_published_rounds(r->db, &r->mem, r->lang, &n);
  buf *o = &r->out;
  page_begin(r, T(r, "Palkitut teot"), "awards");
  buf_printf(o, "<h1>%h</h1>\n<p class=\"lead\">%h</p>\n", T(r, "Palkitut teot"),
             T(r, "Tekojen torin vuosittaiset palkinnot nostavat esiin kunta-alan parhaita kehittämistekoja. Raati "
                  "valitsee palkitut ehdolle asetetuista teoista ja perustelee valintansa."));
  open_round_note(r);
  if (!n) buf_printf(o, "<p>%h</p>\n", T(r, "Palkintoja ei ole vielä julkaistu."));
  buf_puts(o, "<ul class=\"deeds award-rounds\">\n");
  for (int i = 0; i < n; i++) {
    buf_printf(o, "<li><h2><a href=\"%h/palkinnot/%d\">%h %d</a></h2>\n", r->prefix, v[i].year, T(r, "Palkitut teot"),
               v[i].year);
    round_counts(r, &v[i]);
    buf_puts(o, "</li>\n");
  }
  buf_puts(o, "</ul>\n");
  page_end(r);
}

/* One result: the deed's title (a link), its organisation and the kind of recognition, the citation. */
static void win_item(web_req *r, const award_win *w) {
  buf *o = &r->out;
  buf_printf(o, "<li class=\"award-%r\"><h3%r><a href=\"%h/tekot/%lld\">%h</a></h3>\n", w->result, web_fi(r), r->prefix,
             w->deed_id, w->deed_title);
  buf_printf(o, "<p class=\"meta\"><span class=\"award-kind\">%h</span> · %h</p>\n", award_result_label(r, w->result),
             w->organisation);
  if (*w->citation.text) tr_write(r, "blockquote", "citation", &w->citation);
  buf_puts(o, "</li>\n");
}

/* The categories that have results, each with its results (awards first, as award_round_wins gives them). */
static void categories_write(web_req *r, const award_category *c, int nc, const award_win *w, int nw) {
  buf *o = &r->out;
  buf_printf(o, "<nav class=\"award-toc\" aria-labelledby=\"toc-h\"><h2 id=\"toc-h\">%h</h2><ul>", T(r, "Sarjat"));
  for (int i = 0; i < nc; i++) {
    int k = 0;
    for (int j = 0; j < nw; j++) k += w[j].category_id == c[i].id;
    if (!k) continue;
    buf_printf(o, "<li><a href=\"#sarja-%lld\"%r>%h</a> <span class=\"count\">(%d)</span></li>", c[i].id,
               tr_lang(&c[i].t_name), c[i].t_name.text, k);
  }
  buf_puts(o, "</ul></nav>\n");
  for (int i = 0; i < nc; i++) {
    int first = 1;
    for (int j = 0; j < nw; j++) {
      if (w[j].category_id != c[i].id) continue;
      if (first) {
        buf_printf(
            o, "<section class=\"award-category\" aria-labelledby=\"sarja-%lld\">\n<h2 id=\"sarja-%lld\"%r>%h</h2>\n",
            c[i].id, c[i].id, tr_lang(&c[i].t_name), c[i].t_name.text);
        if (*c[i].t_description.text) tr_write(r, "p", "lead", &c[i].t_description);
        buf_puts(o, "<ul class=\"deeds awards\">\n");
        first = 0;
      }
      win_item(r, &w[j]);
    }
    if (!first) buf_puts(o, "</ul>\n</section>\n");
  }
}

static void page_awards_year(web_req *r) {
  award_round *x = r->id <= 9999 ? award_round_by_year(r->db, &r->mem, (int)r->id, r->lang) : NULL;
  if (!x || !x->published_at) {
    web_error(r, 404, T(r, NOT_FOUND));
    return;
  }
  int nc = 0, nw = 0;
  award_category *c = award_categories(r->db, &r->mem, x->id, r->lang, &nc);
  award_win *w = award_round_wins(r->db, &r->mem, x->id, r->lang, &nw);
  buf *o = &r->out;
  buf title = BUF_INIT;
  buf_printf(&title, "%r %d", T(r, "Palkitut teot"), x->year);
  page_begin(r, title.data, "awards");
  buf_printf(o, "<p><a href=\"%h/palkinnot\">← %h</a></p>\n<h1>%h</h1>\n", r->prefix, T(r, "Kaikki palkinnot"),
             title.data);
  buf_free(&title);
  if (*x->t_intro.text) tr_write(r, "p", "lead deed-text", &x->t_intro);
  round_counts(r, x);
  buf_printf(o, "<p class=\"meta\">%h %D</p>\n", T(r, "Julkaistu"), x->published_at);
  if (!nw)
    buf_printf(o, "<p>%h</p>\n", T(r, "Tällä kierroksella ei ole palkittuja tekoja."));
  else
    categories_write(r, c, nc, w, nw);
  page_end(r);
}

void award_box_write(web_req *r, long long deed_id) {
  int n = 0;
  award_win *w = award_deed_wins(r->db, &r->mem, deed_id, r->lang, &n);
  if (!n) return;
  buf *o = &r->out;
  buf_printf(o, "<section class=\"award-box\" aria-labelledby=\"award-h\">\n<h2 id=\"award-h\">%h</h2>\n<ul>\n",
             T(r, "Palkittu teko"));
  for (int i = 0; i < n; i++) {
    buf_printf(o, "<li><p><strong>%h %d</strong> · <span%r>%h</span></p>\n", award_result_label(r, w[i].result),
               w[i].year, tr_lang(&w[i].category), w[i].category.text);
    if (*w[i].citation.text) tr_write(r, "blockquote", "citation", &w[i].citation);
    buf_printf(o, "<p><a href=\"%h/palkinnot/%d#sarja-%lld\">%h %d</a></p></li>\n", r->prefix, w[i].year,
               w[i].category_id, T(r, "Kaikki palkitut teot"), w[i].year);
  }
  buf_puts(o, "</ul>\n</section>\n");
}

void award_suggest_link(web_req *r, long long deed_id) {
  /* The page stays cacheable: after the last day a cached link leads to the form, which says the round is closed. */
  award_round *open = award_round_open(r->db, &r->mem, r->lang);
  if (!open) return;
  buf_printf(&r->out, "<p class=\"award-suggest\"><a href=\"%h/palkinnot/ehdota?teko=%lld\">%h</a> (%h %d", r->prefix,
             deed_id, T(r, "Ehdota tätä tekoa palkittavaksi"), T(r, "Palkitut teot"), open->year);
  if (open->nominate_until) buf_printf(&r->out, ", %h %D", T(r, "viimeistään"), open->nominate_until);
  buf_puts(&r->out, ")</p>\n");
}

const route awards_routes[] = {
    {"GET", "/palkinnot", page_awards, .flags = ROUTE_PUBLIC | ROUTE_CACHE,
     .menu = {ROUTE_NAV_MAIN, 7, "awards", N_("Palkitut teot")}},
    {"GET", "/palkinnot/{year}", page_awards_year, .flags = ROUTE_PUBLIC | ROUTE_CACHE},
    {0},
};
