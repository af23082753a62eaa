/* news: the programme's news items (uutiset) in three languages, Markdown bodies, an image with alt texts, and a
 * publish time: NULL is a draft, a time later than now is scheduled, otherwise the item is published. */
#ifndef KEHTO_NEWS_H
#define KEHTO_NEWS_H
#include <stddef.h>

#include "core/arena.h"
#include "db/db.h"
#include "model/tr.h"

#define NEWS_MAX_TITLE 200
#define NEWS_MAX_LEAD 1000
#define NEWS_MAX_BODY 50000 /* characters of Markdown */
#define NEWS_MAX_ALT 300

/* One news item. Strings in the reader's arena; the texts are fi, sv, en (tr_lang_index order), "" when missing. */
typedef struct news_item {
  long long id;
  char *uid; /* urn:uuid:…, made when the item was first saved: the Atom entry's id */
  char *title[3], *lead[3], *body[3], *image_alt[3];
  long long image_id; /* 0: no image */
  char *image_name;   /* the image's download name ("" without an image) */
  char *publish_at;   /* UTC "YYYY-MM-DDTHH:MM:SSZ", NULL for a draft */
  char *created_at, *updated_at, *updated_by;
  tr t_title, t_lead, t_body, t_alt; /* in the language asked for (the Finnish standing in) */
} news_item;

/* An image to store with a save: its bytes (checked by their content with media_check) and the name it was sent
 * with. */
typedef struct news_image {
  const void *data;
  size_t len;
  const char *filename;
} news_image;

/* The status of n at time now (UTC text): "draft", "scheduled" or "published". Static strings. */
const char *news_status(const news_item *n, const char *now);

/* Item id in lang (NULL: Finnish), whatever its status, or NULL when there is none. In arena a. */
news_item *news_get(db *d, arena *a, long long id, const char *lang);
/* The items published at now (publish_at <= now), newest first, from offset, at most limit; *n gets the count.
 * An array in arena a (NULL when none). */
news_item *news_list_published(db *d, arena *a, const char *lang, const char *now, int limit, int offset, int *n);
/* How many items are published at now. */
long long news_count_published(db *d, const char *now);
/* Every item for staff (drafts first, then by publish time, newest first), in Finnish, from offset, at most limit. */
news_item *news_list_all(db *d, arena *a, int limit, int offset, int *n);
long long news_count_all(db *d);
/* The earliest publish time later than now (a scheduled item's) into out; returns 1, or 0 when nothing is
 * scheduled. Pages cached before that time must be dropped at it (see web/server.c). */
int news_next_publish_at(db *d, const char *now, char out[24]);

/* Saves n (id 0: a new item, which gets its uid here; else the item id, whose uid never changes) as edited by `by`
 * (an email). img (may be NULL or have len 0: the image is kept) replaces the image; remove_image drops it. Checks:
 * the Finnish title is required; lengths; valid UTF-8; a Swedish or English lead or body needs its title; an image
 * needs the Finnish alt text, and the Swedish/English alt text when that language's title is given. Errors are added
 * per field (title, lead_sv, image, image_alt_en, …) to e — on top of any the caller added already, in which case
 * nothing is saved either. Writes an audit row. Returns the item's id, or 0 with e set. */
long long news_save(db *d, const news_item *n, const news_image *img, int remove_image, const char *by, kerr *e);
/* Deletes item id (and its image when nothing else uses it), audited. Returns K_OK, or K_ERR with e set. */
int news_delete(db *d, long long id, const char *by, kerr *e);

/* A new uid: "urn:uuid:" and a random (version 4) UUID from libsodium's random bytes. */
void news_make_uid(char out[46]);

#endif
