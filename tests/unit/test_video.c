/* Unit tests for model/video: WebVTT and address checks, saving with an uploaded file or an address, captions per
 * language, publishing refused without captions (WCAG 1.2.2), a published video keeps one, delete. */
#include "core/embed.h"
#include "model/media.h"
#include "model/video.h"
#include "testdb.h"

static const char VTT[] = "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nHei!\n";

static int vtt_ok(const char *s, size_t n) {
  kerr e = {0};
  int rc = video_vtt_check(s, n, "vtt", &e);
  kerr_clear(&e);
  return rc == K_OK;
}

static void test_vtt_check(void **state) {
  assert_true(vtt_ok(VTT, strlen(VTT)));
  assert_true(vtt_ok("\xEF\xBB\xBFWEBVTT - otsikko\r\n\r\n00:01.000 --> 00:02.000\r\nÄä\r\n", 48));
  assert_false(vtt_ok("", 0));
  assert_false(vtt_ok("1\n00:00:00,000 --> 00:00:02,000\nSRT\n", 36)); /* SubRip, not WebVTT */
  assert_false(vtt_ok("WEBVTTX\n\n00:00.000 --> 00:01.000\nx\n", 34));
  assert_false(vtt_ok("WEBVTT\n\nno cues here\n", 21));
  assert_false(vtt_ok("WEBVTT\n\n00:00.000 --> 00:01.000\n\xff\xfe\n", 36)); /* not UTF-8 */
  char *big = malloc(VIDEO_MAX_VTT + 2);
  memset(big, 'a', VIDEO_MAX_VTT + 1);
  memcpy(big, VTT, strlen(VTT));
  big[VIDEO_MAX_VTT + 1] = 0;
  kerr e = {0};
  assert_int_equal(video_vtt_check(big, VIDEO_MAX_VTT + 1, "vtt_sv", &e), K_ERR);
  assert_string_equal(e.field, "vtt_sv");
  kerr_clear(&e);
  free(big);
}

static int url_ok(const char *u) {
  kerr e = {0};
  int rc = video_url_check(u, "url", &e);
  kerr_clear(&e);
  return rc == K_OK;
}

static void test_url_check(void **state) {
  assert_true(url_ok("https://example.org/videot/kunteko.mp4"));
  assert_true(url_ok("https://example.org:8080/v.webm?x=1"));
  /* the page's Content-Security-Policy (media-src 'self' https:) and browsers' mixed content rules would not play it */
  assert_false(url_ok("http://example.org/v.webm"));
  assert_false(url_ok("ftp://example.org/v.mp4"));
  assert_false(url_ok("https://"));
  assert_false(url_ok("https:///v.mp4"));
  assert_false(url_ok("javascript:alert(1)"));
  assert_false(url_ok("https://example.org/a b.mp4"));
  assert_false(url_ok("https://example.org/\"onerror=x"));
  assert_false(url_ok(""));
}

static video sample(void) {
  video v = {0};
  v.title[0] = "Mikä on Kunteko-ohjelma?";
  v.title[1] = v.title[2] = "";
  v.description[0] = "Piirretty esittely.";
  v.description[1] = v.description[2] = "";
  v.url = "";
  return v;
}

static void test_save_publish(void **state) {
  db *d = testdb_open();
  arena a = {0};
  kerr e = {0};
  const struct embed_file *webm = embed_get("data/demo/placeholder.webm");
  assert_non_null(webm);
  /* neither a file nor an address */
  video v = sample();
  video_input none = {0};
  assert_int_equal(video_save(d, &v, &none, "t@example.fi", &e), 0);
  assert_string_equal(e.field, "file");
  kerr_clear(&e);
  /* a PNG is no video; bad captions are refused with their field */
  video_input png = {"kuva.webm", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, {"WEBVTT\n\nei aikoja\n", NULL, NULL}};
  assert_int_equal(video_save(d, &v, &png, "t@example.fi", &e), 0);
  assert_string_equal(e.field, "file");
  assert_non_null(e.next);
  assert_string_equal(e.next->field, "vtt");
  kerr_clear(&e);
  video untitled = sample();
  untitled.title[0] = "";
  assert_int_equal(video_save(d, &untitled, &png, "t@example.fi", &e), 0);
  assert_string_equal(e.field, "title"); /* the title's error, the file's and the captions' together */
  assert_string_equal(e.next->field, "file");
  assert_string_equal(e.next->next->field, "vtt");
  kerr_clear(&e);
  assert_int_equal(db_int(d, -1, "SELECT count(*) FROM media", ""), 0);
  /* the uploaded WebM without captions: saved, but not publishable */
  video_input file = {"Esittely.webm", webm->data, webm->len, {NULL, NULL, NULL}};
  long long id = video_save(d, &v, &file, "t@example.fi", &e);
  assert_true(id > 0);
  assert_int_equal(video_publish(d, id, 1, "t@example.fi", &e), K_ERR);
  assert_string_equal(e.field, "vtt");
  assert_non_null(strstr(e.msg, "WCAG 1.2.2"));
  kerr_clear(&e);
  assert_int_equal(video_count(d, 1), 0);
  /* captions in Finnish and English: published; the Swedish page falls back to the Finnish title */
  v.id = id;
  v.title[2] = "What is Kunteko?";
  video_input caps = {NULL, NULL, 0, {VTT, "", VTT}};
  assert_int_equal(video_save(d, &v, &caps, "t@example.fi", &e), id);
  assert_int_equal(video_publish(d, id, 1, "t@example.fi", &e), K_OK);
  video got;
  assert_int_equal(video_get(d, &a, id, "sv", &got), 1);
  assert_string_equal(got.captions, "fi,en");
  assert_string_equal(got.file_mime, "video/webm");
  assert_string_equal(got.file_name, "Esittely.webm");
  assert_int_equal(got.t_title.fallback, 1);
  video_get(d, &a, id, "en", &got);
  assert_string_equal(got.t_title.text, "What is Kunteko?");
  assert_true(media_public(d, got.file_id));
  assert_string_equal(video_caption(d, &a, id, "fi"), VTT);
  assert_null(video_caption(d, &a, id, "sv"));
  int n = 0;
  video *list = video_list(d, &a, "fi", 1, 10, 0, &n);
  assert_int_equal(n, 1);
  assert_int_equal(list[0].id, id);
  /* a published video keeps at least one caption */
  video_input strip = {NULL, NULL, 0, {"", "", ""}};
  assert_int_equal(video_save(d, &v, &strip, "t@example.fi", &e), 0);
  assert_string_equal(e.field, "vtt");
  kerr_clear(&e);
  video_input one = {NULL, NULL, 0, {"", NULL, NULL}}; /* Finnish removed, English kept */
  assert_int_equal(video_save(d, &v, &one, "t@example.fi", &e), id);
  video_get(d, &a, id, "fi", &got);
  assert_string_equal(got.captions, "en");
  /* an address replaces the uploaded file, which goes */
  long long old_file = got.file_id;
  v.url = "https://example.org/kunteko.mp4";
  video_input keep = {0};
  assert_int_equal(video_save(d, &v, &keep, "t@example.fi", &e), id);
  video_get(d, &a, id, "fi", &got);
  assert_int_equal(got.file_id, 0);
  assert_string_equal(got.url, "https://example.org/kunteko.mp4");
  assert_int_equal(db_int(d, -1, "SELECT count(*) FROM media WHERE id = ?1", "i", old_file), 0);
  /* unpublish, delete */
  assert_int_equal(video_publish(d, id, 0, "t@example.fi", &e), K_OK);
  assert_int_equal(video_count(d, 1), 0);
  assert_int_equal(video_delete(d, id, "t@example.fi", &e), K_OK);
  assert_int_equal(video_get(d, &a, id, "fi", &got), 0);
  assert_int_equal(db_int(d, -1, "SELECT count(*) FROM video_caption", ""), 0);
  assert_true(db_int(d, 0, "SELECT count(*) FROM audit WHERE subject = 'video:' || ?1", "i", id) >= 6);
  arena_free(&a);
  db_close(d);
}

int main(void) {
  (void)testdb_deed;
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_vtt_check),
      cmocka_unit_test(test_url_check),
      cmocka_unit_test(test_save_publish),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
