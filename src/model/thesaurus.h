/* thesaurus (model): the programme's own thesaurus entries (table thesaurus) that staff edit on /hallinta/sanasto:
 * read, check, save and delete; search reads them with the built-in ones through search/thesaurus.h. */
#ifndef KEHTO_MODEL_THESAURUS_H
#define KEHTO_MODEL_THESAURUS_H
#include "core/arena.h"
#include "core/util.h"
#include "db/db.h"
#include "search/thesaurus.h"

#define THES_MAX_LABELS 20       /* labels per language in one entry */
#define THES_MAX_LABEL_CHARS 100 /* characters in one label */
#define THES_MAX_NOTE_CHARS 200

/* One own entry as stored: label[THES_FI…THES_EN] one label per line, as staff typed them (search lowercases). */
typedef struct thes_entry {
  long long id;
  char *label[3];
  char *note, *updated_by, *updated_at;
} thes_entry;

/* Every own entry, oldest first. Returns an array in arena a (never NULL) and its length in *n; *n is -1 when the
 * database fails (logged). */
thes_entry *thes_entry_all(db *d, arena *a, int *n);
/* The entry id, in arena a, or NULL when there is none. */
thes_entry *thes_entry_get(db *d, arena *a, long long id);
/* Checks x as the form gives it: at least one Finnish label, at least two labels in all, at most THES_MAX_LABELS
 * labels per language and THES_MAX_LABEL_CHARS characters per label, a note of at most THES_MAX_NOTE_CHARS. Adds one
 * error per bad field to e (fields "fi", "sv", "en", "note"; Finnish msgids). Returns K_OK or K_ERR. */
int thes_entry_check(const thes_entry *x, kerr *e);
/* Checks and saves x (x->id 0: a new entry) with its labels trimmed, one per line, and writes the audit log as by.
 * Returns the entry's id, or 0 with e set (the fields' errors, or a storage error); nothing is saved then. */
long long thes_entry_save(db *d, const thes_entry *x, const char *by, kerr *e);
/* Deletes entry id and writes the audit log as by. Returns K_OK, or K_ERR with e set (no such entry, storage). */
int thes_entry_delete(db *d, long long id, const char *by, kerr *e);
/* 1 when q (already lowercased; "" matches everything) is in text, compared in lower case. */
int thes_text_has(const char *text, const char *q);

#endif
