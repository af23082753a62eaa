/* demo_pages: internal to the demo builder: the programme's own pages in the main menu (see demo_pages.c). */
#ifndef KEHTO_DEMO_PAGES_H
#define KEHTO_DEMO_PAGES_H
#include "db/db.h"

/* Adds the pages "Tietoa ohjelmasta", "Palvelut lyhyesti" and "Yhteystiedot" (Finnish, Swedish and English), in the
 * main menu in that order (inside the demo's transaction). Returns how many it added, or -1 with e set. */
int demo_pages(db *d, kerr *e);

#endif
