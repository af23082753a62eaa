/* demo_people: made-up Finnish and Swedish names, unique example.* emails and occupation groups for the demo. */
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/util.h"
#include "demo/demo_services.h"

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* Common first names of the generations working in the municipal sector in the 2010s. */
static const char *const women[] = {
    "Anna",   "Johanna",   "Tiina", "Sari",   "Minna",  "Hanna", "Päivi",   "Riikka", "Laura",  "Kaisa",
    "Satu",   "Marja",     "Elina", "Heidi",  "Katja",  "Maria", "Sanna",   "Outi",   "Tuula",  "Eija",
    "Leena",  "Merja",     "Anne",  "Pirjo",  "Sirpa",  "Arja",  "Susanna", "Kirsi",  "Tarja",  "Marjo",
    "Jaana",  "Heli",      "Terhi", "Mervi",  "Anu",    "Niina", "Jenni",   "Emilia", "Henna",  "Noora",
    "Essi",   "Milla",     "Veera", "Suvi",   "Maarit", "Irma",  "Raija",   "Seija",  "Marika", "Katariina",
    "Hilkka", "Kristiina", "Ulla",  "Helena", "Annika", "Piia",  "Reetta",  "Tanja",  "Mari",   "Pauliina",
};
static const char *const men[] = {
    "Jukka", "Mikko", "Timo",  "Juha",  "Kari",  "Petri", "Antti",  "Ville",  "Markku", "Pekka",
    "Jari",  "Matti", "Janne", "Sami",  "Tommi", "Marko", "Heikki", "Mika",   "Jussi",  "Teemu",
    "Jarmo", "Tapio", "Harri", "Risto", "Ari",   "Esa",   "Olli",   "Lauri",  "Joni",   "Tuomas",
    "Jani",  "Hannu", "Pasi",  "Seppo", "Vesa",  "Ismo",  "Eero",   "Aleksi", "Joonas", "Toni",
};
static const char *const surnames[] = {
    "Virtanen",     "Korhonen",   "Mäkinen",  "Nieminen",   "Mäkelä",     "Hämäläinen",   "Laine",    "Heikkinen",
    "Koskinen",     "Järvinen",   "Lehtonen", "Lehtinen",   "Saarinen",   "Salminen",     "Heinonen", "Niemi",
    "Heikkilä",     "Kinnunen",   "Salonen",  "Turunen",    "Salo",       "Laitinen",     "Tuominen", "Rantanen",
    "Karjalainen",  "Jokinen",    "Mattila",  "Savolainen", "Lahtinen",   "Ahonen",       "Kettunen", "Räsänen",
    "Leinonen",     "Miettinen",  "Pitkänen", "Hiltunen",   "Aaltonen",   "Hakala",       "Anttila",  "Manninen",
    "Rättyä",       "Seppälä",    "Kokkonen", "Lindholm",   "Koivisto",   "Lappalainen",  "Väisänen", "Peltonen",
    "Huttunen",     "Hirvonen",   "Ojala",    "Kallio",     "Toivonen",   "Moilanen",     "Partanen", "Vainio",
    "Laaksonen",    "Kärkkäinen", "Halonen",  "Rautio",     "Vartiainen", "Jääskeläinen", "Mustonen", "Honkanen",
    "Ruotsalainen", "Pelkonen",   "Tikkanen", "Nurmi",      "Ketola",     "Kauppinen",    "Sirviö",   "Lampinen",
    "Harju",        "Kivelä",     "Nyman",    "Hyvönen",    "Immonen",    "Suominen",     "Heino",    "Rissanen",
};
static const char *const sv_women[] = {"Anna",    "Maria",    "Karin", "Sofia",  "Ulrika",
                                       "Camilla", "Johanna",  "Linda", "Malin",  "Jessica",
                                       "Cecilia", "Ann-Sofi", "Heidi", "Annika", "Britt"};
static const char *const sv_men[] = {"Johan", "Mikael", "Anders", "Patrik", "Fredrik", "Niklas",
                                     "Kim",   "Stefan", "Mats",   "Henrik", "Jonas"};
static const char *const sv_surnames[] = {"Holmström", "Sundqvist", "Backman",   "Nyström", "Lindqvist",
                                          "Björklund", "Sjöberg",   "Granholm",  "Forsman", "Westerlund",
                                          "Eriksson",  "Karlsson",  "Lindström", "Ek",      "Berg"};
static const char *const domains[] = {"example.fi", "example.fi", "example.com", "example.org", "example.net"};

/* ---- emails: an open-addressing set of the addresses given ---- */

static unsigned long hash(const char *s) {
  unsigned long h = 5381;
  while (*s) h = h * 33 + (unsigned char)*s++;
  return h;
}

static int emails_has(const demo_emails *m, const char *s) {
  if (!m->cap) return 0;
  for (unsigned long i = hash(s) & (unsigned long)(m->cap - 1);; i = (i + 1) & (unsigned long)(m->cap - 1)) {
    if (!m->slot[i]) return 0;
    if (strcmp(m->slot[i], s) == 0) return 1;
  }
}

static void emails_put(demo_emails *m, char *s);

static void emails_grow(demo_emails *m) {
  demo_emails old = *m;
  m->cap = old.cap ? old.cap * 2 : 4096;
  m->n = 0;
  m->slot = util_calloc((size_t)m->cap, sizeof *m->slot);
  for (int i = 0; i < old.cap; i++)
    if (old.slot[i]) emails_put(m, old.slot[i]);
  free(old.slot);
}

/* Takes ownership of s. */
static void emails_put(demo_emails *m, char *s) {
  if ((m->n + 1) * 2 > m->cap) emails_grow(m);
  unsigned long i = hash(s) & (unsigned long)(m->cap - 1);
  while (m->slot[i]) i = (i + 1) & (unsigned long)(m->cap - 1);
  m->slot[i] = s;
  m->n++;
}

void demo_emails_free(demo_emails *m) {
  for (int i = 0; i < m->cap; i++) free(m->slot[i]);
  free(m->slot);
  memset(m, 0, sizeof *m);
}

void demo_person_name(demo_rng *r, int woman, int swedish, demo_emails *seen, char **name, char **email) {
  const char *f, *l;
  if (swedish) {
    f = woman ? sv_women[demo_rng_below(r, COUNT(sv_women))] : sv_men[demo_rng_below(r, COUNT(sv_men))];
    l = sv_surnames[demo_rng_below(r, COUNT(sv_surnames))];
  } else {
    f = woman ? women[demo_rng_below(r, COUNT(women))] : men[demo_rng_below(r, COUNT(men))];
    l = surnames[demo_rng_below(r, COUNT(surnames))];
  }
  *name = buf_mprintf("%r %r", f, l);
  const char *domain = domains[demo_rng_below(r, COUNT(domains))];
  buf local = BUF_INIT;
  demo_email_part(&local, f);
  buf_putc(&local, '.');
  demo_email_part(&local, l);
  for (int k = 1;; k++) {
    char *cand = k == 1 ? buf_mprintf("%r@%r", local.data, domain) : buf_mprintf("%r%d@%r", local.data, k, domain);
    if (!emails_has(seen, cand)) {
      emails_put(seen, cand);
      *email = util_strdup(cand);
      break;
    }
    free(cand);
  }
  buf_free(&local);
}

/* ---- occupation groups by sector and role ---- */

typedef struct occupations {
  const char *sector;
  const char *staff[8], *supervisors[4], *managers[4]; /* NULL-terminated when shorter */
} occupations;

static const occupations jobs[] = {
    {"sote",
     {"sairaanhoitaja", "lähihoitaja", "sosiaaliohjaaja", "fysioterapeutti", "terveydenhoitaja", "hammashoitaja",
      "laboratoriohoitaja", "sosiaalityöntekijä"},
     {"osastonhoitaja", "palveluesihenkilö", "kotihoidon esihenkilö", NULL},
     {"ylihoitaja", "palvelualuejohtaja", "perusturvajohtaja", NULL}},
    {"opetus",
     {"luokanopettaja", "lehtori", "varhaiskasvatuksen opettaja", "lastenhoitaja", "koulunkäynnin ohjaaja",
      "erityisopettaja", "opinto-ohjaaja", "varhaiskasvatuksen sosionomi"},
     {"päiväkodin johtaja", "apulaisrehtori", "varhaiskasvatusyksikön esihenkilö", NULL},
     {"rehtori", "sivistysjohtaja", "varhaiskasvatusjohtaja", NULL}},
    {"tekninen",
     {"kiinteistönhoitaja", "rakennusinsinööri", "suunnittelija", "kunnossapitotyöntekijä", "rakennustarkastaja",
      "ympäristötarkastaja", "puutarhuri", NULL},
     {"työnjohtaja", "kunnossapitoesihenkilö", NULL},
     {"tekninen johtaja", "kaupungininsinööri", NULL}},
    {"elinkeino",
     {"yritysneuvoja", "kehittämisasiantuntija", "projektisuunnittelija", "matkailuneuvoja", NULL},
     {"tiimiesihenkilö", "palvelupäällikkö", NULL},
     {"elinkeinojohtaja", "kehitysjohtaja", NULL}},
    {"kulttuuri",
     {"kirjastovirkailija", "informaatikko", "nuoriso-ohjaaja", "liikunnanohjaaja", "museoamanuenssi",
      "kulttuurituottaja", NULL},
     {"palveluesihenkilö", "kirjastonhoitaja", NULL},
     {"kulttuurijohtaja", "vapaa-aikajohtaja", NULL}},
    {"ruoka",
     {"kokki", "ravitsemistyöntekijä", "laitoshuoltaja", "puhtauspalvelutyöntekijä", "ruokapalvelutyöntekijä", NULL},
     {"ravintolaesihenkilö", "siivoustyönjohtaja", NULL},
     {"ruokapalvelupäällikkö", "tilapalvelupäällikkö", NULL}},
    {"koko",
     {"toimistosihteeri", "palkkasihteeri", "HR-asiantuntija", "talousasiantuntija", "ICT-asiantuntija",
      "asiakaspalvelusihteeri", "hankekoordinaattori", NULL},
     {"tiiminvetäjä", "hallintopäällikkö", NULL},
     {"henkilöstöjohtaja", "kunnanjohtaja", "hallintojohtaja", NULL}},
};

static const char *pick(demo_rng *r, const char *const *v, int cap) {
  int n = 0;
  while (n < cap && v[n]) n++;
  return v[demo_rng_below(r, n)];
}

const char *demo_occupation(demo_rng *r, const char *sector, const char *role) {
  const occupations *o = &jobs[COUNT(jobs) - 1];
  for (int i = 0; i < COUNT(jobs); i++)
    if (strcmp(jobs[i].sector, sector) == 0) o = &jobs[i];
  if (strcmp(role, "johto") == 0) return pick(r, o->managers, COUNT(o->managers));
  if (strcmp(role, "esihenkilo") == 0) return pick(r, o->supervisors, COUNT(o->supervisors));
  return pick(r, o->staff, COUNT(o->staff)); /* a staff representative works in an ordinary job */
}
