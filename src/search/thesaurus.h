/* thesaurus: groups of words that mean the same in Finnish, Swedish and English: the built-in file
 * data/sanasto.tsv and the programme's own entries (table thesaurus), for search's query expansion. */
#ifndef KEHTO_THESAURUS_H
#define KEHTO_THESAURUS_H
#include "core/arena.h"
#include "core/util.h"
#include "db/db.h"

#define THES_FI 0
#define THES_SV 1
#define THES_EN 2
#define THES_NLANG 3

typedef struct thes_group {
  long long id;    /* thesaurus.id for the programme's own; 0 for a built-in group */
  int line;        /* built-in: its line in data/sanasto.tsv; 0 for own */
  char **label[3]; /* per language: labels lowercased and trimmed, NULL-terminated array (never NULL itself) */
  int nlabel[3];
  char *note;
  int derivation; /* 1 when the note starts with "johdos": search weighs the group lower */
  int related;    /* 1 when the note starts with "liittyvä": related terms, weighed lower still */
} thes_group;

/* The built-in groups, parsed from the embedded data/sanasto.tsv, into arena a. Returns the count; *out gets
 * the array. A malformed line is skipped and logged once (a unit test asserts the shipped file has none). */
int thes_builtin(arena *a, thes_group **out);

/* The programme's own groups (table thesaurus), then the built-in ones, in arena a. Returns the count, or -1
 * with e set when the database fails. An own row without a Finnish label or with fewer than two labels in all (the
 * page refuses those; SQL could write one) is left out, so every group has label[THES_FI][0], its preferred term. */
int thes_load(db *d, arena *a, thes_group **out, kerr *e);

/* A hash of the programme's own groups (table thesaurus) into *out, to tell whether they changed since thes_load:
 * 0, or -1 with e set when the database fails. */
int thes_fingerprint(db *d, unsigned *out, kerr *e);

/* Splits one stored label column (labels one per line, or |-separated) into lowercased trimmed labels. */
int thes_split(arena *a, const char *text, char ***out);

/* Parses thesaurus text in the format of data/sanasto.tsv (name is used in messages) into arena a: *out gets the
 * groups of the good lines, the count is returned. Each malformed line is skipped; *bad (when not NULL) gets how
 * many there were and *first_bad (when not NULL) the first one's line number (0 when none). Nothing is logged:
 * thes_builtin logs. */
int thes_parse(arena *a, const char *text, size_t len, thes_group **out, int *bad, int *first_bad);

#endif
