/* seckey: the master key in the secret file: read, or created 0600 on first use. */
#include "model/seckey.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
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

static pthread_mutex_t server_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned char *server_key; /* once read: never changes, so readers after that need no lock */
static char *server_path;

/* Reads (or creates) the server's key into locked memory. Call with server_lock held. */
static int server_load(kerr *e) {
  unsigned char key[SECKEY_LEN];
  if (seckey_load(server_path, key, e) != K_OK) return K_ERR;
  unsigned char *k = sodium_malloc(SECKEY_LEN);
  if (!k) {
    sodium_memzero(key, sizeof key);
    return kerr_set(e, NULL, "no memory for the secret key");
  }
  memcpy(k, key, SECKEY_LEN);
  sodium_memzero(key, sizeof key);
  __atomic_store_n(&server_key, k, __ATOMIC_RELEASE);
  return K_OK;
}

int seckey_serve(const char *path, kerr *e) {
  pthread_mutex_lock(&server_lock);
  free(server_path);
  server_path = util_strdup(path);
  int rc = access(path, F_OK) == 0 ? server_load(e) : K_OK;
  pthread_mutex_unlock(&server_lock);
  return rc;
}

const unsigned char *seckey_get(kerr *e) {
  unsigned char *k = __atomic_load_n(&server_key, __ATOMIC_ACQUIRE);
  if (k) return k;
  pthread_mutex_lock(&server_lock);
  if (!server_key) {
    if (!server_path)
      kerr_set(e, NULL, "no secret file was given to the server");
    else
      server_load(e);
  }
  k = server_key;
  pthread_mutex_unlock(&server_lock);
  return k;
}
