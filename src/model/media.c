/* media: files served from the database, checked by their content (libmagic). */
#include "model/media.h"

#include <magic.h>
#include <sodium.h>
#include <string.h>

static const struct {
  const char *kind, *mime, *ext;
} accepted[] = {
    {"image", "image/png", ".png"},       {"image", "image/jpeg", ".jpg"}, {"image", "image/webp", ".webp"},
    {"image", "image/gif", ".gif"},       {"pdf", "application/pdf", ".pdf"}, {"video", "video/mp4", ".mp4"},
    {"video", "video/webm", ".webm"},     {"video", "video/ogg", ".ogv"},
};

static size_t kind_limit(const char *kind) {
  if (!strcmp(kind, "image")) return MEDIA_MAX_IMAGE;
  if (!strcmp(kind, "pdf")) return MEDIA_MAX_PDF;
  return MEDIA_MAX_VIDEO;
}

/* The MIME type libmagic finds in data, into out (n bytes); "" when it cannot tell. A magic cookie per call: the
 * library's cookie is not for sharing between threads, and an upload is rare enough for the load. */
static void sniff(const void *data, size_t len, char *out, size_t n) {
  out[0] = 0;
  magic_t m = magic_open(MAGIC_MIME_TYPE | MAGIC_ERROR);
  if (!m) return;
  if (magic_load(m, NULL) == 0) {
    const char *t = magic_buffer(m, data, len);
    if (t) snprintf(out, n, "%s", t);
  }
  magic_close(m);
}

const char *media_check(const char *kind, const void *data, size_t len, const char *field, kerr *e) {
  if (len == 0) {
    kerr_set(e, field, N_("Tiedosto on tyhjä."));
    return NULL;
  }
  if (len > kind_limit(kind)) {
    kerr_set(e, field, N_("Tiedosto on liian suuri: enintään %d Mt."), (int)(kind_limit(kind) / (1024 * 1024)));
    return NULL;
  }
  char found[128];
  sniff(data, len, found, sizeof found);
  /* libmagic names MP4 video/mp4 or (for some brands) video/quicktime's cousin; WebM is video/webm */
  for (size_t i = 0; i < sizeof accepted / sizeof accepted[0]; i++)
    if (!strcmp(accepted[i].kind, kind) && !strcmp(accepted[i].mime, found)) return accepted[i].mime;
  /* the type found is logged, not shown: the message stays one the catalogs translate */
  log_info("media: a %r upload refused, its content is %r", kind, *found ? found : "unknown");
  if (!strcmp(kind, "pdf")) kerr_set(e, field, N_("Tiedosto ei ole PDF-tiedosto."));
  else if (!strcmp(kind, "image")) kerr_set(e, field, N_("Kuvan pitää olla PNG-, JPEG-, WebP- tai GIF-kuva."));
  else kerr_set(e, field, N_("Videon pitää olla MP4-, WebM- tai Ogg-video."));
  return NULL;
}

/* The download name: the sent name's letters, digits, '.', '-' and '_' (others become '-'), without its own
 * ending, plus the type's ending; "tiedosto" when nothing is left. */
static void safe_name(const char *sent, const char *mime, char *out, size_t n) {
  const char *ext = "";
  for (size_t i = 0; i < sizeof accepted / sizeof accepted[0]; i++)
    if (!strcmp(accepted[i].mime, mime)) ext = accepted[i].ext;
  const char *base = sent ? strrchr(sent, '/') : NULL;
  base = base ? base + 1 : sent ? sent : "";
  const char *bs = strrchr(base, '\\');
  if (bs) base = bs + 1;
  size_t len = strlen(base);
  const char *dot = strrchr(base, '.');
  if (dot && dot != base) len = (size_t)(dot - base);
  size_t o = 0, room = n - strlen(ext) - 1;
  if (len > 80) len = 80;
  for (size_t i = 0; i < len && o < room; i++) {
    unsigned char c = (unsigned char)base[i];
    int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
             c == '.';
    if (c >= 0x80) continue; /* letters outside ASCII are dropped: the name stays a plain header value */
    out[o++] = ok ? (char)c : '-';
  }
  out[o] = 0;
  if (o == 0) snprintf(out, n, "tiedosto");
  strncat(out, ext, n - strlen(out) - 1);
}

long long media_add(db *d, const char *kind, const char *filename, const void *data, size_t len, const char *by,
                    const char *field, kerr *e) {
  const char *mime = media_check(kind, data, len, field, e);
  if (!mime) return 0;
  unsigned char h[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(h, data, len);
  char hex[2 * crypto_hash_sha256_BYTES + 1], name[128];
  sodium_bin2hex(hex, sizeof hex, h, sizeof h);
  safe_name(filename, mime, name, sizeof name);
  db_stmt *st = db_prepare(d, "INSERT INTO media(kind, mime, filename, size, sha256, content, created_by, created_at) "
                              "VALUES (:kind, :mime, :name, :size, :sha, :content, :by, :now)");
  db_bind_text(st, ":kind", kind);
  db_bind_text(st, ":mime", mime);
  db_bind_text(st, ":name", name);
  db_bind_int(st, ":size", (long long)len);
  db_bind_text(st, ":sha", hex);
  db_bind_blob(st, ":content", data, len);
  db_bind_text(st, ":by", by ? by : "");
  db_bind_text(st, ":now", db_now().s);
  int ok = db_step(st) == 0;
  db_done(st);
  if (!ok) {
    kerr_storage(e, N_("Tiedoston tallennus"), db_errmsg(d));
    return 0;
  }
  return db_last_id(d);
}

int media_get(db *d, arena *a, long long id, int with_content, media *out) {
  memset(out, 0, sizeof *out);
  db_stmt *st = db_query(d,
                         with_content ? "SELECT id, kind, mime, filename, size, sha256, created_at, content FROM media "
                                        "WHERE id = ?1"
                                      : "SELECT id, kind, mime, filename, size, sha256, created_at FROM media "
                                        "WHERE id = ?1",
                         "i", id);
  int found = db_step(st) == 1;
  if (found) {
    out->id = db_col_int(st, 0);
    out->kind = db_col_adup(st, 1, a);
    out->mime = db_col_adup(st, 2, a);
    out->filename = db_col_adup(st, 3, a);
    out->size = db_col_int(st, 4);
    out->sha256 = db_col_adup(st, 5, a);
    out->created_at = db_col_adup(st, 6, a);
    if (with_content) {
      size_t len = 0;
      const void *v = db_col_blob(st, 7, &len);
      char *copy = arena_alloc(a, len + 1);
      if (len) memcpy(copy, v, len);
      out->content = copy;
      out->size = (long long)len;
    }
  }
  db_done(st);
  return found;
}

int media_public(db *d, long long id) {
  const char *now = db_now().s;
  return db_int(d, 0,
                "SELECT CASE WHEN EXISTS(SELECT 1 FROM news WHERE image_id = ?1 AND publish_at <= ?2)"
                " OR EXISTS(SELECT 1 FROM publication WHERE file_id = ?1 AND published_at IS NOT NULL)"
                " OR EXISTS(SELECT 1 FROM video WHERE file_id = ?1 AND published_at IS NOT NULL) THEN 1 ELSE 0 END",
                "it", id, now) > 0;
}

void media_prune(db *d, long long id) {
  if (id <= 0) return;
  db_exec(d,
          "DELETE FROM media WHERE id = ?1 AND NOT EXISTS(SELECT 1 FROM news WHERE image_id = ?1) "
          "AND NOT EXISTS(SELECT 1 FROM publication WHERE file_id = ?1) "
          "AND NOT EXISTS(SELECT 1 FROM video WHERE file_id = ?1)",
          "i", id);
}
