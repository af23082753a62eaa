/* video: the programme's videos, their captions (WebVTT) and publishing, which needs captions (WCAG 1.2.2). */
#include "model/video.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/audit.h"
#include "model/media.h"
#include "model/write.h"

/* the limits are written into the messages (translated as they are) */
_Static_assert(VIDEO_MAX_TITLE == 300 && VIDEO_MAX_DESCRIPTION == 20000 && VIDEO_MAX_VTT == 512 * 1024 &&
                   VIDEO_MAX_URL == 2000,
               "the messages name the limits");

static const char *const LANGS[3] = {"fi", "sv", "en"};
static const char *const VTT_FIELDS[3] = {"vtt", "vtt_sv", "vtt_en"};

static const char *nz(const char *s) {
  return s ? s : "";
}

int video_vtt_check(const char *vtt, size_t len, const char *field, kerr *e) {
  if (!vtt || !len) return kerr_add(e, field, N_("Tekstitys on tyhjä."));
  if (len > VIDEO_MAX_VTT) return kerr_add(e, field, N_("Tekstitys on liian suuri: enintään 512 kt."));
  if (!util_utf8_valid(vtt, len)) return kerr_add(e, field, N_("Tekstitys ei ole UTF-8-tekstiä."));
  const char *p = vtt;
  if (len >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3)) p += 3, len -= 3;
  if (len < 6 || memcmp(p, "WEBVTT", 6) || (len > 6 && p[6] != ' ' && p[6] != '\t' && p[6] != '\n' && p[6] != '\r'))
    return kerr_add(e, field, N_("Tekstitys ei ole WebVTT-muodossa: sen pitää alkaa rivillä WEBVTT."));
  if (!memmem(p, len, "-->", 3))
    return kerr_add(e, field,
                    N_("Tekstityksessä ei ole yhtään tekstiä ajan kanssa (rivi kuten 00:00:01.000 --> 00:00:04.000)."));
  return K_OK;
}

int video_url_check(const char *url, const char *field, kerr *e) {
  size_t n = strlen(nz(url));
  /* https:// only: the pages' Content-Security-Policy lets <video> load only 'self' and https: (server.c), and
   * browsers block or upgrade an http:// file on an https:// page, so an http:// address would not play */
  const char *host = !strncmp(nz(url), "https://", 8) ? url + 8 : NULL;
  if (!host || !*host || *host == '/' || *host == ':' || *host == '?' || *host == '#')
    return kerr_add(e, field, N_("Anna videotiedoston osoite, joka alkaa https://."));
  if (n > VIDEO_MAX_URL) return kerr_add(e, field, N_("Osoite on liian pitkä (enintään 2000 merkkiä)."));
  for (const unsigned char *c = (const unsigned char *)url; *c; c++)
    if (*c <= ' ' || *c == 0x7F || *c == '"' || *c == '<' || *c == '>' || *c == '\\')
      return kerr_add(e, field, N_("Osoitteessa ei saa olla välilyöntejä eikä merkkejä \" < > \\."));
  return K_OK;
}

static void text_check(const char *v, const char *field, size_t max, int required, kerr *e) {
  if (required && util_blank(v))
    kerr_add(e, field, N_("Otsikko puuttuu."));
  else if (v && !util_utf8_valid(v, strlen(v)))
    kerr_add(e, field, N_("Teksti ei ole kelvollista UTF-8-tekstiä."));
  else if (util_utf8_len(nz(v)) > max)
    kerr_add(e, field,
             max == VIDEO_MAX_TITLE ? N_("Teksti on liian pitkä (enintään 300 merkkiä).")
                                    : N_("Teksti on liian pitkä (enintään 20000 merkkiä)."));
}

static int audit(db *d, const char *by, const char *action, long long id, const char *detail) {
  char subj[48];
  snprintf(subj, sizeof subj, "video:%lld", id);
  return audit_log(d, by && *by ? by : "cli", action, subj, detail);
}

/* Checks what a save would store; adds errors to e. */
static void input_check(db *d, const video *v, const video_input *in, kerr *e) {
  static const char *const TF[] = {"title", "title_sv", "title_en"}, *const DF[] = {"description", "description_sv",
                                                                                    "description_en"};
  for (int i = 0; i < 3; i++) {
    text_check(v->title[i], TF[i], VIDEO_MAX_TITLE, i == 0, e);
    text_check(v->description[i], DF[i], VIDEO_MAX_DESCRIPTION, 0, e);
  }
  long long stored_file = v->id ? db_int(d, 0, "SELECT COALESCE(file_id, 0) FROM video WHERE id = ?1", "i", v->id) : 0;
  if (in->data) { /* its error added to the others' (media_check sets, not adds) */
    kerr m = {0};
    if (!media_check("video", in->data, in->len, "file", &m)) kerr_add(e, m.field, "%r", m.msg);
    kerr_clear(&m);
  } else if (!util_blank(v->url))
    video_url_check(v->url, "url", e);
  else if (!stored_file)
    kerr_add(e, "file", N_("Lähetä videotiedosto tai anna videotiedoston osoite."));
  int kept = 0; /* languages that will have captions */
  for (int i = 0; i < 3; i++) {
    const char *t = in->vtt[i];
    if (t && *t)
      video_vtt_check(t, strlen(t), VTT_FIELDS[i], e), kept++;
    else if (!t && v->id)
      kept += db_exists(d, "SELECT 1 FROM video_caption WHERE video_id = ?1 AND lang = ?2", "it", v->id, LANGS[i]);
  }
  if (!kept && v->id && db_exists(d, "SELECT 1 FROM video WHERE id = ?1 AND published_at IS NOT NULL", "i", v->id))
    kerr_add(e, "vtt", N_("Julkaistulla videolla pitää olla tekstitys (WCAG 1.2.2). Poista video ensin julkaisusta."));
}

static int save_captions(db *d, long long id, const video_input *in) {
  for (int i = 0; i < 3; i++) {
    const char *t = in->vtt[i];
    if (!t) continue;
    int rc =
        *t ? db_exec(d,
                     "INSERT INTO video_caption(video_id, lang, vtt) VALUES(?1, ?2, ?3) ON CONFLICT(video_id, lang)"
                     " DO UPDATE SET vtt = excluded.vtt",
                     "itt", id, LANGS[i], t)
           : db_exec(d, "DELETE FROM video_caption WHERE video_id = ?1 AND lang = ?2", "it", id, LANGS[i]);
    if (rc != DB_OK) return K_ERR;
  }
  return K_OK;
}

long long video_save(db *d, const video *v, const video_input *in, const char *by, kerr *e) {
  if (v->id && !db_exists(d, "SELECT 1 FROM video WHERE id = ?1", "i", v->id)) {
    kerr_set(e, NULL, N_("Videota ei ole."));
    return 0;
  }
  input_check(d, v, in, e);
  if (e->msg) return 0;
  if (write_begin(d, "Videon tallennus", e) != K_OK) return 0;
  long long old_file = v->id ? db_int(d, 0, "SELECT COALESCE(file_id, 0) FROM video WHERE id = ?1", "i", v->id) : 0;
  long long file_id = old_file;
  const char *url = nz(v->url);
  int rc = K_OK;
  if (in->data) {
    file_id = media_add(d, "video", in->filename, in->data, in->len, by, "file", e);
    url = "";
    if (!file_id) rc = K_ERR;
  } else if (!util_blank(url)) {
    file_id = 0; /* an address replaces an uploaded file */
  }
  long long id = v->id;
  if (rc == K_OK) {
    db_stmt *st = db_prepare(
        d, v->id ? "UPDATE video SET title = :t0, title_sv = :t1, title_en = :t2, description = :d0,"
                   " description_sv = :d1, description_en = :d2, file_id = :file, url = :url, updated_by = :by,"
                   " updated_at = :now WHERE id = :id"
                 : "INSERT INTO video(title, title_sv, title_en, description, description_sv, description_en, file_id,"
                   " url, created_by, created_at, updated_by, updated_at) VALUES(:t0, :t1, :t2, :d0, :d1, :d2, :file,"
                   " :url, :by, :now, :by, :now)");
    static const char *const tn[] = {":t0", ":t1", ":t2"}, *const dn[] = {":d0", ":d1", ":d2"};
    for (int i = 0; i < 3; i++) {
      db_bind_text(st, tn[i], nz(v->title[i]));
      db_bind_text(st, dn[i], nz(v->description[i]));
    }
    if (file_id)
      db_bind_int(st, ":file", file_id);
    else
      db_bind_null(st, ":file");
    db_bind_text(st, ":url", url);
    db_bind_text(st, ":by", nz(by));
    db_bind_text(st, ":now", db_now().s);
    if (v->id) db_bind_int(st, ":id", v->id);
    rc = db_step(st) < 0 ? K_ERR : K_OK;
    db_done(st);
    if (rc == K_OK && !id) id = db_last_id(d);
  }
  if (rc == K_OK) rc = save_captions(d, id, in);
  if (rc == K_OK && old_file && old_file != file_id) media_prune(d, old_file);
  if (rc == K_OK) rc = audit(d, by, v->id ? "update" : "create", id, v->title[0]);
  return write_end(d, rc, "Videon tallennus", e) == K_OK ? id : 0;
}

int video_publish(db *d, long long id, int on, const char *by, kerr *e) {
  if (!db_exists(d, "SELECT 1 FROM video WHERE id = ?1", "i", id)) return kerr_set(e, NULL, N_("Videota ei ole."));
  if (on && !db_exists(d, "SELECT 1 FROM video_caption WHERE video_id = ?1", "i", id))
    return kerr_set(e, "vtt",
                    N_("Videota ei voi julkaista ilman tekstitystä: lisää ainakin yhden kielen tekstitys "
                       "(WebVTT), jotta kuulovammaiset ja äänettä katsovat voivat seurata videota (WCAG 1.2.2)."));
  if (write_begin(d, "Videon julkaiseminen", e) != K_OK) return K_ERR;
  int rc =
      (on ? db_exec(d, "UPDATE video SET published_at = COALESCE(published_at, ?2) WHERE id = ?1", "it", id, db_now().s)
          : db_exec(d, "UPDATE video SET published_at = NULL WHERE id = ?1", "i", id)) == DB_OK
          ? K_OK
          : K_ERR;
  if (rc == K_OK) rc = audit(d, by, on ? "publish" : "unpublish", id, NULL);
  return write_end(d, rc, "Videon julkaiseminen", e);
}

int video_delete(db *d, long long id, const char *by, kerr *e) {
  char *title = db_text(d, "SELECT title FROM video WHERE id = ?1", "i", id);
  if (!title) return kerr_set(e, NULL, N_("Videota ei ole."));
  long long file = db_int(d, 0, "SELECT COALESCE(file_id, 0) FROM video WHERE id = ?1", "i", id);
  int rc = write_begin(d, "Videon poisto", e);
  if (rc == K_OK) {
    rc = db_exec(d, "DELETE FROM video_caption WHERE video_id = ?1", "i", id) == DB_OK &&
                 db_exec(d, "DELETE FROM video WHERE id = ?1", "i", id) == DB_OK
             ? K_OK
             : K_ERR;
    if (rc == K_OK && file) media_prune(d, file);
    if (rc == K_OK) rc = audit(d, by, "delete", id, title);
    rc = write_end(d, rc, "Videon poisto", e);
  }
  free(title);
  return rc;
}

#define HAS(l)                                                                                                         \
  "CASE WHEN EXISTS(SELECT 1 FROM video_caption c WHERE c.video_id = v.id AND c.lang = '" l "') THEN 1 ELSE 0 END"
#define COLS                                                                                                           \
  "v.id, v.title, v.title_sv, v.title_en, v.description, v.description_sv, v.description_en, COALESCE(v.file_id, 0),"  \
  " COALESCE(m.filename, ''), COALESCE(m.mime, ''), COALESCE(m.size, 0), v.url, v.published_at, v.created_at,"         \
  " v.updated_at, v.updated_by, " HAS("fi") ", " HAS("sv") ", " HAS("en")
#define FROM " FROM video v LEFT JOIN media m ON m.id = v.file_id"

static void read_row(db_stmt *st, arena *a, const char *lang, video *v) {
  v->id = db_col_int(st, 0);
  for (int i = 0; i < 3; i++) {
    v->title[i] = db_col_adup(st, 1 + i, a);
    v->description[i] = db_col_adup(st, 4 + i, a);
  }
  v->t_title = tr_pick(lang, v->title[0], v->title[1], v->title[2]);
  v->t_description = tr_pick(lang, v->description[0], v->description[1], v->description[2]);
  v->file_id = db_col_int(st, 7);
  v->file_name = db_col_adup(st, 8, a);
  v->file_mime = db_col_adup(st, 9, a);
  v->file_size = db_col_int(st, 10);
  v->url = db_col_adup(st, 11, a);
  v->published_at = db_col_null(st, 12) ? NULL : db_col_adup(st, 12, a);
  v->created_at = db_col_adup(st, 13, a);
  v->updated_at = db_col_adup(st, 14, a);
  v->updated_by = db_col_adup(st, 15, a);
  char caps[12] = "";
  for (int i = 0; i < 3; i++)
    if (db_col_int(st, 16 + i)) {
      if (*caps) strcat(caps, ",");
      strcat(caps, LANGS[i]);
    }
  v->captions = arena_strdup(a, caps);
}

int video_get(db *d, arena *a, long long id, const char *lang, video *out) {
  memset(out, 0, sizeof *out);
  db_stmt *st = db_query(d, "SELECT " COLS FROM " WHERE v.id = ?1", "i", id);
  int found = db_step(st) == 1;
  if (found) read_row(st, a, lang, out);
  db_done(st);
  return found;
}

char *video_caption(db *d, arena *a, long long id, const char *lang) {
  db_stmt *st = db_query(d, "SELECT vtt FROM video_caption WHERE video_id = ?1 AND lang = ?2", "it", id, nz(lang));
  char *t = db_step(st) == 1 ? db_col_adup(st, 0, a) : NULL;
  db_done(st);
  return t;
}

long long video_count(db *d, int published_only) {
  return db_int(
      d, 0, published_only ? "SELECT count(*) FROM video WHERE published_at IS NOT NULL" : "SELECT count(*) FROM video",
      "");
}

video *video_list(db *d, arena *a, const char *lang, int published_only, int limit, int offset, int *n) {
  db_stmt *st =
      db_query(d,
               published_only ? "SELECT " COLS FROM " WHERE v.published_at IS NOT NULL"
                                " ORDER BY v.published_at DESC, v.id DESC LIMIT ?1 OFFSET ?2"
                              : "SELECT " COLS FROM " ORDER BY v.updated_at DESC, v.id DESC LIMIT ?1 OFFSET ?2",
               "ii", (long long)limit, (long long)offset);
  video *v = NULL;
  int cap = 0;
  *n = 0;
  while (db_step(st) == 1) {
    v = arena_grow(a, v, *n, &cap, sizeof *v);
    read_row(st, a, lang, &v[(*n)++]);
  }
  db_done(st);
  return v;
}
