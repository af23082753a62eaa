/* fuzz_deed_search: the whole search of published deeds (deed_search) with free text and filters from the input, on a
 * small database: FTS5 MATCH through the kehto tokenizer, ranking, facets and snippets. User text never fails. */
#include "fuzz.h"

#include "model/deed.h"
#include "model/refdata.h"
#include "search/search.h"

static db *d;

static void add(const char *title, const char *body, const char *org, const char *sector, int year,
                const char *themes) {
  deed x = {0};
  x.title = (char *)title;
  x.summary = (char *)body;
  x.goal = (char *)"";
  x.results = (char *)"";
  x.org_name = (char *)org;
  x.municipality_code = (char *)"091";
  x.sector_code = (char *)sector;
  x.year = year;
  x.themes = (char *)themes;
  kerr e = {0};
  if (!deed_insert(d, &x, "published", &e)) {
    fprintf(stderr, "fuzz_deed_search: deed_insert: %s\n", e.msg);
    exit(1);
  }
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  kerr e = {0};
  d = db_open(":memory:", 1, search_attach, &e);
  if (!d || refdata_load(d, &e) != K_OK) {
    fprintf(stderr, "fuzz_deed_search: %s\n", e.msg);
    exit(1);
  }
  add("Työhyvinvointia kotihoitoon", "Kotihoidon työntekijät suunnittelivat työvuorot yhdessä.", "Helsingin kaupunki",
      "sote", 2019, "työhyvinvointi,työvuorot");
  add("Tekoäly asiakaspalvelussa", "Robotiikka ja tekoäly vapauttivat aikaa asiakkaille.", "Esimerkki Oy", "sote", 2020,
      "tekoäly,digitalisaatio");
  add("Koulun \"hyvinvointi\" <b>ryhmä</b>", "Opettajat ja oppilaat: hyvinvointi AND yhteisöllisyys OR NOT *", "Koulu",
      "sote", 2018, "hyvinvointi");
  add("Ympäristötyön johtaminen", "Esihenkilöt oppivat valmentavaa johtamista; johtaminen kehittyi.", "Kunta", "sote",
      2017, "johtaminen");
  return 0;
}

static const char *const sectors[] = {NULL, "", "sote", "x\"'", "opetus"};
static const char *const regions[] = {NULL, "FI1B1", "", "FI1B1'--"};
static const char *const themes[] = {NULL, "hyvinvointi", "TEKOÄLY", "%", "_"};
static const char *const langs[] = {NULL, "fi", "sv", "en", "xx"};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  uint8_t c = size ? data[0] : 0, c2 = size > 1 ? data[1] : 0;
  char *q = fuzz_cstr(size > 2 ? data + 2 : data, size > 2 ? size - 2 : 0);
  deed_filter f = {0};
  f.q = q;
  f.sector = sectors[c % 5];
  f.region = regions[(c / 5) % 4];
  f.theme = themes[(c / 20) % 5];
  f.lang = langs[(c / 100) % 3 + (c2 & 1) * 2];
  f.year = (c2 & 2) ? 2015 + c2 % 7 : 0;
  f.limit = (int)(signed char)c2 * 37;
  f.offset = (c2 & 4) ? (int)(signed char)c * 1000003 : 0;
  deed_result r;
  kerr e = {0};
  arena mem = {0};
  int rc = deed_search(d, &mem, &f, &r, &e);
  if (rc != K_OK) fprintf(stderr, "fuzz_deed_search: %s\n", e.msg);
  FUZZ_CHECK(rc == K_OK); /* user text never causes an error */
  FUZZ_CHECK(r.nhits >= 0 && r.nhits <= r.total && r.total <= 4);
  arena_free(&mem);
  kerr_clear(&e);
  free(q);
  return 0;
}
