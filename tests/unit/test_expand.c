/* Unit tests for search/expand: what a query finds beyond its own words: typos and missing umlauts ("Tarkoititko"),
 * unfinished words, derivations, compounds both ways, the thesaurus (old terms, abbreviations, Swedish, English,
 * the programme's own entries), ranking of expansions below exact matches, and homographs that must not flood. */
#include "testdb.h"

#include "search/expand.h"
#include "search/search.h"

static arena mem;

static deed_result find(db *d, const char *q, const char *lang) {
  deed_result r;
  kerr e = {0};
  deed_filter f = {.q = q, .lang = lang, .limit = 50};
  if (deed_search(d, &mem, &f, &r, &e) != K_OK) fail_msg("deed_search: %s", e.msg);
  return r;
}

static int found(const deed_result *r, long long id) {
  for (int i = 0; i < r->nhits; i++)
    if (r->hits[i].id == id) return i + 1;
  return 0;
}

/* Asserts that deed id is the only one found. */
static void assert_only(const deed_result *r, long long id) {
  assert_int_equal(found(r, id), 1);
  assert_int_equal(r->nhits, 1);
}

/* A small library: each deed says one thing in one way. */
typedef struct lib {
  long long wellbeing, homecare, supervisor, developer, development, parts, fire, came, swedish, waste, sote;
} lib;

static db *library(lib *l) {
  db *d = testdb_open();
  l->wellbeing = testdb_text(d, "Työhyvinvointi kuntoon", "Panostimme työhyvinvointiin koko talossa.");
  l->homecare = testdb_text(d, "Kotihoidon reitit", "Kotihoidon työntekijät suunnittelivat reitit.");
  l->supervisor = testdb_text(d, "Esihenkilöiden valmennus", "Esihenkilöt oppivat toisiltaan.");
  l->developer = testdb_text(d, "Asiakkaat kehittäjinä", "Kehittäjäryhmä kokoontui.");
  l->development = testdb_text(d, "Palvelujen kehitys", "Kehitys jatkui.");
  l->parts = testdb_text(d, "Hyvinvointi töissä", "Työn hyvinvointi ja työ.");
  l->fire = testdb_text(d, "Tuli ja turvallisuus", "Tulen käsittely ja palovaroittimet.");
  l->came = testdb_text(d, "Kevät tuli", "Uusi malli tuli käyttöön ja henkilöstö tuli mukaan.");
  l->swedish = testdb_text(d, "Hemvården i Vasa", "Hemvården planerade rutterna.");
  l->waste = testdb_text(d, "Jätehuolto", "Jätteiden lajittelu parani.");
  l->sote = testdb_text(d, "Sosiaali- ja terveyspalvelut yhteen", "Sote-palvelujen asiakasohjaus yhdistettiin.");
  return d;
}

static void test_typos_and_umlauts_are_corrected_and_said(void **s) {
  lib l;
  db *d = library(&l);
  deed_result r = find(d, "tyohyvinvointi", NULL);
  assert_true(found(&r, l.wellbeing));
  assert_non_null(r.corrected);
  assert_string_equal(r.corrected, "työhyvinvointi");
  r = find(d, "työhyvinvionti", NULL); /* two letters swapped */
  assert_int_equal(found(&r, l.wellbeing), 1);
  assert_non_null(r.corrected);
  r = find(d, "jatehuolto", NULL);
  assert_true(found(&r, l.waste));
  r = find(d, "työhyvinvointi", NULL); /* a word the index knows is never corrected */
  assert_null(r.corrected);
  arena_free(&mem);
  db_close(d);
}

/* Typos Voikko has no suggestion for: an inflected word one edit from a word the index has (vanhurset: vanhukset,
 * whose base form vanhus the deeds use), and a word one edit from a thesaurus label the deeds have only derived
 * (mentooida: mentoroida, mentorointi). */
static void test_typos_without_suggestions(void **s) {
  db *d = testdb_open();
  long long old = testdb_text(d, "Vanhusten ulkoilu", "Vanhukset ulkoilivat joka päivä.");
  long long mentor = testdb_text(d, "Mentorointi", "Uudet hoitajat saivat mentoroinnin.");
  deed_result r = find(d, "vanhurset", NULL);
  assert_int_equal(found(&r, old), 1);
  assert_non_null(r.corrected);
  assert_string_equal(r.corrected, "vanhukset");
  r = find(d, "mentooida", NULL);
  assert_int_equal(found(&r, mentor), 1);
  assert_non_null(r.corrected);
  /* a typo Voikko reads as another compound (lastinsuojelu, "cargo protection"), one edit from an indexed word */
  long long child = testdb_text(d, "Lastensuojelu", "Lastensuojelun sosiaalityö uudistui.");
  r = find(d, "lastinsuojelu", NULL);
  assert_int_equal(found(&r, child), 1);
  assert_non_null(r.corrected);
  assert_string_equal(r.corrected, "lastensuojelu");
  /* a typo of a compound no deed uses whose parts the deeds have: Voikko's suggestion, searched for by its parts */
  long long storm = testdb_text(d, "Hulevesien hallinta", "Hulevedet ohjattiin pois, ja tulva vältettiin.");
  r = find(d, "hulvesitulva", NULL);
  assert_int_equal(found(&r, storm), 1);
  assert_non_null(r.corrected);
  assert_string_equal(r.corrected, "hulevesitulva");
  arena_free(&mem);
  db_close(d);
}

/* An unfinished word is not read as a shorter word: päiväko is päiväkoti, not päivä with the clitic -ko, nor, typed
 * without ä and ö (paivako), päiväkö; vakiva is väkivalta, not Voikko's suggestion vaiva. */
/* A typo one edit from a word no deed uses but the thesaurus has (vanhurset: vanhukset, whose synonym ikäihminen the
 * deeds use). */
static void test_typo_of_a_thesaurus_word(void **s) {
  db *d = testdb_open();
  long long old = testdb_text(d, "Ikäihmisten ulkoilu", "Ikäihmiset ulkoilivat.");
  deed_result r = find(d, "vanhurset", NULL);
  assert_int_equal(found(&r, old), 1);
  assert_non_null(r.corrected);
  arena_free(&mem);
  db_close(d);
}

static void test_unfinished_words_are_not_shorter_words(void **s) {
  db *d = testdb_open();
  long long kid = testdb_text(d, "Päiväkodin piha", "Päiväkodin piha uusittiin.");
  long long day = testdb_text(d, "Päivän kulku", "Päivä alkoi aamupalalla ja päivät olivat pitkiä.");
  long long vio = testdb_text(d, "Väkivallan ehkäisy", "Väkivaltatilanteet vähenivät.");
  long long ache = testdb_text(d, "Selän vaivat", "Vaivat helpottivat.");
  deed_result r = find(d, "päiväko", NULL);
  assert_int_equal(found(&r, kid), 1);
  assert_false(found(&r, day));
  r = find(d, "paivako", NULL);
  assert_int_equal(found(&r, kid), 1);
  assert_false(found(&r, day));
  r = find(d, "vakiva", NULL);
  assert_int_equal(found(&r, vio), 1);
  assert_false(found(&r, ache));
  arena_free(&mem);
  db_close(d);
}

/* An unfinished word that is an inflected stem starts no lemma of the index: ikäihmis is ikäihminen (ikäihmiset),
 * asiakk asiakas (asiakkaat; a deed that writes only "asiakas" too), not the rarer asiakkuus that starts with it. */
static void test_unfinished_stems(void **s) {
  db *d = testdb_open();
  long long older = testdb_text(d, "Ikäihmisten liikunta", "Ikäihmiset liikkuivat enemmän.");
  long long client = testdb_text(d, "Palvelu nopeutui", "Asiakas sai vastauksen samana päivänä.");
  testdb_text(d, "Asiakkaat mukaan", "Asiakkaat kertoivat toiveensa.");
  testdb_text(d, "Asiakkuudet", "Asiakkuus hoidettiin.");
  deed_result r = find(d, "ikäihmis", NULL);
  assert_int_equal(found(&r, older), 1);
  r = find(d, "asiakk", NULL);
  assert_true(found(&r, client));
  arena_free(&mem);
  db_close(d);
}

static void test_unfinished_words_and_explicit_prefixes(void **s) {
  lib l;
  db *d = library(&l);
  deed_result r = find(d, "työhyv", NULL);
  assert_int_equal(found(&r, l.wellbeing), 1);
  assert_null(r.corrected);
  r = find(d, "kotiho*", NULL);
  assert_true(found(&r, l.homecare));
  r = find(d, "tyohyv", NULL); /* unfinished and typed without ä and ö */
  assert_int_equal(found(&r, l.wellbeing), 1);
  r = find(d, "tuli", NULL); /* a known word stays itself: not a prefix of tulen, tulevaisuus… */
  assert_false(found(&r, l.wellbeing));
  arena_free(&mem);
  db_close(d);
}

/* An explicit prefix that is a word in its base form also means that word (ilmasto*: työilmasto, whose head it is),
 * below the words it starts; one that is only an inflected form means nothing more (hankin*: not hanki, hanko). */
static void test_explicit_prefix_of_a_base_form(void **s) {
  db *d = testdb_open();
  long long plan = testdb_text(d, "Ilmasto-ohjelma", "Ilmasto-ohjelma hyväksyttiin.");
  long long mood = testdb_text(d, "Parempi työilmasto", "Työilmasto parani kyselyn mukaan.");
  long long buy = testdb_text(d, "Hankinnat", "Hankintojen kriteerit uusittiin.");
  long long snow = testdb_text(d, "Talvi", "Hanki kantoi hiihtäjät.");
  deed_result r = find(d, "ilmasto*", NULL);
  assert_int_equal(found(&r, plan), 1);
  assert_int_equal(found(&r, mood), 2);
  r = find(d, "hankin*", NULL);
  assert_int_equal(found(&r, buy), 1);
  assert_false(found(&r, snow));
  arena_free(&mem);
  db_close(d);
}

/* A derivation of a compound's head (koulutus: kouluttaa) finds a deed only with the parts before the head
 * (kielikoulutus: kieltä koulutettiin, not every deed where someone was trained); kouluterveys finds the compounds
 * it starts, inflected (kouluterveydenhoitaja). */
static void test_compound_derivations_keep_their_modifier(void **s) {
  db *d = testdb_open();
  long long lang = testdb_text(d, "Kielikurssit", "Hoitajia koulutettiin suomen kieleen.");
  long long other = testdb_text(d, "Ensiapu", "Kaikki koulutettiin ensiapuun.");
  long long nurse = testdb_text(d, "Tarkastukset", "Kouluterveydenhoitajan tarkastukset laajenivat.");
  deed_result r = find(d, "kielikoulutus", NULL);
  assert_true(found(&r, lang));
  assert_false(found(&r, other));
  r = find(d, "kouluterveys", NULL);
  assert_int_equal(found(&r, nurse), 1);
  arena_free(&mem);
  db_close(d);
}

/* An unfinished word means the concept of the thesaurus it starts, though the index's most common word that starts
 * with it is a longer compound: kyberturv finds kyberturvallisuusosaaminen and, through kyberturvallisuus's related
 * words, tietoturva. */
static void test_unfinished_word_means_its_concept(void **s) {
  db *d = testdb_open();
  long long skills = testdb_text(d, "Osaaminen",
                                 "Kyberturvallisuusosaamista vahvistettiin. Kyberturvallisuusosaaminen "
                                 "kasvoi.");
  long long security = testdb_text(d, "Tietoturva", "Tietoturvaa parannettiin.");
  deed_result r = find(d, "kyberturv", NULL);
  assert_int_equal(found(&r, skills), 1);
  assert_true(found(&r, security));
  arena_free(&mem);
  db_close(d);
}

/* A compound the deeds do not use finds them with a part put in other words: kesäduuni (duuni: työ) finds kesätyö
 * and "kesän työt", not a deed with only one of the parts. */
static void test_compound_with_a_part_in_other_words(void **s) {
  db *d = testdb_open();
  long long job = testdb_text(d, "Kesätyöt nuorille", "Kaupunki tarjosi kesätyön sadalle nuorelle.");
  long long words = testdb_text(d, "Kesä", "Kesän työt jaettiin nuorille.");
  long long other = testdb_text(d, "Työ", "Työ jatkui syksyllä.");
  deed_result r = find(d, "kesäduuni", NULL);
  assert_int_equal(found(&r, job), 1);
  assert_true(found(&r, words));
  assert_false(found(&r, other));
  arena_free(&mem);
  db_close(d);
}

/* A Swedish or English word finds what its Finnish synonym finds when typed: the synonym's derivations and parts
 * too (memory disorder, minnessjukdom: muistisairaus, and so muistisairaat, whose base form is muistisairas). */
static void test_swedish_and_english_as_their_finnish(void **s) {
  db *d = testdb_open();
  long long care = testdb_text(d, "Kotona asuvat", "Muistisairaat asuivat kotona pidempään.");
  deed_result r = find(d, "muistisairaus", NULL);
  assert_int_equal(found(&r, care), 1);
  r = find(d, "memory disorder", "en");
  assert_int_equal(found(&r, care), 1);
  r = find(d, "minnessjukdom", "sv");
  assert_int_equal(found(&r, care), 1);
  /* and the related terms of its Finnish synonym: physical therapy is fysioterapia, whose related terms have
   * kuntoutus */
  long long rehab = testdb_text(d, "Kuntoutus", "Kuntoutus siirtyi koteihin.");
  r = find(d, "physical therapy", "en");
  assert_true(found(&r, rehab));
  arena_free(&mem);
  db_close(d);
}

/* A compound typed apart (koti hoito, sosiaali työ) means the compound: a deed on kotihoito comes before one where
 * koti and hoito only stand side by side; a genitive and a noun stay a phrase of two words. */
static void test_compound_typed_apart(void **s) {
  db *d = testdb_open();
  long long care = testdb_text(d, "Kotihoidon reitit", "Kotihoito suunnitteli reitit.");
  long long apart = testdb_text(d, "Koti ja hoito", "Koti on hoidon paikka: hoito kotona, koti hoidon tukena.");
  long long social = testdb_text(d, "Sosiaalityö", "Sosiaalityön asiakkaat.");
  deed_result r = find(d, "koti hoito", NULL);
  assert_int_equal(found(&r, care), 1);
  assert_true(found(&r, apart)); /* its parts as separate words, below */
  r = find(d, "sosiaali työ", NULL);
  assert_int_equal(found(&r, social), 1);
  exp_plan p;
  kerr e = {0};
  assert_int_equal(exp_plan_build(d, &mem, "kodin hoito", NULL, &p, &e), K_OK); /* a genitive: two words */
  assert_int_equal(p.n, 2);
  assert_int_equal(exp_plan_build(d, &mem, "koti hoito", NULL, &p, &e), K_OK);
  assert_int_equal(p.n, 1);
  /* pronouns, conjunctions and adpositions in any form say nothing of the deeds: no concepts of their own */
  assert_int_equal(exp_plan_build(d, &mem, "opettajien työaika ja sen seuranta", NULL, &p, &e), K_OK);
  assert_int_equal(p.n, 3);
  assert_int_equal(exp_plan_build(d, &mem, "esihenkilöt ja heidän kanssaan", NULL, &p, &e), K_OK);
  assert_int_equal(p.n, 1);
  assert_int_equal(exp_plan_build(d, &mem, "me-henki", NULL, &p, &e), K_OK); /* a part of a word: kept */
  assert_int_equal(p.c[0].alt[0].nslot, 2);
  arena_free(&mem);
  db_close(d);
}

/* A Swedish word in its definite form meets the thesaurus label too, though Snowball's Swedish stemmer leaves the
 * ending on (arbetsförmågan, arbetarskyddet: arbetsförmåga, arbetarskydd). */
static void test_swedish_definite_forms(void **s) {
  db *d = testdb_open();
  long long ability = testdb_text(d, "Työkyky", "Työkyvyn tuki vahvistui.");
  long long safety = testdb_text(d, "Työsuojelu", "Työsuojelun toimikunta kokoontui.");
  deed_result r = find(d, "arbetsförmågan", "sv");
  assert_int_equal(found(&r, ability), 1);
  r = find(d, "arbetarskyddet", "sv");
  assert_int_equal(found(&r, safety), 1);
  arena_free(&mem);
  db_close(d);
}

/* A word of a derivation family the thesaurus links (hoivata, hoiva) finds the compounds of the family's other
 * words too (kotihoiva, whose head is hoiva). */
static void test_derivation_family_compounds(void **s) {
  db *d = testdb_open();
  long long care = testdb_text(d, "Kotihoiva", "Kotihoivan asiakkaat lisääntyivät.");
  deed_result r = find(d, "hoivata", NULL);
  assert_int_equal(found(&r, care), 1);
  arena_free(&mem);
  db_close(d);
}

static void test_derivations_find_each_other(void **s) {
  lib l;
  db *d = library(&l);
  deed_result r = find(d, "kehittäjä", NULL);
  assert_int_equal(found(&r, l.developer), 1); /* the word itself first */
  assert_true(found(&r, l.development));       /* kehitys: the same root, kehittää */
  r = find(d, "kehittää", NULL);
  assert_true(found(&r, l.developer) && found(&r, l.development));
  arena_free(&mem);
  db_close(d);
}

static void test_compounds_both_ways_head_first(void **s) {
  lib l;
  db *d = library(&l);
  deed_result r = find(d, "työhyvinvointi", NULL);
  assert_int_equal(found(&r, l.wellbeing), 1);
  assert_true(found(&r, l.parts)); /* its parts as separate words, ranked below the compound itself */
  r = find(d, "hyvinvointi", NULL);
  assert_true(found(&r, l.wellbeing)); /* a head finds its compounds */
  assert_true(found(&r, l.parts));
  arena_free(&mem);
  db_close(d);
}

static void test_thesaurus_old_terms_swedish_english(void **s) {
  lib l;
  db *d = library(&l);
  deed_result r = find(d, "esimies", NULL); /* the term until 2021 */
  assert_true(found(&r, l.supervisor));
  r = find(d, "hemvård", "sv");
  assert_true(found(&r, l.homecare));
  assert_true(found(&r, l.swedish));
  r = find(d, "home care", "en");
  assert_true(found(&r, l.homecare));
  r = find(d, "kotihoito", NULL); /* the Finnish word finds the Swedish deed too, below the Finnish one */
  assert_int_equal(found(&r, l.homecare), 1);
  assert_true(found(&r, l.swedish) > 1);
  arena_free(&mem);
  db_close(d);
}

static void test_own_thesaurus_entries_count(void **s) {
  lib l;
  db *d = library(&l);
  deed_result r = find(d, "roskis", NULL);
  assert_false(found(&r, l.waste));
  assert_int_equal(exp_thesaurus_compiles(d), 1);
  /* a new deed is found at once, and the thesaurus is not compiled again for it (a tenth of a second each time) */
  long long bins = testdb_text(d, "Roskiksen tyhjennys", "Roskis tyhjennettiin.");
  r = find(d, "roskis", NULL);
  assert_int_equal(found(&r, bins), 1);
  assert_false(found(&r, l.waste));
  assert_int_equal(exp_thesaurus_compiles(d), 1);
  assert_int_equal(db_exec(d, "INSERT INTO thesaurus(fi, updated_at) VALUES('jätehuolto\nroskis', '2026-12-06')", ""),
                   DB_OK);
  r = find(d, "roskis", NULL); /* the programme's own entry, at once */
  assert_true(found(&r, l.waste));
  assert_int_equal(exp_thesaurus_compiles(d), 2);
  assert_int_equal(db_exec(d, "UPDATE thesaurus SET fi = 'jätehuolto\nroskakori'", ""), DB_OK);
  r = find(d, "roskis", NULL); /* an edit counts at once too */
  assert_false(found(&r, l.waste));
  r = find(d, "roskakori", NULL);
  assert_true(found(&r, l.waste));
  assert_int_equal(exp_thesaurus_compiles(d), 3);
  arena_free(&mem);
  db_close(d);
}

/* A compound query finds the longer compounds it is a run of parts of (sisäilma: sisäilmaongelmat; terveyshuolto:
 * työterveyshuolto), below the deeds that have the word itself. */
static void test_compound_inside_longer_compounds(void **s) {
  db *d = testdb_open();
  long long own = testdb_text(d, "Koulut", "Sisäilma parani kouluissa.");
  long long longer = testdb_text(d, "Ratkaisumalli", "Sisäilmaongelmien ratkaisumalli valmistui.");
  long long health = testdb_text(d, "Yhteistyö", "Työterveyshuollon kanssa sovittiin.");
  testdb_text(d, "Ilma", "Ulkoilma oli raikas.");
  deed_result r = find(d, "sisäilma", NULL);
  assert_int_equal(found(&r, own), 1);
  assert_int_equal(found(&r, longer), 2);
  r = find(d, "terveyshuolto", NULL);
  assert_int_equal(found(&r, health), 1);
  arena_free(&mem);
  db_close(d);
}

/* Words typed without ä and ö are read with them where Voikko knows the word, even when the index has only its parts
 * (lähiesihenkilö: esihenkilö) or Voikko reads the typed word otherwise (paatos, pathos: päätös). */
static void test_missing_umlauts_restored(void **s) {
  db *d = testdb_open();
  long long sup = testdb_text(d, "Esihenkilöt verkostoon", "Esihenkilö sai tukea.");
  long long dec = testdb_text(d, "Päätös syntyi", "Päätös tehtiin yhdessä.");
  deed_result r = find(d, "lahiesihenkilo", NULL);
  assert_int_equal(found(&r, sup), 1);
  assert_non_null(r.corrected);
  assert_string_equal(r.corrected, "lähiesihenkilö");
  r = find(d, "paatos", NULL);
  assert_int_equal(found(&r, dec), 1);
  assert_non_null(r.corrected);
  assert_string_equal(r.corrected, "päätös");
  r = find(d, "päätös", NULL); /* a word the index knows is never corrected */
  assert_null(r.corrected);
  arena_free(&mem);
  db_close(d);
}

/* A word typed without ä and ö that the thesaurus would meet by its stem is read with them first: kevat is kevät
 * (spring), not Keva, the pension provider whose label its stem "keva" is. */
static void test_umlauts_before_the_thesaurus(void **s) {
  db *d = testdb_open();
  long long spring = testdb_text(d, "Kevään liikuntapäivä", "Keväällä järjestettiin liikuntapäivä.");
  long long pension = testdb_text(d, "Eläkeinfo", "Keva kertoi eläkkeistä.");
  deed_result r = find(d, "kevat", NULL);
  assert_int_equal(found(&r, spring), 1);
  assert_false(found(&r, pension));
  assert_non_null(r.corrected);
  assert_string_equal(r.corrected, "kevät");
  r = find(d, "keva", NULL); /* the label as typed stays itself */
  assert_int_equal(found(&r, pension), 1);
  assert_null(r.corrected);
  arena_free(&mem);
  db_close(d);
}

/* Compounds Voikko does not know, or with a prefix such as lähi-, find and are found by their parts. */
static void test_more_compounds(void **s) {
  db *d = testdb_open();
  long long pair = testdb_text(d, "Vertaiset", "Parimentorointi aloitettiin.");
  long long lead = testdb_text(d, "Johtaminen", "Johtaminen uudistui.");
  long long near = testdb_text(d, "Lähijohtaminen", "Lähijohtamisen valmennus.");
  long long climate = testdb_text(d, "Päästöt", "Ilmastovaikutus arvioitiin.");
  static const char *const other[] = {"Kirjasto",   "Koulu",   "Kotihoito", "Neuvola",   "Liikunta",  "Kaavoitus",
                                      "Jätehuolto", "Nuoriso", "Museo",     "Hankinnat", "Viestintä", "Palkat"};
  for (size_t i = 0; i < sizeof other / sizeof other[0]; i++) /* johtaa ends few of the compounds */
    testdb_deed(d, other[i], "Arki sujui.", NULL, NULL, NULL, 0, NULL);
  deed_result r = find(d, "mentorointi", NULL);
  assert_int_equal(found(&r, pair), 1);
  r = find(d, "lähijohtaminen", NULL);
  assert_int_equal(found(&r, near), 1);
  assert_int_equal(found(&r, lead), 2); /* the head alone, below */
  r = find(d, "johtaminen", NULL);
  assert_int_equal(found(&r, lead), 1);
  assert_true(found(&r, near));
  r = find(d, "climate", "en"); /* a translation's compounds too */
  assert_true(found(&r, climate));
  /* a head that ends many compounds says little: etätyö finds etätyö, not every deed with a -työ */
  long long remote = testdb_text(d, "Etätyö", "Etätyö vakiintui.");
  long long coop = testdb_text(d, "Yhteistyö", "Yhteistyö tiivistyi.");
  testdb_text(d, "Nuorisotyö", "Nuorisotyö jalkautui.");
  testdb_text(d, "Sosiaalityö", "Sosiaalityö uudistui.");
  r = find(d, "etätyö", NULL);
  assert_int_equal(found(&r, remote), 1);
  assert_false(found(&r, coop));
  r = find(d, "lähijohtaminen", NULL); /* a rare head still counts alone */
  assert_true(found(&r, lead));
  arena_free(&mem);
  db_close(d);
}

static void test_homographs_do_not_flood(void **s) {
  lib l;
  db *d = library(&l);
  deed_result r = find(d, "tuli", NULL); /* the noun: the fire deed first, the verb's many forms do not flood */
  assert_int_equal(found(&r, l.fire), 1);
  r = find(d, "sote", NULL);
  assert_int_equal(found(&r, l.sote), 1);
  r = find(d, "sota", NULL); /* not "sote" by any stemmer */
  assert_false(found(&r, l.sote));
  arena_free(&mem);
  db_close(d);
}

/* A word Voikko knows stays itself: the index lacking it, it is no typo when the index has it in compounds (ala, a
 * field: toimiala, not älä "don't" and every deed with a negation), nor an unfinished word (kirja: not kirjata and
 * every deed where something was recorded); a long one the index has nowhere may be unfinished (digitalis). */
static void test_known_words_stay_themselves(void **s) {
  db *d = testdb_open();
  long long field = testdb_text(d, "Toimialat yhteen", "Eri toimialojen yhteistyö kasvoi.");
  long long neg = testdb_text(d, "Kokeilu", "Malli ei toiminut, eikä sitä jatkettu, ettei aikaa mene hukkaan.");
  long long rec = testdb_text(d, "Kirjaaminen", "Hoitajat kirjasivat käynnit, ja kirjattiin myös puhelut.");
  long long dig = testdb_text(d, "Digitalisaatio", "Digitalisaatio eteni palveluissa.");
  long long remote = testdb_text(d, "Kotoa käsin", "Osa tiimistä työskenteli etänä kaksi päivää viikossa.");
  deed_result r = find(d, "ala", NULL);
  assert_true(found(&r, field));
  assert_false(found(&r, neg));
  assert_null(r.corrected);
  r = find(d, "kirja", NULL);
  assert_false(found(&r, rec));
  r = find(d, "digitalis", NULL);
  assert_true(found(&r, dig));
  r = find(d, "etana",
           NULL); /* a snail to Voikko, but the index has only etänä (remotely): an adverb, no function word */
  assert_true(found(&r, remote));
  assert_non_null(r.corrected);
  arena_free(&mem);
  db_close(d);
}

/* The terms of the concept's first alternative of kind kind, joined by spaces ("" when none). */
static const char *alt_terms(const exp_concept *c, int kind) {
  static char out[512];
  out[0] = 0;
  for (int a = 0; a < c->nalt; a++) {
    if (c->alt[a].kind != kind) continue;
    for (int k = 0; k < c->alt[a].nslot; k++)
      for (int t = 0; t < c->alt[a].slot[k].n; t++) {
        const char *m = c->alt[a].slot[k].term[t]; /* "\x01term" in quotes */
        strncat(out, m + 2, strlen(m) - 3 < sizeof out - strlen(out) - 2 ? strlen(m) - 3 : 0);
        strcat(out, " ");
      }
    break;
  }
  return out;
}

static void test_the_other_words_choose_the_reading(void **s) {
  db *d = testdb_open();
  testdb_text(d, "Aika riittää", "Aikaa säästyi, kun hallinta parani.");
  testdb_text(d, "Ajoimme", "Ajoimme autoa ja ajoimme taas.");
  exp_plan p;
  kerr e = {0};
  assert_int_equal(exp_plan_build(d, &mem, "ajan", NULL, &p, &e), K_OK); /* alone: aika (time) and ajaa (to drive) */
  assert_string_equal(alt_terms(&p.c[0], EXP_EXACT), "aika ajaa ");
  assert_int_equal(exp_plan_build(d, &mem, "ajan hallinta", NULL, &p, &e), K_OK); /* with hallinta: time */
  assert_string_equal(alt_terms(&p.c[0], EXP_EXACT), "aika ");
  deed_result r = find(d, "ajan hallinta", NULL);
  assert_string_equal(r.hits[0].title, "Aika riittää");
  arena_free(&mem);
  db_close(d);
}

/* A Swedish or English word (or phrase) that neither Voikko nor the thesaurus knows is translated by Debian's
 * FreeDict dictionaries (a dependency, scripts/install-deps), with the translations that the deeds use; a Swedish
 * compound the dictionary lacks by its parts (skolgård: skola + gård, koulupiha). */
static void test_dictionaries_translate_what_the_thesaurus_lacks(void **s) {
  db *d = testdb_open();
  long long rink = testdb_text(d, "Luistelukentät auki", "Kunnan luistelukenttä jäädytettiin ajoissa.");
  long long play = testdb_text(d, "Leikkipuistot kuntoon", "Leikkipuistojen välineet uusittiin.");
  long long sand = testdb_text(d, "Uudet hiekkalaatikot", "Hiekkalaatikoiden hiekka vaihdettiin.");
  long long yard = testdb_text(d, "Vihreä koulupiha", "Koulupihalle istutettiin puita.");
  long long show = testdb_text(d, "Hankkeen roadshow", "Roadshow kiersi kunnat syyskuussa.");
  long long tour = testdb_text(d, "Yhteinen kiertue", "Kiertue sujui hyvin.");
  deed_result r = find(d, "ice rink", NULL); /* a phrase of the dictionary: luistelukenttä, luistelurata */
  assert_int_equal(r.nhits, 1);
  assert_int_equal(found(&r, rink), 1);
  assert_null(r.corrected); /* a word of another language, not a typo */
  r = find(d, "sandpit", "en");
  assert_int_equal(found(&r, sand), 1);
  r = find(d, "sandlåda", "sv");
  assert_int_equal(found(&r, sand), 1);
  r = find(d, "sandpits", "en"); /* the dictionaries list base forms: an English plural, a Swedish inflected form */
  assert_int_equal(found(&r, sand), 1);
  r = find(d, "sandlådorna", "sv");
  assert_int_equal(found(&r, sand), 1);
  r = find(d, "skolgård", "sv"); /* by its parts */
  assert_int_equal(found(&r, yard), 1);
  assert_int_equal(r.nhits, 1);
  /* by its parts, the head inflected (olyckor: olycka, onnettomuus), the two words also in compounds (polkupyörä of
   * polkupyöräkypärät; a compound the thesaurus lacks) */
  long long bike = testdb_text(d, "Kypärät käyttöön", "Polkupyöräkypärät vähensivät onnettomuuksia.");
  r = find(d, "cykelolyckor", "sv");
  assert_int_equal(found(&r, bike), 1);
  r = find(d, "roadshow", NULL); /* the Finnish interface: a word the deeds use is theirs, not translated */
  assert_int_equal(r.nhits, 1);
  assert_int_equal(found(&r, show), 1);
  r = find(d, "roadshow", "en"); /* the English one: the deeds' word first, then a translation (kiertue) */
  assert_int_equal(found(&r, show), 1);
  assert_int_equal(found(&r, tour), 2);
  r = find(d, "leikkipuisot", NULL); /* a Finnish typo is still corrected */
  assert_int_equal(found(&r, play), 1);
  assert_non_null(r.corrected);
  r = find(d, "qwxyzzy", "sv"); /* no dictionary has it: nothing, no error */
  assert_int_equal(r.nhits, 0);
  assert_null(r.translated);
  /* a word of the dictionary whose translation (ateria) no deed uses is no compound to split (mål + tid: tavoite
   * aika) */
  r = find(d, "måltid", "sv");
  assert_int_equal(r.nhits, 0);
  assert_null(r.translated);
  r = find(d, "sandlåda", "sv"); /* the translations searched for, for the page to say */
  assert_non_null(r.translated);
  assert_non_null(strstr(r.translated, "hiekkalaatikko"));
  r = find(d, "lekplats", "sv"); /* a word the thesaurus has: no dictionary */
  assert_int_equal(found(&r, play), 1);
  assert_null(r.translated);
  arena_free(&mem);
  db_close(d);
}

/* Loanwords whose derivations Voikko does not link find each other: physiotherapy (fysioterapia) the
 * physiotherapists, puheterapia the speech therapists, koordinointi the coordinators. */
static void test_loanword_derivations_find_each_other(void **s) {
  db *d = testdb_open();
  long long physio = testdb_text(d, "Suoravastaanotto", "Fysioterapeutti otti selkäkipuiset vastaan.");
  long long speech = testdb_text(d, "Jonot lyhyiksi", "Puheterapeutit tapasivat lapset päiväkodissa.");
  long long coord = testdb_text(d, "Palvelut yhteen", "Palvelukoordinaattori kokosi asiakkaan palvelut.");
  deed_result r = find(d, "fysioterapia", NULL);
  assert_int_equal(found(&r, physio), 1);
  r = find(d, "puheterapia", NULL);
  assert_int_equal(found(&r, speech), 1);
  r = find(d, "palvelujen koordinointi", NULL);
  assert_int_equal(found(&r, coord), 1);
  arena_free(&mem);
  db_close(d);
}

/* A word finds its derivation family before the head of compounds: evakuoida (to evacuate) the evacuation
 * instructions, retkeilijä (a hiker) the hiking trails, as it finds them as words of their own. */
static void test_derivations_before_a_head(void **s) {
  db *d = testdb_open();
  long long evac = testdb_text(d, "Ohjeet ajan tasalle", "Evakuointiohje päivitettiin kaikkiin kouluihin.");
  long long trail = testdb_text(d, "Reitit kuntoon", "Retkeilyreitit kunnostettiin talkoilla.");
  testdb_text(d, "Uimaranta", "Rannan laituri korjattiin.");
  deed_result r = find(d, "evakuoida", NULL);
  assert_only(&r, evac);
  r = find(d, "retkeilijä", NULL);
  assert_only(&r, trail);
  assert_int_equal(r.broadened, 0);
  arena_free(&mem);
  db_close(d);
}

/* A Swedish deed's words have their Finnish terms too, from the Swedish–Finnish dictionary: punkkirokote (a tick
 * vaccine) finds Fästingvaccin, and so does the Swedish fästingar, through its Finnish; muisti (memory) finds
 * Minnesvård as a part of muistihoito. A name inside a sentence is not split into words (Högsåra is no hög + sår, kova
 * + haava), nor is a head shorter than four letters taken (Pargas is no par + gas, pari + kaasu), and a Finnish deed's
 * words are not read as Swedish. */
static void test_swedish_deeds_in_finnish(void **s) {
  db *d = testdb_open();
  long long tick = testdb_text(d, "Fästingvaccin till personalen", "Pargas stad erbjöd vaccin på Högsåra.");
  long long memory = testdb_text(d, "Minnesvård närmare hemmet", "Vården flyttades närmare de äldre.");
  long long fin = testdb_text(d, "Parityö", "Parityö alkoi Turussa, ja sen nimi oli hörsel.");
  deed_result r = find(d, "punkkirokote", NULL);
  assert_only(&r, tick);
  long long tick_fi = testdb_text(d, "Punkkirokote ulkotöitä tekeville", /* longer: BM25 alone ranks it lower */
                                  "Puistojen ja satamien henkilöstölle tarjottiin rokote keväällä.");
  r = find(d, "punkkirokote", NULL); /* a translation weighs less than the word itself */
  assert_int_equal(found(&r, tick_fi), 1);
  assert_int_equal(found(&r, tick), 2);
  r = find(d, "fästingar", "sv");
  assert_true(found(&r, tick));
  r = find(d, "muisti", NULL);
  assert_only(&r, memory);
  r = find(d, "pari", NULL);
  assert_only(&r, fin);
  r = find(d, "haava", NULL);
  assert_int_equal(r.nhits, 0);
  r = find(d, "muutto", NULL); /* flyttades (was moved) is looked up only as written: not flytt, a move */
  assert_int_equal(r.nhits, 0);
  r = find(d, "kuulo", NULL); /* hörsel (hearing) is Swedish only in a Swedish text */
  assert_int_equal(r.nhits, 0);
  arena_free(&mem);
  db_close(d);
}

/* A Swedish loan word that the dictionary lacks is read as its Finnish noun, in a Swedish deed (asbest, asbesti; and
 * as a compound's part: asbestsanering, saneeraus) and in a Swedish query (asbest); the deed's other words bring no
 * Finnish deed's words with them (kartoitus). */
static void test_swedish_loan_words(void **s) {
  db *d = testdb_open();
  long long sv = testdb_text(d, "Asbestsanering i skolor och daghem", "Staden sanerade asbest i fyra skolor.");
  long long fi = testdb_text(d, "Asbestikartoitus ennen korjausta", "Kiinteistöt kartoitettiin ennen remonttia.");
  long long work = testdb_text(d, "Koulujen saneeraus kesällä", "Saneeraus tehtiin lomalla.");
  deed_result r = find(d, "asbesti", NULL);
  assert_true(found(&r, sv) > 0);
  assert_true(found(&r, fi) > 0);
  r = find(d, "saneeraus", NULL);
  assert_int_equal(found(&r, work), 1); /* the Finnish deed first: a translation weighs less */
  assert_int_equal(found(&r, sv), 2);
  r = find(d, "asbest", "sv");
  assert_true(found(&r, fi) > 0);
  r = find(d, "kartoitus", NULL);
  assert_only(&r, fi);
  arena_free(&mem);
  db_close(d);
}

/* A compound's head finds other compounds that start with it, below the compound itself (valokuitu: kuituverkko). */
static void test_head_before_another_head(void **s) {
  db *d = testdb_open();
  long long fibre = testdb_text(d, "Valokuitu kylille", "Kunta tuki valokuidun rakentamista.");
  long long net = testdb_text(d, "Kuituverkko laajenee", "Syrjäkylät saivat nopeat yhteydet.");
  testdb_text(d, "Lasikatto korjattiin", "Koulun aulan lasikatto vaihdettiin.");
  const char *other[] = {"Kirjaston aukioloajat", "Uimahallin siivous",  "Ruokalistan uudistus",  "Nuorten kesätyöt",
                         "Pihan valaistus",       "Kokousten käytännöt", "Sijaisten rekrytointi", "Asiakaspalaute",
                         "Lomien suunnittelu",    "Kotikäynnit"};
  for (int i = 0; i < 10; i++) /* kuitu ends and starts few of the deeds' compounds */
    testdb_text(d, other[i], "Muutos tehtiin keväällä.");
  deed_result r = find(d, "valokuitu", NULL);
  assert_int_equal(found(&r, fibre), 1);
  assert_int_equal(found(&r, net), 2);
  assert_int_equal(r.nhits, 2); /* lasi, the modifier, is not the head's */
  arena_free(&mem);
  db_close(d);
}

/* A phrase's first word may start many labels (school starts 89 English ones): every one of them is tried, so "school
 * absenteeism" meets its synonym group (poissaolo, koulupoissaolo) and finds the absences. An English -ing form is
 * looked up as its verb, and a verb's translation finds the derivations deeds use: hoarding, hoard, hamstrata,
 * hamstraus. */
static void test_english_phrases_and_verbs(void **s) {
  db *d = testdb_open();
  long long absent = testdb_text(d, "Poissaolot vähenivät", "Poissaoloihin puututtiin heti.");
  long long hoard = testdb_text(d, "Tavarat pois", "Hamstraus oli kotihoidon uusi haaste.");
  testdb_text(d, "Uimaranta", "Rannan laituri korjattiin.");
  deed_result r = find(d, "school absenteeism", "en");
  assert_int_equal(found(&r, absent), 1);
  r = find(d, "hoarding", "en");
  assert_only(&r, hoard);
  arena_free(&mem);
  db_close(d);
}

/* Finnish words that a thesaurus label of related terms only spans keep their own concepts: "nuorten mielenterveys"
 * (a related term of nuorisopsykiatria) finds a deed on young people's psychological wellbeing, mielenterveys's
 * related term, as the two words apart do. */
static void test_a_related_phrase_keeps_its_words(void **s) {
  db *d = testdb_open();
  long long young = testdb_text(d, "Nuorten hyvinvointi", "Nuorten psyykkinen hyvinvointi parani ryhmissä.");
  testdb_text(d, "Uimaranta", "Rannan laituri korjattiin.");
  deed_result r = find(d, "nuorten mielenterveys", NULL);
  assert_int_equal(found(&r, young), 1);
  arena_free(&mem);
  db_close(d);
}

/* A compound whose head is in many more deeds than its modifier is about the modifier: levätilanne (the algae
 * situation) finds the algae, and no other situation. */
static void test_a_rare_modifier_says_more(void **s) {
  db *d = testdb_open();
  long long algae = testdb_text(d, "Levä uimarannoilla", "Levää seurattiin rannoilla koko kesän.");
  testdb_text(d, "Tilannekuva kriisissä", "Tilanne parani nopeasti.");
  testdb_text(d, "Työllisyyden tilanne", "Tilanteen seuranta jatkuu.");
  testdb_text(d, "Talouden tilanne", "Tilanne on vakaa.");
  testdb_text(d, "Kotihoidon tilanne", "Tilanne korjaantui.");
  testdb_text(d, "Lumen tilanne", "Tilanteet vaihtelivat.");
  deed_result r = find(d, "levätilanne", NULL);
  assert_only(&r, algae);
  assert_int_equal(r.broadened, 0);
  arena_free(&mem);
  db_close(d);
}

/* Of any other compound, a part before the head that is not common is found alone by the plan itself, at a low
 * weight (johtoryhmä, the management team, of johtoryhmätyöskentely, its way of working); one in many deeds is not, and
 * only the broader plan for a query that finds nothing has it (koulu of kouluruoka, here in most deeds). */
static void test_an_uncommon_modifier_alone(void **s) {
  db *d = testdb_open();
  long long team = testdb_text(d, "Johtoryhmä uudistui", "Johtoryhmän kokoukset lyhennettiin tuntiin.");
  for (int i = 0; i < 8; i++) testdb_text(d, "Koulun piha", "Koulun pihalla leikittiin välitunnilla.");
  deed_result r = find(d, "johtoryhmätyöskentely", NULL);
  assert_int_equal(found(&r, team), 1);
  assert_int_equal(r.broadened, 0);
  r = find(d, "kouluruoka", NULL);
  assert_int_equal(r.broadened, 1);
  arena_free(&mem);
  db_close(d);
}

/* A compound whose words find nothing as they are: the deeds of its parts alone, and the page says so (hellepäivä,
 * "a hot day": the heat's deed, though päivä is a head too common to stand for the compound otherwise). */
static void test_nothing_found_finds_the_parts(void **s) {
  db *d = testdb_open();
  long long heat = testdb_text(d, "Helle keittiössä", "Kesän helle nosti keittiön lämpötilan.");
  testdb_text(d, "Työpäivän rytmi", "Työpäivä ja lepopäivä vuorottelivat, kotipäivä ja etäpäivä myös.");
  deed_result r = find(d, "hellepäivä", NULL);
  assert_int_equal(r.broadened, 1);
  assert_int_equal(found(&r, heat), 1);
  r = find(d, "helle", NULL); /* found as it is */
  assert_int_equal(r.broadened, 0);
  r = find(d, "xyzzyq", NULL); /* nothing to broaden */
  assert_int_equal(r.broadened, 0);
  assert_int_equal(r.total, 0);
  long long care = testdb_text(d, "Hoito kotona", "Hoito järjestettiin kotona.");
  r = find(d, "saattohoitotyö", NULL); /* a part inside the modifier too: hoito of saattohoito */
  assert_int_equal(r.broadened, 1);
  assert_int_equal(found(&r, care), 1);
  r = find(d, "avaruusromu", NULL); /* parts the deeds lack: nothing, and not said to be the parts' deeds */
  assert_int_equal(r.broadened, 0);
  assert_int_equal(r.total, 0);
  kerr e = {0};
  deed_filter f = {.q = "hellepäivä", .year = 2099, .limit = 50}; /* the parts' deeds, outside the filter */
  assert_int_equal(deed_search(d, &mem, &f, &r, &e), K_OK);
  assert_int_equal(r.total, 0);
  assert_int_equal(r.broadened, 0);
  assert_int_equal(r.nyears, 1); /* the year facet of the broader search once, not after the first's */
  assert_string_equal(r.years[0].key, "2019");
  long long day = testdb_text(d, "Hellepäivät", "Hellepäivinä tauot pidennettiin.");
  r = find(d, "hellepäivä", NULL); /* now it is there: the plan as it was */
  assert_int_equal(r.broadened, 0);
  assert_int_equal(found(&r, day), 1);
  /* words that match deeds outside the filters are not searched for more broadly: kotihoito finds nothing in
   * the schools, not koti ja koulu */
  testdb_text(d, "Kotihoidon reitit", "Kotihoidon reitit suunniteltiin.");
  testdb_deed(d, "Koti ja koulu", "Koti ja koulu tekivät yhteistyötä.", NULL, NULL, "opetus", 2020, NULL);
  f = (deed_filter){.q = "kotihoito", .sector = "opetus", .limit = 50};
  assert_int_equal(deed_search(d, &mem, &f, &r, &e), K_OK);
  assert_int_equal(r.total, 0);
  assert_int_equal(r.broadened, 0);
  arena_free(&mem);
  db_close(d);
}

static void test_distance(void **s) {
  assert_int_equal(exp_distance("työhyvinvointi", "tyohyvinvointi", 2), 0); /* dots cost nothing */
  assert_int_equal(exp_distance("kehitys", "kehtiys", 2), 1);               /* a swap is one edit */
  assert_int_equal(exp_distance("kunta", "kunnat", 2), 2);
  assert_int_equal(exp_distance("kunta", "xyzzyq", 2), 3); /* more than max: max + 1 */
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_typos_and_umlauts_are_corrected_and_said),
      cmocka_unit_test(test_typos_without_suggestions),
      cmocka_unit_test(test_typo_of_a_thesaurus_word),
      cmocka_unit_test(test_unfinished_words_are_not_shorter_words),
      cmocka_unit_test(test_unfinished_words_and_explicit_prefixes),
      cmocka_unit_test(test_unfinished_stems),
      cmocka_unit_test(test_explicit_prefix_of_a_base_form),
      cmocka_unit_test(test_derivations_find_each_other),
      cmocka_unit_test(test_compound_derivations_keep_their_modifier),
      cmocka_unit_test(test_unfinished_word_means_its_concept),
      cmocka_unit_test(test_compound_with_a_part_in_other_words),
      cmocka_unit_test(test_swedish_and_english_as_their_finnish),
      cmocka_unit_test(test_compound_typed_apart),
      cmocka_unit_test(test_swedish_definite_forms),
      cmocka_unit_test(test_derivation_family_compounds),
      cmocka_unit_test(test_compounds_both_ways_head_first),
      cmocka_unit_test(test_thesaurus_old_terms_swedish_english),
      cmocka_unit_test(test_own_thesaurus_entries_count),
      cmocka_unit_test(test_compound_inside_longer_compounds),
      cmocka_unit_test(test_missing_umlauts_restored),
      cmocka_unit_test(test_umlauts_before_the_thesaurus),
      cmocka_unit_test(test_more_compounds),
      cmocka_unit_test(test_homographs_do_not_flood),
      cmocka_unit_test(test_known_words_stay_themselves),
      cmocka_unit_test(test_the_other_words_choose_the_reading),
      cmocka_unit_test(test_dictionaries_translate_what_the_thesaurus_lacks),
      cmocka_unit_test(test_derivations_before_a_head),
      cmocka_unit_test(test_a_related_phrase_keeps_its_words),
      cmocka_unit_test(test_swedish_deeds_in_finnish),
      cmocka_unit_test(test_swedish_loan_words),
      cmocka_unit_test(test_head_before_another_head),
      cmocka_unit_test(test_english_phrases_and_verbs),
      cmocka_unit_test(test_a_rare_modifier_says_more),
      cmocka_unit_test(test_an_uncommon_modifier_alone),
      cmocka_unit_test(test_loanword_derivations_find_each_other),
      cmocka_unit_test(test_nothing_found_finds_the_parts),
      cmocka_unit_test(test_distance),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
