/* publication: the programme's reports and other publications: a PDF in one language with its summary in Markdown
 * (the HTML alternative to the PDF), published or not. The file is a media row (model/media.c). */
#ifndef KEHTO_PUBLICATION_H
#define KEHTO_PUBLICATION_H
#include "core/arena.h"
#include "core/util.h"
#include "db/db.h"

#define PUBLICATION_MAX_TITLE 300
#define PUBLICATION_MAX_AUTHORS 500
#define PUBLICATION_MAX_SUMMARY 20000

typedef struct publication {
  long long id;
  char *title, *authors;
  int year;
  char *type;          /* report, final, evaluation, guide */
  char *lang;          /* fi, sv, en: the language of the publication (its title, summary and file) */
  char *summary;       /* Markdown */
  long long file_id;   /* 0: no file yet */
  char *file_name;     /* the media row's download name, "" without a file */
  long long file_size; /* bytes */
  char *published_at;  /* UTC; NULL: not published */
  char *created_at, *updated_at, *updated_by;
} publication;

/* The four types as codes and their Finnish names (msgids), in this order. */
#define PUBLICATION_NTYPES 4
extern const char *const PUBLICATION_TYPES[PUBLICATION_NTYPES];
extern const char *const PUBLICATION_TYPE_NAMES[PUBLICATION_NTYPES];
/* The Finnish name (msgid) of type code t, or "" for an unknown code. Static string. */
const char *publication_type_name(const char *t);
/* The Finnish name (msgid) of language code l ("suomi", "ruotsi", "englanti"), or "". Static string. */
const char *publication_lang_name(const char *l);

/* Checks p's fields (title required, year 1900–2100, a known type and language, lengths, UTF-8); adds an error per
 * bad field to e (fields title, authors, year, type, lang, summary). Returns K_OK or K_ERR. */
int publication_check(const publication *p, kerr *e);
/* Saves p (a new one when p->id is 0) and, when data is not NULL, its new PDF (len bytes sent as filename: checked
 * by content, error on field "file"), replacing the old file. A publication saved without a file keeps the one it
 * had. One savepoint; audit logged as `by`. Returns the id, or 0 with e set. */
long long publication_save(db *d, const publication *p, const char *filename, const void *data, size_t len,
                           const char *by, kerr *e);
/* Publishes (on 1) or unpublishes publication id. Publishing needs its PDF. Returns K_OK, or K_ERR with e set. */
int publication_publish(db *d, long long id, int on, const char *by, kerr *e);
/* Deletes publication id and its file. Returns K_OK, or K_ERR with e set. */
int publication_delete(db *d, long long id, const char *by, kerr *e);
/* Reads publication id into *out (in a). Returns 1, or 0 when there is none. */
int publication_get(db *d, arena *a, long long id, publication *out);

/* A list's filters: 0 / "" for any. */
typedef struct publication_filter {
  int year;
  const char *type, *lang;
  int published_only; /* 1: the public list */
} publication_filter;
/* How many publications match f. */
long long publication_count(db *d, const publication_filter *f);
/* The publications matching f, newest year first (then title), limit from offset; *n set. Array in a. */
publication *publication_list(db *d, arena *a, const publication_filter *f, int limit, int offset, int *n);
/* The years that published publications have, newest first, into a (for the filter); *n set. */
int *publication_years(db *d, arena *a, int *n);

#endif
