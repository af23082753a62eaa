/* media (page): /tiedostot/{id}/{name}: a file from the media table, with its type, download name and ETag. The
 * public gets the files of what is published; staff get every file (a draft's image in the editor's preview). */
#include "web/pages/media.h"

#include <string.h>

#include "model/media.h"

void media_href(buf *out, long long id, const char *filename) {
  buf_printf(out, "/tiedostot/%lld/%U", id, filename);
}

static void page_file(web_req *r) {
  unsigned role = routes_role_bit(&r->user);
  int staff = (role & ROUTE_ANY_STAFF) != 0;
  media m;
  if (!media_get(r->db, &r->mem, r->id, 0, &m) || (!staff && !media_public(r->db, r->id))) {
    web_error(r, 404, T(r, "Tiedostoa ei löytynyt."));
    return;
  }
  const char *name = strrchr(r->path, '/') + 1;
  if (strcmp(name, m.filename) != 0) { /* an old or mistyped name: the file's own address */
    buf to = BUF_INIT;
    media_href(&to, m.id, m.filename);
    web_redirect(r, to.data);
    buf_free(&to);
    return;
  }
  media_get(r->db, &r->mem, r->id, 1, &m);
  r->ctype = m.mime;
  buf_append(&r->out, m.content, (size_t)m.size);
  buf disp = BUF_INIT; /* filenames are [A-Za-z0-9._-] (media.c), safe inside the quotes */
  buf_printf(&disp, "%r; filename=\"%r\"", strcmp(m.kind, "pdf") == 0 ? "attachment" : "inline", m.filename);
  web_header(r, "Content-Disposition", disp.data);
  buf_free(&disp);
}

const route media_routes[] = {
    {"GET", "/tiedostot/{id}/{file}", page_file, .flags = ROUTE_PUBLIC},
    {0},
};
