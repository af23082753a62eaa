/* schema: the whole database schema in one place, as an ordered list of migrations keyed by PRAGMA user_version. */
#include <assert.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/buf.h"
#include "db/schema.h"

/* Dialects. The migrations below are SQLite's. A second engine (PostgreSQL, issue #7) gets a file of its own beside
 * this one (schema_pg.c) with the same numbered steps, each creating the same tables, columns, constraints and
 * indexes in its own SQL, so that SQL in the models runs on either. What is SQLite's own here, and what stands for it
 * in another dialect:
 *   - deed_fts (1): an FTS5 virtual table with search's tokenizer "kehto" (search/fts.c): search's own index, kept
 *     in step by deed_index; another engine keeps it its own way behind search/search.h.
 *   - INTEGER PRIMARY KEY (rowid ids), AUTOINCREMENT (person.id, never reused), WITHOUT ROWID link tables,
 *     COLLATE NOCASE (emails, names), TEXT timestamps with strftime('%Y-%m-%dT%H:%M:%SZ','now') column DEFAULTs
 *     (models bind db_now() when they set one), lower(hex(randomblob(16))) (5), and the triggers of 4 and 5 (dropped
 *     by 7: the write path bumps the change counters, see watched[] below).
 *   - the schema version in PRAGMA user_version (db_migrate below).
 * Everything else (tables, keys, CHECKs, ON CONFLICT upserts, string_agg) is meant to read the same in both. */

/* A migration that only rebuilds the full-text index, because the tokenizer changed (search/morph.c). Of several in a
 * row, db_migrate runs the last only: each rebuild reads every deed, and the index the last makes is the same. */
#define REINDEX                                                                                                        \
  "INSERT INTO deed_fts(deed_fts) VALUES('rebuild');\n"                                                               \
  "UPDATE search_generation SET n = n + 1;\n"

/* Each entry moves the schema from version i to i+1. Never edit a released entry: add a new one. */
static const char *const migrations[] = {
    /* 1: reference data, organisations, programme frame, accounts, deeds and their search index */
    "CREATE TABLE region(\n"
    "  code TEXT PRIMARY KEY,            -- NUTS3 code, e.g. FI1B1\n"
    "  number TEXT NOT NULL UNIQUE,      -- Statistics Finland maakunta code, e.g. 01\n"
    "  name_fi TEXT NOT NULL, name_sv TEXT NOT NULL);\n"
    "CREATE TABLE municipality(\n"
    "  code TEXT PRIMARY KEY,            -- Statistics Finland code, three digits\n"
    "  name_fi TEXT NOT NULL, name_sv TEXT NOT NULL,\n"
    "  region_code TEXT NOT NULL REFERENCES region(code),\n"
    "  lang_ratio INTEGER NOT NULL);     -- Posti: 1 Finnish, 2 bilingual Finnish majority, 3 bilingual Swedish "
    "majority, 4 Swedish\n"
    "CREATE INDEX municipality_name_fi ON municipality(name_fi COLLATE NOCASE);\n"
    "CREATE TABLE org(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  name TEXT NOT NULL,\n"
    "  type TEXT NOT NULL CHECK(type IN ('kunta','kuntayhtyma','yhtio','hyvinvointialue','muu')),\n"
    "  municipality_code TEXT REFERENCES municipality(code),\n"
    "  ytunnus TEXT UNIQUE,\n"
    "  contact_name TEXT, contact_email TEXT,\n"
    "  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),\n"
    "  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));\n"
    "CREATE INDEX org_name ON org(name COLLATE NOCASE);\n"
    "CREATE TABLE programme(\n"
    "  id INTEGER PRIMARY KEY CHECK(id = 1),\n"
    "  name TEXT NOT NULL, short_name TEXT NOT NULL, description TEXT NOT NULL DEFAULT '',\n"
    "  demo INTEGER NOT NULL DEFAULT 0);\n"
    "CREATE TABLE funding_period(\n"
    "  id INTEGER PRIMARY KEY, name TEXT NOT NULL, start_year INTEGER NOT NULL, end_year INTEGER NOT NULL,\n"
    "  esf_code TEXT NOT NULL DEFAULT '', CHECK(end_year >= start_year));\n"
    "CREATE TABLE goal(id INTEGER PRIMARY KEY, position INTEGER NOT NULL, text TEXT NOT NULL);\n"
    "CREATE TABLE partner(\n"
    "  id INTEGER PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL CHECK(kind IN ('partner','funder')),\n"
    "  url TEXT NOT NULL DEFAULT '', position INTEGER NOT NULL DEFAULT 0);\n"
    "CREATE TABLE user(\n"
    "  id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE COLLATE NOCASE, name TEXT NOT NULL DEFAULT '',\n"
    "  password_hash TEXT NOT NULL,\n"
    "  role TEXT NOT NULL CHECK(role IN ('admin','staff','contact')),\n"
    "  org_id INTEGER REFERENCES org(id),\n"
    "  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));\n"
    "CREATE TABLE session(\n"
    "  token_hash TEXT PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,\n"
    "  csrf TEXT NOT NULL, expires_at INTEGER NOT NULL);\n"
    "CREATE TABLE login_failure(key TEXT NOT NULL, at INTEGER NOT NULL);\n"
    "CREATE INDEX login_failure_key ON login_failure(key, at);\n"
    "CREATE TABLE sector(code TEXT PRIMARY KEY, position INTEGER NOT NULL,\n"
    "  name_fi TEXT NOT NULL, name_sv TEXT NOT NULL, name_en TEXT NOT NULL);\n"
    "INSERT INTO sector VALUES\n"
    " ('sote',1,'Sosiaali- ja terveysala','Social- och hälsovård','Social and health care'),\n"
    " ('opetus',2,'Opetus- ja kasvatusala','Undervisning och fostran','Education and early childhood'),\n"
    " ('tekninen',3,'Tekninen toimi','Tekniska sektorn','Technical services'),\n"
    " ('elinkeino',4,'Elinkeino- ja yrityspalvelut','Närings- och företagstjänster','Business services'),\n"
    " ('kulttuuri',5,'Kulttuuri- ja vapaa-aikapalvelut','Kultur- och fritidstjänster','Culture and leisure'),\n"
    " ('ruoka',6,'Ruoka- ja siivouspalvelut','Kost- och städtjänster','Catering and cleaning'),\n"
    " ('koko',7,'Koko kunta','Hela kommunen','Whole municipality');\n"
    "CREATE TABLE deed(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  ref TEXT UNIQUE,\n"
    "  title TEXT NOT NULL,\n"
    "  org_id INTEGER REFERENCES org(id),\n"
    "  org_name TEXT NOT NULL DEFAULT '',      -- free text when posted from outside, else the registry name\n"
    "  municipality_code TEXT REFERENCES municipality(code),\n"
    "  sector_code TEXT NOT NULL REFERENCES sector(code),\n"
    "  summary TEXT NOT NULL DEFAULT '',\n"
    "  starting_point TEXT NOT NULL DEFAULT '',\n"
    "  goal TEXT NOT NULL DEFAULT '',\n"
    "  actions TEXT NOT NULL DEFAULT '',\n"
    "  participants TEXT NOT NULL DEFAULT '',  -- comma list of: johto, esihenkilot, henkilosto, asiakkaat\n"
    "  results TEXT NOT NULL DEFAULT '',\n"
    "  service TEXT NOT NULL DEFAULT '',       -- programme service used, if any\n"
    "  year INTEGER NOT NULL CHECK(year BETWEEN 2000 AND 2100),\n"
    "  contact_name TEXT NOT NULL DEFAULT '', contact_email TEXT NOT NULL DEFAULT '',\n"
    "  status TEXT NOT NULL DEFAULT 'submitted' CHECK(status IN ('submitted','published','rejected')),\n"
    "  reject_reason TEXT NOT NULL DEFAULT '',\n"
    "  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),\n"
    "  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),\n"
    "  published_at TEXT);\n"
    "CREATE INDEX deed_status ON deed(status, published_at DESC, id DESC);\n"
    "CREATE INDEX deed_sector ON deed(sector_code);\n"
    "CREATE INDEX deed_year ON deed(year);\n"
    "CREATE INDEX deed_municipality ON deed(municipality_code);\n"
    "CREATE TABLE theme(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE);\n"
    "CREATE TABLE deed_theme(deed_id INTEGER NOT NULL REFERENCES deed(id) ON DELETE CASCADE,\n"
    "  theme_id INTEGER NOT NULL REFERENCES theme(id), PRIMARY KEY(deed_id, theme_id)) WITHOUT ROWID;\n"
    "CREATE INDEX deed_theme_theme ON deed_theme(theme_id);\n"
    "-- Published deeds only; rowid = deed.id. Kept in step by the deed model.\n"
    "CREATE VIRTUAL TABLE deed_fts USING fts5(title, body, organisation, municipality, tokenize='kehto');\n"
    "CREATE TABLE post_limit(key TEXT NOT NULL, at INTEGER NOT NULL);\n"
    "CREATE INDEX post_limit_key ON post_limit(key, at);\n",
    /* 2: the search facet index (model/search_index.c) reads sector, municipality and year of every published deed
     *    newest first; covering them spares a walk through each deed's long text (year is stored after it). */
    "DROP INDEX deed_status;\n"
    "CREATE INDEX deed_status ON deed(status, published_at DESC, id DESC, sector_code, municipality_code, year);\n",
    /* 3: services and participation (issue #3): service catalogue, coaches, applications, deliveries and their
     *    sessions, people, participations and attendance, ESF participant records, programme targets, audit log. */
    "CREATE TABLE service_type(\n"
    "  code TEXT PRIMARY KEY, position INTEGER NOT NULL,\n"
    "  name_fi TEXT NOT NULL, name_sv TEXT NOT NULL, name_en TEXT NOT NULL,\n"
    "  counts TEXT NOT NULL CHECK(counts IN ('participant','attendee')),  -- default for new offerings\n"
    "  variants TEXT NOT NULL DEFAULT '');                               -- comma list of variant codes\n"
    "INSERT INTO service_type VALUES\n"
    " ('sparraus',1,'Sparraus','Sparrning','Coaching','participant',''),\n"
    " ('valmennus',2,'Sisäisten kehittäjien valmennus','Utbildning för interna utvecklare',\n"
    "  'Training of in-house developers','participant',''),\n"
    " ('tyopaja',3,'Työpaja','Workshop','Workshop','participant','teema,toimiala,haaste'),\n"
    " ('verkosto',4,'Verkosto','Nätverk','Network','participant','tuloksellisuus,oppiminen,kehittaminen'),\n"
    " ('webinaari',5,'Webinaari','Webbinarium','Webinar','attendee',''),\n"
    " ('tilaisuus',6,'Tilaisuus','Evenemang','Event','attendee',''),\n"
    " ('tutkimus',7,'Tutkimusyhteistyö','Forskningssamarbete','Research collaboration','attendee','');\n"
    "CREATE TABLE service(                -- an offering of a service type in a funding period\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  type_code TEXT NOT NULL REFERENCES service_type(code),\n"
    "  variant TEXT NOT NULL DEFAULT '',  -- one of service_type.variants, or ''\n"
    "  name TEXT NOT NULL, description TEXT NOT NULL DEFAULT '',\n"
    "  period_id INTEGER NOT NULL REFERENCES funding_period(id),\n"
    "  capacity INTEGER CHECK(capacity IS NULL OR capacity > 0),  -- organisations (sparraus) or people\n"
    "  counts TEXT NOT NULL CHECK(counts IN ('participant','attendee')),  -- ESF participants or event attendees\n"
    "  open INTEGER NOT NULL DEFAULT 1,   -- 1: organisations may apply\n"
    "  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),\n"
    "  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));\n"
    "CREATE INDEX service_type_period ON service(type_code, period_id);\n"
    "CREATE TABLE service_theme(service_id INTEGER NOT NULL REFERENCES service(id) ON DELETE CASCADE,\n"
    "  theme_id INTEGER NOT NULL REFERENCES theme(id), PRIMARY KEY(service_id, theme_id)) WITHOUT ROWID;\n"
    "CREATE TABLE coach(                  -- a tendered coach or trainer (provider profile, public)\n"
    "  id INTEGER PRIMARY KEY, name TEXT NOT NULL, company TEXT NOT NULL DEFAULT '',\n"
    "  bio TEXT NOT NULL DEFAULT '',\n"
    "  languages TEXT NOT NULL DEFAULT 'fi',  -- comma list of fi, sv, en\n"
    "  email TEXT NOT NULL DEFAULT '',        -- for staff only, never public\n"
    "  active INTEGER NOT NULL DEFAULT 1,\n"
    "  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),\n"
    "  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));\n"
    "CREATE TABLE coach_theme(coach_id INTEGER NOT NULL REFERENCES coach(id) ON DELETE CASCADE,\n"
    "  theme_id INTEGER NOT NULL REFERENCES theme(id), PRIMARY KEY(coach_id, theme_id)) WITHOUT ROWID;\n"
    "CREATE TABLE coach_region(coach_id INTEGER NOT NULL REFERENCES coach(id) ON DELETE CASCADE,\n"
    "  region_code TEXT NOT NULL REFERENCES region(code), PRIMARY KEY(coach_id, region_code)) WITHOUT ROWID;\n"
    "CREATE TABLE application(            -- an organisation applies for a service (sparraus, training)\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  service_id INTEGER NOT NULL REFERENCES service(id),\n"
    "  org_id INTEGER NOT NULL REFERENCES org(id),\n"
    "  user_id INTEGER REFERENCES user(id),          -- the contact who applied\n"
    "  need TEXT NOT NULL,                           -- the need in the applicant's own words\n"
    "  preferred_coach_id INTEGER REFERENCES coach(id),\n"
    "  proposed_dates TEXT NOT NULL DEFAULT '',\n"
    "  n_johto INTEGER NOT NULL DEFAULT 0 CHECK(n_johto >= 0),            -- who will take part, by role\n"
    "  n_esihenkilo INTEGER NOT NULL DEFAULT 0 CHECK(n_esihenkilo >= 0),\n"
    "  n_tyontekija INTEGER NOT NULL DEFAULT 0 CHECK(n_tyontekija >= 0),\n"
    "  n_edustaja INTEGER NOT NULL DEFAULT 0 CHECK(n_edustaja >= 0),\n"
    "  status TEXT NOT NULL DEFAULT 'submitted' CHECK(status IN ('submitted','approved','rejected','cancelled')),\n"
    "  reason TEXT NOT NULL DEFAULT '',              -- why rejected or cancelled\n"
    "  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),\n"
    "  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));\n"
    "CREATE INDEX application_status ON application(status, created_at);\n"
    "CREATE INDEX application_org ON application(org_id);\n"
    "CREATE TABLE application_theme(application_id INTEGER NOT NULL REFERENCES application(id) ON DELETE CASCADE,\n"
    "  theme_id INTEGER NOT NULL REFERENCES theme(id), PRIMARY KEY(application_id, theme_id)) WITHOUT ROWID;\n"
    "CREATE TABLE application_event(      -- every status change: who and when\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  application_id INTEGER NOT NULL REFERENCES application(id) ON DELETE CASCADE,\n"
    "  status TEXT NOT NULL, reason TEXT NOT NULL DEFAULT '',\n"
    "  user_id INTEGER REFERENCES user(id), actor TEXT NOT NULL DEFAULT '',  -- user email, or 'cli'\n"
    "  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));\n"
    "CREATE INDEX application_event_app ON application_event(application_id, id);\n"
    "CREATE TABLE delivery(               -- one run of a service\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  ref TEXT UNIQUE,                   -- external id, used by the participant and attendance imports\n"
    "  service_id INTEGER NOT NULL REFERENCES service(id),\n"
    "  title TEXT NOT NULL DEFAULT '',\n"
    "  starts_on TEXT NOT NULL, ends_on TEXT NOT NULL CHECK(ends_on >= starts_on),  -- YYYY-MM-DD\n"
    "  place TEXT NOT NULL DEFAULT '', remote INTEGER NOT NULL DEFAULT 0,\n"
    "  coach_id INTEGER REFERENCES coach(id),\n"
    "  application_id INTEGER UNIQUE REFERENCES application(id),  -- the approved application it came from\n"
    "  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),\n"
    "  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));\n"
    "CREATE INDEX delivery_service ON delivery(service_id, starts_on);\n"
    "CREATE INDEX delivery_starts ON delivery(starts_on);\n"
    "CREATE TABLE delivery_org(delivery_id INTEGER NOT NULL REFERENCES delivery(id) ON DELETE CASCADE,\n"
    "  org_id INTEGER NOT NULL REFERENCES org(id), PRIMARY KEY(delivery_id, org_id)) WITHOUT ROWID;\n"
    "CREATE INDEX delivery_org_org ON delivery_org(org_id);\n"
    "CREATE TABLE delivery_session(       -- a day or meeting of a delivery ('session' is the login table)\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  delivery_id INTEGER NOT NULL REFERENCES delivery(id) ON DELETE CASCADE,\n"
    "  number INTEGER NOT NULL CHECK(number > 0), held_on TEXT NOT NULL, place TEXT NOT NULL DEFAULT '',\n"
    "  UNIQUE(delivery_id, number));\n"
    "CREATE TABLE person(                 -- kept once, found again by email\n"
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: an erased person's id stays an anonymous key\n"
    "  email TEXT UNIQUE COLLATE NOCASE,      -- NULL only once erased\n"
    "  name TEXT,                             -- NULL only once erased\n"
    "  org_id INTEGER REFERENCES org(id),     -- kept after erasure: organisation counts\n"
    "  occupation TEXT NOT NULL DEFAULT '',   -- occupation group (ammattiryhmä)\n"
    "  sector_code TEXT REFERENCES sector(code),\n"
    "  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),\n"
    "  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),\n"
    "  erased_at TEXT,\n"
    "  CHECK(erased_at IS NOT NULL OR (email IS NOT NULL AND name IS NOT NULL)));\n"
    "CREATE INDEX person_org ON person(org_id);\n"
    "CREATE TABLE participation(          -- a person in a delivery, with the role they took part in\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  person_id INTEGER NOT NULL REFERENCES person(id),\n"
    "  delivery_id INTEGER NOT NULL REFERENCES delivery(id),\n"
    "  role TEXT NOT NULL CHECK(role IN ('johto','esihenkilo','tyontekija','edustaja')),\n"
    "  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),\n"
    "  UNIQUE(person_id, delivery_id));\n"
    "CREATE INDEX participation_delivery ON participation(delivery_id, role);\n"
    "CREATE TABLE attendance(             -- present at one session\n"
    "  session_id INTEGER NOT NULL REFERENCES delivery_session(id) ON DELETE CASCADE,\n"
    "  participation_id INTEGER NOT NULL REFERENCES participation(id) ON DELETE CASCADE,\n"
    "  PRIMARY KEY(session_id, participation_id)) WITHOUT ROWID;\n"
    "CREATE INDEX attendance_participation ON attendance(participation_id);\n"
    "CREATE TABLE esf_start(              -- ESF participant record: start on entry, end on exit; once per period\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  person_id INTEGER NOT NULL REFERENCES person(id),\n"
    "  period_id INTEGER NOT NULL REFERENCES funding_period(id),\n"
    "  entry_date TEXT NOT NULL,              -- YYYY-MM-DD\n"
    "  birth_date TEXT,                       -- NULL: prefer not to say, or erased\n"
    "  age_at_entry INTEGER CHECK(age_at_entry IS NULL OR age_at_entry >= 15),  -- NULL: prefer not to say\n"
    "  gender TEXT NOT NULL CHECK(gender IN ('nainen','mies','muu','eos')),      -- eos: En halua vastata\n"
    "  labour TEXT NOT NULL CHECK(labour IN ('tyollinen','tyoton','ulkopuolella','eos')),\n"
    "  education TEXT NOT NULL CHECK(education IN ('isced12','isced34','isced58','eos')),\n"
    "  exit_date TEXT, exit_status TEXT\n"
    "    CHECK(exit_status IS NULL OR exit_status IN ('tyollinen','tyoton','koulutus','ulkopuolella','eos')),\n"
    "  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),\n"
    "  CHECK((exit_date IS NULL) = (exit_status IS NULL)),\n"
    "  UNIQUE(person_id, period_id));\n"
    "CREATE INDEX esf_start_period ON esf_start(period_id);\n"
    "CREATE TABLE target(                 -- programme targets; period_id 0 = the whole programme\n"
    "  metric TEXT NOT NULL CHECK(metric IN ('organisations','participants','attendees','participations','deeds')),\n"
    "  period_id INTEGER NOT NULL DEFAULT 0,\n"
    "  value INTEGER NOT NULL CHECK(value >= 0),\n"
    "  PRIMARY KEY(metric, period_id)) WITHOUT ROWID;\n"
    "CREATE TABLE audit(                  -- every view and change of personal data\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),\n"
    "  actor TEXT NOT NULL,                   -- user email, or 'cli'\n"
    "  action TEXT NOT NULL,                  -- view, create, update, import, export, erase\n"
    "  subject TEXT NOT NULL,                 -- e.g. person:12, delivery:3/participants, org:5/people\n"
    "  detail TEXT NOT NULL DEFAULT '');\n"
    "CREATE INDEX audit_subject ON audit(subject, id);\n",
    /* 4: a counter of changes to what deed search keeps in memory (model/search_index.c), so that writes to other
     *    tables (sessions, audit log, participation) do not make every connection rebuild it. */
    "CREATE TABLE search_generation(id INTEGER PRIMARY KEY CHECK(id = 1), n INTEGER NOT NULL);\n"
    "INSERT INTO search_generation VALUES(1, 0);\n"
    "CREATE TRIGGER deed_ins_gen AFTER INSERT ON deed BEGIN UPDATE search_generation SET n = n + 1; END;\n"
    "CREATE TRIGGER deed_upd_gen AFTER UPDATE ON deed BEGIN UPDATE search_generation SET n = n + 1; END;\n"
    "CREATE TRIGGER deed_del_gen AFTER DELETE ON deed BEGIN UPDATE search_generation SET n = n + 1; END;\n"
    "CREATE TRIGGER deed_theme_ins_gen AFTER INSERT ON deed_theme BEGIN UPDATE search_generation SET n = n + 1; END;\n"
    "CREATE TRIGGER deed_theme_del_gen AFTER DELETE ON deed_theme BEGIN UPDATE search_generation SET n = n + 1; END;\n"
    "CREATE TRIGGER theme_ins_gen AFTER INSERT ON theme BEGIN UPDATE search_generation SET n = n + 1; END;\n"
    "CREATE TRIGGER theme_upd_gen AFTER UPDATE ON theme BEGIN UPDATE search_generation SET n = n + 1; END;\n"
    "CREATE TRIGGER theme_del_gen AFTER DELETE ON theme BEGIN UPDATE search_generation SET n = n + 1; END;\n"
    "CREATE TRIGGER municipality_gen AFTER UPDATE ON municipality BEGIN UPDATE search_generation SET n = n + 1; END;\n"
    "CREATE TRIGGER municipality_ins_gen AFTER INSERT ON municipality BEGIN UPDATE search_generation SET n = n + 1; "
    "END;\n"
    "CREATE TRIGGER region_gen AFTER UPDATE ON region BEGIN UPDATE search_generation SET n = n + 1; END;\n"
    "CREATE TRIGGER region_ins_gen AFTER INSERT ON region BEGIN UPDATE search_generation SET n = n + 1; END;\n"
    "CREATE TRIGGER sector_gen AFTER UPDATE ON sector BEGIN UPDATE search_generation SET n = n + 1; END;\n",
    /* 5: a counter of changes to what the statistics read (report/report.c), with a random id of this database, so
     *    one computed set of figures can serve every connection of the process until one of those tables changes. */
    "CREATE TABLE stats_generation(id INTEGER PRIMARY KEY CHECK(id = 1), uid TEXT NOT NULL, n INTEGER NOT NULL);\n"
    "INSERT INTO stats_generation VALUES(1, lower(hex(randomblob(16))), 0);\n"
    "CREATE TRIGGER funding_period_ins_stats AFTER INSERT ON funding_period BEGIN UPDATE stats_generation SET n = n + "
    "1; END;\n"
    "CREATE TRIGGER funding_period_upd_stats AFTER UPDATE ON funding_period BEGIN UPDATE stats_generation SET n = n + "
    "1; END;\n"
    "CREATE TRIGGER funding_period_del_stats AFTER DELETE ON funding_period BEGIN UPDATE stats_generation SET n = n + "
    "1; END;\n"
    "CREATE TRIGGER service_type_ins_stats AFTER INSERT ON service_type BEGIN UPDATE stats_generation SET n = n + 1; "
    "END;\n"
    "CREATE TRIGGER service_type_upd_stats AFTER UPDATE ON service_type BEGIN UPDATE stats_generation SET n = n + 1; "
    "END;\n"
    "CREATE TRIGGER service_type_del_stats AFTER DELETE ON service_type BEGIN UPDATE stats_generation SET n = n + 1; "
    "END;\n"
    "CREATE TRIGGER service_ins_stats AFTER INSERT ON service BEGIN UPDATE stats_generation SET n = n + 1; END;\n"
    "CREATE TRIGGER service_upd_stats AFTER UPDATE ON service BEGIN UPDATE stats_generation SET n = n + 1; END;\n"
    "CREATE TRIGGER service_del_stats AFTER DELETE ON service BEGIN UPDATE stats_generation SET n = n + 1; END;\n"
    "CREATE TRIGGER delivery_ins_stats AFTER INSERT ON delivery BEGIN UPDATE stats_generation SET n = n + 1; END;\n"
    "CREATE TRIGGER delivery_upd_stats AFTER UPDATE ON delivery BEGIN UPDATE stats_generation SET n = n + 1; END;\n"
    "CREATE TRIGGER delivery_del_stats AFTER DELETE ON delivery BEGIN UPDATE stats_generation SET n = n + 1; END;\n"
    "CREATE TRIGGER delivery_org_ins_stats AFTER INSERT ON delivery_org BEGIN UPDATE stats_generation SET n = n + 1; "
    "END;\n"
    "CREATE TRIGGER delivery_org_upd_stats AFTER UPDATE ON delivery_org BEGIN UPDATE stats_generation SET n = n + 1; "
    "END;\n"
    "CREATE TRIGGER delivery_org_del_stats AFTER DELETE ON delivery_org BEGIN UPDATE stats_generation SET n = n + 1; "
    "END;\n"
    "CREATE TRIGGER org_ins_stats AFTER INSERT ON org BEGIN UPDATE stats_generation SET n = n + 1; END;\n"
    "CREATE TRIGGER org_upd_stats AFTER UPDATE ON org BEGIN UPDATE stats_generation SET n = n + 1; END;\n"
    "CREATE TRIGGER org_del_stats AFTER DELETE ON org BEGIN UPDATE stats_generation SET n = n + 1; END;\n"
    "CREATE TRIGGER municipality_ins_stats AFTER INSERT ON municipality BEGIN UPDATE stats_generation SET n = n + 1; "
    "END;\n"
    "CREATE TRIGGER municipality_upd_stats AFTER UPDATE ON municipality BEGIN UPDATE stats_generation SET n = n + 1; "
    "END;\n"
    "CREATE TRIGGER municipality_del_stats AFTER DELETE ON municipality BEGIN UPDATE stats_generation SET n = n + 1; "
    "END;\n"
    "CREATE TRIGGER region_ins_stats AFTER INSERT ON region BEGIN UPDATE stats_generation SET n = n + 1; END;\n"
    "CREATE TRIGGER region_upd_stats AFTER UPDATE ON region BEGIN UPDATE stats_generation SET n = n + 1; END;\n"
    "CREATE TRIGGER region_del_stats AFTER DELETE ON region BEGIN UPDATE stats_generation SET n = n + 1; END;\n"
    "CREATE TRIGGER sector_ins_stats AFTER INSERT ON sector BEGIN UPDATE stats_generation SET n = n + 1; END;\n"
    "CREATE TRIGGER sector_upd_stats AFTER UPDATE ON sector BEGIN UPDATE stats_generation SET n = n + 1; END;\n"
    "CREATE TRIGGER sector_del_stats AFTER DELETE ON sector BEGIN UPDATE stats_generation SET n = n + 1; END;\n"
    "CREATE TRIGGER person_ins_stats AFTER INSERT ON person BEGIN UPDATE stats_generation SET n = n + 1; END;\n"
    "CREATE TRIGGER person_upd_stats AFTER UPDATE ON person BEGIN UPDATE stats_generation SET n = n + 1; END;\n"
    "CREATE TRIGGER person_del_stats AFTER DELETE ON person BEGIN UPDATE stats_generation SET n = n + 1; END;\n"
    "CREATE TRIGGER participation_ins_stats AFTER INSERT ON participation BEGIN UPDATE stats_generation SET n = n + 1; "
    "END;\n"
    "CREATE TRIGGER participation_upd_stats AFTER UPDATE ON participation BEGIN UPDATE stats_generation SET n = n + 1; "
    "END;\n"
    "CREATE TRIGGER participation_del_stats AFTER DELETE ON participation BEGIN UPDATE stats_generation SET n = n + 1; "
    "END;\n"
    "CREATE TRIGGER esf_start_ins_stats AFTER INSERT ON esf_start BEGIN UPDATE stats_generation SET n = n + 1; END;\n"
    "CREATE TRIGGER esf_start_upd_stats AFTER UPDATE ON esf_start BEGIN UPDATE stats_generation SET n = n + 1; END;\n"
    "CREATE TRIGGER esf_start_del_stats AFTER DELETE ON esf_start BEGIN UPDATE stats_generation SET n = n + 1; END;\n"
    "CREATE TRIGGER deed_ins_stats AFTER INSERT ON deed BEGIN UPDATE stats_generation SET n = n + 1; END;\n"
    "CREATE TRIGGER deed_upd_stats AFTER UPDATE ON deed BEGIN UPDATE stats_generation SET n = n + 1; END;\n"
    "CREATE TRIGGER deed_del_stats AFTER DELETE ON deed BEGIN UPDATE stats_generation SET n = n + 1; END;\n"
    "CREATE TRIGGER target_ins_stats AFTER INSERT ON target BEGIN UPDATE stats_generation SET n = n + 1; END;\n"
    "CREATE TRIGGER target_upd_stats AFTER UPDATE ON target BEGIN UPDATE stats_generation SET n = n + 1; END;\n"
    "CREATE TRIGGER target_del_stats AFTER DELETE ON target BEGIN UPDATE stats_generation SET n = n + 1; END;\n",
    /* 6: login throttling without lockout (issue #7, model/throttle.c): one bucket per account, client address and
     *    known device, with its counted failures and the time (ms since the epoch) before which it refuses a try;
     *    and the devices (browsers) that have logged in to an account, by a hash of their cookie's token. */
    "DROP TABLE login_failure;\n"
    "CREATE TABLE login_throttle(key TEXT PRIMARY KEY, fails INTEGER NOT NULL, last_at INTEGER NOT NULL,\n"
    "  next_at INTEGER NOT NULL, refused INTEGER NOT NULL DEFAULT 0);\n"
    "CREATE INDEX login_throttle_last ON login_throttle(last_at);\n"
    "CREATE TABLE login_device(id INTEGER PRIMARY KEY, token_hash TEXT NOT NULL UNIQUE,\n"
    "  user_id INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE, created_at INTEGER NOT NULL);\n"
    "CREATE INDEX login_device_user ON login_device(user_id, created_at);\n",
    /* 7: the change counters search_generation and stats_generation are bumped by the write path (db.c, for the
     *    tables listed in watched[] below) instead of 55 triggers, so the schema holds no engine-specific logic. */
    "DROP TRIGGER deed_ins_gen;DROP TRIGGER deed_upd_gen;DROP TRIGGER deed_del_gen;\n"
    "DROP TRIGGER deed_theme_ins_gen;DROP TRIGGER deed_theme_del_gen;DROP TRIGGER theme_ins_gen;\n"
    "DROP TRIGGER theme_upd_gen;DROP TRIGGER theme_del_gen;DROP TRIGGER municipality_gen;\n"
    "DROP TRIGGER municipality_ins_gen;DROP TRIGGER region_gen;DROP TRIGGER region_ins_gen;\n"
    "DROP TRIGGER sector_gen;DROP TRIGGER funding_period_ins_stats;DROP TRIGGER funding_period_upd_stats;\n"
    "DROP TRIGGER funding_period_del_stats;DROP TRIGGER service_type_ins_stats;\n"
    "DROP TRIGGER service_type_upd_stats;DROP TRIGGER service_type_del_stats;DROP TRIGGER service_ins_stats;\n"
    "DROP TRIGGER service_upd_stats;DROP TRIGGER service_del_stats;DROP TRIGGER delivery_ins_stats;\n"
    "DROP TRIGGER delivery_upd_stats;DROP TRIGGER delivery_del_stats;DROP TRIGGER delivery_org_ins_stats;\n"
    "DROP TRIGGER delivery_org_upd_stats;DROP TRIGGER delivery_org_del_stats;DROP TRIGGER org_ins_stats;\n"
    "DROP TRIGGER org_upd_stats;DROP TRIGGER org_del_stats;DROP TRIGGER municipality_ins_stats;\n"
    "DROP TRIGGER municipality_upd_stats;DROP TRIGGER municipality_del_stats;DROP TRIGGER region_ins_stats;\n"
    "DROP TRIGGER region_upd_stats;DROP TRIGGER region_del_stats;DROP TRIGGER sector_ins_stats;\n"
    "DROP TRIGGER sector_upd_stats;DROP TRIGGER sector_del_stats;DROP TRIGGER person_ins_stats;\n"
    "DROP TRIGGER person_upd_stats;DROP TRIGGER person_del_stats;DROP TRIGGER participation_ins_stats;\n"
    "DROP TRIGGER participation_upd_stats;DROP TRIGGER participation_del_stats;DROP TRIGGER esf_start_ins_stats;\n"
    "DROP TRIGGER esf_start_upd_stats;DROP TRIGGER esf_start_del_stats;DROP TRIGGER deed_ins_stats;\n"
    "DROP TRIGGER deed_upd_stats;DROP TRIGGER deed_del_stats;DROP TRIGGER target_ins_stats;\n"
    "DROP TRIGGER target_upd_stats;DROP TRIGGER target_del_stats;\n", /* 8: accounts and email (issue #11). Five roles;
                                                                       * an account may name its organisation and, for a
                                                                       * coach, its coach profile; its language (for its
                                                                       * email); deactivated accounts stay (active 0).
                                                                       * An invited account has no password yet ('').
                                                                       * One-time tokens for invitations and password
                                                                       * resets, by a hash of the token. The outbox:
                                                                       * every message written in the transaction of the
                                                                       * change that causes it, sent later by a sender
                                                                       * that claims it (status 'sending' until
                                                                       * lease_until) and records the outcome. A deed's
                                                                       * poster may leave an email (never shown) to hear
                                                                       * whether the deed was published. Times in ms
                                                                       * since the epoch where a program sets them. Site
                                                                       * settings by key. The user table is rebuilt for
                                                                       * its new CHECK (db_migrate turns foreign keys
                                                                       * off around it). */
    "CREATE TABLE user_new(\n"
    "  id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE COLLATE NOCASE, name TEXT NOT NULL DEFAULT '',\n"
    "  password_hash TEXT NOT NULL DEFAULT '',  -- '' until an invited person sets one\n"
    "  role TEXT NOT NULL CHECK(role IN ('admin','staff','evaluator','jury','contact')),\n"
    "  org_id INTEGER REFERENCES org(id),\n"
    "  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),\n"
    "  coach_id INTEGER REFERENCES coach(id),\n"
    "  lang TEXT NOT NULL DEFAULT 'fi' CHECK(lang IN ('fi','sv','en')),\n"
    "  active INTEGER NOT NULL DEFAULT 1);\n"
    "INSERT INTO user_new(id, email, name, password_hash, role, org_id, created_at)\n"
    "  SELECT id, email, name, password_hash, role, org_id, created_at FROM user;\n"
    "DROP TABLE user;\n"
    "ALTER TABLE user_new RENAME TO user;\n"
    "CREATE TABLE user_token(\n"
    "  token_hash TEXT PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,\n"
    "  purpose TEXT NOT NULL CHECK(purpose IN ('invite','reset')),\n"
    "  created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL);\n"
    "CREATE INDEX user_token_user ON user_token(user_id, purpose);\n"
    "CREATE TABLE outbox(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  kind TEXT NOT NULL,                 -- invite, reset, application-received, application-decided, deed-decided\n"
    "  recipient TEXT NOT NULL, lang TEXT NOT NULL DEFAULT 'fi',\n"
    "  subject TEXT NOT NULL, body_text TEXT NOT NULL, body_html TEXT NOT NULL,\n"
    "  status TEXT NOT NULL DEFAULT 'queued' CHECK(status IN ('queued','sending','sent','failed')),\n"
    "  attempts INTEGER NOT NULL DEFAULT 0,\n"
    "  next_at INTEGER NOT NULL,            -- not tried again before this\n"
    "  lease_until INTEGER NOT NULL DEFAULT 0,  -- while 'sending': the claim, taken over by another after it\n"
    "  last_error TEXT NOT NULL DEFAULT '',\n"
    "  created_at INTEGER NOT NULL, sent_at INTEGER);\n"
    "CREATE INDEX outbox_due ON outbox(status, next_at);\n"
    "ALTER TABLE deed ADD COLUMN poster_email TEXT NOT NULL DEFAULT '';\n"
    "ALTER TABLE deed ADD COLUMN poster_lang TEXT NOT NULL DEFAULT 'fi';\n"
    "CREATE TABLE setting(key TEXT PRIMARY KEY, value TEXT NOT NULL);  -- site settings (base_url: links in email)\n",
    /* 9: the programme team in the browser (issue #12). Programme texts, goals, period names, services and themes in
     *    Swedish and English beside the Finnish ('' = not translated: pages show the Finnish, marked lang="fi").
     *    Site pages that staff edit (the accessibility statement, the privacy notice), in three languages. A
     *    spreadsheet uploaded for import waits in upload until its uploader confirms it (kept in the database so
     *    that any server can finish it; removed when imported or after a day). A session's sign-in code, random,
     *    made when staff first show its QR code. */
    "ALTER TABLE programme ADD COLUMN name_sv TEXT NOT NULL DEFAULT '';\n"
    "ALTER TABLE programme ADD COLUMN name_en TEXT NOT NULL DEFAULT '';\n"
    "ALTER TABLE programme ADD COLUMN short_name_sv TEXT NOT NULL DEFAULT '';\n"
    "ALTER TABLE programme ADD COLUMN short_name_en TEXT NOT NULL DEFAULT '';\n"
    "ALTER TABLE programme ADD COLUMN description_sv TEXT NOT NULL DEFAULT '';\n"
    "ALTER TABLE programme ADD COLUMN description_en TEXT NOT NULL DEFAULT '';\n"
    "ALTER TABLE goal ADD COLUMN text_sv TEXT NOT NULL DEFAULT '';\n"
    "ALTER TABLE goal ADD COLUMN text_en TEXT NOT NULL DEFAULT '';\n"
    "ALTER TABLE funding_period ADD COLUMN name_sv TEXT NOT NULL DEFAULT '';\n"
    "ALTER TABLE funding_period ADD COLUMN name_en TEXT NOT NULL DEFAULT '';\n"
    "ALTER TABLE service ADD COLUMN name_sv TEXT NOT NULL DEFAULT '';\n"
    "ALTER TABLE service ADD COLUMN name_en TEXT NOT NULL DEFAULT '';\n"
    "ALTER TABLE service ADD COLUMN description_sv TEXT NOT NULL DEFAULT '';\n"
    "ALTER TABLE service ADD COLUMN description_en TEXT NOT NULL DEFAULT '';\n"
    "ALTER TABLE theme ADD COLUMN name_sv TEXT NOT NULL DEFAULT '';\n"
    "ALTER TABLE theme ADD COLUMN name_en TEXT NOT NULL DEFAULT '';\n"
    "CREATE TABLE site_page(              -- pages staff edit: saavutettavuus, tietosuoja\n"
    "  slug TEXT PRIMARY KEY,\n"
    "  title_fi TEXT NOT NULL DEFAULT '', title_sv TEXT NOT NULL DEFAULT '', title_en TEXT NOT NULL DEFAULT '',\n"
    "  body_fi TEXT NOT NULL DEFAULT '', body_sv TEXT NOT NULL DEFAULT '', body_en TEXT NOT NULL DEFAULT '',  -- "
    "Markdown\n"
    "  updated_at TEXT, updated_by TEXT NOT NULL DEFAULT '');\n"
    "CREATE TABLE upload(                 -- a spreadsheet waiting for its uploader's confirmation\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  user_id INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,\n"
    "  kind TEXT NOT NULL CHECK(kind IN ('participants','attendance','deeds')),\n"
    "  filename TEXT NOT NULL, size INTEGER NOT NULL,\n"
    "  content BLOB NOT NULL,\n"
    "  created_at INTEGER NOT NULL);      -- ms since the epoch\n"
    "CREATE INDEX upload_user ON upload(user_id, created_at);\n"
    "ALTER TABLE delivery_session ADD COLUMN signin_code TEXT;\n"
    "CREATE UNIQUE INDEX delivery_session_signin ON delivery_session(signin_code);\n",
    /* 10: the evaluation (issue #13). A survey is a definition (JSON: sections and questions in fi/sv/en) with an
     *     opening and closing time and an optional open link. Surveys of one series (before and after) pair a
     *     person's answers through a pseudonym: an HMAC of the person under the series' own key, which is kept
     *     encrypted under the master key of the secret file (never in the database) and deleted when the series
     *     closes. An invitation knows the person and whether they answered, never what; its link's token is an
     *     HMAC of its nonce under the master key (a reminder makes the same link again), found by the token's hash.
     *     A draft is kept under the token's hash only. An answer has no link to the person: its day, its
     *     pseudonym (series only) and the invitation's context (role, service type, sector, region, period) taken
     *     when it is stored. The evaluation report: an introduction and findings and recommendations (Markdown
     *     with figure placeholders), published by the evaluator. */
    "CREATE TABLE survey_series(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  key TEXT NOT NULL UNIQUE,          -- e.g. sparraus\n"
    "  key_box BLOB,                      -- the pairing key: nonce and secretbox under the master key; NULL once closed\n"
    "  created_at TEXT NOT NULL, closed_at TEXT);\n"
    "CREATE TABLE survey(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  key TEXT NOT NULL UNIQUE,          -- e.g. sparraus-alku\n"
    "  series_id INTEGER REFERENCES survey_series(id),\n"
    "  phase TEXT NOT NULL DEFAULT '' CHECK(phase IN ('','before','after')),\n"
    "  title TEXT NOT NULL, title_sv TEXT NOT NULL DEFAULT '', title_en TEXT NOT NULL DEFAULT '',\n"
    "  definition TEXT NOT NULL,          -- the JSON definition as `kehto survey export` writes it\n"
    "  opens_at TEXT, closes_at TEXT,     -- ISO 8601 UTC; NULL: no limit\n"
    "  open_code TEXT UNIQUE,             -- the open link /kysely/avoin/CODE; NULL: none\n"
    "  results_public INTEGER NOT NULL DEFAULT 0,\n"
    "  created_by TEXT NOT NULL DEFAULT '',\n"
    "  created_at TEXT NOT NULL, updated_at TEXT NOT NULL);\n"
    "CREATE INDEX survey_series_phase ON survey(series_id, phase);\n"
    "CREATE TABLE survey_invite(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  survey_id INTEGER NOT NULL REFERENCES survey(id) ON DELETE CASCADE,\n"
    "  person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,\n"
    "  nonce TEXT NOT NULL,               -- the link's token is an HMAC of it under the master key\n"
    "  token_hash TEXT NOT NULL UNIQUE,   -- hex SHA-256 of the token\n"
    "  delivery_id INTEGER REFERENCES delivery(id) ON DELETE SET NULL,\n"
    "  ctx_role TEXT NOT NULL DEFAULT '', ctx_service_type TEXT NOT NULL DEFAULT '',\n"
    "  ctx_sector TEXT NOT NULL DEFAULT '', ctx_region TEXT NOT NULL DEFAULT '', ctx_period_id INTEGER,\n"
    "  lang TEXT NOT NULL DEFAULT 'fi',\n"
    "  invited_at TEXT NOT NULL, reminded_at TEXT,\n"
    "  answered INTEGER NOT NULL DEFAULT 0,\n"
    "  UNIQUE(survey_id, person_id));\n"
    "CREATE INDEX survey_invite_person ON survey_invite(person_id);\n"
    "CREATE INDEX survey_invite_delivery ON survey_invite(delivery_id);\n"
    "CREATE TABLE survey_draft(           -- answers saved before submitting, under the link's token only\n"
    "  token_hash TEXT PRIMARY KEY,\n"
    "  survey_id INTEGER NOT NULL REFERENCES survey(id) ON DELETE CASCADE,\n"
    "  data TEXT NOT NULL,                -- the posted fields as JSON\n"
    "  updated_at TEXT NOT NULL);\n"
    "CREATE TABLE survey_response(        -- one submitted answer: no person, no token, no invitation\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  survey_id INTEGER NOT NULL REFERENCES survey(id) ON DELETE CASCADE,\n"
    "  answered_on TEXT NOT NULL,         -- YYYY-MM-DD, the day only\n"
    "  pseudonym TEXT,                    -- hex HMAC of the person under the series' key; NULL: open link or no series\n"
    "  via TEXT NOT NULL CHECK(via IN ('invite','open')),\n"
    "  ctx_role TEXT NOT NULL DEFAULT '', ctx_service_type TEXT NOT NULL DEFAULT '',\n"
    "  ctx_sector TEXT NOT NULL DEFAULT '', ctx_region TEXT NOT NULL DEFAULT '', ctx_period_id INTEGER,\n"
    "  UNIQUE(survey_id, pseudonym));\n"
    "CREATE INDEX survey_response_pseudonym ON survey_response(pseudonym);\n"
    "CREATE TABLE survey_answer(\n"
    "  response_id INTEGER NOT NULL REFERENCES survey_response(id) ON DELETE CASCADE,\n"
    "  question TEXT NOT NULL,            -- the question's key\n"
    "  item TEXT NOT NULL DEFAULT '',     -- a matrix row's key, a multiple choice's option key, '.other' for its text\n"
    "  num REAL, text TEXT,\n"
    "  PRIMARY KEY(response_id, question, item));\n"
    "CREATE INDEX survey_answer_question ON survey_answer(question, item);\n"
    "CREATE TABLE evaluation(             -- the evaluation report: one row\n"
    "  id INTEGER PRIMARY KEY CHECK(id = 1),\n"
    "  title TEXT NOT NULL DEFAULT '', title_sv TEXT NOT NULL DEFAULT '', title_en TEXT NOT NULL DEFAULT '',\n"
    "  intro TEXT NOT NULL DEFAULT '', intro_sv TEXT NOT NULL DEFAULT '', intro_en TEXT NOT NULL DEFAULT '',\n"
    "  published_at TEXT, updated_at TEXT, updated_by TEXT NOT NULL DEFAULT '');\n"
    "CREATE TABLE evaluation_item(        -- a finding or a recommendation, Markdown with {{…}} figures\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  kind TEXT NOT NULL CHECK(kind IN ('finding','recommendation')),\n"
    "  position INTEGER NOT NULL DEFAULT 0,\n"
    "  title TEXT NOT NULL, title_sv TEXT NOT NULL DEFAULT '', title_en TEXT NOT NULL DEFAULT '',\n"
    "  body TEXT NOT NULL DEFAULT '', body_sv TEXT NOT NULL DEFAULT '', body_en TEXT NOT NULL DEFAULT '',\n"
    "  updated_at TEXT, updated_by TEXT NOT NULL DEFAULT '');\n",
    /* 11: the awards (issue #14). A round per year: categories and weighted criteria (texts fi/sv/en), the last
     *     days of nominations and of the jury (Finnish days, YYYY-MM-DD), its chair (a jury account; NULL: staff
     *     act as chair), published once the chair has decided. A nomination is a published deed in a category:
     *     nominated by staff, or suggested by anyone (with a reason, and an email to hear the outcome, never shown)
     *     and then accepted or declined by staff; the chair's decision (award or honourable mention) and its
     *     citation sit on it. Jurors are jury accounts assigned to categories. A conflict keeps why a juror does
     *     not see a deed: found from the data (the juror's organisation is the deed's; the juror's coach profile
     *     coached one of the deed's organisation's deliveries) or declared by the juror; recorded with its reason.
     *     A score is one juror's 1-5 on one criterion of one nomination, with an optional comment. */
    "CREATE TABLE award_round(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  year INTEGER NOT NULL UNIQUE CHECK(year BETWEEN 2000 AND 2100),\n"
    "  intro TEXT NOT NULL DEFAULT '', intro_sv TEXT NOT NULL DEFAULT '', intro_en TEXT NOT NULL DEFAULT '',\n"
    "  nominate_until TEXT, jury_until TEXT,  -- YYYY-MM-DD, the last day; NULL: not set\n"
    "  chair_id INTEGER REFERENCES user(id) ON DELETE SET NULL,\n"
    "  published_at TEXT, notified_at TEXT,   -- notified: the winners' contacts were emailed (once)\n"
    "  created_at TEXT NOT NULL, updated_at TEXT NOT NULL);\n"
    "CREATE TABLE award_category(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  round_id INTEGER NOT NULL REFERENCES award_round(id) ON DELETE CASCADE,\n"
    "  position INTEGER NOT NULL DEFAULT 0,\n"
    "  name TEXT NOT NULL, name_sv TEXT NOT NULL DEFAULT '', name_en TEXT NOT NULL DEFAULT '',\n"
    "  description TEXT NOT NULL DEFAULT '', description_sv TEXT NOT NULL DEFAULT '',\n"
    "  description_en TEXT NOT NULL DEFAULT '',\n"
    "  UNIQUE(round_id, name));\n"
    "CREATE TABLE award_criterion(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  round_id INTEGER NOT NULL REFERENCES award_round(id) ON DELETE CASCADE,\n"
    "  position INTEGER NOT NULL DEFAULT 0,\n"
    "  name TEXT NOT NULL, name_sv TEXT NOT NULL DEFAULT '', name_en TEXT NOT NULL DEFAULT '',\n"
    "  description TEXT NOT NULL DEFAULT '', description_sv TEXT NOT NULL DEFAULT '',\n"
    "  description_en TEXT NOT NULL DEFAULT '',\n"
    "  weight INTEGER NOT NULL DEFAULT 1 CHECK(weight BETWEEN 1 AND 100),\n"
    "  UNIQUE(round_id, name));\n"
    "CREATE TABLE award_nomination(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  round_id INTEGER NOT NULL REFERENCES award_round(id) ON DELETE CASCADE,\n"
    "  category_id INTEGER NOT NULL REFERENCES award_category(id) ON DELETE CASCADE,\n"
    "  deed_id INTEGER NOT NULL REFERENCES deed(id) ON DELETE CASCADE,\n"
    "  status TEXT NOT NULL CHECK(status IN ('suggested','nominated','declined')),\n"
    "  reason TEXT NOT NULL DEFAULT '',      -- why: the suggester's or the staff's words\n"
    "  suggester_name TEXT NOT NULL DEFAULT '', suggester_email TEXT NOT NULL DEFAULT '',  -- never shown\n"
    "  suggester_lang TEXT NOT NULL DEFAULT 'fi',\n"
    "  decided_by TEXT NOT NULL DEFAULT '', decided_at TEXT,  -- staff's accepting or declining\n"
    "  decline_reason TEXT NOT NULL DEFAULT '',\n"
    "  result TEXT CHECK(result IS NULL OR result IN ('award','mention')),  -- the chair's decision\n"
    "  citation TEXT NOT NULL DEFAULT '', citation_sv TEXT NOT NULL DEFAULT '', citation_en TEXT NOT NULL DEFAULT '',\n"
    "  created_by TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL,\n"
    "  UNIQUE(category_id, deed_id));\n"
    "CREATE INDEX award_nomination_round ON award_nomination(round_id, status);\n"
    "CREATE INDEX award_nomination_deed ON award_nomination(deed_id);\n"
    "CREATE TABLE award_juror(\n"
    "  category_id INTEGER NOT NULL REFERENCES award_category(id) ON DELETE CASCADE,\n"
    "  user_id INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,\n"
    "  PRIMARY KEY(category_id, user_id)) WITHOUT ROWID;\n"
    "CREATE INDEX award_juror_user ON award_juror(user_id);\n"
    "CREATE TABLE award_conflict(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  round_id INTEGER NOT NULL REFERENCES award_round(id) ON DELETE CASCADE,\n"
    "  user_id INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,\n"
    "  deed_id INTEGER NOT NULL REFERENCES deed(id) ON DELETE CASCADE,\n"
    "  kind TEXT NOT NULL CHECK(kind IN ('org','coach','declared')),\n"
    "  reason TEXT NOT NULL,\n"
    "  created_at TEXT NOT NULL,\n"
    "  UNIQUE(round_id, user_id, deed_id, kind));\n"
    "CREATE INDEX award_conflict_user ON award_conflict(user_id, round_id);\n"
    "CREATE TABLE award_score(\n"
    "  nomination_id INTEGER NOT NULL REFERENCES award_nomination(id) ON DELETE CASCADE,\n"
    "  criterion_id INTEGER NOT NULL REFERENCES award_criterion(id) ON DELETE CASCADE,\n"
    "  user_id INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,\n"
    "  score INTEGER NOT NULL CHECK(score BETWEEN 1 AND 5),\n"
    "  comment TEXT NOT NULL DEFAULT '',\n"
    "  updated_at TEXT NOT NULL,\n"
    "  PRIMARY KEY(nomination_id, criterion_id, user_id)) WITHOUT ROWID;\n"
    "CREATE INDEX award_score_user ON award_score(user_id);\n",
    /* 12: publishing (issue #15). A media row is a file Kehto serves from the database (so every server has it):
     *     a news image, a publication's PDF, a video; its SHA-256 is its ETag. News have fi/sv/en texts in Markdown,
     *     an image whose alt text is required, and a publish time (UTC; NULL: a draft; in the future: scheduled);
     *     uid is made once (urn:uuid:…) and is the Atom entry's id, so editing never changes it. The programme's own
     *     pages are site_page rows too: a page with a menu position shows in the menu in that order, and only the
     *     pages staff made (custom = 1) may be deleted. A publication is one file in one language with a summary
     *     in Markdown (the HTML alternative to the PDF). A video is an uploaded file or the address of one, with
     *     captions (WebVTT) per language, at least one before it is published. Events (webinars, events) have local
     *     Finnish start and end times (YYYY-MM-DDTHH:MM) and a stable uid for iCalendar, and may belong to a
     *     service; a delivery marked public shows its sessions in the calendar, at their times when set. */
    "CREATE TABLE media(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  kind TEXT NOT NULL CHECK(kind IN ('image','pdf','video')),\n"
    "  mime TEXT NOT NULL, filename TEXT NOT NULL, size INTEGER NOT NULL,\n"
    "  sha256 TEXT NOT NULL,                -- hex: the ETag\n"
    "  content BLOB NOT NULL,\n"
    "  created_by TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL);\n"
    "CREATE TABLE news(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  uid TEXT NOT NULL UNIQUE,            -- urn:uuid:…, made once: the Atom entry's id\n"
    "  title TEXT NOT NULL, title_sv TEXT NOT NULL DEFAULT '', title_en TEXT NOT NULL DEFAULT '',\n"
    "  lead TEXT NOT NULL DEFAULT '', lead_sv TEXT NOT NULL DEFAULT '', lead_en TEXT NOT NULL DEFAULT '',\n"
    "  body TEXT NOT NULL DEFAULT '', body_sv TEXT NOT NULL DEFAULT '', body_en TEXT NOT NULL DEFAULT '',\n"
    "  image_id INTEGER REFERENCES media(id) ON DELETE SET NULL,\n"
    "  image_alt TEXT NOT NULL DEFAULT '', image_alt_sv TEXT NOT NULL DEFAULT '',\n"
    "  image_alt_en TEXT NOT NULL DEFAULT '',\n"
    "  publish_at TEXT,                     -- UTC; NULL: a draft; later than now: scheduled\n"
    "  created_by TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL,\n"
    "  updated_by TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL);\n"
    "CREATE INDEX news_publish ON news(publish_at);\n"
    "ALTER TABLE site_page ADD COLUMN menu_position INTEGER;  -- NULL: not in the menu\n"
    "ALTER TABLE site_page ADD COLUMN custom INTEGER NOT NULL DEFAULT 0;  -- 1: made by staff, may be deleted\n"
    "CREATE TABLE publication(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  title TEXT NOT NULL, authors TEXT NOT NULL DEFAULT '',\n"
    "  year INTEGER NOT NULL CHECK(year BETWEEN 1900 AND 2100),\n"
    "  type TEXT NOT NULL CHECK(type IN ('report','final','evaluation','guide')),\n"
    "  lang TEXT NOT NULL DEFAULT 'fi' CHECK(lang IN ('fi','sv','en')),\n"
    "  summary TEXT NOT NULL DEFAULT '',    -- Markdown: the HTML alternative to the PDF\n"
    "  file_id INTEGER REFERENCES media(id) ON DELETE SET NULL,  -- the PDF\n"
    "  published_at TEXT,\n"
    "  created_by TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL,\n"
    "  updated_by TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL);\n"
    "CREATE TABLE video(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  title TEXT NOT NULL, title_sv TEXT NOT NULL DEFAULT '', title_en TEXT NOT NULL DEFAULT '',\n"
    "  description TEXT NOT NULL DEFAULT '', description_sv TEXT NOT NULL DEFAULT '',\n"
    "  description_en TEXT NOT NULL DEFAULT '',  -- Markdown\n"
    "  file_id INTEGER REFERENCES media(id) ON DELETE SET NULL,  -- an uploaded file, or\n"
    "  url TEXT NOT NULL DEFAULT '',        -- the address of a video file\n"
    "  published_at TEXT,\n"
    "  created_by TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL,\n"
    "  updated_by TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL);\n"
    "CREATE TABLE video_caption(\n"
    "  video_id INTEGER NOT NULL REFERENCES video(id) ON DELETE CASCADE,\n"
    "  lang TEXT NOT NULL CHECK(lang IN ('fi','sv','en')),\n"
    "  vtt TEXT NOT NULL,                   -- WebVTT\n"
    "  PRIMARY KEY(video_id, lang)) WITHOUT ROWID;\n"
    "CREATE TABLE event(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  uid TEXT NOT NULL UNIQUE,            -- made once: the iCalendar UID\n"
    "  kind TEXT NOT NULL CHECK(kind IN ('webinar','event')),\n"
    "  title TEXT NOT NULL, title_sv TEXT NOT NULL DEFAULT '', title_en TEXT NOT NULL DEFAULT '',\n"
    "  description TEXT NOT NULL DEFAULT '', description_sv TEXT NOT NULL DEFAULT '',\n"
    "  description_en TEXT NOT NULL DEFAULT '',  -- Markdown\n"
    "  starts_at TEXT NOT NULL, ends_at TEXT NOT NULL CHECK(ends_at >= starts_at),  -- Finnish local YYYY-MM-DDTHH:MM\n"
    "  place TEXT NOT NULL DEFAULT '', online_url TEXT NOT NULL DEFAULT '',\n"
    "  service_id INTEGER REFERENCES service(id) ON DELETE SET NULL,\n"
    "  published_at TEXT, sequence INTEGER NOT NULL DEFAULT 0,  -- iCalendar SEQUENCE: bumped on each edit\n"
    "  created_by TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL,\n"
    "  updated_by TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL);\n"
    "CREATE INDEX event_starts ON event(starts_at);\n"
    "ALTER TABLE delivery ADD COLUMN in_calendar INTEGER NOT NULL DEFAULT 0;  -- 1: its sessions are in the calendar\n"
    "ALTER TABLE delivery_session ADD COLUMN starts_time TEXT;  -- HH:MM, Finnish local; NULL: all day\n"
    "ALTER TABLE delivery_session ADD COLUMN ends_time TEXT;\n",
    /* 13: money and the funder (issue #16). Money is integer cents. A funding period gets its flat rate (basis points
     *     of its staff costs: 1700 = 17 %), computed and never typed, and whether travel is inside it; its budget plan
     *     by cost category; and its funding shares (basis points of the total; they add up to 10000). The ledger
     *     (cost) is what `kehto import costs` and the upload page bring, a row per line, its period found from its
     *     date; a negative amount is a credit. The start record gains the items the ESF common indicators of Annex I
     *     need and the end record the results of Annex II: each NULL when not asked, 'eos' when the person preferred
     *     not to say. Targets become per period, per year, per service type and per indicator (a key figure or an
     *     ESF indicator's code; the model checks it). A report template is the annual or final report's Markdown
     *     with {{…}} figures in one language; year 0 is the text for every year, a year's own text replaces it. */
    "ALTER TABLE funding_period ADD COLUMN flat_rate_bp INTEGER NOT NULL DEFAULT 1700\n"
    "  CHECK(flat_rate_bp BETWEEN 0 AND 10000);\n"
    "ALTER TABLE funding_period ADD COLUMN flat_rate_travel INTEGER NOT NULL DEFAULT 0;  -- 1: travel is inside it\n"
    "CREATE TABLE budget_line(            -- the plan: a period's budget per cost category (the flat rate computed)\n"
    "  period_id INTEGER NOT NULL REFERENCES funding_period(id) ON DELETE CASCADE,\n"
    "  category TEXT NOT NULL CHECK(category IN ('henkilosto','ostopalvelut','matkat','muut')),\n"
    "  amount_cents INTEGER NOT NULL CHECK(amount_cents >= 0),\n"
    "  PRIMARY KEY(period_id, category)) WITHOUT ROWID;\n"
    "CREATE TABLE funding_share(\n"
    "  period_id INTEGER NOT NULL REFERENCES funding_period(id) ON DELETE CASCADE,\n"
    "  source TEXT NOT NULL CHECK(source IN ('esf','valtio','oma')),  -- oma: own or municipal funding\n"
    "  share_bp INTEGER NOT NULL CHECK(share_bp BETWEEN 0 AND 10000),\n"
    "  PRIMARY KEY(period_id, source)) WITHOUT ROWID;\n"
    "CREATE TABLE cost(                   -- the ledger: actual costs, a row per line\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  period_id INTEGER NOT NULL REFERENCES funding_period(id),\n"
    "  booked_on TEXT NOT NULL,             -- YYYY-MM-DD\n"
    "  account TEXT NOT NULL DEFAULT '',\n"
    "  category TEXT NOT NULL CHECK(category IN ('henkilosto','ostopalvelut','matkat','muut')),\n"
    "  amount_cents INTEGER NOT NULL,       -- negative: a credit\n"
    "  description TEXT NOT NULL DEFAULT '', voucher TEXT NOT NULL DEFAULT '',\n"
    "  created_by TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL);\n"
    "CREATE INDEX cost_period ON cost(period_id, booked_on);\n"
    "CREATE TABLE upload_new(             -- the upload page takes ledgers too ('costs')\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  user_id INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,\n"
    "  kind TEXT NOT NULL CHECK(kind IN ('participants','attendance','deeds','costs')),\n"
    "  filename TEXT NOT NULL, size INTEGER NOT NULL,\n"
    "  content BLOB NOT NULL,\n"
    "  created_at INTEGER NOT NULL);\n"
    "INSERT INTO upload_new SELECT id, user_id, kind, filename, size, content, created_at FROM upload;\n"
    "DROP TABLE upload;\n"
    "ALTER TABLE upload_new RENAME TO upload;\n"
    "CREATE INDEX upload_user ON upload(user_id, created_at);\n"
    "ALTER TABLE esf_start ADD COLUMN unemployed_for TEXT  -- asked of the unemployed: how long\n"
    "  CHECK(unemployed_for IS NULL OR unemployed_for IN ('alle6','6_12','yli12','eos'));\n"
    "ALTER TABLE esf_start ADD COLUMN in_education TEXT  -- asked of the inactive: in education or training\n"
    "  CHECK(in_education IS NULL OR in_education IN ('kylla','ei','eos'));\n"
    "ALTER TABLE esf_start ADD COLUMN disability TEXT CHECK(disability IS NULL OR disability IN ('kylla','ei','eos'));\n"
    "ALTER TABLE esf_start ADD COLUMN migrant TEXT  -- migrant, foreign background or a minority\n"
    "  CHECK(migrant IS NULL OR migrant IN ('kylla','ei','eos'));\n"
    "ALTER TABLE esf_start ADD COLUMN disadvantaged TEXT  -- another disadvantage\n"
    "  CHECK(disadvantaged IS NULL OR disadvantaged IN ('kylla','ei','eos'));\n"
    "ALTER TABLE esf_start ADD COLUMN exit_qualification TEXT  -- gained a qualification upon leaving\n"
    "  CHECK(exit_qualification IS NULL OR exit_qualification IN ('kylla','ei','eos'));\n"
    "CREATE TABLE target_new(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  metric TEXT NOT NULL,                -- a key figure (organisations, …) or an ESF indicator's code\n"
    "  period_id INTEGER NOT NULL DEFAULT 0,  -- 0: the whole programme\n"
    "  year INTEGER NOT NULL DEFAULT 0,     -- 0: the whole period\n"
    "  service_type TEXT NOT NULL DEFAULT '',  -- '': every service type\n"
    "  value INTEGER NOT NULL CHECK(value >= 0),\n"
    "  UNIQUE(metric, period_id, year, service_type));\n"
    "INSERT INTO target_new(metric, period_id, value) SELECT metric, period_id, value FROM target;\n"
    "DROP TABLE target;\n"
    "ALTER TABLE target_new RENAME TO target;\n"
    "UPDATE stats_generation SET n = n + 1;\n"
    "CREATE TABLE report_template(\n"
    "  kind TEXT NOT NULL CHECK(kind IN ('annual','final')),\n"
    "  year INTEGER NOT NULL DEFAULT 0,     -- 0: every year's text; a year's own text replaces it\n"
    "  lang TEXT NOT NULL CHECK(lang IN ('fi','sv')),\n"
    "  body TEXT NOT NULL DEFAULT '',       -- Markdown with {{…}} figures\n"
    "  updated_by TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL,\n"
    "  PRIMARY KEY(kind, year, lang)) WITHOUT ROWID;\n",
    /* 14: search by meaning (issue #17). The programme's own thesaurus entries, beside the built-in thesaurus
     *     (data/sanasto.tsv, read by search/thesaurus.c): a group of words that mean the same, with its labels in
     *     Finnish, Swedish and English, one label per line (a label may be several words). Search reads both. The
     *     tokenizer now marks compound parts and derivation roots (search/morph.h): the index is rebuilt with it. */
    "CREATE TABLE thesaurus(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  fi TEXT NOT NULL DEFAULT '', sv TEXT NOT NULL DEFAULT '', en TEXT NOT NULL DEFAULT '',  -- one label per line\n"
    "  note TEXT NOT NULL DEFAULT '',\n"
    "  updated_by TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL);\n"
    "INSERT INTO deed_fts(deed_fts) VALUES('rebuild');  -- the tokenizer now marks compound parts and roots\n"
    "UPDATE search_generation SET n = n + 1;\n",
    /* 15: the tokenizer finds more compounds (search/morph.c): parts after a prefix such as lähi- or etä-
     *     (lähijohtaminen: johtaminen), and the parts of words Voikko does not know (parimentorointi: mentorointi):
     *     the index is rebuilt with it. */
    REINDEX,
    /* 16: the tokenizer indexes of a word read several ways the readings its text supports (search/morph.c,
     *     morph_ctx: "tuli" is the noun in a text about fire, a form of "tulla" in one where things came): the
     *     index is rebuilt with it. */
    REINDEX,
    /* 17: the tokenizer marks the runs of parts of a compound of three parts or more (search/morph.c: sisäilma and
     *     ilmaongelma of sisäilmaongelma): the index is rebuilt with it. */
    REINDEX,
    /* 18: the tokenizer leaves out Voikko's far-fetched analyses (search/morph.c: vaaratilanteiden is not a compound
     *     of tie, tiesi not "your road"): the index is rebuilt with it. */
    REINDEX,
    /* 19: the tokenizer gives a compound's parts and runs of parts before its head in their base form (search/morph.c:
     *     kouluterveys of kouluterveydenhoitaja, not kouluterveyden): the index is rebuilt with it. */
    REINDEX,
    /* 20: the tokenizer reads a function word as itself ("kautta" via, not the season kausi), "kuusi" as six unless
     *     the text speaks of spruces, and gives adjectives in -llinen no root (tavallinen is not tapa)
     *     (search/morph.c): the index is rebuilt with it. */
    REINDEX,
    /* 21: the tokenizer keeps tuhat and kymmenen (numerals no noun shares the base form of) and no longer takes a
     *     number at a compound's start for the noun (kuusivuotias says nothing of spruces) (search/morph.c): the index
     *     is rebuilt with it. */
    REINDEX,
    /* 22: the tokenizer keeps lexicalised compounds one part (search/morph.c: kuukausi is no season, puutarha no
     *     tree): the index is rebuilt with it. */
    REINDEX,
    /* 23: the tokenizer reads a suffix Voikko writes without a "+" (sovit(sovittaa)tel(+ella): sovittelu is derived;
     *     liukastumistapaturma has a head) and keeps 13 more compounds one part (tapaturma, viranomainen): again. */
    REINDEX,
    /* 24: the tokenizer adds the root of a derived part before a compound's head ("<~evakuoida" of
     *     evakuointiohje) (search/morph.c): again. */
    REINDEX,
    /* 25: the tokenizer gives a Swedish text's words their Finnish terms too (search/morph.c: fästingvaccin,
     *     punkkirokote): again. */
    REINDEX,
    /* 26: the tokenizer reads a Swedish loan word the dictionary lacks as its Finnish noun (search/morph.c: asbest,
     *     asbesti): again. */
    REINDEX,
};

/* ---- Change counters ----
 * Caches built from the data (search's facet index, search/index.c; the statistics, report/report.c) are keyed by a
 * counter row, and a write to a table they read bumps it. The write path does the bumping (db.c: every INSERT,
 * UPDATE or DELETE run through db_step or db_exec that changes rows of a table below bumps its counters in the same
 * transaction), so every writer (models, import, demo, the CLI) is covered without triggers. A migration that
 * changes rows of these tables bumps the counters itself; so does anyone editing the database by hand. */
static const struct {
  const char *table;
  unsigned counters;
} watched[] = {
    {"deed", DB_COUNTER_SEARCH | DB_COUNTER_STATS},
    {"deed_theme", DB_COUNTER_SEARCH},
    {"theme", DB_COUNTER_SEARCH},
    {"municipality", DB_COUNTER_SEARCH | DB_COUNTER_STATS},
    {"region", DB_COUNTER_SEARCH | DB_COUNTER_STATS},
    {"sector", DB_COUNTER_SEARCH | DB_COUNTER_STATS},
    {"funding_period", DB_COUNTER_STATS},
    {"service_type", DB_COUNTER_STATS},
    {"service", DB_COUNTER_STATS},
    {"delivery", DB_COUNTER_STATS},
    {"delivery_org", DB_COUNTER_STATS},
    {"org", DB_COUNTER_STATS},
    {"person", DB_COUNTER_STATS},
    {"participation", DB_COUNTER_STATS},
    {"esf_start", DB_COUNTER_STATS},
    {"target", DB_COUNTER_STATS},
    {"award_round", DB_COUNTER_SEARCH},      /* the "Palkittu" facet: awards of published rounds */
    {"award_nomination", DB_COUNTER_SEARCH},
    {"thesaurus", DB_COUNTER_SEARCH}, /* the programme's own synonyms widen searches */
};

unsigned db_schema_watchers(const char *table, size_t n) {
  for (size_t i = 0; i < sizeof watched / sizeof watched[0]; i++)
    if (strlen(watched[i].table) == n && strncasecmp(watched[i].table, table, n) == 0) return watched[i].counters;
  return 0;
}

const char *db_schema_counter_sql(unsigned counter) {
  switch (counter) {
  case DB_COUNTER_SEARCH: return "UPDATE search_generation SET n = n + 1";
  case DB_COUNTER_STATS: return "UPDATE stats_generation SET n = n + 1";
  case DB_COUNTER_DATA: return "UPDATE data_version SET n = n + 1";
  default: assert(!"db: unknown change counter"); return NULL;
  }
}

/* Every table, each after those it references (tests/unit/test_db.c checks this against the schema). */
static const char *const tables[] = {
    "region",
    "municipality",
    "org",
    "programme",
    "funding_period",
    "budget_line",
    "funding_share",
    "cost",
    "goal",
    "partner",
    "sector",
    "deed",
    "theme",
    "deed_theme",
    "post_limit",
    "service_type",
    "service",
    "service_theme",
    "coach",
    "coach_theme",
    "coach_region",
    "user",
    "session",
    "user_token",
    "application",
    "application_theme",
    "application_event",
    "delivery",
    "delivery_org",
    "delivery_session",
    "person",
    "participation",
    "attendance",
    "esf_start",
    "target",
    "audit",
    "search_generation",
    "stats_generation",
    "login_throttle",
    "login_device",
    "outbox",
    "setting",
    "site_page",
    "upload",
    "survey_series",
    "survey",
    "survey_invite",
    "survey_draft",
    "survey_response",
    "survey_answer",
    "evaluation",
    "evaluation_item",
    "award_round",
    "award_category",
    "award_criterion",
    "award_nomination",
    "award_juror",
    "award_conflict",
    "award_score",
    "media",
    "news",
    "publication",
    "video",
    "video_caption",
    "event",
    "report_template",
    "thesaurus",
};

const char *const *db_tables(int *n) {
  *n = (int)(sizeof tables / sizeof tables[0]);
  return tables;
}

int db_schema_version(void) {
  return (int)(sizeof migrations / sizeof migrations[0]);
}

/* PostgreSQL: the schema version in a table of its own; a new database gets the baseline (schema_pg.c) in one step,
 * then the steps after it. Two servers starting at once take turns on an advisory lock. */
static int migrate_pg(db *d, kerr *e) {
  int want = db_schema_version();
  if (db_begin(d) != DB_OK || db_exec(d, "SELECT pg_advisory_xact_lock(7406)", "") != DB_OK ||
      db_script(d, "CREATE TABLE IF NOT EXISTS kehto_schema(version bigint NOT NULL)") != DB_OK) {
    kerr_set(e, NULL, "cannot read the schema version: %r", db_errmsg(d));
    db_rollback(d);
    return K_ERR;
  }
  int have = (int)db_int(d, 0, "SELECT max(version) FROM kehto_schema", "");
  if (have > want) {
    db_rollback(d);
    return kerr_set(e, NULL, "the database has schema version %d but this kehto knows only %d: use a newer kehto", have,
                    want);
  }
  int ok = 1, start = have;
  if (have == 0) {
    ok = db_script(d, db_schema_pg_baseline()) == DB_OK;
    have = DB_SCHEMA_PG_BASELINE;
  }
  for (int v = have; ok && v < want; v++) ok = db_script(d, db_schema_pg_step(v)) == DB_OK;
  if (ok && start != want)
    ok = db_exec(d, "DELETE FROM kehto_schema", "") == DB_OK &&
         db_exec(d, "INSERT INTO kehto_schema(version) VALUES (?1)", "i", (long long)want) == DB_OK;
  if (!ok || db_commit(d) != DB_OK) {
    kerr_set(e, NULL, "migration to schema version %d failed: %r", want, db_errmsg(d));
    db_rollback(d);
    return K_ERR;
  }
  return K_OK;
}

int db_migrate(db *d, kerr *e) {
  if (db_is_pg(d)) return migrate_pg(d, e);
  int have = (int)db_int(d, 0, "PRAGMA user_version", "");
  int want = db_schema_version();
  if (have > want) {
    return kerr_set(e, NULL, "the database has schema version %d but this kehto knows only %d: use a newer kehto", have,
                    want);
  }
  /* A migration that rebuilds a table (8: user) must not fire ON DELETE actions or fail on references while the old
   * table is gone; foreign keys are checked at the end of each migration instead. (The pragma is a no-op inside a
   * transaction, so it is set here.) */
  if (have < want) db_script(d, "PRAGMA foreign_keys=OFF");
  for (int v = have; v < want; v++) {
    /* a rebuild that the next version's rebuild makes again is left to it (its version is still recorded, so a stop
     * between the two leaves the next to run) */
    int again = v + 1 < want && !strcmp(migrations[v], REINDEX) && !strcmp(migrations[v + 1], REINDEX);
    if (db_begin(d) != DB_OK || (!again && db_script(d, migrations[v]) != DB_OK)) {
      kerr_set(e, NULL, "migration to schema version %d failed: %r", v + 1, db_errmsg(d));
      db_rollback(d);
      db_script(d, "PRAGMA foreign_keys=ON");
      return K_ERR;
    }
    if (db_exists(d, "PRAGMA foreign_key_check", "")) {
      kerr_set(e, NULL, "migration to schema version %d failed: a reference between tables does not hold", v + 1);
      db_rollback(d);
      db_script(d, "PRAGMA foreign_keys=ON");
      return K_ERR;
    }
    char pragma[48];
    snprintf(pragma, sizeof pragma, "PRAGMA user_version=%d", v + 1);
    if (db_script(d, pragma) != DB_OK || db_commit(d) != DB_OK) {
      kerr_set(e, NULL, "migration to schema version %d failed: %r", v + 1, db_errmsg(d));
      db_rollback(d);
      db_script(d, "PRAGMA foreign_keys=ON");
      return K_ERR;
    }
  }
  if (have < want) db_script(d, "PRAGMA foreign_keys=ON");
  return K_OK;
}
