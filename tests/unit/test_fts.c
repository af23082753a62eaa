/* Unit tests for search/fts: Finnish inflection, compounds, Snowball fallback, numbers and safe query building. */
#include "testdb.h"
#include "tmpdb.h"

#include "core/buf.h"
#include "db/db_sqlite.h"
#include "search/fts.h"

/* Returns how many indexed deeds match the user's text (built into a safe MATCH), or -1 on an SQL error. */
static int nmatch(db *d, const char *user) {
  buf q = BUF_INIT;
  if (search_fts_query(&q, user) == 0) {
    buf_free(&q);
    return 0;
  }
  sqlite3_stmt *st = NULL;
  int rc = sqlite3_prepare_v2(db_handle(d), "SELECT count(*) FROM deed_fts WHERE deed_fts MATCH ?1", -1, &st, NULL);
  assert_int_equal(rc, SQLITE_OK);
  sqlite3_bind_text(st, 1, q.data, -1, SQLITE_TRANSIENT);
  int n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
  sqlite3_finalize(st);
  buf_free(&q);
  return n;
}

/* Returns 1 if the index holds term in deed id (any column), via fts5vocab. */
static int has_term(db *d, long long id, const char *term) {
  db_script(d, "CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab USING fts5vocab(main, deed_fts, instance)");
  return db_exists(d, "SELECT 1 FROM temp.vocab WHERE doc=?1 AND term=?2", "it", id, term);
}

static void test_inflected_municipality_word(void **s) {
  db *d = testdb_open();
  testdb_text(d, "Yhteinen malli", "Kokeilu tehtiin kolmessa kunnissa yhtä aikaa.");
  testdb_text(d, "Toinen", "Ei osumaa tässä.");
  assert_int_equal(nmatch(d, "kunta"), 1);
  assert_int_equal(nmatch(d, "Kunnat"), 1);
  assert_int_equal(nmatch(d, "KUNTIEN"), 1);
  db_close(d);
}

static void test_compound_part_matches_but_query_does_not_widen(void **s) {
  db *d = testdb_open();
  long long a = testdb_text(d, "Jaksaminen", "Panostimme työhyvinvointia tukeviin tapoihin.");
  testdb_text(d, "Työ", "Työ jatkui kuten ennen.");
  long long c = testdb_text(d, "Alueet", "Hyvinvointialueella aloitettiin uusi kokeilu.");
  assert_true(has_term(d, a, "työhyvinvointi"));
  assert_true(has_term(d, a, "<työ"));         /* a part before the head, marked */
  assert_true(has_term(d, a, ">hyvinvointi")); /* the head, marked */
  assert_true(has_term(d, c, "<hyvinvointi"));
  assert_true(has_term(d, c, ">alue"));
  assert_int_equal(nmatch(d, "hyvinvointi"), 0);    /* as a word of its own: none (search widens to the parts) */
  assert_int_equal(nmatch(d, "työhyvinvointi"), 1); /* not the deed that only says "työ" */
  assert_int_equal(nmatch(d, "työ"), 1);
  db_close(d);
}

/* A compound of three parts or more: its runs of parts are marked too, from the start as modifiers and to the end as
 * heads, so that sisäilma finds sisäilmaongelma and terveyshuolto työterveyshuolto. */
static void test_runs_of_compound_parts(void **s) {
  db *d = testdb_open();
  long long a = testdb_text(d, "Koulut", "Sisäilmaongelmien ratkaisumalli valmistui.");
  long long b = testdb_text(d, "Huolto", "Työterveyshuollon kanssa sovittiin.");
  long long c = testdb_text(d, "Kaksi", "Sisäilma parani.");
  assert_true(has_term(d, a, "<sisä"));
  assert_true(has_term(d, a, "<ilma"));
  assert_true(has_term(d, a, "<sisäilma"));    /* the first two parts */
  assert_true(has_term(d, a, ">ilmaongelma")); /* the last two */
  assert_true(has_term(d, a, ">ongelma"));
  assert_true(has_term(d, b, "<työterveys"));
  assert_true(has_term(d, b, ">terveyshuolto"));
  assert_false(has_term(d, c, "<sisäilma")); /* two parts: no runs but the word itself */
  assert_true(has_term(d, c, "sisäilma"));
  db_close(d);
}

/* A part or run of parts before the head is indexed in its base form, also where it stands inflected or derived:
 * kouluterveydenhoitaja is koulu + terveyden + hoitaja, and a search for kouluterveys or terveys as a modifier finds
 * it. */
static void test_modifiers_in_base_form(void **s) {
  db *d = testdb_open();
  long long a = testdb_text(d, "Tarkastukset", "Kouluterveydenhoitajan tarkastukset laajenivat.");
  assert_true(has_term(d, a, "<kouluterveys"));
  assert_false(has_term(d, a, "<kouluterveyden"));
  assert_true(has_term(d, a, "<terveys"));
  assert_false(has_term(d, a, "<terveyden"));
  assert_true(has_term(d, a, "<koulu"));
  db_close(d);
}

static void test_derivations_carry_their_root(void **s) {
  db *d = testdb_open();
  long long a = testdb_text(d, "Kehitys", "Kehittäjät ja hoitajat mukana.");
  long long b = testdb_text(d, "Esimiehet", "Esimies kuuli.");
  assert_true(has_term(d, a, "~kehittää")); /* kehitys, kehittäjä: derived from kehittää */
  assert_true(has_term(d, a, "~hoitaa"));
  assert_true(has_term(d, b, "esimies"));
  assert_false(has_term(d, b, ">mies")); /* "esi" is a prefix, not a word: esimies is no compound of mies */
  db_close(d);
}

/* A prefix without a base form of its own (lähi-, etä-, pien-) is a modifier and the rest the head; esi- and epä-
 * change the meaning, so they stay with what follows. */
static void test_prefixes_make_compounds(void **s) {
  db *d = testdb_open();
  long long a = testdb_text(d, "Lähijohtaminen", "Lähiesihenkilöt ja etätyö.");
  long long b = testdb_text(d, "Varmuus", "Epävarmuus kasvoi.");
  assert_true(has_term(d, a, ">johtaa")); /* lähijohtaminen: johtaminen, whose base form Voikko gives as johtaa */
  assert_true(has_term(d, a, "<lähi"));
  assert_true(has_term(d, a, ">esihenkilö")); /* not henkilö */
  assert_false(has_term(d, a, ">henkilö"));
  assert_true(has_term(d, a, ">työ"));
  assert_false(has_term(d, b, ">varmuus"));
  db_close(d);
}

/* A word Voikko does not know may still be a compound of words it knows, or of a word and a word it does not know. */
static void test_unknown_compounds_are_split(void **s) {
  db *d = testdb_open();
  long long a = testdb_text(d, "Vertaiset", "Parimentorointi ja tiktokpalvelu otettiin käyttöön.");
  long long b = testdb_text(d, "Svenska", "Hemvården och grundskolan samarbetar.");
  assert_true(has_term(d, a, "<pari"));
  assert_true(has_term(d, a, ">mentorointi"));
  assert_true(has_term(d, a, ">mentoroint")); /* stemmed, as a query's unknown word is */
  assert_true(has_term(d, a, ">palvelu"));
  assert_true(has_term(d, a, "<tiktok"));
  assert_false(has_term(d, b, ">kola")); /* grundskolan is no compound of kola: a Swedish word is left whole */
  assert_false(has_term(d, b, "<kun"));
  db_close(d);
}

/* A word read several ways is indexed as the readings its text (the column) supports: "tuli" is fire beside
 * "tulipalo", a form of "tulla" beside "tulee"; with no support either way, in running text a noun's base form that is
 * also a verb's form is the verb, which running text uses far more often; a title keeps both. */
static void test_homographs_read_by_context(void **s) {
  db *d = testdb_open();
  long long fire = testdb_text(d, "Harjoitus", "Tuli levisi nopeasti, mutta tulipalo sammutettiin.");
  long long came = testdb_text(d, "Palaute", "Palautetta tuli paljon, ja sitä tulee yhä.");
  long long alone = testdb_text(d, "Tuli", "Idea tuli henkilöstöltä eräänä päivänä kesken kokouksen.");
  long long title = testdb_text(d, "Tuli ja turvallisuus", "");
  long long ice = testdb_text(d, "Talvi", "Jää oli paksua, ja jäällä käveltiin.");
  long long stays = testdb_text(d, "Kesä", "Malli jää käyttöön myös ensi vuonna kaikissa yksiköissä.");
  long long adj = testdb_text(d, "Asiointi", "Sähköistä asiointia ja sähköisten palvelujen tukea.");
  assert_true(has_term(d, fire, "tuli"));
  assert_false(has_term(d, fire, "tulla"));
  assert_true(has_term(d, came, "tulla"));
  assert_false(has_term(d, came, "tuli"));
  assert_true(has_term(d, alone, "tulla"));
  assert_true(has_term(d, alone, "tuli")); /* the title "Tuli": too short to say */
  assert_true(has_term(d, title, "tuli")); /* a title is often a noun phrase: both */
  assert_true(has_term(d, title, "tulla"));
  assert_true(has_term(d, ice, "jää"));
  assert_false(has_term(d, ice, "jäädä"));
  assert_true(has_term(d, stays, "jäädä"));
  assert_false(has_term(d, stays, "jää"));
  assert_true(has_term(d, adj, "sähköinen"));   /* "sähköisten" says which "sähköistä" is */
  assert_false(has_term(d, adj, "sähköistää")); /* not the verb */
  assert_true(has_term(d, adj, "tuki"));        /* "tukea": the noun or the verb, neither supported: both */
  assert_true(has_term(d, adj, "tukea"));
  db_close(d);
}

/* A word that is itself a conjunction, adposition or adverb is read as that, not as a rare form of a noun, even
 * where the text supports the noun: "kuin" is "than", not "with moons"; "kautta" is "via", not a season; "jälkeen"
 * "after", not "into a trace" in a text on a carbon footprint. */
static void test_function_words_read_as_themselves(void **s) {
  db *d = testdb_open();
  long long a = testdb_text(d, "Hiilijalanjälki",
                            "Palaute kulki verkon kautta nopeammin kuin ennen, ja jälkeen "
                            "kokeilun kausi jatkui hiilijalanjäljen laskennalla.");
  assert_true(has_term(d, a, "kautta"));
  assert_true(has_term(d, a, "kausi")); /* "kausi" itself */
  assert_true(has_term(d, a, "kuin"));
  assert_false(has_term(d, a, "kuu"));
  assert_true(has_term(d, a, "jälkeen"));
  long long b = testdb_text(d, "Kokeilu", "Tieto kulki verkon kautta nopeammin kuin ennen kokeilun jälkeen.");
  assert_false(has_term(d, b, "kausi"));
  assert_false(has_term(d, b, "jälki"));
  db_close(d);
}

/* "kuusi" and its forms as a numeral (kuudesta, kuuteen) are six in running text, not a spruce, unless the text's
 * other words speak of spruces. */
static void test_numeral_or_spruce(void **s) {
  db *d = testdb_open();
  long long six = testdb_text(d, "Kokeilu", "Kokeilu kesti kuusi kuukautta, ja siihen osallistui kuusi yksikköä.");
  long long of_six = testdb_text(d, "Kysely", "Kuudesta yksiköstä vastasi viisi, ja kuuteen kysymykseen vastattiin.");
  long long tree = testdb_text(d, "Piha", "Pihan vanha kuusi kaadettiin, koska kuusen juuret nostivat asfalttia.");
  assert_false(has_term(d, six, "kuusi"));
  assert_true(has_term(d, six, "#kuusi"));
  assert_false(has_term(d, of_six, "kuusi"));
  assert_true(has_term(d, of_six, "#kuusi")); /* the word keeps its place: a term of its own */
  assert_true(has_term(d, tree, "kuusi"));
  long long kids = testdb_text(d, "Eskari", "Kuusivuotiaat aloittivat esiopetuksen, ja jakso kesti kuusi kuukautta.");
  assert_false(has_term(d, kids, "kuusi")); /* the number in a compound says nothing of spruces */
  long long many = testdb_text(d, "Kysely", "Kyselyyn vastasi tuhat asukasta ja kymmenen yhdistystä kaupungista.");
  assert_true(has_term(d, many, "tuhat")); /* numerals no other noun shares the base form of */
  assert_true(has_term(d, many, "kymmenen"));
  db_close(d);
}

/* An adjective in -llinen, or a noun made of one, has no root: tavallinen ("ordinary") is not a derivation of tapa
 * ("way") for search, osallisuus ("participation") not of osa ("part"), nor a compound of tapa and "llinen"; an
 * action noun keeps its verb (kehitys: kehittää). */
static void test_adjectives_have_no_root(void **s) {
  db *d = testdb_open();
  long long a = testdb_text(d, "Arki", "Tavallinen arki ja osallisuus vahvistuivat, kehitys jatkui.");
  assert_false(has_term(d, a, "~tapa"));
  assert_false(has_term(d, a, "<tapa"));
  assert_false(has_term(d, a, "~osa"));
  assert_true(has_term(d, a, "~kehittää"));
  db_close(d);
}

/* A lexicalised compound is one part, alone and in a longer compound: kuukausi is no season (kausi), puutarha no
 * tree, etukäteen no hand, henkilökunta no municipality; työilmapiiri is työ and ilmapiiri, not ilma ("air"). */
static void test_lexicalised_compounds_stay_one_part(void **s) {
  db *d = testdb_open();
  long long a = testdb_text(d, "Arki", "Puutarhassa sovittiin etukäteen kuukausikokouksista, ja henkilökunta kiitti.");
  long long b = testdb_text(d, "Ilmapiiri", "Työilmapiiri parani.");
  assert_true(has_term(d, a, "puutarha"));
  assert_false(has_term(d, a, "<puu"));
  assert_false(has_term(d, a, ">kausi"));
  assert_false(has_term(d, a, "<kuu"));
  assert_true(has_term(d, a, "<kuukausi"));
  assert_true(has_term(d, a, ">kokous"));
  assert_false(has_term(d, a, ">käsi"));
  assert_false(has_term(d, a, ">kunta"));
  assert_true(has_term(d, b, ">ilmapiiri"));
  assert_true(has_term(d, b, "<työ"));
  assert_false(has_term(d, b, "<ilma"));
  assert_false(has_term(d, b, ">piiri"));
  long long c = testdb_text(d, "Tapaturmat", "Työtapaturmista ilmoitettiin viranomaisille.");
  assert_true(has_term(d, c, ">tapaturma"));
  assert_false(has_term(d, c, "<työtapa")); /* no way of working */
  assert_false(has_term(d, c, ">turma"));
  assert_false(has_term(d, c, ">omainen")); /* no next of kin */
  db_close(d);
}

/* Voikko writes some derivational suffixes without a "+" before them ("+sovit(sovittaa)tel(+ella)+u(+u)"): the word
 * is still derived (sovittelu, harjoittelija have their roots) and a compound's parts after it are still its parts
 * (liukastumistapaturma: tapaturma). */
static void test_suffix_without_plus_is_read(void **s) {
  db *d = testdb_open();
  long long a = testdb_text(d, "Sovittelu", "Sovittelu ja harjoittelijat auttoivat liukastumistapaturmien jälkeen.");
  assert_true(has_term(d, a, "~sovittaa"));
  assert_true(has_term(d, a, "~harjoittaa"));
  assert_true(has_term(d, a, ">tapaturma"));
  assert_true(has_term(d, a, "liukastumistapaturma"));
  db_close(d);
}

/* A database five versions behind whose steps each only rebuild the index (19-23) is rebuilt once, by the last:
 * the search generation, which each rebuild bumps, goes up by one, and the deed is found. */
static void test_upgrade_rebuilds_the_index_once(void **s) {
  tmpdb t;
  tmpdb_open(&t);
  testdb_text(t.d, "Kotihoidon reitit", "Reitit suunniteltiin uudelleen.");
  long long before = db_int(t.d, -1, "SELECT n FROM search_generation", "");
  assert_int_equal(db_script(t.d, "PRAGMA user_version=18"), DB_OK);
  db_close(t.d);
  kerr e = {0};
  t.d = db_open(t.path, 1, search_attach, &e);
  assert_non_null(t.d);
  assert_int_equal(db_int(t.d, -1, "PRAGMA user_version", ""), db_schema_version());
  assert_int_equal(db_int(t.d, -1, "SELECT n FROM search_generation", ""), before + 1);
  assert_int_equal(nmatch(t.d, "kotihoito"), 1);
  tmpdb_close(&t);
}

/* Of Voikko's analyses only the least far-fetched are indexed: not a split into more parts beside one into fewer
 * (vaaratilanteiden is vaara+tilanne, not vaara+tilan+tie; perusteinen is peruste+inen, not perus+te(tie)+inen), nor
 * a "your" beside another reading (tiesi is tietää, not your tie). None of them is about roads. */
static void test_far_fetched_analyses_left_out(void **s) {
  db *d = testdb_open();
  long long a = testdb_text(d, "Vaarat", "Vaaratilanteiden ilmoitukset ovat lakisääteiset ja perusteiset.");
  long long b = testdb_text(d, "Tieto", "Jokainen tiesi, mitä tehdä, ja osasi sen.");
  long long c = testdb_text(d, "Tiet", "Tiesi kulkee kotisi ohi.");
  assert_true(has_term(d, a, "vaaratilanne"));
  assert_false(has_term(d, a, "vaaratilantie"));
  assert_false(has_term(d, a, ">tie"));
  assert_true(has_term(d, a, ">tilanne"));
  assert_false(has_term(d, a, "~tie")); /* no derivation root tie (perus+te+inen) */
  assert_true(has_term(d, a, "lakisääteinen"));
  assert_true(has_term(d, b, "tietää"));
  assert_false(has_term(d, b, "tie"));
  assert_true(has_term(d, b, "osata"));
  assert_false(has_term(d, b, "osa"));
  assert_true(has_term(d, c, "koti")); /* a "your" with no other reading stays */
  db_close(d);
}

static void test_place_names_both_ways(void **s) {
  db *d = testdb_open();
  testdb_text(d, "Kokeilu", "Tampere lähti mukaan ensimmäisenä.");
  testdb_text(d, "Toinen", "Tampereella toimittiin toisin.");
  testdb_text(d, "Kolmas", "Turussa ei.");
  assert_int_equal(nmatch(d, "Tampereella"), 2);
  assert_int_equal(nmatch(d, "tampere"), 2);
  assert_int_equal(nmatch(d, "Tampereen"), 2);
  db_close(d);
}

static void test_unknown_words_fall_back_to_snowball(void **s) {
  db *d = testdb_open();
  long long a = testdb_text(d, "Outo", "Otimme käyttöön zorbokaattorilla tehdyn mallin.");
  assert_true(has_term(d, a, "zorbokaattor"));     /* the stem */
  assert_true(has_term(d, a, "zorbokaattorilla")); /* and the surface form */
  assert_int_equal(nmatch(d, "zorbokaattori"), 1);
  assert_int_equal(nmatch(d, "zorbokaattoria"), 1);
  assert_int_equal(nmatch(d, "zorbokaattorilla"), 1);
  db_close(d);
}

static void test_numbers_are_plain_tokens(void **s) {
  db *d = testdb_open();
  long long a = testdb_text(d, "Vuosi", "Aloitettu 2019 ja jatkettu vuonna 2020; hanke S21159.");
  assert_true(has_term(d, a, "2019"));
  assert_true(has_term(d, a, "s21159"));
  assert_int_equal(nmatch(d, "2019"), 1);
  assert_int_equal(nmatch(d, "S21159"), 1);
  assert_int_equal(nmatch(d, "2018"), 0);
  db_close(d);
}

static void test_scandinavian_letters_lowercased(void **s) {
  db *d = testdb_open();
  testdb_text(d, "ÄÄNEKOSKEN ÖLJYT", "Åbolands skärgård och YHTEISTYÖ.");
  assert_int_equal(nmatch(d, "äänekoski"), 1);
  assert_int_equal(nmatch(d, "öljy"), 1);
  assert_int_equal(nmatch(d, "åbolands"), 1);
  assert_int_equal(nmatch(d, "yhteistyöllä"), 1);
  db_close(d);
}

static void test_query_quotes_every_word(void **s) {
  buf b = BUF_INIT;
  assert_int_equal(search_fts_query(&b, "Työ \"hyvä\" OR or kunta*"), 4);
  assert_string_equal(b.data, "\"Työ\" AND \"hyvä\" AND \"or\" AND \"kunta\" *");
  buf_reset(&b);
  assert_int_equal(search_fts_query(&b, " -- ;; ** \"\" "), 0);
  assert_int_equal(b.len, 0);
  buf_reset(&b);
  assert_int_equal(search_fts_query(&b, "NEAR(a b, 2) x:y"), 6);
  assert_string_equal(b.data, "\"NEAR\" AND \"a\" AND \"b\" AND \"2\" AND \"x\" AND \"y\"");
  buf_free(&b);
}

static void test_terms_one_by_one(void **s) {
  char *t[32];
  assert_int_equal(search_fts_terms("Työ \"hyvä\" OR kunta*", t, 32), 3);
  assert_string_equal(t[0], "\"Työ\"");
  assert_string_equal(t[1], "\"hyvä\"");
  assert_string_equal(t[2], "\"kunta\" *");
  for (int i = 0; i < 3; i++) free(t[i]);
  assert_int_equal(search_fts_terms("a b c", t, 2), 2); /* at most max */
  free(t[0]), free(t[1]);
  assert_int_equal(search_fts_terms(NULL, t, 32), 0);
}

static void test_hostile_queries_do_not_error(void **s) {
  db *d = testdb_open();
  testdb_text(d, "Kunta ja työ", "Kunnissa tehtiin yhdessä. OR NEAR here.");
  const char *bad[] = {"\"",
                       "kunta\"",
                       "*",
                       "kunta*",
                       "NEAR(kunta työ)",
                       "kunta OR työ",
                       "-kunta",
                       "title:kunta",
                       "'; DROP TABLE deed; --",
                       "(((",
                       "AND",
                       "NOT kunta",
                       "OR OR",
                       "^kunta",
                       "kunta + työ",
                       "\x01\x02",
                       "{title}: x",
                       "a*b*c",
                       "\"\"\"\""};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) assert_true(nmatch(d, bad[i]) >= 0);
  assert_int_equal(nmatch(d, "'; DROP TABLE deed; --"), 0); /* no deed says "drop table" */
  assert_int_equal(nmatch(d, "kunta OR työ"), 1);           /* OR is left out: both words are there */
  assert_int_equal(nmatch(d, "kunta OR koira"), 0);         /* and it is not an OR */
  assert_int_equal(nmatch(d, "kunta or työ"), 1);           /* "or" in small letters is a word the text has */
  assert_int_equal(nmatch(d, "NEAR(kunta työ)"), 1);
  assert_int_equal(nmatch(d, "-kunta"), 1);
  assert_int_equal(db_int(d, 0, "SELECT count(*) FROM deed", ""), 1);
  db_close(d);
}

static void test_prefix_of_base_form(void **s) {
  db *d = testdb_open();
  testdb_text(d, "Jaksaminen", "Hyvinvointia kaikille.");
  assert_int_equal(nmatch(d, "hyvinv*"), 1);
  assert_int_equal(nmatch(d, "hyvinv"), 0);
  db_close(d);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_inflected_municipality_word),
      cmocka_unit_test(test_compound_part_matches_but_query_does_not_widen),
      cmocka_unit_test(test_runs_of_compound_parts),
      cmocka_unit_test(test_modifiers_in_base_form),
      cmocka_unit_test(test_derivations_carry_their_root),
      cmocka_unit_test(test_homographs_read_by_context),
      cmocka_unit_test(test_function_words_read_as_themselves),
      cmocka_unit_test(test_adjectives_have_no_root),
      cmocka_unit_test(test_numeral_or_spruce),
      cmocka_unit_test(test_lexicalised_compounds_stay_one_part),
    cmocka_unit_test(test_suffix_without_plus_is_read),
      cmocka_unit_test(test_upgrade_rebuilds_the_index_once),
      cmocka_unit_test(test_far_fetched_analyses_left_out),
      cmocka_unit_test(test_place_names_both_ways),
      cmocka_unit_test(test_unknown_words_fall_back_to_snowball),
      cmocka_unit_test(test_numbers_are_plain_tokens),
      cmocka_unit_test(test_scandinavian_letters_lowercased),
      cmocka_unit_test(test_query_quotes_every_word),
      cmocka_unit_test(test_terms_one_by_one),
      cmocka_unit_test(test_hostile_queries_do_not_error),
      cmocka_unit_test(test_prefix_of_base_form),
      cmocka_unit_test(test_prefixes_make_compounds),
      cmocka_unit_test(test_unknown_compounds_are_split),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
