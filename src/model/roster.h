/* roster: a delivery's list of participants as staff edit it (add, role, remove), the roll call of a session, and the
 * public sign-in of a session by its code. Every change is one write, audited on the person. */
#ifndef KEHTO_ROSTER_H
#define KEHTO_ROSTER_H
#include "db/db.h"
#include "model/person.h"

/* Unsuccessful sign-ins allowed per client address (ROSTER_SIGNIN_WINDOW seconds) and sign-ins of any outcome per
 * code (an hour). A venue's Wi-Fi puts hundreds of people behind one address, so an address is held back only by
 * tries that did not sign anyone in (mistyped forms, emails not on the list: what trying emails at length looks
 * like); the code's limit is above a large event's whole audience. */
#define ROSTER_SIGNIN_PER_ADDRESS 30
#define ROSTER_SIGNIN_WINDOW 600
#define ROSTER_SIGNIN_PER_CODE 2000

/* Adds a person to the delivery with a role. p->id > 0: that (not erased) person. Otherwise a person from p->name,
 * p->email and p->org_id (0: none): the one already kept with that email (their details are not changed), or a new
 * one. Errors (Finnish msgids) name the fields name, email, org, role, person; a person already in the delivery is
 * an error too. Audited (create or update on person:ID) as actor; one write. Returns the participation id, or 0. */
long long roster_add(db *d, long long delivery_id, const person *p, const char *role, const char *actor, kerr *e);
/* Changes the role of the person in the delivery. Audited; K_OK or K_ERR with e (field role). */
int roster_set_role(db *d, long long delivery_id, long long person_id, const char *role, const char *actor, kerr *e);
/* Removes the person from the delivery with their attendance at its sessions. Audited; K_OK or K_ERR with e. */
int roster_remove(db *d, long long delivery_id, long long person_id, const char *actor, kerr *e);
/* The person's participation in the delivery (name, email, role, sessions attended), or NULL. In arena a. */
person_part *roster_part(db *d, arena *a, long long delivery_id, long long person_id);

/* One line of a session's roll call. */
typedef struct roll_line {
  long long participation_id, person_id;
  char *name, *email, *role; /* name and email NULL for an erased person */
  int present;
} roll_line;

/* The participants of the session's delivery by name, each marked present or not. In arena a (NULL when none). */
roll_line *roster_roll(db *d, arena *a, long long session_id, int *n);
/* Marks the participation present (1) or not (0) at the session; a participation of another delivery is an error.
 * Audited when it changes something. Returns K_OK or K_ERR with e. */
int roster_mark(db *d, long long session_id, long long participation_id, int present, const char *actor, kerr *e);
/* Saves the whole roll call: the participations in present[0..n) are present, every other one of the delivery is
 * not. One write; sets *changed (may be NULL). Returns K_OK or K_ERR with e (an id of another delivery). */
int roster_mark_all(db *d, long long session_id, const long long *present, int n, const char *actor, int *changed,
                    kerr *e);
/* Number of attendance rows of the session. */
long long roster_attended(db *d, long long session_id);

/* What a public sign-in did. */
enum { ROSTER_SIGNED_IN = 0, ROSTER_NOT_LISTED = 2 };
/* Signs p (email; name and org_id for an event) in at the session. For a delivery whose service counts event
 * attendees: the person with that email, or a new one, takes part with role (when not already in) and is marked
 * present. For one that counts ESF participants: only a person already on the delivery's list is marked present;
 * anyone else gets ROSTER_NOT_LISTED and nothing is stored. Already marked is ROSTER_SIGNED_IN. Audited with actor
 * "signin". Returns ROSTER_SIGNED_IN, ROSTER_NOT_LISTED, or K_ERR with e (fields name, email, org, role). */
int roster_signin(db *d, long long session_id, const person *p, const char *role, kerr *e);

#endif
