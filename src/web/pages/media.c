/* media (page): /tiedostot/{id}/{name}: a file from the media table, with its type, download name and ETag. The
 * public gets the files of what is published; staff get every file (a draft's image in the editor's preview). */
#include "web/pages/media.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/media.h"

void media_href(buf *out, long long id, const char *filename) {
  buf_printf(out, "/tiedostot/%lld/%U", id, filename);
}

/* The one byte range of a "Range: bytes=A-B", "bytes=A-" or "bytes=-N" header (a browser seeking in a video asks
 * for them; libmicrohttpd does not answer them by itself) within a file of size bytes, into *from and *to
 * (inclusive). Returns 1 for a range, 0 to send the whole file (no header, several ranges or one we do not read), -1
 * when the range is past the file's end (416). */
static int range_asked(web_req *r, long long size, long long *from, long long *to) {
  const char *h = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_RANGE);
  if (!h || strncmp(h, "bytes=", 6) || strchr(h, ',') || size <= 0) return 0;
  const char *p = h + 6;
  char *end;
  if (*p == '-') { /* the last N bytes */
    long long n = strtoll(p + 1, &end, 10);
    if (end == p + 1 || *end || n <= 0) return 0;
    *from = n >= size ? 0 : size - n;
    *to = size - 1;
    return 1;
  }
  long long a = strtoll(p, &end, 10);
  if (end == p || *end != '-' || a < 0) return 0;
  p = end + 1;
  long long b = size - 1;
  if (*p) {
    b = strtoll(p, &end, 10);
    if (*end || b < a) return 0;
  }
  if (a >= size) return -1;
  *from = a;
  *to = b >= size ? size - 1 : b;
  return 1;
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
  web_header(r, "Accept-Ranges", "bytes");
  long long from = 0, to = m.size - 1;
  int range = range_asked(r, m.size, &from, &to);
  if (range < 0) { /* 416: nothing of the file is in the range asked */
    char cr[48];
    snprintf(cr, sizeof cr, "bytes */%lld", m.size);
    web_header(r, "Content-Range", cr);
    r->status = 416;
    return;
  }
  if (range) {
    char cr[80];
    snprintf(cr, sizeof cr, "bytes %lld-%lld/%lld", from, to, m.size);
    web_header(r, "Content-Range", cr);
    r->status = 206;
  }
  buf_append(&r->out, m.content + from, (size_t)(to - from + 1));
  buf disp = BUF_INIT; /* filenames are [A-Za-z0-9._-] (media.c), safe inside the quotes */
  buf_printf(&disp, "%r; filename=\"%r\"", strcmp(m.kind, "pdf") == 0 ? "attachment" : "inline", m.filename);
  web_header(r, "Content-Disposition", disp.data);
  buf_free(&disp);
}

const route media_routes[] = {
    {"GET", "/tiedostot/{id}/{file}", page_file, .flags = ROUTE_PUBLIC},
    {0},
};
