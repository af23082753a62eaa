/* search_bench: generates a deterministic Finnish deed corpus into a kehto database (and CSV), and times deed_search.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/buf.h"
#include "db/db.h"
#include "model/deed.h"
#include "model/refdata.h"
#include "search/search.h"

#define N(a) (sizeof a / sizeof a[0])

/* Inflected forms on purpose: the tokenizer has to lemmatise them. */
static const char *const nouns[] = {
    "työhyvinvointia",
    "työhyvinvoinnin",
    "hyvinvointia",
    "kunnissa",
    "kunnan",
    "kuntaan",
    "asiakkaiden",
    "asiakaspalvelua",
    "palveluja",
    "palvelujen",
    "henkilöstön",
    "henkilöstölle",
    "esihenkilöiden",
    "esimiestyötä",
    "johtamista",
    "johtamisen",
    "vuorovaikutusta",
    "yhteistyötä",
    "yhteistyön",
    "perehdytystä",
    "perehdytyksen",
    "työyhteisön",
    "työyhteisöissä",
    "osaamista",
    "osaamisen",
    "koulutusta",
    "kehittämistä",
    "kehittämisen",
    "prosesseja",
    "prosessin",
    "työvuorosuunnittelua",
    "työvuorojen",
    "kotihoidossa",
    "kotihoidon",
    "vanhuspalveluissa",
    "sairaalassa",
    "terveyskeskuksessa",
    "päiväkodissa",
    "päiväkodeissa",
    "varhaiskasvatuksen",
    "koulussa",
    "kouluissa",
    "opettajien",
    "oppilaiden",
    "nuorten",
    "lasten",
    "perheiden",
    "ikäihmisten",
    "kirjastossa",
    "kirjaston",
    "liikuntapalveluissa",
    "ruokapalveluissa",
    "siivouksen",
    "keittiössä",
    "ateriapalvelujen",
    "tilojen",
    "kiinteistöjen",
    "energiankulutusta",
    "ympäristön",
    "kestävyyden",
    "digitalisaation",
    "sähköisiä",
    "sovelluksen",
    "järjestelmän",
    "robotiikkaa",
    "tekoälyä",
    "etätyötä",
    "etätyön",
    "hybridityötä",
    "kokouskäytäntöjä",
    "palautetta",
    "palautteen",
    "viestintää",
    "viestinnän",
    "intranetin",
    "työturvallisuutta",
    "työterveyshuollon",
    "sairauspoissaoloja",
    "sairauspoissaolojen",
    "työkykyä",
    "työkyvyn",
    "jaksamista",
    "kuormitusta",
    "kiirettä",
    "muutoksen",
    "muutoksessa",
    "strategian",
    "arvojen",
    "tavoitteiden",
    "mittareiden",
    "tuloksia",
    "tuloksista",
    "asiakaskokemusta",
    "asukkaiden",
    "kuntalaisten",
    "yrittäjien",
    "elinvoimaa",
    "rekrytointia",
    "rekrytoinnin",
    "työnantajakuvaa",
    "tasa-arvoa",
    "yhdenvertaisuutta",
    "monimuotoisuutta",
    "mentorointia",
    "työnohjausta",
    "tiimityötä",
    "tiimien",
    "verkostojen",
    "kumppaneiden",
    "järjestöjen",
    "seurakunnan",
    "hyvinvointialueen",
    "maakunnan",
    "sairaanhoitopiirin",
    "kuntayhtymän",
    "pelastuslaitoksen",
    "ensihoidon",
    "vastaanoton",
    "ajanvarauksen",
    "jonotusaikoja",
    "hoitoketjun",
    "kuntoutuksen",
    "mielenterveyden",
    "päihdetyön",
    "sosiaalityön",
    "lastensuojelun",
    "toimeentulotuen",
    "työllisyyden",
    "kotouttamisen",
    "kulttuurin",
    "museon",
    "nuorisotilan",
    "uimahallin",
    "puistojen",
    "katujen",
    "vesihuollon",
    "jätehuollon",
    "kaavoituksen",
    "rakennusvalvonnan",
    "lupaprosessin",
    "hankinnan",
    "hankintojen",
    "talouden",
    "budjetin",
};
/* Compounds of these make the long tail of the vocabulary: 24 x 24 lemmas, most of them rare. */
static const char *const heads[] = {"asiakas", "palvelu", "henkilöstö", "koulu",     "sosiaali",     "terveys",
                                    "vanhus",  "perhe",   "nuoriso",    "kulttuuri", "liikunta",     "ympäristö",
                                    "tieto",   "laatu",   "johto",      "talous",    "turvallisuus", "kiinteistö",
                                    "ruoka",   "hoito",   "kuntoutus",  "opetus",    "vapaaehtois",  "kumppanuus"};
static const char *const tails[] = {
    "prosessia", "mallin",   "ohjelmaa",  "suunnitelman", "kyselyn",      "ryhmän",     "käytäntöjä", "koulutusta",
    "verkoston", "tiimin",   "palaverin", "ohjeistusta",  "järjestelmää", "kokeilun",   "hankkeen",   "sopimuksen",
    "kriteerit", "foorumin", "työpajan",  "mittariston",  "kortin",       "kierroksen", "päivän",     "raportin"};
static const char *const verbs[] = {
    "kehitimme",    "paransimme",    "uudistimme",      "kokeilimme",     "selkeytimme",  "vahvistimme",
    "sujuvoitimme", "yhtenäistimme", "otimme käyttöön", "suunnittelimme", "arvioimme",    "mittasimme",
    "rakensimme",   "järjestimme",   "koulutimme",      "vähensimme",     "lisäsimme",    "tuimme",
    "kartoitimme",  "pilotoimme",    "jaoimme",         "sovimme",        "tehostivat",   "käynnistettiin",
    "toteutettiin", "kehitettiin",   "lisättiin",       "vähennettiin",   "parannettiin",
};
static const char *const adjs[] = {
    "uutta",        "yhteistä",   "sujuvaa",     "parempaa",     "toimivaa",         "selkeää",           "joustavaa",
    "avointa",      "kestävää",   "turvallista", "osallistavaa", "asiakaslähtöistä", "kokonaisvaltaista", "sähköistä",
    "digitaalista", "pientä",     "nopeaa",      "säännöllistä", "viikoittaista",    "yhteisöllistä",     "vaikuttavaa",
    "monialaista",  "ennakoivaa",
};
static const char *const glue[] = {"ja", "sekä", "jotta", "koska", "myös", "yhdessä", "nyt", "entistä", "vuonna"};
static const char *const themes[] = {
    "Jaksaminen", "Johtaminen",      "Digitalisaatio",   "Asiakaskokemus", "Osaaminen",   "Viestintä",     "Tasa-arvo",
    "Ympäristö",  "Työturvallisuus", "Perehdytys",       "Palkitseminen",  "Muutos",      "Vuorovaikutus", "Työaika",
    "Etätyö",     "Rekrytointi",     "Kokeilukulttuuri", "Yhteistyö",      "Hyvinvointi", "Kestävyys",
};
static const char *const sectors[] = {"sote",     "sote",      "sote",      "opetus", "opetus",
                                      "tekninen", "elinkeino", "kulttuuri", "ruoka",  "koko"};
static const char *const orgs[] = {"kaupunki", "kunta", "kuntayhtymä", "hyvinvointialue", "Oy", "liikelaitos"};

static unsigned long long rng = 88172645463325252ull;
static unsigned rnd(unsigned n) { /* xorshift64: the same corpus on every machine */
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return (unsigned)(rng % n);
}
/* Skewed pick: low indexes are common, like real vocabulary. */
static unsigned zipf(unsigned n) {
  unsigned a = rnd(n), b = rnd(n);
  return a < b ? a : b;
}

static void sentence(buf *b, int words) {
  for (int i = 0; i < words; i++) {
    unsigned k = rnd(12);
    if (k < 2) { /* a compound from the long tail */
      buf_printf(b, "%r%r%r", i ? " " : "", heads[zipf(N(heads))], tails[rnd(N(tails))]);
      continue;
    }
    const char *w = k < 6    ? nouns[zipf(N(nouns))]
                    : k < 8  ? adjs[rnd(N(adjs))]
                    : k < 10 ? verbs[rnd(N(verbs))]
                             : glue[rnd(N(glue))];
    buf_printf(b, "%r%r", i ? " " : "", w);
  }
  buf_puts(b, ". ");
}

static char *text(int sentences) {
  buf b = BUF_INIT;
  for (int i = 0; i < sentences; i++) sentence(&b, 6 + (int)rnd(8));
  return buf_detach(&b);
}

static char *title(void) {
  buf b = BUF_INIT;
  buf_printf(&b, "%r %r %r", adjs[rnd(N(adjs))], nouns[zipf(N(nouns))], nouns[zipf(N(nouns))]);
  b.data[0] = (char)(b.data[0] - 32 * (b.data[0] >= 'a' && b.data[0] <= 'z'));
  return buf_detach(&b);
}

/* Loads municipality codes and Finnish names (n returned). */
static int municipalities(db *d, char ***codes, char ***names) {
  int n = (int)db_int(d, 0, "SELECT count(*) FROM municipality", "");
  *codes = calloc((size_t)n, sizeof **codes);
  *names = calloc((size_t)n, sizeof **names);
  db_stmt *st = db_query(d, "SELECT code, name_fi FROM municipality ORDER BY code", "");
  for (int i = 0; i < n && db_step(st) == 1; i++) {
    (*codes)[i] = strdup(db_col_text(st, 0));
    (*names)[i] = strdup(db_col_text(st, 1));
  }
  db_done(st);
  return n;
}

static void gen_one(deed *x, long i, char **codes, char **names, int nm, char *themebuf, char *orgbuf) {
  int m = (int)zipf((unsigned)nm);
  snprintf(orgbuf, 200, "%s %s", names[m], orgs[rnd(N(orgs))]);
  themebuf[0] = 0;
  for (unsigned t = rnd(3); t > 0; t--) {
    strcat(themebuf, themes[zipf(N(themes))]);
    strcat(themebuf, ",");
  }
  char pub[32];
  snprintf(pub, sizeof pub, "20%02ld-%02ld-%02ldT12:00:00Z", 15 + i * 6 / 100000 % 6, 1 + i % 12, 1 + i % 28);
  *x = (deed){.title = title(),
              .org_name = orgbuf,
              .municipality_code = codes[m],
              .sector_code = (char *)sectors[rnd(N(sectors))],
              .summary = text(3),
              .starting_point = text(2),
              .goal = text(2),
              .actions = text(3),
              .results = text(2),
              .themes = themebuf,
              .year = 2015 + (int)rnd(6),
              .published_at = strdup(pub)};
}

static void csv_row(FILE *f, long long id, const deed *x) {
  buf b = BUF_INIT, body = BUF_INIT; /* the same body text the kehto index holds */
  buf_printf(&body, "%r\n%r\n%r\n%r\n%r", x->summary, x->starting_point, x->goal, x->actions, x->results);
  buf_printf(&b, "%lld,%C,%C,%C,%d\n", id, x->title, body.data, x->sector_code, x->year);
  fwrite(b.data, 1, b.len, f);
  buf_free(&body);
  buf_free(&b);
}

static int generate(const char *path, long n, const char *csvpath) {
  kerr e = {0};
  db *d = db_open(path, 1, search_attach, &e);
  if (!d || refdata_load(d, &e) != K_OK) {
    fprintf(stderr, "search_bench: %s\n", e.msg);
    return 1;
  }
  FILE *csv = fopen(csvpath, "w");
  if (!csv) return perror(csvpath), 1;
  char **codes, **names;
  int nm = municipalities(d, &codes, &names);
  char themebuf[256], orgbuf[200];
  db_begin(d);
  for (long i = 0; i < n; i++) {
    deed x;
    gen_one(&x, i, codes, names, nm, themebuf, orgbuf);
    long long id = deed_insert(d, &x, "published", &e);
    if (!id) return fprintf(stderr, "search_bench: %s\n", e.msg), 1;
    csv_row(csv, id, &x);
    free(x.title), free(x.summary), free(x.starting_point), free(x.goal), free(x.actions), free(x.results);
    free(x.published_at);
    if ((i + 1) % 10000 == 0) fprintf(stderr, "  %ld deeds\n", i + 1);
  }
  db_commit(d);
  db_script(d, "INSERT INTO deed_fts(deed_fts) VALUES('optimize'); ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);");
  fclose(csv);
  db_close(d);
  return 0;
}

/* Wall-clock time; with KEHTO_BENCH_CLOCK=cpu the thread's CPU time instead (for comparing changes on a busy
 * machine; the published figures are wall-clock). */
static double now_ms(void) {
  struct timespec t;
  const char *c = getenv("KEHTO_BENCH_CLOCK");
  clock_gettime(c && !strcmp(c, "cpu") ? CLOCK_THREAD_CPUTIME_ID : CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

/* Each line of the queries file: words, optionally followed by " | sector=… year=… region=… theme=…". */
static void parse_filter(char *line, deed_filter *f) {
  *f = (deed_filter){.q = line};
  char *bar = strchr(line, '|');
  if (!bar) return;
  *bar = 0;
  for (char *t = strtok(bar + 1, " "); t; t = strtok(NULL, " ")) {
    if (!strncmp(t, "sector=", 7))
      f->sector = t + 7;
    else if (!strncmp(t, "region=", 7))
      f->region = t + 7;
    else if (!strncmp(t, "theme=", 6))
      f->theme = t + 6;
    else if (!strncmp(t, "year=", 5))
      f->year = atoi(t + 5);
  }
}

static int run(const char *path, const char *qpath, int rounds) {
  kerr e = {0};
  db *d = db_open(path, 0, search_attach, &e);
  FILE *qf = fopen(qpath, "r");
  if (!d || !qf) return fprintf(stderr, "search_bench: cannot open %s or %s\n", path, qpath), 1;
  char lines[128][256];
  int nq = 0;
  while (nq < 128 && fgets(lines[nq], sizeof lines[nq], qf))
    if (lines[nq][0] != '#' && lines[nq][0] != '\n') lines[nq][strcspn(lines[nq], "\n")] = 0, nq++;
  fclose(qf);
  double *t = calloc((size_t)(nq * rounds), sizeof *t), qsum[128] = {0}, cold[128];
  long long hits = 0, qtotal[128] = {0};
  int nt = 0;
  deed_filter none = {0}; /* builds the facet index, so that no query below pays for it */
  deed_result first;
  arena mem = {0};
  if (deed_search(d, &mem, &none, &first, &e) != K_OK) return fprintf(stderr, "search_bench: %s\n", e.msg), 1;
  arena_free(&mem);
  /* Round -1 is the first time each word is searched (its matches are not kept yet): reported apart as "cold".
   * The timed rounds after it find the words kept, as a running server does for words searched before. */
  for (int r = -1; r < rounds; r++) {
    for (int i = 0; i < nq; i++) {
      char line[256];
      strcpy(line, lines[i]);
      deed_filter f;
      parse_filter(line, &f);
      deed_result res;
      double t0 = now_ms();
      if (deed_search(d, &mem, &f, &res, &e) != K_OK) return fprintf(stderr, "search_bench: %s\n", e.msg), 1;
      double dt = now_ms() - t0;
      if (r < 0) cold[i] = dt;
      if (r >= 0) {
        t[nt++] = dt;
        hits += res.total;
        qsum[i] += dt;
        qtotal[i] = res.total;
      }
      arena_free(&mem);
    }
  }
  qsort(t, (size_t)nt, sizeof *t, cmp);
  double sum = 0;
  for (int i = 0; i < nt; i++) sum += t[i];
  printf("kehto deed_search (FTS5 + Voikko, facets and snippets): %d queries x %d rounds: p50 %.2f ms, p99 %.2f ms,"
         " mean %.2f ms, max %.2f ms (avg total %lld)\n",
         nq, rounds, t[nt / 2], t[(int)(nt * 0.99)], sum / nt, t[nt - 1], hits / nt);
  qsort(cold, (size_t)nq, sizeof *cold, cmp);
  printf("  cold (first search of each query's words since the data changed): p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
         cold[nq / 2], cold[(int)(nq * 0.99)], cold[nq - 1]);
  for (int k = 0; k < 5; k++) { /* the slowest queries, and how many deeds they match */
    int w = 0;
    for (int i = 1; i < nq; i++)
      if (qsum[i] > qsum[w]) w = i;
    printf("  slow: %-32s %6.2f ms  %lld deeds\n", lines[w], qsum[w] / rounds, qtotal[w]);
    qsum[w] = -1;
  }
  free(t);
  db_close(d);
  return 0;
}

int main(int argc, char **argv) {
  if (argc == 5 && !strcmp(argv[1], "generate")) return generate(argv[2], atol(argv[3]), argv[4]);
  if (argc == 5 && !strcmp(argv[1], "run")) return run(argv[2], argv[3], atoi(argv[4]));
  fprintf(stderr, "usage: search_bench generate DB N CSV | search_bench run DB QUERIES ROUNDS\n");
  return 2;
}
