/* people_fixture: funding periods, organisations, services, deliveries and sessions for the people tests
 * (inserted with SQL: the delivery model is built elsewhere). */
#ifndef KEHTO_TEST_PEOPLE_FIXTURE_H
#define KEHTO_TEST_PEOPLE_FIXTURE_H
#include "db/db.h"
#include "fixture.h"
#include "people_sql.h"

/* Delivery 1 'SP-1' (sparraus, counts participants, 2019, sessions 1–2), delivery 2 'WB-1' (webinar, attendees,
 * 2019, session 1), delivery 3 'SP-2' (sparraus, 2016, session 1). Orgs 1 Oulun kaupunki (0187690-1), 2 Testi Oy. */
static int people_setup(void **state) {
  fixture_db_setup(state);
  db *d = *state;
  int rc = db_script(d, PEOPLE_FIXTURE_SQL);
  assert_int_equal(rc, DB_OK);
  return 0;
}

#define PEOPLE_TEST(f) cmocka_unit_test_setup_teardown(f, people_setup, fixture_db_teardown)

#endif
