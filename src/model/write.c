/* write: savepoints for the changes of one entity (deeds, services, coaches, deliveries). */
#include "model/write.h"

int write_begin(db *d, const char *what, kerr *e) {
  return db_savepoint(d, "model_write") == DB_OK ? K_OK : kerr_storage(e, what, db_errmsg(d));
}

int write_end(db *d, int rc, const char *what, kerr *e) {
  if (rc == K_OK && db_release(d, "model_write") == DB_OK) return K_OK;
  if (e && !e->msg) kerr_storage(e, what, db_errmsg(d));
  db_rollback_to(d, "model_write");
  return K_ERR;
}
