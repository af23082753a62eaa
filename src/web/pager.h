/* pager: every long list (public and staff): the table head, the page number (?page=, the one name every list uses)
 * and the "Edellinen · Sivu 2/7 · Seuraava" links. */
#ifndef KEHTO_PAGER_H
#define KEHTO_PAGER_H
#include "web/web.h"

typedef struct pager {
  int page;  /* 1-based, within 1..pages */
  int pages; /* at least 1 */
  int per_page;
  long long total;
} pager;

/* The page asked for: ?page= (or ?sivu=, the name old links to /tekot carry), 1 when missing or not a number. */
int pager_requested(web_req *r);
/* Reads the page asked for (pager_requested) and clamps it to the pages that total rows fill. */
pager pager_make(web_req *r, long long total, int per_page);
/* The first row of the current page, for a LIMIT/OFFSET query. */
int pager_offset(const pager *p);
/* Writes the navigation when there is more than one page. base is the list's path and query without page,
 * with every value already URL-escaped (e.g. "/hallinta/tekot?status=published"); the language prefix is
 * added here. */
void pager_write(web_req *r, const pager *p, const char *base);
/* The same for the list at path with its filters as name, value pairs (values unescaped) ending with NULL; empty
 * and NULL values are left out: pager_write_query(r, &p, "/hallinta/henkilot", "q", q, NULL). */
void pager_write_query(web_req *r, const pager *p, const char *path, ...);

/* Opens <table class="list"> (in a scrollable region, see web_table_begin) with a visually hidden caption and a head
 * row of n translated column names; column num_col (or -1 for none) is right-aligned for numbers. The caller writes
 * the rows and calls web_table_end. */
void pager_table_begin(web_req *r, const char *caption, const char *const *heads, int n, int num_col);

#endif
