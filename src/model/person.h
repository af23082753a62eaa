/* person: people kept once and found by email, their participations and attendance, ESF participant records,
 * the export of everything about a person and its erasure. */
#ifndef KEHTO_PERSON_H
#define KEHTO_PERSON_H
#include "core/buf.h"
#include "db/db.h"

#define PERSON_NAME_MAX 200 /* characters */
#define PERSON_OCCUPATION_MAX 200
#define PERSON_MIN_AGE 15 /* ESF participants are at least 15 at entry */

/* A person as entered or read (read: in the arena passed to person_get/person_list); NULL for empty or erased values.
 */
typedef struct person {
  long long id;
  char *email, *name;
  long long org_id; /* 0: none */
  char *org_name;   /* read only: the organisation's registry name */
  char *occupation;
  char *sector_code;
  char *sector_name; /* read only: the sector's Finnish name */
  char *created_at, *erased_at;
} person;

/* An ESF participant record (start record with its end record). As entered, its strings are malloc'd
 * (person_esf_validate replaces them); as read by person_esf_list, they are in the caller's arena. */
typedef struct esf_record {
  long long id, person_id, period_id;
  char *period_name;             /* read only */
  char *entry_date, *birth_date; /* YYYY-MM-DD; birth_date NULL: prefer not to say, or erased */
  int age_at_entry;              /* -1: not known */
  char *gender, *labour, *education;
  char *exit_date, *exit_status; /* both NULL or both set */
  /* Annex I items, each optional (NULL: not asked or not given; "eos": prefer not to say): unemployed_for is asked
   * only of the unemployed (alle6, 6_12, yli12), in_education only of the inactive; disability, migrant and
   * disadvantaged (kylla, ei) of everyone. exit_qualification (kylla, ei) belongs to the end record. */
  char *unemployed_for, *in_education, *disability, *migrant, *disadvantaged, *exit_qualification;
} esf_record;

/* ---- values ---- */

/* The participation role code for "tyontekija", "Työntekijä", "Henkilöstön edustaja"… (any case), or NULL. */
const char *person_role_code(const char *s);
/* Finnish label of a role code ("Työntekijä"), or the code itself when unknown. */
const char *person_role_label(const char *code);
/* The four participation roles, in display order: johto, esihenkilo, tyontekija, edustaja. person.c holds the one
 * table of roles with their labels; deliveries, applications and statistics use it through these. */
enum { PERSON_NROLES = 4 };
/* The role code of index i (0..3), or NULL. */
const char *person_role_at(int i);
/* The index (0..3) of a role code, or -1. */
int person_role_index(const char *code);
/* Finnish plural label of a role code for counts ("Työntekijät", "Henkilöstön edustajat"), or the code itself. */
const char *person_role_plural(const char *code);
/* Code lists of the ESF items. kind: "gender", "labour", "education", "exit_status", "unemployed_for", "yesno". Returns
 * the code for a code, its Finnish label or "En halua vastata"/"eos" (any case), or NULL. */
const char *person_esf_code(const char *kind, const char *s);
/* Finnish label of an ESF code ("Nainen", "ISCED 3–4", "En halua vastata"). */
const char *person_esf_label(const char *code);
/* The funding period that contains the year of a YYYY-MM-DD date, or 0. */
long long person_period_of(db *d, const char *date);

/* ---- people ---- */

/* Checks a person before saving: email valid, name given, lengths. Errors name fields email, name, occupation. */
int person_validate(const person *p, kerr *e);
/* The id of the (not erased) person with this email, compared case-insensitively, or 0. */
long long person_find(db *d, const char *email);
/* Inserts the person, or updates the one with the same email: name, organisation, occupation and sector when
 * given (non-empty/non-zero/non-NULL); a new person needs a name. Validates first. Returns the id, or 0 with e set.
 * *created (may be NULL) says whether a new row was made. p->id, when not 0, is what person_find gave for p->email
 * (-1: no such person), which spares looking again. */
long long person_save(db *d, const person *p, int *created, kerr *e);
/* Reads a person (with the organisation's name) into arena a, or NULL. */
person *person_get(db *d, arena *a, long long id);

/* People for the staff list: q matches name or email (substring, case-insensitive); org_id > 0 limits to one
 * organisation. Erased people are left out. Returns an array of *n in arena a (NULL when none). */
person *person_list(db *d, arena *a, const char *q, long long org_id, int limit, int offset, int *n);
long long person_count(db *d, const char *q, long long org_id);

/* ---- participation and attendance ---- */

/* Adds a person to a delivery with a role, or changes the role when they already take part. Returns the
 * participation id, or 0 with e set (field "role" for a bad role). */
long long person_participate(db *d, long long person_id, long long delivery_id, const char *role, kerr *e);
/* Records attendance at a session. Returns K_OK, or K_ERR with e set when it is already recorded. */
int person_attend(db *d, long long session_id, long long participation_id, kerr *e);

/* One participation as listed on pages (in the caller's arena). */
typedef struct person_part {
  long long id, person_id, delivery_id;
  char *person_name, *email, *org_name; /* for delivery and organisation lists */
  char *delivery_ref, *delivery_title, *service_name, *service_type, *counts, *starts_on;
  char *role;
  int sessions_attended, sessions_total;
  int has_esf; /* an ESF start record in the funding period of the delivery's start (person_period_of) */
} person_part;

/* The participations of a person, newest delivery first. */
person_part *person_parts(db *d, arena *a, long long person_id, int *n);
/* The participants of a delivery with role and sessions attended, by name. */
person_part *person_delivery_parts(db *d, arena *a, long long delivery_id, int *n);
/* "REF · title · service" naming a delivery for page headings (in arena a), or NULL when there is no such delivery. */
char *person_delivery_label(db *d, arena *a, long long delivery_id);

/* ---- ESF records ---- */

/* Checks and completes a start record: dates parsed (fields entry_date, birth_date, exit_date), birth date not in
 * the future, age at entry at least 15 (sets r->age_at_entry, -1 when the birth date is not given), codes
 * (gender, labour_status, education, exit_status, and the optional unemployed_for, in_education, disability, migrant,
 * disadvantaged, exit_qualification: a follow-up given where it is not asked, or a qualification without an end
 * record, is an error naming it), exit date not before entry; sets r->period_id from the entry
 * date. Dates in r may be in either accepted form and are rewritten as YYYY-MM-DD. today is YYYY-MM-DD or NULL
 * for the current date. Returns K_OK or K_ERR with e naming the field. */
int person_esf_validate(db *d, esf_record *r, const char *today, kerr *e);
/* Stores a validated start record. When the person already has one in that period, an identical record is the
 * same record (its id is returned); a different one is an error (field entry_date). Returns id or 0 with e set. */
long long person_esf_save(db *d, const esf_record *r, kerr *e);
/* Checks and stores a start record (with its end record) for r->person_id as entered on the staff form, with an
 * audit row by actor, in one savepoint (person_esf_validate, then person_esf_save; r's strings are replaced as
 * there). Returns the record's id, or 0 with e naming the field (nothing stored). */
long long person_esf_record(db *d, esf_record *r, const char *actor, kerr *e);
/* The id of the person's start record in a period, or 0. */
long long person_esf_in_period(db *d, long long person_id, long long period_id);
/* The person's ESF records, newest period first, in arena a. */
esf_record *person_esf_list(db *d, arena *a, long long person_id, int *n);

/* ---- rights ---- */

/* Writes everything kept about the person as one JSON object: person, participations (service, delivery, role,
 * sessions attended), ESF records, audit entries about them, survey invitations (never answers). Returns K_OK or K_ERR
 * when there is no such person. */
int person_export_json(db *d, long long id, buf *out);
/* Erases the person: name, email, occupation and birth dates removed, erased_at set; participations, attendance and
 * the ESF items without identifiers stay for the counts; survey invitations and their drafts are deleted, answers and
 * their pseudonyms stay. Every audit search term that contains the email, its local
 * part, the name or a word of the name (two letters or more; any case, ä/ö/å too) becomes "[erased]", and the
 * email is replaced wherever else an audit detail holds it. Writes an audit row (actor, "erase"). One transaction;
 * then the WAL is checkpointed and truncated (db_checkpoint_truncate) so that no copy of the erased bytes is left
 * in the files. Returns K_OK; K_ERR with e set when nothing was erased; PERSON_ERASE_IN_WAL with e set when the
 * person is erased but the WAL could not be emptied (a reader held it back). */
enum { PERSON_ERASE_IN_WAL = 1 };
int person_erase(db *d, long long id, const char *actor, kerr *e);
/* Lists in out ("user account 3, deed contact 12") the rows of other records that hold the person's email or name
 * (accounts, organisation and deed contacts, application texts, coaches): an erase leaves them, someone has to look
 * at them by hand. Call before person_erase. Returns how many. */
int person_mentions(db *d, long long id, buf *out);
/* Re-applies d's erasures to other (an older copy of the same database, a backup): every person erased in d and not
 * in other is erased there with person_erase. Person ids are never reused, so the id names the same person in both.
 * Sets *n to the number erased in other. Returns K_OK, or K_ERR with e set (*n erased before it stopped). */
int person_erase_again(db *d, db *other, const char *actor, int *n, kerr *e);

#endif
