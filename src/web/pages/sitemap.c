/* sitemap: /sitemap.xml lists every public page and published item (sitemaps.org 0.9) with absolute addresses from
 * the configured base URL, the last change where it is known, and the Swedish and English addresses beside the
 * Finnish one (xhtml:link hreflang); /robots.txt points to it. Each model gives its own published items. */
#include <stdio.h>
#include <string.h>

#include "model/award.h"
#include "model/deed.h"
#include "model/evaluation.h"
#include "model/service.h"
#include "model/sitemap.h"
#include "model/sitepage.h"
#include "model/survey.h"
#include "web/pages/sitemap.h"
#include "web/web.h"

typedef struct sm {
  web_req *r;
  const char *base; /* "https://host" */
} sm;

struct route_probe {
  const char *path;
  int found;
};

static void probe(void *arg, const route *rt) {
  struct route_probe *p = arg;
  long long id = 0;
  if (!p->found && !strcmp(rt->method, "GET") && (rt->flags & ROUTE_PUBLIC) && routes_match(rt->pattern, p->path, &id))
    p->found = 1;
}

/* 1 when this Kehto answers GET path publicly: a list or item page of a feature this build has. */
static int public_route(const char *path) {
  struct route_probe p = {path, 0};
  routes_each(probe, &p);
  return p.found;
}

/* A stored time as a W3C date-time lastmod, or NULL when it is not one ("YYYY-MM-DD" or "…THH:MM:SSZ"). */
static const char *lastmod(const char *t) {
  size_t n = t ? strlen(t) : 0;
  if ((n == 20 && t[10] == 'T' && t[19] == 'Z') || (n == 10 && t[4] == '-' && t[7] == '-')) return t;
  return NULL;
}

static void url(sm *s, const char *path, const char *when) {
  buf *o = &s->r->out;
  const char *tail = strcmp(path, "/") ? path : ""; /* the Swedish front page is /sv, not /sv/ */
  buf_printf(o, "<url><loc>%h%h</loc>", s->base, path);
  if (lastmod(when)) buf_printf(o, "<lastmod>%h</lastmod>", when);
  buf_printf(o,
             "<xhtml:link rel=\"alternate\" hreflang=\"fi\" href=\"%h%h\"/>"
             "<xhtml:link rel=\"alternate\" hreflang=\"sv\" href=\"%h/sv%h\"/>"
             "<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"%h/en%h\"/></url>\n",
             s->base, path, s->base, tail, s->base, tail);
}

/* The items at PREFIX/ID, when this build has such pages. */
static void items(sm *s, const char *prefix, const sitemap_item *v, int n) {
  char path[96];
  snprintf(path, sizeof path, "%s/1", prefix);
  if (!public_route(path)) return;
  for (int i = 0; i < n; i++) {
    snprintf(path, sizeof path, "%s/%lld", prefix, v[i].id);
    url(s, path, v[i].lastmod);
  }
}

/* The list pages and other fixed public pages, each when this build has it. */
static void fixed_pages(sm *s) {
  static const char *const pages[] = {"/",        "/tekot",     "/palvelut", "/valmentajat", "/tapahtumat",
                                      "/uutiset", "/julkaisut", "/videot",   "/palkinnot",   "/tilastot"};
  for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++)
    if (public_route(pages[i])) url(s, pages[i], NULL);
  web_req *r = s->r;
  evaluation *ev = evaluation_get(r->db, &r->mem, "fi");
  if (ev->published_at) url(s, "/arviointi", ev->updated_at ? ev->updated_at : ev->published_at);
}

static void page_sitemap(web_req *r) {
  buf base = BUF_INIT;
  web_base_url(r, &base);
  sm s = {r, base.data ? base.data : ""};
  /* a scheduled news item joins at its time without a write: the server drops the page cache then (server.c) */
  r->ctype = "application/xml; charset=utf-8";
  buf_puts(&r->out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\""
                    " xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
  fixed_pages(&s);
  int n = 0;
  sitemap_item *v = sitepage_sitemap(r->db, &r->mem, &n);
  for (int i = 0; i < n; i++) {
    char path[96];
    snprintf(path, sizeof path, "%s%s", sitepage_builtin(v[i].slug) ? "/" : "/sivu/", v[i].slug);
    url(&s, path, v[i].lastmod);
  }
  v = deed_sitemap(r->db, &r->mem, &n);
  items(&s, "/tekot", v, n);
  v = service_sitemap(r->db, &r->mem, &n);
  items(&s, "/palvelut", v, n);
  v = sitemap_news(r->db, &r->mem, &n);
  items(&s, "/uutiset", v, n);
  v = sitemap_publications(r->db, &r->mem, &n);
  items(&s, "/julkaisut", v, n);
  v = sitemap_videos(r->db, &r->mem, &n);
  items(&s, "/videot", v, n);
  v = sitemap_events(r->db, &r->mem, &n);
  items(&s, "/tapahtumat", v, n);
  v = survey_sitemap(r->db, &r->mem, &n);
  for (int i = 0; i < n && public_route("/kyselyt/1/tulokset"); i++) {
    char path[64];
    snprintf(path, sizeof path, "/kyselyt/%lld/tulokset", v[i].id);
    url(&s, path, NULL);
  }
  award_round *rounds = award_published_rounds(r->db, &r->mem, "fi", &n);
  for (int i = n - 1; i >= 0; i--) { /* oldest first, like the rest */
    char path[32];
    snprintf(path, sizeof path, "/palkinnot/%d", rounds[i].year);
    url(&s, path, rounds[i].published_at);
  }
  buf_puts(&r->out, "</urlset>\n");
  buf_free(&base);
}

static void page_robots(web_req *r) {
  buf base = BUF_INIT;
  web_base_url(r, &base);
  r->ctype = "text/plain; charset=utf-8";
  buf_printf(&r->out,
             "User-agent: *\nDisallow: /hallinta/\nDisallow: /sv/hallinta/\nDisallow: /en/hallinta/\n\n"
             "Sitemap: %r/sitemap.xml\n",
             base.data ? base.data : "");
  buf_free(&base);
}

const route sitemap_routes[] = {
    {"GET", "/sitemap.xml", page_sitemap, .flags = ROUTE_PUBLIC | ROUTE_CACHE},
    {"GET", "/robots.txt", page_robots, .flags = ROUTE_PUBLIC | ROUTE_CACHE},
    {0},
};
