/* pages/news: the routes of news.c: /uutiset, /uutiset/{id}, /uutiset.atom and the staff's /hallinta/uutiset. */
#ifndef KEHTO_PAGES_NEWS_H
#define KEHTO_PAGES_NEWS_H
#include "web/routes.h"
#include "web/web.h"

/* Ends with an entry whose method is NULL. */
extern const route news_routes[];

/* Writes the front page's "Uutiset" section: the n newest published items (title, date, lead) and a link to
 * /uutiset; nothing when none is published. */
void news_section_write(web_req *r, int n);

#endif
