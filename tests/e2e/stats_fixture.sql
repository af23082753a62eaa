-- stats_fixture.sql: a small participation data set for the statistics tests (after kehto init, which loads
-- regions and municipalities). Period 1 is 2015–2017, period 2 2018–2020.
-- Organisations: 1 Testikunta (kunta, Helsinki/Uusimaa), 2 "=Kaava <b>Oy</b>" (yhtio, Tampere/Pirkanmaa), 3 Muu
-- (no municipality). Deliveries: 1 sparraus 2016 (participants), 2 webinaari 2016 (attendees), 3 työpaja 2019.
-- People 1–12 in org 1, 13–15 in org 2 (3 people: small cells), 16 without organisation.
INSERT INTO funding_period(id, name, start_year, end_year) VALUES (1, 'Kausi A', 2015, 2017), (2, 'Kausi B', 2018, 2020);
INSERT INTO org(id, name, type, municipality_code) VALUES (1, 'Testikunta', 'kunta', '091'),
  (2, '=Kaava <b>Oy</b>', 'yhtio', '837'), (3, 'Muu yhdistys', 'muu', NULL);
INSERT INTO service(id, type_code, name, period_id, counts) VALUES (1, 'sparraus', 'Sparraus A', 1, 'participant'),
  (2, 'webinaari', 'Webinaari A', 1, 'attendee'), (3, 'tyopaja', 'Työpaja B', 2, 'participant');
INSERT INTO delivery(id, service_id, starts_on, ends_on) VALUES (1, 1, '2016-03-01', '2016-03-02'),
  (2, 2, '2016-05-01', '2016-05-01'), (3, 3, '2019-02-01', '2019-02-01');
INSERT INTO delivery_org VALUES (1, 1), (3, 3);
WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < 16)
INSERT INTO person(id, email, name, org_id, sector_code)
  SELECT n, 'p' || n || '@example.fi', 'Henkilö ' || n, CASE WHEN n <= 12 THEN 1 WHEN n <= 15 THEN 2 ELSE NULL END,
         CASE WHEN n <= 10 THEN 'sote' ELSE 'opetus' END FROM i;
-- sparraus 2016: people 1–8 (1 johto, 1 esihenkilo, 6 tyontekija) with ESF start records in period 1
INSERT INTO participation(person_id, delivery_id, role) SELECT id, 1,
  CASE id WHEN 1 THEN 'johto' WHEN 2 THEN 'esihenkilo' ELSE 'tyontekija' END FROM person WHERE id <= 8;
INSERT INTO esf_start(person_id, period_id, entry_date, age_at_entry, gender, labour, education)
  SELECT id, 1, '2016-03-01', CASE WHEN id = 1 THEN 20 WHEN id = 2 THEN 60 WHEN id = 3 THEN NULL ELSE 40 END,
         CASE WHEN id <= 5 THEN 'nainen' WHEN id <= 7 THEN 'mies' ELSE 'eos' END,
         CASE WHEN id <= 6 THEN 'tyollinen' ELSE 'eos' END, CASE WHEN id <= 4 THEN 'isced58' ELSE 'isced34' END
  FROM person WHERE id <= 8;
-- webinaari 2016: people 5–15 (5–8 are ESF participants in period 1, so 9–15 are attendees)
INSERT INTO participation(person_id, delivery_id, role) SELECT id, 2, 'tyontekija' FROM person WHERE id BETWEEN 5 AND 15;
-- työpaja 2019: people 1–3 and 16, start records in period 2
INSERT INTO participation(person_id, delivery_id, role) SELECT id, 3, 'edustaja' FROM person WHERE id IN (1, 2, 3, 16);
INSERT INTO esf_start(person_id, period_id, entry_date, age_at_entry, gender, labour, education)
  SELECT id, 2, '2019-02-01', 45, 'mies', 'tyoton', 'isced12' FROM person WHERE id IN (1, 2, 3, 16);
