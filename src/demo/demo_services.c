/* demo_services: the demo's programme in action: offerings, coaches, deliveries, people, ESF records, applications. */
#include "demo/demo_services.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/util.h"
#include "model/themelist.h"

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* ---- service offerings of both funding periods (period 0: 2015–2017, 1: 2018–2020) ---- */

typedef struct offer {
  const char *type, *variant, *name, *description, *themes;
  int period, capacity;
  int runs, orgs_lo, orgs_hi, people_lo, people_hi, sessions_lo, sessions_hi, gap_lo, gap_hi;
} offer;

static const char sparraus_text[] =
    "Sparraus on 1–3 päivän valmennus yhdelle työyhteisölle. Ulkopuolinen valmentaja, jonka organisaatio valitsee "
    "ohjelman kilpailuttamista valmentajista, auttaa käynnistämään tai viemään eteenpäin kehittämistyötä. Mukana ovat "
    "aina johto, esihenkilöt ja henkilöstön edustajat. Sparrausta haetaan sähköisesti.";
static const char valmennus_text[] =
    "Kolmen päivän valmennus organisaatioiden sisäisille kehittäjille: kehittämisen menetelmiä, fasilitointia ja "
    "muutoksen tukemista. Osallistujat tuovat mukanaan oman kehittämishankkeensa.";

static const offer offers[] = {
    {"sparraus", "", "Sparraus työyhteisöille 2015–2017", sparraus_text, "johtaminen, työhyvinvointi, tuloksellisuus",
     0, 60, 42, 1, 1, 26, 46, 1, 3, 14, 35},
    {"valmennus", "", "Sisäisten kehittäjien valmennus 2015–2017", valmennus_text, "kokeilukulttuuri, osallisuus", 0,
     24, 5, 4, 8, 16, 24, 3, 3, 21, 42},
    {"tyopaja", "teema", "Teematyöpaja: työhyvinvointi ja tuloksellisuus",
     "Päivän työpaja, jossa eri organisaatioiden työntekijät ja esihenkilöt etsivät yhdessä keinoja, joilla "
     "työhyvinvointi ja tuloksellisuus vahvistavat toisiaan.",
     "työhyvinvointi, tuloksellisuus", 0, 40, 7, 5, 10, 26, 40, 1, 1, 0, 0},
    {"tyopaja", "toimiala", "Sote-alan toimialatyöpaja",
     "Sosiaali- ja terveysalan työyhteisöjen työpaja: asiakaslähtöiset toimintatavat ja työn organisointi.",
     "asiakaslähtöisyys, johtaminen", 0, 40, 6, 5, 10, 26, 40, 1, 1, 0, 0},
    {"tyopaja", "haaste", "Haastetyöpaja: kokeilemalla eteenpäin",
     "Kaksiosainen työpaja, jossa osallistujat tuovat oman työpaikkansa haasteen ja ratkaisevat sitä kokeilujen "
     "avulla.",
     "kokeilukulttuuri, palvelumuotoilu", 0, 36, 5, 4, 8, 22, 36, 2, 2, 28, 42},
    {"verkosto", "tuloksellisuus", "Tuloksellisuustyön verkosto 2015–2017",
     "Verkosto johdolle, esihenkilöille ja henkilöstön edustajille, jotka kehittävät tuloksellisuutta yhdessä. "
     "Tapaamiset noin kahden kuukauden välein.",
     "tuloksellisuus, johtaminen", 0, 50, 2, 10, 14, 32, 44, 4, 6, 45, 70},
    {"verkosto", "oppiminen", "Esihenkilöiden oppimisverkosto",
     "Oppimisverkosto esihenkilöille: vertaistukea, hyviä käytäntöjä ja yhteistä oppimista.", "johtaminen, viestintä",
     0, 40, 2, 8, 12, 26, 38, 4, 6, 45, 70},
    {"webinaari", "", "Kunteko-webinaarit 2015–2017",
     "Tunnin mittaiset etätilaisuudet ajankohtaisista kehittämisen teemoista. Tallenteet ovat katsottavissa "
     "jälkikäteen.",
     "digitalisaatio, työhyvinvointi", 0, 500, 10, 0, 0, 75, 180, 1, 1, 0, 0},
    {"tilaisuus", "", "Alueelliset Kunteko-tilaisuudet 2015–2017",
     "Maakunnissa järjestettävät iltapäivän tilaisuudet: alueen kehittämistekoja, puheenvuoroja ja verkostoitumista.",
     "viestintä, osallisuus", 0, 250, 9, 0, 0, 80, 200, 1, 1, 0, 0},
    {"tutkimus", "", "Tutkimusyhteistyö: tuloksellisuuden mittaaminen",
     "Tutkimushanke, jossa kehitetään ja kokeillaan kuntatyön tuloksellisuuden mittareita yhdessä työpaikkojen kanssa.",
     "tuloksellisuus", 0, 30, 1, 3, 4, 14, 22, 3, 3, 60, 90},

    {"sparraus", "", "Sparraus työyhteisöille 2018–2020", sparraus_text, "johtaminen, työhyvinvointi, tuloksellisuus",
     1, 110, 100, 1, 1, 14, 30, 1, 3, 14, 35},
    {"valmennus", "", "Sisäisten kehittäjien valmennus 2018–2020", valmennus_text, "kokeilukulttuuri, palvelumuotoilu",
     1, 24, 6, 4, 8, 16, 24, 3, 3, 21, 42},
    {"tyopaja", "teema", "Teematyöpaja: digitalisaatio arjen työssä",
     "Työpaja, jossa pohditaan, miten digitaaliset välineet keventävät arjen työtä ja mitä se vaatii osaamiselta.",
     "digitalisaatio, perehdytys", 1, 40, 6, 5, 10, 24, 36, 1, 1, 0, 0},
    {"tyopaja", "toimiala", "Kasvatus- ja opetusalan toimialatyöpaja",
     "Opetus- ja kasvatusalan työyhteisöjen työpaja: yhteisöllinen työkulttuuri ja osaamisen jakaminen.",
     "osallisuus, yhdenvertaisuus", 1, 40, 5, 5, 10, 24, 36, 1, 1, 0, 0},
    {"tyopaja", "haaste", "Haastetyöpaja: uudistuva työ",
     "Kaksiosainen työpaja, jossa työpaikan oma haaste ratkaistaan palvelumuotoilun keinoin.",
     "palvelumuotoilu, kokeilukulttuuri", 1, 36, 5, 4, 8, 20, 32, 2, 2, 28, 42},
    {"verkosto", "tuloksellisuus", "Tuloksellisuustyön verkosto 2018–2020",
     "Verkosto johdolle, esihenkilöille ja henkilöstön edustajille: tuloksellisuuden kehittäminen yhteistoiminnassa.",
     "tuloksellisuus, johtaminen", 1, 50, 2, 10, 14, 30, 42, 4, 6, 45, 70},
    {"verkosto", "oppiminen", "Työhyvinvoinnin oppimisverkosto",
     "Oppimisverkosto työhyvinvoinnin ja työturvallisuuden kehittäjille.", "työhyvinvointi, työturvallisuus", 1, 40, 2,
     8, 12, 24, 36, 4, 6, 45, 70},
    {"verkosto", "kehittaminen", "Sisäisten kehittäjien kehittämisverkosto",
     "Valmennuksen käyneiden sisäisten kehittäjien verkosto: omat hankkeet, vertaisarviointi ja yhteiset kokeilut.",
     "kokeilukulttuuri, osallisuus", 1, 40, 2, 8, 12, 22, 34, 4, 6, 45, 70},
    {"webinaari", "", "Kunteko-webinaarit 2018–2020",
     "Etätilaisuudet ajankohtaisista kehittämisen teemoista; vuonna 2020 myös poikkeusajan työn järjestelyistä.",
     "digitalisaatio, viestintä", 1, 500, 22, 0, 0, 75, 190, 1, 1, 0, 0},
    {"tilaisuus", "", "Alueelliset Kunteko-tilaisuudet 2018–2020",
     "Maakunnissa järjestettävät tilaisuudet ja vuosittainen Kunteko-päivä, jossa palkitaan vuoden kehittämisteot.",
     "viestintä, osallisuus", 1, 300, 7, 0, 0, 80, 200, 1, 1, 0, 0},
    {"tutkimus", "", "Tutkimusyhteistyö: kehittämistyön vaikuttavuus",
     "Tutkimusyhteistyö, jossa seurataan kehittämistoiminnan vaikutuksia työpaikoilla ohjelman aikana ja sen jälkeen.",
     "tuloksellisuus, osallisuus", 1, 30, 1, 3, 4, 12, 20, 3, 3, 60, 90},
};

/* ---- coaches (tendered providers; made up) ---- */

typedef struct coach_def {
  const char *name, *company, *languages, *themes, *regions, *bio;
} coach_def;

static const coach_def coaches[] = {
    {"Aino Lehtovaara", "Työyhteisövalmennus Lehtovaara Oy", "fi", "johtaminen, työhyvinvointi", "FI1B1,FI1C2,FI1C3",
     "Työnohjaaja ja organisaatiokonsultti. Viidentoista vuoden kokemus kuntien muutoshankkeista; vahvuutena "
     "dialogiset menetelmät ja johtoryhmien sparraus."},
    {"Markus Rinne", "Rinne Consulting Oy", "fi,en", "tuloksellisuus, johtaminen", "FI197,FI1C2,FI193,FI196",
     "Tuloksellisuuden ja yhteistoiminnan kehittäjä. Toiminut aiemmin kunnan henkilöstöjohtajana."},
    {"Hanna Kivimäki", "Kivimäki & Co", "fi", "työhyvinvointi, työturvallisuus", "FI1D9,FI1D8,FI1D7,FI1D5",
     "Työterveyspsykologi ja valmentaja. Erityisosaamisena kuormituksen hallinta ja työn voimavarat."},
    {"Mikael Sundqvist", "Sundqvist Arbetslivsutveckling Ab", "sv,fi,en", "johtaminen, viestintä",
     "FI195,FI1B1,FI200,FI1C1",
     "Kaksikielinen valmentaja, joka on tukenut pohjalaisia ja uusmaalaisia työyhteisöjä muutoksissa. Valmentaa "
     "ruotsiksi ja suomeksi."},
    {"Karin Holmström", "Holmström Coaching Ab", "sv,fi", "osallisuus, työhyvinvointi", "FI195,FI1D5,FI200",
     "Sosionomi ja työnohjaaja. Pitkä kokemus vanhuspalvelujen ja varhaiskasvatuksen työyhteisöistä."},
    {"Petri Aaltonen", "Muutosvoima Oy", "fi", "kokeilukulttuuri, palvelumuotoilu", "FI1B1,FI197,FI1C1",
     "Palvelumuotoilija, joka vie asiakasymmärryksen käytännön kokeiluiksi. Fasilitoi mielellään isoja ryhmiä."},
    {"Sanna Heikura", "Heikura Valmennus", "fi", "johtaminen, perehdytys", "FI1D2,FI1D1,FI1D3",
     "Esihenkilötyön valmentaja ja coach. Kokemusta sairaanhoitopiirien ja kuntien esihenkilöohjelmista."},
    {"Juha Mattsson", "Työelämäkumppanit JM Oy", "fi,en", "digitalisaatio, tuloksellisuus", "FI1B1,FI1C4,FI1C5",
     "Digitaalisten työtapojen ja tiedolla johtamisen asiantuntija; vetänyt kuntien ICT-muutoksia."},
    {"Riikka Salmela", "Salmela Consulting Oy", "fi", "osallisuus, yhdenvertaisuus", "FI194,FI195,FI193",
     "Työyhteisösovittelija ja valmentaja. Auttaa työyhteisöjä rakentamaan toimivaa vuorovaikutusta."},
    {"Outi Lahdenperä", "Kehittämo Lahdenperä Oy", "fi", "kokeilukulttuuri, osallisuus", "FI1D9,FI1D7,FI1D8",
     "Sisäisten kehittäjien kouluttaja. Menetelminä Lean, kokeilut ja yhteiskehittäminen."},
    {"Timo Vartiainen", "Vartiainen Works", "fi", "työturvallisuus, johtaminen", "FI196,FI1C1,FI197",
     "Teknisen alan ja kiinteistöpalvelujen työyhteisöjen valmentaja; entinen työsuojelupäällikkö."},
    {"Ulrika Backman", "Backman Utveckling Ab", "sv,fi,en", "viestintä, palvelumuotoilu", "FI1B1,FI1C1,FI200",
     "Viestinnän ja palvelumuotoilun valmentaja; tukee kaksikielisiä organisaatioita."},
    {"Elina Ketola", "Ketola Coaching Oy", "fi", "työhyvinvointi, perehdytys", "FI1C3,FI1C4,FI1C5,FI1D1",
     "Työnohjaaja ja työhyvinvoinnin kouluttaja. Erityisosaamisena perehdytys ja ikäjohtaminen."},
    {"Antti Koivunen", "Koivunen Advisory Oy", "fi,en", "tuloksellisuus, digitalisaatio", "FI193,FI1D2,FI194",
     "Johtamisen ja strategiatyön konsultti. Tukee johtoryhmiä tavoitteiden asettamisessa ja seurannassa."},
};

/* ---- texts of deliveries and applications ---- */

static const char *const webinar_topics[] = {
    "Kokeilukulttuuri kunnissa",
    "Työhyvinvoinnin johtaminen",
    "Etätyön hyvät käytännöt",
    "Palvelumuotoilu arjen työssä",
    "Tiedolla johtaminen",
    "Osallistava kehittäminen",
    "Perehdytys uudistuu",
    "Muutoksessa jaksaminen",
    "Asiakaslähtöiset palvelut",
    "Tuloksellisuus ja yhteistoiminta",
    "Digitalisaatio ja osaaminen",
    "Esihenkilön työkalupakki",
    "Ikäjohtaminen kuntatyössä",
    "Vuorovaikutus työyhteisössä",
    "Työturvallisuus ja uhkatilanteet",
    "Kehittämisteot näkyviksi",
    "Poikkeusajan työn järjestelyt",
    "Hybridityö ja yhteisöllisyys",
    "Yhdenvertaisuus työpaikalla",
    "Kehittämistyön vaikuttavuus",
};

static const char *const needs[] = {
    "Työyhteisössämme on ollut paljon muutoksia, ja haluamme koota yhteisen suunnan seuraaville vuosille.",
    "Haluamme kehittää johdon, esihenkilöiden ja henkilöstön välistä vuorovaikutusta.",
    "Sairauspoissaolot ovat kasvaneet; etsimme keinoja vahvistaa työhyvinvointia arjessa.",
    "Yhdistämme kaksi yksikköä, ja tarvitsemme tukea yhteisten toimintatapojen rakentamiseen.",
    "Haluamme ottaa käyttöön kokeilukulttuurin ja oppia kehittämään palveluja yhdessä asiakkaiden kanssa.",
    "Tavoitteena on selkeyttää työnjakoa ja vähentää päällekkäistä työtä.",
    "Uusi tietojärjestelmä muuttaa työtapoja; haluamme, että koko henkilöstö pääsee vaikuttamaan muutokseen.",
    "Perehdytys on hajanaista, ja uudet työntekijät kokevat jäävänsä yksin.",
    "Haluamme kehittää tuloksellisuutta yhteistoiminnassa henkilöstön kanssa.",
    "Esihenkilöt kaipaavat tukea muutoksen johtamiseen ja vaikeisiin keskusteluihin.",
};

static const char *const reject_reasons[] = {
    "Organisaatio on jo saanut sparrauksen tällä rahoituskaudella.",
    "Hakemus saapui haun päätyttyä; toivotamme tervetulleeksi seuraavaan hakuun.",
    "Tarve sopii paremmin teematyöpajaan, johon ohjasimme hakijan.",
    "Hakemuksesta ei käynyt ilmi, miten johto sitoutuu kehittämiseen.",
    "Sparrauksen kiintiö tälle vuodelle on täynnä.",
};
static const char *const cancel_reasons[] = {
    "Organisaatio perui: aikataulu ei sopinut muutosneuvottelujen vuoksi.",
    "Organisaatio perui: yhteyshenkilö vaihtui ja hanke siirtyi.",
    "Peruttu koronatilanteen vuoksi.",
};
static const char *const month_names[] = {"tammikuu", "helmikuu", "maaliskuu", "huhtikuu", "toukokuu",  "kesäkuu",
                                          "heinäkuu", "elokuu",   "syyskuu",   "lokakuu",  "marraskuu", "joulukuu"};
static const char *const staff_actors[] = {"ohjelmapaallikko@example.fi", "asiantuntija@example.fi"};

/* ---- people ---- */

enum { R_JOHTO, R_ESIHENKILO, R_TYONTEKIJA, R_EDUSTAJA };
static const char *const roles[] = {"johto", "esihenkilo", "tyontekija", "edustaja"};
static const char *const genders[] = {"nainen", "mies", "muu", "eos"};
static const char *const labours[] = {"tyollinen", "tyoton", "ulkopuolella", "eos"};
static const char *const educations[] = {"isced12", "isced34", "isced58", "eos"};
static const char *const exits[] = {"tyollinen", "tyoton", "koulutus", "ulkopuolella", "eos"};

#define NO_BIRTH INT_MIN

typedef struct dperson {
  long long id;
  int org, last_delivery;
  int birth; /* day number; NO_BIRTH: prefer not to say */
  unsigned char role, gender, labour, education, exit_status;
  int entry[2], exit[2]; /* day numbers of the first start and the last end in a period; 0: none */
} dperson;

typedef struct org_people {
  int *v, n, cap;
} org_people;

typedef struct sctx {
  db *d;
  kerr *e;
  demo_rng r;
  const demo_org *orgs;
  int norgs;
  long long period_id[2];
  int *pool[2], npool[2], next[2]; /* the organisations of each period, shuffled; next: first not yet reached */
  long long coach_id[COUNT(coaches)];
  long long service_id[COUNT(offers)];
  dperson *people;
  int npeople, cappeople;
  org_people *by_org;
  demo_emails emails;
  int ndeliveries;
  int seq[7][6]; /* the last number given by service type and year, for references like SP-2019-014 */
} sctx;

/* ---- dates as day numbers (days since 1970-01-01) ---- */

static int day_of(int y, int m, int d) {
  y -= m <= 2;
  int era = (y >= 0 ? y : y - 399) / 400, yoe = y - era * 400;
  int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

static void civil(int z, int *y, int *m, int *d) {
  z += 719468;
  int era = (z >= 0 ? z : z - 146096) / 146097, doe = z - era * 146097;
  int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365, doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = yoe + era * 400 + (*m <= 2);
}

static void day_text(int z, char out[16]) {
  int y, m, d;
  civil(z, &y, &m, &d);
  snprintf(out, 16, "%04d-%02d-%02d", y % 10000, m % 100, d % 100);
}

static void day_time(int z, int hour, char out[32]) {
  char t[16];
  day_text(z, t);
  snprintf(out, 32, "%.10sT%02d:%02d:00Z", t, hour % 24, (hour * 7) % 60);
}

/* The next weekday on or after z. */
static int weekday(int z) {
  int wd = ((z % 7) + 11) % 7; /* 0 Sunday … 6 Saturday; 1970-01-01 was a Thursday */
  return wd == 6 ? z + 2 : wd == 0 ? z + 1 : z;
}

static int year_of(int z) {
  int y, m, d;
  civil(z, &y, &m, &d);
  return y;
}

static int age_at(int birth, int z) {
  int by, bm, bd, y, m, d;
  civil(birth, &by, &bm, &bd);
  civil(z, &y, &m, &d);
  return y - by - (m < bm || (m == bm && d < bd));
}

/* A weekday in year y, outside July and the Christmas weeks. */
static int pick_day(demo_rng *r, int y) {
  static const int months[] = {1, 2, 3, 3, 4, 4, 5, 5, 6, 8, 9, 9, 10, 10, 11, 11};
  int m = months[demo_rng_below(r, COUNT(months))]; /* one draw a statement: argument order is unspecified */
  return weekday(day_of(y, m, demo_rng_range(r, 1, 28)));
}

/* ---- shared helpers ---- */

static int fail(sctx *c, const char *what) {
  return kerr_set(c->e, NULL, "demo: cannot write %r: %r", what, db_errmsg(c->d));
}

/* Links each theme of a comma list (creating missing themes) through sql: ?1 the row id, ?2 the theme name. For
 * applications; services and coaches use themelist_set. */
static int link_themes(sctx *c, const char *sql, long long id, const char *list) {
  char *copy = util_strdup(list), *save = NULL;
  int rc = DB_OK;
  for (char *t = strtok_r(copy, ",", &save); t && rc == DB_OK; t = strtok_r(NULL, ",", &save)) {
    t = util_trim(t);
    rc = db_exec(c->d, "INSERT INTO theme(name) VALUES(?1) ON CONFLICT DO NOTHING", "t", t);
    if (rc == DB_OK) rc = db_exec(c->d, sql, "it", id, t);
  }
  free(copy);
  return rc == DB_OK ? K_OK : fail(c, "themes");
}

static int is_attendee_type(const char *type) {
  return strcmp(type, "webinaari") == 0 || strcmp(type, "tilaisuus") == 0 || strcmp(type, "tutkimus") == 0;
}

static int swedish_region(const char *region) {
  return strcmp(region, "FI200") == 0 || strcmp(region, "FI195") == 0;
}

/* ---- offerings and coaches ---- */

static int write_offers(sctx *c) {
  for (int i = 0; i < COUNT(offers); i++) {
    const offer *o = &offers[i];
    if (db_exec(c->d,
                "INSERT INTO service(type_code, variant, name, description, period_id, capacity, counts, open,"
                " created_at, updated_at)"
                " SELECT ?1, ?2, ?3, ?4, ?5, ?6, counts, ?7, ?8, ?8 FROM service_type WHERE code=?1",
                "ttttiiit", o->type, o->variant, o->name, o->description, c->period_id[o->period],
                (long long)o->capacity, (long long)(o->period == 1 && strcmp(o->type, "tutkimus") != 0),
                o->period ? "2018-01-02T08:00:00Z" : "2015-01-02T08:00:00Z") != DB_OK)
      return fail(c, "services");
    c->service_id[i] = db_last_id(c->d);
    if (themelist_set(c->d, THEMELIST_SERVICE, c->service_id[i], o->themes) != DB_OK) return fail(c, "themes");
  }
  return K_OK;
}

/* Swedish and English for some offerings (by Finnish name) and themes; the rest stays Finnish, so the demo's Swedish
 * and English pages show translated texts and Finnish ones marked as such. "" leaves one language untranslated. */
static const char *const offer_tr[][5] = {
    {"Sparraus työyhteisöille 2018–2020", "Sparrning för arbetsgemenskaper 2018–2020",
     "Coaching for work communities 2018–2020",
     "Sparrningen är en coachning på 1–3 dagar för en arbetsgemenskap. En extern coach, som organisationen väljer "
     "bland "
     "de coacher programmet har upphandlat, hjälper till att starta eller föra vidare utvecklingsarbetet. Ledningen, "
     "cheferna och personalens representanter deltar alltid. Sparrning söks elektroniskt.",
     "Coaching is 1–3 days of support for one work community. An external coach, whom the organisation chooses from "
     "the coaches the programme has tendered, helps to start or carry forward development work. Management, "
     "supervisors and staff representatives always take part. Coaching is applied for online."},
    {"Sisäisten kehittäjien valmennus 2018–2020", "Utbildning för interna utvecklare 2018–2020", "",
     "En utbildning på tre dagar för organisationernas interna utvecklare: utvecklingsmetoder, facilitering och stöd "
     "för förändring. Deltagarna tar med sig ett eget utvecklingsprojekt.",
     ""},
    {"Teematyöpaja: digitalisaatio arjen työssä", "Temaworkshop: digitalisering i det dagliga arbetet",
     "Theme workshop: digitalisation in everyday work",
     "En workshop om hur digitala verktyg kan underlätta det dagliga arbetet och vilken kompetens det kräver.",
     "A workshop on how digital tools can ease everyday work and what skills that requires."},
};
static const char *const theme_tr[][3] = {
    {"johtaminen", "ledarskap", "leadership"},       {"työhyvinvointi", "arbetshälsa", "wellbeing at work"},
    {"tuloksellisuus", "resultat", "productivity"},  {"digitalisaatio", "digitalisering", "digitalisation"},
    {"perehdytys", "introduktion", "induction"},     {"osallisuus", "delaktighet", "inclusion"},
    {"viestintä", "kommunikation", "communication"}, {"kokeilukulttuuri", "försökskultur", ""},
};

static int write_translations(sctx *c) {
  for (int i = 0; i < COUNT(offer_tr); i++)
    if (db_exec(c->d, "UPDATE service SET name_sv=?2, name_en=?3, description_sv=?4, description_en=?5 WHERE name=?1",
                "ttttt", offer_tr[i][0], offer_tr[i][1], offer_tr[i][2], offer_tr[i][3], offer_tr[i][4]) != DB_OK)
      return fail(c, "service translations");
  for (int i = 0; i < COUNT(theme_tr); i++)
    if (db_exec(c->d, "UPDATE theme SET name_sv=?2, name_en=?3 WHERE name=?1", "ttt", theme_tr[i][0], theme_tr[i][1],
                theme_tr[i][2]) != DB_OK)
      return fail(c, "theme translations");
  return K_OK;
}

static int write_coaches(sctx *c) {
  for (int i = 0; i < COUNT(coaches); i++) {
    const coach_def *k = &coaches[i];
    char *email = buf_mprintf("valmentaja%d@example.com", i + 1);
    int rc = db_exec(c->d,
                     "INSERT INTO coach(name, company, bio, languages, email, created_at, updated_at)"
                     " VALUES(?1, ?2, ?3, ?4, ?5, '2015-01-02T08:00:00Z', '2015-01-02T08:00:00Z')",
                     "ttttt", k->name, k->company, k->bio, k->languages, email);
    free(email);
    if (rc != DB_OK) return fail(c, "coaches");
    c->coach_id[i] = db_last_id(c->d);
    if (themelist_set(c->d, THEMELIST_COACH, c->coach_id[i], k->themes) != DB_OK) return fail(c, "themes");
    char *regions = util_strdup(k->regions), *save = NULL;
    for (char *t = strtok_r(regions, ",", &save); t && rc == DB_OK; t = strtok_r(NULL, ",", &save))
      rc = db_exec(c->d, "INSERT INTO coach_region(coach_id, region_code) VALUES(?1, ?2)", "it", c->coach_id[i], t);
    free(regions);
    if (rc != DB_OK) return fail(c, "coach regions");
  }
  return K_OK;
}

/* A coach who works in the region (a Swedish-speaking one where Swedish is spoken), else any. Returns an index. */
static int pick_coach(sctx *c, const char *region) {
  int cand[COUNT(coaches)] = {0}, n = 0;
  int want_sv = swedish_region(region) && demo_rng_chance(&c->r, 70);
  for (int i = 0; i < COUNT(coaches); i++)
    if (strstr(coaches[i].regions, region) && (!want_sv || strstr(coaches[i].languages, "sv"))) cand[n++] = i;
  return n ? cand[demo_rng_below(&c->r, n)] : demo_rng_below(&c->r, COUNT(coaches));
}

/* ---- organisations of each period ---- */

static void make_pools(sctx *c) {
  int *all = util_calloc((size_t)c->norgs + 1, sizeof *all), n = 0;
  for (int i = 0; i < c->norgs; i++)
    if (c->orgs[i].eligible) all[n++] = i;
  for (int i = n - 1; i > 0; i--) {
    int j = demo_rng_below(&c->r, i + 1), t = all[i];
    all[i] = all[j];
    all[j] = t;
  }
  /* 182 reached in 2015–2017, 146 in 2018–2020, about 240 in all: the two windows overlap in the middle */
  int n1 = n * 182 / 241, n2 = n * 146 / 241, total = n * 240 / 241;
  c->npool[0] = n1;
  c->npool[1] = n2;
  for (int p = 0; p < 2; p++) c->pool[p] = util_calloc((size_t)c->npool[p] + 1, sizeof(int));
  memcpy(c->pool[0], all, sizeof(int) * (size_t)n1);
  memcpy(c->pool[1], all + total - n2, sizeof(int) * (size_t)n2);
  free(all);
}

/* An organisation of period p: every one once before any twice. */
static int pool_pick(sctx *c, int p) {
  if (c->next[p] < c->npool[p]) return c->pool[p][c->next[p]++];
  return c->pool[p][demo_rng_below(&c->r, c->npool[p])];
}

/* ---- people ---- */

static unsigned char pick_education(demo_rng *r, int role) {
  int x = demo_rng_below(r, 100);
  if (x < 5) return 3; /* eos */
  if (role == R_JOHTO) return x < 92 ? 2 : 1;
  if (role == R_ESIHENKILO) return x < 78 ? 2 : 1;
  return x < 50 ? 2 : x < 95 ? 1 : 0;
}

/* The sector a person works in: one of the organisation's, weighted like the municipal workforce. */
static const char *pick_sector(demo_rng *r, unsigned sectors) {
  static const int weight[] = {40, 25, 10, 3, 8, 7, 7};
  int total = 0;
  for (int i = 0; i < demo_nsectors; i++)
    if (sectors & (1u << i)) total += weight[i];
  if (!total) return "koko";
  int x = demo_rng_below(r, total);
  for (int i = 0; i < demo_nsectors; i++)
    if (sectors & (1u << i) && (x -= weight[i]) < 0) return demo_sector_codes[i];
  return "koko";
}

static dperson *person_slot(sctx *c) {
  c->people = util_grow(c->people, c->npeople, &c->cappeople, sizeof *c->people);
  dperson *p = &c->people[c->npeople];
  memset(p, 0, sizeof *p);
  return p;
}

static void org_add_person(org_people *o, int person) {
  o->v = util_grow(o->v, o->n, &o->cap, sizeof *o->v);
  o->v[o->n++] = person;
}

/* The ESF start items of a person met on day z (woman from the name): mostly women, ages 20–64 at that day,
 * nearly all employed, education by role; a few "prefer not to say" answers in every item. */
static void esf_items(demo_rng *r, dperson *p, int woman, int z) {
  int x = demo_rng_below(r, 1000);
  p->gender = x < 25 ? 3 : x < 29 ? 2 : woman ? 0 : 1;
  int age = 20 + demo_rng_range(r, 0, 14) + demo_rng_range(r, 0, 14) + demo_rng_range(r, 0, 14);
  p->birth = demo_rng_chance(r, 3) ? NO_BIRTH : z - 365 * age - demo_rng_below(r, 365);
  x = demo_rng_below(r, 1000);
  p->labour = x < 975 ? 0 : x < 995 ? 3 : 1;
  p->education = pick_education(r, p->role);
  x = demo_rng_below(r, 1000);
  p->exit_status = x < 955 ? 0 : x < 985 ? 4 : x < 993 ? 2 : x < 997 ? 1 : 3;
}

/* A new person of organisation org in role, first met on day z. Returns the index, or -1 with c->e set. */
static int new_person(sctx *c, int org, int role, int z) {
  const demo_org *g = &c->orgs[org];
  dperson *p = person_slot(c);
  int woman = demo_rng_chance(&c->r, role == R_JOHTO ? 60 : 78);
  p->org = org;
  p->last_delivery = -1;
  p->role = (unsigned char)role;
  esf_items(&c->r, p, woman, z);
  char *name, *email, when[32];
  demo_person_name(&c->r, woman, swedish_region(g->region) && demo_rng_chance(&c->r, 45), &c->emails, &name, &email);
  const char *sector = pick_sector(&c->r, g->sectors);
  day_time(z - demo_rng_range(&c->r, 3, 20), 10, when);
  int rc = db_exec(c->d,
                   "INSERT INTO person(email, name, org_id, occupation, sector_code, created_at, updated_at)"
                   " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?6)",
                   "ttitt"
                   "t",
                   email, name, g->id, demo_occupation(&c->r, sector, roles[role]), sector, when);
  free(name);
  free(email);
  if (rc != DB_OK) return fail(c, "people"), -1;
  p->id = db_last_id(c->d);
  org_add_person(&c->by_org[org], c->npeople);
  return c->npeople++;
}

/* Someone of org for delivery k: with reuse_pct an earlier participant of the organisation, else a new person. */
static int get_person(sctx *c, int org, int role, int k, int reuse_pct, int z) {
  org_people *o = &c->by_org[org];
  if (o->n && demo_rng_chance(&c->r, reuse_pct))
    for (int t = 0; t < 3; t++) {
      int i = o->v[demo_rng_below(&c->r, o->n)];
      if (c->people[i].last_delivery != k) return i;
    }
  return new_person(c, org, role, z);
}

/* The role of slot i of n in a delivery of type: management, supervisors and a staff representative always join
 * a sparraus; elsewhere by the mix of the service. */
static int slot_role(sctx *c, const offer *o, int i) {
  int x = demo_rng_below(&c->r, 100);
  if (strcmp(o->type, "sparraus") == 0)
    return i < 3 ? (i == 0   ? R_JOHTO
                    : i == 1 ? R_ESIHENKILO
                             : R_EDUSTAJA)
                 : (x < 2   ? R_JOHTO
                    : x < 8 ? R_ESIHENKILO
                            : R_TYONTEKIJA);
  if (strcmp(o->type, "verkosto") == 0 && strcmp(o->variant, "tuloksellisuus") == 0)
    return x < 14 ? R_JOHTO : x < 32 ? R_ESIHENKILO : x < 42 ? R_EDUSTAJA : R_TYONTEKIJA;
  if (strcmp(o->type, "valmennus") == 0) return x < 3 ? R_JOHTO : x < 22 ? R_ESIHENKILO : R_TYONTEKIJA;
  return x < 4 ? R_JOHTO : x < 13 ? R_ESIHENKILO : x < 15 ? R_EDUSTAJA : R_TYONTEKIJA;
}

/* ---- deliveries ---- */

typedef struct dplan {
  int oi, k, run, start, nsessions, sessions[8], orgs[16], norgs, remote;
  int npeople, role[400];
  char ref[24];
} dplan;

static const char *const ref_prefixes[][2] = {{"sparraus", "SP"}, {"valmennus", "VA"}, {"tyopaja", "TP"},
                                              {"verkosto", "VE"}, {"webinaari", "WE"}, {"tilaisuus", "TI"},
                                              {"tutkimus", "TU"}};

/* The index of a service type in ref_prefixes. */
static int type_index(const char *type) {
  for (int i = 0; i < COUNT(ref_prefixes); i++)
    if (strcmp(ref_prefixes[i][0], type) == 0) return i;
  return 0;
}

static void plan_dates(sctx *c, dplan *p, int run) {
  const offer *o = &offers[p->oi];
  int y0 = o->period ? 2018 : 2015;
  /* spread the runs over the three years; fewer in 2020, when the spring stopped meetings */
  int y = y0 + (run * 3 + demo_rng_below(&c->r, 2)) / (o->runs + 1);
  if (y > y0 + 2) y = y0 + 2;
  p->start = pick_day(&c->r, y);
  if (o->sessions_hi > 2 && o->gap_lo >= 45) p->start = weekday(day_of(y, demo_rng_chance(&c->r, 50) ? 1 : 8, 20));
  p->nsessions = demo_rng_range(&c->r, o->sessions_lo, o->sessions_hi);
  int z = p->start;
  for (int s = 0; s < p->nsessions; s++) {
    p->sessions[s] = z;
    z = weekday(z + demo_rng_range(&c->r, o->gap_lo, o->gap_hi));
  }
  p->remote = strcmp(o->type, "webinaari") == 0 || p->start >= day_of(2020, 3, 16);
  int t = type_index(o->type), y1 = year_of(p->start);
  snprintf(p->ref, sizeof p->ref, "%.2s-%04d-%03d", ref_prefixes[t][1], y1 % 10000, ++c->seq[t][y1 - 2015] % 1000);
}

static void plan_orgs(sctx *c, dplan *p) {
  const offer *o = &offers[p->oi];
  p->norgs = o->orgs_hi ? demo_rng_range(&c->r, o->orgs_lo, o->orgs_hi) : 0;
  for (int i = 0; i < p->norgs; i++) {
    int org, dup;
    do {
      org = pool_pick(c, o->period);
      dup = 0;
      for (int j = 0; j < i; j++) dup |= p->orgs[j] == org;
    } while (dup);
    p->orgs[i] = org;
  }
  p->npeople = demo_rng_range(&c->r, o->people_lo, o->people_hi);
  for (int i = 0; i < p->npeople; i++) p->role[i] = slot_role(c, o, i);
}

/* Sparraus at the organisation's own municipality; other meetings in the centre of a region taking part. */
static const char *delivery_place(sctx *c, const dplan *p) {
  if (p->remote) return "Etäyhteys";
  if (p->norgs) {
    const demo_org *g = &c->orgs[p->orgs[0]];
    return p->norgs == 1 ? g->municipality : g->centre;
  }
  int per = offers[p->oi].period;
  return c->orgs[c->pool[per][demo_rng_below(&c->r, c->npool[per])]].centre;
}

static char *delivery_title(sctx *c, const dplan *p, const char *place) {
  const offer *o = &offers[p->oi];
  if (strcmp(o->type, "sparraus") == 0) return buf_mprintf("Sparraus: %r", c->orgs[p->orgs[0]].name);
  if (strcmp(o->type, "webinaari") == 0)
    return buf_mprintf("Webinaari: %r", webinar_topics[demo_rng_below(&c->r, COUNT(webinar_topics))]);
  if (strcmp(o->type, "tilaisuus") == 0)
    return p->run % 4 == 3 ? buf_mprintf("Kunteko-päivä %d", year_of(p->start))
                           : buf_mprintf("Alueellinen Kunteko-tilaisuus, %r", place);
  if (strcmp(o->type, "valmennus") == 0 || strcmp(o->type, "verkosto") == 0)
    return buf_mprintf("%r, ryhmä %d", o->name, p->run + 1);
  if (strcmp(o->type, "tutkimus") == 0) return util_strdup(o->name);
  return buf_mprintf("%r, %r", o->name, place);
}

/* The approved application a sparraus came from, with its history. Returns its id, or 0 with c->e set. */
static long long write_application(sctx *c, const dplan *p, int coach, const char *status, const char *reason);

static int write_sessions(sctx *c, const dplan *p, long long did, const char *place, long long *sid) {
  for (int s = 0; s < p->nsessions; s++) {
    char day[16];
    day_text(p->sessions[s], day);
    if (db_exec(c->d, "INSERT INTO delivery_session(delivery_id, number, held_on, place) VALUES(?1, ?2, ?3, ?4)",
                "iitt", did, (long long)(s + 1), day, place) != DB_OK)
      return fail(c, "sessions");
    sid[s] = db_last_id(c->d);
  }
  return K_OK;
}

/* One participation with its attendance: most people come to most sessions, everyone to at least one. */
static int write_participation(sctx *c, const dplan *p, long long did, const long long *sid, int person) {
  dperson *x = &c->people[person];
  char when[32];
  day_time(p->start - 7, 9, when);
  if (db_exec(c->d, "INSERT INTO participation(person_id, delivery_id, role, created_at) VALUES(?1, ?2, ?3, ?4)",
              "iitt", x->id, did, roles[x->role], when) != DB_OK)
    return fail(c, "participations");
  long long pid = db_last_id(c->d);
  x->last_delivery = p->k;
  int missed = p->nsessions > 1 ? demo_rng_below(&c->r, p->nsessions) : -1;
  if (demo_rng_chance(&c->r, 70)) missed = -1;
  for (int s = 0; s < p->nsessions; s++)
    if (s != missed && db_exec(c->d, "INSERT INTO attendance(session_id, participation_id) VALUES(?1, ?2)", "ii",
                               sid[s], pid) != DB_OK)
      return fail(c, "attendance");
  const offer *o = &offers[p->oi];
  if (!is_attendee_type(o->type)) {
    int per = o->period, end = p->sessions[p->nsessions - 1];
    if (!x->entry[per] || p->start < x->entry[per]) x->entry[per] = p->start;
    if (end > x->exit[per]) x->exit[per] = end;
  }
  return K_OK;
}

static int write_people(sctx *c, const dplan *p, long long did, const long long *sid) {
  const offer *o = &offers[p->oi];
  int attendee = is_attendee_type(o->type) && !p->norgs;
  int reuse = attendee ? 22 : strcmp(o->type, "sparraus") == 0 ? 3 : 10;
  for (int i = 0; i < p->npeople; i++) {
    int org = attendee ? pool_pick(c, o->period) : p->orgs[i % p->norgs];
    int person = get_person(c, org, p->role[i], p->k, reuse, p->start);
    if (person < 0 || write_participation(c, p, did, sid, person)) return K_ERR;
  }
  return K_OK;
}

static int write_delivery(sctx *c, int oi, int run) {
  const offer *o = &offers[oi];
  dplan p = {.oi = oi, .k = c->ndeliveries++, .run = run};
  plan_dates(c, &p, run);
  plan_orgs(c, &p);
  const char *place = delivery_place(c, &p);
  int coach = -1;
  if (!is_attendee_type(o->type) || demo_rng_chance(&c->r, 40))
    coach = pick_coach(c, c->orgs[p.norgs ? p.orgs[0] : c->pool[o->period][0]].region);
  long long app = 0;
  if (strcmp(o->type, "sparraus") == 0 && !(app = write_application(c, &p, coach, "approved", ""))) return K_ERR;
  char *title = delivery_title(c, &p, place), start[16], end[16], when[32];
  day_text(p.start, start);
  day_text(p.sessions[p.nsessions - 1], end);
  day_time(p.start - 30, 12, when);
  int rc = db_exec(c->d,
                   "INSERT INTO delivery(ref, service_id, title, starts_on, ends_on, place, remote, coach_id,"
                   " application_id, created_at, updated_at)"
                   " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, NULLIF(?8, 0), NULLIF(?9, 0), ?10, ?10)",
                   "titttti"
                   "iit",
                   p.ref, c->service_id[oi], title, start, end, p.remote ? "" : place, (long long)p.remote,
                   coach >= 0 ? c->coach_id[coach] : 0, app, when);
  free(title);
  if (rc != DB_OK) return fail(c, "deliveries");
  long long did = db_last_id(c->d), sid[8];
  for (int i = 0; i < p.norgs; i++)
    if (db_exec(c->d, "INSERT INTO delivery_org(delivery_id, org_id) VALUES(?1, ?2)", "ii", did,
                c->orgs[p.orgs[i]].id) != DB_OK)
      return fail(c, "delivery organisations");
  if (write_sessions(c, &p, did, p.remote ? "Etäyhteys" : place, sid)) return K_ERR;
  return write_people(c, &p, did, sid);
}

/* ---- applications ---- */

static long long write_application(sctx *c, const dplan *p, int coach, const char *status, const char *reason) {
  const demo_org *g = &c->orgs[p->orgs[0]];
  int n[4] = {0};
  for (int i = 0; i < p->npeople; i++) n[p->role[i]]++;
  int created = p->start - demo_rng_range(&c->r, 40, 90), decided = created + demo_rng_range(&c->r, 6, 20);
  int y, m, d;
  civil(p->start, &y, &m, &d);
  const char *need1 = needs[demo_rng_below(&c->r, COUNT(needs))];
  const char *need2 = demo_rng_chance(&c->r, 50) ? needs[demo_rng_below(&c->r, COUNT(needs))] : NULL;
  char *need = need2 && need2 != need1 ? buf_mprintf("%r %r", need1, need2) : util_strdup(need1);
  char *dates = buf_mprintf("%r %d, %r", month_names[m - 1], y,
                            demo_rng_chance(&c->r, 50) ? "tiistait tai torstait" : "mieluiten aamupäivisin");
  char t_created[32], t_decided[32];
  day_time(created, 9 + demo_rng_below(&c->r, 7), t_created);
  day_time(decided, 10 + demo_rng_below(&c->r, 6), t_decided);
  int final = strcmp(status, "submitted") != 0;
  int rc = db_exec(c->d,
                   "INSERT INTO application(service_id, org_id, need, preferred_coach_id, proposed_dates, n_johto,"
                   " n_esihenkilo, n_tyontekija, n_edustaja, status, reason, created_at, updated_at)"
                   " VALUES(?1, ?2, ?3, NULLIF(?4, 0), ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                   "iitit"
                   "iiiittt"
                   "t",
                   c->service_id[p->oi], g->id, need, coach >= 0 && demo_rng_chance(&c->r, 60) ? c->coach_id[coach] : 0,
                   dates, (long long)n[0], (long long)n[1], (long long)n[2], (long long)n[3], status, reason, t_created,
                   final ? t_decided : t_created);
  free(need);
  free(dates);
  if (rc != DB_OK) return fail(c, "applications"), 0;
  long long id = db_last_id(c->d);
  rc = db_exec(c->d, "INSERT INTO application_event(application_id, status, actor, at) VALUES(?1, 'submitted', ?2, ?3)",
               "itt", id, g->contact_email, t_created);
  const char *actor = strcmp(status, "cancelled") == 0 ? g->contact_email : staff_actors[demo_rng_below(&c->r, 2)];
  if (rc == DB_OK && final)
    rc = db_exec(c->d,
                 "INSERT INTO application_event(application_id, status, reason, actor, at) VALUES(?1, ?2, ?3, ?4, ?5)",
                 "itttt", id, status, reason, actor, t_decided);
  if (rc == DB_OK && link_themes(c,
                                 "INSERT INTO application_theme(application_id, theme_id)"
                                 " SELECT ?1, id FROM theme WHERE name=?2 ON CONFLICT DO NOTHING",
                                 id, offers[p->oi].themes))
    return 0;
  return rc == DB_OK ? id : (fail(c, "application history"), 0);
}

/* Applications that did not become deliveries: rejected with a reason, cancelled, and some still waiting. */
static int write_other_applications(sctx *c) {
  static const struct {
    const char *status;
    int n;
  } kinds[] = {{"rejected", 14}, {"cancelled", 9}, {"submitted", 6}};
  for (int k = 0; k < COUNT(kinds); k++)
    for (int i = 0; i < kinds[k].n; i++) {
      int waiting = strcmp(kinds[k].status, "submitted") == 0;
      dplan p = {.oi = waiting || i % 2 ? 10 : 0};
      int per = offers[p.oi].period;
      p.orgs[0] = c->pool[per][demo_rng_below(&c->r, c->npool[per])];
      p.norgs = 1;
      p.npeople = demo_rng_range(&c->r, 12, 30);
      for (int j = 0; j < p.npeople; j++) p.role[j] = slot_role(c, &offers[p.oi], j);
      p.start = waiting ? weekday(day_of(2020, 12, demo_rng_range(&c->r, 1, 16)))
                        : pick_day(&c->r, (per ? 2018 : 2015) + demo_rng_below(&c->r, 3));
      const char *reason =
          kinds[k].status[0] == 'r' ? reject_reasons[demo_rng_below(&c->r, COUNT(reject_reasons))]
          : kinds[k].status[0] == 'c'
              ? cancel_reasons[demo_rng_below(&c->r, COUNT(cancel_reasons) - (year_of(p.start) < 2020))]
              : "";
      if (!write_application(c, &p, pick_coach(c, c->orgs[p.orgs[0]].region), kinds[k].status, reason)) return K_ERR;
    }
  return K_OK;
}

/* ---- ESF records and targets ---- */

/* The Annex I items and the qualification at exit. They come from a generator of their own, seeded by the record,
 * so that adding them left the rest of the demo as it was: most answer "ei", a few "kylla", some prefer not to say
 * (eos), a few were not asked (NULL); the length of unemployment only for the unemployed, education only for the
 * inactive; a few leavers gained a qualification. */
typedef struct annex_items {
  const char *v[6]; /* unemployed_for, in_education, disability, migrant, disadvantaged, exit_qualification */
} annex_items;

static const char *yes_no(demo_rng *r, int yes_permille) {
  int x = demo_rng_below(r, 1000);
  return x < yes_permille ? "kylla" : x < 930 ? "ei" : x < 980 ? "eos" : NULL;
}

static annex_items annex_of(const dperson *x, int per, int *labour) {
  demo_rng r = {0x9E3779B97F4A7C15ULL * (uint64_t)(x->id * 2 + per + 1)};
  annex_items a = {{NULL}};
  static const char *const unemp[] = {"alle6", "6_12", "yli12", "eos"};
  *labour = x->labour;
  if (*labour == 0 && demo_rng_below(&r, 1000) < 12) *labour = 2; /* on parental or job alternation leave */
  if (*labour == 1) a.v[0] = unemp[demo_rng_below(&r, 4)];
  if (*labour == 2) a.v[1] = demo_rng_chance(&r, 30) ? "kylla" : "ei";
  a.v[2] = yes_no(&r, 30), a.v[3] = yes_no(&r, 55), a.v[4] = yes_no(&r, 20);
  if (x->exit[per]) a.v[5] = demo_rng_chance(&r, 90) ? yes_no(&r, 50) : NULL;
  return a;
}

static int write_esf(sctx *c) {
  for (int i = 0; i < c->npeople; i++) {
    const dperson *x = &c->people[i];
    for (int per = 0; per < 2; per++) {
      if (!x->entry[per]) continue;
      int labour;
      annex_items an = annex_of(x, per, &labour);
      char entry[16], birth[16] = "", exit[16], when[32];
      day_text(x->entry[per], entry);
      day_text(x->exit[per], exit);
      day_time(x->entry[per], 8, when);
      if (x->birth != NO_BIRTH) day_text(x->birth, birth);
      if (db_exec(c->d,
                  "INSERT INTO esf_start(person_id, period_id, entry_date, birth_date, age_at_entry, gender, labour,"
                  " education, exit_date, exit_status, created_at, unemployed_for, in_education, disability, migrant,"
                  " disadvantaged, exit_qualification)"
                  " VALUES(?1, ?2, ?3, ?4, CASE WHEN ?4 IS NULL THEN NULL ELSE CAST(?5 AS INTEGER) END, ?6, ?7, ?8, "
                  "?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
                  "iitti"
                  "ttttt"
                  "tttttt"
                  "t",
                  x->id, c->period_id[per], entry, x->birth != NO_BIRTH ? birth : NULL,
                  (long long)(x->birth != NO_BIRTH ? age_at(x->birth, x->entry[per]) : 0), genders[x->gender],
                  labours[labour], educations[x->education], exit, exits[x->exit_status], when, an.v[0], an.v[1],
                  an.v[2], an.v[3], an.v[4], an.v[5]) != DB_OK)
        return fail(c, "ESF records");
    }
  }
  return K_OK;
}

/* Targets by year (organisations and participations each year), by service type (coaching and workshops per
 * period) and for a few ESF indicators per period, as a programme plan would set them. */
static int write_detailed_targets(sctx *c) {
  static const struct {
    const char *metric, *type;
    int period, year; /* period -1: the whole programme; year 0: the whole period */
    long long value;
  } t[] = {{"organisations", "", 0, 2015, 70},
           {"organisations", "", 0, 2016, 90},
           {"organisations", "", 0, 2017, 100},
           {"organisations", "", 1, 2018, 80},
           {"organisations", "", 1, 2019, 90},
           {"organisations", "", 1, 2020, 70},
           {"participations", "", 0, 2016, 2500},
           {"participations", "", 1, 2019, 3000},
           {"organisations", "sparraus", 0, 0, 60},
           {"organisations", "sparraus", 1, 0, 50},
           {"participations", "tyopaja", 0, 0, 1500},
           {"participations", "tyopaja", 1, 0, 1800},
           {"participations", "sparraus", 1, 2019, 600},
           {"CO05", "", 0, 0, 2200},
           {"CO05", "", 1, 0, 2700},
           {"CO07", "", -1, 0, 400},
           {"CR04", "", -1, 0, 4800}};
  for (int i = 0; i < COUNT(t); i++)
    if (db_exec(c->d, "INSERT INTO target(metric, period_id, year, service_type, value) VALUES(?1, ?2, ?3, ?4, ?5)",
                "tiiti", t[i].metric, t[i].period < 0 ? 0 : c->period_id[t[i].period], (long long)t[i].year, t[i].type,
                t[i].value) != DB_OK)
      return fail(c, "targets");
  return K_OK;
}

static int write_targets(sctx *c) {
  static const struct {
    const char *metric;
    int period; /* -1: the whole programme */
    long long value;
  } t[] = {{"organisations", -1, 240}, {"participants", -1, 5000}, {"attendees", -1, 5000}, {"deeds", -1, 600},
           {"organisations", 0, 180},  {"participants", 0, 2300},  {"attendees", 0, 2000},  {"organisations", 1, 150},
           {"participants", 1, 2700},  {"attendees", 1, 3000}};
  for (int i = 0; i < COUNT(t); i++)
    if (db_exec(c->d, "INSERT INTO target(metric, period_id, value) VALUES(?1, ?2, ?3)", "tii", t[i].metric,
                t[i].period < 0 ? 0 : c->period_id[t[i].period], t[i].value) != DB_OK)
      return fail(c, "targets");
  return write_detailed_targets(c);
}

/* ---- driver ---- */

static void sctx_free(sctx *c) {
  for (int p = 0; p < 2; p++) free(c->pool[p]);
  for (int i = 0; i < c->norgs && c->by_org; i++) free(c->by_org[i].v);
  free(c->by_org);
  free(c->people);
  demo_emails_free(&c->emails);
}

static int build(sctx *c) {
  for (int p = 0; p < 2; p++) {
    c->period_id[p] =
        db_int(c->d, 0, "SELECT id FROM funding_period WHERE start_year=?1", "i", (long long)(2015 + 3 * p));
    if (!c->period_id[p]) return kerr_set(c->e, NULL, "demo: the funding period of %d is missing", 2015 + 3 * p);
  }
  make_pools(c);
  if (write_coaches(c) || write_offers(c) || write_translations(c)) return K_ERR;
  for (int oi = 0; oi < COUNT(offers); oi++)
    for (int run = 0; run < offers[oi].runs; run++)
      if (write_delivery(c, oi, run)) return K_ERR;
  if (write_other_applications(c) || write_esf(c)) return K_ERR;
  return write_targets(c);
}

static int count(db *d, const char *sql) {
  return (int)db_int(d, 0, sql, "");
}

int demo_services_build(db *d, uint64_t seed, const demo_org *orgs, int norgs, demo_services_summary *s, kerr *e) {
  sctx c = {.d = d, .e = e, .r = {seed ^ 0x5E2F1CE5D00DULL}, .orgs = orgs, .norgs = norgs};
  c.by_org = util_calloc((size_t)norgs + 1, sizeof *c.by_org);
  int rc = build(&c);
  sctx_free(&c);
  if (rc != K_OK || !s) return rc;
  s->services = count(d, "SELECT count(*) FROM service");
  s->coaches = count(d, "SELECT count(*) FROM coach");
  s->deliveries = count(d, "SELECT count(*) FROM delivery");
  s->sessions = count(d, "SELECT count(*) FROM delivery_session");
  s->people = count(d, "SELECT count(*) FROM person");
  s->participations = count(d, "SELECT count(*) FROM participation");
  s->esf_starts = count(d, "SELECT count(*) FROM esf_start");
  s->attendances = count(d, "SELECT count(*) FROM attendance");
  s->applications = count(d, "SELECT count(*) FROM application");
  return K_OK;
}
