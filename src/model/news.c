/* news: reading, listing and saving news items; the uid made once; the next scheduled publish time. */
#include "model/news.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "model/audit.h"
#include "model/media.h"
#include "model/write.h"

#define COLS                                                                                                           \
  "n.id, n.uid, n.title, n.title_sv, n.title_en, n.lead, n.lead_sv, n.lead_en, n.body, n.body_sv, n.body_en,"          \
  " COALESCE(n.image_id, 0), n.image_alt, n.image_alt_sv, n.image_alt_en, n.publish_at, n.created_at, n.updated_at,"   \
  " n.updated_by, COALESCE(m.filename, '')"
#define FROM " FROM news n LEFT JOIN media m ON m.id = n.image_id"

static const char *nz(const char *s) {
  return s ? s : "";
}

static void read_row(db_stmt *st, arena *a, const char *lang, news_item *n) {
  n->id = db_col_int(st, 0);
  n->uid = db_col_adup(st, 1, a);
  for (int i = 0; i < 3; i++) {
    n->title[i] = db_col_adup(st, 2 + i, a);
    n->lead[i] = db_col_adup(st, 5 + i, a);
    n->body[i] = db_col_adup(st, 8 + i, a);
    n->image_alt[i] = db_col_adup(st, 12 + i, a);
  }
  n->image_id = db_col_int(st, 11);
  n->publish_at = db_col_null(st, 15) ? NULL : db_col_adup(st, 15, a);
  n->created_at = db_col_adup(st, 16, a);
  n->updated_at = db_col_adup(st, 17, a);
  n->updated_by = db_col_adup(st, 18, a);
  n->image_name = db_col_adup(st, 19, a);
  n->t_title = tr_pick(lang, n->title[0], n->title[1], n->title[2]);
  n->t_lead = tr_pick(lang, n->lead[0], n->lead[1], n->lead[2]);
  n->t_body = tr_pick(lang, n->body[0], n->body[1], n->body[2]);
  n->t_alt = tr_pick(lang, n->image_alt[0], n->image_alt[1], n->image_alt[2]);
  /* the alt text goes with the title: a Swedish page with the Finnish title stands the Finnish alt text in */
  if (n->t_title.fallback) n->t_alt = (tr){n->image_alt[0], 1};
}

static news_item *read_all(db_stmt *st, arena *a, const char *lang, int *n) {
  news_item *v = NULL;
  int cap = 0;
  *n = 0;
  while (db_step(st) == 1) {
    v = arena_grow(a, v, *n, &cap, sizeof *v);
    memset(&v[*n], 0, sizeof *v);
    read_row(st, a, lang, &v[(*n)++]);
  }
  db_done(st);
  return v;
}

const char *news_status(const news_item *n, const char *now) {
  if (!n->publish_at) return "draft";
  return strcmp(n->publish_at, now) > 0 ? "scheduled" : "published";
}

news_item *news_get(db *d, arena *a, long long id, const char *lang) {
  db_stmt *st = db_query(d, "SELECT " COLS FROM " WHERE n.id = ?1", "i", id);
  news_item *n = NULL;
  if (db_step(st) == 1) {
    n = arena_alloc(a, sizeof *n);
    read_row(st, a, lang, n);
  }
  db_done(st);
  return n;
}

news_item *news_list_published(db *d, arena *a, const char *lang, const char *now, int limit, int offset, int *n) {
  return read_all(db_query(d,
                           "SELECT " COLS FROM " WHERE n.publish_at <= ?1 ORDER BY n.publish_at DESC, n.id DESC"
                           " LIMIT ?2 OFFSET ?3",
                           "tii", now, (long long)limit, (long long)offset),
                  a, lang, n);
}

long long news_count_published(db *d, const char *now) {
  return db_int(d, 0, "SELECT COUNT(*) FROM news WHERE publish_at <= ?1", "t", now);
}

news_item *news_list_all(db *d, arena *a, int limit, int offset, int *n) {
  return read_all(db_query(d,
                           "SELECT " COLS FROM " ORDER BY CASE WHEN n.publish_at IS NULL THEN 0 ELSE 1 END,"
                           " n.publish_at DESC, n.id DESC LIMIT ?1 OFFSET ?2",
                           "ii", (long long)limit, (long long)offset),
                  a, "fi", n);
}

long long news_count_all(db *d) {
  return db_int(d, 0, "SELECT COUNT(*) FROM news", "");
}

int news_next_publish_at(db *d, const char *now, char out[24]) {
  db_stmt *st = db_query(d, "SELECT MIN(publish_at) FROM news WHERE publish_at > ?1", "t", now);
  int found = db_step(st) == 1 && !db_col_null(st, 0);
  if (found) snprintf(out, 24, "%s", db_col_text(st, 0));
  db_done(st);
  return found;
}

void news_make_uid(char out[46]) {
  unsigned char b[16];
  randombytes_buf(b, sizeof b);
  b[6] = (unsigned char)((b[6] & 0x0f) | 0x40); /* version 4 */
  b[8] = (unsigned char)((b[8] & 0x3f) | 0x80); /* the RFC 4122 variant */
  snprintf(out, 46, "urn:uuid:%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1], b[2],
           b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
}

/* ---- saving ---- */

static void check_text(const char *v, const char *field, size_t max, const char *too_long, kerr *e) {
  if (!util_utf8_valid(nz(v), strlen(nz(v))))
    kerr_add(e, field, N_("Teksti ei ole kelvollista UTF-8-tekstiä."));
  else if (util_utf8_len(nz(v)) > max)
    kerr_add(e, field, too_long);
}

static void check(const news_item *n, int has_image, kerr *e) {
  static const char *const tf[] = {"title", "title_sv", "title_en"}, *const lf[] = {"lead", "lead_sv", "lead_en"},
                           *const bf[] = {"body", "body_sv", "body_en"},
                           *const af[] = {"image_alt", "image_alt_sv", "image_alt_en"};
  if (util_blank(n->title[0])) kerr_add(e, "title", N_("Otsikko puuttuu."));
  for (int i = 0; i < 3; i++) {
    check_text(n->title[i], tf[i], NEWS_MAX_TITLE, N_("Otsikko on liian pitkä (enintään 200 merkkiä)."), e);
    check_text(n->lead[i], lf[i], NEWS_MAX_LEAD, N_("Ingressi on liian pitkä (enintään 1 000 merkkiä)."), e);
    check_text(n->body[i], bf[i], NEWS_MAX_BODY, N_("Teksti on liian pitkä (enintään 50 000 merkkiä)."), e);
    check_text(n->image_alt[i], af[i], NEWS_MAX_ALT, N_("Vaihtoehtoinen teksti on liian pitkä (enintään 300 merkkiä)."),
               e);
    if (i && util_blank(n->title[i]) && (!util_blank(n->lead[i]) || !util_blank(n->body[i])))
      kerr_add(e, tf[i], i == 1 ? N_("Ruotsinkielinen otsikko puuttuu.") : N_("Englanninkielinen otsikko puuttuu."));
  }
  if (!has_image) return;
  if (util_blank(n->image_alt[0]))
    kerr_add(e, "image_alt", N_("Kuvan vaihtoehtoinen teksti puuttuu: kerro lyhyesti, mitä kuvassa on."));
  if (!util_blank(n->title[1]) && util_blank(n->image_alt[1]))
    kerr_add(e, "image_alt_sv", N_("Kuvan ruotsinkielinen vaihtoehtoinen teksti puuttuu."));
  if (!util_blank(n->title[2]) && util_blank(n->image_alt[2]))
    kerr_add(e, "image_alt_en", N_("Kuvan englanninkielinen vaihtoehtoinen teksti puuttuu."));
}

static long long write_row(db *d, const news_item *n, long long image_id, const char *by) {
  const char *now = db_now().s;
  db_stmt *st;
  if (n->id)
    st = db_prepare(d, "UPDATE news SET title=:t0, title_sv=:t1, title_en=:t2, lead=:l0, lead_sv=:l1, lead_en=:l2,"
                       " body=:b0, body_sv=:b1, body_en=:b2, image_id=:img, image_alt=:a0, image_alt_sv=:a1,"
                       " image_alt_en=:a2, publish_at=:pub, updated_by=:by, updated_at=:now WHERE id=:id");
  else
    st =
        db_prepare(d, "INSERT INTO news(uid, title, title_sv, title_en, lead, lead_sv, lead_en, body, body_sv, body_en,"
                      " image_id, image_alt, image_alt_sv, image_alt_en, publish_at, created_by, created_at,"
                      " updated_by, updated_at) VALUES(:uid, :t0, :t1, :t2, :l0, :l1, :l2, :b0, :b1, :b2, :img, :a0,"
                      " :a1, :a2, :pub, :by, :now, :by, :now)");
  static const char *const tn[] = {":t0", ":t1", ":t2"}, *const ln[] = {":l0", ":l1", ":l2"},
                           *const bn[] = {":b0", ":b1", ":b2"}, *const an[] = {":a0", ":a1", ":a2"};
  for (int i = 0; i < 3; i++) {
    db_bind_text(st, tn[i], nz(n->title[i]));
    db_bind_text(st, ln[i], nz(n->lead[i]));
    db_bind_text(st, bn[i], nz(n->body[i]));
    db_bind_text(st, an[i], image_id ? nz(n->image_alt[i]) : "");
  }
  if (image_id)
    db_bind_int(st, ":img", image_id);
  else
    db_bind_null(st, ":img");
  if (n->publish_at)
    db_bind_text(st, ":pub", n->publish_at);
  else
    db_bind_null(st, ":pub");
  db_bind_text(st, ":by", nz(by));
  db_bind_text(st, ":now", now);
  char uid[46]; /* bound below: alive until the step */
  if (n->id) {
    db_bind_int(st, ":id", n->id);
  } else {
    news_make_uid(uid);
    db_bind_text(st, ":uid", uid);
  }
  int rc = db_step(st);
  db_done(st);
  if (rc < 0) return 0;
  return n->id ? n->id : db_last_id(d);
}

long long news_save(db *d, const news_item *n, const news_image *img, int remove_image, const char *by, kerr *e) {
  long long old_image = 0;
  if (n->id) {
    if (!db_exists(d, "SELECT 1 FROM news WHERE id = ?1", "i", n->id)) {
      kerr_set(e, NULL, N_("Uutista ei ole."));
      return 0;
    }
    old_image = db_int(d, 0, "SELECT COALESCE(image_id, 0) FROM news WHERE id = ?1", "i", n->id);
  }
  int new_image = img && img->len;
  if (new_image) { /* media_check sets its own error: added to the caller's so none is lost */
    kerr m = {0};
    if (!media_check("image", img->data, img->len, "image", &m)) kerr_add(e, m.field, "%r", m.msg);
    kerr_clear(&m);
  }
  check(n, new_image || (old_image && !remove_image), e);
  if (e->msg) return 0;
  if (write_begin(d, "Uutisen tallennus", e) != K_OK) return 0;
  long long image_id = remove_image ? 0 : old_image;
  int rc = K_OK;
  if (new_image) {
    image_id = media_add(d, "image", img->filename, img->data, img->len, by, "image", e);
    if (!image_id) rc = K_ERR;
  }
  long long id = rc == K_OK ? write_row(d, n, image_id, by) : 0;
  if (!id) rc = K_ERR;
  if (rc == K_OK && old_image && old_image != image_id) media_prune(d, old_image);
  char subj[48];
  snprintf(subj, sizeof subj, "news:%lld", id);
  if (rc == K_OK) rc = audit_log(d, nz(by), n->id ? "update" : "create", subj, n->publish_at ? n->publish_at : "draft");
  return write_end(d, rc, "Uutisen tallennus", e) == K_OK ? id : 0;
}

int news_delete(db *d, long long id, const char *by, kerr *e) {
  if (!db_exists(d, "SELECT 1 FROM news WHERE id = ?1", "i", id)) return kerr_set(e, NULL, N_("Uutista ei ole."));
  long long image = db_int(d, 0, "SELECT COALESCE(image_id, 0) FROM news WHERE id = ?1", "i", id);
  if (write_begin(d, "Uutisen poisto", e) != K_OK) return K_ERR;
  int rc = db_exec(d, "DELETE FROM news WHERE id = ?1", "i", id) == DB_OK ? K_OK : K_ERR;
  if (rc == K_OK) media_prune(d, image);
  char subj[48];
  snprintf(subj, sizeof subj, "news:%lld", id);
  if (rc == K_OK) rc = audit_log(d, nz(by), "delete", subj, NULL);
  return write_end(d, rc, "Uutisen poisto", e);
}
