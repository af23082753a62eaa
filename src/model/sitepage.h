/* sitepage: the pages staff edit in three languages (the accessibility statement, the privacy notice), Markdown. */
#ifndef KEHTO_SITEPAGE_H
#define KEHTO_SITEPAGE_H
#include "core/arena.h"
#include "db/db.h"
#include "model/tr.h"

#define SITEPAGE_MAX_TITLE 200
#define SITEPAGE_MAX_BODY 50000 /* characters of Markdown */

/* A page as stored, or Kehto's default text when staff have not saved it yet. Strings in the reader's arena. */
typedef struct site_page {
  const char *slug;
  char *title[3], *body[3]; /* fi, sv, en (tr_lang_index order); a translation "" when missing */
  tr t_title, t_body;       /* in the language asked for */
  char *updated_at;         /* UTC time of the last save, NULL while the default is shown */
  char *updated_by;         /* who saved it last (their email), "" while the default is shown */
} site_page;

/* The slugs of the pages Kehto has (and links from every footer): "saavutettavuus", "tietosuoja". *n gets the count. */
const char *const *sitepage_slugs(int *n);
/* Page slug in lang ("fi", "sv", "en"; NULL Finnish), stored or default; NULL when slug is not one of the pages. */
site_page *sitepage_get(db *d, arena *a, const char *slug, const char *lang);
/* Saves p (slug, title[], body[]) as edited by `by` (an email). Finnish title and body are required; lengths at most
 * SITEPAGE_MAX_TITLE and SITEPAGE_MAX_BODY, valid UTF-8. Adds an error per bad field (title, body_sv, …) to e and
 * returns K_ERR; K_OK when saved. */
int sitepage_save(db *d, const site_page *p, const char *by, kerr *e);
/* Kehto's default title and body of slug in language index li (0 fi, 1 sv, 2 en); NULL for an unknown slug. Static. */
const char *sitepage_default_title(const char *slug, int li);
const char *sitepage_default_body(const char *slug, int li);

#endif
