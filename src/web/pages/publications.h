/* pages/publications: the routes of publications.c: the public list /julkaisut and a publication's summary page
 * /julkaisut/{id} (the HTML alternative to its PDF), and the staff's /hallinta/julkaisut. */
#ifndef KEHTO_PAGES_PUBLICATIONS_H
#define KEHTO_PAGES_PUBLICATIONS_H
#include "web/routes.h"

/* Ends with an entry whose method is NULL. */
extern const route publications_routes[];

/* Writes a file size the Finnish way: "350 kt", "1,2 Mt". */
void pubs_size_write(buf *out, long long bytes);
/* The tabs of the staff's publishing pages: active is "publications" or "videos". */
void pubs_admin_tabs(web_req *r, const char *active);
/* Writes the notice of a ?done= value after a save ("saved", "published", "unpublished", "deleted"). */
void pubs_done_notice(web_req *r);

#endif
