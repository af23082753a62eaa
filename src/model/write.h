/* write: a savepoint around the rows of one change (an entity and its links), all or nothing, inside a caller's
 * transaction or on its own. */
#ifndef KEHTO_WRITE_H
#define KEHTO_WRITE_H
#include "db/db.h"

/* Opens the savepoint. Returns K_OK, or K_ERR with e set ("<what> epäonnistui…"). */
int write_begin(db *d, const char *what, kerr *e);
/* Releases the savepoint when rc is K_OK, else rolls it back. Returns K_OK, or K_ERR with e set (a message already
 * in e is kept; otherwise a storage message naming what). */
int write_end(db *d, int rc, const char *what, kerr *e);

#endif
