/* deeds: the deed list /tekot (search, facets, paging), the search box's suggestions /tekot/ehdotukset and the Atom
 * feed /tekot.atom. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "search/search.h"
#include "web/pager.h"
#include "web/pages/deeds.h"
#include "web/widgets.h"

#define PAGE_SIZE 20
#define FEED_SIZE 50

/* Reads /tekot filters from the query string (q, sector, region, year, theme, awarded, page) into f. */
static void deed_list_filter(web_req *r, deed_filter *f, int page_size) {
  memset(f, 0, sizeof *f);
  f->q = web_field(r, "q");
  f->sector = web_field(r, "sector");
  f->region = web_field(r, "region");
  f->theme = web_field(r, "theme");
  f->lang = r->lang;
  long long v;
  if (util_parse_int(web_field(r, "year"), 2000, 2100, &v) == K_OK) f->year = (int)v;
  f->awarded = !strcmp(web_field(r, "awarded"), "1");
  long long page = pager_requested(r);
  f->limit = page_size;
  f->offset = (int)((page - 1) * page_size);
}

/* Writes into b the list's path and query (values URL-escaped, not yet HTML-escaped) with the current filters, where
 * filter `name` takes `value` (NULL or "" drops it). */
static void list_url(buf *b, const deed_filter *f, const char *name, const char *value) {
  char year[12] = "";
  if (f->year) snprintf(year, sizeof year, "%d", f->year);
  const char *keys[] = {"q", "sector", "region", "year", "theme", "awarded"};
  const char *vals[] = {f->q, f->sector, f->region, year, f->theme, f->awarded ? "1" : ""};
  buf_puts(b, "/tekot");
  for (int i = 0; i < 6; i++) {
    const char *v = strcmp(name, keys[i]) == 0 ? value : vals[i];
    if (v && *v) buf_printf(b, "%c%r=%U", strchr(b->data, '?') ? '&' : '?', keys[i], v);
  }
}

/* Writes the href of the list (with the language prefix) where filter `name` takes `value`, first page. */
static void list_href(web_req *r, const deed_filter *f, const char *name, const char *value) {
  buf b = BUF_INIT;
  list_url(&b, f, name, value);
  buf_printf(&r->out, "%h%h", r->prefix, b.data);
  buf_free(&b);
}

static void facet(web_req *r, const deed_filter *f, const char *title, const char *name, const char *current,
                  const facet_count *v, int n) {
  buf *o = &r->out;
  int any = 0;
  for (int i = 0; i < n; i++) any |= v[i].count > 0;
  if (!any) return;
  buf_printf(o, "<h2 id=\"facet-%h\">%h</h2><ul aria-labelledby=\"facet-%h\">", name, title, name);
  if (current && *current) {
    buf_puts(o, "<li><a href=\"");
    list_href(r, f, name, NULL);
    buf_printf(o, "\">%h</a></li>", T(r, "Kaikki"));
  }
  for (int i = 0; i < n; i++) {
    if (!v[i].count) continue;
    int on = current && strcmp(current, v[i].key) == 0;
    /* a theme with no translation is labelled with its Finnish name */
    int fi = !strcmp(name, "theme") && strcmp(r->lang, "fi") && !strcmp(v[i].key, v[i].label);
    buf_puts(o, "<li><a href=\"");
    list_href(r, f, name, v[i].key);
    buf_printf(o, "\"%r%r>%h</a> <span class=\"count\">(%N)</span></li>", on ? " aria-current=\"true\"" : "",
               fi ? " lang=\"fi\"" : "", v[i].label, v[i].count);
  }
  buf_puts(o, "</ul>\n");
}

/* The facets fold into a <details> that kehto.js closes on a narrow screen, so the results are not three screens
 * down on a phone. The summary counts the filters in use. Without the script it stays open. */
static void facets(web_req *r, const deed_filter *f, const deed_result *res) {
  char year[12] = "";
  if (f->year) snprintf(year, sizeof year, "%d", f->year);
  int on = !!*f->sector + !!*f->region + !!f->year + !!*f->theme + !!f->awarded;
  buf_printf(&r->out,
             "<aside class=\"facets\" aria-labelledby=\"facets-h\">\n<details open><summary id=\"facets-h\">%h",
             T(r, "Rajaa tuloksia"));
  if (on) buf_printf(&r->out, " (%d)", on);
  buf_puts(&r->out, "</summary>\n");
  /* "Palkittu": the deeds with an award or an honourable mention in a published round */
  facet_count awarded = {"1", (char *)T(r, "Palkitut teot"), res->nawarded};
  facet(r, f, T(r, "Palkittu"), "awarded", f->awarded ? "1" : "", &awarded, 1);
  facet(r, f, T(r, "Toimiala"), "sector", f->sector, res->sectors, res->nsectors);
  facet(r, f, T(r, "Maakunta"), "region", f->region, res->regions, res->nregions);
  facet(r, f, T(r, "Vuosi"), "year", year, res->years, res->nyears);
  facet(r, f, T(r, "Teema"), "theme", f->theme, res->themes, res->nthemes < 20 ? res->nthemes : 20);
  buf_puts(&r->out, "</details>\n</aside>\n");
}

static void deeds_pager(web_req *r, const deed_filter *f, long long total) {
  pager p = pager_make(r, total, PAGE_SIZE); /* the same page search_page settled on: asked for, at most the last */
  buf base = BUF_INIT;
  list_url(&base, f, "", NULL);
  pager_write(r, &p, base.data);
  buf_free(&base);
}

/* Searches; a page past the end shows the last page (as the staff lists do), not an empty list under a total. */
static int search_page(web_req *r, deed_filter *f, deed_result *res, kerr *e) {
  if (deed_search(r->db, &r->mem, f, res, e) != K_OK) return K_ERR;
  if (res->nhits || !res->total || !f->offset) return K_OK;
  f->offset = (int)((res->total - 1) / PAGE_SIZE * PAGE_SIZE);
  return deed_search(r->db, &r->mem, f, res, e);
}

static void page_deeds(web_req *r) {
  deed_filter f;
  deed_list_filter(r, &f, PAGE_SIZE);
  deed_result res;
  kerr e = {0};
  if (search_page(r, &f, &res, &e) != K_OK) {
    web_error(r, 500, T(r, "Haku epäonnistui. Yritä hetken kuluttua uudelleen."));
    kerr_clear(&e);
    return;
  }
  buf *o = &r->out;
  page_begin(r, *f.q ? f.q : T(r, "Tekojen tori"), "deeds");
  buf_printf(o, "<h1>%h</h1>\n<p class=\"lead\">%h</p>\n", T(r, "Tekojen tori"),
             T(r, "Kehittämistekoja kunta-alan työpaikoilta: mihin pyrittiin ja mitä saatiin aikaan."));
  search_form_write(r, f.q);
  buf_puts(o, "<div class=\"layout\">\n");
  facets(r, &f, &res);
  buf_puts(o, "<section aria-labelledby=\"results-h\">\n<h2 id=\"results-h\" aria-live=\"polite\">");
  if (*f.q)
    buf_printf(o, "%h: %N", T(r, "Hakutuloksia"), res.total);
  else
    buf_printf(o, "%h: %N", T(r, "Tekoja"), res.total);
  buf_puts(o, "</h2>\n");
  if (res.corrected) { /* the results already include the corrected word's deeds; the link searches for it alone,
                          with the same filters */
    buf_printf(o, "<p class=\"didyoumean\">%h <a href=\"", T(r, "Tarkoititko:"));
    list_href(r, &f, "q", res.corrected);
    buf_printf(o, "\">%h</a></p>\n", res.corrected);
  }
  if (res.translated) /* a Swedish or English word the thesaurus lacks: its Finnish deeds come through a dictionary */
    buf_printf(o, "<p class=\"translated\">%h <span lang=\"fi\">%h</span></p>\n",
               T(r, "Haussa mukana sanakirjan käännös:"), res.translated);
  if (res.broadened) /* the words as they are found nothing: these are the deeds of their compounds' parts */
    buf_printf(o, "<p class=\"broadened\">%h</p>\n",
               T(r, "Hakusanoilla sellaisenaan ei löytynyt tekoja. Alla ovat teot, joissa on yhdyssanan osia."));
  if (res.total == 0)
    buf_printf(o, "<p>%h</p>\n", T(r, "Yhtään tekoa ei löytynyt. Kokeile muita sanoja tai poista rajauksia."));
  deed_hits_write(r, res.hits, res.nhits, "h3");
  deeds_pager(r, &f, res.total);
  buf_puts(o, "</section>\n</div>\n");
  page_end(r);
}

static void page_feed(web_req *r) {
  deed_filter f = {.lang = r->lang, .limit = FEED_SIZE};
  deed_result res;
  kerr e = {0};
  if (deed_search(r->db, &r->mem, &f, &res, &e) != K_OK) {
    kerr_clear(&e);
    web_error(r, 500, T(r, "Haku epäonnistui. Yritä hetken kuluttua uudelleen."));
    return;
  }
  r->ctype = "application/atom+xml; charset=utf-8";
  buf *o = &r->out;
  buf base = BUF_INIT; /* feed readers need absolute links */
  web_base_url(r, &base);
  buf_puts(&base, r->prefix);
  const char *b = base.data ? base.data : "";
  const char *updated = res.nhits ? res.hits[0].published_at : "2015-01-01T00:00:00Z";
  buf_printf(
      o,
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"%h\">\n"
      "<title>%h</title>\n<id>urn:kehto:tekot:%h</id>\n<updated>%h</updated>\n"
      "<link rel=\"self\" href=\"%h/tekot.atom\"/>\n<link href=\"%h/tekot\"/>\n",
      r->lang, T(r, "Tekojen tori: uusimmat teot"), r->lang, updated, b, b);
  for (int i = 0; i < res.nhits; i++) {
    const deed_hit *h = &res.hits[i];
    buf_printf(o,
               "<entry xml:lang=\"fi\">\n<title>%h</title>\n<id>urn:kehto:teko:%lld</id>\n<updated>%h</updated>\n"
               "<link href=\"%h/tekot/%lld\"/>\n<author><name>%h</name></author>\n"
               "<category term=\"%h\" label=\"%h\"/>\n<summary type=\"html\">%h</summary>\n</entry>\n",
               h->title, h->id, h->published_at, b, h->id, h->organisation, h->sector_code, h->sector, h->snippet);
  }
  buf_puts(o, "</feed>\n");
  buf_free(&base);
}

/* The search box's suggestions (assets/suggest.js) in the page's language: a JSON array of strings. */
static void page_suggest(web_req *r) {
  search_suggest_answer(r, r->lang);
}

const route deeds_routes[] = {
    {"GET", "/tekot", page_deeds, .flags = ROUTE_PUBLIC | ROUTE_CACHE,
     .menu = {ROUTE_NAV_MAIN, 2, "deeds", N_("Tekojen tori")}},
    {"GET", "/tekot.atom", page_feed, .flags = ROUTE_PUBLIC | ROUTE_CACHE},
    /* not in the page cache: the browser keeps each answer a minute (search_suggest_answer) */
    {"GET", "/tekot/ehdotukset", page_suggest, .flags = ROUTE_PUBLIC},
    {0},
};
