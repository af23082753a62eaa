/* org: organisation registry storage and validation. */
#include "model/org.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"

/* Frees the strings of o, not o itself. */
int org_ytunnus_valid(const char *s) {
  static const int w[7] = {7, 9, 10, 5, 8, 4, 2};
  if (!s || strlen(s) != 9 || s[7] != '-') return 0;
  int sum = 0;
  for (int i = 0; i < 7; i++) {
    if (!isdigit((unsigned char)s[i])) return 0;
    sum += (s[i] - '0') * w[i];
  }
  if (!isdigit((unsigned char)s[8])) return 0;
  int r = sum % 11;
  if (r == 1) return 0;
  int check = r == 0 ? 0 : 11 - r;
  return check == s[8] - '0';
}

static const char *const types[][2] = {
    {"kunta", "Kunta"},
    {"kuntayhtyma", "Kuntayhtymä"},
    {"yhtio", "Kuntaomisteinen yhtiö"},
    {"hyvinvointialue", "Hyvinvointialue tai maakunta"},
    {"muu", "Muu"},
};

int org_type_valid(const char *type) {
  for (size_t i = 0; type && i < sizeof types / sizeof types[0]; i++)
    if (strcmp(type, types[i][0]) == 0) return 1;
  return 0;
}

const char *org_type_code(int i) {
  return i >= 0 && (size_t)i < sizeof types / sizeof types[0] ? types[i][0] : NULL;
}

const char *org_type_label(const char *type) {
  for (size_t i = 0; type && i < sizeof types / sizeof types[0]; i++)
    if (strcmp(type, types[i][0]) == 0) return types[i][1];
  return type ? type : "";
}

int org_validate(db *d, const org *o, kerr *e) {
  if (util_blank(o->name)) return kerr_set(e, "name", "Nimi puuttuu.");
  if (strlen(o->name) > 300) return kerr_set(e, "name", "Nimi on liian pitkä (enintään 300 merkkiä).");
  if (!org_type_valid(o->type)) return kerr_set(e, "type", "Valitse organisaation tyyppi.");
  if (o->municipality_code && !db_exists(d, "SELECT 1 FROM municipality WHERE code=?1", "t", o->municipality_code))
    return kerr_set(e, "municipality", "Tuntematon kunta.");
  if (!util_blank(o->ytunnus) && !org_ytunnus_valid(o->ytunnus))
    return kerr_set(e, "ytunnus",
                    "Y-tunnus %r ei ole kelvollinen: muoto on 1234567-8 ja tarkistenumeron pitää täsmätä.", o->ytunnus);
  if (!util_blank(o->contact_email) && !util_email_valid(o->contact_email))
    return kerr_set(e, "contact_email", "Sähköpostiosoite ei ole kelvollinen.");
  return K_OK;
}

static void bind_org(db_stmt *st, const org *o) {
  db_bind_text(st, ":name", o->name);
  db_bind_text(st, ":type", o->type);
  db_bind_text(st, ":municipality_code", o->municipality_code);
  db_bind_text(st, ":ytunnus", util_blank(o->ytunnus) ? NULL : o->ytunnus);
  db_bind_text(st, ":contact_name", o->contact_name);
  db_bind_text(st, ":contact_email", o->contact_email);
}

static int org_error(db *d, const org *o, kerr *e) {
  if (strstr(db_errmsg(d), "org.ytunnus")) return kerr_set(e, "ytunnus", "Y-tunnus %r on jo rekisterissä.", o->ytunnus);
  return kerr_storage(e, "Organisaation tallennus", db_errmsg(d));
}

long long org_insert(db *d, const org *o, kerr *e) {
  db_stmt *st = db_prepare(d, "INSERT INTO org(name,type,municipality_code,ytunnus,contact_name,contact_email)"
                              " VALUES(:name,:type,:municipality_code,:ytunnus,:contact_name,:contact_email)");
  bind_org(st, o);
  int rc = db_step(st);
  db_done(st);
  if (rc < 0) {
    org_error(d, o, e);
    return 0;
  }
  return db_last_id(d);
}

int org_update(db *d, const org *o, kerr *e) {
  db_stmt *st = db_prepare(d, "UPDATE org SET name=:name,type=:type,municipality_code=:municipality_code,"
                              "ytunnus=:ytunnus,contact_name=:contact_name,contact_email=:contact_email,"
                              "updated_at=:now WHERE id=:id");
  bind_org(st, o);
  db_bind_int(st, ":id", o->id);
  db_bind_text(st, ":now", db_now().s);
  int rc = db_step(st);
  db_done(st);
  if (rc < 0) return org_error(d, o, e);
  if (db_changes(d) == 0) return kerr_set(e, NULL, "Organisaatiota %lld ei ole.", o->id);
  /* deeds that name the organisation from the registry follow its name */
  db_exec(d, "UPDATE deed SET org_name=?2 WHERE org_id=?1", "it", o->id, o->name);
  return K_OK;
}

/* Fills o from a row: id, name, type, municipality code and name, region name, ytunnus, contact name, email. */
static void read_org(db_stmt *st, org *o, arena *a) {
  o->id = db_col_int(st, 0);
  o->name = db_col_adup(st, 1, a);
  o->type = db_col_adup(st, 2, a);
  o->municipality_code = db_col_adup(st, 3, a);
  o->municipality_name = db_col_adup(st, 4, a);
  o->region_name = db_col_adup(st, 5, a);
  o->ytunnus = db_col_adup(st, 6, a);
  o->contact_name = db_col_adup(st, 7, a);
  o->contact_email = db_col_adup(st, 8, a);
}

org *org_get(db *d, arena *a, long long id) {
  db_stmt *st = db_query(d,
                         "SELECT o.id,o.name,o.type,o.municipality_code,m.name_fi,r.name_fi,o.ytunnus,"
                         "o.contact_name,o.contact_email FROM org o"
                         " LEFT JOIN municipality m ON m.code=o.municipality_code"
                         " LEFT JOIN region r ON r.code=m.region_code WHERE o.id=?1",
                         "i", id);
  org *o = NULL;
  if (db_step(st) == 1) {
    o = arena_alloc(a, sizeof *o);
    read_org(st, o, a);
  }
  db_done(st);
  return o;
}

long long org_find(db *d, const char *s) {
  if (util_blank(s)) return 0;
  return db_int(d, 0, "SELECT id FROM org WHERE ytunnus=?1 OR name=?1 COLLATE NOCASE ORDER BY id LIMIT 1", "t", s);
}

/* The filter shared by org_count and org_list: ?1 the LIKE pattern ('' = any), ?2 the type ('' = any). */
#define ORG_WHERE                                                                                                      \
  " WHERE (?1='' OR o.name LIKE ?1 ESCAPE '\\' OR coalesce(o.ytunnus,'') LIKE ?1 ESCAPE '\\')"                         \
  " AND (?2='' OR o.type=?2)"

long long org_count(db *d, const org_filter *f) {
  char *pat = util_like_contains(f ? f->q : NULL);
  long long n = db_int(d, 0, "SELECT count(*) FROM org o" ORG_WHERE, "tt", pat, f && f->type ? f->type : "");
  free(pat);
  return n;
}

org *org_list(db *d, arena *a, const org_filter *f, int limit, int offset, int *n) {
  char *pat = util_like_contains(f ? f->q : NULL);
  db_stmt *st = db_query(d,
                         "SELECT o.id,o.name,o.type,o.municipality_code,m.name_fi,r.name_fi,o.ytunnus,"
                         "o.contact_name,o.contact_email,(SELECT count(*) FROM deed WHERE org_id=o.id) FROM org o"
                         " LEFT JOIN municipality m ON m.code=o.municipality_code"
                         " LEFT JOIN region r ON r.code=m.region_code" ORG_WHERE
                         " ORDER BY o.name COLLATE NOCASE, o.id LIMIT ?3 OFFSET ?4",
                         "ttii", pat, f && f->type ? f->type : "", (long long)limit, (long long)offset);
  org *v = arena_alloc(a, (size_t)(limit > 0 ? limit : 1) * sizeof *v);
  *n = 0;
  while (*n < limit && db_step(st) == 1) {
    read_org(st, &v[*n], a);
    v[(*n)++].deed_count = db_col_int(st, 9);
  }
  db_done(st);
  free(pat);
  return v;
}
