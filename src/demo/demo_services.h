/* demo_services: internal to the demo builder: services, coaches, deliveries, people, ESF records, applications. */
#ifndef KEHTO_DEMO_SERVICES_H
#define KEHTO_DEMO_SERVICES_H
#include <stdint.h>

#include "db/db.h"
#include "demo/demo_text.h"

/* An organisation of the demo registry as the programme builder needs it (strings borrowed from the caller). */
typedef struct demo_org {
  long long id;
  unsigned sectors;         /* bit i: demo_sector_codes[i] */
  const char *name;         /* registry name */
  const char *municipality; /* Finnish name of its municipality */
  const char *region;       /* NUTS3 code */
  const char *centre;       /* the region's centre town, where regional meetings are held */
  const char *contact_email;
  int eligible; /* 0: founded after the programme (hyvinvointialue): never takes part */
} demo_org;

/* What demo_services_build wrote. */
typedef struct demo_services_summary {
  int services, coaches, deliveries, sessions, people, participations, esf_starts, attendances, applications;
} demo_services_summary;

/* Fills the programme into d from its own stream of seed: service offerings of both funding periods (the periods
 * must exist, 2015–2017 and 2018–2020), coaches, deliveries with sessions and organisations, people with
 * participations and attendance, ESF start and end records, applications with their history, and targets.
 * Runs inside the caller's transaction. Returns K_OK, or K_ERR with e set (the caller rolls back). */
int demo_services_build(db *d, uint64_t seed, const demo_org *orgs, int norgs, demo_services_summary *s, kerr *e);

/* ---- people (demo_people.c) ---- */

/* Email addresses given so far, so that every made-up person gets a unique one. */
typedef struct demo_emails {
  char **slot;
  int cap, n;
} demo_emails;
void demo_emails_free(demo_emails *m);

/* A made-up person: gender (1 woman, 0 man) decides the first name; swedish picks a Swedish name. name and email
 * ("etunimi.sukunimi@example.fi", a number added when taken) are malloc'd; the caller frees them. */
void demo_person_name(demo_rng *r, int woman, int swedish, demo_emails *seen, char **name, char **email);

/* An occupation group for a sector code and a role (johto, esihenkilo, tyontekija, edustaja). Static string. */
const char *demo_occupation(demo_rng *r, const char *sector, const char *role);

#endif
