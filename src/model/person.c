/* person: people found by email, participations, attendance, ESF records, export and erasure. */
#include "model/person.h"
#include "model/write.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/date.h"
#include "core/utf8.h"
#include "model/audit.h"
#include "model/survey_answer.h"

/* ---- values ---- */

typedef struct code_label {
  const char *kind, *code, *label, *alt;
} code_label;

static const code_label CODES[] = {
    {"role", "johto", "Johto", "Johto"},
    {"role", "esihenkilo", "Esihenkilö", "Esihenkilöt"},
    {"role", "tyontekija", "Työntekijä", "Työntekijät"},
    {"role", "edustaja", "Henkilöstön edustaja", "Henkilöstön edustajat"},
    {"gender", "nainen", "Nainen", "N"},
    {"gender", "mies", "Mies", "M"},
    {"gender", "muu", "Muu", "Muu"},
    {"labour", "tyollinen", "Työllinen", "Työllinen"},
    {"labour", "tyoton", "Työtön", "Työtön"},
    {"labour", "ulkopuolella", "Työvoiman ulkopuolella", "Työvoiman ulkopuolella"},
    {"education", "isced12", "ISCED 1–2", "ISCED 1-2"},
    {"education", "isced34", "ISCED 3–4", "ISCED 3-4"},
    {"education", "isced58", "ISCED 5–8", "ISCED 5-8"},
    {"exit_status", "tyollinen", "Työllinen", "Työllinen"},
    {"exit_status", "tyoton", "Työtön", "Työtön"},
    {"exit_status", "koulutus", "Koulutuksessa", "Koulutus"},
    {"exit_status", "ulkopuolella", "Työvoiman ulkopuolella", "Työvoiman ulkopuolella"},
    {"unemployed_for", "alle6", "Alle 6 kuukautta", "alle 6 kk"},
    {"unemployed_for", "6_12", "6–12 kuukautta", "6-12 kk"},
    {"unemployed_for", "yli12", "Yli 12 kuukautta", "yli 12 kk"},
    {"yesno", "kylla", "Kyllä", "K"},
    {"yesno", "ei", "Ei", "E"},
};
#define NCODES (sizeof CODES / sizeof CODES[0])

/* Case-insensitive compare that also folds the Finnish letters Ä, Ö and Å (UTF-8) to lower case. */
static int fold_eq(const char *a, const char *b) {
  for (;;) {
    unsigned char x = (unsigned char)*a, y = (unsigned char)*b;
    if (x == 0xC3 && y == 0xC3 && a[1] && b[1]) {
      unsigned char x1 = (unsigned char)a[1] | 0x20, y1 = (unsigned char)b[1] | 0x20;
      if (x1 != y1) return 0;
      a += 2, b += 2;
      continue;
    }
    if ((x | (x >= 'A' && x <= 'Z' ? 0x20 : 0)) != (y | (y >= 'A' && y <= 'Z' ? 0x20 : 0))) return 0;
    if (!x) return 1;
    a++, b++;
  }
}

static const char *lookup(const char *kind, const char *s) {
  if (util_blank(s)) return NULL;
  for (size_t i = 0; i < NCODES; i++)
    if (!strcmp(CODES[i].kind, kind) &&
        (fold_eq(s, CODES[i].code) || fold_eq(s, CODES[i].label) || fold_eq(s, CODES[i].alt)))
      return CODES[i].code;
  return NULL;
}

const char *person_role_code(const char *s) {
  return lookup("role", s);
}

/* The roles are the first PERSON_NROLES rows of CODES. */
int person_role_index(const char *code) {
  for (int i = 0; code && i < PERSON_NROLES; i++)
    if (!strcmp(CODES[i].code, code)) return i;
  return -1;
}

const char *person_role_at(int i) {
  return i >= 0 && i < PERSON_NROLES ? CODES[i].code : NULL;
}

const char *person_role_label(const char *code) {
  int i = person_role_index(code);
  return i >= 0 ? CODES[i].label : code ? code : "";
}

const char *person_role_plural(const char *code) {
  int i = person_role_index(code);
  return i >= 0 ? CODES[i].alt : code ? code : "";
}

const char *person_esf_code(const char *kind, const char *s) {
  if (util_blank(s)) return NULL;
  if (fold_eq(s, "eos") || fold_eq(s, "En halua vastata")) return "eos";
  return lookup(kind, s);
}

const char *person_esf_label(const char *code) {
  if (!code) return "";
  if (!strcmp(code, "eos")) return "En halua vastata";
  for (size_t i = 4; i < NCODES; i++)
    if (!strcmp(CODES[i].code, code)) return CODES[i].label;
  return code;
}

long long person_period_of(db *d, const char *date) {
  return db_int(d, 0,
                "SELECT id FROM funding_period WHERE CAST(substr(?1,1,4) AS INTEGER) BETWEEN start_year AND end_year "
                "ORDER BY id LIMIT 1",
                "t", date);
}

/* ---- people ---- */

int person_validate(const person *p, kerr *e) {
  if (util_blank(p->email)) return kerr_set(e, "email", "the email address is empty");
  if (!util_email_valid(p->email)) return kerr_set(e, "email", "'%r' is not a valid email address", p->email);
  if (util_blank(p->name)) return kerr_set(e, "name", "the name is empty");
  if (util_utf8_len(p->name) > PERSON_NAME_MAX)
    return kerr_set(e, "name", "the name is longer than %d characters", PERSON_NAME_MAX);
  if (p->occupation && util_utf8_len(p->occupation) > PERSON_OCCUPATION_MAX)
    return kerr_set(e, "occupation", "the occupation is longer than %d characters", PERSON_OCCUPATION_MAX);
  return K_OK;
}

long long person_find(db *d, const char *email) {
  if (util_blank(email)) return 0;
  return db_int(d, 0, "SELECT id FROM person WHERE email=?1 COLLATE NOCASE AND erased_at IS NULL", "t", email);
}

long long person_save(db *d, const person *p, int *created, kerr *e) {
  long long id = p->id > 0 ? p->id : p->id < 0 ? 0 : person_find(d, p->email);
  person check = *p;
  if (id && util_blank(check.name)) check.name = (char *)"-"; /* a known person keeps their name */
  if (person_validate(&check, e) != K_OK) return 0;
  if (created) *created = id == 0;
  int rc;
  if (id) {
    rc = db_exec(d,
                 "UPDATE person SET name=coalesce(nullif(?2,''), name), org_id=coalesce(nullif(?3,0), org_id),"
                 " occupation=coalesce(?4, occupation), sector_code=coalesce(?5, sector_code),"
                 " updated_at=?6 WHERE id=?1",
                 "itittt", id, p->name, p->org_id, p->occupation, p->sector_code, db_now().s);
  } else {
    rc = db_exec(d,
                 "INSERT INTO person(email, name, org_id, occupation, sector_code) "
                 "VALUES(?1, ?2, nullif(?3,0), coalesce(?4,''), ?5)",
                 "ttitt", p->email, p->name, p->org_id, p->occupation, p->sector_code);
    if (rc == DB_OK) id = db_last_id(d);
  }
  if (rc != DB_OK) {
    kerr_storage(e, "Henkilön tallennus", db_errmsg(d));
    return 0;
  }
  return id;
}

#define PERSON_COLS                                                                                                    \
  "SELECT p.id, p.email, p.name, coalesce(p.org_id,0), o.name, p.occupation, p.sector_code, p.created_at, "            \
  "p.erased_at, sc.name_fi FROM person p LEFT JOIN org o ON o.id=p.org_id LEFT JOIN sector sc ON "                     \
  "sc.code=p.sector_code "

static void read_person(db_stmt *st, person *p, arena *a) {
  p->id = db_col_int(st, 0);
  p->email = db_col_adup(st, 1, a);
  p->name = db_col_adup(st, 2, a);
  p->org_id = db_col_int(st, 3);
  p->org_name = db_col_adup(st, 4, a);
  p->occupation = db_col_adup(st, 5, a);
  p->sector_code = db_col_adup(st, 6, a);
  p->created_at = db_col_adup(st, 7, a);
  p->erased_at = db_col_adup(st, 8, a);
  p->sector_name = db_col_adup(st, 9, a);
}

person *person_get(db *d, arena *a, long long id) {
  db_stmt *st = db_query(d, PERSON_COLS "WHERE p.id=?1", "i", id);
  person *p = NULL;
  if (db_step(st) == 1) {
    p = arena_alloc(a, sizeof *p);
    read_person(st, p, a);
  }
  db_done(st);
  return p;
}

#define PERSON_WHERE                                                                                                   \
  "WHERE p.erased_at IS NULL AND (?1 = '' OR p.name LIKE ?1 ESCAPE '\\' OR p.email LIKE ?1 ESCAPE '\\') "              \
  "AND (?2 = 0 OR p.org_id = ?2) "

person *person_list(db *d, arena *a, const char *q, long long org_id, int limit, int offset, int *n) {
  char *like = util_like_contains(q);
  db_stmt *st = db_query(d, PERSON_COLS PERSON_WHERE "ORDER BY p.name COLLATE NOCASE, p.id LIMIT ?3 OFFSET ?4", "tiii",
                         like, org_id, (long long)limit, (long long)offset);
  person *v = NULL;
  int cap = 0;
  *n = 0;
  while (db_step(st) == 1) {
    v = arena_grow(a, v, *n, &cap, sizeof *v);
    read_person(st, &v[(*n)++], a);
  }
  db_done(st);
  free(like);
  return v;
}

long long person_count(db *d, const char *q, long long org_id) {
  char *like = util_like_contains(q);
  long long n = db_int(d, 0, "SELECT count(*) FROM person p " PERSON_WHERE, "ti", like, org_id);
  free(like);
  return n;
}

/* ---- participation and attendance ---- */

long long person_participate(db *d, long long person_id, long long delivery_id, const char *role, kerr *e) {
  const char *code = person_role_code(role);
  if (!code) return kerr_set(e, "role", "unknown role '%r'", role ? role : ""), 0;
  long long before = db_last_id(d);
  int rc = db_exec(d,
                   "INSERT INTO participation(person_id, delivery_id, role) VALUES(?1, ?2, ?3) "
                   "ON CONFLICT(person_id, delivery_id) DO UPDATE SET role=excluded.role",
                   "iit", person_id, delivery_id, code);
  if (rc != DB_OK) return kerr_storage(e, "Osallistumisen tallennus", db_errmsg(d)), 0;
  /* a new row changed the last inserted id; an upsert that updated did not, so look the id up then */
  long long id = db_last_id(d);
  if (id == before)
    id = db_int(d, 0, "SELECT id FROM participation WHERE person_id=?1 AND delivery_id=?2", "ii", person_id,
                delivery_id);
  return id;
}

int person_attend(db *d, long long session_id, long long participation_id, kerr *e) {
  if (db_exists(d, "SELECT 1 FROM attendance WHERE session_id=?1 AND participation_id=?2", "ii", session_id,
                participation_id))
    return kerr_set(e, "session", "the attendance is already recorded");
  if (db_exec(d, "INSERT INTO attendance(session_id, participation_id) VALUES(?1, ?2)", "ii", session_id,
              participation_id) != DB_OK)
    return kerr_storage(e, "Läsnäolon tallennus", db_errmsg(d));
  return K_OK;
}

#define PART_COLS                                                                                                      \
  "SELECT pa.id, pa.person_id, pa.delivery_id, pe.name, pe.email, o.name, d.ref, d.title, s.name, s.type_code, "       \
  "s.counts, d.starts_on, pa.role, "                                                                                   \
  "(SELECT count(*) FROM attendance a WHERE a.participation_id=pa.id), "                                               \
  "(SELECT count(*) FROM delivery_session ds WHERE ds.delivery_id=d.id), "                                             \
  "(SELECT count(*) FROM esf_start e WHERE e.person_id=pa.person_id AND e.period_id=(SELECT f.id FROM "                \
  "funding_period f WHERE CAST(substr(d.starts_on,1,4) AS INTEGER) BETWEEN f.start_year AND f.end_year "               \
  "ORDER BY f.id LIMIT 1)) "                                                                                           \
  "FROM participation pa JOIN person pe ON pe.id=pa.person_id JOIN delivery d ON d.id=pa.delivery_id "                 \
  "JOIN service s ON s.id=d.service_id LEFT JOIN org o ON o.id=pe.org_id "

static person_part *read_parts(db_stmt *st, arena *a, int *n) {
  person_part *v = NULL;
  int cap = 0;
  *n = 0;
  while (db_step(st) == 1) {
    v = arena_grow(a, v, *n, &cap, sizeof *v);
    person_part *x = &v[(*n)++];
    x->id = db_col_int(st, 0);
    x->person_id = db_col_int(st, 1);
    x->delivery_id = db_col_int(st, 2);
    x->person_name = db_col_adup(st, 3, a);
    x->email = db_col_adup(st, 4, a);
    x->org_name = db_col_adup(st, 5, a);
    x->delivery_ref = db_col_adup(st, 6, a);
    x->delivery_title = db_col_adup(st, 7, a);
    x->service_name = db_col_adup(st, 8, a);
    x->service_type = db_col_adup(st, 9, a);
    x->counts = db_col_adup(st, 10, a);
    x->starts_on = db_col_adup(st, 11, a);
    x->role = db_col_adup(st, 12, a);
    x->sessions_attended = (int)db_col_int(st, 13);
    x->sessions_total = (int)db_col_int(st, 14);
    x->has_esf = db_col_int(st, 15) > 0;
  }
  db_done(st);
  return v;
}

person_part *person_parts(db *d, arena *a, long long person_id, int *n) {
  return read_parts(db_query(d, PART_COLS "WHERE pa.person_id=?1 ORDER BY d.starts_on DESC, d.id DESC", "i", person_id),
                    a, n);
}

person_part *person_delivery_parts(db *d, arena *a, long long delivery_id, int *n) {
  return read_parts(
      db_query(d, PART_COLS "WHERE pa.delivery_id=?1 ORDER BY pe.name COLLATE NOCASE, pa.id", "i", delivery_id), a, n);
}

char *person_delivery_label(db *d, arena *a, long long delivery_id) {
  return db_atext(d, a,
                  "SELECT coalesce(nullif(d.ref,'') || ' · ', '') || coalesce(nullif(d.title,'') || ' · ', '') || "
                  "s.name FROM delivery d "
                  "JOIN service s ON s.id=d.service_id WHERE d.id=?1",
                  "i", delivery_id);
}

/* ---- ESF records ---- */

/* Parses the date in *slot (required or not) in place; field names the error. */
static int fix_date(char **slot, const char *field, int required, kerr *e) {
  if (util_blank(*slot)) {
    free(*slot), *slot = NULL;
    return required ? kerr_set(e, field, "the value is empty, but this column is required") : K_OK;
  }
  char iso[11];
  if (date_parse(*slot, iso) != K_OK)
    return kerr_set(e, field, "'%r' is not a date (write 22.11.2026 or 2026-11-22)", *slot);
  free(*slot);
  *slot = util_strdup(iso);
  return K_OK;
}

/* Replaces the text in *slot by its code of kind; field names the error. Empty is an error when required. */
static int fix_code(char **slot, const char *kind, const char *field, int required, kerr *e) {
  if (util_blank(*slot)) {
    free(*slot), *slot = NULL;
    return required ? kerr_set(e, field, "the value is empty, but this column is required") : K_OK;
  }
  const char *code = person_esf_code(kind, *slot);
  if (!code) {
    buf b = BUF_INIT;
    for (size_t i = 0, k = 0; i < NCODES; i++)
      if (!strcmp(CODES[i].kind, kind)) buf_printf(&b, "%r%r", k++ ? ", " : "", CODES[i].code);
    kerr_set(e, field, "unknown code '%r' (use %r, or eos / En halua vastata)", *slot, b.data);
    buf_free(&b);
    return K_ERR;
  }
  free(*slot);
  *slot = util_strdup(code);
  return K_OK;
}

/* The optional Annex I items and the qualification at exit: codes, and each follow-up only where it is asked. */
static int esf_annex_items(esf_record *r, kerr *e) {
  if (fix_code(&r->unemployed_for, "unemployed_for", "unemployed_for", 0, e) != K_OK ||
      fix_code(&r->in_education, "yesno", "in_education", 0, e) != K_OK ||
      fix_code(&r->disability, "yesno", "disability", 0, e) != K_OK ||
      fix_code(&r->migrant, "yesno", "migrant", 0, e) != K_OK ||
      fix_code(&r->disadvantaged, "yesno", "disadvantaged", 0, e) != K_OK ||
      fix_code(&r->exit_qualification, "yesno", "exit_qualification", 0, e) != K_OK)
    return K_ERR;
  if (r->unemployed_for && strcmp(r->labour, "tyoton"))
    return kerr_set(
        e, "unemployed_for",
        "the length of unemployment is asked only of the unemployed (labour_status tyoton); leave it empty");
  if (r->in_education && strcmp(r->labour, "ulkopuolella"))
    return kerr_set(e, "in_education",
                    "education or training is asked only of the inactive (labour_status ulkopuolella); leave it empty");
  if (r->exit_qualification && util_blank(r->exit_date))
    return kerr_set(e, "exit_qualification",
                    "a qualification upon leaving needs the end record (exit date and status)");
  return K_OK;
}

int person_esf_validate(db *d, esf_record *r, const char *today, kerr *e) {
  char now[32];
  if (!today) {
    util_now_iso(now, sizeof now);
    now[10] = 0;
    today = now;
  }
  const char *birth_code = person_esf_code("birth_date", r->birth_date); /* "eos" or NULL: no such code list */
  int birth_eos = birth_code && !strcmp(birth_code, "eos");
  if (birth_eos) free(r->birth_date), r->birth_date = NULL;
  if (fix_date(&r->entry_date, "entry_date", 1, e) != K_OK) return K_ERR;
  if (!birth_eos && fix_date(&r->birth_date, "birth_date", 1, e) != K_OK) return K_ERR;
  r->age_at_entry = -1;
  if (r->birth_date) {
    if (strcmp(r->birth_date, today) > 0)
      return kerr_set(e, "birth_date", "the birth date %r is in the future", r->birth_date);
    r->age_at_entry = date_years_between(r->birth_date, r->entry_date);
    if (r->age_at_entry < PERSON_MIN_AGE)
      return kerr_set(e, "birth_date", "the age at entry is %d; ESF participants must be at least %d",
                      r->age_at_entry < 0 ? 0 : r->age_at_entry, PERSON_MIN_AGE);
  }
  if (fix_code(&r->gender, "gender", "gender", 1, e) != K_OK ||
      fix_code(&r->labour, "labour", "labour_status", 1, e) != K_OK ||
      fix_code(&r->education, "education", "education", 1, e) != K_OK ||
      fix_date(&r->exit_date, "exit_date", 0, e) != K_OK ||
      fix_code(&r->exit_status, "exit_status", "exit_status", 0, e) != K_OK)
    return K_ERR;
  if (esf_annex_items(r, e) != K_OK) return K_ERR;
  if (r->exit_date && !r->exit_status)
    return kerr_set(e, "exit_status", "an exit date needs a status on exit (or eos)");
  if (r->exit_status && !r->exit_date) return kerr_set(e, "exit_date", "a status on exit needs an exit date");
  if (r->exit_date && strcmp(r->exit_date, r->entry_date) < 0)
    return kerr_set(e, "exit_date", "the exit date %r is before the entry date %r", r->exit_date, r->entry_date);
  r->period_id = person_period_of(d, r->entry_date);
  if (!r->period_id) return kerr_set(e, "entry_date", "no funding period contains the entry date %r", r->entry_date);
  return K_OK;
}

long long person_esf_in_period(db *d, long long person_id, long long period_id) {
  return db_int(d, 0, "SELECT id FROM esf_start WHERE person_id=?1 AND period_id=?2", "ii", person_id, period_id);
}

static int same(const char *a, const char *b) {
  return (!a && !b) || (a && b && !strcmp(a, b));
}

/* The person's start record in r's period, when it is r (or r without its end, which is then added): its id; 0 with
 * e set when it differs. */
static long long esf_same(db *d, long long id, const esf_record *r, kerr *e) {
  db_stmt *st = db_query(d,
                         "SELECT entry_date, birth_date, gender, labour, education, unemployed_for, in_education,"
                         " disability, migrant, disadvantaged, exit_date, exit_status, exit_qualification "
                         "FROM esf_start WHERE id=?1",
                         "i", id);
  int start_same = 0, end_same = 0, no_end = 0;
  if (db_step(st) == 1) {
    const char *have[13];
    for (int i = 0; i < 13; i++) have[i] = db_col_null(st, i) ? NULL : db_col_text(st, i);
    const char *want[13] = {r->entry_date,        r->birth_date,     r->gender,       r->labour,
                            r->education,         r->unemployed_for, r->in_education, r->disability,
                            r->migrant,           r->disadvantaged,  r->exit_date,    r->exit_status,
                            r->exit_qualification};
    start_same = end_same = 1;
    for (int i = 0; i < 13; i++)
      if (!same(have[i], want[i])) *(i < 10 ? &start_same : &end_same) = 0;
    no_end = have[10] == NULL;
  }
  db_done(st);
  if (start_same && end_same) return id;
  if (!start_same || !no_end)
    return kerr_set(e, "entry_date", "the person already has a different ESF start record in this funding period"), 0;
  /* the same start record with its end record added later */
  if (db_exec(d, "UPDATE esf_start SET exit_date=?2, exit_status=?3, exit_qualification=?4 WHERE id=?1", "ittt", id,
              r->exit_date, r->exit_status, r->exit_qualification) != DB_OK)
    return kerr_storage(e, "ESF-tietojen tallennus", db_errmsg(d)), 0;
  return id;
}

long long person_esf_save(db *d, const esf_record *r, kerr *e) {
  /* one statement for the usual case, a first record; an existing one is left alone and compared */
  int rc =
      db_exec(d,
              "INSERT INTO esf_start(person_id, period_id, entry_date, birth_date, age_at_entry, gender, labour,"
              " education, exit_date, exit_status, unemployed_for, in_education, disability, migrant,"
              " disadvantaged, exit_qualification) VALUES(?1, ?2, ?3, ?4, nullif(?5,-1), ?6, ?7, ?8, ?9, ?10,"
              " ?11, ?12, ?13, ?14, ?15, ?16) ON CONFLICT(person_id, period_id) DO NOTHING",
              "iittittttttttttt", r->person_id, r->period_id, r->entry_date, r->birth_date, (long long)r->age_at_entry,
              r->gender, r->labour, r->education, r->exit_date, r->exit_status, r->unemployed_for, r->in_education,
              r->disability, r->migrant, r->disadvantaged, r->exit_qualification);
  if (rc != DB_OK) return kerr_storage(e, "ESF-tietojen tallennus", db_errmsg(d)), 0;
  if (db_changes(d) == 1) return db_last_id(d);
  long long id = person_esf_in_period(d, r->person_id, r->period_id);
  if (!id) return kerr_storage(e, "ESF-tietojen tallennus", "the record is neither stored nor found"), 0;
  return esf_same(d, id, r, e);
}

long long person_esf_record(db *d, esf_record *r, const char *actor, kerr *e) {
  if (person_esf_validate(d, r, NULL, e) != K_OK || write_begin(d, "ESF-tietojen tallennus", e) != K_OK) return 0;
  long long id = person_esf_save(d, r, e);
  char subject[40], detail[80];
  snprintf(subject, sizeof subject, "person:%lld", r->person_id);
  snprintf(detail, sizeof detail, "ESF record %lld (staff form)", id);
  int rc = id && audit_log(d, actor, "update", subject, detail) == K_OK ? K_OK : K_ERR;
  if (write_end(d, rc, "ESF-tietojen tallennus", e) != K_OK) return 0;
  return id;
}

esf_record *person_esf_list(db *d, arena *a, long long person_id, int *n) {
  db_stmt *st = db_query(d,
                         "SELECT e.id, e.person_id, e.period_id, f.name, e.entry_date, e.birth_date,"
                         " coalesce(e.age_at_entry,-1), e.gender, e.labour, e.education, e.exit_date,"
                         " e.exit_status, e.unemployed_for, e.in_education, e.disability, e.migrant,"
                         " e.disadvantaged, e.exit_qualification FROM esf_start e"
                         " JOIN funding_period f ON f.id=e.period_id "
                         "WHERE e.person_id=?1 ORDER BY f.start_year DESC",
                         "i", person_id);
  esf_record *v = NULL;
  int cap = 0;
  *n = 0;
  while (db_step(st) == 1) {
    v = arena_grow(a, v, *n, &cap, sizeof *v);
    esf_record *x = &v[(*n)++];
    x->id = db_col_int(st, 0);
    x->person_id = db_col_int(st, 1);
    x->period_id = db_col_int(st, 2);
    x->period_name = db_col_adup(st, 3, a);
    x->entry_date = db_col_adup(st, 4, a);
    x->birth_date = db_col_adup(st, 5, a);
    x->age_at_entry = (int)db_col_int(st, 6);
    x->gender = db_col_adup(st, 7, a);
    x->labour = db_col_adup(st, 8, a);
    x->education = db_col_adup(st, 9, a);
    x->exit_date = db_col_adup(st, 10, a);
    x->exit_status = db_col_adup(st, 11, a);
    char **items[6] = {&x->unemployed_for, &x->in_education,  &x->disability,
                       &x->migrant,        &x->disadvantaged, &x->exit_qualification};
    for (int k = 0; k < 6; k++) *items[k] = db_col_adup(st, 12 + k, a);
  }
  db_done(st);
  return v;
}

/* ---- rights ---- */

static void export_parts(db *d, arena *a, long long id, buf *o) {
  int n = 0;
  person_part *v = person_parts(d, a, id, &n);
  buf_puts(o, ",\n  \"participations\": [");
  for (int i = 0; i < n; i++) {
    person_part *x = &v[i];
    buf_printf(o,
               "%r\n    {\"delivery\": %lld, \"delivery_ref\": %J, \"delivery_title\": %J, \"service\": %J, "
               "\"service_type\": %J, \"counts\": %J, \"starts_on\": %J, \"role\": %J, \"sessions_attended\": %d, "
               "\"attended\": [",
               i ? "," : "", x->delivery_id, x->delivery_ref, x->delivery_title, x->service_name, x->service_type,
               x->counts, x->starts_on, x->role, x->sessions_attended);
    db_stmt *st = db_query(d,
                           "SELECT ds.number, ds.held_on FROM attendance a JOIN delivery_session ds "
                           "ON ds.id=a.session_id WHERE a.participation_id=?1 ORDER BY ds.number",
                           "i", x->id);
    for (int k = 0; db_step(st) == 1; k++)
      buf_printf(o, "%r{\"session\": %lld, \"held_on\": \"%j\"}", k ? ", " : "", db_col_int(st, 0), db_col_text(st, 1));
    db_done(st);
    buf_puts(o, "]}");
  }
  buf_puts(o, n ? "\n  ]" : "]");
}

static void export_esf(db *d, arena *a, long long id, buf *o) {
  int n = 0;
  esf_record *v = person_esf_list(d, a, id, &n);
  buf_puts(o, ",\n  \"esf_records\": [");
  for (int i = 0; i < n; i++) {
    esf_record *x = &v[i];
    buf_printf(o, "%r\n    {\"period\": %J, \"entry_date\": %J, \"birth_date\": %J, \"age_at_entry\": ", i ? "," : "",
               x->period_name, x->entry_date, x->birth_date);
    if (x->age_at_entry < 0)
      buf_puts(o, "null");
    else
      buf_printf(o, "%d", x->age_at_entry);
    buf_printf(o,
               ", \"gender\": %J, \"labour_status\": %J, \"education\": %J, \"unemployed_for\": %J, "
               "\"in_education\": %J, \"disability\": %J, \"migrant\": %J, \"disadvantaged\": %J, "
               "\"exit_date\": %J, \"exit_status\": %J, \"exit_qualification\": %J}",
               x->gender, x->labour, x->education, x->unemployed_for, x->in_education, x->disability, x->migrant,
               x->disadvantaged, x->exit_date, x->exit_status, x->exit_qualification);
  }
  buf_puts(o, n ? "\n  ]" : "]");
}

static void export_audit(db *d, arena *a, long long id, buf *o) {
  char subject[40];
  snprintf(subject, sizeof subject, "person:%lld", id);
  int n = 0;
  audit_row *v = audit_about(d, a, subject, 10000, &n);
  buf_puts(o, ",\n  \"audit\": [");
  for (int i = n - 1; i >= 0; i--)
    buf_printf(o, "%r\n    {\"at\": %J, \"actor\": %J, \"action\": %J, \"subject\": %J, \"detail\": %J}",
               i == n - 1 ? "" : ",", v[i].at, v[i].actor, v[i].action, v[i].subject, v[i].detail);
  buf_puts(o, n ? "\n  ]" : "]");
}

int person_export_json(db *d, long long id, buf *o) {
  arena a = {0};
  person *p = person_get(d, &a, id);
  if (!p) return K_ERR;
  buf_printf(o,
             "{\n  \"person\": {\"id\": %lld, \"email\": %J, \"name\": %J, \"organisation\": %J, "
             "\"occupation\": %J, \"sector\": %J, \"created_at\": %J, \"erased_at\": %J}",
             p->id, p->email, p->name, p->org_name, p->occupation, p->sector_code, p->created_at, p->erased_at);
  export_parts(d, &a, id, o);
  export_esf(d, &a, id, o);
  export_audit(d, &a, id, o);
  survey_person_export(d, id, o);
  buf_puts(o, "\n}\n");
  arena_free(&a);
  return K_OK;
}

/* ---- erasure ---- */

#define AUDIT_SEARCH ", search "
#define ERASED_MARK "[erased]"
enum { MAX_NEEDLES = 40 };

/* The lower-cased strings that name a person in a search term. */
typedef struct needles {
  char *v[MAX_NEEDLES];
  int n;
} needles;

static char *lower_dup(const char *s, size_t n) {
  buf b = BUF_INIT;
  utf8_lower(&b, s, n);
  buf_putc(&b, 0); /* an empty string is still a string */
  return buf_detach(&b);
}

/* Adds the lower case of s[0..n) when it has two characters or more. */
static void add_needle(needles *nd, const char *s, size_t n) {
  char *v = lower_dup(s, n);
  if (nd->n < MAX_NEEDLES && util_utf8_len(v) >= 2)
    nd->v[nd->n++] = v;
  else
    free(v);
}

/* The email, its local part, the whole name and every word of the name (Anna-Liisa: anna, liisa). */
static void collect_needles(needles *nd, const char *email, const char *name) {
  if (email) {
    add_needle(nd, email, strlen(email));
    const char *at = strchr(email, '@');
    if (at) add_needle(nd, email, (size_t)(at - email));
  }
  if (!name) return;
  add_needle(nd, name, strlen(name));
  size_t pos = 0, start, end, len = strlen(name);
  while (utf8_next_word(name, len, &pos, &start, &end)) add_needle(nd, name + start, end - start);
}

static int any_needle(const needles *nd, const char *lowered) {
  for (int i = 0; i < nd->n; i++)
    if (strstr(lowered, nd->v[i])) return 1;
  return 0;
}

/* The new detail for an audit row that names the person, or NULL to leave it. A search term ("page 2, search
 * Rautio") that contains any needle is replaced whole; elsewhere the email (any case) is replaced where it stands.
 * The name is not replaced outside search terms: a short name ("Ari") would cut into file names and words. */
static char *scrubbed_detail(const needles *nd, const char *email, const char *detail) {
  const char *s = strstr(detail, AUDIT_SEARCH);
  if (s) {
    char *term = lower_dup(s + strlen(AUDIT_SEARCH), strlen(s + strlen(AUDIT_SEARCH)));
    int hit = any_needle(nd, term);
    free(term);
    if (hit) {
      buf b = BUF_INIT;
      buf_append(&b, detail, (size_t)(s - detail));
      buf_puts(&b, AUDIT_SEARCH ERASED_MARK);
      return buf_detach(&b);
    }
  }
  if (!email) return NULL;
  char *low = lower_dup(detail, strlen(detail)), *mail = lower_dup(email, strlen(email));
  char *out = NULL;
  if (strstr(low, mail)) {
    if (strlen(low) != strlen(detail)) {
      out = util_strdup(ERASED_MARK); /* lower case changed byte lengths: offsets do not carry over */
    } else {
      buf b = BUF_INIT;
      size_t ml = strlen(mail);
      for (const char *p = low, *q; (q = strstr(p, mail)); p = q + ml) {
        buf_append(&b, detail + (p - low), (size_t)(q - p));
        buf_puts(&b, ERASED_MARK);
        if (!strstr(q + ml, mail)) buf_puts(&b, detail + (q + ml - low));
      }
      out = buf_detach(&b);
    }
  }
  free(low), free(mail);
  return out;
}

/* Rewrites every audit detail that names the person (scrubbed_detail). Matching is done here, not in SQL: SQLite's
 * lower() folds ASCII only, and "RÄSÄNEN" must match "Räsänen". Returns K_OK or K_ERR (storage). */
static int scrub_audit(db *d, const char *email, const char *name) {
  needles nd = {0};
  collect_needles(&nd, email, name);
  long long *ids = NULL;
  char **fresh = NULL;
  int n = 0, cap = 0, cap2 = 0;
  db_stmt *st = db_query(d, "SELECT id, detail FROM audit WHERE instr(detail, ?1) > 0 OR instr(detail, '@') > 0", "t",
                         AUDIT_SEARCH);
  while (db_step(st) == 1) {
    char *v = scrubbed_detail(&nd, email, db_col_text(st, 1));
    if (!v) continue;
    ids = util_grow(ids, n, &cap, sizeof *ids);
    fresh = util_grow(fresh, n, &cap2, sizeof *fresh);
    ids[n] = db_col_int(st, 0);
    fresh[n++] = v;
  }
  db_done(st);
  int ok = 1;
  for (int i = 0; i < n; i++) {
    ok = ok && db_exec(d, "UPDATE audit SET detail=?2 WHERE id=?1", "it", ids[i], fresh[i]) == DB_OK;
    free(fresh[i]);
  }
  free(ids), free(fresh);
  for (int i = 0; i < nd.n; i++) free(nd.v[i]);
  return ok ? K_OK : K_ERR;
}

/* Rows outside the person's own data that name them: these belong to someone else's record (an account, an
 * organisation's contact, a deed, an application) and are not changed by an erase. */
static const struct {
  const char *what, *sql;
} MENTIONS[] = {
    {"user account", "SELECT id FROM user WHERE email=?1 COLLATE NOCASE OR name=?2 COLLATE NOCASE"},
    {"organisation contact",
     "SELECT id FROM org WHERE contact_email=?1 COLLATE NOCASE OR contact_name=?2 COLLATE NOCASE"},
    {"deed contact", "SELECT id FROM deed WHERE contact_email=?1 COLLATE NOCASE OR contact_name=?2 COLLATE NOCASE"},
    {"application text", "SELECT id FROM application WHERE instr(lower(need || ' ' || reason), lower(?2)) > 0 OR "
                         "instr(lower(need || ' ' || reason), lower(?1)) > 0"},
    {"coach", "SELECT id FROM coach WHERE email=?1 COLLATE NOCASE OR name=?2 COLLATE NOCASE"},
};

int person_mentions(db *d, long long id, buf *out) {
  char *email = db_text(d, "SELECT email FROM person WHERE id=?1", "i", id);
  char *name = db_text(d, "SELECT name FROM person WHERE id=?1", "i", id);
  int n = 0;
  for (size_t i = 0; email && name && i < sizeof MENTIONS / sizeof *MENTIONS; i++) {
    db_stmt *st = db_query(d, MENTIONS[i].sql, "tt", email, name);
    while (db_step(st) == 1) buf_printf(out, "%r%r %lld", n++ ? ", " : "", MENTIONS[i].what, db_col_int(st, 0));
    db_done(st);
  }
  free(email), free(name);
  return n;
}

int person_erase(db *d, long long id, const char *actor, kerr *e) {
  if (!db_exists(d, "SELECT 1 FROM person WHERE id=?1", "i", id)) return kerr_set(e, NULL, "no such person");
  if (db_begin(d) != DB_OK) return kerr_storage(e, "Henkilötietojen poisto", db_errmsg(d));
  char subject[40];
  snprintf(subject, sizeof subject, "person:%lld", id);
  char *email = db_text(d, "SELECT email FROM person WHERE id=?1", "i", id);
  char *name = db_text(d, "SELECT name FROM person WHERE id=?1", "i", id);
  int ok = scrub_audit(d, email, name) == K_OK &&
           db_exec(d,
                   "UPDATE person SET email=NULL, name=NULL, occupation='', "
                   "updated_at=?2, erased_at=coalesce(erased_at, ?2) WHERE id=?1",
                   "it", id, db_now().s) == DB_OK &&
           db_exec(d, "UPDATE esf_start SET birth_date=NULL WHERE person_id=?1", "i", id) == DB_OK &&
           survey_person_erase(d, id) == K_OK && /* their invitations; answers and pseudonyms stay */
           /* the login throttle bucket keyed by the email (model/user.c lower-cases ASCII) */
           db_exec(d, "DELETE FROM login_throttle WHERE key='acct:' || lower(?1)", "t", email ? email : "") == DB_OK &&
           audit_log(d, actor, "erase", subject, "name, email, occupation and birth date removed") == K_OK;
  free(email), free(name);
  if (!ok || db_commit(d) != DB_OK) {
    kerr_storage(e, "Henkilötietojen poisto", db_errmsg(d));
    db_rollback(d);
    return K_ERR;
  }
  /* the rows are zeroed in their pages (secure_delete), but the WAL still holds the pages as they were before */
  kerr ce = {0};
  if (db_checkpoint_truncate(d, &ce) != K_OK) {
    kerr_set(e, NULL,
             "%r; older copies of the erased data stay in the database's -wal file until the next checkpoint: "
             "restart `kehto serve` (its last connection empties the file as it closes)",
             ce.msg);
    kerr_clear(&ce);
    return PERSON_ERASE_IN_WAL;
  }
  return K_OK;
}

int person_erase_again(db *d, db *other, const char *actor, int *n, kerr *e) {
  *n = 0;
  long long *ids = NULL;
  int m = 0, cap = 0;
  db_stmt *st = db_query(d, "SELECT id FROM person WHERE erased_at IS NOT NULL ORDER BY id", "");
  while (db_step(st) == 1) {
    ids = util_grow(ids, m, &cap, sizeof *ids);
    ids[m++] = db_col_int(st, 0);
  }
  db_done(st);
  int rc = K_OK;
  for (int i = 0; i < m && rc != K_ERR; i++) {
    if (!db_exists(other, "SELECT 1 FROM person WHERE id=?1 AND erased_at IS NULL", "i", ids[i])) continue;
    rc = person_erase(other, ids[i], actor, e);
    if (rc == PERSON_ERASE_IN_WAL) kerr_clear(e); /* its WAL goes when the copy is closed: nobody else reads it */
    if (rc != K_ERR) ++*n;
  }
  free(ids);
  return rc == K_ERR ? K_ERR : K_OK;
}
