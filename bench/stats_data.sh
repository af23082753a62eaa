#!/bin/sh
# stats_data.sh DB [PEOPLE] [PER_PERSON]: fills an initialised Kehto database (kehto init + kehto demo) with a
# national-scale participation data set for the statistics benchmark: 3,000 more organisations, 14 service
# offerings, 100,000 deliveries in 2015–2020, PEOPLE people (default 1,000,000) with PER_PERSON participations each
# (default 5, so 5,000,000), ESF start records for half of them. Plain SQL through the sqlite3 shell.
set -eu
DB=$1
N=${2:-1000000}
K=${3:-5}
sqlite3 -bail "$DB" <<SQL
PRAGMA journal_mode=WAL;
PRAGMA synchronous=OFF;
BEGIN;
INSERT INTO funding_period(name, start_year, end_year) SELECT 'Kausi 1', 2015, 2017
  WHERE NOT EXISTS (SELECT 1 FROM funding_period);
INSERT INTO funding_period(name, start_year, end_year) SELECT 'Kausi 2', 2018, 2020
  WHERE (SELECT count(*) FROM funding_period) = 1;
WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < 3000)
INSERT INTO org(name, type, municipality_code)
  SELECT 'Bench org ' || n, CASE n % 5 WHEN 0 THEN 'kunta' WHEN 1 THEN 'kuntayhtyma' WHEN 2 THEN 'yhtio'
         WHEN 3 THEN 'hyvinvointialue' ELSE 'muu' END,
         m.code FROM i JOIN (SELECT code, row_number() OVER (ORDER BY code) - 1 AS k FROM municipality) m
         ON m.k = (i.n * 7) % 309;
INSERT INTO service(type_code, name, period_id, counts)
  SELECT t.code, t.name_fi || ' ' || p.name, p.id, t.counts FROM service_type t, funding_period p;
WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < 100000)
INSERT INTO delivery(service_id, starts_on, ends_on)
  SELECT s.id, d, d FROM (SELECT n, date('2015-01-01', '+' || ((n * 37) % 2190) || ' days') AS d FROM i) x
  JOIN service s ON s.id = 1 + (x.n % (SELECT count(*) FROM service));
UPDATE delivery SET service_id = (SELECT s2.id FROM service s1 JOIN service s2 ON s2.type_code = s1.type_code
  JOIN funding_period p ON p.id = s2.period_id
  WHERE s1.id = delivery.service_id AND CAST(substr(delivery.starts_on,1,4) AS INTEGER) BETWEEN p.start_year AND p.end_year);
INSERT INTO delivery_org(delivery_id, org_id) SELECT id, 1 + (id * 7919) % (SELECT max(id) FROM org) FROM delivery;
WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < $N)
INSERT INTO person(email, name, org_id, sector_code)
  SELECT 'p' || n || '@bench.example', 'Person ' || n, 1 + (n * 31) % (SELECT max(id) FROM org),
         CASE n % 8 WHEN 0 THEN NULL WHEN 1 THEN 'sote' WHEN 2 THEN 'opetus' WHEN 3 THEN 'tekninen'
         WHEN 4 THEN 'elinkeino' WHEN 5 THEN 'kulttuuri' WHEN 6 THEN 'ruoka' ELSE 'koko' END FROM i;
WITH RECURSIVE k(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM k WHERE j < $K - 1)
INSERT INTO participation(person_id, delivery_id, role)
  SELECT p.id, 1 + (p.id * 7 + k.j * 4729) % 100000,
         CASE (p.id + k.j) % 10 WHEN 0 THEN 'johto' WHEN 1 THEN 'esihenkilo' WHEN 2 THEN 'edustaja' ELSE 'tyontekija' END
  FROM person p, k WHERE p.email LIKE '%@bench.example';
INSERT INTO esf_start(person_id, period_id, entry_date, age_at_entry, gender, labour, education)
  SELECT id, 1 + (id / 2) % 2, '2016-01-01', CASE WHEN id % 13 = 0 THEN NULL ELSE 18 + id % 50 END,
         CASE id % 4 WHEN 0 THEN 'nainen' WHEN 1 THEN 'mies' WHEN 2 THEN 'muu' ELSE 'eos' END,
         CASE id % 4 WHEN 0 THEN 'tyollinen' WHEN 1 THEN 'tyoton' WHEN 2 THEN 'ulkopuolella' ELSE 'eos' END,
         CASE id % 4 WHEN 0 THEN 'isced12' WHEN 1 THEN 'isced34' WHEN 2 THEN 'isced58' ELSE 'eos' END
  FROM person WHERE email LIKE '%@bench.example' AND id % 2 = 0;
COMMIT;
SQL
