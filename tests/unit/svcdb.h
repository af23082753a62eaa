/* svcdb: unit-test database for the service models: in memory, reference data, two funding periods. */
#ifndef KEHTO_SVCDB_H
#define KEHTO_SVCDB_H
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "db/db.h"
#include "memdb.h"
#include "search/search.h"
#include "model/refdata.h"

static int svcdb_setup(void **state) {
  kerr e = {0};
  db *d = memdb_open(&e);
  if (!d) fail_msg("db_open: %s", e.msg);
  if (refdata_load(d, &e) != K_OK) fail_msg("refdata_load: %s", e.msg);
  assert_int_equal(db_exec(d,
                           "INSERT INTO funding_period(id,name,start_year,end_year) VALUES"
                           " (1,'1. kausi',2015,2017),(2,'2. kausi',2018,2020)",
                           ""),
                   DB_OK);
  *state = d;
  return 0;
}

static int svcdb_teardown(void **state) {
  db_close(*state);
  return 0;
}

/* Returns 1 when some error in the chain is about field. */
static int svcdb_has_field(const kerr *e, const char *field) {
  for (; e && e->msg; e = e->next)
    if (e->field && !strcmp(e->field, field)) return 1;
  return 0;
}

#endif
