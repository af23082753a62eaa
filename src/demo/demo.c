/* demo: builds the demo programme: frame, generated organisations with valid Y-tunnus, and published deeds. */
#include "demo/demo.h"
#include "demo/demo_budget.h"
#include "demo/demo_events.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/util.h"
#include "model/deed.h"
#include "demo/demo_pubs.h"
#include "demo/demo_pages.h"
#include "demo/demo_news.h"
#include "demo/demo_reports.h"
#include "demo/demo_services.h"
#include "demo/demo_text.h"
#include "model/org.h"
#include "model/programme.h"
#include "model/refdata.h"

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))
#define ALL_SECTORS 0x7Fu

/* ---- the programme frame (facts of Kunteko 2020) ---- */

static const char programme_name[] = "Kunteko 2020 – kunta- ja maakunta-alan työelämän kehittämisohjelma";
static const char programme_short[] = "Kunteko 2020";
static const char programme_description[] =
    "Kunteko 2020 oli kunta- ja maakunta-alan työelämän kehittämisohjelma vuosina 2015–2020. Ohjelmaa toteuttivat "
    "KT Kuntatyönantajat ja pääneuvottelujärjestöt JUKO, Sote ry (aiemmin KoHo ry) ja JAU. Päärahoittaja oli Hämeen "
    "ELY-keskus Euroopan sosiaalirahaston (ESR) tuella, ja kokonaisbudjetti oli noin kolme miljoonaa euroa.\n\n"
    "Ohjelma tarjosi työpaikoille sparrausta, sisäisten kehittäjien valmennusta, työpajoja, verkostoja, webinaareja "
    "ja tilaisuuksia sekä tutkimusyhteistyötä. Tekojen torilla kuka tahansa alalla työskentelevä saattoi kertoa "
    "kehittämisteosta: mihin pyrittiin ja mitä saatiin aikaan. Mukana oli yli 240 organisaatiota ja noin 5 000 "
    "osallistujaa valmennuksissa, verkostoissa ja työpajoissa.\n\n"
    "Tämä on esittelyaineisto: organisaatiot, henkilöt ja teot on luotu koneellisesti, eivätkä ne ole todellisia.";

static const char *const programme_goals[] = {
    "Tehdä näkyväksi kunnissa tehtävää kehittämistyötä.",
    "Levittää vaikuttavia käytäntöjä ja kiinnostavia ratkaisuja.",
    "Innostaa kehittämiseen ja uudistumiseen sekä vahvistaa kehittämisosaamista.",
    "Käynnistää uutta kehittämistoimintaa.",
    "Syventää oppimista alalta nousevien teemojen ympärillä.",
    "Tuottaa työelämän läpimurtoinnovaatioita.",
};

/* The frame in Swedish and English (a few services and themes are translated in demo_services.c, the rest left in
 * Finnish so that the demo shows both). */
static const char programme_name_sv[] =
    "Kunteko 2020 – utvecklingsprogrammet för arbetslivet inom den kommunala och landskapsbaserade sektorn";
static const char programme_name_en[] = "Kunteko 2020 – the working-life development programme of the municipal sector";
static const char programme_description_sv[] =
    "Kunteko 2020 var ett utvecklingsprogram för arbetslivet inom den kommunala sektorn 2015–2020. Programmet "
    "genomfördes av KT Kommunarbetsgivarna och huvudavtalsorganisationerna JUKO, Sote ry (tidigare KoHo ry) och "
    "JAU. Huvudfinansiär var NTM-centralen i Tavastland med stöd av Europeiska socialfonden (ESF).\n\n"
    "Detta är demonstrationsdata: organisationerna, personerna och gärningarna är maskinellt skapade.";
static const char programme_description_en[] =
    "Kunteko 2020 was the working-life development programme of the municipal sector in 2015–2020, run by KT Local "
    "Government Employers with the main negotiating organisations JUKO, Sote ry (formerly KoHo ry) and JAU. Its main "
    "funder was the Häme ELY Centre with support from the European Social Fund (ESF).\n\n"
    "This is demonstration data: the organisations, people and deeds are machine-made.";
static const char *const programme_goals_sv[] = {
    "Synliggöra utvecklingsarbetet i kommunerna.",
    "Sprida verkningsfulla metoder och intressanta lösningar.",
    "Inspirera till utveckling och förnyelse och stärka utvecklingskompetensen.",
    "Starta ny utvecklingsverksamhet.",
    "Fördjupa lärandet kring teman som växer fram inom sektorn.",
    "Ta fram genombrottsinnovationer i arbetslivet.",
};
static const char *const programme_goals_en[] = {
    "Make visible the development work done in municipalities.",
    "Spread effective practices and interesting solutions.",
    "Inspire development and renewal and raise development skills.",
    "Start new development activity.",
    "Deepen learning around themes that rise from the sector.",
    "Produce breakthrough innovations in working life.",
};

static const programme_period periods[] = {
    {0, "1. rahoituskausi", 2015, 2017, "S20190", "1:a finansieringsperioden", "1st funding period", {0}},
    {0, "2. rahoituskausi", 2018, 2020, "S21159", "2:a finansieringsperioden", "2nd funding period", {0}},
};

static const programme_partner partners[] = {
    {0, "KT Kuntatyönantajat", "partner", "https://www.kt.fi", 1},
    {0, "JUKO", "partner", "https://www.juko.fi", 2},
    {0, "Sote ry (aiemmin KoHo ry)", "partner", "", 3},
    {0, "JAU", "partner", "https://www.jau.fi", 4},
    {0, "Hämeen ELY-keskus", "funder", "https://www.ely-keskus.fi", 1},
    {0, "Euroopan sosiaalirahasto (ESR)", "funder", "https://www.rakennerahastot.fi", 2},
};

/* ---- places ---- */

/* Regions by NUTS3 code with the genitive of the region and of its centre, for names that need no guessing. */
typedef struct region_info {
  const char *code, *gen, *centre, *centre_gen;
} region_info;

static const region_info regions[] = {
    {"FI1B1", "Uudenmaan", "Helsinki", "Helsingin"},
    {"FI1C1", "Varsinais-Suomen", "Turku", "Turun"},
    {"FI196", "Satakunnan", "Pori", "Porin"},
    {"FI1C2", "Kanta-Hämeen", "Hämeenlinna", "Hämeenlinnan"},
    {"FI197", "Pirkanmaan", "Tampere", "Tampereen"},
    {"FI1C3", "Päijät-Hämeen", "Lahti", "Lahden"},
    {"FI1C4", "Kymenlaakson", "Kotka", "Kotkan"},
    {"FI1C5", "Etelä-Karjalan", "Lappeenranta", "Lappeenrannan"},
    {"FI1D1", "Etelä-Savon", "Mikkeli", "Mikkelin"},
    {"FI1D2", "Pohjois-Savon", "Kuopio", "Kuopion"},
    {"FI1D3", "Pohjois-Karjalan", "Joensuu", "Joensuun"},
    {"FI193", "Keski-Suomen", "Jyväskylä", "Jyväskylän"},
    {"FI194", "Etelä-Pohjanmaan", "Seinäjoki", "Seinäjoen"},
    {"FI195", "Pohjanmaan", "Vaasa", "Vaasan"},
    {"FI1D5", "Keski-Pohjanmaan", "Kokkola", "Kokkolan"},
    {"FI1D9", "Pohjois-Pohjanmaan", "Oulu", "Oulun"},
    {"FI1D8", "Kainuun", "Kajaani", "Kajaanin"},
    {"FI1D7", "Lapin", "Rovaniemi", "Rovaniemen"},
    {"FI200", "Ahvenanmaan", "Maarianhamina", "Maarianhaminan"},
};
#define ALAND "FI200"

/* Larger towns: always in the registry, and their locative lets deed texts name the place ("Tampereella"). */
static const char *const towns[][2] = {
    {"Helsinki", "Helsingissä"},
    {"Espoo", "Espoossa"},
    {"Vantaa", "Vantaalla"},
    {"Tampere", "Tampereella"},
    {"Turku", "Turussa"},
    {"Oulu", "Oulussa"},
    {"Jyväskylä", "Jyväskylässä"},
    {"Kuopio", "Kuopiossa"},
    {"Lahti", "Lahdessa"},
    {"Pori", "Porissa"},
    {"Joensuu", "Joensuussa"},
    {"Lappeenranta", "Lappeenrannassa"},
    {"Hämeenlinna", "Hämeenlinnassa"},
    {"Vaasa", "Vaasassa"},
    {"Seinäjoki", "Seinäjoella"},
    {"Rovaniemi", "Rovaniemellä"},
    {"Mikkeli", "Mikkelissä"},
    {"Kotka", "Kotkassa"},
    {"Kouvola", "Kouvolassa"},
    {"Kokkola", "Kokkolassa"},
    {"Kajaani", "Kajaanissa"},
    {"Maarianhamina", "Maarianhaminassa"},
    {"Porvoo", "Porvoossa"},
    {"Hyvinkää", "Hyvinkäällä"},
    {"Järvenpää", "Järvenpäässä"},
    {"Salo", "Salossa"},
    {"Rauma", "Raumalla"},
    {"Kangasala", "Kangasalla"},
    {"Nokia", "Nokialla"},
    {"Savonlinna", "Savonlinnassa"},
    {"Riihimäki", "Riihimäellä"},
    {"Imatra", "Imatralla"},
    {"Raisio", "Raisiossa"},
    {"Kaarina", "Kaarinassa"},
    {"Iisalmi", "Iisalmessa"},
    {"Tornio", "Torniossa"},
    {"Kemi", "Kemissä"},
    {"Raahe", "Raahessa"},
    {"Valkeakoski", "Valkeakoskella"},
    {"Heinola", "Heinolassa"},
    {"Forssa", "Forssassa"},
    {"Kuusamo", "Kuusamossa"},
};

/* ---- organisation name patterns (genitive of a region or a centre + a fixed tail: no inflection guessed) ---- */

enum {
  S_SOTE = 1u << 0,
  S_OPETUS = 1u << 1,
  S_TEKNINEN = 1u << 2,
  S_ELINKEINO = 1u << 3,
  S_KULTTUURI = 1u << 4,
  S_RUOKA = 1u << 5,
  S_KOKO = 1u << 6
};
const char *const demo_sector_codes[] = {"sote", "opetus", "tekninen", "elinkeino", "kulttuuri", "ruoka", "koko"};
const int demo_nsectors = COUNT(demo_sector_codes);

typedef struct name_pattern {
  const char *tail;
  int by_centre; /* 1: "<centre genitive> tail", 0: "<region genitive> tail" */
  unsigned sectors;
} name_pattern;

static const name_pattern joint_patterns[] = {
    {"sairaanhoitopiirin kuntayhtymä", 0, S_SOTE},
    {"koulutuskuntayhtymä", 0, S_OPETUS},
    {"liitto", 0, S_ELINKEINO | S_KOKO},
    {"erityishuoltopiirin kuntayhtymä", 0, S_SOTE},
    {"sosiaali- ja terveyspalvelujen kuntayhtymä", 0, S_SOTE},
    {"seudun ympäristöterveyden kuntayhtymä", 1, S_TEKNINEN},
    {"seudun jätehuollon kuntayhtymä", 1, S_TEKNINEN},
};

static const name_pattern company_patterns[] = {
    {"Ateriapalvelut Oy", 1, S_RUOKA},     {"Tilakeskus Oy", 1, S_TEKNINEN},   {"Työterveys Oy", 0, S_SOTE},
    {"Jätehuolto Oy", 0, S_TEKNINEN},      {"Vesi Oy", 1, S_TEKNINEN},         {"ICT-palvelut Oy", 0, S_KOKO},
    {"Seudun Kehitys Oy", 1, S_ELINKEINO}, {"Puhtauspalvelut Oy", 1, S_RUOKA},
};

/* ---- deeds: how many per year and per sector (672 as in the real Tekojen tori) ---- */

static const int year_counts[][2] = {{2015, 62}, {2016, 104}, {2017, 118}, {2018, 112}, {2019, 178}, {2020, 98}};
static const int sector_quota[] = {269, 148, 67, 33,
                                   54,  47,  54}; /* in demo_sector_codes order: sote 40 %, opetus 22 % */

#define KUNTA_TARGET 150 /* municipalities in the registry, spread by the regions' municipality counts */

/* ---- state of one build ---- */

typedef struct muni {
  char *code, *name, *region;
} muni;

typedef struct gen_org {
  long long id;
  int is_kunta, big, no_deeds;
  unsigned sectors;
  const char *place_loc; /* static, or NULL */
  char *name, *municipality_code, *contact_name, *contact_email;
} gen_org;

typedef struct ctx {
  db *d;
  kerr *e;
  demo_rng r;
  uint64_t seed;
  muni *munis;
  int nmunis;
  gen_org *orgs;
  int norgs, caporgs;
  char (*ytunnus)[10];
  demo_titles titles;
} ctx;

static void ctx_free(ctx *c) {
  for (int i = 0; i < c->nmunis; i++) {
    free(c->munis[i].code);
    free(c->munis[i].name);
    free(c->munis[i].region);
  }
  free(c->munis);
  for (int i = 0; i < c->norgs; i++) {
    free(c->orgs[i].name);
    free(c->orgs[i].municipality_code);
    free(c->orgs[i].contact_name);
    free(c->orgs[i].contact_email);
  }
  free(c->orgs);
  free(c->ytunnus);
  demo_titles_free(&c->titles);
}

static void load_munis(ctx *c) {
  c->nmunis = (int)db_int(c->d, 0, "SELECT count(*) FROM municipality", "");
  c->munis = calloc((size_t)c->nmunis + 1, sizeof *c->munis);
  if (!c->munis) abort();
  db_stmt *st = db_query(c->d, "SELECT code, name_fi, region_code FROM municipality ORDER BY code", "");
  int i = 0;
  while (i < c->nmunis && db_step(st) == 1) {
    c->munis[i].code = util_strdup(db_col_text(st, 0));
    c->munis[i].name = util_strdup(db_col_text(st, 1));
    c->munis[i].region = util_strdup(db_col_text(st, 2));
    i++;
  }
  c->nmunis = i;
  db_done(st);
}

static const muni *muni_by_name(const ctx *c, const char *name) {
  for (int i = 0; i < c->nmunis; i++)
    if (strcmp(c->munis[i].name, name) == 0) return &c->munis[i];
  return NULL;
}

static const char *town_loc(const char *name) {
  for (int i = 0; i < COUNT(towns); i++)
    if (strcmp(towns[i][0], name) == 0) return towns[i][1];
  return NULL;
}

static void shuffle(demo_rng *r, int *v, int n) {
  for (int i = n - 1; i > 0; i--) {
    int j = demo_rng_below(r, i + 1), t = v[i];
    v[i] = v[j];
    v[j] = t;
  }
}

/* ---- organisations ---- */

/* A Y-tunnus in [lo, hi] with the right check digit, not yet given in this build. */
static void make_ytunnus(ctx *c, int lo, int hi, char out[10]) {
  static const int w[7] = {7, 9, 10, 5, 8, 4, 2};
  for (;;) {
    int base = demo_rng_range(&c->r, lo, hi), sum = 0, x = base;
    for (int i = 6; i >= 0; i--, x /= 10) sum += (x % 10) * w[i];
    if (sum % 11 == 1) continue; /* never issued */
    char tmp[32];
    snprintf(tmp, sizeof tmp, "%07d-%d", base % 10000000, sum % 11 == 0 ? 0 : 11 - sum % 11);
    memcpy(out, tmp, 10);
    int dup = 0;
    for (int i = 0; i < c->norgs && !dup; i++) dup = strcmp(c->ytunnus[i], out) == 0;
    if (!dup) return;
  }
}

static gen_org *org_slot(ctx *c) {
  if (c->norgs == c->caporgs) {
    c->caporgs = c->caporgs ? c->caporgs * 2 : 256;
    c->orgs = realloc(c->orgs, sizeof *c->orgs * (size_t)c->caporgs);
    c->ytunnus = realloc(c->ytunnus, sizeof *c->ytunnus * (size_t)c->caporgs);
    if (!c->orgs || !c->ytunnus) abort();
  }
  gen_org *g = &c->orgs[c->norgs];
  memset(g, 0, sizeof *g);
  return g;
}

/* Validates and inserts one organisation; takes ownership of name. Returns K_OK or K_ERR with c->e set. */
static int add_org(ctx *c, char *name, const char *type, const muni *m, unsigned sectors) {
  gen_org *g = org_slot(c);
  g->name = name;
  g->municipality_code = util_strdup(m->code);
  g->sectors = sectors;
  g->is_kunta = strcmp(type, "kunta") == 0;
  g->no_deeds = strcmp(type, "hyvinvointialue") == 0; /* founded after 2020: in the registry, without deeds */
  g->place_loc = town_loc(m->name);
  g->big = g->is_kunta && g->place_loc;
  demo_text_person(&c->r, &g->contact_name, &g->contact_email);
  int company = strcmp(type, "yhtio") == 0;
  make_ytunnus(c, company ? 1000000 : 100000, company ? 3299999 : 999999, c->ytunnus[c->norgs]);
  c->norgs++; /* owned from here on, freed by ctx_free */
  org o = {.name = g->name,
           .type = (char *)type,
           .municipality_code = g->municipality_code,
           .ytunnus = c->ytunnus[c->norgs - 1],
           .contact_name = g->contact_name,
           .contact_email = g->contact_email};
  if (org_validate(c->d, &o, c->e) != K_OK) return K_ERR;
  g->id = org_insert(c->d, &o, c->e);
  return g->id ? K_OK : K_ERR;
}

/* How many municipalities of a region go into the registry: its share of KUNTA_TARGET, at least one. */
static int kunta_target(const ctx *c, const char *region, int nregion) {
  if (strcmp(region, ALAND) == 0) return 1;
  int mainland = 0;
  for (int i = 0; i < c->nmunis; i++) mainland += strcmp(c->munis[i].region, ALAND) != 0;
  int t = (nregion * KUNTA_TARGET * 2 + mainland) / (mainland * 2);
  return t < 1 ? 1 : t;
}

/* Municipalities of one region: the larger towns first, then a seeded random choice of the rest. */
static int add_kunnat(ctx *c, const region_info *ri) {
  int *idx = malloc(sizeof *idx * (size_t)(c->nmunis + 1)), n = 0, nbig = 0;
  if (!idx) abort();
  for (int i = 0; i < c->nmunis; i++)
    if (strcmp(c->munis[i].region, ri->code) == 0) idx[n++] = i;
  for (int i = 0; i < n; i++) { /* towns to the front */
    if (!town_loc(c->munis[idx[i]].name)) continue;
    int t = idx[nbig];
    idx[nbig++] = idx[i];
    idx[i] = t;
  }
  shuffle(&c->r, idx + nbig, n - nbig);
  int want = kunta_target(c, ri->code, n), rc = K_OK;
  for (int i = 0; i < n && i < want && rc == K_OK; i++)
    rc = add_org(c, util_strdup(c->munis[idx[i]].name), "kunta", &c->munis[idx[i]], ALL_SECTORS);
  free(idx);
  return rc;
}

/* k distinct patterns out of n, the first `fixed` always included. */
static int add_patterned(ctx *c, const region_info *ri, const name_pattern *pat, int n, int fixed, int k,
                         const char *type) {
  const muni *centre = muni_by_name(c, ri->centre);
  if (!centre) return K_OK; /* reference data without this town: skip its joint bodies */
  int order[16];
  for (int i = 0; i < n; i++) order[i] = i;
  shuffle(&c->r, order + fixed, n - fixed);
  for (int i = 0; i < k && i < n; i++) {
    const name_pattern *p = &pat[order[i]];
    char *name = buf_mprintf("%r %r", p->by_centre ? ri->centre_gen : ri->gen, p->tail);
    if (add_org(c, name, type, centre, p->sectors) != K_OK) return K_ERR;
  }
  return K_OK;
}

static int region_size(const ctx *c, const char *code) {
  int n = 0;
  for (int i = 0; i < c->nmunis; i++) n += strcmp(c->munis[i].region, code) == 0;
  return n;
}

static int add_wellbeing_counties(ctx *c) {
  int order[COUNT(regions)], n = 0;
  for (int i = 0; i < COUNT(regions); i++)
    if (strcmp(regions[i].code, ALAND) != 0 && strcmp(regions[i].code, "FI1B1") != 0) order[n++] = i;
  shuffle(&c->r, order, n);
  for (int i = 0; i < 6 && i < n; i++) {
    const region_info *ri = &regions[order[i]];
    const muni *centre = muni_by_name(c, ri->centre);
    if (centre && add_org(c, buf_mprintf("%r hyvinvointialue", ri->gen), "hyvinvointialue", centre, S_SOTE))
      return K_ERR;
  }
  return K_OK;
}

static int make_orgs(ctx *c) {
  for (int i = 0; i < COUNT(regions); i++) {
    const region_info *ri = &regions[i];
    if (add_kunnat(c, ri) != K_OK) return K_ERR;
    if (strcmp(ri->code, ALAND) == 0) continue;
    int n = region_size(c, ri->code);
    if (add_patterned(c, ri, joint_patterns, COUNT(joint_patterns), 2, n >= 12 ? 3 : 2, "kuntayhtyma")) return K_ERR;
    if (add_patterned(c, ri, company_patterns, COUNT(company_patterns), 0, n >= 20 ? 3 : 2, "yhtio")) return K_ERR;
  }
  return add_wellbeing_counties(c);
}

/* ---- deeds ---- */

/* A municipality most of the time (larger towns more often), else a joint body or company working in the sector. */
static const gen_org *pick_org(ctx *c, int sector) {
  int *cand = malloc(sizeof *cand * (size_t)c->norgs), n = 0;
  if (!cand) abort();
  int mode = demo_rng_chance(&c->r, 68) ? (demo_rng_chance(&c->r, 35) ? 2 : 1) : 0;
  for (int i = 0; i < c->norgs; i++) {
    const gen_org *g = &c->orgs[i];
    if (g->no_deeds || !(g->sectors & (1u << sector))) continue;
    if ((mode == 0 && !g->is_kunta) || (mode == 1 && g->is_kunta) || (mode == 2 && g->big)) cand[n++] = i;
  }
  if (n == 0)
    for (int i = 0; i < c->norgs; i++)
      if (c->orgs[i].is_kunta) cand[n++] = i;
  const gen_org *g = &c->orgs[cand[demo_rng_below(&c->r, n)]];
  free(cand);
  return g;
}

static int make_deed(ctx *c, int sector, int year) {
  const gen_org *g = pick_org(c, sector);
  arena a = {0};
  deed *x = arena_alloc(&a, sizeof *x);
  demo_text_deed(&c->r, &a, demo_sector_codes[sector], g->place_loc, year, &c->titles, x);
  x->org_id = g->id;
  x->org_name = g->name;
  x->municipality_code = g->municipality_code;
  x->sector_code = (char *)demo_sector_codes[sector];
  x->year = year;
  if (demo_rng_chance(&c->r, 50)) {
    x->contact_name = g->contact_name;
    x->contact_email = g->contact_email;
  } else {
    char *name, *email;
    demo_text_person(&c->r, &name, &email);
    x->contact_name = arena_strdup(&a, name);
    x->contact_email = arena_strdup(&a, email);
    free(name);
    free(email);
  }
  int month = demo_rng_range(&c->r, 1, 12), day = demo_rng_range(&c->r, 1, 28);
  int hour = demo_rng_range(&c->r, 8, 16), minute = demo_rng_range(&c->r, 0, 59);
  char when[40]; /* buf_printf has no widths */
  snprintf(when, sizeof when, "%04d-%02d-%02dT%02d:%02d:00Z", year, month, day, hour, minute);
  x->published_at = when;
  x->created_at = when;
  int rc = deed_validate(c->d, x, 1, c->e);
  if (rc == K_OK && deed_insert(c->d, x, "published", c->e) == 0) rc = K_ERR;
  arena_free(&a);
  return rc;
}

static int make_deeds(ctx *c, int *ndeeds) {
  int total = 0;
  for (int i = 0; i < COUNT(sector_quota); i++) total += sector_quota[i];
  int *sectors = malloc(sizeof *sectors * (size_t)total), n = 0;
  if (!sectors) abort();
  for (int i = 0; i < COUNT(sector_quota); i++)
    for (int k = 0; k < sector_quota[i]; k++) sectors[n++] = i;
  shuffle(&c->r, sectors, n);
  int k = 0, rc = K_OK;
  for (int y = 0; y < COUNT(year_counts) && rc == K_OK; y++)
    for (int j = 0; j < year_counts[y][1] && k < n && rc == K_OK; j++)
      rc = make_deed(c, sectors[k++], year_counts[y][0]);
  free(sectors);
  *ndeeds = k;
  return rc;
}

/* ---- the programme in action (demo_services.c) ---- */

static const muni *muni_by_code(const ctx *c, const char *code) {
  for (int i = 0; i < c->nmunis; i++)
    if (strcmp(c->munis[i].code, code) == 0) return &c->munis[i];
  return NULL;
}

static const char *region_centre(const char *code) {
  for (int i = 0; i < COUNT(regions); i++)
    if (strcmp(regions[i].code, code) == 0) return regions[i].centre;
  return "Helsinki";
}

static int make_programme(ctx *c, demo_summary *s) {
  demo_org *v = util_calloc((size_t)c->norgs + 1, sizeof *v);
  for (int i = 0; i < c->norgs; i++) {
    const gen_org *g = &c->orgs[i];
    const muni *m = muni_by_code(c, g->municipality_code);
    v[i] = (demo_org){.id = g->id,
                      .sectors = g->sectors,
                      .name = g->name,
                      .municipality = m ? m->name : "",
                      .region = m ? m->region : "",
                      .centre = region_centre(m ? m->region : ""),
                      .contact_email = g->contact_email,
                      .eligible = !g->no_deeds};
  }
  int rc = demo_services_build(c->d, c->seed, v, c->norgs, &s->programme, c->e);
  free(v);
  return rc;
}

/* ---- frame and driver ---- */

static int write_frame(db *d, kerr *e) {
  if (programme_update(d, programme_name, programme_short, programme_description, e)) return K_ERR;
  if (programme_set_demo(d, 1, e)) return K_ERR;
  if (programme_set_goals(d, programme_goals, COUNT(programme_goals), e)) return K_ERR;
  if (programme_translate(d, "sv", programme_name_sv, programme_short, programme_description_sv, e) ||
      programme_translate(d, "en", programme_name_en, programme_short, programme_description_en, e) ||
      programme_translate_goals(d, "sv", programme_goals_sv, COUNT(programme_goals_sv), e) ||
      programme_translate_goals(d, "en", programme_goals_en, COUNT(programme_goals_en), e))
    return K_ERR;
  for (int i = 0; i < COUNT(periods); i++)
    if (!programme_period_add(d, &periods[i], e)) return K_ERR;
  for (int i = 0; i < COUNT(partners); i++)
    if (!programme_partner_add(d, &partners[i], e)) return K_ERR;
  return K_OK;
}

static int refuse_if_used(db *d, kerr *e) {
  long long orgs = db_int(d, 0, "SELECT count(*) FROM org", "");
  long long deeds = db_int(d, 0, "SELECT count(*) FROM deed", "");
  long long frame = db_int(d, 0, "SELECT (SELECT count(*) FROM funding_period) + (SELECT count(*) FROM partner)", "");
  long long work = db_int(d, 0,
                          "SELECT (SELECT count(*) FROM service) + (SELECT count(*) FROM coach)"
                          " + (SELECT count(*) FROM person)",
                          "");
  if (orgs == 0 && deeds == 0 && frame == 0 && work == 0) return K_OK;
  return kerr_set(e, NULL,
                  "the database already has data (%lld organisations, %lld deeds, %lld funding periods and partners, "
                  "%lld services, coaches and people); "
                  "demo data goes only into a new database: kehto init --db NEW.db && kehto demo --db NEW.db",
                  orgs, deeds, frame, work);
}

static int build_all(ctx *c, demo_summary *s) {
  if (refuse_if_used(c->d, c->e) || write_frame(c->d, c->e) || make_orgs(c)) return K_ERR;
  if (make_deeds(c, &s->deeds) || make_programme(c, s)) return K_ERR;
  if (demo_surveys(c->d, &c->r, &s->evaluation, c->e)) return K_ERR;
  if (demo_awards(c->d, &c->r, &s->awards, c->e)) return K_ERR;
  if (demo_pubs(c->d, c->e)) return K_ERR;
  if (demo_pages(c->d, c->e) < 0) return K_ERR;
  if (demo_events(c->d, c->e) < 0) return K_ERR;
  if (demo_news(c->d, c->e) < 0) return K_ERR;
  if ((s->cost_lines = demo_budget(c->d, c->seed, c->e)) < 0) return K_ERR;
  if (demo_reports(c->d, c->e) < 0) return K_ERR;
  s->orgs = c->norgs;
  s->periods = COUNT(periods);
  s->goals = COUNT(programme_goals);
  s->partners = COUNT(partners);
  s->first_year = year_counts[0][0];
  s->last_year = year_counts[COUNT(year_counts) - 1][0];
  return K_OK;
}

int demo_build(db *d, uint64_t seed, demo_summary *out, kerr *e) {
  if (!db_exists(d, "SELECT 1 FROM region", "") && refdata_load(d, e) != K_OK) return K_ERR;
  ctx c = {.d = d, .e = e, .r = {seed}, .seed = seed};
  load_munis(&c);
  if (db_begin(d) != DB_OK) {
    ctx_free(&c);
    return kerr_set(e, NULL, "cannot start a transaction: %r", db_errmsg(d));
  }
  db_all_or_nothing(d); /* any failure ends the demo, rolled back whole */
  demo_summary s = {0};
  int rc = build_all(&c, &s);
  if (rc == K_OK && db_commit(d) != DB_OK) rc = kerr_set(e, NULL, "cannot commit the demo: %r", db_errmsg(d));
  if (rc != K_OK)
    db_rollback(d);
  else if (out)
    *out = s;
  ctx_free(&c);
  return rc;
}
