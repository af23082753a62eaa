/* sitepage: the pages staff edit in three languages, Markdown: Kehto's own two (the accessibility statement, the
 * privacy notice) and the programme's pages staff make themselves (about, services overview, contact), shown in the
 * main menu in the order staff choose. */
#ifndef KEHTO_SITEPAGE_H
#define KEHTO_SITEPAGE_H
#include "core/arena.h"
#include "db/db.h"
#include "model/tr.h"
#include "model/sitemap.h"

#define SITEPAGE_MAX_TITLE 200
#define SITEPAGE_MAX_BODY 50000 /* characters of Markdown */
#define SITEPAGE_MAX_SLUG 60    /* characters of a page's address: a-z, 0-9 and "-" */

/* A page as stored, or Kehto's default text when staff have not saved a built-in page yet. Strings in the reader's
 * arena. */
typedef struct site_page {
  const char *slug;
  char *title[3], *body[3]; /* fi, sv, en (tr_lang_index order); a translation "" when missing */
  tr t_title, t_body;       /* in the language asked for */
  char *updated_at;         /* UTC time of the last save, NULL while the default is shown */
  char *updated_by;         /* who saved it last (their email), "" while the default is shown */
  int custom;               /* 1: a page staff made (at /sivu/SLUG; may be deleted); 0: one of Kehto's own */
  long long menu_position;  /* its place in the main menu (1 first), 0 when it is not in the menu */
} site_page;

/* The slugs of Kehto's own pages (at /SLUG, linked from every footer): "saavutettavuus", "tietosuoja". *n gets the
 * count. */
const char *const *sitepage_slugs(int *n);
/* 1 when slug is one of Kehto's own pages (which may not be deleted). */
int sitepage_builtin(const char *slug);
/* Page slug in lang ("fi", "sv", "en"; NULL Finnish): a built-in page stored or its default, or a page staff made;
 * NULL when there is no such page. */
site_page *sitepage_get(db *d, arena *a, const char *slug, const char *lang);
/* Every page for the staff list (titles in Finnish): the menu's pages in menu order, then the others (Kehto's own
 * first, then by title). Sets *n; the array is in a. */
site_page *sitepage_list(db *d, arena *a, int *n);
/* Saves the texts of an existing page p (slug, title[], body[]) as edited by `by` (an email); the menu place is kept.
 * Finnish title and body are required; lengths at most SITEPAGE_MAX_TITLE and SITEPAGE_MAX_BODY, valid UTF-8. Adds
 * an error per bad field (title, body_sv, …) to e and returns K_ERR; K_OK when saved (audited). */
int sitepage_save(db *d, const site_page *p, const char *by, kerr *e);
/* Makes a new page from p's slug, title[] and body[], at the end of the main menu when in_menu. An empty slug is made
 * from the Finnish title ("Tietoa ohjelmasta" → "tietoa-ohjelmasta"). The same checks as sitepage_save, and the
 * slug's (field "slug"): a-z, 0-9 and "-" (not first or last), at most SITEPAGE_MAX_SLUG, not taken, not reserved.
 * Returns the slug (in a), or NULL with e set. */
const char *sitepage_create(db *d, arena *a, const site_page *p, int in_menu, const char *by, kerr *e);
/* Deletes a page staff made. Kehto's own pages are refused. K_OK, or K_ERR with e set. */
int sitepage_delete(db *d, const char *slug, const char *by, kerr *e);
/* Puts the page in the main menu (at its end) or takes it out (in_menu 0); the others keep their order. K_OK or
 * K_ERR with e set. */
int sitepage_menu_set(db *d, const char *slug, int in_menu, const char *by, kerr *e);
/* Moves the page one place up (dir < 0) or down (dir > 0) in the main menu; at either end nothing changes. K_OK, or
 * K_ERR with e set (no such page, or not in the menu). */
int sitepage_menu_move(db *d, const char *slug, int dir, const char *by, kerr *e);
/* "tietoa-ohjelmasta" from "Tietoa ohjelmasta": lower case, å/ä→a, ö→o, é→e, ü→u, other runs of characters → "-",
 * cut at SITEPAGE_MAX_SLUG. In a; "" when nothing is left. */
char *sitepage_slugify(arena *a, const char *title);
/* Kehto's default title and body of slug in language index li (0 fi, 1 sv, 2 en); NULL for an unknown slug. Static. */
const char *sitepage_default_title(const char *slug, int li);
const char *sitepage_default_body(const char *slug, int li);

/* Every public site page for the sitemap: Kehto's own (at /SLUG) and the pages staff made (at /sivu/SLUG), with
 * their last save (NULL while the default text shows). Sets *n; array in a. */
sitemap_item *sitepage_sitemap(db *d, arena *a, int *n);

#endif
