/* seckey: the master key in the secret file: read, or created 0600 on first use. */
#include "model/seckey.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db/db.h"

void seckey_path(const char *given, const char *db_path, char *out, size_t n) {
  const char *env = getenv("KEHTO_SECRET_FILE");
  if (given && *given)
    snprintf(out, n, "%s", given);
  else if (env && *env)
    snprintf(out, n, "%s", env);
  else if (db_path && !db_is_address(db_path))
    snprintf(out, n, "%s.secret", db_path);
  else
    snprintf(out, n, "kehto.secret");
}

/* Writes 32 new random bytes to a new file at path (mode 0600: fchmod after creating, so the umask changes
 * nothing). Returns K_OK; K_ERR with e set; 1 when the file appeared meanwhile (another process made it). */
static int create_key(const char *path, kerr *e) {
  int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST) return 1;
    return kerr_set(e, NULL, "cannot create the secret file %r: %r", path, strerror(errno));
  }
  unsigned char key[SECKEY_LEN];
  randombytes_buf(key, sizeof key);
  int ok = fchmod(fd, 0600) == 0 && write(fd, key, sizeof key) == (ssize_t)sizeof key && fsync(fd) == 0;
  int err = errno;
  sodium_memzero(key, sizeof key);
  if (close(fd) != 0) ok = 0;
  if (!ok) {
    unlink(path);
    return kerr_set(e, NULL, "cannot write the secret file %r: %r", path, strerror(err));
  }
  return K_OK;
}

int seckey_load(const char *path, unsigned char key[SECKEY_LEN], kerr *e) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0 && errno == ENOENT) {
    int rc = create_key(path, e);
    if (rc == K_ERR) return K_ERR;
    fd = open(path, O_RDONLY | O_CLOEXEC);
  }
  if (fd < 0) return kerr_set(e, NULL, "cannot read the secret file %r: %r", path, strerror(errno));
  struct stat st;
  int rc = K_OK;
  if (fstat(fd, &st) != 0)
    rc = kerr_set(e, NULL, "cannot read the secret file %r: %r", path, strerror(errno));
  else if (!S_ISREG(st.st_mode))
    rc = kerr_set(e, NULL, "the secret file %r is not a regular file", path);
  else if (st.st_mode & 077) {
    char mode[8];
    snprintf(mode, sizeof mode, "%03o", (unsigned)(st.st_mode & 0777));
    rc = kerr_set(e, NULL,
                  "the secret file %r may be read or changed by others (mode %r): it must be 0600 (chmod 600 %r)", path,
                  mode, path);
  } else if (st.st_size != SECKEY_LEN)
    rc = kerr_set(e, NULL, "the secret file %r is %lld bytes long, not %d: it is not a Kehto secret file", path,
                  (long long)st.st_size, SECKEY_LEN);
  else if (read(fd, key, SECKEY_LEN) != SECKEY_LEN)
    rc = kerr_set(e, NULL, "cannot read the secret file %r", path);
  close(fd);
  if (rc != K_OK) sodium_memzero(key, SECKEY_LEN);
  return rc;
}

static unsigned char *server_key;

void seckey_set(const unsigned char key[SECKEY_LEN]) {
  if (!server_key) {
    server_key = sodium_malloc(SECKEY_LEN);
    if (!server_key) {
      log_error("seckey: no memory for the key");
      abort();
    }
  }
  memcpy(server_key, key, SECKEY_LEN);
}

const unsigned char *seckey_get(void) {
  return server_key;
}
