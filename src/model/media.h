/* media: the files Kehto serves from the database (so every server has them): news images, publications' PDFs,
 * videos. A file is checked by its content with libmagic, not by its name or the type its sender claims. */
#ifndef KEHTO_MEDIA_H
#define KEHTO_MEDIA_H
#include <stddef.h>

#include "core/arena.h"
#include "core/util.h"
#include "db/db.h"

#define MEDIA_MAX_IMAGE (5 * 1024 * 1024)  /* bytes of a news image */
#define MEDIA_MAX_PDF (20 * 1024 * 1024)   /* bytes of a publication (the upload limit of a request) */
#define MEDIA_MAX_VIDEO (20 * 1024 * 1024) /* bytes of an uploaded video; a larger one is given by its address */

typedef struct media {
  long long id;
  char *kind;     /* image, pdf or video */
  char *mime;     /* the type libmagic found: image/png, image/jpeg, image/webp, application/pdf, video/mp4, … */
  char *filename; /* the download name: the sent name made safe (letters, digits, ".-_"), with the type's ending */
  long long size;
  char *sha256; /* hex: the ETag */
  char *created_at;
  const char *content; /* the bytes (size of them), only from media_get with content; NULL otherwise */
} media;

/* The type of data (len bytes) by its content, when it is one kind accepts ("image": PNG, JPEG, WebP, GIF; "pdf":
 * PDF; "video": MP4, WebM, Ogg), else NULL with e set to a message for the file field ("Tiedosto ei ole PDF-
 * tiedosto: sen sisältö on text/plain."). Also refuses an empty file and one over the kind's limit. Static string. */
const char *media_check(const char *kind, const void *data, size_t len, const char *field, kerr *e);
/* Stores data (len bytes, checked with media_check first) of kind, sent as filename, saved by `by` (an email).
 * Returns the new id, or 0 with e set (field `field`). Runs in the caller's transaction when there is one. */
long long media_add(db *d, const char *kind, const char *filename, const void *data, size_t len, const char *by,
                    const char *field, kerr *e);
/* Reads media id into *out, with its bytes when with_content (all in a). Returns 1, or 0 when there is none. */
int media_get(db *d, arena *a, long long id, int with_content, media *out);
/* 1 when media id belongs to something the public sees now: a published news item's image, a published
 * publication's file, a published video's file. Staff see every file. */
int media_public(db *d, long long id);
/* Removes media id when nothing refers to it any more (after an item's file was replaced or the item deleted). */
void media_prune(db *d, long long id);

#endif
