/* video: the programme's videos: an uploaded file (a media row) or the address of a video file, a title and a
 * description in fi/sv/en, and captions (WebVTT) per language, at least one before it is published (WCAG 1.2.2). */
#ifndef KEHTO_VIDEO_H
#define KEHTO_VIDEO_H
#include "core/arena.h"
#include "core/util.h"
#include "db/db.h"
#include "model/tr.h"

#define VIDEO_MAX_TITLE 300
#define VIDEO_MAX_DESCRIPTION 20000
#define VIDEO_MAX_URL 2000
#define VIDEO_MAX_VTT (512 * 1024) /* bytes of one caption file */

typedef struct video {
  long long id;
  char *title[3], *description[3]; /* fi, sv, en ("" when not translated) */
  tr t_title, t_description;       /* in the language asked for */
  long long file_id;               /* an uploaded file, or 0 */
  char *file_name, *file_mime;     /* "" without a file */
  long long file_size;
  char *url;          /* the address of a video file ("" with an uploaded one) */
  char *captions;     /* the caption languages in fi, sv, en order, "fi,sv" ("" for none) */
  char *published_at; /* UTC; NULL: not published */
  char *created_at, *updated_at, *updated_by;
} video;

/* Checks a WebVTT text (len bytes): UTF-8, starts with "WEBVTT" (after an optional byte order mark) followed by a
 * space, tab or line end, at least one cue ("-->"), at most VIDEO_MAX_VTT bytes. Returns K_OK, or K_ERR with an
 * error on field. */
int video_vtt_check(const char *vtt, size_t len, const char *field, kerr *e);
/* Checks the address of a video file: https:// (what the pages' CSP plays), a host, no spaces or control characters, at
 * most VIDEO_MAX_URL bytes. It is not fetched. Returns K_OK, or K_ERR with an error on field. */
int video_url_check(const char *url, const char *field, kerr *e);

/* What a save changes: the texts and the address are v's; data (len bytes, sent as filename) is a new uploaded
 * file or NULL; vtt[i] (fi, sv, en) is a language's captions: NULL keeps what is stored, "" removes them. */
typedef struct video_input {
  const char *filename;
  const void *data;
  size_t len;
  const char *vtt[3];
} video_input;
/* Saves v (a new one when v->id is 0) with in: a video needs an uploaded file or an address (an uploaded file
 * clears the address, an address replaces the file); a published video keeps at least one caption. Errors on
 * fields title, url, file, vtt, vtt_sv, vtt_en. One savepoint; audit logged as by. Returns the id, or 0 with e set. */
long long video_save(db *d, const video *v, const video_input *in, const char *by, kerr *e);
/* Publishes (on 1) or unpublishes video id. Publishing needs captions in at least one language: refused (field
 * "vtt") without. Returns K_OK, or K_ERR with e set. */
int video_publish(db *d, long long id, int on, const char *by, kerr *e);
/* Deletes video id, its captions and its uploaded file. Returns K_OK, or K_ERR with e set. */
int video_delete(db *d, long long id, const char *by, kerr *e);
/* Reads video id into *out (in a), texts picked in lang. Returns 1, or 0 when there is none. */
int video_get(db *d, arena *a, long long id, const char *lang, video *out);
/* The captions of video id in lang (fi, sv, en) in a, or NULL when there are none. */
char *video_caption(db *d, arena *a, long long id, const char *lang);
/* How many videos there are (published_only: published ones). */
long long video_count(db *d, int published_only);
/* The videos, newest first, limit from offset, texts in lang; *n set. Array in a. */
video *video_list(db *d, arena *a, const char *lang, int published_only, int limit, int offset, int *n);

#endif
