/* password: length and zxcvbn's guessability estimate, with Finnish common passwords and the account's email. */
#include "model/password.h"

#include <ctype.h>
#include <string.h>
#include <zxcvbn.h>

#include "core/buf.h"
#include "core/utf8.h"

/* Common Finnish passwords and words people build them from; zxcvbn's own dictionaries are English. Lower case;
 * words with ä or ö come twice, the second time as typed on a keyboard without them. */
static const char *const finnish[] = {
    "salasana",  "salainen",  "tunnus",    "kirjaudu",    "kehto",       "suomi",       "suomalainen",  "perkele",
    "sisu",      "sauna",     "moikka",    "terve",       "kiitos",      "hyvää",       "hyvaa",        "päivää",
    "paivaa",    "rakkaus",   "kulta",     "kultaseni",   "ystävä",      "ystava",      "koti",         "äiti",
    "aiti",      "isä",       "isi",       "mummo",       "pappa",       "lapsi",       "kissa",        "koira",
    "hevonen",   "karhu",     "susi",      "kettu",       "jänis",       "janis",       "lintu",        "kala",
    "aurinko",   "kuu",       "tähti",     "tahti",       "taivas",      "meri",        "järvi",        "jarvi",
    "metsä",     "metsa",     "lumi",      "jää",         "jaa",         "kukka",       "omena",        "mansikka",
    "kahvi",     "pulla",     "makkara",   "olut",        "kalja",       "viina",       "kesä",         "kesa",
    "talvi",     "kevät",     "kevat",     "syksy",       "joulu",       "juhannus",    "vappu",        "tammikuu",
    "helmikuu",  "maaliskuu", "huhtikuu",  "toukokuu",    "kesäkuu",     "kesakuu",     "heinäkuu",     "heinakuu",
    "elokuu",    "syyskuu",   "lokakuu",   "marraskuu",   "joulukuu",    "maanantai",   "tiistai",      "keskiviikko",
    "torstai",   "perjantai", "lauantai",  "sunnuntai",   "kunta",       "kaupunki",    "valtio",       "työ",
    "tyo",       "työpaikka", "tyopaikka", "toimisto",    "yritys",      "hyvinvointi", "kehittäminen", "kehittaminen",
    "hanke",     "ohjelma",   "helsinki",  "espoo",       "vantaa",      "tampere",     "turku",        "oulu",
    "jyväskylä", "jyvaskyla", "kuopio",    "lahti",       "pori",        "joensuu",     "lappi",        "karjala",
    "matti",     "mikko",     "juha",      "timo",        "jari",        "pekka",       "antti",        "jussi",
    "ville",     "sanna",     "anna",      "maria",       "liisa",       "tiina",       "johanna",      "laura",
    "minna",     "leena",     "hellurei",  "qwertyuiopå", "asdfghjklöä", "asdfghjkloa", "yksi",         "kaksi",
    "kolme",     "neljä",     "nelja",     "viisi",       "kuusi",       "seitsemän",   "seitseman",    "kahdeksan",
    "yhdeksän",  "yhdeksan",  "kymmenen",  "sata",        "tuhat",       "jokeri",      "hifk",         "tps",
    "leijonat",  "huuhkajat",
};

enum reason { R_NONE, R_COMMON, R_EMAIL, R_REPEAT, R_SEQUENCE, R_KEYS, R_DATE, R_N };

/* Why a password is too easy to guess, by what the largest part of it is made of. */
static const char *const why[R_N] = {
    [R_NONE] = N_("Salasana on liian helppo arvata. Pidempi salasana, esimerkiksi muutama satunnainen sana, on "
                  "turvallisempi."),
    [R_COMMON] = N_("Salasana on liian helppo arvata: se rakentuu yleisestä salasanasta tai sanasta. Pidempi "
                    "salasana, esimerkiksi muutama satunnainen sana, on turvallisempi."),
    [R_EMAIL] = N_("Salasana on liian helppo arvata: siinä on sähköpostiosoitteesi tai sen osa. Pidempi salasana, "
                   "esimerkiksi muutama satunnainen sana, on turvallisempi."),
    [R_REPEAT] = N_("Salasana on liian helppo arvata: siinä toistuu sama merkki tai merkkijono. Pidempi salasana, "
                    "esimerkiksi muutama satunnainen sana, on turvallisempi."),
    [R_SEQUENCE] = N_("Salasana on liian helppo arvata: siinä on merkkejä järjestyksessä (kuten abcd tai 1234). "
                      "Pidempi salasana, esimerkiksi muutama satunnainen sana, on turvallisempi."),
    [R_KEYS] = N_("Salasana on liian helppo arvata: siinä on vierekkäisiä näppäimiä (kuten qwerty tai asdf). Pidempi "
                  "salasana, esimerkiksi muutama satunnainen sana, on turvallisempi."),
    [R_DATE] = N_("Salasana on liian helppo arvata: siinä on päivämäärä tai vuosiluku. Pidempi salasana, esimerkiksi "
                  "muutama satunnainen sana, on turvallisempi."),
};

#define MAX_EMAIL_PARTS 12

/* Splits the lower-cased email into the whole, its local part and every part of three or more characters between
 * '@', '.', '_', '+' and '-'; the pieces are written into store and listed in parts (NULL-terminated). */
static int email_parts(const char *email, char *store, size_t n, const char **parts) {
  int k = 0;
  if (!email || !*email || strlen(email) * 3 + 3 > n) return 0;
  size_t len = strlen(email), at = strcspn(email, "@");
  char *p = store;
  for (size_t i = 0; i < len; i++) p[i] = (char)tolower((unsigned char)email[i]);
  p[len] = 0;
  parts[k++] = p;
  p += len + 1;
  memcpy(p, store, at);
  p[at] = 0;
  parts[k++] = p;
  p += at + 1;
  memcpy(p, store, len + 1);
  char *save = NULL;
  for (char *tok = strtok_r(p, "@._+-", &save); tok && k < MAX_EMAIL_PARTS; tok = strtok_r(NULL, "@._+-", &save))
    if (strlen(tok) >= 3) parts[k++] = tok;
  parts[k] = NULL;
  return k;
}

/* 1 when the password's bytes [b, b+n) occur, case aside, in the lower-cased email (NULL: none). */
static int in_email(const char *pw, int b, int n, const char *email) {
  char sub[256];
  if (n < 3 || n >= (int)sizeof sub || !email) return 0;
  for (int i = 0; i < n; i++) sub[i] = (char)tolower((unsigned char)pw[b + i]);
  sub[n] = 0;
  return strstr(email, sub) != NULL;
}

static enum reason reason_of(const char *pw, const ZxcMatch_t *m, const char *email) {
  int covered[R_N] = {0};
  for (; m; m = m->Next) {
    int type = (int)m->Type & ~(int)MULTIPLE_MATCH;
    enum reason r = R_NONE;
    if (m->Type & MULTIPLE_MATCH || type == REPEATS_MATCH)
      r = R_REPEAT;
    else if (type == DICTIONARY_MATCH || type == DICT_LEET_MATCH)
      r = R_COMMON;
    else if (type == USER_MATCH || type == USER_LEET_MATCH)
      r = in_email(pw, m->Begin, m->Length, email) ? R_EMAIL : R_COMMON;
    else if (type == SEQUENCE_MATCH)
      r = R_SEQUENCE;
    else if (type == SPATIAL_MATCH)
      r = R_KEYS;
    else if (type == DATE_MATCH || type == YEAR_MATCH)
      r = R_DATE;
    covered[r] += m->Length;
  }
  enum reason best = R_NONE;
  for (int r = R_COMMON; r < R_N; r++)
    if (covered[r] > covered[best] || (best == R_NONE && covered[r])) best = (enum reason)r;
  return best;
}

/* Characters (code points) in s. */
static size_t chars(const char *s) {
  size_t n = 0, len = strlen(s);
  unsigned cp;
  for (size_t i = 0; i < len; n++) i += (size_t)utf8_decode(s + i, len - i, &cp);
  return n;
}

int password_check(const char *password, const char *email, kerr *e) {
  if (!password || chars(password) < PASSWORD_MIN_CHARS)
    return kerr_set(e, "password", "%r", N_("Salasanassa pitää olla vähintään 12 merkkiä."));
  enum { NF = sizeof finnish / sizeof finnish[0] };
  char store[1024];
  const char *dict[MAX_EMAIL_PARTS + 1 + NF + 1];
  int k = email_parts(email, store, sizeof store, dict); /* dict[0] is the whole email, lower-cased */
  const char *lower_email = k ? dict[0] : NULL;
  for (int i = 0; i < NF; i++) dict[k + i] = finnish[i];
  dict[k + NF] = NULL;
  ZxcMatch_t *info = NULL;
  double bits = ZxcvbnMatch(password, dict, &info);
  enum reason r = bits < PASSWORD_MIN_BITS ? reason_of(password, info, lower_email) : R_N;
  ZxcvbnFreeInfo(info);
  if (r == R_N) return K_OK;
  return kerr_set(e, "password", "%r", why[r]);
}
