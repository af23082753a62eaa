/* Unit tests for search/bidict: FreeDict's dictd files read as dictd writes them (an index in base 64 and gzip'd
 * entries), on a small dictionary this test writes (KEHTO_DICT_DIR): headwords with several entries, sense numbers,
 * remarks in brackets, explanation lines, phrases, missing files, a noun's entries alone; and the forms of a Swedish
 * word looked up. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <libstemmer.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "core/buf.h"
#include "search/bidict.h"

static char dir[] = "/tmp/kehto-bidict.XXXXXX";

/* dictd's base 64 of v. */
static void b64(buf *out, size_t v) {
  static const char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  char t[16];
  int n = 0;
  do t[n++] = digits[v % 64], v /= 64;
  while (v);
  while (n) buf_putc(out, t[--n]);
}

/* Writes freedict-eng-fin.{index,dict.dz} in dir from the entries (headword, text: its own line first), the index
 * in the order given. */
static void write_dict(const char *const (*e)[2], int n) {
  buf text = BUF_INIT, index = BUF_INIT;
  buf_puts(&text, "00-database-info\nA test dictionary\n");
  buf_puts(&index, "00databaseinfo\tA\t");
  b64(&index, text.len);
  buf_putc(&index, '\n');
  for (int i = 0; i < n; i++) {
    size_t off = text.len;
    buf_puts(&text, e[i][1]);
    buf_printf(&index, "%r\t", e[i][0]);
    b64(&index, off);
    buf_putc(&index, '\t');
    b64(&index, text.len - off);
    buf_putc(&index, '\n');
  }
  /* lines a damaged index may have: skipped */
  buf_puts(&index, "broken\t!!\tA\nfar\tZZZZZ\tB\nlong\tA\tZZZZZZZZZZ\nnotabs\n\n\tA\tB\n");
  char path[256];
  snprintf(path, sizeof path, "%s/freedict-eng-fin.dict.dz", dir);
  gzFile f = gzopen(path, "wb");
  assert_non_null(f);
  assert_int_equal(gzwrite(f, text.data, (unsigned)text.len), (int)text.len);
  gzclose(f);
  snprintf(path, sizeof path, "%s/freedict-eng-fin.index", dir);
  FILE *x = fopen(path, "w");
  assert_non_null(x);
  fwrite(index.data, 1, index.len, x);
  fclose(x);
  buf_free(&text), buf_free(&index);
}

static int translate(const bidict *d, const char *w, const char **out) {
  static arena a;
  return bidict_translate(d, w, &a, out, 16);
}

static void test_entries_senses_and_remarks(void **state) {
  static const char *const e[][2] = {
      {"school", "school /skuːl/ <n>\n1. kalaparvi, parvi\ngroup of fish\n2. koulu (laitos)\ninstitution\n"},
      {"school", "school /skuːl/ <v>\nkouluttaa 2.\n to educate\n"},
      {"home care", "home care <n>\nkotihoito\n"},
      {"Loneliness", "Loneliness <n>\nyksinäisyys [kirjak.]\n"},
  };
  write_dict(e, 4);
  const bidict *d = bidict_get(BIDICT_EN);
  assert_non_null(d);
  assert_int_equal(bidict_size(d), 3); /* school (two entries), home care, loneliness; not the damaged lines */
  const char *out[16];
  int n = translate(d, "school", out);
  /* every item of every line, in order, each once; the explanation lines too (the caller keeps the Finnish ones) */
  const char *want[] = {"kalaparvi", "parvi", "group of fish", "koulu", "institution", "kouluttaa", "to educate"};
  assert_int_equal(n, 7);
  for (int i = 0; i < n; i++) assert_string_equal(out[i], want[i]);
  assert_int_equal(translate(d, "home care", out), 1);
  assert_string_equal(out[0], "kotihoito");
  assert_int_equal(translate(d, "loneliness", out), 1); /* headwords lowercased, remarks in brackets dropped */
  assert_string_equal(out[0], "yksinäisyys");
  static arena na; /* a noun's entries alone: not the verb's */
  n = bidict_translate_nouns(d, "school", &na, out, 16);
  assert_int_equal(n, 5);
  assert_string_equal(out[3], "koulu");
  assert_int_equal(translate(d, "schools", out), 0);
  assert_int_equal(translate(d, "", out), 0);
  assert_int_equal(translate(NULL, "school", out), 0);
  assert_null(bidict_get(BIDICT_SV)); /* no Swedish files here: search goes on without */
  assert_null(bidict_get(-1));
}

/* A Swedish word's forms to look up: as written, without its definite ending (before the stem, which may cut more:
 * ensamheten is ensamhet, loneliness, not ensam, alone), then the stem with the vowels base forms end in. */
static void test_swedish_forms(void **s) {
  struct sb_stemmer *sv = sb_stemmer_new("swedish", "UTF_8");
  assert_non_null(sv);
  arena a = {0};
  const char *f[BIDICT_SV_FORMS];
  int n = bidict_sv_forms(sv, "ensamheten", &a, f);
  assert_true(n >= 4 && n <= BIDICT_SV_FORMS);
  assert_string_equal(f[0], "ensamheten");
  assert_string_equal(f[1], "ensamhet");
  assert_string_equal(f[2], "ensamhete");
  assert_string_equal(f[3], "ensam");
  n = bidict_sv_forms(sv, "måltider", &a, f); /* a plural: without -r and -er, then the stem with -a */
  assert_int_equal(n, 4);
  assert_string_equal(f[1], "måltide");
  assert_string_equal(f[2], "måltid");
  assert_string_equal(f[3], "måltida");
  int has = 0; /* a definite plural's singular, which the stem (avvik) misses */
  n = bidict_sv_forms(sv, "avvikelserna", &a, f);
  for (int i = 0; i < n; i++) has |= !strcmp(f[i], "avvikelse");
  assert_true(has);
  n = bidict_sv_forms(sv, "skolorna", &a, f);
  assert_string_equal(f[2], "skola");
  assert_int_equal(bidict_sv_forms(sv, "home care", &a, f), 1); /* a phrase: itself */
  const char *e[BIDICT_EN_FORMS];                               /* English: a plural's singular, an -ing form's verb */
  assert_int_equal(bidict_en_forms("libraries", &a, e), 2);
  assert_string_equal(e[1], "library");
  assert_int_equal(bidict_en_forms("shopping", &a, e), 4);
  assert_string_equal(e[1], "shopp");
  assert_string_equal(e[3], "shop");
  assert_int_equal(bidict_en_forms("home care", &a, e), 1);
  arena_free(&a);
  sb_stemmer_delete(sv);
}

/* A Swedish loan word's Finnish spellings, for the caller to keep the Finnish words among them: a consonant's i, and
 * the endings the two languages pair (-ation: -aatio, -ering: -eeraus or -ointi, -itet: -iteetti, -ik: -iikka). */
static void test_swedish_loans(void **s) {
  arena a = {0};
  const char *l[BIDICT_SV_LOANS];
  assert_int_equal(bidict_sv_loans("asbest", &a, l), 1);
  assert_string_equal(l[0], "asbesti");
  assert_int_equal(bidict_sv_loans("psykolog", &a, l), 1);
  assert_string_equal(l[0], "psykologi");
  assert_int_equal(bidict_sv_loans("integration", &a, l), 1);
  assert_string_equal(l[0], "integraatio");
  assert_int_equal(bidict_sv_loans("sanering", &a, l), 2);
  assert_string_equal(l[0], "saneeraus"); /* first: sanointi is a Finnish word too, a wording */
  assert_string_equal(l[1], "sanointi");
  assert_int_equal(bidict_sv_loans("aktivitet", &a, l), 1);
  assert_string_equal(l[0], "aktiviteetti");
  assert_int_equal(bidict_sv_loans("logistik", &a, l), 1);
  assert_string_equal(l[0], "logistiikka");
  assert_int_equal(bidict_sv_loans("skola", &a, l), 0); /* a vowel at the end: no loan's shape */
  assert_int_equal(bidict_sv_loans("stad", &a, l), 0);  /* too short to tell (stadi is Helsinki's slang) */
  assert_int_equal(bidict_sv_loans("home care", &a, l), 0);
  const char *m[BIDICT_SV_MOD_FORMS]; /* a compound's part before its head: as written, then without its linking s */
  assert_int_equal(bidict_sv_mod_forms("arbetsmiljö", 6, &a, m), 5);
  assert_string_equal(m[0], "arbets");
  assert_string_equal(m[1], "arbet");
  assert_string_equal(m[2], "arbete");
  assert_int_equal(bidict_sv_mod_forms("hemvård", 3, &a, m), 3); /* no s to take off, and too short if there were */
  assert_string_equal(m[2], "heme");
  arena_free(&a);
}

int main(void) {
  if (!mkdtemp(dir)) return 1;
  setenv("KEHTO_DICT_DIR", dir, 1);
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_entries_senses_and_remarks),
      cmocka_unit_test(test_swedish_forms),
      cmocka_unit_test(test_swedish_loans),
  };
  int rc = cmocka_run_group_tests(tests, NULL, NULL);
  char cmd[300];
  snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
  if (system(cmd) != 0) rc = 1;
  return rc;
}
