/* demo_award: the demo programme's 2019 award round (Tekojen tori gave 41 awards from 212 deeds that year): its
 * categories and weighted criteria, the nominations (most by staff, some from public suggestions), a jury of eight
 * whose organisations and coach profiles lead to conflicts that Kehto finds from the data, the jurors' scores (a
 * strict and a lenient juror among them, so that normalising per juror matters), the chair's decisions following the
 * normalised scores, and the published results. The demo sends no mail: notified_at is set as if the winners'
 * contacts had been told.
 *
 * The rows are written with SQL like the rest of the demo (no audit entries, no mail); the conflicts found from the
 * data are recorded with the rule and the words of award_conflicts_record (model/award.h). */
#include "demo/demo_award.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/util.h"
#include "model/award.h"

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

#define YEAR 2019
#define NOMINATIONS 212
#define ACCEPTED_SUGGESTIONS 30 /* of the nominations, suggested by the public and accepted by staff */
#define DECLINED_SUGGESTIONS 9

static const char *const staff[] = {"ohjelmapaallikko@example.fi", "asiantuntija@example.fi"};

/* ---- categories and criteria ---- */

enum { C_VIESTINTA, C_TEKNOLOGIA, C_YMPARISTO, C_TASA_ARVO, C_KUNNIA, NCAT };

typedef struct cat_def {
  const char *name[3], *desc[3];
  int quota, awards, mentions; /* nominations, then the chair's decisions (22 awards and 19 mentions in all) */
  const char *themes;          /* the deed's themes (or sectors) that fit the category, comma list; NULL: any */
} cat_def;

static const cat_def cats[NCAT] = {
    {{"Viestintäteko", "Kommunikationsgärning", "Communication deed"},
     {"Teko, joka teki kehittämisen näkyväksi ja toi henkilöstön ja asukkaat mukaan avoimella viestinnällä.",
      "En gärning som synliggjorde utvecklingen och tog med personalen och invånarna genom öppen kommunikation.",
      "A deed that made development visible and brought staff and residents in through open communication."},
     46,
     6,
     2,
     "viestintä,osallisuus"},
    {{"Teknologiateko", "Teknologigärning", "Technology deed"},
     {"Teko, jossa digitaalinen ratkaisu tai uusi teknologia helpotti työtä ja paransi palvelua.",
      "En gärning där en digital lösning eller ny teknik underlättade arbetet och förbättrade servicen.",
      "A deed in which a digital solution or new technology eased the work and improved the service."},
     44,
     6,
     2,
     "digitalisaatio,palvelumuotoilu"},
    {{"Ympäristöteko", "Miljögärning", "Environmental deed"},
     {"Teko, joka vähensi hävikkiä, energiankulutusta tai päästöjä ja teki kestävästä arjesta tapa.",
      "En gärning som minskade svinn, energiförbrukning eller utsläpp och gjorde hållbar vardag till en vana.",
      "A deed that cut waste, energy use or emissions and made sustainable everyday work a habit."},
     32,
     5,
     2,
     "ympäristö,tekninen,ruoka"},
    {{"Tasa-arvoteko", "Jämställdhetsgärning", "Equality deed"},
     {"Teko, joka edisti tasa-arvoa ja yhdenvertaisuutta työyhteisössä tai palveluissa.",
      "En gärning som främjade jämställdhet och likabehandling i arbetsgemenskapen eller i servicen.",
      "A deed that advanced equality and non-discrimination in the work community or in services."},
     40,
     5,
     2,
     "yhdenvertaisuus"},
    {{"Kunniamaininta", "Hedersomnämnande", "Honourable mention"},
     {"Kunniamaininta teolle, joka ansaitsee tulla huomatuksi, vaikka se ei osu yhteenkään palkintoluokkaan.",
      "Hedersomnämnande för en gärning som förtjänar uppmärksamhet fast den inte passar in i någon prisklass.",
      "An honourable mention for a deed that deserves notice though it fits none of the award categories."},
     50,
     0,
     11,
     NULL},
};

enum { NCRIT = 4 };

typedef struct crit_def {
  const char *name[3], *desc[3];
  int weight;
} crit_def;

static const crit_def crits[NCRIT] = {
    {{"Vaikuttavuus", "Verkningsfullhet", "Impact"},
     {"Teko sai aikaan selvästi havaittavan tai mitatun muutoksen työssä tai palvelussa.",
      "Gärningen åstadkom en tydlig eller uppmätt förändring i arbetet eller servicen.",
      "The deed brought a clear or measured change in the work or the service."},
     40},
    {{"Levitettävyys", "Spridbarhet", "Transferability"},
     {"Käytäntö on kuvattu niin, että toinen työyhteisö voi ottaa sen käyttöön.",
      "Metoden är beskriven så att en annan arbetsgemenskap kan ta den i bruk.",
      "The practice is described so that another work community can take it up."},
     25},
    {{"Osallisuus", "Delaktighet", "Participation"},
     {"Henkilöstö ja tarvittaessa asiakkaat olivat mukana suunnittelusta alkaen.",
      "Personalen och vid behov kunderna var med från planeringen.",
      "Staff and, where it mattered, customers took part from the planning on."},
     20},
    {{"Uutuusarvo", "Nyhetsvärde", "Novelty"},
     {"Ratkaisu on uusi tai tuttu asia tehtiin uudella tavalla.",
      "Lösningen är ny eller något bekant gjordes på ett nytt sätt.",
      "The solution is new, or something familiar was done in a new way."},
     15},
};

/* ---- the jury ---- */

enum { J_PLAIN, J_ORG, J_COACH };
#define CAT(c) (1u << (c))

typedef struct juror_def {
  const char *name; /* NULL: the coach profile's name (the juror is that coach) */
  const char *lang;
  int kind;      /* J_ORG: works in the organisation of a nominated deed; J_COACH: has a coach profile */
  unsigned cats; /* bit c: category c */
  double bias;   /* how strict (below 0) or lenient a scorer */
} juror_def;

/* The first is the chair; every category gets three or four jurors. */
static const juror_def jurors[] = {
    {"Leena Hirvonen", "fi", J_PLAIN, CAT(C_VIESTINTA) | CAT(C_KUNNIA), 0.0},
    {"Mikko Salonen", "fi", J_ORG, CAT(C_VIESTINTA) | CAT(C_TEKNOLOGIA), 0.2},
    {NULL, "fi", J_COACH, CAT(C_TEKNOLOGIA) | CAT(C_YMPARISTO), -0.1},
    {"Sari Kinnunen", "fi", J_ORG, CAT(C_YMPARISTO) | CAT(C_TASA_ARVO), 0.1},
    {"Heikki Rautio", "fi", J_PLAIN, CAT(C_TASA_ARVO) | CAT(C_KUNNIA), -0.5},   /* strict */
    {"Camilla Nyman", "sv", J_PLAIN, CAT(C_VIESTINTA) | CAT(C_TASA_ARVO), 0.5}, /* lenient */
    {"Tuomas Jokinen", "fi", J_ORG, CAT(C_TEKNOLOGIA) | CAT(C_KUNNIA), 0.0},
    {NULL, "fi", J_COACH, CAT(C_YMPARISTO) | CAT(C_KUNNIA), -0.2},
};
#define NJUR COUNT(jurors)

/* ---- texts: nominations, suggestions, comments, citations ({O}: the deed's organisation) ---- */

static const char *const nominate_reasons[NCAT][2] = {
    {"Teko kertoo kehittämisestä avoimesti ja innostaa muita kokeilemaan.",
     "Henkilöstö ja asukkaat otettiin mukaan viestinnän keinoin alusta asti."},
    {"Digitaalinen ratkaisu vapautti aikaa asiakastyöhön.", "Teknologia otettiin käyttöön henkilöstön ehdoilla."},
    {"Teko vähensi hävikkiä ja kulutusta mitattavasti.", "Kestävä toimintatapa juurtui arkeen."},
    {"Teko purki eriarvoisuutta työyhteisössä.", "Yhdenvertaisuus näkyy käytännön teoissa, ei vain suunnitelmissa."},
    {"Pieni teko, joka ansaitsee tulla huomatuksi.", "Sinnikäs kehittämistyö, joka kantoi tulokseen."},
};

static const char *const suggest_reasons[][2] = {
    {"fi", "Olin itse mukana ja näin, miten työn arki muuttui. Tämä ansaitsee tunnustuksen."},
    {"fi", "Asiakkaana huomasin eron heti: palvelu nopeutui ja ihmiset jaksavat paremmin."},
    {"fi", "Naapurikunnassa tätä on jo kopioitu, joten levitettävyys on todistettu."},
    {"fi", "Työkaverit tekivät tämän oman työnsä ohella. Hieno esimerkki muille."},
    {"fi", "Tästä kannattaa kertoa muillekin kunnille."},
    {"sv", "Jag var själv med och såg hur vardagen förändrades. Det här förtjänar ett pris."},
    {"en", "I saw this at a visit and would like others to hear about it."},
};

static const char *const decline_reasons[] = {
    "Teon tulokset eivät vielä näy kuvauksessa; ehdotus kannattaa tehdä uudelleen ensi vuonna.",
    "Teko on jo ehdolla toisessa luokassa.",
    "Ehdotus koskee hanketta yleisesti eikä kuvattua tekoa.",
};

static const char *const comments_high[] = {
    "Vahva näyttö tuloksista.",
    "Helposti toisen työyhteisön otettavissa käyttöön.",
    "Henkilöstö on ollut aidosti mukana.",
    "Rohkea ja raikas ratkaisu.",
};
static const char *const comments_low[] = {
    "Tulokset jäävät kuvauksessa ohuiksi.",
    "Hyvä idea, mutta vaikutukset vasta alustavia.",
    "Levitettävyyttä on vaikea arvioida kuvauksen perusteella.",
};

/* Citations: fi, sv, en; three for awards and two for mentions per category (the last category: four mentions,
 * no awards), each followed by what the jury valued most in the deed (valued[]). */
static const char *const cite_award[NCAT][3][3] = {
    {{"{O} teki kehittämisen näkyväksi koko työyhteisölle: avoin viestintä toi jokaisen mukaan alusta asti.",
      "{O} synliggjorde utvecklingen för hela arbetsgemenskapen: öppen kommunikation tog med alla från början.",
      "{O} made development visible to the whole work community: open communication brought everyone in from the "
      "start."},
     {"{O} kertoi kehittämistyöstään niin, että asukkaat ja naapurikunnat innostuivat kokeilemaan.",
      "{O} berättade om sitt utvecklingsarbete så att invånarna och grannkommunerna ville pröva själva.",
      "{O} told of its development work so that residents and neighbouring municipalities wanted to try it."},
     {"{O} osoitti, että hyvä viestintä on kehittämisen moottori, ei sen jälkikirjoitus.",
      "{O} visade att god kommunikation är utvecklingens motor, inte dess efterskrift.",
      "{O} showed that good communication drives development rather than reporting on it afterwards."}},
    {{"{O} otti teknologian käyttöön henkilöstön ehdoilla ja vapautti aikaa asiakastyöhön.",
      "{O} införde tekniken på personalens villkor och frigjorde tid för kundarbetet.",
      "{O} brought in technology on the staff's terms and freed time for work with customers."},
     {"{O} rakensi digitaalisen ratkaisun, joka on helppo ottaa käyttöön muuallakin.",
      "{O} byggde en digital lösning som är lätt att ta i bruk även på andra håll.",
      "{O} built a digital solution that others can easily take up."},
     {"{O} todisti, että pienikin digiaskel voi muuttaa palvelun arjen.",
      "{O} bevisade att också ett litet digitalt steg kan förändra vardagen i servicen.",
      "{O} proved that even a small digital step can change a service's everyday work."}},
    {{"{O} vähensi hävikkiä ja kulutusta mitattavasti ja teki kestävästä toimintatavasta arkea.",
      "{O} minskade svinn och förbrukning mätbart och gjorde ett hållbart arbetssätt till vardag.",
      "{O} cut waste and consumption measurably and made a sustainable way of working everyday practice."},
     {"{O} näytti, että ympäristöteko syntyy työpaikan omista ideoista.",
      "{O} visade att en miljögärning föds ur arbetsplatsens egna idéer.",
      "{O} showed that an environmental deed grows from the workplace's own ideas."},
     {"{O} yhdisti säästöt ja ympäristön niin, että molemmat voittivat.",
      "{O} förenade besparingar och miljö så att båda vann.",
      "{O} joined savings and the environment so that both gained."}},
    {{"{O} purki eriarvoisuutta käytännön teoilla ja teki yhdenvertaisuudesta osan johtamista.",
      "{O} motverkade ojämlikhet med konkreta åtgärder och gjorde likabehandling till en del av ledarskapet.",
      "{O} tackled inequality with practical steps and made equal treatment part of management."},
     {"{O} avasi ovet niille, joiden ääni ei ennen kuulunut.",
      "{O} öppnade dörrarna för dem vars röst inte hördes tidigare.",
      "{O} opened the doors to those whose voice was not heard before."},
     {"{O} teki tasa-arvosta työyhteisön yhteisen asian.",
      "{O} gjorde jämställdheten till hela arbetsgemenskapens sak.",
      "{O} made equality the whole work community's concern."}},
    {{"", "", ""}, {"", "", ""}, {"", "", ""}},
};
static const char *const cite_mention[NCAT][4][3] = {
    {{"{O} innosti viestinnällään muitakin kehittämään.", "{O} inspirerade andra att utveckla genom sin kommunikation.",
      "{O} inspired others to develop through its communication."},
     {"{O} toi kehittämisen lähelle asukkaita.", "{O} förde utvecklingen nära invånarna.",
      "{O} brought development close to residents."}},
    {{"{O} kokeili uutta tekniikkaa rohkeasti ja jakoi opit.",
      "{O} prövade ny teknik modigt och delade med sig av lärdomarna.",
      "{O} tried new technology boldly and shared what it learned."},
     {"{O} sujuvoitti arkea digitaalisella ratkaisulla.", "{O} gjorde vardagen smidigare med en digital lösning.",
      "{O} smoothed everyday work with a digital solution."}},
    {{"{O} otti ympäristön huomioon jokaisessa työvaiheessa.", "{O} beaktade miljön i varje arbetsskede.",
      "{O} took the environment into account at every stage of the work."},
     {"{O} aloitti pienestä ja sai paljon aikaan.", "{O} började smått och åstadkom mycket.",
      "{O} started small and achieved a lot."}},
    {{"{O} edisti yhdenvertaisuutta sinnikkäästi.", "{O} främjade likabehandling med uthållighet.",
      "{O} advanced equal treatment with persistence."},
     {"{O} kuunteli niitä, joita ei ennen kuultu.", "{O} lyssnade på dem som inte hördes tidigare.",
      "{O} listened to those not heard before."}},
    {{"{O} teki sinnikästä kehittämistyötä, joka kantoi tulokseen.",
      "{O} utförde ett uthålligt utvecklingsarbete som bar frukt.",
      "{O} did persistent development work that bore fruit."},
     {"{O} näytti, että pienikin teko voi muuttaa työn arkea.",
      "{O} visade att också en liten gärning kan förändra vardagen i arbetet.",
      "{O} showed that even a small deed can change everyday work."},
     {"{O} rohkaisi työntekijöitään kokeilemaan ja oppimaan yhdessä.",
      "{O} uppmuntrade sina anställda att pröva och lära tillsammans.",
      "{O} encouraged its staff to try things out and learn together."},
     {"{O} kehitti työtään asiakkaiden kanssa, ei vain heitä varten.",
      "{O} utvecklade sitt arbete tillsammans med kunderna, inte bara för dem.",
      "{O} developed its work with its customers, not only for them."}},
};

/* The criterion on which a deed's normalised scores were best, in the citation's second sentence. */
static const char *const valued[NCRIT][3] = {
    {"Raati arvosti erityisesti teon vaikuttavuutta.", "Juryn värdesatte särskilt gärningens verkningsfullhet.",
     "The jury valued the deed's impact above all."},
    {"Raati arvosti erityisesti käytännön levitettävyyttä.", "Juryn värdesatte särskilt metodens spridbarhet.",
     "The jury valued how readily others can take up the practice."},
    {"Raati arvosti erityisesti henkilöstön ja asiakkaiden osallisuutta.",
     "Juryn värdesatte särskilt personalens och kundernas delaktighet.",
     "The jury valued the part staff and customers took in it."},
    {"Raati arvosti erityisesti ratkaisun uutuutta.", "Juryn värdesatte särskilt lösningens nyhetsvärde.",
     "The jury valued the novelty of the solution."},
};

static const char intro_fi[] =
    "Tekojen torin palkinnoilla tehtiin näkyväksi kunnissa tehtyä kehittämistyötä. Vuonna 2019 raati arvioi 212 "
    "ehdolle asetettua tekoa ja palkitsi niistä 41: viestintä-, teknologia-, ympäristö- ja tasa-arvoteot sekä "
    "kunniamaininnat.";
static const char intro_sv[] =
    "Tekojen toris priser synliggjorde utvecklingsarbetet i kommunerna. År 2019 bedömde juryn 212 nominerade "
    "gärningar och prisbelönade 41 av dem: kommunikations-, teknologi-, miljö- och jämställdhetsgärningar samt "
    "hedersomnämnanden.";
static const char intro_en[] =
    "The awards of Tekojen tori made visible the development work done in municipalities. In 2019 the jury assessed "
    "212 nominated deeds and recognised 41 of them: communication, technology, environmental and equality deeds and "
    "honourable mentions.";

/* ---- state of one build ---- */

typedef struct cand {
  long long deed_id, org_id;
  unsigned fits; /* bit c: the deed's themes or sector fit category c */
  int recent;    /* published 2018 or later */
  int taken;
} cand;

typedef struct anom {
  long long id, deed_id, org_id;
  int cat;
  double q[NCRIT]; /* the deed's merit on each criterion as the jurors see it, before their own leanings */
  double ztotal;   /* weighted mean over criteria of the jurors' mean z-scores */
  int nscorers;    /* jurors who scored it */
  int best;        /* the criterion with its best mean z-score: what the citation says the jury valued */
} anom;

typedef struct score_row {
  int nom, crit, jur, score;
} score_row;

typedef struct actx {
  db *d;
  kerr *e;
  demo_rng *r;
  long long round_id, cat_id[NCAT], crit_id[NCRIT], user_id[NJUR];
  cand *cands;
  int ncands;
  anom *noms;
  int nnoms;
  unsigned char *hidden; /* [nom * NJUR + juror] */
  score_row *scores;
  int nscores;
} actx;

static int fail(actx *c, const char *what) {
  return kerr_set(c->e, NULL, "demo: cannot write %r: %r", what, db_errmsg(c->d));
}

static void ctx_free(actx *c) {
  free(c->cands);
  free(c->noms);
  free(c->hidden);
  free(c->scores);
}

/* A standard normal draw (Box–Muller), from the demo's stream. */
static double gauss(demo_rng *r) {
  double u = ((double)(demo_rng_next(r) >> 11) + 0.5) / 9007199254740992.0;
  double v = (double)(demo_rng_next(r) >> 11) / 9007199254740992.0;
  return sqrt(-2.0 * log(u)) * cos(6.283185307179586 * v);
}

/* tpl with {O} replaced by org. malloc'd. */
static char *fill(const char *tpl, const char *org) {
  buf b;
  buf_init(&b);
  for (const char *p = tpl; *p; p++) {
    if (strncmp(p, "{O}", 3) == 0) {
      buf_puts(&b, org);
      p += 2;
    } else {
      buf_putc(&b, *p);
    }
  }
  return buf_detach(&b);
}

/* A time in the round's year: month, a day in [d0, d1], working hours. */
static void stamp(actx *c, int month, int d0, int d1, char out[24]) {
  snprintf(out, 24, "%04d-%02d-%02dT%02d:%02d:00Z", YEAR, month, demo_rng_range(c->r, d0, d1),
           demo_rng_range(c->r, 8, 17), demo_rng_range(c->r, 0, 59));
}

/* ---- the round, its categories and criteria ---- */

static int write_frame(actx *c) {
  if (db_exec(c->d,
              "INSERT INTO award_round(year, intro, intro_sv, intro_en, nominate_until, jury_until, created_at,"
              " updated_at) VALUES(?1, ?2, ?3, ?4, '2019-09-30', '2019-10-31', '2019-04-15T09:00:00Z',"
              " '2019-04-15T09:00:00Z')",
              "ittt", (long long)YEAR, intro_fi, intro_sv, intro_en) != DB_OK)
    return fail(c, "the award round");
  c->round_id = db_last_id(c->d);
  for (int i = 0; i < NCAT; i++) {
    const cat_def *k = &cats[i];
    if (db_exec(c->d,
                "INSERT INTO award_category(round_id, position, name, name_sv, name_en, description, description_sv,"
                " description_en) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                "iitttttt", c->round_id, (long long)i + 1, k->name[0], k->name[1], k->name[2], k->desc[0], k->desc[1],
                k->desc[2]) != DB_OK)
      return fail(c, "award categories");
    c->cat_id[i] = db_last_id(c->d);
  }
  for (int i = 0; i < NCRIT; i++) {
    const crit_def *k = &crits[i];
    if (db_exec(c->d,
                "INSERT INTO award_criterion(round_id, position, name, name_sv, name_en, description, description_sv,"
                " description_en, weight) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                "iitttttti", c->round_id, (long long)i + 1, k->name[0], k->name[1], k->name[2], k->desc[0], k->desc[1],
                k->desc[2], (long long)k->weight) != DB_OK)
      return fail(c, "award criteria");
    c->crit_id[i] = db_last_id(c->d);
  }
  return K_OK;
}

/* ---- which deeds: published before the nominations closed, 2018–2019 first ---- */

static int fits_theme(const char *list, const char *theme) {
  size_t n = strlen(theme);
  for (const char *p = list; p && *p;) {
    const char *end = strchr(p, ',');
    size_t len = end ? (size_t)(end - p) : strlen(p);
    if (len == n && strncmp(p, theme, n) == 0) return 1;
    p = end ? end + 1 : NULL;
  }
  return 0;
}

static unsigned fits_of(const char *sector, const char *themes) {
  unsigned f = 0;
  for (int k = 0; k < NCAT; k++) {
    if (!cats[k].themes) continue;
    if (fits_theme(cats[k].themes, sector)) f |= CAT(k);
    for (const char *p = themes; *p && !(f & CAT(k));) {
      const char *end = strchr(p, '|');
      size_t len = end ? (size_t)(end - p) : strlen(p);
      char one[64];
      if (len < sizeof one) {
        memcpy(one, p, len);
        one[len] = 0;
        if (fits_theme(cats[k].themes, one)) f |= CAT(k);
      }
      p = end ? end + 1 : p + len;
    }
  }
  return f;
}

static void shuffle(demo_rng *r, cand *v, int n) {
  for (int i = n - 1; i > 0; i--) {
    int j = demo_rng_below(r, i + 1);
    cand t = v[i];
    v[i] = v[j];
    v[j] = t;
  }
}

static int load_candidates(actx *c) {
  long long n = db_int(c->d, 0, "SELECT count(*) FROM deed WHERE status='published' AND org_id IS NOT NULL", "");
  c->cands = util_calloc((size_t)n + 1, sizeof *c->cands);
  db_stmt *st = db_query(c->d,
                         "SELECT d.id, d.org_id, d.sector_code,"
                         " coalesce((SELECT string_agg(t.name, '|') FROM deed_theme x JOIN theme t ON t.id=x.theme_id"
                         "  WHERE x.deed_id=d.id), ''),"
                         " CASE WHEN d.published_at >= '2018-01-01' THEN 1 ELSE 0 END"
                         " FROM deed d WHERE d.status='published' AND d.org_id IS NOT NULL"
                         " AND d.published_at >= '2017-01-01' AND d.published_at < '2019-10-01' ORDER BY d.id",
                         "");
  while (c->ncands < n && db_step(st) == 1) {
    cand *k = &c->cands[c->ncands++];
    k->deed_id = db_col_int(st, 0);
    k->org_id = db_col_int(st, 1);
    k->fits = fits_of(db_col_text(st, 2), db_col_text(st, 3));
    k->recent = (int)db_col_int(st, 4);
  }
  db_done(st);
  /* the recent ones shuffled first, then the older ones shuffled */
  int recent = 0;
  for (int i = 0; i < c->ncands; i++)
    if (c->cands[i].recent) {
      cand t = c->cands[recent];
      c->cands[recent++] = c->cands[i];
      c->cands[i] = t;
    }
  shuffle(c->r, c->cands, recent);
  shuffle(c->r, c->cands + recent, c->ncands - recent);
  if (c->ncands < NOMINATIONS + DECLINED_SUGGESTIONS)
    return kerr_set(c->e, NULL, "demo: only %d published deeds for the %d award round", c->ncands, YEAR);
  return K_OK;
}

/* Fills each category's quota: deeds whose themes fit it first (rarer categories choose first), then any. */
static void choose_nominations(actx *c) {
  c->noms = util_calloc(NOMINATIONS, sizeof *c->noms);
  static const int order[NCAT] = {C_YMPARISTO, C_TASA_ARVO, C_TEKNOLOGIA, C_VIESTINTA, C_KUNNIA};
  int have[NCAT] = {0};
  for (int pass = 0; pass < 2; pass++)
    for (int o = 0; o < NCAT; o++) {
      int k = order[o];
      for (int i = 0; i < c->ncands && have[k] < cats[k].quota; i++) {
        cand *x = &c->cands[i];
        if (x->taken || (pass == 0 && cats[k].themes && !(x->fits & CAT(k)))) continue;
        if (pass == 0 && !cats[k].themes && x->fits) continue; /* mentions: deeds of no other category */
        x->taken = 1;
        anom *m = &c->noms[c->nnoms++];
        m->deed_id = x->deed_id;
        m->org_id = x->org_id;
        m->cat = k;
        have[k]++;
      }
    }
}

/* ---- nominations and suggestions ---- */

static int write_nomination(actx *c, anom *m, int suggested) {
  char created[24], decided[24];
  stamp(c, demo_rng_range(c->r, 5, 8), 1, 28, created);
  stamp(c, 9, 1, 30, decided);
  const char *actor = staff[demo_rng_below(c->r, 2)];
  int rc;
  if (!suggested) {
    rc = db_exec(c->d,
                 "INSERT INTO award_nomination(round_id, category_id, deed_id, status, reason, created_by, created_at)"
                 " VALUES(?1, ?2, ?3, 'nominated', ?4, ?5, ?6)",
                 "iiittt", c->round_id, c->cat_id[m->cat], m->deed_id,
                 nominate_reasons[m->cat][demo_rng_below(c->r, 2)], actor, created);
  } else {
    const char *const *s = suggest_reasons[demo_rng_below(c->r, COUNT(suggest_reasons))];
    char *name, *email;
    demo_text_person(c->r, &name, &email);
    rc = db_exec(c->d,
                 "INSERT INTO award_nomination(round_id, category_id, deed_id, status, reason, suggester_name,"
                 " suggester_email, suggester_lang, decided_by, decided_at, created_at)"
                 " VALUES(?1, ?2, ?3, 'nominated', ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                 "iiittttttt", c->round_id, c->cat_id[m->cat], m->deed_id, s[1], name, email, s[0], actor, decided,
                 created);
    free(name);
    free(email);
  }
  if (rc != DB_OK) return fail(c, "award nominations");
  m->id = db_last_id(c->d);
  return K_OK;
}

/* Suggestions staff declined: deeds not nominated, each in some category. */
static int write_declined(actx *c) {
  int n = 0;
  for (int i = 0; i < c->ncands && n < DECLINED_SUGGESTIONS; i++) {
    cand *x = &c->cands[i];
    if (x->taken) continue;
    x->taken = 1;
    const char *const *s = suggest_reasons[demo_rng_below(c->r, COUNT(suggest_reasons))];
    char *name, *email, created[24], decided[24];
    demo_text_person(c->r, &name, &email);
    stamp(c, demo_rng_range(c->r, 5, 8), 1, 28, created);
    stamp(c, 9, 1, 30, decided);
    int rc = db_exec(c->d,
                     "INSERT INTO award_nomination(round_id, category_id, deed_id, status, reason, suggester_name,"
                     " suggester_email, suggester_lang, decided_by, decided_at, decline_reason, created_at)"
                     " VALUES(?1, ?2, ?3, 'declined', ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                     "iiitttttttt", c->round_id, c->cat_id[demo_rng_below(c->r, NCAT)], x->deed_id, s[1], name, email,
                     s[0], staff[demo_rng_below(c->r, 2)], decided,
                     decline_reasons[demo_rng_below(c->r, COUNT(decline_reasons))], created);
    free(name);
    free(email);
    if (rc != DB_OK) return fail(c, "declined suggestions");
    n++;
  }
  return K_OK;
}

static int write_nominations(actx *c) {
  for (int i = 0; i < c->nnoms; i++)
    if (write_nomination(c, &c->noms[i], i % (NOMINATIONS / ACCEPTED_SUGGESTIONS) == 3)) return K_ERR;
  return write_declined(c);
}

/* ---- the jury ---- */

/* An organisation with one to three nominated deeds in the juror's categories, not yet some juror's. 0: none. */
static long long pick_org(actx *c, unsigned catmask, const long long *taken, int ntaken) {
  long long cand_org[NOMINATIONS];
  int n = 0;
  for (int i = 0; i < c->nnoms; i++) {
    const anom *m = &c->noms[i];
    if (!(catmask & CAT(m->cat))) continue;
    int count = 0, seen = 0, used = 0;
    for (int j = 0; j < c->nnoms; j++) count += c->noms[j].org_id == m->org_id;
    for (int j = 0; j < n; j++) seen |= cand_org[j] == m->org_id;
    for (int j = 0; j < ntaken; j++) used |= taken[j] == m->org_id;
    if (count <= 3 && !seen && !used) cand_org[n++] = m->org_id;
  }
  return n ? cand_org[demo_rng_below(c->r, n)] : 0;
}

/* A coach profile whose deliveries reached the organisations of two or more (else one) nominated deeds in the
 * juror's categories, and of the fewest nominated deeds in all, not yet some juror's. 0: none. */
static long long pick_coach(actx *c, unsigned catmask, const long long *taken, int ntaken) {
  buf cats_list;
  buf_init(&cats_list);
  buf_putc(&cats_list, ',');
  for (int k = 0; k < NCAT; k++)
    if (catmask & CAT(k)) buf_printf(&cats_list, "%lld,", c->cat_id[k]);
  db_stmt *st = db_query(c->d,
                         "SELECT c.id, count(DISTINCT n.deed_id),"
                         " count(DISTINCT CASE WHEN instr(?2, ',' || n.category_id || ',') > 0 THEN n.deed_id END)"
                         " FROM coach c JOIN delivery dl ON dl.coach_id=c.id"
                         " JOIN delivery_org x ON x.delivery_id=dl.id JOIN deed d ON d.org_id=x.org_id"
                         " JOIN award_nomination n ON n.deed_id=d.id AND n.round_id=?1 AND n.status='nominated'"
                         " GROUP BY c.id ORDER BY c.id",
                         "it", c->round_id, cats_list.data);
  long long best = 0, best_all = 0, best_mine = 0;
  while (db_step(st) == 1) {
    long long id = db_col_int(st, 0), all = db_col_int(st, 1), mine = db_col_int(st, 2);
    int used = 0;
    for (int j = 0; j < ntaken; j++) used |= taken[j] == id;
    if (used || mine == 0) continue;
    int better = !best || (best_mine < 2 && mine >= 2) || ((mine >= 2) == (best_mine >= 2) && all < best_all);
    if (better) best = id, best_all = all, best_mine = mine;
  }
  db_done(st);
  buf_free(&cats_list);
  return best;
}

/* "Etunimi Sukunimi" → etunimi.sukunimi@example.fi (malloc'd). */
static char *juror_email(const char *name) {
  buf b;
  buf_init(&b);
  const char *sp = strrchr(name, ' ');
  char first[64];
  size_t n = sp ? (size_t)(sp - name) : strlen(name);
  if (n >= sizeof first) n = sizeof first - 1;
  memcpy(first, name, n);
  first[n] = 0;
  demo_email_part(&b, first);
  if (sp) {
    buf_putc(&b, '.');
    demo_email_part(&b, sp + 1);
  }
  buf_puts(&b, "@example.fi");
  return buf_detach(&b);
}

static int write_juror(actx *c, int j, long long org_id, long long coach_id) {
  const juror_def *k = &jurors[j];
  char *name = k->name ? util_strdup(k->name) : NULL;
  if (!name && coach_id) name = db_text(c->d, "SELECT name FROM coach WHERE id=?1", "i", coach_id);
  if (!name) name = util_strdup("Kirsi Aaltonen"); /* no coach profile fitted: a juror without one */
  char *email = juror_email(name);
  int rc = db_exec(c->d,
                   "INSERT INTO user(email, name, password_hash, role, org_id, coach_id, lang, active, created_at)"
                   " VALUES(?1, ?2, '', 'jury', NULLIF(?3, 0), NULLIF(?4, 0), ?5, 1, '2019-08-20T09:00:00Z')",
                   "ttiit", email, name, org_id, coach_id, k->lang);
  free(name);
  free(email);
  if (rc != DB_OK) return fail(c, "jury accounts");
  c->user_id[j] = db_last_id(c->d);
  for (int cat = 0; cat < NCAT; cat++)
    if ((k->cats & CAT(cat)) && db_exec(c->d, "INSERT INTO award_juror(category_id, user_id) VALUES(?1, ?2)", "ii",
                                        c->cat_id[cat], c->user_id[j]) != DB_OK)
      return fail(c, "jurors");
  return K_OK;
}

static int write_jury(actx *c) {
  long long orgs[NJUR], coaches[NJUR];
  int norgs = 0, ncoaches = 0;
  for (int j = 0; j < NJUR; j++) {
    long long org_id = 0, coach_id = 0;
    if (jurors[j].kind == J_ORG && (org_id = pick_org(c, jurors[j].cats, orgs, norgs))) orgs[norgs++] = org_id;
    if (jurors[j].kind == J_COACH && (coach_id = pick_coach(c, jurors[j].cats, coaches, ncoaches)))
      coaches[ncoaches++] = coach_id;
    if (write_juror(c, j, org_id, coach_id)) return K_ERR;
  }
  if (db_exec(c->d, "UPDATE award_round SET chair_id=?2 WHERE id=?1", "ii", c->round_id, c->user_id[0]) != DB_OK)
    return fail(c, "the chair");
  return K_OK;
}

/* ---- conflicts of interest ---- */

/* The conflicts Kehto finds from the data, recorded by the model (in juror and deed order, so both engines number
 * them alike), dated when the jury's work began. */
static int record_found_conflicts(db *d, long long round_id, const char *when, kerr *e) {
  if (award_conflicts_record(d, round_id, e) != K_OK) return K_ERR;
  if (db_exec(d, "UPDATE award_conflict SET created_at = ?2 WHERE round_id = ?1 AND kind IN ('org', 'coach')", "it",
              round_id, when) != DB_OK)
    return kerr_set(e, NULL, "demo: cannot date the conflicts of interest: %r", db_errmsg(d));
  return K_OK;
}

static int juror_of(const actx *c, long long user_id) {
  for (int j = 0; j < NJUR; j++)
    if (c->user_id[j] == user_id) return j;
  return -1;
}

/* Marks every nomination of a deed that the round's conflicts hide from a juror. */
static void load_hidden(actx *c) {
  db_stmt *st = db_query(c->d, "SELECT user_id, deed_id FROM award_conflict WHERE round_id=?1", "i", c->round_id);
  while (db_step(st) == 1) {
    int j = juror_of(c, db_col_int(st, 0));
    long long deed_id = db_col_int(st, 1);
    for (int i = 0; j >= 0 && i < c->nnoms; i++)
      if (c->noms[i].deed_id == deed_id) c->hidden[i * NJUR + j] = 1;
  }
  db_done(st);
}

/* Two jurors declare a conflict of their own on a nomination of their categories that nothing hid from them. */
static int declare_conflicts(actx *c) {
  static const struct {
    int juror;
    const char *reason;
  } declared[] = {
      {5, "Jag satt i projektets styrgrupp som sakkunnig 2018."},
      {3, "Puolisoni työskentelee teon työyhteisössä."},
  };
  for (int k = 0; k < COUNT(declared); k++) {
    int j = declared[k].juror, start = demo_rng_below(c->r, c->nnoms);
    for (int t = 0; t < c->nnoms; t++) {
      int i = (start + t) % c->nnoms;
      if (!(jurors[j].cats & CAT(c->noms[i].cat)) || c->hidden[i * NJUR + j]) continue;
      char when[24];
      stamp(c, 10, 1, 10, when);
      if (db_exec(c->d,
                  "INSERT INTO award_conflict(round_id, user_id, deed_id, kind, reason, created_at)"
                  " VALUES(?1, ?2, ?3, 'declared', ?4, ?5)",
                  "iiitt", c->round_id, c->user_id[j], c->noms[i].deed_id, declared[k].reason, when) != DB_OK)
        return fail(c, "declared conflicts");
      c->hidden[i * NJUR + j] = 1;
      break;
    }
  }
  return K_OK;
}

static int write_conflicts(actx *c) {
  c->hidden = util_calloc((size_t)c->nnoms * NJUR, 1);
  if (record_found_conflicts(c->d, c->round_id, "2019-10-01T06:00:00Z", c->e)) return K_ERR;
  load_hidden(c);
  return declare_conflicts(c);
}

/* ---- scores ---- */

static int clamp_score(double x) {
  long v = lround(x);
  return v < AWARD_SCORE_MIN ? AWARD_SCORE_MIN : v > AWARD_SCORE_MAX ? AWARD_SCORE_MAX : (int)v;
}

/* A juror's scores of one nomination, saved at once as the score form does (one statement: the demo stays quick on
 * PostgreSQL), with now and then a comment on the first criterion. */
static int write_juror_scores(actx *c, int i, int j, const int score[NCRIT]) {
  const char *comment = "";
  if (demo_rng_chance(c->r, 12)) {
    if (score[0] >= 4) comment = comments_high[demo_rng_below(c->r, COUNT(comments_high))];
    if (score[0] <= 2) comment = comments_low[demo_rng_below(c->r, COUNT(comments_low))];
  }
  char when[24];
  stamp(c, 10, 1, 31, when);
  _Static_assert(NCRIT == 4, "one row per criterion below");
  if (db_exec(c->d,
              "INSERT INTO award_score(nomination_id, criterion_id, user_id, score, comment, updated_at)"
              " VALUES(?1, ?2, ?6, ?7, ?11, ?12), (?1, ?3, ?6, ?8, '', ?12), (?1, ?4, ?6, ?9, '', ?12),"
              " (?1, ?5, ?6, ?10, '', ?12)",
              "iiiiiiiiiitt", c->noms[i].id, c->crit_id[0], c->crit_id[1], c->crit_id[2], c->crit_id[3], c->user_id[j],
              (long long)score[0], (long long)score[1], (long long)score[2], (long long)score[3], comment,
              when) != DB_OK)
    return fail(c, "jury scores");
  for (int k = 0; k < NCRIT; k++) c->scores[c->nscores++] = (score_row){i, k, j, score[k]};
  return K_OK;
}

/* Every juror scores every criterion of every nomination they may see: the deed's merit, the juror's leaning, their
 * impression of the deed and some noise. */
static int write_scores(actx *c) {
  c->scores = util_calloc((size_t)c->nnoms * NJUR * NCRIT, sizeof *c->scores);
  for (int i = 0; i < c->nnoms; i++) {
    anom *m = &c->noms[i];
    double base = 3.1 + 0.75 * gauss(c->r);
    for (int k = 0; k < NCRIT; k++) m->q[k] = base + 0.35 * gauss(c->r);
    for (int j = 0; j < NJUR; j++) {
      if (!(jurors[j].cats & CAT(m->cat)) || c->hidden[i * NJUR + j]) continue;
      m->nscorers++;
      /* the juror's impression of the deed: now and then one sees it quite differently from the others */
      double seen = jurors[j].bias + 0.15 * gauss(c->r);
      if (demo_rng_chance(c->r, 4)) seen += demo_rng_chance(c->r, 50) ? 1.3 : -1.3;
      int score[NCRIT];
      for (int k = 0; k < NCRIT; k++) score[k] = clamp_score(m->q[k] + seen + 0.2 * gauss(c->r));
      if (write_juror_scores(c, i, j, score)) return K_ERR;
    }
  }
  return K_OK;
}

/* ---- the chair's decisions ---- */

/* ztotal of every nomination as the chair's table computes it (award_standings): each juror's scores standardised
 * by their own mean and population standard deviation, averaged per criterion, weighted over the criteria. Returns
 * how many nominations have jurors' scores on some criterion AWARD_DISAGREE or more apart. */
static int figures(actx *c) {
  double sum[NJUR] = {0}, sq[NJUR] = {0}, mean[NJUR], sd[NJUR];
  int n[NJUR] = {0};
  for (int s = 0; s < c->nscores; s++) {
    const score_row *x = &c->scores[s];
    sum[x->jur] += x->score;
    sq[x->jur] += (double)x->score * x->score;
    n[x->jur]++;
  }
  for (int j = 0; j < NJUR; j++) {
    mean[j] = n[j] ? sum[j] / n[j] : 0;
    double var = n[j] ? sq[j] / n[j] - mean[j] * mean[j] : 0;
    sd[j] = var > 1e-12 ? sqrt(var) : 0;
  }
  double *zsum = util_calloc((size_t)c->nnoms * NCRIT, sizeof *zsum);
  int *zn = util_calloc((size_t)c->nnoms * NCRIT, sizeof *zn), *lo = util_calloc((size_t)c->nnoms * NCRIT, sizeof *lo),
      *hi = util_calloc((size_t)c->nnoms * NCRIT, sizeof *hi);
  for (int s = 0; s < c->nscores; s++) {
    const score_row *x = &c->scores[s];
    int at = x->nom * NCRIT + x->crit;
    zsum[at] += sd[x->jur] > 0 ? (x->score - mean[x->jur]) / sd[x->jur] : 0;
    if (!zn[at] || x->score < lo[at]) lo[at] = x->score;
    if (!zn[at] || x->score > hi[at]) hi[at] = x->score;
    zn[at]++;
  }
  int disagree = 0;
  for (int i = 0; i < c->nnoms; i++) {
    double tot = 0, w = 0;
    int flag = 0;
    c->noms[i].best = 0;
    for (int k = 0; k < NCRIT; k++) {
      int at = i * NCRIT + k, best = i * NCRIT + c->noms[i].best;
      if (!zn[at]) continue;
      if (!zn[best] || zsum[at] / zn[at] > zsum[best] / zn[best]) c->noms[i].best = k;
      tot += crits[k].weight * zsum[at] / zn[at];
      w += crits[k].weight;
      flag |= hi[at] - lo[at] >= AWARD_DISAGREE;
    }
    c->noms[i].ztotal = w > 0 ? tot / w : 0;
    disagree += flag;
  }
  free(zsum);
  free(zn);
  free(lo);
  free(hi);
  return disagree;
}

static int decide_one(actx *c, anom *m, const char *result, int rank) {
  int nmention = cats[m->cat].awards ? 2 : 4;
  const char *const *tpl =
      strcmp(result, "award") == 0 ? cite_award[m->cat][rank % 3] : cite_mention[m->cat][rank % nmention];
  char *org = db_text(c->d, "SELECT name FROM org WHERE id=?1", "i", m->org_id);
  char *cite[3];
  for (int l = 0; l < 3; l++) {
    char *first = fill(tpl[l], org ? org : "");
    cite[l] = buf_mprintf("%r %r", first, valued[m->best][l]);
    free(first);
  }
  int rc =
      db_exec(c->d, "UPDATE award_nomination SET result=?2, citation=?3, citation_sv=?4, citation_en=?5 WHERE id=?1",
              "itttt", m->id, result, cite[0], cite[1], cite[2]);
  for (int l = 0; l < 3; l++) free(cite[l]);
  free(org);
  return rc == DB_OK ? K_OK : fail(c, "the chair's decisions");
}

/* In each category the best by ztotal get the awards, the next the mentions. */
static int decide(actx *c) {
  int *v = util_calloc((size_t)c->nnoms + 1, sizeof *v);
  int rc = K_OK;
  for (int k = 0; k < NCAT && rc == K_OK; k++) {
    int n = 0;
    for (int i = 0; i < c->nnoms; i++) {
      const anom *m = &c->noms[i];
      if (m->cat != k || !m->nscorers) continue;
      int at = n++; /* insertion: ztotal best first, then the older nomination */
      while (at > 0 && (c->noms[v[at - 1]].ztotal < m->ztotal ||
                        (c->noms[v[at - 1]].ztotal == m->ztotal && c->noms[v[at - 1]].id > m->id))) {
        v[at] = v[at - 1];
        at--;
      }
      v[at] = i;
    }
    for (int r = 0; r < n && r < cats[k].awards + cats[k].mentions && rc == K_OK; r++) {
      int award = r < cats[k].awards;
      rc = decide_one(c, &c->noms[v[r]], award ? "award" : "mention", award ? r : r - cats[k].awards);
    }
  }
  free(v);
  return rc;
}

static int publish(actx *c) {
  if (db_exec(c->d,
              "UPDATE award_round SET published_at='2019-11-21T10:00:00Z', notified_at='2019-11-21T10:00:00Z',"
              " updated_at='2019-11-21T10:00:00Z' WHERE id=?1",
              "i", c->round_id) != DB_OK)
    return fail(c, "the published round");
  return K_OK;
}

static int count(actx *c, const char *sql) {
  return (int)db_int(c->d, 0, sql, "i", c->round_id);
}

int demo_awards(db *d, demo_rng *r, demo_award_summary *s, kerr *e) {
  actx c = {.d = d, .e = e, .r = r};
  int rc = write_frame(&c);
  if (rc == K_OK) rc = load_candidates(&c);
  if (rc == K_OK) {
    choose_nominations(&c);
    rc = write_nominations(&c);
  }
  if (rc == K_OK) rc = write_jury(&c);
  if (rc == K_OK) rc = write_conflicts(&c);
  if (rc == K_OK) rc = write_scores(&c);
  int disagree = rc == K_OK ? figures(&c) : 0;
  if (rc == K_OK) rc = decide(&c);
  if (rc == K_OK) rc = publish(&c);
  if (rc == K_OK && s) {
    *s = (demo_award_summary){
        .year = YEAR,
        .nominations = count(&c, "SELECT count(*) FROM award_nomination WHERE round_id=?1 AND status='nominated'"),
        .suggestions = count(&c, "SELECT count(*) FROM award_nomination WHERE round_id=?1 AND suggester_email<>''"),
        .jurors = count(&c, "SELECT count(DISTINCT j.user_id) FROM award_juror j JOIN award_category k"
                            " ON k.id=j.category_id WHERE k.round_id=?1"),
        .conflicts = count(&c, "SELECT count(*) FROM award_conflict WHERE round_id=?1"),
        .scores = c.nscores,
        .awards = count(&c, "SELECT count(*) FROM award_nomination WHERE round_id=?1 AND result='award'"),
        .mentions = count(&c, "SELECT count(*) FROM award_nomination WHERE round_id=?1 AND result='mention'"),
        .disagreements = disagree,
    };
  }
  ctx_free(&c);
  return rc;
}
