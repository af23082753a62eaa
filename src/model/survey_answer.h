/* survey_answer: answering surveys: invitations with personal links, reminders, the series' pairing keys and the
 * pseudonyms made with them, drafts kept under a link's token only, and answers stored with no link to the person
 * (by invitation or by a survey's open link). The definition is survey.h's; results are report/survey_results.h's.
 *
 * The secrets: the master key (model/seckey.h) is outside the database. An invitation's link is
 * /kysely/TOKEN where TOKEN = base64url (no padding) of HMAC-SHA256(master key, "invite:" || nonce), 43 characters;
 * the database keeps the nonce and the token's hex SHA-256 only, so a reminder makes the same link again and a copy
 * of the database alone opens no form. A series' pairing key is 32 random bytes kept as nonce || secretbox under the
 * master key; an answer to a survey of an open series carries hex HMAC-SHA256(series key, "person:" || person id). */
#ifndef KEHTO_SURVEY_ANSWER_H
#define KEHTO_SURVEY_ANSWER_H
#include "core/buf.h"
#include "db/db.h"
#include "model/seckey.h"
#include "model/survey.h"

#define SURVEY_TOKEN_LEN 43

/* The link's token for an invitation's nonce, into out (44 bytes with the NUL). */
void survey_token(const unsigned char master[SECKEY_LEN], const char *nonce, char out[SURVEY_TOKEN_LEN + 1]);
/* The hex SHA-256 of a token, as survey_invite.token_hash and survey_draft.token_hash keep it. */
void survey_token_hash(const char *token, char out[65]);
/* The person's pseudonym in a series (hex, 64 characters) into out. The series key is made when create is 1 and the
 * series has none yet. Returns K_OK; K_ERR with e set when the series is closed (its key deleted), has no key and
 * create is 0, or its key cannot be opened with this master key (another secret file). */
int survey_pseudonym(db *d, const unsigned char master[SECKEY_LEN], long long series_id, long long person_id,
                     int create, char out[65], kerr *e);

/* ---- the survey as the answering pages and commands need it ---- */

enum { SURVEY_AT_NOT_OPEN, SURVEY_AT_OPEN, SURVEY_AT_CLOSED };
typedef struct survey_answering {
  long long id, series_id;                      /* series_id 0 when not in a series */
  char *key, *opens_at, *closes_at, *open_code; /* times ISO UTC or NULL */
  int series_closed;                            /* its series was closed: no invitations, no answers */
  int state;                                    /* SURVEY_AT_*, now */
  survey_def *def;
} survey_answering;
/* The survey (definition parsed) with its state at now (ISO UTC), or NULL when there is none. In arena a. */
survey_answering *survey_answering_get(db *d, arena *a, long long id, const char *now);

/* ---- invitations ---- */

enum { SURVEY_BY_DELIVERY, SURVEY_BY_SERVICE, SURVEY_BY_PERIOD };
typedef struct survey_send {
  int by;           /* SURVEY_BY_* (invite only) */
  long long id;     /* the delivery, service or period (invite only) */
  const char *lang; /* fi, sv or en: the invitations' language (invite only; NULL: fi) */
  /* When not NULL, no email: each new (or, for a reminder, unanswered) invitation's address and link is given to it
   * instead ("--print-links"). */
  void (*link)(void *arg, const char *email, const char *link);
  /* When not NULL, called now and then with how many of how many are done. */
  void (*progress)(void *arg, int done, int total);
  void *arg;
  const char *actor; /* for the audit log */
} survey_send;

/* Invites every participant of the matching deliveries (participation) who is not erased and not yet invited to
 * this survey: an invitation with the context of the participation (role, service type, sector, region, period,
 * delivery) and an email with the link (mail_survey_invite), all in one transaction. *invited gets how many were
 * invited, *skipped how many were invited already. Refused (K_ERR, e in Finnish) for a closed survey or series, an
 * unknown target, a survey with no such survey. Returns K_OK. */
int survey_invite(db *d, const unsigned char master[SECKEY_LEN], long long survey_id, const survey_send *s,
                  int *invited, int *skipped, kerr *e);
/* Emails again (the same link) everyone invited who has not answered, and records reminded_at. *n gets how many.
 * Refused like survey_invite for a closed survey or series. Returns K_OK or K_ERR with e set. */
int survey_remind(db *d, const unsigned char master[SECKEY_LEN], long long survey_id, const survey_send *s, int *n,
                  kerr *e);
/* The delivery with that ref (or, when ref is a number, that id), or 0. */
long long survey_delivery_find(db *d, const char *ref);

/* Closes a series by its key: deletes its pairing key (key_box NULL) and sets closed_at; from then on its surveys
 * take no invitations and no answers, and its answers can no longer be tied to anyone. Drafts of its surveys are
 * deleted (they can no longer be sent). Audited. Returns K_OK, or K_ERR with e set (unknown or closed already). */
int survey_series_close(db *d, const char *series, const char *actor, kerr *e);
/* The key of a survey's series, or NULL when it has none. In arena a. */
char *survey_series_key_of(db *d, arena *a, long long survey_id);

/* Response rates of a survey per delivery (invitations without a delivery: delivery_id 0). In arena a. */
typedef struct survey_rate {
  long long delivery_id;
  char *label; /* "SP-1 · Title · Service", or NULL for none */
  long long invited, answered;
} survey_rate;
survey_rate *survey_rates(db *d, arena *a, long long survey_id, int *n);
/* How many of the survey's invitations are not answered yet (whom a reminder would go to). */
long long survey_unanswered(db *d, long long survey_id);

/* ---- a personal link ---- */

typedef struct survey_link {
  long long survey_id;
  char token_hash[65];
  char *lang; /* the invitation's language */
  int answered;
} survey_link;
/* The invitation of a token: 1 found (out filled, in arena a), 0 none. */
int survey_link_find(db *d, arena *a, const char *token, survey_link *out);

/* ---- answers ---- */

/* A posted form field: name as the form names it (q1, q3.r1, q4, q4.other), value as typed. */
typedef struct survey_field {
  const char *name, *value;
} survey_field;
/* One stored answer value (survey_answer): question key, item ("" or a matrix row's key, a multiple choice's option
 * key, ".other" for the other text), a number (has_num) or a text. */
typedef struct survey_value {
  const char *question, *item;
  int has_num;
  double num;
  const char *text;
} survey_value;

/* 1 when question q is shown for these fields: it has no show_if, or the question it names is shown and was
 * answered with one of its values (for multiple: any chosen one). */
int survey_shown(const survey_def *d, const survey_question *q, const survey_field *f, int nf);
/* Checks the posted fields against the definition and turns them into answer values (in arena a; *nv of them):
 * every required question that is shown is answered, values are on the scale, options are the question's, numbers
 * are within min and max, an "other" choice has its text. A question hidden by its condition is ignored. Each
 * problem goes to e (kerr_add) with field = the question's key, in Finnish. Returns the values, or NULL on any
 * problem. */
survey_value *survey_check(arena *a, const survey_def *d, const survey_field *f, int nf, int *nv, kerr *e);

enum { SURVEY_ANSWERED_ALREADY = 1, SURVEY_REFUSED = 2 };
/* Stores the answer of the invitation with that token in one transaction: survey_response (today's date in
 * Finland, the pseudonym when the survey is in an open series, via 'invite', the invitation's context), its
 * values, the invitation marked answered, the draft deleted. Nothing names the person, the token or the
 * invitation. Returns K_OK; SURVEY_ANSWERED_ALREADY when the invitation was answered already; SURVEY_REFUSED with e
 * set when the series is closed; K_ERR with e set on a storage error. */
int survey_submit_invite(db *d, const unsigned char master[SECKEY_LEN], const char *token, const survey_value *v,
                         int nv, kerr *e);
/* Stores an answer by the open link (via 'open', no pseudonym, no context). Returns K_OK; SURVEY_REFUSED with e
 * set when the survey's series is closed; K_ERR on a storage error. */
int survey_submit_open(db *d, long long survey_id, const survey_value *v, int nv, kerr *e);

/* Saves the posted fields as the draft of the link token (JSON: [[name, value], …], sealed with a key made from
 * the token, under the token's hash); K_OK or K_ERR with e set. */
int survey_draft_save(db *d, const char *token, long long survey_id, const survey_field *f, int nf, kerr *e);
/* The draft's fields of the link token (in arena a, *nf of them), or NULL when there is none (or it cannot be
 * opened with this token). *updated_at (may be NULL) gets when it was saved. */
survey_field *survey_draft_load(db *d, arena *a, const char *token, int *nf, char **updated_at);

/* ---- the person's rights (model/person.c calls these) ---- */

/* Writes ",\n  \"survey_invitations\": [...]" with each invitation's survey key, invited_at, reminded_at and
 * answered (never an answer) into o. */
void survey_person_export(db *d, long long person_id, buf *o);
/* Deletes the person's invitations and the drafts under their links; answers and pseudonyms stay. K_OK or K_ERR. */
int survey_person_erase(db *d, long long person_id);

#endif
