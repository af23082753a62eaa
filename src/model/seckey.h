/* seckey: the master key of the secret file (`--secret-file`), which lives outside the database: the series'
 * pairing keys are kept in the database encrypted under it, and the invitation links are HMACs under it. Every
 * server of one installation is given the same file. */
#ifndef KEHTO_SECKEY_H
#define KEHTO_SECKEY_H
#include <stddef.h>

#include "core/util.h"

#define SECKEY_LEN 32

/* The secret file's path: given (--secret-file) when not NULL, else $KEHTO_SECRET_FILE, else the SQLite database
 * file's path + ".secret", else (a PostgreSQL address) "kehto.secret" in the working directory. Into out (n bytes). */
void seckey_path(const char *given, const char *db_path, char *out, size_t n);

/* Reads the 32-byte master key from path into key; when the file does not exist, creates it (O_CREAT|O_EXCL, mode
 * 0600 whatever the umask) with 32 random bytes. An existing file that is not 32 bytes long, or that the group or
 * others may read, write or run, is an error naming the path. Returns K_OK, or K_ERR with e set (in English, for the
 * operator). */
int seckey_load(const char *path, unsigned char key[SECKEY_LEN], kerr *e);

/* The server's master key. `kehto serve` calls seckey_serve once before the first request: it remembers path and,
 * when the file exists, reads and checks it at once (K_ERR with e set on a bad file, so the server does not start);
 * a missing file is created on first use, so a server that never invites or takes an answer makes none. */
int seckey_serve(const char *path, kerr *e);
/* The server's master key (read, or created, on the first call after seckey_serve; kept in locked memory), or NULL
 * with e set (in English) when the file cannot be read or made, or seckey_serve was never called. Thread-safe. */
const unsigned char *seckey_get(kerr *e);

#endif
