/* demo_pubs: internal to the demo builder: the programme's publications and videos (see demo_pubs.c). */
#ifndef KEHTO_DEMO_PUBS_H
#define KEHTO_DEMO_PUBS_H
#include "core/buf.h"
#include "db/db.h"

/* Writes into out a valid one-page A4 PDF (PDF 1.4, Helvetica, a right xref table) that says "Esittelyaineisto –
 * paikkamerkki" and title (UTF-8; letters outside Windows-1252 become '?'). */
void demo_pdf(buf *out, const char *title);

/* Adds the programme's three publications (the 2015–2017 report, the final publication 2020, the external
 * evaluation by MDI Oy, November 2020) with Finnish summaries and placeholder PDFs, and its two videos with
 * descriptions, captions in Finnish, Swedish and English and the placeholder video data/demo/placeholder.webm, all
 * published (inside the demo's transaction). Returns K_OK, or K_ERR with e set. */
int demo_pubs(db *d, kerr *e);

#endif
