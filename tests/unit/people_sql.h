/* people_sql: the SQL of the people fixture (funding periods, organisations, services, deliveries and sessions),
 * shared by the unit tests (people_fixture.h) and the import fuzz harnesses (tests/fuzz/import_fixture.h).
 * Delivery 1 'SP-1' (sparraus, counts participants, 2019, sessions 1–2), delivery 2 'WB-1' (webinar, attendees,
 * 2019, session 1), delivery 3 'SP-2' (sparraus, 2016, session 1). Orgs 1 Oulun kaupunki (0187690-1), 2 Testi Oy. */
#ifndef KEHTO_TEST_PEOPLE_SQL_H
#define KEHTO_TEST_PEOPLE_SQL_H
#define PEOPLE_FIXTURE_SQL                                                                                             \
  "INSERT INTO funding_period(id,name,start_year,end_year) VALUES(1,'2015–2017',2015,2017),"                         \
  "(2,'2018–2020',2018,2020);"                                                                                       \
  "INSERT INTO org(id,name,type,ytunnus) VALUES(1,'Oulun kaupunki','kunta','0187690-1'),"                              \
  "(2,'Testi Oy','yhtio',NULL);"                                                                                       \
  "INSERT INTO service(id,type_code,name,period_id,counts) VALUES(1,'sparraus','Sparraus A',2,'participant'),"         \
  "(2,'webinaari','Webinaari B',2,'attendee'),(3,'sparraus','Sparraus C',1,'participant');"                            \
  "INSERT INTO delivery(id,ref,service_id,starts_on,ends_on) VALUES(1,'SP-1',1,'2019-03-01','2019-03-10'),"            \
  "(2,'WB-1',2,'2019-04-01','2019-04-01'),(3,'SP-2',3,'2016-05-01','2016-05-02');"                                     \
  "INSERT INTO delivery_session(delivery_id,number,held_on) VALUES(1,1,'2019-03-01'),(1,2,'2019-03-10'),"              \
  "(2,1,'2019-04-01'),(3,1,'2016-05-01');"
#endif
