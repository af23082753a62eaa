/* Unit tests for model/news (saving, the uid made once, drafts, scheduled and published items, alt texts), the news
 * body's Markdown as the pages write it (raw HTML never reaches the page) and core/date's Finnish time → UTC. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "model/news.h"
#include "web/widgets.h"
#include "tmpdb.h"

static const unsigned char PNG[] = {0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48,
                                    0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00,
                                    0x00, 0x90, 0x77, 0x53, 0xde, 0x00, 0x00, 0x00, 0x0c, 0x49, 0x44, 0x41, 0x54, 0x08,
                                    0xd7, 0x63, 0xf8, 0xcf, 0xc0, 0x00, 0x00, 0x03, 0x01, 0x01, 0x00, 0x18, 0xdd, 0x8d,
                                    0xb0, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82};

static int setup(void **state) {
  tmpdb *t = calloc(1, sizeof *t);
  tmpdb_open(t);
  *state = t;
  return 0;
}

static int teardown(void **state) {
  tmpdb_close(*state);
  free(*state);
  return 0;
}

static news_item item(const char *title, const char *publish_at) {
  news_item n = {0};
  for (int i = 0; i < 3; i++) n.title[i] = n.lead[i] = n.body[i] = n.image_alt[i] = "";
  n.title[0] = (char *)title;
  n.publish_at = (char *)publish_at;
  return n;
}

static long long save(db *d, news_item *n) {
  kerr e = {0};
  long long id = news_save(d, n, NULL, 0, "staff@example.fi", &e);
  if (!id) fail_msg("news_save: %s", e.msg);
  kerr_clear(&e);
  return id;
}

/* The uid is made once, as a urn:uuid of version 4, and an edit keeps it; two items get different ones. */
static void test_uid_stable(void **state) {
  tmpdb *t = *state;
  arena a = {0};
  news_item n = item("Ensimmäinen", "2020-01-01T10:00:00Z");
  long long id = save(t->d, &n);
  news_item *got = news_get(t->d, &a, id, "fi");
  assert_non_null(got);
  assert_int_equal(strlen(got->uid), 45);
  assert_memory_equal(got->uid, "urn:uuid:", 9);
  assert_int_equal(got->uid[23], '4');
  char *uid = arena_strdup(&a, got->uid);
  n.id = id;
  n.title[0] = "Ensimmäinen, korjattu";
  assert_int_equal(save(t->d, &n), id);
  got = news_get(t->d, &a, id, "fi");
  assert_string_equal(got->title[0], "Ensimmäinen, korjattu");
  assert_string_equal(got->uid, uid);
  news_item m = item("Toinen", NULL);
  news_item *other = news_get(t->d, &a, save(t->d, &m), "fi");
  assert_string_not_equal(other->uid, uid);
  arena_free(&a);
}

/* A scheduled item is not in the published list before its time and is after it; a draft never is; the next
 * scheduled time is the earliest one still ahead. "now" is passed in, as the pages pass db_now(). */
static void test_scheduled(void **state) {
  tmpdb *t = *state;
  arena a = {0};
  news_item p = item("Julkaistu", "2026-01-01T08:00:00Z"), s = item("Ajastettu", "2026-03-01T07:30:00Z"),
            s2 = item("Myöhemmin", "2026-06-01T07:30:00Z"), dr = item("Luonnos", NULL);
  save(t->d, &p);
  long long sid = save(t->d, &s);
  save(t->d, &s2);
  save(t->d, &dr);
  const char *before = "2026-03-01T07:29:59Z", *after = "2026-03-01T07:30:00Z";
  int n = 0;
  news_item *v = news_list_published(t->d, &a, "fi", before, 10, 0, &n);
  assert_int_equal(n, 1);
  assert_string_equal(v[0].title[0], "Julkaistu");
  assert_int_equal(news_count_published(t->d, before), 1);
  assert_string_equal(news_status(news_get(t->d, &a, sid, "fi"), before), "scheduled");
  char next[24];
  assert_int_equal(news_next_publish_at(t->d, before, next), 1);
  assert_string_equal(next, "2026-03-01T07:30:00Z");
  v = news_list_published(t->d, &a, "fi", after, 10, 0, &n);
  assert_int_equal(n, 2);
  assert_string_equal(v[0].title[0], "Ajastettu"); /* newest first */
  assert_string_equal(news_status(&v[0], after), "published");
  assert_int_equal(news_next_publish_at(t->d, after, next), 1);
  assert_string_equal(next, "2026-06-01T07:30:00Z");
  assert_int_equal(news_next_publish_at(t->d, "2027-01-01T00:00:00Z", next), 0);
  /* paging */
  v = news_list_published(t->d, &a, "fi", "2027-01-01T00:00:00Z", 1, 1, &n);
  assert_int_equal(n, 1);
  assert_string_equal(v[0].title[0], "Ajastettu");
  /* staff see everything, drafts first */
  v = news_list_all(t->d, &a, 10, 0, &n);
  assert_int_equal(n, 4);
  assert_string_equal(v[0].title[0], "Luonnos");
  assert_string_equal(news_status(&v[0], after), "draft");
  arena_free(&a);
}

/* An image needs its Finnish alt text, and the Swedish/English one when that language's title is given; a file that
 * is not an image is refused on the image field; nothing is stored on a refusal. */
static void test_image_alt(void **state) {
  tmpdb *t = *state;
  arena a = {0};
  kerr e = {0};
  news_item n = item("Kuvallinen", NULL);
  news_image img = {PNG, sizeof PNG, "kuva.png"};
  assert_int_equal(news_save(t->d, &n, &img, 0, "x@example.fi", &e), 0);
  assert_string_equal(e.field, "image_alt");
  kerr_clear(&e);
  n.image_alt[0] = "Punainen piste";
  n.title[2] = "With a picture";
  assert_int_equal(news_save(t->d, &n, &img, 0, "x@example.fi", &e), 0);
  assert_string_equal(e.field, "image_alt_en");
  kerr_clear(&e);
  news_image text = {"ei kuva", 7, "kuva.png"};
  n.image_alt[2] = "A red dot";
  kerr_add(&e, "date", "Anna julkaisupäivä muodossa 22.11.2026."); /* the page's own error comes first */
  assert_int_equal(news_save(t->d, &n, &text, 0, "x@example.fi", &e), 0);
  assert_string_equal(e.field, "date"); /* kept, and the image's added after it */
  assert_non_null(e.next);
  assert_string_equal(e.next->field, "image");
  kerr_clear(&e);
  assert_int_equal(db_int(t->d, -1, "SELECT count(*) FROM news", ""), 0);
  assert_int_equal(db_int(t->d, -1, "SELECT count(*) FROM media", ""), 0);
  long long id = news_save(t->d, &n, &img, 0, "x@example.fi", &e);
  assert_true(id > 0);
  news_item *got = news_get(t->d, &a, id, "en");
  assert_true(got->image_id > 0);
  assert_string_equal(got->image_name, "kuva.png");
  assert_string_equal(got->t_alt.text, "A red dot");
  got = news_get(t->d, &a, id, "sv"); /* no Swedish title: the Finnish alt text with it */
  assert_string_equal(got->t_alt.text, "Punainen piste");
  assert_int_equal(got->t_alt.fallback, 1);
  /* removing the image removes the file too */
  n.id = id;
  assert_int_equal(news_save(t->d, &n, NULL, 1, "x@example.fi", &e), id);
  assert_int_equal(db_int(t->d, -1, "SELECT count(*) FROM media", ""), 0);
  /* deleting */
  assert_int_equal(news_delete(t->d, id, "x@example.fi", &e), K_OK);
  assert_null(news_get(t->d, &a, id, "fi"));
  assert_int_equal(news_delete(t->d, id, "x@example.fi", &e), K_ERR);
  kerr_clear(&e);
  arena_free(&a);
}

/* The body as the item page and the feed write it: raw HTML and javascript: links never reach the page. */
static void test_markdown_safe(void **state) {
  (void)state;
  web_req r = {0};
  markdown_write(&r, "## Otsikko\n\nTeksti <script>alert(1)</script> ja <b onclick=\"x()\">tämä</b>.\n\n"
                     "<iframe src=\"https://example.com\"></iframe>\n\n[linkki](javascript:alert(2))\n");
  const char *html = r.out.data;
  assert_non_null(strstr(html, "<h2>Otsikko</h2>"));
  assert_null(strstr(html, "<script"));
  assert_null(strstr(html, "<iframe"));
  assert_null(strstr(html, "onclick"));
  assert_null(strstr(html, "javascript:"));
  buf_free(&r.out);
}

/* Finnish local time typed in the editor → UTC: EET in winter, EEST in summer, the skipped hour refused. */
static void test_fi_to_utc(void **state) {
  (void)state;
  char out[21];
  assert_int_equal(date_fi_to_utc("22.11.2026", "09:30", out), K_OK);
  assert_string_equal(out, "2026-11-22T07:30:00Z");
  assert_int_equal(date_fi_to_utc("1.7.2026", "9.05", out), K_OK);
  assert_string_equal(out, "2026-07-01T06:05:00Z");
  assert_int_equal(date_fi_to_utc("2026-01-01", "00:00", out), K_OK);
  assert_string_equal(out, "2025-12-31T22:00:00Z");
  assert_int_equal(date_fi_to_utc("29.3.2026", "03:30", out), K_ERR); /* clocks go from 03 to 04 */
  assert_int_equal(date_fi_to_utc("29.3.2026", "04:00", out), K_OK);
  assert_string_equal(out, "2026-03-29T01:00:00Z");
  assert_int_equal(date_fi_to_utc("25.10.2026", "03:30", out), K_OK); /* happens twice: the first (summer) one */
  assert_string_equal(out, "2026-10-25T00:30:00Z");
  assert_int_equal(date_fi_to_utc("31.2.2026", "09:30", out), K_ERR);
  assert_int_equal(date_fi_to_utc("1.2.2026", "24:00", out), K_ERR);
  assert_int_equal(date_fi_to_utc("1.2.2026", "9:30 x", out), K_ERR);
  assert_int_equal(date_fi_to_utc("1.2.2026", "", out), K_ERR);
  assert_int_equal(date_fi_to_utc("1.2.2026", NULL, out), K_ERR);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_uid_stable, setup, teardown),
      cmocka_unit_test_setup_teardown(test_scheduled, setup, teardown),
      cmocka_unit_test_setup_teardown(test_image_alt, setup, teardown),
      cmocka_unit_test(test_markdown_safe),
      cmocka_unit_test(test_fi_to_utc),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
