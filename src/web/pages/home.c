/* home: the front page: the programme, its goals, key figures, newest deeds and a search box. */
#include "web/pages/pages.h"

void page_home(web_req *r) {
  page_begin(r, T(r, "Etusivu"), "home");
  buf_printf(&r->out, "<h1>%h</h1>\n", T(r, "Tekojen tori"));
  page_end(r);
}
