/* Unit tests for search/thesaurus: the shipped data/sanasto.tsv, the line format, label splitting, own entries. */
#include "testdb.h"

#include "core/embed.h"
#include "search/morph.h"
#include "search/thesaurus.h"

static const char *const LANG[3] = {"fi", "sv", "en"};

/* The group that has label in language lang, or NULL. */
static const thes_group *group_of(const thes_group *g, int n, int lang, const char *label) {
  for (int i = 0; i < n; i++)
    for (int k = 0; k < g[i].nlabel[lang]; k++)
      if (strcmp(g[i].label[lang][k], label) == 0) return &g[i];
  return NULL;
}

/* Asserts that every label of the list (fi, sv, en: lang and label pairs) is in one and the same group. */
static void same_group(const thes_group *g, int n, const char *first, int lang, const char *label) {
  const thes_group *a = group_of(g, n, THES_FI, first);
  const thes_group *b = group_of(g, n, lang, label);
  if (!a) fail_msg("no group has the Finnish label \"%s\"", first);
  if (!b) fail_msg("no group has the %s label \"%s\"", LANG[lang], label);
  if (a != b)
    fail_msg("\"%s\" (line %d) and %s \"%s\" (line %d) are in different groups", first, a->line, LANG[lang], label,
             b->line);
}

static void test_shipped_file_parses(void **s) {
  arena a = {0};
  const struct embed_file *f = embed_get("data/sanasto.tsv");
  assert_non_null(f);
  thes_group *g;
  int bad = -1, first = -1;
  int n = thes_parse(&a, (const char *)f->data, f->len, &g, &bad, &first);
  if (bad) fail_msg("data/sanasto.tsv: %d malformed lines, the first on line %d", bad, first);
  if (n < 400) fail_msg("data/sanasto.tsv has %d groups, expected at least 400", n);
  thes_group *b;
  assert_int_equal(thes_builtin(&a, &b), n);
  for (int i = 0; i < n; i++) {
    assert_int_equal(g[i].id, 0);
    assert_true(g[i].line > 0);
    assert_true(g[i].nlabel[THES_FI] >= 1);
    assert_true(g[i].nlabel[THES_FI] + g[i].nlabel[THES_SV] + g[i].nlabel[THES_EN] >= 2);
    for (int l = 0; l < 3; l++) {
      assert_null(g[i].label[l][g[i].nlabel[l]]);
      for (int k = 0; k < g[i].nlabel[l]; k++) assert_true(strlen(g[i].label[l][k]) <= 100);
    }
    if (!*g[i].note) fail_msg("data/sanasto.tsv line %d has no note", g[i].line);
  }
  arena_free(&a);
}

/* The kinds of group a label may be in once each: synonyms (and abbreviations, changed terms), "johdos", "liittyvä". */
enum { KIND_SYN, KIND_DERIV, KIND_RELATED };
static const char *const KIND[3] = {"synonyms", "johdos", "liittyvä"};

static int kind_of(const thes_group *g) {
  if (g->derivation) return KIND_DERIV;
  return g->related ? KIND_RELATED : KIND_SYN;
}

typedef struct use {
  int kind, lang, line;
  const char *label;
} use;

static int use_cmp(const void *x, const void *y) {
  const use *a = x, *b = y;
  if (a->kind != b->kind) return a->kind - b->kind;
  if (a->lang != b->lang) return a->lang - b->lang;
  int c = strcmp(a->label, b->label);
  return c ? c : a->line - b->line;
}

/* A label in two synonym groups (or two derivation groups, or two groups of related terms) of one language would
 * join them by accident. */
static void test_no_label_in_two_groups_of_a_kind(void **s) {
  arena a = {0};
  thes_group *g;
  int n = thes_builtin(&a, &g), nu = 0, total = 0;
  for (int i = 0; i < n; i++) total += g[i].nlabel[THES_FI] + g[i].nlabel[THES_SV] + g[i].nlabel[THES_EN];
  use *u = arena_alloc(&a, sizeof *u * (size_t)(total + 1));
  for (int i = 0; i < n; i++)
    for (int l = 0; l < 3; l++)
      for (int k = 0; k < g[i].nlabel[l]; k++) u[nu++] = (use){kind_of(&g[i]), l, g[i].line, g[i].label[l][k]};
  qsort(u, (size_t)nu, sizeof *u, use_cmp);
  int dup = 0;
  for (int i = 1; i < nu; i++)
    if (u[i].kind == u[i - 1].kind && u[i].lang == u[i - 1].lang && strcmp(u[i].label, u[i - 1].label) == 0) {
      print_error("%s \"%s\" is on lines %d and %d (%s)\n", LANG[u[i].lang], u[i].label, u[i - 1].line, u[i].line,
                  KIND[u[i].kind]);
      dup++;
    }
  assert_int_equal(dup, 0);
  arena_free(&a);
}

/* The examples of issue #17 (labels in base form: search lemmatises "ikäihmiset" to "ikäihminen"). */
static void test_examples_of_the_issue(void **s) {
  arena a = {0};
  thes_group *g;
  int n = thes_builtin(&a, &g);
  same_group(g, n, "esihenkilö", THES_FI, "esimies");
  same_group(g, n, "sote", THES_FI, "sosiaali- ja terveyspalvelut");
  same_group(g, n, "työhyvinvointi", THES_FI, "tyhy");
  same_group(g, n, "työhyvinvointi", THES_FI, "tyky");
  same_group(g, n, "työhyvinvointi", THES_SV, "arbetshälsa");
  same_group(g, n, "ikääntynyt", THES_FI, "ikäihminen");
  same_group(g, n, "ikääntynyt", THES_FI, "vanhus");
  same_group(g, n, "varhaiskasvatus", THES_FI, "päiväkoti");
  same_group(g, n, "kotihoito", THES_SV, "hemvård");
  same_group(g, n, "kotihoito", THES_EN, "home care");
  assert_string_equal(group_of(g, n, THES_FI, "esimies")->label[THES_FI][0], "esihenkilö"); /* the preferred term */
  const thes_group *d = group_of(g, n, THES_FI, "kehittäminen");
  assert_non_null(d);
  assert_true(d->derivation);
  assert_non_null(group_of(g, n, THES_FI, "tyhy")); /* written TYHY in the file: lowercased */
  assert_false(group_of(g, n, THES_FI, "tyhy")->derivation);
  arena_free(&a);
}

/* A new Voikko analyser (the caller frees it with morph_free); fails the test when Voikko is missing. */
static morph *analyser(void) {
  kerr e = {0};
  morph *m = morph_new(&e);
  if (!m) fail_msg("morph_new: %s", e.msg);
  return m;
}

/* 1 when Voikko gives the one-word Finnish label w as one of its own lemmas (it is a base form); *known gets whether
 * Voikko knows the word at all. */
static int base_form(morph *m, const char *w, int *known) {
  morph_terms_t t;
  morph_terms(m, w, strlen(w), &t);
  *known = t.known;
  const char *p = t.terms;
  for (int j = 0; j < t.nlemma; j++, p += strlen(p) + 1)
    if (strcmp(p, w) == 0) return 1;
  return 0;
}

/* Labels are in base form: a one-word Finnish label ending in -t (a plural's nominative: "vanhuspalvelut") must be one
 * of its own lemmas by Voikko, as search analyses it. */
static void test_finnish_labels_are_base_forms(void **s) {
  morph *m = analyser();
  arena a = {0};
  thes_group *g;
  int n = thes_builtin(&a, &g), bad = 0, known;
  for (int i = 0; i < n; i++)
    for (int k = 0; k < g[i].nlabel[THES_FI]; k++) {
      const char *w = g[i].label[THES_FI][k];
      size_t len = strlen(w);
      if (strchr(w, ' ') || len < 3 || w[len - 1] != 't') continue;
      if (!base_form(m, w, &known)) {
        print_error("line %d: \"%s\" is not a base form\n", g[i].line, w);
        bad++;
      }
    }
  assert_int_equal(bad, 0);
  morph_free(m);
  arena_free(&a);
}

/* The line of a synonym group of language lang that has both labels x and y, or 0. */
static int synonyms_already(const thes_group *g, int n, int lang, const char *x, const char *y) {
  for (int i = 0; i < n; i++) {
    if (kind_of(&g[i]) != KIND_SYN) continue;
    int hx = 0, hy = 0;
    for (int k = 0; k < g[i].nlabel[lang]; k++) {
      hx |= strcmp(g[i].label[lang][k], x) == 0;
      hy |= strcmp(g[i].label[lang][k], y) == 0;
    }
    if (hx && hy) return g[i].line;
  }
  return 0;
}

/* 1 when x is a whole word of the label y ("kirjasto" of "liikkuva kirjasto", "library" of "mobile library"), or
 * the one-word Finnish label y starts or ends with x or Voikko reads it as a compound with x as its head or a part
 * before it (kirjastoauto, sisäilmaoire): search finds those already. */
static int compound_of(morph *m, int lang, const char *x, const char *y) {
  size_t n = strlen(x);
  for (const char *p = strstr(y, x); p; p = strstr(p + 1, x))
    if ((p == y || p[-1] == ' ' || p[-1] == '-') && (!p[n] || p[n] == ' ' || p[n] == '-')) return 1;
  if (lang != THES_FI || strchr(y, ' ')) return 0;
  size_t ny = strlen(y);
  morph_terms_t t;
  morph_terms(m, y, strlen(y), &t);
  /* a word Voikko does not know that starts or ends with the other (sisäilma: sisäilmaoire); one it knows only by its
   * parts (kirjasto is no compound of kirja) */
  if (!t.known && n >= 4 && ny > n && (!strncmp(y, x, n) || !strcmp(y + ny - n, x))) return 1;
  const char *p = t.terms;
  for (int j = 0; j < t.nterms; j++, p += strlen(p) + 1)
    if (j >= t.nlemma && (*p == MORPH_MODIFIER || *p == MORPH_HEAD) && strcmp(p + 1, x) == 0) return 1;
  return 0;
}

/* The faults of one group of related terms in language lang, each printed: a pair of its labels that a synonym group
 * already joins, a label that is a compound of another, a one-word Finnish label that is a plural (as the test above)
 * or that Voikko does not know (a typo) unless an earlier group has it (mentorointi, chatbot). */
static int related_faults(morph *m, const thes_group *g, int n, const thes_group *r, int lang) {
  int bad = 0, known, line;
  for (int x = 0; x < r->nlabel[lang]; x++) {
    const char *w = r->label[lang][x];
    size_t len = strlen(w);
    if (lang == THES_FI && !strchr(w, ' ') && !base_form(m, w, &known) && w[len - 1] == 't') {
      print_error("line %d: \"%s\" is not a base form\n", r->line, w);
      bad++;
    } else if (lang == THES_FI && !strchr(w, ' ') && !known && group_of(g, n, THES_FI, w) == r) {
      print_error("line %d: Voikko does not know \"%s\" (a typo?), nor is it a label of an earlier group\n", r->line,
                  w);
      bad++;
    }
    for (int y = 0; y < r->nlabel[lang]; y++) {
      const char *v = r->label[lang][y];
      if (x == y) continue;
      if (x < y && (line = synonyms_already(g, n, lang, w, v))) {
        print_error("line %d: %s \"%s\" and \"%s\" are synonyms on line %d\n", r->line, LANG[lang], w, v, line);
        bad++;
      }
      if (compound_of(m, lang, w, v)) {
        print_error("line %d: %s \"%s\" is a compound of \"%s\"\n", r->line, LANG[lang], v, w);
        bad++;
      }
    }
  }
  return bad;
}

/* Asserts that one group of related terms has both Finnish labels x and y. */
static void related(const thes_group *g, int n, const char *x, const char *y) {
  for (int i = 0; i < n; i++)
    if (kind_of(&g[i]) == KIND_RELATED && group_of(&g[i], 1, THES_FI, x) && group_of(&g[i], 1, THES_FI, y)) return;
  fail_msg("no group of related terms has both \"%s\" and \"%s\"", x, y);
}

/* The related terms (note "liittyvä"): 200-900 groups of 2-6 Finnish labels, none of them synonyms of each other,
 * a compound of each other or not a base form. */
static void test_related_terms(void **s) {
  morph *m = analyser();
  arena a = {0};
  thes_group *g;
  int n = thes_builtin(&a, &g), nrel = 0, bad = 0;
  for (int i = 0; i < n; i++) {
    if (kind_of(&g[i]) != KIND_RELATED) continue;
    nrel++;
    if (g[i].nlabel[THES_FI] < 2 || g[i].nlabel[THES_FI] > 6) {
      print_error("line %d: %d Finnish labels, not 2-6\n", g[i].line, g[i].nlabel[THES_FI]);
      bad++;
    }
    for (int l = 0; l < THES_NLANG; l++) bad += related_faults(m, g, n, &g[i], l);
  }
  if (nrel < 200 || nrel > 900) fail_msg("%d groups of related terms, expected 200-900", nrel);
  assert_int_equal(bad, 0);
  related(g, n, "talvikunnossapito", "liukkaudentorjunta");
  related(g, n, "robotiikka", "robotti");
  related(g, n, "ilmastonmuutos", "päästövähennys");
  related(g, n, "rekrytointi", "työpaikkailmoitus");
  assert_null(group_of(g, n, THES_FI, "kirjastoauto")); /* a compound of kirjasto: search finds it already */
  morph_free(m);
  arena_free(&a);
}

static void test_split(void **s) {
  arena a = {0};
  char **v;
  assert_int_equal(
      thes_split(&a, "  Sosiaali-  ja TERVEYSPALVELUT \r\n|ÄLDREOMSORG||sosiaali- ja terveyspalvelut\n\n", &v), 2);
  assert_string_equal(v[0], "sosiaali- ja terveyspalvelut");
  assert_string_equal(v[1], "äldreomsorg");
  assert_null(v[2]);
  assert_int_equal(thes_split(&a, NULL, &v), 0);
  assert_null(v[0]);
  assert_int_equal(thes_split(&a, " \n | ", &v), 0);
  assert_null(v[0]);
  arena_free(&a);
}

static void test_malformed_lines_are_skipped(void **s) {
  arena a = {0};
  const char *text = "# comment\n"
                     "\n"
                     "esihenkilö|esimies\t\t\tmuuttunut termi\n"               /* line 3: good */
                     "vain\tkaksi\n"                                           /* 4: two fields */
                     "a\tb\tc\td\te\n"                                         /* 5: five fields */
                     "\themvård\thome care\tsynonyymi\n"                       /* 6: no Finnish label */
                     "yksin\t\t\tsynonyymi\n"                                  /* 7: one label in all */
                     "kehitys|kehittäminen\tutveckling\tdevelopment\tjohdos\n" /* 8: good, derivation */
                     "TYHY\ttyhy\tTYHY";                                       /* 9: good, no note, no final newline */
  thes_group *g;
  int bad, first;
  int n = thes_parse(&a, text, strlen(text), &g, &bad, &first);
  assert_int_equal(n, 3);
  assert_int_equal(bad, 4);
  assert_int_equal(first, 4);
  assert_int_equal(g[0].line, 3);
  assert_int_equal(g[0].nlabel[THES_FI], 2);
  assert_int_equal(g[0].nlabel[THES_SV], 0);
  assert_null(g[0].label[THES_SV][0]);
  assert_string_equal(g[0].note, "muuttunut termi");
  assert_false(g[0].derivation);
  assert_int_equal(g[1].line, 8);
  assert_true(g[1].derivation);
  assert_int_equal(g[2].line, 9);
  assert_string_equal(g[2].label[THES_EN][0], "tyhy");
  assert_string_equal(g[2].note, "");
  arena_free(&a);
}

static void test_own_entries_come_first(void **s) {
  (void)testdb_deed; /* testdb.h's deed helper: no deeds here */
  db *d = testdb_open();
  arena a = {0};
  kerr e = {0};
  thes_group *b, *g;
  int nb = thes_builtin(&a, &b);
  assert_int_equal(thes_load(d, &a, &g, &e), nb);
  assert_int_equal(db_exec(d, "INSERT INTO thesaurus(fi, sv, en, note, updated_at) VALUES(?1, ?2, ?3, ?4, ?5)", "ttttt",
                           "Kuntakokeilu\nkokeilukunta", "", "Municipal Pilot ", "ohjelman oma",
                           "2026-12-06T10:00:00Z"),
                   DB_OK);
  assert_int_equal(db_exec(d, "INSERT INTO thesaurus(fi, sv, en, note, updated_at) VALUES(?1, ?2, ?3, ?4, ?5)", "ttttt",
                           "tekojen tori", "gärningstorget", "", "johdos", "2026-12-06T10:00:00Z"),
                   DB_OK);
  assert_int_equal(db_exec(d, "INSERT INTO thesaurus(fi, sv, en, note, updated_at) VALUES(?1, ?2, ?3, '', ?4)", "tttt",
                           "", "bara svenska", "only english", "2026-12-06T10:00:00Z"),
                   DB_OK); /* no Finnish label: left out */
  assert_int_equal(db_exec(d, "INSERT INTO thesaurus(fi, sv, en, note, updated_at) VALUES(?1, '', '', '', ?2)", "tt",
                           "yksin\n yksin ", "2026-12-06T10:00:00Z"),
                   DB_OK); /* one label, written twice: left out */
  int n = thes_load(d, &a, &g, &e);
  assert_int_equal(n, nb + 2);
  assert_true(g[0].id > 0 && g[1].id > g[0].id);
  assert_int_equal(g[0].line, 0);
  assert_int_equal(g[0].nlabel[THES_FI], 2);
  assert_string_equal(g[0].label[THES_FI][0], "kuntakokeilu");
  assert_string_equal(g[0].label[THES_FI][1], "kokeilukunta");
  assert_string_equal(g[0].label[THES_EN][0], "municipal pilot");
  assert_null(g[0].label[THES_SV][0]);
  assert_false(g[0].derivation);
  assert_true(g[1].derivation);
  assert_int_equal(g[2].id, 0);
  assert_int_equal(g[2].line, b[0].line);
  assert_string_equal(g[n - 1].label[THES_FI][0], b[nb - 1].label[THES_FI][0]);
  assert_int_equal(db_exec(d, "DROP TABLE thesaurus", ""), DB_OK); /* a failing database is an error, not a list */
  assert_int_equal(thes_load(d, &a, &g, &e), -1);
  assert_non_null(e.msg);
  kerr_clear(&e);
  arena_free(&a);
  db_close(d);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_shipped_file_parses),
      cmocka_unit_test(test_no_label_in_two_groups_of_a_kind),
      cmocka_unit_test(test_examples_of_the_issue),
      cmocka_unit_test(test_finnish_labels_are_base_forms),
      cmocka_unit_test(test_related_terms),
      cmocka_unit_test(test_split),
      cmocka_unit_test(test_malformed_lines_are_skipped),
      cmocka_unit_test(test_own_entries_come_first),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
