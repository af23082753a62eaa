/* import_fixture: shared by the import harnesses: an in-memory database made once, with reference data and the
 * deliveries, sessions and organisations the seed corpora name, and one dry-run import per input. */
#ifndef KEHTO_FUZZ_IMPORT_FIXTURE_H
#define KEHTO_FUZZ_IMPORT_FIXTURE_H
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db.h"
#include "search/search.h"
#include "import/import.h"
#include "model/refdata.h"
#include "../unit/people_sql.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* A broken invariant: reported as a crash, so that libFuzzer keeps the input. */
#define IMPORT_CHECK(cond)                                                                                             \
  do {                                                                                                                 \
    if (!(cond)) {                                                                                                     \
      fprintf(stderr, "fuzz import: check failed: %s (line %d)\n", #cond, __LINE__);                                   \
      abort();                                                                                                         \
    }                                                                                                                  \
  } while (0)

static db *fuzz_db;

/* Delivery 1 'SP-1' (counts participants, 2019, sessions 1–2) with participant anna@example.fi, 2 'WB-1' (attendees,
 * 2019, session 1), 3 'SP-2' (2016, session 1); organisations Oulun kaupunki (0187690-1) and Testi Oy. */
static int import_fixture_init(void) {
  kerr e = {0};
  fuzz_db = db_open(":memory:", 1, search_attach, &e);
  if (!fuzz_db || refdata_load(fuzz_db, &e) != K_OK) {
    fprintf(stderr, "fuzz import: %s\n", e.msg ? e.msg : "cannot open the database");
    exit(1);
  }
  int rc = db_script(fuzz_db, PEOPLE_FIXTURE_SQL);
  const char *people = "delivery,email,name,organisation,role,entry_date,birth_date,gender,labour_status,education\n"
                       "SP-1,anna@example.fi,Anna,Oulun kaupunki,johto,1.3.2019,1.1.1980,nainen,tyollinen,isced58\n"
                       "WB-1,anna@example.fi,,,tyontekija,,,,,\n";
  if (rc != DB_OK ||
      import_participants_mem(fuzz_db, people, strlen(people), "fixture.csv", "fuzz", 0, NULL, &e) != K_OK) {
    fprintf(stderr, "fuzz import: fixture: %s\n", e.msg ? e.msg : db_errmsg(fuzz_db));
    exit(1);
  }
  return 0;
}

/* Counts of what an import writes, to see that a dry run keeps none of it. */
static long long import_fixture_rows(void) {
  return db_int(fuzz_db, -1,
                "SELECT (SELECT count(*) FROM deed)+(SELECT count(*) FROM person)+(SELECT count(*) FROM participation)"
                "+(SELECT count(*) FROM esf_start)+(SELECT count(*) FROM attendance)+(SELECT count(*) FROM audit)",
                "");
}

/* One dry-run import of the input as kind: an error is a message of bounded length, success counts rows, and the
 * database is as it was. */
/* A bad row as the upload page gets it: a row number and a message; the column is NULL for a whole row's problem. */
static void import_fixture_problem(void *ctx, long row, const char *column, const char *what) {
  IMPORT_CHECK(row >= 1 && (!column || *column) && what && *what);
  ++*(int *)ctx;
}

static int import_fixture_run(const char *kind, const uint8_t *data, size_t size) {
  long long before = import_fixture_rows();
  kerr e = {0};
  import_stats st;
  int problems = 0;
  int rc = import_check_mem(fuzz_db, kind, (const char *)data, size, "fuzz.csv", import_fixture_problem, &problems,
                            &st, &e);
  IMPORT_CHECK(problems <= IMPORT_MAX_ROW_ERRORS);
  IMPORT_CHECK(rc == K_ERR || problems == 0);
  IMPORT_CHECK(rc == K_OK || rc == K_ERR);
  IMPORT_CHECK((rc == K_OK) == (e.msg == NULL));
  IMPORT_CHECK(rc != K_OK || st.rows > 0);
  IMPORT_CHECK(st.imported == 0);
  IMPORT_CHECK(!e.msg || strlen(e.msg) <= 22 * 2048); /* 20 row errors at most, then a reader error or a count */
  IMPORT_CHECK(import_fixture_rows() == before);
  kerr_clear(&e);
  return 0;
}

#endif
