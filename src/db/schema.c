/* schema: the whole database schema in one place, as an ordered list of migrations keyed by PRAGMA user_version. */
#include <stdio.h>

#include "core/buf.h"
#include "db/db.h"

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
};

int db_schema_version(void) {
  return (int)(sizeof migrations / sizeof migrations[0]);
}

int db_migrate(db *d, kerr *e) {
  int have = (int)db_int(d, 0, "PRAGMA user_version", "");
  int want = db_schema_version();
  if (have > want) {
    return kerr_set(e, NULL, "the database has schema version %d but this kehto knows only %d: use a newer kehto", have,
                    want);
  }
  for (int v = have; v < want; v++) {
    if (db_begin(d) != SQLITE_OK || db_script(d, migrations[v]) != SQLITE_OK) {
      kerr_set(e, NULL, "migration to schema version %d failed: %r", v + 1, db_errmsg(d));
      db_rollback(d);
      return K_ERR;
    }
    char pragma[48];
    snprintf(pragma, sizeof pragma, "PRAGMA user_version=%d", v + 1);
    if (db_script(d, pragma) != SQLITE_OK || db_commit(d) != SQLITE_OK) {
      kerr_set(e, NULL, "migration to schema version %d failed: %r", v + 1, db_errmsg(d));
      db_rollback(d);
      return K_ERR;
    }
  }
  return K_OK;
}
