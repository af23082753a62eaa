/* Unit tests for model/publication and the PDF checks of model/media: a PDF accepted by its content, a text file
 * named x.pdf refused, a PNG refused as a video, the size limit; saving, publishing (needs the PDF), lists, delete. */
#include <stdio.h>

#include "core/buf.h"
#include "demo/demo_pubs.h"
#include "model/media.h"
#include "model/publication.h"
#include "testdb.h"

/* The 8-byte signature and the IHDR chunk of a 1x1 PNG: enough for libmagic to call it image/png. */
static const unsigned char PNG[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0,    0,    0,    1,   0, 0, 0, 1, 8,
    6,    0,   0,   0,   0x1f, 0x15, 0xc4, 0x89, 0, 0, 0, 0,  'I', 'E', 'N', 'D', 0xae, 0x42, 0x60, 0x82};

static void test_media_check(void **state) {
  kerr e = {0};
  buf pdf = BUF_INIT;
  demo_pdf(&pdf, "Kunteko-ohjelman loppujulkaisu 2020");
  assert_string_equal(media_check("pdf", pdf.data, pdf.len, "file", &e), "application/pdf");
  assert_null(e.msg);
  /* a text file is not a PDF, whatever its name */
  const char *text = "Tämä on tekstiä eikä PDF.\n";
  assert_null(media_check("pdf", text, strlen(text), "file", &e));
  assert_string_equal(e.field, "file");
  assert_non_null(strstr(e.msg, "PDF"));
  kerr_clear(&e);
  /* a PNG is an image, not a video */
  assert_string_equal(media_check("image", PNG, sizeof PNG, "file", &e), "image/png");
  assert_null(media_check("video", PNG, sizeof PNG, "file", &e));
  assert_non_null(strstr(e.msg, "Videon"));
  kerr_clear(&e);
  /* empty and too large */
  assert_null(media_check("pdf", "", 0, "file", &e));
  kerr_clear(&e);
  char *big = calloc(1, MEDIA_MAX_PDF + 1);
  memcpy(big, pdf.data, pdf.len);
  assert_null(media_check("pdf", big, MEDIA_MAX_PDF + 1, "file", &e));
  assert_non_null(strstr(e.msg, "liian suuri"));
  kerr_clear(&e);
  free(big);
  buf_free(&pdf);
}

/* The generated PDF is well formed enough: its xref offsets point at the objects they name. */
static void test_demo_pdf_xref(void **state) {
  buf pdf = BUF_INIT;
  demo_pdf(&pdf, "Kunteko-ohjelman raportti 2015–2017 (ääkköset)");
  const char *start = strstr(pdf.data, "startxref\n");
  assert_non_null(start);
  long xref = strtol(start + 10, NULL, 10);
  assert_memory_equal(pdf.data + xref, "xref\n0 7\n", 9);
  const char *entry = pdf.data + xref + 9 + 20; /* after the free entry */
  for (int i = 1; i <= 6; i++, entry += 20) {
    long off = strtol(entry, NULL, 10);
    char obj[24];
    snprintf(obj, sizeof obj, "%d 0 obj", i);
    assert_memory_equal(pdf.data + off, obj, strlen(obj));
  }
  assert_non_null(strstr(pdf.data, "(Esittelyaineisto \x96 paikkamerkki)"));
  buf_free(&pdf);
}

static publication sample(void) {
  publication p = {0};
  p.title = "Kunteko 2020 -ohjelman ulkoinen arviointi";
  p.authors = "MDI Oy";
  p.year = 2020;
  p.type = "evaluation";
  p.lang = "fi";
  p.summary = "Arviointi. <script>alert(1)</script>";
  return p;
}

static void test_save_publish_delete(void **state) {
  db *d = testdb_open();
  arena a = {0};
  kerr e = {0};
  /* field errors, every one at once */
  publication bad = {0};
  bad.title = "";
  bad.type = "blog";
  bad.lang = "de";
  assert_int_equal(publication_save(d, &bad, NULL, NULL, 0, "t@example.fi", &e), 0);
  int nerr = 0;
  for (kerr *x = &e; x && x->msg; x = x->next) nerr++;
  assert_int_equal(nerr, 4); /* title, year, type, lang */
  kerr_clear(&e);
  /* a bad file's error comes with the fields' errors */
  assert_int_equal(publication_save(d, &bad, "x.pdf", "hello\n", 6, "t@example.fi", &e), 0);
  nerr = 0;
  const kerr *last = NULL;
  for (kerr *x = &e; x && x->msg; x = x->next) nerr++, last = x;
  assert_int_equal(nerr, 5);
  assert_string_equal(last->field, "file");
  kerr_clear(&e);
  /* a text file as the PDF: refused, nothing stored */
  publication p = sample();
  assert_int_equal(publication_save(d, &p, "x.pdf", "hello\n", 6, "t@example.fi", &e), 0);
  assert_string_equal(e.field, "file");
  kerr_clear(&e);
  assert_int_equal(db_int(d, -1, "SELECT count(*) FROM publication", ""), 0);
  assert_int_equal(db_int(d, -1, "SELECT count(*) FROM media", ""), 0);
  /* saved without a file: cannot be published */
  long long id = publication_save(d, &p, NULL, NULL, 0, "t@example.fi", &e);
  assert_true(id > 0);
  assert_int_equal(publication_publish(d, id, 1, "t@example.fi", &e), K_ERR);
  assert_non_null(strstr(e.msg, "PDF"));
  kerr_clear(&e);
  /* with its PDF it can */
  buf pdf = BUF_INIT;
  demo_pdf(&pdf, p.title);
  p.id = id;
  assert_int_equal(publication_save(d, &p, "../Arviointi 2020.PDF", pdf.data, pdf.len, "t@example.fi", &e), id);
  publication got;
  assert_int_equal(publication_get(d, &a, id, &got), 1);
  assert_string_equal(got.file_name, "Arviointi-2020.pdf");
  assert_int_equal(got.file_size, (long long)pdf.len);
  assert_null(got.published_at);
  assert_false(media_public(d, got.file_id));
  publication_filter pub = {0, "", "", 1}, all = {0, "", "", 0};
  assert_int_equal(publication_count(d, &pub), 0);
  assert_int_equal(publication_count(d, &all), 1);
  assert_int_equal(publication_publish(d, id, 1, "t@example.fi", &e), K_OK);
  assert_int_equal(publication_count(d, &pub), 1);
  assert_true(media_public(d, got.file_id));
  publication_filter other = {2019, "", "", 1}, typed = {2020, "evaluation", "fi", 1}, sv = {0, "", "sv", 1};
  assert_int_equal(publication_count(d, &other), 0);
  assert_int_equal(publication_count(d, &typed), 1);
  assert_int_equal(publication_count(d, &sv), 0);
  int n = 0;
  publication *v = publication_list(d, &a, &pub, 10, 0, &n);
  assert_int_equal(n, 1);
  assert_string_equal(v[0].title, p.title);
  int *years = publication_years(d, &a, &n);
  assert_int_equal(n, 1);
  assert_int_equal(years[0], 2020);
  /* a new file replaces the old one, which goes */
  long long old_file = got.file_id;
  demo_pdf(&pdf, "toinen");
  assert_int_equal(publication_save(d, &p, "uusi.pdf", pdf.data, pdf.len, "t@example.fi", &e), id);
  assert_int_equal(db_int(d, -1, "SELECT count(*) FROM media WHERE id = ?1", "i", old_file), 0);
  /* unpublished: its file is not public */
  assert_int_equal(publication_publish(d, id, 0, "t@example.fi", &e), K_OK);
  publication_get(d, &a, id, &got);
  assert_null(got.published_at);
  assert_false(media_public(d, got.file_id));
  /* audit rows of every change */
  assert_true(db_int(d, 0, "SELECT count(*) FROM audit WHERE subject = 'publication:' || ?1", "i", id) >= 4);
  /* delete takes the file with it */
  assert_int_equal(publication_delete(d, id, "t@example.fi", &e), K_OK);
  assert_int_equal(publication_get(d, &a, id, &got), 0);
  assert_int_equal(db_int(d, -1, "SELECT count(*) FROM media", ""), 0);
  assert_int_equal(publication_delete(d, id, "t@example.fi", &e), K_ERR);
  kerr_clear(&e);
  buf_free(&pdf);
  arena_free(&a);
  db_close(d);
}

int main(void) {
  (void)testdb_deed;
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_media_check),
      cmocka_unit_test(test_demo_pdf_xref),
      cmocka_unit_test(test_save_publish_delete),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
