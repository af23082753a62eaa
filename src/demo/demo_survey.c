/* demo_survey: the demo programme's evaluation: a before and an after survey of the 2018–2020 sparraus deliveries
 * with answers that pair (some people answer only one), feedback on the regional events through an open link, and
 * the final evaluation survey of about 800 respondents, over 75 % of whom see a positive effect on starting,
 * directing, continuing, progressing and succeeding with development work (as Kunteko's evaluation found).
 *
 * Answers are stored as the answering pages store them (schema 10: no person, the invitation's context, the day).
 * The sparraus series is history: its pairing key is made for the demo, used for the pseudonyms and dropped, and the
 * series is closed, as a finished evaluation's would be; the invitations' links are not usable (no master key made
 * them). */
#include <math.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "demo/demo_survey.h"
#include "model/survey.h"

#define LIKERT_ENDS                                                                                                    \
  "\"low\":{\"fi\":\"Täysin eri mieltä\",\"sv\":\"Helt av annan åsikt\",\"en\":\"Strongly disagree\"},"             \
  "\"high\":{\"fi\":\"Täysin samaa mieltä\",\"sv\":\"Helt av samma åsikt\",\"en\":\"Strongly agree\"}"
#define LIKERT(k, fi, sv, en)                                                                                          \
  "{\"key\":\"" k "\",\"type\":\"likert5\",\"required\":true,\"text\":{\"fi\":\"" fi "\",\"sv\":\"" sv                 \
  "\",\"en\":\"" en "\"}," LIKERT_ENDS "}"
/* The five items of development work, the same before and after. */
#define WORK_ITEMS                                                                                                                                                                                                                                                                                       \
  "{\"type\":\"section\",\"title\":{\"fi\":\"Kehittämistyö työyhteisössänne\",\"sv\":\"Utvecklingsarbetet i er "                                                                                                                                                                                    \
  "arbetsgemenskap\",\"en\":\"Development work in your workplace\"}}," LIKERT("q1", "Kehittämistyö käynnistyy meillä helposti.", "Utvecklingsarbete kommer lätt i gång hos oss.", "Development work gets started easily here.") "," LIKERT(                                                              \
      "q2", "Kehittämistyöllämme on selkeä suunta.", "Vårt utvecklingsarbete har en tydlig riktning.",                                                                                                                                                                                                   \
      "Our development work has a clear direction.") "," LIKERT("q3", "Kehittämistyö jatkuu arjen kiireen keskellä.",                                                                                                                                                                                    \
                                                                "Utvecklingsarbetet fortsätter mitt i vardagen.",                                                                                                                                                                                        \
                                                                "Development work continues in the middle of "                                                                                                                                                                                           \
                                                                "everyday work.") "," LIKERT("q4",                                                                                                                                                                                                       \
                                                                                             "Kehittämistyö etenee "                                                                                                                                                                                   \
                                                                                             "suunnitellusti.",                                                                                                                                                                                          \
                                                                                             "Utvecklingsarbetet går "                                                                                                                                                                                  \
                                                                                             "framåt som planerat.",                                                                                                                                                                                     \
                                                                                             "Development work "                                                                                                                                                                                         \
                                                                                             "progresses as planned.") "," LIKERT("q5",                                                                                                                                                                  \
                                                                                                                                  "Kehittämistyö onnistuu ja sen tulokset näkyvät.",                                                                                                                     \
                                                                                                                                  "Utvecklingsarbetet lyckas och resultaten syns.",                                                                                                                      \
                                                                                                                                  "Development work succeeds and its results show.") ","                                                                                                                 \
                                                                                                                                                                                     "{\"key\":\"q6\",\"type\":\"matrix\",\"scale\":\"likert5\",\"text\":{\"fi\":\"Sitoutuminen kehittämiseen\","       \
                                                                                                                                                                                     "\"sv\":\"Engagemang i utvecklingen\",\"en\":\"Commitment to development\"}," LIKERT_ENDS                           \
                                                                                                                                                                                     ",\"rows\":["                                                                                                       \
                                                                                                                                                                                     "{\"key\":\"johto\",\"text\":{\"fi\":\"Johto on sitoutunut kehittämiseen.\",\"sv\":\"Ledningen är engagerad.\","  \
                                                                                                                                                                                     "\"en\":\"Management is committed.\"}},"                                                                            \
                                                                                                                                                                                     "{\"key\":\"henkilosto\",\"text\":{\"fi\":\"Henkilöstö on sitoutunut kehittämiseen.\",\"sv\":\"Personalen är "  \
                                                                                                                                                                                     "engagerad.\",\"en\":\"Staff are committed.\"}},"                                                                   \
                                                                                                                                                                                     "{\"key\":\"visio\",\"text\":{\"fi\":\"Työnantajalla ja henkilöstön edustajilla on yhteinen näkemys.\",\"sv\":" \
                                                                                                                                                                                     "\"Arbetsgivaren och personalens företrädare har en gemensam syn.\",\"en\":\"The employer and staff "             \
                                                                                                                                                                                     "representatives share a vision.\"}}]}"

static const char BEFORE[] =
    "{\"key\":\"sparraus-alku\",\"series\":\"sparraus-2018\",\"phase\":\"before\","
    "\"title\":{\"fi\":\"Sparrauksen alkukysely 2018–2020\",\"sv\":\"Enkät före sparrningen 2018–2020\","
    "\"en\":\"Before coaching 2018–2020\"},"
    "\"intro\":{\"fi\":\"Kysely kartoittaa kehittämistyön tilaa ennen sparrausta. Vastaukset käsitellään "
    "nimettöminä.\",\"sv\":\"Enkäten kartlägger utvecklingsarbetet före sparrningen. Svaren behandlas anonymt.\","
    "\"en\":\"This survey maps development work before the coaching. Answers are anonymous.\"},"
    "\"opens\":\"2018-01-01\",\"closes\":\"2020-12-31\",\"questions\":[" WORK_ITEMS ","
    "{\"key\":\"odotukset\",\"type\":\"text\",\"text\":{\"fi\":\"Mitä odotatte sparraukselta?\",\"sv\":\"Vad "
    "förväntar ni er av sparrningen?\",\"en\":\"What do you expect from the coaching?\"}}]}";

static const char AFTER[] =
    "{\"key\":\"sparraus-loppu\",\"series\":\"sparraus-2018\",\"phase\":\"after\","
    "\"title\":{\"fi\":\"Sparrauksen loppukysely 2018–2020\",\"sv\":\"Enkät efter sparrningen 2018–2020\","
    "\"en\":\"After coaching 2018–2020\"},"
    "\"intro\":{\"fi\":\"Samat kysymykset kuin alussa: vastauksistanne nähdään, mikä muuttui.\",\"sv\":\"Samma "
    "frågor som i början: svaren visar vad som förändrades.\",\"en\":\"The same questions as at the start: your "
    "answers show what changed.\"},"
    "\"opens\":\"2018-01-01\",\"closes\":\"2021-01-31\",\"questions\":[" WORK_ITEMS ","
    "{\"key\":\"menetelmat\",\"type\":\"multiple\",\"text\":{\"fi\":\"Mitä otitte käyttöön?\",\"sv\":\"Vad tog ni i "
    "bruk?\",\"en\":\"What did you take into use?\"},\"other\":true,\"options\":["
    "{\"key\":\"kehityskeskustelu\",\"text\":{\"fi\":\"Ryhmäkehityskeskustelut\",\"sv\":\"Utvecklingssamtal i "
    "grupp\",\"en\":\"Group appraisals\"}},"
    "{\"key\":\"kokeilu\",\"text\":{\"fi\":\"Kokeilut\",\"sv\":\"Försök\",\"en\":\"Experiments\"}},"
    "{\"key\":\"mittarit\",\"text\":{\"fi\":\"Tuloksellisuuden mittarit\",\"sv\":\"Resultatmått\",\"en\":"
    "\"Performance measures\"}},"
    "{\"key\":\"palaverit\",\"text\":{\"fi\":\"Uudistetut palaverikäytännöt\",\"sv\":\"Förnyade möten\",\"en\":"
    "\"Renewed meetings\"}}]},"
    "{\"key\":\"suosittelu\",\"type\":\"scale10\",\"text\":{\"fi\":\"Kuinka todennäköisesti suosittelisit "
    "sparrausta toiselle työyhteisölle?\",\"sv\":\"Hur sannolikt skulle du rekommendera sparrningen?\",\"en\":\"How "
    "likely would you recommend the coaching?\"},\"low\":{\"fi\":\"En lainkaan todennäköisesti\"},\"high\":{\"fi\":"
    "\"Erittäin todennäköisesti\"}},"
    "{\"key\":\"muutos\",\"type\":\"text\",\"text\":{\"fi\":\"Mikä työyhteisössänne muuttui?\",\"sv\":\"Vad "
    "förändrades?\",\"en\":\"What changed in your workplace?\"}}]}";

static const char FEEDBACK[] =
    "{\"key\":\"tilaisuus-palaute\",\"title\":{\"fi\":\"Palaute alueellisesta Kunteko-tilaisuudesta\",\"sv\":"
    "\"Respons på det regionala Kunteko-evenemanget\",\"en\":\"Feedback on the regional Kunteko event\"},"
    "\"questions\":["
    "{\"key\":\"hyoty\",\"type\":\"likert5\",\"required\":true,\"text\":{\"fi\":\"Tilaisuus oli minulle "
    "hyödyllinen.\",\"sv\":\"Evenemanget var nyttigt för mig.\",\"en\":\"The event was useful to me.\"}," LIKERT_ENDS
    "},"
    "{\"key\":\"arvosana\",\"type\":\"scale10\",\"text\":{\"fi\":\"Kokonaisarvosana "
    "tilaisuudelle\",\"sv\":\"Helhetsbetyg\","
    "\"en\":\"Overall rating\"}},"
    "{\"key\":\"terveiset\",\"type\":\"text\",\"text\":{\"fi\":\"Terveiset järjestäjille\",\"sv\":\"Hälsningar till "
    "arrangörerna\",\"en\":\"A word to the organisers\"}}]}";

#define EFFECT(k, fi, sv, en) "{\"key\":\"" k "\",\"text\":{\"fi\":\"" fi "\",\"sv\":\"" sv "\",\"en\":\"" en "\"}}"
static const char FINAL[] =
    "{\"key\":\"loppuarviointi\",\"title\":{\"fi\":\"Ohjelman loppuarviointi 2020\",\"sv\":\"Programmets "
    "slututvärdering 2020\",\"en\":\"The programme's final evaluation 2020\"},"
    "\"intro\":{\"fi\":\"Ulkoisen arvioinnin kysely kaikille toisen rahoituskauden palveluihin osallistuneille.\","
    "\"sv\":\"Den externa utvärderingens enkät till alla som deltog under den andra finansieringsperioden.\",\"en\":"
    "\"The external evaluation's survey to everyone who took part in the second funding period.\"},"
    "\"opens\":\"2020-10-01\",\"closes\":\"2020-11-30\",\"questions\":["
    "{\"key\":\"vaikutus\",\"type\":\"matrix\",\"scale\":\"likert5\",\"required\":true,\"text\":{\"fi\":\"Ohjelma "
    "vaikutti myönteisesti kehittämistyön…\",\"sv\":\"Programmet påverkade utvecklingsarbetet positivt i fråga om…\","
    "\"en\":\"The programme had a positive effect on development work's…\"}," LIKERT_ENDS
    ",\"rows\":[" EFFECT("kaynnistaminen", "käynnistämiseen", "start", "starting") "," EFFECT(
        "suuntaaminen", "suuntaamiseen", "inriktning",
        "directing") "," EFFECT("jatkaminen", "jatkamiseen", "fortsättning",
                                "continuing") "," EFFECT("eteneminen", "etenemiseen", "framsteg",
                                                         "progressing") "," EFFECT("onnistuminen", "onnistumiseen",
                                                                                   "framgång",
                                                                                   "succeeding") "]},"
                                                                                                 "{\"key\":\"tarkein\","
                                                                                                 "\"type\":\"single\","
                                                                                                 "\"text\":{\"fi\":"
                                                                                                 "\"Mikä ohjelman "
                                                                                                 "palveluista oli "
                                                                                                 "teille "
                                                                                                 "tärkein?\",\"sv\":"
                                                                                                 "\"Vilken tjänst var "
                                                                                                 "viktigast för "
                                                                                                 "er?\",\"en\":\"Which "
                                                                                                 "service mattered "
                                                                                                 "most to you?\"},"
                                                                                                 "\"other\":true,"
                                                                                                 "\"options\":["
                                                                                                 "{\"key\":"
                                                                                                 "\"sparraus\","
                                                                                                 "\"text\":{\"fi\":"
                                                                                                 "\"Sparraus\",\"sv\":"
                                                                                                 "\"Sparrning\",\"en\":"
                                                                                                 "\"Coaching\"}},"
                                                                                                 "{\"key\":"
                                                                                                 "\"valmennus\","
                                                                                                 "\"text\":{\"fi\":"
                                                                                                 "\"Sisäisten "
                                                                                                 "kehittäjien "
                                                                                                 "valmennus\",\"sv\":"
                                                                                                 "\"Träning av interna "
                                                                                                 "utvecklare\",\"en\":"
                                                                                                 "\"Training of "
                                                                                                 "internal "
                                                                                                 "developers\"}},"
                                                                                                 "{\"key\":\"tyopaja\","
                                                                                                 "\"text\":{\"fi\":"
                                                                                                 "\"Työpajat\",\"sv\":"
                                                                                                 "\"Workshoppar\","
                                                                                                 "\"en\":\"Workshops\"}"
                                                                                                 "},"
                                                                                                 "{\"key\":"
                                                                                                 "\"verkosto\","
                                                                                                 "\"text\":{\"fi\":"
                                                                                                 "\"Verkostot\",\"sv\":"
                                                                                                 "\"Nätverk\",\"en\":"
                                                                                                 "\"Networks\"}},"
                                                                                                 "{\"key\":"
                                                                                                 "\"webinaari\","
                                                                                                 "\"text\":{\"fi\":"
                                                                                                 "\"Webinaarit\","
                                                                                                 "\"sv\":"
                                                                                                 "\"Webbinarier\","
                                                                                                 "\"en\":\"Webinars\"}}"
                                                                                                 "]}," LIKERT(
                                                                                                     "pysyvyys",
                                                                                                     "Kehittämisen "
                                                                                                     "tulokset ovat "
                                                                                                     "jääneet "
                                                                                                     "pysyviksi.",
                                                                                                     "Utvecklingens "
                                                                                                     "resultat har "
                                                                                                     "blivit "
                                                                                                     "bestående.",
                                                                                                     "The results of "
                                                                                                     "development have "
                                                                                                     "lasted.") ","
                                                                                                                "{\"key"
                                                                                                                "\":"
                                                                                                                "\"suos"
                                                                                                                "itukse"
                                                                                                                "t\","
                                                                                                                "\"type"
                                                                                                                "\":"
                                                                                                                "\"text"
                                                                                                                "\","
                                                                                                                "\"text"
                                                                                                                "\":{"
                                                                                                                "\"fi\""
                                                                                                                ":\"Mit"
                                                                                                                "ä "
                                                                                                                "kehitt"
                                                                                                                "äisit "
                                                                                                                "seuraa"
                                                                                                                "vassa "
                                                                                                                "ohjelm"
                                                                                                                "assa?"
                                                                                                                "\","
                                                                                                                "\"sv\""
                                                                                                                ":"
                                                                                                                "\"Vad "
                                                                                                                "skulle"
                                                                                                                " du "
                                                                                                                "utveck"
                                                                                                                "la i "
                                                                                                                "nästa "
                                                                                                                "progra"
                                                                                                                "m?\","
                                                                                                                "\"en\""
                                                                                                                ":\"Wha"
                                                                                                                "t "
                                                                                                                "would "
                                                                                                                "you "
                                                                                                                "improv"
                                                                                                                "e in "
                                                                                                                "the "
                                                                                                                "next "
                                                                                                                "progra"
                                                                                                                "mme?"
                                                                                                                "\"}}]"
                                                                                                                "}";

static const char *const OPEN_FINAL[] = {
    "Johdon sitoutuminen pitäisi varmistaa jo ennen aloitusta.",
    "Enemmän aikaa tulosten juurruttamiseen arkeen.",
    "Verkostoja kannattaa jatkaa ohjelman jälkeenkin.",
    "Työmarkkinaosapuolten yhteinen näkemys oli meillä avain onnistumiseen.",
    "Kokeilujen opit pitäisi koota kaikkien saataville.",
    "Sparrauksen jälkeen tarvitaan seurantatapaaminen puolen vuoden päästä.",
    "Esihenkilöille oma valmennuspolku.",
    "Henkilöstö mukaan jo suunnitteluvaiheessa.",
};
static const char *const OPEN_BEFORE[] = {
    "Työkaluja arjen kehittämiseen.",          "Yhteisen suunnan löytämistä.", "Apua kokouskäytäntöjen uudistamiseen.",
    "Ulkopuolista näkökulmaa tilanteeseemme.", "Konkreettisia kokeiluja.",
};
static const char *const OPEN_AFTER[] = {
    "Palaverit lyhenivät ja päätöksiä syntyy enemmän.",
    "Kehittäminen on nyt osa jokaista tiimipalaveria.",
    "Uskallamme kokeilla.",
    "Johto ja henkilöstö puhuvat samaa kieltä.",
    "Emme ehtineet vielä paljon muuttaa.",
};
static const char *const OPEN_FEEDBACK[] = {
    "Kiitos, hyvä päivä!",
    "Enemmän aikaa keskustelulle.",
    "Puhujat olivat erinomaisia.",
    "Tila oli liian ahdas.",
};

/* A value 1..5 around mean (a person's level) with some spread. */
static int likert(demo_rng *r, double mean) {
  double v = mean + (demo_rng_below(r, 1000) + demo_rng_below(r, 1000) - 1000) / 1000.0 * 1.2;
  int x = (int)lround(v);
  return x < 1 ? 1 : x > 5 ? 5 : x;
}

/* One of 1..5 with the final evaluation's distribution: about 80 % of answers 4 or 5, a little per row. */
static int effect(demo_rng *r, int row) {
  int p = demo_rng_below(r, 1000);
  int five = 320 + 8 * row, four = five + 450, three = four + 110, two = three + 55; /* 1: the last 3–7 % */
  return p < five ? 5 : p < four ? 4 : p < three ? 3 : p < two ? 2 : 1;
}

/* A day "yyyy-mm-dd" plus n days, capped at cap. */
static void day_plus(const char *day, int n, const char *cap, char out[11]) {
  int y, m, d;
  sscanf(day, "%d-%d-%d", &y, &m, &d);
  struct tm tm = {.tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = d + n, .tm_hour = 12};
  timegm(&tm);
  strftime(out, 11, "%Y-%m-%d", &tm);
  if (strcmp(out, cap) > 0) snprintf(out, 11, "%s", cap);
}

typedef struct writer {
  db *d;
  kerr *e;
  demo_rng *r;
  unsigned char key[crypto_auth_hmacsha256_KEYBYTES]; /* the series' pairing key, for the demo's run only */
} writer;

static void pseudonym(const writer *w, long long person, char out[65]) {
  char msg[40];
  int n = snprintf(msg, sizeof msg, "person:%lld", person);
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256(mac, (const unsigned char *)msg, (unsigned long long)n, w->key);
  sodium_bin2hex(out, 65, mac, sizeof mac);
}

/* The invitation's context, as the invitations record it. */
typedef struct invitee {
  long long person, delivery, period;
  const char *role, *type, *sector, *region, *starts, *ends;
} invitee;

static long long invite(writer *w, long long survey, const invitee *p, const char *on, int answered) {
  char nonce[33], hash[65];
  util_random_hex(nonce, 16);
  util_random_hex(hash, 32);
  char at[24];
  snprintf(at, sizeof at, "%sT07:00:00Z", on);
  return db_exec(w->d,
                 "INSERT INTO survey_invite(survey_id, person_id, nonce, token_hash, delivery_id, ctx_role, "
                 "ctx_service_type, ctx_sector, ctx_region, ctx_period_id, invited_at, answered) "
                 "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                 "iittittttiti", survey, p->person, nonce, hash, p->delivery, p->role, p->type, p->sector, p->region,
                 p->period, at, (long long)answered) == DB_OK
             ? K_OK
             : kerr_set(w->e, NULL, "demo survey invitation: %r", db_errmsg(w->d));
}

/* A response with the context of p (NULL: an open link's, none), paired by pseudonym when pseud is set. Returns its
 * id, or 0. */
static long long respond(writer *w, long long survey, const invitee *p, const char *on, const char *pseud) {
  static const char sql[] = "INSERT INTO survey_response(survey_id, answered_on, pseudonym, via, ctx_role, "
                            "ctx_service_type, ctx_sector, ctx_region, ctx_period_id) "
                            "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
  int rc = p ? db_exec(w->d, sql, "ittttttti", survey, on, pseud, "invite", p->role, p->type, p->sector, p->region,
                       p->period)
             : db_exec(w->d, sql, "itntttttn", survey, on, "open", "", "", "", "");
  if (rc != DB_OK) {
    kerr_set(w->e, NULL, "demo survey response: %r", db_errmsg(w->d));
    return 0;
  }
  return db_last_id(w->d);
}

static int answer(writer *w, long long resp, const char *q, const char *item, double num, const char *text) {
  int rc = text ? db_exec(w->d, "INSERT INTO survey_answer(response_id, question, item, text) VALUES(?1, ?2, ?3, ?4)",
                          "itt"
                          "t",
                          resp, q, item, text)
                : db_exec(w->d, "INSERT INTO survey_answer(response_id, question, item, num) VALUES(?1, ?2, ?3, ?4)",
                          "ittf", resp, q, item, num);
  return rc == DB_OK ? K_OK : kerr_set(w->e, NULL, "demo survey answer: %r", db_errmsg(w->d));
}

/* The five items and the commitment matrix at a person's level. */
static int work_items(writer *w, long long resp, double level) {
  static const char *const items[] = {"q1", "q2", "q3", "q4", "q5"};
  static const char *const rows[] = {"johto", "henkilosto", "visio"};
  int rc = K_OK;
  for (int i = 0; rc == K_OK && i < 5; i++) rc = answer(w, resp, items[i], "", likert(w->r, level), NULL);
  for (int i = 0; rc == K_OK && i < 3; i++) rc = answer(w, resp, "q6", rows[i], likert(w->r, level - 0.1 * i), NULL);
  return rc;
}

#define COUNT(a) (int)(sizeof(a) / sizeof((a)[0]))
#define PICK(r, a) (a)[demo_rng_below((r), COUNT(a))]

/* Reads the participants (each once, in their first delivery) of the second period's deliveries of the service types in
 * types (an SQL list). */
static invitee *participants(db *d, arena *a, const char *types_sql, int *n) {
  char sql[1200];
  snprintf(sql, sizeof sql,
           "SELECT p.person_id, p.delivery_id, s.period_id, p.role, s.type_code, COALESCE(pe.sector_code, ''), "
           "COALESCE(m.region_code, ''), d.starts_on, d.ends_on FROM participation p "
           "JOIN delivery d ON d.id = p.delivery_id JOIN service s ON s.id = d.service_id "
           "JOIN funding_period f ON f.id = s.period_id JOIN person pe ON pe.id = p.person_id "
           "LEFT JOIN org o ON o.id = pe.org_id LEFT JOIN municipality m ON m.code = o.municipality_code "
           "WHERE f.start_year = 2018 AND s.type_code IN (%s) ORDER BY p.id",
           types_sql);
  /* the SQL is built from literals only */
  char *held = arena_strdup(a, sql);
  db_stmt *st = db_query(d, held, "");
  invitee *v = NULL;
  int cap = 0;
  *n = 0;
  long long maxid = db_int(d, 0, "SELECT max(id) FROM person", "");
  unsigned char *seen = arena_alloc(a, (size_t)maxid + 1); /* a person once: their first delivery */
  while (db_step(st) == 1) {
    long long person = db_col_int(st, 0);
    if (person > maxid || seen[person]) continue;
    seen[person] = 1;
    v = arena_grow(a, v, *n, &cap, sizeof *v);
    invitee *x = &v[(*n)++];
    x->person = person;
    x->delivery = db_col_int(st, 1);
    x->period = db_col_int(st, 2);
    x->role = db_col_adup(st, 3, a);
    x->type = db_col_adup(st, 4, a);
    x->sector = db_col_adup(st, 5, a);
    x->region = db_col_adup(st, 6, a);
    x->starts = db_col_adup(st, 7, a);
    x->ends = db_col_adup(st, 8, a);
  }
  db_done(st);
  return v;
}

/* The sparraus series: everyone invited before and after; about 72 % answer before, 64 % after, most of them both. */
static int make_series(writer *w, arena *a, long long before, long long after, demo_survey_summary *s) {
  int n;
  invitee *p = participants(w->d, a, "'sparraus'", &n);
  int rc = K_OK;
  for (int i = 0; rc == K_OK && i < n; i++) {
    char pseud[65], on[11];
    pseudonym(w, p[i].person, pseud);
    double level = 2.4 + demo_rng_below(w->r, 120) / 100.0; /* 2.4 .. 3.6 */
    double gain = (demo_rng_below(w->r, 140) - 30) / 100.0; /* -0.3 .. 1.1 */
    int ans_before = demo_rng_chance(w->r, 72);
    int ans_after = ans_before ? demo_rng_chance(w->r, 80) : demo_rng_chance(w->r, 40);
    day_plus(p[i].starts, -demo_rng_range(w->r, 3, 14), "2020-12-31", on);
    rc = invite(w, before, &p[i], on, ans_before);
    if (rc == K_OK && ans_before) {
      day_plus(p[i].starts, -demo_rng_range(w->r, 0, 2), "2020-12-31", on);
      long long r = respond(w, before, &p[i], on, pseud);
      rc = r ? work_items(w, r, level) : K_ERR;
      if (rc == K_OK && demo_rng_chance(w->r, 35)) rc = answer(w, r, "odotukset", "", 0, PICK(w->r, OPEN_BEFORE));
      s->responses++;
    }
    day_plus(p[i].ends, 1, "2021-01-30", on);
    if (rc == K_OK) rc = invite(w, after, &p[i], on, ans_after);
    if (rc == K_OK && ans_after) {
      day_plus(p[i].ends, demo_rng_range(w->r, 1, 20), "2021-01-30", on);
      long long r = respond(w, after, &p[i], on, pseud);
      rc = r ? work_items(w, r, level + gain) : K_ERR;
      static const char *const methods[] = {"kehityskeskustelu", "kokeilu", "mittarit", "palaverit"};
      for (int m = 0; rc == K_OK && m < 4; m++)
        if (demo_rng_chance(w->r, 45)) rc = answer(w, r, "menetelmat", methods[m], 1, NULL);
      if (rc == K_OK && demo_rng_chance(w->r, 6)) rc = answer(w, r, "menetelmat", ".other", 0, "Mentorointi");
      if (rc == K_OK) rc = answer(w, r, "suosittelu", "", demo_rng_range(w->r, gain > 0.3 ? 7 : 4, 10), NULL);
      if (rc == K_OK && demo_rng_chance(w->r, 30)) rc = answer(w, r, "muutos", "", 0, PICK(w->r, OPEN_AFTER));
      s->responses++;
      s->pairs += ans_before;
    }
    s->invitations += 2;
  }
  return rc;
}

/* The final evaluation: 800 of the second period's participants in sparraus, training, workshops and networks. */
static int make_final(writer *w, arena *a, long long id, demo_survey_summary *s) {
  int n;
  invitee *p = participants(w->d, a, "'sparraus','valmennus','tyopaja','verkosto'", &n);
  static const char *const rows[] = {"kaynnistaminen", "suuntaaminen", "jatkaminen", "eteneminen", "onnistuminen"};
  static const char *const services[] = {"sparraus", "valmennus", "tyopaja", "verkosto", "webinaari"};
  int rc = K_OK, answered = 0;
  for (int i = 0; rc == K_OK && i < n && answered < 800; i++) {
    if (!demo_rng_chance(w->r, 40)) continue; /* a sample */
    int yes = demo_rng_chance(w->r, 73);
    rc = invite(w, id, &p[i], "2020-10-01", yes);
    s->invitations++;
    if (rc != K_OK || !yes) continue;
    char on[11];
    day_plus("2020-10-01", demo_rng_below(w->r, 60), "2020-11-30", on);
    long long r = respond(w, id, &p[i], on, NULL);
    if (!r) return K_ERR;
    for (int k = 0; rc == K_OK && k < 5; k++) rc = answer(w, r, "vaikutus", rows[k], effect(w->r, k), NULL);
    int other = demo_rng_chance(w->r, 4);
    const char *service = other                                                         ? "other"
                          : !strcmp(p[i].type, "sparraus") || demo_rng_chance(w->r, 30) ? p[i].type
                                                                                        : PICK(w->r, services);
    if (rc == K_OK) rc = answer(w, r, "tarkein", "", 0, service);
    if (rc == K_OK && other) rc = answer(w, r, "tarkein", ".other", 0, "Kehittämisfoorumi");
    if (rc == K_OK) rc = answer(w, r, "pysyvyys", "", likert(w->r, 3.7), NULL);
    if (rc == K_OK && demo_rng_chance(w->r, 25)) rc = answer(w, r, "suositukset", "", 0, PICK(w->r, OPEN_FINAL));
    answered++;
    s->responses++;
  }
  return rc;
}

/* Feedback through the open link from the regional events: no invitations, no context. */
static int make_feedback(writer *w, long long id, demo_survey_summary *s) {
  int rc = K_OK;
  for (int i = 0; rc == K_OK && i < 310; i++) {
    char on[11];
    day_plus("2018-09-01", demo_rng_below(w->r, 800), "2020-11-30", on);
    long long r = respond(w, id, NULL, on, NULL);
    if (!r) return K_ERR;
    rc = answer(w, r, "hyoty", "", likert(w->r, 4.0), NULL);
    if (rc == K_OK && demo_rng_chance(w->r, 90)) rc = answer(w, r, "arvosana", "", demo_rng_range(w->r, 5, 10), NULL);
    if (rc == K_OK && demo_rng_chance(w->r, 20)) rc = answer(w, r, "terveiset", "", 0, PICK(w->r, OPEN_FEEDBACK));
    s->responses++;
  }
  return rc;
}

/* The evaluation report: its method, findings and recommendations like Kunteko's evaluation (MDI 2020), citing the
 * figures by placeholder (README, "Figures in texts"), published. final and series name the final survey's id and
 * the sparraus series. */
static int make_report(db *d, long long before, long long after, long long final, kerr *e) {
  char intro[1400];
  snprintf(intro, sizeof intro,
           "Ohjelman ulkoinen arviointi perustui kyselyihin, haastatteluihin ja ohjelman omaan vaikutusten "
           "seurantaan. Sparraukseen osallistuneet vastasivat samoihin kysymyksiin ennen sparrausta ja sen jälkeen "
           "(alkukyselyyn {{survey.%lld.responses}} ja loppukyselyyn {{survey.%lld.responses}} vastaajaa); "
           "vastaukset yhdistettiin pareiksi nimettöminä. Loppuarviointikyselyyn vastasi "
           "{{survey.%lld.responses}} toisen rahoituskauden osallistujaa (vastausprosentti "
           "{{survey.%lld.response_rate}}).",
           before, after, final, final);
  static const char *const kinds[] = {"finding",        "finding",        "finding",       "recommendation",
                                      "recommendation", "recommendation", "recommendation"};
  static const char *const titles[] = {"Ohjelma vahvisti kehittämistyötä kaikissa vaiheissa",
                                       "Sparraus muutti työyhteisöjen arkea",
                                       "Tulokset jäivät pysyviksi useimmilla työpaikoilla",
                                       "Johdon ja henkilöstön sitoutuminen varmistetaan alussa",
                                       "Opit käyttöön koko alalla",
                                       "Työmarkkinaosapuolten yhteinen näkemys",
                                       "Verkostot jatkumaan"};
  char body[7][900];
  snprintf(body[0], sizeof body[0],
           "Loppuarviointikyselyn vastaajista {{survey.%lld.vaikutus.kaynnistaminen.share_ge_4}} arvioi ohjelman "
           "vaikuttaneen myönteisesti kehittämistyön käynnistämiseen, {{survey.%lld.vaikutus.suuntaaminen.share_ge_4}} "
           "suuntaamiseen, {{survey.%lld.vaikutus.jatkaminen.share_ge_4}} jatkamiseen, "
           "{{survey.%lld.vaikutus.eteneminen.share_ge_4}} etenemiseen ja "
           "{{survey.%lld.vaikutus.onnistuminen.share_ge_4}} onnistumiseen.",
           final, final, final, final, final);
  snprintf(body[1], sizeof body[1],
           "Samojen ihmisten vastauksista ennen ja jälkeen sparrauksen ({{pairs.sparraus-2018.q1.pairs}} paria) "
           "näkyy, että arvio kehittämistyön käynnistymisestä nousi keskimäärin {{pairs.sparraus-2018.q1.mean_change}} "
           "(Wilcoxonin testi {{pairs.sparraus-2018.q1.p}}); arvio tulosten näkymisestä nousi "
           "{{pairs.sparraus-2018.q5.mean_change}}. Parantaneita oli {{pairs.sparraus-2018.q1.improved_share}}.");
  snprintf(body[2], sizeof body[2],
           "Vastaajista {{survey.%lld.pysyvyys.share_ge_4}} on samaa mieltä siitä, että kehittämisen tulokset ovat "
           "jääneet pysyviksi. Avovastauksissa toivottiin aikaa tulosten juurruttamiseen ja seurantatapaamista.",
           final);
  snprintf(body[3], sizeof body[3],
           "Sparrauksen alussa johdon sitoutumista arvioitiin keskimäärin {{pairs.sparraus-2018.q6.johto.mean_before}} "
           "ja henkilöstön {{pairs.sparraus-2018.q6.henkilosto.mean_before}} (asteikko 1–5). Seuraavassa ohjelmassa "
           "johto ja henkilöstö sitoutetaan jo hakuvaiheessa: sparrauksen aloitus edellyttää molempien edustajia.");
  snprintf(body[4], sizeof body[4],
           "Kehittämisteot ja niiden opit kootaan Tekojen toriin heti, kun ne syntyvät, ja niistä kerrotaan alan "
           "verkostoissa, jotta muut työpaikat voivat käyttää niitä.");
  snprintf(body[5], sizeof body[5],
           "Työnantajan ja henkilöstön edustajien yhteinen näkemys oli onnistumisen edellytys. Yhteistä näkemystä "
           "arvioitiin sparrauksen jälkeen keskimäärin {{pairs.sparraus-2018.q6.visio.mean_after}}.");
  snprintf(body[6], sizeof body[6],
           "Ohjelmaan osallistui {{stats.participants}} ihmistä ja {{stats.organisations}} organisaatiota. "
           "Verkostojen toimintaa jatketaan ohjelman jälkeen alan omin voimin.");
  if (db_exec(d,
              "INSERT INTO evaluation(id, title, title_sv, title_en, intro, published_at, updated_at, updated_by) "
              "VALUES(1, ?1, ?2, ?3, ?4, ?5, ?5, 'demo')",
              "ttttt", "Kunteko 2020 -ohjelman arviointi", "Utvärdering av programmet Kunteko 2020",
              "Evaluation of the Kunteko 2020 programme", intro, "2021-03-15T10:00:00Z") != DB_OK)
    return kerr_set(e, NULL, "demo evaluation: %r", db_errmsg(d));
  for (int i = 0; i < 7; i++)
    if (db_exec(d,
                "INSERT INTO evaluation_item(kind, position, title, body, updated_at, updated_by) "
                "VALUES(?1, ?2, ?3, ?4, ?5, 'demo')",
                "titt"
                "t",
                kinds[i], (long long)i + 1, titles[i], body[i], "2021-03-15T10:00:00Z") != DB_OK)
      return kerr_set(e, NULL, "demo evaluation: %r", db_errmsg(d));
  return K_OK;
}

int demo_surveys(db *d, demo_rng *r, demo_survey_summary *s, kerr *e) {
  writer w = {.d = d, .e = e, .r = r};
  for (int i = 0; i < (int)sizeof w.key; i++) w.key[i] = (unsigned char)demo_rng_next(r);
  long long ids[4];
  const char *const defs[] = {BEFORE, AFTER, FEEDBACK, FINAL};
  for (int i = 0; i < 4; i++)
    if (!(ids[i] = survey_import(d, defs[i], strlen(defs[i]), "demo", e))) return K_ERR;
  s->surveys = 4;
  arena a = {0};
  int rc = make_series(&w, &a, ids[0], ids[1], s);
  if (rc == K_OK) rc = make_final(&w, &a, ids[3], s);
  if (rc == K_OK) rc = make_feedback(&w, ids[2], s);
  if (rc == K_OK) rc = survey_set_open_link(d, ids[2], 1, "demo", e);
  if (rc == K_OK) rc = survey_set_public(d, ids[3], 1, "demo", e);
  if (rc == K_OK) rc = make_report(d, ids[0], ids[1], ids[3], e);
  /* the series is history: its key was never kept */
  if (rc == K_OK && db_exec(d,
                            "UPDATE survey_series SET key_box = NULL, created_at = '2018-01-01T08:00:00Z', closed_at = "
                            "'2021-02-01T10:00:00Z'",
                            "") != DB_OK)
    rc = kerr_set(e, NULL, "demo survey series: %r", db_errmsg(d));
  sodium_memzero(w.key, sizeof w.key);
  arena_free(&a);
  return rc;
}
