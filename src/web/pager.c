/* pager: table heads, page numbers and the previous/next navigation shared by every list. */
#include "web/pager.h"

#include <stdarg.h>
#include <string.h>

int pager_requested(web_req *r) {
  const char *asked = web_query(r, "page");
  long long want = 1;
  if (!asked) asked = web_query(r, "sivu");
  return util_parse_int(asked, 1, 1000000, &want) == K_OK ? (int)want : 1;
}

pager pager_make(web_req *r, long long total, int per_page) {
  pager p = {pager_requested(r), 1, per_page > 0 ? per_page : 1, total};
  long long pages = (total + p.per_page - 1) / p.per_page;
  if (pages > 1) p.pages = pages > 1000000 ? 1000000 : (int)pages;
  if (p.page > p.pages) p.page = p.pages;
  return p;
}

int pager_offset(const pager *p) {
  return (p->page - 1) * p->per_page;
}

static void page_link(web_req *r, const char *base, int page, const char *rel, const char *label) {
  buf_printf(&r->out, "<li><a href=\"%h%h%hpage=%d\" rel=\"%r\">%h</a></li>", r->prefix, base,
             strchr(base, '?') ? "&" : "?", page, rel, label);
}

void pager_write(web_req *r, const pager *p, const char *base) {
  if (p->pages <= 1) return;
  buf_printf(&r->out, "<nav aria-label=\"%h\"><ul class=\"pager\">", T(r, "Sivut"));
  if (p->page > 1) page_link(r, base, p->page - 1, "prev", T(r, "← Edellinen"));
  buf_printf(&r->out, "<li aria-current=\"page\">%h %d/%d</li>", T(r, "Sivu"), p->page, p->pages);
  if (p->page < p->pages) page_link(r, base, p->page + 1, "next", T(r, "Seuraava →"));
  buf_puts(&r->out, "</ul></nav>\n");
}

void pager_write_query(web_req *r, const pager *p, const char *path, ...) {
  if (p->pages <= 1) return;
  buf base = BUF_INIT;
  buf_puts(&base, path);
  va_list ap;
  va_start(ap, path);
  for (const char *name; (name = va_arg(ap, const char *)) != NULL;) {
    const char *value = va_arg(ap, const char *);
    if (value && *value) buf_printf(&base, "%c%U=%U", strchr(base.data, '?') ? '&' : '?', name, value);
  }
  va_end(ap);
  pager_write(r, p, base.data);
  buf_free(&base);
}

void pager_table_begin(web_req *r, const char *caption, const char *const *heads, int n, int num_col) {
  web_table_begin(r, "list", caption, 1);
  buf_puts(&r->out, "<thead><tr>");
  for (int i = 0; i < n; i++)
    buf_printf(&r->out, "<th scope=\"col\"%r>%h</th>", i == num_col ? " class=\"num\"" : "", T(r, heads[i]));
  buf_puts(&r->out, "</tr></thead>\n<tbody>\n");
}
